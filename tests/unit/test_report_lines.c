/* The lines of the modules' tables against a known data set written in
 * SQL: a person with two cases or two trafficking records counted once,
 * age on the day they count (a child who turns 18 in the year, a case
 * opened the year before), flagged children whatever their age, the
 * period's bounds (a case closed on its first day, one opened the day
 * after its last), the centre's bounds, lines of things that are not
 * people (a number per row, grouped by country), and the roles allowed. */
#include "core/report.h"
#include "db/report.h"
#include "db/report_dist.h"
#include "db/report_medical.h"
#include "db/report_prot.h"
#include "psych_report_fixture.h"
#include "ui/module.h"

static void exec_sql(struct fixture *f, const char *text)
{
	char *err = NULL;
	if (sqlite3_exec(db_sqlite(f->db), text, NULL, NULL, &err) != SQLITE_OK)
		print_error("%s\n", err);
	assert_null(err);
}

#define ZIN "(SELECT id FROM centre WHERE code = 'ZIN')"
#define AGZ "(SELECT id FROM centre WHERE code = 'AGZ')"

static void known_data(struct fixture *f)
{
	exec_sql(f,
	         "INSERT INTO person (id, case_key, family_name, given_names, sex, birth_date, nationality, arrival_date, "
	         "centre_id, arrival_mode, consent_data, consent_share, consent_date, created_at) "
	         "SELECT 100 + n, 'KEY' || n, 'Family', 'Given', sex, birth, nat, '2025-01-01', " ZIN ", 'rescue', 1, 0, "
	         "'2025-01-01', '2025-01-01T00:00:00Z' FROM (SELECT 1 AS n, 'm' AS sex, '2010-06-01' AS birth, 'NGA' AS nat "
	         "UNION ALL SELECT 2, 'f', '2008-03-01', 'NGA' UNION ALL SELECT 3, 'f', '2008-01-15', 'NGA' "
	         "UNION ALL SELECT 4, 'm', '2000-01-01', 'MLI' UNION ALL SELECT 5, 'f', '2012-01-01', 'NGA' "
	         "UNION ALL SELECT 6, 'm', '2011-01-01', 'NGA' UNION ALL SELECT 7, 'm', '2008-06-01', 'NGA' "
	         "UNION ALL SELECT 8, 'm', '2008-03-01', 'NGA' UNION ALL SELECT 9, 'f', '2013-01-01', 'NGA' "
	         "UNION ALL SELECT 10, 'f', '1990-01-01', 'NGA');"
	         "INSERT INTO person_flag (person_id, flag) VALUES (104, 'unaccompanied_child'), "
	         "(105, 'separated_child'), (109, 'unaccompanied_child');"
	         /* p4 an adult flagged a child, staying; p5 staying at Agadez. */
	         "INSERT INTO stay (person_id, centre_id, admitted, departed, departure_reason) VALUES "
	         "(104, " ZIN ", '2026-03-01', NULL, NULL), (105, " AGZ ", '2026-02-01', '2026-02-20', 'continued');"
	         "INSERT INTO prot_case (id, person_id, centre_id, opened, risk, status, close_reason, closed_date) VALUES "
	         /* p1: two cases in the year, counted once. */
	         "(201, 101, " ZIN ", '2026-01-10', 'high', 'closed', 'needs_met', '2026-02-01'), "
	         "(202, 101, " ZIN ", '2026-04-01', 'high', 'open', NULL, NULL), "
	         /* p2 is 17 on the day her case opens, p3 18. */
	         "(203, 102, " ZIN ", '2026-02-01', 'high', 'open', NULL, NULL), "
	         "(204, 103, " ZIN ", '2026-02-01', 'high', 'open', NULL, NULL), "
	         /* p6: closed the year before; closed on the first day. */
	         "(205, 106, " ZIN ", '2025-05-01', 'high', 'closed', 'needs_met', '2025-12-31'), "
	         "(206, 105, " ZIN ", '2025-05-01', 'high', 'closed', 'needs_met', '2026-01-01'), "
	         /* p7: opened in 2025, 17 on the first day of 2026. */
	         "(207, 107, " ZIN ", '2025-03-01', 'high', 'open', NULL, NULL), "
	         /* p8: two cases with a trafficking record each, at 17 then 18. */
	         "(208, 108, " ZIN ", '2026-01-05', 'high', 'closed', 'needs_met', '2026-03-01'), "
	         "(209, 108, " ZIN ", '2026-04-01', 'high', 'open', NULL, NULL), "
	         /* p9: opened the day after the year. */
	         "(210, 109, " ZIN ", '2027-01-01', 'high', 'open', NULL, NULL), "
	         /* p10: a woman, victim, at Agadez. */
	         "(211, 110, " AGZ ", '2026-06-01', 'high', 'open', NULL, NULL);"
	         "INSERT INTO prot_trafficking (id, case_id, identification, identified_by, identified_date, recruiter, "
	         "legal_status) VALUES (301, 208, 'identified', 'police', '2026-01-05', 'friend', 'none'), "
	         "(302, 209, 'identified', 'police', '2026-04-01', 'friend', 'none'), "
	         "(303, 211, 'identified', 'ngo', '2026-06-01', 'stranger', 'none');"
	         "INSERT INTO prot_trafficking_assistance (trafficking_id, kind, date) VALUES "
	         "(302, 'reintegration', '2026-06-01'), (303, 'reintegration', '2027-01-05');"
	         "INSERT INTO consultation (person_id, date, centre_id, reason, referral_to, referral_status, created_at) "
	         "VALUES (101, '2026-01-01', " ZIN ", 'malaria', '', NULL, '2026-01-01T10:00:00Z'), "
	         "(101, '2026-12-31', " ZIN ", 'malaria', 'Hospital', 'sent', '2026-12-31T10:00:00Z'), "
	         "(101, '2027-01-01', " ZIN ", 'malaria', '', NULL, '2027-01-01T10:00:00Z'), "
	         "(102, '2026-05-01', " AGZ ", 'skin', '', NULL, '2026-05-01T10:00:00Z'), "
	         /* p3 at 17 then at 18, the first listed last. */
	         "(103, '2026-02-01', " ZIN ", 'skin', '', NULL, '2026-02-01T10:00:00Z'), "
	         "(103, '2026-01-10', " ZIN ", 'skin', '', NULL, '2026-01-10T10:00:00Z');");
}

