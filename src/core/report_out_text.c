/* A computed table as plain text for people: title, period and centre,
 * one row per line (labels wrapped, never cut; "of whom" lines indented),
 * the counts right-aligned by display width, nationalities as sub-rows,
 * and the definitions at the end. UTF-8; report_write encodes it. */
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/report_out_private.h"
#include "core/text.h"
#include "db/report.h"

/* The page is this wide unless the counts need more. */
#define PAGE_COLS 79
#define LABEL_MIN 18
#define CELL_SIZE 24

/* Writes n spaces. */
static void spaces(FILE *m, int n)
{
	for (int i = 0; i < n; i++)
		fputc(' ', m);
}

/* Writes s (already safe) padded to cols columns, on the left or right. */
static void padded(FILE *m, const char *s, int cols, bool right)
{
	int pad = cols - text_width(s);
	if (right)
		spaces(m, pad);
	fputs(s, m);
	if (!right)
		spaces(m, pad);
}

/* The bytes of the longest start of s (safe text, no leading space) that
 * fits in width columns, ending at a word's end when one does; a word
 * wider than the width is cut between characters. At least one
 * character. */
static size_t wrap_piece(const char *s, int width)
{
	size_t best = 0;
	const char *p = s;
	char *tmp = malloc(strlen(s) + 1);
	if (!tmp)
		return strlen(s);
	for (;;) {
		const char *e = strchr(p, ' ');
		if (!e)
			e = p + strlen(p);
		size_t n = (size_t)(e - s);
		memcpy(tmp, s, n);
		tmp[n] = '\0';
		if (text_width(tmp) > width)
			break;
		best = n;
		if (!*e)
			break;
		p = e + 1;
	}
	if (best == 0) {
		size_t size = strlen(s) + 1;
		text_fit(s, width, tmp, size);
		best = strlen(tmp);
		if (best == 0) {   /* a character wider than the width: take it anyway */
			best = 1;
			while (s[best] && ((unsigned char)s[best] & 0xC0) == 0x80)
				best++;
		}
	}
	free(tmp);
	return best;
}

/* Writes safe text s wrapped to width columns, each line after a margin of
 * indent spaces (the first line's margin too when first is true). */
static void wrapped(FILE *m, const char *s, int indent, int width, bool first)
{
	bool line_one = true;
	while (*s == ' ')
		s++;
	while (*s) {
		if (!line_one || first)
			spaces(m, indent);
		size_t n = wrap_piece(s, width);
		fwrite(s, 1, n, m);
		fputc('\n', m);
		s += n;
		while (*s == ' ')
			s++;
		line_one = false;
	}
}

/* A safe copy of text in buf (size bytes). */
static const char *safe(const char *text, char *buf, size_t size)
{
	text_sanitize(text ? text : "", buf, size);
	return buf;
}

struct layout {
	struct ro_cols cols;
	int w[RO_COLS_MAX];   /* each count column's width */
	char head[2][RO_COLS_MAX][128];   /* each column's heading on one or two lines (bottom-aligned) */
	int label_w;          /* the labels */
	int threshold;
};

/* Writes one row: label wrapped to its column (after indent spaces), the
 * cells on its first line; cells NULL: the headings' line heads. */
static void row(FILE *m, const struct layout *L, const char *label, int indent, const char (*cells)[CELL_SIZE],
                int heads)
{
	char text[1024];
	safe(label, text, sizeof text);
	int width = L->label_w - indent;
	const char *s = text;
	while (*s == ' ')
		s++;
	size_t n = *s ? wrap_piece(s, width) : 0;
	char first[1024];
	memcpy(first, s, n);
	first[n] = '\0';
	spaces(m, indent);
	padded(m, first, width, false);
	for (int i = 0; i < L->cols.n; i++) {
		fputc(' ', m);
		padded(m, cells ? cells[i] : L->head[heads][i], L->w[i], true);
	}
	fputc('\n', m);
	if (s[n])
		wrapped(m, s + n, indent + 2, width - 2 > 4 ? width - 2 : width, true);
}

/* Splits heading text (safe) into two lines when it is wider than the
 * counts under it (at the space that makes the wider part narrowest);
 * returns the column's width. */
