-- 023: protection. The protection unit's cases (risk, concerns, actions),
-- unaccompanied and separated children (best-interests assessment and
-- determination that a manager approves, interim care, family tracing,
-- verification, reunification and the visits after it), victims of
-- trafficking (identification, recruitment, means of control, forms of
-- exploitation, countries, assistance, legal proceedings; code lists after
-- the Counter Trafficking Data Collaborative's global data standard),
-- consent to each use, referrals out and in (a referral out is never sent
-- without consent to share), and assisted voluntary return (counselling,
-- approval, travel documents from consulates, departure, arrival).
-- These are the most sensitive records: the data layer lets only the
-- protection role and managers read them (db_require), and the
-- triggers below keep the rules that must hold whatever writes.

-- Protection concerns: an editable reference list.
INSERT INTO ref_item (list, code, name_en, name_fr, kind, position) VALUES
	('prot_concern', 'unaccompanied_child', 'Unaccompanied child', 'Enfant non accompagné', '', 1),
	('prot_concern', 'separated_child', 'Separated child', 'Enfant séparé', '', 2),
	('prot_concern', 'trafficking', 'Trafficking in persons', 'Traite des personnes', '', 3),
	('prot_concern', 'gbv', 'Gender-based violence', 'Violence basée sur le genre', '', 4),
	('prot_concern', 'violence', 'Violence, abuse or torture', 'Violence, abus ou torture', '', 5),
	('prot_concern', 'exploitation', 'Exploitation or forced labour', 'Exploitation ou travail forcé', '', 6),
	('prot_concern', 'child_labour', 'Child labour', 'Travail des enfants', '', 7),
	('prot_concern', 'detention', 'Detention or kidnapping', 'Détention ou enlèvement', '', 8),
	('prot_concern', 'abandoned_desert', 'Abandoned in the desert', 'Abandonné dans le désert', '', 9),
	('prot_concern', 'missing_documents', 'No identity documents', 'Sans pièce d''identité', '', 10),
	('prot_concern', 'family_separation', 'Separated from family', 'Séparé de sa famille', '', 11),
	('prot_concern', 'serious_medical', 'Serious medical condition', 'Problème médical grave', '', 12),
	('prot_concern', 'mental_health', 'Mental health needs', 'Besoins en santé mentale', '', 13),
	('prot_concern', 'disability', 'Disability', 'Handicap', '', 14),
	('prot_concern', 'older_person', 'Older person at risk', 'Personne âgée à risque', '', 15),
	('prot_concern', 'pregnant_alone', 'Pregnant and alone', 'Enceinte et seule', '', 16),
	('prot_concern', 'asylum', 'Needs international protection', 'Besoin de protection internationale', '', 17),
	('prot_concern', 'statelessness', 'Risk of statelessness', 'Risque d''apatridie', '', 18),
	('prot_concern', 'other', 'Other concern', 'Autre préoccupation', '', 99);

-- Days without a tracing action after which a child's tracing is listed
-- as waiting for action.
INSERT OR IGNORE INTO setting (key, value) VALUES ('prot_tracing_stale_days', '30');

-- A person's protection case: at most one open at a time. centre_id is the
-- centre that follows it (for figures and lists by centre). Closed with a
-- reason, or transferred to another organisation or site (named).
CREATE TABLE prot_case (
	id             INTEGER PRIMARY KEY,
	person_id      INTEGER NOT NULL REFERENCES person(id),
	centre_id      INTEGER NOT NULL REFERENCES centre(id),
	opened         TEXT NOT NULL,                        -- ISO day
	risk           TEXT NOT NULL CHECK (risk IN ('high', 'medium', 'low')),
	caseworker_id  INTEGER REFERENCES app_user(id),
	status         TEXT NOT NULL CHECK (status IN ('open', 'closed', 'transferred')),
	close_reason   TEXT CHECK (close_reason IN ('needs_met', 'reunified', 'returned', 'resettled', 'moved_on',
	               'lost_contact', 'deceased', 'other')),
	closed_date    TEXT,                                 -- the day it was closed or transferred
	transferred_to TEXT NOT NULL DEFAULT '' CHECK (length(transferred_to) <= 120),
	summary        TEXT NOT NULL DEFAULT '' CHECK (length(summary) <= 2000),
	created_by     INTEGER REFERENCES app_user(id),
	version       INTEGER NOT NULL DEFAULT 1,
	uuid          TEXT,
	site          TEXT,
	created       TEXT,
	changed       TEXT,
	CHECK ((status = 'closed') = (close_reason IS NOT NULL)),
	CHECK ((status = 'open') = (closed_date IS NULL)),
	CHECK ((status = 'transferred') = (transferred_to <> ''))
);
CREATE UNIQUE INDEX prot_case_open_by_person ON prot_case(person_id) WHERE status = 'open';
CREATE INDEX prot_case_by_person ON prot_case(person_id, opened);
CREATE INDEX prot_case_by_worker ON prot_case(caseworker_id, status, opened);
CREATE INDEX prot_case_by_centre ON prot_case(centre_id, status, opened);
CREATE INDEX prot_case_by_opened ON prot_case(opened);
CREATE UNIQUE INDEX prot_case_by_uuid ON prot_case(uuid);
CREATE TRIGGER prot_case_stamp AFTER INSERT ON prot_case
WHEN NEW.uuid IS NULL OR NEW.site IS NULL OR NEW.created IS NULL OR NEW.changed IS NULL
BEGIN
	UPDATE prot_case SET created = coalesce(NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		changed = coalesce(NEW.changed, NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		site = coalesce(NEW.site, (SELECT value FROM setting WHERE key = 'site')),
		uuid = coalesce(NEW.uuid, printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8)))))
	WHERE id = NEW.id;
END;
CREATE TRIGGER prot_case_changed AFTER UPDATE ON prot_case WHEN NEW.changed IS OLD.changed
BEGIN
	UPDATE prot_case SET changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER prot_case_keep BEFORE UPDATE OF uuid, created ON prot_case
