-- The user directory read model (rebuilt from the event store by the user-directory processor). Personal data that
-- travels encrypted is kept only in its masked form: the read side holds no keys (docs/decisions.md).
CREATE TABLE user_directory (
    id                       UUID PRIMARY KEY,
    email                    VARCHAR(254),
    phone_masked             VARCHAR(20),
    first_name               VARCHAR(100)  NOT NULL,
    last_name                VARCHAR(100)  NOT NULL,
    role                     VARCHAR(30)   NOT NULL,
    country                  VARCHAR(2)    NOT NULL,
    preferred_language       VARCHAR(10),
    status                   VARCHAR(20)   NOT NULL,
    email_verified           BOOLEAN       NOT NULL,
    email_verified_at        TIMESTAMPTZ,
    phone_verified           BOOLEAN       NOT NULL,
    phone_verified_at        TIMESTAMPTZ,
    registered_at            TIMESTAMPTZ   NOT NULL,
    last_login_at            TIMESTAMPTZ,
    -- owner
    owner_kyc_status         VARCHAR(20),
    owner_company_name       VARCHAR(255),
    owner_business_type      VARCHAR(20),
    owner_pan_masked         VARCHAR(40),
    owner_aadhaar_masked     VARCHAR(40),
    owner_gst_masked         VARCHAR(40),
    owner_bank_account_masked VARCHAR(40),
    -- agent; service_cities and specialisation_keys are lower case, '|'-delimited ("|pune|mumbai|") for filtering
    agent_rera_licence       VARCHAR(100),
    agent_licence_expiry     DATE,
    agent_verification_status VARCHAR(20),
    agent_agency_name        VARCHAR(255),
    agent_service_areas      TEXT,
    agent_service_cities     TEXT,
    agent_specialisations    TEXT,
    agent_commission_rate    NUMERIC(5, 2),
    agent_commission_type    VARCHAR(20),
    agent_experience_years   INTEGER,
    -- tenant
    tenant_background_check_status VARCHAR(20),
    tenant_credit_check_status     VARCHAR(20),
    tenant_aadhaar_masked    VARCHAR(40),
    tenant_pan_masked        VARCHAR(40),
    tenant_ssn_masked        VARCHAR(40),
    version                  BIGINT        NOT NULL,
    updated_at               TIMESTAMPTZ   NOT NULL
);

CREATE INDEX user_directory_filter ON user_directory (role, status, email_verified, phone_verified);
CREATE INDEX user_directory_registered ON user_directory (registered_at, id);
CREATE INDEX user_directory_last_name ON user_directory (lower(last_name), id);
-- The agent directory reads only verified agents.
CREATE INDEX user_directory_agents ON user_directory (agent_experience_years, registered_at)
    WHERE role = 'agent' AND agent_verification_status = 'verified' AND status = 'active';
