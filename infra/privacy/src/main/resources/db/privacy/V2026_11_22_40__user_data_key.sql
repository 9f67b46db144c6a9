-- One data key per user: it encrypts the user's personal data (identity numbers, bank account numbers, their
-- contacts' phones) wherever it appears in events. Each key is stored wrapped (AES-256-GCM) by the master key
-- named in master_key_id, which lives only in configuration. Shredding a key (wrapped_key NULL, shredded_at set)
-- makes every copy of that user's personal data in the event store unreadable; the row stays as a tombstone so
-- that no new key is ever made for that user.
CREATE TABLE user_data_key (
    key_id        UUID        PRIMARY KEY,
    user_id       UUID        NOT NULL UNIQUE,
    wrapped_key   BYTEA,
    master_key_id VARCHAR(32),
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    shredded_at   TIMESTAMPTZ,
    CONSTRAINT user_data_key_live_or_shredded CHECK (
        (wrapped_key IS NOT NULL AND master_key_id IS NOT NULL AND shredded_at IS NULL)
        OR (wrapped_key IS NULL AND master_key_id IS NULL AND shredded_at IS NOT NULL))
);