WHEN (OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid)
	OR (OLD.created IS NOT NULL AND NEW.created IS NOT OLD.created)
BEGIN
	SELECT RAISE(ABORT, 'a row keeps its uuid and creation time');
END;

-- The concerns of a case (list 'prot_concern').
CREATE TABLE prot_case_concern (
	id         INTEGER PRIMARY KEY,
	case_id    INTEGER NOT NULL REFERENCES prot_case(id),
	concern_id INTEGER NOT NULL REFERENCES ref_item(id),
	note       TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 200),
	version       INTEGER NOT NULL DEFAULT 1,
	uuid          TEXT,
	site          TEXT,
	created       TEXT,
	changed       TEXT,
	UNIQUE (case_id, concern_id)
);
CREATE UNIQUE INDEX prot_case_concern_by_uuid ON prot_case_concern(uuid);
CREATE TRIGGER prot_case_concern_stamp AFTER INSERT ON prot_case_concern
WHEN NEW.uuid IS NULL OR NEW.site IS NULL OR NEW.created IS NULL OR NEW.changed IS NULL
BEGIN
	UPDATE prot_case_concern SET created = coalesce(NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		changed = coalesce(NEW.changed, NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		site = coalesce(NEW.site, (SELECT value FROM setting WHERE key = 'site')),
		uuid = coalesce(NEW.uuid, printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8)))))
	WHERE id = NEW.id;
END;
CREATE TRIGGER prot_case_concern_changed AFTER UPDATE ON prot_case_concern WHEN NEW.changed IS OLD.changed
BEGIN
	UPDATE prot_case_concern SET changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER prot_case_concern_keep BEFORE UPDATE OF uuid, created ON prot_case_concern
WHEN (OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid)
	OR (OLD.created IS NOT NULL AND NEW.created IS NOT OLD.created)
BEGIN
	SELECT RAISE(ABORT, 'a row keeps its uuid and creation time');
END;

-- Actions of a case, with a due date and who does them.
CREATE TABLE prot_action (
	id          INTEGER PRIMARY KEY,
	case_id     INTEGER NOT NULL REFERENCES prot_case(id),
	description TEXT NOT NULL CHECK (length(description) BETWEEN 1 AND 200),
	due_date    TEXT,                                   -- ISO day, or none
	assigned_id INTEGER REFERENCES app_user(id),
	status      TEXT NOT NULL CHECK (status IN ('open', 'done', 'cancelled')),
	done_date   TEXT,
	outcome     TEXT NOT NULL DEFAULT '' CHECK (length(outcome) <= 500),
	created_by  INTEGER REFERENCES app_user(id),
	version       INTEGER NOT NULL DEFAULT 1,
	uuid          TEXT,
	site          TEXT,
	created       TEXT,
	changed       TEXT,
	CHECK ((status = 'open') = (done_date IS NULL))
);
CREATE INDEX prot_action_by_case ON prot_action(case_id, status, due_date);
CREATE INDEX prot_action_open_by_worker ON prot_action(assigned_id, due_date) WHERE status = 'open';
CREATE INDEX prot_action_open_by_due ON prot_action(due_date) WHERE status = 'open';
CREATE UNIQUE INDEX prot_action_by_uuid ON prot_action(uuid);
CREATE TRIGGER prot_action_stamp AFTER INSERT ON prot_action
WHEN NEW.uuid IS NULL OR NEW.site IS NULL OR NEW.created IS NULL OR NEW.changed IS NULL
BEGIN
	UPDATE prot_action SET created = coalesce(NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		changed = coalesce(NEW.changed, NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		site = coalesce(NEW.site, (SELECT value FROM setting WHERE key = 'site')),
		uuid = coalesce(NEW.uuid, printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8)))))
	WHERE id = NEW.id;
END;
CREATE TRIGGER prot_action_changed AFTER UPDATE ON prot_action WHEN NEW.changed IS OLD.changed
BEGIN
	UPDATE prot_action SET changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER prot_action_keep BEFORE UPDATE OF uuid, created ON prot_action
WHEN (OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid)
	OR (OLD.created IS NOT NULL AND NEW.created IS NOT OLD.created)
BEGIN
	SELECT RAISE(ABORT, 'a row keeps its uuid and creation time');
END;

-- Best-interests assessment of a child and its determination: drafted,
-- submitted, then approved (the determination) or rejected with a comment
-- by a manager. At most one waits for a decision per case.
CREATE TABLE prot_best_interest (
	id               INTEGER PRIMARY KEY,
	case_id          INTEGER NOT NULL REFERENCES prot_case(id),
	assessed_date    TEXT NOT NULL,
	assessed_by      INTEGER REFERENCES app_user(id),
	findings         TEXT NOT NULL DEFAULT '' CHECK (length(findings) <= 2000),
	child_views      TEXT NOT NULL DEFAULT '' CHECK (length(child_views) <= 1000),
	recommendation   TEXT NOT NULL CHECK (recommendation IN ('reunification', 'return', 'local_integration',
	                 'alternative_care', 'resettlement', 'other')),
	recommendation_note TEXT NOT NULL DEFAULT '' CHECK (length(recommendation_note) <= 500),
	status           TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'approved', 'rejected')),
	submitted_at     TEXT,
	submitted_by     INTEGER REFERENCES app_user(id),
	decided_at       TEXT,
	decided_by       INTEGER REFERENCES app_user(id),
	decision_comment TEXT NOT NULL DEFAULT '' CHECK (length(decision_comment) <= 500),
	version       INTEGER NOT NULL DEFAULT 1,
	uuid          TEXT,
	site          TEXT,
	created       TEXT,
	changed       TEXT,
	CHECK ((status IN ('approved', 'rejected')) = (decided_at IS NOT NULL)),
	CHECK ((status IN ('approved', 'rejected')) = (decided_by IS NOT NULL)),
	CHECK (status = 'draft' OR submitted_at IS NOT NULL),
	CHECK (status != 'rejected' OR decision_comment <> '')
);
CREATE INDEX prot_best_interest_by_case ON prot_best_interest(case_id, assessed_date);
CREATE UNIQUE INDEX prot_best_interest_waiting ON prot_best_interest(case_id) WHERE status = 'submitted';
CREATE INDEX prot_best_interest_by_status ON prot_best_interest(status, submitted_at);
CREATE UNIQUE INDEX prot_best_interest_by_uuid ON prot_best_interest(uuid);
CREATE TRIGGER prot_best_interest_stamp AFTER INSERT ON prot_best_interest
WHEN NEW.uuid IS NULL OR NEW.site IS NULL OR NEW.created IS NULL OR NEW.changed IS NULL
BEGIN
	UPDATE prot_best_interest SET created = coalesce(NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		changed = coalesce(NEW.changed, NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		site = coalesce(NEW.site, (SELECT value FROM setting WHERE key = 'site')),
		uuid = coalesce(NEW.uuid, printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8)))))
	WHERE id = NEW.id;
