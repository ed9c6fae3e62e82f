/* Attacks' write paths: the sustainability survey, a visit's answers and a
 * new version of the survey (see ops.c). Cases and visits are written by
 * other parts of the module: when there are few done visits, one is added
 * as a plain row first, not acknowledged. */
#define _POSIX_C_SOURCE 200809L
#include "db/reint_survey.h"
#include "ops_private.h"

/* ---- sustainability survey ---------------------------------------------- */

/* One of a few done visits of a case: a new one (and a closed case of one
 * of the hot people for it) while there are fewer than four. */
static long long some_visit(struct attack *a)
{
	sqlite3 *h = db_sqlite(a->db);
	long long n = query(h, "SELECT count(*) FROM reint_visit WHERE status = 'done' AND case_id IS NOT NULL", "",
	                    NULL, NULL, 0);
	if (n < 4) {
		char day[11], pid[24];
		today(day);
		snprintf(pid, sizeof pid, "%lld", a->hot[attack_pick(a, ATTACK_HOT)]);
		const char *args[2] = { pid, day };
		query(h, "INSERT INTO reint_case (person_id, centre_id, country, return_date, return_kind, status, "
		      "close_reason, closed_date) VALUES (?1, (SELECT id FROM centre WHERE code = 'AGZ'), 'SEN', ?2, "
		      "'avr', 'closed', 'completed', ?2)", "it", args, NULL, 0);
		query(h, "INSERT INTO reint_visit (case_id, kind, due_date, status, done_date, mode) VALUES "
		      "((SELECT max(id) FROM reint_case), 'monitoring', ?2, 'done', ?2, 'phone')", "it", args, NULL, 0);
	}
	return query(h, "SELECT id FROM reint_visit WHERE status = 'done' AND case_id IS NOT NULL "
	             "ORDER BY random() LIMIT 1", "", NULL, NULL, 0);
}

/* Answers the survey of a done visit as the reintegration officer, from the
 * visit read before a pause as the survey screen shows it: a change by
 * another writer meanwhile is reported (ST_CONFLICT), never overwritten. */
enum status run_reint_survey_answers(struct attack *a, char *ack, size_t size)
{
	long long officer = query(db_sqlite(a->db), "SELECT id FROM app_user WHERE name = 'reintegration'", "", NULL,
	                          NULL, 0);
	act_as(a, officer > 0 ? officer : 0, "reintegration", ROLE_REINTEGRATION);
	long long visit = some_visit(a);
	if (visit <= 0)
		return ST_INTERNAL;
	struct reint_visit_survey v;
	enum status r = reint_visit_survey_get(a->db, visit, &v);
	if (r != ST_OK)
		return r;
	struct reint_survey *s = malloc(sizeof *s);
	if (!s)
		return ST_INTERNAL;
	if ((r = reint_survey_get(a->db, v.answer_with, "en", s)) != ST_OK) {
		free(s);
		return r;
	}
	struct reint_answer answer[REINT_SURVEY_QUESTIONS_MAX];
	memset(answer, 0, sizeof answer);
	char codes[REINT_SURVEY_QUESTIONS_MAX + 1] = "";
	for (int i = 0; i < s->n; i++) {
		const struct reint_survey_question *q = &s->q[i];
		const char *o = q->option[attack_pick(a, q->n_options)].code;
		snprintf(answer[i].question, sizeof answer[i].question, "%s", q->code);
		snprintf(answer[i].option, sizeof answer[i].option, "%s", o);
		codes[i] = o[0];
		codes[i + 1] = '\0';
	}
	int n = s->n;
	free(s);
	think(a);
	if ((r = reint_visit_answers_save(a->db, visit, &v.version, v.answer_with, answer, n, NULL, NULL)) != ST_OK)
		return r;
	snprintf(ack, size, "reint_survey_answers %lld %d %s", visit, v.version, codes);
	return ST_OK;
}

/* The answers are there at the version acknowledged (or a later one), in
 * the order of the version's questions, and audited. */
bool verify_reint_survey_answers(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	char buf[128];
	const char *w[3];
	if (words(args, buf, sizeof buf, w, 3) != 3)
		return fail(why, size, "bad line");
	return versioned(ro, "SELECT v.version, (SELECT group_concat(substr(x.option_code, 1, 1), '') FROM "
	                 "(SELECT a.option_code FROM reint_visit_answer a JOIN reint_survey_question q "
	                 "ON q.survey_id = v.survey_id AND q.code = a.question_code WHERE a.visit_id = v.id "
	                 "ORDER BY q.position) x) FROM reint_visit v WHERE v.id = ?1", w[0], w[1], w[2], why, size)
	       && counted(ro, "SELECT count(*) FROM audit WHERE entity = 'reint_visit_answer' AND entity_id = ?1",
	                  "i", w, nth, why, size);
}

/* Makes a new version from the newest, in force from today, as the
 * administrator's form saves it: other weights for the economic dimension
 * and the first question. */
enum status run_reint_survey_version(struct attack *a, char *ack, size_t size)
{
	act_as(a, a->admin_id, "admin", ROLE_ADMIN);
	long long newest = 0;
	enum status r = reint_survey_latest(a->db, &newest);
	if (r != ST_OK)
		return r;
	struct reint_survey *s = malloc(sizeof *s);
	if (!s)
		return ST_INTERNAL;
	if ((r = reint_survey_get(a->db, newest, "en", s)) == ST_OK) {
		today(s->v.valid_from);
		snprintf(s->v.description, sizeof s->v.description, "V%lld", a->token++);
		s->v.weight[REINT_ECONOMIC] = (double)(1 + attack_pick(a, 4));
		if (s->n > 0)
			s->q[0].weight = (double)(1 + attack_pick(a, 3));
		think(a);
		r = reint_survey_create(a->db, newest, s, NULL, NULL);
	}
	if (r == ST_OK)
		snprintf(ack, size, "reint_survey_version %lld %d %s %d", s->v.id, s->v.version, s->v.description,
		         (int)s->v.weight[REINT_ECONOMIC]);
	free(s);
	return r;
}

/* The version is there whole (every question and answer of the one it
 * came from), with its weight, audited. */
bool verify_reint_survey_version(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[160];
	const char *w[4];
	if (words(args, buf, sizeof buf, w, 4) != 4)
		return fail(why, size, "bad line");
	return counted(ro, "SELECT count(*) FROM reint_survey WHERE id = ?1 AND version = ?2 AND description = ?3 "
	               "AND w_economic = ?4", "iiti", w, 0, why, size)
	       && counted(ro, "SELECT count(*) = 15 FROM reint_survey_question WHERE survey_id = ?1", "i", w, 0, why,
	                  size)
	       && counted(ro, "SELECT count(*) = 45 FROM reint_survey_option o JOIN reint_survey_question q "
	                  "ON q.id = o.question_id WHERE q.survey_id = ?1", "i", w, 0, why, size)
	       && counted(ro, "SELECT count(*) FROM audit WHERE entity = 'reint_survey' AND entity_id = ?1 "
	                  "AND action = 'create'", "i", w, 0, why, size);
}
