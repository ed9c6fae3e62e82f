/* Individual psychosocial support: the checks, saving and reading support
 * records, the status the case file shows and the follow-up list.
 *
 * Confidentiality is enforced here, whatever the screens do: every call
 * asks PERM_PSYCH_NOTES (the psychosocial role) first, except the status,
 * which gives each role only its part and never the notes. Every write is
 * in one transaction with its audit row; every opening of a person's
 * records adds a "view" row (entity "psych_support_record", the person's
 * id). The trail hides these fields from who may not read the notes
 * (db/audit_text.c). */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/jsonbuf.h"
#include "core/psych_vocab.h"
#include "core/text.h"
#include "core/vocab.h"
#include "db/audit.h"
#include "db/db_private.h"
#include "db/psych_support.h"

/* The text fields of a record, for the checks and the audit trail. */
struct text_field {
	const char *name;
	size_t offset, size;
};
#define TEXT_FIELD(member) \
	{ #member, offsetof(struct psych_support, member), sizeof((struct psych_support *)0)->member }

static const struct text_field fields[] = {
	TEXT_FIELD(date), TEXT_FIELD(centre_code), TEXT_FIELD(modality), TEXT_FIELD(concern_other),
	TEXT_FIELD(actions), TEXT_FIELD(risk), TEXT_FIELD(next_appointment),
};
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* True when s ends inside its buffer of size bytes and is valid UTF-8. */
static bool text_ok(const char *s, size_t size)
{
	return memchr(s, '\0', size) && text_valid_utf8(s);
}

/* Sets *field to name (when field is not NULL) and gives msgid. */
static const char *about(const char **field, const char *name, const char *msgid)
{
	if (field)
		*field = name;
	return msgid;
}

/* The msgid of the first rule s breaks, NULL when none. */
static const char *problem(const struct psych_support *s, const char *today, const char **field)
{
	if (field)
		*field = NULL;
	for (size_t i = 0; i < COUNT(fields); i++)
		if (!text_ok((const char *)s + fields[i].offset, fields[i].size))
			return about(field, fields[i].name, N_("A text is too long or not valid."));
	if (!date_is_day(today))
		return N_("Today's date is not known.");
	if (!date_is_day(s->date))
		return about(field, "date", N_("The date is not a valid day."));
	if (strcmp(s->date, today) > 0)
		return about(field, "date", N_("The date is in the future."));
	if (!s->centre_code[0])
		return about(field, "centre_code", N_("Choose the centre."));
	if (!vocab_has(VOCAB_PSYCH_MODALITY, s->modality))
		return about(field, "modality", N_("Choose individual, family or group."));
	if (s->concerns >= 1u << vocab_count(VOCAB_PSYCH_CONCERN))
		return about(field, "concerns", N_("A concern is not known."));
	bool other = (s->concerns & (1u << PSYCH_CONCERN_OTHER)) != 0;
	if (other && !s->concern_other[0])
		return about(field, "concern_other", N_("Say what the other concern is."));
	if (!other && s->concern_other[0])
		return about(field, "concern_other", N_("Tick \"other concern\" or clear its text."));
	if (!vocab_has(VOCAB_PSYCH_RISK, s->risk))
		return about(field, "risk", N_("Choose the risk (none, to self, to others)."));
	if (s->referrals >= 1u << vocab_count(VOCAB_PSYCH_REFERRAL))
		return about(field, "referrals", N_("A referral is not known."));
	if (s->next_appointment[0] && !date_is_day(s->next_appointment))
		return about(field, "next_appointment", N_("The next appointment is not a valid day."));
	if (s->next_appointment[0] && strcmp(s->next_appointment, s->date) <= 0)
		return about(field, "next_appointment", N_("The next appointment must come after this session."));
	return NULL;
}

enum status psych_support_check(const struct psych_support *s, const char *today, const char **msgid,
                                const char **field)
{
	const char *m = problem(s, today, field);
	if (msgid)
		*msgid = m;
	return m ? ST_INVALID : ST_OK;
}

/* The codes of the bits of set in v, space-separated, into out. */
static void bits_codes(const struct vocab *v, unsigned set, char *out, size_t size)
{
	out[0] = '\0';
	for (int i = 0; i < vocab_count(v); i++) {
		if (!(set & (1u << i)))
			continue;
		size_t len = strlen(out);
		snprintf(out + len, size - len, "%s%s", len ? " " : "", vocab_code(v, i));
	}
}

/* Adds the fields of rec to j: all of them for a new record (before
 * NULL), as "name": value, else the ones that changed, as [before, after]. */
static void fields_json(struct jsonbuf *j, const struct psych_support *before, const struct psych_support *rec)
{
	for (size_t i = 0; i < COUNT(fields); i++) {
		const char *after = (const char *)rec + fields[i].offset;
		if (before)
			jsonbuf_change_str(j, fields[i].name, (const char *)before + fields[i].offset, after);
		else
			jsonbuf_put_str(j, fields[i].name, after);
	}
	const struct {
		const char *name;
		const struct vocab *v;
		unsigned was, now;
	} sets[] = {
		{ "concerns", VOCAB_PSYCH_CONCERN, before ? before->concerns : 0, rec->concerns },
		{ "referrals", VOCAB_PSYCH_REFERRAL, before ? before->referrals : 0, rec->referrals },
	};
	for (size_t i = 0; i < COUNT(sets); i++) {
		char a[200], b[200];
		bits_codes(sets[i].v, sets[i].was, a, sizeof a);
		bits_codes(sets[i].v, sets[i].now, b, sizeof b);
		if (before)
			jsonbuf_change_str(j, sets[i].name, a, b);
		else
			jsonbuf_put_str(j, sets[i].name, b);
	}
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

/* Appends a "view" row of entity and id, in its own short transaction. */
static enum status audit_view(struct db *db, const char *entity, long long id)
{
	enum status s = db_begin(db);
	if (s != ST_OK)
		return s;
	return db_finish(db, audit_log(db, "view", entity, id, NULL));
}

#define SUPPORT_SELECT \
	"SELECT s.id, s.person_id, s.date, ce.code, s.modality, s.concerns, s.concern_other, s.actions, s.risk, " \
	"s.referrals, coalesce(s.next_appointment, ''), coalesce(u.name, ''), s.version FROM psych_support s " \
	"JOIN centre ce ON ce.id = s.centre_id LEFT JOIN app_user u ON u.id = s.worker_id "

/* Fills r from a row of SUPPORT_SELECT. */
static void read_row(sqlite3_stmt *st, struct psych_support *r)
{
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(st, 0);
	r->person_id = sqlite3_column_int64(st, 1);
	db_column_copy(st, 2, r->date, sizeof r->date);
	db_column_copy(st, 3, r->centre_code, sizeof r->centre_code);
	db_column_copy(st, 4, r->modality, sizeof r->modality);
	r->concerns = (unsigned)sqlite3_column_int(st, 5);
	db_column_copy(st, 6, r->concern_other, sizeof r->concern_other);
	db_column_copy(st, 7, r->actions, sizeof r->actions);
	db_column_copy(st, 8, r->risk, sizeof r->risk);
	r->referrals = (unsigned)sqlite3_column_int(st, 9);
	db_column_copy(st, 10, r->next_appointment, sizeof r->next_appointment);
	db_column_copy(st, 11, r->worker, sizeof r->worker);
	r->version = sqlite3_column_int(st, 12);
}

/* Reads record id into *r. */
static enum status row_read(struct db *db, long long id, struct psych_support *r)
{
	static const char sql[] = SUPPORT_SELECT "WHERE s.id = ?1";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_row(st, r);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
}

/* Binds the editable columns of r to ?2..?10. */
static void bind_row(sqlite3_stmt *st, const struct psych_support *r, long long centre)
{
	sqlite3_bind_int64(st, 2, centre);
	db_bind_text(st, 3, r->date);
	db_bind_text(st, 4, r->modality);
	sqlite3_bind_int(st, 5, (int)r->concerns);
	db_bind_text(st, 6, r->concern_other);
	db_bind_text(st, 7, r->actions);
	db_bind_text(st, 8, r->risk);
	sqlite3_bind_int(st, 9, (int)r->referrals);
	db_bind_opt(st, 10, r->next_appointment);
}

/* Inserts a new record by the actor; ST_NOT_FOUND for an unknown person. */
static enum status row_insert(struct db *db, struct psych_support *r, long long centre)
{
	static const char sql[] =
		"INSERT INTO psych_support (person_id, centre_id, date, modality, concerns, concern_other, actions, "
		"risk, referrals, next_appointment, worker_id) "
		"SELECT id, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11 FROM person WHERE id = ?1";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	const struct db_actor *a = db_actor(db);
	sqlite3_bind_int64(st, 1, r->person_id);
	bind_row(st, r, centre);
	if (a->user_id > 0)
		sqlite3_bind_int64(st, 11, a->user_id);
	enum status s = db_step_done(st);
	if (s == ST_OK && sqlite3_changes(db_sqlite(db)) != 1)
		return ST_NOT_FOUND;
	if (s != ST_OK)
		return s;
	r->id = sqlite3_last_insert_rowid(db_sqlite(db));
	r->version = 1;
	snprintf(r->worker, sizeof r->worker, "%s", a->user_name);
	return ST_OK;
}

/* Saves the changes to record r->id if its version is still r->version;
 * *before receives the stored row. */
static enum status row_update(struct db *db, struct psych_support *r, long long centre, struct psych_support *before)
{
	static const char sql[] =
		"UPDATE psych_support SET centre_id = ?2, date = ?3, modality = ?4, concerns = ?5, concern_other = ?6, "
		"actions = ?7, risk = ?8, referrals = ?9, next_appointment = ?10, version = version + 1 "
		"WHERE id = ?1 AND version = ?11";
	enum status s = row_read(db, r->id, before);
	if (s != ST_OK)
		return s;
	if (before->person_id != r->person_id)
		return ST_NOT_FOUND;
	if (before->version != r->version)
		return ST_CONFLICT;
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, r->id);
	bind_row(st, r, centre);
	sqlite3_bind_int(st, 11, r->version);
	if ((s = db_step_done(st)) == ST_OK && sqlite3_changes(db_sqlite(db)) != 1)
		s = ST_CONFLICT;
	if (s == ST_OK) {
		r->version++;
		snprintf(r->worker, sizeof r->worker, "%s", before->worker);
	}
	return s;
}

enum status psych_support_save(struct db *db, struct psych_support *r)
{
	enum status s = db_require(db, PERM_PSYCH_NOTES);
	if (s != ST_OK)
		return s;
	char today[11];
	clock_today_iso(today, sizeof today);
	if ((s = psych_support_check(r, today, NULL, NULL)) != ST_OK)
		return s;
	if ((s = db_begin(db)) != ST_OK)
		return s;
	/* Put back as they were if anything fails. */
	long long id = r->id;
	int version = r->version;
	char worker[sizeof r->worker];
	memcpy(worker, r->worker, sizeof worker);
	bool is_new = id == 0;
	long long centre = db_centre_id(db, r->centre_code);
	struct psych_support before;
	if (!centre)
		s = ST_NOT_FOUND;
	else
		s = is_new ? row_insert(db, r, centre) : row_update(db, r, centre, &before);
	if (s == ST_OK) {
		struct jsonbuf j;
		jsonbuf_init(&j);
		if (is_new)
			jsonbuf_put_int(&j, "person_id", r->person_id);
		fields_json(&j, is_new ? NULL : &before, r);
		s = audit_log(db, is_new ? "create" : "update", "psych_support", r->id, jsonbuf_text(&j));
	}
	if (s == ST_OK && (s = db_commit(db)) == ST_OK)
		return ST_OK;
	db_rollback(db);
	r->id = id;
	r->version = version;
	memcpy(r->worker, worker, sizeof worker);
	return s;
}

enum status psych_support_get(struct db *db, long long id, struct psych_support *r)
{
	enum status s = db_require(db, PERM_PSYCH_NOTES);
	if (s != ST_OK)
		return s;
	struct psych_support found;
	if ((s = row_read(db, id, &found)) != ST_OK)
		return s;
	/* Nothing is shown unless the opening is in the trail. */
	if ((s = audit_view(db, "psych_support", id)) != ST_OK)
		return s;
	*r = found;
	return ST_OK;
}

enum status psych_support_list(struct db *db, long long person, int limit,
                               void (*cb)(const struct psych_support *s, void *ctx), void *ctx, int *more)
{
	static const char sql[] = SUPPORT_SELECT "WHERE s.person_id = ?1 ORDER BY s.date DESC, s.id DESC";
	if (more)
		*more = 0;
	enum status s = db_require(db, PERM_PSYCH_NOTES);
	if (s != ST_OK || (s = person_exists(db, person)) != ST_OK)
		return s;
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	/* Collect, release the statement, audit, then call back: the callback
	 * may use the connection, and nothing is shown unless the opening is in
	 * the trail. Those beyond limit are counted, never dropped silently. */
	struct psych_support *rows = NULL;
	size_t n = 0, cap = 0;
	int left = 0;
	sqlite3_bind_int64(st, 1, person);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (limit >= 0 && n >= (size_t)limit) {
			left++;
			continue;
		}
		struct psych_support *r = db_grow((void **)&rows, &n, &cap, sizeof *rows);
		if (!r) {
			rc = SQLITE_NOMEM;
			break;
		}
		read_row(st, r);
	}
	sqlite3_reset(st);
	s = rc != SQLITE_DONE ? db_status_of(rc) : audit_view(db, "psych_support_record", person);
	for (size_t i = 0; s == ST_OK && cb && i < n; i++)
		cb(&rows[i], ctx);
	free(rows);
	if (s == ST_OK && more)
		*more = left;
	return s;
}

