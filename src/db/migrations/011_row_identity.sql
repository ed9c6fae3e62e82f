-- 011: every row that users write carries its identity for the day records
-- travel between sites: a stable random identifier, the site that owns the
-- row, and when it was created and last changed. Existing rows are filled
-- here; triggers fill new rows and move the change time on every update.
--
-- The rule, for the tables of this migration and every table a module adds
-- later (write it in the module's own migration, as below):
--   * Four columns: uuid (32 lowercase hex digits: a version-7 UUID written
--     without dashes; stable: never changed once set), site (the site id of
--     the database that created the row, from setting 'site'), created and
--     changed (UTC, "YYYY-MM-DDTHH:MM:SS.sssZ", SQL's 'now', which the
--     program's connections take from its one clock: see src/db/rows.c).
--   * A unique index <table>_by_uuid on uuid.
--   * Three triggers: <table>_stamp (AFTER INSERT, fills whichever of the
--     four the insert left NULL), <table>_changed (AFTER UPDATE, moves
--     changed unless the update set it itself) and <table>_keep (BEFORE
--     UPDATE, refuses to change uuid or created once set).
--   * tests/unit/test_rows.c finds every table of the schema but the derived
--     and local ones below, and checks all of the above.
--   * Inserts may give the four values themselves (the bulk inserts of demo
--     databases do, for speed); the data layer's ordinary inserts leave them
--     to the triggers.
--   * Not for derived tables (person_search, person_name_key: rebuilt where
--     they land), local ones (draft, setting, case_sequence) or frozen
--     reference keys (country, language).
-- Why a version-7 UUID: random enough that sites never need to agree on
-- numbers (74 random bits), and ordered by time, so that inserting into the
-- unique index appends at its end instead of touching a random page of a
-- large index; 32 hex digits rather than the dashed form: 4 bytes less in
-- every row and index entry, the same value.
--
-- The triggers use only SQLite's own functions, so that the file stays
-- writable by other tools (the sqlite3 shell, tests); they then stamp rows
-- with the system clock.
--
-- The audit trail gets them too (it travels with its site). Its refusal of
-- updates is replaced by one that lets the stamping trigger fill the four
-- columns of a new row once (NULL to a value), and refuses everything else
-- as before. A column added to audit later must be added to that list.

-- The site id of this database, made once.
INSERT OR IGNORE INTO setting (key, value) VALUES ('site', printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8)))));

-- centre
ALTER TABLE centre ADD COLUMN uuid TEXT;
ALTER TABLE centre ADD COLUMN site TEXT;
ALTER TABLE centre ADD COLUMN created TEXT;
ALTER TABLE centre ADD COLUMN changed TEXT;
UPDATE centre SET created = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
	site = (SELECT value FROM setting WHERE key = 'site'),
	uuid = printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8))));
CREATE UNIQUE INDEX centre_by_uuid ON centre(uuid);
CREATE TRIGGER centre_stamp AFTER INSERT ON centre
WHEN NEW.uuid IS NULL OR NEW.site IS NULL OR NEW.created IS NULL OR NEW.changed IS NULL
BEGIN
	UPDATE centre SET created = coalesce(NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		changed = coalesce(NEW.changed, NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		site = coalesce(NEW.site, (SELECT value FROM setting WHERE key = 'site')),
		uuid = coalesce(NEW.uuid, printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8)))))
	WHERE id = NEW.id;
END;
CREATE TRIGGER centre_changed AFTER UPDATE ON centre WHEN NEW.changed IS OLD.changed
BEGIN
	UPDATE centre SET changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER centre_keep BEFORE UPDATE OF uuid, created ON centre
WHEN (OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid)
	OR (OLD.created IS NOT NULL AND NEW.created IS NOT OLD.created)
BEGIN
	SELECT RAISE(ABORT, 'a row keeps its uuid and creation time');
END;

-- app_user
ALTER TABLE app_user ADD COLUMN uuid TEXT;
ALTER TABLE app_user ADD COLUMN site TEXT;
ALTER TABLE app_user ADD COLUMN created TEXT;
ALTER TABLE app_user ADD COLUMN changed TEXT;
UPDATE app_user SET created = coalesce(strftime('%Y-%m-%dT%H:%M:%fZ', created_at), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
	site = (SELECT value FROM setting WHERE key = 'site'),
	uuid = printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8))));
