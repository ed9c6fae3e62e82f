/* Referrals of a protection case: the rules, the defaults proposed,
 * recording and saving, sending (never without consent to share), the
 * status, reading one (audited) and the case's list by pages. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/jsonbuf.h"
#include "core/perm.h"
#include "core/prot_vocab.h"
#include "core/vocab.h"
#include "db/audit.h"
#include "db/db_private.h"
#include "db/prot_referral.h"
#include "db/prot_traffic.h"
#include "prot_traffic_private.h"

#define about prot_about

static const char *const refused_msg =
	N_("Not sent: the person refused consent to referral (see the consents).");

void prot_referral_init(struct prot_referral *r, long long case_id, const char *direction, const char *day)
{
	memset(r, 0, sizeof *r);
	r->case_id = case_id;
	bool in = direction && strcmp(direction, "in") == 0;
	snprintf(r->direction, sizeof r->direction, "%s", in ? "in" : "out");
	snprintf(r->destination, sizeof r->destination, "other");
	snprintf(r->status, sizeof r->status, "%s", in ? "sent" : "draft");
	if (in)
		snprintf(r->sent_date, sizeof r->sent_date, "%s", day ? day : "");
}

static bool code_ok(const struct vocab *v, const char *s, size_t size)
{
	return memchr(s, '\0', size) && vocab_has(v, s);
}

static bool has_content(const char *s)
{
	for (; *s; s++)
		if (*s != ' ' && *s != '\n')
			return true;
	return false;
}

const char *prot_referral_problem(const struct prot_referral *r, const char **field)
{
	if (!code_ok(VOCAB_PROT_REFERRAL_DIRECTION, r->direction, sizeof r->direction))
		return about(field, "direction", N_("Say whether the referral is out or in."));
	if (!code_ok(VOCAB_PROT_REFERRAL_DESTINATION, r->destination, sizeof r->destination))
		return about(field, "destination", N_("Choose the kind of organisation."));
	if (!prot_text_fits(r->organisation, sizeof r->organisation, PROT_REF_ORG_MAX, false))
		return about(field, "organisation", N_("The organisation's name is too long (120 characters at most)."));
	if (!prot_text_fits(r->reason, sizeof r->reason, PROT_REF_REASON_MAX, true))
		return about(field, "reason", N_("The reason is too long (500 characters at most)."));
	if (!has_content(r->reason))
		return about(field, "reason", N_("Give the reason for the referral."));
	if (r->consent && !prot_past_day_ok(r->consent_date, sizeof r->consent_date))
		return about(field, "consent_date", N_("The day of consent must be a valid day, not in the future."));
	if (!r->consent && (!memchr(r->consent_date, '\0', sizeof r->consent_date) || r->consent_date[0]))
		return about(field, "consent_date", N_("A day of consent is given only with consent to share."));
	if (!code_ok(VOCAB_PROT_REFERRAL_STATUS, r->status, sizeof r->status))
		return about(field, "status", N_("Choose the status."));
	bool in = strcmp(r->direction, "in") == 0;
	if (in && strcmp(r->status, "draft") == 0)
		return about(field, "status", N_("A referral received is not a draft."));
	if (strcmp(r->status, "draft") != 0 && !prot_past_day_ok(r->sent_date, sizeof r->sent_date))
		return about(field, "sent_date", in ? N_("The day received must be a valid day, not in the future.")
		                                    : N_("The day sent must be a valid day, not in the future."));
	if (strcmp(r->status, "draft") == 0 && (!memchr(r->sent_date, '\0', sizeof r->sent_date) || r->sent_date[0]))
		return about(field, "sent_date", N_("A draft has no day sent."));
	if (!prot_text_fits(r->other_ref, sizeof r->other_ref, PROT_REF_OTHER_MAX, false))
		return about(field, "other_ref", N_("The other organisation's reference is too long (60 characters at most)."));
	if (!prot_text_fits(r->outcome, sizeof r->outcome, PROT_REF_OUTCOME_MAX, true))
		return about(field, "outcome", N_("The outcome is too long (500 characters at most)."));
	return NULL;
}

#define REF_SELECT \
	"SELECT id, case_id, direction, destination, organisation, reason, consent, coalesce(consent_date, ''), " \
	"status, coalesce(sent_date, ''), other_ref, outcome, coalesce(created_by, 0), version FROM prot_referral "

static void read_row(sqlite3_stmt *st, struct prot_referral *r)
{
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(st, 0);
	r->case_id = sqlite3_column_int64(st, 1);
	db_column_copy(st, 2, r->direction, sizeof r->direction);
	db_column_copy(st, 3, r->destination, sizeof r->destination);
	db_column_copy(st, 4, r->organisation, sizeof r->organisation);
	db_column_copy(st, 5, r->reason, sizeof r->reason);
	r->consent = sqlite3_column_int(st, 6) != 0;
	db_column_copy(st, 7, r->consent_date, sizeof r->consent_date);
	db_column_copy(st, 8, r->status, sizeof r->status);
	db_column_copy(st, 9, r->sent_date, sizeof r->sent_date);
	db_column_copy(st, 10, r->other_ref, sizeof r->other_ref);
	db_column_copy(st, 11, r->outcome, sizeof r->outcome);
	r->created_by = sqlite3_column_int64(st, 12);
	r->version = sqlite3_column_int(st, 13);
}

static enum status ref_read(struct db *db, long long id, struct prot_referral *r)
{
	sqlite3_stmt *st = db_stmt(db, REF_SELECT "WHERE id = ?1");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_row(st, r);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
}

enum status prot_referral_propose(struct db *db, long long case_id, const char *direction, const char *day,
                                  struct prot_referral *r, const char **msgid)
{
	const char *m = NULL;
	prot_referral_init(r, case_id, direction, day);
	enum status s = db_require(db, PERM_PROTECTION_READ);
	if (s == ST_OK)
		s = prot_case_exists(db, case_id);
	if (s == ST_OK && strcmp(r->direction, "out") == 0) {
		struct prot_consent c;
		enum status cs = prot_consent_of(db, case_id, "referral", &c);
		if (cs == ST_OK && c.given) {
			r->consent = true;
			snprintf(r->consent_date, sizeof r->consent_date, "%s", c.date);
		} else if (cs == ST_OK) {
			m = refused_msg;
		} else if (cs != ST_NOT_FOUND) {
			s = cs;
		}
	}
	if (msgid)
		*msgid = m;
	return s;
}

static void changes_json(struct jsonbuf *j, const struct prot_referral *b, const struct prot_referral *r)
{
	if (!b) {
		jsonbuf_put_int(j, "case_id", r->case_id);
		jsonbuf_put_str(j, "direction", r->direction);
		jsonbuf_put_str(j, "destination", r->destination);
		jsonbuf_put_str(j, "organisation", r->organisation);
		jsonbuf_put_str(j, "reason", r->reason);
		jsonbuf_put_int(j, "consent", r->consent);
		jsonbuf_put_str(j, "consent_date", r->consent_date);
		jsonbuf_put_str(j, "status", r->status);
		jsonbuf_put_str(j, "sent_date", r->sent_date);
		jsonbuf_put_str(j, "other_ref", r->other_ref);
		jsonbuf_put_str(j, "outcome", r->outcome);
		return;
	}
	jsonbuf_change_str(j, "destination", b->destination, r->destination);
	jsonbuf_change_str(j, "organisation", b->organisation, r->organisation);
	jsonbuf_change_str(j, "reason", b->reason, r->reason);
	jsonbuf_change_int(j, "consent", b->consent, r->consent);
	jsonbuf_change_str(j, "consent_date", b->consent_date, r->consent_date);
	jsonbuf_change_str(j, "status", b->status, r->status);
	jsonbuf_change_str(j, "sent_date", b->sent_date, r->sent_date);
	jsonbuf_change_str(j, "other_ref", b->other_ref, r->other_ref);
	jsonbuf_change_str(j, "outcome", b->outcome, r->outcome);
}

/* Writes r (new when id 0, else at its version) inside the open
 * transaction with its audit row; before is the stored one or NULL. */
