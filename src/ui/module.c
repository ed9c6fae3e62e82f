/* The module table's shared uses: draft kinds and the home menu's layout. */
#include <string.h>

#include "core/perm.h"
#include "db/reflist.h"
#include "db/report.h"
#include "ui/module.h"

const struct module_draft *module_draft_kind(const struct module *const *modules, const char *kind)
{
	for (; kind && *modules; modules++)
		for (const struct module_draft *d = (*modules)->drafts; d && d->kind; d++)
			if (strcmp(d->kind, kind) == 0)
				return d;
	return NULL;
}

const struct reflist_def *module_reflist(const struct module *const *modules, const char *list)
{
	for (; list && *modules; modules++)
		for (const struct reflist_def *const *d = (*modules)->reflists; d && *d; d++)
			if (strcmp((*d)->list, list) == 0)
				return *d;
	return NULL;
}

const struct report_def *module_report(const struct module *const *modules, const char *name)
{
	for (; name && *modules; modules++) {
		const struct report_def *d = report_find((*modules)->reports, name);
		if (d)
			return d;
	}
	return NULL;
}

void module_reports_each(const struct module *const *modules,
                         void (*cb)(const struct module *m, const struct report_def *def, void *ctx), void *ctx)
{
	for (; *modules; modules++)
		for (const struct report_def *const *d = (*modules)->reports; d && *d; d++)
			cb(*modules, *d, ctx);
}

/* The entries of m that role may open. */
static int visible_entries(const struct module *m, int role)
{
	int n = 0;
	for (const struct module_entry *e = m->entries; e && e->open; e++)
		n += perm_allows_any(role, e->perms);
	return n;
}

/* Appends one item at the cursor, moving to the next column when the
 * current one is full. */
static void put(struct home_layout *out, const struct module *m, const struct module_entry *e, int *col,
                int *row, int ncols, int max_rows)
{
	if (*row >= max_rows) {
		if (*col + 1 < ncols) {
			(*col)++;
			*row = 0;
		} else {
			out->fits = false;
		}
	}
	if (out->n == HOME_MAX_ITEMS) {
		out->fits = false;
		return;
	}
	out->items[out->n++] = (struct home_item){ m, e, *col, *row };
	(*row)++;
	if (out->rows < *row)
		out->rows = *row;
	if (out->cols < *col + 1)
		out->cols = *col + 1;
}

/* Adds m's heading and visible entries at the cursor: a group starts a new
 * column when it would not fit below, and is parted from the one above by
 * a blank row. */
static void place(struct home_layout *out, const struct module *m, int role, int *col, int *row,
                  int ncols, int max_rows, int gap)
{
	int n = visible_entries(m, role);
	if (!n)
		return;
	if (*row > 0 && *row + gap + 1 + n > max_rows && *col + 1 < ncols) {
		(*col)++;
		*row = 0;
	}
	if (*row > 0)
		*row += gap;
	put(out, m, NULL, col, row, ncols, max_rows);
	for (const struct module_entry *e = m->entries; e && e->open; e++)
		if (perm_allows_any(role, e->perms))
			put(out, m, e, col, row, ncols, max_rows);
}

void module_home_layout(const struct module *const *modules, int role, int ncols, int max_rows,
                        struct home_layout *out)
{
	/* Groups parted by a blank row when that fits, else packed. */
	for (int gap = 1; gap >= 0; gap--) {
		memset(out, 0, sizeof *out);
		out->fits = true;
		int col = 0, row = 0;
		/* The role's own daily work first, then what every role uses,
		 * then the rest, each in table order. */
		for (int pass = 0; pass < 3; pass++)
			for (const struct module *const *m = modules; *m; m++) {
				unsigned d = (*m)->daily_roles;
				int mine = d == ROLE_ALL ? 1 : (d & ROLE_BIT(role)) ? 0 : 2;
				if (mine == pass)
					place(out, *m, role, &col, &row, ncols, max_rows, gap);
			}
		if (out->fits)
			return;
	}
}
