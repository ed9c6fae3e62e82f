/* The case file: identity, vulnerabilities, family, stays and the history
 * of changes of one person. Opening it is recorded in the audit trail. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/clock.h"
#include "core/casenum.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "db/medical.h"
#include "db/person.h"
#include "screens/intake_arg.h"
#include "screens/screens.h"
#include "ui/draw.h"

#define MAX_RELATIVES 9
#define MAX_STAYS 4
#define MAX_CHANGES 4

enum { ACT_EDIT = 1, ACT_RELATIVE, ACT_LINK, ACT_STAY, ACT_CONSULT, ACT_MEDICAL };

static const struct binding bindings[] = {
	{ ACT_EDIT, { UI_KEYCODE(KEY_F(2)), 'e', UI_CTRL('E'), 0 }, N_("Edit"),
	  N_("Change this person's identity, consent or vulnerabilities") },
	{ ACT_LINK, { UI_KEYCODE(KEY_F(3)), 'l', 0, 0 }, N_("Family"), N_("Link a family member") },
	{ ACT_STAY, { UI_KEYCODE(KEY_F(6)), 's', 0, 0 }, N_("Stay"),
	  N_("Record services, the departure, or a new admission") },
	{ ACT_CONSULT, { UI_KEYCODE(KEY_F(7)), 'c', 0, 0 }, NULL, N_("Record a consultation (medical staff)") },
	{ ACT_MEDICAL, { 'm', 0, 0, 0 }, NULL, N_("Open the medical record (medical staff)") },
	{ ACT_RELATIVE, { '1', 0, 0, 0 }, NULL, N_("1 to 9: open the case file of that family member") },
	{ 0, { 0 }, NULL, NULL },
};

struct casefile {
	long long id;
	struct person p;
	struct person_relative relatives[MAX_RELATIVES];
	int nrelatives;
	struct person_stay stays[MAX_STAYS];
	int nstays;
	struct person_change changes[MAX_CHANGES];
	int nchanges;
	bool has_medical;
	struct medical_status medical;
};

/* Collects a relative. */
static void add_relative(const struct person_relative *r, void *ctx)
{
	struct casefile *s = ctx;
	if (s->nrelatives < MAX_RELATIVES)
		s->relatives[s->nrelatives++] = *r;
}

/* Collects a stay. */
static void add_stay(const struct person_stay *y, void *ctx)
{
	struct casefile *s = ctx;
	if (s->nstays < MAX_STAYS)
		s->stays[s->nstays++] = *y;
}

/* Collects a change. */
static void add_change(const struct person_change *c, void *ctx)
{
	struct casefile *s = ctx;
	if (s->nchanges < MAX_CHANGES)
		s->changes[s->nchanges++] = *c;
}

/* Reads everything again (after an edit, or coming back to the screen). */
static enum status load(struct app *app, struct casefile *s)
{
	struct db *db = app_db(app);
	enum status st = person_get(db, s->id, &s->p);
	if (st != ST_OK)
		return st;
	s->nrelatives = s->nstays = s->nchanges = 0;
	person_family(db, s->id, 0, MAX_RELATIVES, add_relative, s, NULL);
	person_stays(db, s->id, 0, MAX_STAYS, add_stay, s, NULL);
	person_history(db, s->id, 0, MAX_CHANGES, add_change, s, NULL);
	/* Every role but the administrator sees the plain medical status. */
	s->has_medical = medical_status_get(db, s->id, &s->medical) == ST_OK;
	return ST_OK;
}

static enum status casefile_enter(struct app *app, void *state, const void *arg)
{
	struct casefile *s = state;
	if (!arg)
		return ST_NOT_FOUND;
	s->id = *(const long long *)arg;
	return load(app, s);
}

/* Age text for a partial birth date: "23", "~23", "?". */
static void age_of(const char *birth, bool estimated, char *out, size_t size, bool *child)
{
	struct pdate b, today = clock_today();
	int min, max;
	*child = false;
	if (!birth[0] || date_from_iso(birth, &b) != DATE_OK || date_age_range(&b, &today, &min, &max) != 0) {
		snprintf(out, size, "%s", _("age unknown"));
		return;
	}
	*child = max < 18;
	snprintf(out, size, _("%s%d years"), estimated || min != max ? "~" : "", min);
}

/* "15/03/2026" from ISO, or the text "unknown". */
static void date_text(const char *iso, char *out, size_t size)
{
	struct pdate d;
	if (iso[0] && date_from_iso(iso, &d) == DATE_OK)
		date_format(&d, out, size);
	else
		snprintf(out, size, "%s", _("unknown"));
}

/* The label of a departure reason. */
static const char *reason_label(const char *reason)
{
	static const struct { const char *code, *label; } reasons[] = {
		{ "avr", N_("assisted voluntary return") }, { "continued", N_("continued journey") },
		{ "referred", N_("referred elsewhere") }, { "left", N_("left without notice") },
		{ "transferred", N_("transferred to another centre") },
	};
	for (size_t i = 0; i < sizeof reasons / sizeof reasons[0]; i++)
		if (strcmp(reasons[i].code, reason) == 0)
			return _(reasons[i].label);
	return reason;
}

