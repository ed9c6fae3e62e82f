/* Writing a computed table. A first version: text and CSV in UTF-8 with
 * every count; the encodings, HXL and suppression come next. */
#include "core/report_out.h"

#include <string.h>

#include "core/csvout.h"
#include "core/i18n.h"
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

enum status report_write(FILE *out, const struct report_result *r, const struct report_out_options *o, char *err,
                         size_t err_size)
{
	if (err_size)
		err[0] = '\0';
	const char *labels[REPORT_COLS_MAX], *hxl[REPORT_COLS_MAX];
	int n = report_columns(o->by, labels, hxl);
	const char *cells[REPORT_COLS_MAX + 1];
	char nums[REPORT_COLS_MAX][24];
	cells[0] = _("Line");
	for (int i = 0; i < n; i++)
		cells[i + 1] = _(labels[i]);
	if (o->format == REPORT_TEXT)
		fprintf(out, "%s — %s\n", _(r->def->title), r->period.text);
	else
		csvout_row(out, cells, n + 1);
	for (int l = 0; l < r->nlines; l++) {
		cells[0] = _(r->def->lines[l].label);
		for (int i = 0; i < n; i++) {
			snprintf(nums[i], sizeof nums[i], "%ld", report_column_value(o->by, i, &r->lines[l]));
			cells[i + 1] = nums[i];
		}
		if (o->format == REPORT_TEXT) {
			fprintf(out, "%s", cells[0]);
			for (int i = 0; i < n; i++)
				fprintf(out, " %s", nums[i]);
			fputc('\n', out);
		} else
			csvout_row(out, cells, n + 1);
	}
	return ferror(out) ? ST_IO : ST_OK;
}
