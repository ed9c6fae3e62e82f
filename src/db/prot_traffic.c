/* Victims of trafficking: the rules, recording and saving a record with
 * its sets (means of control, forms of exploitation, countries,
 * assistance) in one transaction with its audit row, and reading it
 * (audited). Consents are in prot_consent.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/jsonbuf.h"
#include "core/perm.h"
#include "core/prot_vocab.h"
#include "core/vocab.h"
#include "db/audit.h"
#include "db/db_private.h"
#include "db/prot_traffic.h"
#include "prot_traffic_private.h"

#define about prot_about
#define SET_TEXT 8192

void prot_traf_init(struct prot_traf *t, long long case_id, const char *day)
{
	memset(t, 0, sizeof *t);
	t->case_id = case_id;
	snprintf(t->identification, sizeof t->identification, "presumed");
	snprintf(t->identified_by, sizeof t->identified_by, "staff");
	snprintf(t->identified_date, sizeof t->identified_date, "%s", day ? day : "");
	snprintf(t->recruiter, sizeof t->recruiter, "unknown");
	snprintf(t->legal_status, sizeof t->legal_status, "none");
}

static bool code_ok(const struct vocab *v, const char *s, size_t size)
{
	return memchr(s, '\0', size) && vocab_has(v, s);
}

static const char *sets_problem(const struct prot_traf *t, const char **field)
{
	if (t->n_control < 0 || t->n_control > PROT_TRAF_CONTROL_MAX)
		return about(field, "control", N_("Choose the means of control."));
	for (int i = 0; i < t->n_control; i++) {
		if (!code_ok(VOCAB_PROT_CONTROL, t->control[i], sizeof t->control[i]))
			return about(field, "control", N_("Choose the means of control."));
		for (int k = 0; k < i; k++)
			if (strcmp(t->control[k], t->control[i]) == 0)
				return about(field, "control", N_("A means of control is chosen twice."));
	}
	if (t->n_exploit < 0 || t->n_exploit > PROT_TRAF_EXPLOIT_MAX)
		return about(field, "exploitation", N_("Choose the forms of exploitation."));
	for (int i = 0; i < t->n_exploit; i++) {
		const struct prot_traf_exploit *e = &t->exploit[i];
		if (!code_ok(VOCAB_PROT_EXPLOITATION, e->form, sizeof e->form))
			return about(field, "exploitation", N_("Choose the forms of exploitation."));
		bool labour = strcmp(e->form, "forced_labour") == 0;
		if (labour && !code_ok(VOCAB_PROT_LABOUR_SECTOR, e->sector, sizeof e->sector))
			return about(field, "exploitation", N_("Forced labour needs its sector."));
		if (!labour && (!memchr(e->sector, '\0', sizeof e->sector) || e->sector[0]))
			return about(field, "exploitation", N_("Only forced labour has a sector."));
		for (int k = 0; k < i; k++)
			if (strcmp(t->exploit[k].form, e->form) == 0 && strcmp(t->exploit[k].sector, e->sector) == 0)
				return about(field, "exploitation", N_("A form of exploitation is chosen twice."));
	}
	if (t->n_country < 0 || t->n_country > PROT_TRAF_COUNTRY_MAX)
		return about(field, "country", N_("Too many countries (24 at most)."));
	for (int i = 0; i < t->n_country; i++) {
		const struct prot_traf_country *c = &t->country[i];
		if (!memchr(c->country, '\0', sizeof c->country) || strlen(c->country) != 3)
			return about(field, "country", N_("Choose the country."));
		if (!code_ok(VOCAB_PROT_COUNTRY_ROLE, c->role, sizeof c->role))
			return about(field, "country", N_("Say whether the country is of origin, transit or exploitation."));
		for (int k = 0; k < i; k++)
			if (strcmp(t->country[k].country, c->country) == 0 && strcmp(t->country[k].role, c->role) == 0)
				return about(field, "country", N_("A country is named twice for the same role."));
	}
	if (t->n_assist < 0 || t->n_assist > PROT_TRAF_ASSIST_MAX)
		return about(field, "assistance", N_("Choose the assistance given."));
	for (int i = 0; i < t->n_assist; i++) {
		const struct prot_traf_assist *a = &t->assist[i];
		if (!code_ok(VOCAB_PROT_ASSISTANCE, a->kind, sizeof a->kind))
			return about(field, "assistance", N_("Choose the assistance given."));
		if (!prot_past_day_ok(a->date, sizeof a->date))
			return about(field, "assistance", N_("The day of an assistance must be a valid day, not in the future."));
		if (!prot_text_fits(a->note, sizeof a->note, PROT_TRAF_NOTE_MAX, false))
			return about(field, "assistance", N_("The note of an assistance is too long (200 characters at most)."));
		for (int k = 0; k < i; k++)
			if (strcmp(t->assist[k].kind, a->kind) == 0)
				return about(field, "assistance", N_("An assistance is chosen twice."));
	}
	return NULL;
}

const char *prot_traf_problem(const struct prot_traf *t, const char **field)
{
	if (!code_ok(VOCAB_PROT_IDENTIFICATION, t->identification, sizeof t->identification))
		return about(field, "identification", N_("Say whether the person is a presumed or an identified victim."));
	if (!code_ok(VOCAB_PROT_IDENTIFIED_BY, t->identified_by, sizeof t->identified_by))
		return about(field, "identified_by", N_("Choose who identified the victim."));
	if (!prot_past_day_ok(t->identified_date, sizeof t->identified_date))
		return about(field, "identified_date", N_("The identification day must be a valid day, not in the future."));
	if (!code_ok(VOCAB_PROT_RECRUITER, t->recruiter, sizeof t->recruiter))
		return about(field, "recruiter", N_("Choose who recruited the victim."));
	if (!prot_text_fits(t->recruitment, sizeof t->recruitment, PROT_TRAF_TEXT_MAX, true))
		return about(field, "recruitment", N_("How the victim was recruited is too long (500 characters at most)."));
	if (!prot_text_fits(t->places, sizeof t->places, PROT_TRAF_TEXT_MAX, true))
		return about(field, "places", N_("The places are too long (500 characters at most)."));
	if (!code_ok(VOCAB_PROT_LEGAL_STATUS, t->legal_status, sizeof t->legal_status))
		return about(field, "legal_status", N_("Choose the state of legal proceedings."));
	if (!prot_text_fits(t->legal_note, sizeof t->legal_note, PROT_TRAF_TEXT_MAX, true))
		return about(field, "legal_note", N_("The note on legal proceedings is too long (500 characters at most)."));
	return sets_problem(t, field);
}

/* The sets as one text each for the audit trail. */
static void set_texts(const struct prot_traf *t, char *control, char *exploit, char *country, char *assist)
{
	size_t n = 0;
	control[0] = exploit[0] = country[0] = assist[0] = '\0';
	for (int i = 0; i < t->n_control; i++)
		n += (size_t)snprintf(control + n, SET_TEXT - n, "%s%s", i ? "," : "", t->control[i]);
	n = 0;
	for (int i = 0; i < t->n_exploit; i++)
		n += (size_t)snprintf(exploit + n, SET_TEXT - n, "%s%s%s%s", i ? "," : "", t->exploit[i].form,
		                      t->exploit[i].sector[0] ? ":" : "", t->exploit[i].sector);
	n = 0;
	for (int i = 0; i < t->n_country; i++)
		n += (size_t)snprintf(country + n, SET_TEXT - n, "%s%s:%s", i ? "," : "", t->country[i].country,
		                      t->country[i].role);
	n = 0;
	for (int i = 0; i < t->n_assist; i++)
		n += (size_t)snprintf(assist + n, SET_TEXT - n, "%s%s:%s%s%s", i ? "; " : "", t->assist[i].kind,
		                      t->assist[i].date, t->assist[i].note[0] ? ":" : "", t->assist[i].note);
}

