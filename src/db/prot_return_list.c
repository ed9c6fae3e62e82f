/* The lists of assisted returns: returns under way by status, the
 * departure list of a day and convoy (and its CSV), the travel documents
 * pending per consulate. Each reads a page, resets its statement, then
 * calls back (the callback may use the data layer). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/csvout.h"
#include "core/i18n.h"
#include "core/jsonbuf.h"
#include "core/page.h"
#include "core/person.h"
#include "core/prot_vocab.h"
#include "core/vocab.h"
#include "db/audit.h"
#include "db/db_private.h"
#include "db/prot_return.h"
#include "prot_return_private.h"

/* The person's columns after the return's (from column 20), then the
 * issued documents. */
#define PERSON_COLUMNS \
	"p.case_key, p.family_name, p.given_names, p.sex, coalesce(p.birth_date, ''), p.birth_estimated, " \
	"coalesce(p.nationality, ''), " \
	"coalesce((SELECT group_concat(d.kind || ' ' || d.number, '; ') FROM prot_travel_doc d " \
	"WHERE d.return_id = r.id AND d.status = 'issued'), '')"

static void read_row(sqlite3_stmt *st, struct prot_return_row *row)
{
	memset(row, 0, sizeof *row);
	prot_ret_read_row(st, &row->r);
	db_column_copy(st, 20, row->case_key, sizeof row->case_key);
	db_column_copy(st, 21, row->family_name, sizeof row->family_name);
	db_column_copy(st, 22, row->given_names, sizeof row->given_names);
	db_column_copy(st, 23, row->sex, sizeof row->sex);
	db_column_copy(st, 24, row->birth_date, sizeof row->birth_date);
	row->birth_estimated = sqlite3_column_int(st, 25) != 0;
	db_column_copy(st, 26, row->nationality, sizeof row->nationality);
	db_column_copy(st, 27, row->documents, sizeof row->documents);
}

/* Steps st (bound, LIMIT limit + 1) into rows, resets it, then calls cb. */
static enum status page_rows(sqlite3_stmt *st, int limit, bool reverse,
                             void (*cb)(const struct prot_return_row *row, void *ctx), void *ctx, bool *more)
{
	struct prot_return_row *items = NULL;
	size_t n = 0, cap = 0;
	bool over = false;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((int)n == limit) {
			over = true;
			rc = SQLITE_DONE;
			break;
		}
		struct prot_return_row *row = db_grow((void **)&items, &n, &cap, sizeof *items);
		if (!row) {
			rc = SQLITE_NOMEM;
			break;
		}
		read_row(st, row);
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		for (size_t i = 0; i < n; i++)
			cb(&items[reverse ? n - 1 - i : i], ctx);
	free(items);
	if (more)
		*more = rc == SQLITE_DONE && over;
	return rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
}

enum status prot_return_list(struct db *db, const char *status, enum page_dir dir, const char *key_day,
                             long long key_id, int limit,
                             void (*cb)(const struct prot_return_row *row, void *ctx), void *ctx, bool *more)
{
	if (more)
		*more = false;
	enum status s = db_require(db, PERM_PROTECTION_READ);
	if (s != ST_OK)
		return s;
	if (limit < 1)
		return ST_INVALID;
	sqlite3_stmt *st = dir == PAGE_AFTER
		? db_stmt(db,
		"SELECT " PROT_RET_COLUMNS ", " PERSON_COLUMNS " FROM prot_return r JOIN centre ce ON ce.id = r.centre_id "
		"JOIN person p ON p.id = r.person_id "
		"WHERE (CASE WHEN ?1 = '' THEN r.status IN ('requested', 'counselled', 'approved', 'ready') "
		"ELSE r.status = ?1 END) AND (?3 = 0 OR (r.requested_date, r.id) > (?2, ?3)) "
		"ORDER BY r.requested_date, r.id LIMIT ?4")
		: db_stmt(db,
		"SELECT " PROT_RET_COLUMNS ", " PERSON_COLUMNS " FROM prot_return r JOIN centre ce ON ce.id = r.centre_id "
		"JOIN person p ON p.id = r.person_id "
		"WHERE (CASE WHEN ?1 = '' THEN r.status IN ('requested', 'counselled', 'approved', 'ready') "
		"ELSE r.status = ?1 END) AND (?3 = 0 OR (r.requested_date, r.id) < (?2, ?3)) "
		"ORDER BY r.requested_date DESC, r.id DESC LIMIT ?4");
	if (!st)
		return ST_INTERNAL;
	db_bind_text(st, 1, status ? status : "");
	db_bind_text(st, 2, key_day ? key_day : "");
	sqlite3_bind_int64(st, 3, key_id);
	sqlite3_bind_int(st, 4, limit + 1);
	return page_rows(st, limit, dir == PAGE_BEFORE, cb, ctx, more);
}

