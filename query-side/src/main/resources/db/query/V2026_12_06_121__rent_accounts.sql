-- The money of leases (seed 000 rent_payments; seed 001 transactions, late_fees), kept by the rent-accounts processor
-- from the Lease aggregate's events. Every row carries the sequence number of the last event applied to it
-- (version): an event at or below it changes nothing.

-- One row per charge of a lease's schedule, with its late fee and what was paid on it. A charge of a period after
-- an early end is kept, marked cancelled, so that its version still guards it.
CREATE TABLE rent_charge (
    lease_id           UUID          NOT NULL,
    charge_number      INTEGER       NOT NULL,
    property_id        UUID          NOT NULL,
    currency           CHAR(3)       NOT NULL,
    period_start       DATE          NOT NULL,
    period_end         DATE          NOT NULL,
    due_date           DATE          NOT NULL,
    rent               NUMERIC(14,2) NOT NULL,
    maintenance        NUMERIC(14,2) NOT NULL,
    other_charges      NUMERIC(14,2) NOT NULL,
    -- rent + maintenance + other charges; the late fee apart
    amount_due         NUMERIC(14,2) NOT NULL,
    late_fee_id        UUID,
    late_fee           NUMERIC(14,2) NOT NULL DEFAULT 0,
    late_fee_days_late INTEGER,
    late_fee_waived    BOOLEAN       NOT NULL DEFAULT false,
    late_fee_waiver    TEXT,
    amount_paid        NUMERIC(14,2) NOT NULL DEFAULT 0,
    cancelled          BOOLEAN       NOT NULL DEFAULT false,
    version            BIGINT        NOT NULL,
    PRIMARY KEY (lease_id, charge_number)
);

CREATE INDEX rent_charge_due ON rent_charge (due_date) WHERE NOT cancelled;

-- Payments received, one row each.
CREATE TABLE rent_payment (
    payment_id             UUID PRIMARY KEY,
    lease_id               UUID          NOT NULL,
    amount                 NUMERIC(14,2) NOT NULL,
    method                 VARCHAR(20)   NOT NULL,
    paid_at                TIMESTAMPTZ   NOT NULL,
    gateway_id             TEXT,
    gateway_transaction_id TEXT,
    reference              TEXT,
    recorded_by            UUID          NOT NULL,
    version                BIGINT        NOT NULL
);

CREATE INDEX rent_payment_lease ON rent_payment (lease_id, paid_at);

-- The deposit's movements: held, deducted (with a reason), refunded. Keyed by the event's sequence number.
CREATE TABLE deposit_entry (
    lease_id    UUID          NOT NULL,
    sequence    BIGINT        NOT NULL,
    kind        VARCHAR(10)   NOT NULL CHECK (kind IN ('held', 'deducted', 'refunded')),
    amount      NUMERIC(14,2) NOT NULL,
    reason      TEXT,
    occurred_at TIMESTAMPTZ   NOT NULL,
    version     BIGINT        NOT NULL,
    PRIMARY KEY (lease_id, sequence)
);