CREATE UNIQUE INDEX app_user_by_uuid ON app_user(uuid);
CREATE TRIGGER app_user_stamp AFTER INSERT ON app_user
WHEN NEW.uuid IS NULL OR NEW.site IS NULL OR NEW.created IS NULL OR NEW.changed IS NULL
BEGIN
	UPDATE app_user SET created = coalesce(NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		changed = coalesce(NEW.changed, NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		site = coalesce(NEW.site, (SELECT value FROM setting WHERE key = 'site')),
		uuid = coalesce(NEW.uuid, printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8)))))
	WHERE id = NEW.id;
END;
CREATE TRIGGER app_user_changed AFTER UPDATE ON app_user WHEN NEW.changed IS OLD.changed
BEGIN
	UPDATE app_user SET changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER app_user_keep BEFORE UPDATE OF uuid, created ON app_user
WHEN (OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid)
	OR (OLD.created IS NOT NULL AND NEW.created IS NOT OLD.created)
BEGIN
	SELECT RAISE(ABORT, 'a row keeps its uuid and creation time');
END;

-- person
ALTER TABLE person ADD COLUMN uuid TEXT;
ALTER TABLE person ADD COLUMN site TEXT;
ALTER TABLE person ADD COLUMN created TEXT;
ALTER TABLE person ADD COLUMN changed TEXT;
UPDATE person SET created = coalesce(strftime('%Y-%m-%dT%H:%M:%fZ', created_at), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
	site = (SELECT value FROM setting WHERE key = 'site'),
	uuid = printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8))));
CREATE UNIQUE INDEX person_by_uuid ON person(uuid);
CREATE TRIGGER person_stamp AFTER INSERT ON person
WHEN NEW.uuid IS NULL OR NEW.site IS NULL OR NEW.created IS NULL OR NEW.changed IS NULL
BEGIN
	UPDATE person SET created = coalesce(NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		changed = coalesce(NEW.changed, NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		site = coalesce(NEW.site, (SELECT value FROM setting WHERE key = 'site')),
		uuid = coalesce(NEW.uuid, printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8)))))
	WHERE id = NEW.id;
END;
CREATE TRIGGER person_changed AFTER UPDATE ON person WHEN NEW.changed IS OLD.changed
BEGIN
	UPDATE person SET changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER person_keep BEFORE UPDATE OF uuid, created ON person
WHEN (OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid)
	OR (OLD.created IS NOT NULL AND NEW.created IS NOT OLD.created)
BEGIN
	SELECT RAISE(ABORT, 'a row keeps its uuid and creation time');
END;

-- person_document
ALTER TABLE person_document ADD COLUMN uuid TEXT;
ALTER TABLE person_document ADD COLUMN site TEXT;
ALTER TABLE person_document ADD COLUMN created TEXT;
ALTER TABLE person_document ADD COLUMN changed TEXT;
UPDATE person_document SET created = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
	site = (SELECT value FROM setting WHERE key = 'site'),
	uuid = printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8))));
CREATE UNIQUE INDEX person_document_by_uuid ON person_document(uuid);
CREATE TRIGGER person_document_stamp AFTER INSERT ON person_document
WHEN NEW.uuid IS NULL OR NEW.site IS NULL OR NEW.created IS NULL OR NEW.changed IS NULL
BEGIN
	UPDATE person_document SET created = coalesce(NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		changed = coalesce(NEW.changed, NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		site = coalesce(NEW.site, (SELECT value FROM setting WHERE key = 'site')),
		uuid = coalesce(NEW.uuid, printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8)))))
	WHERE id = NEW.id;
END;
CREATE TRIGGER person_document_changed AFTER UPDATE ON person_document WHEN NEW.changed IS OLD.changed
BEGIN
	UPDATE person_document SET changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER person_document_keep BEFORE UPDATE OF uuid, created ON person_document
WHEN (OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid)
	OR (OLD.created IS NOT NULL AND NEW.created IS NOT OLD.created)
BEGIN
	SELECT RAISE(ABORT, 'a row keeps its uuid and creation time');
END;

-- person_language
ALTER TABLE person_language ADD COLUMN uuid TEXT;
ALTER TABLE person_language ADD COLUMN site TEXT;
ALTER TABLE person_language ADD COLUMN created TEXT;
ALTER TABLE person_language ADD COLUMN changed TEXT;
UPDATE person_language SET created = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
	site = (SELECT value FROM setting WHERE key = 'site'),
	uuid = printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8))));
CREATE UNIQUE INDEX person_language_by_uuid ON person_language(uuid);
CREATE TRIGGER person_language_stamp AFTER INSERT ON person_language
WHEN NEW.uuid IS NULL OR NEW.site IS NULL OR NEW.created IS NULL OR NEW.changed IS NULL
BEGIN
	UPDATE person_language SET created = coalesce(NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		changed = coalesce(NEW.changed, NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		site = coalesce(NEW.site, (SELECT value FROM setting WHERE key = 'site')),
		uuid = coalesce(NEW.uuid, printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8)))))
	WHERE person_id = NEW.person_id AND language = NEW.language;
