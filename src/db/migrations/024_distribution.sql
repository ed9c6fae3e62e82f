-- Distributions: the items handed out with their rules (who may receive
-- them, how often, per person or per household), the servings at the
-- counters, and the stock of each item at each centre.
--
-- A serving is an entry of a ledger: a mistaken one is corrected by a
-- reversing entry (reverses_id, the opposite quantity, a reason), never
-- deleted or changed. "Served once" is the data layer's: the check of the
-- person's (or household's) last live serving and the insert run in one
-- BEGIN IMMEDIATE transaction, so two counters serving the same person at
-- the same moment are one after the other and the second sees the first.
-- An override (a reason, by a role with distribution_override) serves
-- what the rules would refuse, and says so.

CREATE TABLE dist_item (
	id           INTEGER PRIMARY KEY,
	code         TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40),   -- a slug, never shown
	name_en      TEXT NOT NULL CHECK (length(name_en) BETWEEN 1 AND 80),
	name_fr      TEXT NOT NULL CHECK (length(name_fr) BETWEEN 1 AND 80),
	kind         TEXT NOT NULL CHECK (kind IN ('food_ration', 'hot_meal', 'water', 'nfi_kit', 'hygiene_kit',
	             'dignity_kit', 'baby_kit', 'blanket', 'mat', 'clothes', 'other')),
	unit         TEXT NOT NULL DEFAULT 'person' CHECK (unit IN ('person', 'household')),
	frequency    TEXT NOT NULL CHECK (frequency IN ('once_per_stay', 'every_n_days', 'daily', 'per_meal')),
	every_days   INTEGER CHECK (every_days IS NULL OR every_days BETWEEN 2 AND 366),
	quantity     INTEGER NOT NULL DEFAULT 1 CHECK (quantity BETWEEN 1 AND 100),        -- per serving
	-- Who is eligible: all of these that are set.
	sex          TEXT NOT NULL DEFAULT 'any' CHECK (sex IN ('any', 'female', 'male')),
	age_min      INTEGER CHECK (age_min IS NULL OR age_min BETWEEN 0 AND 120),          -- years, included
	age_max      INTEGER CHECK (age_max IS NULL OR age_max BETWEEN 0 AND 120),          -- years, included
	requires     TEXT CHECK (requires IN ('pregnant', 'disability', 'older_person', 'serious_medical',
	             'unaccompanied_child', 'separated_child', 'accompanied_child', 'infant')),  -- a flag, or an infant in the household
	staying_only INTEGER NOT NULL DEFAULT 1 CHECK (staying_only IN (0, 1)),            -- staying at the counter's centre now
	low_stock    INTEGER NOT NULL DEFAULT 0 CHECK (low_stock BETWEEN 0 AND 1000000),   -- warn at or below
	active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	position     INTEGER NOT NULL DEFAULT 0,
	version      INTEGER NOT NULL DEFAULT 1,
	uuid         TEXT,
	site         TEXT,
	created      TEXT,
	changed      TEXT,
	CHECK ((frequency = 'every_n_days') = (every_days IS NOT NULL)),
	CHECK (age_min IS NULL OR age_max IS NULL OR age_min <= age_max)
);
CREATE INDEX dist_item_by_position ON dist_item(active, position, id);
CREATE UNIQUE INDEX dist_item_by_uuid ON dist_item(uuid);
CREATE TRIGGER dist_item_stamp AFTER INSERT ON dist_item
WHEN NEW.uuid IS NULL OR NEW.site IS NULL OR NEW.created IS NULL OR NEW.changed IS NULL
BEGIN
	UPDATE dist_item SET created = coalesce(NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		changed = coalesce(NEW.changed, NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		site = coalesce(NEW.site, (SELECT value FROM setting WHERE key = 'site')),
		uuid = coalesce(NEW.uuid, printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8)))))
	WHERE id = NEW.id;
END;
CREATE TRIGGER dist_item_changed AFTER UPDATE ON dist_item WHEN NEW.changed IS OLD.changed
BEGIN
	UPDATE dist_item SET changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER dist_item_keep BEFORE UPDATE OF uuid, created ON dist_item
WHEN (OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid)
	OR (OLD.created IS NOT NULL AND NEW.created IS NOT OLD.created)
BEGIN
	SELECT RAISE(ABORT, 'a row keeps its uuid and creation time');
END;

