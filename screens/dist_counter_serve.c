/* The distribution counter, serving: for each person the case number
 * (with or without dashes; a wrong check character is refused, with the
 * existing numbers close to it) or / for the quick lookup, Enter; the
 * person and the state of each item show; Enter serves what is due and the
 * prompt is ready for the next person, the serving shown on a line until
 * the next. Ctrl-O serves what the rules refuse, with a reason (managers);
 * Ctrl-R reverses a serving, with a reason. The stock of each item shows
 * beside it, with a warning when low. Nothing medical, of protection or of
 * psychosocial support shows here. In privacy mode the names but the
 * person being served are masked. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/casenum.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/vocab.h"
#include "core/dist_vocab.h"
#include "db/dist_item.h"
#include "db/dist_stock.h"
#include "db/person.h"
#include "db/refdata.h"
#include "dist_counter_private.h"
#include "screens/screens.h"
#include "ui/draw.h"
#include "ui/lang.h"
#include "ui/lineedit.h"

enum { ACT_ENTER = 1, ACT_OVERRIDE, ACT_REVERSE, ACT_FIND };
enum mode { MODE_CASE, MODE_OVERRIDE, MODE_REVERSE };

static const struct binding bindings[] = {
	{ ACT_ENTER, { '\n', 0, 0, 0 }, N_("Serve"),
	  N_("After a case number: show the person; then Enter again serves every item due") },
	{ ACT_FIND, { UI_KEYCODE(KEY_F(4)), UI_CTRL('F'), '/', 0 }, N_("Find"),
	  N_("Find the person by name or phone (/ on an empty prompt)") },
	{ ACT_OVERRIDE, { UI_CTRL('O'), 0, 0, 0 }, N_("Override"),
	  N_("Serve every item to the person shown, even those the rules refuse, saying why (managers)") },
	{ ACT_REVERSE, { UI_CTRL('R'), 0, 0, 0 }, N_("Reverse"),
	  N_("Reverse a mistaken serving, saying why: the person's servings of today, or the last served here") },
	{ 0, { 0 }, NULL, NULL },
};

struct serve_screen {
	struct counter_setting set;
	struct dist_item items[DIST_SERVE_MAX_ITEMS];
	long long balance[DIST_SERVE_MAX_ITEMS];
	bool low[DIST_SERVE_MAX_ITEMS];
	struct lineedit box;
	enum mode mode;
	bool shown;                               /* a person is shown */
	struct dist_person p;
	struct dist_item_state st[DIST_SERVE_MAX_ITEMS];
	struct person_number_check number;        /* a case number typed wrong */
	char served[400];                         /* "Served: ... to NAME" */
	char served_name[410];
	long long last[DIST_SERVE_MAX_ITEMS];     /* the servings made for the last person */
	int nlast;
	char centre_name[160];
};

static struct serve_screen *serving;          /* the screen open, for the lookup's pick */

static void load_stock(struct app *app, struct serve_screen *s)
{
	for (int i = 0; i < s->set.n; i++)
		if (dist_stock_balance(app_db(app), s->set.c.centre_code, s->items[i].id, &s->balance[i], &s->low[i]) != ST_OK)
			s->balance[i] = 0;
}

static enum status serve_enter(struct app *app, void *state, const void *arg)
{
	struct serve_screen *s = state;
	s->set = *(const struct counter_setting *)arg;
	for (int i = 0; i < s->set.n; i++) {
		enum status st = dist_item_get(app_db(app), s->set.items[i], &s->items[i]);
		if (st != ST_OK)
			return st;
	}
	ref_centre_name(app_db(app), s->set.c.centre_code, lang_get(), s->centre_name, sizeof s->centre_name);
	le_init(&s->box, 200);
	load_stock(app, s);
	serving = s;
	return ST_OK;
}

static void serve_leave(struct app *app, void *state)
{
	(void)app;
	struct serve_screen *s = state;
	s->shown = false;
	if (serving == s)
		serving = NULL;
}

