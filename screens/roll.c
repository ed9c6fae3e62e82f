/* The attendance roll (db/roll.h), one screen for its two kinds: a
 * psychosocial session (opened from the sessions) and a day of a course
 * (opened from the course screen, r); the header line and the permission
 * come from the kind. Built for a facilitator with a queue
 * of people in front of them. The filter line has the focus: typing any
 * part of a name or case number narrows the list at each key; Enter marks
 * the selected person present and empties the filter for the next one
 * (a few letters and Enter per person). Without a filter, Enter marks
 * present and moves to the next row (walking the list in order). The other
 * marks are function keys, which never collide with typing: F5 absent,
 * F6 excused, F7 left early, Del clears. For terminals that send no
 * function keys, Tab moves the focus to the list, where single letters
 * mark: space or Enter present, a absent, x excused, l left early, 0
 * clears; any other letter goes back to the filter. + adds someone not
 * listed through the quick lookup. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/casenum.h"
#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/person.h"
#include "core/psych_vocab.h"
#include "core/training_vocab.h"
#include "core/text.h"
#include "core/vocab.h"
#include "db/psych_session.h"
#include "db/reflist.h"
#include "db/roll.h"
#include "db/training.h"
#include "screens/psych_sessions.h"
#include "screens/roll.h"
#include "screens/screens.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/lang.h"
#include "ui/lineedit.h"
#include "ui/list.h"

enum { ACT_PRESENT = 1, ACT_ABSENT, ACT_EXCUSED, ACT_LEFT, ACT_CLEAR, ACT_ADD, ACT_FOCUS, ACT_MOVE };

static const struct binding bindings[] = {
	{ ACT_PRESENT, { '\n', UI_KEYCODE(KEY_F(2)), 0, 0 }, N_("Present"),
	  N_("Mark the selected person present (with a filter: then empty it for the next person)") },
	{ ACT_ABSENT, { UI_KEYCODE(KEY_F(5)), 0, 0, 0 }, N_("Absent"), N_("Mark the selected person absent") },
	{ ACT_EXCUSED, { UI_KEYCODE(KEY_F(6)), 0, 0, 0 }, N_("Excused"), N_("Mark the selected person excused") },
	{ ACT_LEFT, { UI_KEYCODE(KEY_F(7)), 0, 0, 0 }, N_("Left early"), N_("Mark that the selected person left early") },
	{ ACT_CLEAR, { UI_KEYCODE(KEY_DC), 0, 0, 0 }, NULL, N_("Clear the selected person's mark") },
	{ ACT_ADD, { '+', UI_KEYCODE(KEY_F(3)), 0, 0 }, N_("Add"),
	  N_("Add someone not listed (another centre, the community) through the quick lookup") },
	{ ACT_FOCUS, { '\t', 0, 0, 0 }, NULL,
	  N_("Mark by letters in the list (space present, a absent, x excused, l left early, 0 clear); "
	     "Tab again or any other letter: back to the filter") },
	{ ACT_MOVE, { UI_KEYCODE(KEY_UP), UI_KEYCODE(KEY_DOWN), UI_KEYCODE(KEY_NPAGE), UI_KEYCODE(KEY_PPAGE) },
	  NULL, N_("Move in the list (Home and End too); typing narrows it, Esc empties the filter") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct list_column columns[] = {
	{ N_("Mark"), 12, false },
	{ N_("Case number"), 15, false },
	{ N_("Age"), 9, false },
	{ N_("Name"), 0, true },
};

/* Bumped when someone is added from the lookup: the roll under it reads
 * itself again when it is drawn next (the lookup closed before). The roll
 * the lookup adds to (a pick gives back one id, a course day has two). */
static unsigned added_count;
static struct roll_ref adding;

struct roll_screen {
	struct app *app;
	unsigned added_seen;
	struct roll_ref ref;
	char head[1200];          /* the header line: day, gathering, status */
	struct lineedit filter;
	char filter_text[LINEEDIT_MAX * 4 + 1];
	bool list_focus;
	bool browsing;            /* the last key moved in the list: no cursor in the filter */
	struct roll_counts counts;
	struct list list;
};

struct fill {
	struct list_row *rows;
	int n;
};

/* The list row's key: the person, and in its text the mark as shown and
 * its version ("present 2"), for marking from what the screen showed. */
