/* The reintegration cases: the user's own by default, all of the centre's
 * with m, a status filter with s; latest return first, with the person,
 * country, the case's and its plan's status. Enter opens the case; v and
 * b the visits due and the payments planned this month (the home menu
 * has them for the officers only, to keep a manager's menu on one
 * screen). Also
 * the case file's action (the person's case, or the offer to open one)
 * and how amounts are written. */
#include <stdio.h>
#include <string.h>

#include "core/casenum.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/reint_vocab.h"
#include "core/text.h"
#include "core/vocab.h"
#include "db/refdata.h"
#include "db/reint_case.h"
#include "screens/reint_cases.h"
#include "screens/reint_money.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/lang.h"
#include "ui/list.h"

enum { ACT_OPEN = 1, ACT_MINE, ACT_STATUS, ACT_VISITS, ACT_PAYMENTS };

static const struct binding bindings[] = {
	{ ACT_OPEN, { '\n', 0, 0, 0 }, N_("Open"), N_("Open the selected case: its details, plan, payments and visits") },
	{ ACT_MINE, { 'm', UI_KEYCODE(KEY_F(3)), 0, 0 }, N_("Mine/All"),
	  N_("Show every case of the centre, or only the cases you follow again") },
	{ ACT_STATUS, { 's', UI_KEYCODE(KEY_F(4)), 0, 0 }, N_("Status"),
	  N_("Show the cases of one status in turn: open, monitoring, closed, then all") },
	{ ACT_VISITS, { 'v', 0, 0, 0 }, N_("Visits due"), N_("The visits due in the next two weeks or overdue") },
	{ ACT_PAYMENTS, { 'b', 0, 0, 0 }, N_("Payments"),
	  N_("The tranches planned this month or earlier and not paid yet") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct list_column columns[] = {
	{ N_("Returned on"), 11, false },
	{ N_("Case number"), 15, false },
	{ N_("Country"), 14, false },
	{ N_("Status"), 11, false },
	{ N_("Plan"), 12, false },
	{ N_("Name"), 0, true },
};

static const char *const statuses[] = { "", "open", "monitoring", "closed" };

struct cases_screen {
	struct app *app;
	struct list list;
	bool all;               /* every case of the centre, not only mine */
	int status;             /* index in statuses */
};

struct fill {
	struct app *app;
	struct list_row *rows;
	int n;
};

static void day_text(const char *iso, char *out, size_t size)
{
	struct pdate d;
	if (date_from_iso(iso, &d) == DATE_OK)
		date_format(&d, out, size);
	else
		snprintf(out, size, "%s", iso);
}

static const char *short_of(const struct vocab *v, const char *code)
{
	const char *s = code[0] ? vocab_short(v, code) : NULL;
	return s ? _(s) : "";
}

static void add_row(const struct reint_case_row *c, void *ctx)
{
	struct fill *f = ctx;
	struct list_row *r = &f->rows[f->n++];
	day_text(c->c.return_date, r->cells[0], sizeof r->cells[0]);
	if (!casenum_display(c->case_key, r->cells[1], sizeof r->cells[1]))
		snprintf(r->cells[1], sizeof r->cells[1], "%s", c->case_key);
	char name[324] = "";
	ref_name(app_db(f->app), REF_COUNTRY, c->c.country, lang_get(), name, sizeof name);
	text_fit(name, LIST_CELL - 1, r->cells[2], sizeof r->cells[2]);
	snprintf(r->cells[3], sizeof r->cells[3], "%s", short_of(VOCAB_REINT_CASE_STATUS, c->c.status));
	snprintf(r->cells[4], sizeof r->cells[4], "%s", short_of(VOCAB_REINT_PLAN_STATUS, c->plan_status));
	char person[2 * PERSON_NAME_MAX + 4];
	snprintf(person, sizeof person, "%s %s", c->family_name, c->given_names);
	text_fit(person, LIST_CELL - 1, r->cells[5], sizeof r->cells[5]);
	r->key.id = c->c.id;
	snprintf(r->key.text, sizeof r->key.text, "%s", c->c.return_date);
}

static int fetch(void *ctx, enum page_dir dir, const struct list_key *key, int limit, struct list_row *rows,
                 bool *more)
{
	struct cases_screen *s = ctx;
	struct fill f = { s->app, rows, 0 };
	const struct user *u = app_user(s->app);
	struct reint_case_filter filter = { u->centre_code, s->all ? 0 : u->id, statuses[s->status] };
	enum status st = reint_case_list(app_db(s->app), &filter, dir, key ? key->text : NULL, key ? key->id : 0, limit,
	                                 add_row, &f, more);
	return st == ST_OK ? f.n : -1;
}

static enum status cases_enter(struct app *app, void *state, const void *arg)
{
	(void)arg;
	struct cases_screen *s = state;
	s->app = app;
	/* A manager or a protection officer follows no case: all of them. */
	s->all = !perm_allows((int)app_user(app)->role, PERM_REINTEGRATION_WRITE);
	list_init(&s->list, columns, 6, fetch, s);
	return ST_OK;
}

static enum ui_result cases_input(struct app *app, void *state, int key)
{
	(void)app;
	struct cases_screen *s = state;
	return list_key(&s->list, key) ? UI_HANDLED : UI_IGNORED;
}

static enum ui_result cases_action(struct app *app, void *state, int action)
{
	struct cases_screen *s = state;
	switch (action) {
	case ACT_MINE:
		s->all = !s->all;
		list_reload(&s->list);
		return UI_HANDLED;
	case ACT_STATUS:
		s->status = (s->status + 1) % (int)(sizeof statuses / sizeof statuses[0]);
		list_reload(&s->list);
		return UI_HANDLED;
	case ACT_VISITS:
		reint_due_visits_open(app);
		return UI_HANDLED;
	case ACT_PAYMENTS:
		reint_due_payments_open(app);
		return UI_HANDLED;
	case ACT_OPEN: {
		const struct list_row *row = list_current(&s->list);
		if (row)
			reint_case_open(app, row->key.id);
		return UI_HANDLED;
	}
	default: return UI_IGNORED;
	}
}

static void cases_resume(struct app *app, void *state)
{
	(void)app;
	list_refresh(&((struct cases_screen *)state)->list);
}

static void cases_draw(struct app *app, void *state, WINDOW *win)
{
	struct cases_screen *s = state;
	int cols = getmaxx(win), rows = getmaxy(win);
	char line[700];
	const char *st = s->status ? vocab_label(VOCAB_REINT_CASE_STATUS, statuses[s->status]) : NULL;
	snprintf(line, sizeof line, s->all ? _("Reintegration cases of %s, latest return first") : _("My reintegration cases, latest return first"),
	         app_user(app)->centre_code);
	if (st) {
		size_t len = strlen(line);
		snprintf(line + len, sizeof line - len, " · %s", _(st));
	}
	ui_put(win, 0, 2, cols - 4, A_BOLD, line);
	s->list.privacy = app_privacy(app);
	list_draw(&s->list, win, 2, rows - 4);
	const struct list_row *row = list_current(&s->list);
	if (row) {
		/* The selected person and country whole. */
		snprintf(line, sizeof line, "%s · %s", row->cells[5], row->cells[2]);
		ui_put_wrapped(win, rows - 2, 2, cols - 4, 2, 0, app_privacy(app) ? row->cells[2] : line);
	} else {
		ui_put_wrapped(win, rows - 2, 2, cols - 4, 2, 0,
		               s->all ? _("No case. A case is opened from the person's case file (g).")
		                      : _("No case of yours. m shows every case of the centre."));
	}
}

static const struct screen screen_cases = {
	.name = "reint_cases",
	.title = N_("Reintegration cases"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_REINTEGRATION_READ),
	.state_size = sizeof(struct cases_screen),
	.bindings = bindings,
	.enter = cases_enter,
	.draw = cases_draw,
	.input = cases_input,
	.action = cases_action,
	.resume = cases_resume,
};

enum status reint_cases_open(struct app *app)
{
	return app_push(app, &screen_cases, NULL);
}

enum status reint_person_open(struct app *app, long long person)
{
	struct reint_case c;
	enum status st = reint_case_of_person(app_db(app), person, &c);
	bool writer = perm_allows((int)app_user(app)->role, PERM_REINTEGRATION_WRITE);
	if (st == ST_OK && (strcmp(c.status, "closed") != 0 || !writer))
		return reint_case_open(app, c.id);
	if (st != ST_OK && st != ST_NOT_FOUND) {
		app_error(app, _(status_msgid(st)));
		return st;
	}
	if (!writer) {
		app_message(app, _("This person has no reintegration case."));
		return ST_OK;
	}
	if (!app_confirm(app, st == ST_OK ? _("The reintegration case of this person is closed. Open a new one?")
	                                  : _("This person has no reintegration case. Open one?")))
		return st == ST_OK ? reint_case_open(app, c.id) : ST_OK;
	return reint_case_new_open(app, person);
}
