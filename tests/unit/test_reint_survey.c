/* The sustainability survey: scores computed by hand, a dimension without
 * answers, two weight versions scoring the same answers differently while
 * the first stays as it was, a used version refused for change, invalid
 * answers refused with nothing written, the version in force on a day, the
 * roles, and the mean scores at baseline and latest visit. Cases and
 * visits are plain rows (another part of the module writes them). */
#include <math.h>
#include "core/clock.h"
#include "db/reint_survey.h"
#include "medical_fixture.h"
#include "screens/reint_survey_text.h"
#include "ui/textpage.h"

#define TODAY 1780315200   /* 2026-06-01 12:00 UTC */
#define NEAR(a, b) assert_true(fabs((a) - (b)) < 1e-9)

static const char *const codes[15] = { "income", "debt", "food", "work", "assets", "housing", "health", "documents",
                                       "water", "school", "network", "community", "discrimination", "distress",
                                       "must_leave" };

static int rsetup(void **state)
{
	clock_set(TODAY);
	setup(state);
	return 0;
}

static int rteardown(void **state)
{
	clock_set(0);
	return teardown(state);
}

static long long one(struct fixture *f, const char *sql)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(f->db), sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	long long v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static long long exec(struct fixture *f, const char *sql)
{
	assert_int_equal(sqlite3_exec(db_sqlite(f->db), sql, NULL, NULL, NULL), SQLITE_OK);
	return sqlite3_last_insert_rowid(db_sqlite(f->db));
}

/* A reintegration case of a new person in country. */
static long long a_case(struct fixture *f, const char *family, const char *country)
{
	long long p = add_person(f, family, "Awa", 'f', "1995-01-01", false);
	char sql[400];
	snprintf(sql, sizeof sql,
	         "INSERT INTO reint_case (person_id, centre_id, country, return_date, return_kind, status) "
	         "VALUES (%lld, (SELECT id FROM centre WHERE code = 'AGZ'), '%s', '2026-01-10', 'avr', 'open')",
	         p, country);
	return exec(f, sql);
}

/* A visit of case of kind, done on day ("" for scheduled). */
static long long a_visit(struct fixture *f, long long c, const char *kind, const char *day)
{
	char sql[400];
	if (*day)
		snprintf(sql, sizeof sql,
		         "INSERT INTO reint_visit (case_id, kind, due_date, status, done_date, mode) "
		         "VALUES (%lld, '%s', '%s', 'done', '%s', 'in_person')", c, kind, day, day);
	else
		snprintf(sql, sizeof sql,
		         "INSERT INTO reint_visit (case_id, kind, due_date, status) VALUES (%lld, '%s', '2026-07-01', "
		         "'scheduled')", c, kind);
	return exec(f, sql);
}

/* Answers of the 15 questions from a string of h, m, l (high, mid, low). */
static void answers(const char *hml, struct reint_answer *a)
{
	for (int i = 0; i < 15; i++) {
		snprintf(a[i].question, sizeof a[i].question, "%s", codes[i]);
		snprintf(a[i].option, sizeof a[i].option, "%s",
		         hml[i] == 'h' ? "high" : hml[i] == 'm' ? "mid" : "low");
	}
}

/* Saves the answers hml for visit as the reintegration officer. */
static void answer(struct fixture *f, long long visit, const char *hml)
{
	sign_in(f, ROLE_REINTEGRATION);
	struct reint_visit_survey v;
	assert_int_equal(reint_visit_survey_get(f->db, visit, &v), ST_OK);
	struct reint_answer a[15];
	answers(hml, a);
	const char *m = NULL;
	int missing = 0;
	assert_int_equal(reint_visit_answers_save(f->db, visit, &v.version, v.answer_with, a, 15, &m, &missing), ST_OK);
	assert_null(m);
	assert_int_equal(missing, -1);
}

