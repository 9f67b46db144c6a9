-- Leases (seed 000 leases, seed 001 lease_tenants), kept by the leases processor from the Lease aggregate's events.
-- Every row carries the sequence number of the last event applied to it (version): an event at or below it is a
-- replay or redelivery and changes nothing, so the rows are the same however often the events arrive.
CREATE TABLE lease (
    id                           UUID PRIMARY KEY,
    property_id                  UUID          NOT NULL,
    unit_id                      UUID          NOT NULL,
    owner_id                     UUID          NOT NULL,
    agent_id                     UUID,
    manager_id                   UUID,
    primary_tenant_id            UUID          NOT NULL,
    -- who proposed it; a tenant's proposal is an application
    proposed_by                  UUID          NOT NULL,
    application                  BOOLEAN       NOT NULL,
    lease_start_date             DATE          NOT NULL,
    lease_end_date               DATE          NOT NULL,
    notice_period_days           INTEGER       NOT NULL,
    renewal_option               BOOLEAN       NOT NULL,
    auto_renewal                 BOOLEAN       NOT NULL,
    currency                     CHAR(3)       NOT NULL,
    monthly_rent                 NUMERIC(14,2) NOT NULL,
    security_deposit             NUMERIC(14,2) NOT NULL,
    maintenance_charge           NUMERIC(14,2) NOT NULL,
    brokerage_amount             NUMERIC(14,2) NOT NULL,
    annual_rent_increase_percent NUMERIC(5,2)  NOT NULL,
    next_rent_review_date        DATE,
    agreement_type               VARCHAR(10)   NOT NULL CHECK (agreement_type IN ('standard', 'custom', 'legal')),
    special_terms                TEXT[]        NOT NULL,
    lease_agreement_url          TEXT,
    status                       VARCHAR(20)   NOT NULL CHECK (status IN ('draft', 'pending_approval', 'active',
                                                                          'expired', 'terminated', 'renewed')),
    approval_status              VARCHAR(20)   NOT NULL CHECK (approval_status IN ('pending', 'owner_approved',
                                                                 'tenant_approved', 'fully_approved', 'rejected')),
    owner_approved_at            TIMESTAMPTZ,
    rejected_by                  UUID,
    rejection_reason             TEXT,
    owner_signature_url          TEXT,
    witness_id                   UUID,
    witness_signature_url        TEXT,
    signed_at                    TIMESTAMPTZ,
    activated_at                 TIMESTAMPTZ,
    termination_date             DATE,
    termination_reason           TEXT,
    termination_notice_date      DATE,
    early_termination_penalty    NUMERIC(14,2),
    created_at                   TIMESTAMPTZ   NOT NULL,
    updated_at                   TIMESTAMPTZ   NOT NULL,
    version                      BIGINT        NOT NULL
);

-- The seed's indexes (property, tenant, owner, status, dates) and the lists each role reads, newest first.
CREATE INDEX lease_property ON lease (property_id, created_at DESC);
CREATE INDEX lease_owner ON lease (owner_id, created_at DESC);
CREATE INDEX lease_agent ON lease (agent_id, created_at DESC) WHERE agent_id IS NOT NULL;
CREATE INDEX lease_manager ON lease (manager_id, created_at DESC) WHERE manager_id IS NOT NULL;
CREATE INDEX lease_status ON lease (status);
CREATE INDEX lease_dates ON lease (lease_start_date, lease_end_date);

-- One row per tenant of a lease: their approval and signature. Written only in the statement that advances the
-- lease row's version, so they share its idempotency.
CREATE TABLE lease_tenant (
    lease_id      UUID    NOT NULL REFERENCES lease (id) ON DELETE CASCADE,
    tenant_id     UUID    NOT NULL,
    position      INTEGER NOT NULL,
    is_primary    BOOLEAN NOT NULL,
    approved_at   TIMESTAMPTZ,
    signature_url TEXT,
    signed_at     TIMESTAMPTZ,
    PRIMARY KEY (lease_id, tenant_id)
);

CREATE INDEX lease_tenant_tenant ON lease_tenant (tenant_id);
