-- Identity numbers (PAN, Aadhaar) that a user declared while another user holds them. Refusing the profile would
-- confirm to whoever sent it that the number is on the platform; instead the profile is accepted without the
-- claim and an admin reviews the pair. Written in the transaction of the profile's events.
CREATE TABLE identity_claim_review (
    id          UUID PRIMARY KEY,
    kind        VARCHAR(32)   NOT NULL,
    user_id     UUID          NOT NULL,
    holder_id   UUID          NOT NULL,
    flagged_at  TIMESTAMPTZ   NOT NULL DEFAULT now(),
    resolved_at TIMESTAMPTZ,
    resolved_by UUID,
    resolution  VARCHAR(1000)
);
CREATE UNIQUE INDEX identity_claim_review_open ON identity_claim_review (kind, user_id, holder_id)
    WHERE resolved_at IS NULL;