static struct report_result *compute(struct fixture *f, const struct report_def *def, const char *period,
                                     const char *centre)
{
	static struct report_result r;
	struct report_period p;
	assert_true(report_period_parse(period, &p));
	assert_int_equal(report_compute(f->db, def, &p, centre, NULL, NULL, &r), ST_OK);
	return &r;
}

static const struct report_counts *line(struct report_result *r, const char *key)
{
	for (int i = 0; i < r->nlines; i++)
		if (strcmp(r->def->lines[i].key, key) == 0)
			return &r->lines[i];
	fail_msg("no line %s", key);
	return NULL;
}

/* Boys, girls, men, women, unknown of a line. */
static long group(const struct report_counts *c, int col)
{
	return report_column_value(REPORT_BY_GROUP, col, c);
}

static void children(void **state)
{
	struct fixture *f = *state;
	known_data(f);
	sign_in(f, ROLE_MANAGER);
	struct report_result *r = compute(f, &report_protection, "2026", "ZIN");
	/* p1 once, p2 (17), p4 (flagged), p5 (case closed on the first day),
	 * p7 (17 on the first day), p8 (17 on his first case); not p3 (18),
	 * p6 (closed before), p9 (after), p10 (an adult). */
	const struct report_counts *all = line(r, "children");
	assert_int_equal(all->total, 6);
	assert_int_equal(group(all, 0), 3);   /* boys: p1, p7, p8 */
	assert_int_equal(group(all, 1), 2);   /* girls: p2, p5 */
	assert_int_equal(group(all, 2), 1);   /* a man flagged a child: p4 */
	assert_int_equal(line(r, "unaccompanied_children")->total, 2);   /* p4, p5 */
	assert_int_equal(line(r, "accompanied_children")->total, 4);
	/* Age at the event: p7 counts in 15-17 on 2026-01-01. */
	assert_int_equal(report_column_value(REPORT_BY_AGE, REPORT_AGE_15_17, all), 4);   /* p2, p7, p8 at 17, p1 15 */
	/* All centres: p5's stay at Agadez does not count her twice. */
	r = compute(f, &report_protection, "2026", "");
	assert_int_equal(line(r, "children")->total, 6);
	/* Agadez alone: p5 by her stay. */
	r = compute(f, &report_protection, "2026", "AGZ");
	assert_int_equal(line(r, "children")->total, 1);
	assert_int_equal(line(r, "unaccompanied_children")->total, 1);
	/* 2027: p9 whose case opened on its first day, p1, p4; p2, p7 and p8
	 * are 18 on the first day. */
	r = compute(f, &report_protection, "2027", "ZIN");
	assert_int_equal(line(r, "children")->total, 3);
}

