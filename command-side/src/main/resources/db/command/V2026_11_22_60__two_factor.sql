-- Users who ask for it log in with their password and a one-time code sent to their phone (or e-mail).
ALTER TABLE credential ADD COLUMN two_factor_enabled BOOLEAN NOT NULL DEFAULT FALSE;
