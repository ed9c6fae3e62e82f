/* Bulk writes of protection records for demo databases (see
 * db/bulk_prot.h): one prepared statement a row, in the bulk's
 * transaction. */
#include <stdarg.h>
#include <string.h>

#include "db/bulk_private.h"
#include "db/bulk_prot.h"
#include "db/db_private.h"

/* Binds the parameters of st after the letters of fmt: 'i' an integer (0
 * NULL), 'n' an integer, 't' a text (NULL or "" NULL), 's' a text (NULL
 * ""); steps it and gives the new row's id. */
static enum status put(struct db *db, sqlite3_stmt *st, long long *id, const char *fmt, ...)
{
	if (!st)
		return ST_INTERNAL;
	va_list ap;
	va_start(ap, fmt);
	for (int k = 0; fmt[k]; k++) {
		if (fmt[k] == 'i' || fmt[k] == 'n') {
			long long v = va_arg(ap, long long);
			if (fmt[k] == 'i' && v == 0)
				sqlite3_bind_null(st, k + 1);
			else
				sqlite3_bind_int64(st, k + 1, v);
		} else {
			const char *v = va_arg(ap, const char *);
			if (fmt[k] == 't' && (!v || !*v))
				sqlite3_bind_null(st, k + 1);
			else
				sqlite3_bind_text(st, k + 1, v ? v : "", -1, SQLITE_TRANSIENT);
		}
	}
	va_end(ap);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_DONE)
		return db_status_of(rc);
	if (id)
		*id = sqlite3_last_insert_rowid(db_sqlite(db));
	return ST_OK;
}

#define PUT(b, sql, id, ...) put((b)->db, db_stmt((b)->db, sql), id, __VA_ARGS__)

enum status bulk_prot_people(struct bulk *b, long long after, struct bulk_prot_person *out, int max, int *n)
{
	static const char sql[] =
		"SELECT p.id, p.sex, coalesce(p.birth_date, ''), coalesce(p.nationality, ''), s.centre_id, s.admitted, "
		"coalesce(s.departed, ''), coalesce(s.departure_reason, ''), "
		"(SELECT group_concat(flag, ' ') FROM person_flag f WHERE f.person_id = p.id) "
		"FROM person p JOIN stay s ON s.id = (SELECT id FROM stay WHERE person_id = p.id "
		"ORDER BY admitted DESC, id DESC LIMIT 1) WHERE p.id > ?1 ORDER BY p.id LIMIT ?2";
	*n = 0;
	sqlite3_stmt *st = db_stmt(b->db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, after);
	sqlite3_bind_int(st, 2, max);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < max) {
		struct bulk_prot_person *p = &out[(*n)++];
		memset(p, 0, sizeof *p);
		p->id = sqlite3_column_int64(st, 0);
		const unsigned char *sex = sqlite3_column_text(st, 1);
		p->sex = sex ? (char)sex[0] : 'u';
		db_column_copy(st, 2, p->birth_date, sizeof p->birth_date);
		db_column_copy(st, 3, p->nationality, sizeof p->nationality);
		p->centre = sqlite3_column_int64(st, 4);
		db_column_copy(st, 5, p->admitted, sizeof p->admitted);
		db_column_copy(st, 6, p->departed, sizeof p->departed);
		db_column_copy(st, 7, p->reason, sizeof p->reason);
		const char *flags = (const char *)sqlite3_column_text(st, 8);
		static const struct {
			const char *code;
			unsigned bit;
		} bits[] = { { "unaccompanied_child", BP_UNACCOMPANIED }, { "separated_child", BP_SEPARATED },
			     { "accompanied_child", BP_ACCOMPANIED }, { "trafficking_presumed", BP_TRAFFICKING_PRESUMED },
			     { "trafficking_identified", BP_TRAFFICKING_IDENTIFIED }, { "violence_victim", BP_VIOLENCE } };
		for (const char *f = flags; f && *f;) {
			size_t len = strcspn(f, " ");
			unsigned bit = BP_OTHER;
			for (size_t k = 0; k < sizeof bits / sizeof bits[0]; k++)
				if (strlen(bits[k].code) == len && strncmp(f, bits[k].code, len) == 0)
					bit = bits[k].bit;
			p->flags |= bit;
			f += len;
			f += *f == ' ';
		}
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
}