static void victims(void **state)
{
	struct fixture *f = *state;
	known_data(f);
	sign_in(f, ROLE_PROTECTION);
	struct report_result *r = compute(f, &report_trafficking_victims, "2026", "ZIN");
	const struct report_counts *v = line(r, "victims");
	assert_int_equal(v->total, 1);          /* p8 once, two records */
	assert_int_equal(group(v, 0), 1);       /* a boy: 17 on the day first identified */
	assert_int_equal(line(r, "victims_reintegration")->total, 1);
	r = compute(f, &report_trafficking_victims, "2026", "");
	v = line(r, "victims");
	assert_int_equal(v->total, 2);
	assert_int_equal(group(v, 3), 1);       /* p10, a woman */
	assert_int_equal(report_column_value(REPORT_BY_SEX, 0, v), 1);
	assert_int_equal(report_column_value(REPORT_BY_SEX, 1, v), 1);
	/* p10's support came after the year. */
	assert_int_equal(line(r, "victims_reintegration")->total, 1);
}

static void medical(void **state)
{
	struct fixture *f = *state;
	known_data(f);
	sign_in(f, ROLE_MANAGER);
	struct report_result *r = compute(f, &report_medical, "2026", "ZIN");
	assert_int_equal(line(r, "consultations")->total, 4);     /* the first and last days; not 2027's */
	assert_int_equal(line(r, "people_consulted")->total, 2);
	assert_int_equal(line(r, "referrals")->total, 1);
	r = compute(f, &report_medical, "2026", "");
	assert_int_equal(line(r, "consultations")->total, 5);
	assert_int_equal(line(r, "people_consulted")->total, 3);
	/* Age on the day of each: p1 15 then 16, p3 17 then 18, p2 18. */
	assert_int_equal(report_column_value(REPORT_BY_AGE, REPORT_AGE_15_17, line(r, "consultations")), 3);
	assert_int_equal(report_column_value(REPORT_BY_AGE, REPORT_AGE_18_24, line(r, "consultations")), 2);
	/* Each person once, at the first: p1 15, p3 17, p2 18. */
	assert_int_equal(report_column_value(REPORT_BY_AGE, REPORT_AGE_15_17, line(r, "people_consulted")), 2);
	assert_int_equal(report_column_value(REPORT_BY_AGE, REPORT_AGE_18_24, line(r, "people_consulted")), 1);
	assert_int_equal(report_column_value(REPORT_BY_GROUP, 1, line(r, "people_consulted")), 1);   /* a girl */
	r = compute(f, &report_protection, "2026", "");
	assert_int_equal(line(r, "consultations")->total, 5);
	/* The medical role reads the medical table, not the protection one;
	 * the intake clerk neither. */
	struct report_period p;
	assert_true(report_period_parse("2026", &p));
	struct report_result *out = malloc(sizeof *out);
	sign_in(f, ROLE_MEDICAL);
	assert_int_equal(report_compute(f->db, &report_medical, &p, "", NULL, NULL, out), ST_OK);
	assert_int_equal(report_compute(f->db, &report_protection, &p, "", NULL, NULL, out), ST_DENIED);
	sign_in(f, ROLE_INTAKE);
	assert_int_equal(report_compute(f->db, &report_medical, &p, "", NULL, NULL, out), ST_DENIED);
	free(out);
}

