/* Bulk writes for the tools that fill whole databases: batches, the run's
 * transaction and pragmas, lookups, people with what hangs from them. The
 * medical tables and the reads are in bulk_medical.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/casenum.h"
#include "core/names.h"
#include "core/phone.h"
#include "core/role.h"
#include "db/audit.h"
#include "db/bulk_private.h"
#include "db/person_private.h"

/* ---- the batches -------------------------------------------------------- */

#define ID4 ", ?, ?, ?, ?)"

static const char sql_person[] =
	"INSERT OR IGNORE INTO person (id, case_key, family_name, given_names, other_names, sex, "
	"birth_date, birth_estimated, nationality, phone, phone_key, arrival_date, centre_id, "
	"arrival_mode, consent_data, consent_share, consent_date, consent_by, created_at, kind, locality, "
	"community_since, " IDENTITY ") VALUES "
	ROWS32("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?" ID4);
static const char sql_name_key[] =
	"INSERT OR IGNORE INTO person_name_key (key, person_id) VALUES " ROWS32("(?, ?)");
static const char sql_name_typo[] =
	"INSERT OR IGNORE INTO name_typo (probe, word) VALUES " ROWS32("(?, ?)");
static const char sql_name_word[] =
	"INSERT OR IGNORE INTO name_word (word) VALUES " ROWS32("(?)");
static const char sql_language[] =
	"INSERT OR IGNORE INTO person_language (person_id, language, " IDENTITY ") VALUES "
	ROWS32("(?, ?" ID4);
static const char sql_document[] =
	"INSERT OR IGNORE INTO person_document (id, person_id, doc_type, number, issued_by, expiry, "
	IDENTITY ") VALUES " ROWS32("(?, ?, ?, ?, ?, ?" ID4);
static const char sql_flag[] =
	"INSERT OR IGNORE INTO person_flag (person_id, flag, note, " IDENTITY ") VALUES "
	ROWS32("(?, ?, ?" ID4);
static const char sql_link[] =
	"INSERT OR IGNORE INTO family_link (person_id, relative_id, relation, " IDENTITY ") VALUES "
	ROWS32("(?, ?, ?" ID4);
static const char sql_stay[] =
	"INSERT OR IGNORE INTO stay (id, person_id, centre_id, admitted, departed, departure_reason, "
	IDENTITY ") VALUES " ROWS32("(?, ?, ?, ?, ?, ?" ID4);
static const char sql_service[] =
	"INSERT OR IGNORE INTO stay_service (stay_id, service, " IDENTITY ") VALUES "
	ROWS32("(?, ?" ID4);
static const char sql_consultation[] =
	"INSERT OR IGNORE INTO consultation (person_id, date, centre_id, clinician_id, reason, "
	"diagnosis, treatment, referral_to, referral_why, referral_status, next_followup, created_at, "
	IDENTITY ") VALUES " ROWS32("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?" ID4);
static const char sql_case[] =
	"INSERT OR IGNORE INTO medical_case (id, person_id, condition, opened, closed, outcome, "
	"expected_delivery, notes, centre_id, " IDENTITY ") VALUES "
	ROWS32("(?, ?, ?, ?, ?, ?, ?, ?, ?" ID4);
static const char sql_visit[] =
	"INSERT OR IGNORE INTO antenatal_visit (case_id, date, notes, " IDENTITY ") VALUES "
	ROWS32("(?, ?, ?" ID4);
static const char sql_fitness[] =
	"INSERT OR IGNORE INTO fitness (person_id, date, status, clinician_id, " IDENTITY ") VALUES "
	ROWS32("(?, ?, ?, ?" ID4);