static void add_row(const struct roll_row *r, void *ctx)
{
	struct fill *f = ctx;
	struct list_row *row = &f->rows[f->n++];
	const char *label = r->mark[0] ? vocab_label(VOCAB_PSYCH_MARK, r->mark) : NULL;
	snprintf(row->cells[0], sizeof row->cells[0], "%s", label ? _(label) : "·");
	if (!casenum_display(r->case_key, row->cells[1], sizeof row->cells[1]))
		snprintf(row->cells[1], sizeof row->cells[1], "%s", r->case_key);
	struct pdate today = clock_today();
	int years;
	bool approx, child;
	if (person_age(r->birth_date, false, &today, &years, &approx, &child))
		snprintf(row->cells[2], sizeof row->cells[2], "%s%d %c", approx ? "~" : "", years,
		         r->sex == 'f' ? 'F' : r->sex == 'm' ? 'M' : ' ');
	else
		snprintf(row->cells[2], sizeof row->cells[2], "? %c", r->sex == 'f' ? 'F' : r->sex == 'm' ? 'M' : ' ');
	char name[2 * PERSON_NAME_MAX + 40];
	snprintf(name, sizeof name, "%s %s%s", r->family_name, r->given_names, r->listed ? "" : _(" (added)"));
	text_fit(name, LIST_CELL - 1, row->cells[3], sizeof row->cells[3]);
	row->key.id = r->person_id;
	snprintf(row->key.text, sizeof row->key.text, "%s %d", r->mark, r->mark_version);
}

static int fetch(void *ctx, enum page_dir dir, const struct list_key *key, int limit, struct list_row *rows,
                 bool *more)
{
	struct roll_screen *s = ctx;
	struct fill f = { rows, 0 };
	struct roll_row k;
	/* The key's names are read again: a list key holds too little text. */
	if (key && roll_row_get(app_db(s->app), &s->ref, key->id, &k) != ST_OK)
		key = NULL;
	enum status st = roll_page(app_db(s->app), &s->ref, s->filter_text, dir, key ? &k : NULL, limit, add_row, &f,
	                           more);
	return st == ST_OK ? f.n : -1;
}

static void recount(struct roll_screen *s)
{
	if (roll_count(app_db(s->app), &s->ref, &s->counts) != ST_OK)
		memset(&s->counts, 0, sizeof s->counts);
}

static void day_text(const char *iso, char *out, size_t size)
{
	struct pdate d;
	if (date_from_iso(iso, &d) == DATE_OK)
		date_format(&d, out, size);
	else
		snprintf(out, size, "%s", iso);
}

/* The header of a session: day, time, centre, activity, title, status. */
static enum status session_head(struct app *app, struct roll_screen *s)
{
	struct psych_session ses;
	enum status st = psych_session_get(app_db(app), s->ref.id, &ses);
	if (st != ST_OK)
		return st;
	char activity[324] = "", day[16];
	reflist_name(app_db(app), ses.activity_id, lang_get(), activity, sizeof activity);
	day_text(ses.date, day, sizeof day);
	const char *status = vocab_label(VOCAB_PSYCH_STATUS, ses.status);
	snprintf(s->head, sizeof s->head, "%s %s %s · %s%s%s · %s", day, ses.start_time, ses.centre_code, activity,
	         ses.title[0] ? " · " : "", ses.title, status ? _(status) : "");
	return ST_OK;
}

/* The header of a course day: the day, centre, trade, title, status. */
static enum status course_head(struct app *app, struct roll_screen *s)
{
	struct training_course c;
	enum status st = training_course_get(app_db(app), s->ref.id, &c);
	if (st != ST_OK)
		return st;
	char trade[324] = "", day[16];
	reflist_name(app_db(app), c.trade_id, lang_get(), trade, sizeof trade);
	day_text(s->ref.day, day, sizeof day);
	const char *status = vocab_label(VOCAB_TRAINING_COURSE_STATUS, c.status);
	snprintf(s->head, sizeof s->head, "%s %s · %s · %s · %s", day, c.centre_code, trade, c.title,
	         status ? _(status) : "");
	return ST_OK;
}

static enum status roll_enter(struct app *app, void *state, const void *arg)
{
	struct roll_screen *s = state;
	s->app = app;
	if (!arg)
		return ST_NOT_FOUND;
	s->ref = *(const struct roll_ref *)arg;
	enum status st = s->ref.kind == ROLL_COURSE_DAY ? course_head(app, s) : session_head(app, s);
	if (st != ST_OK)
		return st;
	le_init(&s->filter, 40);
	list_init(&s->list, columns, 4, fetch, s);
	recount(s);
	s->added_seen = added_count;
	return ST_OK;
}

