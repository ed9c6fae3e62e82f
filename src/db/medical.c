/* Medical follow-up of one person: reason and condition names, the checks,
 * saving consultations, medical cases, antenatal visits and fitness to
 * travel, reading the medical record and the status every role may see.
 * The lists and counts of a centre are in medical_report.c.
 *
 * Confidentiality is enforced here, whatever the screens do: details need
 * PERM_MEDICAL_READ, writes PERM_MEDICAL_WRITE, the status
 * PERM_MEDICAL_STATUS. Every write is in one transaction with its audit
 * row; every opening of the record adds a "view" row (entity
 * "medical_record", the person's id). The trail holds the medical fields
 * too: only administrators read it. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/jsonbuf.h"
#include "core/text.h"
#include "core/vocab.h"
#include "db/audit.h"
#include "db/db_private.h"
#include "db/medical_private.h"
#include "db/medical.h"

const char *med_reason_name(enum med_reason r)
{
	return vocab_code(VOCAB_CONSULT_REASON, (int)r);
}

const char *med_reason_label(enum med_reason r)
{
	const struct vocab_item *it = vocab_item(VOCAB_CONSULT_REASON, (int)r);
	return it ? it->label : "";
}

const char *med_condition_name(enum med_condition c)
{
	return vocab_code(VOCAB_CONDITION, (int)c);
}

const char *med_condition_label(enum med_condition c)
{
	const struct vocab_item *it = vocab_item(VOCAB_CONDITION, (int)c);
	return it ? it->label : "";
}

/* True when s ends inside its buffer of size bytes and is valid UTF-8. */
static bool text_ok(const char *s, size_t size)
{
	return memchr(s, '\0', size) && text_valid_utf8(s);
}

/* Today, local time, "YYYY-MM-DD". */
static void today_iso(char out[11])
{
	struct pdate t = clock_today();
	date_to_iso(&t, out, 11);
}

/* The text fields of a record, for the checks and the audit trail. */
struct text_field {
	const char *name;
	size_t offset, size;
};
#define TEXT_FIELD(type, member) \
	{ #member, offsetof(struct type, member), sizeof((struct type *)0)->member }

static const struct text_field consultation_fields[] = {
	TEXT_FIELD(consultation, date), TEXT_FIELD(consultation, centre_code),
	TEXT_FIELD(consultation, reason), TEXT_FIELD(consultation, diagnosis),
	TEXT_FIELD(consultation, treatment), TEXT_FIELD(consultation, referral_to),
	TEXT_FIELD(consultation, referral_why), TEXT_FIELD(consultation, referral_status),
	TEXT_FIELD(consultation, next_followup), TEXT_FIELD(consultation, referral_outcome_date),
};
static const struct text_field case_fields[] = {
	TEXT_FIELD(medical_case, condition), TEXT_FIELD(medical_case, opened),
	TEXT_FIELD(medical_case, closed), TEXT_FIELD(medical_case, outcome),
	TEXT_FIELD(medical_case, expected_delivery), TEXT_FIELD(medical_case, notes),
	TEXT_FIELD(medical_case, centre_code),
};
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* True when every text field of rec fits its buffer and is valid UTF-8. */
static bool fields_ok(const void *rec, const struct text_field *f, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!text_ok((const char *)rec + f[i].offset, f[i].size))
			return false;
	return true;
}

/* Adds the fields of rec to j: all of them for a new record (before
 * NULL), as "name": value, else the ones that changed, as [before, after]. */
static void fields_json(struct jsonbuf *j, const void *before, const void *rec, const struct text_field *f,
                        size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const char *after = (const char *)rec + f[i].offset;
		if (before)
			jsonbuf_change_str(j, f[i].name, (const char *)before + f[i].offset, after);
		else
			jsonbuf_put_str(j, f[i].name, after);
	}
}

/* Adds "person_id": "id" (the builder holds strings only). */
static void json_person(struct jsonbuf *j, long long person)
{
	char id[24];
	snprintf(id, sizeof id, "%lld", person);
	jsonbuf_put_str(j, "person_id", id);
}