static struct reint_scores *scores(struct fixture *f, long long visit, long long survey)
{
	static struct reint_scores s;
	sign_in(f, ROLE_REINTEGRATION);
	assert_int_equal(reint_visit_scores(f->db, visit, survey, "en", &s), ST_OK);
	return &s;
}

/* Version 2 from version 1: economic counts twice, income three times, and
 * often cutting meals scores 0.25; in force from from. */
static long long version2(struct fixture *f, const char *from)
{
	sign_in(f, ROLE_ADMIN);
	struct reint_survey *s = malloc(sizeof *s);
	assert_int_equal(reint_survey_get(f->db, 1, "en", s), ST_OK);
	s->v.weight[REINT_ECONOMIC] = 2;
	snprintf(s->v.valid_from, sizeof s->v.valid_from, "%s", from);
	snprintf(s->v.description, sizeof s->v.description, "Economic counts more");
	assert_string_equal(s->q[0].code, "income");
	s->q[0].weight = 3;
	assert_string_equal(s->q[2].option[2].code, "low");
	s->q[2].option[2].score = 0.25;
	const char *m = NULL, *field = NULL;
	assert_int_equal(reint_survey_create(f->db, 1, s, &m, &field), ST_OK);
	assert_int_equal(s->v.version, 2);
	long long id = s->v.id;
	free(s);
	return id;
}

/* By hand: economic (1 + 0.5 + 0 + 1 + 0.5) / 5 = 0.6, social (1 + 1 + 1 +
 * 0.5 + 0) / 5 = 0.7, psychosocial 0.5, composite 0.6; each question
 * explained. Version 2: economic (3 * 1 + 0.5 + 0.25 + 1 + 0.5) / 7 = 0.75,
 * composite (2 * 0.75 + 0.7 + 0.5) / 4 = 0.675; version 1 unchanged. */
static void scoring_two_versions(void **state)
{
	struct fixture *f = *state;
	long long c = a_case(f, "Sow", "SEN");
	long long v = a_visit(f, c, "monitoring", "2026-04-15");
	answer(f, v, "hmlhmhhhmlmmmmm");
	assert_int_equal(one(f, "SELECT survey_id FROM reint_visit ORDER BY id DESC LIMIT 1"), 1);
	struct reint_scores *s = scores(f, v, 0);
	assert_int_equal(s->version, 1);
	NEAR(s->score[REINT_ECONOMIC], 0.6);
	NEAR(s->score[REINT_SOCIAL], 0.7);
	NEAR(s->score[REINT_PSYCHOSOCIAL], 0.5);
	NEAR(s->score[REINT_COMPOSITE], 0.6);
	for (int d = 0; d < REINT_SCORES; d++)
		assert_true(s->known[d]);
	assert_int_equal(s->n, 15);
	assert_string_equal(s->line[2].question, "Household meals");
	assert_string_equal(s->line[2].answer, "Often cut meals");
	NEAR(s->line[2].score, 0);
	NEAR(s->line[2].weight, 1);
	assert_int_equal(s->line[2].dim, REINT_ECONOMIC);

	long long v2 = version2(f, "2026-05-01");
	s = scores(f, v, v2);
	assert_int_equal(s->version, 2);
	NEAR(s->score[REINT_ECONOMIC], 0.75);
	NEAR(s->score[REINT_SOCIAL], 0.7);
	NEAR(s->score[REINT_COMPOSITE], 0.675);
	NEAR(s->line[0].weight, 3);
	NEAR(s->line[2].score, 0.25);
	/* The first version and the visit's own scores are as they were. */
	s = scores(f, v, 0);
	assert_int_equal(s->version, 1);
	NEAR(s->score[REINT_COMPOSITE], 0.6);
	NEAR(s->line[0].weight, 1);
	assert_int_equal(one(f, "SELECT survey_id FROM reint_visit ORDER BY id DESC LIMIT 1"), 1);
	/* In French too. */
	assert_int_equal(reint_visit_scores(f->db, v, v2, "fr", s), ST_OK);
	assert_string_equal(s->line[2].question, "Repas du ménage");
	/* Its creation is in the trail with every weight. */
	assert_int_equal(one(f, "SELECT count(*) FROM audit WHERE entity = 'reint_survey' AND action = 'create' "
	                        "AND json_extract(changes, '$.income') = '3' AND json_extract(changes, '$.w_economic') = '2' "
	                        "AND json_extract(changes, '$.\"food.low\"') = '0.25'"),
	                 1);
}

