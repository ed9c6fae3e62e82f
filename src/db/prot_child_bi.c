/* Best-interests assessments of a child: drafted, changed while a draft,
 * submitted, then approved (the determination) or rejected with a comment
 * by a manager; the list of those waiting for a decision. */
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/jsonbuf.h"
#include "core/prot_vocab.h"
#include "core/vocab.h"
#include "db/audit.h"
#include "db/db_private.h"
#include "db/prot_child.h"
#include "prot_child_private.h"

#define BI_SELECT \
	"SELECT b.id, b.case_id, b.assessed_date, coalesce(ua.display_name, ''), b.findings, b.child_views, " \
	"b.recommendation, b.recommendation_note, b.status, coalesce(b.submitted_at, ''), " \
	"coalesce(b.decided_at, ''), coalesce(ud.display_name, ''), b.decision_comment, b.version " \
	"FROM prot_best_interest b LEFT JOIN app_user ua ON ua.id = b.assessed_by " \
	"LEFT JOIN app_user ud ON ud.id = b.decided_by "

static void read_bi(sqlite3_stmt *st, struct prot_bi *b)
{
	memset(b, 0, sizeof *b);
	b->id = sqlite3_column_int64(st, 0);
	b->case_id = sqlite3_column_int64(st, 1);
	db_column_copy(st, 2, b->assessed_date, sizeof b->assessed_date);
	db_column_copy(st, 3, b->assessor, sizeof b->assessor);
	db_column_copy(st, 4, b->findings, sizeof b->findings);
	db_column_copy(st, 5, b->child_views, sizeof b->child_views);
	db_column_copy(st, 6, b->recommendation, sizeof b->recommendation);
	db_column_copy(st, 7, b->recommendation_note, sizeof b->recommendation_note);
	db_column_copy(st, 8, b->status, sizeof b->status);
	db_column_copy(st, 9, b->submitted_at, sizeof b->submitted_at);
	db_column_copy(st, 10, b->decided_at, sizeof b->decided_at);
	db_column_copy(st, 11, b->decider, sizeof b->decider);
	db_column_copy(st, 12, b->decision_comment, sizeof b->decision_comment);
	b->version = sqlite3_column_int(st, 13);
}

static enum status bi_read(struct db *db, const char *sql, long long id, struct prot_bi *b)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_bi(st, b);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
}

static enum status bi_by_id(struct db *db, long long id, struct prot_bi *b)
{
	return bi_read(db, BI_SELECT "WHERE b.id = ?1", id, b);
}

enum status prot_bi_get(struct db *db, long long id, struct prot_bi *b)
{
	enum status r = db_require(db, PERM_PROTECTION_READ);
	return r != ST_OK ? r : bi_by_id(db, id, b);
}

enum status prot_bi_latest(struct db *db, long long case_id, struct prot_bi *b)
{
	enum status r = db_require(db, PERM_PROTECTION_READ);
	return r != ST_OK ? r : bi_read(db, BI_SELECT "WHERE b.case_id = ?1 ORDER BY b.id DESC LIMIT 1", case_id, b);
}

const char *prot_bi_problem(const struct prot_bi *b, const char *today, const char **field)
{
	if (field)
		*field = NULL;
	if (!pc_day_ok(b->assessed_date, sizeof b->assessed_date, NULL))
		return pc_about(field, "assessed_date", N_("The day of the assessment is not a valid day."));
	if (today && strcmp(b->assessed_date, today) > 0)
		return pc_about(field, "assessed_date", N_("The day of the assessment cannot be in the future."));
	if (!pc_text_fits(b->findings, sizeof b->findings, 2000, true))
		return pc_about(field, "findings", N_("The findings are too long (2000 characters at most)."));
	if (!pc_text_fits(b->child_views, sizeof b->child_views, 1000, true))
		return pc_about(field, "child_views", N_("The child's views are too long (1000 characters at most)."));
	if (!memchr(b->recommendation, '\0', sizeof b->recommendation) ||
	    !vocab_has(VOCAB_PROT_RECOMMENDATION, b->recommendation))
		return pc_about(field, "recommendation", N_("Choose a recommendation."));
	if (!pc_text_fits(b->recommendation_note, sizeof b->recommendation_note, 500, true))
		return pc_about(field, "recommendation_note", N_("The note is too long (500 characters at most)."));
	return NULL;
}

