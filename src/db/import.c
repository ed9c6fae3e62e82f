/* Importing a legacy spreadsheet (db/import.h): transactions, duplicates,
 * the writes and the audit trail; import_row.c reads each row. */
#include "db/import.h"

#include <stdio.h>
#include <string.h>

#include "core/clock.h"
#include "core/role.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/jsonbuf.h"
#include "core/text.h"
#include "db/audit.h"
#include "db/db_private.h"
#include "db/import_private.h"
#include "db/medical_private.h"
#include "db/person.h"
#include "db/person_private.h"
#include "db/stay.h"
#include "db/training_private.h"

/* Likely duplicates listed per row, at most. */
#define DUPLICATES_MAX 5

/* The progress of a run. */
struct run {
	struct import_ctx c;
	struct import_report *rep;
	bool in_txn;
	long batch_rows, batch_imported, batch_rejected;
	int batch_first, batch_last;
	int line;              /* of the row being read */
	int dups;              /* duplicates of that row */
};

/* Hands a duplicate of the current row to the caller. */
static void on_duplicate(const struct person_hit *hit, int score, void *ctx)
{
	struct run *r = ctx;
	r->dups++;
	if (r->c.cb && r->c.cb->duplicate)
		r->c.cb->duplicate(r->line, hit, score, r->c.cb->ctx);
}

/* The line after which an import of this file committed last, 0 none. */
static int resumed_line(struct db *db, const char *file)
{
	static const char sql[] =
		"SELECT max(json_extract(changes, '$.last_line')) FROM audit WHERE entity = 'import' "
		"AND action = 'import' AND json_extract(changes, '$.file') = ?1 "
		"AND json_extract(changes, '$.committed') = 1";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return 0;
	db_bind_text(st, 1, file);
	int line = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_reset(st);
	return line;
}

/* Writes the trail's row of a batch (inside its transaction) or of an
 * import refused or dry (its own). */
static enum status audit_batch(struct run *r, bool committed)
{
	struct jsonbuf j;
	jsonbuf_init(&j);
	jsonbuf_put_str(&j, "file", r->c.o->file_name ? r->c.o->file_name : "");
	jsonbuf_put_int(&j, "first_line", r->batch_first);
	jsonbuf_put_int(&j, "last_line", r->batch_last);
	jsonbuf_put_int(&j, "rows", r->batch_rows);
	jsonbuf_put_int(&j, "imported", committed ? r->batch_imported : 0);
	jsonbuf_put_int(&j, "rejected", r->batch_rejected);
	jsonbuf_put_int(&j, "committed", committed);
	if (r->c.o->dry_run)
		jsonbuf_put_int(&j, "dry_run", 1);
	jsonbuf_put_str(&j, "encoding", import_enc_name(r->rep->enc));
	bool own = !committed;
	enum status s = own ? db_begin(r->c.db) : ST_OK;
	if (s == ST_OK)
		s = audit_log(r->c.db, "import", "import", 0, jsonbuf_text(&j));
	return own ? db_finish(r->c.db, s) : s;
}

/* Ends the open batch: commits it when every row was good (and this is
 * no dry run), else rolls it back and records the refusal. */
static enum status end_batch(struct run *r)
{
	if (!r->in_txn)
		return ST_OK;
	r->in_txn = false;
	bool good = r->batch_rejected == 0 && !r->c.o->dry_run;
	enum status s = ST_OK;
	if (good) {
		s = person_search_flush(r->c.db);
		if (s == ST_OK)
			s = audit_batch(r, true);
		s = db_finish(r->c.db, s);
		if (s == ST_OK) {
			r->rep->imported += r->batch_imported;
			r->rep->last_line = r->batch_last;
		}
	} else {
		db_rollback(r->c.db);
		if (r->c.o->dry_run)
			r->rep->imported += r->batch_imported;
		if (r->batch_rows)
			s = audit_batch(r, false);
	}
	r->batch_rows = r->batch_imported = r->batch_rejected = 0;
	return s;
}

/* Writes the consultation of a good row, inside the batch: with the
 * medical role when the options say so, the actor's name and origin kept,
 * its own role back afterwards. */
