/* Attacks' write paths: psychosocial sessions, the roll, individual support,
 * the attendance sheet's export (see ops.c). */
#define _POSIX_C_SOURCE 200809L
#include "ops_private.h"

/* ---- psychosocial sessions and the attendance roll ---------------------- */

/* Acts as the demo's psychosocial worker. */
static void act_psych(struct attack *a)
{
	long long id = 0;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db_sqlite(a->db), "SELECT id FROM app_user WHERE name = 'psychosocial'", -1, &st,
	                       NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			id = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	act_as(a, id, "psychosocial", ROLE_PSYCHOSOCIAL);
}

/* Plans a session at AGZ today, as the session form saves it. */
enum status run_psych_session(struct attack *a, char *ack, size_t size)
{
	act_psych(a);
	struct psych_session s;
	char day[11];
	today(day);
	psych_session_init(&s, "AGZ", day);
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db_sqlite(a->db), "SELECT id FROM ref_item WHERE list = 'psych_activity' "
	                       "AND active = 1 ORDER BY position LIMIT 1 OFFSET ?1", -1, &st, NULL) != SQLITE_OK)
		return ST_INTERNAL;
	sqlite3_bind_int(st, 1, (int)attack_pick(a, 5));
	if (sqlite3_step(st) == SQLITE_ROW)
		s.activity_id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	snprintf(s.title, sizeof s.title, "S%lld", a->token++);
	snprintf(s.start_time, sizeof s.start_time, "%02u:00", 8u + (unsigned)attack_pick(a, 10) % 10u);
	enum status r = psych_session_save(a->db, &s, NULL, NULL);
	if (r == ST_OK)
		snprintf(ack, size, "psych_session %lld %s", s.id, s.title);
	return r;
}

bool verify_psych_session(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[128];
	const char *w[2];
	if (words(args, buf, sizeof buf, w, 2) != 2)
		return fail(why, size, "bad line");
	return counted(ro, "SELECT count(*) FROM psych_session WHERE id = ?1 AND title = ?2", "it", w, 0, why, size)
	       && counted(ro, "SELECT count(*) FROM audit WHERE entity = 'psych_session' AND entity_id = ?1 "
	                  "AND action = 'create'", "i", w, 0, why, size);
}

static void keep_session(const struct psych_session *s, void *ctx)
{
	*(long long *)ctx = s->id;
}

/* Marks one of the hot people in today's newest session at AGZ, from the
 * row read before a pause (as a facilitator's screen shows it): a mark
 * another writer gave meanwhile is reported, never overwritten. */
enum status run_psych_mark(struct attack *a, char *ack, size_t size)
{
	static const char *const marks[] = { "present", "absent", "excused", "left_early" };
	act_psych(a);
	char day[11];
	today(day);
	long long session = 0;
	enum status r = psych_session_list(a->db, "AGZ", day, PAGE_AFTER, NULL, 1, keep_session, &session, NULL);
	if (r != ST_OK)
		return r;
	if (!session)
		return run_psych_session(a, ack, size);
	struct roll_row row;
	if ((r = psych_roll_row_get(a->db, session, a->hot[attack_pick(a, ATTACK_HOT)], &row)) != ST_OK)
		return r;
	think(a);
	/* Always another mark than the one shown: every success is a write. */
	const char *mark = marks[attack_pick(a, 4)];
	if (strcmp(mark, row.mark) == 0)
		mark = strcmp(mark, "present") == 0 ? "absent" : "present";
	int shown = row.mark_version;
	if ((r = psych_roll_mark(a->db, session, &row, mark, NULL, NULL)) != ST_OK)
		return r;
	if (row.mark_version != shown + 1)
		return ST_INTERNAL;
	long long id = -1;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db_sqlite(a->db), "SELECT id FROM psych_attendance WHERE session_id = ?1 "
	                       "AND person_id = ?2", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, session);
		sqlite3_bind_int64(st, 2, row.person_id);
		if (sqlite3_step(st) == SQLITE_ROW)
			id = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	snprintf(ack, size, "psych_mark %lld %d %s", id, row.mark_version, row.mark);
	return ST_OK;
}

