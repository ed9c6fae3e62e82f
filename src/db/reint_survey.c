/* The sustainability survey's versions: listing, reading one with its
 * questions and answers, the version in force on a day, the rules of a
 * version, making a new version from another and changing one that no
 * visit used. A visit's answers and scores are in reint_survey_answer.c. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/i18n.h"
#include "core/jsonbuf.h"
#include "core/text.h"
#include "db/audit.h"
#include "db/db_private.h"
#include "db/reint_survey.h"
#include "db/reint_survey_private.h"
#include "reint_private.h"

static const char *const dims[] = { "economic", "social", "psychosocial" };

const char *reint_dim_code(int d)
{
	return d >= 0 && d < 3 ? dims[d] : "";
}

int reint_dim_of(const char *code)
{
	for (int d = 0; d < 3; d++)
		if (code && strcmp(code, dims[d]) == 0)
			return d;
	return -1;
}

enum status reint_survey_require(struct db *db, enum perm a, enum perm b)
{
	if (perm_allows(db_actor(db)->role, b))
		return ST_OK;
	return db_require(db, a);
}

void reint_survey_num(char *out, size_t size, double v)
{
	snprintf(out, size, "%.4g", v);
}

#define VERSION_SELECT \
	"SELECT s.id, s.version, s.valid_from, s.description, s.w_economic, s.w_social, s.w_psychosocial, " \
	"coalesce(s.changed, ''), (SELECT count(*) FROM reint_survey_question q WHERE q.survey_id = s.id), " \
	"(SELECT count(*) FROM reint_visit v WHERE v.survey_id = s.id) FROM reint_survey s "

static void read_version(sqlite3_stmt *st, struct reint_survey_version *v)
{
	memset(v, 0, sizeof *v);
	v->id = sqlite3_column_int64(st, 0);
	v->version = sqlite3_column_int(st, 1);
	db_column_copy(st, 2, v->valid_from, sizeof v->valid_from);
	db_column_copy(st, 3, v->description, sizeof v->description);
	for (int d = 0; d < 3; d++)
		v->weight[d] = sqlite3_column_double(st, 4 + d);
	db_column_copy(st, 7, v->changed, sizeof v->changed);
	v->questions = sqlite3_column_int(st, 8);
	v->visits = sqlite3_column_int(st, 9);
}

enum status reint_survey_list(struct db *db, enum page_dir dir, int key, int limit,
                              void (*cb)(const struct reint_survey_version *v, void *ctx), void *ctx, bool *more)
{
	static const char after[] = VERSION_SELECT "WHERE s.version < ?1 ORDER BY s.version DESC LIMIT ?2";
	static const char before[] = VERSION_SELECT "WHERE s.version > ?1 ORDER BY s.version LIMIT ?2";
	bool dummy;
	if (!more)
		more = &dummy;
	*more = false;
	enum status r = reint_survey_require(db, PERM_REINTEGRATION_READ, PERM_REFDATA);
	if (r != ST_OK || limit <= 0)
		return r;
	sqlite3_stmt *st = db_stmt(db, dir == PAGE_BEFORE ? before : after);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int(st, 1, key > 0 ? key : dir == PAGE_BEFORE ? 0 : 0x7fffffff);
	sqlite3_bind_int(st, 2, limit + 1);
	struct reint_survey_version *rows = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((int)n == limit) {
			*more = true;
			break;
		}
		struct reint_survey_version *v = db_grow((void **)&rows, &n, &cap, sizeof *rows);
		if (!v) {
			rc = SQLITE_NOMEM;
			break;
		}
		read_version(st, v);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		free(rows);
		return db_status_of(rc);
	}
	for (size_t i = 0; cb && i < n; i++)
		cb(&rows[dir == PAGE_BEFORE ? n - 1 - i : i], ctx);
	free(rows);
	return ST_OK;
}

static enum status read_options(struct db *db, long long question, bool fr, struct reint_survey_question *q)
{
	static const char sql[] = "SELECT code, text_en, text_fr, score FROM reint_survey_option "
	                          "WHERE question_id = ?1 ORDER BY position, id";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, question);
	int rc;
	q->n_options = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && q->n_options < REINT_SURVEY_OPTIONS_MAX) {
		struct reint_survey_option *o = &q->option[q->n_options++];
		db_column_copy(st, 0, o->code, sizeof o->code);
		db_column_copy(st, fr ? 2 : 1, o->text, sizeof o->text);
		o->score = sqlite3_column_double(st, 3);
	}
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return ST_INTERNAL;   /* more answers than this program can show */
	return rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
}

