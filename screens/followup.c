/* The follow-up list of the user's centre: people due for a follow-up,
 * soonest first, overdue ones marked. Enter records the consultation; o
 * opens the case file. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/clock.h"
#include "core/casenum.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/person.h"
#include "core/text.h"
#include "db/medical.h"
#include "screens/medical.h"
#include "screens/screens.h"
#include "ui/draw.h"
#include "ui/list.h"

enum { ACT_CONSULT = 1, ACT_OPEN };

static const struct binding bindings[] = {
	{ ACT_CONSULT, { '\n', UI_KEYCODE(KEY_F(7)), 0, 0 }, N_("Consultation"),
	  N_("Record the consultation of the selected person") },
	{ ACT_OPEN, { 'o', UI_KEYCODE(KEY_F(3)), 0, 0 }, N_("Case file"), N_("Open the selected person's case file") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct list_column columns[] = {
	{ N_("Due"), 12, false },
	{ N_("Case number"), 15, false },
	{ N_("Age"), 11, false },
	{ N_("Name"), 0, true },
};

struct followup_screen {
	struct app *app;
	char today[11];
	struct list list;
};

struct fill {
	struct list_row *rows;
	int n;
};

/* Copies a line of the list. */
static void add(const struct followup *f, void *ctx)
{
	struct fill *fl = ctx;
	struct list_row *r = &fl->rows[fl->n];
	struct pdate d;
	char when[16] = "";
	if (date_from_iso(f->due, &d) == DATE_OK)
		date_format(&d, when, sizeof when);
	snprintf(r->cells[0], sizeof r->cells[0], "%s%s", f->overdue ? "! " : "  ", when);
	if (!casenum_display(f->case_key, r->cells[1], sizeof r->cells[1]))
		snprintf(r->cells[1], sizeof r->cells[1], "%s", f->case_key);
	/* The age today, children marked as in the lookup. */
	struct pdate today = clock_today();
	int years;
	bool approx, child;
	if (person_age(f->birth_date, f->birth_estimated, &today, &years, &approx, &child))
		snprintf(r->cells[2], sizeof r->cells[2], "%s%d %s", approx ? "~" : "", years, child ? _("CHILD") : "");
	else
		snprintf(r->cells[2], sizeof r->cells[2], "?");
	text_fit(f->name, LIST_CELL - 1, r->cells[3], sizeof r->cells[3]);
	/* The list's order: due date, then person. */
	snprintf(r->key.text, sizeof r->key.text, "%s", f->due);
	r->key.id = f->person_id;
	fl->n++;
}

/* The list's source, a page by key either way. */
static int fetch(void *ctx, enum page_dir dir, const struct list_key *key, int limit, struct list_row *rows,
                 bool *more)
{
	struct followup_screen *s = ctx;
	struct fill f = { rows, 0 };
	struct followup k = { .person_id = key ? key->id : 0 };
	if (key)
		text_fit(key->text, (int)sizeof k.due - 1, k.due, sizeof k.due);
	enum status st = followup_list(app_db(s->app), app_user(s->app)->centre_code, s->today, dir,
	                               key ? &k : NULL, limit, add, &f, more);
	return st == ST_OK ? f.n : -1;
}

static enum status followup_enter(struct app *app, void *state, const void *arg)
{
	(void)arg;
	struct followup_screen *s = state;
	s->app = app;
	struct pdate t = clock_today();
	date_to_iso(&t, s->today, sizeof s->today);
	list_init(&s->list, columns, 4, fetch, s);
	return ST_OK;
}

static enum ui_result followup_input(struct app *app, void *state, int key)
{
	(void)app;
	struct followup_screen *s = state;
	return list_key(&s->list, key) ? UI_HANDLED : UI_IGNORED;
}

static enum ui_result followup_action(struct app *app, void *state, int action)
{
	struct followup_screen *s = state;
	const struct list_row *row = list_current(&s->list);
	if (!row)
		return UI_HANDLED;
	long long id = row->key.id;
	if (action == ACT_CONSULT)
		consultation_open(app, id);
	else if (action == ACT_OPEN)
		casefile_open(app, id);
	else
		return UI_IGNORED;
	return UI_HANDLED;
}

/* Back from a consultation: the list changes. */
static void followup_resume(struct app *app, void *state)
{
	(void)app;
	struct followup_screen *s = state;
	list_refresh(&s->list);
}

static void followup_draw(struct app *app, void *state, WINDOW *win)
{
	struct followup_screen *s = state;
	char line[200];
	snprintf(line, sizeof line, _("Due for a follow-up at %s (! overdue)"), app_user(app)->centre_code);
	ui_put(win, 0, 2, getmaxx(win) - 4, A_BOLD, line);
	s->list.privacy = app_privacy(app);
	list_draw(&s->list, win, 2, getmaxy(win) - 2);
}

static const struct screen screen_followup = {
	.name = "followup",
	.title = N_("Follow-up list"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_MEDICAL_WRITE),
	.state_size = sizeof(struct followup_screen),
	.bindings = bindings,
	.enter = followup_enter,
	.draw = followup_draw,
	.input = followup_input,
	.action = followup_action,
	.resume = followup_resume,
};

enum status followup_open(struct app *app)
{
	return app_push(app, &screen_followup, NULL);
}