enum status consultation_check(const struct consultation *c, const char *today, const char **msgid)
{
	const char *m = NULL;
	if (!fields_ok(c, consultation_fields, COUNT(consultation_fields)))
		m = N_("A text is too long or not valid.");
	else if (!date_is_day(today))
		m = N_("Today's date is not known.");
	else if (!date_is_day(c->date))
		m = N_("The consultation date is not a valid day.");
	else if (strcmp(c->date, today) > 0)
		m = N_("The consultation date is in the future.");
	else if (!vocab_has(VOCAB_CONSULT_REASON, c->reason))
		m = N_("Choose the reason for the consultation.");
	else if (c->next_followup[0] && !date_is_day(c->next_followup))
		m = N_("The follow-up date is not a valid day.");
	else if (c->next_followup[0] && strcmp(c->next_followup, c->date) < 0)
		m = N_("The follow-up cannot be before the consultation.");
	else if (c->referral_to[0] && !c->referral_status[0])
		m = N_("Choose the status of the referral.");
	else if (c->referral_status[0] && !vocab_has(VOCAB_REFERRAL_STATUS, c->referral_status))
		m = N_("The referral status is not known.");
	else if (!c->referral_to[0] && (c->referral_status[0] || c->referral_why[0]))
		m = N_("Enter where the person was referred.");
	else if (c->referral_outcome_date[0] && strcmp(c->referral_status, "attended") != 0
	         && strcmp(c->referral_status, "not_attended") != 0)
		m = N_("Outcome date only for attended or not attended.");
	else if (c->referral_outcome_date[0] && !date_is_day(c->referral_outcome_date))
		m = N_("The outcome date is not a valid day.");
	else if (c->referral_outcome_date[0] && strcmp(c->referral_outcome_date, c->date) < 0)
		m = N_("The outcome date is before the consultation.");
	else if (c->referral_outcome_date[0] && strcmp(c->referral_outcome_date, today) > 0)
		m = N_("The outcome date is in the future.");
	if (msgid)
		*msgid = m;
	return m ? ST_INVALID : ST_OK;
}

void medical_case_apply_edit(struct medical_case *mc, const struct medical_case *shown,
                             const struct medical_case *edited)
{
	for (size_t i = 0; i < COUNT(case_fields); i++) {
		const struct text_field *f = &case_fields[i];
		const char *now = (const char *)edited + f->offset;
		if (strcmp(now, (const char *)shown + f->offset) != 0)
			memcpy((char *)mc + f->offset, now, f->size);
	}
}

enum status medical_case_check(const struct medical_case *mc, const char *today, const char **msgid)
{
	const char *m = medical_case_problem(mc, NULL, today, NULL);
	if (msgid)
		*msgid = m;
	return m ? ST_INVALID : ST_OK;
}

/* The ISO day months after the ISO day iso (the last of the month when
 * shorter) into out. */
static void add_months(const char *iso, int months, char out[11])
{
	struct pdate d;
	out[0] = '\0';
	if (date_from_iso(iso, &d) != DATE_OK || d.prec != DATE_DAY)
		return;
	int m = d.year * 12 + (d.month - 1) + months;
	d.year = m / 12;
	d.month = m % 12 + 1;
	int last = date_days_in_month(d.year, d.month);
	if (d.day > last)
		d.day = last;
	snprintf(out, 11, "%04d-%02d-%02d", d.year, d.month, d.day);
}

/* True when s holds at least n letters or digits (an outcome in words). */
static bool has_words(const char *s, int n)
{
	int k = 0;
	for (; *s && k < n; s++)
		if ((unsigned char)*s >= 0x80 || (*s >= '0' && *s <= '9') || ((*s | 0x20) >= 'a' && (*s | 0x20) <= 'z'))
			k++;
	return k >= n;
}

/* Sets *field to name (when field is not NULL) and gives msgid. */
static const char *about(const char **field, const char *name, const char *msgid)
{
	if (field)
		*field = name;
	return msgid;
}