/* Things that are not people: n per row, grp as a nationality. */
static const struct report_line item_lines[] = {
	{ "stays_weighted", "Stays", "Each stay of the period counts twice, grouped by a country.", REPORT_ITEMS,
	  "#activity", "SELECT admitted AS day, CASE centre_id WHEN " AGZ " THEN 'NER' ELSE 'NGA' END AS grp, 2 AS n "
	  "FROM stay WHERE admitted >= ?1 AND admitted < ?2 AND (?3 IS NULL OR centre_id = ?3)", 0 },
	{ "stays_one", "Stays", "Each stay once (n NULL).", REPORT_ITEMS, "#activity",
	  "SELECT admitted AS day, NULL AS grp, NULL AS n FROM stay WHERE admitted >= ?1 AND admitted < ?2", 0 },
	{ "stays_no_day", "Stays", "Each stay, the one at Agadez without a day.", REPORT_EVENTS, "#activity",
	  "SELECT person_id, CASE centre_id WHEN " AGZ " THEN NULL ELSE admitted END AS day FROM stay "
	  "WHERE admitted >= ?1 AND admitted < ?2", 0 },
	{ NULL, NULL, NULL, REPORT_PEOPLE, NULL, NULL, 0 },
};

static const struct report_def items_def = {
	.name = "items", .title = "Items", .definition = "Items.", .perms = PERM_BIT(PERM_REPORTS),
	.by = REPORT_BY_NATIONALITY, .lines = item_lines,
};

static void items(void **state)
{
	struct fixture *f = *state;
	known_data(f);
	sign_in(f, ROLE_MANAGER);
	struct report_result *r = compute(f, &items_def, "2026", "");
	const struct report_counts *c = line(r, "stays_weighted");
	assert_int_equal(c->total, 4);
	assert_int_equal(c->nnat, 2);
	assert_int_equal(c->nat[0].n + c->nat[1].n, 4);
	assert_int_equal(report_column_value(REPORT_BY_GROUP, 4, c), 4);   /* no sex, no age */
	assert_int_equal(line(r, "stays_one")->total, 2);
	assert_int_equal(line(r, "stays_one")->nat_unknown, 2);
	/* An event without a day counts, at an unknown age. */
	c = line(r, "stays_no_day");
	assert_int_equal(c->total, 2);
	assert_int_equal(report_column_value(REPORT_BY_AGE, REPORT_AGE_UNKNOWN, c), 1);
	r = compute(f, &items_def, "2026", "AGZ");
	assert_int_equal(line(r, "stays_weighted")->total, 2);
	assert_string_equal(line(r, "stays_weighted")->nat[0].iso3, "NER");
}

/* The one number sql gives. */
static long long count_of(struct fixture *f, const char *sql)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(f->db), sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	long long n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* Servings (quantity q, a positive one live until reversed) of person p
 * at a centre on a day, through the ledger: the summary of whole years
 * follows by its triggers. */
#define SERVE(id, p, centre, day, q, rev) \
	"INSERT INTO dist_serving (id, person_id, item_id, centre_id, day, served_at, quantity, reverses_id, reason) " \
	"VALUES (" #id ", " #p ", (SELECT id FROM dist_item WHERE code = 'water'), " centre ", '" day "', '" day \
	"T10:00:00Z', " #q ", " #rev ", CASE WHEN " #rev " IS NULL THEN '' ELSE 'Mistake' END);"