/* The text a screen shows: each score with two decimals, the weights, and
 * on request each question with its answer, score and weight; an unknown
 * dimension says so. */
static bool has_line(const struct textpage *p, const char *text)
{
	for (int i = 0; i < p->n; i++)
		if (strstr(p->lines[i].text, text))
			return true;
	return false;
}

static void scores_explained(void **state)
{
	struct fixture *f = *state;
	long long c = a_case(f, "Gaye", "SEN");
	long long v = a_visit(f, c, "monitoring", "2026-04-15");
	answer(f, v, "hmlhmhhhmlmmmmm");
	struct reint_scores *s = scores(f, v, 0);
	struct textpage *p = calloc(1, sizeof *p);
	reint_scores_text(p, "Scores", s, false, 76);
	assert_true(has_line(p, "Economic          0.60"));
	assert_true(has_line(p, "Composite         0.60"));
	assert_true(has_line(p, "(weights: economic 1, social 1, psychosocial 1)"));
	assert_false(has_line(p, "Household meals"));
	textpage_clear(p);
	reint_scores_text(p, "Scores", s, true, 76);
	assert_true(has_line(p, "Household meals"));
	assert_true(has_line(p, "score 0    weight 1"));
	assert_true(has_line(p, "→ Often cut meals"));
	s->known[REINT_SOCIAL] = false;
	textpage_clear(p);
	reint_scores_text(p, "Scores", s, false, 76);
	assert_true(has_line(p, "Social         unknown"));
	free(p);
}

/* Only the economic questions answered: the other dimensions are unknown
 * and the composite is the economic score. The pure computation too. */
static void missing_dimension(void **state)
{
	struct fixture *f = *state;
	long long c = a_case(f, "Ba", "SEN");
	long long v = a_visit(f, c, "monitoring", "2026-04-15");
	char sql[300];
	snprintf(sql, sizeof sql, "UPDATE reint_visit SET survey_id = 1 WHERE id = %lld", v);
	exec(f, sql);
	for (int i = 0; i < 5; i++) {
		snprintf(sql, sizeof sql, "INSERT INTO reint_visit_answer (visit_id, question_code, option_code) "
		         "VALUES (%lld, '%s', '%s')", v, codes[i], i < 2 ? "high" : "mid");
		exec(f, sql);
	}
	struct reint_scores *s = scores(f, v, 0);
	NEAR(s->score[REINT_ECONOMIC], 0.7);
	assert_true(s->known[REINT_ECONOMIC]);
	assert_false(s->known[REINT_SOCIAL]);
	assert_false(s->known[REINT_PSYCHOSOCIAL]);
	NEAR(s->score[REINT_COMPOSITE], 0.7);
	assert_false(s->line[5].answered);
	assert_string_equal(s->line[5].answer, "");

	struct reint_scores *p = calloc(1, sizeof *p);
	p->weight[0] = 1, p->weight[1] = 3, p->weight[2] = 0;
	p->n = 3;
	p->line[0] = (struct reint_score_line){ .dim = REINT_SOCIAL, .answered = true, .score = 1, .weight = 1 };
	p->line[1] = (struct reint_score_line){ .dim = REINT_SOCIAL, .answered = true, .score = 0, .weight = 3 };
	p->line[2] = (struct reint_score_line){ .dim = REINT_PSYCHOSOCIAL, .answered = true, .score = 1, .weight = 1 };
	reint_scores_compute(p);
	NEAR(p->score[REINT_SOCIAL], 0.25);
	NEAR(p->score[REINT_PSYCHOSOCIAL], 1);
	assert_false(p->known[REINT_ECONOMIC]);
	NEAR(p->score[REINT_COMPOSITE], 0.25);   /* psychosocial weighs 0 */
	p->weight[1] = 0;
	reint_scores_compute(p);
	assert_false(p->known[REINT_COMPOSITE]);
	free(p);
}

