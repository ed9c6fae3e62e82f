/* The protection figures of a period (see prot_report.h): people are read
 * one row each (grouped in SQL) and sorted into groups here by person_age,
 * the rule every screen and count uses. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/person.h"
#include "core/prot_vocab.h"
#include "core/vocab.h"
#include "db/db_private.h"
#include "db/prot_report.h"
#include "db/psych_report.h"

bool prot_period_parse(const char *text, struct prot_period *out)
{
	struct psych_period p;
	memset(out, 0, sizeof *out);
	if (!psych_period_parse(text, &p))
		return false;
	snprintf(out->from, sizeof out->from, "%s", p.from);
	snprintf(out->to, sizeof out->to, "%s", p.to);
	return true;
}

int prot_age_group(int years)
{
	static const int upto[] = { 4, 11, 14, 17, 24, 59 };
	if (years < 0)
		return PROT_AGE_UNKNOWN;
	for (int g = 0; g < (int)(sizeof upto / sizeof upto[0]); g++)
		if (years <= upto[g])
			return g;
	return PROT_AGE_60_UP;
}

/* The checks every figure starts with: role, period, centre. */
static enum status figures_check(struct db *db, const char *centre_code, const struct prot_period *period)
{
	if (db_require(db, PERM_PROTECTION_READ) != ST_OK && db_require(db, PERM_REPORTS) != ST_OK)
		return ST_DENIED;
	if (!period || !date_is_day(period->from) || !date_is_day(period->to) || strcmp(period->from, period->to) >= 0)
		return ST_INVALID;
	if (centre_code && *centre_code && !db_centre_id(db, centre_code))
		return ST_NOT_FOUND;
	return ST_OK;
}

static void bind_period(sqlite3_stmt *st, const char *centre_code, const struct prot_period *period)
{
	db_bind_text(st, 1, period->from);
	db_bind_text(st, 2, period->to);
	db_bind_text(st, 3, centre_code ? centre_code : "");
}

static int finish(sqlite3_stmt *st, int rc)
{
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc;
}

/* ?3 a centre code or '' for all: the centres of the figures. */
#define CENTRES "(SELECT id FROM centre WHERE ?3 = '' OR code = ?3)"
/* A case of the centres open for part of the period ?1..?2. */
#define CASE_IN_PERIOD(k) \
	k ".centre_id IN " CENTRES " AND " k ".opened < ?2 AND (" k ".closed_date IS NULL OR " k ".closed_date >= ?1)"
#define CHILD_FLAGS "('unaccompanied_child', 'separated_child', 'accompanied_child')"
#define ALONE_FLAGS "('unaccompanied_child', 'separated_child')"

static int sex_of(const char *sex)
{
	return strcmp(sex, "f") == 0 ? PROT_FEMALE : strcmp(sex, "m") == 0 ? PROT_MALE : PROT_SEX_UNKNOWN;
}

/* Age in years of a person on day `on` (ISO), -1 unknown; *child under 18. */
static int age_on(const char *birth, bool estimated, const char *on, bool *child)
{
	struct pdate day;
	int years;
	bool approx;
	*child = false;
	if (!birth[0] || date_from_iso(on, &day) != DATE_OK || !person_age(birth, estimated, &day, &years, &approx, child))
		return -1;
	return years;
}

static int count_children(struct db *db, const char *centre_code, const struct prot_period *period,
                          struct prot_figures *out)
{
	static const char sql[] =
		"WITH c(person_id, day) AS ("
		"SELECT k.person_id, max(k.opened, ?1) FROM prot_case k WHERE " CASE_IN_PERIOD("k") " "
		"UNION ALL SELECT s.person_id, max(s.admitted, ?1) FROM stay s WHERE s.centre_id IN " CENTRES " "
		"AND s.admitted < ?2 AND (s.departed IS NULL OR s.departed >= ?1) AND EXISTS (SELECT 1 FROM person_flag f "
		"WHERE f.person_id = s.person_id AND f.flag IN " CHILD_FLAGS ")) "
		"SELECT c.person_id, min(c.day), p.sex, coalesce(p.birth_date, ''), p.birth_estimated, "
		"EXISTS (SELECT 1 FROM person_flag f WHERE f.person_id = c.person_id AND f.flag IN " ALONE_FLAGS "), "
		"EXISTS (SELECT 1 FROM person_flag f WHERE f.person_id = c.person_id AND f.flag IN " CHILD_FLAGS ") "
		"FROM c JOIN person p ON p.id = c.person_id GROUP BY c.person_id";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return SQLITE_ERROR;
	bind_period(st, centre_code, period);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char day[16], sex[4], birth[16];
		db_column_copy(st, 1, day, sizeof day);
		db_column_copy(st, 2, sex, sizeof sex);
		db_column_copy(st, 3, birth, sizeof birth);
		bool child;
		age_on(birth, sqlite3_column_int(st, 4) != 0, day, &child);
		if (!child && !sqlite3_column_int(st, 6))
			continue;
		int kind = sqlite3_column_int(st, 5) ? PROT_UNACCOMPANIED : PROT_ACCOMPANIED;
		out->children[kind][sex_of(sex)]++;
		out->children_total++;
	}
	return finish(st, rc);
}

