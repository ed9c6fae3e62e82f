#ifndef TAIMAKO_CORE_REPORT_OUT_H
#define TAIMAKO_CORE_REPORT_OUT_H
/* Writing a computed table (db/report.h) for people and for other
 * programs: plain text aligned by screen columns, CSV, or CSV with an HXL
 * hashtag row; in UTF-8 (with or without a byte-order mark) or
 * Windows-1252; with small numbers suppressed for partners. The table's
 * and each line's definition go with it. */
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "core/report.h"
#include "core/status.h"

struct report_result;

enum report_format { REPORT_TEXT, REPORT_CSV, REPORT_HXL };
enum report_encoding { REPORT_UTF8, REPORT_UTF8_BOM, REPORT_CP1252 };

struct report_out_options {
	enum report_format format;
	enum report_encoding encoding;
	enum report_by by;          /* the columns */
	int suppress;               /* counts from 1 to suppress are hidden ("<N"); 0 shows every count */
	const char *adm1;           /* the centre's OCHA admin-1 P-code for #adm1+code ("" all centres or unknown) */
	const char *country;        /* ISO alpha-3 for #country+code ("NER") */
	const char *centre_label;   /* the centre's name in the user's language ("" or NULL: all centres) */
	/* Names a nationality (ISO alpha-3) in the user's language; NULL, or
	 * a NULL or "" answer: the ISO code is written. */
	const char *(*country_name)(const char *iso3, void *ctx);
	void *country_ctx;
};

/* The default of the setting report_suppress: counts from 1 to 4 hidden
 * in exports meant for partners. */
#define REPORT_SUPPRESS_DEFAULT 4

/* How a cell is shown once small numbers are suppressed. */
enum report_cell { REPORT_CELL_SHOWN, REPORT_CELL_SMALL, REPORT_CELL_SECONDARY };

/* Suppresses the cells v[0..n-1] of one row whose last cell is the total
 * of the others: a count from 1 to threshold is SMALL ("<N"); when a
 * hidden cell could be worked out from the total and the cells shown
 * (exactly one hidden among the parts, the total shown), the next
 * smallest non-zero part is hidden too (SECONDARY, "x"). threshold 0
 * shows everything. */
void report_suppress_row(const long *v, int n, int threshold, enum report_cell *out);

/* The format named name ("text", "csv", "hxl"), the encoding
 * ("utf-8", "utf-8-bom", "windows-1252"); -1 when unknown. */
int report_format_parse(const char *name);
int report_encoding_parse(const char *name);

/* Writes r to out as o asks, labels in the current language. ST_OK;
 * ST_INVALID when a character cannot be written in the encoding (nothing
 * dropped silently: err says which text, in the user's language), ST_IO
 * on a write error. */
enum status report_write(FILE *out, const struct report_result *r, const struct report_out_options *o, char *err,
                         size_t err_size);

/* Writes the UTF-8 text buf (len bytes, whole lines) to out in enc, the
 * byte-order mark first when line0 is 1 (the start of the file): for
 * writers that stream their rows a piece at a time. ST_INVALID when a
 * character has no form in enc: err names it, its line (counted from
 * line0) and the line's text, and nothing of buf is written; ST_IO on a
 * write error. */
enum status report_encode(FILE *out, const char *buf, size_t len, enum report_encoding enc, long line0, char *err,
                          size_t err_size);

#endif
