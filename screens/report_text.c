/* A computed table laid out as text for the reports screen: the lines
 * with their labels (wrapped, never cut), the breakdown's columns aligned
 * and right-aligned, in blocks when they do not fit beside the labels; the
 * nationality breakdown as one row per nationality under each line; then
 * what each line counts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "db/refdata.h"
#include "db/report.h"
#include "report_private.h"
#include "ui/textpage.h"

/* The narrowest label column beside numbers before the columns go into a
 * second block. */
#define LABEL_MIN 26
/* The width of the nationality rows' one number. */
#define NAT_NUM 10

static int digits(long v)
{
	char buf[24];
	return snprintf(buf, sizeof buf, "%ld", v);
}

/* The heads of columns [from, to) right-aligned in their widths after
 * label_end blanks. */
static void add_heads(struct textpage *p, int label_end, const char *const *heads, const int *w, int from, int to)
{
	char l[TEXTPAGE_BYTES];
	int len = snprintf(l, sizeof l, "%*s", label_end, "");
	for (int i = from; i < to && len < (int)sizeof l; i++)
		len += snprintf(l + len, sizeof l - (size_t)len, "%*s%s", w[i] - text_width(heads[i]), "", heads[i]);
	textpage_add(p, A_BOLD, l);
}

/* The lines with the columns [from, to) of the breakdown, and the total
 * (column total, or -1) after them. */
static void add_block(struct textpage *p, const struct report_view *v, const char *const *heads, const int *w,
                      int from, int to, int total, int label_end)
{
	const struct report_result *r = v->result;
	int cols[REPORT_COLS_MAX + 1], nc = 0;
	for (int i = from; i < to; i++)
		cols[nc++] = i;
	if (total >= 0)
		cols[nc++] = total;
	char l[TEXTPAGE_BYTES];
	int len = snprintf(l, sizeof l, "%*s", label_end, "");
	for (int k = 0; k < nc && len < (int)sizeof l; k++)
		len += snprintf(l + len, sizeof l - (size_t)len, "%*s%s", w[cols[k]] - text_width(heads[cols[k]]), "",
		                heads[cols[k]]);
	textpage_add(p, A_BOLD, l);
	for (int line = 0; line < r->nlines; line++) {
		char nums[TEXTPAGE_BYTES];
		len = 0;
		nums[0] = '\0';
		for (int k = 0; k < nc && len < (int)sizeof nums; k++)
			len += snprintf(nums + len, sizeof nums - (size_t)len, "%*ld", w[cols[k]],
			                report_column_value(v->by, cols[k], &r->lines[line]));
		int indent = 2 + 2 * r->def->lines[line].indent;
		textpage_add_wrapped(p, 0, indent, label_end, _(r->def->lines[line].label), nums);
	}
}

/* The table in columns; when they do not all fit beside the labels, in
 * blocks of columns, each ending with the total. */
static void add_columns(struct textpage *p, const struct report_view *v, int cols)
{
	const char *labels[REPORT_COLS_MAX], *hxl[REPORT_COLS_MAX], *heads[REPORT_COLS_MAX];
	int w[REPORT_COLS_MAX];
	int n = report_columns(v->by, labels, hxl);
	int all = 0;
	for (int i = 0; i < n; i++) {
		heads[i] = _(labels[i]);
		w[i] = text_width(heads[i]);
		for (int l = 0; l < v->result->nlines; l++) {
			int d = digits(report_column_value(v->by, i, &v->result->lines[l]));
			if (d > w[i])
				w[i] = d;
		}
		w[i] += 2;
		all += w[i];
	}
	if (n <= 1 || 2 + LABEL_MIN + all <= cols) {
		add_block(p, v, heads, w, 0, n, -1, cols - all);
		return;
	}
	int total = n - 1, blocks = 0;
	for (int from = 0; from < total; blocks++) {
		int to = from, sum = w[total];
		while (to < total && 2 + LABEL_MIN + sum + w[to] <= cols) {
			sum += w[to];
			to++;
		}
		if (to == from)
			sum += w[to++];   /* one column at least, however narrow the screen */
		if (blocks)
			textpage_add(p, 0, "");
		char note[160];
		snprintf(note, sizeof note, _("Columns %d to %d of %d, and the total"), from + 1, to, total);
		textpage_add(p, A_DIM, note);
		add_block(p, v, heads, w, from, to, total, cols - sum);
		from = to;
	}
}

