/* A visit's survey answers: reading them, saving them under the version in
 * force on the visit's day, the visit's scores under any version with what
 * each question gave, and the mean scores at baseline and at the latest
 * visit for the figures. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/jsonbuf.h"
#include "db/audit.h"
#include "db/db_private.h"
#include "db/reint_survey.h"
#include "db/reint_survey_private.h"

static enum status visit_read(struct db *db, long long visit_id, struct reint_visit_survey *out)
{
	static const char visit[] = "SELECT kind, status, coalesce(done_date, due_date), version, "
	                            "coalesce(survey_id, 0) FROM reint_visit WHERE id = ?1";
	static const char answers[] = "SELECT question_code, option_code FROM reint_visit_answer WHERE visit_id = ?1 "
	                              "ORDER BY id";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt(db, visit);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, visit_id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->visit_id = visit_id;
		db_column_copy(st, 0, out->kind, sizeof out->kind);
		db_column_copy(st, 1, out->status, sizeof out->status);
		db_column_copy(st, 2, out->day, sizeof out->day);
		out->version = sqlite3_column_int(st, 3);
		out->survey_id = sqlite3_column_int64(st, 4);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
	if (!(st = db_stmt(db, answers)))
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, visit_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && out->n < REINT_SURVEY_QUESTIONS_MAX) {
		db_column_copy(st, 0, out->answer[out->n].question, sizeof out->answer[0].question);
		db_column_copy(st, 1, out->answer[out->n].option, sizeof out->answer[0].option);
		out->n++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_status_of(rc);
	out->answer_with = out->survey_id;
	return out->survey_id ? ST_OK : reint_survey_in_force_read(db, out->day, &out->answer_with);
}

enum status reint_visit_survey_get(struct db *db, long long visit_id, struct reint_visit_survey *out)
{
	enum status r = db_require(db, PERM_REINTEGRATION_READ);
	if (r != ST_OK) {
		memset(out, 0, sizeof *out);
		return r;
	}
	return visit_read(db, visit_id, out);
}

/* The answer to question code among answer[n], or NULL. */
static const struct reint_answer *answer_to(const struct reint_answer *answer, int n, const char *code)
{
	for (int i = 0; i < n; i++)
		if (strcmp(answer[i].question, code) == 0)
			return &answer[i];
	return NULL;
}

/* The msgid of the first problem of answer[n] against version s; *bad the
 * index of its question (-1 when about no question of s). */
static const char *answers_problem(const struct reint_survey *s, const struct reint_answer *answer, int n, int *bad)
{
	*bad = -1;
	for (int i = 0; i < s->n; i++) {
		const struct reint_answer *a = answer_to(answer, n, s->q[i].code);
		*bad = i;
		if (!a || !a->option[0])
			return N_("Answer every question.");
		bool known = false;
		for (int k = 0; k < s->q[i].n_options; k++)
			known = known || strcmp(s->q[i].option[k].code, a->option) == 0;
		if (!known)
			return N_("Choose one of the question's answers.");
	}
	*bad = -1;
	for (int i = 0; i < n; i++) {
		bool asked = false;
		for (int k = 0; k < s->n; k++)
			asked = asked || strcmp(s->q[k].code, answer[i].question) == 0;
		if (!asked || answer_to(answer, i, answer[i].question))
			return N_("An answer is for a question that this version does not ask.");
	}
	return NULL;
}

