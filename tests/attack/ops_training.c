/* Attacks' write paths: vocational training courses, enrolment and the
 * attendance of a course day (see ops.c). */
#define _POSIX_C_SOURCE 200809L
#include "ops_private.h"

/* ---- vocational training: courses and enrolment ------------------------- */

/* Acts as the demo's training officer. */
static void act_training(struct attack *a)
{
	long long id = query(db_sqlite(a->db), "SELECT id FROM app_user WHERE name = 'training'", "", NULL, NULL, 0);
	act_as(a, id > 0 ? id : 0, "training", ROLE_TRAINING);
}

/* Plans a course at AGZ starting today, as the course form saves it: a
 * small capacity, so that enrolments soon fill it. */
enum status run_training_course(struct attack *a, char *ack, size_t size)
{
	act_training(a);
	struct training_course c;
	char day[11];
	today(day);
	training_course_init(&c, "AGZ", day);
	c.trade_id = query(db_sqlite(a->db), "SELECT id FROM ref_item WHERE list = 'training_trade' AND active = 1 "
	                   "ORDER BY position LIMIT 1", "", NULL, NULL, 0);
	c.capacity = 1 + (int)attack_pick(a, 3);
	snprintf(c.certificate, sizeof c.certificate, "attendance");
	snprintf(c.status, sizeof c.status, "open");
	snprintf(c.title, sizeof c.title, "C%lld", a->token++);
	enum status r = training_course_save(a->db, &c, NULL, NULL);
	if (r == ST_OK)
		snprintf(ack, size, "training_course %lld %s", c.id, c.title);
	return r;
}

bool verify_training_course(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[128];
	const char *w[2];
	if (words(args, buf, sizeof buf, w, 2) != 2)
		return fail(why, size, "bad line");
	return counted(ro, "SELECT count(*) FROM training_course WHERE id = ?1 AND title = ?2", "it", w, 0, why, size)
	       && counted(ro, "SELECT count(*) FROM audit WHERE entity = 'training_course' AND entity_id = ?1 "
	                  "AND action = 'create'", "i", w, 0, why, size);
}

/* Enrols one of the hot people in the newest open course at AGZ (a new
 * course when there is none, or when they are in it already): the data
 * layer puts them on the waiting list when it is full, even with other
 * writers enrolling at the same moment. */
enum status run_training_enrol(struct attack *a, char *ack, size_t size)
{
	act_training(a);
	long long person = some_person(a);
	char pid[24];
	snprintf(pid, sizeof pid, "%lld", person);
	long long course = query(db_sqlite(a->db), "SELECT max(c.id) FROM training_course c WHERE c.status = 'open' "
	                         "AND NOT EXISTS (SELECT 1 FROM training_enrolment e WHERE e.course_id = c.id "
	                         "AND e.person_id = ?1)", "i", (const char *[]){ pid }, NULL, 0);
	if (course <= 0)
		return run_training_course(a, ack, size);
	think(a);
	struct training_enrolment e;
	bool waiting = false;
	enum status r = training_enrol(a->db, course, person, "enrolled", &e, &waiting, NULL);
	if (r == ST_DUPLICATE)   /* another writer enrolled them meanwhile: refused, as the screen says */
		return ST_CONFLICT;
	if (r == ST_OK)
		snprintf(ack, size, "training_enrol %lld %lld %lld %s", e.id, course, person, e.status);
	return r;
}

/* The enrolment is there as acknowledged, and its course never holds more
 * people than its places. */
bool verify_training_enrol(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[128];
	const char *w[4];
	if (words(args, buf, sizeof buf, w, 4) != 4)
		return fail(why, size, "bad line");
	if (!counted(ro, "SELECT count(*) FROM training_enrolment WHERE id = ?1 AND course_id = ?2 AND person_id = ?3",
	             "iii", w, 0, why, size))
		return false;
	const char *course[1] = { w[1] };
	if (query(ro, "SELECT (SELECT count(*) FROM training_enrolment e WHERE e.course_id = c.id AND e.status IN "
	          "('selected', 'enrolled', 'completed', 'certified')) > c.capacity FROM training_course c WHERE c.id = ?1",
	          "i", course, NULL, 0) != 0)
		return fail(why, size, "more people enrolled than the course's places");
	return true;
}