static enum status departures_page(struct db *db, const char *day, const char *ref, long long key_id, int limit,
                                   void (*cb)(const struct prot_return_row *row, void *ctx), void *ctx, bool *more)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT " PROT_RET_COLUMNS ", " PERSON_COLUMNS " FROM prot_return r JOIN centre ce ON ce.id = r.centre_id "
		"JOIN person p ON p.id = r.person_id "
		"WHERE ((r.travel_date = ?1 AND r.status IN ('approved', 'ready')) "
		"OR (r.departure_date = ?1 AND r.status IN ('departed', 'arrived'))) "
		"AND (?2 = '' OR r.convoy_ref = ?2) "
		"AND (?3 = 0 OR (p.family_name, p.given_names, r.id) > (SELECT p2.family_name, p2.given_names, r2.id "
		"FROM prot_return r2 JOIN person p2 ON p2.id = r2.person_id WHERE r2.id = ?3)) "
		"ORDER BY p.family_name, p.given_names, r.id LIMIT ?4");
	if (!st)
		return ST_INTERNAL;
	db_bind_text(st, 1, day);
	db_bind_text(st, 2, ref ? ref : "");
	sqlite3_bind_int64(st, 3, key_id);
	sqlite3_bind_int(st, 4, limit + 1);
	return page_rows(st, limit, false, cb, ctx, more);
}

/* The "view" row of a look at the departure list of day and ref. */
static enum status audit_departures(struct db *db, const char *day, const char *ref, const char *how)
{
	struct jsonbuf j;
	jsonbuf_init(&j);
	jsonbuf_put_str(&j, "day", day);
	jsonbuf_put_str(&j, "ref", ref ? ref : "");
	jsonbuf_put_str(&j, "as", how);
	enum status s = db_begin(db);
	return s != ST_OK ? s : db_finish(db, audit_log(db, "view", "prot_departure_list", 0, jsonbuf_text(&j)));
}

enum status prot_departure_list(struct db *db, const char *day, const char *ref, long long key_id, int limit,
                                void (*cb)(const struct prot_return_row *row, void *ctx), void *ctx, bool *more)
{
	if (more)
		*more = false;
	enum status s = db_require(db, PERM_PROTECTION_READ);
	if (s != ST_OK)
		return s;
	if (limit < 1 || !day)
		return ST_INVALID;
	if ((s = departures_page(db, day, ref, key_id, limit, cb, ctx, more)) != ST_OK)
		return s;
	return key_id ? ST_OK : audit_departures(db, day, ref, "list");
}

/* Writing the CSV: one row per return. */
struct csv_ctx {
	struct db *db;
	FILE *out;
	const char *lang;
	long long last;
};

/* The name of country iso3 in lang into out ("" when unknown). */
static void country_name(struct db *db, const char *iso3, const char *lang, char *out, size_t size)
{
	out[0] = '\0';
	sqlite3_stmt *st = db_stmt(db, "SELECT CASE WHEN ?2 = 'fr' THEN name_fr ELSE name_en END FROM country "
	                               "WHERE iso3 = ?1");
	if (!st)
		return;
	db_bind_text(st, 1, iso3);
	db_bind_text(st, 2, lang);
	if (sqlite3_step(st) == SQLITE_ROW)
		db_column_copy(st, 0, out, size);
	sqlite3_reset(st);
}

/* The documents "kind number; ..." with the kinds' labels. */
static void documents_text(const char *codes, char *out, size_t size)
{
	char buf[256];
	snprintf(buf, sizeof buf, "%s", codes);
	out[0] = '\0';
	char *save = NULL;
	for (char *part = strtok_r(buf, ";", &save); part; part = strtok_r(NULL, ";", &save)) {
		while (*part == ' ')
			part++;
		char *sp = strchr(part, ' ');
		if (sp)
			*sp++ = '\0';
		size_t len = strlen(out);
		snprintf(out + len, size - len, "%s%s %s", len ? "; " : "", vocab_label(VOCAB_PROT_DOC_KIND, part),
		         sp ? sp : "");
	}
}

static void csv_row(const struct prot_return_row *row, void *vctx)
{
	struct csv_ctx *c = vctx;
	char name[2 * PERSON_NAME_MAX + 4], age[16] = "", nat[324], dest[324], docs[512];
	snprintf(name, sizeof name, "%s %s", row->family_name, row->given_names);
	struct pdate today = clock_today();
	int years = 0;
	bool approx = false, child = false;
	if (person_age(row->birth_date, row->birth_estimated, &today, &years, &approx, &child))
		snprintf(age, sizeof age, "%s%d", approx ? "~" : "", years);
	country_name(c->db, row->nationality, c->lang, nat, sizeof nat);
	country_name(c->db, row->r.country, c->lang, dest, sizeof dest);
	documents_text(row->documents, docs, sizeof docs);
	const char *fields[] = {
		name, row->case_key, vocab_label(VOCAB_SEX, row->sex), age, nat, dest, row->r.destination, docs,
		row->r.escort, row->r.transport[0] ? vocab_label(VOCAB_PROT_TRANSPORT, row->r.transport) : "",
		row->r.convoy_ref,
	};
	csvout_row(c->out, fields, (int)(sizeof fields / sizeof fields[0]));
	c->last = row->r.id;
}

