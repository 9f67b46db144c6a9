-- When each document with a retention period is to be deleted. Written by DocumentRetention in the transaction that
-- stores the document's events, so the retention job finds every due document without reading the event store;
-- documents kept until their person is erased have no row.
CREATE TABLE document_retention (
    document_id    UUID        PRIMARY KEY,
    auto_delete_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX document_retention_due ON document_retention (auto_delete_at);