static enum status write_consultation(struct run *r, struct import_rowdata *d)
{
	const struct db_actor *a = db_actor(r->c.db);
	struct db_actor was = *a;
	if (r->c.o->module_roles)
		db_set_actor(r->c.db, was.user_id, was.user_name, ROLE_MEDICAL, was.origin);
	d->consultation.person_id = d->p.id;
	enum status s = consultation_create(r->c.db, &d->consultation, r->c.today);
	db_set_actor(r->c.db, was.user_id, was.user_name, was.role, was.origin);
	return s;
}

/* Writes the enrolment of a good row, inside the batch: with the training
 * role when the options say so, as for a consultation. */
static enum status write_training(struct run *r, struct import_rowdata *d, const char **msgid)
{
	const struct db_actor *a = db_actor(r->c.db);
	struct db_actor was = *a;
	if (r->c.o->module_roles)
		db_set_actor(r->c.db, was.user_id, was.user_name, ROLE_TRAINING, was.origin);
	enum status s = training_enrol_in(r->c.db, d->course_id, d->p.id, d->training_status, NULL, msgid);
	db_set_actor(r->c.db, was.user_id, was.user_name, was.role, was.origin);
	return s;
}

/* Writes the person of a good row, its departure, its consultation and
 * its enrolment, inside the batch. */
static enum status write_row(struct run *r, struct import_rowdata *d)
{
	struct person *p = &d->p;
	long long centre = db_centre_id(r->c.db, p->centre_code);
	enum status s = centre ? person_create(r->c.db, p, centre) : ST_NOT_FOUND;
	if (s == ST_OK && d->departed[0]) {
		sqlite3_stmt *st = db_stmt(r->c.db, "SELECT id FROM stay WHERE person_id = ?1 AND departed IS NULL");
		if (!st)
			return ST_INTERNAL;
		sqlite3_bind_int64(st, 1, p->id);
		long long stay = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
		sqlite3_reset(st);
		s = stay ? stay_depart(r->c.db, stay, d->departed, d->reason) : ST_INTERNAL;
		if (s == ST_INVALID) {
			import_problem(&r->c, d->departed_line, d->departed_col, "%s",
			               _("the departure cannot be recorded on that day"));
			return ST_INVALID;
		}
	}
	if (s == ST_OK && d->has_consultation) {
		s = write_consultation(r, d);
		if (s == ST_INVALID || s == ST_DENIED) {
			import_problem(&r->c, d->consultation_line, d->consultation_col, "%s",
			               s == ST_DENIED ? _("recording a consultation needs the medical role")
			                              : _("the consultation cannot be recorded"));
			return ST_INVALID;
		}
	}
	if (s == ST_OK && d->has_training) {
		const char *m = NULL;
		s = write_training(r, d, &m);
		if (s == ST_INVALID || s == ST_DENIED || s == ST_DUPLICATE) {
			import_problem(&r->c, d->training_line, d->training_col, "%s",
			               s == ST_DENIED ? _("enrolling someone in a training needs the training role")
			               : m            ? _(m)
			                              : _("the enrolment cannot be recorded"));
			return ST_INVALID;
		}
	}
	return s;
}

/* Reads, checks and (when good) writes one row. */
static enum status one_row(struct run *r, const struct import_row *row)
{
	if (!r->in_txn) {
		/* The table of the index rows kept is made before the batch's
		 * transaction, so that a rollback leaves it. */
		enum status s = person_search_defer(r->c.db, true);
		if (s == ST_OK)
			s = db_begin(r->c.db);
		if (s != ST_OK)
			return s;
		r->in_txn = true;
		r->batch_first = row->line;
	}
	r->batch_rows++;
	r->batch_last = row->line;
	r->rep->rows++;
	r->line = row->line;
	r->dups = 0;
	struct import_rowdata d;
	bool ok = import_row_read(&r->c, row, &d);
	if (ok) {
		enum status s = person_duplicates(r->c.db, &d.p, DUPLICATES_MAX, on_duplicate, r);
		if (s != ST_OK)
			return s;
		if (r->dups) {
			r->rep->duplicates++;
			if (!r->c.o->allow_duplicates) {
				import_problem(&r->c, row->line, 0, "%s",
				               _("likely the same person as someone registered: not imported "
				                 "(--allow-duplicates imports it)"));
				ok = false;
			}
		}
	}
	if (ok) {
		enum status s = write_row(r, &d);
		if (s == ST_INVALID)
			ok = false;
		else if (s != ST_OK)
			return s;
	}
	import_flush(&r->c);
	if (ok) {
		r->batch_imported++;
	} else {
		r->batch_rejected++;
		r->rep->rejected++;
	}
	return ST_OK;
}