/* The label of an arrival mode. */
static const char *mode_label(const char *mode)
{
	static const struct { const char *code, *label; } modes[] = {
		{ "self", N_("came by themselves") }, { "rescue", N_("desert rescue") },
		{ "police", N_("intercepted by police") }, { "transfer", N_("transferred") },
		{ "other", N_("other") },
	};
	for (size_t i = 0; i < sizeof modes / sizeof modes[0]; i++)
		if (strcmp(modes[i].code, mode) == 0)
			return _(modes[i].label);
	return mode;
}

/* The services of a stay, translated, into out. */
static void services_text(const char *codes, char *out, size_t size)
{
	static const struct { const char *code, *label; } services[] = {
		{ "accommodation", N_("accommodation") }, { "food", N_("food") }, { "water", N_("water") },
		{ "nfi", N_("non-food items") },
	};
	out[0] = '\0';
	for (size_t i = 0; i < sizeof services / sizeof services[0]; i++) {
		if (!strstr(codes, services[i].code))
			continue;
		size_t len = strlen(out);
		snprintf(out + len, size - len, "%s%s", len ? ", " : "", _(services[i].label));
	}
}

/* The label of a family relation. */
static const char *relation_label(const char *rel)
{
	static const struct { const char *code, *label; } rels[] = {
		{ "head", N_("head of household") }, { "spouse", N_("spouse") }, { "child", N_("child") },
		{ "sibling", N_("sibling") }, { "relative", N_("other relative") }, { "guardian", N_("guardian") },
	};
	for (size_t i = 0; i < sizeof rels / sizeof rels[0]; i++)
		if (strcmp(rels[i].code, rel) == 0)
			return _(rels[i].label);
	return rel;
}

/* The header: number, name, sex, age, nationality; then the flags. */
static int draw_header(struct casefile *s, WINDOW *win, int cols)
{
	const struct person *p = &s->p;
	char number[CASENUM_MAX], age[48], line[600];
	bool child;
	if (!casenum_display(p->case_key, number, sizeof number))
		snprintf(number, sizeof number, "%s", p->case_key);
	age_of(p->birth_date, p->birth_estimated, age, sizeof age, &child);
	snprintf(line, sizeof line, "%s   %s %s   %s   %s   %s", number, p->family_name, p->given_names,
	         p->sex == 'f' ? _("female") : p->sex == 'm' ? _("male") : _("sex unknown"), age,
	         p->nationality[0] ? p->nationality : "?");
	ui_put(win, 0, 1, cols - 2, A_BOLD, line);
	line[0] = '\0';
	if (child)
		snprintf(line, sizeof line, "%s", _("CHILD"));
	for (int f = 0; f < FLAG_COUNT_; f++) {
		if (!p->flags[f])
			continue;
		size_t len = strlen(line);
		snprintf(line + len, sizeof line - len, "%s%s", len ? " · " : "", _(person_flag_label((enum person_flag)f)));
	}
	if (line[0])
		return 1 + ui_put_wrapped(win, 1, 1, cols - 2, 2, A_BOLD, line);
	return 1;
}

