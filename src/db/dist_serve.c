/* What a distribution counter shows: the person (never anything medical,
 * of protection or psychosocial support) and the state of each item being
 * handed out (see db/dist_serve.h). */
#include <stdio.h>
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/perm.h"
#include "core/person.h"
#include "db/db_private.h"
#include "dist_serve_private.h"

/* The household relations (see db/dist_serve.h), in SQL. */
#define HOUSEHOLD_RELATIONS "('parent', 'child', 'spouse', 'sibling', 'head', 'member')"

const char *dist_meal_of(time_t t)
{
	struct tm tm;
	localtime_r(&t, &tm);
	int minutes = tm.tm_hour * 60 + tm.tm_min;
	return minutes < 10 * 60 + 30 ? "breakfast" : minutes < 16 * 60 ? "lunch" : "dinner";
}

enum status dist_serve_allowed(struct db *db)
{
	if (perm_allows(db_actor(db)->role, PERM_DISTRIBUTION_OVERRIDE))
		return ST_OK;
	return db_require(db, PERM_DISTRIBUTION_WRITE);
}

enum status dist_person_by_key(struct db *db, const char *key, long long *id)
{
	enum status r = dist_serve_allowed(db);
	if (r != ST_OK)
		return r;
	sqlite3_stmt *st = db_stmt(db, "SELECT id FROM person WHERE case_key = ?1");
	if (!st)
		return ST_INTERNAL;
	db_bind_text(st, 1, key);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
}

static enum status person_flags(struct db *db, struct dist_person *p)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT flag FROM person_flag WHERE person_id = ?1");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, p->id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *flag = (const char *)sqlite3_column_text(st, 0);
		for (int f = 0; flag && f < FLAG_COUNT_; f++)
			if (strcmp(flag, person_flag_name((enum person_flag)f)) == 0)
				p->subject.flags |= 1u << f;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
}

static bool is_infant(const char *birth, bool estimated, const struct pdate *today)
{
	int years;
	bool approx, child;
	return birth[0] && person_age(birth, estimated, today, &years, &approx, &child) && years < 2;
}

/* The household's size and whether an infant is in it. */
static enum status household(struct db *db, struct dist_person *p, const struct pdate *today)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT coalesce(r.birth_date, ''), r.birth_estimated FROM family_link f JOIN person r ON r.id = f.relative_id "
		"WHERE f.person_id = ?1 AND f.relation IN " HOUSEHOLD_RELATIONS);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, p->id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char birth[11];
		db_column_copy(st, 0, birth, sizeof birth);
		p->household++;
		if (is_infant(birth, sqlite3_column_int(st, 1) != 0, today))
			p->infant = true;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
}

static enum status staying(struct db *db, const char *centre_code, struct dist_person *p)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT s.id, s.admitted FROM stay s JOIN centre c ON c.id = s.centre_id "
		"WHERE s.person_id = ?1 AND c.code = ?2 AND s.departed IS NULL ORDER BY s.admitted DESC LIMIT 1");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, p->id);
	db_bind_text(st, 2, centre_code);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		p->staying = true;
		p->stay_id = sqlite3_column_int64(st, 0);
		db_column_copy(st, 1, p->stay_admitted, sizeof p->stay_admitted);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
}