END;
CREATE TRIGGER person_language_changed AFTER UPDATE ON person_language WHEN NEW.changed IS OLD.changed
BEGIN
	UPDATE person_language SET changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE person_id = NEW.person_id AND language = NEW.language;
END;
CREATE TRIGGER person_language_keep BEFORE UPDATE OF uuid, created ON person_language
WHEN (OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid)
	OR (OLD.created IS NOT NULL AND NEW.created IS NOT OLD.created)
BEGIN
	SELECT RAISE(ABORT, 'a row keeps its uuid and creation time');
END;

-- person_flag
ALTER TABLE person_flag ADD COLUMN uuid TEXT;
ALTER TABLE person_flag ADD COLUMN site TEXT;
ALTER TABLE person_flag ADD COLUMN created TEXT;
ALTER TABLE person_flag ADD COLUMN changed TEXT;
UPDATE person_flag SET created = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
	site = (SELECT value FROM setting WHERE key = 'site'),
	uuid = printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8))));
CREATE UNIQUE INDEX person_flag_by_uuid ON person_flag(uuid);
CREATE TRIGGER person_flag_stamp AFTER INSERT ON person_flag
WHEN NEW.uuid IS NULL OR NEW.site IS NULL OR NEW.created IS NULL OR NEW.changed IS NULL
BEGIN
	UPDATE person_flag SET created = coalesce(NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		changed = coalesce(NEW.changed, NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		site = coalesce(NEW.site, (SELECT value FROM setting WHERE key = 'site')),
		uuid = coalesce(NEW.uuid, printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8)))))
	WHERE person_id = NEW.person_id AND flag = NEW.flag;
END;
CREATE TRIGGER person_flag_changed AFTER UPDATE ON person_flag WHEN NEW.changed IS OLD.changed
BEGIN
	UPDATE person_flag SET changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE person_id = NEW.person_id AND flag = NEW.flag;
END;
CREATE TRIGGER person_flag_keep BEFORE UPDATE OF uuid, created ON person_flag
WHEN (OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid)
	OR (OLD.created IS NOT NULL AND NEW.created IS NOT OLD.created)
BEGIN
	SELECT RAISE(ABORT, 'a row keeps its uuid and creation time');
END;

-- family_link
ALTER TABLE family_link ADD COLUMN uuid TEXT;
ALTER TABLE family_link ADD COLUMN site TEXT;
ALTER TABLE family_link ADD COLUMN created TEXT;
ALTER TABLE family_link ADD COLUMN changed TEXT;
UPDATE family_link SET created = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
	site = (SELECT value FROM setting WHERE key = 'site'),
	uuid = printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8))));
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

-- stay
ALTER TABLE stay ADD COLUMN uuid TEXT;
ALTER TABLE stay ADD COLUMN site TEXT;
ALTER TABLE stay ADD COLUMN created TEXT;
ALTER TABLE stay ADD COLUMN changed TEXT;
UPDATE stay SET created = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
	site = (SELECT value FROM setting WHERE key = 'site'),
	uuid = printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8))));
CREATE UNIQUE INDEX stay_by_uuid ON stay(uuid);
CREATE TRIGGER stay_stamp AFTER INSERT ON stay
WHEN NEW.uuid IS NULL OR NEW.site IS NULL OR NEW.created IS NULL OR NEW.changed IS NULL
BEGIN
	UPDATE stay SET created = coalesce(NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		changed = coalesce(NEW.changed, NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		site = coalesce(NEW.site, (SELECT value FROM setting WHERE key = 'site')),
		uuid = coalesce(NEW.uuid, printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8)))))
	WHERE id = NEW.id;
END;
CREATE TRIGGER stay_changed AFTER UPDATE ON stay WHEN NEW.changed IS OLD.changed
BEGIN
	UPDATE stay SET changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER stay_keep BEFORE UPDATE OF uuid, created ON stay
WHEN (OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid)
	OR (OLD.created IS NOT NULL AND NEW.created IS NOT OLD.created)
BEGIN
	SELECT RAISE(ABORT, 'a row keeps its uuid and creation time');
END;