enum status reint_survey_read(struct db *db, long long id, const char *lang, struct reint_survey *out)
{
	static const char one[] = VERSION_SELECT "WHERE s.id = ?1";
	static const char questions[] = "SELECT id, code, dimension, text_en, text_fr, weight FROM reint_survey_question "
	                                "WHERE survey_id = ?1 ORDER BY position, id";
	bool fr = lang && strcmp(lang, "fr") == 0;
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt(db, one);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_version(st, &out->v);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
	if (!(st = db_stmt(db, questions)))
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	long long qid[REINT_SURVEY_QUESTIONS_MAX];
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && out->n < REINT_SURVEY_QUESTIONS_MAX) {
		struct reint_survey_question *q = &out->q[out->n];
		qid[out->n++] = sqlite3_column_int64(st, 0);
		db_column_copy(st, 1, q->code, sizeof q->code);
		q->dim = reint_dim_of((const char *)sqlite3_column_text(st, 2));
		db_column_copy(st, fr ? 4 : 3, q->text, sizeof q->text);
		q->weight = sqlite3_column_double(st, 5);
	}
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return ST_INTERNAL;   /* more questions than this program can show */
	if (rc != SQLITE_DONE)
		return db_status_of(rc);
	enum status r = ST_OK;
	for (int i = 0; i < out->n && r == ST_OK; i++)
		r = read_options(db, qid[i], fr, &out->q[i]);
	return r;
}

enum status reint_survey_get(struct db *db, long long id, const char *lang, struct reint_survey *out)
{
	enum status r = reint_survey_require(db, PERM_REINTEGRATION_READ, PERM_REFDATA);
	if (r != ST_OK) {
		memset(out, 0, sizeof *out);
		return r;
	}
	return reint_survey_read(db, id, lang, out);
}

enum status reint_survey_in_force_read(struct db *db, const char *day, long long *id)
{
	/* The latest start not after day; before every start, the first. */
	static const char sql[] =
		"SELECT id FROM reint_survey ORDER BY valid_from <= ?1 DESC, "
		"CASE WHEN valid_from <= ?1 THEN valid_from END DESC, "
		"CASE WHEN valid_from <= ?1 THEN version END DESC, valid_from, version LIMIT 1";
	*id = 0;
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	db_bind_text(st, 1, day ? day : "");
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
}

enum status reint_survey_in_force(struct db *db, const char *day, long long *id)
{
	*id = 0;
	enum status r = reint_survey_require(db, PERM_REINTEGRATION_READ, PERM_REFDATA);
	return r != ST_OK ? r : reint_survey_in_force_read(db, day, id);
}

enum status reint_survey_latest(struct db *db, long long *id)
{
	static const char sql[] = "SELECT id FROM reint_survey ORDER BY version DESC LIMIT 1";
	*id = 0;
	enum status r = reint_survey_require(db, PERM_REINTEGRATION_READ, PERM_REFDATA);
	if (r != ST_OK)
		return r;
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
}

#define about reint_about