enum status dist_person_load(struct db *db, const char *centre_code, long long id, struct dist_person *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt(db,
		"SELECT id, case_key, family_name, given_names, sex, coalesce(birth_date, ''), birth_estimated "
		"FROM person WHERE id = ?1");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	char birth[11] = "";
	bool estimated = false;
	if (rc == SQLITE_ROW) {
		out->id = sqlite3_column_int64(st, 0);
		db_column_copy(st, 1, out->case_key, sizeof out->case_key);
		db_column_copy(st, 2, out->family_name, sizeof out->family_name);
		db_column_copy(st, 3, out->given_names, sizeof out->given_names);
		const unsigned char *sex = sqlite3_column_text(st, 4);
		out->sex = sex ? (char)sex[0] : 'x';
		db_column_copy(st, 5, birth, sizeof birth);
		estimated = sqlite3_column_int(st, 6) != 0;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
	struct pdate today = clock_today();
	out->age = -1;
	if (!birth[0] || !person_age(birth, estimated, &today, &out->age, &out->age_approx, &out->child))
		out->age = -1;
	out->household = 1;
	out->infant = is_infant(birth, estimated, &today);
	enum status r;
	if ((r = person_flags(db, out)) != ST_OK || (r = household(db, out, &today)) != ST_OK ||
	    (r = staying(db, centre_code, out)) != ST_OK)
		return r;
	int role = db_actor(db)->role;
	out->pregnant = (out->subject.flags & (1u << FLAG_PREGNANT)) && perm_sees_flag(role, FLAG_PREGNANT);
	out->disability = (out->subject.flags & (1u << FLAG_DISABILITY)) && perm_sees_flag(role, FLAG_DISABILITY);
	out->subject.sex[0] = out->sex;
	out->subject.age = out->age;
	out->subject.infant = out->infant;
	out->subject.staying = out->staying;
	snprintf(out->subject.stay_admitted, sizeof out->subject.stay_admitted, "%s", out->stay_admitted);
	return ST_OK;
}

enum status dist_person_read(struct db *db, const char *centre_code, long long id, struct dist_person *out)
{
	enum status r = dist_serve_allowed(db);
	return r != ST_OK ? r : dist_person_load(db, centre_code, id, out);
}

#define LAST_SELECT \
	"SELECT s.id, s.day, CAST(strftime('%s', s.served_at) AS INTEGER), coalesce(u.display_name, ''), s.counter, " \
	"coalesce(s.meal, ''), s.person_id, p.case_key FROM dist_serving s JOIN person p ON p.id = s.person_id " \
	"LEFT JOIN app_user u ON u.id = s.served_by "
#define LAST_WHERE \
	"AND s.item_id = ?2 AND s.day >= ?3 AND s.quantity > 0 AND (?4 = '' OR s.meal = ?4) " \
	"AND NOT EXISTS (SELECT 1 FROM dist_serving r WHERE r.reverses_id = s.id) ORDER BY s.day DESC, s.id DESC LIMIT 1"

/* The last live serving of it to p (or their household) on or after since. */
static enum status last_serving(struct db *db, const struct dist_person *p, const struct dist_item *it,
                                const char *since, const char *meal, struct dist_item_state *out, bool *found)
{
	bool per_household = strcmp(it->rule.unit, "household") == 0;
	sqlite3_stmt *st = per_household
		? db_stmt(db, LAST_SELECT "WHERE s.person_id IN (SELECT ?1 UNION SELECT relative_id FROM family_link "
		              "WHERE person_id = ?1 AND relation IN " HOUSEHOLD_RELATIONS ") " LAST_WHERE)
		: db_stmt(db, LAST_SELECT "WHERE s.person_id = ?1 " LAST_WHERE);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, p->id);
	sqlite3_bind_int64(st, 2, it->id);
	db_bind_text(st, 3, since);
	sqlite3_bind_text(st, 4, meal, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	*found = rc == SQLITE_ROW;
	if (*found) {
		out->serving_id = sqlite3_column_int64(st, 0);
		db_column_copy(st, 1, out->day, sizeof out->day);
		out->served_at = (time_t)sqlite3_column_int64(st, 2);
		db_column_copy(st, 3, out->served_by, sizeof out->served_by);
		db_column_copy(st, 4, out->counter, sizeof out->counter);
		db_column_copy(st, 5, out->meal, sizeof out->meal);
		out->by_other = sqlite3_column_int64(st, 6) != p->id;
		if (out->by_other)
			db_column_copy(st, 7, out->collector_key, sizeof out->collector_key);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
}

enum status dist_state_of(struct db *db, const struct dist_counter *c, const struct dist_person *p,
                          const struct dist_item *it, const char *today, struct dist_item_state *out)
{
	memset(out, 0, sizeof *out);
	out->item_id = it->id;
	out->why = dist_eligible(&it->rule, &p->subject);
	char since[11];
	dist_window_start(&it->rule, today, p->stay_admitted, since, sizeof since);
	bool per_meal = strcmp(it->rule.frequency, "per_meal") == 0;
	bool found = false;
	enum status r = last_serving(db, p, it, since, per_meal ? c->meal : "", out, &found);
	if (r != ST_OK)
		return r;
	if (out->why != DIST_ELIGIBLE)
		out->state = DIST_NOT_ELIGIBLE;
	else if (!found)
		out->state = DIST_DUE;
	else if (strcmp(out->day, today) == 0)
		out->state = DIST_SERVED;
	else {
		out->state = DIST_NOT_YET;
		dist_next_due(&it->rule, out->day, out->next_due, sizeof out->next_due);
	}
	return ST_OK;
}

enum status dist_states(struct db *db, const struct dist_counter *c, const struct dist_person *p,
                        const long long *items, int n, struct dist_item_state *out)
{
	enum status r = dist_serve_allowed(db);
	if (r != ST_OK)
		return r;
	char today[11];
	clock_today_iso(today, sizeof today);
	for (int i = 0; i < n; i++) {
		struct dist_item it;
		if ((r = dist_item_get(db, items[i], &it)) != ST_OK ||
		    (r = dist_state_of(db, c, p, &it, today, &out[i])) != ST_OK)
			return r;
	}
	return ST_OK;
}
