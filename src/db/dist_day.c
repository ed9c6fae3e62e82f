/* The day's distribution lists of a centre (see db/dist_day.h): the
 * servings by time, and the people due and not served by name. Who is due
 * is the rules' (core/dist_rule.h) over the people staying at the centre
 * on the day, read a batch at a time in name order: never the whole
 * centre in memory. */
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/dist_rule.h"
#include "core/perm.h"
#include "db/db_private.h"
#include "db/dist_day.h"
#include "db/dist_day_private.h"
#include "db/dist_item.h"

enum status dist_day_allowed(struct db *db, const char *centre_code)
{
	const struct db_actor *a = db_actor(db);
	bool any = perm_allows(a->role, PERM_DISTRIBUTION_OVERRIDE) || perm_allows(a->role, PERM_REPORTS);
	enum status r = any ? ST_OK : db_require(db, PERM_DISTRIBUTION_WRITE);
	if (r != ST_OK)
		return r;
	long long centre = db_centre_id(db, centre_code ? centre_code : "");
	if (!centre)
		return ST_NOT_FOUND;
	if (any)
		return ST_OK;
	sqlite3_stmt *st = db_stmt(db, "SELECT centre_id FROM app_user WHERE id = ?1");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, a->user_id);
	long long own = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	/* Another centre's lists: a manager's. */
	return own == centre ? ST_OK : db_require(db, PERM_REPORTS);
}

/* ---- who was served ----------------------------------------------------- */

#define SERVED_SELECT \
	"SELECT v.id, v.person_id, v.item_id, coalesce(v.reverses_id, 0), p.case_key, p.family_name, " \
	"p.given_names, v.served_at, coalesce(v.meal, ''), v.counter, v.quantity, coalesce(u.display_name, ''), " \
	"v.reason, v.override_reason FROM dist_serving v JOIN person p ON p.id = v.person_id " \
	"LEFT JOIN app_user u ON u.id = v.served_by WHERE v.centre_id = ?1 AND v.day = ?2 " \
	"AND (?3 = 0 OR v.item_id = ?3) "

static void read_served(sqlite3_stmt *st, struct dist_day_served *r)
{
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(st, 0);
	r->person_id = sqlite3_column_int64(st, 1);
	r->item_id = sqlite3_column_int64(st, 2);
	r->reverses_id = sqlite3_column_int64(st, 3);
	db_column_copy(st, 4, r->case_key, sizeof r->case_key);
	db_column_copy(st, 5, r->family_name, sizeof r->family_name);
	db_column_copy(st, 6, r->given_names, sizeof r->given_names);
	db_column_copy(st, 7, r->served_at, sizeof r->served_at);
	db_column_copy(st, 8, r->meal, sizeof r->meal);
	db_column_copy(st, 9, r->counter, sizeof r->counter);
	r->quantity = sqlite3_column_int(st, 10);
	db_column_copy(st, 11, r->served_by, sizeof r->served_by);
	db_column_copy(st, 12, r->reason, sizeof r->reason);
	db_column_copy(st, 13, r->override_reason, sizeof r->override_reason);
}

enum status dist_day_served_page(struct db *db, long long centre, const char *day, long long item,
                                 enum page_dir dir, const struct dist_day_served *key, int limit,
                                 void (*cb)(const struct dist_day_served *r, void *ctx), void *ctx, bool *more)
{
	static const char after[] = SERVED_SELECT "AND (v.served_at, v.id) > (?4, ?5) ORDER BY v.served_at, v.id LIMIT ?6";
	static const char before[] =
		SERVED_SELECT "AND (v.served_at, v.id) < (?4, ?5) ORDER BY v.served_at DESC, v.id DESC LIMIT ?6";
	bool back = dir == PAGE_BEFORE;
	*more = false;
	sqlite3_stmt *st = db_stmt(db, back ? before : after);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, centre);
	db_bind_text(st, 2, day);
	sqlite3_bind_int64(st, 3, item);
	db_bind_text(st, 4, key ? key->served_at : back ? "~" : "");
	sqlite3_bind_int64(st, 5, key ? key->id : 0);
	sqlite3_bind_int(st, 6, limit + 1);
	struct dist_day_served *rows = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((int)n == limit) {
			*more = true;
			break;
		}
		struct dist_day_served *r = db_grow((void **)&rows, &n, &cap, sizeof *rows);
		if (!r) {
			rc = SQLITE_NOMEM;
			break;
		}
		read_served(st, r);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		free(rows);
		return db_status_of(rc);
	}
	for (size_t i = 0; cb && i < n; i++)
		cb(&rows[back ? n - 1 - i : i], ctx);
	free(rows);
	return ST_OK;
}

