-- 021: reintegration after a return home. A returnee's reintegration case
-- (where they went back to, who follows them), their individual plan
-- (items by category, a business plan for a small business) that a
-- manager approves, the grant paid in tranches (a payment is never edited
-- or deleted: a mistake is corrected by a reversing entry, and what is paid
-- never exceeds what was approved), counselling and monitoring visits,
-- the sustainability survey (questions, answer scores and weights are
-- versioned reference data: a visit's answers can be scored again with any
-- version), and collective and community projects with their members.
-- Amounts are whole units of the plan's or project's currency (XOF has no
-- smaller unit). Regions of return are an editable reference list whose
-- kind is the country (ISO 3166-1 alpha-3) and whose code is the ISO 3166-2
-- subdivision code; implementing partners are the list 'partner'.

-- Regions of return, first the countries of the domain documents.
INSERT INTO ref_item (list, code, name_en, name_fr, kind, position) VALUES
	('reint_region', 'SN-DK', 'Dakar', 'Dakar', 'SEN', 1),
	('reint_region', 'SN-DB', 'Diourbel', 'Diourbel', 'SEN', 2),
	('reint_region', 'SN-FK', 'Fatick', 'Fatick', 'SEN', 3),
	('reint_region', 'SN-KA', 'Kaffrine', 'Kaffrine', 'SEN', 4),
	('reint_region', 'SN-KL', 'Kaolack', 'Kaolack', 'SEN', 5),
	('reint_region', 'SN-KE', 'Kédougou', 'Kédougou', 'SEN', 6),
	('reint_region', 'SN-KD', 'Kolda', 'Kolda', 'SEN', 7),
	('reint_region', 'SN-LG', 'Louga', 'Louga', 'SEN', 8),
	('reint_region', 'SN-MT', 'Matam', 'Matam', 'SEN', 9),
	('reint_region', 'SN-SL', 'Saint-Louis', 'Saint-Louis', 'SEN', 10),
	('reint_region', 'SN-SE', 'Sédhiou', 'Sédhiou', 'SEN', 11),
	('reint_region', 'SN-TC', 'Tambacounda', 'Tambacounda', 'SEN', 12),
	('reint_region', 'SN-TH', 'Thiès', 'Thiès', 'SEN', 13),
	('reint_region', 'SN-ZG', 'Ziguinchor', 'Ziguinchor', 'SEN', 14),
	('reint_region', 'GM-B', 'Banjul', 'Banjul', 'GMB', 20),
	('reint_region', 'GM-L', 'Lower River', 'Lower River', 'GMB', 21),
	('reint_region', 'GM-M', 'Central River', 'Central River', 'GMB', 22),
	('reint_region', 'GM-N', 'North Bank', 'North Bank', 'GMB', 23),
	('reint_region', 'GM-U', 'Upper River', 'Upper River', 'GMB', 24),
	('reint_region', 'GM-W', 'West Coast', 'West Coast', 'GMB', 25),
	('reint_region', 'NG-LA', 'Lagos', 'Lagos', 'NGA', 30),
	('reint_region', 'NG-ED', 'Edo', 'Edo', 'NGA', 31),
	('reint_region', 'NG-DE', 'Delta', 'Delta', 'NGA', 32),
	('reint_region', 'NG-KN', 'Kano', 'Kano', 'NGA', 33),
	('reint_region', 'NG-KD', 'Kaduna', 'Kaduna', 'NGA', 34),
	('reint_region', 'NG-OY', 'Oyo', 'Oyo', 'NGA', 35),
	('reint_region', 'NG-OG', 'Ogun', 'Ogun', 'NGA', 36),
	('reint_region', 'NG-AN', 'Anambra', 'Anambra', 'NGA', 37),
	('reint_region', 'NG-IM', 'Imo', 'Imo', 'NGA', 38),
	('reint_region', 'NG-FC', 'Federal Capital Territory', 'Territoire de la capitale fédérale', 'NGA', 39),
	('reint_region', 'NG-BO', 'Borno', 'Borno', 'NGA', 40),
	('reint_region', 'NG-KT', 'Katsina', 'Katsina', 'NGA', 41),
	('reint_region', 'NG-SO', 'Sokoto', 'Sokoto', 'NGA', 42),
	('reint_region', 'ML-1', 'Kayes', 'Kayes', 'MLI', 50),
	('reint_region', 'ML-2', 'Koulikoro', 'Koulikoro', 'MLI', 51),
	('reint_region', 'ML-3', 'Sikasso', 'Sikasso', 'MLI', 52),
	('reint_region', 'ML-4', 'Ségou', 'Ségou', 'MLI', 53),
	('reint_region', 'ML-5', 'Mopti', 'Mopti', 'MLI', 54),
	('reint_region', 'ML-6', 'Timbuktu', 'Tombouctou', 'MLI', 55),
	('reint_region', 'ML-7', 'Gao', 'Gao', 'MLI', 56),
	('reint_region', 'ML-8', 'Kidal', 'Kidal', 'MLI', 57),
	('reint_region', 'ML-BKO', 'Bamako', 'Bamako', 'MLI', 58),
	('reint_region', 'GW-BS', 'Bissau', 'Bissau', 'GNB', 60),
	('reint_region', 'GW-BA', 'Bafatá', 'Bafatá', 'GNB', 61),
	('reint_region', 'GW-BM', 'Biombo', 'Biombo', 'GNB', 62),
	('reint_region', 'GW-BL', 'Bolama', 'Bolama', 'GNB', 63),
	('reint_region', 'GW-CA', 'Cacheu', 'Cacheu', 'GNB', 64),
	('reint_region', 'GW-GA', 'Gabú', 'Gabú', 'GNB', 65),
	('reint_region', 'GW-OI', 'Oio', 'Oio', 'GNB', 66),
	('reint_region', 'GW-QU', 'Quinara', 'Quinara', 'GNB', 67),
	('reint_region', 'GW-TO', 'Tombali', 'Tombali', 'GNB', 68),
	('reint_region', 'GN-C', 'Conakry', 'Conakry', 'GIN', 70),
	('reint_region', 'GN-B', 'Boké', 'Boké', 'GIN', 71),
	('reint_region', 'GN-D', 'Kindia', 'Kindia', 'GIN', 72),
	('reint_region', 'GN-F', 'Faranah', 'Faranah', 'GIN', 73),
	('reint_region', 'GN-K', 'Kankan', 'Kankan', 'GIN', 74),
	('reint_region', 'GN-L', 'Labé', 'Labé', 'GIN', 75),
	('reint_region', 'GN-M', 'Mamou', 'Mamou', 'GIN', 76),
	('reint_region', 'GN-N', 'Nzérékoré', 'Nzérékoré', 'GIN', 77),
	('reint_region', 'NE-1', 'Agadez', 'Agadez', 'NER', 80),
	('reint_region', 'NE-2', 'Diffa', 'Diffa', 'NER', 81),
	('reint_region', 'NE-3', 'Dosso', 'Dosso', 'NER', 82),
	('reint_region', 'NE-4', 'Maradi', 'Maradi', 'NER', 83),
	('reint_region', 'NE-5', 'Tahoua', 'Tahoua', 'NER', 84),
	('reint_region', 'NE-6', 'Tillabéri', 'Tillabéri', 'NER', 85),
	('reint_region', 'NE-7', 'Zinder', 'Zinder', 'NER', 86),
	('reint_region', 'NE-8', 'Niamey', 'Niamey', 'NER', 87),
	('reint_region', 'CM-AD', 'Adamawa', 'Adamaoua', 'CMR', 90),
	('reint_region', 'CM-CE', 'Centre', 'Centre', 'CMR', 91),
	('reint_region', 'CM-EN', 'Far North', 'Extrême-Nord', 'CMR', 92),
	('reint_region', 'CM-ES', 'East', 'Est', 'CMR', 93),
	('reint_region', 'CM-LT', 'Littoral', 'Littoral', 'CMR', 94),
	('reint_region', 'CM-NO', 'North', 'Nord', 'CMR', 95),
	('reint_region', 'CM-NW', 'North-West', 'Nord-Ouest', 'CMR', 96),
	('reint_region', 'CM-OU', 'West', 'Ouest', 'CMR', 97),
	('reint_region', 'CM-SU', 'South', 'Sud', 'CMR', 98),
	('reint_region', 'CM-SW', 'South-West', 'Sud-Ouest', 'CMR', 99),
	('reint_region', 'BF-01', 'Boucle du Mouhoun', 'Boucle du Mouhoun', 'BFA', 100),
	('reint_region', 'BF-02', 'Cascades', 'Cascades', 'BFA', 101),
	('reint_region', 'BF-03', 'Centre', 'Centre', 'BFA', 102),
	('reint_region', 'BF-04', 'Centre-East', 'Centre-Est', 'BFA', 103),
	('reint_region', 'BF-05', 'Centre-North', 'Centre-Nord', 'BFA', 104),
	('reint_region', 'BF-06', 'Centre-West', 'Centre-Ouest', 'BFA', 105),
	('reint_region', 'BF-07', 'Centre-South', 'Centre-Sud', 'BFA', 106),
	('reint_region', 'BF-08', 'East', 'Est', 'BFA', 107),
	('reint_region', 'BF-09', 'Hauts-Bassins', 'Hauts-Bassins', 'BFA', 108),
	('reint_region', 'BF-10', 'North', 'Nord', 'BFA', 109),
	('reint_region', 'BF-11', 'Central Plateau', 'Plateau-Central', 'BFA', 110),
	('reint_region', 'BF-12', 'Sahel', 'Sahel', 'BFA', 111),
	('reint_region', 'BF-13', 'South-West', 'Sud-Ouest', 'BFA', 112);

