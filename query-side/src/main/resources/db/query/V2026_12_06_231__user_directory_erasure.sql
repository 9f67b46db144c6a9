-- An erased user's row stays (their id is in leases and history) but holds no personal data: their names go too.
-- erasure_requested_at: when the user asked to be erased, for the admins' queue of requests.
ALTER TABLE user_directory ALTER COLUMN first_name DROP NOT NULL;
ALTER TABLE user_directory ALTER COLUMN last_name DROP NOT NULL;
ALTER TABLE user_directory ADD COLUMN erasure_requested_at TIMESTAMPTZ;