-- stay_service
ALTER TABLE stay_service ADD COLUMN uuid TEXT;
ALTER TABLE stay_service ADD COLUMN site TEXT;
ALTER TABLE stay_service ADD COLUMN created TEXT;
ALTER TABLE stay_service ADD COLUMN changed TEXT;
UPDATE stay_service SET created = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
	site = (SELECT value FROM setting WHERE key = 'site'),
	uuid = printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8))));
CREATE UNIQUE INDEX stay_service_by_uuid ON stay_service(uuid);
CREATE TRIGGER stay_service_stamp AFTER INSERT ON stay_service
WHEN NEW.uuid IS NULL OR NEW.site IS NULL OR NEW.created IS NULL OR NEW.changed IS NULL
BEGIN
	UPDATE stay_service SET created = coalesce(NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		changed = coalesce(NEW.changed, NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		site = coalesce(NEW.site, (SELECT value FROM setting WHERE key = 'site')),
		uuid = coalesce(NEW.uuid, printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8)))))
	WHERE stay_id = NEW.stay_id AND service = NEW.service;
END;
CREATE TRIGGER stay_service_changed AFTER UPDATE ON stay_service WHEN NEW.changed IS OLD.changed
BEGIN
	UPDATE stay_service SET changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE stay_id = NEW.stay_id AND service = NEW.service;
END;
CREATE TRIGGER stay_service_keep BEFORE UPDATE OF uuid, created ON stay_service
WHEN (OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid)
	OR (OLD.created IS NOT NULL AND NEW.created IS NOT OLD.created)
BEGIN
	SELECT RAISE(ABORT, 'a row keeps its uuid and creation time');
END;

-- consultation
ALTER TABLE consultation ADD COLUMN uuid TEXT;
ALTER TABLE consultation ADD COLUMN site TEXT;
ALTER TABLE consultation ADD COLUMN created TEXT;
ALTER TABLE consultation ADD COLUMN changed TEXT;
UPDATE consultation SET created = coalesce(strftime('%Y-%m-%dT%H:%M:%fZ', created_at), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
	site = (SELECT value FROM setting WHERE key = 'site'),
	uuid = printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8))));
CREATE UNIQUE INDEX consultation_by_uuid ON consultation(uuid);
CREATE TRIGGER consultation_stamp AFTER INSERT ON consultation
WHEN NEW.uuid IS NULL OR NEW.site IS NULL OR NEW.created IS NULL OR NEW.changed IS NULL
BEGIN
	UPDATE consultation SET created = coalesce(NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		changed = coalesce(NEW.changed, NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		site = coalesce(NEW.site, (SELECT value FROM setting WHERE key = 'site')),
		uuid = coalesce(NEW.uuid, printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8)))))
	WHERE id = NEW.id;
END;
CREATE TRIGGER consultation_changed AFTER UPDATE ON consultation WHEN NEW.changed IS OLD.changed
BEGIN
	UPDATE consultation SET changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER consultation_keep BEFORE UPDATE OF uuid, created ON consultation
WHEN (OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid)
	OR (OLD.created IS NOT NULL AND NEW.created IS NOT OLD.created)
BEGIN
	SELECT RAISE(ABORT, 'a row keeps its uuid and creation time');
END;

-- medical_case
ALTER TABLE medical_case ADD COLUMN uuid TEXT;
ALTER TABLE medical_case ADD COLUMN site TEXT;
ALTER TABLE medical_case ADD COLUMN created TEXT;
ALTER TABLE medical_case ADD COLUMN changed TEXT;
UPDATE medical_case SET created = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
	site = (SELECT value FROM setting WHERE key = 'site'),
	uuid = printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8))));
CREATE UNIQUE INDEX medical_case_by_uuid ON medical_case(uuid);
CREATE TRIGGER medical_case_stamp AFTER INSERT ON medical_case
WHEN NEW.uuid IS NULL OR NEW.site IS NULL OR NEW.created IS NULL OR NEW.changed IS NULL
BEGIN
	UPDATE medical_case SET created = coalesce(NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		changed = coalesce(NEW.changed, NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		site = coalesce(NEW.site, (SELECT value FROM setting WHERE key = 'site')),
		uuid = coalesce(NEW.uuid, printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8)))))
	WHERE id = NEW.id;
END;
CREATE TRIGGER medical_case_changed AFTER UPDATE ON medical_case WHEN NEW.changed IS OLD.changed
BEGIN
	UPDATE medical_case SET changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER medical_case_keep BEFORE UPDATE OF uuid, created ON medical_case
WHEN (OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid)
	OR (OLD.created IS NOT NULL AND NEW.created IS NOT OLD.created)
BEGIN
	SELECT RAISE(ABORT, 'a row keeps its uuid and creation time');