END;
CREATE TRIGGER prot_best_interest_changed AFTER UPDATE ON prot_best_interest WHEN NEW.changed IS OLD.changed
BEGIN
	UPDATE prot_best_interest SET changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER prot_best_interest_keep BEFORE UPDATE OF uuid, created ON prot_best_interest
WHEN (OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid)
	OR (OLD.created IS NOT NULL AND NEW.created IS NOT OLD.created)
BEGIN
	SELECT RAISE(ABORT, 'a row keeps its uuid and creation time');
END;

-- Interim care arrangements of a child, one after another.
CREATE TABLE prot_care (
	id         INTEGER PRIMARY KEY,
	case_id    INTEGER NOT NULL REFERENCES prot_case(id),
	kind       TEXT NOT NULL CHECK (kind IN ('centre', 'foster_family', 'kinship_care', 'interim_care_centre',
	           'supervised_independent', 'other')),
	place      TEXT NOT NULL DEFAULT '' CHECK (length(place) <= 120),
	carer      TEXT NOT NULL DEFAULT '' CHECK (length(carer) <= 120),
	start_date TEXT NOT NULL,
	end_date   TEXT,
	notes      TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 500),
	version       INTEGER NOT NULL DEFAULT 1,
	uuid          TEXT,
	site          TEXT,
	created       TEXT,
	changed       TEXT,
	CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX prot_care_by_case ON prot_care(case_id, start_date);
CREATE UNIQUE INDEX prot_care_by_uuid ON prot_care(uuid);
CREATE TRIGGER prot_care_stamp AFTER INSERT ON prot_care
WHEN NEW.uuid IS NULL OR NEW.site IS NULL OR NEW.created IS NULL OR NEW.changed IS NULL
BEGIN
	UPDATE prot_care SET created = coalesce(NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		changed = coalesce(NEW.changed, NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		site = coalesce(NEW.site, (SELECT value FROM setting WHERE key = 'site')),
		uuid = coalesce(NEW.uuid, printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8)))))
	WHERE id = NEW.id;
END;
CREATE TRIGGER prot_care_changed AFTER UPDATE ON prot_care WHEN NEW.changed IS OLD.changed
BEGIN
	UPDATE prot_care SET changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER prot_care_keep BEFORE UPDATE OF uuid, created ON prot_care
WHEN (OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid)
	OR (OLD.created IS NOT NULL AND NEW.created IS NOT OLD.created)
BEGIN
	SELECT RAISE(ABORT, 'a row keeps its uuid and creation time');
END;

-- Family tracing of a child (one per case): the child's wishes, the family
-- found, its verification, the reunification.
CREATE TABLE prot_tracing (
	id                INTEGER PRIMARY KEY,
	case_id           INTEGER NOT NULL UNIQUE REFERENCES prot_case(id),
	child_wishes      TEXT NOT NULL DEFAULT '' CHECK (length(child_wishes) <= 1000),
	status            TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'family_found', 'verified',
	                  'reunified', 'closed')),
	opened            TEXT NOT NULL,                  -- ISO day tracing began
	family_found      TEXT NOT NULL DEFAULT '' CHECK (length(family_found) <= 300),
	found_date        TEXT,
	verified_date     TEXT,
	verified_by       INTEGER REFERENCES app_user(id),
	verification_note TEXT NOT NULL DEFAULT '' CHECK (length(verification_note) <= 500),
	reunified_date    TEXT,
	reunified_place   TEXT NOT NULL DEFAULT '' CHECK (length(reunified_place) <= 120),
	reunified_with    TEXT NOT NULL DEFAULT '' CHECK (length(reunified_with) <= 200),
	closed_note       TEXT NOT NULL DEFAULT '' CHECK (length(closed_note) <= 300),
	version       INTEGER NOT NULL DEFAULT 1,
	uuid          TEXT,
	site          TEXT,
	created       TEXT,
	changed       TEXT,
	CHECK (status IN ('open', 'in_progress', 'closed') OR found_date IS NOT NULL),
	CHECK (status IN ('open', 'in_progress', 'family_found', 'closed') OR verified_date IS NOT NULL),
	CHECK (status != 'reunified' OR reunified_date IS NOT NULL)
);
CREATE INDEX prot_tracing_by_status ON prot_tracing(status);
CREATE UNIQUE INDEX prot_tracing_by_uuid ON prot_tracing(uuid);
CREATE TRIGGER prot_tracing_stamp AFTER INSERT ON prot_tracing
WHEN NEW.uuid IS NULL OR NEW.site IS NULL OR NEW.created IS NULL OR NEW.changed IS NULL
BEGIN
	UPDATE prot_tracing SET created = coalesce(NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		changed = coalesce(NEW.changed, NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		site = coalesce(NEW.site, (SELECT value FROM setting WHERE key = 'site')),
		uuid = coalesce(NEW.uuid, printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8)))))
	WHERE id = NEW.id;
