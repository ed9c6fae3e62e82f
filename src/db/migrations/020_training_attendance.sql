-- 020: attendance per course day. A course day's roll is the same roll as
-- a psychosocial session's (src/db/roll.c): the trainees holding a place
-- plus anyone marked that day, one row per person and day, marked present,
-- absent, excused or left early by the account in marked_by. Two officers
-- marking different people never touch each other's rows; the version
-- lets a mark given meanwhile be shown, never overwritten.
CREATE TABLE training_attendance (
	id         INTEGER PRIMARY KEY,
	course_id  INTEGER NOT NULL REFERENCES training_course(id),
	day        TEXT NOT NULL,                 -- ISO day, within the course's dates
	person_id  INTEGER NOT NULL REFERENCES person(id),
	mark       TEXT NOT NULL CHECK (mark IN ('present', 'absent', 'excused', 'left_early')),
	marked_by  INTEGER REFERENCES app_user(id),
	version    INTEGER NOT NULL DEFAULT 1,
	uuid       TEXT,
	site       TEXT,
	created    TEXT,
	changed    TEXT,
	UNIQUE (course_id, day, person_id)
);
-- A trainee's rate: their marks in a course.
CREATE INDEX training_attendance_by_person ON training_attendance(person_id, course_id, mark);
CREATE UNIQUE INDEX training_attendance_by_uuid ON training_attendance(uuid);
CREATE TRIGGER training_attendance_stamp AFTER INSERT ON training_attendance
WHEN NEW.uuid IS NULL OR NEW.site IS NULL OR NEW.created IS NULL OR NEW.changed IS NULL
BEGIN
	UPDATE training_attendance SET created = coalesce(NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		changed = coalesce(NEW.changed, NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		site = coalesce(NEW.site, (SELECT value FROM setting WHERE key = 'site')),
		uuid = coalesce(NEW.uuid, printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8)))))
	WHERE id = NEW.id;
END;
CREATE TRIGGER training_attendance_changed AFTER UPDATE ON training_attendance WHEN NEW.changed IS OLD.changed
BEGIN
	UPDATE training_attendance SET changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER training_attendance_keep BEFORE UPDATE OF uuid, created ON training_attendance
WHEN (OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid)
	OR (OLD.created IS NOT NULL AND NEW.created IS NOT OLD.created)
BEGIN
	SELECT RAISE(ABORT, 'a row keeps its uuid and creation time');
END;