enum status psych_status_get(struct db *db, long long person, struct psych_status *out)
{
	/* Attendance by name at sessions that took place (not cancelled), from
	 * the person's attendance rows; the latest support record by date,
	 * then entry. */
	static const char attended_sql[] =
		"SELECT count(*), coalesce(max(se.date), '') FROM psych_attendance a "
		"JOIN psych_session se ON se.id = a.session_id "
		"WHERE a.person_id = ?1 AND a.mark IN ('present', 'left_early') AND se.status <> 'cancelled'";
	static const char latest_sql[] =
		"SELECT risk <> 'none', coalesce(next_appointment, '') FROM psych_support WHERE person_id = ?1 "
		"ORDER BY date DESC, id DESC LIMIT 1";
	memset(out, 0, sizeof *out);
	int role = db_actor(db)->role;
	bool attendance = perm_allows(role, PERM_PSYCH_READ) || perm_allows(role, PERM_PSYCH_NOTES);
	bool notes = perm_allows(role, PERM_PSYCH_NOTES);
	bool alert = perm_allows(role, PERM_PSYCH_ALERT);
	enum status s = ST_OK;
	if (!attendance && !alert)
		return db_require(db, PERM_PSYCH_READ);   /* refused, and the refusal in the trail */
	if ((s = person_exists(db, person)) != ST_OK)
		return s;
	sqlite3_stmt *st;
	int rc = SQLITE_DONE;
	if (attendance) {
		if (!(st = db_stmt(db, attended_sql)))
			return ST_INTERNAL;
		sqlite3_bind_int64(st, 1, person);
		if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			out->attendance_known = true;
			out->sessions = sqlite3_column_int(st, 0);
			db_column_copy(st, 1, out->last_session, sizeof out->last_session);
			rc = SQLITE_DONE;
		}
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			return db_status_of(rc);
	}
	if (notes || alert) {
		if (!(st = db_stmt(db, latest_sql)))
			return ST_INTERNAL;
		sqlite3_bind_int64(st, 1, person);
		if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			/* Only the yes or no of a risk leaves here, and only for the
			 * roles of the alert; the next appointment only for the notes. */
			out->urgent = alert && sqlite3_column_int(st, 0) != 0;
			if (notes)
				db_column_copy(st, 1, out->next_appointment, sizeof out->next_appointment);
			rc = SQLITE_DONE;
		}
		sqlite3_reset(st);
	}
	return db_status_of(rc);
}

