/* Bulk writes of vocational training records (courses and enrolments) for
 * demo databases. See bulk.c for the batches. */
#include <string.h>

#include "db/bulk_private.h"

#define ID4 ", ?, ?, ?, ?)"

const char bulk_sql_training_course[] =
	"INSERT OR IGNORE INTO training_course (id, centre_id, trade_id, title, provider_id, provider_name, "
	"start_date, end_date, hours, capacity, reserved_community, certificate, status, cancel_reason, "
	"created_by, " IDENTITY ") VALUES "
	ROWS32("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?" ID4);
const char bulk_sql_training_enrolment[] =
	"INSERT OR IGNORE INTO training_enrolment (course_id, person_id, status, waiting_since, dropout_reason, "
	"assessment, certificate_no, toolkit_date, followup, followup_date, enrolled_by, " IDENTITY ") VALUES "
	ROWS32("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?" ID4);

enum status bulk_training_course(struct bulk *b, const struct bulk_training_course *c)
{
	const enum batch_id t = BT_TRAINING_COURSE;
	bulk_put_int(b, t, 0, c->id, false);
	bulk_put_int(b, t, 1, c->centre, false);
	bulk_put_int(b, t, 2, c->trade, false);
	bulk_put_text(b, t, 3, c->title ? c->title : "", false);
	bulk_put_int(b, t, 4, c->provider, true);
	bulk_put_text(b, t, 5, c->provider_name ? c->provider_name : "", false);
	bulk_put_text(b, t, 6, c->start_date, false);
	bulk_put_text(b, t, 7, c->end_date, false);
	bulk_put_int(b, t, 8, c->hours, true);
	bulk_put_int(b, t, 9, c->capacity, false);
	bulk_put_int(b, t, 10, c->reserved_community, false);
	bulk_put_text(b, t, 11, c->certificate, false);
	bulk_put_text(b, t, 12, c->status, false);
	bulk_put_text(b, t, 13, c->cancel_reason ? c->cancel_reason : "", false);
	bulk_put_int(b, t, 14, c->created_by, true);
	return bulk_row_done(b, t);
}

enum status bulk_training_enrolment(struct bulk *b, const struct bulk_training_enrolment *e)
{
	const enum batch_id t = BT_TRAINING_ENROLMENT;
	bulk_put_int(b, t, 0, e->course, false);
	bulk_put_int(b, t, 1, e->person, false);
	bulk_put_text(b, t, 2, e->status, false);
	bulk_put_text(b, t, 3, e->waiting_since, true);
	bulk_put_text(b, t, 4, e->dropout_reason, true);
	bulk_put_text(b, t, 5, e->assessment, true);
	bulk_put_text(b, t, 6, e->certificate_no ? e->certificate_no : "", false);
	bulk_put_text(b, t, 7, e->toolkit_date, true);
	bulk_put_text(b, t, 8, e->followup, true);
	bulk_put_text(b, t, 9, e->followup_date, true);
	bulk_put_int(b, t, 10, e->enrolled_by, true);
	return bulk_row_done(b, t);
}

long long bulk_training_first_id(struct bulk *b)
{
	sqlite3_stmt *st = db_stmt(b->db, "SELECT coalesce(max(id), 0) + 1 FROM training_course");
	if (!st)
		return 0;
	long long v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return v;
}
