/* The psychosocial support history of one person (psychosocial staff):
 * each session's date, modality, risk and next appointment, newest first;
 * the chosen one shown whole (concerns, referrals, what was done) on as
 * many rows as it needs. Enter opens it, n records a new one. Opening it
 * is recorded in the audit trail. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/person.h"
#include "core/psych_vocab.h"
#include "core/vocab.h"
#include "db/person.h"
#include "db/psych_support.h"
#include "screens/psych_support.h"
#include "screens/screens.h"
#include "ui/draw.h"

#define MAX_SHOWN 60

enum { ACT_NEW = 1, ACT_OPEN };

static const struct binding bindings[] = {
	{ ACT_NEW, { 'n', UI_KEYCODE(KEY_F(7)), 0, 0 }, N_("New session"), N_("Record a new support session") },
	{ ACT_OPEN, { '\n', 0, 0, 0 }, N_("Open"),
	  N_("Open the session chosen with ↑ ↓: read it whole, change it") },
	{ 0, { 0 }, NULL, NULL },
};

struct history {
	long long person;
	char who[500];
	bool child;
	struct psych_support rows[MAX_SHOWN];
	int n;
	int more;            /* older ones not kept: said, never dropped silently */
	int sel, top;
	struct psych_status status;
};

static void add(const struct psych_support *r, void *ctx)
{
	struct history *s = ctx;
	if (s->n < MAX_SHOWN)
		s->rows[s->n++] = *r;
}

/* Reads the history again (an opening, in the trail). */
static enum status load(struct app *app, struct history *s)
{
	s->n = 0;
	enum status st = psych_support_list(app_db(app), s->person, MAX_SHOWN, add, s, &s->more);
	if (st == ST_OK)
		st = psych_status_get(app_db(app), s->person, &s->status);
	if (s->sel >= s->n)
		s->sel = s->n > 0 ? s->n - 1 : 0;
	return st;
}

static enum status history_enter(struct app *app, void *state, const void *arg)
{
	struct history *s = state;
	if (!arg)
		return ST_NOT_FOUND;
	s->person = *(const long long *)arg;
	struct person p;
	enum status st = person_get(app_db(app), s->person, &p);
	if (st != ST_OK)
		return st;
	snprintf(s->who, sizeof s->who, "%s %s", p.family_name, p.given_names);
	struct pdate today = clock_today();
	int years;
	bool approx, child;
	s->child = person_age(p.birth_date, p.birth_estimated, &today, &years, &approx, &child) && child;
	return load(app, s);
}

/* "12/03/2026" from ISO. */
static void shown(const char *iso, char *out, size_t size)
{
	struct pdate d;
	if (iso[0] && date_from_iso(iso, &d) == DATE_OK)
		date_format(&d, out, size);
	else
		snprintf(out, size, "%s", iso);
}

/* The label of code in v, translated (the code itself when unknown). */
static const char *label(const struct vocab *v, const char *code)
{
	const char *l = vocab_label(v, code);
	return l ? _(l) : code;
}

/* The labels of the items of set in v, ", " between them. */
static void set_labels(const struct vocab *v, unsigned set, char *out, size_t size)
{
	out[0] = '\0';
	for (int i = 0; i < vocab_count(v); i++) {
		if (!(set & (1u << i)))
			continue;
		size_t len = strlen(out);
		snprintf(out + len, size - len, "%s%s", len ? ", " : "", _(vocab_item(v, i)->label));
	}
	if (!out[0])
		snprintf(out, size, "%s", _("none"));
}

/* The one line of a session. */
static void summary(const struct psych_support *r, char *out, size_t size)
{
	char day[16], next[16], mod[40], risk[40];
	shown(r->date, day, sizeof day);
	shown(r->next_appointment, next, sizeof next);
	ui_pad(label(VOCAB_PSYCH_MODALITY, r->modality), 12, mod, sizeof mod);
	ui_pad(label(VOCAB_PSYCH_RISK, r->risk), 18, risk, sizeof risk);
	snprintf(out, size, "%s  %s %s %s%s", day, mod, risk, r->next_appointment[0] ? _("next: ") : "",
	         r->next_appointment[0] ? next : "");
}

/* The chosen session whole: its line, then concerns, referrals, what was
 * done, who recorded it. */
