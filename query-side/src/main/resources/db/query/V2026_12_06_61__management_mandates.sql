-- Mandates owners give property managers (issue 10), kept by the user-directory processor from the owner's
-- account events. A revoked mandate, or one ended by the owner's role change, stays as an inactive row, so a
-- redelivered grant older than the row cannot bring it back.
CREATE TABLE management_mandate (
    owner_id   UUID        NOT NULL,
    manager_id UUID        NOT NULL,
    active     BOOLEAN     NOT NULL,
    since      TIMESTAMPTZ NOT NULL,
    -- sequence number of the owner's last event applied to the row
    version    BIGINT      NOT NULL,
    PRIMARY KEY (owner_id, manager_id)
);

CREATE INDEX management_mandate_of_manager ON management_mandate (manager_id) WHERE active;
