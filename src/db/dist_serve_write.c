/* Serving at a distribution counter and correcting a serving (see
 * db/dist_serve.h). A serving is only ever inserted: a mistake is
 * corrected by a reversing entry. "Served once" is decided here: the check
 * and the insert run in one BEGIN IMMEDIATE transaction, so that of two
 * counters serving the same person at once the second sees the first. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/jsonbuf.h"
#include "core/perm.h"
#include "core/text.h"
#include "core/vocab.h"
#include "core/dist_vocab.h"
#include "db/audit.h"
#include "db/db_private.h"
#include "dist_serve_private.h"

static bool blank(const char *s)
{
	return !s || strspn(s, " \t") == strlen(s);
}

/* A reason: not blank, valid UTF-8, at most 200 characters (the column's
 * CHECK); the msgid of what is wrong, else NULL. */
static const char *reason_problem(const char *s, const char *missing)
{
	if (blank(s))
		return missing;
	size_t chars = 0;
	for (const char *c = s; *c; c++)
		chars += ((unsigned char)*c & 0xC0) != 0x80;
	if (!text_valid_utf8(s) || chars > 200)
		return N_("The reason is too long (200 characters at most).");
	return NULL;
}

static void utc_now(char *out, size_t size)
{
	time_t t = clock_now();
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

struct entry {
	long long person, item, centre, stay;
	char day[11], meal[12], counter[21];
	int quantity;
	const char *override_reason;
	long long reverses;
	const char *reason;
};

static enum status entry_insert(struct db *db, const struct entry *e, long long *id)
{
	sqlite3_stmt *st = db_stmt(db,
		"INSERT INTO dist_serving (person_id, item_id, centre_id, stay_id, day, served_at, meal, counter, quantity, "
		"override_reason, reverses_id, reason, served_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
	if (!st)
		return ST_INTERNAL;
	char at[24];
	utc_now(at, sizeof at);
	sqlite3_bind_int64(st, 1, e->person);
	sqlite3_bind_int64(st, 2, e->item);
	sqlite3_bind_int64(st, 3, e->centre);
	if (e->stay)
		sqlite3_bind_int64(st, 4, e->stay);
	db_bind_text(st, 5, e->day);
	db_bind_text(st, 6, at);
	db_bind_opt(st, 7, e->meal);
	db_bind_text(st, 8, e->counter);
	sqlite3_bind_int(st, 9, e->quantity);
	db_bind_text(st, 10, e->override_reason ? e->override_reason : "");
	if (e->reverses)
		sqlite3_bind_int64(st, 11, e->reverses);
	db_bind_text(st, 12, e->reason ? e->reason : "");
	const struct db_actor *a = db_actor(db);
	if (a->user_id > 0)
		sqlite3_bind_int64(st, 13, a->user_id);
	enum status r = db_step_done(st);
	if (r != ST_OK)
		return r;
	*id = sqlite3_last_insert_rowid(db_sqlite(db));
	struct jsonbuf j;
	jsonbuf_init(&j);
	jsonbuf_put_int(&j, "person_id", e->person);
	jsonbuf_put_int(&j, "item_id", e->item);
	jsonbuf_put_int(&j, "centre_id", e->centre);
	jsonbuf_put_int(&j, "stay_id", e->stay);
	jsonbuf_put_str(&j, "day", e->day);
	jsonbuf_put_str(&j, "served_at", at);
	jsonbuf_put_str(&j, "meal", e->meal);
	jsonbuf_put_str(&j, "counter", e->counter);
	jsonbuf_put_int(&j, "quantity", e->quantity);
	if (e->override_reason && e->override_reason[0])
		jsonbuf_put_str(&j, "override_reason", e->override_reason);
	if (e->reverses) {
		jsonbuf_put_int(&j, "reverses_id", e->reverses);
		jsonbuf_put_str(&j, "reason", e->reason);
	}
	return audit_log(db, "create", "dist_serving", *id, jsonbuf_text(&j));
}

/* The checks and the servings, inside the transaction. */
static enum status serve_write(struct db *db, const struct dist_counter *c, long long id, const long long *items,
                               int n, const char *reason, struct dist_served *out, const char **m)
{
	long long centre = db_centre_id(db, c->centre_code);
	if (!centre) {
		*m = N_("Choose the centre of the counter.");
		return ST_INVALID;
	}
	struct dist_person p;
	enum status r = dist_person_load(db, c->centre_code, id, &p);
	if (r != ST_OK)
		return r;
	char today[11];
	clock_today_iso(today, sizeof today);
	for (int i = 0; i < n; i++) {
		struct dist_item it;
		if ((r = dist_item_get(db, items[i], &it)) != ST_OK)
			return r;
		bool per_meal = strcmp(it.rule.frequency, "per_meal") == 0;
		if (per_meal && !vocab_has(VOCAB_DIST_MEAL, c->meal)) {
			*m = N_("Choose the meal being served.");
			return ST_INVALID;
		}
		if (!it.active) {
			*m = N_("This item is no longer handed out.");
			return ST_INVALID;
		}
		if ((r = dist_state_of(db, c, &p, &it, today, &out->state[i])) != ST_OK)
			return r;
		if (out->state[i].state != DIST_DUE && !reason)
			continue;   /* not due: its state says why */
		struct entry e = { .person = p.id, .item = it.id, .centre = centre, .stay = p.stay_id,
		                   .quantity = it.quantity, .override_reason = reason };
		snprintf(e.day, sizeof e.day, "%s", today);
		snprintf(e.meal, sizeof e.meal, "%s", per_meal ? c->meal : "");
		snprintf(e.counter, sizeof e.counter, "%s", c->counter);
		if ((r = entry_insert(db, &e, &out->serving[i])) != ST_OK)
			return r;
		out->n++;
	}
	if (out->n == 0) {
		bool served = false;
		for (int i = 0; i < n; i++)
			served = served || out->state[i].state == DIST_SERVED || out->state[i].state == DIST_NOT_YET;
		*m = n == 0 ? N_("Choose the items being handed out.")
		     : served ? N_("Already served: nothing is due.") : N_("Nothing is due: not eligible.");
		return ST_INVALID;
	}
	return ST_OK;
}

enum status dist_serve(struct db *db, const struct dist_counter *c, long long id, const long long *items, int n,
                       const char *override_reason, struct dist_served *out, const char **msgid)
{
	const char *m = NULL;
	memset(out, 0, sizeof *out);
	enum status r;
	bool override = override_reason != NULL;
	if (override)
		r = db_require(db, PERM_DISTRIBUTION_OVERRIDE);
	else
		r = dist_serve_allowed(db);
	if (r == ST_OK && (n < 0 || n > DIST_SERVE_MAX_ITEMS)) {
		m = N_("Too many items at once.");
		r = ST_INVALID;
	} else if (r == ST_OK && override && (m = reason_problem(override_reason, N_("Say why the rules are overridden.")))) {
		r = ST_INVALID;
	}
	if (r == ST_OK && (r = db_begin(db)) == ST_OK)
		r = db_finish(db, serve_write(db, c, id, items, n, override ? override_reason : NULL, out, &m));
	if (r != ST_OK)
		out->n = 0;
	if (msgid)
		*msgid = m;
	return r;
}

struct serving {
	long long id, person, item, centre, stay, served_by, reverses, reversed_by;
	char day[11], meal[12], counter[21];
	int quantity;
};

static enum status serving_read(struct db *db, long long id, struct serving *s)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT s.id, s.person_id, s.item_id, s.centre_id, coalesce(s.stay_id, 0), coalesce(s.served_by, 0), "
		"coalesce(s.reverses_id, 0), coalesce((SELECT r.id FROM dist_serving r WHERE r.reverses_id = s.id), 0), "
		"s.day, coalesce(s.meal, ''), s.counter, s.quantity FROM dist_serving s WHERE s.id = ?1");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		memset(s, 0, sizeof *s);
		s->id = sqlite3_column_int64(st, 0);
		s->person = sqlite3_column_int64(st, 1);
		s->item = sqlite3_column_int64(st, 2);
		s->centre = sqlite3_column_int64(st, 3);
		s->stay = sqlite3_column_int64(st, 4);
		s->served_by = sqlite3_column_int64(st, 5);
		s->reverses = sqlite3_column_int64(st, 6);
		s->reversed_by = sqlite3_column_int64(st, 7);
		db_column_copy(st, 8, s->day, sizeof s->day);
		db_column_copy(st, 9, s->meal, sizeof s->meal);
		db_column_copy(st, 10, s->counter, sizeof s->counter);
		s->quantity = sqlite3_column_int(st, 11);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
}

