-- 001: the core schema: reference tables, accounts, settings, the audit trail.
-- A released migration is never edited: later changes go in a new file.

CREATE TABLE centre (
	id           INTEGER PRIMARY KEY,
	code         TEXT NOT NULL UNIQUE
	             CHECK (length(code) BETWEEN 2 AND 4 AND code NOT GLOB '*[^A-Z0-9]*'),
	name_en      TEXT NOT NULL,
	name_fr      TEXT NOT NULL,
	kind         TEXT NOT NULL CHECK (kind IN ('transit', 'trafficking')),
	town         TEXT NOT NULL,
	region_name  TEXT NOT NULL,
	region_pcode TEXT NOT NULL CHECK (region_pcode GLOB 'NE[0-9][0-9][0-9]'),
	active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

CREATE TABLE country (
	iso3    TEXT PRIMARY KEY CHECK (length(iso3) = 3),
	iso2    TEXT NOT NULL UNIQUE CHECK (length(iso2) = 2),
	name_en TEXT NOT NULL,
	name_fr TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE language (
	code    TEXT PRIMARY KEY CHECK (length(code) = 3),
	iso1    TEXT CHECK (iso1 IS NULL OR length(iso1) = 2),
	name_en TEXT NOT NULL,
	name_fr TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE app_user (
	id           INTEGER PRIMARY KEY,
	name         TEXT NOT NULL UNIQUE
	             CHECK (length(name) BETWEEN 2 AND 32 AND name NOT GLOB '*[^a-z0-9._-]*'),
	display_name TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 80),
	role         TEXT NOT NULL CHECK (role IN ('admin', 'manager', 'intake', 'medical',
	             'protection', 'psychosocial', 'training', 'reintegration', 'distribution')),
	centre_id    INTEGER NOT NULL REFERENCES centre(id),
	lang         TEXT NOT NULL DEFAULT 'fr' CHECK (lang IN ('fr', 'en')),
	pw_hash      TEXT NOT NULL,
	active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	created_at   TEXT NOT NULL,
	version      INTEGER NOT NULL DEFAULT 1
);

-- Key/value facts about this database ('demo' = '1' for a demo database).
CREATE TABLE setting (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) WITHOUT ROWID;

-- Who did what, when, from where. Written in the same transaction as the
-- change it records; never updated or deleted (see the triggers).
CREATE TABLE audit (
	id        INTEGER PRIMARY KEY,
	at        TEXT NOT NULL,          -- UTC, ISO 8601 with milliseconds
	user_id   INTEGER REFERENCES app_user(id),
	user_name TEXT NOT NULL,          -- kept as it was, even if the account changes
	origin    TEXT NOT NULL,          -- 'local', 'ssh 10.0.0.5', 'cli'
	action    TEXT NOT NULL,          -- 'create', 'update', 'view', 'login', ...
	entity    TEXT NOT NULL,          -- table or domain name
	entity_id INTEGER,
	changes   TEXT                    -- JSON: {"field": [before, after], ...}
);
CREATE INDEX audit_by_entity ON audit(entity, entity_id);
CREATE INDEX audit_by_time ON audit(at);
CREATE INDEX audit_by_user ON audit(user_id, at);

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
	SELECT RAISE(ABORT, 'the audit trail cannot be changed');
END;

CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
	SELECT RAISE(ABORT, 'the audit trail cannot be deleted');
END;