bool verify_psych_mark(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[128];
	const char *w[3];
	if (words(args, buf, sizeof buf, w, 3) != 3)
		return fail(why, size, "bad line");
	if (!versioned(ro, "SELECT version, mark FROM psych_attendance WHERE id = ?1", w[0], w[1], w[2], why, size))
		return false;
	char after[64];
	snprintf(after, sizeof after, "\"%s\"]", w[2]);
	return counted(ro, "SELECT count(*) FROM audit WHERE entity = 'psych_attendance' AND entity_id = ?1 "
	               "AND instr(changes, ?2) > 0", "it", (const char *[]){ w[0], after }, 0, why, size);
}

/* ---- psychosocial: individual support ----------------------------------- */

/* Acts as the demo's psychosocial worker (the account demo_fill made). */
static bool act_psych_support(struct attack *a)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db_sqlite(a->db), "SELECT id FROM app_user WHERE name = 'psychosocial'", -1, &st, NULL)
	    != SQLITE_OK)
		return false;
	long long id = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	if (!id)
		return false;
	act_as(a, id, "psychosocial", ROLE_PSYCHOSOCIAL);
	return true;
}

/* Records a support session as the form does: today, a next appointment
 * a week later, a risk now and then. */
enum status run_psych_support(struct attack *a, char *ack, size_t size)
{
	static const char *const risks[] = { "none", "none", "self", "others" };
	if (!act_psych_support(a))
		return ST_INTERNAL;
	struct psych_support r;
	memset(&r, 0, sizeof r);
	r.person_id = some_person(a);
	today(r.date);
	snprintf(r.centre_code, sizeof r.centre_code, "AGZ");
	snprintf(r.modality, sizeof r.modality, "individual");
	r.concerns = 1u << PSYCH_CONCERN_DISTRESS;
	snprintf(r.actions, sizeof r.actions, "S%lld", a->token++);
	snprintf(r.risk, sizeof r.risk, "%s", risks[attack_pick(a, 4)]);
	days_after(r.date, 7, r.next_appointment);
	enum status s = psych_support_save(a->db, &r);
	if (s == ST_OK)
		snprintf(ack, size, "psych_support %lld %s", r.id, r.actions);
	return s;
}

bool verify_psych_support(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[128];
	const char *w[2];
	if (words(args, buf, sizeof buf, w, 2) != 2)
		return fail(why, size, "bad line");
	return counted(ro, "SELECT count(*) FROM psych_support WHERE id = ?1 AND actions = ?2", "it", w, 0, why, size);
}

/* ---- figures: the attendance sheet's export ------------------------------ */

/* A session to export: one already there, else one written here as a
 * fixture (the sessions' own write path is another row). */
static long long some_session(struct attack *a)
{
	sqlite3 *h = db_sqlite(a->db);
	sqlite3_stmt *st;
	long long id = 0;
	if (sqlite3_prepare_v2(h, "SELECT id FROM psych_session ORDER BY id DESC LIMIT 1", -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			id = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	if (id)
		return id;
	char day[11];
	today(day);
	if (sqlite3_prepare_v2(h, "INSERT INTO psych_session (centre_id, activity_id, date, status, roll) "
	                       "SELECT (SELECT min(id) FROM centre), (SELECT min(id) FROM ref_item "
	                       "WHERE list = 'psych_activity'), ?1, 'held', 'names'", -1, &st, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_text(st, 1, day, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_DONE)
		id = sqlite3_last_insert_rowid(h);
	sqlite3_finalize(st);
	return id;
}

enum status run_sheet_export(struct attack *a, char *ack, size_t size)
{
	long long session = some_session(a);
	if (!session)
		return ST_BUSY;
	long long worker = query(db_sqlite(a->db), "SELECT id FROM app_user WHERE name = 'psychosocial'", "", NULL,
	                         NULL, 0);
	act_as(a, worker > 0 ? worker : 0, "psychosocial", ROLE_PSYCHOSOCIAL);
	FILE *out = fopen("/dev/null", "w");
	if (!out)
		return ST_IO;
	enum status s = psych_sheet_export(a->db, session, "en", attack_pick(a, 2) ? PSYCH_SHEET_CSV : PSYCH_SHEET_TEXT,
	                                   out);
	fclose(out);
	if (s == ST_OK)
		snprintf(ack, size, "sheet_export %lld", session);
	return s;
}

bool verify_sheet_export(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	return counted(ro, "SELECT count(*) FROM audit WHERE entity = 'psych_session' AND entity_id = ?1 "
	               "AND action = 'export'", "i", (const char *[]){ args }, nth, why, size);
}
