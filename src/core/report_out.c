/* Writing a computed table: the formats and encodings by name, small
 * numbers suppressed, the columns as written, and report_write, which
 * renders the whole table in memory first so that nothing partial reaches
 * the caller's file when a character cannot be encoded. The text layout is
 * in report_out_text.c, CSV and HXL in report_out_csv.c, the encodings in
 * report_out_encode.c. */
#include "core/report_out.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/report_out_private.h"
#include "db/report.h"

int report_format_parse(const char *name)
{
	static const char *const names[] = { "text", "csv", "hxl" };
	for (int i = 0; i < 3; i++)
		if (name && strcmp(name, names[i]) == 0)
			return i;
	return -1;
}

int report_encoding_parse(const char *name)
{
	static const char *const names[] = { "utf-8", "utf-8-bom", "windows-1252" };
	for (int i = 0; i < 3; i++)
		if (name && strcmp(name, names[i]) == 0)
			return i;
	return -1;
}

void report_suppress_row(const long *v, int n, int threshold, enum report_cell *out)
{
	int hidden = 0;
	for (int i = 0; i < n; i++) {
		out[i] = threshold > 0 && v[i] >= 1 && v[i] <= threshold ? REPORT_CELL_SMALL : REPORT_CELL_SHOWN;
		if (i < n - 1 && out[i] != REPORT_CELL_SHOWN)
			hidden++;
	}
	/* One hidden part and the total shown: total minus the parts shown
	 * gives it back. Hide the smallest non-zero part left (a zero tells
	 * nothing); the reader then only knows the sum of two. */
	if (n < 2 || hidden != 1 || out[n - 1] != REPORT_CELL_SHOWN)
		return;
	int pick = -1;
	for (int i = 0; i < n - 1; i++)
		if (out[i] == REPORT_CELL_SHOWN && v[i] > 0 && (pick < 0 || v[i] < v[pick]))
			pick = i;
	if (pick >= 0)
		out[pick] = REPORT_CELL_SECONDARY;
	else
		out[n - 1] = REPORT_CELL_SECONDARY;   /* the total is then the hidden part itself */
}

void ro_cell(char *buf, size_t size, long v, enum report_cell how, int threshold)
{
	if (how == REPORT_CELL_SMALL)
		snprintf(buf, size, "<%d", threshold + 1);
	else if (how == REPORT_CELL_SECONDARY)
		snprintf(buf, size, "x");
	else
		snprintf(buf, size, "%ld", v);
}

const char *ro_country(const struct report_out_options *o, const char *iso3)
{
	if (o->country_name && iso3[0]) {
		const char *name = o->country_name(iso3, o->country_ctx);
		if (name && name[0])
			return name;
	}
	return iso3;
}

const char *ro_counting(enum report_count count)
{
	return _(report_count_label(count));
}

static int by_iso(const void *a, const void *b)
{
	return strcmp(a, b);
}

void ro_cols_make(struct ro_cols *cols, const struct report_result *r, const struct report_out_options *o)
{
	memset(cols, 0, sizeof *cols);
	if (o->by != REPORT_BY_NATIONALITY) {
		const char *labels[REPORT_COLS_MAX], *hxl[REPORT_COLS_MAX];
		int n = report_columns(o->by, labels, hxl);
		for (int i = 0; i < n; i++) {
			cols->label[i] = _(labels[i]);
			cols->hxl[i] = hxl[i];
			cols->kind[i] = i == n - 1 ? RO_TOTAL : RO_FIXED;
			cols->fixed[i] = i;
		}
		cols->n = n;
		return;
	}
	/* The nationalities present in any line, by code; beyond the room
	 * left they count with "other". */
	char (*iso)[4] = cols->iso;
	int n = 0;
	for (int l = 0; l < r->nlines; l++)
		for (int k = 0; k < r->lines[l].nnat; k++) {
			const char *code = r->lines[l].nat[k].iso3;
			bool seen = false;
			for (int i = 0; i < n && !seen; i++)
				seen = strcmp(iso[i], code) == 0;
			if (!seen && n < REPORT_NAT_MAX)
				snprintf(iso[n++], sizeof iso[0], "%s", code);
		}
	qsort(iso, (size_t)n, sizeof iso[0], by_iso);
	for (int i = 0; i < n; i++) {
		cols->label[i] = ro_country(o, iso[i]);
		cols->kind[i] = RO_NAT;
		snprintf(cols->hxl_nat[i], sizeof cols->hxl_nat[i], "+nat_%c%c%c", iso[i][0] | 0x20, iso[i][1] | 0x20,
		         iso[i][2] | 0x20);
		cols->hxl[i] = cols->hxl_nat[i];
	}
	cols->label[n] = _("Unknown nationality");
	cols->kind[n++] = RO_NAT_UNKNOWN;
	cols->label[n] = _("Other nationalities");
	cols->kind[n++] = RO_NAT_OTHER;
	cols->label[n] = _("Total");
	cols->hxl[n] = "";
	cols->kind[n++] = RO_TOTAL;
	cols->n = n;
}

long ro_value(const struct ro_cols *cols, int i, const struct report_counts *c, enum report_by by)
{
	switch (cols->kind[i]) {
	case RO_FIXED:
		return report_column_value(by, cols->fixed[i], c);
	case RO_NAT:
		for (int k = 0; k < c->nnat; k++)
			if (strcmp(c->nat[k].iso3, cols->iso[i]) == 0)
				return c->nat[k].n;
		return 0;
	case RO_NAT_UNKNOWN:
		return c->nat_unknown;
	case RO_NAT_OTHER: {
		/* Beyond the engine's room, and any nationality without a column. */
		long n = c->nat_other;
		for (int k = 0; k < c->nnat; k++) {
			bool has = false;
			for (int j = 0; j < cols->n && !has; j++)
				has = cols->kind[j] == RO_NAT && strcmp(c->nat[k].iso3, cols->iso[j]) == 0;
			if (!has)
				n += c->nat[k].n;
		}
		return n;
	}
	case RO_TOTAL:
		break;
	}
	return c->total;
}

enum status report_write(FILE *out, const struct report_result *r, const struct report_out_options *o, char *err,
                         size_t err_size)
{
	if (err_size)
		err[0] = '\0';
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	if (!m)
		return ST_NOMEM;
	bool failed = false;
	if (o->format == REPORT_TEXT)
		failed = !ro_text(m, r, o);
	else
		failed = !ro_csv(m, r, o);
	failed = failed || ferror(m) != 0;
	if (fclose(m) != 0 || failed || !buf) {
		free(buf);
		return ST_NOMEM;
	}
	enum status st = report_encode(out, buf, len, o->encoding, 1, err, err_size);
	free(buf);
	return st;
}