END;

-- antenatal_visit
ALTER TABLE antenatal_visit ADD COLUMN uuid TEXT;
ALTER TABLE antenatal_visit ADD COLUMN site TEXT;
ALTER TABLE antenatal_visit ADD COLUMN created TEXT;
ALTER TABLE antenatal_visit ADD COLUMN changed TEXT;
UPDATE antenatal_visit SET created = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
	site = (SELECT value FROM setting WHERE key = 'site'),
	uuid = printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8))));
CREATE UNIQUE INDEX antenatal_visit_by_uuid ON antenatal_visit(uuid);
CREATE TRIGGER antenatal_visit_stamp AFTER INSERT ON antenatal_visit
WHEN NEW.uuid IS NULL OR NEW.site IS NULL OR NEW.created IS NULL OR NEW.changed IS NULL
BEGIN
	UPDATE antenatal_visit SET created = coalesce(NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		changed = coalesce(NEW.changed, NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		site = coalesce(NEW.site, (SELECT value FROM setting WHERE key = 'site')),
		uuid = coalesce(NEW.uuid, printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8)))))
	WHERE id = NEW.id;
END;
CREATE TRIGGER antenatal_visit_changed AFTER UPDATE ON antenatal_visit WHEN NEW.changed IS OLD.changed
BEGIN
	UPDATE antenatal_visit SET changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER antenatal_visit_keep BEFORE UPDATE OF uuid, created ON antenatal_visit
WHEN (OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid)
	OR (OLD.created IS NOT NULL AND NEW.created IS NOT OLD.created)
BEGIN
	SELECT RAISE(ABORT, 'a row keeps its uuid and creation time');
END;

-- fitness
ALTER TABLE fitness ADD COLUMN uuid TEXT;
ALTER TABLE fitness ADD COLUMN site TEXT;
ALTER TABLE fitness ADD COLUMN created TEXT;
ALTER TABLE fitness ADD COLUMN changed TEXT;
UPDATE fitness SET created = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
	site = (SELECT value FROM setting WHERE key = 'site'),
	uuid = printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8))));
CREATE UNIQUE INDEX fitness_by_uuid ON fitness(uuid);
CREATE TRIGGER fitness_stamp AFTER INSERT ON fitness
WHEN NEW.uuid IS NULL OR NEW.site IS NULL OR NEW.created IS NULL OR NEW.changed IS NULL
BEGIN
	UPDATE fitness SET created = coalesce(NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		changed = coalesce(NEW.changed, NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		site = coalesce(NEW.site, (SELECT value FROM setting WHERE key = 'site')),
		uuid = coalesce(NEW.uuid, printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8)))))
	WHERE id = NEW.id;
END;
CREATE TRIGGER fitness_changed AFTER UPDATE ON fitness WHEN NEW.changed IS OLD.changed
BEGIN
	UPDATE fitness SET changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER fitness_keep BEFORE UPDATE OF uuid, created ON fitness
WHEN (OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid)
	OR (OLD.created IS NOT NULL AND NEW.created IS NOT OLD.created)
BEGIN
	SELECT RAISE(ABORT, 'a row keeps its uuid and creation time');
END;

-- audit: the stamp is the row's own time; never updated otherwise.
DROP TRIGGER audit_no_update;
ALTER TABLE audit ADD COLUMN uuid TEXT;
ALTER TABLE audit ADD COLUMN site TEXT;
ALTER TABLE audit ADD COLUMN created TEXT;
ALTER TABLE audit ADD COLUMN changed TEXT;
UPDATE audit SET created = coalesce(strftime('%Y-%m-%dT%H:%M:%fZ', at), at),
	changed = coalesce(strftime('%Y-%m-%dT%H:%M:%fZ', at), at),
	site = (SELECT value FROM setting WHERE key = 'site'),
	uuid = printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8))));
CREATE UNIQUE INDEX audit_by_uuid ON audit(uuid);
CREATE TRIGGER audit_stamp AFTER INSERT ON audit
WHEN NEW.uuid IS NULL OR NEW.site IS NULL OR NEW.created IS NULL OR NEW.changed IS NULL
BEGIN
	UPDATE audit SET created = coalesce(NEW.created, NEW.at),
		changed = coalesce(NEW.changed, NEW.created, NEW.at),
		site = coalesce(NEW.site, (SELECT value FROM setting WHERE key = 'site')),
		uuid = coalesce(NEW.uuid, printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8)))))
	WHERE id = NEW.id;
END;
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
BEGIN
	SELECT RAISE(ABORT, 'the audit trail cannot be changed');
END;