const char *medical_case_problem(const struct medical_case *mc, const char *visit, const char *today,
                                 const char **field)
{
	bool pregnancy = strcmp(mc->condition, "pregnancy") == 0;
	char latest[11];
	if (field)
		*field = NULL;
	if (!visit)
		visit = "";
	if (!fields_ok(mc, case_fields, COUNT(case_fields)) || !text_ok(visit, 11))
		return N_("A text is too long or not valid.");
	if (!date_is_day(today))
		return N_("Today's date is not known.");
	if (!vocab_has(VOCAB_CONDITION, mc->condition))
		return about(field, "condition", N_("Choose the condition."));
	if (!date_is_day(mc->opened) || strcmp(mc->opened, today) > 0)
		return about(field, "opened", N_("The opening date is not valid or in the future."));
	if (mc->expected_delivery[0] && !pregnancy)
		return about(field, "expected_delivery", N_("A delivery date is for a pregnancy."));
	if (mc->expected_delivery[0] && !date_is_day(mc->expected_delivery))
		return about(field, "expected_delivery", N_("The expected delivery is not a valid day."));
	if (mc->expected_delivery[0] && strcmp(mc->expected_delivery, mc->opened) < 0)
		return about(field, "expected_delivery", N_("Cannot be before the case was opened."));
	/* A pregnancy lasts about nine months: known at the earliest a few
	 * weeks in, it ends less than ten months after the case is opened. */
	add_months(mc->opened, 10, latest);
	if (mc->expected_delivery[0] && strcmp(mc->expected_delivery, latest) > 0)
		return about(field, "expected_delivery",
		             N_("More than ten months after the case was opened."));
	if (visit[0] && !pregnancy)
		return about(field, "antenatal_visit", N_("Antenatal visits are for pregnancies."));
	if (visit[0] && (!date_is_day(visit) || strcmp(visit, today) > 0))
		return about(field, "antenatal_visit", N_("Not a valid day, or in the future."));
	if (visit[0] && strcmp(visit, mc->opened) < 0)
		return about(field, "antenatal_visit", N_("Cannot be before the case was opened."));
	if (mc->closed[0] && (!date_is_day(mc->closed) || strcmp(mc->closed, today) > 0))
		return about(field, "closed", N_("The closing date is not valid or in the future."));
	if (mc->closed[0] && strcmp(mc->closed, mc->opened) < 0)
		return about(field, "closed", N_("The case cannot close before it opened."));
	if (visit[0] && mc->closed[0] && strcmp(visit, mc->closed) > 0)
		return about(field, "antenatal_visit", N_("Cannot be after the case was closed."));
	if (mc->closed[0] && !mc->outcome[0])
		return about(field, "outcome", N_("Enter the outcome to close the case."));
	if (mc->outcome[0] && !mc->closed[0])
		return about(field, "closed", N_("An outcome closes the case: give its date."));
	if (mc->outcome[0] && !has_words(mc->outcome, 3))
		return about(field, "outcome", N_("Say in a few words how the case ended."));
	return NULL;
}

/* ST_OK when person exists, ST_NOT_FOUND when not. */
static enum status person_exists(struct db *db, long long person)
{
	static const char sql[] = "SELECT 1 FROM person WHERE id = ?1";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, person);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
}

/* Appends the "view" row of an opening of person's medical record, in its
 * own short transaction. */
static enum status audit_view(struct db *db, long long person)
{
	enum status s = db_begin(db);
	if (s != ST_OK)
		return s;
	return db_finish(db, audit_log(db, "view", "medical_record", person, NULL));
}

/* ---- consultations ------------------------------------------------------ */

#define CONSULTATION_SELECT \
	"SELECT c.id, c.person_id, c.date, ce.code, coalesce(u.name, ''), c.reason, c.diagnosis, " \
	"c.treatment, c.referral_to, c.referral_why, coalesce(c.referral_status, ''), " \
	"coalesce(c.next_followup, ''), c.version, coalesce(c.referral_outcome_date, '') FROM consultation c " \
	"JOIN centre ce ON ce.id = c.centre_id LEFT JOIN app_user u ON u.id = c.clinician_id "

/* Fills c from a row of CONSULTATION_SELECT. */
static void read_consultation(sqlite3_stmt *st, struct consultation *c)
{
	memset(c, 0, sizeof *c);
	c->id = sqlite3_column_int64(st, 0);
	c->person_id = sqlite3_column_int64(st, 1);
	db_column_copy(st, 2, c->date, sizeof c->date);
	db_column_copy(st, 3, c->centre_code, sizeof c->centre_code);
	db_column_copy(st, 4, c->clinician, sizeof c->clinician);
	db_column_copy(st, 5, c->reason, sizeof c->reason);
	db_column_copy(st, 6, c->diagnosis, sizeof c->diagnosis);
	db_column_copy(st, 7, c->treatment, sizeof c->treatment);
	db_column_copy(st, 8, c->referral_to, sizeof c->referral_to);
	db_column_copy(st, 9, c->referral_why, sizeof c->referral_why);
	db_column_copy(st, 10, c->referral_status, sizeof c->referral_status);
	db_column_copy(st, 11, c->next_followup, sizeof c->next_followup);
	c->version = sqlite3_column_int(st, 12);
	db_column_copy(st, 13, c->referral_outcome_date, sizeof c->referral_outcome_date);
}

/* Reads consultation id into *c. */
static enum status consultation_read(struct db *db, long long id, struct consultation *c)
{
	static const char sql[] = CONSULTATION_SELECT "WHERE c.id = ?1";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_consultation(st, c);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
}

