/* The items of a reintegration plan and the business plan of a
 * small-business item: changed only while the plan is a draft. Every write
 * is one transaction with its audit row, every field before and after. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/jsonbuf.h"
#include "core/reint_vocab.h"
#include "core/vocab.h"
#include "db/audit.h"
#include "db/db_private.h"
#include "db/reint_cases_private.h"
#include "db/reint_plan.h"

#define about reint_about

/* The status of plan id into status ("" when there is none). */
static enum status plan_status(struct db *db, long long id, char *status, size_t size)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT status FROM reint_plan WHERE id = ?1");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	status[0] = '\0';
	if (rc == SQLITE_ROW)
		db_column_copy(st, 0, status, size);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
}

static const char *const not_draft = N_("The plan is no longer a draft: its items cannot change.");

#define ITEM_SELECT \
	"SELECT i.id, i.plan_id, i.category, i.provision, i.description, i.referred_to, i.planned_value, " \
	"i.position, i.version, EXISTS (SELECT 1 FROM reint_business_plan b WHERE b.item_id = i.id) " \
	"FROM reint_plan_item i "

static void read_item(sqlite3_stmt *st, struct reint_item *it)
{
	memset(it, 0, sizeof *it);
	it->id = sqlite3_column_int64(st, 0);
	it->plan_id = sqlite3_column_int64(st, 1);
	db_column_copy(st, 2, it->category, sizeof it->category);
	db_column_copy(st, 3, it->provision, sizeof it->provision);
	db_column_copy(st, 4, it->description, sizeof it->description);
	db_column_copy(st, 5, it->referred_to, sizeof it->referred_to);
	it->planned_value = sqlite3_column_int64(st, 6);
	it->position = sqlite3_column_int(st, 7);
	it->version = sqlite3_column_int(st, 8);
	it->has_business = sqlite3_column_int(st, 9) != 0;
}

static enum status item_read(struct db *db, long long id, struct reint_item *it)
{
	sqlite3_stmt *st = db_stmt(db, ITEM_SELECT "WHERE i.id = ?1");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_item(st, it);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
}

enum status reint_item_get(struct db *db, long long id, struct reint_item *it)
{
	enum status r = db_require(db, PERM_REINTEGRATION_READ);
	return r != ST_OK ? r : item_read(db, id, it);
}

static const char *item_problem(const struct reint_item *it, const char **field)
{
	if (!memchr(it->category, '\0', sizeof it->category) || !vocab_has(VOCAB_REINT_ITEM_CATEGORY, it->category))
		return about(field, "category", N_("Choose the category."));
	if (!memchr(it->provision, '\0', sizeof it->provision) || !vocab_has(VOCAB_REINT_PROVISION, it->provision))
		return about(field, "provision", N_("Say whether it is provided directly or by referral."));
	if (!reint_text_fits(it->description, sizeof it->description, REINT_DESCRIPTION_MAX, false))
		return about(field, "description", N_("The description is too long (200 characters at most)."));
	if (!reint_text_fits(it->referred_to, sizeof it->referred_to, REINT_REFERRED_MAX, false))
		return about(field, "referred_to", N_("The name is too long (80 characters at most)."));
	if (strcmp(it->provision, "direct") == 0 && it->referred_to[0])
		return about(field, "referred_to", N_("Say who it is referred to only for a referral."));
	if (it->planned_value < 0 || it->planned_value > REINT_AMOUNT_MAX)
		return about(field, "planned_value", N_("The planned value is a whole amount, 0 or more."));
	return NULL;
}

enum status reint_item_check(struct db *db, const struct reint_item *it, const char **msgid, const char **field)
{
	const char *m = NULL, *f = NULL;
	struct reint_item stored;
	enum status r = db_require(db, PERM_REINTEGRATION_READ);
	if (r == ST_OK && (m = item_problem(it, &f)) != NULL)
		r = ST_INVALID;
	char status[12];
	if (r == ST_OK && (r = plan_status(db, it->plan_id, status, sizeof status)) == ST_OK
	    && strcmp(status, "draft") != 0) {
		m = not_draft;
		r = ST_INVALID;
	}
	if (r == ST_OK && it->id && (r = item_read(db, it->id, &stored)) == ST_OK && stored.has_business
	    && strcmp(it->category, "small_business") != 0) {
		m = about(&f, "category", N_("This item has a business plan: it stays a small business."));
		r = ST_INVALID;
	}
	if (msgid)
		*msgid = m;
	if (field)
		*field = f;
	return r;
}