static bool has_meal(const struct serve_screen *s)
{
	for (int i = 0; i < s->set.n; i++)
		if (strcmp(s->items[i].rule.frequency, "per_meal") == 0)
			return true;
	return false;
}

static void name_of(const struct dist_person *p, char *out, size_t size)
{
	snprintf(out, size, "%s %s", p->family_name, p->given_names);
}

static enum status show(struct app *app, struct serve_screen *s, long long id)
{
	enum status st = dist_person_read(app_db(app), s->set.c.centre_code, id, &s->p);
	if (st == ST_OK)
		st = dist_states(app_db(app), &s->set.c, &s->p, s->set.items, s->set.n, s->st);
	s->shown = st == ST_OK;
	if (st != ST_OK)
		app_error(app, _(status_msgid(st)));
	return st;
}

static enum status picked(struct app *app, long long for_id, long long person, const char *name)
{
	(void)for_id;
	(void)name;
	if (!serving)
		return ST_NOT_FOUND;
	serving->mode = MODE_CASE;
	le_init(&serving->box, 200);
	return show(app, serving, person);
}

static void find(struct app *app)
{
	const struct lookup_pick pick = { N_("Find the person to serve, then Enter."), 0, 0, true, picked };
	lookup_pick(app, &pick);
}

/* The case number typed: the person shown, or why not. */
static void by_number(struct app *app, struct serve_screen *s, const char *typed)
{
	char key[CASENUM_KEY_SIZE];
	memset(&s->number, 0, sizeof s->number);
	s->shown = false;
	if (!casenum_key(typed, key, sizeof key)) {
		app_error(app, _("Type a case number (with or without dashes), or / to find the person by name."));
		return;
	}
	if (!casenum_valid(key)) {
		person_number_check(app_db(app), typed, &s->number);
		if (!s->number.wrong) {
			s->number.wrong = true;
			snprintf(s->number.shown, sizeof s->number.shown, "%.23s", typed);
		}
		app_error(app, _("Wrong check character: check the number typed."));
		return;
	}
	long long id = 0;
	enum status st = dist_person_by_key(app_db(app), key, &id);
	if (st == ST_NOT_FOUND) {
		char shown[CASENUM_MAX], msg[200];
		casenum_display(key, shown, sizeof shown);
		snprintf(msg, sizeof msg, _("Nobody has the case number %s."), shown);
		app_error(app, msg);
		return;
	}
	if (st != ST_OK) {
		app_error(app, _(status_msgid(st)));
		return;
	}
	if (show(app, s, id) == ST_OK)
		le_init(&s->box, 200);
}

static void day_text(const char *iso, char *out, size_t size)
{
	struct pdate d;
	if (date_from_iso(iso, &d) == DATE_OK)
		date_format(&d, out, size);
	else
		snprintf(out, size, "%s", iso);
}

/* The state of item i in words. */
static void state_text(const struct serve_screen *s, int i, char *out, size_t size)
{
	const struct dist_item_state *t = &s->st[i];
	char when[8] = "", day[16] = "", by[200] = "";
	struct tm tm;
	localtime_r(&t->served_at, &tm);
	strftime(when, sizeof when, "%H:%M", &tm);
	day_text(t->state == DIST_NOT_YET ? t->next_due : t->day, day, sizeof day);
	if (t->by_other) {
		char other[CASENUM_MAX];
		if (!casenum_display(t->collector_key, other, sizeof other))
			snprintf(other, sizeof other, "%s", t->collector_key);
		snprintf(by, sizeof by, _(" (collected by %s, of the household)"), other);
	}
	switch (t->state) {
	case DIST_DUE: snprintf(out, size, "%s", _("Due now")); break;
	case DIST_SERVED:
		if (t->counter[0])
			snprintf(out, size, _("Already served today at %s by %s at counter %s%s"), when, t->served_by, t->counter,
			         by);
		else
			snprintf(out, size, _("Already served today at %s by %s%s"), when, t->served_by, by);
		break;
	case DIST_NOT_YET:
		if (t->next_due[0])
			snprintf(out, size, _("Next due on %s%s"), day, by);
		else {
			char got[16];
			day_text(t->day, got, sizeof got);
			snprintf(out, size, _("Received on %s, once per stay%s"), got, by);
		}
		break;
	case DIST_NOT_ELIGIBLE:
		snprintf(out, size, _("Not eligible: %s"), _(dist_eligibility_msgid(t->why)));
		break;
	}
}

