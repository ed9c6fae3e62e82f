-- Family links name a parent, a household member and a ward: a child's
-- mother was recorded as the child's "head of household" (the only inverse
-- of "child"), and a guardian's ward as an "other relative".
-- Links recorded before keep their meaning as best it can be told: a pair
-- head/child becomes parent/child (the case the old list could not say),
-- and the other side of a guardian becomes their ward.
ALTER TABLE family_link RENAME TO family_link_old;
CREATE TABLE family_link (
	person_id  INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
	relative_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
	relation   TEXT NOT NULL CHECK (relation IN ('parent', 'child', 'spouse', 'sibling',
	           'head', 'member', 'guardian', 'ward', 'relative')),   -- what relative_id is to person_id
	uuid TEXT,
	site TEXT,
	created TEXT,
	changed TEXT,
	PRIMARY KEY (person_id, relative_id),
	CHECK (person_id != relative_id)
) WITHOUT ROWID;
INSERT INTO family_link (person_id, relative_id, relation, uuid, site, created, changed)
SELECT l.person_id, l.relative_id,
	CASE
		WHEN l.relation = 'head' AND b.relation = 'child' THEN 'parent'
		WHEN l.relation = 'relative' AND b.relation = 'guardian' THEN 'ward'
		ELSE l.relation
	END,
	l.uuid, l.site, l.created,
	CASE
		WHEN (l.relation = 'head' AND b.relation = 'child') OR (l.relation = 'relative' AND b.relation = 'guardian')
		THEN strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
		ELSE l.changed
	END
FROM family_link_old l
LEFT JOIN family_link_old b ON b.person_id = l.relative_id AND b.relative_id = l.person_id;
DROP TABLE family_link_old;
CREATE INDEX family_link_back ON family_link(relative_id);
CREATE UNIQUE INDEX family_link_by_uuid ON family_link(uuid);
CREATE TRIGGER family_link_stamp AFTER INSERT ON family_link
WHEN NEW.uuid IS NULL OR NEW.site IS NULL OR NEW.created IS NULL OR NEW.changed IS NULL
BEGIN
	UPDATE family_link SET created = coalesce(NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		changed = coalesce(NEW.changed, NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		site = coalesce(NEW.site, (SELECT value FROM setting WHERE key = 'site')),
		uuid = coalesce(NEW.uuid, printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8)))))
	WHERE person_id = NEW.person_id AND relative_id = NEW.relative_id;
END;
CREATE TRIGGER family_link_changed AFTER UPDATE ON family_link WHEN NEW.changed IS OLD.changed
BEGIN
	UPDATE family_link SET changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE person_id = NEW.person_id AND relative_id = NEW.relative_id;
END;
CREATE TRIGGER family_link_keep BEFORE UPDATE OF uuid, created ON family_link
WHEN (OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid)
	OR (OLD.created IS NOT NULL AND NEW.created IS NOT OLD.created)
BEGIN
	SELECT RAISE(ABORT, 'a row keeps its uuid and creation time');
END;