-- A returnee's reintegration case: one open case per person at a time.
-- centre_id is the centre that follows the case (for figures by centre);
-- the close reason exactly when closed.
CREATE TABLE reint_case (
	id            INTEGER PRIMARY KEY,
	person_id     INTEGER NOT NULL REFERENCES person(id),
	centre_id     INTEGER NOT NULL REFERENCES centre(id),
	country       TEXT NOT NULL REFERENCES country(iso3),
	region_id     INTEGER REFERENCES ref_item(id),      -- list 'reint_region', kind = country
	locality      TEXT NOT NULL DEFAULT '' CHECK (length(locality) <= 80),
	return_date   TEXT NOT NULL,                        -- ISO day
	return_kind   TEXT NOT NULL CHECK (return_kind IN ('avr', 'other')),
	caseworker_id INTEGER REFERENCES app_user(id),
	partner_id    INTEGER REFERENCES ref_item(id),      -- list 'partner'
	status        TEXT NOT NULL CHECK (status IN ('open', 'monitoring', 'closed')),
	close_reason  TEXT CHECK (close_reason IN ('completed', 'dropped_out', 'unreachable', 'remigrated',
	              'moved', 'deceased')),
	closed_date   TEXT,
	notes         TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 2000),
	created_by    INTEGER REFERENCES app_user(id),
	version       INTEGER NOT NULL DEFAULT 1,
	uuid          TEXT,
	site          TEXT,
	created       TEXT,
	changed       TEXT,
	CHECK ((status = 'closed') = (close_reason IS NOT NULL)),
	CHECK ((status = 'closed') = (closed_date IS NOT NULL))
);
CREATE UNIQUE INDEX reint_case_open_by_person ON reint_case(person_id) WHERE status != 'closed';
CREATE INDEX reint_case_by_person ON reint_case(person_id, return_date);
CREATE INDEX reint_case_by_worker ON reint_case(caseworker_id, status);
CREATE INDEX reint_case_by_country ON reint_case(country, return_date);
CREATE UNIQUE INDEX reint_case_by_uuid ON reint_case(uuid);
CREATE TRIGGER reint_case_stamp AFTER INSERT ON reint_case
WHEN NEW.uuid IS NULL OR NEW.site IS NULL OR NEW.created IS NULL OR NEW.changed IS NULL
BEGIN
	UPDATE reint_case SET created = coalesce(NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		changed = coalesce(NEW.changed, NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		site = coalesce(NEW.site, (SELECT value FROM setting WHERE key = 'site')),
		uuid = coalesce(NEW.uuid, printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8)))))
	WHERE id = NEW.id;
END;
CREATE TRIGGER reint_case_changed AFTER UPDATE ON reint_case WHEN NEW.changed IS OLD.changed
BEGIN
	UPDATE reint_case SET changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER reint_case_keep BEFORE UPDATE OF uuid, created ON reint_case
WHEN (OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid)
	OR (OLD.created IS NOT NULL AND NEW.created IS NOT OLD.created)
BEGIN
	SELECT RAISE(ABORT, 'a row keeps its uuid and creation time');
END;