END;
CREATE TRIGGER prot_tracing_changed AFTER UPDATE ON prot_tracing WHEN NEW.changed IS OLD.changed
BEGIN
	UPDATE prot_tracing SET changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER prot_tracing_keep BEFORE UPDATE OF uuid, created ON prot_tracing
WHEN (OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid)
	OR (OLD.created IS NOT NULL AND NEW.created IS NOT OLD.created)
BEGIN
	SELECT RAISE(ABORT, 'a row keeps its uuid and creation time');
END;

-- What was done to trace a family.
CREATE TABLE prot_tracing_action (
	id         INTEGER PRIMARY KEY,
	tracing_id INTEGER NOT NULL REFERENCES prot_tracing(id),
	date       TEXT NOT NULL,
	kind       TEXT NOT NULL CHECK (kind IN ('interview', 'phone', 'home_visit', 'red_cross', 'partner_request',
	           'consulate', 'community_leader', 'social_media', 'other')),
	place      TEXT NOT NULL DEFAULT '' CHECK (length(place) <= 120),
	outcome    TEXT NOT NULL DEFAULT '' CHECK (length(outcome) <= 500),
	done_by    INTEGER REFERENCES app_user(id),
	version       INTEGER NOT NULL DEFAULT 1,
	uuid          TEXT,
	site          TEXT,
	created       TEXT,
	changed       TEXT
);
CREATE INDEX prot_tracing_action_by_tracing ON prot_tracing_action(tracing_id, date);
CREATE UNIQUE INDEX prot_tracing_action_by_uuid ON prot_tracing_action(uuid);
CREATE TRIGGER prot_tracing_action_stamp AFTER INSERT ON prot_tracing_action
WHEN NEW.uuid IS NULL OR NEW.site IS NULL OR NEW.created IS NULL OR NEW.changed IS NULL
BEGIN
	UPDATE prot_tracing_action SET created = coalesce(NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		changed = coalesce(NEW.changed, NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		site = coalesce(NEW.site, (SELECT value FROM setting WHERE key = 'site')),
		uuid = coalesce(NEW.uuid, printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8)))))
	WHERE id = NEW.id;
END;
CREATE TRIGGER prot_tracing_action_changed AFTER UPDATE ON prot_tracing_action WHEN NEW.changed IS OLD.changed
BEGIN
	UPDATE prot_tracing_action SET changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER prot_tracing_action_keep BEFORE UPDATE OF uuid, created ON prot_tracing_action
WHEN (OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid)
	OR (OLD.created IS NOT NULL AND NEW.created IS NOT OLD.created)
BEGIN
	SELECT RAISE(ABORT, 'a row keeps its uuid and creation time');
END;

-- Visits after a reunification (or a return) to see how the child is.
CREATE TABLE prot_followup (
	id        INTEGER PRIMARY KEY,
	case_id   INTEGER NOT NULL REFERENCES prot_case(id),
	date      TEXT NOT NULL,
	mode      TEXT NOT NULL CHECK (mode IN ('in_person', 'phone', 'partner')),
	wellbeing TEXT NOT NULL CHECK (wellbeing IN ('good', 'concerns', 'at_risk', 'not_found')),
	notes     TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 500),
	done_by   INTEGER REFERENCES app_user(id),
	version       INTEGER NOT NULL DEFAULT 1,
	uuid          TEXT,
	site          TEXT,
	created       TEXT,
	changed       TEXT
);
CREATE INDEX prot_followup_by_case ON prot_followup(case_id, date);
CREATE UNIQUE INDEX prot_followup_by_uuid ON prot_followup(uuid);
CREATE TRIGGER prot_followup_stamp AFTER INSERT ON prot_followup
WHEN NEW.uuid IS NULL OR NEW.site IS NULL OR NEW.created IS NULL OR NEW.changed IS NULL
BEGIN
	UPDATE prot_followup SET created = coalesce(NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		changed = coalesce(NEW.changed, NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		site = coalesce(NEW.site, (SELECT value FROM setting WHERE key = 'site')),
		uuid = coalesce(NEW.uuid, printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8)))))
	WHERE id = NEW.id;
END;
CREATE TRIGGER prot_followup_changed AFTER UPDATE ON prot_followup WHEN NEW.changed IS OLD.changed
BEGIN
	UPDATE prot_followup SET changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER prot_followup_keep BEFORE UPDATE OF uuid, created ON prot_followup
WHEN (OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid)
	OR (OLD.created IS NOT NULL AND NEW.created IS NOT OLD.created)
BEGIN
	SELECT RAISE(ABORT, 'a row keeps its uuid and creation time');
END;

-- A victim of trafficking (one record per case). Code lists after the
-- CTDC global data standard: recruiter relation, means of control, type of
-- exploitation and of labour.
CREATE TABLE prot_trafficking (
	id               INTEGER PRIMARY KEY,
	case_id          INTEGER NOT NULL UNIQUE REFERENCES prot_case(id),
	identification   TEXT NOT NULL CHECK (identification IN ('presumed', 'identified')),
	identified_by    TEXT NOT NULL CHECK (identified_by IN ('national_agency', 'police', 'ngo', 'staff',
	                 'self_referral')),
	identified_date  TEXT NOT NULL,
	recruiter        TEXT NOT NULL CHECK (recruiter IN ('intimate_partner', 'friend', 'family', 'employer',
	                 'stranger', 'other', 'unknown')),
	recruitment      TEXT NOT NULL DEFAULT '' CHECK (length(recruitment) <= 500),  -- how, in words
	places           TEXT NOT NULL DEFAULT '' CHECK (length(places) <= 500),
	legal_status     TEXT NOT NULL CHECK (legal_status IN ('none', 'complaint', 'investigation', 'prosecution',
	                 'conviction', 'acquittal', 'dropped')),
	legal_note       TEXT NOT NULL DEFAULT '' CHECK (length(legal_note) <= 500),
	version       INTEGER NOT NULL DEFAULT 1,
	uuid          TEXT,
	site          TEXT,
	created       TEXT,
	changed       TEXT
);
CREATE INDEX prot_trafficking_by_date ON prot_trafficking(identified_date);
CREATE UNIQUE INDEX prot_trafficking_by_uuid ON prot_trafficking(uuid);
CREATE TRIGGER prot_trafficking_stamp AFTER INSERT ON prot_trafficking
WHEN NEW.uuid IS NULL OR NEW.site IS NULL OR NEW.created IS NULL OR NEW.changed IS NULL
BEGIN
	UPDATE prot_trafficking SET created = coalesce(NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		changed = coalesce(NEW.changed, NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		site = coalesce(NEW.site, (SELECT value FROM setting WHERE key = 'site')),
		uuid = coalesce(NEW.uuid, printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8)))))
	WHERE id = NEW.id;