static enum status answers_write(struct db *db, long long visit_id, long long survey_id,
                                 const struct reint_visit_survey *before, const struct reint_survey *s,
                                 const struct reint_answer *answer, int n)
{
	static const char upsert[] =
		"INSERT INTO reint_visit_answer (visit_id, question_code, option_code) VALUES (?1, ?2, ?3) "
		"ON CONFLICT (visit_id, question_code) DO UPDATE SET option_code = excluded.option_code "
		"WHERE option_code IS NOT excluded.option_code";
	static const char drop[] =
		"DELETE FROM reint_visit_answer WHERE visit_id = ?1 AND question_code NOT IN "
		"(SELECT code FROM reint_survey_question WHERE survey_id = ?2)";
	static const char visit[] = "UPDATE reint_visit SET survey_id = ?2, version = version + 1 "
	                            "WHERE id = ?1 AND version = ?3";
	enum status r = ST_OK;
	for (int i = 0; i < n && r == ST_OK; i++) {
		sqlite3_stmt *st = db_stmt(db, upsert);
		if (!st)
			return ST_INTERNAL;
		sqlite3_bind_int64(st, 1, visit_id);
		db_bind_text(st, 2, answer[i].question);
		db_bind_text(st, 3, answer[i].option);
		r = db_step_done(st);
	}
	sqlite3_stmt *st = r == ST_OK ? db_stmt(db, drop) : NULL;
	if (r != ST_OK || !st)
		return r != ST_OK ? r : ST_INTERNAL;
	sqlite3_bind_int64(st, 1, visit_id);
	sqlite3_bind_int64(st, 2, survey_id);
	if ((r = db_step_done(st)) != ST_OK)
		return r;
	if (!(st = db_stmt(db, visit)))
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, visit_id);
	sqlite3_bind_int64(st, 2, survey_id);
	sqlite3_bind_int(st, 3, before->version);
	if ((r = db_step_done(st)) != ST_OK)
		return r;
	if (sqlite3_changes(db_sqlite(db)) != 1)
		return ST_CONFLICT;
	struct jsonbuf j;
	jsonbuf_init(&j);
	jsonbuf_change_int(&j, "survey_id", before->survey_id, survey_id);
	for (int i = 0; i < s->n; i++) {
		const struct reint_answer *a = answer_to(before->answer, before->n, s->q[i].code);
		const struct reint_answer *b = answer_to(answer, n, s->q[i].code);
		jsonbuf_change_str(&j, s->q[i].code, a ? a->option : "", b ? b->option : "");
	}
	for (int i = 0; i < before->n; i++)
		if (!answer_to(answer, n, before->answer[i].question))
			jsonbuf_change_str(&j, before->answer[i].question, before->answer[i].option, "");
	return audit_log(db, "update", "reint_visit_answer", visit_id, jsonbuf_text(&j));
}

static enum status answers_save_in(struct db *db, long long visit_id, int version, long long survey_id,
                                   const struct reint_answer *answer, int n, const char **m, int *bad)
{
	struct reint_visit_survey before;
	enum status r = visit_read(db, visit_id, &before);
	if (r != ST_OK)
		return r;
	if (before.version != version || before.answer_with != survey_id)
		return ST_CONFLICT;
	if (strcmp(before.status, "done") != 0) {
		*m = N_("Record the visit as done before its survey.");
		return ST_INVALID;
	}
	struct reint_survey *s = malloc(sizeof *s);
	if (!s)
		return ST_INTERNAL;
	r = reint_survey_read(db, survey_id, "en", s);
	if (r == ST_OK && (*m = answers_problem(s, answer, n, bad)) != NULL)
		r = ST_INVALID;
	if (r == ST_OK)
		r = answers_write(db, visit_id, survey_id, &before, s, answer, n);
	free(s);
	return r;
}

enum status reint_visit_answers_save(struct db *db, long long visit_id, int *version, long long survey_id,
                                     const struct reint_answer *answer, int n, const char **msgid, int *missing)
{
	const char *m = NULL;
	int bad = -1;
	enum status r = db_require(db, PERM_REINTEGRATION_WRITE);
	if (r == ST_OK && (n < 0 || n > REINT_SURVEY_QUESTIONS_MAX || (n > 0 && !answer))) {
		m = N_("Answer every question.");
		r = ST_INVALID;
	}
	if (r == ST_OK && (r = db_begin(db)) == ST_OK) {
		r = db_finish(db, answers_save_in(db, visit_id, *version, survey_id, answer, n, &m, &bad));
		if (r == ST_OK)
			(*version)++;
	}
	if (msgid)
		*msgid = m;
	if (missing)
		*missing = bad;
	return r;
}