-- The items of a new database (the administrator edits them).
INSERT INTO dist_item (code, name_en, name_fr, kind, unit, frequency, every_days, quantity, sex, age_min, age_max,
                       requires, staying_only, low_stock, position) VALUES
	('food_ration', 'Food ration (7 days)', 'Ration alimentaire (7 jours)', 'food_ration', 'household', 'every_n_days',
	 7, 1, 'any', NULL, NULL, NULL, 1, 50, 1),
	('hot_meal', 'Hot meal', 'Repas chaud', 'hot_meal', 'person', 'per_meal', NULL, 1, 'any', NULL, NULL, NULL, 1, 0, 2),
	('water', 'Drinking water (10 l)', 'Eau potable (10 l)', 'water', 'person', 'daily', NULL, 1, 'any', NULL, NULL,
	 NULL, 1, 100, 3),
	('nfi_kit', 'Non-food items kit', 'Kit d''articles non alimentaires', 'nfi_kit', 'household', 'once_per_stay', NULL,
	 1, 'any', NULL, NULL, NULL, 1, 20, 4),
	('hygiene_kit_women', 'Hygiene kit (women)', 'Kit d''hygiène (femmes)', 'hygiene_kit', 'person', 'every_n_days', 30,
	 1, 'female', 12, NULL, NULL, 1, 20, 5),
	('hygiene_kit_men', 'Hygiene kit (men)', 'Kit d''hygiène (hommes)', 'hygiene_kit', 'person', 'every_n_days', 30, 1,
	 'male', 12, NULL, NULL, 1, 20, 6),
	('dignity_kit', 'Dignity kit', 'Kit de dignité', 'dignity_kit', 'person', 'once_per_stay', NULL, 1, 'female', 12, 59,
	 NULL, 1, 10, 7),
	('baby_kit', 'Baby kit', 'Kit bébé', 'baby_kit', 'household', 'once_per_stay', NULL, 1, 'any', NULL, NULL, 'infant',
	 1, 5, 8),
	('blanket', 'Blanket', 'Couverture', 'blanket', 'person', 'once_per_stay', NULL, 1, 'any', NULL, NULL, NULL, 1, 30, 9),
	('mat', 'Sleeping mat', 'Natte', 'mat', 'person', 'once_per_stay', NULL, 1, 'any', NULL, NULL, NULL, 1, 30, 10),
	('clothes', 'Clothes', 'Vêtements', 'clothes', 'person', 'every_n_days', 90, 1, 'any', NULL, NULL, NULL, 1, 10, 11);

CREATE TABLE dist_serving (
	id           INTEGER PRIMARY KEY,
	person_id    INTEGER NOT NULL REFERENCES person(id),   -- who received it (for a household item: who collected)
	item_id      INTEGER NOT NULL REFERENCES dist_item(id),
	centre_id    INTEGER NOT NULL REFERENCES centre(id),
	stay_id      INTEGER REFERENCES stay(id),              -- the stay it was served in, NULL when not staying
	day          TEXT NOT NULL,                            -- the centre's day (YYYY-MM-DD)
	served_at    TEXT NOT NULL,                            -- when, UTC (YYYY-MM-DDTHH:MM:SSZ)
	meal         TEXT CHECK (meal IN ('breakfast', 'lunch', 'dinner')),   -- per-meal items only
	counter      TEXT NOT NULL DEFAULT '' CHECK (length(counter) <= 20),
	quantity     INTEGER NOT NULL CHECK (quantity <> 0),   -- negative: a reversal
	override_reason TEXT NOT NULL DEFAULT '' CHECK (length(override_reason) <= 200),
	reverses_id  INTEGER UNIQUE REFERENCES dist_serving(id),
	reason       TEXT NOT NULL DEFAULT '' CHECK (length(reason) <= 200),   -- of a reversal
	served_by    INTEGER REFERENCES app_user(id),
	uuid         TEXT,
	site         TEXT,
	created      TEXT,
	changed      TEXT,
	CHECK ((reverses_id IS NULL) = (quantity > 0)),
	CHECK (reverses_id IS NULL OR reason <> ''),
	CHECK (reverses_id IS NULL OR override_reason = '')
);
CREATE INDEX dist_serving_by_person ON dist_serving(person_id, item_id, day);
CREATE INDEX dist_serving_by_centre_day ON dist_serving(centre_id, day, item_id);
CREATE INDEX dist_serving_by_day ON dist_serving(day);
CREATE UNIQUE INDEX dist_serving_by_uuid ON dist_serving(uuid);
CREATE TRIGGER dist_serving_stamp AFTER INSERT ON dist_serving
WHEN NEW.uuid IS NULL OR NEW.site IS NULL OR NEW.created IS NULL OR NEW.changed IS NULL
BEGIN
	UPDATE dist_serving SET created = coalesce(NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		changed = coalesce(NEW.changed, NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		site = coalesce(NEW.site, (SELECT value FROM setting WHERE key = 'site')),
		uuid = coalesce(NEW.uuid, printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8)))))
	WHERE id = NEW.id;
