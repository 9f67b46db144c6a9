-- Idempotency records belong to one user (issue 10): anonymous calls and the /api/auth routes no longer take part,
-- so the rows they left (login and refresh answers with live tokens among them) are dropped, and every row now
-- names the user whose request it answers. Another user's same key is another record.
DELETE FROM idempotency_record
WHERE principal = '' OR principal !~ '^[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}$';
ALTER TABLE idempotency_record ALTER COLUMN principal DROP DEFAULT;
ALTER TABLE idempotency_record ALTER COLUMN principal TYPE UUID USING principal::uuid;
ALTER TABLE idempotency_record RENAME COLUMN principal TO user_id;