enum status dist_day_served(struct db *db, const char *centre_code, const char *day, long long item,
                            enum page_dir dir, const struct dist_day_served *key, int limit,
                            void (*cb)(const struct dist_day_served *r, void *ctx), void *ctx, bool *more)
{
	bool dummy;
	if (!more)
		more = &dummy;
	*more = false;
	enum status r = dist_day_allowed(db, centre_code);
	if (r != ST_OK || limit <= 0)
		return r;
	if (!day || !date_is_day(day))
		return ST_INVALID;
	return dist_day_served_page(db, db_centre_id(db, centre_code), day, item, dir, key, limit, cb, ctx, more);
}

/* ---- who is due --------------------------------------------------------- */

/* The people staying at the centre on the day, by name, after or before
 * the key (the stays of today: stay_current; of a past day: those
 * departed since, stay_departed). */
#define STAYING_SELECT \
	"SELECT p.id, p.case_key, p.family_name, p.given_names, p.sex, coalesce(p.birth_date, ''), " \
	"p.birth_estimated, s.admitted, coalesce((SELECT group_concat(flag, ' ') FROM person_flag g " \
	"WHERE g.person_id = p.id), ''), coalesce((SELECT max(q.birth_date) FROM family_link f JOIN person q " \
	"ON q.id = f.relative_id WHERE f.person_id = p.id), '') FROM stay s JOIN person p ON p.id = s.person_id " \
	"WHERE s.id IN (SELECT id FROM stay WHERE centre_id = ?1 AND departed IS NULL AND admitted <= ?2 " \
	"UNION ALL SELECT id FROM stay WHERE centre_id = ?1 AND departed > ?2 AND admitted <= ?2) "

struct candidate {
	struct dist_day_due due;
	char birth[11], youngest[11];
	bool estimated;
	char flags[200];
};

static int read_candidates(struct db *db, long long centre, const char *day, bool back,
                           const struct dist_day_due *key, struct candidate *out, int max)
{
	static const char after[] = STAYING_SELECT "AND (?3 = 0 OR (p.family_name, p.given_names, p.id) > "
		"(SELECT family_name, given_names, id FROM person WHERE id = ?3)) "
		"ORDER BY p.family_name, p.given_names, p.id LIMIT ?4";
	static const char before[] = STAYING_SELECT "AND (?3 = 0 OR (p.family_name, p.given_names, p.id) < "
		"(SELECT family_name, given_names, id FROM person WHERE id = ?3)) "
		"ORDER BY p.family_name DESC, p.given_names DESC, p.id DESC LIMIT ?4";
	sqlite3_stmt *st = db_stmt(db, back ? before : after);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, centre);
	db_bind_text(st, 2, day);
	sqlite3_bind_int64(st, 3, key ? key->person_id : 0);
	sqlite3_bind_int(st, 4, max);
	int n = 0, rc;
	while (n < max && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct candidate *c = &out[n++];
		memset(c, 0, sizeof *c);
		c->due.person_id = sqlite3_column_int64(st, 0);
		db_column_copy(st, 1, c->due.case_key, sizeof c->due.case_key);
		db_column_copy(st, 2, c->due.family_name, sizeof c->due.family_name);
		db_column_copy(st, 3, c->due.given_names, sizeof c->due.given_names);
		db_column_copy(st, 4, c->due.sex, sizeof c->due.sex);
		db_column_copy(st, 5, c->birth, sizeof c->birth);
		c->estimated = sqlite3_column_int(st, 6) != 0;
		db_column_copy(st, 7, c->due.admitted, sizeof c->due.admitted);
		db_column_copy(st, 8, c->flags, sizeof c->flags);
		db_column_copy(st, 9, c->youngest, sizeof c->youngest);
	}
	sqlite3_reset(st);
	return n;
}

static unsigned flag_bits(const char *list)
{
	unsigned bits = 0;
	for (int f = 0; f < FLAG_COUNT_; f++) {
		const char *name = person_flag_name((enum person_flag)f);
		size_t n = strlen(name);
		for (const char *p = strstr(list, name); p; p = strstr(p + 1, name))
			if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
				bits |= 1u << f;
	}
	return bits;
}

/* Whether a live serving of item for the person (household: or a member
 * of their household) from since to day, at meal ("" any), exists. */
static int served_since(struct db *db, const struct dist_item *it, long long person, const char *since,
                        const char *day, const char *meal)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT 1 FROM dist_serving v WHERE v.person_id IN (SELECT ?1 UNION ALL SELECT relative_id "
		"FROM family_link WHERE person_id = ?1 AND ?2 = 1) AND v.item_id = ?3 AND v.day BETWEEN ?4 AND ?5 "
		"AND v.quantity > 0 AND (?6 = '' OR v.meal = ?6) "
		"AND NOT EXISTS (SELECT 1 FROM dist_serving r WHERE r.reverses_id = v.id) LIMIT 1");
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, person);
	sqlite3_bind_int(st, 2, strcmp(it->rule.unit, "household") == 0);
	sqlite3_bind_int64(st, 3, it->id);
	db_bind_text(st, 4, since);
	db_bind_text(st, 5, day);
	db_bind_text(st, 6, strcmp(it->rule.frequency, "per_meal") == 0 && meal ? meal : "");
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

