/* The head counts of an open activity (football, a game) whose attendance
 * is counted, not taken by name: boys, girls, men and women, kept apart
 * from the rolls by name and never added to them. Saving counts on a
 * planned session of a day gone by (or today) records it as held. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "db/psych_session.h"
#include "db/reflist.h"
#include "screens/psych_sessions.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/lang.h"

enum { F_BOYS, F_GIRLS, F_MEN, F_WOMEN, F_COUNT };

static const struct binding bindings[] = {
	{ ACT_SUBMIT, { UI_KEYCODE(KEY_F(2)), UI_CTRL('S'), 0, 0 }, N_("Save"),
	  N_("Save the head counts (Enter on the last field too); children are under 18") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct field_def fields[F_COUNT] = {
	[F_BOYS] = { .label = N_("Boys (under 18)"), .type = FIELD_NUMBER, .min = 0, .max = PSYCH_COUNT_MAX, .name = "count_boys" },
	[F_GIRLS] = { .label = N_("Girls (under 18)"), .type = FIELD_NUMBER, .min = 0, .max = PSYCH_COUNT_MAX, .name = "count_girls" },
	[F_MEN] = { .label = N_("Men (18 and over)"), .type = FIELD_NUMBER, .min = 0, .max = PSYCH_COUNT_MAX, .name = "count_men" },
	[F_WOMEN] = { .label = N_("Women (18 and over)"), .type = FIELD_NUMBER, .min = 0, .max = PSYCH_COUNT_MAX, .name = "count_women" },
};

struct headcount {
	struct psych_session s;
	char activity[324];
	struct form form;
};

static void set_count(struct form *f, int i, int v)
{
	char text[12] = "";
	if (v != PSYCH_COUNT_NONE)
		snprintf(text, sizeof text, "%d", v);
	form_set(f, i, text);
}

static int get_count(const struct form *f, int i)
{
	char text[12];
	form_get(f, i, text, sizeof text);
	return text[0] ? atoi(text) : PSYCH_COUNT_NONE;
}

static enum status headcount_enter(struct app *app, void *state, const void *arg)
{
	struct headcount *h = state;
	enum status st = psych_session_get(app_db(app), arg ? *(const long long *)arg : 0, &h->s);
	if (st != ST_OK)
		return st;
	reflist_name(app_db(app), h->s.activity_id, lang_get(), h->activity, sizeof h->activity);
	form_init(&h->form, fields, F_COUNT);
	set_count(&h->form, F_BOYS, h->s.count_boys);
	set_count(&h->form, F_GIRLS, h->s.count_girls);
	set_count(&h->form, F_MEN, h->s.count_men);
	set_count(&h->form, F_WOMEN, h->s.count_women);
	h->form.changed = false;
	return ST_OK;
}

static enum ui_result headcount_submit(struct app *app, void *state)
{
	struct headcount *h = state;
	if (!form_validate(&h->form)) {
		app_error(app, _("Some fields need attention."));
		return UI_HANDLED;
	}
	struct psych_session s = h->s;
	s.count_boys = get_count(&h->form, F_BOYS);
	s.count_girls = get_count(&h->form, F_GIRLS);
	s.count_men = get_count(&h->form, F_MEN);
	s.count_women = get_count(&h->form, F_WOMEN);
	char today[11];
	clock_today_iso(today, sizeof today);
	if (strcmp(s.status, "planned") == 0 && strcmp(s.date, today) <= 0)
		snprintf(s.status, sizeof s.status, "held");
	const char *why = NULL;
	enum status st = psych_session_save(app_db(app), &s, &why, NULL);
	if (st != ST_OK) {
		app_error(app, st == ST_CONFLICT ? _("Someone else changed this session meanwhile: open it again.")
		                                 : _(why ? why : status_msgid(st)));
		return UI_HANDLED;
	}
	h->form.changed = false;
	app_message(app, _("Head counts saved."));
	return UI_LEAVE;
}

static void headcount_draw(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct headcount *h = state;
	char line[800], day[16] = "";
	struct pdate d;
	if (date_from_iso(h->s.date, &d) == DATE_OK)
		date_format(&d, day, sizeof day);
	snprintf(line, sizeof line, "%s %s · %s%s%s", day, h->s.start_time, h->activity, h->s.title[0] ? " · " : "",
	         h->s.title);
	int y = 1 + ui_put_wrapped(win, 1, 2, getmaxx(win) - 4, 2, A_BOLD, line) + 1;
	y += ui_put_wrapped(win, y, 2, getmaxx(win) - 4, 2, 0,
	                    _("Head counts, kept apart from attendance by name (children: under 18).")) + 1;
	form_draw(&h->form, win, y, getmaxy(win) - y);
}

static struct form *headcount_form(void *state)
{
	return &((struct headcount *)state)->form;
}

static const struct screen screen_headcount = {
	.name = "psych_headcount",
	.title = N_("Head counts"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_PSYCH_WRITE),
	.state_size = sizeof(struct headcount),
	.bindings = bindings,
	.enter = headcount_enter,
	.draw = headcount_draw,
	.form = headcount_form,
	.submit = headcount_submit,
};

enum status psych_headcount_open(struct app *app, long long id)
{
	return app_push(app, &screen_headcount, &id);
}
