/* The support appointments of the user's centre: people whose latest
 * support session set a next appointment, soonest first, overdue ones
 * marked. Enter (or s) records the session of the selected person; h opens
 * their support history, o their case file. Names are masked in privacy
 * mode except on the selected row. */
#include <stdio.h>
#include <string.h>

#include "core/casenum.h"
#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/person.h"
#include "core/text.h"
#include "db/psych_support.h"
#include "screens/psych_support.h"
#include "screens/screens.h"
#include "ui/draw.h"
#include "ui/list.h"

enum { ACT_SESSION = 1, ACT_HISTORY, ACT_OPEN };

static const struct binding bindings[] = {
	{ ACT_SESSION, { '\n', 's', UI_KEYCODE(KEY_F(7)), 0 }, N_("Session"),
	  N_("Record the support session of the selected person") },
	{ ACT_HISTORY, { 'h', 0, 0, 0 }, N_("History"),
	  N_("Open the selected person's support history") },
	{ ACT_OPEN, { 'o', UI_KEYCODE(KEY_F(3)), 0, 0 }, N_("Case file"), N_("Open the selected person's case file") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct list_column columns[] = {
	{ N_("Due"), 12, false },
	{ N_("Case number"), 15, false },
	{ N_("Age"), 11, false },
	{ N_("Name"), 0, true },
};

struct due_screen {
	struct app *app;
	char today[11];
	struct list list;
};

struct fill {
	struct list_row *rows;
	int n;
};

/* Copies a line of the list. */
static void add(const struct psych_due *d, void *ctx)
{
	struct fill *fl = ctx;
	struct list_row *r = &fl->rows[fl->n];
	struct pdate day;
	char when[16] = "";
	if (date_from_iso(d->due, &day) == DATE_OK)
		date_format(&day, when, sizeof when);
	snprintf(r->cells[0], sizeof r->cells[0], "%s%s", d->overdue ? "! " : "  ", when);
	if (!casenum_display(d->case_key, r->cells[1], sizeof r->cells[1]))
		snprintf(r->cells[1], sizeof r->cells[1], "%s", d->case_key);
	/* The age today, children marked as in the lookup. */
	struct pdate today = clock_today();
	int years;
	bool approx, child;
	if (person_age(d->birth_date, d->birth_estimated, &today, &years, &approx, &child))
		snprintf(r->cells[2], sizeof r->cells[2], "%s%d %s", approx ? "~" : "", years, child ? _("CHILD") : "");
	else
		snprintf(r->cells[2], sizeof r->cells[2], "?");
	text_fit(d->name, LIST_CELL - 1, r->cells[3], sizeof r->cells[3]);
	/* The list's order: due date, then person. */
	snprintf(r->key.text, sizeof r->key.text, "%s", d->due);
	r->key.id = d->person_id;
	fl->n++;
}

/* The list's source, a page by key either way. */
static int fetch(void *ctx, enum page_dir dir, const struct list_key *key, int limit, struct list_row *rows,
                 bool *more)
{
	struct due_screen *s = ctx;
	struct fill f = { rows, 0 };
	struct psych_due k = { .person_id = key ? key->id : 0 };
	if (key)
		text_fit(key->text, (int)sizeof k.due - 1, k.due, sizeof k.due);
	enum status st = psych_followup_list(app_db(s->app), app_user(s->app)->centre_code, s->today, dir,
	                                     key ? &k : NULL, limit, add, &f, more);
	return st == ST_OK ? f.n : -1;
}

static enum status due_enter(struct app *app, void *state, const void *arg)
{
	(void)arg;
	struct due_screen *s = state;
	s->app = app;
	clock_today_iso(s->today, sizeof s->today);
	list_init(&s->list, columns, 4, fetch, s);
	return ST_OK;
}

static enum ui_result due_input(struct app *app, void *state, int key)
{
	(void)app;
	struct due_screen *s = state;
	return list_key(&s->list, key) ? UI_HANDLED : UI_IGNORED;
}

static enum ui_result due_action(struct app *app, void *state, int action)
{
	struct due_screen *s = state;
	const struct list_row *row = list_current(&s->list);
	if (!row)
		return action == ACT_SESSION || action == ACT_HISTORY || action == ACT_OPEN ? UI_HANDLED : UI_IGNORED;
	long long id = row->key.id;
	if (action == ACT_SESSION)
		psych_support_open(app, id);
	else if (action == ACT_HISTORY)
		psych_person_open(app, id);
	else if (action == ACT_OPEN)
		casefile_open(app, id);
	else
		return UI_IGNORED;
	return UI_HANDLED;
}

/* Back from a session: the list changes. */
static void due_resume(struct app *app, void *state)
{
	(void)app;
	struct due_screen *s = state;
	clock_today_iso(s->today, sizeof s->today);
	list_refresh(&s->list);
}

static void due_draw(struct app *app, void *state, WINDOW *win)
{
	struct due_screen *s = state;
	char line[200];
	snprintf(line, sizeof line, _("Support appointments at %s (! overdue)"), app_user(app)->centre_code);
	ui_put(win, 0, 2, getmaxx(win) - 4, A_BOLD, line);
	s->list.privacy = app_privacy(app);
	list_draw(&s->list, win, 2, getmaxy(win) - 2);
}

static const struct screen screen_psych_followup = {
	.name = "psych_followup",
	.title = N_("Support appointments"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_PSYCH_NOTES),
	.state_size = sizeof(struct due_screen),
	.bindings = bindings,
	.enter = due_enter,
	.draw = due_draw,
	.input = due_input,
	.action = due_action,
	.resume = due_resume,
};

enum status psych_followup_open(struct app *app)
{
	return app_push(app, &screen_psych_followup, NULL);
}