/* A version a visit used is refused for change; an unused one changes,
 * a stale read is a conflict; rules refused with their field. */
static void used_version_refused(void **state)
{
	struct fixture *f = *state;
	long long c = a_case(f, "Diop", "SEN");
	long long v2 = version2(f, "2026-05-01");
	sign_in(f, ROLE_ADMIN);
	struct reint_survey *s = malloc(sizeof *s);
	assert_int_equal(reint_survey_get(f->db, 1, "en", s), ST_OK);
	const char *m = NULL, *field = NULL;
	s->v.weight[REINT_SOCIAL] = 5;
	assert_int_equal(reint_survey_update(f->db, s, &m, &field), ST_OK);   /* no visit used it yet */
	answer(f, a_visit(f, c, "baseline", "2026-02-01"), "hhhhhhhhhhhhhhh");
	sign_in(f, ROLE_ADMIN);
	long long rows = one(f, "SELECT count(*) FROM audit WHERE entity = 'reint_survey'");
	assert_int_equal(reint_survey_get(f->db, 1, "en", s), ST_OK);
	assert_int_equal(s->v.visits, 1);
	s->v.weight[REINT_SOCIAL] = 1;
	s->q[3].weight = 2;
	assert_int_equal(reint_survey_update(f->db, s, &m, &field), ST_INVALID);
	assert_non_null(m);
	assert_int_equal(one(f, "SELECT count(*) FROM reint_survey_question WHERE survey_id = 1 AND weight != 1"), 0);
	assert_int_equal(one(f, "SELECT w_social FROM reint_survey WHERE id = 1"), 5);
	/* Version 2, unused: changed once; a second save from the same read is a conflict. */
	assert_int_equal(reint_survey_get(f->db, v2, "en", s), ST_OK);
	struct reint_survey *t = malloc(sizeof *t);
	*t = *s;
	s->q[1].weight = 4;
	assert_int_equal(reint_survey_update(f->db, s, &m, &field), ST_OK);
	assert_int_equal(one(f, "SELECT weight FROM reint_survey_question WHERE survey_id = 2 AND code = 'debt'"), 4);
	if (strcmp(s->v.changed, t->v.changed) != 0)
		assert_int_equal(reint_survey_update(f->db, t, &m, &field), ST_CONFLICT);
	/* Rules. */
	*t = *s;
	t->q[4].option[1].score = 1.5;
	assert_int_equal(reint_survey_update(f->db, t, &m, &field), ST_INVALID);
	assert_string_equal(field, "assets");
	*t = *s;
	t->v.weight[0] = t->v.weight[1] = t->v.weight[2] = 0;
	assert_int_equal(reint_survey_create(f->db, v2, t, &m, &field), ST_INVALID);
	assert_string_equal(field, "weight");
	*t = *s;
	snprintf(t->v.valid_from, sizeof t->v.valid_from, "2026-04-30");
	assert_int_equal(reint_survey_create(f->db, v2, t, &m, &field), ST_INVALID);
	assert_string_equal(field, "valid_from");
	*t = *s;
	snprintf(t->q[6].code, sizeof t->q[6].code, "wealth");
	assert_int_equal(reint_survey_create(f->db, v2, t, &m, &field), ST_INVALID);
	t->q[6].weight = 0;
	assert_int_equal(reint_survey_create(f->db, v2, t, &m, &field), ST_INVALID);
	assert_string_equal(field, "wealth");
	assert_int_equal(one(f, "SELECT count(*) FROM reint_survey"), 2);
	assert_int_equal(one(f, "SELECT count(*) FROM audit WHERE entity = 'reint_survey'"), rows + 1);
	free(t);
	free(s);
}