/* ---- the follow-up list ------------------------------------------------- */

/* Appends the UTF-8 text s to out (used bytes *len), upper-cased when
 * upper; invalid bytes become '?'. */
static void append_utf8(char *out, size_t size, size_t *len, const char *s, bool upper)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)(s ? s : "");
	utf8proc_ssize_t left = (utf8proc_ssize_t)strlen((const char *)p);
	while (left > 0) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(p, left, &cp);
		if (k <= 0) {
			cp = '?';
			k = 1;
		}
		utf8proc_uint8_t buf[4];
		size_t m = (size_t)utf8proc_encode_char(upper ? utf8proc_toupper(cp) : cp, buf);
		if (*len + m >= size)
			break;
		memcpy(out + *len, buf, m);
		*len += m;
		p += k;
		left -= k;
	}
	out[*len] = '\0';
}

/* "FAMILY Given", as lists show people. */
static void list_name(const char *family, const char *given, char *out, size_t size)
{
	size_t len = 0;
	out[0] = '\0';
	append_utf8(out, size, &len, family, true);
	append_utf8(out, size, &len, " ", false);
	append_utf8(out, size, &len, given, false);
}

/* The list's query, one per direction: soonest first, then by person; the
 * key (?4 due, ?5 person) bounds the page when given. */
