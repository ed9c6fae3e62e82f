/* The tables of the modules against the figures each module already had,
 * on a demo database of every module: for each year and for all centres
 * and each centre, a table's lines give the same totals as the figures
 * functions where both define the same thing (children, victims, medical
 * cases and consultations, participants, courses, beneficiaries,
 * projects, sessions, people reached, quantities net of reversals). */
#define PEOPLE 1500
#define PEOPLE_SEED 20261201u
#include "demo_fixture.h"

#include <stdlib.h>

#include "core/clock.h"
#include "db/dist_report.h"
#include "db/medical.h"
#include "db/prot_report.h"
#include "db/psych_report.h"
#include "db/reint_report.h"
#include "db/report.h"
#include "db/report_dist.h"
#include "db/report_medical.h"
#include "db/report_prot.h"
#include "db/report_psych.h"
#include "db/report_reint.h"
#include "db/report_training.h"
#include "db/training_report.h"
#include "ui/module.h"

#define NOW 1794996000   /* 2026-11-18T10:00:00Z */
#define FIRST_YEAR 2016
#define LAST_YEAR 2025   /* whole years: the training figures stop at today */

struct fixture {
	struct tmpdir t;
	struct db *db;
	struct report_result *r;
};

static int group_setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	*state = f;
	clock_set(NOW);
	tmpdir_make(&f->t);
	f->db = open_demo(f->t.db);
	for (const struct module *const *m = module_table; *m; m++)
		if ((*m)->demo)
			assert_int_equal((*m)->demo(f->db, &(struct demo_options){ .seed = PEOPLE_SEED }), ST_OK);
	/* As the manager: PERM_REPORTS. */
	long long id = q_int(f->db, "SELECT id FROM app_user WHERE role = 'manager' ORDER BY id LIMIT 1");
	db_set_actor(f->db, id, "manager", ROLE_MANAGER, "test");
	f->r = malloc(sizeof *f->r);
	return 0;
}

static int group_teardown(void **state)
{
	struct fixture *f = *state;
	free(f->r);
	db_close(&f->db);
	tmpdir_remove(&f->t);
	free(f);
	return 0;
}

/* The centres to try: all ("") and each one. */
static const char *const centres[] = { "", "AGZ", "NY1", "NY2", "ZIN", "ARL", "DRK", NULL };

/* Computes def for period text at centre into f->r; the total of line key. */
static long line(struct fixture *f, const char *key)
{
	for (int i = 0; i < f->r->nlines; i++)
		if (strcmp(f->r->def->lines[i].key, key) == 0)
			return f->r->lines[i].total;
	fail_msg("no line %s", key);
	return -1;
}

static const struct report_counts *counts(struct fixture *f, const char *key)
{
	for (int i = 0; i < f->r->nlines; i++)
		if (strcmp(f->r->def->lines[i].key, key) == 0)
			return &f->r->lines[i];
	fail_msg("no line %s", key);
	return NULL;
}

static bool compute(struct fixture *f, const struct report_def *def, const char *period, const char *centre)
{
	struct report_period p;
	assert_true(report_period_parse(period, &p));
	enum status s = report_compute(f->db, def, &p, centre, NULL, NULL, f->r);
	if (s == ST_NOT_FOUND)
		return false;   /* a centre the demo does not have */
	assert_int_equal(s, ST_OK);
	return true;
}

/* The value of column col of a breakdown (labels as report_columns). */
static long column(const struct report_counts *c, enum report_by by, int col)
{
	return report_column_value(by, col, c);
}