static void changes_json(struct jsonbuf *j, const struct prot_traf *before, const struct prot_traf *t)
{
	static char a[4][SET_TEXT], b[4][SET_TEXT];
	const char *names[] = { "identification", "identified_by", "identified_date", "recruiter", "recruitment",
	                        "places", "legal_status", "legal_note" };
	const char *now[] = { t->identification, t->identified_by, t->identified_date, t->recruiter, t->recruitment,
	                      t->places, t->legal_status, t->legal_note };
	const char *was[8] = { 0 };
	if (before) {
		const char *w[] = { before->identification, before->identified_by, before->identified_date,
		                    before->recruiter, before->recruitment, before->places, before->legal_status,
		                    before->legal_note };
		memcpy(was, w, sizeof was);
	} else {
		jsonbuf_put_int(j, "case_id", t->case_id);
	}
	for (int i = 0; i < 8; i++) {
		if (before)
			jsonbuf_change_str(j, names[i], was[i], now[i]);
		else
			jsonbuf_put_str(j, names[i], now[i]);
	}
	set_texts(t, a[0], a[1], a[2], a[3]);
	const char *sets[] = { "control", "exploitation", "country", "assistance" };
	if (before)
		set_texts(before, b[0], b[1], b[2], b[3]);
	for (int i = 0; i < 4; i++) {
		if (before)
			jsonbuf_change_str(j, sets[i], b[i], a[i]);
		else if (a[i][0])
			jsonbuf_put_str(j, sets[i], a[i]);
	}
}

