-- What each lease's parties owe and hold, for the erasure retention rules money-owed and deposit-unsettled (issue 14).
-- Written in the transaction of the lease's events. One row per keyed entry, written absolutely (never incremented):
-- a charge ('charge:<n>', owed from its due date), a late fee ('fee:<n>', gone once waived), a payment ('payment:<id>',
-- negative); the deposit held ('deposit:in'), passed on to a renewal ('deposit:out'), deducted or refunded
-- ('deposit:<sequence>', negative).
CREATE TABLE lease_money (
    lease_id UUID          NOT NULL,
    entry    VARCHAR(60)   NOT NULL,
    kind     VARCHAR(8)    NOT NULL CHECK (kind IN ('balance', 'deposit')),
    due_date DATE,
    amount   NUMERIC(14,2) NOT NULL,
    PRIMARY KEY (lease_id, entry)
);

-- The lease's tenants (who owe its balance) and its owner (who holds its deposit).
CREATE TABLE lease_money_party (
    lease_id UUID    NOT NULL,
    user_id  UUID    NOT NULL,
    tenant   BOOLEAN NOT NULL,
    PRIMARY KEY (lease_id, user_id)
);
CREATE INDEX lease_money_party_user ON lease_money_party (user_id);

-- Leases stored before these tables: their parties and money, read from the stored events (only read).
INSERT INTO lease_money_party (lease_id, user_id, tenant)
SELECT DISTINCT e.aggregate_identifier::uuid, party.user_id::uuid, party.tenant
FROM domain_event_entry e
CROSS JOIN LATERAL (SELECT convert_from(e.payload, 'UTF8')::jsonb AS p) json
CROSS JOIN LATERAL (SELECT json.p ->> 'ownerId', false
                    UNION ALL SELECT jsonb_array_elements_text(coalesce(json.p -> 'tenants', '[]'::jsonb)), true)
    party (user_id, tenant)
WHERE e.payload_type = 'io.alter8.api.lease.LeaseProposed' AND party.user_id IS NOT NULL
ON CONFLICT DO NOTHING;

WITH events AS (
    SELECT e.aggregate_identifier::uuid AS lease_id, e.sequence_number AS sequence,
           substring(e.payload_type from '[^.]*$') AS type, convert_from(e.payload, 'UTF8')::jsonb AS p
    FROM domain_event_entry e
    WHERE e.payload_type IN ('io.alter8.api.lease.RentChargeScheduled', 'io.alter8.api.lease.RentChargeCancelled',
                             'io.alter8.api.lease.LateFeeApplied', 'io.alter8.api.lease.LateFeeWaived',
                             'io.alter8.api.lease.PaymentRecorded', 'io.alter8.api.lease.SecurityDepositHeld',
                             'io.alter8.api.lease.SecurityDepositDeducted',
                             'io.alter8.api.lease.SecurityDepositRefunded')
),
-- The last word on each charge and fee: a later schedule replaces an earlier one, a cancellation removes it, a
-- waiver removes a fee.
charges AS (
    SELECT DISTINCT ON (lease_id, p ->> 'chargeNumber') lease_id, type, p
    FROM events WHERE type IN ('RentChargeScheduled', 'RentChargeCancelled')
    ORDER BY lease_id, p ->> 'chargeNumber', sequence DESC
),
fees AS (
    SELECT DISTINCT ON (lease_id, p ->> 'chargeNumber') lease_id, type, p
    FROM events WHERE type IN ('LateFeeApplied', 'LateFeeWaived')
    ORDER BY lease_id, p ->> 'chargeNumber', sequence DESC
)
INSERT INTO lease_money (lease_id, entry, kind, due_date, amount)
SELECT lease_id, 'charge:' || (p ->> 'chargeNumber'), 'balance', (p ->> 'dueDate')::date,
       (p -> 'amountDue' ->> 'amount')::numeric
FROM charges WHERE type = 'RentChargeScheduled'
UNION ALL
SELECT lease_id, 'fee:' || (p ->> 'chargeNumber'), 'balance', (p ->> 'appliedOn')::date,
       (p -> 'amount' ->> 'amount')::numeric
FROM fees WHERE type = 'LateFeeApplied'
UNION ALL
SELECT lease_id, 'payment:' || (p ->> 'paymentId'), 'balance', NULL, -(p -> 'amount' ->> 'amount')::numeric
FROM events WHERE type = 'PaymentRecorded'
UNION ALL
SELECT lease_id, CASE WHEN type = 'SecurityDepositHeld' THEN 'deposit:in' ELSE 'deposit:' || sequence END,
       'deposit', NULL,
       CASE WHEN type = 'SecurityDepositHeld' THEN 1 ELSE -1 END * (p -> 'amount' ->> 'amount')::numeric
FROM events WHERE type LIKE 'SecurityDeposit%'
ON CONFLICT DO NOTHING;
