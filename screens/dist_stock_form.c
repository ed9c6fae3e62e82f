/* The form of a stock move of one item at the user's centre: a receipt
 * (how many, a supplier or waybill in the note), an issue other than at
 * the counter (how many, why) or a count (how many counted: the
 * difference with the balance is recorded). The rules are the data
 * layer's (db/dist_stock_move.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/perm.h"
#include "core/text.h"
#include "db/dist_stock.h"
#include "db/dist_stock_move.h"
#include "db/user.h"
#include "screens/dist_stock_screens.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/lang.h"

enum { F_QTY, F_NOTE, F_COUNT };

static const struct binding bindings[] = {
	{ ACT_SUBMIT, { UI_KEYCODE(KEY_F(2)), UI_CTRL('S'), 0, 0 }, N_("Save"),
	  N_("Record the move (Enter on the last field too). A quantity from 1 to 1,000,000 (a count from 0); "
	     "an issue says why in the note and cannot take more than the balance") },
	{ 0, { 0 }, NULL, NULL },
};

struct stock_arg {
	long long item;
	const char *kind;
};

struct stock_form {
	char kind[8];
	char centre[8];
	struct dist_item item;
	long long balance;
	struct field_def defs[F_COUNT];
	struct form form;
};

static enum status form_enter(struct app *app, void *state, const void *arg)
{
	struct stock_form *s = state;
	const struct stock_arg *a = arg;
	if (!a || !a->kind)
		return ST_NOT_FOUND;
	snprintf(s->kind, sizeof s->kind, "%s", a->kind);
	const struct user *u = app_user(app);
	snprintf(s->centre, sizeof s->centre, "%s", u ? u->centre_code : "");
	enum status st = dist_item_get(app_db(app), a->item, &s->item);
	if (st == ST_OK)
		st = dist_stock_balance(app_db(app), s->centre, s->item.id, &s->balance, NULL);
	if (st != ST_OK)
		return st;
	bool count = strcmp(s->kind, "count") == 0;
	/* The data layer's rules apply: the form's bounds only help typing. */
	s->defs[F_QTY] = (struct field_def){ .label = count ? N_("Quantity counted") : N_("Quantity"),
	                                     .type = FIELD_NUMBER, .required = true, .min = 0,
	                                     .max = DIST_STOCK_QTY_MAX, .maxlen = 7, .name = "quantity" };
	s->defs[F_NOTE] = (struct field_def){ .label = strcmp(s->kind, "receipt") == 0 ? N_("Supplier, waybill")
	                                               : strcmp(s->kind, "issue") == 0 ? N_("Why (loss, damage...)")
	                                                                               : N_("Note"),
	                                      .type = FIELD_TEXT, .required = strcmp(s->kind, "issue") == 0,
	                                      .maxlen = DIST_STOCK_NOTE_MAX, .name = "note" };
	form_init(&s->form, s->defs, F_COUNT);
	s->form.changed = false;
	return ST_OK;
}

static void show_problem(struct app *app, struct stock_form *s, const char *name, const char *msgid)
{
	for (int i = 0; name && i < F_COUNT; i++)
		if (strcmp(s->defs[i].name, name) == 0) {
			s->form.fields[i].error = msgid;
			s->form.cur = i;
			break;
		}
	app_error(app, _(msgid));
}

