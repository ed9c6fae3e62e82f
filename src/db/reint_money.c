/* Grants and budgets: amounts as text, the visit months setting, what is
 * approved, planned, paid and left, and planned tranches (add, move,
 * cancel). Payments are in reint_money_pay.c, the list of payments planned
 * this month in reint_money_due.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/i18n.h"
#include "core/jsonbuf.h"
#include "core/text.h"
#include "db/audit.h"
#include "db/db_private.h"
#include "db/reint_money.h"
#include "reint_money_private.h"


int reint_visit_months_parse(const char *text, int *months, int max)
{
	int n = 0;
	const char *p = text ? text : "";
	while (*p && n < max) {
		while (*p == ' ' || *p == ',' || *p == ';')
			p++;
		if (!*p)
			break;
		char *end;
		long m = strtol(p, &end, 10);
		bool ok = end != p && (*end == '\0' || *end == ',' || *end == ';' || *end == ' ');
		if (!ok) {   /* a bad entry: skip to the next separator */
			while (*p && *p != ',' && *p != ';')
				p++;
			continue;
		}
		p = end;
		if (m < 1 || m > 120)
			continue;
		int at = n;
		while (at > 0 && months[at - 1] > m)
			at--;
		if (at > 0 && months[at - 1] == m)
			continue;
		memmove(months + at + 1, months + at, (size_t)(n - at) * sizeof *months);
		months[at] = (int)m;
		n++;
	}
	return n;
}

bool reint_day_plus_months(const char *iso, int months, char *out, size_t size)
{
	struct pdate d;
	if (!date_is_day(iso) || date_from_iso(iso, &d) != DATE_OK)
		return false;
	int y = d.year, m = d.month + months;
	y += (m - 1) / 12;
	m = (m - 1) % 12 + 1;
	int day = d.day, last = date_days_in_month(y, m);
	if (day > last)
		day = last;
	snprintf(out, size, "%04d-%02d-%02d", y, m, day);
	return true;
}

enum status reint_totals_read(struct db *db, struct reint_ref ref, struct reint_totals *t)
{
	static const char plan[] =
		"SELECT currency, approved_amount, status, case_id, status IN ('approved', 'in_progress'), "
		"(SELECT coalesce(sum(planned_amount), 0) FROM reint_tranche WHERE plan_id = ?1 AND status = 'planned'), "
		"(SELECT coalesce(sum(amount), 0) FROM reint_payment WHERE plan_id = ?1), "
		"(SELECT pe.family_name || ' ' || pe.given_names FROM reint_case c JOIN person pe ON pe.id = c.person_id "
		"WHERE c.id = reint_plan.case_id) FROM reint_plan WHERE id = ?1";
	static const char project[] =
		"SELECT currency, approved_amount, status, 0, status IN ('planned', 'running'), "
		"(SELECT coalesce(sum(planned_amount), 0) FROM reint_tranche WHERE project_id = ?1 AND status = 'planned'), "
		"(SELECT coalesce(sum(amount), 0) FROM reint_payment WHERE project_id = ?1), name "
		"FROM reint_project WHERE id = ?1";
	memset(t, 0, sizeof *t);
	if (ref.kind != REINT_PLAN && ref.kind != REINT_PROJECT)
		return ST_NOT_FOUND;
	sqlite3_stmt *st = db_stmt(db, ref.kind == REINT_PLAN ? plan : project);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, ref.id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		db_column_copy(st, 0, t->currency, sizeof t->currency);
		t->approved_set = sqlite3_column_type(st, 1) != SQLITE_NULL;
		t->approved = sqlite3_column_int64(st, 1);
		db_column_copy(st, 2, t->status, sizeof t->status);
		t->case_id = sqlite3_column_int64(st, 3);
		t->payable = t->approved_set && sqlite3_column_int(st, 4) == 1;
		t->planned = sqlite3_column_int64(st, 5);
		t->paid = sqlite3_column_int64(st, 6);
		t->left = t->approved - t->paid;
		db_column_copy(st, 7, t->name, sizeof t->name);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
}

enum status reint_money_totals(struct db *db, struct reint_ref ref, struct reint_totals *t)
{
	enum status r = db_require(db, PERM_REINTEGRATION_READ);
	if (r != ST_OK) {
		memset(t, 0, sizeof *t);
		return r;
	}
	return reint_totals_read(db, ref, t);
}

/* ---- tranches ----------------------------------------------------------- */

#define TRANCHE_SELECT \
	"SELECT id, seq, planned_date, planned_amount, status, version, coalesce(plan_id, 0), " \
	"coalesce(project_id, 0) FROM reint_tranche "

static void read_tranche(sqlite3_stmt *st, struct reint_tranche *t)
{
	memset(t, 0, sizeof *t);
	t->id = sqlite3_column_int64(st, 0);
	t->seq = sqlite3_column_int(st, 1);
	db_column_copy(st, 2, t->planned_date, sizeof t->planned_date);
	t->amount = sqlite3_column_int64(st, 3);
	db_column_copy(st, 4, t->status, sizeof t->status);
	t->version = sqlite3_column_int(st, 5);
}

