-- Tamper evidence of the event log (docs/audit.md): every stored event gets its Merkle leaf in the transaction that
-- stores it, computed by the database itself, so no writer (Axon, a bulk loader, a hand-written INSERT) can forget it.

-- The leaf as io.alter8.merkle.EventLeaf computes it: SHA-256(0x00 || position (8 bytes, big-endian)
-- || SHA-256(header) || SHA-256(payload) || SHA-256(metadata)), the header being the event id, aggregate type,
-- aggregate id, sequence number, timestamp, payload type and revision, each followed by a line feed.
-- The event and aggregate ids travel with the leaf, so that a verification can tell a removed or moved event from a
-- changed one.
CREATE TABLE audit_leaf (
    position             BIGINT       PRIMARY KEY,
    event_identifier     VARCHAR(255) NOT NULL,
    aggregate_identifier VARCHAR(255) NOT NULL,
    leaf_hash            BYTEA        NOT NULL
);

-- search_path is fixed to this migration's schema, so writers connected with another search_path still find
-- audit_leaf.
CREATE FUNCTION audit_leaf_of_event() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    INSERT INTO audit_leaf (position, event_identifier, aggregate_identifier, leaf_hash)
    VALUES (NEW.global_index, NEW.event_identifier, NEW.aggregate_identifier,
            sha256('\x00'::bytea || int8send(NEW.global_index)
                   || sha256(convert_to(NEW.event_identifier || E'\n' || coalesce(NEW.type, '') || E'\n'
                                        || NEW.aggregate_identifier || E'\n' || NEW.sequence_number || E'\n'
                                        || NEW.time_stamp || E'\n' || NEW.payload_type || E'\n'
                                        || coalesce(NEW.payload_revision, '') || E'\n', 'UTF8'))
                   || sha256(NEW.payload)
                   || sha256(coalesce(NEW.meta_data, ''::bytea))));
    RETURN NULL;
END
$$;

CREATE TRIGGER domain_event_entry_audit_leaf AFTER INSERT ON domain_event_entry
    FOR EACH ROW EXECUTE FUNCTION audit_leaf_of_event();

-- The Merkle tree takes leaves in position order, and must know when a missing position can no longer commit.
-- A transaction draws its position before it has a transaction id (the column default runs before the row is
-- written), so a reader could not tell it is still running. Drawing the position through a function that takes the
-- transaction id first closes that window: once a higher position is visible, the owner of every lower one is
-- either finished or listed as running in any snapshot taken afterwards (io.alter8.command.audit.MerkleLog).
ALTER TABLE domain_event_entry ALTER COLUMN global_index DROP IDENTITY;
CREATE SEQUENCE domain_event_entry_position AS BIGINT CACHE 1 OWNED BY domain_event_entry.global_index;
SELECT setval('domain_event_entry_position', coalesce((SELECT max(global_index) FROM domain_event_entry), 0) + 1,
              false);
CREATE FUNCTION next_event_position() RETURNS BIGINT LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    PERFORM pg_current_xact_id();
    RETURN nextval('domain_event_entry_position');
END
$$;
ALTER TABLE domain_event_entry ALTER COLUMN global_index SET DEFAULT next_event_position();

-- Events stored before this migration get their leaves now.
INSERT INTO audit_leaf (position, event_identifier, aggregate_identifier, leaf_hash)
SELECT global_index, event_identifier, aggregate_identifier,
       sha256('\x00'::bytea || int8send(global_index)
              || sha256(convert_to(event_identifier || E'\n' || coalesce(type, '') || E'\n' || aggregate_identifier
                                   || E'\n' || sequence_number || E'\n' || time_stamp || E'\n' || payload_type
                                   || E'\n' || coalesce(payload_revision, '') || E'\n', 'UTF8'))
              || sha256(payload) || sha256(coalesce(meta_data, ''::bytea)))
FROM domain_event_entry;
