-- 015: the audit trail is a hash chain. Each row holds chain, the SHA-256
-- of the chain of the row before it and of its own columns
-- (src/db/audit_chain.c), so that a row changed, removed or slipped in by
-- going around the triggers shows at `taimako check`, which names the first
-- broken row. chain is written once, by the program, in the transaction of
-- the row; rows written before this migration get theirs when the program
-- next opens the database. An administrator can print the head of the chain
-- (`taimako audit --head`) to keep it elsewhere: rows cut off the end or a
-- chain computed again from scratch then show too.
ALTER TABLE audit ADD COLUMN chain TEXT;
DROP TRIGGER audit_no_update;
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
WHEN NEW.id IS NOT OLD.id OR NEW.at IS NOT OLD.at
	OR NEW.user_id IS NOT OLD.user_id OR NEW.user_name IS NOT OLD.user_name
	OR NEW.origin IS NOT OLD.origin OR NEW.action IS NOT OLD.action
	OR NEW.entity IS NOT OLD.entity OR NEW.entity_id IS NOT OLD.entity_id
	OR NEW.changes IS NOT OLD.changes
	OR (OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid)
	OR (OLD.site IS NOT NULL AND NEW.site IS NOT OLD.site)
	OR (OLD.created IS NOT NULL AND NEW.created IS NOT OLD.created)
	OR (OLD.changed IS NOT NULL AND NEW.changed IS NOT OLD.changed)
	OR (OLD.chain IS NOT NULL AND NEW.chain IS NOT OLD.chain)
BEGIN
	SELECT RAISE(ABORT, 'the audit trail cannot be changed');
END;
