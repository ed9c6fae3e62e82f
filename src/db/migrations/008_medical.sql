-- 008: medical follow-up: consultations (with referrals and the next
-- follow-up date), medical cases followed until closed (pregnancy with its
-- expected delivery and antenatal visits), and fitness to travel.
-- Confidential: only the medical role reads diagnoses, treatments, referral
-- reasons and case details; the data layer enforces it.

CREATE TABLE consultation (
	id              INTEGER PRIMARY KEY,
	person_id       INTEGER NOT NULL REFERENCES person(id),
	date            TEXT NOT NULL,
	centre_id       INTEGER NOT NULL REFERENCES centre(id),
	clinician_id    INTEGER REFERENCES app_user(id),
	reason          TEXT NOT NULL CHECK (reason IN ('respiratory', 'diarrhoea', 'malaria', 'skin',
	                'injury', 'pregnancy', 'mental', 'chronic', 'other')),
	diagnosis       TEXT NOT NULL DEFAULT '',
	treatment       TEXT NOT NULL DEFAULT '',
	referral_to     TEXT NOT NULL DEFAULT '',      -- hospital or clinic, '' when none
	referral_why    TEXT NOT NULL DEFAULT '',
	referral_status TEXT CHECK (referral_status IN ('sent', 'attended', 'not_attended')),
	next_followup   TEXT,                          -- ISO day, NULL when none
	created_at      TEXT NOT NULL,
	version         INTEGER NOT NULL DEFAULT 1,
	CHECK (next_followup IS NULL OR next_followup >= date),
	CHECK ((referral_to = '') = (referral_status IS NULL))
);
CREATE INDEX consultation_by_person ON consultation(person_id, date);
CREATE INDEX consultation_by_centre ON consultation(centre_id, date);
CREATE INDEX consultation_followup ON consultation(centre_id, next_followup)
	WHERE next_followup IS NOT NULL;

CREATE TABLE medical_case (
	id                INTEGER PRIMARY KEY,
	person_id         INTEGER NOT NULL REFERENCES person(id),
	condition         TEXT NOT NULL CHECK (condition IN ('chronic', 'pregnancy', 'injury',
	                  'disability', 'tuberculosis', 'hiv', 'malnutrition', 'mental', 'other')),
	opened            TEXT NOT NULL,
	closed            TEXT,
	outcome           TEXT NOT NULL DEFAULT '',
	expected_delivery TEXT,                        -- pregnancy only
	notes             TEXT NOT NULL DEFAULT '',
	centre_id         INTEGER NOT NULL REFERENCES centre(id),
	version           INTEGER NOT NULL DEFAULT 1,
	CHECK (closed IS NULL OR closed >= opened),
	CHECK (expected_delivery IS NULL OR condition = 'pregnancy')
);
CREATE INDEX medical_case_by_person ON medical_case(person_id, opened);
CREATE INDEX medical_case_by_centre ON medical_case(centre_id, opened);

CREATE TABLE antenatal_visit (
	id      INTEGER PRIMARY KEY,
	case_id INTEGER NOT NULL REFERENCES medical_case(id),
	date    TEXT NOT NULL,
	notes   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX antenatal_visit_by_case ON antenatal_visit(case_id, date);

CREATE TABLE fitness (
	id           INTEGER PRIMARY KEY,
	person_id    INTEGER NOT NULL REFERENCES person(id),
	date         TEXT NOT NULL,
	status       TEXT NOT NULL CHECK (status IN ('fit', 'fit_escort', 'not_fit')),
	clinician_id INTEGER REFERENCES app_user(id)
);
CREATE INDEX fitness_by_person ON fitness(person_id, date);
