-- 028: what sites exchange (docs/sync.md). All local bookkeeping: none of
-- these tables travels, and none has a uuid.

-- Every change-log entry: one write transaction of this site (origin is
-- this site) or one received from another site, in the order it was
-- applied here. changes is a SQLite changeset whose rows are named by
-- their uuid (src/db/sync_capture.c), never by this file's row ids.
CREATE TABLE sync_log (
	seq        INTEGER PRIMARY KEY,
	origin     TEXT NOT NULL,              -- the site that made the change
	origin_seq INTEGER NOT NULL,           -- its number there (1, 2, 3... per site)
	at         TEXT NOT NULL,              -- when it was made there (UTC)
	user_name  TEXT NOT NULL,              -- who made it there
	changes    BLOB NOT NULL,
	UNIQUE (origin, origin_seq)
);

-- Every site this one knows: itself (self = 1, made by `sync init`) and
-- those it exchanged bundles with or heard of through them.
CREATE TABLE sync_site (
	site  TEXT PRIMARY KEY,                -- its site id (setting 'site' there)
	name  TEXT NOT NULL DEFAULT '',        -- as it calls itself
	self  INTEGER NOT NULL DEFAULT 0 CHECK (self IN (0, 1)),
	have  INTEGER NOT NULL DEFAULT 0,      -- the last of its entries applied here
	got   INTEGER NOT NULL DEFAULT 0       -- the last of this site's bundles it says it applied
) WITHOUT ROWID;
CREATE UNIQUE INDEX sync_site_self ON sync_site(self) WHERE self = 1;

-- What each peer was sent and is known to have, per origin of entries.
CREATE TABLE sync_peer (
	peer    TEXT NOT NULL,
	origin  TEXT NOT NULL,
	sent    INTEGER NOT NULL DEFAULT 0,    -- the last origin_seq put in a bundle to it
	acked   INTEGER NOT NULL DEFAULT 0,    -- the last it said it has
	PRIMARY KEY (peer, origin)
) WITHOUT ROWID;

-- Bundles written to a peer, numbered 1, 2, 3... per peer.
CREATE TABLE sync_bundle_out (
	peer     TEXT NOT NULL,
	n        INTEGER NOT NULL,
	at       TEXT NOT NULL,
	entries  INTEGER NOT NULL,
	bytes    INTEGER NOT NULL,
	resend   INTEGER NOT NULL DEFAULT 0,   -- everything again from the start
	PRIMARY KEY (peer, n)
) WITHOUT ROWID;

-- Bundles received: applied, or held (kept whole, with data) until the
-- bundles before them come.
CREATE TABLE sync_bundle_in (
	peer      TEXT NOT NULL,
	n         INTEGER NOT NULL,
	since     INTEGER NOT NULL,            -- it holds everything after bundle since - 1
	at        TEXT NOT NULL,
	entries   INTEGER NOT NULL,
	applied   INTEGER NOT NULL DEFAULT 0,
	conflicts INTEGER NOT NULL DEFAULT 0,
	status    TEXT NOT NULL CHECK (status IN ('applied', 'held')),
	data      BLOB,
	PRIMARY KEY (peer, n)
) WITHOUT ROWID;

-- A change that could not merge: the same field changed here and at the
-- other site, a change to a record deleted here, a delete of a record
-- changed here. The site that owns the record decides; the others take
-- its value when it comes. 'duplicate': a person who came from another
-- site and may be someone registered here (row_uuid; here: the one here).
CREATE TABLE sync_conflict (
	id          INTEGER PRIMARY KEY,
	at          TEXT NOT NULL,             -- when it arrived here
	kind        TEXT NOT NULL CHECK (kind IN ('field', 'edit_deleted', 'delete_edited', 'duplicate')),
	tbl         TEXT NOT NULL,
	row_uuid    TEXT NOT NULL,
	field       TEXT NOT NULL DEFAULT '',
	here        TEXT,                      -- the value here when it came (NULL: none, deleted)
	there       TEXT,                      -- the other site's value
	there_site  TEXT NOT NULL,
	there_user  TEXT NOT NULL DEFAULT '',
	there_at    TEXT NOT NULL DEFAULT '',
	owner       TEXT NOT NULL,             -- the site owning the record
	status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'kept', 'taken', 'owner')),
	decided_by  TEXT NOT NULL DEFAULT '',
	decided_at  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sync_conflict_open ON sync_conflict(status, id);
CREATE INDEX sync_conflict_row ON sync_conflict(tbl, row_uuid, field, status);

-- The audit trail of the other sites, as received: who did what there.
-- Kept apart from this site's own trail (whose rows form a hash chain and
-- name this file's row ids); entity_uuid names the record by its uuid.
CREATE TABLE sync_audit (
	uuid        TEXT PRIMARY KEY,
	site        TEXT NOT NULL,
	at          TEXT NOT NULL,
	user_name   TEXT NOT NULL,
	origin      TEXT NOT NULL,
	action      TEXT NOT NULL,
	entity      TEXT NOT NULL,
	entity_uuid TEXT,
	changes     TEXT
) WITHOUT ROWID;

-- Rows keyed by what they say (a person's language or flag: the person and
-- the code) are facts added and removed. When one site removes a fact that
-- another adds while they are apart, the later of the two wins at every
-- site, whatever order the changes arrive in: each addition and removal
-- leaves the time of its entry here (changes to the fact's other fields
-- do not count as adding it again).
CREATE TABLE sync_fact (
	tbl      TEXT NOT NULL,
	fact     TEXT NOT NULL,   -- its key columns, named between sites, joined by U+001F
	added    TEXT NOT NULL DEFAULT '',
	removed  TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (tbl, fact)
) WITHOUT ROWID;