static void item_json(struct jsonbuf *j, const struct reint_item *b, const struct reint_item *it)
{
	if (!b) {
		jsonbuf_put_int(j, "plan_id", it->plan_id);
		jsonbuf_put_str(j, "category", it->category);
		jsonbuf_put_str(j, "provision", it->provision);
		jsonbuf_put_str(j, "description", it->description);
		jsonbuf_put_str(j, "referred_to", it->referred_to);
		jsonbuf_put_int(j, "planned_value", it->planned_value);
		jsonbuf_put_int(j, "position", it->position);
		return;
	}
	jsonbuf_change_str(j, "category", b->category, it->category);
	jsonbuf_change_str(j, "provision", b->provision, it->provision);
	jsonbuf_change_str(j, "description", b->description, it->description);
	jsonbuf_change_str(j, "referred_to", b->referred_to, it->referred_to);
	jsonbuf_change_int(j, "planned_value", b->planned_value, it->planned_value);
}

static enum status item_write(struct db *db, struct reint_item *it, const char **m, const char **f)
{
	struct reint_item before;
	bool is_new = it->id == 0;
	enum status r;
	if (!is_new) {
		if ((r = item_read(db, it->id, &before)) != ST_OK)
			return r;
		if (before.version != it->version)
			return ST_CONFLICT;
		it->plan_id = before.plan_id;
	}
	if ((r = reint_item_check(db, it, m, f)) != ST_OK)
		return r;
	sqlite3_stmt *st = is_new
		? db_stmt(db, "INSERT INTO reint_plan_item (plan_id, category, provision, description, referred_to, "
		              "planned_value, position) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
		              "(SELECT coalesce(max(position), 0) + 1 FROM reint_plan_item WHERE plan_id = ?1))")
		: db_stmt(db, "UPDATE reint_plan_item SET category = ?2, provision = ?3, description = ?4, "
		              "referred_to = ?5, planned_value = ?6, version = version + 1 WHERE id = ?1 AND version = ?7");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, is_new ? it->plan_id : it->id);
	db_bind_text(st, 2, it->category);
	db_bind_text(st, 3, it->provision);
	db_bind_text(st, 4, it->description);
	db_bind_text(st, 5, it->referred_to);
	sqlite3_bind_int64(st, 6, it->planned_value);
	if (!is_new)
		sqlite3_bind_int(st, 7, it->version);
	if ((r = db_step_done(st)) != ST_OK)
		return r;
	if (!is_new && sqlite3_changes(db_sqlite(db)) != 1)
		return ST_CONFLICT;
	if ((r = item_read(db, is_new ? sqlite3_last_insert_rowid(db_sqlite(db)) : it->id, it)) != ST_OK)
		return r;
	struct jsonbuf j;
	jsonbuf_init(&j);
	item_json(&j, is_new ? NULL : &before, it);
	return audit_log(db, is_new ? "create" : "update", "reint_plan_item", it->id, jsonbuf_text(&j));
}

enum status reint_item_save(struct db *db, struct reint_item *it, const char **msgid, const char **field)
{
	const char *m = NULL, *f = NULL;
	struct reint_item keep = *it;
	enum status r = db_require(db, PERM_REINTEGRATION_WRITE);
	if (r == ST_OK && (r = db_begin(db)) == ST_OK) {
		r = db_finish(db, item_write(db, it, &m, &f));
		if (r != ST_OK)
			*it = keep;
	}
	if (msgid)
		*msgid = m;
	if (field)
		*field = f;
	return r;
}

enum status reint_item_remove(struct db *db, long long id, int version, const char **msgid)
{
	const char *m = NULL;
	struct reint_item it;
	enum status r = db_require(db, PERM_REINTEGRATION_WRITE);
	if (r == ST_OK && (r = db_begin(db)) == ST_OK) {
		char status[12];
		if ((r = item_read(db, id, &it)) == ST_OK && it.version != version)
			r = ST_CONFLICT;
		if (r == ST_OK && (r = plan_status(db, it.plan_id, status, sizeof status)) == ST_OK
		    && strcmp(status, "draft") != 0) {
			m = not_draft;
			r = ST_INVALID;
		}
		struct reint_business b;
		bool had = false;
		if (r == ST_OK) {
			r = reint_business_get(db, id, &b);
			had = r == ST_OK;
			if (r == ST_NOT_FOUND)
				r = ST_OK;
		}
		if (r == ST_OK && had) {
			sqlite3_stmt *st = db_stmt(db, "DELETE FROM reint_business_plan WHERE item_id = ?1");
			if (!st) {
				r = ST_INTERNAL;
			} else {
				sqlite3_bind_int64(st, 1, id);
				r = db_step_done(st);
			}
			if (r == ST_OK) {
				struct jsonbuf j;
				jsonbuf_init(&j);
				jsonbuf_put_int(&j, "item_id", id);
				jsonbuf_put_str(&j, "activity", b.activity);
				r = audit_log(db, "delete", "reint_business_plan", b.id, jsonbuf_text(&j));
			}
		}
		if (r == ST_OK) {
			sqlite3_stmt *st = db_stmt(db, "DELETE FROM reint_plan_item WHERE id = ?1");
			if (!st) {
				r = ST_INTERNAL;
			} else {
				sqlite3_bind_int64(st, 1, id);
				r = db_step_done(st);
			}
		}
		if (r == ST_OK) {
			struct jsonbuf j;
			jsonbuf_init(&j);
			item_json(&j, NULL, &it);
			r = audit_log(db, "delete", "reint_plan_item", id, jsonbuf_text(&j));
		}
		r = db_finish(db, r);
	}
	if (msgid)
		*msgid = m;
	return r;
}