enum status prot_departure_csv(struct db *db, const char *day, const char *ref, const char *lang, FILE *out)
{
	enum status s = db_require(db, PERM_PROTECTION_READ);
	if (s != ST_OK)
		return s;
	if (!day || !out)
		return ST_INVALID;
	const char *head[] = {
		_("Name"), _("Case number"), _("Sex"), _("Age"), _("Nationality"), _("Country of destination"),
		_("Town or region"), _("Travel documents"), _("Escort"), _("Transport"), _("Convoy or flight"),
	};
	csvout_row(out, head, (int)(sizeof head / sizeof head[0]));
	struct csv_ctx c = { db, out, lang ? lang : "en", 0 };
	bool more = true;
	while (s == ST_OK && more) {
		long long key = c.last;
		s = departures_page(db, day, ref, key, 100, csv_row, &c, &more);
		if (s == ST_OK && more && c.last == key)
			break;
	}
	if (s == ST_OK && (fflush(out) != 0 || ferror(out)))
		s = ST_IO;
	return s == ST_OK ? audit_departures(db, day, ref, "csv") : s;
}

enum status prot_docs_pending(struct db *db, const char *country, enum page_dir dir, const char *key_country,
                              const char *key_day,
                              long long key_id, int limit, void (*cb)(const struct prot_doc_row *row, void *ctx),
                              void *ctx, bool *more)
{
	if (more)
		*more = false;
	enum status s = db_require(db, PERM_PROTECTION_READ);
	if (s != ST_OK)
		return s;
	if (limit < 1)
		return ST_INVALID;
#define PENDING_SELECT \
		"SELECT d.id, d.return_id, d.kind, d.consulate_country, d.consulate_place, d.requested_date, " \
		"coalesce(d.interview_date, ''), d.status, d.number, coalesce(d.issued_date, ''), " \
		"coalesce(d.expiry_date, ''), d.refusal_reason, d.version, r.person_id, p.case_key, p.family_name, " \
		"p.given_names FROM prot_travel_doc d JOIN prot_return r ON r.id = d.return_id " \
		"JOIN person p ON p.id = r.person_id " \
		"WHERE d.status IN ('requested', 'interview') AND r.status IN ('requested', 'counselled', 'approved', " \
		"'ready') AND (?1 = '' OR d.consulate_country = ?1) "
	sqlite3_stmt *st = dir == PAGE_AFTER
		? db_stmt(db, PENDING_SELECT "AND (?4 = 0 OR (d.consulate_country, d.requested_date, d.id) > (?2, ?3, ?4)) "
		              "ORDER BY d.consulate_country, d.requested_date, d.id LIMIT ?5")
		: db_stmt(db, PENDING_SELECT "AND (?4 = 0 OR (d.consulate_country, d.requested_date, d.id) < (?2, ?3, ?4)) "
		              "ORDER BY d.consulate_country DESC, d.requested_date DESC, d.id DESC LIMIT ?5");
	if (!st)
		return ST_INTERNAL;
	db_bind_text(st, 1, country ? country : "");
	db_bind_text(st, 2, key_country ? key_country : "");
	db_bind_text(st, 3, key_day ? key_day : "");
	sqlite3_bind_int64(st, 4, key_id);
	sqlite3_bind_int(st, 5, limit + 1);
	struct prot_doc_row *items = NULL;
	size_t n = 0, cap = 0;
	bool over = false;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((int)n == limit) {
			over = true;
			rc = SQLITE_DONE;
			break;
		}
		struct prot_doc_row *row = db_grow((void **)&items, &n, &cap, sizeof *items);
		if (!row) {
			rc = SQLITE_NOMEM;
			break;
		}
		prot_ret_read_doc(st, 0, &row->d);
		row->person_id = sqlite3_column_int64(st, 13);
		db_column_copy(st, 14, row->case_key, sizeof row->case_key);
		db_column_copy(st, 15, row->family_name, sizeof row->family_name);
		db_column_copy(st, 16, row->given_names, sizeof row->given_names);
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		for (size_t i = 0; i < n; i++)
			cb(&items[dir == PAGE_BEFORE ? n - 1 - i : i], ctx);
	free(items);
	if (more)
		*more = rc == SQLITE_DONE && over;
	return rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
}
