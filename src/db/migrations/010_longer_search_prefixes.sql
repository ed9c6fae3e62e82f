-- 010: the lookup index keeps prefixes of up to 8 letters (it kept 1 to 3).
-- With only 3, a query of 4 or more letters made FTS5 merge the lists of
-- every matching word before the first row: 5 ms at the 99th percentile on
-- a million people (make bench). The lookup cuts longer words to 8 letters.
-- Costs about 30 bytes a person. The index is rebuilt from the people.

DROP TABLE person_search;

CREATE VIRTUAL TABLE person_search USING fts5(
	text,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '1 2 3 4 5 6 7 8',
	detail = none
);

INSERT INTO person_search (rowid, text)
SELECT id, family_name || ' ' || given_names || ' ' || replace(other_names, ';', ' ') || ' '
	|| case_key || ' '
	|| replace(replace(replace(replace(replace(replace(phone, ' ', ''), '+', ''), '-', ''), '.', ''),
	           '(', ''), ')', '')
	|| ' ' || phone_key
FROM person;
