-- Secrets of the login flows. They never enter events: password hashes (bcrypt), refresh-token hashes (SHA-256).

-- How a user logs in: by email or phone and password. Roles and the active flag are kept here too so that a login
-- needs no event replay; the command side updates them in the same transaction as the events that change them.
CREATE TABLE credential (
    user_id               UUID PRIMARY KEY,
    email                 VARCHAR(255) UNIQUE,
    phone                 VARCHAR(20) UNIQUE,
    password_hash         VARCHAR(100) NOT NULL,
    roles                 VARCHAR(255) NOT NULL,
    active                BOOLEAN      NOT NULL DEFAULT TRUE,
    failed_login_attempts INTEGER      NOT NULL DEFAULT 0,
    locked_until          TIMESTAMPTZ,
    last_login_at         TIMESTAMPTZ,
    updated_at            TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT credential_login CHECK (email IS NOT NULL OR phone IS NOT NULL)
);

-- One row per device login (seed user_sessions / sessions).
CREATE TABLE user_session (
    id           UUID PRIMARY KEY,
    user_id      UUID         NOT NULL,
    device_info  VARCHAR(255),
    ip_address   VARCHAR(45),
    user_agent   TEXT,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    last_used_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    expires_at   TIMESTAMPTZ  NOT NULL,
    revoked_at   TIMESTAMPTZ,
    revoked_why  VARCHAR(50)
);
CREATE INDEX user_session_user ON user_session (user_id, created_at DESC);

-- Refresh tokens rotate: each use spends the token and issues the next one in the same session. A spent token
-- presented again means it was stolen: the whole session is revoked.
CREATE TABLE refresh_token (
    token_hash CHAR(64)    PRIMARY KEY,
    session_id UUID        NOT NULL REFERENCES user_session (id),
    issued_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at TIMESTAMPTZ NOT NULL,
    spent_at   TIMESTAMPTZ
);
CREATE INDEX refresh_token_session ON refresh_token (session_id);