/* Binds the editable columns of c to ?2, ?4..?10 and ?12, the centre to ?3. */
static void bind_consultation(sqlite3_stmt *st, const struct consultation *c, long long centre)
{
	db_bind_text(st, 2, c->date);
	sqlite3_bind_int64(st, 3, centre);
	db_bind_text(st, 4, c->reason);
	db_bind_text(st, 5, c->diagnosis);
	db_bind_text(st, 6, c->treatment);
	db_bind_text(st, 7, c->referral_to);
	db_bind_text(st, 8, c->referral_why);
	db_bind_opt(st, 9, c->referral_status);
	db_bind_opt(st, 10, c->next_followup);
	db_bind_opt(st, 12, c->referral_outcome_date);
}

/* Inserts a new consultation by the actor; ST_NOT_FOUND for an unknown
 * person. */
static enum status consultation_insert(struct db *db, struct consultation *c, long long centre)
{
	static const char sql[] =
		"INSERT INTO consultation (person_id, date, centre_id, reason, diagnosis, treatment, "
		"referral_to, referral_why, referral_status, next_followup, clinician_id, referral_outcome_date, "
		"created_at) "
		"SELECT id, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
		"FROM person WHERE id = ?1";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	const struct db_actor *a = db_actor(db);
	sqlite3_bind_int64(st, 1, c->person_id);
	bind_consultation(st, c, centre);
	if (a->user_id > 0)
		sqlite3_bind_int64(st, 11, a->user_id);
	enum status s = db_step_done(st);
	if (s == ST_OK && sqlite3_changes(db_sqlite(db)) != 1)
		return ST_NOT_FOUND;
	if (s != ST_OK)
		return s;
	c->id = sqlite3_last_insert_rowid(db_sqlite(db));
	c->version = 1;
	snprintf(c->clinician, sizeof c->clinician, "%s", a->user_name);
	return ST_OK;
}

/* Saves the changes to consultation c->id if its version is still
 * c->version; *before receives the stored row. The person and the
 * clinician stay as recorded. */
static enum status consultation_update(struct db *db, struct consultation *c, long long centre,
                                       struct consultation *before)
{
	static const char sql[] =
		"UPDATE consultation SET date = ?2, centre_id = ?3, reason = ?4, diagnosis = ?5, treatment = ?6, "
		"referral_to = ?7, referral_why = ?8, referral_status = ?9, next_followup = ?10, "
		"referral_outcome_date = ?12, version = version + 1 WHERE id = ?1 AND version = ?11";
	enum status s = consultation_read(db, c->id, before);
	if (s != ST_OK)
		return s;
	if (before->person_id != c->person_id)
		return ST_NOT_FOUND;
	if (before->version != c->version)
		return ST_CONFLICT;
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, c->id);
	bind_consultation(st, c, centre);
	sqlite3_bind_int(st, 11, c->version);
	if ((s = db_step_done(st)) == ST_OK && sqlite3_changes(db_sqlite(db)) != 1)
		s = ST_CONFLICT;
	if (s == ST_OK) {
		c->version++;
		snprintf(c->clinician, sizeof c->clinician, "%s", before->clinician);
	}
	return s;
}

/* Inserts c (c->id 0) or saves its changes, with the audit row, inside
 * the caller's transaction; c->id and c->version are set on success. */
static enum status consultation_write(struct db *db, struct consultation *c)
{
	bool is_new = c->id == 0;
	long long centre = db_centre_id(db, c->centre_code);
	struct consultation before;
	enum status s;
	if (!centre)
		return ST_NOT_FOUND;
	else if (is_new)
		s = consultation_insert(db, c, centre);
	else
		s = consultation_update(db, c, centre, &before);
	if (s != ST_OK)
		return s;
	struct jsonbuf j;
	jsonbuf_init(&j);
	if (is_new)
		json_person(&j, c->person_id);
	fields_json(&j, is_new ? NULL : &before, c, consultation_fields, COUNT(consultation_fields));
	return audit_log(db, is_new ? "create" : "update", "consultation", c->id, jsonbuf_text(&j));
}

enum status consultation_create(struct db *db, struct consultation *c, const char *today)
{
	enum status s = db_require(db, PERM_MEDICAL_WRITE);
	if (s == ST_OK)
		s = consultation_check(c, today, NULL);
	if (s != ST_OK)
		return s;
	c->id = 0;
	s = consultation_write(db, c);
	if (s != ST_OK) {
		c->id = 0;
		c->version = 0;
	}
	return s;
}