static void served_line(struct serve_screen *s, const struct dist_served *out)
{
	char what[300] = "";
	s->nlast = 0;
	for (int i = 0; i < s->set.n; i++) {
		if (!out->serving[i])
			continue;
		size_t len = strlen(what);
		snprintf(what + len, sizeof what - len, "%s%s", len ? ", " : "", dist_item_name(&s->items[i], lang_get()));
		s->last[s->nlast++] = out->serving[i];
	}
	name_of(&s->p, s->served_name, sizeof s->served_name);
	snprintf(s->served, sizeof s->served, "%s", what);
}

static void serve(struct app *app, struct serve_screen *s, const char *reason)
{
	struct dist_served out;
	const char *why = NULL;
	if (!s->shown) {
		app_error(app, _("Type the case number of the person first."));
		return;
	}
	enum status st = dist_serve(app_db(app), &s->set.c, s->p.id, s->set.items, s->set.n, reason, &out, &why);
	load_stock(app, s);
	if (st == ST_OK) {
		served_line(s, &out);
		s->shown = false;
		s->mode = MODE_CASE;
		le_init(&s->box, 200);
		return;
	}
	if (st == ST_INVALID)
		memcpy(s->st, out.state, sizeof s->st);
	app_error(app, _(why ? why : status_msgid(st)));
}

/* The servings Ctrl-R would reverse: the person's of today (that this
 * user may reverse), else the last ones served here. */
static int to_reverse(struct app *app, struct serve_screen *s, long long *ids)
{
	int n = 0;
	if (s->shown) {
		for (int i = 0; i < s->set.n; i++)
			if (s->st[i].state == DIST_SERVED && !s->st[i].by_other && dist_may_reverse(app_db(app), s->st[i].serving_id))
				ids[n++] = s->st[i].serving_id;
		return n;
	}
	for (int i = 0; i < s->nlast; i++)
		if (dist_may_reverse(app_db(app), s->last[i]))
			ids[n++] = s->last[i];
	return n;
}

static void reverse(struct app *app, struct serve_screen *s, const char *reason)
{
	long long ids[DIST_SERVE_MAX_ITEMS], rid;
	int n = to_reverse(app, s, ids), done = 0;
	const char *why = NULL;
	enum status st = ST_OK;
	for (int i = 0; i < n && st == ST_OK; i++)
		if ((st = dist_reverse(app_db(app), ids[i], reason, &rid, &why)) == ST_OK)
			done++;
	load_stock(app, s);
	if (st != ST_OK) {
		app_error(app, _(why ? why : status_msgid(st)));
		return;
	}
	s->mode = MODE_CASE;
	le_init(&s->box, 200);
	if (s->shown)
		show(app, s, s->p.id);
	else
		s->nlast = 0, s->served[0] = '\0';
	char msg[120];
	snprintf(msg, sizeof msg, _("Servings reversed: %d."), done);
	app_message(app, msg);
}

static enum ui_result enter_key(struct app *app, struct serve_screen *s)
{
	char text[LINEEDIT_MAX * 4 + 1];
	le_get(&s->box, text, sizeof text);
	if (s->mode == MODE_OVERRIDE) {
		serve(app, s, text);
		return UI_HANDLED;
	}
	if (s->mode == MODE_REVERSE) {
		reverse(app, s, text);
		return UI_HANDLED;
	}
	if (text[0])
		by_number(app, s, text);
	else if (s->shown)
		serve(app, s, NULL);
	return UI_HANDLED;
}