#define DUE_SELECT \
	"SELECT s.person_id, s.id, p.case_key, p.family_name, p.given_names, s.next_appointment, " \
	"coalesce(p.birth_date, ''), p.birth_estimated " \
	"FROM psych_support s JOIN person p ON p.id = s.person_id " \
	"WHERE s.centre_id = ?1 AND s.next_appointment IS NOT NULL " \
	"AND NOT EXISTS (SELECT 1 FROM psych_support l WHERE l.person_id = s.person_id " \
	" AND l.date >= s.date AND (l.date > s.date OR l.id > s.id)) " \
	/* Only people still in a centre: those who left are followed elsewhere. */ \
	"AND EXISTS (SELECT 1 FROM stay st WHERE st.person_id = s.person_id AND st.departed IS NULL) "

enum status psych_followup_list(struct db *db, const char *centre_code, const char *today, enum page_dir dir,
                                const struct psych_due *key, int limit,
                                void (*cb)(const struct psych_due *d, void *ctx), void *ctx, bool *more)
{
	/* From the partial index of appointments of the centre (psych_support_due);
	 * a record counts only if none later (by date, then entry) exists for
	 * the person, at any centre (psych_support_by_person). */
	static const char sql_after[] = DUE_SELECT
		"AND (?4 IS NULL OR (s.next_appointment, s.person_id) > (?4, ?5)) "
		"ORDER BY s.next_appointment, s.person_id LIMIT ?2";
	static const char sql_before[] = DUE_SELECT
		"AND (?4 IS NULL OR (s.next_appointment, s.person_id) < (?4, ?5)) "
		"ORDER BY s.next_appointment DESC, s.person_id DESC LIMIT ?2";
	if (more)
		*more = false;
	enum status s = db_require(db, PERM_PSYCH_NOTES);
	if (s != ST_OK)
		return s;
	if (!date_is_day(today) || (dir != PAGE_AFTER && dir != PAGE_BEFORE))
		return ST_INVALID;
	long long centre = db_centre_id(db, centre_code);
	if (!centre)
		return ST_NOT_FOUND;
	if (limit <= 0)
		return ST_OK;
	bool back = dir == PAGE_BEFORE;
	sqlite3_stmt *st = db_stmt(db, back ? sql_before : sql_after);
	if (!st)
		return ST_INTERNAL;
	/* Collect the page, release the statement, then call back. */
	struct psych_due *rows = calloc((size_t)limit + 1, sizeof *rows);
	if (!rows)
		return ST_NOMEM;
	sqlite3_bind_int64(st, 1, centre);
	sqlite3_bind_int(st, 2, limit + 1);   /* one more tells *more */
	if (key && key->due[0]) {
		db_bind_text(st, 4, key->due);
		sqlite3_bind_int64(st, 5, key->person_id);
	}
	int n = 0, rc = SQLITE_DONE;
	while (n <= limit && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct psych_due *d = &rows[n++];
		d->person_id = sqlite3_column_int64(st, 0);
		d->support_id = sqlite3_column_int64(st, 1);
		db_column_copy(st, 2, d->case_key, sizeof d->case_key);
		list_name((const char *)sqlite3_column_text(st, 3), (const char *)sqlite3_column_text(st, 4), d->name,
		          sizeof d->name);
		db_column_copy(st, 5, d->due, sizeof d->due);
		d->overdue = strcmp(d->due, today) < 0;
		db_column_copy(st, 6, d->birth_date, sizeof d->birth_date);
		d->birth_estimated = sqlite3_column_int(st, 7) != 0;
	}
	if (n > limit) {
		rc = SQLITE_DONE;
		n = limit;
		if (more)
			*more = true;
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	s = db_status_of(rc);
	for (int i = 0; s == ST_OK && cb && i < n; i++)
		cb(&rows[back ? n - 1 - i : i], ctx);
	free(rows);
	return s;
}
