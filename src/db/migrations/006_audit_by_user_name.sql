-- 006: the audit screen and `taimako audit --user` filter by the account
-- name as recorded (command-line rows have no user id).

CREATE INDEX audit_by_user_name ON audit(user_name, id);
