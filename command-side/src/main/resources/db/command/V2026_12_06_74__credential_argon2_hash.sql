-- Argon2id hashes with their {argon2} prefix are about 100 characters; BCrypt ones (60) still fit.
ALTER TABLE credential ALTER COLUMN password_hash TYPE VARCHAR(255);