static enum status ref_write(struct db *db, struct prot_referral *r, const struct prot_referral *before,
                             const char *action)
{
	sqlite3_stmt *st = before
		? db_stmt(db, "UPDATE prot_referral SET destination = ?3, organisation = ?4, reason = ?5, consent = ?6, "
		              "consent_date = ?7, status = ?8, sent_date = ?9, other_ref = ?10, outcome = ?11, "
		              "version = version + 1 WHERE id = ?1 AND version = ?12")
		: db_stmt(db, "INSERT INTO prot_referral (case_id, direction, destination, organisation, reason, consent, "
		              "consent_date, status, sent_date, other_ref, outcome, created_by) "
		              "VALUES (?13, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?14)");
	if (!st)
		return ST_INTERNAL;
	if (before) {
		sqlite3_bind_int64(st, 1, r->id);
		sqlite3_bind_int(st, 12, r->version);
	} else {
		db_bind_text(st, 2, r->direction);
		sqlite3_bind_int64(st, 13, r->case_id);
		const struct db_actor *a = db_actor(db);
		if (a->user_id > 0)
			sqlite3_bind_int64(st, 14, a->user_id);
	}
	db_bind_text(st, 3, r->destination);
	db_bind_text(st, 4, r->organisation);
	db_bind_text(st, 5, r->reason);
	sqlite3_bind_int(st, 6, r->consent ? 1 : 0);
	db_bind_opt(st, 7, r->consent_date);
	db_bind_text(st, 8, r->status);
	db_bind_opt(st, 9, r->sent_date);
	db_bind_text(st, 10, r->other_ref);
	db_bind_text(st, 11, r->outcome);
	enum status s = db_step_done(st);
	if (s != ST_OK)
		return s;
	if (before && sqlite3_changes(db_sqlite(db)) != 1)
		return ST_CONFLICT;
	if (before) {
		r->version++;
	} else {
		r->id = sqlite3_last_insert_rowid(db_sqlite(db));
		r->version = 1;
	}
	struct jsonbuf j;
	jsonbuf_init(&j);
	changes_json(&j, before, r);
	return audit_log(db, action, "prot_referral", r->id, jsonbuf_text(&j));
}

