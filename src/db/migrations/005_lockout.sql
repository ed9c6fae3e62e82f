-- 005: sign-in lockout. failed_logins counts failures in a row;
-- locked_until is a Unix time (seconds, UTC) before which sign-in is
-- refused, NULL when the account is not locked.

ALTER TABLE app_user ADD COLUMN failed_logins INTEGER NOT NULL DEFAULT 0;
ALTER TABLE app_user ADD COLUMN locked_until INTEGER;
