/* The audit trail (administrators): who did what, when, from where;
 * filtered by account, by record and by dates. Newest first. */
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/perm.h"
#include "core/text.h"
#include "db/audit.h"
#include "db/audit_text.h"
#include "screens/admin.h"
#include "screens/screens.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/lang.h"
#include "ui/list.h"

enum { F_USER, F_FROM, F_TO, F_COUNT };
enum { ACT_APPLY = 1, ACT_OPEN };

static const struct field_def fields[F_COUNT] = {
	[F_USER] = { .label = N_("Account"), .type = FIELD_TEXT, .maxlen = 32 },
	/* Filters take whole days. */
	[F_FROM] = { .label = N_("From (date)"), .type = FIELD_DATE, .full_date = true },
	[F_TO] = { .label = N_("To (date)"), .type = FIELD_DATE, .full_date = true },
};

static const struct binding bindings[] = {
	{ ACT_APPLY, { '\n', UI_KEYCODE(KEY_F(5)), 0, 0 }, N_("Filter"),
	  N_("Show the rows that match the filters (Tab moves between them); once shown, Enter opens the "
	     "selected row") },
	{ ACT_OPEN, { UI_KEYCODE(KEY_F(3)), UI_CTRL('O'), 0, 0 }, N_("Details"),
	  N_("Open the selected row in full") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct list_column columns[] = {
	{ N_("When (UTC)"), 16, false },
	{ N_("Account"), 12, false },
	{ N_("Action"), 14, false },
	{ N_("Record"), 14, true },
	{ N_("Changes"), 0, true },
};

struct audit_screen {
	struct app *app;
	struct audit_target target;
	bool has_target;
	struct form form;
	struct list list;
	char user[64], from[16], to[16];
};

struct fill {
	struct app *app;
	struct list_row *rows;
	int n;
};

/* Copies a row of the trail into the list. */
static void add_row(const struct audit_row *a, void *ctx)
{
	struct fill *f = ctx;
	struct list_row *r = &f->rows[f->n];
	r->key.id = a->id;
	/* The day as users write it (DD/MM/YYYY), the time in UTC. */
	snprintf(r->cells[0], sizeof r->cells[0], "%.2s/%.2s/%.4s %.5s", strlen(a->at) >= 10 ? a->at + 8 : "",
	         strlen(a->at) >= 10 ? a->at + 5 : "", a->at, strlen(a->at) > 11 ? a->at + 11 : "");
	snprintf(r->cells[1], sizeof r->cells[1], "%s", a->user_name);
	snprintf(r->cells[2], sizeof r->cells[2], "%s", _(audit_action_label(a->action)));
	/* A case number or an account name, never a row id. */
	audit_record_text(app_db(f->app), a->entity, a->entity_id, r->cells[3], sizeof r->cells[3]);
	/* In words; the whole row opens with Details. */
	char text[1024];
	audit_describe(app_db(f->app), lang_get(), a->action, a->entity, a->entity_id, a->changes, "; ", text,
	               sizeof text);
	text_fit(text, LIST_CELL - 1, r->cells[4], sizeof r->cells[4]);
	f->n++;
}

/* The list's source: the filtered trail, a page by id either way, so that
 * End reads the oldest page directly however long the trail is. */
static int fetch(void *ctx, enum page_dir dir, const struct list_key *key, int limit, struct list_row *rows,
                 bool *more)
{
	struct audit_screen *s = ctx;
	struct audit_filter filter = {
		.since = s->from[0] ? s->from : NULL,
		.until = s->to[0] ? s->to : NULL,
		.user_name = s->user[0] ? s->user : NULL,
		.entity = s->has_target ? s->target.entity : NULL,
		.entity_id = s->has_target ? s->target.id : 0,
	};
	struct fill f = { s->app, rows, 0 };
	enum status st = audit_page(app_db(s->app), &filter, dir, key ? key->id : 0, limit, add_row, &f, more);
	return st == ST_OK ? f.n : -1;
}

static enum status audit_enter(struct app *app, void *state, const void *arg)
{
	struct audit_screen *s = state;
	s->app = app;
	if (arg) {
		s->target = *(const struct audit_target *)arg;
		s->has_target = true;
	}
	form_init(&s->form, fields, F_COUNT);
	list_init(&s->list, columns, 5, fetch, s);
	return ST_OK;
}

/* Takes the filters from the form and reloads the list. */
static enum ui_result apply(struct app *app, struct audit_screen *s)
{
	if (!form_validate(&s->form)) {
		app_error(app, _("Some fields need attention."));
		return UI_HANDLED;
	}
	form_get(&s->form, F_USER, s->user, sizeof s->user);
	form_get(&s->form, F_FROM, s->from, sizeof s->from);
	form_get(&s->form, F_TO, s->to, sizeof s->to);
	s->form.changed = false;
	list_reload(&s->list);
	return UI_HANDLED;
}

/* Opens the selected row in full. */
static enum ui_result open_row(struct app *app, struct audit_screen *s)
{
	const struct list_row *cur = list_current(&s->list);
	if (cur)
		audit_row_open(app, cur->key.id);
	return UI_HANDLED;
}

static enum ui_result audit_input(struct app *app, void *state, int key)
{
	struct audit_screen *s = state;
	if (list_key(&s->list, key))
		return UI_HANDLED;
	/* Enter filters when a filter was typed, else opens the row. */
	if (key == '\n')
		return s->form.changed || list_empty(&s->list) ? apply(app, s) : open_row(app, s);
	enum form_result r = form_key(&s->form, key);
	return r == FORM_IGNORED ? UI_IGNORED : UI_HANDLED;
}

static enum ui_result audit_action(struct app *app, void *state, int action)
{
	return action == ACT_APPLY ? apply(app, state) : action == ACT_OPEN ? open_row(app, state) : UI_IGNORED;
}

static void audit_draw(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct audit_screen *s = state;
	int rows = getmaxy(win), cols = getmaxx(win);
	char line[256];
	if (s->has_target)
		snprintf(line, sizeof line, _("History of %s"), s->target.title);
	else
		snprintf(line, sizeof line, "%s", _("All activity"));
	ui_put(win, 0, 2, cols - 4, A_BOLD, line);
	list_draw(&s->list, win, 6, rows - 9);
	/* The selected row's changes in full, below the list. */
	const struct list_row *cur = list_current(&s->list);
	if (cur && cur->cells[4][0])
		ui_put_wrapped(win, rows - 2, 2, cols - 4, 2, 0, cur->cells[4]);
	form_draw(&s->form, win, 1, F_COUNT + 2);
}

static bool audit_typing(struct app *app, void *state)
{
	(void)app;
	return form_typing(&((struct audit_screen *)state)->form);
}

static const struct screen screen_audit = {
	.name = "audit",
	.title = N_("Audit trail"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_AUDIT_READ),
	.state_size = sizeof(struct audit_screen),
	.bindings = bindings,
	.enter = audit_enter,
	.draw = audit_draw,
	.input = audit_input,
	.action = audit_action,
	.typing = audit_typing,
};

enum status audit_open(struct app *app, const struct audit_target *target)
{
	return app_push(app, &screen_audit, target);
}