static enum status save_in(struct db *db, struct prot_referral *r, const char **m, const char **f)
{
	struct prot_referral before;
	enum status s;
	if (r->id) {
		if ((s = ref_read(db, r->id, &before)) != ST_OK)
			return s;
		if (before.version != r->version)
			return ST_CONFLICT;
		/* Neither the case, the direction nor the status are the form's. */
		r->case_id = before.case_id;
		memcpy(r->direction, before.direction, sizeof r->direction);
		memcpy(r->status, before.status, sizeof r->status);
		if (strcmp(r->direction, "out") == 0)
			memcpy(r->sent_date, before.sent_date, sizeof r->sent_date);
	} else {
		snprintf(r->status, sizeof r->status, "%s", strcmp(r->direction, "in") == 0 ? "sent" : "draft");
		if (strcmp(r->direction, "out") == 0)
			r->sent_date[0] = '\0';
	}
	if ((*m = prot_referral_problem(r, f)) != NULL)
		return ST_INVALID;
	if (strcmp(r->direction, "out") == 0 && strcmp(r->status, "draft") != 0 && !r->consent) {
		*m = about(f, "consent_date", N_("A referral that was sent keeps its consent to share."));
		return ST_INVALID;
	}
	if ((s = prot_case_exists(db, r->case_id)) == ST_NOT_FOUND) {
		*m = about(f, "case_id", N_("This protection case is not known."));
		return ST_INVALID;
	}
	if (s != ST_OK)
		return s;
	return ref_write(db, r, r->id ? &before : NULL, r->id ? "update" : "create");
}

enum status prot_referral_save(struct db *db, struct prot_referral *r, const char **msgid, const char **field)
{
	const char *m = NULL, *f = NULL;
	enum status s = db_require(db, PERM_PROTECTION_WRITE);
	if (s == ST_OK) {
		struct prot_referral keep = *r;
		if ((s = db_begin(db)) == ST_OK)
			s = db_finish(db, save_in(db, r, &m, &f));
		if (s != ST_OK)
			*r = keep;
	}
	if (msgid)
		*msgid = m;
	if (field)
		*field = f;
	return s;
}

/* Reads referral id at version for a change, inside the transaction. */
static enum status read_at(struct db *db, long long id, int version, struct prot_referral *r)
{
	enum status s = ref_read(db, id, r);
	return s == ST_OK && r->version != version ? ST_CONFLICT : s;
}