#define TRAF_SELECT \
	"SELECT id, case_id, identification, identified_by, identified_date, recruiter, recruitment, places, " \
	"legal_status, legal_note, version FROM prot_trafficking "

static enum status read_sets(struct db *db, struct prot_traf *t)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT 1, method, '', '' FROM prot_trafficking_control WHERE trafficking_id = ?1 "
		"UNION ALL SELECT 2, form, coalesce(sector, ''), '' FROM prot_trafficking_exploitation "
		"WHERE trafficking_id = ?1 "
		"UNION ALL SELECT 3, country, role, '' FROM prot_trafficking_country WHERE trafficking_id = ?1 "
		"UNION ALL SELECT 4, kind, date, note FROM prot_trafficking_assistance WHERE trafficking_id = ?1 "
		"ORDER BY 1, 2, 3");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, t->id);
	int rc;
	t->n_control = t->n_exploit = t->n_country = t->n_assist = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int kind = sqlite3_column_int(st, 0);
		if (kind == 1 && t->n_control < PROT_TRAF_CONTROL_MAX) {
			db_column_copy(st, 1, t->control[t->n_control++], sizeof t->control[0]);
		} else if (kind == 2 && t->n_exploit < PROT_TRAF_EXPLOIT_MAX) {
			struct prot_traf_exploit *e = &t->exploit[t->n_exploit++];
			db_column_copy(st, 1, e->form, sizeof e->form);
			db_column_copy(st, 2, e->sector, sizeof e->sector);
		} else if (kind == 3 && t->n_country < PROT_TRAF_COUNTRY_MAX) {
			struct prot_traf_country *c = &t->country[t->n_country++];
			db_column_copy(st, 1, c->country, sizeof c->country);
			db_column_copy(st, 2, c->role, sizeof c->role);
		} else if (kind == 4 && t->n_assist < PROT_TRAF_ASSIST_MAX) {
			struct prot_traf_assist *a = &t->assist[t->n_assist++];
			db_column_copy(st, 1, a->kind, sizeof a->kind);
			db_column_copy(st, 2, a->date, sizeof a->date);
			db_column_copy(st, 3, a->note, sizeof a->note);
		}
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
}

/* Reads the record of case_id (by case when by_case, else by id) with its
 * sets, without asking for a permission. */
static enum status traf_read(struct db *db, long long key, bool by_case, struct prot_traf *t)
{
	sqlite3_stmt *st = by_case ? db_stmt(db, TRAF_SELECT "WHERE case_id = ?1") : db_stmt(db, TRAF_SELECT "WHERE id = ?1");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, key);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		memset(t, 0, sizeof *t);
		t->id = sqlite3_column_int64(st, 0);
		t->case_id = sqlite3_column_int64(st, 1);
		db_column_copy(st, 2, t->identification, sizeof t->identification);
		db_column_copy(st, 3, t->identified_by, sizeof t->identified_by);
		db_column_copy(st, 4, t->identified_date, sizeof t->identified_date);
		db_column_copy(st, 5, t->recruiter, sizeof t->recruiter);
		db_column_copy(st, 6, t->recruitment, sizeof t->recruitment);
		db_column_copy(st, 7, t->places, sizeof t->places);
		db_column_copy(st, 8, t->legal_status, sizeof t->legal_status);
		db_column_copy(st, 9, t->legal_note, sizeof t->legal_note);
		t->version = sqlite3_column_int(st, 10);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
	return read_sets(db, t);
}

