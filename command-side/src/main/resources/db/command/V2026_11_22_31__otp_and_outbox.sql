-- One-time passwords (seed otp_verifications). The code itself is never stored, only its SHA-256 with the row id.
CREATE TABLE otp_verification (
    id         UUID PRIMARY KEY,
    user_id    UUID,
    phone      VARCHAR(20),
    email      VARCHAR(255),
    code_hash  CHAR(64)    NOT NULL,
    otp_type   VARCHAR(50) NOT NULL CHECK (otp_type IN ('phone_verification', 'email_verification',
                                                         'password_reset', 'login_2fa')),
    attempts   INTEGER     NOT NULL DEFAULT 0,
    is_used    BOOLEAN     NOT NULL DEFAULT FALSE,
    expires_at TIMESTAMPTZ NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT otp_verification_destination CHECK (phone IS NOT NULL OR email IS NOT NULL)
);
CREATE INDEX otp_verification_user ON otp_verification (user_id);
CREATE INDEX otp_verification_phone ON otp_verification (phone, otp_type, is_used);
CREATE INDEX otp_verification_email ON otp_verification (email, otp_type, is_used);

-- Messages waiting for their channel (SMS, e-mail, WhatsApp). The notifications issue delivers and empties it;
-- a message is deleted once delivered, so secrets in it (a code) live only until then.
CREATE TABLE notification_outbox (
    id          UUID PRIMARY KEY,
    channel     VARCHAR(20)  NOT NULL CHECK (channel IN ('sms', 'email', 'whatsapp', 'in_app')),
    destination VARCHAR(255) NOT NULL,
    template    VARCHAR(100) NOT NULL,
    payload     JSONB        NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    sent_at     TIMESTAMPTZ
);
CREATE INDEX notification_outbox_pending ON notification_outbox (created_at) WHERE sent_at IS NULL;