static void dist_data(struct fixture *f)
{
	exec_sql(f,
	         /* p1 (15 then 16): servings around 2026, the one of its first
	          * day reversed in 2027. */
	         SERVE(401, 101, ZIN, "2025-12-31", 1, NULL) SERVE(402, 101, ZIN, "2026-01-01", 1, NULL)
	         SERVE(403, 101, ZIN, "2026-06-15", 1, NULL) SERVE(404, 101, ZIN, "2026-12-31", 1, NULL)
	         SERVE(405, 101, ZIN, "2027-01-01", 1, NULL) SERVE(406, 101, ZIN, "2027-01-02", -1, 402)
	         /* p2, 18 on 2026-03-01: at 17 at both centres, then 18. */
	         SERVE(407, 102, ZIN, "2026-05-01", 1, NULL) SERVE(408, 102, ZIN, "2026-01-10", 1, NULL)
	         SERVE(409, 102, AGZ, "2026-02-01", 1, NULL)
	         /* p4: served and reversed the same day. */
	         SERVE(410, 104, ZIN, "2026-03-01", 1, NULL) SERVE(411, 104, ZIN, "2026-03-01", -1, 410)
	         /* p10: three of an item twice. */
	         SERVE(412, 110, AGZ, "2026-07-01", 3, NULL) SERVE(413, 110, AGZ, "2026-07-01", 3, NULL)
	         /* p3: the last serving of 2026 (the year's last day) reversed. */
	         SERVE(414, 103, AGZ, "2026-04-01", 1, NULL) SERVE(415, 103, AGZ, "2026-12-31", 1, NULL)
	         SERVE(416, 103, AGZ, "2027-02-01", -1, 415));
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

/* The distribution table of whole years, read from the summary, gives
 * every count the servings themselves give; the summary is the ledger's. */
static void distributions(void **state)
{
	struct fixture *f = *state;
	known_data(f);
	dist_data(f);
	sign_in(f, ROLE_MANAGER);
	assert_int_equal(count_of(f, DIST_SERVING_YEAR_CHECK_SQL), 0);
	assert_int_equal(count_of(f, "SELECT count(*) FROM dist_serving_year"), 9);
	struct report_def plain = report_distributions;
	plain.years = NULL;
	static const char *const periods[] = { "2025", "2026", "2027", "2025-01-01..2027-12-31", "2026-01-01..2026-12-31",
		                               "2026-Q1", NULL };
	static const char *const where[] = { "", "ZIN", "AGZ", NULL };
	struct report_result *fast = malloc(sizeof *fast);
	for (int p = 0; periods[p]; p++)
		for (int c = 0; where[c]; c++) {
			memcpy(fast, compute(f, &report_distributions, periods[p], where[c]), sizeof *fast);
			struct report_result *slow = compute(f, &plain, periods[p], where[c]);
			assert_int_equal(fast->nlines, slow->nlines);
			for (int i = 0; i < fast->nlines; i++)
				if (!same_counts(&fast->lines[i], &slow->lines[i]))
					fail_msg("%s at '%s': line %s differs (%ld, %ld)", periods[p], where[c],
					         report_distributions.lines[i].key, fast->lines[i].total, slow->lines[i].total);
		}
	free(fast);
	struct report_result *r = compute(f, &report_distributions, "2026", "");
	const struct report_counts *servings = line(r, "servings");
	assert_int_equal(line(r, "people")->total, 4);   /* p1, p2, p3, p10; not p4 */
	assert_int_equal(servings->total, 8);            /* p1 2, p2 3, p3 1, p10 2 */
	assert_int_equal(report_column_value(REPORT_BY_AGE, REPORT_AGE_15_17, servings), 4);   /* p1 2, p2 2 */
	assert_int_equal(report_column_value(REPORT_BY_AGE, REPORT_AGE_18_24, servings), 2);   /* p2, p3 */
	assert_int_equal(report_column_value(REPORT_BY_AGE, REPORT_AGE_15_17, line(r, "people")), 2);
	assert_int_equal(line(r, "quantity")->total, 14);   /* p1 3, p2 3, p4 0, p10 6, p3 2 */
	assert_int_equal(line(r, "reversals")->total, 1);
	r = compute(f, &report_distributions, "2027", "ZIN");
	assert_int_equal(line(r, "servings")->total, 1);
	assert_int_equal(line(r, "quantity")->total, 0);
	assert_int_equal(line(r, "reversals")->total, 1);
	/* The check of the crash test sees a summary gone wrong. */
	exec_sql(f, "UPDATE dist_serving_year SET last_day = '2026-12-30' WHERE person_id = 102 AND year = '2026' "
	            "AND last_day = '2026-05-01'");
	assert_int_equal(count_of(f, DIST_SERVING_YEAR_CHECK_SQL), 2);
}

/* The query plan of sql, within the statement before ... after. */
static const char *plan_of(struct fixture *f, const char *before, const char *sql, const char *after)
{
	static char plan[4096];
	char text[8192], explain[8300];
	snprintf(text, sizeof text, "%s%s%s", before, sql, after);
	snprintf(explain, sizeof explain, "EXPLAIN QUERY PLAN %s", text);
	plan[0] = '\0';
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(f->db), explain, -1, &st, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		size_t len = strlen(plan);
		snprintf(plan + len, sizeof plan - len, "%s\n", (const char *)sqlite3_column_text(st, 3));
	}
	sqlite3_finalize(st);
	if (getenv("SHOW_PLANS"))
		printf("-- %s\n%s", text, plan);
	return plan;
}