/* The items c is due on day (into c->due.items); -1 on error. */
static int items_due(struct db *db, struct dist_day_items *items, struct candidate *c, const char *day,
                     const char *meal)
{
	struct pdate on;
	if (date_from_iso(day, &on) != DATE_OK)
		return -1;
	struct dist_subject subj;
	memset(&subj, 0, sizeof subj);
	subj.sex[0] = c->due.sex[0];
	bool approx = false, child = false;
	int years = -1, young = -1;
	c->due.age = person_age(c->birth, c->estimated, &on, &years, &approx, &child) ? years : -1;
	c->due.age_approx = approx;
	subj.age = c->due.age;
	subj.flags = flag_bits(c->flags);
	const char *youngest = strcmp(c->youngest, c->birth) > 0 ? c->youngest : c->birth;
	subj.infant = youngest[0] && person_age(youngest, false, &on, &young, &approx, &child) && young < 2;
	subj.staying = true;
	snprintf(subj.stay_admitted, sizeof subj.stay_admitted, "%s", c->due.admitted);
	c->due.nitems = 0;
	for (int k = 0; k < items->n && c->due.nitems < DIST_DAY_ITEMS; k++) {
		const struct dist_item *it = &items->items[k];
		if (dist_eligible(&it->rule, &subj) != DIST_ELIGIBLE)
			continue;
		char since[16];
		dist_window_start(&it->rule, day, c->due.admitted, since, sizeof since);
		int served = served_since(db, it, c->due.person_id, since, day, meal);
		if (served < 0)
			return -1;
		if (!served)
			c->due.items[c->due.nitems++] = it->id;
	}
	return c->due.nitems;
}

static void take_item(const struct dist_item *it, void *ctx)
{
	struct dist_day_items *x = ctx;
	if (x->n < DIST_DAY_ITEMS_MAX && (!x->only || x->only == it->id))
		x->items[x->n++] = *it;
}

enum status dist_day_items_load(struct db *db, long long only, struct dist_day_items *out)
{
	memset(out, 0, sizeof *out);
	out->only = only;
	return dist_items_each(db, only != 0, take_item, out);
}

#define BATCH 48

enum status dist_day_due_page(struct db *db, long long centre, const char *day, struct dist_day_items *items,
                              const char *meal, enum page_dir dir, const struct dist_day_due *key, int limit,
                              void (*cb)(const struct dist_day_due *r, void *ctx), void *ctx, bool *more)
{
	bool back = dir == PAGE_BEFORE;
	*more = false;
	struct candidate *batch = calloc(BATCH, sizeof *batch);
	struct dist_day_due *rows = calloc((size_t)limit + 1, sizeof *rows);
	struct dist_day_due at;
	enum status s = batch && rows ? ST_OK : ST_NOMEM;
	int n = 0;
	bool keyed = key != NULL;
	if (key)
		at = *key;
	while (s == ST_OK && n <= limit) {
		int got = read_candidates(db, centre, day, back, keyed ? &at : NULL, batch, BATCH);
		if (got < 0) {
			s = ST_INTERNAL;
			break;
		}
		for (int i = 0; s == ST_OK && i < got && n <= limit; i++) {
			int due = items_due(db, items, &batch[i], day, meal);
			if (due < 0)
				s = ST_INTERNAL;
			else if (due > 0)
				rows[n++] = batch[i].due;
		}
		if (got < BATCH)
			break;
		at = batch[got - 1].due;
		keyed = true;
	}
	if (s == ST_OK) {
		if (n > limit) {
			*more = true;
			n = limit;
		}
		for (int i = 0; cb && i < n; i++)
			cb(&rows[back ? n - 1 - i : i], ctx);
	}
	free(batch);
	free(rows);
	return s;
}

enum status dist_day_due(struct db *db, const char *centre_code, const char *day, long long item,
                         const char *meal, enum page_dir dir, const struct dist_day_due *key, int limit,
                         void (*cb)(const struct dist_day_due *r, void *ctx), void *ctx, bool *more)
{
	bool dummy;
	if (!more)
		more = &dummy;
	*more = false;
	enum status r = dist_day_allowed(db, centre_code);
	if (r != ST_OK || limit <= 0)
		return r;
	if (!day || !date_is_day(day))
		return ST_INVALID;
	struct dist_day_items *items = malloc(sizeof *items);
	if (!items)
		return ST_NOMEM;
	r = dist_day_items_load(db, item, items);
	if (r == ST_OK)
		r = dist_day_due_page(db, db_centre_id(db, centre_code), day, items, meal, dir, key, limit, cb, ctx,
		                      more);
	free(items);
	return r;
}
