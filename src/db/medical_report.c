/* The medical lists and counts of a centre: who is due for a follow-up,
 * the day's register of consultations, the monthly counts. The record of
 * one person is in medical.c. */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "core/date.h"
#include "core/person.h"
#include "db/db_private.h"
#include "db/medical.h"

/* Appends s to out (size bytes, *len used), in capitals when upper, whole
 * characters only: what does not fit is left out. A byte that is not UTF-8
 * becomes '?'. */
static void append_utf8(char *out, size_t size, size_t *len, const char *s, bool upper)
{
	if (!s)
		s = "";
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	utf8proc_ssize_t left = (utf8proc_ssize_t)strlen(s);
	while (left > 0) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(p, left, &cp);
		if (k <= 0) {
			cp = '?';
			k = 1;
		}
		utf8proc_uint8_t buf[4];
		size_t m = (size_t)utf8proc_encode_char(upper ? utf8proc_toupper(cp) : cp, buf);
		if (*len + m >= size)
			break;
		memcpy(out + *len, buf, m);
		*len += m;
		p += k;
		left -= k;
	}
	out[*len] = '\0';
}

/* "FAMILY Given", as lists show people. */
static void list_name(const char *family, const char *given, char *out, size_t size)
{
	size_t len = 0;
	out[0] = '\0';
	append_utf8(out, size, &len, family, true);
	append_utf8(out, size, &len, " ", false);
	append_utf8(out, size, &len, given, false);
}

/* The age shown in the register for someone born on birth (ISO, partial
 * allowed, "" unknown) on day `on`: "23" for a known birth day, "~23" for
 * an estimated or partial one, "?" when unknown; the age of every other
 * screen (person_age), and monthly_counts puts a person on the same side
 * of 18. */
static void age_text(const char *birth, bool estimated, const char *on, char *out, size_t size)
{
	struct pdate day;
	int years;
	bool approx, child;
	snprintf(out, size, "?");
	if (date_from_iso(on, &day) != DATE_OK || !person_age(birth, estimated, &day, &years, &approx, &child))
		return;
	snprintf(out, size, "%s%d", approx ? "~" : "", years);
}

/* The follow-up list's query, one per direction: soonest first, then by
 * person; the key (?4 due, ?5 person) bounds the page when given. */
#define FOLLOWUP_SELECT \
	"SELECT c.person_id, c.id, p.case_key, p.family_name, p.given_names, c.next_followup, " \
	"coalesce(p.birth_date, ''), p.birth_estimated " \
	"FROM consultation c JOIN person p ON p.id = c.person_id " \
	"WHERE c.centre_id = ?1 AND c.next_followup IS NOT NULL " \
	"AND NOT EXISTS (SELECT 1 FROM consultation l WHERE l.person_id = c.person_id " \
	" AND l.date >= c.date AND (l.date > c.date OR l.id > c.id)) " \
	/* Only people still in a centre: those who left are followed elsewhere. */ \
	"AND EXISTS (SELECT 1 FROM stay s WHERE s.person_id = c.person_id AND s.departed IS NULL) "

