-- 009: an edit replaces a person's name keys; without this index removing
-- them read the whole table (found by the query-plan test of the lookups).

CREATE INDEX person_name_key_by_person ON person_name_key(person_id);
