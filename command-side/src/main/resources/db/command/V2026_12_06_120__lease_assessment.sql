-- The leases the late-fee assessment visits: those put into force, with the day they ended. Written by
-- LeaseAssessment in the transaction that stores the lease's events. Leases put into force before this table are
-- taken from the event store.
CREATE TABLE lease_assessment (
    lease_id UUID PRIMARY KEY,
    ended_on DATE
);

INSERT INTO lease_assessment (lease_id)
SELECT DISTINCT aggregate_identifier::uuid
FROM domain_event_entry
WHERE payload_type = 'io.alter8.api.lease.LeaseActivated';

UPDATE lease_assessment a
SET ended_on = (convert_from(e.payload, 'UTF8')::jsonb ->> 'terminationDate')::date
FROM domain_event_entry e
WHERE e.payload_type = 'io.alter8.api.lease.LeaseTerminated' AND e.aggregate_identifier = a.lease_id::text;