static const struct {
	const char *sql;
	int cols;
	bool identity;
} batches[BT_COUNT_] = {
	[BT_PERSON] = { sql_person, 26, true },
	[BT_NAME_KEY] = { sql_name_key, 2, false },
	[BT_NAME_TYPO] = { sql_name_typo, 2, false },
	[BT_NAME_WORD] = { sql_name_word, 1, false },
	[BT_LANGUAGE] = { sql_language, 6, true },
	[BT_DOCUMENT] = { sql_document, 10, true },
	[BT_FLAG] = { sql_flag, 7, true },
	[BT_LINK] = { sql_link, 7, true },
	[BT_STAY] = { sql_stay, 10, true },
	[BT_SERVICE] = { sql_service, 6, true },
	[BT_CONSULTATION] = { sql_consultation, 16, true },
	[BT_CASE] = { sql_case, 13, true },
	[BT_VISIT] = { sql_visit, 7, true },
	[BT_FITNESS] = { sql_fitness, 8, true },
	[BT_PSYCH_SESSION] = { bulk_sql_psych_session, BULK_PSYCH_SESSION_COLS, true },
	[BT_PSYCH_ATTENDANCE] = { bulk_sql_psych_attendance, BULK_PSYCH_ATTENDANCE_COLS, true },
	[BT_PSYCH_SUPPORT] = { bulk_sql_psych_support, BULK_PSYCH_SUPPORT_COLS, true },
	[BT_TRAINING_COURSE] = { bulk_sql_training_course, BULK_TRAINING_COURSE_COLS, true },
	[BT_TRAINING_ENROLMENT] = { bulk_sql_training_enrolment, BULK_TRAINING_ENROLMENT_COLS, true },
	[BT_REINT_CASE] = { bulk_sql_reint_case, 18, true },
	[BT_REINT_PLAN] = { bulk_sql_reint_plan, 15, true },
	[BT_REINT_ITEM] = { bulk_sql_reint_item, 12, true },
	[BT_REINT_BUSINESS] = { bulk_sql_reint_business, 11, true },
	[BT_REINT_PROJECT] = { bulk_sql_reint_project, 22, true },
	[BT_REINT_MEMBER] = { bulk_sql_reint_member, 9, true },
	[BT_REINT_TRANCHE] = { bulk_sql_reint_tranche, 11, true },
	[BT_REINT_PAYMENT] = { bulk_sql_reint_payment, 16, true },
	[BT_REINT_VISIT] = { bulk_sql_reint_visit, 19, true },
	[BT_REINT_ANSWER] = { bulk_sql_reint_answer, 7, true },
	[BT_DIST_SERVING] = { bulk_sql_dist_serving, 18, true },
	[BT_DIST_STOCK_MOVE] = { bulk_sql_dist_stock_move, 11, true },
};

sqlite3_stmt *bulk_batch(struct bulk *b, enum batch_id t)
{
	struct batch *x = &b->b[t];
	if (!x->st) {
		x->st = db_stmt(b->db, x->sql);
		if (x->st)
			sqlite3_clear_bindings(x->st); /* rows left by a run that failed */
	}
	return x->st;
}

int bulk_param(const struct bulk *b, enum batch_id t, int col)
{
	return b->b[t].rows * b->b[t].cols + col + 1;
}

void bulk_put_int(struct bulk *b, enum batch_id t, int col, long long v, bool zero_null)
{
	if (zero_null && v == 0)
		sqlite3_bind_null(b->b[t].st, bulk_param(b, t, col));
	else
		sqlite3_bind_int64(b->b[t].st, bulk_param(b, t, col), v);
}

void bulk_put_text(struct bulk *b, enum batch_id t, int col, const char *text, bool empty_null)
{
	if (!text || (empty_null && !text[0]))
		sqlite3_bind_null(b->b[t].st, bulk_param(b, t, col));
	else
		sqlite3_bind_text(b->b[t].st, bulk_param(b, t, col), text, -1, SQLITE_TRANSIENT);
}

/* Stores the rows bound so far in batch t. */
static enum status flush(struct bulk *b, enum batch_id t)
{
	struct batch *x = &b->b[t];
	if (x->rows == 0)
		return ST_OK;
	int expected = x->rows;
	int rc = sqlite3_step(x->st);
	int stored = sqlite3_changes(db_sqlite(b->db));
	sqlite3_reset(x->st);
	sqlite3_clear_bindings(x->st);
	x->rows = 0;
	if (rc != SQLITE_DONE)
		return db_status_of(rc);
	/* Two words may share a typo probe: those rows repeat (and words once
	 * the table of words seen is half full). */
	return stored == expected || t == BT_NAME_TYPO || t == BT_NAME_WORD ? ST_OK : ST_INTERNAL;
}