const char *reint_survey_problem(const struct reint_survey *s, const char **field)
{
	if (field)
		*field = NULL;
	if (!memchr(s->v.valid_from, '\0', sizeof s->v.valid_from) || !date_is_day(s->v.valid_from))
		return about(field, "valid_from", N_("The first day it is in force is not a valid day."));
	if (!reint_text_fits(s->v.description, sizeof s->v.description, 200, false))
		return about(field, "description", N_("The description is too long (200 characters at most)."));
	double sum = 0;
	for (int d = 0; d < 3; d++) {
		/* Written so that NaN fails too. */
		if (!(s->v.weight[d] >= 0 && s->v.weight[d] <= REINT_SURVEY_WEIGHT_MAX))
			return about(field, "weight", N_("A dimension's weight is a number from 0 to 100."));
		sum += s->v.weight[d];
	}
	if (!(sum > 0))
		return about(field, "weight", N_("At least one dimension needs a weight above 0."));
	if (s->n < 0 || s->n > REINT_SURVEY_QUESTIONS_MAX)
		return about(field, "weight", N_("The version has no questions."));
	for (int i = 0; i < s->n; i++) {
		const struct reint_survey_question *q = &s->q[i];
		if (!(q->weight > 0 && q->weight <= REINT_SURVEY_WEIGHT_MAX))
			return about(field, q->code, N_("A question's weight is a number above 0, up to 100."));
		for (int k = 0; k < q->n_options && k < REINT_SURVEY_OPTIONS_MAX; k++)
			if (!(q->option[k].score >= 0 && q->option[k].score <= 1))
				return about(field, q->code, N_("An answer's score is a number from 0 to 1."));
	}
	return NULL;
}

/* The msgid when s does not have exactly the questions and answers of
 * stored (by code), NULL when it does. */
static const char *same_codes(const struct reint_survey *stored, const struct reint_survey *s, const char **field)
{
	if (s->n != stored->n)
		return about(field, "weight", N_("The version's questions are not those of the version it comes from."));
	for (int i = 0; i < s->n; i++) {
		const struct reint_survey_question *a = &s->q[i], *b = &stored->q[i];
		if (strcmp(a->code, b->code) != 0 || a->n_options != b->n_options)
			return about(field, a->code,
			             N_("The version's questions are not those of the version it comes from."));
		for (int k = 0; k < a->n_options; k++)
			if (strcmp(a->option[k].code, b->option[k].code) != 0)
				return about(field, a->code,
				             N_("The version's questions are not those of the version it comes from."));
	}
	return NULL;
}

/* Adds to j the fields of s (before NULL) or those that changed. */
static void version_json(struct jsonbuf *j, const struct reint_survey *before, const struct reint_survey *s)
{
	char a[32], b[32], key[80];
	if (before) {
		jsonbuf_change_str(j, "valid_from", before->v.valid_from, s->v.valid_from);
		jsonbuf_change_str(j, "description", before->v.description, s->v.description);
	} else {
		jsonbuf_put_int(j, "version", s->v.version);
		jsonbuf_put_str(j, "valid_from", s->v.valid_from);
		jsonbuf_put_str(j, "description", s->v.description);
	}
	for (int d = 0; d < 3; d++) {
		snprintf(key, sizeof key, "w_%s", dims[d]);
		reint_survey_num(b, sizeof b, s->v.weight[d]);
		if (before) {
			reint_survey_num(a, sizeof a, before->v.weight[d]);
			jsonbuf_change_str(j, key, a, b);
		} else {
			jsonbuf_put_str(j, key, b);
		}
	}
	for (int i = 0; i < s->n; i++) {
		const struct reint_survey_question *q = &s->q[i];
		snprintf(key, sizeof key, "%s", q->code);
		reint_survey_num(b, sizeof b, q->weight);
		if (before) {
			reint_survey_num(a, sizeof a, before->q[i].weight);
			jsonbuf_change_str(j, key, a, b);
		} else {
			jsonbuf_put_str(j, key, b);
		}
		for (int k = 0; k < q->n_options; k++) {
			snprintf(key, sizeof key, "%s.%s", q->code, q->option[k].code);
			reint_survey_num(b, sizeof b, q->option[k].score);
			if (before) {
				reint_survey_num(a, sizeof a, before->q[i].option[k].score);
				jsonbuf_change_str(j, key, a, b);
			} else {
				jsonbuf_put_str(j, key, b);
			}
		}
	}
}

static enum status read_changed(struct db *db, long long id, char *out, size_t size)
{
	static const char sql[] = "SELECT coalesce(changed, '') FROM reint_survey WHERE id = ?1";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		db_column_copy(st, 0, out, size);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
}

