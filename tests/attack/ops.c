/* The write paths the crash test and the soak drive, each as a screen
 * would call the data layer, with the line it acknowledges and the check of
 * that line against the database. The paths are in ops_*.c, one file by
 * area of work; here are their shared helpers and the table. To add a
 * module's writes: a run and a verify function in its own ops_<area>.c,
 * declared in ops_private.h, and one row of attack_ops[] below. */
#define _POSIX_C_SOURCE 200809L
#include "ops_private.h"

/* ---- helpers ------------------------------------------------------------ */

void today(char out[11])
{
	struct pdate t = clock_today();
	date_to_iso(&t, out, 11);
}

void act_as(struct attack *a, long long id, const char *name, enum role role)
{
	db_set_actor(a->db, id, name, (int)role, "attack");
}

/* A person to write about: one of the hot people or one of the writer's. */
long long some_person(struct attack *a)
{
	if (a->nmine > 0 && attack_pick(a, 2))
		return a->mine[attack_pick(a, a->nmine < ATTACK_MINE ? a->nmine : ATTACK_MINE)];
	return a->hot[attack_pick(a, ATTACK_HOT)];
}

/* A woman of the people this session writes about (a pregnancy needs
 * one), or the first hot person, a woman, when none is found. */
long long some_woman(struct attack *a)
{
	for (int tries = 0; tries < 16; tries++) {
		long long id = some_person(a);
		sqlite3_stmt *st;
		if (sqlite3_prepare_v2(db_sqlite(a->db), "SELECT sex = 'f' FROM person WHERE id = ?1", -1, &st, NULL)
		    != SQLITE_OK)
			return id;
		sqlite3_bind_int64(st, 1, id);
		bool woman = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
		if (woman)
			return id;
	}
	return a->hot[0];   /* "Hot Person A", a woman (attack.c) */
}

