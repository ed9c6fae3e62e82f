/* A computed table as CSV, and as HXL (the same CSV with a row of HXL
 * hashtags under the headings): one row per line of the table with the
 * period, the place, the line's key, label and what it counts, the counts
 * and the line's definition; a last row holds the table's own definition.
 * Every field goes through csvout (spreadsheet formulas defused, controls
 * replaced). UTF-8; report_write encodes it. */
#include <stdlib.h>
#include <string.h>

#include "core/csvout.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/report_out_private.h"
#include "db/report.h"

/* The fields before the counts, and the definition after them. */
enum { F_PERIOD, F_FROM, F_TO, F_COUNTRY, F_ADM1, F_CENTRE, F_LINE, F_LABEL, F_COUNTING, F_LEAD_ };

#define CELL_SIZE 24

/* The last day of the period: the day before its end. */
static void last_day(const char *to, char *out, size_t size)
{
	int y, m, d;
	if (sscanf(to, "%4d-%2d-%2d", &y, &m, &d) != 3) {
		snprintf(out, size, "%s", to);
		return;
	}
	if (--d == 0) {
		if (--m == 0) {
			m = 12;
			y--;
		}
		d = date_days_in_month(y, m);
	}
	snprintf(out, size, "%04d-%02d-%02d", y, m, d);
}

bool ro_csv(FILE *m, const struct report_result *r, const struct report_out_options *o)
{
	bool ok = false;
	struct ro_cols *cols = calloc(1, sizeof *cols);
	const char **f = calloc(RO_COLS_MAX + F_LEAD_ + 1, sizeof *f);
	char (*cells)[CELL_SIZE] = calloc(RO_COLS_MAX, CELL_SIZE);
	char (*tags)[48] = calloc(RO_COLS_MAX, 48);
	long *v = calloc(RO_COLS_MAX, sizeof *v);
	enum report_cell *how = calloc(RO_COLS_MAX, sizeof *how);
	if (!cols || !f || !cells || !tags || !v || !how)
		goto out;
	ro_cols_make(cols, r, o);
	int n = F_LEAD_ + cols->n + 1;
	int threshold = o->suppress > 0 ? o->suppress : 0;

	static const char *const heads[F_LEAD_] = {
		N_("Period"), N_("From"), N_("To"), N_("Country"), N_("Region"), N_("Centre"),
		N_("Line"), N_("Label"), N_("Counting"),
	};
	for (int i = 0; i < F_LEAD_; i++)
		f[i] = _(heads[i]);
	for (int i = 0; i < cols->n; i++)
		f[F_LEAD_ + i] = cols->label[i];
	f[n - 1] = _("Definition");
	csvout_row(m, f, n);

	if (o->format == REPORT_HXL) {
		static const char *const tag[F_LEAD_] = {
			"#date", "#date+start", "#date+end", "#country+code", "#adm1+code", "#loc+name",
			"#indicator+code", "#indicator+name", "#meta+counting",
		};
		for (int i = 0; i < F_LEAD_; i++)
			f[i] = tag[i];
		for (int i = 0; i < cols->n; i++) {
			if (cols->hxl[i])
				snprintf(tags[i], sizeof tags[i], "#reached%s", cols->hxl[i]);
			f[F_LEAD_ + i] = tags[i];
		}
		f[n - 1] = "#meta+definition";
		csvout_row(m, f, n);
	}

	char last[16];
	last_day(r->period.to, last, sizeof last);
	f[F_PERIOD] = r->period.text;
	f[F_FROM] = r->period.from;
	f[F_TO] = last;
	f[F_COUNTRY] = o->country ? o->country : "";
	f[F_ADM1] = o->adm1 ? o->adm1 : "";
	f[F_CENTRE] = o->centre_label && o->centre_label[0] ? o->centre_label : _("All centres");
	for (int l = 0; l < r->nlines; l++) {
		const struct report_line *line = &r->def->lines[l];
		f[F_LINE] = line->key;
		f[F_LABEL] = _(line->label);
		f[F_COUNTING] = ro_counting(line->count);
		for (int i = 0; i < cols->n; i++)
			v[i] = ro_value(cols, i, &r->lines[l], o->by);
		report_suppress_row(v, cols->n, threshold, how);
		for (int i = 0; i < cols->n; i++) {
			ro_cell(cells[i], CELL_SIZE, v[i], how[i], threshold);
			f[F_LEAD_ + i] = cells[i];
		}
		f[n - 1] = _(line->definition);
		csvout_row(m, f, n);
	}
	/* The table's own definition: a row without a line key or counts. */
	f[F_LINE] = "";
	f[F_LABEL] = _(r->def->title);
	f[F_COUNTING] = "";
	for (int i = 0; i < cols->n; i++)
		f[F_LEAD_ + i] = "";
	f[n - 1] = _(r->def->definition);
	csvout_row(m, f, n);
	ok = true;
out:
	free(cols), free(f), free(cells), free(tags), free(v), free(how);
	return ok;
}