/* A nationality and its count, for sorting. */
struct nat_row {
	char iso3[4];
	long n;
};

static int by_count(const void *a, const void *b)
{
	const struct nat_row *x = a, *y = b;
	if (x->n != y->n)
		return x->n < y->n ? 1 : -1;
	return strcmp(x->iso3, y->iso3);
}

static void add_nat_row(struct textpage *p, int indent, int label_end, const char *label, long n)
{
	char num[32];
	snprintf(num, sizeof num, "%*ld", NAT_NUM, n);
	textpage_add_wrapped(p, 0, indent, label_end, label, num);
}

/* Each line with its total, then a row per nationality, most first. */
static void add_nationalities(struct textpage *p, struct db *db, const char *lang, const struct report_view *v,
                              int cols)
{
	const struct report_result *r = v->result;
	int label_end = cols - NAT_NUM;
	const char *heads[1] = { _("Total") };
	int w[1] = { NAT_NUM };
	add_heads(p, label_end, heads, w, 0, 1);
	struct nat_row *rows = malloc(sizeof *rows * REPORT_NAT_MAX);
	if (!rows)
		return;
	for (int l = 0; l < r->nlines; l++) {
		const struct report_counts *c = &r->lines[l];
		int indent = 2 + 2 * r->def->lines[l].indent;
		char num[32];
		snprintf(num, sizeof num, "%*ld", NAT_NUM, c->total);
		textpage_add_wrapped(p, A_BOLD, indent, label_end, _(r->def->lines[l].label), num);
		int n = 0;
		for (int i = 0; i < c->nnat && i < REPORT_NAT_MAX; i++) {
			memcpy(rows[n].iso3, c->nat[i].iso3, sizeof rows[n].iso3);
			rows[n++].n = c->nat[i].n;
		}
		qsort(rows, (size_t)n, sizeof *rows, by_count);
		for (int i = 0; i < n; i++) {
			char name[324];
			if (ref_name(db, REF_COUNTRY, rows[i].iso3, lang, name, sizeof name) != ST_OK || !name[0])
				snprintf(name, sizeof name, "%s", rows[i].iso3);
			add_nat_row(p, indent + 2, label_end, name, rows[i].n);
		}
		if (c->nat_unknown)
			add_nat_row(p, indent + 2, label_end, _("Nationality not recorded"), c->nat_unknown);
		if (c->nat_other)
			add_nat_row(p, indent + 2, label_end, _("Other nationalities"), c->nat_other);
	}
	free(rows);
}

void report_text_build(struct textpage *p, struct db *db, const char *lang, const struct report_view *v, int cols)
{
	const struct report_result *r = v->result;
	char line[TEXTPAGE_BYTES * 2];
	textpage_clear(p);
	textpage_add_wrapped(p, A_BOLD, 0, cols, _(r->def->title), NULL);
	snprintf(line, sizeof line, _("Period: %s · %s · %s"), r->period.text,
	         v->centre_label && v->centre_label[0] ? v->centre_label : _("All centres"), _(report_by_label(v->by)));
	textpage_add_wrapped(p, 0, 0, cols, line, NULL);
	textpage_add(p, 0, "");
	if (v->by == REPORT_BY_NATIONALITY)
		add_nationalities(p, db, lang, v, cols);
	else
		add_columns(p, v, cols);
	textpage_add(p, 0, "");
	textpage_add(p, A_BOLD, _("What the lines count"));
	textpage_add_wrapped(p, 0, 0, cols, _(r->def->definition), NULL);
	for (int l = 0; l < r->nlines; l++) {
		const struct report_line *rl = &r->def->lines[l];
		/* TRANSLATORS: a line of a table, what it counts, its definition. */
		snprintf(line, sizeof line, _("%s (%s): %s"), _(rl->label),
		         _(report_count_label(rl->count)), _(rl->definition));
		textpage_add_wrapped(p, 0, 2, cols, line, NULL);
	}
	if (p->n == TEXTPAGE_LINES) {
		/* Never cut silently: the last line says the page is full. */
		struct textpage_line *last = &p->lines[TEXTPAGE_LINES - 1];
		text_fit(_("… the table goes on: export it (F6) to read it whole."), cols, last->text, sizeof last->text);
		last->attr = A_BOLD;
	}
}
