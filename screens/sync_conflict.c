/* One conflict between sites, whole: the record, the detail, the value
 * here and the other site's (wrapped, never cut), who changed it there and
 * when, and where it stands. The manager of the site that owns the record
 * keeps this site's value or takes the other's; the other sites are told
 * that the owner decides. Also the wording the list of conflicts shares. */
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/perm.h"
#include "core/sync_labels.h"
#include "db/refdata.h"
#include "db/sync.h"
#include "screens/person_labels.h"
#include "sync_conflict_private.h"
#include "ui/app.h"
#include "ui/draw.h"

enum { ACT_KEEP = 1, ACT_TAKE };

static const struct binding bindings[] = {
	{ ACT_KEEP, { 'k', 0, 0, 0 }, N_("Keep ours"), N_("Keep the value of this site (asked first)") },
	{ ACT_TAKE, { 't', 0, 0, 0 }, N_("Take theirs"), N_("Take the value of the other site (asked first)") },
	{ 0, { 0 }, NULL, NULL },
};

void sync_conflict_record(const struct sync_conflict *c, bool short_form, char *out, size_t size)
{
	if (c->what[0] && short_form)
		snprintf(out, size, "%s", c->what);
	else if (c->what[0])
		snprintf(out, size, "%s %s", sync_table_label(c->table), c->what);
	else
		snprintf(out, size, "%s", sync_table_label(c->table));
}

const char *sync_conflict_field(const struct sync_conflict *c)
{
	if (c->kind == SYNC_DUPLICATE)
		return _("Possibly the same person");
	if (!c->field[0])
		return _("The whole record");
	return sync_field_label(c->table, c->field);
}

void sync_conflict_value(struct app *app, const struct sync_conflict *c, bool there, bool masked, char *out,
                         size_t size)
{
	const char *v = there ? c->there : c->here;
	bool deleted = there ? c->kind == SYNC_DELETE_EDITED : c->kind == SYNC_EDIT_DELETED;
	if (c->hidden)
		snprintf(out, size, "%s", _("(hidden from your role)"));
	else if (c->kind == SYNC_DUPLICATE)
		snprintf(out, size, "%s", v);   /* case numbers: the one here, the one who came */
	else if (deleted && !v[0])
		snprintf(out, size, "%s", there ? _("(deleted there)") : _("(deleted here)"));
	else if (masked)
		snprintf(out, size, "*****");
	else if (v[0] && (strcmp(c->field, "nationality") == 0 || strcmp(c->field, "country") == 0
	                  || strcmp(c->field, "consulate_country") == 0))
		label_ref(app, REF_COUNTRY, v, out, size);
	else if (v[0] && strcmp(c->field, "language") == 0)
		label_ref(app, REF_LANGUAGE, v, out, size);
	else
		sync_value_label(c->table, c->field, v, out, size);
}

void sync_conflict_state(const struct sync_conflict *c, char *out, size_t size)
{
	if (c->kind == SYNC_DUPLICATE && c->open)
		snprintf(out, size, "%s", _("Open: registered at two sites, perhaps one person; the duplicates "
		                            "screen merges them."));
	else if (c->kind == SYNC_DUPLICATE)
		snprintf(out, size, _("Reviewed by %s."), c->decided_by);
	else if (c->open && c->hidden)
		snprintf(out, size, "%s", _("Open: a manager who may read this record chooses."));
	else if (c->open)
		snprintf(out, size, "%s",
		         c->decides ? _("Open: a manager of this site chooses.")
		                    : _("Open: decided by the site that owns the record."));
	else if (strcmp(c->decision, "kept") == 0)
		snprintf(out, size, _("Decided by %s: this site's value was kept."), c->decided_by);
	else if (strcmp(c->decision, "taken") == 0)
		snprintf(out, size, _("Decided by %s: the other site's value was taken."), c->decided_by);
	else
		snprintf(out, size, "%s", _("Decided by the site that owns the record: its value came."));
}

enum status sync_conflict_choose(struct app *app, const struct sync_conflict *c, bool take)
{
	if (!c->open) {
		app_message(app, _("This conflict is decided already."));
		return ST_INVALID;
	}
	if (!c->decides) {
		app_error(app, c->hidden ? _("Your role may not read this record: a manager who may decides.")
		                         : _("Decided by the site that owns the record."));
		return ST_DENIED;
	}
	if (c->kind == SYNC_DUPLICATE && take) {
		app_error(app, _("Perhaps one person: k marks it reviewed; the duplicates screen merges them."));
		return ST_INVALID;
	}
	if (c->kind == SYNC_EDIT_DELETED && take) {
		app_error(app, _("The record is deleted here: its change there cannot be taken (k keeps it deleted)."));
		return ST_INVALID;
	}
	char q[256];
	if (c->kind == SYNC_DUPLICATE)
		snprintf(q, sizeof q, "%s", _("Mark this possible duplicate as reviewed?"));
	else if (c->kind == SYNC_DELETE_EDITED && take)
		snprintf(q, sizeof q, _("Delete the record here, as %s did?"), c->there_site);
	else if (c->kind == SYNC_DELETE_EDITED)
		snprintf(q, sizeof q, "%s", _("Keep the record, and send it back to the other sites?"));
	else if (c->kind == SYNC_EDIT_DELETED)
		snprintf(q, sizeof q, "%s", _("Keep the record deleted, at every site?"));
	else if (take)
		snprintf(q, sizeof q, _("Take the value of %s for this detail?"), c->there_site);
	else
		snprintf(q, sizeof q, "%s", _("Keep the value of this site for this detail?"));
	if (!app_confirm(app, q))
		return ST_INVALID;
	enum status st = sync_conflict_decide(app_db(app), c->id, take);
	if (st == ST_OK && c->kind == SYNC_DUPLICATE)
		app_message(app, _("Marked as reviewed."));
	else if (st == ST_OK)
		app_message(app, take ? _("Decided: the other site's value is taken; the choice travels with the next bundles.")
		                      : _("Decided: this site's value is kept; the choice travels with the next bundles."));
	else if (st == ST_CONFLICT)
		app_error(app, _("The record changed again since: look at it again."));
	else
		app_error(app, _(status_msgid(st)));
	return st;
}