/* Writes the question weights and answer scores of s into version id
 * (copied from version from when from is not 0). */
static enum status write_items(struct db *db, long long id, long long from, const struct reint_survey *s)
{
	static const char copy_q[] =
		"INSERT INTO reint_survey_question (survey_id, code, dimension, position, text_en, text_fr, weight) "
		"SELECT ?1, code, dimension, position, text_en, text_fr, ?3 FROM reint_survey_question "
		"WHERE survey_id = ?2 AND code = ?4";
	static const char copy_o[] =
		"INSERT INTO reint_survey_option (question_id, code, position, text_en, text_fr, score) "
		"SELECT (SELECT id FROM reint_survey_question WHERE survey_id = ?1 AND code = ?4), code, position, "
		"text_en, text_fr, ?3 FROM reint_survey_option "
		"WHERE question_id = (SELECT id FROM reint_survey_question WHERE survey_id = ?2 AND code = ?4) "
		"AND code = ?5";
	static const char set_q[] = "UPDATE reint_survey_question SET weight = ?3 WHERE survey_id = ?1 AND code = ?4";
	static const char set_o[] =
		"UPDATE reint_survey_option SET score = ?3 WHERE question_id = (SELECT id FROM reint_survey_question "
		"WHERE survey_id = ?1 AND code = ?4) AND code = ?5";
	for (int i = 0; i < s->n; i++) {
		const struct reint_survey_question *q = &s->q[i];
		for (int k = -1; k < q->n_options; k++) {
			sqlite3_stmt *st = db_stmt(db, k < 0 ? (from ? copy_q : set_q) : (from ? copy_o : set_o));
			if (!st)
				return ST_INTERNAL;
			sqlite3_bind_int64(st, 1, id);
			sqlite3_bind_int64(st, 2, from);
			sqlite3_bind_double(st, 3, k < 0 ? q->weight : q->option[k].score);
			db_bind_text(st, 4, q->code);
			if (k >= 0)
				db_bind_text(st, 5, q->option[k].code);
			enum status r = db_step_done(st);
			if (r != ST_OK)
				return r;
			if (sqlite3_changes(db_sqlite(db)) != 1)
				return ST_INTERNAL;
		}
	}
	return ST_OK;
}

static void bind_version(sqlite3_stmt *st, const struct reint_survey *s)
{
	db_bind_text(st, 2, s->v.valid_from);
	db_bind_text(st, 3, s->v.description);
	for (int d = 0; d < 3; d++)
		sqlite3_bind_double(st, 4 + d, s->v.weight[d]);
}

