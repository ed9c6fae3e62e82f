/* Community members: the short registration and the switch to migrant
 * (db/community.h). */
#include <stdio.h>
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/jsonbuf.h"
#include "core/phone.h"
#include "core/text.h"
#include "core/vocab.h"
#include "db/audit.h"
#include "db/community.h"
#include "db/db_private.h"
#include "db/person.h"
#include "db/person_private.h"

/* Today as ISO. */
static void today_iso(char *out, size_t size)
{
	struct pdate t = clock_today();
	date_to_iso(&t, out, size);
}

/* The number of characters of UTF-8 text s. */
static size_t chars_of(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

enum status community_check(const struct person *p, const char *today, const char **msgid, const char **field)
{
	const char *m = NULL, *f = NULL;
	bool flagged = false;
	/* The arrival columns as community_register fills them. */
	struct person q = *p;
	snprintf(q.arrival_date, sizeof q.arrival_date, "%s", today);
	snprintf(q.arrival_mode, sizeof q.arrival_mode, "%s", "other");
	for (int i = 0; i < FLAG_COUNT_; i++)
		flagged |= p->flags[i];
	if (!memchr(p->locality, '\0', sizeof p->locality) || !text_valid_utf8(p->locality))
		m = N_("A text is too long or not valid."), f = "locality";
	else if (p->docs[0].type[0] || p->languages[0][0] || p->nationality[0] || flagged)
		m = N_("A community member is registered with the short form only."), f = "family_name";
	else if (person_check(&q, today, &m) != ST_OK)
		person_consistency_problem(&q, today, &f);
	else if (!p->locality[0] || chars_of(p->locality) > 80)
		m = N_("The locality is required (at most 80 characters)."), f = "locality";
	if (m && !f)
		f = "family_name";
	if (msgid)
		*msgid = m;
	if (field)
		*field = m ? f : NULL;
	return m ? ST_INVALID : ST_OK;
}

enum status community_register(struct db *db, struct person *p)
{
	enum status s = db_require(db, PERM_COMMUNITY_WRITE);
	if (s != ST_OK)
		return s;
	if (p->id)
		return ST_INVALID;
	char today[11];
	today_iso(today, sizeof today);
	/* No arrival: the registration day and a neutral mode fill the
	 * columns every person has; screens read the kind instead. */
	snprintf(p->kind, sizeof p->kind, "%s", "community");
	snprintf(p->arrival_date, sizeof p->arrival_date, "%s", today);
	snprintf(p->arrival_mode, sizeof p->arrival_mode, "%s", "other");
	snprintf(p->community_since, sizeof p->community_since, "%s", today);
	p->flag_other[0] = '\0';
	if ((s = community_check(p, today, NULL, NULL)) != ST_OK)
		return s;
	if ((s = db_begin(db)) != ST_OK)
		return s;
	long long centre = db_centre_id(db, p->centre_code);
	s = centre ? person_create(db, p, centre) : ST_NOT_FOUND;
	if (s == ST_OK && (s = db_commit(db)) == ST_OK)
		return ST_OK;
	db_rollback(db);
	p->id = 0;
	p->case_key[0] = '\0';
	return s;
}

enum status community_update(struct db *db, struct person *p, const struct person *orig, const char **msgid)
{
	static const char update[] =
		"UPDATE person SET family_name = ?2, given_names = ?3, sex = ?4, birth_date = ?5, birth_estimated = ?6, "
		"phone = ?7, phone_key = ?8, centre_id = ?9, consent_data = ?10, consent_share = ?11, "
		"consent_date = ?12, locality = ?13, version = version + 1 "
		"WHERE id = ?1 AND version = ?14 AND kind = 'community'";
	if (msgid)
		*msgid = NULL;
	enum status s = db_require(db, PERM_COMMUNITY_WRITE);
	if (s != ST_OK)
		return s;
	if (!p->id || !orig || orig->id != p->id)
		return ST_INVALID;
	char today[11];
	today_iso(today, sizeof today);
	struct person form = *p;
	memset(form.docs, 0, sizeof form.docs);   /* not asked by the short form */
	memset(form.languages, 0, sizeof form.languages);
	memset(form.flags, 0, sizeof form.flags);
	form.nationality[0] = '\0';
	const char *why = NULL;
	if ((s = community_check(&form, today, &why, NULL)) != ST_OK) {
		if (msgid)
			*msgid = why;
		return s;
	}
	if ((s = db_begin(db)) != ST_OK)
		return s;
	struct person now, after;
	long long centre = 0;
	if ((s = person_read(db, p->id, &now)) != ST_OK) {
		/* nothing to change */
	} else if (!person_is_community(&now)) {
		why = N_("This person is registered as a migrant already.");
		s = ST_INVALID;
	} else if (now.version != orig->version) {
		s = ST_CONFLICT;
	} else if (!(centre = db_centre_id(db, p->centre_code))) {
		why = N_("Choose the centre.");
		s = ST_INVALID;
	}
	if (s == ST_OK) {
		/* The short form's fields over the record as saved. */
		after = now;
		memcpy(after.family_name, p->family_name, sizeof after.family_name);
		memcpy(after.given_names, p->given_names, sizeof after.given_names);
		after.sex = p->sex;
		memcpy(after.birth_date, p->birth_date, sizeof after.birth_date);
		after.birth_estimated = p->birth_estimated;
		memcpy(after.phone, p->phone, sizeof after.phone);
		memcpy(after.centre_code, p->centre_code, sizeof after.centre_code);
		after.consent_data = p->consent_data;
		after.consent_share = p->consent_share;
		memcpy(after.consent_date, p->consent_date, sizeof after.consent_date);
		memcpy(after.locality, p->locality, sizeof after.locality);
		sqlite3_stmt *st = db_stmt(db, update);
		if (!st) {
			s = ST_INTERNAL;
		} else {
			char phone_key[PHONE_KEY_SIZE], sex[2] = { after.sex, '\0' };
			person_phone_key(after.phone, db_phone_country(db), phone_key, sizeof phone_key);
			sqlite3_bind_int64(st, 1, after.id);
			db_bind_text(st, 2, after.family_name);
			db_bind_text(st, 3, after.given_names);
			db_bind_text(st, 4, sex);
			db_bind_opt(st, 5, after.birth_date);
			sqlite3_bind_int(st, 6, after.birth_estimated);
			db_bind_text(st, 7, after.phone);
			db_bind_text(st, 8, phone_key);
			sqlite3_bind_int64(st, 9, centre);
			sqlite3_bind_int(st, 10, after.consent_data);
			sqlite3_bind_int(st, 11, after.consent_share);
			db_bind_text(st, 12, after.consent_date);
			db_bind_text(st, 13, after.locality);
			sqlite3_bind_int(st, 14, now.version);
			s = db_step_done(st);
			if (s == ST_OK && sqlite3_changes(db_sqlite(db)) != 1)
				s = ST_CONFLICT;
		}
	}
	if (s == ST_OK) {
		after.version = now.version + 1;
		s = person_write_index(db, &after);
	}
	if (s == ST_OK) {
		struct jsonbuf j;
		jsonbuf_init(&j);
		person_diff_json(&j, &now, &after);
		if (strcmp(now.locality, after.locality) != 0)
			jsonbuf_change_str(&j, "locality", now.locality, after.locality);
		s = audit_log(db, "update", "person", after.id, jsonbuf_text(&j));
	}
	if (s == ST_OK && (s = db_commit(db)) == ST_OK) {
		*p = after;
		return ST_OK;
	}
	db_rollback(db);
	if (msgid)
		*msgid = why;
	return s;
}

/* The msgid of what is wrong with an arrival of p on date by mode, NULL
 * when nothing. */
static const char *arrival_problem(const struct person *p, const char *date, const char *mode, const char *today)
{
	struct pdate d, t, b;
	date_from_iso(today, &t);
	if (!person_is_community(p))
		return N_("This person is registered as a migrant already.");
	if (!date || date_from_iso(date, &d) != DATE_OK || d.prec != DATE_DAY || date_check_past(&d, &t) != DATE_OK)
		return N_("The arrival date is required and cannot be in the future.");
	if (strcmp(date, p->community_since) < 0)
		return N_("The arrival cannot be before the registration as a community member.");
	if (p->birth_date[0] && date_from_iso(p->birth_date, &b) == DATE_OK && strncmp(date, p->birth_date, strlen(p->birth_date)) < 0)
		return N_("The arrival cannot be before the birth.");
	if (!mode || !vocab_has(VOCAB_ARRIVAL_MODE, mode))
		return N_("Choose how the person came.");
	return NULL;
}

enum status community_arrive(struct db *db, long long id, const char *centre_code, const char *date,
                             const char *mode, const char **msgid)
{
	static const char update[] =
		"UPDATE person SET kind = 'migrant', arrival_date = ?2, arrival_mode = ?3, centre_id = ?4, "
		"version = version + 1 WHERE id = ?1 AND kind = 'community'";
	static const char stay[] = "INSERT INTO stay (person_id, centre_id, admitted) VALUES (?1, ?2, ?3)";
	if (msgid)
		*msgid = NULL;
	enum status s = db_require(db, PERM_PERSON_WRITE);
	if (s != ST_OK)
		return s;
	char today[11];
	today_iso(today, sizeof today);
	if ((s = db_begin(db)) != ST_OK)
		return s;
	struct person p;
	const char *why = NULL;
	long long centre = 0;
	if ((s = person_read(db, id, &p)) != ST_OK) {
		/* nothing to change */
	} else if ((why = arrival_problem(&p, date, mode, today))) {
		s = ST_INVALID;
	} else if (!centre_code || !(centre = db_centre_id(db, centre_code))) {
		why = N_("Choose the centre.");
		s = ST_INVALID;
	}
	sqlite3_stmt *st = s == ST_OK ? db_stmt(db, update) : NULL;
	if (s == ST_OK && !st)
		s = ST_INTERNAL;
	if (s == ST_OK) {
		sqlite3_bind_int64(st, 1, id);
		db_bind_text(st, 2, date);
		db_bind_text(st, 3, mode);
		sqlite3_bind_int64(st, 4, centre);
		s = db_step_done(st);
		if (s == ST_OK && sqlite3_changes(db_sqlite(db)) != 1)
			s = ST_CONFLICT;
	}
	if (s == ST_OK && !(st = db_stmt(db, stay)))
		s = ST_INTERNAL;
	if (s == ST_OK) {
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, centre);
		db_bind_text(st, 3, date);
		s = db_step_done(st);
	}
	if (s == ST_OK)   /* the index holds where the person stays */
		s = person_reindex(db, id);
	if (s == ST_OK) {
		struct jsonbuf j;
		jsonbuf_init(&j);
		jsonbuf_change_str(&j, "kind", "community", "migrant");
		if (strcmp(p.arrival_date, date) != 0)
			jsonbuf_change_str(&j, "arrival_date", p.arrival_date, date);
		if (strcmp(p.arrival_mode, mode) != 0)
			jsonbuf_change_str(&j, "arrival_mode", p.arrival_mode, mode);
		if (strcmp(p.centre_code, centre_code) != 0)
			jsonbuf_change_str(&j, "centre", p.centre_code, centre_code);
		s = audit_log(db, "update", "person", id, jsonbuf_text(&j));
	}
	if (s == ST_OK && (s = db_commit(db)) == ST_OK)
		return ST_OK;
	db_rollback(db);
	if (msgid)
		*msgid = why;
	return s;
}