static void set_filter(struct roll_screen *s, const char *text)
{
	le_set(&s->filter, text);
	le_get(&s->filter, s->filter_text, sizeof s->filter_text);
	list_reload(&s->list);
}

/* Marks the selected person; mark "" clears. */
static enum ui_result mark(struct app *app, struct roll_screen *s, const char *mark)
{
	const struct list_row *row = list_current(&s->list);
	if (!row)
		return UI_HANDLED;
	struct roll_row r;
	memset(&r, 0, sizeof r);
	r.person_id = row->key.id;
	sscanf(row->key.text, "%11s %d", r.mark, &r.mark_version);
	if (r.mark[0] >= '0' && r.mark[0] <= '9') {   /* no mark: the text is " 0" */
		r.mark_version = atoi(r.mark);
		r.mark[0] = '\0';
	}
	const char *why = NULL;
	bool held = false;
	enum status st = roll_mark(app_db(app), &s->ref, &r, mark, &why, &held);
	if (st == ST_CONFLICT) {
		char msg[300];
		const char *label = r.mark[0] ? vocab_label(VOCAB_PSYCH_MARK, r.mark) : NULL;
		if (label)
			snprintf(msg, sizeof msg, _("Marked %s by %s meanwhile: the row now shows it."), _(label),
			         r.marked_by[0] ? r.marked_by : "?");
		else
			snprintf(msg, sizeof msg, "%s", _("Someone else cleared this mark meanwhile: the row now shows it."));
		app_error(app, msg);
		list_refresh(&s->list);
		recount(s);
		return UI_HANDLED;
	}
	if (st != ST_OK) {
		app_error(app, _(why ? why : status_msgid(st)));
		return UI_HANDLED;
	}
	if (held) {
		session_head(app, s);
		app_message(app, _("The session is now recorded as held."));
	}
	recount(s);
	if (s->filter_text[0] && strcmp(mark, "present") == 0) {
		set_filter(s, "");   /* ready for the next person in the queue */
	} else {
		list_refresh(&s->list);
		if (mark[0])
			list_key(&s->list, UI_KEYCODE(KEY_DOWN));
	}
	return UI_HANDLED;
}

/* Someone picked in the lookup (which closed, back to the roll): marked
 * present, on the roll from now on; the roll reads itself again. */
static enum status added(struct app *app, long long for_id, long long person, const char *name)
{
	(void)name;
	struct roll_row r;
	const char *why = NULL;
	if (for_id != adding.id)
		return ST_NOT_FOUND;
	enum status st = roll_row_get(app_db(app), &adding, person, &r);
	if (st == ST_OK && r.mark[0] && strcmp(r.mark, "present") == 0) {
		app_message(app, _("Already marked present."));
		return ST_OK;
	}
	if (st == ST_OK)
		st = roll_mark(app_db(app), &adding, &r, "present", &why, NULL);
	if (st != ST_OK) {
		app_error(app, _(why ? why : status_msgid(st)));
	} else {
		added_count++;
		app_message(app, _("Added and marked present."));
	}
	return ST_OK;
}

static enum ui_result roll_action(struct app *app, void *state, int action)
{
	struct roll_screen *s = state;
	switch (action) {
	case ACT_PRESENT: return mark(app, s, "present");
	case ACT_ABSENT: return mark(app, s, "absent");
	case ACT_EXCUSED: return mark(app, s, "excused");
	case ACT_LEFT: return mark(app, s, "left_early");
	case ACT_CLEAR: return mark(app, s, "");
	case ACT_FOCUS:
		s->list_focus = !s->list_focus;
		return UI_HANDLED;
	case ACT_ADD: {
		const struct lookup_pick pick = { N_("Find the person to add, then Enter: marked present."), s->ref.id, 0,
			                          true, added };
		adding = s->ref;
		lookup_pick(app, &pick);
		return UI_HANDLED;
	}
	default: return UI_IGNORED;
	}
}

