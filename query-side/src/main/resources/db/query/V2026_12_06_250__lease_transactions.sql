-- The money movements of leases as a list (payments, late fees applied and waived, deposit held, deducted,
-- refunded), newest first per user, behind the recent-transactions cache. Kept by the rent-accounts processor, one
-- row per event, keyed by the event's lease and sequence number: an event applied twice writes the same row.
CREATE TABLE lease_transaction (
    lease_id    UUID          NOT NULL,
    sequence    BIGINT        NOT NULL,
    kind        VARCHAR(20)   NOT NULL CHECK (kind IN ('payment', 'late_fee', 'late_fee_waiver', 'deposit_held',
                                                       'deposit_deducted', 'deposit_refunded')),
    amount      NUMERIC(14,2) NOT NULL,
    currency    CHAR(3)       NOT NULL,
    reference   TEXT,
    occurred_at TIMESTAMPTZ   NOT NULL,
    version     BIGINT        NOT NULL,
    PRIMARY KEY (lease_id, sequence)
);

CREATE INDEX lease_transaction_recent ON lease_transaction (lease_id, occurred_at DESC, sequence DESC);
