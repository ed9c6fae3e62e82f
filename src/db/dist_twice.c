/* Served twice across sites (see db/dist_twice.h). The period's live
 * servings are read in (day, id) order through dist_serving_by_day, a row
 * at a time; for each, the window its item's rule gives it
 * (dist_window_start, the counter's own function) and one probe through
 * dist_serving_by_person for an earlier live serving of the same item to
 * the same person (a household item: to their household, as the counter
 * checks) written by another site in that window. Only the page's
 * entries are kept in memory. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/dist_rule.h"
#include "core/perm.h"
#include "db/db_private.h"
#include "db/dist_day.h"
#include "db/dist_twice.h"

void dist_twice_default(struct dist_twice_filter *f)
{
	memset(f, 0, sizeof *f);
	clock_today_iso(f->to, sizeof f->to);
	char from[16];
	if (dist_day_add(f->to, -29, from, sizeof from))
		snprintf(f->from, sizeof f->from, "%.10s", from);
	else
		snprintf(f->from, sizeof f->from, "%s", f->to);
}

/* Who may read the list: a centre's as its day lists (dist_day_allowed);
 * every centre, managers and reports. */
static enum status twice_allowed(struct db *db, const char *centre_code)
{
	if (centre_code[0])
		return dist_day_allowed(db, centre_code);
	const struct db_actor *a = db_actor(db);
	if (perm_allows(a->role, PERM_DISTRIBUTION_OVERRIDE))
		return ST_OK;
	return db_require(db, PERM_REPORTS);
}

/* A live serving of the period, with its item's rule. */
#define PERIOD_SELECT \
	"SELECT b.id, b.day, coalesce(b.meal, ''), b.person_id, b.item_id, b.site, coalesce(st.admitted, ''), " \
	"i.unit, i.frequency, coalesce(i.every_days, 0), b.centre_id FROM dist_serving b " \
	"JOIN dist_item i ON i.id = b.item_id LEFT JOIN stay st ON st.id = b.stay_id " \
	"WHERE b.day BETWEEN ?1 AND ?2 AND b.quantity > 0 " \
	"AND NOT EXISTS (SELECT 1 FROM dist_serving r WHERE r.reverses_id = b.id) "

struct second {
	long long id, person, item, centre;
	char day[11], meal[12], site[33];
	struct dist_rule rule;
	char admitted[11];
};

static void read_second(sqlite3_stmt *st, struct second *s)
{
	memset(s, 0, sizeof *s);
	s->id = sqlite3_column_int64(st, 0);
	db_column_copy(st, 1, s->day, sizeof s->day);
	db_column_copy(st, 2, s->meal, sizeof s->meal);
	s->person = sqlite3_column_int64(st, 3);
	s->item = sqlite3_column_int64(st, 4);
	db_column_copy(st, 5, s->site, sizeof s->site);
	db_column_copy(st, 6, s->admitted, sizeof s->admitted);
	db_column_copy(st, 7, s->rule.unit, sizeof s->rule.unit);
	db_column_copy(st, 8, s->rule.frequency, sizeof s->rule.frequency);
	s->rule.every_days = sqlite3_column_int(st, 9);
	s->centre = sqlite3_column_int64(st, 10);
}

/* The household relations (as db/dist_serve.h), in SQL. */
#define HOUSEHOLD_RELATIONS "('parent', 'child', 'spouse', 'sibling', 'head', 'member')"

/* An earlier serving found: the last one in (day, id) order wins. */
struct earlier {
	long long id, centre;
	char day[11];
};

/* The last live serving to person before s in its window written by
 * another site, into *best when later than it. */
static enum status earlier_of(struct db *db, const struct second *s, const char *since, long long person,
                              struct earlier *best)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT a.id, a.centre_id, a.day FROM dist_serving a WHERE a.person_id = ?1 AND a.item_id = ?2 "
		"AND a.day BETWEEN ?3 AND ?4 AND (a.day < ?4 OR a.id < ?5) AND a.quantity > 0 AND a.site IS NOT ?6 "
		"AND (?7 = '' OR a.meal = ?7) AND NOT EXISTS (SELECT 1 FROM dist_serving r WHERE r.reverses_id = a.id) "
		"ORDER BY a.day DESC, a.id DESC LIMIT 1");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, person);
	sqlite3_bind_int64(st, 2, s->item);
	db_bind_text(st, 3, since);
	db_bind_text(st, 4, s->day);
	sqlite3_bind_int64(st, 5, s->id);
	db_bind_opt(st, 6, s->site);
	db_bind_text(st, 7, strcmp(s->rule.frequency, "per_meal") == 0 ? s->meal : "");
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		struct earlier e = { .id = sqlite3_column_int64(st, 0), .centre = sqlite3_column_int64(st, 1) };
		db_column_copy(st, 2, e.day, sizeof e.day);
		int c = strcmp(e.day, best->day);
		if (!best->id || c > 0 || (c == 0 && e.id > best->id))
			*best = e;
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
}

/* The last live serving before s in its window written by another site,
 * to the person or, for a household item, to a member of their household
 * (as the counter's check): best->id 0 when none. Each member is one
 * probe of dist_serving_by_person in its order (a query over the whole
 * household would sort, and the sorter's memory is taken and given back
 * at every probe). */
