/* Bulk writes of medical records, and reading people back for the
 * generators that add to them. See bulk.c. */
#include <string.h>

#include "db/bulk_private.h"

enum status bulk_consultation(struct bulk *b, const struct bulk_consultation *c)
{
	const enum batch_id t = BT_CONSULTATION;
	bulk_put_int(b, t, 0, c->person, false);
	bulk_put_text(b, t, 1, c->date, false);
	bulk_put_int(b, t, 2, c->centre, false);
	bulk_put_int(b, t, 3, c->clinician, true);
	bulk_put_text(b, t, 4, c->reason, false);
	bulk_put_text(b, t, 5, c->diagnosis ? c->diagnosis : "", false);
	bulk_put_text(b, t, 6, c->treatment ? c->treatment : "", false);
	bulk_put_text(b, t, 7, c->referral_to ? c->referral_to : "", false);
	bulk_put_text(b, t, 8, c->referral_why ? c->referral_why : "", false);
	bulk_put_text(b, t, 9, c->referral_status, true);
	bulk_put_text(b, t, 10, c->next_followup, true);
	bulk_put_text(b, t, 11, c->created_at, false);
	return bulk_row_done(b, t);
}

enum status bulk_medical_case(struct bulk *b, const struct bulk_medical_case *c, long long *id)
{
	const enum batch_id t = BT_CASE;
	*id = b->next_case++;
	bulk_put_int(b, t, 0, *id, false);
	bulk_put_int(b, t, 1, c->person, false);
	bulk_put_text(b, t, 2, c->condition, false);
	bulk_put_text(b, t, 3, c->opened, false);
	bulk_put_text(b, t, 4, c->closed, true);
	bulk_put_text(b, t, 5, c->outcome ? c->outcome : "", false);
	bulk_put_text(b, t, 6, c->expected_delivery, true);
	bulk_put_text(b, t, 7, c->notes ? c->notes : "", false);
	bulk_put_int(b, t, 8, c->centre, false);
	return bulk_row_done(b, t);
}

enum status bulk_antenatal_visit(struct bulk *b, long long case_id, const char *date,
                                 const char *notes)
{
	bulk_put_int(b, BT_VISIT, 0, case_id, false);
	bulk_put_text(b, BT_VISIT, 1, date, false);
	bulk_put_text(b, BT_VISIT, 2, notes ? notes : "", false);
	return bulk_row_done(b, BT_VISIT);
}

enum status bulk_fitness(struct bulk *b, long long person, const char *date, const char *status,
                         long long clinician)
{
	bulk_put_int(b, BT_FITNESS, 0, person, false);
	bulk_put_text(b, BT_FITNESS, 1, date, false);
	bulk_put_text(b, BT_FITNESS, 2, status, false);
	bulk_put_int(b, BT_FITNESS, 3, clinician, true);
	return bulk_row_done(b, BT_FITNESS);
}

long long bulk_written(const struct bulk *b, enum bulk_table t)
{
	static const enum batch_id of[BULK_TABLES_] = {
		[BULK_CONSULTATION] = BT_CONSULTATION, [BULK_MEDICAL_CASE] = BT_CASE,
		[BULK_ANTENATAL_VISIT] = BT_VISIT, [BULK_FITNESS] = BT_FITNESS,
	};
	return (int)t >= 0 && t < BULK_TABLES_ ? b->b[of[t]].written : 0;
}

long bulk_person_count(struct bulk *b)
{
	sqlite3_stmt *st = db_stmt(b->db, "SELECT count(*) FROM person");
	if (!st)
		return 0;
	long n = sqlite3_step(st) == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return n;
}

void bulk_last_stay_day(struct bulk *b, char out[11])
{
	sqlite3_stmt *st = db_stmt(b->db, "SELECT max(coalesce(departed, admitted)) FROM stay");
	out[0] = '\0';
	if (!st)
		return;
	if (sqlite3_step(st) == SQLITE_ROW)
		db_column_copy(st, 0, out, 11);
	sqlite3_reset(st);
}

enum status bulk_people(struct bulk *b, long long after, struct bulk_person_row *out, int max,
                        int *n)
{
	static const char sql[] =
		"SELECT id, sex, birth_date FROM person WHERE id > ?1 ORDER BY id LIMIT ?2";
	*n = 0;
	sqlite3_stmt *st = db_stmt(b->db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, after);
	sqlite3_bind_int(st, 2, max);
	int rc;
	while (*n < max && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct bulk_person_row *p = &out[(*n)++];
		const unsigned char *sex = sqlite3_column_text(st, 1);
		p->id = sqlite3_column_int64(st, 0);
		p->sex = sex ? (char)sex[0] : 'x';
		db_column_copy(st, 2, p->birth_date, sizeof p->birth_date);
	}
	sqlite3_reset(st);
	return ST_OK;
}

enum status bulk_stays(struct bulk *b, long long first, long long last,
                       enum status (*fn)(const struct bulk_stay_row *s, void *ctx), void *ctx)
{
	static const char sql[] =
		"SELECT person_id, centre_id, admitted, departed, departure_reason FROM stay "
		"WHERE person_id BETWEEN ?1 AND ?2 ORDER BY person_id, admitted";
	sqlite3_stmt *st = db_stmt(b->db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, first);
	sqlite3_bind_int64(st, 2, last);
	enum status s = ST_OK;
	int rc;
	while (s == ST_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct bulk_stay_row r;
		r.person = sqlite3_column_int64(st, 0);
		r.centre = sqlite3_column_int64(st, 1);
		db_column_copy(st, 2, r.admitted, sizeof r.admitted);
		db_column_copy(st, 3, r.departed, sizeof r.departed);
		db_column_copy(st, 4, r.reason, sizeof r.reason);
		s = fn(&r, ctx);
	}
	sqlite3_reset(st);
	return s;
}