/* The day n days after iso, into out. */
void days_after(const char *iso, int n, char out[11])
{
	sqlite3 *mem;
	sqlite3_stmt *st;
	snprintf(out, 11, "%s", iso);
	if (sqlite3_open(":memory:", &mem) != SQLITE_OK)
		return;
	if (sqlite3_prepare_v2(mem, "SELECT date(?1, printf('+%d days', ?2))", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, iso, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 2, n);
		if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
			snprintf(out, 11, "%s", (const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
	}
	sqlite3_close(mem);
}

/* Waits a->think_ms at most, as a user between reading and saving. */
void think(struct attack *a)
{
	if (a->think_ms <= 0)
		return;
	long us = (long)(a->think_ms * 1000.0 * (double)attack_pick(a, 1000) / 1000.0);
	struct timespec ts = { us / 1000000, (us % 1000000) * 1000 };
	nanosleep(&ts, NULL);
}

/* Runs one query with integer/text parameters ("i" or "t" per parameter
 * in types) and returns its first row's first column as an integer (-1
 * when no row), and the second column's text into text (may be NULL). */
long long query(sqlite3 *ro, const char *sql, const char *types, const char *const *args,
                       char *text, size_t size)
{
	sqlite3_stmt *st;
	if (text && size)
		text[0] = '\0';
	if (sqlite3_prepare_v2(ro, sql, -1, &st, NULL) != SQLITE_OK)
		return -2;
	for (int i = 0; types[i]; i++) {
		if (types[i] == 'i')
			sqlite3_bind_int64(st, i + 1, strtoll(args[i], NULL, 10));
		else
			sqlite3_bind_text(st, i + 1, args[i], -1, SQLITE_TRANSIENT);
	}
	long long v = -1;
	if (sqlite3_step(st) == SQLITE_ROW) {
		v = sqlite3_column_int64(st, 0);
		const unsigned char *t = sqlite3_column_count(st) > 1 ? sqlite3_column_text(st, 1) : NULL;
		if (text && size)
			snprintf(text, size, "%s", t ? (const char *)t : "");
	}
	sqlite3_finalize(st);
	return v;
}

/* Splits args into at most n space-separated words (in place, in buf). */
int words(const char *args, char *buf, size_t size, const char **w, int n)
{
	snprintf(buf, size, "%s", args);
	int k = 0;
	for (char *save = NULL, *t = strtok_r(buf, " ", &save); t && k < n; t = strtok_r(NULL, " ", &save))
		w[k++] = t;
	return k;
}

bool fail(char *why, size_t size, const char *msg)
{
	snprintf(why, size, "%s", msg);
	return false;
}

/* A versioned edit: row's version greater than v, or v with the value. */
bool versioned(sqlite3 *ro, const char *sql, const char *id, const char *v, const char *value,
                      char *why, size_t size)
{
	char now[512];
	long long ver = query(ro, sql, "i", (const char *[]){ id }, now, sizeof now);
	long long want = strtoll(v, NULL, 10);
	if (ver < 0)
		return fail(why, size, "record missing");
	if (ver < want)
		return fail(why, size, "older version than acknowledged");
	if (ver == want && strcmp(now, value) != 0)
		return fail(why, size, "acknowledged value not there");
	return true;
}

/* A counted event: at least nth + 1 rows. */
bool counted(sqlite3 *ro, const char *sql, const char *types, const char *const *args, int nth,
                    char *why, size_t size)
{
	if (query(ro, sql, types, args, NULL, 0) < nth + 1)
		return fail(why, size, "fewer rows than acknowledged");
	return true;
}

/* ---- the table ---------------------------------------------------------- */

/* Weight 0: a line another path acknowledges, never run on its own.
 * No verify: a path whose acks are other rows' lines.
 * true: a versioned edit ("kind id version ..."). */
const struct attack_op attack_ops[] = {
	{ "person", 14, run_register, verify_register, false },
	{ "edit", 24, run_edit, verify_edit, true },
	{ "view", 4, run_view, verify_view, false },
	{ "link", 3, run_link, verify_link, false },
	{ "stay", 8, run_stay, NULL, false },
	{ "depart", 0, NULL, verify_depart, false },
	{ "admit", 0, NULL, verify_admit, false },
	{ "services", 0, NULL, verify_services, false },
	{ "consultation", 12, run_consultation, verify_consultation, false },
	{ "consultation_edit", 8, run_consultation_edit, verify_consultation_edit, true },
	{ "medical_case", 6, run_medical_case, verify_medical_case, false },
	{ "antenatal", 0, NULL, verify_antenatal, false },
	{ "medical_case_close", 0, NULL, verify_case_close, true },
	{ "fitness", 3, run_fitness, verify_fitness, false },
	{ "account", 2, run_account, NULL, false },
	{ "user", 0, NULL, verify_user, false },
	{ "user_edit", 0, NULL, verify_user_edit, true },
	{ "set_password", 0, NULL, verify_set_password, false },
	{ "change_password", 0, NULL, verify_change_password, false },
	{ "prefs", 0, NULL, verify_prefs, false },
	{ "login", 2, run_login, verify_login, false },
	{ "login_failed", 0, NULL, verify_login_failed, false },
	{ "draft", 4, run_draft, verify_draft, false },
	{ "draft_gone", 0, NULL, verify_draft_gone, false },
	/* Figures and attendance sheets. */
	{ "sheet_export", 2, run_sheet_export, verify_sheet_export, false },
	/* Psychosocial sessions and the attendance roll. */
	{ "psych_session", 3, run_psych_session, verify_psych_session, false },
	{ "psych_mark", 6, run_psych_mark, verify_psych_mark, true },
	/* Individual psychosocial support. */
	{ "psych_support", 4, run_psych_support, verify_psych_support, false },
	/* Reference lists (administrators). */
	{ "ref_partner", 1, run_ref_partner, verify_ref_partner, false },
	/* Community members (vocational training). */
	{ "community", 3, run_community, verify_community, false },
	{ "community_arrive", 1, run_community_arrive, verify_community_arrive, false },
	{ "community_edit", 2, run_community_edit, verify_community_edit, true },
	/* Vocational training: courses and enrolment. */
	{ "training_course", 2, run_training_course, verify_training_course, false },
	{ "training_enrol", 5, run_training_enrol, verify_training_enrol, false },
	/* Vocational training: attendance per course day. */
	{ "training_mark", 5, run_training_mark, verify_training_mark, true },
	/* Reintegration cases and plans. */
	{ "reint_case", 2, run_reint_case, verify_reint_case, false },
	{ "reint_case_close", 0, NULL, verify_reint_case_close, true },
	{ "reint_plan", 4, run_reint_plan, verify_reint_plan, false },
	{ "reint_item", 0, NULL, verify_reint_item, false },
	{ "reint_business", 0, NULL, verify_reint_business, false },
	{ "reint_plan_submit", 0, NULL, verify_reint_plan_step, true },
	{ "reint_plan_approve", 0, NULL, verify_reint_plan_step, true },
	{ "reint_plan_complete", 0, NULL, verify_reint_plan_step, true },
	/* Reintegration: grant payments, reversals and visits. */
	{ "reint_pay", 3, run_reint_pay, verify_reint_pay, false },
	{ "reint_reverse", 1, run_reint_reverse, verify_reint_reverse, false },
	{ "reint_visit", 2, run_reint_visit, verify_reint_visit, true },
	{ "reint_visit_add", 0, NULL, verify_reint_visit_add, false },
	/* Reintegration: the sustainability survey. */
	{ "reint_survey_answers", 3, run_reint_survey_answers, verify_reint_survey_answers, true },
	{ "reint_survey_version", 1, run_reint_survey_version, verify_reint_survey_version, false },
	/* Reintegration: collective and community projects. */
	{ "reint_project", 1, run_reint_project, verify_reint_project, false },
	{ "reint_member", 3, run_reint_member, verify_reint_member, false },
	{ "reint_approve", 1, run_reint_approve, verify_reint_approve, true },
	/* Protection cases: opening (or closing) a case, adding an action. */
	{ "prot_case", 2, run_prot_case, verify_prot_case, false },
	{ "prot_case_close", 0, NULL, verify_prot_case_close, true },
	{ "prot_action", 2, run_prot_action, verify_prot_action, false },
	/* Protection: a child's tracing and best-interests assessment. */
	{ "prot_tracing_action", 2, run_prot_tracing_action, verify_prot_tracing_action, false },
	{ "prot_tracing", 0, NULL, verify_prot_tracing, false },
	{ "prot_bi", 1, run_prot_bi, verify_prot_bi, false },
	{ "prot_bi_submit", 0, NULL, verify_prot_bi_submit, true },
	/* Protection: victims of trafficking and referrals. */
	{ "prot_traffic", 1, run_prot_traffic, verify_prot_traffic, false },
	{ "prot_traffic_edit", 0, NULL, verify_prot_traffic_edit, true },
	{ "prot_referral", 1, run_prot_referral, verify_prot_referral, true },
	/* Protection: assisted voluntary returns. */
	{ "prot_return", 3, run_prot_return, verify_prot_return, false },
	{ "prot_return_step", 0, NULL, verify_prot_return_step, true },
	{ "prot_travel_doc", 0, NULL, verify_prot_travel_doc, false },
	{ "prot_departure", 0, NULL, verify_prot_departure, false },
	/* Distributions: serving at the counter, reversing a serving. */
	{ "dist_serve", 4, run_dist_serve, verify_dist_serve, false },
	{ "dist_reverse", 1, run_dist_reverse, verify_dist_reverse, false },
	/* Distributions, items and stock: an item saved, a stock move. */
	{ "dist_item", 1, run_dist_item, verify_dist_item, true },
	{ "dist_stock", 2, run_dist_stock, verify_dist_stock, false },
	/* Reports: the pseudonymised people export. */
	{ "export", 1, run_export, verify_export, false },
	/* Import: a small legacy file, its people and its trail row at once. */
	{ "import", 1, run_import, verify_import, false },
	/* Sync: a bundle from another site applied. */
	{ "sync_import", 1, run_sync_import, verify_sync_import, false },
};
const int attack_op_count = (int)(sizeof attack_ops / sizeof attack_ops[0]);
