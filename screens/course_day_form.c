/* The day of a course whose attendance to take: one date, today by
 * default (the course's first or last day when today is outside its
 * dates). The data layer says whether that day takes marks (the course
 * running or completed, the day within its dates and not to come); when
 * it does, the roll of that day opens in the form's place. */
#include <stdio.h>
#include <string.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "db/roll.h"
#include "db/training.h"
#include "screens/roll.h"
#include "screens/training.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/form.h"

static const struct binding bindings[] = {
	{ ACT_SUBMIT, { UI_KEYCODE(KEY_F(2)), UI_CTRL('S'), 0, 0 }, N_("Open"),
	  N_("Open the roll of this day (Enter on the day too)") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct field_def templates[1] = {
	{ .label = N_("Day of the course"), .type = FIELD_DATE, .required = true, .full_date = true, .past_only = true,
	  .name = "day" },
};

struct day_form {
	struct training_course course;
	struct field_def defs[1];
	struct form form;
};

static enum status form_enter(struct app *app, void *state, const void *arg)
{
	struct day_form *f = state;
	enum status st = training_course_get(app_db(app), *(const long long *)arg, &f->course);
	if (st != ST_OK)
		return st;
	memcpy(f->defs, templates, sizeof f->defs);
	form_init(&f->form, f->defs, 1);
	char today[11];
	clock_today_iso(today, sizeof today);
	const char *day = strcmp(today, f->course.start_date) < 0 ? f->course.start_date
	                  : strcmp(today, f->course.end_date) > 0 ? f->course.end_date : today;
	form_set(&f->form, 0, day);
	f->form.changed = false;
	return ST_OK;
}

static enum ui_result form_submit(struct app *app, void *state)
{
	struct day_form *f = state;
	if (!form_validate(&f->form)) {
		app_error(app, _("Some fields need attention."));
		return UI_HANDLED;
	}
	char day[11];
	form_get(&f->form, 0, day, sizeof day);
	struct roll_ref ref = roll_of_course_day(f->course.id, day);
	const char *why = NULL;
	enum status st = roll_check(app_db(app), &ref, &why);
	if (st != ST_OK) {
		f->form.fields[0].error = why;
		app_error(app, _(why ? why : status_msgid(st)));
		return UI_HANDLED;
	}
	roll_instead(app, &ref);
	return UI_HANDLED;
}

static void form_draw_cb(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct day_form *f = state;
	char line[800];
	snprintf(line, sizeof line, _("Attendance of a day of %s"), f->course.title);
	int rows = ui_put_wrapped(win, 1, 2, getmaxx(win) - 4, 2, A_BOLD, line);
	form_draw(&f->form, win, rows > 1 ? 4 : 3, getmaxy(win) - 3);
}

static struct form *form_of(void *state)
{
	return &((struct day_form *)state)->form;
}

static const struct screen screen_day_form = {
	.name = "course_day_form",
	.title = N_("Attendance of a day"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_TRAINING_WRITE),
	.state_size = sizeof(struct day_form),
	.bindings = bindings,
	.enter = form_enter,
	.draw = form_draw_cb,
	.form = form_of,
	.submit = form_submit,
};

enum status training_day_roll_open(struct app *app, long long course)
{
	return app_push(app, &screen_day_form, &course);
}