struct seen {
	int n;
	int version[8];
};

static void collect(const struct reint_survey_version *v, void *ctx)
{
	struct seen *s = ctx;
	if (s->n < 8)
		s->version[s->n++] = v->version;
}

/* The version in force on a day, and the visit answers with it. */
static void in_force(void **state)
{
	struct fixture *f = *state;
	long long v2 = version2(f, "2026-05-01");
	long long id = 0;
	assert_int_equal(reint_survey_in_force(f->db, "2026-04-30", &id), ST_OK);
	assert_int_equal(id, 1);
	assert_int_equal(reint_survey_in_force(f->db, "2026-05-01", &id), ST_OK);
	assert_int_equal(id, v2);
	assert_int_equal(reint_survey_in_force(f->db, "2010-01-01", &id), ST_OK);
	assert_int_equal(id, 1);
	assert_int_equal(reint_survey_latest(f->db, &id), ST_OK);
	assert_int_equal(id, v2);
	long long c = a_case(f, "Fall", "SEN");
	long long v = a_visit(f, c, "monitoring", "2026-05-20");
	answer(f, v, "hhhhhhhhhhhhhhh");
	struct reint_visit_survey vs;
	assert_int_equal(reint_visit_survey_get(f->db, v, &vs), ST_OK);
	assert_int_equal(vs.survey_id, v2);
	assert_int_equal(vs.n, 15);
	/* The versions, newest first, a page at a time. */
	sign_in(f, ROLE_ADMIN);
	struct seen cx = { 0 };
	bool more = false;
	assert_int_equal(reint_survey_list(f->db, PAGE_AFTER, 0, 1, collect, &cx, &more), ST_OK);
	assert_true(more);
	assert_int_equal(reint_survey_list(f->db, PAGE_AFTER, cx.version[0], 1, collect, &cx, &more), ST_OK);
	assert_false(more);
	assert_int_equal(cx.n, 2);
	assert_int_equal(cx.version[0], 2);
	assert_int_equal(cx.version[1], 1);
	assert_int_equal(reint_survey_list(f->db, PAGE_BEFORE, 1, 5, collect, &cx, &more), ST_OK);
	assert_int_equal(cx.n, 3);
	assert_int_equal(cx.version[2], 2);
}

/* Missing, wrong or extra answers, a visit not done, a stale version: all
 * refused with nothing written. */