END;
CREATE TRIGGER prot_trafficking_changed AFTER UPDATE ON prot_trafficking WHEN NEW.changed IS OLD.changed
BEGIN
	UPDATE prot_trafficking SET changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER prot_trafficking_keep BEFORE UPDATE OF uuid, created ON prot_trafficking
WHEN (OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid)
	OR (OLD.created IS NOT NULL AND NEW.created IS NOT OLD.created)
BEGIN
	SELECT RAISE(ABORT, 'a row keeps its uuid and creation time');
END;

CREATE TABLE prot_trafficking_control (
	id             INTEGER PRIMARY KEY,
	trafficking_id INTEGER NOT NULL REFERENCES prot_trafficking(id),
	method         TEXT NOT NULL CHECK (method IN ('debt_bondage', 'takes_earnings', 'restricts_financial_access',
	               'threats', 'psychological_abuse', 'physical_abuse', 'sexual_abuse', 'false_promises',
	               'psychoactive_substances', 'restricts_movement', 'restricts_medical_care',
	               'excessive_working_hours', 'uses_children', 'threat_of_law_enforcement',
	               'withholds_necessities', 'withholds_documents', 'other')),
	version       INTEGER NOT NULL DEFAULT 1,
	uuid          TEXT,
	site          TEXT,
	created       TEXT,
	changed       TEXT,
	UNIQUE (trafficking_id, method)
);
CREATE UNIQUE INDEX prot_trafficking_control_by_uuid ON prot_trafficking_control(uuid);
CREATE TRIGGER prot_trafficking_control_stamp AFTER INSERT ON prot_trafficking_control
WHEN NEW.uuid IS NULL OR NEW.site IS NULL OR NEW.created IS NULL OR NEW.changed IS NULL
BEGIN
	UPDATE prot_trafficking_control SET created = coalesce(NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		changed = coalesce(NEW.changed, NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		site = coalesce(NEW.site, (SELECT value FROM setting WHERE key = 'site')),
		uuid = coalesce(NEW.uuid, printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8)))))
	WHERE id = NEW.id;
END;
CREATE TRIGGER prot_trafficking_control_changed AFTER UPDATE ON prot_trafficking_control WHEN NEW.changed IS OLD.changed
BEGIN
	UPDATE prot_trafficking_control SET changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER prot_trafficking_control_keep BEFORE UPDATE OF uuid, created ON prot_trafficking_control
WHEN (OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid)
	OR (OLD.created IS NOT NULL AND NEW.created IS NOT OLD.created)
BEGIN
	SELECT RAISE(ABORT, 'a row keeps its uuid and creation time');
END;

-- Forms of exploitation; labour with its sector.
CREATE TABLE prot_trafficking_exploitation (
	id             INTEGER PRIMARY KEY,
	trafficking_id INTEGER NOT NULL REFERENCES prot_trafficking(id),
	form           TEXT NOT NULL CHECK (form IN ('begging', 'domestic_work', 'forced_labour', 'sexual',
	               'forced_marriage', 'forced_criminality', 'armed_groups', 'organ_removal', 'other')),
	sector         TEXT CHECK (sector IN ('agriculture', 'aquafarming', 'construction', 'hospitality',
	               'manufacturing', 'mining', 'peddling', 'transport', 'other')),
	version       INTEGER NOT NULL DEFAULT 1,
	uuid          TEXT,
	site          TEXT,
	created       TEXT,
	changed       TEXT,
	CHECK ((form = 'forced_labour') = (sector IS NOT NULL))
);
CREATE UNIQUE INDEX prot_trafficking_exploitation_once ON prot_trafficking_exploitation(trafficking_id, form,
	coalesce(sector, ''));
CREATE UNIQUE INDEX prot_trafficking_exploitation_by_uuid ON prot_trafficking_exploitation(uuid);
CREATE TRIGGER prot_trafficking_exploitation_stamp AFTER INSERT ON prot_trafficking_exploitation
WHEN NEW.uuid IS NULL OR NEW.site IS NULL OR NEW.created IS NULL OR NEW.changed IS NULL
BEGIN
	UPDATE prot_trafficking_exploitation SET created = coalesce(NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		changed = coalesce(NEW.changed, NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		site = coalesce(NEW.site, (SELECT value FROM setting WHERE key = 'site')),
		uuid = coalesce(NEW.uuid, printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8)))))
	WHERE id = NEW.id;
END;
CREATE TRIGGER prot_trafficking_exploitation_changed AFTER UPDATE ON prot_trafficking_exploitation WHEN NEW.changed IS OLD.changed
BEGIN
	UPDATE prot_trafficking_exploitation SET changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER prot_trafficking_exploitation_keep BEFORE UPDATE OF uuid, created ON prot_trafficking_exploitation
WHEN (OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid)
	OR (OLD.created IS NOT NULL AND NEW.created IS NOT OLD.created)
BEGIN
	SELECT RAISE(ABORT, 'a row keeps its uuid and creation time');
END;