static enum status create_in(struct db *db, long long from_id, struct reint_survey *s, const char **m,
                             const char **f)
{
	static const char newest[] = "SELECT coalesce(max(version), 0), coalesce(max(valid_from), '') FROM reint_survey";
	static const char insert[] =
		"INSERT INTO reint_survey (version, valid_from, description, w_economic, w_social, w_psychosocial, "
		"created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
	struct reint_survey *from = malloc(sizeof *from);
	if (!from)
		return ST_INTERNAL;
	enum status r = reint_survey_read(db, from_id, "en", from);
	if (r == ST_OK && (*m = same_codes(from, s, f)) != NULL)
		r = ST_INVALID;
	free(from);
	if (r != ST_OK)
		return r;
	sqlite3_stmt *st = db_stmt(db, newest);
	if (!st)
		return ST_INTERNAL;
	int rc = sqlite3_step(st), version = 0;
	char latest[11] = "";
	if (rc == SQLITE_ROW) {
		version = sqlite3_column_int(st, 0) + 1;
		db_column_copy(st, 1, latest, sizeof latest);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return db_status_of(rc);
	if (strcmp(s->v.valid_from, latest) < 0) {
		*m = about(f, "valid_from", N_("A new version cannot be in force before the newest one."));
		return ST_INVALID;
	}
	if (!(st = db_stmt(db, insert)))
		return ST_INTERNAL;
	sqlite3_bind_int(st, 1, version);
	bind_version(st, s);
	if (db_actor(db)->user_id > 0)
		sqlite3_bind_int64(st, 7, db_actor(db)->user_id);
	if ((r = db_step_done(st)) != ST_OK)
		return r;
	s->v.id = sqlite3_last_insert_rowid(db_sqlite(db));
	s->v.version = version;
	if ((r = write_items(db, s->v.id, from_id, s)) != ST_OK)
		return r;
	if ((r = read_changed(db, s->v.id, s->v.changed, sizeof s->v.changed)) != ST_OK)
		return r;
	struct jsonbuf j;
	jsonbuf_init(&j);
	jsonbuf_put_int(&j, "from_survey", from_id);
	version_json(&j, NULL, s);
	return audit_log(db, "create", "reint_survey", s->v.id, jsonbuf_text(&j));
}

enum status reint_survey_create(struct db *db, long long from_id, struct reint_survey *s, const char **msgid,
                                const char **field)
{
	const char *m = NULL, *f = NULL;
	enum status r = db_require(db, PERM_REFDATA);
	long long id = s->v.id;
	int version = s->v.version;
	if (r == ST_OK && (m = reint_survey_problem(s, &f)) != NULL)
		r = ST_INVALID;
	if (r == ST_OK && (r = db_begin(db)) == ST_OK) {
		r = db_finish(db, create_in(db, from_id, s, &m, &f));
		if (r != ST_OK) {
			s->v.id = id;
			s->v.version = version;
		}
	}
	if (msgid)
		*msgid = m;
	if (field)
		*field = f;
	return r;
}

static enum status update_in(struct db *db, struct reint_survey *s, const char **m, const char **f)
{
	static const char sql[] = "UPDATE reint_survey SET valid_from = ?2, description = ?3, w_economic = ?4, "
	                          "w_social = ?5, w_psychosocial = ?6 WHERE id = ?1 AND coalesce(changed, '') = ?7";
	struct reint_survey *before = malloc(sizeof *before);
	if (!before)
		return ST_INTERNAL;
	enum status r = reint_survey_read(db, s->v.id, "en", before);
	if (r == ST_OK && strcmp(before->v.changed, s->v.changed) != 0)
		r = ST_CONFLICT;
	if (r == ST_OK && before->v.visits > 0) {
		*m = about(f, "weight", N_("Visits were scored with this version: make a new version instead."));
		r = ST_INVALID;
	}
	if (r == ST_OK && (*m = same_codes(before, s, f)) != NULL)
		r = ST_INVALID;
	sqlite3_stmt *st = r == ST_OK ? db_stmt(db, sql) : NULL;
	if (r == ST_OK && !st)
		r = ST_INTERNAL;
	if (r == ST_OK) {
		sqlite3_bind_int64(st, 1, s->v.id);
		bind_version(st, s);
		db_bind_text(st, 7, s->v.changed);
		if ((r = db_step_done(st)) == ST_OK && sqlite3_changes(db_sqlite(db)) != 1)
			r = ST_CONFLICT;
	}
	if (r == ST_OK)
		r = write_items(db, s->v.id, 0, s);
	if (r == ST_OK) {
		struct jsonbuf j;
		jsonbuf_init(&j);
		version_json(&j, before, s);
		r = audit_log(db, "update", "reint_survey", s->v.id, jsonbuf_text(&j));
	}
	free(before);
	return r == ST_OK ? read_changed(db, s->v.id, s->v.changed, sizeof s->v.changed) : r;
}

enum status reint_survey_update(struct db *db, struct reint_survey *s, const char **msgid, const char **field)
{
	const char *m = NULL, *f = NULL;
	enum status r = db_require(db, PERM_REFDATA);
	char changed[sizeof s->v.changed];
	memcpy(changed, s->v.changed, sizeof changed);
	if (r == ST_OK && (m = reint_survey_problem(s, &f)) != NULL)
		r = ST_INVALID;
	if (r == ST_OK && (r = db_begin(db)) == ST_OK) {
		r = db_finish(db, update_in(db, s, &m, &f));
		if (r != ST_OK)
			memcpy(s->v.changed, changed, sizeof changed);
	}
	if (msgid)
		*msgid = m;
	if (field)
		*field = f;
	return r;
}