enum status consultation_save(struct db *db, struct consultation *c)
{
	enum status s = db_require(db, PERM_MEDICAL_WRITE);
	if (s != ST_OK)
		return s;
	char today[11];
	today_iso(today);
	if ((s = consultation_check(c, today, NULL)) != ST_OK)
		return s;
	if ((s = db_begin(db)) != ST_OK)
		return s;
	/* Put back as they were if anything fails. */
	long long id = c->id;
	int version = c->version;
	s = consultation_write(db, c);
	if (s == ST_OK && (s = db_commit(db)) == ST_OK)
		return ST_OK;
	db_rollback(db);
	c->id = id;
	c->version = version;
	return s;
}

enum status consultation_get(struct db *db, long long id, struct consultation *c)
{
	enum status s = db_require(db, PERM_MEDICAL_READ);
	if (s != ST_OK)
		return s;
	struct consultation found;
	if ((s = consultation_read(db, id, &found)) != ST_OK)
		return s;
	/* Nothing is shown unless the opening is in the trail. */
	if ((s = db_begin(db)) != ST_OK || (s = db_finish(db, audit_log(db, "view", "consultation", id, NULL))) != ST_OK)
		return s;
	*c = found;
	return ST_OK;
}

/* consultation_list, audited when audit is set. */
static enum status consultations(struct db *db, long long person, int limit, bool audit,
                                 void (*cb)(const struct consultation *c, void *ctx), void *ctx)
{
	static const char sql[] = CONSULTATION_SELECT "WHERE c.person_id = ?1 ORDER BY c.date DESC, c.id DESC LIMIT ?2";
	enum status s = db_require(db, PERM_MEDICAL_READ);
	if (s != ST_OK || (s = person_exists(db, person)) != ST_OK || limit <= 0)
		return s;   /* nothing asked, nothing shown, nothing to audit */
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	/* Collect, release the statement, audit, then call back: the callback
	 * may use the connection, and nothing is shown unless the opening is in
	 * the trail. */
	struct consultation *rows = NULL;
	size_t n = 0, cap = 0;
	sqlite3_bind_int64(st, 1, person);
	sqlite3_bind_int(st, 2, limit);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct consultation *c = db_grow((void **)&rows, &n, &cap, sizeof *rows);
		if (!c) {
			rc = SQLITE_NOMEM;
			break;
		}
		read_consultation(st, c);
	}
	sqlite3_reset(st);
	s = rc != SQLITE_DONE ? db_status_of(rc) : audit ? audit_view(db, person) : ST_OK;
	for (size_t i = 0; s == ST_OK && cb && i < n; i++)
		cb(&rows[i], ctx);
	free(rows);
	return s;
}

enum status consultation_list(struct db *db, long long person, int limit,
                              void (*cb)(const struct consultation *c, void *ctx), void *ctx)
{
	return consultations(db, person, limit, true, cb, ctx);
}

/* ---- medical cases ------------------------------------------------------ */

#define CASE_SELECT \
	"SELECT m.id, m.person_id, m.condition, m.opened, coalesce(m.closed, ''), m.outcome, " \
	"coalesce(m.expected_delivery, ''), m.notes, ce.code, " \
	"(SELECT count(*) FROM antenatal_visit a WHERE a.case_id = m.id), m.version " \
	"FROM medical_case m JOIN centre ce ON ce.id = m.centre_id "

/* Fills mc from a row of CASE_SELECT. */
static void read_case(sqlite3_stmt *st, struct medical_case *mc)
{
	memset(mc, 0, sizeof *mc);
	mc->id = sqlite3_column_int64(st, 0);
	mc->person_id = sqlite3_column_int64(st, 1);
	db_column_copy(st, 2, mc->condition, sizeof mc->condition);
	db_column_copy(st, 3, mc->opened, sizeof mc->opened);
	db_column_copy(st, 4, mc->closed, sizeof mc->closed);
	db_column_copy(st, 5, mc->outcome, sizeof mc->outcome);
	db_column_copy(st, 6, mc->expected_delivery, sizeof mc->expected_delivery);
	db_column_copy(st, 7, mc->notes, sizeof mc->notes);
	db_column_copy(st, 8, mc->centre_code, sizeof mc->centre_code);
	mc->antenatal_visits = sqlite3_column_int(st, 9);
	mc->version = sqlite3_column_int(st, 10);
}

/* Reads medical case id into *mc. */
static enum status case_read(struct db *db, long long id, struct medical_case *mc)
{
	static const char sql[] = CASE_SELECT "WHERE m.id = ?1";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_case(st, mc);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
}

enum status medical_case_get(struct db *db, long long id, struct medical_case *mc)
{
	enum status s = db_require(db, PERM_MEDICAL_READ);
	if (s != ST_OK || (s = case_read(db, id, mc)) != ST_OK)
		return s;
	/* An opening of the person's medical record, as the list's. */
	return audit_view(db, mc->person_id);
}