static int heading(const char *text, int counts_w, char *top, char *bottom, size_t size)
{
	snprintf(top, size, "%s", "");
	snprintf(bottom, size, "%s", text);
	int best = text_width(text);
	if (best <= counts_w)
		return counts_w;
	for (const char *sp = strchr(text, ' '); sp; sp = strchr(sp + 1, ' ')) {
		char a[128];
		size_t n = (size_t)(sp - text);
		if (n >= sizeof a)
			break;
		memcpy(a, text, n);
		a[n] = '\0';
		int w = text_width(a) > text_width(sp + 1) ? text_width(a) : text_width(sp + 1);
		if (w < best) {
			best = w;
			snprintf(top, size, "%s", a);
			snprintf(bottom, size, "%s", sp + 1);
		}
	}
	return best > counts_w ? best : counts_w;
}

/* The cells of counts c, suppressed as asked, into cells. */
static void cells_of(const struct layout *L, const struct report_counts *c, enum report_by by,
                     char (*cells)[CELL_SIZE])
{
	long v[RO_COLS_MAX];
	enum report_cell how[RO_COLS_MAX];
	for (int i = 0; i < L->cols.n; i++)
		v[i] = ro_value(&L->cols, i, c, by);
	report_suppress_row(v, L->cols.n, L->threshold, how);
	for (int i = 0; i < L->cols.n; i++)
		ro_cell(cells[i], CELL_SIZE, v[i], how[i], L->threshold);
}

struct nat_row {
	const char *iso3;
	long n;
};

static int by_count(const void *a, const void *b)
{
	const struct nat_row *x = a, *y = b;
	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return strcmp(x->iso3, y->iso3);
}

/* The sub-rows of line c by nationality: most numerous first, then
 * unknown and other; suppressed together with the line's total. */
static void nat_rows(FILE *m, const struct layout *L, const struct report_out_options *o,
                     const struct report_counts *c, int indent)
{
	int n = c->nnat;
	struct nat_row *rows = malloc(sizeof *rows * (size_t)(n + 1));
	long *v = malloc(sizeof *v * (size_t)(n + 3));
	enum report_cell *how = malloc(sizeof *how * (size_t)(n + 3));
	if (!rows || !v || !how) {
		free(rows), free(v), free(how);
		return;
	}
	for (int k = 0; k < n; k++)
		rows[k] = (struct nat_row){ c->nat[k].iso3, c->nat[k].n };
	qsort(rows, (size_t)n, sizeof *rows, by_count);
	for (int k = 0; k < n; k++)
		v[k] = rows[k].n;
	v[n] = c->nat_unknown;
	v[n + 1] = c->nat_other;
	v[n + 2] = c->total;
	report_suppress_row(v, n + 3, L->threshold, how);
	char cells[1][CELL_SIZE];
	char name[512];
	for (int k = 0; k < n + 2; k++) {
		if (k >= n && v[k] == 0)
			continue;
		ro_cell(cells[0], CELL_SIZE, v[k], how[k], L->threshold);
		if (k < n)
			safe(ro_country(o, rows[k].iso3), name, sizeof name);
		row(m, L, k < n ? name : k == n ? _("Unknown nationality") : _("Other nationalities"), indent,
		    (const char (*)[CELL_SIZE])cells, 0);
	}
	free(rows), free(v), free(how);
}