enum status bulk_row_done(struct bulk *b, enum batch_id t)
{
	struct batch *x = &b->b[t];
	if (x->identity) {
		char uuid[ROWS_UUID_LEN + 1];
		rows_uuid(uuid);
		int p = bulk_param(b, t, x->cols - IDENTITY_COLS);
		sqlite3_bind_text(x->st, p, uuid, ROWS_UUID_LEN, SQLITE_TRANSIENT);
		sqlite3_bind_text(x->st, p + 1, b->site, -1, SQLITE_STATIC);
		sqlite3_bind_text(x->st, p + 2, b->stamp, -1, SQLITE_STATIC);
		sqlite3_bind_text(x->st, p + 3, b->stamp, -1, SQLITE_STATIC);
	}
	x->written++;
	return ++x->rows == BATCH_ROWS ? flush(b, t) : ST_OK;
}

/* The quick-lookup rows waiting, in one statement when a batch is full. */
/* Merges the lookup's full-text indexes into one segment each. */
static enum status bulk_merge_indexes(struct bulk *b)
{
	sqlite3_stmt *search = db_stmt(b->db, "INSERT INTO person_search (person_search) VALUES ('optimize')");
	sqlite3_stmt *here = db_stmt(b->db, "INSERT INTO person_here (person_here) VALUES ('optimize')");
	if (!search || !here)
		return ST_INTERNAL;
	enum status s = db_step_done(search);
	return s == ST_OK ? db_step_done(here) : s;
}

static enum status flush_search(struct bulk *b)
{
	b->wrote_search = b->wrote_search || b->nsearch > 0;
	static const char many[] = "INSERT INTO person_search (rowid, text) VALUES " ROWS32("(?, ?)");
	static const char one[] = "INSERT INTO person_search (rowid, text) VALUES (?1, ?2)";
	sqlite3_stmt *st = db_stmt(b->db, b->nsearch == BATCH_ROWS ? many : one);
	if (!st)
		return ST_INTERNAL;
	enum status s = ST_OK;
	for (int i = 0; i < b->nsearch && s == ST_OK; i++) {
		int p = b->nsearch == BATCH_ROWS ? 2 * i + 1 : 1;
		sqlite3_bind_int64(st, p, b->search[i].id);
		sqlite3_bind_text(st, p + 1, b->search[i].text, -1, SQLITE_STATIC);
		if (b->nsearch != BATCH_ROWS)
			s = db_step_done(st);
	}
	if (s == ST_OK && b->nsearch == BATCH_ROWS)
		s = db_step_done(st);
	for (int i = 0; i < b->nsearch && s == ST_OK; i++)
		if (strstr(b->search[i].text, " 0h"))
			s = person_here_write(b->db, b->search[i].id, b->search[i].text);
	b->nsearch = 0;
	return s;
}

/* Stores every row waiting. */
static enum status flush_all(struct bulk *b)
{
	enum status s = ST_OK;
	for (int t = 0; t < BT_COUNT_ && s == ST_OK; t++)
		s = flush(b, (enum batch_id)t);
	if (s == ST_OK && b->nsearch)
		s = flush_search(b);
	return s;
}

/* ---- the run ------------------------------------------------------------ */

/* One integer from a query without parameters (fallback when none). */
static long long query_int(struct bulk *b, const char *sql, long long fallback)
{
	sqlite3_stmt *st = db_stmt(b->db, sql);
	if (!st)
		return fallback;
	long long v = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL
	              ? sqlite3_column_int64(st, 0) : fallback;
	sqlite3_reset(st);
	return v;
}

/* The stamp of the rows from now on: the program's clock. */
static enum status take_stamp(struct bulk *b)
{
	sqlite3_stmt *st = db_stmt(b->db, "SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now')");
	if (!st)
		return ST_INTERNAL;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		db_column_copy(st, 0, b->stamp, sizeof b->stamp);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : db_status_of(rc);
}

