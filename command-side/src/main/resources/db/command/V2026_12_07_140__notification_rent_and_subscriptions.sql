-- What the payment and subscription notification rules need (issue 17), kept by the rules' processor like the
-- tables of V2026_12_06_201: from the moment it first saw a lease's or subscription's events.

-- The grace days of a lease's late fee: a charge still open after its due date and these days is overdue, as the
-- lease's assessment has it (0 when the lease has no late fee).
ALTER TABLE notification_lease ADD COLUMN grace_days INT NOT NULL DEFAULT 0;

-- Each charge of a lease's rent schedule as it now stands: what it asks and its late fee (absolute values, from
-- RentChargeScheduled, LateFeeApplied, LateFeeWaived, RentChargeCancelled).
CREATE TABLE notification_charge (
    lease_id      UUID          NOT NULL,
    charge_number INT           NOT NULL,
    due_date      DATE          NOT NULL,
    amount_due    NUMERIC       NOT NULL,
    late_fee      NUMERIC       NOT NULL DEFAULT 0,
    currency      CHAR(3)       NOT NULL,
    cancelled     BOOLEAN       NOT NULL DEFAULT FALSE,
    PRIMARY KEY (lease_id, charge_number)
);
CREATE INDEX notification_charge_due ON notification_charge (due_date) WHERE NOT cancelled;

-- Money moving on a lease, one row per event (its id), never a running total: payments add to the lease's credit,
-- allocations move credit onto a charge, an overpaid charge gives some back. Credit and what a charge received are
-- sums over these rows, so an event seen twice counts once.
CREATE TABLE notification_lease_money (
    event_id      VARCHAR(255)  PRIMARY KEY,
    lease_id      UUID          NOT NULL,
    charge_number INT,
    credit_change NUMERIC       NOT NULL,
    paid_change   NUMERIC       NOT NULL
);
CREATE INDEX notification_lease_money_lease ON notification_lease_money (lease_id);

-- Each subscription's account, plan, current period and whether it renews at that period's end.
CREATE TABLE notification_subscription (
    subscription_id UUID PRIMARY KEY,
    account_id      UUID          NOT NULL,
    plan_name       VARCHAR(200)  NOT NULL,
    price           NUMERIC       NOT NULL,
    currency        CHAR(3)       NOT NULL,
    period_end      DATE          NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    renews          BOOLEAN       NOT NULL
);
CREATE INDEX notification_subscription_renewing ON notification_subscription (period_end) WHERE renews;