-- The individual plan of a case: drafted, submitted, approved by a manager
-- (the approved amount is the sum of the items' planned values at that
-- moment, in the plan's currency), in implementation, completed or
-- cancelled. At most one plan of a case is live (not cancelled or
-- completed) at a time.
CREATE TABLE reint_plan (
	id               INTEGER PRIMARY KEY,
	case_id          INTEGER NOT NULL REFERENCES reint_case(id),
	status           TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'approved', 'in_progress',
	                 'completed', 'cancelled')),
	currency         TEXT NOT NULL DEFAULT 'XOF' CHECK (length(currency) = 3 AND currency NOT GLOB '*[^A-Z]*'),
	submitted_at     TEXT,
	submitted_by     INTEGER REFERENCES app_user(id),
	approved_amount  INTEGER CHECK (approved_amount >= 0),
	approved_at      TEXT,
	approved_by      INTEGER REFERENCES app_user(id),
	decision_comment TEXT NOT NULL DEFAULT '' CHECK (length(decision_comment) <= 500),
	cancel_reason    TEXT NOT NULL DEFAULT '' CHECK (length(cancel_reason) <= 200),
	created_by       INTEGER REFERENCES app_user(id),
	version          INTEGER NOT NULL DEFAULT 1,
	uuid             TEXT,
	site             TEXT,
	created          TEXT,
	changed          TEXT,
	CHECK ((approved_amount IS NULL) = (approved_at IS NULL)),
	CHECK ((approved_amount IS NULL) = (approved_by IS NULL)),
	CHECK (status IN ('draft', 'submitted', 'cancelled') OR approved_amount IS NOT NULL),
	CHECK ((status = 'cancelled') = (cancel_reason <> ''))
);
CREATE UNIQUE INDEX reint_plan_live_by_case ON reint_plan(case_id) WHERE status NOT IN ('cancelled', 'completed');
CREATE INDEX reint_plan_by_case ON reint_plan(case_id, id);
CREATE INDEX reint_plan_by_status ON reint_plan(status, submitted_at);
CREATE UNIQUE INDEX reint_plan_by_uuid ON reint_plan(uuid);
CREATE TRIGGER reint_plan_stamp AFTER INSERT ON reint_plan
WHEN NEW.uuid IS NULL OR NEW.site IS NULL OR NEW.created IS NULL OR NEW.changed IS NULL
BEGIN
	UPDATE reint_plan SET created = coalesce(NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		changed = coalesce(NEW.changed, NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		site = coalesce(NEW.site, (SELECT value FROM setting WHERE key = 'site')),
		uuid = coalesce(NEW.uuid, printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8)))))
	WHERE id = NEW.id;
END;
CREATE TRIGGER reint_plan_changed AFTER UPDATE ON reint_plan WHEN NEW.changed IS OLD.changed
BEGIN
	UPDATE reint_plan SET changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER reint_plan_keep BEFORE UPDATE OF uuid, created ON reint_plan
WHEN (OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid)
	OR (OLD.created IS NOT NULL AND NEW.created IS NOT OLD.created)
BEGIN
	SELECT RAISE(ABORT, 'a row keeps its uuid and creation time');
END;

-- An item of a plan: provided directly or by referral (to a partner or a
-- named organisation), with its planned value.
CREATE TABLE reint_plan_item (
	id            INTEGER PRIMARY KEY,
	plan_id       INTEGER NOT NULL REFERENCES reint_plan(id),
	category      TEXT NOT NULL CHECK (category IN ('small_business', 'vocational_training', 'job_placement',
	              'housing', 'medical', 'psychosocial', 'school_fees', 'documents', 'cash', 'other')),
	provision     TEXT NOT NULL CHECK (provision IN ('direct', 'referral')),
	description   TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 200),
	referred_to   TEXT NOT NULL DEFAULT '' CHECK (length(referred_to) <= 80),
	planned_value INTEGER NOT NULL CHECK (planned_value >= 0),
	position      INTEGER NOT NULL DEFAULT 0,
	version       INTEGER NOT NULL DEFAULT 1,
	uuid          TEXT,
	site          TEXT,
	created       TEXT,
	changed       TEXT
);
CREATE INDEX reint_plan_item_by_plan ON reint_plan_item(plan_id, position);
CREATE UNIQUE INDEX reint_plan_item_by_uuid ON reint_plan_item(uuid);
CREATE TRIGGER reint_plan_item_stamp AFTER INSERT ON reint_plan_item
WHEN NEW.uuid IS NULL OR NEW.site IS NULL OR NEW.created IS NULL OR NEW.changed IS NULL
BEGIN
	UPDATE reint_plan_item SET created = coalesce(NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		changed = coalesce(NEW.changed, NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		site = coalesce(NEW.site, (SELECT value FROM setting WHERE key = 'site')),
		uuid = coalesce(NEW.uuid, printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8)))))
	WHERE id = NEW.id;
END;
CREATE TRIGGER reint_plan_item_changed AFTER UPDATE ON reint_plan_item WHEN NEW.changed IS OLD.changed
BEGIN
	UPDATE reint_plan_item SET changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER reint_plan_item_keep BEFORE UPDATE OF uuid, created ON reint_plan_item
WHEN (OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid)
	OR (OLD.created IS NOT NULL AND NEW.created IS NOT OLD.created)
BEGIN
	SELECT RAISE(ABORT, 'a row keeps its uuid and creation time');
END;

-- The business plan of a small-business item.
CREATE TABLE reint_business_plan (
	id               INTEGER PRIMARY KEY,
	item_id          INTEGER NOT NULL UNIQUE REFERENCES reint_plan_item(id),
	activity         TEXT NOT NULL CHECK (length(activity) BETWEEN 1 AND 120),
	sector           TEXT NOT NULL CHECK (sector IN ('agriculture', 'livestock', 'fishing', 'trade', 'transport',
	                 'crafts', 'food', 'services', 'other')),
	place            TEXT NOT NULL DEFAULT '' CHECK (length(place) <= 80),
	starting_capital INTEGER NOT NULL CHECK (starting_capital >= 0),
	expected_income  INTEGER CHECK (expected_income >= 0),         -- a month
	partners         TEXT NOT NULL DEFAULT '' CHECK (length(partners) <= 200),
	version          INTEGER NOT NULL DEFAULT 1,
	uuid             TEXT,
	site             TEXT,
	created          TEXT,
	changed          TEXT
);
CREATE UNIQUE INDEX reint_business_plan_by_uuid ON reint_business_plan(uuid);
CREATE TRIGGER reint_business_plan_stamp AFTER INSERT ON reint_business_plan
WHEN NEW.uuid IS NULL OR NEW.site IS NULL OR NEW.created IS NULL OR NEW.changed IS NULL
BEGIN
	UPDATE reint_business_plan SET created = coalesce(NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		changed = coalesce(NEW.changed, NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		site = coalesce(NEW.site, (SELECT value FROM setting WHERE key = 'site')),
		uuid = coalesce(NEW.uuid, printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8)))))
	WHERE id = NEW.id;
END;
CREATE TRIGGER reint_business_plan_changed AFTER UPDATE ON reint_business_plan WHEN NEW.changed IS OLD.changed
BEGIN
	UPDATE reint_business_plan SET changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER reint_business_plan_keep BEFORE UPDATE OF uuid, created ON reint_business_plan