/* Matches the header row to the mapping. */
static bool header(struct run *r, const struct import_row *row)
{
	int line;
	char err[512];
	if (import_map_columns(r->c.map, row, &line, err, sizeof err))
		return true;
	char clean[512];
	text_sanitize(err, clean, sizeof clean);
	if (r->c.cb && r->c.cb->problem)
		r->c.cb->problem(line, 0, true, clean, r->c.cb->ctx);
	return false;
}

enum status import_run(struct db *db, FILE *csv, struct import_map *map, const struct import_options *o,
                       const struct import_callbacks *cb, struct import_report *rep)
{
	memset(rep, 0, sizeof *rep);
	enum status s = db_require(db, PERM_PERSON_WRITE);
	if (s != ST_OK)
		return s;
	struct run r = { .c = { .db = db, .map = map, .o = o, .cb = cb }, .rep = rep };
	struct pdate t = clock_today();
	date_to_iso(&t, r.c.today, sizeof r.c.today);
	/* A long transaction keeps what it wrote in the cache: 64 MiB for this
	 * connection rather than SQLite's 2 MiB (two thirds less time reading
	 * pages back from the file at 10,000 rows). */
	sqlite3_stmt *cache = db_stmt(db, "PRAGMA cache_size");
	long long cache_was = cache && sqlite3_step(cache) == SQLITE_ROW ? sqlite3_column_int64(cache, 0) : 0;
	if (cache)
		sqlite3_reset(cache);
	if (cache_was && (cache = db_stmt(db, "PRAGMA cache_size = -65536")))
		db_step_done(cache);
	struct import_csv *in = import_csv_open(csv, o->enc, o->sep);
	if (!in)
		return ST_NOMEM;
	int after = o->resume && o->file_name ? resumed_line(db, o->file_name) : 0;
	rep->resumed_after = after;
	struct import_row row;
	int got;
	bool have_header = false;
	while (s == ST_OK && (got = import_csv_next(in, &row)) > 0) {
		rep->enc = import_csv_encoding(in);
		rep->sep = import_csv_separator(in);
		if (!have_header) {
			have_header = true;
			if (!header(&r, &row)) {
				s = ST_INVALID;
				break;
			}
			continue;
		}
		if (row.line <= after) {
			rep->skipped++;
			continue;
		}
		s = one_row(&r, &row);
		if (cb && cb->progress && rep->rows % IMPORT_PROGRESS_ROWS == 0)
			cb->progress(rep->rows, cb->ctx);
		if (s == ST_OK && o->batch > 0 && r.batch_rows >= o->batch) {
			bool stop = r.batch_rejected > 0 && !o->dry_run;
			s = end_batch(&r);
			if (s == ST_OK && stop)
				break;
		}
	}
	int line;
	const char *err = import_csv_error(in, &line);
	if (s == ST_OK && err) {
		import_problem(&r.c, line, 0, "%s", _(err));
		rep->rejected++;
		r.batch_rejected++;
	}
	if (s == ST_OK && !have_header && !err) {
		import_problem(&r.c, 1, 0, "%s", _("the file is empty: no header row"));
		rep->rejected++;
	}
	import_flush(&r.c);
	enum status e = end_batch(&r);
	if (s == ST_OK)
		s = e;
	if (r.in_txn)
		db_rollback(db);
	/* Nothing is kept for later now: every batch has ended. */
	enum status d = person_search_defer(db, false);
	if (s == ST_OK)
		s = d;
	import_csv_close(&in);
	import_ctx_free(&r.c);
	/* The connection's own size again (a writer of the soak keeps its
	 * connection). */
	if (cache_was && (cache = db_stmt(db, "PRAGMA cache_size = ?1"))) {
		sqlite3_bind_int64(cache, 1, cache_was);
		db_step_done(cache);
	}
	if (s == ST_OK && rep->rejected)
		s = ST_INVALID;
	return s;
}
