/* The medical record of one person (medical staff): consultations and
 * medical cases. Opening it is recorded in the audit trail. */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "core/date.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/vocab.h"
#include "db/medical.h"
#include "db/person.h"
#include "screens/medical.h"
#include "screens/screens.h"
#include "ui/draw.h"

#define MAX_CONSULTS 8
#define MAX_CASES 6

enum { ACT_CONSULT = 1, ACT_CASE, ACT_FITNESS };

static const struct binding bindings[] = {
	{ ACT_CONSULT, { UI_KEYCODE(KEY_F(7)), 'c', 0, 0 }, N_("Consultation"), N_("Record a consultation") },
	{ ACT_CASE, { UI_KEYCODE(KEY_F(3)), 'o', 0, 0 }, N_("New case"), N_("Open a medical case") },
	{ ACT_FITNESS, { UI_KEYCODE(KEY_F(6)), 'f', 0, 0 }, N_("Fitness"), N_("Record fitness to travel") },
	{ 4, { '1', 0, 0, 0 }, NULL, N_("1 to 6: open that medical case (close it, antenatal visits)") },
	{ 0, { 0 }, NULL, NULL },
};

struct medical {
	long long person;
	char who[500];
	struct consultation consults[MAX_CONSULTS];
	int nconsults;
	int more_consults;   /* older ones not shown: said, never dropped silently */
	struct medical_case cases[MAX_CASES];
	int ncases;
	int more_cases;
	struct medical_status status;
};

/* Collects a consultation. */
static void add_consult(const struct consultation *c, void *ctx)
{
	struct medical *s = ctx;
	if (s->nconsults < MAX_CONSULTS)
		s->consults[s->nconsults++] = *c;
	else
		s->more_consults++;
}

/* Collects a case. */
static void add_case(const struct medical_case *mc, void *ctx)
{
	struct medical *s = ctx;
	if (s->ncases < MAX_CASES)
		s->cases[s->ncases++] = *mc;
	else
		s->more_cases++;
}

/* Reads the record again. */
static enum status load(struct app *app, struct medical *s)
{
	struct db *db = app_db(app);
	s->nconsults = s->ncases = s->more_consults = s->more_cases = 0;
	/* All of them, to count those not shown. */
	enum status st = medical_record_read(db, s->person, INT_MAX, add_consult, add_case, s);
	if (st == ST_OK)
		st = medical_status_get(db, s->person, &s->status);
	return st;
}

static enum status medical_enter(struct app *app, void *state, const void *arg)
{
	struct medical *s = state;
	if (!arg)
		return ST_NOT_FOUND;
	s->person = *(const long long *)arg;
	struct person p;
	enum status st = person_get(app_db(app), s->person, &p);
	if (st != ST_OK)
		return st;
	snprintf(s->who, sizeof s->who, "%s %s", p.family_name, p.given_names);
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

/* The label of a stored reason or condition name. */
static const char *label_of(const char *name, bool condition)
{
	const char *label = vocab_label(condition ? VOCAB_CONDITION : VOCAB_CONSULT_REASON, name);
	return label ? _(label) : name;
}

static void medical_draw(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct medical *s = state;
	int cols = getmaxx(win), y = 0;
	char line[900], a[16], b[16];
	snprintf(line, sizeof line, _("Medical record of %s"), s->who);
	ui_put(win, y++, 1, cols - 2, A_BOLD, line);
	if (s->status.fitness[0]) {
		shown(s->status.fitness_date, a, sizeof a);
		const char *fit = vocab_short(VOCAB_FITNESS, s->status.fitness);
		snprintf(line, sizeof line, _("Fitness to travel: %s (%s)"), fit ? _(fit) : s->status.fitness, a);
		ui_put(win, y++, 1, cols - 2, 0, line);
	}
	y++;
	ui_put(win, y++, 1, cols - 2, A_BOLD | A_UNDERLINE, _("Medical cases"));
	if (!s->ncases)
		ui_put(win, y++, 3, cols - 4, 0, _("None."));
	for (int i = 0; i < s->ncases; i++) {
		const struct medical_case *mc = &s->cases[i];
		shown(mc->opened, a, sizeof a);
		shown(mc->closed, b, sizeof b);
		if (mc->closed[0])
			snprintf(line, sizeof line, "%d  %s  %s - %s  %s", i + 1, label_of(mc->condition, true), a, b, mc->outcome);
		else
			snprintf(line, sizeof line, "%d  %s  %s %s  %s", i + 1, label_of(mc->condition, true), _("since"), a,
			         mc->notes);
		ui_put(win, y++, 3, cols - 4, mc->closed[0] ? 0 : A_BOLD, line);
	}
	if (s->more_cases) {
		snprintf(line, sizeof line, _("... and %d more"), s->more_cases);
		ui_put(win, y++, 3, cols - 4, 0, line);
	}
	y++;
	ui_put(win, y++, 1, cols - 2, A_BOLD | A_UNDERLINE, _("Consultations"));
	if (!s->nconsults)
		ui_put(win, y++, 3, cols - 4, 0, _("None."));
	/* What does not fit (on the screen or in the record kept) is counted
	 * on the last line, never left out without a word. */
	int total = s->nconsults + s->more_consults, rows = getmaxy(win), i = 0;
	for (; i < s->nconsults && (y < rows - 1 || (y == rows - 1 && i == total - 1)); i++) {
		const struct consultation *c = &s->consults[i];
		shown(c->date, a, sizeof a);
		shown(c->next_followup, b, sizeof b);
		char reason[80];
		ui_pad(label_of(c->reason, false), 16, reason, sizeof reason);
		snprintf(line, sizeof line, "%s  %s %s%s%s%s%s", a, reason, c->diagnosis,
		         c->referral_to[0] ? " → " : "", c->referral_to, c->next_followup[0] ? _("  next: ") : "",
		         c->next_followup[0] ? b : "");
		ui_put(win, y++, 3, cols - 4, 0, line);
	}
	if (i < total && y < rows) {
		snprintf(line, sizeof line, _("... and %d more"), total - i);
		ui_put(win, y, 3, cols - 4, 0, line);
	}
}

static enum ui_result medical_input(struct app *app, void *state, int key)
{
	struct medical *s = state;
	if (key >= '1' && key <= '6') {
		int i = key - '1';
		if (i < s->ncases) {
			medcase_open(app, s->person, s->cases[i].id);
		}
		return UI_HANDLED;
	}
	return UI_IGNORED;
}

static enum ui_result medical_action(struct app *app, void *state, int action)
{
	struct medical *s = state;
	if (action == ACT_CONSULT) {
		consultation_open(app, s->person);
	} else if (action == ACT_CASE) {
		medcase_open(app, s->person, 0);
	} else if (action == ACT_FITNESS) {
		fitness_open(app, s->person);
	} else {
		return UI_IGNORED;
	}
	return UI_HANDLED;
}

/* Back from a form: show what was recorded. */
static void medical_resume(struct app *app, void *state)
{
	load(app, state);
}

static const struct screen screen_medical = {
	.name = "medical",
	.title = N_("Medical record"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_MEDICAL_READ),
	.state_size = sizeof(struct medical),
	.bindings = bindings,
	.enter = medical_enter,
	.draw = medical_draw,
	.input = medical_input,
	.action = medical_action,
	.resume = medical_resume,
};

enum status medical_open(struct app *app, long long person_id)
{
	return app_push(app, &screen_medical, &person_id);
}