WHEN (OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid)
	OR (OLD.created IS NOT NULL AND NEW.created IS NOT OLD.created)
BEGIN
	SELECT RAISE(ABORT, 'a row keeps its uuid and creation time');
END;

-- A collective project (of returnees) or a community project (returnees and
-- community members, through a local NGO). Payments to it never exceed the
-- approved budget, like a plan's.
CREATE TABLE reint_project (
	id              INTEGER PRIMARY KEY,
	kind            TEXT NOT NULL CHECK (kind IN ('collective', 'community')),
	name            TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
	centre_id       INTEGER REFERENCES centre(id),          -- the office that follows it, if any
	country         TEXT NOT NULL REFERENCES country(iso3),
	region_id       INTEGER REFERENCES ref_item(id),        -- list 'reint_region'
	locality        TEXT NOT NULL DEFAULT '' CHECK (length(locality) <= 80),
	activity        TEXT NOT NULL CHECK (activity IN ('agriculture', 'livestock', 'fishing', 'transport',
	                'trade', 'crafts', 'other')),
	partner_id      INTEGER REFERENCES ref_item(id),        -- implementing NGO, list 'partner'
	currency        TEXT NOT NULL DEFAULT 'XOF' CHECK (length(currency) = 3 AND currency NOT GLOB '*[^A-Z]*'),
	budget          INTEGER NOT NULL CHECK (budget >= 0),
	approved_amount INTEGER CHECK (approved_amount >= 0),
	approved_at     TEXT,
	approved_by     INTEGER REFERENCES app_user(id),
	start_date      TEXT,
	status          TEXT NOT NULL CHECK (status IN ('planned', 'running', 'completed', 'suspended', 'cancelled')),
	caseworker_id   INTEGER REFERENCES app_user(id),
	created_by      INTEGER REFERENCES app_user(id),
	version         INTEGER NOT NULL DEFAULT 1,
	uuid            TEXT,
	site            TEXT,
	created         TEXT,
	changed         TEXT,
	CHECK ((approved_amount IS NULL) = (approved_at IS NULL)),
	CHECK ((approved_amount IS NULL) = (approved_by IS NULL))
);
CREATE INDEX reint_project_by_country ON reint_project(country, start_date);
CREATE INDEX reint_project_by_status ON reint_project(status, kind);
CREATE UNIQUE INDEX reint_project_by_uuid ON reint_project(uuid);
CREATE TRIGGER reint_project_stamp AFTER INSERT ON reint_project
WHEN NEW.uuid IS NULL OR NEW.site IS NULL OR NEW.created IS NULL OR NEW.changed IS NULL
BEGIN
	UPDATE reint_project SET created = coalesce(NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		changed = coalesce(NEW.changed, NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		site = coalesce(NEW.site, (SELECT value FROM setting WHERE key = 'site')),
		uuid = coalesce(NEW.uuid, printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8)))))
	WHERE id = NEW.id;
END;
CREATE TRIGGER reint_project_changed AFTER UPDATE ON reint_project WHEN NEW.changed IS OLD.changed
BEGIN
	UPDATE reint_project SET changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER reint_project_keep BEFORE UPDATE OF uuid, created ON reint_project
WHEN (OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid)
	OR (OLD.created IS NOT NULL AND NEW.created IS NOT OLD.created)
BEGIN
	SELECT RAISE(ABORT, 'a row keeps its uuid and creation time');
END;

-- A member of a project. Returnee or community member comes from the
-- person (person.community_since), not from here.
CREATE TABLE reint_project_member (
	id          INTEGER PRIMARY KEY,
	project_id  INTEGER NOT NULL REFERENCES reint_project(id),
	person_id   INTEGER NOT NULL REFERENCES person(id),
	role        TEXT NOT NULL CHECK (role IN ('leader', 'treasurer', 'member')),
	joined_date TEXT NOT NULL,
	left_date   TEXT,
	version     INTEGER NOT NULL DEFAULT 1,
	uuid        TEXT,
	site        TEXT,
	created     TEXT,
	changed     TEXT,
	UNIQUE (project_id, person_id),
	CHECK (left_date IS NULL OR left_date >= joined_date)
);
CREATE INDEX reint_project_member_by_person ON reint_project_member(person_id, project_id);
CREATE UNIQUE INDEX reint_project_member_by_uuid ON reint_project_member(uuid);
CREATE TRIGGER reint_project_member_stamp AFTER INSERT ON reint_project_member
WHEN NEW.uuid IS NULL OR NEW.site IS NULL OR NEW.created IS NULL OR NEW.changed IS NULL
BEGIN
	UPDATE reint_project_member SET created = coalesce(NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		changed = coalesce(NEW.changed, NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		site = coalesce(NEW.site, (SELECT value FROM setting WHERE key = 'site')),
		uuid = coalesce(NEW.uuid, printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8)))))
	WHERE id = NEW.id;
END;
CREATE TRIGGER reint_project_member_changed AFTER UPDATE ON reint_project_member WHEN NEW.changed IS OLD.changed
BEGIN
	UPDATE reint_project_member SET changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER reint_project_member_keep BEFORE UPDATE OF uuid, created ON reint_project_member
WHEN (OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid)
	OR (OLD.created IS NOT NULL AND NEW.created IS NOT OLD.created)
BEGIN
	SELECT RAISE(ABORT, 'a row keeps its uuid and creation time');
END;

-- A planned tranche of a plan's grant or of a project's budget. Planned
-- tranches are a schedule: they may be moved or cancelled; a tranche is
-- paid by a payment that names it.
CREATE TABLE reint_tranche (
	id             INTEGER PRIMARY KEY,
	plan_id        INTEGER REFERENCES reint_plan(id),
	project_id     INTEGER REFERENCES reint_project(id),
	seq            INTEGER NOT NULL CHECK (seq >= 1),
	planned_date   TEXT NOT NULL,
	planned_amount INTEGER NOT NULL CHECK (planned_amount > 0),
	status         TEXT NOT NULL CHECK (status IN ('planned', 'paid', 'cancelled')),
	version        INTEGER NOT NULL DEFAULT 1,
	uuid           TEXT,
	site           TEXT,
	created        TEXT,
	changed        TEXT,
	CHECK ((plan_id IS NULL) <> (project_id IS NULL))
);
CREATE UNIQUE INDEX reint_tranche_seq_plan ON reint_tranche(plan_id, seq) WHERE plan_id IS NOT NULL;
CREATE UNIQUE INDEX reint_tranche_seq_project ON reint_tranche(project_id, seq) WHERE project_id IS NOT NULL;
CREATE INDEX reint_tranche_by_date ON reint_tranche(status, planned_date);
CREATE UNIQUE INDEX reint_tranche_by_uuid ON reint_tranche(uuid);
CREATE TRIGGER reint_tranche_stamp AFTER INSERT ON reint_tranche
WHEN NEW.uuid IS NULL OR NEW.site IS NULL OR NEW.created IS NULL OR NEW.changed IS NULL
BEGIN
	UPDATE reint_tranche SET created = coalesce(NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		changed = coalesce(NEW.changed, NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		site = coalesce(NEW.site, (SELECT value FROM setting WHERE key = 'site')),
		uuid = coalesce(NEW.uuid, printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8)))))
	WHERE id = NEW.id;