struct conflict_screen {
	struct sync_conflict c;
	bool gone;            /* no longer found after a change */
};

/* Finds conflict id again among every conflict, a page at a time. */
struct find {
	long long id, last;
	struct sync_conflict *out;
	bool found;
};

static enum status find_one(const struct sync_conflict *c, void *ctx)
{
	struct find *f = ctx;
	f->last = c->id;
	if (c->id == f->id) {
		*f->out = *c;
		f->found = true;
	}
	return ST_OK;
}

static void reread(struct app *app, struct conflict_screen *s)
{
	struct sync_conflict c;
	struct find f = { s->c.id, 0, &c, false };
	bool more = true;
	long long after = 0;
	while (more && !f.found) {
		if (sync_conflicts_each(app_db(app), true, after, 50, find_one, &f, &more) != ST_OK || f.last == after)
			break;
		after = f.last;
	}
	if (f.found)
		s->c = c;
	s->gone = !f.found;
}

static enum status conflict_enter(struct app *app, void *state, const void *arg)
{
	(void)app;
	struct conflict_screen *s = state;
	s->c = *(const struct sync_conflict *)arg;
	return ST_OK;
}

static enum ui_result conflict_action(struct app *app, void *state, int action)
{
	struct conflict_screen *s = state;
	if (action != ACT_KEEP && action != ACT_TAKE)
		return UI_IGNORED;
	enum status st = sync_conflict_choose(app, &s->c, action == ACT_TAKE);
	if (st == ST_OK || st == ST_CONFLICT)
		reread(app, s);
	return UI_HANDLED;
}

/* Draws "label" in bold then text wrapped below it; returns the next row. */
static int block(WINDOW *win, int y, int cols, int rows, const char *label, const char *text)
{
	if (y >= rows)
		return y;
	ui_put(win, y++, 2, cols - 4, A_BOLD, label);
	return y + ui_put_wrapped(win, y, 4, cols - 6, rows - y, 0, text);
}

static void conflict_draw(struct app *app, void *state, WINDOW *win)
{
	struct conflict_screen *s = state;
	const struct sync_conflict *c = &s->c;
	int cols = getmaxx(win), rows = getmaxy(win), y = 0;
	char line[512], value[SYNC_VALUE_MAX * 2], when[32], arrived[32];
	bool masked = app_privacy(app);
	char record[200];
	sync_conflict_record(c, false, record, sizeof record);
	snprintf(line, sizeof line, "%s · %s", record, sync_conflict_field(c));
	y += ui_put_wrapped(win, y, 2, cols - 4, 2, A_BOLD, line);
	y++;
	sync_conflict_value(app, c, false, masked, value, sizeof value);
	y = block(win, y, cols, rows, _("Value at this site:"), value);
	sync_conflict_value(app, c, true, masked, value, sizeof value);
	snprintf(line, sizeof line, _("Value at %s:"), c->there_site);
	y = block(win, y, cols, rows, line, value);
	sync_when_text(c->there_at, when, sizeof when);
	sync_when_text(c->at, arrived, sizeof arrived);
	snprintf(line, sizeof line, _("Changed at %s by %s on %s UTC; arrived here on %s UTC."), c->there_site,
	         c->there_user, when, arrived);
	y++;
	y += ui_put_wrapped(win, y, 2, cols - 4, rows - y, 0, line);
	sync_conflict_state(c, line, sizeof line);
	y += ui_put_wrapped(win, y, 2, cols - 4, rows - y, A_BOLD, line);
	if (masked && y < rows)
		ui_put(win, y++, 2, cols - 4, 0, _("Privacy mode hides the values (F8 shows them)."));
	if (s->gone && y < rows)
		ui_put(win, y, 2, cols - 4, 0, _("This conflict is no longer in the list."));
}

static const struct screen screen_sync_conflict = {
	.name = "sync_conflict",
	.title = N_("Conflict between sites"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_SYNC_DECIDE),
	.state_size = sizeof(struct conflict_screen),
	.bindings = bindings,
	.help_text = N_("The same detail of a record was changed at this site and at another one while they "
	                "were apart. Nothing was overwritten: the site that owns the record chooses which "
	                "value stays, and its choice goes to the other sites with the next bundles."),
	.enter = conflict_enter,
	.draw = conflict_draw,
	.action = conflict_action,
};

enum status sync_conflict_open(struct app *app, const struct sync_conflict *c)
{
	return app_push(app, &screen_sync_conflict, c);
}