/* The plan of every line of every table: its big tables searched through
 * an index (of migration 026), never scanned whole. Small tables (cases,
 * courses, projects, sessions) may be. */
static void plans(void **state)
{
	struct fixture *f = *state;
	static const char *const big[] = { "SCAN consultation", "SCAN medical_case", "SCAN stay", "SCAN s ",
		                           "SCAN s\n", "SCAN person", "SCAN p\n", "SCAN dist_serving", "SCAN v\n",
		                           "SCAN psych_attendance", "SCAN a\n", NULL };
	for (const struct module *const *m = module_table; *m; m++)
		for (const struct report_def *const *d = (*m)->reports; d && *d; d++)
			for (const struct report_line *l = (*d)->lines; l->key; l++) {
				char explain[8192], plan[4096] = "";
				snprintf(explain, sizeof explain, "EXPLAIN QUERY PLAN %s", l->sql);
				sqlite3_stmt *st;
				assert_int_equal(sqlite3_prepare_v2(db_sqlite(f->db), explain, -1, &st, NULL), SQLITE_OK);
				while (sqlite3_step(st) == SQLITE_ROW) {
					size_t len = strlen(plan);
					snprintf(plan + len, sizeof plan - len, "%s\n", (const char *)sqlite3_column_text(st, 3));
				}
				sqlite3_finalize(st);
				if (getenv("SHOW_PLANS"))
					printf("-- %s.%s\n%s", (*d)->name, l->key, plan);
				for (int b = 0; big[b]; b++)
					if (strstr(plan, big[b]))
						fail_msg("%s.%s: %s in\n%s", (*d)->name, l->key, big[b], plan);
			}
	/* The SQL of the lines counted in one pass, as each line's. */
	for (const struct module *const *m = module_table; *m; m++)
		for (const struct report_def *const *d = (*m)->reports; d && *d; d++)
			for (const struct report_pass *ps = (*d)->passes; ps && ps->sql; ps++) {
				const char *plan = plan_of(f, "", ps->sql, "");
				for (int b = 0; big[b]; b++)
					if (strstr(plan, big[b]))
						fail_msg("%s pass of %s: %s in\n%s", (*d)->name, ps->keys[0], big[b], plan);
			}
	/* The SQL of whole years, and a person's days read again (the line's
	 * own rows of one person): by the summary's key, by the person. */
	for (const struct report_years *y = report_distributions.years; y->key; y++)
		assert_non_null(strstr(plan_of(f, "", y->sql, ""), "SEARCH y USING PRIMARY KEY (year>? AND year<?)"));
	assert_non_null(strstr(plan_of(f, "SELECT day FROM (", report_distributions.lines[1].sql, ") WHERE person_id = ?4"),
	                       "SEARCH v USING INDEX dist_serving_by_person (person_id=?)"));
	assert_non_null(strstr(plan_of(f, "", report_distributions.lines[3].sql, ""), "dist_serving_reversals"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(children, setup, teardown),
		cmocka_unit_test_setup_teardown(victims, setup, teardown),
		cmocka_unit_test_setup_teardown(medical, setup, teardown),
		cmocka_unit_test_setup_teardown(items, setup, teardown),
		cmocka_unit_test_setup_teardown(distributions, setup, teardown),
		cmocka_unit_test_setup_teardown(plans, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