END;
CREATE TRIGGER reint_tranche_changed AFTER UPDATE ON reint_tranche WHEN NEW.changed IS OLD.changed
BEGIN
	UPDATE reint_tranche SET changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER reint_tranche_keep BEFORE UPDATE OF uuid, created ON reint_tranche
WHEN (OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid)
	OR (OLD.created IS NOT NULL AND NEW.created IS NOT OLD.created)
BEGIN
	SELECT RAISE(ABORT, 'a row keeps its uuid and creation time');
END;

-- A payment: never updated or deleted (triggers below). A reversing entry
-- has the opposite amount of the payment it reverses and a reason; each
-- payment is reversed at most once. The sum of a plan's payments never
-- exceeds its approved amount, nor a project's its approved budget.
CREATE TABLE reint_payment (
	id           INTEGER PRIMARY KEY,
	plan_id      INTEGER REFERENCES reint_plan(id),
	project_id   INTEGER REFERENCES reint_project(id),
	tranche_id   INTEGER REFERENCES reint_tranche(id),
	paid_date    TEXT NOT NULL,
	amount       INTEGER NOT NULL CHECK (amount <> 0),
	method       TEXT NOT NULL CHECK (method IN ('cash', 'mobile_money', 'supplier', 'in_kind')),
	receipt_ref  TEXT NOT NULL DEFAULT '' CHECK (length(receipt_ref) <= 40),
	verified_by  TEXT NOT NULL DEFAULT '' CHECK (length(verified_by) <= 80),
	reverses_id  INTEGER UNIQUE REFERENCES reint_payment(id),
	reason       TEXT NOT NULL DEFAULT '' CHECK (length(reason) <= 200),
	recorded_by  INTEGER REFERENCES app_user(id),
	uuid         TEXT,
	site         TEXT,
	created      TEXT,
	changed      TEXT,
	CHECK ((plan_id IS NULL) <> (project_id IS NULL)),
	CHECK ((reverses_id IS NULL) = (amount > 0)),
	CHECK (reverses_id IS NULL OR reason <> '')
);
CREATE INDEX reint_payment_by_plan ON reint_payment(plan_id, paid_date) WHERE plan_id IS NOT NULL;
CREATE INDEX reint_payment_by_project ON reint_payment(project_id, paid_date) WHERE project_id IS NOT NULL;
CREATE INDEX reint_payment_by_date ON reint_payment(paid_date);
CREATE UNIQUE INDEX reint_payment_by_uuid ON reint_payment(uuid);
CREATE TRIGGER reint_payment_stamp AFTER INSERT ON reint_payment
WHEN NEW.uuid IS NULL OR NEW.site IS NULL OR NEW.created IS NULL OR NEW.changed IS NULL
BEGIN
	UPDATE reint_payment SET created = coalesce(NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		changed = coalesce(NEW.changed, NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		site = coalesce(NEW.site, (SELECT value FROM setting WHERE key = 'site')),
		uuid = coalesce(NEW.uuid, printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8)))))
	WHERE id = NEW.id;
END;
CREATE TRIGGER reint_payment_changed AFTER UPDATE ON reint_payment WHEN NEW.changed IS OLD.changed
BEGIN
	UPDATE reint_payment SET changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER reint_payment_keep BEFORE UPDATE OF uuid, created ON reint_payment
WHEN (OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid)
	OR (OLD.created IS NOT NULL AND NEW.created IS NOT OLD.created)
BEGIN
	SELECT RAISE(ABORT, 'a row keeps its uuid and creation time');
END;
CREATE TRIGGER reint_payment_fixed BEFORE UPDATE OF plan_id, project_id, tranche_id, paid_date, amount, method,
	receipt_ref, verified_by, reverses_id, reason, recorded_by ON reint_payment
BEGIN
	SELECT RAISE(ABORT, 'a payment is never changed: record a reversing entry');
END;
CREATE TRIGGER reint_payment_kept BEFORE DELETE ON reint_payment
BEGIN
	SELECT RAISE(ABORT, 'a payment is never deleted: record a reversing entry');
END;
CREATE TRIGGER reint_payment_reversal BEFORE INSERT ON reint_payment WHEN NEW.reverses_id IS NOT NULL
	AND NOT EXISTS (SELECT 1 FROM reint_payment p WHERE p.id = NEW.reverses_id AND p.reverses_id IS NULL
	AND p.amount = -NEW.amount AND p.plan_id IS NEW.plan_id AND p.project_id IS NEW.project_id)
BEGIN
	SELECT RAISE(ABORT, 'a reversal undoes one payment of the same plan, for its whole amount');
END;
CREATE TRIGGER reint_payment_plan_ceiling BEFORE INSERT ON reint_payment WHEN NEW.plan_id IS NOT NULL
	AND NEW.amount > 0 AND coalesce((SELECT sum(amount) FROM reint_payment WHERE plan_id = NEW.plan_id), 0)
	+ NEW.amount > coalesce((SELECT approved_amount FROM reint_plan WHERE id = NEW.plan_id
	AND status IN ('approved', 'in_progress')), -1)
BEGIN
	SELECT RAISE(ABORT, 'paid above the approved amount, or the plan is not approved');
END;
CREATE TRIGGER reint_payment_project_ceiling BEFORE INSERT ON reint_payment WHEN NEW.project_id IS NOT NULL
	AND NEW.amount > 0 AND coalesce((SELECT sum(amount) FROM reint_payment WHERE project_id = NEW.project_id), 0)
	+ NEW.amount > coalesce((SELECT approved_amount FROM reint_project WHERE id = NEW.project_id
	AND status IN ('planned', 'running')), -1)
BEGIN
	SELECT RAISE(ABORT, 'paid above the approved budget, or the project is not approved');
END;

