/* The protection cases: the centre's (all, or mine with m; a status with
 * s, a risk with r), latest opened first; my work: my open cases, the
 * earliest action due first so the overdue ones come first, with how many
 * actions are overdue. Enter opens the case. Also the case file's action
 * (the person's open or last case, or a new one for a writer). */
#include <stdio.h>
#include <string.h>

#include "core/casenum.h"
#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/prot_vocab.h"
#include "core/text.h"
#include "core/vocab.h"
#include "db/prot_case.h"
#include "db/user.h"
#include "prot_case_private.h"
#include "screens/prot_cases.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/list.h"

enum { ACT_OPEN = 1, ACT_MINE, ACT_STATUS, ACT_RISK, ACT_OVERDUE };

static const struct binding bindings[] = {
	{ ACT_OPEN, { '\n', 0, 0, 0 }, N_("Open"), N_("Open the selected case: its concerns and actions") },
	{ ACT_MINE, { 'm', UI_KEYCODE(KEY_F(3)), 0, 0 }, N_("Mine/All"),
	  N_("Show only the cases you follow, or every case of the centre again") },
	{ ACT_STATUS, { 's', UI_KEYCODE(KEY_F(4)), 0, 0 }, N_("Status"),
	  N_("Show the cases of one status in turn: open, closed, transferred, then all") },
	{ ACT_RISK, { 'r', 0, 0, 0 }, N_("Risk"), N_("Show the cases of one risk level in turn: high, medium, low, then all") },
	{ ACT_OVERDUE, { 'o', 0, 0, 0 }, N_("Overdue"), N_("The overdue actions of the centre's open cases") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct binding work_bindings[] = {
	{ ACT_OPEN, { '\n', 0, 0, 0 }, N_("Open"), N_("Open the selected case: its concerns and actions") },
	{ ACT_OVERDUE, { 'o', 0, 0, 0 }, N_("Overdue"), N_("Your overdue actions, the oldest due first") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct list_column columns[] = {
	{ N_("Opened"), 11, false },
	{ N_("Case number"), 15, false },
	{ N_("Risk"), 13, false },
	{ N_("Status"), 11, false },
	{ N_("Overdue"), 9, false },
	{ N_("Name"), 0, true },
};

static const struct list_column work_columns[] = {
	{ N_("Next due"), 11, false },
	{ N_("Overdue"), 9, false },
	{ N_("Case number"), 15, false },
	{ N_("Risk"), 13, false },
	{ N_("Name"), 0, true },
};

static const char *const statuses[] = { "open", "closed", "transferred", "" };
static const char *const risks[] = { "", "high", "medium", "low" };

struct cases_screen {
	struct app *app;
	struct list list;
	bool work;              /* my work: my open cases */
	bool mine;              /* only the cases I follow */
	int status, risk;       /* indexes in statuses, risks */
};

struct fill {
	struct list_row *rows;
	int n;
	bool work;
};

void prot_day_text(const char *iso, char *out, size_t size)
{
	struct pdate d;
	if (iso[0] && date_from_iso(iso, &d) == DATE_OK)
		date_format(&d, out, size);
	else
		snprintf(out, size, "%s", iso);
}

static const char *short_of(const struct vocab *v, const char *code)
{
	const char *s = code[0] ? vocab_short(v, code) : NULL;
	return s ? _(s) : "";
}

static void add_row(const struct prot_case_row *c, void *ctx)
{
	struct fill *f = ctx;
	struct list_row *r = &f->rows[f->n++];
	char key[LIST_CELL], count[16] = "", person[2 * PERSON_NAME_MAX + 4];
	if (!casenum_display(c->case_key, key, sizeof key))
		snprintf(key, sizeof key, "%s", c->case_key);
	if (c->overdue)
		snprintf(count, sizeof count, "%d", c->overdue);
	snprintf(person, sizeof person, "%s %s", c->family_name, c->given_names);
	r->key.id = c->id;
	if (f->work) {
		prot_day_text(c->next_due, r->cells[0], sizeof r->cells[0]);
		snprintf(r->cells[1], sizeof r->cells[1], "%s", count);
		snprintf(r->cells[2], sizeof r->cells[2], "%s", key);
		snprintf(r->cells[3], sizeof r->cells[3], "%s", short_of(VOCAB_PROT_RISK, c->risk));
		text_fit(person, LIST_CELL - 1, r->cells[4], sizeof r->cells[4]);
		snprintf(r->key.text, sizeof r->key.text, "%s", c->next_due);
	} else {
		prot_day_text(c->opened, r->cells[0], sizeof r->cells[0]);
		snprintf(r->cells[1], sizeof r->cells[1], "%s", key);
		snprintf(r->cells[2], sizeof r->cells[2], "%s", short_of(VOCAB_PROT_RISK, c->risk));
		snprintf(r->cells[3], sizeof r->cells[3], "%s", short_of(VOCAB_PROT_CASE_STATUS, c->status));
		snprintf(r->cells[4], sizeof r->cells[4], "%s", count);
		text_fit(person, LIST_CELL - 1, r->cells[5], sizeof r->cells[5]);
		snprintf(r->key.text, sizeof r->key.text, "%s", c->opened);
	}
}

static int fetch(void *ctx, enum page_dir dir, const struct list_key *key, int limit, struct list_row *rows,
                 bool *more)
{
	struct cases_screen *s = ctx;
	struct fill f = { rows, 0, s->work };
	const struct user *u = app_user(s->app);
	enum status st;
	if (s->work) {
		st = prot_my_cases(app_db(s->app), u->id, dir, key ? key->text : NULL, key ? key->id : 0, limit, add_row,
		                   &f, more);
	} else {
		struct prot_case_filter filter = { u->centre_code, s->mine ? u->id : 0, statuses[s->status], risks[s->risk] };
		st = prot_case_list(app_db(s->app), &filter, dir, key ? key->text : NULL, key ? key->id : 0, limit, add_row,
		                    &f, more);
	}
	return st == ST_OK ? f.n : -1;
}

static enum status cases_enter(struct app *app, void *state, const void *arg)
{
	struct cases_screen *s = state;
	s->app = app;
	s->work = arg != NULL;
	if (s->work)
		list_init(&s->list, work_columns, 5, fetch, s);
	else
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
		s->mine = !s->mine;
		list_reload(&s->list);
		return UI_HANDLED;
	case ACT_STATUS:
		s->status = (s->status + 1) % (int)(sizeof statuses / sizeof statuses[0]);
		list_reload(&s->list);
		return UI_HANDLED;
	case ACT_OVERDUE:
		prot_overdue_open(app, s->work);
		return UI_HANDLED;
	case ACT_RISK:
		s->risk = (s->risk + 1) % (int)(sizeof risks / sizeof risks[0]);
		list_reload(&s->list);
		return UI_HANDLED;
	case ACT_OPEN: {
		const struct list_row *row = list_current(&s->list);
		if (row)
			prot_case_open(app, row->key.id);
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
	if (s->work) {
		snprintf(line, sizeof line, "%s", _("My open protection cases, the earliest action due first"));
	} else {
		snprintf(line, sizeof line, s->mine ? _("My protection cases") : _("Protection cases of %s"),
		         app_user(app)->centre_code);
		const char *st = statuses[s->status][0] ? vocab_label(VOCAB_PROT_CASE_STATUS, statuses[s->status]) : NULL;
		const char *rk = risks[s->risk][0] ? vocab_label(VOCAB_PROT_RISK, risks[s->risk]) : NULL;
		size_t len = strlen(line);
		snprintf(line + len, sizeof line - len, " · %s", st ? _(st) : _("every status"));
		if (rk) {
			len = strlen(line);
			snprintf(line + len, sizeof line - len, " · %s", _(rk));
		}
	}
	ui_put(win, 0, 2, cols - 4, A_BOLD, line);
	s->list.privacy = app_privacy(app);
	list_draw(&s->list, win, 2, rows - 4);
	const struct list_row *row = list_current(&s->list);
	if (row) {
		char whole[LIST_MAX_COLS * LIST_CELL];
		list_current_whole(&s->list, app_privacy(app), whole, sizeof whole);
		ui_put_wrapped(win, rows - 2, 2, cols - 4, 2, 0, whole);
	} else {
		ui_put_wrapped(win, rows - 2, 2, cols - 4, 2, 0,
		               _("No case. A case is opened from the person's case file (p)."));
	}
}

static const struct screen screen_cases = {
	.name = "prot_cases",
	.title = N_("Protection cases"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_PROTECTION_READ),
	.state_size = sizeof(struct cases_screen),
	.bindings = bindings,
	.enter = cases_enter,
	.draw = cases_draw,
	.input = cases_input,
	.action = cases_action,
	.resume = cases_resume,
};

static const struct screen screen_work = {
	.name = "prot_my_work",
	.title = N_("My protection cases"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_PROTECTION_READ),
	.state_size = sizeof(struct cases_screen),
	.bindings = work_bindings,
	.enter = cases_enter,
	.draw = cases_draw,
	.input = cases_input,
	.action = cases_action,
	.resume = cases_resume,
};

enum status prot_cases_open(struct app *app)
{
	return app_push(app, &screen_cases, NULL);
}

enum status prot_my_work_open(struct app *app)
{
	static const int work = 1;
	return app_push(app, &screen_work, &work);
}

enum status prot_person_open(struct app *app, long long person)
{
	long long id = 0;
	bool open = false;
	enum status st = prot_case_of_person(app_db(app), person, &id, &open);
	bool writer = perm_allows((int)app_user(app)->role, PERM_PROTECTION_WRITE);
	if (st == ST_DENIED) {
		app_error(app, _(status_msgid(st)));
		return st;
	}
	if (st == ST_OK && (open || !writer))
		return prot_case_open(app, id);
	if (st != ST_OK && st != ST_NOT_FOUND) {
		app_error(app, _(status_msgid(st)));
		return st;
	}
	if (!writer) {
		app_message(app, _("This person has no protection case."));
		return ST_OK;
	}
	if (st == ST_OK && !app_confirm(app, _("The protection case of this person is closed. Open a new one?")))
		return prot_case_open(app, id);
	return prot_case_form_open(app, 0, person);
}
