/* The psychosocial sessions and activities of the user's centre, newest
 * first: date, time, activity, status, attendance and title. Enter opens
 * the roll (or the head counts of a counted activity); n plans a new one,
 * e changes the selected one, c cancels it with a reason, p prints its
 * attendance sheet; d shows today's only, or every day again. Also the
 * home menu's "Attendance roll": today's sessions, the only one opened
 * directly. */
#include <stdio.h>
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/psych_vocab.h"
#include "core/text.h"
#include "core/vocab.h"
#include "db/psych_session.h"
#include "db/reflist.h"
#include "screens/psych_sessions.h"
#include "screens/psych_sheet.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/lang.h"
#include "ui/list.h"

enum { ACT_OPEN = 1, ACT_NEW, ACT_EDIT, ACT_CANCEL, ACT_SHEET, ACT_DAY };

static const struct binding bindings[] = {
	{ ACT_OPEN, { '\n', 0, 0, 0 }, N_("Roll"),
	  N_("Open the attendance roll of the selected session (the head counts of a counted activity)") },
	{ ACT_NEW, { 'n', UI_KEYCODE(KEY_F(2)), 0, 0 }, N_("New"), N_("Plan a new session or activity") },
	{ ACT_EDIT, { 'e', UI_KEYCODE(KEY_F(3)), 0, 0 }, N_("Edit"), N_("Change the selected session") },
	{ ACT_CANCEL, { 'c', 0, 0, 0 }, N_("Cancel"), N_("Cancel the selected session, saying why") },
	{ ACT_SHEET, { 'p', UI_KEYCODE(KEY_F(6)), 0, 0 }, N_("Sheet"),
	  N_("The attendance sheet of the selected session, to print or export") },
	{ ACT_DAY, { 'd', UI_KEYCODE(KEY_F(7)), 0, 0 }, N_("Today"), N_("Show today's sessions only, or every day again") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct list_column columns[] = {
	{ N_("Date"), 11, false },
	{ N_("Time"), 12, false },
	{ N_("Activity"), 18, false },
	{ N_("Status"), 10, false },
	{ N_("Present"), 8, false },
	{ N_("Title"), 0, false },
};

struct sessions_screen {
	struct app *app;
	bool today_only;
	bool for_roll;          /* opened as "Attendance roll" */
	char today[11];
	struct list list;
	char detail[1600];      /* the selected session whole, under the list */
};

struct fill {
	struct app *app;
	struct list_row *rows;
	int n;
};

static void add_row(const struct psych_session *s, void *ctx)
{
	struct fill *f = ctx;
	struct list_row *r = &f->rows[f->n++];
	struct pdate d;
	if (date_from_iso(s->date, &d) == DATE_OK)
		date_format(&d, r->cells[0], sizeof r->cells[0]);
	snprintf(r->cells[1], sizeof r->cells[1], "%s%s%s", s->start_time, s->end_time[0] ? "-" : "", s->end_time);
	char name[324] = "";
	reflist_name(app_db(f->app), s->activity_id, lang_get(), name, sizeof name);
	text_fit(name, LIST_CELL - 1, r->cells[2], sizeof r->cells[2]);
	const char *st = vocab_label(VOCAB_PSYCH_STATUS, s->status);
	snprintf(r->cells[3], sizeof r->cells[3], "%s", st ? _(st) : "");
	if (strcmp(s->roll, "count") == 0) {
		int total = 0;
		bool counted = false;
		const int c[4] = { s->count_boys, s->count_girls, s->count_men, s->count_women };
		for (int i = 0; i < 4; i++) {
			total += c[i] > 0 ? c[i] : 0;
			counted = counted || c[i] != PSYCH_COUNT_NONE;
		}
		/* A head count, not names; "#-" before anyone counted. */
		if (counted)
			snprintf(r->cells[4], sizeof r->cells[4], "#%d", total);
		else
			snprintf(r->cells[4], sizeof r->cells[4], "#-");
	} else {
		snprintf(r->cells[4], sizeof r->cells[4], "%d", s->present);
	}
	text_fit(s->title, LIST_CELL - 1, r->cells[5], sizeof r->cells[5]);
	r->key.id = s->id;
	snprintf(r->key.text, sizeof r->key.text, "%s", s->roll);
}

static int fetch(void *ctx, enum page_dir dir, const struct list_key *key, int limit, struct list_row *rows,
                 bool *more)
{
	struct sessions_screen *s = ctx;
	struct fill f = { s->app, rows, 0 };
	struct psych_session k;
	if (key && psych_session_get(app_db(s->app), key->id, &k) != ST_OK)
		key = NULL;
	enum status st = psych_session_list(app_db(s->app), app_user(s->app)->centre_code,
	                                    s->today_only ? s->today : "", dir, key ? &k : NULL, limit, add_row, &f,
	                                    more);
	return st == ST_OK ? f.n : -1;
}

static enum status sessions_enter(struct app *app, void *state, const void *arg)
{
	struct sessions_screen *s = state;
	s->app = app;
	s->for_roll = arg && *(const bool *)arg;
	s->today_only = s->for_roll;
	clock_today_iso(s->today, sizeof s->today);
	list_init(&s->list, columns, 6, fetch, s);
	return ST_OK;
}

static enum ui_result sessions_input(struct app *app, void *state, int key)
{
	(void)app;
	struct sessions_screen *s = state;
	return list_key(&s->list, key) ? UI_HANDLED : UI_IGNORED;
}

/* True when the user's role may do p; says so otherwise. */
static bool allowed(struct app *app, enum perm p)
{
	if (perm_allows((int)app_user(app)->role, p))
		return true;
	app_error(app, _(status_msgid(ST_DENIED)));
	return false;
}

static enum ui_result sessions_action(struct app *app, void *state, int action)
{
	struct sessions_screen *s = state;
	if (action == ACT_NEW) {
		if (allowed(app, PERM_PSYCH_WRITE))
			psych_session_form_open(app, 0);
		return UI_HANDLED;
	}
	if (action == ACT_DAY) {
		s->today_only = !s->today_only;
		list_reload(&s->list);
		return UI_HANDLED;
	}
	const struct list_row *row = list_current(&s->list);
	if (!row)
		return action >= ACT_OPEN && action <= ACT_SHEET ? UI_HANDLED : UI_IGNORED;
	long long id = row->key.id;
	bool counted = strcmp(row->key.text, "count") == 0;
	switch (action) {
	case ACT_OPEN:
		if (allowed(app, PERM_PSYCH_WRITE)) {
			if (counted)
				psych_headcount_open(app, id);
			else
				psych_roll_open(app, id);
		}
		return UI_HANDLED;
	case ACT_EDIT:
		if (allowed(app, PERM_PSYCH_WRITE))
			psych_session_form_open(app, id);
		return UI_HANDLED;
	case ACT_CANCEL:
		if (allowed(app, PERM_PSYCH_WRITE))
			psych_session_cancel_open(app, id);
		return UI_HANDLED;
	case ACT_SHEET:
		psych_sheet_open(app, id);
		return UI_HANDLED;
	default: return UI_IGNORED;
	}
}

static void sessions_resume(struct app *app, void *state)
{
	(void)app;
	struct sessions_screen *s = state;
	/* A session just planned or changed is the one selected. */
	struct list_key saved = { .id = psych_session_form_take_saved() };
	if (saved.id)
		list_refresh_at(&s->list, &saved);
	else
		list_refresh(&s->list);
}

static void sessions_draw(struct app *app, void *state, WINDOW *win)
{
	struct sessions_screen *s = state;
	int cols = getmaxx(win), rows = getmaxy(win);
	char line[200];
	if (s->today_only)
		snprintf(line, sizeof line, _("Today's sessions at %s"), app_user(app)->centre_code);
	else
		snprintf(line, sizeof line, _("Sessions and activities at %s, newest first"), app_user(app)->centre_code);
	ui_put(win, 0, 2, cols - 4, A_BOLD, line);
	list_draw(&s->list, win, 2, rows - 5);
	/* The selected session whole: its title and the reason of a cancellation
	 * are never cut. */
	const struct list_row *row = list_current(&s->list);
	struct psych_session ps;
	if (row && psych_session_get(app_db(app), row->key.id, &ps) == ST_OK) {
		char activity[324] = "";
		reflist_name(app_db(app), ps.activity_id, lang_get(), activity, sizeof activity);
		snprintf(s->detail, sizeof s->detail, "%s%s%s%s%s%s%s", activity, ps.title[0] ? " · " : "", ps.title,
		         ps.place[0] ? " · " : "", ps.place, ps.cancel_reason[0] ? " · " : "", ps.cancel_reason);
		ui_put_wrapped(win, rows - 3, 2, cols - 4, 3, 0, s->detail);
	} else if (!row) {
		ui_put(win, rows - 3, 2, cols - 4, 0, _("No session yet: n plans one."));
	}
}

static const struct screen screen_sessions = {
	.name = "psych_sessions",
	.title = N_("Sessions and activities"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_PSYCH_READ),
	.state_size = sizeof(struct sessions_screen),
	.bindings = bindings,
	.enter = sessions_enter,
	.draw = sessions_draw,
	.input = sessions_input,
	.action = sessions_action,
	.resume = sessions_resume,
};

enum status psych_sessions_open(struct app *app)
{
	bool for_roll = false;
	return app_push(app, &screen_sessions, &for_roll);
}

static void first_two(const struct psych_session *s, void *ctx)
{
	long long *ids = ctx;
	ids[ids[0] ? 1 : 0] = s->id;
}

enum status psych_roll_today(struct app *app)
{
	long long ids[2] = { 0, 0 };
	bool more = false;
	enum status st = psych_sessions_today(app_db(app), 2, first_two, ids, &more);
	if (st != ST_OK)
		return st;
	if (ids[0] && !ids[1])
		return psych_roll_open(app, ids[0]);
	bool for_roll = true;
	st = app_push(app, &screen_sessions, &for_roll);
	if (st == ST_OK && !ids[0])
		app_message(app, _("No session by name today at your centre: n plans one."));
	return st;
}