-- Countries of origin, transit and exploitation.
CREATE TABLE prot_trafficking_country (
	id             INTEGER PRIMARY KEY,
	trafficking_id INTEGER NOT NULL REFERENCES prot_trafficking(id),
	country        TEXT NOT NULL REFERENCES country(iso3),
	role           TEXT NOT NULL CHECK (role IN ('origin', 'transit', 'exploitation')),
	version       INTEGER NOT NULL DEFAULT 1,
	uuid          TEXT,
	site          TEXT,
	created       TEXT,
	changed       TEXT,
	UNIQUE (trafficking_id, country, role)
);
CREATE INDEX prot_trafficking_country_by_country ON prot_trafficking_country(country, role);
CREATE UNIQUE INDEX prot_trafficking_country_by_uuid ON prot_trafficking_country(uuid);
CREATE TRIGGER prot_trafficking_country_stamp AFTER INSERT ON prot_trafficking_country
WHEN NEW.uuid IS NULL OR NEW.site IS NULL OR NEW.created IS NULL OR NEW.changed IS NULL
BEGIN
	UPDATE prot_trafficking_country SET created = coalesce(NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		changed = coalesce(NEW.changed, NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		site = coalesce(NEW.site, (SELECT value FROM setting WHERE key = 'site')),
		uuid = coalesce(NEW.uuid, printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8)))))
	WHERE id = NEW.id;
END;
CREATE TRIGGER prot_trafficking_country_changed AFTER UPDATE ON prot_trafficking_country WHEN NEW.changed IS OLD.changed
BEGIN
	UPDATE prot_trafficking_country SET changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER prot_trafficking_country_keep BEFORE UPDATE OF uuid, created ON prot_trafficking_country
WHEN (OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid)
	OR (OLD.created IS NOT NULL AND NEW.created IS NOT OLD.created)
BEGIN
	SELECT RAISE(ABORT, 'a row keeps its uuid and creation time');
END;

-- Assistance given to a victim.
CREATE TABLE prot_trafficking_assistance (
	id             INTEGER PRIMARY KEY,
	trafficking_id INTEGER NOT NULL REFERENCES prot_trafficking(id),
	kind           TEXT NOT NULL CHECK (kind IN ('shelter', 'medical', 'legal', 'psychosocial', 'reintegration')),
	date           TEXT NOT NULL,
	note           TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 200),
	version       INTEGER NOT NULL DEFAULT 1,
	uuid          TEXT,
	site          TEXT,
	created       TEXT,
	changed       TEXT,
	UNIQUE (trafficking_id, kind)
);
CREATE UNIQUE INDEX prot_trafficking_assistance_by_uuid ON prot_trafficking_assistance(uuid);
CREATE TRIGGER prot_trafficking_assistance_stamp AFTER INSERT ON prot_trafficking_assistance
WHEN NEW.uuid IS NULL OR NEW.site IS NULL OR NEW.created IS NULL OR NEW.changed IS NULL
BEGIN
	UPDATE prot_trafficking_assistance SET created = coalesce(NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		changed = coalesce(NEW.changed, NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		site = coalesce(NEW.site, (SELECT value FROM setting WHERE key = 'site')),
		uuid = coalesce(NEW.uuid, printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8)))))
	WHERE id = NEW.id;
END;
CREATE TRIGGER prot_trafficking_assistance_changed AFTER UPDATE ON prot_trafficking_assistance WHEN NEW.changed IS OLD.changed
BEGIN
	UPDATE prot_trafficking_assistance SET changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER prot_trafficking_assistance_keep BEFORE UPDATE OF uuid, created ON prot_trafficking_assistance
WHEN (OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid)
	OR (OLD.created IS NOT NULL AND NEW.created IS NOT OLD.created)
BEGIN
	SELECT RAISE(ABORT, 'a row keeps its uuid and creation time');
END;

-- Consent of the person (or their guardian) to each use of their
-- protection data, given or refused, and when.
CREATE TABLE prot_consent (
	id          INTEGER PRIMARY KEY,
	case_id     INTEGER NOT NULL REFERENCES prot_case(id),
	use         TEXT NOT NULL CHECK (use IN ('case_management', 'referral', 'share_with_agency',
	            'legal_proceedings', 'reintegration', 'statistics')),
	given       INTEGER NOT NULL CHECK (given IN (0, 1)),
	date        TEXT NOT NULL,
	recorded_by INTEGER REFERENCES app_user(id),
	version       INTEGER NOT NULL DEFAULT 1,
	uuid          TEXT,
	site          TEXT,
	created       TEXT,
	changed       TEXT,
	UNIQUE (case_id, use)
);
CREATE UNIQUE INDEX prot_consent_by_uuid ON prot_consent(uuid);
CREATE TRIGGER prot_consent_stamp AFTER INSERT ON prot_consent
WHEN NEW.uuid IS NULL OR NEW.site IS NULL OR NEW.created IS NULL OR NEW.changed IS NULL
BEGIN
	UPDATE prot_consent SET created = coalesce(NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		changed = coalesce(NEW.changed, NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		site = coalesce(NEW.site, (SELECT value FROM setting WHERE key = 'site')),
		uuid = coalesce(NEW.uuid, printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8)))))
	WHERE id = NEW.id;
END;
CREATE TRIGGER prot_consent_changed AFTER UPDATE ON prot_consent WHEN NEW.changed IS OLD.changed
BEGIN
	UPDATE prot_consent SET changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER prot_consent_keep BEFORE UPDATE OF uuid, created ON prot_consent
WHEN (OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid)
	OR (OLD.created IS NOT NULL AND NEW.created IS NOT OLD.created)
BEGIN
	SELECT RAISE(ABORT, 'a row keeps its uuid and creation time');
END;