-- The sustainability survey: each version has its questions (by a code
-- that stays the same across versions), their dimension and weight, the
-- answers with their scores between 0 and 1, and the weights of the three
-- dimensions in the composite. A version in use is never changed: a change
-- of weights is a new version, and any visit can be scored with any
-- version (answers are kept by question and answer code).
CREATE TABLE reint_survey (
	id             INTEGER PRIMARY KEY,
	version        INTEGER NOT NULL UNIQUE CHECK (version >= 1),
	valid_from     TEXT NOT NULL,                      -- ISO day
	description    TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 200),
	w_economic     REAL NOT NULL CHECK (w_economic >= 0),
	w_social       REAL NOT NULL CHECK (w_social >= 0),
	w_psychosocial REAL NOT NULL CHECK (w_psychosocial >= 0),
	created_by     INTEGER REFERENCES app_user(id),
	uuid           TEXT,
	site           TEXT,
	created        TEXT,
	changed        TEXT,
	CHECK (w_economic + w_social + w_psychosocial > 0)
);
CREATE UNIQUE INDEX reint_survey_by_uuid ON reint_survey(uuid);
CREATE TRIGGER reint_survey_stamp AFTER INSERT ON reint_survey
WHEN NEW.uuid IS NULL OR NEW.site IS NULL OR NEW.created IS NULL OR NEW.changed IS NULL
BEGIN
	UPDATE reint_survey SET created = coalesce(NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		changed = coalesce(NEW.changed, NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		site = coalesce(NEW.site, (SELECT value FROM setting WHERE key = 'site')),
		uuid = coalesce(NEW.uuid, printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8)))))
	WHERE id = NEW.id;
END;
CREATE TRIGGER reint_survey_changed AFTER UPDATE ON reint_survey WHEN NEW.changed IS OLD.changed
BEGIN
	UPDATE reint_survey SET changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER reint_survey_keep BEFORE UPDATE OF uuid, created ON reint_survey
WHEN (OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid)
	OR (OLD.created IS NOT NULL AND NEW.created IS NOT OLD.created)
BEGIN
	SELECT RAISE(ABORT, 'a row keeps its uuid and creation time');
END;

CREATE TABLE reint_survey_question (
	id        INTEGER PRIMARY KEY,
	survey_id INTEGER NOT NULL REFERENCES reint_survey(id),
	code      TEXT NOT NULL,
	dimension TEXT NOT NULL CHECK (dimension IN ('economic', 'social', 'psychosocial')),
	position  INTEGER NOT NULL,
	text_en   TEXT NOT NULL CHECK (length(text_en) BETWEEN 1 AND 200),
	text_fr   TEXT NOT NULL CHECK (length(text_fr) BETWEEN 1 AND 200),
	weight    REAL NOT NULL CHECK (weight > 0),
	uuid      TEXT,
	site      TEXT,
	created   TEXT,
	changed   TEXT,
	UNIQUE (survey_id, code)
);
CREATE UNIQUE INDEX reint_survey_question_by_uuid ON reint_survey_question(uuid);
CREATE TRIGGER reint_survey_question_stamp AFTER INSERT ON reint_survey_question
WHEN NEW.uuid IS NULL OR NEW.site IS NULL OR NEW.created IS NULL OR NEW.changed IS NULL
BEGIN
	UPDATE reint_survey_question SET created = coalesce(NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		changed = coalesce(NEW.changed, NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		site = coalesce(NEW.site, (SELECT value FROM setting WHERE key = 'site')),
		uuid = coalesce(NEW.uuid, printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8)))))
	WHERE id = NEW.id;
END;
CREATE TRIGGER reint_survey_question_changed AFTER UPDATE ON reint_survey_question WHEN NEW.changed IS OLD.changed
BEGIN
	UPDATE reint_survey_question SET changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER reint_survey_question_keep BEFORE UPDATE OF uuid, created ON reint_survey_question
WHEN (OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid)
	OR (OLD.created IS NOT NULL AND NEW.created IS NOT OLD.created)
BEGIN
	SELECT RAISE(ABORT, 'a row keeps its uuid and creation time');
END;

CREATE TABLE reint_survey_option (
	id          INTEGER PRIMARY KEY,
	question_id INTEGER NOT NULL REFERENCES reint_survey_question(id),
	code        TEXT NOT NULL,
	position    INTEGER NOT NULL,
	text_en     TEXT NOT NULL CHECK (length(text_en) BETWEEN 1 AND 120),
	text_fr     TEXT NOT NULL CHECK (length(text_fr) BETWEEN 1 AND 120),
	score       REAL NOT NULL CHECK (score BETWEEN 0 AND 1),
	uuid        TEXT,
	site        TEXT,
	created     TEXT,
	changed     TEXT,
	UNIQUE (question_id, code)
);
CREATE UNIQUE INDEX reint_survey_option_by_uuid ON reint_survey_option(uuid);
CREATE TRIGGER reint_survey_option_stamp AFTER INSERT ON reint_survey_option
WHEN NEW.uuid IS NULL OR NEW.site IS NULL OR NEW.created IS NULL OR NEW.changed IS NULL
BEGIN
	UPDATE reint_survey_option SET created = coalesce(NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		changed = coalesce(NEW.changed, NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		site = coalesce(NEW.site, (SELECT value FROM setting WHERE key = 'site')),
		uuid = coalesce(NEW.uuid, printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8)))))
	WHERE id = NEW.id;
END;
CREATE TRIGGER reint_survey_option_changed AFTER UPDATE ON reint_survey_option WHEN NEW.changed IS OLD.changed
BEGIN
	UPDATE reint_survey_option SET changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER reint_survey_option_keep BEFORE UPDATE OF uuid, created ON reint_survey_option
WHEN (OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid)
	OR (OLD.created IS NOT NULL AND NEW.created IS NOT OLD.created)
BEGIN
	SELECT RAISE(ABORT, 'a row keeps its uuid and creation time');
END;

