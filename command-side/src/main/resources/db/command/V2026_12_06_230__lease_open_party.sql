-- Who is party to a lease that has not ended (draft, pending approval, active; a rejection or termination ends it):
-- the retention rule that forbids erasing such a user asks this table. Written in the transaction of the lease's events.
CREATE TABLE lease_open_party (
    lease_id UUID NOT NULL,
    user_id  UUID NOT NULL,
    PRIMARY KEY (lease_id, user_id)
);
CREATE INDEX lease_open_party_user ON lease_open_party (user_id);

-- Leases proposed before this table existed: their parties, read from the stored proposals, unless rejected or
-- terminated since.
-- The event rows are only read.
INSERT INTO lease_open_party (lease_id, user_id)
SELECT DISTINCT e.aggregate_identifier::uuid, party.user_id::uuid
FROM domain_event_entry e
CROSS JOIN LATERAL (SELECT convert_from(e.payload, 'UTF8')::jsonb AS p) json
CROSS JOIN LATERAL (SELECT json.p ->> 'ownerId'
                    UNION ALL SELECT json.p ->> 'agentId'
                    UNION ALL SELECT json.p ->> 'managerId'
                    UNION ALL SELECT jsonb_array_elements_text(coalesce(json.p -> 'tenants', '[]'::jsonb))) party (user_id)
WHERE e.payload_type = 'io.alter8.api.lease.LeaseProposed'
  AND party.user_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM domain_event_entry t
                  WHERE t.aggregate_identifier = e.aggregate_identifier
                    AND t.payload_type IN ('io.alter8.api.lease.LeaseRejected',
                                           'io.alter8.api.lease.LeaseTerminated'));