-- Referrals out (to UNHCR, a hospital, legal aid, a partner NGO...) and in
-- (from them). A referral out leaves the draft state only with consent to
-- share; its status follows the other organisation's answer.
CREATE TABLE prot_referral (
	id            INTEGER PRIMARY KEY,
	case_id       INTEGER NOT NULL REFERENCES prot_case(id),
	direction     TEXT NOT NULL CHECK (direction IN ('out', 'in')),
	destination   TEXT NOT NULL CHECK (destination IN ('unhcr', 'hospital', 'legal_aid', 'partner_ngo',
	              'government', 'other')),
	organisation  TEXT NOT NULL DEFAULT '' CHECK (length(organisation) <= 120),
	reason        TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
	consent       INTEGER NOT NULL DEFAULT 0 CHECK (consent IN (0, 1)),
	consent_date  TEXT,
	status        TEXT NOT NULL CHECK (status IN ('draft', 'sent', 'accepted', 'rejected', 'done', 'withdrawn')),
	sent_date     TEXT,                            -- sent (out) or received (in)
	other_ref     TEXT NOT NULL DEFAULT '' CHECK (length(other_ref) <= 60),
	outcome       TEXT NOT NULL DEFAULT '' CHECK (length(outcome) <= 500),
	created_by    INTEGER REFERENCES app_user(id),
	version       INTEGER NOT NULL DEFAULT 1,
	uuid          TEXT,
	site          TEXT,
	created       TEXT,
	changed       TEXT,
	CHECK (consent = 0 OR consent_date IS NOT NULL),
	CHECK (status = 'draft' OR sent_date IS NOT NULL),
	CHECK (direction = 'out' OR status != 'draft')
);
CREATE INDEX prot_referral_by_case ON prot_referral(case_id, sent_date);
CREATE INDEX prot_referral_by_date ON prot_referral(sent_date, destination);
CREATE UNIQUE INDEX prot_referral_by_uuid ON prot_referral(uuid);
CREATE TRIGGER prot_referral_stamp AFTER INSERT ON prot_referral
WHEN NEW.uuid IS NULL OR NEW.site IS NULL OR NEW.created IS NULL OR NEW.changed IS NULL
BEGIN
	UPDATE prot_referral SET created = coalesce(NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		changed = coalesce(NEW.changed, NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		site = coalesce(NEW.site, (SELECT value FROM setting WHERE key = 'site')),
		uuid = coalesce(NEW.uuid, printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8)))))
	WHERE id = NEW.id;
END;
CREATE TRIGGER prot_referral_changed AFTER UPDATE ON prot_referral WHEN NEW.changed IS OLD.changed
BEGIN
	UPDATE prot_referral SET changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER prot_referral_keep BEFORE UPDATE OF uuid, created ON prot_referral
WHEN (OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid)
	OR (OLD.created IS NOT NULL AND NEW.created IS NOT OLD.created)
BEGIN
	SELECT RAISE(ABORT, 'a row keeps its uuid and creation time');
END;
-- Never sent without consent, whatever writes.
CREATE TRIGGER prot_referral_consent_insert BEFORE INSERT ON prot_referral
WHEN NEW.direction = 'out' AND NEW.status != 'draft' AND NEW.consent = 0
BEGIN
	SELECT RAISE(ABORT, 'a referral is sent only with consent to share');
END;
CREATE TRIGGER prot_referral_consent_update BEFORE UPDATE OF status, consent ON prot_referral
WHEN NEW.direction = 'out' AND NEW.status != 'draft' AND NEW.consent = 0
BEGIN
	SELECT RAISE(ABORT, 'a referral is sent only with consent to share');
END;

-- Assisted voluntary return: requested, counselled, approved by a manager,
-- ready (documents and fitness), departed, arrived; or withdrawn, no-show,
-- refused (with a reason). One live request per person.
CREATE TABLE prot_return (
	id               INTEGER PRIMARY KEY,
	person_id        INTEGER NOT NULL REFERENCES person(id),
	centre_id        INTEGER NOT NULL REFERENCES centre(id),
	requested_date   TEXT NOT NULL,
	country          TEXT NOT NULL REFERENCES country(iso3),   -- of destination
	destination      TEXT NOT NULL DEFAULT '' CHECK (length(destination) <= 120),  -- town or region
	status           TEXT NOT NULL CHECK (status IN ('requested', 'counselled', 'approved', 'ready', 'departed',
	                 'arrived', 'withdrawn', 'no_show', 'refused')),
	counselled_date  TEXT,
	counselling_note TEXT NOT NULL DEFAULT '' CHECK (length(counselling_note) <= 1000),
	approved_at      TEXT,
	approved_by      INTEGER REFERENCES app_user(id),
	travel_date      TEXT,                        -- booked
	transport        TEXT CHECK (transport IN ('convoy', 'flight', 'bus', 'other')),
	convoy_ref       TEXT NOT NULL DEFAULT '' CHECK (length(convoy_ref) <= 60),   -- convoy or flight
	escort           TEXT NOT NULL DEFAULT '' CHECK (length(escort) <= 120),
	departure_date   TEXT,
	arrival_date     TEXT,
	handed_over_to   TEXT NOT NULL DEFAULT '' CHECK (length(handed_over_to) <= 200),
	end_reason       TEXT NOT NULL DEFAULT '' CHECK (length(end_reason) <= 300),
	created_by       INTEGER REFERENCES app_user(id),
	version       INTEGER NOT NULL DEFAULT 1,
	uuid          TEXT,
	site          TEXT,
	created       TEXT,
	changed       TEXT,
	CHECK ((status IN ('withdrawn', 'no_show', 'refused')) = (end_reason <> '')),
	CHECK (status IN ('requested', 'counselled', 'withdrawn', 'no_show', 'refused') OR approved_at IS NOT NULL),
	CHECK ((approved_at IS NULL) = (approved_by IS NULL)),
	CHECK (status IN ('requested', 'counselled', 'approved', 'ready', 'withdrawn', 'no_show', 'refused')
	       OR departure_date IS NOT NULL),
	CHECK (status != 'arrived' OR arrival_date IS NOT NULL),
	CHECK (arrival_date IS NULL OR arrival_date >= departure_date)
);
CREATE UNIQUE INDEX prot_return_live_by_person ON prot_return(person_id)
	WHERE status IN ('requested', 'counselled', 'approved', 'ready');