enum status bulk_prot_case(struct bulk *b, const struct bulk_prot_case *c, long long *id)
{
	static const char sql[] =
		"INSERT INTO prot_case (person_id, centre_id, opened, risk, caseworker_id, status, close_reason, "
		"closed_date, transferred_to, summary, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
	return PUT(b, sql, id, "nnssisttssi", c->person, c->centre, c->opened, c->risk, c->caseworker, c->status,
	           c->close_reason, c->closed_date, c->transferred_to, c->summary, c->created_by);
}

enum status bulk_prot_concern(struct bulk *b, long long case_id, const char *code)
{
	static const char sql[] =
		"INSERT OR IGNORE INTO prot_case_concern (case_id, concern_id) "
		"SELECT ?, id FROM ref_item WHERE list = 'prot_concern' AND code = ?";
	return PUT(b, sql, NULL, "ns", case_id, code);
}

enum status bulk_prot_action(struct bulk *b, const struct bulk_prot_action *a)
{
	static const char sql[] =
		"INSERT INTO prot_action (case_id, description, due_date, assigned_id, status, done_date, outcome, "
		"created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
	return PUT(b, sql, NULL, "nstistsi", a->case_id, a->description, a->due_date, a->assigned, a->status,
	           a->done_date, a->outcome, a->created_by);
}

enum status bulk_prot_best_interest(struct bulk *b, const struct bulk_prot_bi *p)
{
	static const char sql[] =
		"INSERT INTO prot_best_interest (case_id, assessed_date, assessed_by, findings, child_views, "
		"recommendation, status, submitted_at, submitted_by, decided_at, decided_by, decision_comment) "
		"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
	return PUT(b, sql, NULL, "nsisssstitis", p->case_id, p->assessed_date, p->assessed_by, p->findings,
	           p->child_views, p->recommendation, p->status, p->submitted_at, p->submitted_by, p->decided_at,
	           p->decided_by, p->decision_comment);
}

enum status bulk_prot_care(struct bulk *b, long long case_id, const char *kind, const char *place,
                           const char *carer, const char *start, const char *end)
{
	static const char sql[] =
		"INSERT INTO prot_care (case_id, kind, place, carer, start_date, end_date) VALUES (?, ?, ?, ?, ?, ?)";
	return PUT(b, sql, NULL, "nsssst", case_id, kind, place, carer, start, end);
}

enum status bulk_prot_tracing(struct bulk *b, const struct bulk_prot_tracing *t, long long *id)
{
	static const char sql[] =
		"INSERT INTO prot_tracing (case_id, child_wishes, status, opened, family_found, found_date, "
		"verified_date, verified_by, verification_note, reunified_date, reunified_place, reunified_with) "
		"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
	return PUT(b, sql, id, "nssssttistss", t->case_id, t->child_wishes, t->status, t->opened, t->family_found,
	           t->found_date, t->verified_date, t->verified_by, t->verification_note, t->reunified_date,
	           t->reunified_place, t->reunified_with);
}

enum status bulk_prot_tracing_action(struct bulk *b, long long tracing, const char *date, const char *kind,
                                     const char *place, const char *outcome, long long done_by)
{
	static const char sql[] =
		"INSERT INTO prot_tracing_action (tracing_id, date, kind, place, outcome, done_by) "
		"VALUES (?, ?, ?, ?, ?, ?)";
	return PUT(b, sql, NULL, "nssssi", tracing, date, kind, place, outcome, done_by);
}

enum status bulk_prot_followup(struct bulk *b, long long case_id, const char *date, const char *mode,
                               const char *wellbeing, const char *notes, long long done_by)
{
	static const char sql[] =
		"INSERT INTO prot_followup (case_id, date, mode, wellbeing, notes, done_by) VALUES (?, ?, ?, ?, ?, ?)";
	return PUT(b, sql, NULL, "nssssi", case_id, date, mode, wellbeing, notes, done_by);
}