static int count_victims(struct db *db, const char *centre_code, const struct prot_period *period,
                         struct prot_figures *out)
{
	static const char sql[] =
		"SELECT k.person_id, min(t.identified_date), p.sex, coalesce(p.birth_date, ''), p.birth_estimated, "
		"max(EXISTS (SELECT 1 FROM prot_trafficking_assistance a WHERE a.trafficking_id = t.id "
		"AND a.kind = 'reintegration' AND a.date < ?2) "
		"OR EXISTS (SELECT 1 FROM reint_case r WHERE r.person_id = k.person_id)) "
		"FROM prot_trafficking t JOIN prot_case k ON k.id = t.case_id JOIN person p ON p.id = k.person_id "
		"WHERE " CASE_IN_PERIOD("k") " GROUP BY k.person_id";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return SQLITE_ERROR;
	bind_period(st, centre_code, period);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char day[16], sex[4], birth[16];
		db_column_copy(st, 1, day, sizeof day);
		db_column_copy(st, 2, sex, sizeof sex);
		db_column_copy(st, 3, birth, sizeof birth);
		bool child;
		int years = age_on(birth, sqlite3_column_int(st, 4) != 0, day, &child);
		int s = sex_of(sex);
		int g = s == PROT_SEX_UNKNOWN || years < 0 ? PROT_GROUP_UNKNOWN
		        : child ? (s == PROT_MALE ? PROT_BOYS : PROT_GIRLS)
		                : (s == PROT_MALE ? PROT_MEN : PROT_WOMEN);
		out->victims[g]++;
		out->victims_total++;
		out->victims_male += s == PROT_MALE;
		out->victims_female += s == PROT_FEMALE;
		out->victims_reintegration += sqlite3_column_int(st, 5) != 0;
	}
	return finish(st, rc);
}

static int count_referrals(struct db *db, const char *centre_code, const struct prot_period *period,
                           struct prot_figures *out)
{
	static const char sql[] =
		"SELECT r.direction, r.destination, r.status, count(*) FROM prot_referral r "
		"JOIN prot_case k ON k.id = r.case_id WHERE k.centre_id IN " CENTRES " "
		"AND r.sent_date >= ?1 AND r.sent_date < ?2 GROUP BY 1, 2, 3";
	static const char people_sql[] =
		"SELECT count(DISTINCT k.person_id) FROM prot_referral r JOIN prot_case k ON k.id = r.case_id "
		"WHERE k.centre_id IN " CENTRES " AND r.sent_date >= ?1 AND r.sent_date < ?2";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return SQLITE_ERROR;
	bind_period(st, centre_code, period);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *dir = (const char *)sqlite3_column_text(st, 0);
		int d = vocab_index(VOCAB_PROT_REFERRAL_DESTINATION, (const char *)sqlite3_column_text(st, 1));
		int s = vocab_index(VOCAB_PROT_REFERRAL_STATUS, (const char *)sqlite3_column_text(st, 2));
		long n = (long)sqlite3_column_int64(st, 3);
		if (d >= 0 && d < PROT_DESTINATIONS)
			(dir && strcmp(dir, "in") == 0 ? out->referrals_in : out->referrals_out)[d] += n;
		if (s >= 0 && s < PROT_REF_STATUSES)
			out->referrals_status[s] += n;
		out->referrals_total += n;
	}
	finish(st, rc);
	if (rc != SQLITE_DONE)
		return rc;
	st = db_stmt(db, people_sql);
	if (!st)
		return SQLITE_ERROR;
	bind_period(st, centre_code, period);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->referrals_people = (long)sqlite3_column_int64(st, 0);
		rc = SQLITE_DONE;
	}
	return finish(st, rc);
}