static enum ui_result save(struct app *app, struct stock_form *s)
{
	struct dist_stock_entry e;
	memset(&e, 0, sizeof e);
	snprintf(e.centre_code, sizeof e.centre_code, "%s", s->centre);
	e.item_id = s->item.id;
	snprintf(e.kind, sizeof e.kind, "%s", s->kind);
	char q[16];
	form_get(&s->form, F_QTY, q, sizeof q);
	e.quantity = q[0] ? atoll(q) : -1;
	form_get(&s->form, F_NOTE, e.note, sizeof e.note);
	const char *why = NULL, *field = NULL;
	/* The rules first, each with its own message; then the form's. */
	if ((why = dist_stock_entry_problem(&e, &field)) != NULL) {
		show_problem(app, s, field, why);
		return UI_HANDLED;
	}
	if (!form_validate(&s->form)) {
		app_error(app, _("Some fields need attention."));
		return UI_HANDLED;
	}
	struct dist_stock_move m;
	long long balance = 0;
	enum status st = dist_stock_record(app_db(app), &e, &m, &balance, &why, &field);
	if (st == ST_INVALID && why) {
		show_problem(app, s, field, why);
		return UI_HANDLED;
	}
	if (st != ST_OK) {
		app_error(app, _(status_msgid(st)));
		return UI_HANDLED;
	}
	char msg[160];
	if (m.quantity == 0)
		snprintf(msg, sizeof msg, _("The count agrees with the balance (%lld): nothing to record."), balance);
	else
		snprintf(msg, sizeof msg, _("Recorded. Balance now: %lld."), balance);
	s->form.changed = false;
	app_message(app, msg);
	return UI_LEAVE;
}

static void form_draw_screen(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct stock_form *s = state;
	int cols = getmaxx(win);
	const char *what = strcmp(s->kind, "receipt") == 0 ? _("Items received")
	                   : strcmp(s->kind, "issue") == 0 ? _("Items out (loss, damage, transfer)")
	                                                   : _("Physical count");
	char line[512];
	snprintf(line, sizeof line, _("%s: %s at %s"), what, dist_item_name(&s->item, lang_get()), s->centre);
	ui_put_wrapped(win, 0, 2, cols - 4, 2, A_BOLD, line);
	snprintf(line, sizeof line, _("Balance now: %lld"), s->balance);
	ui_put(win, 2, 2, cols - 4, 0, line);
	form_draw(&s->form, win, 4, getmaxy(win) - 6);
}

static struct form *form_of(void *state)
{
	return &((struct stock_form *)state)->form;
}

static enum ui_result form_submit(struct app *app, void *state)
{
	return save(app, state);
}

static long long item_ref(void *state)
{
	return ((struct stock_form *)state)->item.id;
}

#define STOCK_SCREEN(kind)                                                                                     \
	{                                                                                                      \
		.name = "dist_stock_form", .title = N_("Stock move"), .needs_login = true,                     \
		.perms = PERM_BIT(PERM_DISTRIBUTION_WRITE), .state_size = sizeof(struct stock_form),           \
		.bindings = bindings, .enter = form_enter, .draw = form_draw_screen, .form = form_of,          \
		.submit = form_submit, .draft_kind = kind, .draft_ref = item_ref,                              \
	}
static const struct screen screen_receipt = STOCK_SCREEN("dist_stock_receipt");
static const struct screen screen_issue = STOCK_SCREEN("dist_stock_issue");
static const struct screen screen_count = STOCK_SCREEN("dist_stock_count");

static const struct screen *screen_of(const char *kind)
{
	return strcmp(kind, "receipt") == 0 ? &screen_receipt : strcmp(kind, "issue") == 0 ? &screen_issue
	                                                                                      : &screen_count;
}

enum status dist_stock_form_open(struct app *app, long long item, const char *kind)
{
	struct stock_arg a = { item, kind };
	return app_push(app, screen_of(kind), &a);
}

static enum status open_draft(struct app *app, long long ref, const char *kind, const char *json)
{
	struct stock_arg a = { ref, kind };
	return app_push_draft(app, screen_of(kind), &a, json);
}

enum status dist_stock_receipt_open_draft(struct app *app, long long ref, const char *json)
{
	return open_draft(app, ref, "receipt", json);
}

enum status dist_stock_issue_open_draft(struct app *app, long long ref, const char *json)
{
	return open_draft(app, ref, "issue", json);
}

enum status dist_stock_count_open_draft(struct app *app, long long ref, const char *json)
{
	return open_draft(app, ref, "count", json);
}