-- A counselling or monitoring visit of a case or a project; the baseline
-- is the survey when the case opens. Visits at 3, 6 and 12 months after the
-- first payment (setting 'reint_visit_months', "3,6,12" by default) are
-- scheduled by the data layer when that payment is recorded; months says
-- which. A done visit has its day and how it was done.
CREATE TABLE reint_visit (
	id               INTEGER PRIMARY KEY,
	case_id          INTEGER REFERENCES reint_case(id),
	project_id       INTEGER REFERENCES reint_project(id),
	kind             TEXT NOT NULL CHECK (kind IN ('baseline', 'counselling', 'monitoring')),
	months           INTEGER CHECK (months BETWEEN 1 AND 120),
	due_date         TEXT NOT NULL,
	status           TEXT NOT NULL CHECK (status IN ('scheduled', 'done', 'missed', 'unreachable', 'cancelled')),
	done_date        TEXT,
	mode             TEXT CHECK (mode IN ('in_person', 'phone', 'partner')),
	business_running INTEGER CHECK (business_running IN (0, 1)),
	monthly_income   INTEGER CHECK (monthly_income >= 0),
	satisfaction     TEXT CHECK (satisfaction IN ('very_satisfied', 'satisfied', 'neutral', 'dissatisfied',
	                 'very_dissatisfied')),
	remigration      TEXT CHECK (remigration IN ('no', 'undecided', 'yes')),
	survey_id        INTEGER REFERENCES reint_survey(id),   -- the version in force when answered
	notes            TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 2000),
	visitor_id       INTEGER REFERENCES app_user(id),
	version          INTEGER NOT NULL DEFAULT 1,
	uuid             TEXT,
	site             TEXT,
	created          TEXT,
	changed          TEXT,
	CHECK ((case_id IS NULL) <> (project_id IS NULL)),
	CHECK ((status = 'done') = (done_date IS NOT NULL)),
	CHECK (status != 'done' OR mode IS NOT NULL)
);
CREATE INDEX reint_visit_by_case ON reint_visit(case_id, due_date) WHERE case_id IS NOT NULL;
CREATE INDEX reint_visit_by_project ON reint_visit(project_id, due_date) WHERE project_id IS NOT NULL;
CREATE INDEX reint_visit_due ON reint_visit(status, due_date);
CREATE UNIQUE INDEX reint_visit_by_uuid ON reint_visit(uuid);
CREATE TRIGGER reint_visit_stamp AFTER INSERT ON reint_visit
WHEN NEW.uuid IS NULL OR NEW.site IS NULL OR NEW.created IS NULL OR NEW.changed IS NULL
BEGIN
	UPDATE reint_visit SET created = coalesce(NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		changed = coalesce(NEW.changed, NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		site = coalesce(NEW.site, (SELECT value FROM setting WHERE key = 'site')),
		uuid = coalesce(NEW.uuid, printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8)))))
	WHERE id = NEW.id;
END;
CREATE TRIGGER reint_visit_changed AFTER UPDATE ON reint_visit WHEN NEW.changed IS OLD.changed
BEGIN
	UPDATE reint_visit SET changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER reint_visit_keep BEFORE UPDATE OF uuid, created ON reint_visit
WHEN (OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid)
	OR (OLD.created IS NOT NULL AND NEW.created IS NOT OLD.created)
BEGIN
	SELECT RAISE(ABORT, 'a row keeps its uuid and creation time');
END;

-- A visit's survey answers, by question and answer code.
CREATE TABLE reint_visit_answer (
	id            INTEGER PRIMARY KEY,
	visit_id      INTEGER NOT NULL REFERENCES reint_visit(id),
	question_code TEXT NOT NULL,
	option_code   TEXT NOT NULL,
	uuid          TEXT,
	site          TEXT,
	created       TEXT,
	changed       TEXT,
	UNIQUE (visit_id, question_code)
);
CREATE UNIQUE INDEX reint_visit_answer_by_uuid ON reint_visit_answer(uuid);
CREATE TRIGGER reint_visit_answer_stamp AFTER INSERT ON reint_visit_answer
WHEN NEW.uuid IS NULL OR NEW.site IS NULL OR NEW.created IS NULL OR NEW.changed IS NULL
BEGIN
	UPDATE reint_visit_answer SET created = coalesce(NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		changed = coalesce(NEW.changed, NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		site = coalesce(NEW.site, (SELECT value FROM setting WHERE key = 'site')),
		uuid = coalesce(NEW.uuid, printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8)))))
	WHERE id = NEW.id;
END;
CREATE TRIGGER reint_visit_answer_changed AFTER UPDATE ON reint_visit_answer WHEN NEW.changed IS OLD.changed
BEGIN
	UPDATE reint_visit_answer SET changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER reint_visit_answer_keep BEFORE UPDATE OF uuid, created ON reint_visit_answer
WHEN (OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid)
	OR (OLD.created IS NOT NULL AND NEW.created IS NOT OLD.created)
BEGIN
	SELECT RAISE(ABORT, 'a row keeps its uuid and creation time');
END;

-- Version 1 of the survey: five questions per dimension, equal weights.
INSERT INTO reint_survey (id, version, valid_from, description, w_economic, w_social, w_psychosocial)
	VALUES (1, 1, '2016-01-01', 'Initial version', 1, 1, 1);
INSERT INTO reint_survey_question (survey_id, code, dimension, position, text_en, text_fr, weight) VALUES
	(1, 'income', 'economic', 1, 'Main source of income', 'Principale source de revenu', 1),
	(1, 'debt', 'economic', 2, 'Debts', 'Dettes', 1),
	(1, 'food', 'economic', 3, 'Household meals', 'Repas du ménage', 1),
	(1, 'work', 'economic', 4, 'Access to work or training', 'Accès au travail ou à une formation', 1),
	(1, 'assets', 'economic', 5, 'Owns productive assets (tools, land, animals)', 'Possède des biens productifs (outils, terre, bétail)', 1),
	(1, 'housing', 'social', 6, 'Housing', 'Logement', 1),
	(1, 'health', 'social', 7, 'Access to health care', 'Accès aux soins de santé', 1),
	(1, 'documents', 'social', 8, 'Identity documents', 'Documents d''identité', 1),
	(1, 'water', 'social', 9, 'Access to safe water', 'Accès à l''eau potable', 1),
	(1, 'school', 'social', 10, 'School-age children in school', 'Enfants d''âge scolaire scolarisés', 1),
	(1, 'network', 'psychosocial', 11, 'Support network to rely on', 'Réseau de soutien sur lequel compter', 1),
	(1, 'community', 'psychosocial', 12, 'Takes part in community activities', 'Participe aux activités de la communauté', 1),
	(1, 'discrimination', 'psychosocial', 13, 'Feels discriminated against', 'Se sent discriminé', 1),
	(1, 'distress', 'psychosocial', 14, 'Signs of distress (sleep, anger, sadness)', 'Signes de détresse (sommeil, colère, tristesse)', 1),
	(1, 'must_leave', 'psychosocial', 15, 'Feels they must migrate again', 'Se sent obligé de migrer à nouveau', 1);