END;
CREATE TRIGGER dist_serving_changed AFTER UPDATE ON dist_serving WHEN NEW.changed IS OLD.changed
BEGIN
	UPDATE dist_serving SET changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER dist_serving_keep BEFORE UPDATE OF uuid, created ON dist_serving
WHEN (OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid)
	OR (OLD.created IS NOT NULL AND NEW.created IS NOT OLD.created)
BEGIN
	SELECT RAISE(ABORT, 'a row keeps its uuid and creation time');
END;
-- A ledger: entries are never changed or deleted.
CREATE TRIGGER dist_serving_no_update BEFORE UPDATE OF person_id, item_id, centre_id, stay_id, day, served_at, meal,
	counter, quantity, override_reason, reverses_id, reason, served_by ON dist_serving
BEGIN
	SELECT RAISE(ABORT, 'a serving is corrected by a reversal, never changed');
END;
CREATE TRIGGER dist_serving_no_delete BEFORE DELETE ON dist_serving
BEGIN
	SELECT RAISE(ABORT, 'a serving is corrected by a reversal, never deleted');
END;

-- Stock: receipts, issues other than servings (losses, transfers out,
-- counted corrections) per item and centre; the balance of each pair is kept
-- by the triggers below, servings included.
CREATE TABLE dist_stock_move (
	id           INTEGER PRIMARY KEY,
	item_id      INTEGER NOT NULL REFERENCES dist_item(id),
	centre_id    INTEGER NOT NULL REFERENCES centre(id),
	day          TEXT NOT NULL,
	kind         TEXT NOT NULL CHECK (kind IN ('receipt', 'issue', 'count')),
	quantity     INTEGER NOT NULL CHECK (quantity <> 0 AND quantity BETWEEN -1000000 AND 1000000),
	note         TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 200),   -- supplier, waybill, why
	recorded_by  INTEGER REFERENCES app_user(id),
	uuid         TEXT,
	site         TEXT,
	created      TEXT,
	changed      TEXT,
	CHECK (kind != 'receipt' OR quantity > 0),
	CHECK (kind != 'issue' OR quantity < 0)
);
CREATE INDEX dist_stock_move_by_item ON dist_stock_move(centre_id, item_id, day);
CREATE UNIQUE INDEX dist_stock_move_by_uuid ON dist_stock_move(uuid);
CREATE TRIGGER dist_stock_move_stamp AFTER INSERT ON dist_stock_move
WHEN NEW.uuid IS NULL OR NEW.site IS NULL OR NEW.created IS NULL OR NEW.changed IS NULL
BEGIN
	UPDATE dist_stock_move SET created = coalesce(NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		changed = coalesce(NEW.changed, NEW.created, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		site = coalesce(NEW.site, (SELECT value FROM setting WHERE key = 'site')),
		uuid = coalesce(NEW.uuid, printf('%012x7%.3s%x%.15s',
		CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		lower(hex(randomblob(2))), 8 + (random() & 3), lower(hex(randomblob(8)))))
	WHERE id = NEW.id;
END;
CREATE TRIGGER dist_stock_move_changed AFTER UPDATE ON dist_stock_move WHEN NEW.changed IS OLD.changed
BEGIN
	UPDATE dist_stock_move SET changed = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER dist_stock_move_keep BEFORE UPDATE OF uuid, created ON dist_stock_move
WHEN (OLD.uuid IS NOT NULL AND NEW.uuid IS NOT OLD.uuid)
	OR (OLD.created IS NOT NULL AND NEW.created IS NOT OLD.created)
BEGIN
	SELECT RAISE(ABORT, 'a row keeps its uuid and creation time');
END;

-- Derived: the balance of an item at a centre (receipts, issues, counts and
-- servings), kept in the same transaction as each entry.
CREATE TABLE dist_stock (
	centre_id    INTEGER NOT NULL REFERENCES centre(id),
	item_id      INTEGER NOT NULL REFERENCES dist_item(id),
	balance      INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (centre_id, item_id)
) WITHOUT ROWID;
CREATE TRIGGER dist_stock_move_balance AFTER INSERT ON dist_stock_move
BEGIN
	INSERT INTO dist_stock (centre_id, item_id, balance) VALUES (NEW.centre_id, NEW.item_id, NEW.quantity)
		ON CONFLICT (centre_id, item_id) DO UPDATE SET balance = balance + NEW.quantity;
END;
CREATE TRIGGER dist_serving_balance AFTER INSERT ON dist_serving
BEGIN
	INSERT INTO dist_stock (centre_id, item_id, balance) VALUES (NEW.centre_id, NEW.item_id, -NEW.quantity)
		ON CONFLICT (centre_id, item_id) DO UPDATE SET balance = balance - NEW.quantity;
END;