static enum status country_ok(struct db *db, const char *iso3, bool *ok)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT 1 FROM country WHERE iso3 = ?1");
	if (!st)
		return ST_INTERNAL;
	db_bind_text(st, 1, iso3);
	int rc = sqlite3_step(st);
	*ok = rc == SQLITE_ROW;
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
}

static void bind_record(sqlite3_stmt *st, const struct prot_traf *t)
{
	db_bind_text(st, 2, t->identification);
	db_bind_text(st, 3, t->identified_by);
	db_bind_text(st, 4, t->identified_date);
	db_bind_text(st, 5, t->recruiter);
	db_bind_text(st, 6, t->recruitment);
	db_bind_text(st, 7, t->places);
	db_bind_text(st, 8, t->legal_status);
	db_bind_text(st, 9, t->legal_note);
}

static enum status record_write(struct db *db, struct prot_traf *t)
{
	sqlite3_stmt *st;
	if (t->id == 0) {
		st = db_stmt(db, "INSERT INTO prot_trafficking (case_id, identification, identified_by, identified_date, "
		                 "recruiter, recruitment, places, legal_status, legal_note) "
		                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
		if (!st)
			return ST_INTERNAL;
		sqlite3_bind_int64(st, 1, t->case_id);
	} else {
		st = db_stmt(db, "UPDATE prot_trafficking SET identification = ?2, identified_by = ?3, "
		                 "identified_date = ?4, recruiter = ?5, recruitment = ?6, places = ?7, legal_status = ?8, "
		                 "legal_note = ?9, version = version + 1 WHERE id = ?1 AND version = ?10");
		if (!st)
			return ST_INTERNAL;
		sqlite3_bind_int64(st, 1, t->id);
		sqlite3_bind_int(st, 10, t->version);
	}
	bind_record(st, t);
	enum status r = db_step_done(st);
	if (r != ST_OK)
		return r;
	if (t->id == 0) {
		t->id = sqlite3_last_insert_rowid(db_sqlite(db));
		t->version = 1;
	} else if (sqlite3_changes(db_sqlite(db)) != 1) {
		return ST_CONFLICT;
	} else {
		t->version++;
	}
	return ST_OK;
}

/* Replaces the sets of t by its own. */
static enum status sets_write(struct db *db, const struct prot_traf *t)
{
	enum status r = ST_OK;
	for (int i = 0; i < 4 && r == ST_OK; i++) {
		sqlite3_stmt *st = i == 0 ? db_stmt(db, "DELETE FROM prot_trafficking_control WHERE trafficking_id = ?1")
		                 : i == 1 ? db_stmt(db, "DELETE FROM prot_trafficking_exploitation WHERE trafficking_id = ?1")
		                 : i == 2 ? db_stmt(db, "DELETE FROM prot_trafficking_country WHERE trafficking_id = ?1")
		                          : db_stmt(db, "DELETE FROM prot_trafficking_assistance WHERE trafficking_id = ?1");
		if (!st)
			return ST_INTERNAL;
		sqlite3_bind_int64(st, 1, t->id);
		r = db_step_done(st);
	}
	for (int i = 0; i < t->n_control && r == ST_OK; i++) {
		sqlite3_stmt *st = db_stmt(db, "INSERT INTO prot_trafficking_control (trafficking_id, method) VALUES (?1, ?2)");
		if (!st)
			return ST_INTERNAL;
		sqlite3_bind_int64(st, 1, t->id);
		db_bind_text(st, 2, t->control[i]);
		r = db_step_done(st);
	}
	for (int i = 0; i < t->n_exploit && r == ST_OK; i++) {
		sqlite3_stmt *st = db_stmt(db, "INSERT INTO prot_trafficking_exploitation (trafficking_id, form, sector) "
		                               "VALUES (?1, ?2, ?3)");
		if (!st)
			return ST_INTERNAL;
		sqlite3_bind_int64(st, 1, t->id);
		db_bind_text(st, 2, t->exploit[i].form);
		db_bind_opt(st, 3, t->exploit[i].sector);
		r = db_step_done(st);
	}
	for (int i = 0; i < t->n_country && r == ST_OK; i++) {
		sqlite3_stmt *st = db_stmt(db, "INSERT INTO prot_trafficking_country (trafficking_id, country, role) "
		                               "VALUES (?1, ?2, ?3)");
		if (!st)
			return ST_INTERNAL;
		sqlite3_bind_int64(st, 1, t->id);
		db_bind_text(st, 2, t->country[i].country);
		db_bind_text(st, 3, t->country[i].role);
		r = db_step_done(st);
	}
	for (int i = 0; i < t->n_assist && r == ST_OK; i++) {
		sqlite3_stmt *st = db_stmt(db, "INSERT INTO prot_trafficking_assistance (trafficking_id, kind, date, note) "
		                               "VALUES (?1, ?2, ?3, ?4)");
		if (!st)
			return ST_INTERNAL;
		sqlite3_bind_int64(st, 1, t->id);
		db_bind_text(st, 2, t->assist[i].kind);
		db_bind_text(st, 3, t->assist[i].date);
		db_bind_text(st, 4, t->assist[i].note);
		r = db_step_done(st);
	}
	return r;
}

/* Inside the open transaction: checks, writes t and its sets, audits. */
static enum status traf_write(struct db *db, struct prot_traf *t, const char **m, const char **f)
{
	static struct prot_traf before;
	bool is_new = t->id == 0;
	enum status r;
	if ((*m = prot_traf_problem(t, f)) != NULL)
		return ST_INVALID;
	if ((r = prot_case_exists(db, t->case_id)) == ST_NOT_FOUND) {
		*m = about(f, "case_id", N_("This protection case is not known."));
		return ST_INVALID;
	}
	if (r != ST_OK)
		return r;
	for (int i = 0; i < t->n_country; i++) {
		bool ok = false;
		if ((r = country_ok(db, t->country[i].country, &ok)) != ST_OK)
			return r;
		if (!ok) {
			*m = about(f, "country", N_("Choose the country."));
			return ST_INVALID;
		}
	}
	if (is_new) {
		if ((r = traf_read(db, t->case_id, true, &before)) == ST_OK) {
			*m = about(f, "case_id", N_("This case has a trafficking record already: open it."));
			return ST_DUPLICATE;
		}
		if (r != ST_NOT_FOUND)
			return r;
	} else {
		if ((r = traf_read(db, t->id, false, &before)) != ST_OK)
			return r;
		if (before.version != t->version)
			return ST_CONFLICT;
		t->case_id = before.case_id;  /* a record stays with its case */
	}
	if ((r = record_write(db, t)) != ST_OK || (r = sets_write(db, t)) != ST_OK)
		return r;
	static struct jsonbuf j;
	jsonbuf_init(&j);
	changes_json(&j, is_new ? NULL : &before, t);
	return audit_log(db, is_new ? "create" : "update", "prot_trafficking", t->id, jsonbuf_text(&j));
}

enum status prot_traf_save(struct db *db, struct prot_traf *t, const char **msgid, const char **field)
{
	const char *m = NULL, *f = NULL;
	enum status r = db_require(db, PERM_PROTECTION_WRITE);
	if (r == ST_OK) {
		long long id = t->id;
		int version = t->version;
		if ((r = db_begin(db)) == ST_OK)
			r = db_finish(db, traf_write(db, t, &m, &f));
		if (r != ST_OK) {
			t->id = id;
			t->version = version;
		}
	}
	if (msgid)
		*msgid = m;
	if (field)
		*field = f;
	return r;
}

enum status prot_traf_get(struct db *db, long long case_id, struct prot_traf *t)
{
	enum status r = db_require(db, PERM_PROTECTION_READ);
	if (r != ST_OK || (r = traf_read(db, case_id, true, t)) != ST_OK)
		return r;
	return prot_audit_view(db, "prot_trafficking", t->id);
}
