-- 019: vocational training courses and their enrolment. The trades are an
-- editable reference list; a course belongs to a centre, has a capacity
-- (some places may be kept for members of the local community) and a
-- waiting list; an enrolment follows one person through one course, to
-- its certificate and the follow-up three months later. Attendance per
-- course day and the figures come later.

INSERT INTO ref_item (list, code, name_en, name_fr, kind, position) VALUES
	('training_trade', 'jewellery', 'Touareg jewellery', 'Bijouterie touarègue', '', 1),
	('training_trade', 'brick', 'Brick production', 'Production de briques', '', 2),
	('training_trade', 'business', 'Business management', 'Gestion d''entreprise', '', 3),
	('training_trade', 'tailoring', 'Tailoring', 'Couture', '', 4),
	('training_trade', 'welding', 'Welding', 'Soudure', '', 5),
	('training_trade', 'mechanics', 'Mechanics', 'Mécanique', '', 6),
	('training_trade', 'hairdressing', 'Hairdressing', 'Coiffure', '', 7),
	('training_trade', 'agriculture', 'Agriculture', 'Agriculture', '', 8),
	('training_trade', 'literacy', 'Literacy', 'Alphabétisation', '', 9),
	('training_trade', 'other', 'Other trade', 'Autre métier', '', 10);

-- A course at a centre. The provider is a partner organisation (ref list
-- "partner") or a name, not both. reserved_community places are kept for
-- community members (0: none). A cancelled course says why.
CREATE TABLE training_course (
	id                 INTEGER PRIMARY KEY,
	centre_id          INTEGER NOT NULL REFERENCES centre(id),
	trade_id           INTEGER NOT NULL REFERENCES ref_item(id),
	title              TEXT NOT NULL,
	provider_id        INTEGER REFERENCES ref_item(id),
	provider_name      TEXT NOT NULL DEFAULT '',
	start_date         TEXT NOT NULL,                 -- ISO day
	end_date           TEXT NOT NULL,
	hours              INTEGER CHECK (hours BETWEEN 1 AND 9999),   -- NULL when not said
	capacity           INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 999),
	reserved_community INTEGER NOT NULL DEFAULT 0 CHECK (reserved_community BETWEEN 0 AND capacity),
	certificate        TEXT NOT NULL CHECK (certificate IN ('none', 'attendance', 'official')),
	status             TEXT NOT NULL CHECK (status IN ('planned', 'open', 'running', 'completed', 'cancelled')),
	cancel_reason      TEXT NOT NULL DEFAULT '',
	created_by         INTEGER REFERENCES app_user(id),
	version            INTEGER NOT NULL DEFAULT 1,
	uuid               TEXT,
	site               TEXT,
	created            TEXT,
	changed            TEXT,
	CHECK ((status = 'cancelled') = (cancel_reason <> '')),
	CHECK (end_date >= start_date),
	CHECK (provider_id IS NULL OR provider_name = '')
);
CREATE INDEX training_course_by_centre ON training_course(centre_id, start_date);
CREATE INDEX training_course_by_trade ON training_course(trade_id, start_date);
CREATE INDEX training_course_by_provider ON training_course(provider_id) WHERE provider_id IS NOT NULL;
CREATE UNIQUE INDEX training_course_by_uuid ON training_course(uuid);
CREATE TRIGGER training_course_stamp AFTER INSERT ON training_course
WHEN NEW.uuid IS NULL OR NEW.site IS NULL OR NEW.created IS NULL OR NEW.changed IS NULL
BEGIN
	UPDATE training_course SET created = coalesce(NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		changed = coalesce(NEW.changed, NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		site = coalesce(NEW.site, (SELECT value FROM setting WHERE key = 'site')),
		uuid = coalesce(NEW.uuid, printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8)))))
	WHERE id = NEW.id;
END;
CREATE TRIGGER training_course_changed AFTER UPDATE ON training_course WHEN NEW.changed IS OLD.changed
BEGIN
	UPDATE training_course SET changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER training_course_keep BEFORE UPDATE OF uuid, created ON training_course
WHEN (OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid)
	OR (OLD.created IS NOT NULL AND NEW.created IS NOT OLD.created)
BEGIN
	SELECT RAISE(ABORT, 'a row keeps its uuid and creation time');
END;

-- One person in one course. waiting_since orders the waiting list (then
-- id); the drop-out reason exactly when dropped out; the follow-up result
-- with its date.
CREATE TABLE training_enrolment (
	id             INTEGER PRIMARY KEY,
	course_id      INTEGER NOT NULL REFERENCES training_course(id),
	person_id      INTEGER NOT NULL REFERENCES person(id),
	status         TEXT NOT NULL CHECK (status IN ('applied', 'selected', 'waiting', 'not_selected',
	               'enrolled', 'completed', 'certified', 'dropped_out')),
	waiting_since  TEXT,                             -- ISO time, exactly when waiting
	dropout_reason TEXT CHECK (dropout_reason IN ('returned', 'moved_on', 'illness', 'work',
	               'not_interested', 'other')),
	assessment     TEXT CHECK (assessment IN ('passed', 'failed')),
	certificate_no TEXT NOT NULL DEFAULT '',
	toolkit_date   TEXT,                             -- ISO day
	followup       TEXT CHECK (followup IN ('employed', 'self_employed', 'unemployed', 'unreachable')),
	followup_date  TEXT,
	enrolled_by    INTEGER REFERENCES app_user(id),
	version        INTEGER NOT NULL DEFAULT 1,
	uuid           TEXT,
	site           TEXT,
	created        TEXT,
	changed        TEXT,
	UNIQUE (course_id, person_id),
	CHECK ((status = 'waiting') = (waiting_since IS NOT NULL)),
	CHECK ((status = 'dropped_out') = (dropout_reason IS NOT NULL)),
	CHECK ((followup IS NULL) = (followup_date IS NULL))
);
CREATE INDEX training_enrolment_by_person ON training_enrolment(person_id, course_id);
CREATE INDEX training_enrolment_by_status ON training_enrolment(course_id, status, waiting_since);
CREATE INDEX training_enrolment_by_dropout ON training_enrolment(dropout_reason) WHERE dropout_reason IS NOT NULL;
CREATE INDEX training_enrolment_by_followup ON training_enrolment(followup) WHERE followup IS NOT NULL;
CREATE UNIQUE INDEX training_enrolment_by_uuid ON training_enrolment(uuid);
CREATE TRIGGER training_enrolment_stamp AFTER INSERT ON training_enrolment
WHEN NEW.uuid IS NULL OR NEW.site IS NULL OR NEW.created IS NULL OR NEW.changed IS NULL
BEGIN
	UPDATE training_enrolment SET created = coalesce(NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		changed = coalesce(NEW.changed, NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		site = coalesce(NEW.site, (SELECT value FROM setting WHERE key = 'site')),
		uuid = coalesce(NEW.uuid, printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8)))))
	WHERE id = NEW.id;
END;
CREATE TRIGGER training_enrolment_changed AFTER UPDATE ON training_enrolment WHEN NEW.changed IS OLD.changed
BEGIN
	UPDATE training_enrolment SET changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER training_enrolment_keep BEFORE UPDATE OF uuid, created ON training_enrolment
WHEN (OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid)
	OR (OLD.created IS NOT NULL AND NEW.created IS NOT OLD.created)
BEGIN
	SELECT RAISE(ABORT, 'a row keeps its uuid and creation time');
END;
