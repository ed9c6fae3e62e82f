-- 016: reference lists that an administrator edits (psychosocial activity
-- types and partner organisations here; the modules that come later add
-- their own lists to the same table), and the psychosocial module: sessions
-- and activities, their attendance (by name, or as head counts), and
-- individual support, whose notes only the psychosocial role reads (the
-- data layer enforces it).

-- One row per item of an editable list. Records point to the row (id); the
-- code is stable and never shown; names are edited in both languages; an
-- item no longer used is retired (active 0), never deleted, so that old
-- records keep their label. kind is the list's one attribute when it has
-- one (activity types: 'group' or 'individual'), checked by the data layer
-- against the list's definition in the program.
CREATE TABLE ref_item (
	id       INTEGER PRIMARY KEY,
	list     TEXT NOT NULL,
	code     TEXT NOT NULL,
	name_en  TEXT NOT NULL CHECK (length(name_en) BETWEEN 1 AND 80),
	name_fr  TEXT NOT NULL CHECK (length(name_fr) BETWEEN 1 AND 80),
	kind     TEXT NOT NULL DEFAULT '',
	position INTEGER NOT NULL DEFAULT 0,
	active   INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	version  INTEGER NOT NULL DEFAULT 1,
	uuid     TEXT,
	site     TEXT,
	created  TEXT,
	changed  TEXT,
	UNIQUE (list, code)
);
CREATE INDEX ref_item_by_list ON ref_item(list, active, position);
CREATE UNIQUE INDEX ref_item_by_uuid ON ref_item(uuid);
CREATE TRIGGER ref_item_stamp AFTER INSERT ON ref_item
WHEN NEW.uuid IS NULL OR NEW.site IS NULL OR NEW.created IS NULL OR NEW.changed IS NULL
BEGIN
	UPDATE ref_item SET created = coalesce(NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		changed = coalesce(NEW.changed, NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		site = coalesce(NEW.site, (SELECT value FROM setting WHERE key = 'site')),
		uuid = coalesce(NEW.uuid, printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8)))))
	WHERE id = NEW.id;
END;
CREATE TRIGGER ref_item_changed AFTER UPDATE ON ref_item WHEN NEW.changed IS OLD.changed
BEGIN
	UPDATE ref_item SET changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER ref_item_keep BEFORE UPDATE OF uuid, created ON ref_item
WHEN (OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid)
	OR (OLD.created IS NOT NULL AND NEW.created IS NOT OLD.created)
BEGIN
	SELECT RAISE(ABORT, 'a row keeps its uuid and creation time');
END;

INSERT INTO ref_item (list, code, name_en, name_fr, kind, position) VALUES
	('psych_activity', 'individual_counselling', 'Individual counselling', 'Counseling individuel', 'individual', 1),
	('psych_activity', 'group_counselling', 'Group counselling', 'Counseling de groupe', 'group', 2),
	('psych_activity', 'first_aid', 'Psychological first aid', 'Premiers secours psychologiques', 'individual', 3),
	('psych_activity', 'workshop', 'Workshop', 'Atelier', 'group', 4),
	('psych_activity', 'discussion', 'Discussion group', 'Groupe de parole', 'group', 5),
	('psych_activity', 'game', 'Game', 'Jeu', 'group', 6),
	('psych_activity', 'football', 'Football', 'Football', 'group', 7),
	('psych_activity', 'yoga', 'Yoga', 'Yoga', 'group', 8),
	('psych_activity', 'reading', 'Reading', 'Lecture', 'group', 9),
	('psych_activity', 'art', 'Art', 'Art', 'group', 10),
	('psych_activity', 'other', 'Other activity', 'Autre activité', 'group', 11),
	('partner', 'implementing_ngo', 'Implementing partner NGO', 'ONG partenaire de mise en œuvre', '', 1),
	('partner', 'centre_staff', 'Centre staff', 'Personnel du centre', '', 2),
	('partner', 'other', 'Other organisation', 'Autre organisation', '', 3);

