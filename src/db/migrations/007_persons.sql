-- 007: people, as registered at intake, with what the case file shows:
-- documents, languages, vulnerability flags, family links, stays and the
-- services given during them; case-number sequences; the search index;
-- drafts of forms interrupted by a lost connection.

CREATE TABLE person (
	id              INTEGER PRIMARY KEY,
	case_key        TEXT NOT NULL UNIQUE,      -- "AGZ2600123K": no dashes, upper case
	family_name     TEXT NOT NULL CHECK (length(family_name) BETWEEN 1 AND 200),
	given_names     TEXT NOT NULL CHECK (length(given_names) BETWEEN 1 AND 200),
	other_names     TEXT NOT NULL DEFAULT '',  -- aliases, ';'-separated
	sex             TEXT NOT NULL CHECK (sex IN ('f', 'm', 'x')),
	birth_date      TEXT,                      -- YYYY, YYYY-MM or YYYY-MM-DD; NULL unknown
	birth_estimated INTEGER NOT NULL DEFAULT 0 CHECK (birth_estimated IN (0, 1)),
	nationality     TEXT REFERENCES country(iso3),
	phone           TEXT NOT NULL DEFAULT '',
	phone_key       TEXT NOT NULL DEFAULT '',  -- its last 8 digits, for lookup
	arrival_date    TEXT NOT NULL,
	centre_id       INTEGER NOT NULL REFERENCES centre(id),
	arrival_mode    TEXT NOT NULL CHECK (arrival_mode IN
	                ('self', 'rescue', 'police', 'transfer', 'other')),
	consent_data    INTEGER NOT NULL CHECK (consent_data IN (0, 1)),
	consent_share   INTEGER NOT NULL CHECK (consent_share IN (0, 1)),
	consent_date    TEXT NOT NULL,
	consent_by      INTEGER REFERENCES app_user(id),
	created_at      TEXT NOT NULL,
	version         INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX person_by_phone ON person(phone_key) WHERE phone_key != '';
CREATE INDEX person_by_centre ON person(centre_id, arrival_date);

-- Sound keys of every name word (core/names.c), for the duplicate check.
CREATE TABLE person_name_key (
	key       TEXT NOT NULL,
	person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
	PRIMARY KEY (key, person_id)
) WITHOUT ROWID;

CREATE TABLE person_language (
	person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
	language  TEXT NOT NULL REFERENCES language(code),
	PRIMARY KEY (person_id, language)
) WITHOUT ROWID;

CREATE TABLE person_document (
	id        INTEGER PRIMARY KEY,
	person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
	doc_type  TEXT NOT NULL CHECK (doc_type IN
	          ('passport', 'id_card', 'birth_certificate', 'laissez_passer', 'other')),
	number    TEXT NOT NULL DEFAULT '',
	issued_by TEXT REFERENCES country(iso3),
	expiry    TEXT
);
CREATE INDEX person_document_by_person ON person_document(person_id);

CREATE TABLE person_flag (
	person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
	flag      TEXT NOT NULL CHECK (flag IN ('unaccompanied_child', 'separated_child',
	          'accompanied_child', 'pregnant', 'trafficking_presumed', 'trafficking_identified',
	          'violence_victim', 'older_person', 'serious_medical', 'disability',
	          'asylum_seeker', 'other')),
	note      TEXT NOT NULL DEFAULT '',   -- the text of 'other'
	PRIMARY KEY (person_id, flag)
) WITHOUT ROWID;

CREATE TABLE family_link (
	person_id  INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
	relative_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
	relation   TEXT NOT NULL CHECK (relation IN ('head', 'spouse', 'child', 'sibling',
	           'relative', 'guardian')),   -- what relative_id is to person_id
	PRIMARY KEY (person_id, relative_id),
	CHECK (person_id != relative_id)
) WITHOUT ROWID;
CREATE INDEX family_link_back ON family_link(relative_id);

CREATE TABLE stay (
	id               INTEGER PRIMARY KEY,
	person_id        INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
	centre_id        INTEGER NOT NULL REFERENCES centre(id),
	admitted         TEXT NOT NULL,
	departed         TEXT,
	departure_reason TEXT CHECK (departure_reason IN ('avr', 'continued', 'referred',
	                 'left', 'transferred')),
	version          INTEGER NOT NULL DEFAULT 1,
	CHECK ((departed IS NULL) = (departure_reason IS NULL)),
	CHECK (departed IS NULL OR departed >= admitted)
);
CREATE INDEX stay_by_person ON stay(person_id, admitted);
CREATE INDEX stay_current ON stay(centre_id) WHERE departed IS NULL;

CREATE TABLE stay_service (
	stay_id INTEGER NOT NULL REFERENCES stay(id) ON DELETE CASCADE,
	service TEXT NOT NULL CHECK (service IN ('accommodation', 'food', 'water', 'nfi')),
	PRIMARY KEY (stay_id, service)
) WITHOUT ROWID;

-- The next case-number sequence per centre and year, taken under the
-- write lock so that two sessions saving at once never share one.
CREATE TABLE case_sequence (
	centre_id INTEGER NOT NULL REFERENCES centre(id),
	year      INTEGER NOT NULL,
	next      INTEGER NOT NULL,
	PRIMARY KEY (centre_id, year)
) WITHOUT ROWID;

-- Names, aliases, case number and phone for the quick lookup, folded by
-- the tokenizer (accents and case); rowid = person.id. One column and
-- detail=none: the lookup needs words and prefixes, not phrases, and this
-- keeps the index small. Kept in step by the data layer.
CREATE VIRTUAL TABLE person_search USING fts5(
	text,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '1 2 3',
	detail = none
);

-- A form being filled when the connection dropped, kept for its user.
CREATE TABLE draft (
	user_id  INTEGER NOT NULL REFERENCES app_user(id),
	kind     TEXT NOT NULL,               -- 'intake', 'person_edit'
	ref_id   INTEGER NOT NULL DEFAULT 0,  -- the record being edited, 0 for new
	data     TEXT NOT NULL,               -- JSON of the form's fields
	saved_at TEXT NOT NULL,
	PRIMARY KEY (user_id, kind, ref_id)
) WITHOUT ROWID;
