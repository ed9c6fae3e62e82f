/* The medical record of one person (medical staff): consultations and
 * medical cases. Opening it is recorded in the audit trail. */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/person.h"
#include "core/text.h"
#include "core/vocab.h"
#include "db/medical.h"
#include "db/person.h"
#include "screens/medical.h"
#include "screens/screens.h"
#include "ui/draw.h"

#define MAX_CONSULTS 8
#define MAX_CASES 6

enum { ACT_CONSULT = 1, ACT_CASE, ACT_FITNESS, ACT_CASES, ACT_OPEN };

static const struct binding bindings[] = {
	{ ACT_CONSULT, { UI_KEYCODE(KEY_F(7)), 'c', 0, 0 }, N_("Consultation"), N_("Record a consultation") },
	{ ACT_CASE, { UI_KEYCODE(KEY_F(3)), 'o', 0, 0 }, N_("New case"), N_("Open a medical case") },
	{ ACT_FITNESS, { UI_KEYCODE(KEY_F(6)), 'f', 0, 0 }, N_("Fitness"), N_("Record fitness to travel") },
	{ ACT_CASES, { '1', 0, 0, 0 }, NULL, N_("1 to 6: open that medical case (close it, antenatal visits)") },
	{ ACT_OPEN, { '\n', 0, 0, 0 }, N_("Open"),
	  N_("Open the consultation chosen with ↑ ↓: read it, change it, record the referral's outcome") },
	{ 0, { 0 }, NULL, NULL },
};

struct medical {
	long long person;
	char who[500];
	struct consultation consults[MAX_CONSULTS];
	int nconsults;
	int more_consults;   /* older ones not shown: said, never dropped silently */
	int sel;             /* the consultation chosen with the arrows */
	int nshown;          /* consultations drawn: the ones that can be chosen */
	struct medical_case cases[MAX_CASES];
	int ncases;
	int more_cases;
	struct medical_status status;
	bool child;          /* marked as in the lookup */
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
	if (s->sel >= s->nconsults)
		s->sel = s->nconsults > 0 ? s->nconsults - 1 : 0;
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
	s->nshown = 0;
	int cols = getmaxx(win), y = 0;
	char line[900], a[16], b[16];
	snprintf(line, sizeof line, _("Medical record of %s"), s->who);
	int used = ui_put(win, y, 1, cols - 2, A_BOLD, line);
	if (s->child && used + 4 < cols - 2)
		ui_put(win, y, 1 + used + 3, cols - used - 5, A_BOLD, _("CHILD"));
	y++;
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
	/* The reasons' column as wide as the widest shown: none is cut. */
	int reason_cols = 8;
	for (int k = 0; k < s->nconsults; k++) {
		int w = text_width(label_of(s->consults[k].reason, false));
		if (w > reason_cols)
			reason_cols = w > 24 ? 24 : w;
	}
	for (; i < s->nconsults && (y < rows - 1 || (y == rows - 1 && i == total - 1)); i++) {
		const struct consultation *c = &s->consults[i];
		shown(c->date, a, sizeof a);
		shown(c->next_followup, b, sizeof b);
		char reason[80];
		ui_pad(label_of(c->reason, false), reason_cols, reason, sizeof reason);
		const char *ref = c->referral_status[0] ? vocab_label(VOCAB_REFERRAL_STATUS, c->referral_status) : NULL;
		char referral[200] = "";
		if (c->referral_to[0])
			snprintf(referral, sizeof referral, " → %s (%s)", c->referral_to, ref ? _(ref) : c->referral_status);
		snprintf(line, sizeof line, "%s  %s %s%s%s%s", a, reason, c->diagnosis, referral,
		         c->next_followup[0] ? _("  next: ") : "", c->next_followup[0] ? b : "");
		if (i != s->sel) {
			ui_put(win, y++, 3, cols - 4, 0, line);
			continue;
		}
		/* The chosen one whole, on as many rows as it needs (and are left). */
		int need = ui_put_wrapped(win, y, 3, cols - 4, 0, 0, line);
		int fit = rows - 1 - y > 1 ? rows - 1 - y : 1;
		need = need < 1 ? 1 : need > fit ? fit : need;
		for (int r = 0; r < need; r++)
			ui_put_padded(win, y + r, 3, cols - 4, UI_ATTR_SELECTED, "");
		ui_put_wrapped(win, y, 3, cols - 4, need, UI_ATTR_SELECTED, line);
		y += need;
	}
	s->nshown = i;
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
	if (key == UI_KEYCODE(KEY_UP) || key == UI_KEYCODE(KEY_DOWN)) {
		int next = s->sel + (key == UI_KEYCODE(KEY_UP) ? -1 : 1);
		if (next >= 0 && next < s->nconsults && next < s->nshown)
			s->sel = next;
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
	} else if (action == ACT_OPEN) {
		if (s->sel < s->nconsults)
			consultation_open_saved(app, s->consults[s->sel].id);
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
