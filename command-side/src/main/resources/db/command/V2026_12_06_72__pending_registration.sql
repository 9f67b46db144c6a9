-- A self sign-up waiting for its codes: the account is made only once the codes sent to both its e-mail address
-- and its phone come back, so that signing up never tells anyone whether an address is taken. A contact that is
-- taken gets no code (its owner is told instead): its challenge stays NULL, and the sign-up cannot finish.
CREATE TABLE pending_registration (
    id                 UUID PRIMARY KEY,
    user_id            UUID         NOT NULL,
    email              VARCHAR(255) NOT NULL,
    phone              VARCHAR(20)  NOT NULL,
    first_name         VARCHAR(100) NOT NULL,
    last_name          VARCHAR(100) NOT NULL,
    role               VARCHAR(50)  NOT NULL,
    country            VARCHAR(2)   NOT NULL,
    preferred_language VARCHAR(10)  NOT NULL,
    password_hash      VARCHAR(255) NOT NULL,
    email_challenge    UUID,
    phone_challenge    UUID,
    expires_at         TIMESTAMPTZ  NOT NULL,
    created_at         TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX pending_registration_expiry ON pending_registration (expires_at);
