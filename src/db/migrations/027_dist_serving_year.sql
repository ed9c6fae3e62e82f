-- 027: the servings of each person at each centre in each year, kept by
-- triggers in the same transaction as each entry of the ledger, for the
-- distribution table of whole years (db/report_dist.c): 180,000 rows a
-- year to read instead of 3,300,000 servings at 2,000,000 people.
--
-- Derived only: equal at every commit to the ledger grouped by (year of
-- the entry's day, centre, person) —
--   first_day, last_day: the first and last days of the live servings
--     (positive, not reversed), NULL when there is none;
--   servings: how many live servings;
--   quantity: the sum of every entry's quantity, reversals taken off on
--     the reversal's own day.
-- A row exists for each (year, centre, person) with at least one entry.
CREATE TABLE dist_serving_year (
	year         TEXT NOT NULL,      -- YYYY, of the entries' day
	centre_id    INTEGER NOT NULL,
	person_id    INTEGER NOT NULL,
	first_day    TEXT,
	last_day     TEXT,
	servings     INTEGER NOT NULL DEFAULT 0,
	quantity     INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (year, centre_id, person_id)
) WITHOUT ROWID;

INSERT INTO dist_serving_year (year, centre_id, person_id, first_day, last_day, servings, quantity)
SELECT substr(v.day, 1, 4), v.centre_id, v.person_id,
	min(CASE WHEN v.quantity > 0 AND r.id IS NULL THEN v.day END),
	max(CASE WHEN v.quantity > 0 AND r.id IS NULL THEN v.day END),
	count(CASE WHEN v.quantity > 0 AND r.id IS NULL THEN 1 END),
	sum(v.quantity)
FROM dist_serving v LEFT JOIN dist_serving r ON r.reverses_id = v.id
GROUP BY 1, 2, 3;

-- A serving: its quantity, and when it is live (no reversal recorded
-- before it, which the data layer never writes but a copy of a ledger
-- might) one more serving between the first and last days.
CREATE TRIGGER dist_serving_year_add AFTER INSERT ON dist_serving WHEN NEW.quantity > 0
BEGIN
	INSERT INTO dist_serving_year (year, centre_id, person_id, first_day, last_day, servings, quantity)
	SELECT substr(NEW.day, 1, 4), NEW.centre_id, NEW.person_id,
		CASE WHEN l.live THEN NEW.day END, CASE WHEN l.live THEN NEW.day END, l.live, NEW.quantity
	FROM (SELECT NOT EXISTS (SELECT 1 FROM dist_serving r WHERE r.reverses_id = NEW.id) AS live) l WHERE true
	ON CONFLICT (year, centre_id, person_id) DO UPDATE SET
		first_day = CASE WHEN excluded.first_day IS NOT NULL AND (first_day IS NULL OR excluded.first_day < first_day)
			THEN excluded.first_day ELSE first_day END,
		last_day = CASE WHEN excluded.last_day IS NOT NULL AND (last_day IS NULL OR excluded.last_day > last_day)
			THEN excluded.last_day ELSE last_day END,
		servings = servings + excluded.servings,
		quantity = quantity + excluded.quantity;
END;

-- A reversal: its quantity on its own day; the serving it takes back no
-- longer counts, and its year's live servings are read again from the
-- ledger (reversals are rare; the first or last day may move).
CREATE TRIGGER dist_serving_year_reverse AFTER INSERT ON dist_serving WHEN NEW.quantity < 0
BEGIN
	INSERT INTO dist_serving_year (year, centre_id, person_id, first_day, last_day, servings, quantity)
	VALUES (substr(NEW.day, 1, 4), NEW.centre_id, NEW.person_id, NULL, NULL, 0, NEW.quantity)
	ON CONFLICT (year, centre_id, person_id) DO UPDATE SET quantity = quantity + excluded.quantity;
	UPDATE dist_serving_year SET
		first_day = (SELECT min(v.day) FROM dist_serving v WHERE v.person_id = dist_serving_year.person_id
			AND v.centre_id = dist_serving_year.centre_id AND substr(v.day, 1, 4) = dist_serving_year.year
			AND v.quantity > 0 AND NOT EXISTS (SELECT 1 FROM dist_serving r WHERE r.reverses_id = v.id)),
		last_day = (SELECT max(v.day) FROM dist_serving v WHERE v.person_id = dist_serving_year.person_id
			AND v.centre_id = dist_serving_year.centre_id AND substr(v.day, 1, 4) = dist_serving_year.year
			AND v.quantity > 0 AND NOT EXISTS (SELECT 1 FROM dist_serving r WHERE r.reverses_id = v.id)),
		servings = (SELECT count(*) FROM dist_serving v WHERE v.person_id = dist_serving_year.person_id
			AND v.centre_id = dist_serving_year.centre_id AND substr(v.day, 1, 4) = dist_serving_year.year
			AND v.quantity > 0 AND NOT EXISTS (SELECT 1 FROM dist_serving r WHERE r.reverses_id = v.id))
	WHERE year = (SELECT substr(o.day, 1, 4) FROM dist_serving o WHERE o.id = NEW.reverses_id)
		AND centre_id = (SELECT o.centre_id FROM dist_serving o WHERE o.id = NEW.reverses_id)
		AND person_id = (SELECT o.person_id FROM dist_serving o WHERE o.id = NEW.reverses_id);
END;

-- The reversals of a period by their day: the table's line of reversals
-- reads them alone.
CREATE INDEX dist_serving_reversals ON dist_serving(day, centre_id, person_id) WHERE quantity < 0;