static enum status earlier_elsewhere(struct db *db, const struct second *s, const char *since, struct earlier *best)
{
	memset(best, 0, sizeof *best);
	enum status r = earlier_of(db, s, since, s->person, best);
	if (r != ST_OK || strcmp(s->rule.unit, "household") != 0)
		return r;
	sqlite3_stmt *st = db_stmt(db,
		"SELECT relative_id FROM family_link WHERE person_id = ?1 AND relation IN " HOUSEHOLD_RELATIONS);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, s->person);
	int rc = SQLITE_DONE;
	while (r == ST_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
		r = earlier_of(db, s, since, sqlite3_column_int64(st, 0), best);
	sqlite3_reset(st);
	return r != ST_OK ? r : rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
}

static enum status serving_read(struct db *db, long long id, struct dist_twice_serving *out)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT s.id, s.day, coalesce(s.meal, ''), c.code, c.name_en, c.name_fr, coalesce(c.town, ''), "
		"coalesce(s.site, ''), coalesce(u.display_name, ''), s.person_id, p.case_key FROM dist_serving s "
		"JOIN centre c ON c.id = s.centre_id JOIN person p ON p.id = s.person_id "
		"LEFT JOIN app_user u ON u.id = s.served_by WHERE s.id = ?1");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->id = sqlite3_column_int64(st, 0);
		db_column_copy(st, 1, out->day, sizeof out->day);
		db_column_copy(st, 2, out->meal, sizeof out->meal);
		db_column_copy(st, 3, out->centre_code, sizeof out->centre_code);
		db_column_copy(st, 4, out->centre_en, sizeof out->centre_en);
		db_column_copy(st, 5, out->centre_fr, sizeof out->centre_fr);
		db_column_copy(st, 6, out->town, sizeof out->town);
		db_column_copy(st, 7, out->site, sizeof out->site);
		db_column_copy(st, 8, out->served_by, sizeof out->served_by);
		out->person_id = sqlite3_column_int64(st, 9);
		db_column_copy(st, 10, out->case_key, sizeof out->case_key);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
}

static enum status entry_read(struct db *db, const struct second *s, long long first, const char *since,
                              struct dist_twice *out)
{
	memset(out, 0, sizeof *out);
	out->person_id = s->person;
	out->item_id = s->item;
	snprintf(out->frequency, sizeof out->frequency, "%s", s->rule.frequency);
	out->every_days = s->rule.every_days;
	snprintf(out->since, sizeof out->since, "%.10s", since);
	sqlite3_stmt *st = db_stmt(db,
		"SELECT p.case_key, p.family_name, p.given_names, i.name_en, i.name_fr FROM person p, dist_item i "
		"WHERE p.id = ?1 AND i.id = ?2");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, s->person);
	sqlite3_bind_int64(st, 2, s->item);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		db_column_copy(st, 0, out->case_key, sizeof out->case_key);
		db_column_copy(st, 1, out->family_name, sizeof out->family_name);
		db_column_copy(st, 2, out->given_names, sizeof out->given_names);
		db_column_copy(st, 3, out->item_en, sizeof out->item_en);
		db_column_copy(st, 4, out->item_fr, sizeof out->item_fr);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_status_of(rc);
	enum status r = serving_read(db, first, &out->first);
	return r == ST_OK ? serving_read(db, s->id, &out->second) : r;
}

enum status dist_twice_list(struct db *db, const struct dist_twice_filter *f, enum page_dir dir,
                            const struct dist_twice *key, int limit,
                            void (*cb)(const struct dist_twice *r, void *ctx), void *ctx, bool *more)
{
	static const char after[] = PERIOD_SELECT "AND (b.day, b.id) > (?3, ?4) ORDER BY b.day, b.id";
	static const char before[] = PERIOD_SELECT "AND (b.day, b.id) < (?3, ?4) ORDER BY b.day DESC, b.id DESC";
	bool dummy;
	if (!more)
		more = &dummy;
	*more = false;
	enum status r = twice_allowed(db, f->centre_code);
	if (r != ST_OK || limit <= 0)
		return r;
	if (!date_is_day(f->from) || !date_is_day(f->to) || strcmp(f->from, f->to) > 0)
		return ST_INVALID;
	long long centre = f->centre_code[0] ? db_centre_id(db, f->centre_code) : 0;
	bool back = dir == PAGE_BEFORE;
	struct dist_twice *rows = calloc((size_t)limit, sizeof *rows);
	if (!rows)
		return ST_NOMEM;
	sqlite3_stmt *st = db_stmt(db, back ? before : after);
	if (!st) {
		free(rows);
		return ST_INTERNAL;
	}
	db_bind_text(st, 1, f->from);
	db_bind_text(st, 2, f->to);
	db_bind_text(st, 3, key ? key->second.day : back ? "~" : "");
	sqlite3_bind_int64(st, 4, key ? key->second.id : 0);
	int n = 0, rc = SQLITE_DONE;
	while (r == ST_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct second s;
		read_second(st, &s);
		char since[16];
		dist_window_start(&s.rule, s.day, s.admitted, since, sizeof since);
		struct earlier first;
		r = earlier_elsewhere(db, &s, since, &first);
		if (r != ST_OK || !first.id || (centre && s.centre != centre && first.centre != centre))
			continue;
		if (n == limit) {
			*more = true;
			break;
		}
		r = entry_read(db, &s, first.id, since, &rows[n++]);
	}
	sqlite3_reset(st);
	if (r == ST_OK && rc != SQLITE_ROW && rc != SQLITE_DONE)
		r = db_status_of(rc);
	for (int i = 0; r == ST_OK && cb && i < n; i++)
		cb(&rows[back ? n - 1 - i : i], ctx);
	free(rows);
	return r;
}