CREATE INDEX prot_return_by_person ON prot_return(person_id, requested_date);
CREATE INDEX prot_return_by_status ON prot_return(status, requested_date);
CREATE INDEX prot_return_by_travel ON prot_return(travel_date, convoy_ref);
CREATE INDEX prot_return_by_departure ON prot_return(departure_date, country);
CREATE UNIQUE INDEX prot_return_by_uuid ON prot_return(uuid);
CREATE TRIGGER prot_return_stamp AFTER INSERT ON prot_return
WHEN NEW.uuid IS NULL OR NEW.site IS NULL OR NEW.created IS NULL OR NEW.changed IS NULL
BEGIN
	UPDATE prot_return SET created = coalesce(NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		changed = coalesce(NEW.changed, NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		site = coalesce(NEW.site, (SELECT value FROM setting WHERE key = 'site')),
		uuid = coalesce(NEW.uuid, printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8)))))
	WHERE id = NEW.id;
END;
CREATE TRIGGER prot_return_changed AFTER UPDATE ON prot_return WHEN NEW.changed IS OLD.changed
BEGIN
	UPDATE prot_return SET changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER prot_return_keep BEFORE UPDATE OF uuid, created ON prot_return
WHEN (OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid)
	OR (OLD.created IS NOT NULL AND NEW.created IS NOT OLD.created)
BEGIN
	SELECT RAISE(ABORT, 'a row keeps its uuid and creation time');
END;
-- An unaccompanied or separated child is approved for return, and leaves,
-- only once a best-interests determination of theirs is approved.
CREATE TRIGGER prot_return_child_insert BEFORE INSERT ON prot_return
WHEN NEW.status IN ('approved', 'ready', 'departed', 'arrived')
	AND EXISTS (SELECT 1 FROM person_flag WHERE person_id = NEW.person_id
	            AND flag IN ('unaccompanied_child', 'separated_child'))
	AND NOT EXISTS (SELECT 1 FROM prot_best_interest b JOIN prot_case c ON c.id = b.case_id
	                WHERE c.person_id = NEW.person_id AND b.status = 'approved')
BEGIN
	SELECT RAISE(ABORT, 'a child returns only after an approved best-interests determination');
END;
CREATE TRIGGER prot_return_child_update BEFORE UPDATE OF status ON prot_return
WHEN NEW.status IN ('approved', 'ready', 'departed', 'arrived') AND OLD.status NOT IN ('departed', 'arrived')
	AND EXISTS (SELECT 1 FROM person_flag WHERE person_id = NEW.person_id
	            AND flag IN ('unaccompanied_child', 'separated_child'))
	AND NOT EXISTS (SELECT 1 FROM prot_best_interest b JOIN prot_case c ON c.id = b.case_id
	                WHERE c.person_id = NEW.person_id AND b.status = 'approved')
BEGIN
	SELECT RAISE(ABORT, 'a child returns only after an approved best-interests determination');
END;

-- Travel documents of a return, requested from a consulate.
CREATE TABLE prot_travel_doc (
	id                INTEGER PRIMARY KEY,
	return_id         INTEGER NOT NULL REFERENCES prot_return(id),
	kind              TEXT NOT NULL CHECK (kind IN ('passport', 'laissez_passer', 'consular_card')),
	consulate_country TEXT NOT NULL REFERENCES country(iso3),
	consulate_place   TEXT NOT NULL DEFAULT '' CHECK (length(consulate_place) <= 80),
	requested_date    TEXT NOT NULL,
	interview_date    TEXT,
	status            TEXT NOT NULL CHECK (status IN ('requested', 'interview', 'issued', 'refused')),
	number            TEXT NOT NULL DEFAULT '' CHECK (length(number) <= 40),
	issued_date       TEXT,
	expiry_date       TEXT,
	refusal_reason    TEXT NOT NULL DEFAULT '' CHECK (length(refusal_reason) <= 300),
	version       INTEGER NOT NULL DEFAULT 1,
	uuid          TEXT,
	site          TEXT,
	created       TEXT,
	changed       TEXT,
	CHECK (status != 'issued' OR (number <> '' AND issued_date IS NOT NULL)),
	CHECK ((status = 'refused') = (refusal_reason <> '')),
	CHECK (expiry_date IS NULL OR issued_date IS NULL OR expiry_date > issued_date)
);
CREATE INDEX prot_travel_doc_by_return ON prot_travel_doc(return_id);
CREATE INDEX prot_travel_doc_pending ON prot_travel_doc(consulate_country, requested_date)
	WHERE status IN ('requested', 'interview');
CREATE UNIQUE INDEX prot_travel_doc_by_uuid ON prot_travel_doc(uuid);
CREATE TRIGGER prot_travel_doc_stamp AFTER INSERT ON prot_travel_doc
WHEN NEW.uuid IS NULL OR NEW.site IS NULL OR NEW.created IS NULL OR NEW.changed IS NULL
BEGIN
	UPDATE prot_travel_doc SET created = coalesce(NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		changed = coalesce(NEW.changed, NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		site = coalesce(NEW.site, (SELECT value FROM setting WHERE key = 'site')),
		uuid = coalesce(NEW.uuid, printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8)))))
	WHERE id = NEW.id;
END;
CREATE TRIGGER prot_travel_doc_changed AFTER UPDATE ON prot_travel_doc WHEN NEW.changed IS OLD.changed
BEGIN
	UPDATE prot_travel_doc SET changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER prot_travel_doc_keep BEFORE UPDATE OF uuid, created ON prot_travel_doc
WHEN (OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid)
	OR (OLD.created IS NOT NULL AND NEW.created IS NOT OLD.created)
BEGIN
	SELECT RAISE(ABORT, 'a row keeps its uuid and creation time');
END;