/* ---- vocational training: attendance per course day (the roll) ---------- */

/* Marks one of the hot people on today's roll of the newest course running
 * at AGZ today (a course planned running from today when there is none,
 * acknowledged as a course), from the row read before a pause as the roll
 * screen shows it: a mark another writer gave meanwhile is reported
 * (ST_CONFLICT), never overwritten. Someone not in the course is added to
 * the day, as + does on the screen. */
enum status run_training_mark(struct attack *a, char *ack, size_t size)
{
	static const char *const marks[] = { "present", "absent", "excused", "left_early" };
	act_training(a);
	char day[11];
	today(day);
	const char *args[1] = { day };
	long long course = query(db_sqlite(a->db), "SELECT max(c.id) FROM training_course c JOIN centre t ON "
	                         "t.id = c.centre_id WHERE t.code = 'AGZ' AND c.status = 'running' "
	                         "AND c.start_date <= ?1 AND c.end_date >= ?1", "t", args, NULL, 0);
	if (course <= 0) {
		struct training_course c;
		training_course_init(&c, "AGZ", day);
		c.trade_id = query(db_sqlite(a->db), "SELECT id FROM ref_item WHERE list = 'training_trade' "
		                   "AND active = 1 ORDER BY position LIMIT 1", "", NULL, NULL, 0);
		snprintf(c.certificate, sizeof c.certificate, "attendance");
		snprintf(c.status, sizeof c.status, "running");
		snprintf(c.title, sizeof c.title, "R%lld", a->token++);
		enum status r = training_course_save(a->db, &c, NULL, NULL);
		if (r == ST_OK)
			snprintf(ack, size, "training_course %lld %s", c.id, c.title);
		return r;
	}
	struct roll_ref ref = roll_of_course_day(course, day);
	struct roll_row row;
	enum status r = roll_row_get(a->db, &ref, a->hot[attack_pick(a, ATTACK_HOT)], &row);
	if (r != ST_OK)
		return r;
	think(a);
	/* Always another mark than the one shown: every success is a write. */
	const char *mark = marks[attack_pick(a, 4)];
	if (strcmp(mark, row.mark) == 0)
		mark = strcmp(mark, "present") == 0 ? "absent" : "present";
	int shown = row.mark_version;
	if ((r = roll_mark(a->db, &ref, &row, mark, NULL, NULL)) != ST_OK)
		return r;
	if (row.mark_version != shown + 1)
		return ST_INTERNAL;
	char cid[24], pid[24];
	snprintf(cid, sizeof cid, "%lld", course);
	snprintf(pid, sizeof pid, "%lld", row.person_id);
	long long id = query(db_sqlite(a->db), "SELECT id FROM training_attendance WHERE course_id = ?1 AND day = ?2 "
	                     "AND person_id = ?3", "iti", (const char *[]){ cid, day, pid }, NULL, 0);
	snprintf(ack, size, "training_mark %lld %d %s", id, row.mark_version, row.mark);
	return ST_OK;
}

/* The mark is there at the version acknowledged (or later), audited. */
bool verify_training_mark(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[128];
	const char *w[3];
	if (words(args, buf, sizeof buf, w, 3) != 3)
		return fail(why, size, "bad line");
	if (!versioned(ro, "SELECT version, mark FROM training_attendance WHERE id = ?1", w[0], w[1], w[2], why, size))
		return false;
	char after[64];
	snprintf(after, sizeof after, "\"%s\"]", w[2]);
	return counted(ro, "SELECT count(*) FROM audit WHERE entity = 'training_attendance' AND entity_id = ?1 "
	               "AND instr(changes, ?2) > 0", "it", (const char *[]){ w[0], after }, 0, why, size);
}