static void fields_json(struct jsonbuf *j, const struct prot_bi *a, const struct prot_bi *b)
{
	jsonbuf_change_str(j, "assessed_date", a->assessed_date, b->assessed_date);
	jsonbuf_change_str(j, "findings", a->findings, b->findings);
	jsonbuf_change_str(j, "child_views", a->child_views, b->child_views);
	jsonbuf_change_str(j, "recommendation", a->recommendation, b->recommendation);
	jsonbuf_change_str(j, "recommendation_note", a->recommendation_note, b->recommendation_note);
}

static enum status add_write(struct db *db, struct prot_bi *b, const char **m, const char **f)
{
	char today[11];
	clock_today_iso(today, sizeof today);
	enum status r = pc_case_exists(db, b->case_id);
	if (r != ST_OK)
		return r;
	sqlite3_stmt *st = db_stmt(db, "SELECT 1 FROM prot_best_interest WHERE case_id = ?1 "
	                               "AND status IN ('draft', 'submitted')");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, b->case_id);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW) {
		*m = pc_about(f, "status", N_("An assessment of this child is already a draft or waits for a decision."));
		return ST_INVALID;
	}
	if (rc != SQLITE_DONE)
		return db_status_of(rc);
	if ((*m = prot_bi_problem(b, today, f)) != NULL)
		return ST_INVALID;
	st = db_stmt(db, "INSERT INTO prot_best_interest (case_id, assessed_date, assessed_by, findings, child_views, "
	                 "recommendation, recommendation_note, status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'draft')");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, b->case_id);
	db_bind_text(st, 2, b->assessed_date);
	pc_bind_actor(db, st, 3);
	db_bind_text(st, 4, b->findings);
	db_bind_text(st, 5, b->child_views);
	db_bind_text(st, 6, b->recommendation);
	db_bind_text(st, 7, b->recommendation_note);
	if ((r = db_step_done(st)) != ST_OK)
		return r;
	b->id = sqlite3_last_insert_rowid(db_sqlite(db));
	b->version = 1;
	struct prot_bi none;
	memset(&none, 0, sizeof none);
	struct jsonbuf j;
	jsonbuf_init(&j);
	jsonbuf_put_int(&j, "case_id", b->case_id);
	jsonbuf_put_str(&j, "status", "draft");
	fields_json(&j, &none, b);
	return audit_log(db, "create", "prot_best_interest", b->id, jsonbuf_text(&j));
}

enum status prot_bi_add(struct db *db, struct prot_bi *b, const char **msgid, const char **field)
{
	const char *m = NULL, *f = NULL;
	enum status r = db_require(db, PERM_PROTECTION_WRITE);
	if (r == ST_OK && (r = db_begin(db)) == ST_OK)
		r = db_finish(db, add_write(db, b, &m, &f));
	if (msgid)
		*msgid = m;
	if (field)
		*field = f;
	return r;
}