/* Binds the editable columns of mc to ?2..?8. */
static void bind_case(sqlite3_stmt *st, const struct medical_case *mc, long long centre)
{
	db_bind_text(st, 2, mc->condition);
	db_bind_text(st, 3, mc->opened);
	db_bind_opt(st, 4, mc->closed);
	db_bind_text(st, 5, mc->outcome);
	db_bind_opt(st, 6, mc->expected_delivery);
	db_bind_text(st, 7, mc->notes);
	sqlite3_bind_int64(st, 8, centre);
}

/* Inserts a new case; ST_NOT_FOUND for an unknown person. */
static enum status case_insert(struct db *db, struct medical_case *mc, long long centre)
{
	static const char sql[] =
		"INSERT INTO medical_case (person_id, condition, opened, closed, outcome, expected_delivery, "
		"notes, centre_id) SELECT id, ?2, ?3, ?4, ?5, ?6, ?7, ?8 FROM person WHERE id = ?1";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, mc->person_id);
	bind_case(st, mc, centre);
	enum status s = db_step_done(st);
	if (s == ST_OK && sqlite3_changes(db_sqlite(db)) != 1)
		return ST_NOT_FOUND;
	if (s != ST_OK)
		return s;
	mc->id = sqlite3_last_insert_rowid(db_sqlite(db));
	mc->version = 1;
	mc->antenatal_visits = 0;
	return ST_OK;
}

/* Saves the changes to case mc->id if its version is still mc->version;
 * *before receives the stored row. */
static enum status case_update(struct db *db, struct medical_case *mc, long long centre,
                               struct medical_case *before)
{
	static const char sql[] =
		"UPDATE medical_case SET condition = ?2, opened = ?3, closed = ?4, outcome = ?5, "
		"expected_delivery = ?6, notes = ?7, centre_id = ?8, version = version + 1 "
		"WHERE id = ?1 AND version = ?9";
	enum status s = case_read(db, mc->id, before);
	if (s != ST_OK)
		return s;
	if (before->person_id != mc->person_id)
		return ST_NOT_FOUND;
	if (before->version != mc->version)
		return ST_CONFLICT;
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, mc->id);
	bind_case(st, mc, centre);
	sqlite3_bind_int(st, 9, mc->version);
	if ((s = db_step_done(st)) == ST_OK && sqlite3_changes(db_sqlite(db)) != 1)
		s = ST_CONFLICT;
	if (s == ST_OK) {
		mc->version++;
		mc->antenatal_visits = before->antenatal_visits;
	}
	return s;
}

/* The rules of mc that need the database, in the transaction: a pregnancy
 * is not a man's, and the visits already recorded stay within the case's
 * dates and on a pregnancy. The msgid of the first broken, NULL when none
 * (or when the person is unknown: the insert says so). */
static const char *case_db_problem(struct db *db, const struct medical_case *mc, const char **field)
{
	static const char sex_sql[] = "SELECT sex FROM person WHERE id = ?1";
	static const char visits_sql[] =
		"SELECT count(*) FROM antenatal_visit WHERE case_id = ?1 "
		"AND (?2 <> 'pregnancy' OR date < ?3 OR (?4 <> '' AND date > ?4))";
	const char *m = NULL;
	sqlite3_stmt *st = db_stmt(db, sex_sql);
	if (!st)
		return NULL;
	sqlite3_bind_int64(st, 1, mc->person_id);
	if (sqlite3_step(st) == SQLITE_ROW && strcmp(mc->condition, "pregnancy") == 0) {
		const char *sex = (const char *)sqlite3_column_text(st, 0);
		if (sex && strcmp(sex, "m") == 0)
			m = about(field, "condition", N_("A man cannot have a pregnancy case."));
	}
	sqlite3_reset(st);
	if (m || !mc->id || !(st = db_stmt(db, visits_sql)))
		return m;
	sqlite3_bind_int64(st, 1, mc->id);
	db_bind_text(st, 2, mc->condition);
	db_bind_text(st, 3, mc->opened);
	db_bind_text(st, 4, mc->closed);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) > 0)
		m = strcmp(mc->condition, "pregnancy") != 0
		            ? about(field, "condition", N_("This case has antenatal visits: it stays a pregnancy."))
		            : about(field, "opened", N_("A visit already recorded is outside these dates."));
	sqlite3_reset(st);
	return m;
}

/* Writes case mc (new or changed) with its audit row, inside the caller's
 * transaction. */