static void protection(void **state)
{
	struct fixture *f = *state;
	long seen = 0;
	for (int y = FIRST_YEAR; y <= LAST_YEAR; y++)
		for (int c = 0; centres[c]; c++) {
			char year[16];
			snprintf(year, sizeof year, "%d", y);
			if (!compute(f, &report_protection, year, centres[c]))
				continue;
			struct prot_period p;
			assert_true(prot_period_parse(year, &p));
			struct prot_figures fig;
			assert_int_equal(prot_figures_get(f->db, centres[c], &p, &fig), ST_OK);
			assert_int_equal(line(f, "children"), fig.children_total);
			long alone = 0, with = 0;
			for (int s = 0; s < PROT_SEX_COUNT_; s++) {
				alone += fig.children[PROT_UNACCOMPANIED][s];
				with += fig.children[PROT_ACCOMPANIED][s];
			}
			assert_int_equal(line(f, "unaccompanied_children"), alone);
			assert_int_equal(line(f, "accompanied_children"), with);
			assert_int_equal(line(f, "children"), alone + with);
			/* Girls among the unaccompanied, by sex. */
			assert_int_equal(column(counts(f, "unaccompanied_children"), REPORT_BY_SEX, 0),
			                 fig.children[PROT_UNACCOMPANIED][PROT_FEMALE]);
			assert_int_equal(line(f, "trafficking_victims"), fig.victims_total);
			seen += fig.children_total + fig.victims_total;
			/* The same victims in their own table, boys, girls, men, women. */
			assert_true(compute(f, &report_trafficking_victims, year, centres[c]));
			const struct report_counts *v = counts(f, "victims");
			assert_int_equal(v->total, fig.victims_total);
			assert_int_equal(column(v, REPORT_BY_GROUP, 0), fig.victims[PROT_BOYS]);
			assert_int_equal(column(v, REPORT_BY_GROUP, 1), fig.victims[PROT_GIRLS]);
			assert_int_equal(column(v, REPORT_BY_GROUP, 2), fig.victims[PROT_MEN]);
			assert_int_equal(column(v, REPORT_BY_GROUP, 3), fig.victims[PROT_WOMEN]);
			assert_int_equal(column(v, REPORT_BY_SEX, 0), fig.victims_female);
			assert_int_equal(column(v, REPORT_BY_SEX, 1), fig.victims_male);
			assert_int_equal(line(f, "victims_reintegration"), fig.victims_reintegration);
		}
	assert_true(seen > 0);   /* the demo has some */
}

/* Medical cases and consultations, month by month, as the monthly report. */
static void medical(void **state)
{
	struct fixture *f = *state;
	long seen = 0;
	for (int y = FIRST_YEAR; y <= LAST_YEAR; y++)
		for (int c = 0; centres[c]; c++) {
			long year_consultations = 0, year_cases = 0;
			for (int m = 1; m <= 12; m++) {
				char month[24];
				snprintf(month, sizeof month, "%d-%02d", y, m);
				if (!compute(f, &report_medical, month, centres[c]))
					break;
				struct monthly_counts mc;
				assert_int_equal(monthly_counts(f->db, centres[c], month, &mc), ST_OK);
				assert_int_equal(line(f, "consultations"), mc.consultations_total);
				assert_int_equal(line(f, "medical_cases"), mc.cases_total);
				assert_true(line(f, "people_consulted") <= line(f, "consultations"));
				assert_true(line(f, "referrals") <= line(f, "consultations"));
				year_consultations += mc.consultations_total;
				year_cases += mc.cases_total;
			}
			char year[16];
			snprintf(year, sizeof year, "%d", y);
			if (!compute(f, &report_protection, year, centres[c]))
				continue;
			/* The protection table's medical lines are the year's. */
			assert_int_equal(line(f, "consultations"), year_consultations);
			assert_int_equal(line(f, "medical_cases"), year_cases);
			seen += year_consultations;
		}
	assert_true(seen > 0);
}

static void training(void **state)
{
	struct fixture *f = *state;
	long seen = 0;
	for (int y = FIRST_YEAR; y <= LAST_YEAR; y++)
		for (int c = 0; centres[c]; c++) {
			char year[16];
			snprintf(year, sizeof year, "%d", y);
			if (!compute(f, &report_training, year, centres[c]))
				continue;
			struct training_period p;
			assert_true(training_period_parse(year, &p));
			struct training_figures fig;
			assert_int_equal(training_figures_get(f->db, centres[c], &p, 0, &fig), ST_OK);
			assert_int_equal(line(f, "participants"), fig.participants);
			assert_int_equal(line(f, "participants_community"), fig.community);
			assert_int_equal(line(f, "courses"), fig.courses);
			assert_int_equal(line(f, "enrolments"), fig.enrolments);
			assert_int_equal(line(f, "completed"), fig.completed);
			seen += fig.participants;
		}
	assert_true(seen > 0);
}