static enum status edit_write(struct db *db, struct prot_bi *b, const char **m, const char **f)
{
	struct prot_bi before;
	char today[11];
	clock_today_iso(today, sizeof today);
	enum status r = bi_by_id(db, b->id, &before);
	if (r != ST_OK)
		return r;
	if (before.version != b->version)
		return ST_CONFLICT;
	if (strcmp(before.status, "draft") != 0) {
		*m = pc_about(f, "status", N_("Only a draft assessment can be changed."));
		return ST_INVALID;
	}
	if ((*m = prot_bi_problem(b, today, f)) != NULL)
		return ST_INVALID;
	sqlite3_stmt *st = db_stmt(db, "UPDATE prot_best_interest SET assessed_date = ?2, findings = ?3, "
	                               "child_views = ?4, recommendation = ?5, recommendation_note = ?6, "
	                               "version = version + 1 WHERE id = ?1 AND version = ?7");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, b->id);
	db_bind_text(st, 2, b->assessed_date);
	db_bind_text(st, 3, b->findings);
	db_bind_text(st, 4, b->child_views);
	db_bind_text(st, 5, b->recommendation);
	db_bind_text(st, 6, b->recommendation_note);
	sqlite3_bind_int(st, 7, b->version);
	r = db_step_done(st);
	if (r == ST_OK && sqlite3_changes(db_sqlite(db)) != 1)
		r = ST_CONFLICT;
	if (r != ST_OK)
		return r;
	struct jsonbuf j;
	jsonbuf_init(&j);
	fields_json(&j, &before, b);
	return audit_log(db, "update", "prot_best_interest", b->id, jsonbuf_text(&j));
}

enum status prot_bi_edit(struct db *db, struct prot_bi *b, const char **msgid, const char **field)
{
	const char *m = NULL, *f = NULL;
	enum status r = db_require(db, PERM_PROTECTION_WRITE);
	if (r == ST_OK && (r = db_begin(db)) == ST_OK)
		r = db_finish(db, edit_write(db, b, &m, &f));
	if (r == ST_OK)
		b->version++;
	if (msgid)
		*msgid = m;
	if (field)
		*field = f;
	return r;
}

/* Moves assessment id at version from status from to status to, with the
 * statement sql (?1 id, ?2 version, ?3 the actor, ?4 the comment, ?5 now
 * in seconds, ?6 to). */
static enum status move(struct db *db, long long id, int version, const char *from, const char *to, const char *sql,
                        const char *comment, const char **m)
{
	struct prot_bi before;
	enum status r = bi_by_id(db, id, &before);
	if (r != ST_OK)
		return r;
	if (before.version != version)
		return ST_CONFLICT;
	if (strcmp(before.status, from) != 0) {
		*m = strcmp(from, "draft") == 0 ? N_("Only a draft assessment can be submitted.")
		                                 : N_("Only an assessment waiting for a decision can be decided.");
		return ST_INVALID;
	}
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, version);
	pc_bind_actor(db, st, 3);
	db_bind_text(st, 4, comment ? comment : "");
	sqlite3_bind_int64(st, 5, (long long)clock_now());
	db_bind_text(st, 6, to);
	r = db_step_done(st);
	if (r == ST_OK && sqlite3_changes(db_sqlite(db)) != 1)
		r = ST_CONFLICT;
	if (r != ST_OK)
		return r;
	struct jsonbuf j;
	jsonbuf_init(&j);
	jsonbuf_change_str(&j, "status", from, to);
	if (comment && comment[0])
		jsonbuf_change_str(&j, "decision_comment", before.decision_comment, comment);
	return audit_log(db, "update", "prot_best_interest", id, jsonbuf_text(&j));
}

enum status prot_bi_submit(struct db *db, long long id, int version, const char **msgid)
{
	static const char sql[] = "UPDATE prot_best_interest SET status = 'submitted', "
	                          "submitted_at = strftime('%Y-%m-%dT%H:%M:%SZ', ?5, 'unixepoch'), submitted_by = ?3, "
	                          "version = version + 1 WHERE id = ?1 AND version = ?2 AND ?6 = 'submitted' AND ?4 IS NOT NULL";
	const char *m = NULL;
	enum status r = db_require(db, PERM_PROTECTION_WRITE);
	if (r == ST_OK && (r = db_begin(db)) == ST_OK)
		r = db_finish(db, move(db, id, version, "draft", "submitted", sql, NULL, &m));
	if (msgid)
		*msgid = m;
	return r;
}