-- A session or activity at a centre on one day. Attendance is taken by name
-- (psych_attendance) or, for open activities, as head counts by sex and
-- child/adult, kept apart and never added to named attendance. The
-- facilitator is a staff account or a partner's staff member by name.
CREATE TABLE psych_session (
	id               INTEGER PRIMARY KEY,
	centre_id        INTEGER NOT NULL REFERENCES centre(id),
	activity_id      INTEGER NOT NULL REFERENCES ref_item(id),
	title            TEXT NOT NULL DEFAULT '',
	date             TEXT NOT NULL,                 -- ISO day
	start_time       TEXT,                          -- 'HH:MM', NULL when not said
	end_time         TEXT,
	facilitator_id   INTEGER REFERENCES app_user(id),
	facilitator_name TEXT NOT NULL DEFAULT '',
	partner_id       INTEGER REFERENCES ref_item(id),
	place            TEXT NOT NULL DEFAULT '',
	status           TEXT NOT NULL CHECK (status IN ('planned', 'held', 'cancelled')),
	cancel_reason    TEXT NOT NULL DEFAULT '',
	roll             TEXT NOT NULL CHECK (roll IN ('names', 'count')),
	count_boys       INTEGER CHECK (count_boys >= 0),
	count_girls      INTEGER CHECK (count_girls >= 0),
	count_men        INTEGER CHECK (count_men >= 0),
	count_women      INTEGER CHECK (count_women >= 0),
	created_by       INTEGER REFERENCES app_user(id),
	version          INTEGER NOT NULL DEFAULT 1,
	uuid             TEXT,
	site             TEXT,
	created          TEXT,
	changed          TEXT,
	CHECK ((status = 'cancelled') = (cancel_reason <> '')),
	CHECK (end_time IS NULL OR start_time IS NULL OR end_time > start_time),
	CHECK (facilitator_id IS NULL OR facilitator_name = ''),
	CHECK (roll = 'count' OR (count_boys IS NULL AND count_girls IS NULL
	       AND count_men IS NULL AND count_women IS NULL))
);
CREATE INDEX psych_session_by_centre ON psych_session(centre_id, date);
CREATE INDEX psych_session_by_date ON psych_session(date);
CREATE UNIQUE INDEX psych_session_by_uuid ON psych_session(uuid);
CREATE TRIGGER psych_session_stamp AFTER INSERT ON psych_session
WHEN NEW.uuid IS NULL OR NEW.site IS NULL OR NEW.created IS NULL OR NEW.changed IS NULL
BEGIN
	UPDATE psych_session SET created = coalesce(NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		changed = coalesce(NEW.changed, NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		site = coalesce(NEW.site, (SELECT value FROM setting WHERE key = 'site')),
		uuid = coalesce(NEW.uuid, printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8)))))
	WHERE id = NEW.id;
END;
CREATE TRIGGER psych_session_changed AFTER UPDATE ON psych_session WHEN NEW.changed IS OLD.changed
BEGIN
	UPDATE psych_session SET changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER psych_session_keep BEFORE UPDATE OF uuid, created ON psych_session
WHEN (OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid)
	OR (OLD.created IS NOT NULL AND NEW.created IS NOT OLD.created)
BEGIN
	SELECT RAISE(ABORT, 'a row keeps its uuid and creation time');
END;

-- One mark per person and session; two facilitators marking the same roll
-- write different rows (or the same row, one mark after the other).
CREATE TABLE psych_attendance (
	id         INTEGER PRIMARY KEY,
	session_id INTEGER NOT NULL REFERENCES psych_session(id),
	person_id  INTEGER NOT NULL REFERENCES person(id),
	mark       TEXT NOT NULL CHECK (mark IN ('present', 'absent', 'excused', 'left_early')),
	marked_by  INTEGER REFERENCES app_user(id),
	version    INTEGER NOT NULL DEFAULT 1,
	uuid       TEXT,
	site       TEXT,
	created    TEXT,
	changed    TEXT,
	UNIQUE (session_id, person_id)
);
CREATE INDEX psych_attendance_by_person ON psych_attendance(person_id, session_id);
CREATE UNIQUE INDEX psych_attendance_by_uuid ON psych_attendance(uuid);
CREATE TRIGGER psych_attendance_stamp AFTER INSERT ON psych_attendance
WHEN NEW.uuid IS NULL OR NEW.site IS NULL OR NEW.created IS NULL OR NEW.changed IS NULL
BEGIN
	UPDATE psych_attendance SET created = coalesce(NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		changed = coalesce(NEW.changed, NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		site = coalesce(NEW.site, (SELECT value FROM setting WHERE key = 'site')),
		uuid = coalesce(NEW.uuid, printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8)))))
	WHERE id = NEW.id;