void reint_scores_compute(struct reint_scores *s)
{
	double sum[3] = { 0, 0, 0 }, weight[3] = { 0, 0, 0 };
	for (int i = 0; i < s->n && i < REINT_SURVEY_QUESTIONS_MAX; i++) {
		const struct reint_score_line *l = &s->line[i];
		if (!l->answered || l->dim < 0 || l->dim >= 3)
			continue;
		sum[l->dim] += l->weight * l->score;
		weight[l->dim] += l->weight;
	}
	double total = 0, wsum = 0;
	for (int d = 0; d < 3; d++) {
		s->known[d] = weight[d] > 0;
		s->score[d] = s->known[d] ? sum[d] / weight[d] : 0;
		if (s->known[d]) {
			total += s->weight[d] * s->score[d];
			wsum += s->weight[d];
		}
	}
	s->known[REINT_COMPOSITE] = wsum > 0;
	s->score[REINT_COMPOSITE] = wsum > 0 ? total / wsum : 0;
}

/* Fills out from version s and the visit's answers. */
static void score_lines(const struct reint_survey *s, const struct reint_visit_survey *v, struct reint_scores *out)
{
	out->survey_id = s->v.id;
	out->version = s->v.version;
	for (int d = 0; d < 3; d++)
		out->weight[d] = s->v.weight[d];
	out->n = s->n;
	for (int i = 0; i < s->n; i++) {
		const struct reint_survey_question *q = &s->q[i];
		struct reint_score_line *l = &out->line[i];
		snprintf(l->code, sizeof l->code, "%s", q->code);
		snprintf(l->question, sizeof l->question, "%s", q->text);
		l->dim = q->dim;
		l->weight = q->weight;
		const struct reint_answer *a = answer_to(v->answer, v->n, q->code);
		for (int k = 0; a && k < q->n_options; k++)
			if (strcmp(q->option[k].code, a->option) == 0) {
				l->answered = true;
				l->score = q->option[k].score;
				snprintf(l->answer, sizeof l->answer, "%s", q->option[k].text);
			}
	}
	reint_scores_compute(out);
}

enum status reint_visit_scores(struct db *db, long long visit_id, long long survey_id, const char *lang,
                               struct reint_scores *out)
{
	memset(out, 0, sizeof *out);
	enum status r = db_require(db, PERM_REINTEGRATION_READ);
	struct reint_visit_survey v;
	if (r == ST_OK)
		r = visit_read(db, visit_id, &v);
	if (r == ST_OK && !survey_id && !(survey_id = v.survey_id))
		r = ST_NOT_FOUND;
	struct reint_survey *s = r == ST_OK ? malloc(sizeof *s) : NULL;
	if (r == ST_OK && !s)
		r = ST_INTERNAL;
	if (r == ST_OK && (r = reint_survey_read(db, survey_id, lang, s)) == ST_OK)
		score_lines(s, &v, out);
	free(s);
	return r;
}

/* Adds the visit's dimension scores (known[d] false when none) to m. */
static void mean_add(struct reint_score_mean *m, const double *w, const double *score, const bool *known)
{
	double total = 0, wsum = 0;
	for (int d = 0; d < 3; d++)
		if (known[d]) {
			m->mean[d] += score[d];
			m->known[d]++;
			total += w[d] * score[d];
			wsum += w[d];
		}
	if (wsum > 0) {
		m->mean[REINT_COMPOSITE] += total / wsum;
		m->known[REINT_COMPOSITE]++;
	}
	m->visits++;
}

/* Reads the rows (visit, dimension, score) of st into m, one visit at a
 * time, then turns the sums into means. */