enum status reint_item_list(struct db *db, long long plan, int limit,
                            void (*cb)(const struct reint_item *it, void *ctx), void *ctx, bool *more)
{
	bool dummy;
	if (!more)
		more = &dummy;
	*more = false;
	enum status r = db_require(db, PERM_REINTEGRATION_READ);
	if (r != ST_OK || limit <= 0)
		return r;
	sqlite3_stmt *st = db_stmt(db, ITEM_SELECT "WHERE i.plan_id = ?1 ORDER BY i.position, i.id LIMIT ?2");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, plan);
	sqlite3_bind_int(st, 2, limit + 1);
	struct reint_item *rows = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((int)n == limit) {
			*more = true;
			break;
		}
		struct reint_item *it = db_grow((void **)&rows, &n, &cap, sizeof *rows);
		if (!it) {
			rc = SQLITE_NOMEM;
			break;
		}
		read_item(st, it);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		free(rows);
		return db_status_of(rc);
	}
	for (size_t i = 0; cb && i < n; i++)
		cb(&rows[i], ctx);
	free(rows);
	return ST_OK;
}

/* ---- business plans ---------------------------------------------------- */

enum status reint_business_get(struct db *db, long long item, struct reint_business *b)
{
	enum status r = db_require(db, PERM_REINTEGRATION_READ);
	if (r != ST_OK)
		return r;
	sqlite3_stmt *st = db_stmt(db, "SELECT id, item_id, activity, sector, place, starting_capital, "
	                               "coalesce(expected_income, -1), partners, version "
	                               "FROM reint_business_plan WHERE item_id = ?1");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, item);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		memset(b, 0, sizeof *b);
		b->id = sqlite3_column_int64(st, 0);
		b->item_id = sqlite3_column_int64(st, 1);
		db_column_copy(st, 2, b->activity, sizeof b->activity);
		db_column_copy(st, 3, b->sector, sizeof b->sector);
		db_column_copy(st, 4, b->place, sizeof b->place);
		b->starting_capital = sqlite3_column_int64(st, 5);
		b->expected_income = sqlite3_column_int64(st, 6);
		db_column_copy(st, 7, b->partners, sizeof b->partners);
		b->version = sqlite3_column_int(st, 8);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
}

static const char *business_problem(const struct reint_business *b, const char **field)
{
	if (!reint_text_fits(b->activity, sizeof b->activity, REINT_ACTIVITY_MAX, false))
		return about(field, "activity", N_("The activity is too long (120 characters at most)."));
	if (!reint_has_content(b->activity))
		return about(field, "activity", N_("Say what the business does."));
	if (!memchr(b->sector, '\0', sizeof b->sector) || !vocab_has(VOCAB_REINT_SECTOR, b->sector))
		return about(field, "sector", N_("Choose the sector."));
	if (!reint_text_fits(b->place, sizeof b->place, REINT_PLACE_MAX, false))
		return about(field, "place", N_("The place is too long (80 characters at most)."));
	if (b->starting_capital < 0 || b->starting_capital > REINT_AMOUNT_MAX)
		return about(field, "starting_capital", N_("The starting capital is a whole amount, 0 or more."));
	if (b->expected_income < -1 || b->expected_income > REINT_AMOUNT_MAX)
		return about(field, "expected_income", N_("The expected monthly income is a whole amount, 0 or more."));
	if (!reint_text_fits(b->partners, sizeof b->partners, REINT_PARTNERS_MAX, false))
		return about(field, "partners", N_("The partners are too long (200 characters at most)."));
	return NULL;
}

