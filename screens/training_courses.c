/* The vocational training courses of the user's centre, newest first:
 * start, trade, places taken of the capacity, waiting list, status and
 * title. Enter opens the course (its class and waiting list); n plans a
 * new one, e changes the selected one, c cancels it with a reason. */
#include <stdio.h>
#include <string.h>

#include "core/date.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/text.h"
#include "core/training_vocab.h"
#include "core/vocab.h"
#include "db/reflist.h"
#include "db/training.h"
#include "screens/training.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/lang.h"
#include "ui/list.h"

enum { ACT_OPEN = 1, ACT_NEW, ACT_EDIT, ACT_CANCEL };

static const struct binding bindings[] = {
	{ ACT_OPEN, { '\n', 0, 0, 0 }, N_("Open"), N_("Open the selected course: its class, waiting list and outcomes") },
	{ ACT_NEW, { 'n', UI_KEYCODE(KEY_F(2)), 0, 0 }, N_("New"), N_("Plan a new course") },
	{ ACT_EDIT, { 'e', UI_KEYCODE(KEY_F(3)), 0, 0 }, N_("Edit"), N_("Change the selected course") },
	{ ACT_CANCEL, { 'c', 0, 0, 0 }, N_("Cancel"), N_("Cancel the selected course, saying why") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct list_column columns[] = {
	{ N_("Start"), 11, false },
	{ N_("Trade"), 18, false },
	{ N_("Places"), 8, false },
	{ N_("Waiting"), 8, false },
	{ N_("Status"), 14, false },
	{ N_("Title"), 0, false },
};

struct courses_screen {
	struct app *app;
	struct list list;
	char detail[1600];      /* the selected course whole, under the list */
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

static void add_row(const struct training_course *c, void *ctx)
{
	struct fill *f = ctx;
	struct list_row *r = &f->rows[f->n++];
	day_text(c->start_date, r->cells[0], sizeof r->cells[0]);
	char name[324] = "";
	reflist_name(app_db(f->app), c->trade_id, lang_get(), name, sizeof name);
	text_fit(name, LIST_CELL - 1, r->cells[1], sizeof r->cells[1]);
	snprintf(r->cells[2], sizeof r->cells[2], "%d/%d", c->taken, c->capacity);
	snprintf(r->cells[3], sizeof r->cells[3], "%d", c->waiting);
	const char *st = vocab_short(VOCAB_TRAINING_COURSE_STATUS, c->status);
	snprintf(r->cells[4], sizeof r->cells[4], "%s", st ? _(st) : "");
	text_fit(c->title, LIST_CELL - 1, r->cells[5], sizeof r->cells[5]);
	r->key.id = c->id;
}

static int fetch(void *ctx, enum page_dir dir, const struct list_key *key, int limit, struct list_row *rows,
                 bool *more)
{
	struct courses_screen *s = ctx;
	struct fill f = { s->app, rows, 0 };
	struct training_course k;
	if (key && training_course_get(app_db(s->app), key->id, &k) != ST_OK)
		key = NULL;
	enum status st = training_course_list(app_db(s->app), app_user(s->app)->centre_code, dir, key ? &k : NULL, limit,
	                                      add_row, &f, more);
	return st == ST_OK ? f.n : -1;
}

static enum status courses_enter(struct app *app, void *state, const void *arg)
{
	(void)arg;
	struct courses_screen *s = state;
	s->app = app;
	list_init(&s->list, columns, 6, fetch, s);
	return ST_OK;
}

static enum ui_result courses_input(struct app *app, void *state, int key)
{
	(void)app;
	struct courses_screen *s = state;
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

static enum ui_result courses_action(struct app *app, void *state, int action)
{
	struct courses_screen *s = state;
	if (action == ACT_NEW) {
		if (allowed(app, PERM_TRAINING_WRITE))
			training_course_form_open(app, 0);
		return UI_HANDLED;
	}
	const struct list_row *row = list_current(&s->list);
	if (!row)
		return action >= ACT_OPEN && action <= ACT_CANCEL ? UI_HANDLED : UI_IGNORED;
	long long id = row->key.id;
	switch (action) {
	case ACT_OPEN:
		training_course_open(app, id);
		return UI_HANDLED;
	case ACT_EDIT:
		if (allowed(app, PERM_TRAINING_WRITE))
			training_course_form_open(app, id);
		return UI_HANDLED;
	case ACT_CANCEL:
		if (allowed(app, PERM_TRAINING_WRITE))
			training_course_cancel_open(app, id);
		return UI_HANDLED;
	default: return UI_IGNORED;
	}
}

static void courses_resume(struct app *app, void *state)
{
	(void)app;
	struct courses_screen *s = state;
	/* A course just planned or changed is the one selected. */
	struct list_key saved = { .id = training_course_form_take_saved() };
	if (saved.id)
		list_refresh_at(&s->list, &saved);
	else
		list_refresh(&s->list);
}

static void courses_draw(struct app *app, void *state, WINDOW *win)
{
	struct courses_screen *s = state;
	int cols = getmaxx(win), rows = getmaxy(win);
	char line[200];
	snprintf(line, sizeof line, _("Vocational training courses at %s, newest first"), app_user(app)->centre_code);
	ui_put(win, 0, 2, cols - 4, A_BOLD, line);
	list_draw(&s->list, win, 2, rows - 5);
	/* The selected course whole: title, dates, provider, a cancellation's
	 * reason are never cut. */
	const struct list_row *row = list_current(&s->list);
	struct training_course c;
	if (row && training_course_get(app_db(app), row->key.id, &c) == ST_OK) {
		char trade[324] = "", provider[324] = "", from[16], to[16];
		reflist_name(app_db(app), c.trade_id, lang_get(), trade, sizeof trade);
		if (c.provider_id)
			reflist_name(app_db(app), c.provider_id, lang_get(), provider, sizeof provider);
		else
			snprintf(provider, sizeof provider, "%s", c.provider_name);
		day_text(c.start_date, from, sizeof from);
		day_text(c.end_date, to, sizeof to);
		snprintf(s->detail, sizeof s->detail, _("%s · %s · %s to %s"), trade, c.title, from, to);
		size_t len = strlen(s->detail);
		if (provider[0])
			snprintf(s->detail + len, sizeof s->detail - len, " · %s", provider);
		len = strlen(s->detail);
		if (c.cancel_reason[0])
			snprintf(s->detail + len, sizeof s->detail - len, " · %s", c.cancel_reason);
		ui_put_wrapped(win, rows - 3, 2, cols - 4, 3, 0, s->detail);
	} else if (!row) {
		ui_put(win, rows - 3, 2, cols - 4, 0, _("No course yet: n plans one."));
	}
}

static const struct screen screen_courses = {
	.name = "training_courses",
	.title = N_("Courses and enrolment"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_TRAINING_READ),
	.state_size = sizeof(struct courses_screen),
	.bindings = bindings,
	.enter = courses_enter,
	.draw = courses_draw,
	.input = courses_input,
	.action = courses_action,
	.resume = courses_resume,
};

enum status training_courses_open(struct app *app)
{
	return app_push(app, &screen_courses, NULL);
}