static void whole(const struct psych_support *r, char *out, size_t size)
{
	char line[200], concerns[600], referrals[300];
	summary(r, line, sizeof line);
	set_labels(VOCAB_PSYCH_CONCERN, r->concerns, concerns, sizeof concerns);
	if (r->concern_other[0]) {
		size_t len = strlen(concerns);
		snprintf(concerns + len, sizeof concerns - len, " (%s)", r->concern_other);
	}
	set_labels(VOCAB_PSYCH_REFERRAL, r->referrals, referrals, sizeof referrals);
	char by[120];
	snprintf(by, sizeof by, _("recorded by %s at %s"), r->worker[0] ? r->worker : "?", r->centre_code);
	snprintf(out, size, "%s · %s: %s · %s: %s · %s: %s · %s", line, _("Concerns"), concerns, _("Referred to"),
	         referrals, _("What was done"), r->actions[0] ? r->actions : _("none"), by);
}

static void history_draw(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct history *s = state;
	int cols = getmaxx(win), rows = getmaxy(win), y = 0;
	char line[2600];
	snprintf(line, sizeof line, _("Psychosocial support of %s"), s->who);
	int used = ui_put(win, y, 1, cols - 2, A_BOLD, line);
	if (s->child && used + 4 < cols - 2)
		ui_put(win, y, 1 + used + 3, cols - used - 5, A_BOLD, _("CHILD"));
	y++;
	char last[16];
	shown(s->status.last_session, last, sizeof last);
	if (s->status.sessions)
		snprintf(line, sizeof line, _("Group sessions attended: %d, last %s"), s->status.sessions, last);
	else
		snprintf(line, sizeof line, "%s", _("No group session attended."));
	ui_put(win, y++, 1, cols - 2, 0, line);
	y++;
	ui_put(win, y++, 1, cols - 2, A_BOLD | A_UNDERLINE, _("Support sessions"));
	if (!s->n) {
		ui_put(win, y, 3, cols - 4, 0, _("None yet: n records the first."));
		return;
	}
	/* Keep the chosen one in view; what does not fit is counted. */
	int room = rows - y - 1;
	if (s->sel < s->top)
		s->top = s->sel;
	if (s->sel >= s->top + room - 3)
		s->top = s->sel - room + 4 > 0 ? s->sel - room + 4 : 0;
	if (s->top > 0) {
		snprintf(line, sizeof line, _("... %d newer above"), s->top);
		ui_put(win, y++, 3, cols - 4, 0, line);
	}
	int i = s->top;
	for (; i < s->n && y < rows - 1; i++) {
		if (i != s->sel) {
			summary(&s->rows[i], line, sizeof line);
			ui_put(win, y++, 3, cols - 4, 0, line);
			continue;
		}
		whole(&s->rows[i], line, sizeof line);
		int need = ui_put_wrapped(win, y, 3, cols - 4, 0, 0, line);
		int fit = rows - 1 - y > 1 ? rows - 1 - y : 1;
		need = need < 1 ? 1 : need > fit ? fit : need;
		for (int r = 0; r < need; r++)
			ui_put_padded(win, y + r, 3, cols - 4, UI_ATTR_SELECTED, "");
		ui_put_wrapped(win, y, 3, cols - 4, need, UI_ATTR_SELECTED, line);
		y += need;
	}
	int left = s->n - i + s->more;
	if (left > 0 && y < rows) {
		snprintf(line, sizeof line, _("... and %d more"), left);
		ui_put(win, y, 3, cols - 4, 0, line);
	}
}

static enum ui_result history_input(struct app *app, void *state, int key)
{
	(void)app;
	struct history *s = state;
	if (key == UI_KEYCODE(KEY_UP) || key == UI_KEYCODE(KEY_DOWN)) {
		int next = s->sel + (key == UI_KEYCODE(KEY_UP) ? -1 : 1);
		if (next >= 0 && next < s->n)
			s->sel = next;
		return UI_HANDLED;
	}
	return UI_IGNORED;
}

static enum ui_result history_action(struct app *app, void *state, int action)
{
	struct history *s = state;
	if (action == ACT_NEW)
		psych_support_open(app, s->person);
	else if (action == ACT_OPEN && s->sel < s->n)
		psych_support_open_saved(app, s->rows[s->sel].id);
	else if (action != ACT_OPEN)
		return UI_IGNORED;
	return UI_HANDLED;
}

/* Back from the form: show what was recorded. */
static void history_resume(struct app *app, void *state)
{
	load(app, state);
}

static const struct screen screen_psych_person = {
	.name = "psych_person",
	.title = N_("Psychosocial support"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_PSYCH_NOTES),
	.state_size = sizeof(struct history),
	.bindings = bindings,
	.enter = history_enter,
	.draw = history_draw,
	.input = history_input,
	.action = history_action,
	.resume = history_resume,
};

enum status psych_person_open(struct app *app, long long person_id)
{
	return app_push(app, &screen_psych_person, &person_id);
}