static enum status case_write(struct db *db, struct medical_case *mc)
{
	bool is_new = mc->id == 0;
	long long centre = db_centre_id(db, mc->centre_code);
	struct medical_case before;
	enum status s;
	if (!centre)
		return ST_NOT_FOUND;
	s = is_new ? case_insert(db, mc, centre) : case_update(db, mc, centre, &before);
	if (s != ST_OK)
		return s;
	struct jsonbuf j;
	jsonbuf_init(&j);
	if (is_new)
		json_person(&j, mc->person_id);
	fields_json(&j, is_new ? NULL : &before, mc, case_fields, COUNT(case_fields));
	return audit_log(db, is_new ? "create" : "update", "medical_case", mc->id, jsonbuf_text(&j));
}

/* Records an antenatal visit on case_id with its audit row, inside the
 * caller's transaction; date and notes are checked by the caller. */
static enum status visit_write(struct db *db, long long case_id, const char *date, const char *notes)
{
	static const char sql[] = "INSERT INTO antenatal_visit (case_id, date, notes) VALUES (?1, ?2, ?3)";
	struct medical_case mc;
	enum status s = case_read(db, case_id, &mc);
	if (s != ST_OK)
		return s;
	/* A visit of this pregnancy: not before it was opened nor after it closed. */
	if (strcmp(mc.condition, "pregnancy") != 0 || strcmp(date, mc.opened) < 0
	    || (mc.closed[0] && strcmp(date, mc.closed) > 0))
		return ST_INVALID;
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, case_id);
	db_bind_text(st, 2, date);
	db_bind_text(st, 3, notes);
	if ((s = db_step_done(st)) != ST_OK)
		return s;
	struct jsonbuf j;
	jsonbuf_init(&j);
	jsonbuf_put_int(&j, "visit_id", sqlite3_last_insert_rowid(db_sqlite(db)));
	jsonbuf_put_str(&j, "antenatal_visit", date);
	jsonbuf_put_str(&j, "notes", notes);
	return audit_log(db, "antenatal", "medical_case", case_id, jsonbuf_text(&j));
}

enum status medical_case_save_visit(struct db *db, struct medical_case *mc, const char *visit, const char *notes,
                                    const char **msgid, const char **field)
{
	const char *m = NULL, *fld = NULL;
	enum status s = db_require(db, PERM_MEDICAL_WRITE);
	char today[11];
	today_iso(today);
	if (!visit)
		visit = "";
	if (!notes)
		notes = "";
	if (s == ST_OK && ((m = medical_case_problem(mc, visit, today, &fld))
	                   || !text_ok(notes, sizeof ((struct medical_case *)0)->notes)))
		s = ST_INVALID;
	if (s == ST_OK && (s = db_begin(db)) == ST_OK) {
		long long id = mc->id;
		int version = mc->version, visits = mc->antenatal_visits;
		if ((m = case_db_problem(db, mc, &fld)))
			s = ST_INVALID;
		if (s == ST_OK)
			s = case_write(db, mc);
		if (s == ST_OK && visit[0] && (s = visit_write(db, mc->id, visit, notes)) == ST_OK)
			mc->antenatal_visits++;
		if (s == ST_OK)
			s = db_commit(db);
		if (s != ST_OK) {
			db_rollback(db);
			mc->id = id;
			mc->version = version;
			mc->antenatal_visits = visits;
		}
	}
	if (msgid)
		*msgid = s == ST_INVALID ? (m ? m : N_("A value is not valid.")) : NULL;
	if (field)
		*field = s == ST_INVALID ? fld : NULL;
	return s;
}

enum status medical_case_save(struct db *db, struct medical_case *mc)
{
	return medical_case_save_visit(db, mc, NULL, NULL, NULL, NULL);
}

enum status medical_case_antenatal(struct db *db, long long case_id, const char *date, const char *notes)
{
	enum status s = db_require(db, PERM_MEDICAL_WRITE);
	if (s != ST_OK)
		return s;
	char today[11];
	today_iso(today);
	if (!notes)
		notes = "";
	/* Notes as long as a case's notes at most. */
	if (!date_is_day(date) || strcmp(date, today) > 0 || !text_ok(notes, sizeof ((struct medical_case *)0)->notes))
		return ST_INVALID;
	if ((s = db_begin(db)) != ST_OK)
		return s;
	return db_finish(db, visit_write(db, case_id, date, notes));
}