static void casefile_draw(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct casefile *s = state;
	const struct person *p = &s->p;
	int cols = getmaxx(win), rows = getmaxy(win);
	int y = draw_header(s, win, cols) + 1;
	char line[600], a[32], b[32];

	date_text(p->birth_date, a, sizeof a);
	snprintf(line, sizeof line, _("Born: %s%s   Phone: %s   Also known as: %s"), a,
	         p->birth_estimated ? _(" (estimated)") : "", p->phone[0] ? p->phone : "-",
	         p->other_names[0] ? p->other_names : "-");
	ui_put(win, y++, 1, cols - 2, 0, line);
	date_text(p->arrival_date, a, sizeof a);
	date_text(p->consent_date, b, sizeof b);
	snprintf(line, sizeof line, _("Arrived %s at %s (%s)   Consent: data %s, sharing %s, on %s"), a,
	         p->centre_code, mode_label(p->arrival_mode), p->consent_data ? _("yes") : _("no"),
	         p->consent_share ? _("yes") : _("no"), b);
	ui_put(win, y++, 1, cols - 2, 0, line);
	line[0] = '\0';
	for (int i = 0; i < PERSON_MAX_LANGS && p->languages[i][0]; i++) {
		size_t len = strlen(line);
		snprintf(line + len, sizeof line - len, "%s%s", i ? ", " : _("Languages: "), p->languages[i]);
	}
	for (int i = 0; i < PERSON_MAX_DOCS && p->docs[i].type[0]; i++) {
		size_t len = strlen(line);
		snprintf(line + len, sizeof line - len, "   %s %s %s", p->docs[i].type, p->docs[i].number,
		         p->docs[i].issued_by);
	}
	if (line[0])
		ui_put(win, y++, 1, cols - 2, 0, line);

	if (s->has_medical && (s->medical.under_followup || s->medical.fitness[0])) {
		line[0] = '\0';
		if (s->medical.under_followup)
			snprintf(line, sizeof line, "%s", _("Under medical follow-up"));
		if (s->medical.next_appointment[0]) {
			date_text(s->medical.next_appointment, a, sizeof a);
			size_t len = strlen(line);
			snprintf(line + len, sizeof line - len, _(" · next appointment %s"), a);
		}
		if (s->medical.fitness[0]) {
			date_text(s->medical.fitness_date, b, sizeof b);
			size_t len = strlen(line);
			snprintf(line + len, sizeof line - len, "%s%s (%s)", len ? " · " : "",
			         strcmp(s->medical.fitness, "fit") == 0 ? _("fit to travel")
			         : strcmp(s->medical.fitness, "fit_escort") == 0 ? _("fit to travel with escort")
			                                                          : _("not fit to travel"), b);
		}
		ui_put(win, y++, 1, cols - 2, A_BOLD, line);
	}
	y++;
	ui_put(win, y++, 1, cols - 2, A_BOLD | A_UNDERLINE, _("Family"));
	if (!s->nrelatives)
		ui_put(win, y++, 3, cols - 4, 0, _("No family members linked."));
	for (int i = 0; i < s->nrelatives && y < rows - 8; i++) {
		const struct person_relative *r = &s->relatives[i];
		char number[CASENUM_MAX];
		if (!casenum_display(r->hit.case_key, number, sizeof number))
			snprintf(number, sizeof number, "%s", r->hit.case_key);
		char rel[80];
		ui_pad(relation_label(r->relation), 18, rel, sizeof rel);
		snprintf(line, sizeof line, "%d  %s %s  %s", i + 1, rel, r->hit.name, number);
		ui_put(win, y++, 3, cols - 4, 0, line);
	}
	y++;
	ui_put(win, y++, 1, cols - 2, A_BOLD | A_UNDERLINE, _("Stays"));
	for (int i = 0; i < s->nstays && y < rows - 5; i++) {
		const struct person_stay *st = &s->stays[i];
		char services[160];
		services_text(st->services, services, sizeof services);
		date_text(st->admitted, a, sizeof a);
		if (st->departed[0]) {
			date_text(st->departed, b, sizeof b);
			snprintf(line, sizeof line, "%s  %s - %s  %s   %s", st->centre_code, a, b, reason_label(st->reason),
			         services);
		} else {
			snprintf(line, sizeof line, "%s  %s - %s   %s", st->centre_code, a, _("staying"), services);
		}
		ui_put(win, y++, 3, cols - 4, 0, line);
	}
	y++;
	ui_put(win, y++, 1, cols - 2, A_BOLD | A_UNDERLINE, _("History of changes"));
	for (int i = 0; i < s->nchanges && y < rows; i++) {
		const struct person_change *c = &s->changes[i];
		snprintf(line, sizeof line, "%.10s %.5s  %-10s %-7s %s", c->at, c->at + 11, c->user_name, c->action,
		         c->changes);
		ui_put(win, y++, 3, cols - 4, 0, line);
	}
}

static enum ui_result casefile_input(struct app *app, void *state, int key)
{
	struct casefile *s = state;
	if (key >= '1' && key <= '9') {
		int i = key - '1';
		if (i < s->nrelatives)
			app_push(app, &screen_casefile, &s->relatives[i].id);
		return UI_HANDLED;
	}
	return UI_IGNORED;
}

static enum ui_result casefile_action(struct app *app, void *state, int action)
{
	struct casefile *s = state;
	if (action == ACT_CONSULT || action == ACT_MEDICAL) {
		if (!perm_allows((int)app_user(app)->role, PERM_MEDICAL_WRITE)) {
			app_error(app, _(status_msgid(ST_DENIED)));
			return UI_HANDLED;
		}
		app_push(app, action == ACT_CONSULT ? &screen_consultation : &screen_medical, &s->id);
		return UI_HANDLED;
	}
	if (action != ACT_EDIT && action != ACT_LINK && action != ACT_STAY)
		return UI_IGNORED;
	if (!perm_allows((int)app_user(app)->role, PERM_PERSON_WRITE)) {
		app_error(app, _(status_msgid(ST_DENIED)));
		return UI_HANDLED;
	}
	if (action == ACT_EDIT) {
		struct intake_arg a = { s->id, false };
		app_push(app, &screen_intake, &a);
	} else if (action == ACT_LINK) {
		struct lookup_pick pick = { s->id, false };
		app_push(app, &screen_lookup, &pick);
	} else {
		app_push(app, &screen_stay, &s->id);
	}
	return UI_HANDLED;
}

/* Coming back from the edit form: show what was saved. */
static void casefile_refresh(struct app *app, void *state)
{
	load(app, state);
}

const struct screen screen_casefile = {
	.name = "casefile",
	.title = N_("Case file"),
	.needs_login = true,
	.state_size = sizeof(struct casefile),
	.bindings = bindings,
	.enter = casefile_enter,
	.draw = casefile_draw,
	.input = casefile_input,
	.action = casefile_action,
	.resume = casefile_refresh,
};
