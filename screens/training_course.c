/* The course screen: its class (everyone enrolled or applying, by name,
 * with their status and outcome) or its waiting list (first come, first).
 * + enrols a person found through the quick lookup (the waiting list when
 * the course is full, and the screen says so), a adds an application;
 * Enter opens the selected enrolment (status, completion, follow-up); u
 * moves the selected person up from the waiting list; w switches between
 * the class and the waiting list; r takes the attendance of a day (the
 * roll, as for a psychosocial session). Each trainee's attendance rate
 * shows in the class. */
#include <stdio.h>
#include <string.h>

#include "core/casenum.h"
#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/person.h"
#include "core/text.h"
#include "core/training_vocab.h"
#include "core/vocab.h"
#include "db/reflist.h"
#include "db/roll.h"
#include "db/training.h"
#include "screens/screens.h"
#include "screens/training.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/lang.h"
#include "ui/list.h"

enum { ACT_OPEN = 1, ACT_ENROL, ACT_APPLY, ACT_UP, ACT_SWITCH, ACT_ROLL };

static const struct binding bindings[] = {
	{ ACT_OPEN, { '\n', UI_KEYCODE(KEY_F(2)), 0, 0 }, N_("Status"),
	  N_("Change the selected person's enrolment: status, drop-out, assessment, certificate, toolkit, follow-up") },
	{ ACT_ENROL, { '+', UI_KEYCODE(KEY_F(3)), 0, 0 }, N_("Enrol"),
	  N_("Enrol a person found through the quick lookup (on the waiting list when the course is full)") },
	{ ACT_APPLY, { 'a', 0, 0, 0 }, N_("Apply"), N_("Record the application of a person found through the lookup") },
	{ ACT_UP, { 'u', UI_KEYCODE(KEY_F(6)), 0, 0 }, N_("Move up"),
	  N_("Move the selected person up from the waiting list when a place is free") },
	{ ACT_SWITCH, { 'w', '\t', 0, 0 }, N_("Class/Waiting"), N_("Show the waiting list, or the class again") },
	{ ACT_ROLL, { 'r', UI_KEYCODE(KEY_F(7)), 0, 0 }, N_("Attendance"),
	  N_("Attendance of a day: asks the day (today by default), then opens its roll") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct list_column columns[] = {
	{ N_("Status"), 16, false },
	{ N_("Case number"), 15, false },
	{ N_("Age"), 7, false },
	{ N_("Outcome"), 13, false },
	/* TRANSLATORS: column of the attendance rate (days present over days taken), 5 wide */
	{ N_("Att."), 5, false },
	{ N_("Name"), 0, true },
};

/* Bumped when someone is enrolled from the lookup (which closed before):
 * the course screen reads itself again when drawn next. */
static unsigned enrolled_count;

struct course_screen {
	struct app *app;
	unsigned enrolled_seen;
	long long id;
	struct training_course course;
	char trade[324];
	bool waiting;             /* the waiting list shown, not the class */
	struct list list;
};

struct fill {
	struct course_screen *s;
	struct list_row *rows;
	int n;
};

/* The attendance rate of person in course: "85%", "-" before any day. */
static void rate_text(struct app *app, long long course, long long person, char *out, size_t size)
{
	struct roll_rate r;
	int pct = roll_course_rate(app_db(app), course, person, &r) == ST_OK ? roll_rate_percent(&r) : -1;
	if (pct < 0)
		snprintf(out, size, "%s", "-");
	else
		snprintf(out, size, "%d%%", pct);
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

/* The outcome in a few words: certificate, assessment, follow-up, or why
 * they dropped out. */
static void outcome(const struct training_enrolment *e, char *out, size_t size)
{
	if (e->followup[0])
		snprintf(out, size, "%s", short_of(VOCAB_TRAINING_FOLLOWUP, e->followup));
	else if (e->dropout_reason[0])
		snprintf(out, size, "%s", short_of(VOCAB_TRAINING_DROPOUT, e->dropout_reason));
	else if (e->assessment[0])
		snprintf(out, size, "%s", short_of(VOCAB_TRAINING_ASSESSMENT, e->assessment));
	else
		snprintf(out, size, "%s", "");
}

static void add_row(const struct training_enrolment *e, void *ctx)
{
	struct fill *f = ctx;
	struct list_row *row = &f->rows[f->n++];
	snprintf(row->cells[0], sizeof row->cells[0], "%s", short_of(VOCAB_TRAINING_ENROLMENT_STATUS, e->status));
	if (!casenum_display(e->case_key, row->cells[1], sizeof row->cells[1]))
		snprintf(row->cells[1], sizeof row->cells[1], "%s", e->case_key);
	struct pdate today = clock_today();
	int years;
	bool approx, child;
	char sex = e->sex == 'f' ? 'F' : e->sex == 'm' ? 'M' : ' ';
	if (person_age(e->birth_date, false, &today, &years, &approx, &child))
		snprintf(row->cells[2], sizeof row->cells[2], "%s%d %c", approx ? "~" : "", years, sex);
	else
		snprintf(row->cells[2], sizeof row->cells[2], "? %c", sex);
	outcome(e, row->cells[3], sizeof row->cells[3]);
	if (strcmp(e->status, "waiting") == 0)
		snprintf(row->cells[4], sizeof row->cells[4], "%s", "");
	else
		rate_text(f->s->app, e->course_id, e->person_id, row->cells[4], sizeof row->cells[4]);
	char name[2 * PERSON_NAME_MAX + 4];
	snprintf(name, sizeof name, "%s %s", e->family_name, e->given_names);
	text_fit(name, LIST_CELL - 1, row->cells[5], sizeof row->cells[5]);
	row->key.id = e->id;
}

static int fetch(void *ctx, enum page_dir dir, const struct list_key *key, int limit, struct list_row *rows,
                 bool *more)
{
	struct course_screen *s = ctx;
	struct fill f = { s, rows, 0 };
	struct training_enrolment k;
	/* The key's names are read again: a list key holds too little text. */
	if (key && training_enrolment_get(app_db(s->app), key->id, &k) != ST_OK)
		key = NULL;
	enum status st = training_enrolment_list(app_db(s->app), s->id, s->waiting ? TRAINING_WAITING : TRAINING_CLASS,
	                                         dir, key ? &k : NULL, limit, add_row, &f, more);
	return st == ST_OK ? f.n : -1;
}

static void reread(struct course_screen *s)
{
	if (training_course_get(app_db(s->app), s->id, &s->course) != ST_OK)
		return;
	reflist_name(app_db(s->app), s->course.trade_id, lang_get(), s->trade, sizeof s->trade);
}

static enum status course_enter(struct app *app, void *state, const void *arg)
{
	struct course_screen *s = state;
	s->app = app;
	s->id = *(const long long *)arg;
	s->enrolled_seen = enrolled_count;
	enum status st = training_course_get(app_db(app), s->id, &s->course);
	if (st != ST_OK)
		return st;
	reread(s);
	list_init(&s->list, columns, 6, fetch, s);
	return ST_OK;
}

static enum ui_result course_input(struct app *app, void *state, int key)
{
	(void)app;
	struct course_screen *s = state;
	return list_key(&s->list, key) ? UI_HANDLED : UI_IGNORED;
}

static bool allowed(struct app *app, enum perm p)
{
	if (perm_allows((int)app_user(app)->role, p))
		return true;
	app_error(app, _(status_msgid(ST_DENIED)));
	return false;
}

/* Someone picked in the lookup (which closed, back to the course): for_id
 * is the course, negative for an application. */
static enum status picked(struct app *app, long long for_id, long long person, const char *name)
{
	bool apply = for_id < 0;
	long long course = apply ? -for_id : for_id;
	bool waitlisted = false;
	const char *why = NULL;
	enum status st = training_enrol(app_db(app), course, person, apply ? "applied" : "enrolled", NULL, &waitlisted,
	                                &why);
	char line[400];
	if (st != ST_OK) {
		app_error(app, _(why ? why : status_msgid(st)));
		return ST_OK;
	}
	enrolled_count++;
	if (waitlisted)
		snprintf(line, sizeof line, _("The course is full: %s is on the waiting list."), name ? name : "");
	else if (apply)
		snprintf(line, sizeof line, _("Application of %s recorded."), name ? name : "");
	else
		snprintf(line, sizeof line, _("%s is enrolled."), name ? name : "");
	app_message(app, line);
	return ST_OK;
}

static enum ui_result course_action(struct app *app, void *state, int action)
{
	struct course_screen *s = state;
	if (action == ACT_SWITCH) {
		s->waiting = !s->waiting;
		list_reload(&s->list);
		return UI_HANDLED;
	}
	if (action == ACT_ROLL) {
		if (allowed(app, PERM_TRAINING_WRITE))
			training_day_roll_open(app, s->id);
		return UI_HANDLED;
	}
	if (action == ACT_ENROL || action == ACT_APPLY) {
		if (!allowed(app, PERM_TRAINING_WRITE))
			return UI_HANDLED;
		const struct lookup_pick pick = {
			action == ACT_ENROL ? N_("Find the person to enrol, then Enter.")
			                    : N_("Find the person who applies, then Enter."),
			action == ACT_ENROL ? s->id : -s->id, 0, true, picked
		};
		lookup_pick(app, &pick);
		return UI_HANDLED;
	}
	const struct list_row *row = list_current(&s->list);
	if (!row)
		return action == ACT_OPEN || action == ACT_UP ? UI_HANDLED : UI_IGNORED;
	if (action == ACT_OPEN) {
		if (allowed(app, PERM_TRAINING_WRITE))
			training_enrolment_form_open(app, row->key.id);
		return UI_HANDLED;
	}
	if (action == ACT_UP) {
		if (!allowed(app, PERM_TRAINING_WRITE))
			return UI_HANDLED;
		struct training_enrolment e;
		const char *why = NULL;
		enum status st = training_enrolment_get(app_db(app), row->key.id, &e);
		if (st == ST_OK && strcmp(e.status, "waiting") != 0) {
			app_error(app, _("Only someone on the waiting list moves up: w shows it."));
			return UI_HANDLED;
		}
		if (st == ST_OK)
			st = training_enrolment_promote(app_db(app), e.id, &e.version, &why);
		if (st != ST_OK) {
			app_error(app, _(why ? why : status_msgid(st)));
		} else {
			app_message(app, _("Moved up from the waiting list: enrolled."));
			reread(s);
			list_refresh(&s->list);
		}
		return UI_HANDLED;
	}
	return UI_IGNORED;
}

static void course_resume(struct app *app, void *state)
{
	(void)app;
	struct course_screen *s = state;
	reread(s);
	list_refresh(&s->list);
}

/* The selected person whole under the list (a name is never cut): name,
 * status, and the outcome with its dates. */
static void detail(struct app *app, struct course_screen *s, WINDOW *win, int y, int cols)
{
	const struct list_row *row = list_current(&s->list);
	struct training_enrolment e;
	if (!row || training_enrolment_get(app_db(app), row->key.id, &e) != ST_OK)
		return;
	char line[1600], day[16];
	snprintf(line, sizeof line, "%s %s · %s", e.family_name, e.given_names,
	         short_of(VOCAB_TRAINING_ENROLMENT_STATUS, e.status));
	size_t len = strlen(line);
	if (e.dropout_reason[0])
		snprintf(line + len, sizeof line - len, " (%s)", short_of(VOCAB_TRAINING_DROPOUT, e.dropout_reason));
	len = strlen(line);
	if (e.assessment[0])
		snprintf(line + len, sizeof line - len, " · %s", short_of(VOCAB_TRAINING_ASSESSMENT, e.assessment));
	len = strlen(line);
	if (e.certificate_no[0])
		snprintf(line + len, sizeof line - len, _(" · certificate %s"), e.certificate_no);
	len = strlen(line);
	if (e.toolkit_date[0]) {
		day_text(e.toolkit_date, day, sizeof day);
		snprintf(line + len, sizeof line - len, _(" · toolkit %s"), day);
	}
	len = strlen(line);
	if (e.followup[0]) {
		day_text(e.followup_date, day, sizeof day);
		snprintf(line + len, sizeof line - len, _(" · follow-up %s: %s"), day,
		         short_of(VOCAB_TRAINING_FOLLOWUP, e.followup));
	}
	len = strlen(line);
	struct roll_rate rate;
	if (roll_course_rate(app_db(app), e.course_id, e.person_id, &rate) == ST_OK && rate.days > 0)
		snprintf(line + len, sizeof line - len, _(" · attendance %d/%d (%d%%)"), rate.attended, rate.days,
		         roll_rate_percent(&rate));
	ui_put_wrapped(win, y, 2, cols - 4, 2, 0, line);
}

static void course_draw(struct app *app, void *state, WINDOW *win)
{
	struct course_screen *s = state;
	if (s->enrolled_seen != enrolled_count) {
		s->enrolled_seen = enrolled_count;
		reread(s);
		list_refresh(&s->list);
	}
	int cols = getmaxx(win);
	const struct training_course *c = &s->course;
	char line[1200], from[16], to[16];
	day_text(c->start_date, from, sizeof from);
	day_text(c->end_date, to, sizeof to);
	const char *status = vocab_label(VOCAB_TRAINING_COURSE_STATUS, c->status);
	snprintf(line, sizeof line, _("%s · %s · %s to %s · %s"), s->trade, c->title, from, to, status ? _(status) : "");
	/* The title whole, on a second row when it needs one. */
	int y = ui_put_wrapped(win, 0, 2, cols - 4, 2, A_BOLD, line) > 1 ? 2 : 1;
	const char *cert = vocab_label(VOCAB_TRAINING_CERTIFICATE, c->certificate);
	if (c->reserved_community)
		snprintf(line, sizeof line, _("Places taken %d of %d (%d kept for community members) · waiting %d · %s"),
		         c->taken, c->capacity, c->reserved_community, c->waiting, cert ? _(cert) : "");
	else
		snprintf(line, sizeof line, _("Places taken %d of %d · waiting %d · %s"), c->taken, c->capacity, c->waiting,
		         cert ? _(cert) : "");
	y += ui_put_wrapped(win, y, 2, cols - 4, 2, 0, line) > 1 ? 2 : 1;
	ui_put(win, y, 2, cols - 4, A_BOLD,
	       s->waiting ? _("Waiting list, first come first (w: the class)") : _("Class (w: the waiting list)"));
	s->list.privacy = app_privacy(app);
	list_draw(&s->list, win, y + 1, getmaxy(win) - y - 3);
	detail(app, s, win, getmaxy(win) - 2, cols);
	if (list_empty(&s->list))
		ui_put_wrapped(win, y + 3, 4, cols - 8, 2, 0,
		               s->waiting ? _("Nobody is waiting.") : _("Nobody yet: + enrols a person, a records an application."));
}

static const struct screen screen_course = {
	.name = "training_course",
	.title = N_("Course"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_TRAINING_READ),
	.state_size = sizeof(struct course_screen),
	.bindings = bindings,
	.enter = course_enter,
	.draw = course_draw,
	.input = course_input,
	.action = course_action,
	.resume = course_resume,
};

enum status training_course_open(struct app *app, long long id)
{
	return app_push(app, &screen_course, &id);
}