enum status bulk_prot_trafficking(struct bulk *b, const struct bulk_prot_trafficking *t, long long *id)
{
	static const char sql[] =
		"INSERT INTO prot_trafficking (case_id, identification, identified_by, identified_date, recruiter, "
		"recruitment, places, legal_status, legal_note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
	return PUT(b, sql, id, "nssssssss", t->case_id, t->identification, t->identified_by, t->identified_date,
	           t->recruiter, t->recruitment, t->places, t->legal_status, t->legal_note);
}

enum status bulk_prot_control(struct bulk *b, long long tr, const char *method)
{
	static const char sql[] =
		"INSERT OR IGNORE INTO prot_trafficking_control (trafficking_id, method) VALUES (?, ?)";
	return PUT(b, sql, NULL, "ns", tr, method);
}

enum status bulk_prot_exploitation(struct bulk *b, long long tr, const char *form, const char *sector)
{
	static const char sql[] =
		"INSERT OR IGNORE INTO prot_trafficking_exploitation (trafficking_id, form, sector) VALUES (?, ?, ?)";
	return PUT(b, sql, NULL, "nst", tr, form, sector);
}

enum status bulk_prot_country(struct bulk *b, long long tr, const char *country, const char *role)
{
	static const char sql[] =
		"INSERT OR IGNORE INTO prot_trafficking_country (trafficking_id, country, role) VALUES (?, ?, ?)";
	return PUT(b, sql, NULL, "nss", tr, country, role);
}

enum status bulk_prot_assistance(struct bulk *b, long long tr, const char *kind, const char *date)
{
	static const char sql[] =
		"INSERT OR IGNORE INTO prot_trafficking_assistance (trafficking_id, kind, date) VALUES (?, ?, ?)";
	return PUT(b, sql, NULL, "nss", tr, kind, date);
}

enum status bulk_prot_consent(struct bulk *b, long long case_id, const char *use, bool given, const char *date,
                              long long recorded_by)
{
	static const char sql[] =
		"INSERT OR IGNORE INTO prot_consent (case_id, use, given, date, recorded_by) VALUES (?, ?, ?, ?, ?)";
	return PUT(b, sql, NULL, "nsnsi", case_id, use, (long long)given, date, recorded_by);
}

enum status bulk_prot_referral(struct bulk *b, const struct bulk_prot_referral *r)
{
	static const char sql[] =
		"INSERT INTO prot_referral (case_id, direction, destination, organisation, reason, consent, "
		"consent_date, status, sent_date, other_ref, outcome, created_by) "
		"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
	return PUT(b, sql, NULL, "nssssntstssi", r->case_id, r->direction, r->destination, r->organisation,
	           r->reason, (long long)r->consent, r->consent_date, r->status, r->sent_date, r->other_ref,
	           r->outcome, r->created_by);
}

enum status bulk_prot_return(struct bulk *b, const struct bulk_prot_return *r, long long *id)
{
	static const char sql[] =
		"INSERT INTO prot_return (person_id, centre_id, requested_date, country, destination, status, "
		"counselled_date, counselling_note, approved_at, approved_by, travel_date, transport, convoy_ref, "
		"escort, departure_date, arrival_date, handed_over_to, end_reason, created_by) "
		"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
	return PUT(b, sql, id, "nnssssts" "titts" "sttss" "i", r->person, r->centre, r->requested_date, r->country,
	           r->destination, r->status, r->counselled_date, r->counselling_note, r->approved_at, r->approved_by,
	           r->travel_date, r->transport, r->convoy_ref, r->escort, r->departure_date, r->arrival_date,
	           r->handed_over_to, r->end_reason, r->created_by);
}

enum status bulk_prot_travel_doc(struct bulk *b, const struct bulk_prot_doc *d)
{
	static const char sql[] =
		"INSERT INTO prot_travel_doc (return_id, kind, consulate_country, consulate_place, requested_date, "
		"interview_date, status, number, issued_date, expiry_date, refusal_reason) "
		"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
	return PUT(b, sql, NULL, "nssssts" "stts", d->return_id, d->kind, d->consulate_country, d->consulate_place,
	           d->requested_date, d->interview_date, d->status, d->number, d->issued_date, d->expiry_date,
	           d->refusal_reason);
}