static enum ui_result roll_input(struct app *app, void *state, int key)
{
	struct roll_screen *s = state;
	if (list_key(&s->list, key)) {
		s->browsing = true;
		return UI_HANDLED;
	}
	if (key == UI_ESC && s->filter_text[0]) {
		set_filter(s, "");
		return UI_HANDLED;
	}
	/* Keys the filter would take otherwise. */
	if (key == '\n')
		return roll_action(app, s, ACT_PRESENT);
	if (key == UI_KEYCODE(KEY_DC))
		return roll_action(app, s, ACT_CLEAR);
	if (key == '\t')
		return roll_action(app, s, ACT_FOCUS);
	if (key == '+')
		return roll_action(app, s, ACT_ADD);
	if (s->list_focus) {
		switch (key) {
		case ' ': return roll_action(app, s, ACT_PRESENT);
		case 'a': return roll_action(app, s, ACT_ABSENT);
		case 'x': return roll_action(app, s, ACT_EXCUSED);
		case 'l': return roll_action(app, s, ACT_LEFT);
		case '0': return roll_action(app, s, ACT_CLEAR);
		default:
			if (!keys_is_text(key))
				return UI_IGNORED;
			s->list_focus = false;   /* typing a name: back to the filter */
		}
	}
	enum le_result r = le_key(&s->filter, key);
	if (r != LE_IGNORED)
		s->browsing = false;
	if (r == LE_CHANGED) {
		le_get(&s->filter, s->filter_text, sizeof s->filter_text);
		list_reload(&s->list);
	}
	return r == LE_IGNORED ? UI_IGNORED : UI_HANDLED;
}

/* In the list (Tab) or moving in it: no cursor in the filter. */
static bool roll_cursor_hidden(struct app *app, void *state)
{
	(void)app;
	const struct roll_screen *s = state;
	return s->list_focus || s->browsing;
}

static bool roll_typing(struct app *app, void *state)
{
	(void)app;
	(void)state;
	return true;
}

static void roll_resume(struct app *app, void *state)
{
	(void)app;
	struct roll_screen *s = state;
	recount(s);
	list_refresh(&s->list);
}

static void roll_draw(struct app *app, void *state, WINDOW *win)
{
	struct roll_screen *s = state;
	if (s->added_seen != added_count) {
		s->added_seen = added_count;
		recount(s);
		list_refresh(&s->list);
	}
	int cols = getmaxx(win);
	char line[800];
	/* The title whole, on a second row when it needs one. */
	int y = ui_put_wrapped(win, 0, 2, cols - 4, 2, A_BOLD, s->head) > 1 ? 2 : 1;
	snprintf(line, sizeof line, _("Listed %d · present %d · absent %d · excused %d · left early %d"),
	         s->counts.listed, s->counts.present, s->counts.absent, s->counts.excused, s->counts.left_early);
	y += ui_put_wrapped(win, y, 2, cols - 4, 2, 0, line) > 1 ? 2 : 1;
	char label[64];
	snprintf(label, sizeof label, _("%s: "), _("Find"));
	int w = ui_put(win, y, 2, 20, A_BOLD, label);
	ui_put(win, y, 2 + w + 42, cols - w - 46, 0,
	       s->list_focus ? _("marks: space a x l 0") : _("Enter present, F5 F6 F7"));
	s->list.privacy = app_privacy(app);
	list_draw(&s->list, win, y + 1, getmaxy(win) - y - 1);
	if (list_empty(&s->list) && s->filter_text[0])
		ui_put_wrapped(win, y + 3, 4, cols - 8, 2, 0, _("Nobody on the roll matches: + adds someone through the lookup."));
	if (!s->list_focus)
		le_draw(&s->filter, win, y, 2 + w, 41, UI_ATTR_FIELD, false);
}

static const struct screen screen_roll = {
	.name = "psych_roll",
	.title = N_("Attendance roll"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_PSYCH_WRITE),
	.state_size = sizeof(struct roll_screen),
	.bindings = bindings,
	.enter = roll_enter,
	.draw = roll_draw,
	.input = roll_input,
	.action = roll_action,
	.typing = roll_typing,
	.cursor_hidden = roll_cursor_hidden,
	.resume = roll_resume,
};

/* The same screen for a course day: its name and permission. */
static const struct screen screen_course_roll = {
	.name = "course_roll",
	.title = N_("Attendance of a course day"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_TRAINING_WRITE),
	.state_size = sizeof(struct roll_screen),
	.bindings = bindings,
	.enter = roll_enter,
	.draw = roll_draw,
	.input = roll_input,
	.action = roll_action,
	.typing = roll_typing,
	.cursor_hidden = roll_cursor_hidden,
	.resume = roll_resume,
};

enum status roll_open(struct app *app, const struct roll_ref *ref)
{
	return app_push(app, ref->kind == ROLL_COURSE_DAY ? &screen_course_roll : &screen_roll, ref);
}

enum status roll_instead(struct app *app, const struct roll_ref *ref)
{
	return app_replace(app, ref->kind == ROLL_COURSE_DAY ? &screen_course_roll : &screen_roll, ref);
}

enum status psych_roll_open(struct app *app, long long id)
{
	struct roll_ref ref = roll_of_session(id);
	return roll_open(app, &ref);
}