INSERT INTO reint_survey_option (question_id, code, position, text_en, text_fr, score) VALUES
	((SELECT id FROM reint_survey_question WHERE survey_id = 1 AND code = 'income'), 'high', 1, 'Regular income', 'Revenu régulier', 1),
	((SELECT id FROM reint_survey_question WHERE survey_id = 1 AND code = 'income'), 'mid', 2, 'Irregular income', 'Revenu irrégulier', 0.5),
	((SELECT id FROM reint_survey_question WHERE survey_id = 1 AND code = 'income'), 'low', 3, 'No income', 'Aucun revenu', 0),
	((SELECT id FROM reint_survey_question WHERE survey_id = 1 AND code = 'debt'), 'high', 1, 'No debt', 'Aucune dette', 1),
	((SELECT id FROM reint_survey_question WHERE survey_id = 1 AND code = 'debt'), 'mid', 2, 'Debts that can be repaid', 'Dettes remboursables', 0.5),
	((SELECT id FROM reint_survey_question WHERE survey_id = 1 AND code = 'debt'), 'low', 3, 'Debts that cannot be repaid', 'Dettes impossibles à rembourser', 0),
	((SELECT id FROM reint_survey_question WHERE survey_id = 1 AND code = 'food'), 'high', 1, 'Never cut meals', 'Jamais de repas sautés', 1),
	((SELECT id FROM reint_survey_question WHERE survey_id = 1 AND code = 'food'), 'mid', 2, 'Sometimes cut meals', 'Repas parfois sautés', 0.5),
	((SELECT id FROM reint_survey_question WHERE survey_id = 1 AND code = 'food'), 'low', 3, 'Often cut meals', 'Repas souvent sautés', 0),
	((SELECT id FROM reint_survey_question WHERE survey_id = 1 AND code = 'work'), 'high', 1, 'Good access', 'Bon accès', 1),
	((SELECT id FROM reint_survey_question WHERE survey_id = 1 AND code = 'work'), 'mid', 2, 'Limited access', 'Accès limité', 0.5),
	((SELECT id FROM reint_survey_question WHERE survey_id = 1 AND code = 'work'), 'low', 3, 'No access', 'Aucun accès', 0),
	((SELECT id FROM reint_survey_question WHERE survey_id = 1 AND code = 'assets'), 'high', 1, 'Enough to work', 'Suffisants pour travailler', 1),
	((SELECT id FROM reint_survey_question WHERE survey_id = 1 AND code = 'assets'), 'mid', 2, 'Some', 'Quelques-uns', 0.5),
	((SELECT id FROM reint_survey_question WHERE survey_id = 1 AND code = 'assets'), 'low', 3, 'None', 'Aucun', 0),
	((SELECT id FROM reint_survey_question WHERE survey_id = 1 AND code = 'housing'), 'high', 1, 'Stable housing', 'Logement stable', 1),
	((SELECT id FROM reint_survey_question WHERE survey_id = 1 AND code = 'housing'), 'mid', 2, 'Temporary housing', 'Logement temporaire', 0.5),
	((SELECT id FROM reint_survey_question WHERE survey_id = 1 AND code = 'housing'), 'low', 3, 'No housing', 'Sans logement', 0),
	((SELECT id FROM reint_survey_question WHERE survey_id = 1 AND code = 'health'), 'high', 1, 'Good access', 'Bon accès', 1),
	((SELECT id FROM reint_survey_question WHERE survey_id = 1 AND code = 'health'), 'mid', 2, 'Limited access', 'Accès limité', 0.5),
	((SELECT id FROM reint_survey_question WHERE survey_id = 1 AND code = 'health'), 'low', 3, 'No access', 'Aucun accès', 0),
	((SELECT id FROM reint_survey_question WHERE survey_id = 1 AND code = 'documents'), 'high', 1, 'Has them', 'Les possède', 1),
	((SELECT id FROM reint_survey_question WHERE survey_id = 1 AND code = 'documents'), 'mid', 2, 'Being obtained', 'En cours d''obtention', 0.5),
	((SELECT id FROM reint_survey_question WHERE survey_id = 1 AND code = 'documents'), 'low', 3, 'Has none', 'N''en a pas', 0),
	((SELECT id FROM reint_survey_question WHERE survey_id = 1 AND code = 'water'), 'high', 1, 'Good access', 'Bon accès', 1),
	((SELECT id FROM reint_survey_question WHERE survey_id = 1 AND code = 'water'), 'mid', 2, 'Limited access', 'Accès limité', 0.5),
	((SELECT id FROM reint_survey_question WHERE survey_id = 1 AND code = 'water'), 'low', 3, 'No access', 'Aucun accès', 0),
	((SELECT id FROM reint_survey_question WHERE survey_id = 1 AND code = 'school'), 'high', 1, 'All, or no children of school age', 'Tous, ou pas d''enfant d''âge scolaire', 1),
	((SELECT id FROM reint_survey_question WHERE survey_id = 1 AND code = 'school'), 'mid', 2, 'Some', 'Certains', 0.5),
	((SELECT id FROM reint_survey_question WHERE survey_id = 1 AND code = 'school'), 'low', 3, 'None', 'Aucun', 0),
	((SELECT id FROM reint_survey_question WHERE survey_id = 1 AND code = 'network'), 'high', 1, 'Strong', 'Solide', 1),
	((SELECT id FROM reint_survey_question WHERE survey_id = 1 AND code = 'network'), 'mid', 2, 'Some', 'Limité', 0.5),
	((SELECT id FROM reint_survey_question WHERE survey_id = 1 AND code = 'network'), 'low', 3, 'None', 'Aucun', 0),
	((SELECT id FROM reint_survey_question WHERE survey_id = 1 AND code = 'community'), 'high', 1, 'Often', 'Souvent', 1),
	((SELECT id FROM reint_survey_question WHERE survey_id = 1 AND code = 'community'), 'mid', 2, 'Sometimes', 'Parfois', 0.5),
	((SELECT id FROM reint_survey_question WHERE survey_id = 1 AND code = 'community'), 'low', 3, 'Never', 'Jamais', 0),
	((SELECT id FROM reint_survey_question WHERE survey_id = 1 AND code = 'discrimination'), 'high', 1, 'Never', 'Jamais', 1),
	((SELECT id FROM reint_survey_question WHERE survey_id = 1 AND code = 'discrimination'), 'mid', 2, 'Sometimes', 'Parfois', 0.5),
	((SELECT id FROM reint_survey_question WHERE survey_id = 1 AND code = 'discrimination'), 'low', 3, 'Often', 'Souvent', 0),
	((SELECT id FROM reint_survey_question WHERE survey_id = 1 AND code = 'distress'), 'high', 1, 'None', 'Aucun', 1),
	((SELECT id FROM reint_survey_question WHERE survey_id = 1 AND code = 'distress'), 'mid', 2, 'Some', 'Quelques-uns', 0.5),
	((SELECT id FROM reint_survey_question WHERE survey_id = 1 AND code = 'distress'), 'low', 3, 'Severe', 'Sévères', 0),
	((SELECT id FROM reint_survey_question WHERE survey_id = 1 AND code = 'must_leave'), 'high', 1, 'No', 'Non', 1),
	((SELECT id FROM reint_survey_question WHERE survey_id = 1 AND code = 'must_leave'), 'mid', 2, 'Undecided', 'Hésite', 0.5),
	((SELECT id FROM reint_survey_question WHERE survey_id = 1 AND code = 'must_leave'), 'low', 3, 'Yes', 'Oui', 0);

-- The defaults of what a module's settings may change.
INSERT OR IGNORE INTO setting (key, value) VALUES ('reint_visit_months', '3,6,12');
