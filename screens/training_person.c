/* The courses of one person, from the case file: each course (newest
 * first) with its trade, dates, the person's status and outcome. Enter
 * opens the course. */
#include <stdio.h>
#include <string.h>

#include "core/date.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/text.h"
#include "core/training_vocab.h"
#include "core/vocab.h"
#include "db/reflist.h"
#include "db/roll.h"
#include "db/training.h"
#include "screens/training.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/lang.h"

#define MAX_ROWS 40

enum { ACT_OPEN = 1, ACT_MOVE };

static const struct binding bindings[] = {
	{ ACT_OPEN, { '\n', 0, 0, 0 }, N_("Open"), N_("Open the selected course: its class and waiting list") },
	{ ACT_MOVE, { UI_KEYCODE(KEY_UP), UI_KEYCODE(KEY_DOWN), 0, 0 }, NULL, N_("Move in the list") },
	{ 0, { 0 }, NULL, NULL },
};

struct person_screen {
	long long person;
	int n, cur;
	bool more;
	struct training_enrolment rows[MAX_ROWS];
};

static void collect(const struct training_enrolment *e, void *ctx)
{
	struct person_screen *s = ctx;
	if (s->n < MAX_ROWS)
		s->rows[s->n++] = *e;
}

static void load(struct app *app, struct person_screen *s)
{
	s->n = 0;
	if (training_person_list(app_db(app), s->person, MAX_ROWS, collect, s, &s->more) != ST_OK)
		s->n = 0;
	if (s->cur >= s->n)
		s->cur = s->n ? s->n - 1 : 0;
}

static enum status person_enter(struct app *app, void *state, const void *arg)
{
	struct person_screen *s = state;
	s->person = *(const long long *)arg;
	load(app, s);
	return ST_OK;
}

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

static void person_draw(struct app *app, void *state, WINDOW *win)
{
	struct person_screen *s = state;
	int cols = getmaxx(win), rows = getmaxy(win);
	ui_put(win, 0, 2, cols - 4, A_BOLD, _("Vocational training of this person, newest course first"));
	if (s->n == 0) {
		ui_put_wrapped(win, 2, 2, cols - 4, 2, 0, _("No course yet. Enrol from the course (Courses and enrolment)."));
		return;
	}
	int y = 2;
	for (int i = 0; i < s->n && y < rows - 1; i++) {
		const struct training_enrolment *e = &s->rows[i];
		struct training_course c;
		if (training_course_get(app_db(app), e->course_id, &c) != ST_OK)
			continue;
		char trade[324] = "", from[16], line[1400];
		reflist_name(app_db(app), c.trade_id, lang_get(), trade, sizeof trade);
		day_text(c.start_date, from, sizeof from);
		snprintf(line, sizeof line, "%s %s · %s · %s", from, trade, c.title,
		         short_of(VOCAB_TRAINING_ENROLMENT_STATUS, e->status));
		size_t len = strlen(line);
		if (e->dropout_reason[0])
			snprintf(line + len, sizeof line - len, " (%s)", short_of(VOCAB_TRAINING_DROPOUT, e->dropout_reason));
		len = strlen(line);
		if (e->assessment[0])
			snprintf(line + len, sizeof line - len, " · %s", short_of(VOCAB_TRAINING_ASSESSMENT, e->assessment));
		len = strlen(line);
		if (e->certificate_no[0])
			snprintf(line + len, sizeof line - len, _(" · certificate %s"), e->certificate_no);
		len = strlen(line);
		if (e->followup[0])
			snprintf(line + len, sizeof line - len, _(" · follow-up: %s"), short_of(VOCAB_TRAINING_FOLLOWUP, e->followup));
		len = strlen(line);
		struct roll_rate rate;
		if (roll_course_rate(app_db(app), e->course_id, e->person_id, &rate) == ST_OK && rate.days > 0)
			snprintf(line + len, sizeof line - len, _(" · attendance %d/%d (%d%%)"), rate.attended,
			         rate.days, roll_rate_percent(&rate));
		/* The selected course whole, wrapped; the others on one line. */
		int room = i == s->cur ? 3 : 1;
		if (room > rows - 1 - y)
			room = rows - 1 - y;
		y += ui_put_wrapped(win, y, 2, cols - 4, room, i == s->cur ? A_REVERSE : 0, line);
	}
}

static enum ui_result person_input(struct app *app, void *state, int key)
{
	(void)app;
	struct person_screen *s = state;
	if (key == UI_KEYCODE(KEY_UP) && s->cur > 0) {
		s->cur--;
		return UI_HANDLED;
	}
	if (key == UI_KEYCODE(KEY_DOWN) && s->cur + 1 < s->n) {
		s->cur++;
		return UI_HANDLED;
	}
	return UI_IGNORED;
}

static enum ui_result person_action(struct app *app, void *state, int action)
{
	struct person_screen *s = state;
	if (action == ACT_OPEN && s->n > 0) {
		training_course_open(app, s->rows[s->cur].course_id);
		return UI_HANDLED;
	}
	return action == ACT_OPEN || action == ACT_MOVE ? UI_HANDLED : UI_IGNORED;
}

static void person_resume(struct app *app, void *state)
{
	load(app, state);
}

static const struct screen screen_person = {
	.name = "training_person",
	.title = N_("Training of this person"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_TRAINING_READ),
	.state_size = sizeof(struct person_screen),
	.bindings = bindings,
	.enter = person_enter,
	.draw = person_draw,
	.input = person_input,
	.action = person_action,
	.resume = person_resume,
};

enum status training_person_open(struct app *app, long long person)
{
	return app_push(app, &screen_person, &person);
}