/* Over all centres (the figures go by country, the table by centre). */
static void reintegration(void **state)
{
	struct fixture *f = *state;
	long seen = 0;
	for (int y = FIRST_YEAR; y <= LAST_YEAR + 1; y++) {
		char year[16];
		snprintf(year, sizeof year, "%d", y);
		assert_true(compute(f, &report_reintegration, year, ""));
		struct reint_period p;
		assert_true(reint_period_parse(year, &p));
		struct reint_figures fig;
		assert_int_equal(reint_figures_get(f->db, "", &p, &fig), ST_OK);
		assert_int_equal(line(f, "beneficiaries"), fig.total[REINT_ALL]);
		assert_int_equal(line(f, "individual"), fig.total[REINT_INDIVIDUAL]);
		assert_int_equal(line(f, "community"), fig.total[REINT_COMMUNITY]);
		assert_int_equal(line(f, "collective"), fig.total[REINT_COLLECTIVE]);
		assert_int_equal(line(f, "community_members"), fig.community[REINT_COMMUNITY]);
		assert_int_equal(line(f, "community_returnees") + line(f, "community_members"), line(f, "community"));
		assert_int_equal(line(f, "projects_collective"), fig.projects[0]);
		assert_int_equal(line(f, "projects_community"), fig.projects[1]);
		/* Projects by country: the breakdown adds up to the line. */
		const struct report_counts *pc = counts(f, "projects_community");
		long by_country = pc->nat_unknown + pc->nat_other;
		for (int i = 0; i < pc->nnat; i++)
			by_country += pc->nat[i].n;
		assert_int_equal(by_country, pc->total);
		assert_int_equal(pc->nat_unknown, 0);
		seen += fig.total[REINT_ALL] + fig.projects[1];
	}
	assert_true(seen > 0);
}

static void psychosocial(void **state)
{
	struct fixture *f = *state;
	long seen = 0;
	for (int y = FIRST_YEAR; y <= LAST_YEAR; y++)
		for (int c = 0; centres[c]; c++) {
			char year[16];
			snprintf(year, sizeof year, "%d", y);
			if (!compute(f, &report_psychosocial, year, centres[c]))
				continue;
			struct psych_period p;
			assert_true(psych_period_parse(year, &p));
			struct psych_figures *fig = calloc(1, sizeof *fig);
			assert_int_equal(psych_figures_get(f->db, centres[c], &p, 1, 5, "en", fig), ST_OK);
			assert_int_equal(line(f, "people"), fig->people_total);
			assert_int_equal(line(f, "attendances"), fig->attendances);
			assert_int_equal(line(f, "sessions"), fig->held);
			assert_int_equal(column(counts(f, "people"), REPORT_BY_ORIGIN, 1), fig->community_total);
			seen += fig->people_total;
			free(fig);
		}
	assert_true(seen > 0);
}

static void add_net(const struct dist_item_total *t, void *ctx)
{
	*(long long *)ctx += t->net;
}

static void distributions(void **state)
{
	struct fixture *f = *state;
	long seen = 0;
	for (int y = FIRST_YEAR; y <= LAST_YEAR + 1; y++)
		for (int c = 0; centres[c]; c++) {
			char year[16];
			snprintf(year, sizeof year, "%d", y);
			if (!compute(f, &report_distributions, year, centres[c]))
				continue;
			struct dist_period p;
			assert_true(dist_period_parse(year, &p));
			struct dist_figures fig;
			assert_int_equal(dist_figures_get(f->db, centres[c], &p, &fig), ST_OK);
			assert_int_equal(line(f, "people"), fig.people_total);
			assert_int_equal(line(f, "servings"), fig.servings);
			assert_int_equal(line(f, "reversals"), fig.reversals);
			long long net = 0;
			assert_int_equal(dist_figures_items(f->db, centres[c], &p, add_net, &net), ST_OK);
			assert_int_equal(line(f, "quantity"), net);
			seen += fig.people_total;
		}
	assert_true(seen > 0);
}

