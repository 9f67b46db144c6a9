-- Who holds each e-mail address, phone number and identity number that must be unique across users (seed 000:
-- users.email and users.phone UNIQUE, owner_profiles.pan_number and aadhar_number UNIQUE, tenant_profiles
-- .aadhar_number UNIQUE, agent_profiles.rera_license UNIQUE). Written in the transaction that stores the user's
-- events, so the primary key decides between two users racing for the same value. Identity numbers are kept only
-- as a keyed hash (claim_value), never in plain text.
CREATE TABLE user_identity_claim (
    kind        VARCHAR(32)  NOT NULL,
    claim_value VARCHAR(255) NOT NULL,
    user_id     UUID         NOT NULL,
    claimed_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, claim_value),
    CONSTRAINT user_identity_claim_one_per_kind UNIQUE (user_id, kind)
);
