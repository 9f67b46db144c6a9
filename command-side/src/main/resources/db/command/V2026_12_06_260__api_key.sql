-- Integration API keys (issue 15, feature api_access): only the SHA-256 of the secret is kept, like refresh tokens.
CREATE TABLE api_key (
    id           UUID PRIMARY KEY,
    user_id      UUID         NOT NULL,
    name         VARCHAR(100) NOT NULL,
    key_hash     CHAR(64)     NOT NULL UNIQUE,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    last_used_at TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ
);
CREATE INDEX api_key_user ON api_key (user_id, created_at DESC);

-- The sessions a key opened, so that revoking the key (or losing api_access) ends them like a logout.
CREATE TABLE api_key_session (
    session_id UUID PRIMARY KEY REFERENCES user_session (id),
    api_key_id UUID NOT NULL REFERENCES api_key (id)
);
CREATE INDEX api_key_session_key ON api_key_session (api_key_id);