/* Their own serving of today, by the staff who served it. */
static bool own_today(struct db *db, const struct serving *s)
{
	const struct db_actor *a = db_actor(db);
	char today[11];
	clock_today_iso(today, sizeof today);
	return a->user_id > 0 && s->served_by == a->user_id && strcmp(s->day, today) == 0 &&
	       perm_allows(a->role, PERM_DISTRIBUTION_WRITE);
}

bool dist_may_reverse(struct db *db, long long id)
{
	struct serving s;
	if (perm_allows(db_actor(db)->role, PERM_DISTRIBUTION_OVERRIDE))
		return true;
	return perm_allows(db_actor(db)->role, PERM_DISTRIBUTION_WRITE) && serving_read(db, id, &s) == ST_OK &&
	       own_today(db, &s);
}

static enum status reverse_write(struct db *db, long long id, const char *reason, long long *rid, const char **m)
{
	struct serving s;
	enum status r = serving_read(db, id, &s);
	if (r != ST_OK)
		return r;
	if (s.reverses)
		*m = N_("A reversal cannot be reversed: serve again.");
	else if (s.reversed_by)
		*m = N_("This serving is already reversed.");
	if (*m)
		return ST_INVALID;
	struct entry e = { .person = s.person, .item = s.item, .centre = s.centre, .stay = s.stay,
	                   .quantity = -s.quantity, .reverses = s.id, .reason = reason };
	clock_today_iso(e.day, sizeof e.day);
	snprintf(e.meal, sizeof e.meal, "%s", s.meal);
	snprintf(e.counter, sizeof e.counter, "%s", s.counter);
	return entry_insert(db, &e, rid);
}

enum status dist_reverse(struct db *db, long long id, const char *reason, long long *reversal_id, const char **msgid)
{
	const char *m = NULL;
	long long got = 0;
	const struct db_actor *a = db_actor(db);
	enum status r = perm_allows(a->role, PERM_DISTRIBUTION_WRITE) ? ST_OK
	                : db_require(db, PERM_DISTRIBUTION_OVERRIDE);
	/* Whose serving of which day, read before the transaction: a refusal
	 * is recorded in a transaction of its own. */
	struct serving s;
	if (r == ST_OK && (r = serving_read(db, id, &s)) == ST_OK && !own_today(db, &s))
		r = db_require(db, PERM_DISTRIBUTION_OVERRIDE);
	if (r == ST_OK && (m = reason_problem(reason, N_("Say why the serving is reversed."))))
		r = ST_INVALID;
	if (r == ST_OK && (r = db_begin(db)) == ST_OK)
		r = db_finish(db, reverse_write(db, id, reason, &got, &m));
	if (r == ST_OK && reversal_id)
		*reversal_id = got;
	if (msgid)
		*msgid = m;
	return r;
}