/* Reads tranche id and whose it is. */
static enum status tranche_read(struct db *db, long long id, struct reint_tranche *t, struct reint_ref *owner)
{
	static const char sql[] = TRANCHE_SELECT "WHERE id = ?1";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		read_tranche(st, t);
		long long plan = sqlite3_column_int64(st, 6);
		if (owner)
			*owner = plan ? (struct reint_ref){ REINT_PLAN, plan }
			              : (struct reint_ref){ REINT_PROJECT, sqlite3_column_int64(st, 7) };
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
}

enum status reint_tranche_get(struct db *db, long long id, struct reint_tranche *t)
{
	enum status r = db_require(db, PERM_REINTEGRATION_READ);
	return r != ST_OK ? r : tranche_read(db, id, t, NULL);
}

enum status reint_tranche_owner(struct db *db, long long id, struct reint_ref *owner)
{
	struct reint_tranche t;
	enum status r = db_require(db, PERM_REINTEGRATION_READ);
	return r != ST_OK ? r : tranche_read(db, id, &t, owner);
}

/* The rules of a planned tranche of t's owner; old is the amount it had
 * (0 for a new one). */
static const char *tranche_problem(const struct reint_totals *t, const char *date, long long amount, long long old,
                                   const char **field)
{
	if (!t->approved_set || !t->payable)
		return reint_about(field, NULL, N_("Tranches are planned once the plan or budget is approved."));
	if (!date || !date_is_day(date))
		return reint_about(field, "date", N_("The date is not a valid day."));
	if (amount <= 0 || amount > REINT_AMOUNT_MAX)
		return reint_about(field, "amount", N_("The amount must be more than zero."));
	if (t->planned - old + amount + t->paid > t->approved)
		return reint_about(field, "amount",
		                   N_("The planned tranches and the payments would come to more than the approved amount."));
	return NULL;
}

static void tranche_json(struct jsonbuf *j, const struct reint_tranche *before, const struct reint_tranche *t)
{
	if (before) {
		jsonbuf_change_str(j, "planned_date", before->planned_date, t->planned_date);
		jsonbuf_change_int(j, "planned_amount", before->amount, t->amount);
		jsonbuf_change_str(j, "status", before->status, t->status);
	} else {
		jsonbuf_put_int(j, "seq", t->seq);
		jsonbuf_put_str(j, "planned_date", t->planned_date);
		jsonbuf_put_int(j, "planned_amount", t->amount);
		jsonbuf_put_str(j, "status", t->status);
	}
}

static enum status tranche_insert(struct db *db, struct reint_ref ref, struct reint_tranche *t)
{
	static const char plan[] =
		"INSERT INTO reint_tranche (plan_id, seq, planned_date, planned_amount, status) VALUES (?1, "
		"(SELECT coalesce(max(seq), 0) + 1 FROM reint_tranche WHERE plan_id = ?1), ?2, ?3, 'planned')";
	static const char project[] =
		"INSERT INTO reint_tranche (project_id, seq, planned_date, planned_amount, status) VALUES (?1, "
		"(SELECT coalesce(max(seq), 0) + 1 FROM reint_tranche WHERE project_id = ?1), ?2, ?3, 'planned')";
	sqlite3_stmt *st = db_stmt(db, ref.kind == REINT_PLAN ? plan : project);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, ref.id);
	db_bind_text(st, 2, t->planned_date);
	sqlite3_bind_int64(st, 3, t->amount);
	enum status r = db_step_done(st);
	if (r != ST_OK)
		return r;
	long long id = sqlite3_last_insert_rowid(db_sqlite(db));
	return tranche_read(db, id, t, NULL);
}

enum status reint_tranche_add(struct db *db, struct reint_ref ref, const char *date, long long amount, long long *id,
                              const char **msgid, const char **field)
{
	const char *m = NULL, *f = NULL;
	enum status r = db_require(db, PERM_REINTEGRATION_WRITE);
	struct reint_totals t;
	struct reint_tranche tr;
	if (r == ST_OK && (r = db_begin(db)) == ST_OK) {
		if ((r = reint_totals_read(db, ref, &t)) == ST_OK && (m = tranche_problem(&t, date, amount, 0, &f)) != NULL)
			r = ST_INVALID;
		if (r == ST_OK) {
			memset(&tr, 0, sizeof tr);
			snprintf(tr.planned_date, sizeof tr.planned_date, "%s", date);
			tr.amount = amount;
			r = tranche_insert(db, ref, &tr);
		}
		if (r == ST_OK) {
			struct jsonbuf j;
			jsonbuf_init(&j);
			jsonbuf_put_str(&j, "owner", ref.kind == REINT_PLAN ? "plan" : "project");
			jsonbuf_put_int(&j, "owner_id", ref.id);
			tranche_json(&j, NULL, &tr);
			r = audit_log(db, "create", "reint_tranche", tr.id, jsonbuf_text(&j));
		}
		if ((r = db_finish(db, r)) == ST_OK && id)
			*id = tr.id;
	}
	if (msgid)
		*msgid = m;
	if (field)
		*field = f;
	return r;
}