/* The table, lines still padded with spaces at their end. */
static void ro_text_padded(FILE *m, const struct report_result *r, const struct report_out_options *o)
{
	struct layout *L = calloc(1, sizeof *L);
	char (*cells)[CELL_SIZE] = calloc(RO_COLS_MAX, CELL_SIZE);
	if (!L || !cells) {
		free(L), free(cells);
		fputs("\n", m);
		return;
	}
	L->threshold = o->suppress > 0 ? o->suppress : 0;
	struct report_out_options only_total = *o;
	bool by_nat = o->by == REPORT_BY_NATIONALITY;
	if (by_nat)
		only_total.by = REPORT_BY_TOTAL;   /* the nationalities are sub-rows */
	ro_cols_make(&L->cols, r, &only_total);

	/* The widths: each column as wide as its counts and its heading,
	 * which takes two lines rather than widen a column much. */
	int used = 0;
	for (int i = 0; i < L->cols.n; i++) {
		int counts_w = 1;
		for (int l = 0; l < r->nlines; l++) {
			cells_of(L, &r->lines[l], only_total.by, cells);
			int w = text_width(cells[i]);
			if (w > counts_w)
				counts_w = w;
		}
		char head[sizeof L->head[0][0]];
		L->w[i] = heading(safe(L->cols.label[i], head, sizeof head), counts_w, L->head[0][i], L->head[1][i],
		                  sizeof L->head[0][i]);
		used += L->w[i] + 1;
	}
	L->label_w = PAGE_COLS - used > LABEL_MIN ? PAGE_COLS - used : LABEL_MIN;

	char text[1024];
	wrapped(m, safe(_(r->def->title), text, sizeof text), 0, PAGE_COLS, true);
	char head[1024];
	snprintf(head, sizeof head, "%s %s", _("Period:"), r->period.text);
	wrapped(m, safe(head, text, sizeof text), 2, PAGE_COLS - 2, false);
	const char *centre = o->centre_label && o->centre_label[0] ? o->centre_label : _("All centres");
	snprintf(head, sizeof head, "%s %s", _("Centre:"), centre);
	wrapped(m, safe(head, text, sizeof text), 2, PAGE_COLS - 2, false);
	if (r->cancelled)
		fprintf(m, "%s\n", _("Cancelled: the counts are incomplete."));
	fputc('\n', m);

	bool two = false;
	for (int i = 0; i < L->cols.n; i++)
		two = two || L->head[0][i][0];
	if (two)
		row(m, L, "", 0, NULL, 0);
	row(m, L, _("Line"), 0, NULL, 1);
	for (int l = 0; l < r->nlines; l++) {
		const struct report_line *line = &r->def->lines[l];
		/* What the lines count, said again wherever it changes. */
		if (l == 0 || report_count_heading(line->count) != report_count_heading(r->def->lines[l - 1].count))
			fprintf(m, "%s\n", _(report_count_heading(line->count)));
		int indent = line->indent > 0 ? 4 : 2;
		cells_of(L, &r->lines[l], only_total.by, cells);
		row(m, L, _(line->label), indent, (const char (*)[CELL_SIZE])cells, 0);
		if (by_nat)
			nat_rows(m, L, o, &r->lines[l], indent + 4);
	}
	if (L->threshold > 0) {
		char note[512];
		snprintf(note, sizeof note,
		         _("Counts from 1 to %d are shown as \"<%d\"; \"x\" hides a further count so that a hidden one "
		           "cannot be worked out from the total."),
		         L->threshold, L->threshold + 1);
		fputc('\n', m);
		wrapped(m, note, 0, PAGE_COLS, true);
	}

	fprintf(m, "\n%s\n", _("Definitions"));
	snprintf(head, sizeof head, _("%s: %s"), _(r->def->title), _(r->def->definition));
	wrapped(m, safe(head, text, sizeof text), 2, PAGE_COLS - 2, false);
	for (int l = 0; l < r->nlines; l++) {
		const struct report_line *line = &r->def->lines[l];
		/* TRANSLATORS: a line of a table, what it counts, its definition. */
		snprintf(head, sizeof head, _("- %s (%s): %s"), _(line->label), ro_counting(line->count),
		         _(line->definition));
		wrapped(m, safe(head, text, sizeof text), 2, PAGE_COLS - 2, false);
	}
	free(L), free(cells);
}

/* Copies text to out without the spaces that end its lines. */
static void trim_lines(FILE *out, const char *text, size_t len)
{
	size_t start = 0;
	while (start < len) {
		const char *nl = memchr(text + start, '\n', len - start);
		size_t end = nl ? (size_t)(nl - text) : len;
		size_t keep = end;
		while (keep > start && text[keep - 1] == ' ')
			keep--;
		fwrite(text + start, 1, keep - start, out);
		if (nl)
			fputc('\n', out);
		start = end + 1;
	}
}

bool ro_text(FILE *m, const struct report_result *r, const struct report_out_options *o)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *inner = open_memstream(&buf, &len);
	if (!inner)
		return false;
	ro_text_padded(inner, r, o);
	bool ok = !ferror(inner);
	ok = fclose(inner) == 0 && ok && buf;
	if (ok)
		trim_lines(m, buf, len);
	free(buf);
	return ok;
}
