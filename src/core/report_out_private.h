#ifndef TAIMAKO_CORE_REPORT_OUT_PRIVATE_H
#define TAIMAKO_CORE_REPORT_OUT_PRIVATE_H
/* Shared by the parts of the report writer (src/core/report_out*.c): the
 * columns of a table as written, a cell's text once suppressed, the
 * renderers and the encoder. Not a public interface. */
#include <stdio.h>

#include "core/report_out.h"

/* A nationality column per nationality present anywhere in the table,
 * then unknown, other and the total. */
#define RO_COLS_MAX (REPORT_NAT_MAX + 4)

enum ro_kind { RO_FIXED, RO_NAT, RO_NAT_UNKNOWN, RO_NAT_OTHER, RO_TOTAL };

struct ro_cols {
	int n;
	const char *label[RO_COLS_MAX];   /* in the user's language */
	const char *hxl[RO_COLS_MAX];     /* attributes after #reached, NULL: no hashtag */
	char hxl_nat[RO_COLS_MAX][16];    /* the attributes of a nationality column */
	char iso[RO_COLS_MAX][4];         /* a nationality column's country */
	enum ro_kind kind[RO_COLS_MAX];
	int fixed[RO_COLS_MAX];           /* a fixed column's index for report_column_value */
};

/* The columns o->by gives for the table r (nationalities: the union of the
 * lines', by ISO code). */
void ro_cols_make(struct ro_cols *cols, const struct report_result *r, const struct report_out_options *o);
/* The value of column i for the counts c. */
long ro_value(const struct ro_cols *cols, int i, const struct report_counts *c, enum report_by by);
/* The text of a cell: the count, "<N" (N = threshold + 1) or "x". */
void ro_cell(char *buf, size_t size, long v, enum report_cell how, int threshold);
/* A nationality's name in the user's language (the ISO code without a
 * callback; "" for iso3 ""). */
const char *ro_country(const struct report_out_options *o, const char *iso3);
/* _("different people") or _("events"). */
const char *ro_counting(enum report_count count);

/* The renderers, in UTF-8 to a memory stream; false when out of memory. */
bool ro_text(FILE *m, const struct report_result *r, const struct report_out_options *o);
bool ro_csv(FILE *m, const struct report_result *r, const struct report_out_options *o);

#endif