/* Whether a and b count the same, every breakdown (the nationalities in
 * any order: rows read in another order list them in another). */
static bool same_counts(const struct report_counts *a, const struct report_counts *b)
{
	if (a->total != b->total || memcmp(a->cell, b->cell, sizeof a->cell) != 0 || a->nnat != b->nnat ||
	    a->nat_unknown != b->nat_unknown || a->nat_other != b->nat_other)
		return false;
	for (int i = 0; i < a->nnat; i++) {
		int j = 0;
		while (j < b->nnat && strcmp(a->nat[i].iso3, b->nat[j].iso3) != 0)
			j++;
		if (j == b->nnat || a->nat[i].n != b->nat[j].n)
			return false;
	}
	return true;
}

/* The tables counted faster (lines in shared passes, summaries of whole
 * years) give every count their lines give one by one from their own SQL,
 * for years, a quarter, days, at every centre. */
static void fast_paths(void **state)
{
	struct fixture *f = *state;
	struct report_result *plain = malloc(sizeof *plain);
	int tables = 0;
	for (const struct module *const *m = module_table; *m; m++)
		for (const struct report_def *const *d = (*m)->reports; d && *d; d++) {
			if (!(*d)->years && !(*d)->passes)
				continue;
			tables++;
			struct report_def slow = **d;
			slow.years = NULL;
			slow.passes = NULL;
			for (int y = FIRST_YEAR - 1; y <= LAST_YEAR + 2; y++) {
				char periods[4][40];
				snprintf(periods[0], sizeof periods[0], "%d", y);
				snprintf(periods[1], sizeof periods[1], "%d-Q3", y);
				snprintf(periods[2], sizeof periods[2], "%d-02-10..%d-11-20", y, y);
				snprintf(periods[3], sizeof periods[3], "%d-01-01..%d-12-31", y, y + 1);
				for (int p = 0; p < 4; p++)
					for (int c = 0; centres[c]; c++) {
						if (!compute(f, &slow, periods[p], centres[c]))
							continue;
						memcpy(plain, f->r, sizeof *plain);
						assert_true(compute(f, *d, periods[p], centres[c]));
						assert_int_equal(f->r->nlines, plain->nlines);
						for (int i = 0; i < plain->nlines; i++)
							if (!same_counts(&f->r->lines[i], &plain->lines[i]))
								fail_msg("%s %s at '%s': line %s %ld, one by one %ld", (*d)->name, periods[p],
								         centres[c], (*d)->lines[i].key, f->r->lines[i].total,
								         plain->lines[i].total);
					}
			}
		}
	free(plain);
	assert_int_equal(tables, 2);   /* intake, distributions */
}

/* Every module's table is in the registry, once, under its own name. */
static void registered(void **state)
{
	(void)state;
	static const char *const names[] = { "intake", "protection", "trafficking_victims", "medical", "training",
		                             "reintegration", "psychosocial", "distributions", NULL };
	for (int i = 0; names[i]; i++) {
		const struct report_def *d = module_report(module_table, names[i]);
		assert_non_null(d);
		assert_string_equal(d->name, names[i]);
		for (int l = 0; d->lines[l].key; l++) {
			assert_non_null(d->lines[l].definition);
			assert_non_null(d->lines[l].hxl);
			assert_true(d->lines[l].hxl[0] == '#');
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(registered),
		cmocka_unit_test(protection),
		cmocka_unit_test(medical),
		cmocka_unit_test(training),
		cmocka_unit_test(reintegration),
		cmocka_unit_test(psychosocial),
		cmocka_unit_test(distributions),
		cmocka_unit_test(fast_paths),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