static enum ui_result serve_action(struct app *app, void *state, int action)
{
	struct serve_screen *s = state;
	long long ids[DIST_SERVE_MAX_ITEMS];
	switch (action) {
	case ACT_ENTER: return enter_key(app, s);
	case ACT_FIND: find(app); return UI_HANDLED;
	case ACT_OVERRIDE:
		if (!perm_allows(app_user(app)->role, PERM_DISTRIBUTION_OVERRIDE))
			app_error(app, _("Only a manager may serve what the rules refuse."));
		else if (!s->shown)
			app_error(app, _("Type the case number of the person first."));
		else {
			s->mode = MODE_OVERRIDE;
			le_init(&s->box, 200);
		}
		return UI_HANDLED;
	case ACT_REVERSE:
		if (to_reverse(app, s, ids) == 0)
			app_error(app, _("Nothing here that you may reverse: a serving is reversed by whoever served it, the same "
			                 "day, or by a manager."));
		else if (app_confirm(app, s->shown ? _("Reverse this person's servings of today shown here?")
		                                   : _("Reverse the last serving made here?"))) {
			s->mode = MODE_REVERSE;
			le_init(&s->box, 200);
		}
		return UI_HANDLED;
	default: return UI_IGNORED;
	}
}

static enum ui_result serve_input(struct app *app, void *state, int key)
{
	struct serve_screen *s = state;
	if (key == UI_ESC) {
		if (s->mode != MODE_CASE) {
			s->mode = MODE_CASE;
			le_init(&s->box, 200);
			return UI_HANDLED;
		}
		if (s->shown || s->box.len) {
			s->shown = false;
			s->number.wrong = false;
			le_init(&s->box, 200);
			return UI_HANDLED;
		}
		return UI_IGNORED;
	}
	if (key == '/' && s->mode == MODE_CASE && s->box.len == 0) {
		find(app);
		return UI_HANDLED;
	}
	if (key == '\n')
		return UI_IGNORED;
	enum le_result r = le_key(&s->box, key);
	if (r == LE_CHANGED && s->mode == MODE_CASE)
		s->number.wrong = false;
	return r == LE_IGNORED ? UI_IGNORED : UI_HANDLED;
}

static bool serve_typing(struct app *app, void *state)
{
	(void)app;
	(void)state;
	return true;
}

static const char *sex_label(char sex)
{
	return sex == 'f' ? N_("Female") : sex == 'm' ? N_("Male") : N_("Other");
}

static void draw_person(struct app *app, struct serve_screen *s, WINDOW *win, int y, int cols)
{
	(void)app;
	char line[600], name[410];
	name_of(&s->p, name, sizeof name);
	char number[CASENUM_MAX];
	if (!casenum_display(s->p.case_key, number, sizeof number))
		snprintf(number, sizeof number, "%s", s->p.case_key);
	snprintf(line, sizeof line, "%s  %s", number, name);
	ui_put(win, y, 2, cols - 4, A_BOLD, line);
	char age[40];
	if (s->p.age >= 0)
		snprintf(age, sizeof age, _("age %s%d"), s->p.age_approx ? "~" : "", s->p.age);
	else
		snprintf(age, sizeof age, "%s", _("age unknown"));
	snprintf(line, sizeof line, "%s · %s%s · ", _(sex_label(s->p.sex)), age, s->p.child ? _(" · CHILD") : "");
	size_t len = strlen(line);
	snprintf(line + len, sizeof line - len, _("household of %d"), s->p.household);
	if (s->p.pregnant)
		len = strlen(line), snprintf(line + len, sizeof line - len, " · %s", _("Pregnant"));
	if (s->p.disability)
		len = strlen(line), snprintf(line + len, sizeof line - len, " · %s", _("Disability"));
	if (s->p.infant)
		len = strlen(line), snprintf(line + len, sizeof line - len, " · %s", _("Infant in the household"));
	if (!s->p.staying)
		len = strlen(line), snprintf(line + len, sizeof line - len, " · %s", _("not staying at this centre"));
	ui_put_wrapped(win, y + 1, 2, cols - 4, 2, 0, line);
}