enum status followup_list(struct db *db, const char *centre_code, const char *today, enum page_dir dir,
                          const struct followup *key, int limit,
                          void (*cb)(const struct followup *f, void *ctx), void *ctx, bool *more)
{
	/* From the partial index of follow-ups of the centre; a consultation
	 * counts only if none later (by date, then entry) exists for the person,
	 * at any centre (consultation_by_person). */
	static const char sql_after[] = FOLLOWUP_SELECT
		"AND (?4 IS NULL OR (c.next_followup, c.person_id) > (?4, ?5)) "
		"ORDER BY c.next_followup, c.person_id LIMIT ?2";
	static const char sql_before[] = FOLLOWUP_SELECT
		"AND (?4 IS NULL OR (c.next_followup, c.person_id) < (?4, ?5)) "
		"ORDER BY c.next_followup DESC, c.person_id DESC LIMIT ?2";
	if (more)
		*more = false;
	enum status s = db_require(db, PERM_MEDICAL_READ);
	if (s != ST_OK)
		return s;
	if (!date_is_day(today) || (dir != PAGE_AFTER && dir != PAGE_BEFORE))
		return ST_INVALID;
	long long centre = db_centre_id(db, centre_code);
	if (!centre)
		return ST_NOT_FOUND;
	if (limit <= 0)
		return ST_OK;
	bool back = dir == PAGE_BEFORE;
	sqlite3_stmt *st = db_stmt(db, back ? sql_before : sql_after);
	if (!st)
		return ST_INTERNAL;
	/* Collect the page, release the statement, then call back: the
	 * callback may use the connection. */
	struct followup *rows = calloc((size_t)limit + 1, sizeof *rows);
	if (!rows)
		return ST_NOMEM;
	sqlite3_bind_int64(st, 1, centre);
	sqlite3_bind_int(st, 2, limit + 1);   /* one more tells *more */
	if (key && key->due[0]) {
		db_bind_text(st, 4, key->due);
		sqlite3_bind_int64(st, 5, key->person_id);
	}
	int n = 0, rc = SQLITE_DONE;
	while (n <= limit && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct followup *f = &rows[n++];
		f->person_id = sqlite3_column_int64(st, 0);
		f->consultation_id = sqlite3_column_int64(st, 1);
		db_column_copy(st, 2, f->case_key, sizeof f->case_key);
		list_name((const char *)sqlite3_column_text(st, 3), (const char *)sqlite3_column_text(st, 4), f->name,
		          sizeof f->name);
		db_column_copy(st, 5, f->due, sizeof f->due);
		f->overdue = strcmp(f->due, today) < 0;
		db_column_copy(st, 6, f->birth_date, sizeof f->birth_date);
		f->birth_estimated = sqlite3_column_int(st, 7) != 0;
	}
	if (n > limit) {
		rc = SQLITE_DONE;
		n = limit;
		if (more)
			*more = true;
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	s = db_status_of(rc);
	for (int i = 0; s == ST_OK && cb && i < n; i++)
		cb(&rows[back ? n - 1 - i : i], ctx);
	free(rows);
	return s;
}

/* The register's columns; ?1 centre, ?2 day, ?3 key, ?4 limit. */
#define REGISTER_SELECT \
	"SELECT c.id, strftime('%H:%M', c.created_at, 'localtime'), p.case_key, p.family_name, p.given_names, " \
	"p.sex, coalesce(p.birth_date, ''), p.birth_estimated, c.reason, coalesce(u.name, '') " \
	"FROM consultation c JOIN person p ON p.id = c.person_id " \
	"LEFT JOIN app_user u ON u.id = c.clinician_id " \
	"WHERE c.centre_id = ?1 AND c.date = ?2 "

enum status register_page(struct db *db, const char *centre_code, const char *date, enum page_dir dir,
                          long long key, int limit, void (*cb)(const struct register_line *r, void *ctx),
                          void *ctx, bool *more)
{
	/* The time of entry in the local time of the server, as "today" is. */
	static const char sql_after[] = REGISTER_SELECT "AND c.id > ?3 ORDER BY c.id LIMIT ?4";
	static const char sql_before[] = REGISTER_SELECT "AND c.id < ?3 ORDER BY c.id DESC LIMIT ?4";
	if (more)
		*more = false;
	enum status s = db_require(db, PERM_MEDICAL_READ);
	if (s != ST_OK)
		return s;
	if (!date_is_day(date) || limit < 0 || (dir != PAGE_AFTER && dir != PAGE_BEFORE))
		return ST_INVALID;
	long long centre = db_centre_id(db, centre_code);
	if (!centre)
		return ST_NOT_FOUND;
	bool back = dir == PAGE_BEFORE;
	sqlite3_stmt *st = db_stmt(db, back ? sql_before : sql_after);
	if (!st)
		return ST_INTERNAL;
	struct register_line *rows = NULL;
	size_t n = 0, cap = 0;
	sqlite3_bind_int64(st, 1, centre);
	db_bind_text(st, 2, date);
	sqlite3_bind_int64(st, 3, key > 0 ? key : back ? INT64_MAX : 0);
	sqlite3_bind_int64(st, 4, (sqlite3_int64)limit + 1);   /* one more tells *more */
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == (size_t)limit) {
			if (more)
				*more = true;
			rc = SQLITE_DONE;
			break;
		}
		struct register_line *r = db_grow((void **)&rows, &n, &cap, sizeof *rows);
		if (!r) {
			rc = SQLITE_NOMEM;
			break;
		}
		r->id = sqlite3_column_int64(st, 0);
		db_column_copy(st, 1, r->time_of_entry, sizeof r->time_of_entry);
		db_column_copy(st, 2, r->case_key, sizeof r->case_key);
		list_name((const char *)sqlite3_column_text(st, 3), (const char *)sqlite3_column_text(st, 4), r->name,
		          sizeof r->name);
		const unsigned char *sex = sqlite3_column_text(st, 5);
		r->sex = sex ? (char)sex[0] : 'x';
		char birth[11];
		db_column_copy(st, 6, birth, sizeof birth);
		age_text(birth, sqlite3_column_int(st, 7) != 0, date, r->age, sizeof r->age);
		db_column_copy(st, 8, r->reason, sizeof r->reason);
		db_column_copy(st, 9, r->clinician, sizeof r->clinician);
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	s = db_status_of(rc);
	for (size_t i = 0; s == ST_OK && cb && i < n; i++)
		cb(&rows[back ? n - 1 - i : i], ctx);
	free(rows);
	return s;
}

enum status register_day(struct db *db, const char *centre_code, const char *date,
                         void (*cb)(const struct register_line *r, void *ctx), void *ctx)
{
	return register_page(db, centre_code, date, PAGE_AFTER, 0, INT_MAX - 1, cb, ctx, NULL);
}

