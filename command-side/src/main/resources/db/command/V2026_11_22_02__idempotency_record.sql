-- Answers to requests sent with an Idempotency-Key (docs/api.md), kept so a retry after a restart is still
-- answered the same. A row with status NULL is a claim of a request still running.
CREATE TABLE idempotency_record (
    principal       VARCHAR(255) NOT NULL DEFAULT '',
    idempotency_key VARCHAR(255) NOT NULL,
    request_hash    CHAR(64)     NOT NULL,
    status          INTEGER,
    content_type    VARCHAR(255),
    location        TEXT,
    etag            VARCHAR(255),
    body            BYTEA,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    completed_at    TIMESTAMPTZ,
    PRIMARY KEY (principal, idempotency_key)
);
CREATE INDEX idempotency_record_created_at ON idempotency_record (created_at);