static enum status mean_of(sqlite3_stmt *st, const double *w, struct reint_score_mean *m)
{
	long long current = 0;
	double score[3] = { 0, 0, 0 };
	bool known[3] = { false, false, false };
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		long long visit = sqlite3_column_int64(st, 0);
		if (visit != current && current)
			mean_add(m, w, score, known);
		if (visit != current) {
			current = visit;
			memset(known, 0, sizeof known);
		}
		int d = reint_dim_of((const char *)sqlite3_column_text(st, 1));
		if (d >= 0) {
			known[d] = true;
			score[d] = sqlite3_column_double(st, 2);
		}
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_status_of(rc);
	if (current)
		mean_add(m, w, score, known);
	for (int d = 0; d < REINT_SCORES; d++)
		m->mean[d] = m->known[d] ? m->mean[d] / m->known[d] : 0;
	return ST_OK;
}

#define MEAN_SELECT \
	"SELECT v.id, q.dimension, sum(q.weight * o.score) / sum(q.weight) FROM reint_visit v " \
	"JOIN reint_case c ON c.id = v.case_id JOIN reint_visit_answer a ON a.visit_id = v.id " \
	"JOIN reint_survey_question q ON q.survey_id = ?1 AND q.code = a.question_code " \
	"JOIN reint_survey_option o ON o.question_id = q.id AND o.code = a.option_code " \
	"WHERE v.status = 'done' AND v.done_date BETWEEN ?2 AND ?3 AND (?4 = '' OR c.country = ?4) "

enum status reint_score_means(struct db *db, const char *from, const char *to, const char *country,
                              long long survey_id, struct reint_score_means *out)
{
	static const char baseline[] = MEAN_SELECT "AND v.kind = 'baseline' GROUP BY v.id, q.dimension ORDER BY v.id";
	/* The case's latest follow-up visit done in the period with answers. */
	static const char latest[] = MEAN_SELECT
		"AND v.kind != 'baseline' AND NOT EXISTS (SELECT 1 FROM reint_visit l WHERE l.case_id = v.case_id "
		"AND l.kind != 'baseline' AND l.status = 'done' AND l.done_date BETWEEN ?2 AND ?3 "
		"AND (l.done_date, l.id) > (v.done_date, v.id) "
		"AND EXISTS (SELECT 1 FROM reint_visit_answer x WHERE x.visit_id = l.id)) "
		"GROUP BY v.id, q.dimension ORDER BY v.id";
	static const char newest[] = "SELECT id FROM reint_survey ORDER BY version DESC LIMIT 1";
	memset(out, 0, sizeof *out);
	enum status r = reint_survey_require(db, PERM_REINTEGRATION_READ, PERM_REPORTS);
	if (r != ST_OK)
		return r;
	sqlite3_stmt *st;
	if (!survey_id) {
		if (!(st = db_stmt(db, newest)))
			return ST_INTERNAL;
		if (sqlite3_step(st) == SQLITE_ROW)
			survey_id = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
	}
	struct reint_survey_version v;
	{
		struct reint_survey *s = malloc(sizeof *s);
		if (!s)
			return ST_INTERNAL;
		r = reint_survey_read(db, survey_id, "en", s);
		v = s->v;
		free(s);
		if (r != ST_OK)
			return r;
	}
	out->survey_id = v.id;
	out->version = v.version;
	for (int pass = 0; pass < 2 && r == ST_OK; pass++) {
		if (!(st = db_stmt(db, pass ? latest : baseline)))
			return ST_INTERNAL;
		sqlite3_bind_int64(st, 1, survey_id);
		db_bind_text(st, 2, from && *from ? from : "0000-00-00");
		db_bind_text(st, 3, to && *to ? to : "9999-99-99");
		db_bind_text(st, 4, country ? country : "");
		r = mean_of(st, v.weight, pass ? &out->latest : &out->baseline);
	}
	return r;
}