enum status prot_bi_decide(struct db *db, long long id, int version, bool approve, const char *comment,
                           const char **msgid, const char **field)
{
	static const char sql[] = "UPDATE prot_best_interest SET status = ?6, decision_comment = ?4, "
	                          "decided_at = strftime('%Y-%m-%dT%H:%M:%SZ', ?5, 'unixepoch'), decided_by = ?3, "
	                          "version = version + 1 WHERE id = ?1 AND version = ?2";
	const char *m = NULL, *f = NULL;
	char c[501 * 4];
	c[0] = '\0';
	if (comment && strlen(comment) < sizeof c)
		memcpy(c, comment, strlen(comment) + 1);
	enum status r = db_require(db, PERM_PROTECTION_APPROVE);
	if (r == ST_OK && comment && (strlen(comment) >= sizeof c || !pc_text_fits(c, sizeof c, 500, true))) {
		m = pc_about(&f, "decision_comment", N_("The comment is too long (500 characters at most)."));
		r = ST_INVALID;
	}
	bool blank = true;
	for (const char *s = c; *s; s++)
		if (*s != ' ' && *s != '\n')
			blank = false;
	if (r == ST_OK && !approve && blank) {
		m = pc_about(&f, "decision_comment", N_("Say why the assessment is rejected."));
		r = ST_INVALID;
	}
	if (r == ST_OK && (r = db_begin(db)) == ST_OK)
		r = db_finish(db, move(db, id, version, "submitted", approve ? "approved" : "rejected", sql, c, &m));
	if (msgid)
		*msgid = m;
	if (field)
		*field = f;
	return r;
}

enum status prot_bi_waiting_list(struct db *db, enum page_dir dir, const struct prot_bi_waiting *key, int limit,
                                 void (*cb)(const struct prot_bi_waiting *w, void *ctx), void *ctx, bool *more)
{
#define WAIT_SELECT \
	"SELECT b.id, b.case_id, c.person_id, pe.family_name || ' ' || pe.given_names, b.assessed_date, " \
	"b.recommendation, b.submitted_at, b.version FROM prot_best_interest b " \
	"JOIN prot_case c ON c.id = b.case_id JOIN person pe ON pe.id = c.person_id WHERE b.status = 'submitted' "
	static const char after[] = WAIT_SELECT "AND (b.submitted_at, b.id) > (?1, ?2) "
	                                        "ORDER BY b.submitted_at, b.id LIMIT ?3";
	static const char before[] = WAIT_SELECT "AND (b.submitted_at, b.id) < (?1, ?2) "
	                                         "ORDER BY b.submitted_at DESC, b.id DESC LIMIT ?3";
#undef WAIT_SELECT
	bool dummy;
	if (!more)
		more = &dummy;
	*more = false;
	enum status r = db_require(db, PERM_PROTECTION_READ);
	if (r != ST_OK || limit <= 0)
		return r;
	bool back = dir == PAGE_BEFORE;
	sqlite3_stmt *st = db_stmt(db, back ? before : after);
	if (!st)
		return ST_INTERNAL;
	db_bind_text(st, 1, key ? key->submitted_at : back ? "~" : "");
	sqlite3_bind_int64(st, 2, key ? key->bi_id : 0);
	sqlite3_bind_int(st, 3, limit + 1);
	struct prot_bi_waiting *rows = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((int)n == limit) {
			*more = true;
			break;
		}
		struct prot_bi_waiting *w = db_grow((void **)&rows, &n, &cap, sizeof *rows);
		if (!w) {
			rc = SQLITE_NOMEM;
			break;
		}
		memset(w, 0, sizeof *w);
		w->bi_id = sqlite3_column_int64(st, 0);
		w->case_id = sqlite3_column_int64(st, 1);
		w->person_id = sqlite3_column_int64(st, 2);
		db_column_copy(st, 3, w->person, sizeof w->person);
		db_column_copy(st, 4, w->assessed_date, sizeof w->assessed_date);
		db_column_copy(st, 5, w->recommendation, sizeof w->recommendation);
		db_column_copy(st, 6, w->submitted_at, sizeof w->submitted_at);
		w->version = sqlite3_column_int(st, 7);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		free(rows);
		return db_status_of(rc);
	}
	for (size_t i = 0; cb && i < n; i++)
		cb(&rows[back ? n - 1 - i : i], ctx);
	free(rows);
	return ST_OK;
}