static enum status send_in(struct db *db, long long id, int *version, const char *day, const char **m)
{
	struct prot_referral r, before;
	enum status s = read_at(db, id, *version, &before);
	if (s != ST_OK)
		return s;
	r = before;
	if (strcmp(r.direction, "out") != 0 || strcmp(r.status, "draft") != 0) {
		*m = N_("Only a draft referral out can be sent.");
		return ST_INVALID;
	}
	if (!r.consent) {
		*m = N_("Not sent: the person has not consented to share their information.");
		return ST_INVALID;
	}
	struct prot_consent c;
	s = prot_consent_of(db, r.case_id, "referral", &c);
	if (s == ST_OK && !c.given) {
		*m = refused_msg;
		return ST_INVALID;
	}
	if (s != ST_OK && s != ST_NOT_FOUND)
		return s;
	if (!day || !prot_past_day_ok(day, sizeof r.sent_date)) {
		*m = N_("The day sent must be a valid day, not in the future.");
		return ST_INVALID;
	}
	if (strcmp(day, r.consent_date) < 0) {
		*m = N_("A referral cannot be sent before the day of consent.");
		return ST_INVALID;
	}
	snprintf(r.status, sizeof r.status, "sent");
	snprintf(r.sent_date, sizeof r.sent_date, "%s", day);
	if ((s = ref_write(db, &r, &before, "update")) == ST_OK)
		*version = r.version;
	return s;
}

enum status prot_referral_send(struct db *db, long long id, int *version, const char *day, const char **msgid)
{
	const char *m = NULL;
	enum status s = db_require(db, PERM_PROTECTION_WRITE);
	if (s == ST_OK && (s = db_begin(db)) == ST_OK)
		s = db_finish(db, send_in(db, id, version, day, &m));
	if (msgid)
		*msgid = m;
	return s;
}

static bool may_move(const char *from, const char *to)
{
	if (strcmp(from, "sent") == 0)
		return strcmp(to, "accepted") == 0 || strcmp(to, "rejected") == 0 || strcmp(to, "withdrawn") == 0;
	if (strcmp(from, "accepted") == 0)
		return strcmp(to, "done") == 0 || strcmp(to, "withdrawn") == 0;
	return false;
}

static enum status status_in(struct db *db, long long id, int *version, const char *status, const char **m)
{
	struct prot_referral r, before;
	enum status s = read_at(db, id, *version, &before);
	if (s != ST_OK)
		return s;
	r = before;
	if (!status || !may_move(r.status, status)) {
		*m = N_("This referral cannot take that status now.");
		return ST_INVALID;
	}
	snprintf(r.status, sizeof r.status, "%s", status);
	if ((s = ref_write(db, &r, &before, "update")) == ST_OK)
		*version = r.version;
	return s;
}

enum status prot_referral_set_status(struct db *db, long long id, int *version, const char *status,
                                     const char **msgid)
{
	const char *m = NULL;
	enum status s = db_require(db, PERM_PROTECTION_WRITE);
	if (s == ST_OK && (s = db_begin(db)) == ST_OK)
		s = db_finish(db, status_in(db, id, version, status, &m));
	if (msgid)
		*msgid = m;
	return s;
}

enum status prot_referral_get(struct db *db, long long id, struct prot_referral *r)
{
	enum status s = db_require(db, PERM_PROTECTION_READ);
	if (s != ST_OK || (s = ref_read(db, id, r)) != ST_OK)
		return s;
	return prot_audit_view(db, "prot_referral", id);
}

enum status prot_referral_list(struct db *db, long long case_id, enum page_dir dir, long long key_id, int limit,
                               void (*cb)(const struct prot_referral *r, void *ctx), void *ctx, bool *more)
{
	bool dummy;
	if (!more)
		more = &dummy;
	*more = false;
	enum status s = db_require(db, PERM_PROTECTION_READ);
	if (s != ST_OK || limit <= 0)
		return s;
	sqlite3_stmt *st = dir == PAGE_BEFORE
		? db_stmt(db, REF_SELECT "WHERE case_id = ?1 AND (?2 = 0 OR id > ?2) ORDER BY id LIMIT ?3")
		: db_stmt(db, REF_SELECT "WHERE case_id = ?1 AND (?2 = 0 OR id < ?2) ORDER BY id DESC LIMIT ?3");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, case_id);
	sqlite3_bind_int64(st, 2, key_id > 0 ? key_id : 0);
	sqlite3_bind_int(st, 3, limit + 1);
	struct prot_referral *rows = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((int)n == limit) {
			*more = true;
			break;
		}
		struct prot_referral *row = db_grow((void **)&rows, &n, &cap, sizeof *rows);
		if (!row) {
			rc = SQLITE_NOMEM;
			break;
		}
		read_row(st, row);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		free(rows);
		return db_status_of(rc);
	}
	for (size_t i = 0; cb && i < n; i++)
		cb(&rows[dir == PAGE_BEFORE ? n - 1 - i : i], ctx);
	free(rows);
	return ST_OK;
}