/* The page cache size of the connection, to put back after (0: unknown).
 * Prepared here, not cached: a pragma's statement keeps the value it read. */
static int cache_size(sqlite3 *sql)
{
	sqlite3_stmt *st;
	int size = 0;
	if (sqlite3_prepare_v2(sql, "PRAGMA cache_size", -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			size = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	return size;
}

/* Reads the centres, the free ids and the site. */
static enum status prepare(struct bulk *b)
{
	sqlite3_stmt *st = db_stmt(b->db, "SELECT id, code FROM centre ORDER BY id");
	if (!st)
		return ST_INTERNAL;
	enum status s = ST_OK;
	while (s == ST_OK && sqlite3_step(st) == SQLITE_ROW) {
		struct centre_ref *c = db_grow((void **)&b->centres, &b->ncentres, &b->centres_cap,
		                               sizeof *c);
		if (!c) {
			s = ST_NOMEM;
			break;
		}
		c->id = sqlite3_column_int64(st, 0);
		db_column_copy(st, 1, c->code, sizeof c->code);
	}
	sqlite3_reset(st);
	if (s != ST_OK)
		return s;
	b->next_person = query_int(b, "SELECT coalesce(max(id), 0) + 1 FROM person", 0);
	b->next_stay = query_int(b, "SELECT coalesce(max(id), 0) + 1 FROM stay", 0);
	b->next_doc = query_int(b, "SELECT coalesce(max(id), 0) + 1 FROM person_document", 0);
	b->next_case = query_int(b, "SELECT coalesce(max(id), 0) + 1 FROM medical_case", 0);
	if (b->next_person <= 0 || b->next_stay <= 0 || b->next_doc <= 0 || b->next_case <= 0)
		return ST_INTERNAL;
	for (int t = 0; t < BT_COUNT_; t++) {
		b->b[t].sql = batches[t].sql;
		b->b[t].cols = batches[t].cols;
		b->b[t].identity = batches[t].identity;
		if (!bulk_batch(b, (enum batch_id)t))
			return ST_INTERNAL;
	}
	if ((s = db_site(b->db, b->site, sizeof b->site)) != ST_OK)
		return s;
	return take_stamp(b);
}

enum status bulk_mark_demo(struct db *db, long persons)
{
	static const char sql[] = "INSERT OR REPLACE INTO setting (key, value) VALUES ('demo', '1')";
	enum status s = db_begin(db);
	if (s != ST_OK)
		return s;
	sqlite3_stmt *st = db_stmt(db, sql);
	s = st ? db_step_done(st) : ST_INTERNAL;
	if (s == ST_OK) {
		char json[64];
		snprintf(json, sizeof json, "{\"demo\":1,\"persons\":%ld}", persons);
		s = audit_log(db, "create", "setting", 0, json);
	}
	return db_finish(db, s);
}

enum status bulk_begin(struct db *db, struct bulk **out)
{
	*out = NULL;
	/* Only the administrator making a demo database, never into real
	 * records: no permission of the matrix covers this. */
	if (db_actor(db)->role != ROLE_ADMIN)
		return ST_DENIED;
	if (!db_is_demo(db))
		return ST_INVALID;
	struct bulk *b = calloc(1, sizeof *b);
	if (!b)
		return ST_NOMEM;
	b->db = db;
	enum status s = prepare(b);
	/* A demo database is thrown away if power fails while it fills: no
	 * syncing meanwhile. Foreign keys are off too: the rows are right by
	 * construction, and without them a multi-row insert needs no statement
	 * journal: three times faster a row. A 64 MB page cache keeps the many
	 * insertion points of the name-key, phone and search indexes in memory
	 * (a million people: 8% faster). Pragmas take effect outside a
	 * transaction only: set before it begins, put back after it ends. */
	sqlite3 *sql = db_sqlite(db);
	b->cache_size = cache_size(sql);
	if (s == ST_OK) {
		int rc = sqlite3_exec(sql, "PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF; "
		                      "PRAGMA cache_size=-65536", NULL, NULL, NULL);
		s = rc == SQLITE_OK ? db_begin(db) : db_status_of(rc);
	}
	if (s != ST_OK)
		return bulk_end(b, s);
	*out = b;
	return ST_OK;
}

enum status bulk_commit(struct bulk *b)
{
	enum status s = flush_all(b);
	if (s == ST_OK)
		s = db_commit(b->db);
	if (s == ST_OK)
		s = db_begin(b->db);
	if (s == ST_OK)
		s = take_stamp(b);
	return s;
}

/* Sets every sequence used so that later registrations continue after the
 * numbers given here (never lowering one). */
static enum status save_sequences(struct bulk *b)
{
	static const char sql[] =
		"INSERT INTO case_sequence (centre_id, year, next) VALUES (?1, ?2, ?3) "
		"ON CONFLICT (centre_id, year) DO UPDATE SET next = max(next, excluded.next)";
	sqlite3_stmt *st = db_stmt(b->db, sql);
	if (!st)
		return ST_INTERNAL;
	enum status s = ST_OK;
	for (size_t i = 0; i < b->nseqs && s == ST_OK; i++) {
		sqlite3_bind_int64(st, 1, b->seqs[i].centre);
		sqlite3_bind_int(st, 2, b->seqs[i].year);
		sqlite3_bind_int64(st, 3, b->seqs[i].next);
		s = db_step_done(st);
	}
	return s;
}

enum status bulk_end(struct bulk *b, enum status s)
{
	sqlite3 *sql = db_sqlite(b->db);
	if (s == ST_OK)
		s = flush_all(b);
	if (s == ST_OK)
		s = save_sequences(b);
	/* Rows written in bulk leave the search indexes in many segments,
	 * each read by every term of a lookup: merged into one, lookups at
	 * 2,000,000 people take about half the time (5 s, once). */
	if (s == ST_OK && b->wrote_search)
		s = bulk_merge_indexes(b);
	if (!sqlite3_get_autocommit(sql))
		s = db_finish(b->db, s);
	for (int t = 0; t < BT_COUNT_; t++) {
		if (b->b[t].st) {
			sqlite3_reset(b->b[t].st);
			sqlite3_clear_bindings(b->b[t].st);
		}
	}
	char restore[96];
	snprintf(restore, sizeof restore, "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; "
	         "PRAGMA cache_size=%d", b->cache_size ? b->cache_size : -2000);
	int rc = sqlite3_exec(sql, restore, NULL, NULL, NULL);
	if (s == ST_OK && rc != SQLITE_OK)
		s = db_status_of(rc);
	free(b->centres);
	free(b->seqs);
	free(b);
	return s;
}

/* ---- looking up --------------------------------------------------------- */

long long bulk_centre_id(struct bulk *b, const char *code)
{
	for (size_t i = 0; code && i < b->ncentres; i++)
		if (strcmp(b->centres[i].code, code) == 0)
			return b->centres[i].id;
	return 0;
}

const char *bulk_centre_code(struct bulk *b, long long id)
{
	for (size_t i = 0; i < b->ncentres; i++)
		if (b->centres[i].id == id)
			return b->centres[i].code;
	return "";
}

long long bulk_user_id(struct bulk *b, const char *name)
{
	sqlite3_stmt *st = db_stmt(b->db, "SELECT id FROM app_user WHERE name = ?1 AND active = 1");
	if (!st)
		return 0;
	db_bind_text(st, 1, name);
	long long id = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return id;
}

bool bulk_codes_known(struct bulk *b, enum bulk_codes kind, const char *list)
{
	sqlite3_stmt *st = db_stmt(b->db, kind == BULK_COUNTRY ? "SELECT 1 FROM country WHERE iso3 = ?1"
	                                                       : "SELECT 1 FROM language WHERE code = ?1");
	bool ok = st != NULL;
	for (size_t i = 0; ok && i + 3 <= strlen(list); i += 4) {
		sqlite3_bind_text(st, 1, list + i, 3, SQLITE_STATIC);
		ok = sqlite3_step(st) == SQLITE_ROW;
		sqlite3_reset(st);
	}
	return ok;
}

/* ---- people ------------------------------------------------------------- */

/* The sequence counter of centre and year, read from the database at its
 * first use; NULL when out of memory. */
static struct sequence *sequence_of(struct bulk *b, long long centre, int year)
{
	for (size_t i = 0; i < b->nseqs; i++)
		if (b->seqs[i].centre == centre && b->seqs[i].year == year)
			return &b->seqs[i];
	struct sequence *q = db_grow((void **)&b->seqs, &b->nseqs, &b->seqs_cap, sizeof *q);
	if (!q)
		return NULL;
	sqlite3_stmt *st = db_stmt(b->db, "SELECT next FROM case_sequence WHERE centre_id = ?1 AND year = ?2");
	long next = 1;
	if (st) {
		sqlite3_bind_int64(st, 1, centre);
		sqlite3_bind_int(st, 2, year);
		if (sqlite3_step(st) == SQLITE_ROW)
			next = (long)sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
	}
	q->centre = centre;
	q->year = year;
	q->next = next > 1 ? next : 1;
	return q;
}

/* The next case number of centre and year into key: sequences whose check
 * value has no character are skipped, as registration skips them. */
static enum status next_case_key(struct bulk *b, long long centre, const char *code, int year,
                                 char *key, size_t size)
{
	struct sequence *q = sequence_of(b, centre, year);
	if (!q)
		return ST_NOMEM;
	for (int tries = 0; tries < 8; tries++) {
		char shown[CASENUM_MAX];
		long seq = q->next++;
		if (casenum_format(code, year, seq, shown, sizeof shown))
			return casenum_key(shown, key, size) ? ST_OK : ST_INTERNAL;
	}
	return ST_INTERNAL;
}

/* True the first time word is seen this run in the set seen (size
 * hashes, *count of them taken), as far as it holds. */
static bool first_seen(unsigned long long *seen, size_t size, int *count, const char *word)
{
	unsigned long long h = 1469598103934665603ULL;
	for (const char *c = word; *c; c++)
		h = (h ^ (unsigned char)*c) * 1099511628211ULL;
	h |= 1;
	if ((size_t)*count >= size / 2)
		return true;
	for (size_t i = h & (size - 1);; i = (i + 1) & (size - 1)) {
		if (seen[i] == h)
			return false;
		if (!seen[i]) {
			seen[i] = h;
			(*count)++;
			return true;
		}
	}
}

/* True the first time word is seen this run (as far as the table holds). */
static bool typo_first(struct bulk *b, const char *word)
{
	return first_seen(b->typo_seen, sizeof b->typo_seen / sizeof b->typo_seen[0], &b->ntypo_seen, word);
}

/* The vocabulary rows of p's words, as person_write_words. */
static enum status person_words(struct bulk *b, const struct person *p)
{
	char words[PERSON_MATCH_WORDS][32];
	bool more;
	int n = person_match_words(p, words, PERSON_MATCH_WORDS, &more);
	enum status s = ST_OK;
	for (int w = 0; w < n && s == ST_OK; w++) {
		if (!first_seen(b->word_seen, sizeof b->word_seen / sizeof b->word_seen[0], &b->nword_seen, words[w]))
			continue;
		bulk_put_text(b, BT_NAME_WORD, 0, words[w], false);
		s = bulk_row_done(b, BT_NAME_WORD);
	}
	return s;
}

/* The typo vocabulary rows of p's name words, as person_write_typos. */
static enum status person_typos(struct bulk *b, const struct person *p)
{
	const char *parts[] = { p->family_name, p->given_names, p->other_names };
	enum status s = ST_OK;
	for (int i = 0; i < 3 && s == ST_OK; i++) {
		char words[NAMES_MAX_WORDS][32];
		int nw = names_words(parts[i], words);
		for (int w = 0; w < nw && s == ST_OK; w++) {
			char probes[PERSON_TYPO_PROBES][32];
			int np = person_typo_probes(words[w], probes, PERSON_TYPO_PROBES);
			if (!np || !typo_first(b, words[w]))
				continue;
			for (int k = 0; k < np && s == ST_OK; k++) {
				bulk_put_text(b, BT_NAME_TYPO, 0, probes[k], false);
				bulk_put_text(b, BT_NAME_TYPO, 1, words[w], false);
				s = bulk_row_done(b, BT_NAME_TYPO);
			}
		}
	}
	return s;
}

/* The languages, documents, flags, name keys and search row of p. */
static enum status person_lists(struct bulk *b, const struct person *p)
{
	enum status s = ST_OK;
	for (int i = 0; s == ST_OK && i < PERSON_MAX_LANGS && p->languages[i][0]; i++) {
		bulk_put_int(b, BT_LANGUAGE, 0, p->id, false);
		bulk_put_text(b, BT_LANGUAGE, 1, p->languages[i], false);
		s = bulk_row_done(b, BT_LANGUAGE);
	}
	for (int i = 0; s == ST_OK && i < PERSON_MAX_DOCS && p->docs[i].type[0]; i++) {
		const struct person_doc *d = &p->docs[i];
		bulk_put_int(b, BT_DOCUMENT, 0, b->next_doc++, false);
		bulk_put_int(b, BT_DOCUMENT, 1, p->id, false);
		bulk_put_text(b, BT_DOCUMENT, 2, d->type, false);
		bulk_put_text(b, BT_DOCUMENT, 3, d->number, false);
		bulk_put_text(b, BT_DOCUMENT, 4, d->issued_by, true);
		bulk_put_text(b, BT_DOCUMENT, 5, d->expiry, true);
		s = bulk_row_done(b, BT_DOCUMENT);
	}
	for (int f = 0; s == ST_OK && f < FLAG_COUNT_; f++) {
		if (!p->flags[f])
			continue;
		bulk_put_int(b, BT_FLAG, 0, p->id, false);
		bulk_put_text(b, BT_FLAG, 1, person_flag_name((enum person_flag)f), false);
		bulk_put_text(b, BT_FLAG, 2, f == FLAG_OTHER ? p->flag_other : "", false);
		s = bulk_row_done(b, BT_FLAG);
	}
	char keys[PERSON_MAX_KEYS][NAMES_KEY_MAX];
	int nkeys = person_name_keys(p, keys, PERSON_MAX_KEYS);
	for (int k = 0; s == ST_OK && k < nkeys; k++) {
		bulk_put_text(b, BT_NAME_KEY, 0, keys[k], false);
		bulk_put_int(b, BT_NAME_KEY, 1, p->id, false);
		s = bulk_row_done(b, BT_NAME_KEY);
	}
	if (s == ST_OK)
		s = person_typos(b, p);
	if (s == ST_OK)
		s = person_words(b, p);
	/* A full batch goes before the next row, not after the last: the row
	 * stays here while the person's stays are added (bulk_stay). */
	if (s == ST_OK && b->nsearch == BATCH_ROWS)
		s = flush_search(b);
	if (s == ST_OK) {
		struct search_row *r = &b->search[b->nsearch++];
		r->id = p->id;
		person_index_text(p, db_phone_country(b->db), r->text, sizeof r->text);
	}
	return s;
}

enum status bulk_person(struct bulk *b, struct person *p, long long consent_by,
                        const char *created_at)
{
	long long centre = bulk_centre_id(b, p->centre_code);
	int year = 0;
	if (!centre || sscanf(p->arrival_date, "%4d", &year) != 1)
		return ST_INVALID;
	enum status s = next_case_key(b, centre, p->centre_code, year, p->case_key, sizeof p->case_key);
	if (s != ST_OK)
		return s;
	p->id = b->next_person++;
	p->version = 1;
	char phone_key[PHONE_KEY_SIZE], sex[2] = { p->sex, '\0' };
	person_phone_key(p->phone, db_phone_country(b->db), phone_key, sizeof phone_key);
	if (!bulk_batch(b, BT_PERSON))
		return ST_INTERNAL;
	bulk_put_int(b, BT_PERSON, 0, p->id, false);
	bulk_put_text(b, BT_PERSON, 1, p->case_key, false);
	bulk_put_text(b, BT_PERSON, 2, p->family_name, false);
	bulk_put_text(b, BT_PERSON, 3, p->given_names, false);
	bulk_put_text(b, BT_PERSON, 4, p->other_names, false);
	bulk_put_text(b, BT_PERSON, 5, sex, false);
	bulk_put_text(b, BT_PERSON, 6, p->birth_date, true);
	bulk_put_int(b, BT_PERSON, 7, p->birth_estimated, false);
	bulk_put_text(b, BT_PERSON, 8, p->nationality, true);
	bulk_put_text(b, BT_PERSON, 9, p->phone, false);
	bulk_put_text(b, BT_PERSON, 10, phone_key, false);
	bulk_put_text(b, BT_PERSON, 11, p->arrival_date, false);
	bulk_put_int(b, BT_PERSON, 12, centre, false);
	bulk_put_text(b, BT_PERSON, 13, p->arrival_mode, false);
	bulk_put_int(b, BT_PERSON, 14, p->consent_data, false);
	bulk_put_int(b, BT_PERSON, 15, p->consent_share, false);
	bulk_put_text(b, BT_PERSON, 16, p->consent_date, false);
	bulk_put_int(b, BT_PERSON, 17, consent_by, true);
	bulk_put_text(b, BT_PERSON, 18, created_at, false);
	/* A community member as community_register writes one. */
	bool community = person_is_community(p);
	bulk_put_text(b, BT_PERSON, 19, community ? "community" : "migrant", false);
	bulk_put_text(b, BT_PERSON, 20, community ? p->locality : "", false);
	bulk_put_text(b, BT_PERSON, 21, p->community_since, true);
	s = bulk_row_done(b, BT_PERSON);
	return s == ST_OK ? person_lists(b, p) : s;
}

/* Adds to the search row of person the token of the centre it stays at
 * now, as person_index_text writes it from person_read. */
static enum status search_staying(struct bulk *b, long long person, const char *centre_code)
{
	char token[16];
	person_here_token(centre_code, token, sizeof token);
	for (int i = b->nsearch - 1; i >= 0; i--) {
		if (b->search[i].id != person)
			continue;
		size_t len = strlen(b->search[i].text), t = strlen(token);
		if (len + 1 + t + 1 <= sizeof b->search[i].text) {
			b->search[i].text[len] = ' ';
			memcpy(b->search[i].text + len + 1, token, t + 1);
		}
		return ST_OK;
	}
	/* Already stored: read back and written again. */
	enum status s = flush_all(b);
	return s == ST_OK ? person_reindex(b->db, person) : s;
}

enum status bulk_stay(struct bulk *b, long long person, const char *centre_code,
                      const char *admitted, const char *departed, const char *reason,
                      const bool services[SERVICE_COUNT_], long long *id)
{
	long long centre = bulk_centre_id(b, centre_code);
	if (!centre)
		return ST_INVALID;
	*id = b->next_stay++;
	bulk_put_int(b, BT_STAY, 0, *id, false);
	bulk_put_int(b, BT_STAY, 1, person, false);
	bulk_put_int(b, BT_STAY, 2, centre, false);
	bulk_put_text(b, BT_STAY, 3, admitted, false);
	bulk_put_text(b, BT_STAY, 4, departed, true);
	bulk_put_text(b, BT_STAY, 5, reason, true);
	enum status s = bulk_row_done(b, BT_STAY);
	if (s == ST_OK && (!departed || !departed[0]))
		s = search_staying(b, person, centre_code);
	for (int i = 0; s == ST_OK && i < SERVICE_COUNT_; i++) {
		if (!services[i])
			continue;
		bulk_put_int(b, BT_SERVICE, 0, *id, false);
		bulk_put_text(b, BT_SERVICE, 1, stay_service_name((enum stay_service)i), false);
		s = bulk_row_done(b, BT_SERVICE);
	}
	return s;
}

enum status bulk_family_link(struct bulk *b, long long person, long long relative,
                             const char *relation)
{
	bulk_put_int(b, BT_LINK, 0, person, false);
	bulk_put_int(b, BT_LINK, 1, relative, false);
	bulk_put_text(b, BT_LINK, 2, relation, false);
	return bulk_row_done(b, BT_LINK);
}
