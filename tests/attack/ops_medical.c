/* Attacks' write paths: medical follow-up (see ops.c). */
#define _POSIX_C_SOURCE 200809L
#include "ops_private.h"

/* ---- medical ------------------------------------------------------------ */

static void act_medical(struct attack *a)
{
	act_as(a, a->medical_id, "medical", ROLE_MEDICAL);
}

enum status run_consultation(struct attack *a, char *ack, size_t size)
{
	struct consultation c;
	memset(&c, 0, sizeof c);
	act_medical(a);
	c.person_id = some_person(a);
	today(c.date);
	snprintf(c.centre_code, sizeof c.centre_code, "AGZ");
	snprintf(c.reason, sizeof c.reason, "malaria");
	snprintf(c.diagnosis, sizeof c.diagnosis, "D%lld", a->token++);
	snprintf(c.treatment, sizeof c.treatment, "first");
	enum status s = consultation_save(a->db, &c);
	if (s != ST_OK)
		return s;
	a->consult_id = c.id;
	a->consult_person = c.person_id;
	snprintf(ack, size, "consultation %lld %s", c.id, c.diagnosis);
	return ST_OK;
}

bool verify_consultation(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[128];
	const char *w[2];
	if (words(args, buf, sizeof buf, w, 2) != 2)
		return fail(why, size, "bad line");
	return counted(ro, "SELECT count(*) FROM consultation WHERE id = ?1 AND diagnosis = ?2", "it", w, 0, why, size);
}

struct find_consult {
	long long id;
	struct consultation c;
};

static void take_consult(const struct consultation *c, void *ctx)
{
	struct find_consult *f = ctx;
	if (c->id == f->id)
		f->c = *c;
}

/* Edits the writer's last consultation, with its version. */
enum status run_consultation_edit(struct attack *a, char *ack, size_t size)
{
	if (!a->consult_id)
		return run_consultation(a, ack, size);
	act_medical(a);
	struct find_consult f;
	memset(&f, 0, sizeof f);
	f.id = a->consult_id;
	enum status s = consultation_list(a->db, a->consult_person, 200, take_consult, &f);
	if (s != ST_OK)
		return s;
	if (!f.c.id) {
		a->consult_id = 0;
		return run_consultation(a, ack, size);
	}
	think(a);
	snprintf(f.c.treatment, sizeof f.c.treatment, "T%lld", a->token++);
	s = consultation_save(a->db, &f.c);
	if (s == ST_OK)
		snprintf(ack, size, "consultation_edit %lld %d %s", f.c.id, f.c.version, f.c.treatment);
	return s;
}

bool verify_consultation_edit(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[128];
	const char *w[3];
	if (words(args, buf, sizeof buf, w, 3) != 3)
		return fail(why, size, "bad line");
	return versioned(ro, "SELECT version, treatment FROM consultation WHERE id = ?1", w[0], w[1], w[2], why, size);
}

/* Opens a pregnancy case, records antenatal visits on it, closes it. */
enum status run_medical_case(struct attack *a, char *ack, size_t size)
{
	act_medical(a);
	char day[11];
	today(day);
	enum status s;
	if (!a->case_id) {
		struct medical_case mc;
		memset(&mc, 0, sizeof mc);
		/* A pregnancy as the data layer accepts one: a woman, delivery
		 * expected within ten months. */
		mc.person_id = some_woman(a);
		snprintf(mc.condition, sizeof mc.condition, "pregnancy");
		snprintf(mc.opened, sizeof mc.opened, "%s", day);
		days_after(day, 150, mc.expected_delivery);
		snprintf(mc.notes, sizeof mc.notes, "N%lld", a->token++);
		snprintf(mc.centre_code, sizeof mc.centre_code, "AGZ");
		if ((s = medical_case_save(a->db, &mc)) == ST_OK) {
			a->case_id = mc.id;
			snprintf(ack, size, "medical_case %lld %s", mc.id, mc.notes);
		}
		return s;
	}
	if (attack_pick(a, 3)) {
		char notes[32];
		snprintf(notes, sizeof notes, "A%lld", a->token++);
		if ((s = medical_case_antenatal(a->db, a->case_id, day, notes)) == ST_OK)
			snprintf(ack, size, "antenatal %lld %s", a->case_id, notes);
		return s;
	}
	struct medical_case mc;
	if ((s = medical_case_get(a->db, a->case_id, &mc)) != ST_OK)
		return s;
	think(a);
	snprintf(mc.closed, sizeof mc.closed, "%s", day);
	snprintf(mc.outcome, sizeof mc.outcome, "O%lld", a->token++);
	if ((s = medical_case_save(a->db, &mc)) == ST_OK) {
		snprintf(ack, size, "medical_case_close %lld %d %s", mc.id, mc.version, mc.outcome);
		a->case_id = 0;
	}
	return s;
}

bool verify_medical_case(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[128];
	const char *w[2];
	if (words(args, buf, sizeof buf, w, 2) != 2)
		return fail(why, size, "bad line");
	return counted(ro, "SELECT count(*) FROM medical_case WHERE id = ?1 AND notes = ?2", "it", w, 0, why, size);
}

bool verify_antenatal(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[128];
	const char *w[2];
	if (words(args, buf, sizeof buf, w, 2) != 2)
		return fail(why, size, "bad line");
	return counted(ro, "SELECT count(*) FROM antenatal_visit WHERE case_id = ?1 AND notes = ?2", "it", w, 0,
	               why, size);
}

bool verify_case_close(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[128];
	const char *w[3];
	if (words(args, buf, sizeof buf, w, 3) != 3)
		return fail(why, size, "bad line");
	return versioned(ro, "SELECT version, outcome FROM medical_case WHERE id = ?1", w[0], w[1], w[2], why, size);
}

enum status run_fitness(struct attack *a, char *ack, size_t size)
{
	static const char *const statuses[] = { "fit", "fit_escort", "not_fit" };
	act_medical(a);
	char day[11];
	today(day);
	long long person = some_person(a);
	const char *st = statuses[attack_pick(a, 3)];
	enum status s = fitness_record(a->db, person, day, st);
	if (s == ST_OK)
		snprintf(ack, size, "fitness %lld %s", person, st);
	return s;
}

bool verify_fitness(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	char buf[64];
	const char *w[2];
	if (words(args, buf, sizeof buf, w, 2) != 2)
		return fail(why, size, "bad line");
	return counted(ro, "SELECT count(*) FROM fitness WHERE person_id = ?1 AND status = ?2", "it", w, nth, why, size);
}
