#ifndef TAIMAKO_DB_REFDATA_H
#define TAIMAKO_DB_REFDATA_H
/* Reference lists loaded by migration: centres, countries, languages. */
#include <stdbool.h>
#include "core/page.h"
#include "core/status.h"

struct db;

enum ref_kind { REF_CENTRE, REF_COUNTRY, REF_LANGUAGE };

struct ref_row {
	char code[8];        /* centre code, ISO 3166-1 alpha-3, ISO 639-3 */
	char alt[8];         /* region P-code, alpha-2, ISO 639-1 ("" if none) */
	char name[324];      /* in the language asked for, UTF-8 */
};

/* Calls cb for the rows of kind whose code or name (accents and case
 * ignored) starts a word with filter, in name order, a page by key
 * (core/page.h): the rows after the row with code key (PAGE_AFTER; key
 * NULL or "": from the first) or before it (PAGE_BEFORE; no key: the last
 * rows), at most limit, in name order either way. Rows are streamed, never
 * all loaded (a whole list: PAGE_AFTER, no key, limit INT_MAX). lang is
 * "fr" or "en". Sets *more when rows remain beyond the page. */
enum status ref_page(struct db *db, enum ref_kind kind, const char *lang, const char *filter,
                     enum page_dir dir, const char *key, int limit,
                     void (*cb)(const struct ref_row *row, void *ctx), void *ctx, bool *more);

/* Name of the centre with this code in lang into out ("" when unknown). */
enum status ref_centre_name(struct db *db, const char *code, const char *lang,
                            char *out, size_t size);

/* Name of the row of kind with this code (centre code, ISO 3166-1
 * alpha-3, ISO 639-3) in lang ("fr" or "en") into out; ST_NOT_FOUND (and
 * out "") when there is none. */
enum status ref_name(struct db *db, enum ref_kind kind, const char *code, const char *lang,
                     char *out, size_t size);

/* Names countries for a writer that asks by callback (core/report_out.h
 * country_name): ctx is a struct ref_namer; the name in its language, or
 * NULL when there is none. */
struct ref_namer {
	struct db *db;
	const char *lang;
	char name[324];
};
const char *ref_namer_country(const char *iso3, void *ctx);

/* Number of rows of kind, -1 on error. */
long ref_count(struct db *db, enum ref_kind kind);

#endif