static void invalid_answers_refused(void **state)
{
	struct fixture *f = *state;
	long long c = a_case(f, "Kane", "SEN");
	long long v = a_visit(f, c, "monitoring", "2026-04-15");
	long long sched = a_visit(f, c, "monitoring", "");
	sign_in(f, ROLE_REINTEGRATION);
	long long rows = one(f, "SELECT count(*) FROM audit");
	struct reint_visit_survey vs;
	assert_int_equal(reint_visit_survey_get(f->db, v, &vs), ST_OK);
	assert_int_equal(vs.answer_with, 1);
	int version = vs.version;
	struct reint_answer a[16];
	const char *m = NULL;
	int missing = 0;
	answers("hhhhhhhhhhhhhhh", a);
	a[6].option[0] = '\0';   /* health unanswered */
	assert_int_equal(reint_visit_answers_save(f->db, v, &version, 1, a, 15, &m, &missing), ST_INVALID);
	assert_int_equal(missing, 6);
	assert_non_null(m);
	assert_int_equal(reint_visit_answers_save(f->db, v, &version, 1, a, 6, &m, &missing), ST_INVALID);
	assert_int_equal(missing, 6);
	answers("hhhhhhhhhhhhhhh", a);
	snprintf(a[9].option, sizeof a[9].option, "top");
	assert_int_equal(reint_visit_answers_save(f->db, v, &version, 1, a, 15, &m, &missing), ST_INVALID);
	assert_int_equal(missing, 9);
	answers("hhhhhhhhhhhhhhh", a);
	a[15] = a[0];
	snprintf(a[15].question, sizeof a[15].question, "wealth");
	assert_int_equal(reint_visit_answers_save(f->db, v, &version, 1, a, 16, &m, &missing), ST_INVALID);
	a[15] = a[3];   /* the same question twice */
	assert_int_equal(reint_visit_answers_save(f->db, v, &version, 1, a, 16, &m, &missing), ST_INVALID);
	assert_int_equal(missing, -1);
	int sv = 0;
	assert_int_equal(reint_visit_survey_get(f->db, sched, &vs), ST_OK);
	sv = vs.version;
	assert_int_equal(reint_visit_answers_save(f->db, sched, &sv, 1, a, 15, &m, &missing), ST_INVALID);
	int stale = version + 1;
	assert_int_equal(reint_visit_answers_save(f->db, v, &stale, 1, a, 15, &m, &missing), ST_CONFLICT);
	assert_int_equal(reint_visit_answers_save(f->db, v, &version, 2, a, 15, &m, &missing), ST_CONFLICT);
	assert_int_equal(one(f, "SELECT count(*) FROM reint_visit_answer"), 0);
	assert_int_equal(one(f, "SELECT count(*) FROM reint_visit WHERE survey_id IS NOT NULL"), 0);
	assert_int_equal(one(f, "SELECT count(*) FROM audit"), rows);
	/* Saved, then changed: the trail has the answer before and after. */
	assert_int_equal(reint_visit_answers_save(f->db, v, &version, 1, a, 15, &m, &missing), ST_OK);
	snprintf(a[1].option, sizeof a[1].option, "low");
	assert_int_equal(reint_visit_answers_save(f->db, v, &version, 1, a, 15, &m, &missing), ST_OK);
	assert_int_equal(one(f, "SELECT count(*) FROM reint_visit_answer"), 15);
	assert_int_equal(one(f, "SELECT count(*) FROM audit WHERE entity = 'reint_visit_answer' "
	                        "AND json_extract(changes, '$.debt[0]') = 'high' "
	                        "AND json_extract(changes, '$.debt[1]') = 'low' AND json_extract(changes, '$.food') IS NULL"),
	                 1);
	assert_int_equal(one(f, "SELECT version FROM reint_visit WHERE id = (SELECT max(visit_id) FROM reint_visit_answer)"),
	                 version);
}

/* Versions: read by reintegration staff and administrators, made by
 * administrators; answers saved by the reintegration officer; means for
 * those who read reintegration or reports. */
static void roles(void **state)
{
	struct fixture *f = *state;
	long long c = a_case(f, "Ndiaye", "SEN");
	long long v = a_visit(f, c, "monitoring", "2026-04-15");
	struct reint_survey *s = malloc(sizeof *s);
	struct reint_score_means m;
	struct reint_answer a[15];
	answers("hhhhhhhhhhhhhhh", a);
	for (int r = 0; r < ROLE_COUNT_; r++) {
		sign_in(f, (enum role)r);
		bool reads = r == ROLE_ADMIN || r == ROLE_MANAGER || r == ROLE_PROTECTION || r == ROLE_REINTEGRATION;
		assert_int_equal(reint_survey_get(f->db, 1, "en", s), reads ? ST_OK : ST_DENIED);
		bool figures = r == ROLE_MANAGER || r == ROLE_PROTECTION || r == ROLE_REINTEGRATION;
		assert_int_equal(reint_score_means(f->db, "", "", "", 0, &m), figures ? ST_OK : ST_DENIED);
		if (r != ROLE_ADMIN) {
			sign_in(f, ROLE_ADMIN);
			assert_int_equal(reint_survey_get(f->db, 1, "en", s), ST_OK);
			sign_in(f, (enum role)r);
			snprintf(s->v.valid_from, sizeof s->v.valid_from, "2026-05-01");
			assert_int_equal(reint_survey_create(f->db, 1, s, NULL, NULL), ST_DENIED);
			assert_int_equal(reint_survey_update(f->db, s, NULL, NULL), ST_DENIED);
		}
		if (r != ROLE_REINTEGRATION) {
			int version = 1;
			assert_int_equal(reint_visit_answers_save(f->db, v, &version, 1, a, 15, NULL, NULL), ST_DENIED);
		}
	}
	assert_int_equal(one(f, "SELECT count(*) FROM reint_survey"), 1);
	assert_int_equal(one(f, "SELECT count(*) FROM reint_visit_answer"), 0);
	free(s);
}

