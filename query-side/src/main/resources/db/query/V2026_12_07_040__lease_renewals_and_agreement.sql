-- Issue 13: a lease names the lease it renews and the one that renews it, and keeps the grace days of its late-fee
-- rule (a charge open past its due date plus these is overdue; none: 0). Issue 16: the agreement document a lease
-- recorded once all its parties signed it (id, version, when recorded). Rows from before fill in on a rebuild.
ALTER TABLE lease
    ADD COLUMN late_fee_grace_days   INTEGER,
    ADD COLUMN renewed_from          UUID,
    ADD COLUMN renewed_by            UUID,
    ADD COLUMN agreement_document_id UUID,
    ADD COLUMN agreement_version     INTEGER,
    ADD COLUMN agreement_recorded_at TIMESTAMPTZ;

-- A renewal carries the renewed lease's deposit over: 'carried_over' on the renewal (in), 'passed_on' on the
-- renewed lease (out), so each lease's deposit adds up and the tenant's money is counted once.
ALTER TABLE deposit_entry ALTER COLUMN kind TYPE VARCHAR(20);
ALTER TABLE deposit_entry DROP CONSTRAINT deposit_entry_kind_check;
ALTER TABLE deposit_entry ADD CONSTRAINT deposit_entry_kind_check
    CHECK (kind IN ('held', 'deducted', 'refunded', 'carried_over', 'passed_on'));
