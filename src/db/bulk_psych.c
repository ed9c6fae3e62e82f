/* Bulk writes of psychosocial records (sessions, attendance, individual
 * support) for demo databases, and the look-ups their generator needs.
 * See bulk.c for the batches. */
#include <string.h>

#include "db/bulk_private.h"

#define ID4 ", ?, ?, ?, ?)"

const char bulk_sql_psych_session[] =
	"INSERT OR IGNORE INTO psych_session (id, centre_id, activity_id, title, date, start_time, end_time, "
	"facilitator_id, facilitator_name, partner_id, place, status, cancel_reason, roll, count_boys, "
	"count_girls, count_men, count_women, created_by, " IDENTITY ") VALUES "
	ROWS32("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?" ID4);
const char bulk_sql_psych_attendance[] =
	"INSERT OR IGNORE INTO psych_attendance (session_id, person_id, mark, marked_by, " IDENTITY ") VALUES "
	ROWS32("(?, ?, ?, ?" ID4);
const char bulk_sql_psych_support[] =
	"INSERT OR IGNORE INTO psych_support (person_id, centre_id, date, modality, concerns, concern_other, "
	"actions, risk, referrals, next_appointment, worker_id, " IDENTITY ") VALUES "
	ROWS32("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?" ID4);

enum status bulk_psych_session(struct bulk *b, const struct bulk_psych_session *s)
{
	const enum batch_id t = BT_PSYCH_SESSION;
	bool count = s->roll && strcmp(s->roll, "count") == 0;
	bulk_put_int(b, t, 0, s->id, false);
	bulk_put_int(b, t, 1, s->centre, false);
	bulk_put_int(b, t, 2, s->activity, false);
	bulk_put_text(b, t, 3, s->title ? s->title : "", false);
	bulk_put_text(b, t, 4, s->date, false);
	bulk_put_text(b, t, 5, s->start_time, true);
	bulk_put_text(b, t, 6, s->end_time, true);
	bulk_put_int(b, t, 7, s->facilitator, true);
	bulk_put_text(b, t, 8, s->facilitator_name ? s->facilitator_name : "", false);
	bulk_put_int(b, t, 9, s->partner, true);
	bulk_put_text(b, t, 10, s->place ? s->place : "", false);
	bulk_put_text(b, t, 11, s->status, false);
	bulk_put_text(b, t, 12, s->cancel_reason ? s->cancel_reason : "", false);
	bulk_put_text(b, t, 13, s->roll, false);
	for (int i = 0; i < 4; i++) {
		if (count && strcmp(s->status, "held") == 0)
			bulk_put_int(b, t, 14 + i, s->counts[i], false);
		else
			bulk_put_text(b, t, 14 + i, NULL, true);
	}
	bulk_put_int(b, t, 18, s->created_by, true);
	return bulk_row_done(b, t);
}

enum status bulk_psych_attendance(struct bulk *b, long long session, long long person, const char *mark,
                                  long long marked_by)
{
	const enum batch_id t = BT_PSYCH_ATTENDANCE;
	bulk_put_int(b, t, 0, session, false);
	bulk_put_int(b, t, 1, person, false);
	bulk_put_text(b, t, 2, mark, false);
	bulk_put_int(b, t, 3, marked_by, true);
	return bulk_row_done(b, t);
}

enum status bulk_psych_support(struct bulk *b, const struct bulk_psych_support *s)
{
	const enum batch_id t = BT_PSYCH_SUPPORT;
	bulk_put_int(b, t, 0, s->person, false);
	bulk_put_int(b, t, 1, s->centre, false);
	bulk_put_text(b, t, 2, s->date, false);
	bulk_put_text(b, t, 3, s->modality, false);
	bulk_put_int(b, t, 4, s->concerns, false);
	bulk_put_text(b, t, 5, s->concern_other ? s->concern_other : "", false);
	bulk_put_text(b, t, 6, s->actions ? s->actions : "", false);
	bulk_put_text(b, t, 7, s->risk, false);
	bulk_put_int(b, t, 8, s->referrals, false);
	bulk_put_text(b, t, 9, s->next_appointment, true);
	bulk_put_int(b, t, 10, s->worker, true);
	return bulk_row_done(b, t);
}

/* One integer from a statement without parameters, 0 when none. */
static long long one_int(struct bulk *b, const char *sql)
{
	sqlite3_stmt *st = db_stmt(b->db, sql);
	if (!st)
		return 0;
	long long v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return v;
}

long long bulk_psych_first_id(struct bulk *b)
{
	return one_int(b, "SELECT coalesce(max(id), 0) + 1 FROM psych_session");
}

long long bulk_max_centre_id(struct bulk *b)
{
	return one_int(b, "SELECT coalesce(max(id), 0) FROM centre");
}

long long bulk_ref_item_id(struct bulk *b, const char *list, const char *code)
{
	sqlite3_stmt *st = db_stmt(b->db, "SELECT id FROM ref_item WHERE list = ?1 AND code = ?2");
	if (!st)
		return 0;
	db_bind_text(st, 1, list);
	db_bind_text(st, 2, code);
	long long id = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return id;
}

enum status bulk_flags(struct bulk *b, long long first, long long last,
                       enum status (*fn)(long long person, const char *flag, void *ctx), void *ctx)
{
	static const char sql[] =
		"SELECT person_id, flag FROM person_flag WHERE person_id BETWEEN ?1 AND ?2 ORDER BY person_id";
	sqlite3_stmt *st = db_stmt(b->db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, first);
	sqlite3_bind_int64(st, 2, last);
	enum status s = ST_OK;
	int rc = SQLITE_DONE;
	while (s == ST_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
		s = fn(sqlite3_column_int64(st, 0), (const char *)sqlite3_column_text(st, 1), ctx);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return s == ST_OK && rc != SQLITE_DONE && rc != SQLITE_ROW ? db_status_of(rc) : s;
}