/* Changes planned tranche id at *version to date, amount and status. */
static enum status tranche_write(struct db *db, long long id, int *version, const char *date, long long amount,
                                 const char *status, const char **m, const char **f)
{
	struct reint_tranche before, t;
	struct reint_ref owner;
	struct reint_totals tot;
	enum status r = tranche_read(db, id, &before, &owner);
	if (r != ST_OK)
		return r;
	if (before.version != *version)
		return ST_CONFLICT;
	if (strcmp(before.status, "planned") != 0) {
		*m = reint_about(f, NULL, N_("Only a tranche still planned can be changed."));
		return ST_INVALID;
	}
	if (strcmp(status, "planned") == 0) {
		if ((r = reint_totals_read(db, owner, &tot)) != ST_OK)
			return r;
		if ((*m = tranche_problem(&tot, date, amount, before.amount, f)) != NULL)
			return ST_INVALID;
	}
	static const char sql[] = "UPDATE reint_tranche SET planned_date = ?2, planned_amount = ?3, status = ?4, "
	                          "version = version + 1 WHERE id = ?1 AND version = ?5";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	t = before;
	snprintf(t.planned_date, sizeof t.planned_date, "%s", date);
	t.amount = amount;
	snprintf(t.status, sizeof t.status, "%s", status);
	sqlite3_bind_int64(st, 1, id);
	db_bind_text(st, 2, t.planned_date);
	sqlite3_bind_int64(st, 3, t.amount);
	db_bind_text(st, 4, t.status);
	sqlite3_bind_int(st, 5, before.version);
	r = db_step_done(st);
	if (r == ST_OK && sqlite3_changes(db_sqlite(db)) != 1)
		r = ST_CONFLICT;
	if (r != ST_OK)
		return r;
	struct jsonbuf j;
	jsonbuf_init(&j);
	tranche_json(&j, &before, &t);
	if ((r = audit_log(db, "update", "reint_tranche", id, jsonbuf_text(&j))) == ST_OK)
		*version = before.version + 1;
	return r;
}

enum status reint_tranche_change(struct db *db, long long id, int *version, const char *date, long long amount,
                                 const char **msgid, const char **field)
{
	const char *m = NULL, *f = NULL;
	int v = *version;
	enum status r = db_require(db, PERM_REINTEGRATION_WRITE);
	if (r == ST_OK && (r = db_begin(db)) == ST_OK)
		r = db_finish(db, tranche_write(db, id, &v, date ? date : "", amount, "planned", &m, &f));
	if (r == ST_OK)
		*version = v;
	if (msgid)
		*msgid = m;
	if (field)
		*field = f;
	return r;
}

enum status reint_tranche_cancel(struct db *db, long long id, int *version, const char **msgid)
{
	const char *m = NULL;
	int v = *version;
	enum status r = db_require(db, PERM_REINTEGRATION_WRITE);
	struct reint_tranche t;
	if (r == ST_OK && (r = db_begin(db)) == ST_OK) {
		if ((r = tranche_read(db, id, &t, NULL)) == ST_OK)
			r = tranche_write(db, id, &v, t.planned_date, t.amount, "cancelled", &m, NULL);
		r = db_finish(db, r);
	}
	if (r == ST_OK)
		*version = v;
	if (msgid)
		*msgid = m;
	return r;
}

enum status reint_tranche_list(struct db *db, struct reint_ref ref, enum page_dir dir, const struct reint_tranche *key,
                               int limit, void (*cb)(const struct reint_tranche *t, void *ctx), void *ctx, bool *more)
{
	static const char plan_after[] = TRANCHE_SELECT "WHERE plan_id = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3";
	static const char plan_before[] = TRANCHE_SELECT "WHERE plan_id = ?1 AND seq < ?2 ORDER BY seq DESC LIMIT ?3";
	static const char proj_after[] = TRANCHE_SELECT "WHERE project_id = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3";
	static const char proj_before[] =
		TRANCHE_SELECT "WHERE project_id = ?1 AND seq < ?2 ORDER BY seq DESC LIMIT ?3";
	bool dummy;
	if (!more)
		more = &dummy;
	*more = false;
	enum status r = db_require(db, PERM_REINTEGRATION_READ);
	if (r != ST_OK || limit <= 0)
		return r;
	bool plan = ref.kind == REINT_PLAN, back = dir == PAGE_BEFORE;
	sqlite3_stmt *st = db_stmt(db, plan ? (back ? plan_before : plan_after) : (back ? proj_before : proj_after));
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, ref.id);
	sqlite3_bind_int(st, 2, key ? key->seq : back ? 1 << 30 : 0);
	sqlite3_bind_int(st, 3, limit + 1);
	struct reint_tranche *rows = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((int)n == limit) {
			*more = true;
			break;
		}
		struct reint_tranche *t = db_grow((void **)&rows, &n, &cap, sizeof *rows);
		if (!t) {
			rc = SQLITE_NOMEM;
			break;
		}
		read_tranche(st, t);
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