static void draw_items(struct serve_screen *s, WINDOW *win, int y, int rows, int cols)
{
	int per = rows >= 2 * s->set.n ? 2 : 1;
	for (int i = 0; i < s->set.n && y < rows; i++) {
		char stock[60];
		snprintf(stock, sizeof stock, s->low[i] ? _("stock %lld LOW") : _("stock %lld"), s->balance[i]);
		/* The name wraps on a second line when there is room (a long
		 * French name), as the state does. */
		const char *item = dist_item_name(&s->items[i], lang_get());
		int used = 1;
		if (per > 1) {
			used = ui_put_wrapped(win, y, 2, 28, per, 0, item);
		} else {
			char name[160];
			ui_pad(item, 28, name, sizeof name);
			ui_put(win, y, 2, 29, 0, name);
		}
		ui_put(win, y, 31, 16, s->low[i] ? UI_ATTR_ERROR : 0, stock);
		if (s->shown) {
			char state[400];
			state_text(s, i, state, sizeof state);
			attr_t a = s->st[i].state == DIST_DUE ? A_BOLD : 0;
			int lines = ui_put_wrapped(win, y, 48, cols - 50, per, a, state);
			used = lines > used ? lines : used;
		}
		y += used > 1 && per > 1 ? 2 : 1;
	}
}

static void serve_draw(struct app *app, void *state, WINDOW *win)
{
	struct serve_screen *s = state;
	int cols = getmaxx(win), rows = getmaxy(win);
	char line[600];
	const char *meal = vocab_label(VOCAB_DIST_MEAL, s->set.c.meal);
	snprintf(line, sizeof line, _("%s · counter %s"), s->centre_name[0] ? s->centre_name : s->set.c.centre_code,
	         s->set.c.counter[0] ? s->set.c.counter : "-");
	if (has_meal(s) && meal) {
		size_t len = strlen(line);
		snprintf(line + len, sizeof line - len, " · %s", _(meal));
	}
	ui_put(win, 0, 2, cols - 4, 0, line);
	const char *label = s->mode == MODE_OVERRIDE ? _("Reason for serving anyway: ")
	                    : s->mode == MODE_REVERSE ? _("Reason for the reversal: ") : _("Case number: ");
	int w = ui_put(win, 1, 2, 40, A_BOLD, label);
	if (s->served[0]) {
		snprintf(line, sizeof line, _("Served: %s to %s"), s->served, app_privacy(app) ? "*****" : s->served_name);
		ui_put(win, 2, 2, cols - 4, 0, line);
	}
	int y = 4;
	if (s->number.wrong) {
		snprintf(line, sizeof line, _("Check the number: %s is not valid."), s->number.shown);
		ui_put(win, y++, 2, cols - 4, UI_ATTR_ERROR, line);
		if (s->number.n) {
			ui_put(win, y++, 2, cols - 4, 0, _("Existing numbers close to it:"));
			for (int i = 0; i < s->number.n && y < 10; i++)
				ui_put(win, y++, 4, cols - 6, A_BOLD, s->number.close[i]);
		}
		y++;
	} else if (s->shown) {
		draw_person(app, s, win, y, cols);
		y += 3;
	} else {
		ui_put_wrapped(win, y, 2, cols - 4, 2, 0,
		               _("Type the case number and Enter (or / to find by name); Enter again serves what is due."));
		y += 3;
	}
	draw_items(s, win, y, rows, cols);
	le_draw(&s->box, win, 1, 2 + w, cols - 4 - w, UI_ATTR_FIELD, false);
}

const struct screen screen_dist_serve = {
	.name = "dist_serve",
	.title = N_("Distribution counter"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_DISTRIBUTION_WRITE) | PERM_BIT(PERM_DISTRIBUTION_OVERRIDE),
	.state_size = sizeof(struct serve_screen),
	.bindings = bindings,
	.enter = serve_enter,
	.leave = serve_leave,
	.draw = serve_draw,
	.input = serve_input,
	.action = serve_action,
	.typing = serve_typing,
};