/* medical_case_list, audited when audit is set. */
static enum status cases(struct db *db, long long person, bool audit,
                         void (*cb)(const struct medical_case *mc, void *ctx), void *ctx)
{
	static const char sql[] =
		CASE_SELECT "WHERE m.person_id = ?1 ORDER BY m.closed IS NOT NULL, m.opened DESC, m.id DESC";
	enum status s = db_require(db, PERM_MEDICAL_READ);
	if (s != ST_OK || (s = person_exists(db, person)) != ST_OK)
		return s;
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	/* As consultation_list: collect, release, audit, call back. */
	struct medical_case *rows = NULL;
	size_t n = 0, cap = 0;
	sqlite3_bind_int64(st, 1, person);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct medical_case *mc = db_grow((void **)&rows, &n, &cap, sizeof *rows);
		if (!mc) {
			rc = SQLITE_NOMEM;
			break;
		}
		read_case(st, mc);
	}
	sqlite3_reset(st);
	s = rc != SQLITE_DONE ? db_status_of(rc) : audit ? audit_view(db, person) : ST_OK;
	for (size_t i = 0; s == ST_OK && cb && i < n; i++)
		cb(&rows[i], ctx);
	free(rows);
	return s;
}

enum status medical_case_list(struct db *db, long long person,
                              void (*cb)(const struct medical_case *mc, void *ctx), void *ctx)
{
	return cases(db, person, true, cb, ctx);
}

enum status medical_record_read(struct db *db, long long person, int limit,
                                void (*consult_cb)(const struct consultation *c, void *ctx),
                                void (*case_cb)(const struct medical_case *mc, void *ctx), void *ctx)
{
	enum status s = consultations(db, person, limit, false, consult_cb, ctx);
	if (s == ST_OK)
		s = cases(db, person, false, case_cb, ctx);
	/* One opening, one row in the trail; read first so that a refusal or
	 * an unknown person writes none. */
	return s == ST_OK ? audit_view(db, person) : s;
}

/* ---- fitness to travel and the status everyone may see ----------------- */

enum status fitness_record(struct db *db, long long person, const char *date, const char *status)
{
	static const char sql[] =
		"INSERT INTO fitness (person_id, date, status, clinician_id) "
		"SELECT id, ?2, ?3, ?4 FROM person WHERE id = ?1";
	enum status s = db_require(db, PERM_MEDICAL_WRITE);
	if (s != ST_OK)
		return s;
	char today[11];
	today_iso(today);
	if (!vocab_has(VOCAB_FITNESS, status) || !date_is_day(date) || strcmp(date, today) > 0)
		return ST_INVALID;
	if ((s = db_begin(db)) != ST_OK)
		return s;
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return db_finish(db, ST_INTERNAL);
	const struct db_actor *a = db_actor(db);
	sqlite3_bind_int64(st, 1, person);
	db_bind_text(st, 2, date);
	db_bind_text(st, 3, status);
	if (a->user_id > 0)
		sqlite3_bind_int64(st, 4, a->user_id);
	if ((s = db_step_done(st)) == ST_OK && sqlite3_changes(db_sqlite(db)) != 1)
		s = ST_NOT_FOUND;
	if (s != ST_OK)
		return db_finish(db, s);
	long long id = sqlite3_last_insert_rowid(db_sqlite(db));
	struct jsonbuf j;
	jsonbuf_init(&j);
	json_person(&j, person);
	jsonbuf_put_str(&j, "date", date);
	jsonbuf_put_str(&j, "status", status);
	return db_finish(db, audit_log(db, "create", "fitness", id, jsonbuf_text(&j)));
}

enum status medical_status_get(struct db *db, long long person, struct medical_status *out)
{
	/* The latest consultation and fitness by date, then by entry. */
	static const char sql[] =
		"SELECT EXISTS (SELECT 1 FROM medical_case WHERE person_id = p.id AND closed IS NULL), "
		"(SELECT coalesce(next_followup, '') FROM consultation WHERE person_id = p.id "
		" ORDER BY date DESC, id DESC LIMIT 1), f.status, f.date "
		"FROM person p LEFT JOIN fitness f ON f.id = (SELECT id FROM fitness WHERE person_id = p.id "
		" ORDER BY date DESC, id DESC LIMIT 1) WHERE p.id = ?1";
	memset(out, 0, sizeof *out);
	enum status s = db_require(db, PERM_MEDICAL_STATUS);
	if (s != ST_OK)
		return s;
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, person);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		db_column_copy(st, 1, out->next_appointment, sizeof out->next_appointment);
		out->under_followup = sqlite3_column_int(st, 0) != 0 || out->next_appointment[0];
		db_column_copy(st, 2, out->fitness, sizeof out->fitness);
		db_column_copy(st, 3, out->fitness_date, sizeof out->fitness_date);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
}
