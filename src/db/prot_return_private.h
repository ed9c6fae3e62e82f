#ifndef TAIMAKO_DB_PROT_RETURN_PRIVATE_H
#define TAIMAKO_DB_PROT_RETURN_PRIVATE_H
/* What the files of the return data layer share. Private to src/db/. */
#include <stdbool.h>
#include <stddef.h>
#include <sqlite3.h>
#include "db/prot_return.h"

/* True when s ends inside size bytes, is valid UTF-8, has at most chars
 * characters and no control characters (line ends allowed when lines). */
bool prot_ret_text_fits(const char *s, size_t size, int chars, bool lines);

/* True when s holds something other than blanks. */
bool prot_ret_has_content(const char *s);

/* True when the country with code iso3 exists. */
enum status prot_ret_country_ok(struct db *db, const char *iso3, bool *ok);

/* Reads return id into *r, without permission check nor audit. */
enum status prot_ret_read(struct db *db, long long id, struct prot_return *r);

/* Appends the "view" row of an opening of return id (its own transaction). */
enum status prot_ret_audit_view(struct db *db, long long id);

/* Reads a travel document from columns c..c+12 of st (id, return_id,
 * kind, consulate_country, consulate_place, requested_date, interview_date,
 * status, number, issued_date, expiry_date, refusal_reason, version). */
void prot_ret_read_doc(sqlite3_stmt *st, int c, struct prot_travel_doc *d);

/* The columns of a return (r: prot_return, ce: its centre) that
 * prot_ret_read_row reads, 20 of them from column 0. */
#define PROT_RET_COLUMNS \
	"r.id, r.person_id, ce.code, r.requested_date, r.country, r.destination, r.status, " \
	"coalesce(r.counselled_date, ''), r.counselling_note, coalesce(r.approved_at, ''), " \
	"coalesce(r.approved_by, 0), coalesce(r.travel_date, ''), coalesce(r.transport, ''), r.convoy_ref, " \
	"r.escort, coalesce(r.departure_date, ''), coalesce(r.arrival_date, ''), r.handed_over_to, " \
	"r.end_reason, r.version"
void prot_ret_read_row(sqlite3_stmt *st, struct prot_return *r);

#endif