END;
CREATE TRIGGER psych_attendance_changed AFTER UPDATE ON psych_attendance WHEN NEW.changed IS OLD.changed
BEGIN
	UPDATE psych_attendance SET changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER psych_attendance_keep BEFORE UPDATE OF uuid, created ON psych_attendance
WHEN (OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid)
	OR (OLD.created IS NOT NULL AND NEW.created IS NOT OLD.created)
BEGIN
	SELECT RAISE(ABORT, 'a row keeps its uuid and creation time');
END;

-- Individual support: one session with one person (or a family, or in a
-- group). Confidential: only the psychosocial role reads or writes it.
-- concerns and referrals are sets, one bit per item of their code lists
-- (core/psych_vocab.h); the case file of the others only learns that the
-- latest support found a risk ("urgent psychosocial attention").
CREATE TABLE psych_support (
	id               INTEGER PRIMARY KEY,
	person_id        INTEGER NOT NULL REFERENCES person(id),
	centre_id        INTEGER NOT NULL REFERENCES centre(id),
	date             TEXT NOT NULL,
	modality         TEXT NOT NULL CHECK (modality IN ('individual', 'family', 'group')),
	concerns         INTEGER NOT NULL DEFAULT 0 CHECK (concerns BETWEEN 0 AND 127),
	concern_other    TEXT NOT NULL DEFAULT '',
	actions          TEXT NOT NULL DEFAULT '',      -- what was done
	risk             TEXT NOT NULL CHECK (risk IN ('none', 'self', 'others')),
	referrals        INTEGER NOT NULL DEFAULT 0 CHECK (referrals BETWEEN 0 AND 7),
	next_appointment TEXT,                          -- ISO day, NULL when none
	worker_id        INTEGER REFERENCES app_user(id),
	version          INTEGER NOT NULL DEFAULT 1,
	uuid             TEXT,
	site             TEXT,
	created          TEXT,
	changed          TEXT,
	CHECK (next_appointment IS NULL OR next_appointment > date),
	CHECK ((concerns & 64) <> 0 OR concern_other = '')
);
CREATE INDEX psych_support_by_person ON psych_support(person_id, date);
CREATE INDEX psych_support_due ON psych_support(centre_id, next_appointment)
	WHERE next_appointment IS NOT NULL;
CREATE UNIQUE INDEX psych_support_by_uuid ON psych_support(uuid);
CREATE TRIGGER psych_support_stamp AFTER INSERT ON psych_support
WHEN NEW.uuid IS NULL OR NEW.site IS NULL OR NEW.created IS NULL OR NEW.changed IS NULL
BEGIN
	UPDATE psych_support SET created = coalesce(NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		changed = coalesce(NEW.changed, NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		site = coalesce(NEW.site, (SELECT value FROM setting WHERE key = 'site')),
		uuid = coalesce(NEW.uuid, printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8)))))
	WHERE id = NEW.id;
END;
CREATE TRIGGER psych_support_changed AFTER UPDATE ON psych_support WHEN NEW.changed IS OLD.changed
BEGIN
	UPDATE psych_support SET changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER psych_support_keep BEFORE UPDATE OF uuid, created ON psych_support
WHEN (OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid)
	OR (OLD.created IS NOT NULL AND NEW.created IS NOT OLD.created)
BEGIN
	SELECT RAISE(ABORT, 'a row keeps its uuid and creation time');
END;