/* ?1..?2 the period, ?3 centres: the returns that left in it. */
#define RETURNS_OF_PERIOD \
	"r.status IN ('departed', 'arrived') AND r.centre_id IN " CENTRES " AND r.departure_date >= ?1 " \
	"AND r.departure_date < ?2"

static int count_returns(struct db *db, const char *centre_code, const struct prot_period *period,
                         struct prot_figures *out)
{
	static const char sql[] =
		"SELECT r.person_id, min(r.departure_date), p.sex, coalesce(p.birth_date, ''), p.birth_estimated "
		"FROM prot_return r JOIN person p ON p.id = r.person_id WHERE " RETURNS_OF_PERIOD " GROUP BY r.person_id";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return SQLITE_ERROR;
	bind_period(st, centre_code, period);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char day[16], sex[4], birth[16];
		db_column_copy(st, 1, day, sizeof day);
		db_column_copy(st, 2, sex, sizeof sex);
		db_column_copy(st, 3, birth, sizeof birth);
		bool child;
		int years = age_on(birth, sqlite3_column_int(st, 4) != 0, day, &child);
		out->returns[sex_of(sex)][prot_age_group(years)]++;
		out->returns_total++;
	}
	return finish(st, rc);
}

enum status prot_figures_get(struct db *db, const char *centre_code, const struct prot_period *period,
                             struct prot_figures *out)
{
	memset(out, 0, sizeof *out);
	enum status s = figures_check(db, centre_code, period);
	if (s != ST_OK)
		return s;
	int rc = count_children(db, centre_code, period, out);
	if (rc == SQLITE_DONE)
		rc = count_victims(db, centre_code, period, out);
	if (rc == SQLITE_DONE)
		rc = count_referrals(db, centre_code, period, out);
	if (rc == SQLITE_DONE)
		rc = count_returns(db, centre_code, period, out);
	if (rc == SQLITE_DONE)
		return ST_OK;
	memset(out, 0, sizeof *out);
	return db_status_of(rc);
}

enum status prot_figures_countries(struct db *db, const char *centre_code, const struct prot_period *period,
                                   const char *lang, void (*cb)(const struct prot_country_row *row, void *ctx),
                                   void *ctx)
{
	/* Each person once, in the country of their first departure. */
	static const char sql[] =
		"WITH f AS (SELECT r.person_id, r.country, min(r.departure_date) FROM prot_return r WHERE "
		RETURNS_OF_PERIOD " GROUP BY r.person_id) "
		"SELECT f.country, CASE ?4 WHEN 'fr' THEN c.name_fr ELSE c.name_en END, count(*), sum(p.sex = 'f'), "
		"sum(p.sex = 'm') FROM f JOIN person p ON p.id = f.person_id JOIN country c ON c.iso3 = f.country "
		"GROUP BY f.country ORDER BY 2";
	enum status s = figures_check(db, centre_code, period);
	if (s != ST_OK)
		return s;
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	bind_period(st, centre_code, period);
	db_bind_text(st, 4, lang && strcmp(lang, "fr") == 0 ? "fr" : "en");
	/* Collected first (a few dozen countries): the callback may use the
	 * connection. */
	struct prot_country_row *rows = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct prot_country_row *r = db_grow((void **)&rows, &n, &cap, sizeof *rows);
		if (!r) {
			rc = SQLITE_NOMEM;
			break;
		}
		db_column_copy(st, 0, r->country, sizeof r->country);
		db_column_copy(st, 1, r->label, sizeof r->label);
		r->people = (long)sqlite3_column_int64(st, 2);
		r->female = (long)sqlite3_column_int64(st, 3);
		r->male = (long)sqlite3_column_int64(st, 4);
	}
	finish(st, rc);
	s = db_status_of(rc);
	for (size_t i = 0; s == ST_OK && cb && i < n; i++)
		cb(&rows[i], ctx);
	free(rows);
	return s;
}