/* The group of a consultation: sex 'f' or 'm' and whether the person was a
 * child (1), an adult (0) or of unknown age (-1). */
static int group_of(const char *sex, int child)
{
	bool f = sex && strcmp(sex, "f") == 0, m = sex && strcmp(sex, "m") == 0;
	if (child < 0 || (!f && !m))
		return GROUP_UNKNOWN;
	if (child)
		return m ? GROUP_BOYS : GROUP_GIRLS;
	return m ? GROUP_MEN : GROUP_WOMEN;
}

enum status monthly_counts(struct db *db, const char *centre_code, const char *month, struct monthly_counts *out)
{
	/* ?1 the first day of the month, ?2 that of the next, ?3 the centre code
	 * or '' for all. The centre list keeps the search on the (centre, date)
	 * indexes even for all centres.
	 *
	 * Age at the consultation in whole years, in SQL: a birth date with a
	 * year only counts as 1 July of that year (1 January for an estimated
	 * age, so the age typed holds all that year), with a month only as the
	 * 15th of that month (the middle of what it may mean), as person_age
	 * does. Someone whose birth date is unknown, or whose sex is neither
	 * 'f' nor 'm', counts in GROUP_UNKNOWN; a birth after the consultation
	 * (a partial date of the same year) counts as a child. */
	static const char by_reason[] =
		"SELECT reason, sex, CASE WHEN b IS NULL THEN -1 ELSE "
		" (CAST(substr(d, 1, 4) AS INTEGER) - CAST(substr(b, 1, 4) AS INTEGER) "
		"  - (substr(d, 6, 5) < substr(b, 6, 5))) < 18 END AS child, count(*), comm "
		"FROM (SELECT c.reason AS reason, c.date AS d, p.sex AS sex, p.community_since IS NOT NULL AS comm, "
		"  CASE length(p.birth_date) WHEN 4 THEN p.birth_date "
		"   || CASE p.birth_estimated WHEN 1 THEN '-01-01' ELSE '-07-01' END "
		"  WHEN 7 THEN p.birth_date || '-15' ELSE p.birth_date END AS b "
		" FROM consultation c JOIN person p ON p.id = c.person_id "
		" WHERE c.centre_id IN (SELECT id FROM centre WHERE ?3 = '' OR code = ?3) "
		" AND c.date >= ?1 AND c.date < ?2) "
		"GROUP BY reason, sex, child, comm";
	static const char by_condition[] =
		"SELECT m.condition, count(*), sum(p.community_since IS NOT NULL) FROM medical_case m "
		"JOIN person p ON p.id = m.person_id "
		"WHERE m.centre_id IN (SELECT id FROM centre WHERE ?3 = '' OR code = ?3) "
		"AND m.opened >= ?1 AND m.opened < ?2 GROUP BY m.condition";
	memset(out, 0, sizeof *out);
	if (db_require(db, PERM_REPORTS) != ST_OK && db_require(db, PERM_MEDICAL_READ) != ST_OK)
		return ST_DENIED;
	struct pdate m;
	if (!month || date_from_iso(month, &m) != DATE_OK || m.prec != DATE_MONTH)
		return ST_INVALID;
	if (!centre_code)
		centre_code = "";
	if (*centre_code && !db_centre_id(db, centre_code))
		return ST_NOT_FOUND;
	char from[16], to[16];
	snprintf(from, sizeof from, "%04d-%02d-01", m.year, m.month);
	snprintf(to, sizeof to, "%04d-%02d-01", m.month == 12 ? m.year + 1 : m.year, m.month % 12 + 1);
	int rc = SQLITE_DONE;
	for (int q = 0; q < 2 && rc == SQLITE_DONE; q++) {
		sqlite3_stmt *st = db_stmt(db, q == 0 ? by_reason : by_condition);
		if (!st)
			return ST_INTERNAL;
		db_bind_text(st, 1, from);
		db_bind_text(st, 2, to);
		db_bind_text(st, 3, centre_code);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			const char *name = (const char *)sqlite3_column_text(st, 0);
			if (q == 0) {
				long count = (long)sqlite3_column_int64(st, 3);
				int g = group_of((const char *)sqlite3_column_text(st, 1), sqlite3_column_int(st, 2));
				for (int r = 0; name && r < REASON_COUNT_; r++)
					if (strcmp(name, med_reason_name((enum med_reason)r)) == 0)
						out->consultations[r][g] += count;
				out->consultations_total += count;
				if (sqlite3_column_int(st, 4))
					out->consultations_community += count;
			} else {
				long count = (long)sqlite3_column_int64(st, 1);
				for (int c = 0; name && c < COND_COUNT_; c++)
					if (strcmp(name, med_condition_name((enum med_condition)c)) == 0)
						out->cases_opened[c] += count;
				out->cases_total += count;
				out->cases_community += (long)sqlite3_column_int64(st, 2);
			}
		}
		sqlite3_reset(st);
	}
	if (rc != SQLITE_DONE)
		memset(out, 0, sizeof *out);
	return db_status_of(rc);
}