/* Baseline and latest means by dimension, by country and period, under
 * the newest or a given version. */
static void means(void **state)
{
	struct fixture *f = *state;
	long long c1 = a_case(f, "Sy", "SEN"), c2 = a_case(f, "Camara", "SEN"), c3 = a_case(f, "Jallow", "GMB");
	answer(f, a_visit(f, c1, "baseline", "2026-02-01"), "lllllllllllllll");   /* 0 everywhere */
	answer(f, a_visit(f, c2, "baseline", "2026-02-03"), "mmmmmmmmmmmmmmm");   /* 0.5 */
	answer(f, a_visit(f, c3, "baseline", "2026-02-05"), "hhhhhhhhhhhhhhh");   /* 1 */
	answer(f, a_visit(f, c1, "monitoring", "2026-04-01"), "lllllllllllllll");
	answer(f, a_visit(f, c1, "monitoring", "2026-05-01"), "hhhhhmmmmmlllll");   /* 1, 0.5, 0, composite 0.5 */
	a_visit(f, c1, "monitoring", "2026-05-10");   /* done, no answers: not the latest */
	a_visit(f, c2, "monitoring", "");
	answer(f, a_visit(f, c3, "counselling", "2026-04-20"), "hhhhhhhhhhlllll");   /* 1, 1, 0 */
	sign_in(f, ROLE_MANAGER);
	struct reint_score_means m;
	assert_int_equal(reint_score_means(f->db, "2026-01-01", "2026-12-31", "SEN", 0, &m), ST_OK);
	assert_int_equal(m.version, 1);
	assert_int_equal(m.baseline.visits, 2);
	for (int d = 0; d < REINT_SCORES; d++) {
		assert_int_equal(m.baseline.known[d], 2);
		NEAR(m.baseline.mean[d], 0.25);
	}
	assert_int_equal(m.latest.visits, 1);
	NEAR(m.latest.mean[REINT_ECONOMIC], 1);
	NEAR(m.latest.mean[REINT_SOCIAL], 0.5);
	NEAR(m.latest.mean[REINT_PSYCHOSOCIAL], 0);
	NEAR(m.latest.mean[REINT_COMPOSITE], 0.5);
	/* Every country; the period cuts the May visit off. */
	assert_int_equal(reint_score_means(f->db, "", "2026-04-30", NULL, 0, &m), ST_OK);
	assert_int_equal(m.baseline.visits, 3);
	NEAR(m.baseline.mean[REINT_COMPOSITE], 0.5);
	assert_int_equal(m.latest.visits, 2);
	/* c1 in April: 0 everywhere; c3: 1, 1, 0, composite 2/3. */
	NEAR(m.latest.mean[REINT_ECONOMIC], 0.5);
	NEAR(m.latest.mean[REINT_SOCIAL], 0.5);
	NEAR(m.latest.mean[REINT_PSYCHOSOCIAL], 0);
	NEAR(m.latest.mean[REINT_COMPOSITE], 1.0 / 3);
	/* Under version 2 (economic counts twice, income three times). */
	long long v2 = version2(f, "2026-06-01");
	sign_in(f, ROLE_REINTEGRATION);
	assert_int_equal(reint_score_means(f->db, "2026-01-01", "2026-12-31", "SEN", 0, &m), ST_OK);
	assert_int_equal(m.survey_id, v2);
	assert_int_equal(m.version, 2);
	NEAR(m.latest.mean[REINT_COMPOSITE], (2 * 1 + 0.5 + 0) / 4);
	assert_int_equal(reint_score_means(f->db, "2026-01-01", "2026-12-31", "SEN", 1, &m), ST_OK);
	NEAR(m.latest.mean[REINT_COMPOSITE], 0.5);
	assert_int_equal(reint_score_means(f->db, "2026-01-01", "2026-12-31", "MLI", 0, &m), ST_OK);
	assert_int_equal(m.baseline.visits + m.latest.visits, 0);
	assert_int_equal(reint_score_means(f->db, "", "", "", 99, &m), ST_NOT_FOUND);
}