enum status reint_business_check(struct db *db, const struct reint_business *b, const char **msgid,
                                 const char **field)
{
	const char *m = NULL, *f = NULL;
	struct reint_item it;
	enum status r = db_require(db, PERM_REINTEGRATION_READ);
	if (r == ST_OK && (m = business_problem(b, &f)) != NULL)
		r = ST_INVALID;
	if (r == ST_OK && (r = item_read(db, b->item_id, &it)) == ST_OK) {
		char status[12];
		if (strcmp(it.category, "small_business") != 0) {
			m = N_("Only a small business item has a business plan.");
			r = ST_INVALID;
		} else if ((r = plan_status(db, it.plan_id, status, sizeof status)) == ST_OK
		           && strcmp(status, "draft") != 0) {
			m = N_("The plan is no longer a draft: its business plan cannot change.");
			r = ST_INVALID;
		}
	}
	if (msgid)
		*msgid = m;
	if (field)
		*field = f;
	return r;
}

static void business_json(struct jsonbuf *j, const struct reint_business *o, const struct reint_business *b)
{
	if (!o) {
		jsonbuf_put_int(j, "item_id", b->item_id);
		jsonbuf_put_str(j, "activity", b->activity);
		jsonbuf_put_str(j, "sector", b->sector);
		jsonbuf_put_str(j, "place", b->place);
		jsonbuf_put_int(j, "starting_capital", b->starting_capital);
		jsonbuf_put_int(j, "expected_income", b->expected_income);
		jsonbuf_put_str(j, "partners", b->partners);
		return;
	}
	jsonbuf_change_str(j, "activity", o->activity, b->activity);
	jsonbuf_change_str(j, "sector", o->sector, b->sector);
	jsonbuf_change_str(j, "place", o->place, b->place);
	jsonbuf_change_int(j, "starting_capital", o->starting_capital, b->starting_capital);
	jsonbuf_change_int(j, "expected_income", o->expected_income, b->expected_income);
	jsonbuf_change_str(j, "partners", o->partners, b->partners);
}

static enum status business_write(struct db *db, struct reint_business *b, const char **m, const char **f)
{
	struct reint_business before;
	enum status r = reint_business_get(db, b->item_id, &before);
	bool is_new = r == ST_NOT_FOUND;
	if (r != ST_OK && !is_new)
		return r;
	if (is_new != (b->id == 0) || (!is_new && (before.id != b->id || before.version != b->version)))
		return ST_CONFLICT;
	if ((r = reint_business_check(db, b, m, f)) != ST_OK)
		return r;
	sqlite3_stmt *st = is_new
		? db_stmt(db, "INSERT INTO reint_business_plan (item_id, activity, sector, place, starting_capital, "
		              "expected_income, partners) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
		: db_stmt(db, "UPDATE reint_business_plan SET activity = ?2, sector = ?3, place = ?4, "
		              "starting_capital = ?5, expected_income = ?6, partners = ?7, version = version + 1 "
		              "WHERE item_id = ?1 AND version = ?8");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, b->item_id);
	db_bind_text(st, 2, b->activity);
	db_bind_text(st, 3, b->sector);
	db_bind_text(st, 4, b->place);
	sqlite3_bind_int64(st, 5, b->starting_capital);
	if (b->expected_income >= 0)
		sqlite3_bind_int64(st, 6, b->expected_income);
	db_bind_text(st, 7, b->partners);
	if (!is_new)
		sqlite3_bind_int(st, 8, b->version);
	if ((r = db_step_done(st)) != ST_OK)
		return r;
	if (!is_new && sqlite3_changes(db_sqlite(db)) != 1)
		return ST_CONFLICT;
	if ((r = reint_business_get(db, b->item_id, b)) != ST_OK)
		return r;
	struct jsonbuf j;
	jsonbuf_init(&j);
	business_json(&j, is_new ? NULL : &before, b);
	return audit_log(db, is_new ? "create" : "update", "reint_business_plan", b->id, jsonbuf_text(&j));
}

enum status reint_business_save(struct db *db, struct reint_business *b, const char **msgid, const char **field)
{
	const char *m = NULL, *f = NULL;
	struct reint_business keep = *b;
	enum status r = db_require(db, PERM_REINTEGRATION_WRITE);
	if (r == ST_OK && (r = db_begin(db)) == ST_OK) {
		r = db_finish(db, business_write(db, b, &m, &f));
		if (r != ST_OK)
			*b = keep;
	}
	if (msgid)
		*msgid = m;
	if (field)
		*field = f;
	return r;
}