struct visits {
	int n;
	long long id[8];
	int version[8];
};

static void collect_visit(const struct reint_survey_visit *v, void *ctx)
{
	struct visits *l = ctx;
	if (l->n < 8) {
		l->version[l->n] = v->version;
		l->id[l->n++] = v->visit_id;
	}
}

/* The done visits, newest first, a page at a time, with the version each
 * was answered with; scheduled ones are not there. */
static void visit_list(void **state)
{
	struct fixture *f = *state;
	long long c = a_case(f, "Touré", "MLI");
	long long a = a_visit(f, c, "baseline", "2026-02-01");
	long long b = a_visit(f, c, "monitoring", "2026-05-01");
	long long d = a_visit(f, c, "counselling", "2026-05-01");
	a_visit(f, c, "monitoring", "");
	answer(f, a, "hhhhhhhhhhhhhhh");
	struct visits l = { 0 };
	bool more = false;
	assert_int_equal(reint_survey_visit_list(f->db, PAGE_AFTER, NULL, 2, collect_visit, &l, &more), ST_OK);
	assert_true(more);
	assert_int_equal(l.n, 2);
	assert_int_equal(l.id[0], d);
	assert_int_equal(l.id[1], b);
	struct reint_survey_visit key = { .visit_id = b };
	snprintf(key.day, sizeof key.day, "2026-05-01");
	assert_int_equal(reint_survey_visit_list(f->db, PAGE_AFTER, &key, 2, collect_visit, &l, &more), ST_OK);
	assert_false(more);
	assert_int_equal(l.n, 3);
	assert_int_equal(l.id[2], a);
	assert_int_equal(l.version[2], 1);
	assert_int_equal(l.version[0], 0);
	l.n = 0;
	assert_int_equal(reint_survey_visit_list(f->db, PAGE_BEFORE, NULL, 1, collect_visit, &l, &more), ST_OK);
	assert_true(more);
	assert_int_equal(l.id[0], a);
	sign_in(f, ROLE_ADMIN);
	assert_int_equal(reint_survey_visit_list(f->db, PAGE_AFTER, NULL, 2, collect_visit, &l, &more), ST_DENIED);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(scoring_two_versions, rsetup, rteardown),
		cmocka_unit_test_setup_teardown(missing_dimension, rsetup, rteardown),
		cmocka_unit_test_setup_teardown(scores_explained, rsetup, rteardown),
		cmocka_unit_test_setup_teardown(used_version_refused, rsetup, rteardown),
		cmocka_unit_test_setup_teardown(in_force, rsetup, rteardown),
		cmocka_unit_test_setup_teardown(invalid_answers_refused, rsetup, rteardown),
		cmocka_unit_test_setup_teardown(roles, rsetup, rteardown),
		cmocka_unit_test_setup_teardown(means, rsetup, rteardown),
		cmocka_unit_test_setup_teardown(visit_list, rsetup, rteardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
