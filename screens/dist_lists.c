/* The day's distribution lists of a centre: who was served (time, item,
 * quantity, counter, by whom; R a reversal, ! an override) or who is due
 * and not served (people staying at the centre on the day whom the rules
 * give the item and who have not had it in the rule's window). v switches
 * the two lists, i the item (every item, or one), m the meal of a per-meal
 * item, < and > the day (t today), c the centre (managers); F6 writes both
 * lists of the day as CSV in the home folder. Names are masked in privacy
 * mode except on the selected row, shown whole under the list. The
 * figures screen is in dist_figures.c. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/casenum.h"
#include "core/clock.h"
#include "core/date.h"
#include "core/dist_rule.h"
#include "core/dist_vocab.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/text.h"
#include "core/vocab.h"
#include "db/dist_day.h"
#include "db/dist_item.h"
#include "db/user.h"
#include "screens/dist_lists.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/lang.h"
#include "ui/list.h"
#include "ui/refchoice.h"

#define MAX_ITEMS 32

enum { ACT_VIEW = 1, ACT_ITEM, ACT_MEAL, ACT_DAY_BEFORE, ACT_DAY_AFTER, ACT_TODAY, ACT_CENTRE, ACT_CSV };

static const struct binding bindings[] = {
	{ ACT_VIEW, { 'v', '\t', 0, 0 }, N_("Served/due"), N_("Show who was served, or who is due and not served") },
	{ ACT_ITEM, { 'i', 0, 0, 0 }, N_("Item"), N_("Every item, or the next item alone") },
	{ ACT_MEAL, { 'm', 0, 0, 0 }, N_("Meal"), N_("The meal of an item served at each meal") },
	{ ACT_DAY_BEFORE, { '<', ',', 0, 0 }, N_("Day before"), N_("The lists of the day before") },
	{ ACT_DAY_AFTER, { '>', '.', 0, 0 }, N_("Day after"), N_("The lists of the day after") },
	{ ACT_TODAY, { 't', 0, 0, 0 }, N_("Today"), N_("The lists of today") },
	{ ACT_CENTRE, { 'c', 0, 0, 0 }, N_("Centre"), N_("The next centre (managers)") },
	{ ACT_CSV, { UI_KEYCODE(KEY_F(6)), UI_CTRL('O'), 0, 0 }, N_("CSV"),
	  N_("Write both lists of the day as CSV to a file in your home folder; an existing file is replaced only "
	     "after you confirm") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct list_column served_columns[] = {
	{ N_("Time"), 7, false },
	{ N_("Case number"), 13, false },
	{ N_("Name"), 20, true },
	{ N_("Item"), 16, false },
	{ N_("Qty"), 4, false },
	{ N_("Ctr"), 4, false },
	{ N_("By"), 0, false },
};

static const struct list_column due_columns[] = {
	{ N_("Case number"), 13, false },
	{ N_("Name"), 24, true },
	{ N_("Sex"), 4, false },
	{ N_("Age"), 5, false },
	{ N_("Due"), 0, false },
};

struct day_screen {
	struct app *app;
	bool due;                     /* the due list, else the served one */
	char day[11];
	char centre[8];
	int item;                     /* index in items, -1 every item */
	int meal;                     /* 0 breakfast, 1 lunch, 2 dinner */
	struct dist_item items[MAX_ITEMS];
	int nitems;
	struct ref_choices *centres;  /* managers only */
	bool manager;
	struct list served, list_due;
};

static const char *const meals[3] = { "breakfast", "lunch", "dinner" };

static void take_item(const struct dist_item *it, void *ctx)
{
	struct day_screen *s = ctx;
	if (s->nitems < MAX_ITEMS)
		s->items[s->nitems++] = *it;
}

static const char *item_name(const struct day_screen *s, long long id)
{
	for (int k = 0; k < s->nitems; k++)
		if (s->items[k].id == id)
			return dist_item_name(&s->items[k], lang_get());
	return "";
}

static long long item_id(const struct day_screen *s)
{
	return s->item >= 0 ? s->items[s->item].id : 0;
}

static bool per_meal(const struct day_screen *s)
{
	return s->item >= 0 && strcmp(s->items[s->item].rule.frequency, "per_meal") == 0;
}

static void show_key(const char *case_key, char *out, size_t size)
{
	if (!casenum_display(case_key, out, size))
		snprintf(out, size, "%s", case_key);
}

/* ---- the served list ---------------------------------------------------- */

struct fill {
	struct day_screen *s;
	struct list_row *rows;
	int n;
};

static void add_served(const struct dist_day_served *d, void *ctx)
{
	struct fill *f = ctx;
	struct list_row *r = &f->rows[f->n++];
	char at[8];
	dist_day_time(d->served_at, at, sizeof at);
	snprintf(r->cells[0], sizeof r->cells[0], "%s%s", d->reverses_id ? "R " : d->override_reason[0] ? "! " : "  ", at);
	show_key(d->case_key, r->cells[1], sizeof r->cells[1]);
	char name[2 * PERSON_NAME_MAX + 4];
	snprintf(name, sizeof name, "%s %s", d->family_name, d->given_names);
	text_fit(name, LIST_CELL - 1, r->cells[2], sizeof r->cells[2]);
	const char *meal = d->meal[0] ? vocab_label(VOCAB_DIST_MEAL, d->meal) : NULL;
	char what[LIST_CELL];
	snprintf(what, sizeof what, "%s%s%s%s", d->reverses_id ? _("Reversed: ") : "", item_name(f->s, d->item_id),
	         meal ? ", " : "", meal ? _(meal) : "");
	text_fit(what, LIST_CELL - 1, r->cells[3], sizeof r->cells[3]);
	snprintf(r->cells[4], sizeof r->cells[4], "%d", d->quantity);
	text_fit(d->counter, LIST_CELL - 1, r->cells[5], sizeof r->cells[5]);
	char by[sizeof d->served_by + sizeof d->reason + 8];
	const char *why = d->reverses_id ? d->reason : d->override_reason;
	snprintf(by, sizeof by, "%s%s%s", d->served_by, why[0] ? " · " : "", why);
	text_fit(by, LIST_CELL - 1, r->cells[6], sizeof r->cells[6]);
	snprintf(r->key.text, sizeof r->key.text, "%s", d->served_at);
	r->key.id = d->id;
}

static int fetch_served(void *ctx, enum page_dir dir, const struct list_key *key, int limit, struct list_row *rows,
                        bool *more)
{
	struct day_screen *s = ctx;
	struct fill f = { s, rows, 0 };
	struct dist_day_served k;
	if (key) {
		memset(&k, 0, sizeof k);
		snprintf(k.served_at, sizeof k.served_at, "%.23s", key->text);
		k.id = key->id;
	}
	enum status st = dist_day_served(app_db(s->app), s->centre, s->day, item_id(s), dir, key ? &k : NULL, limit,
	                                 add_served, &f, more);
	return st == ST_OK ? f.n : -1;
}

/* ---- the due list ------------------------------------------------------- */

static void add_due(const struct dist_day_due *d, void *ctx)
{
	struct fill *f = ctx;
	struct list_row *r = &f->rows[f->n++];
	show_key(d->case_key, r->cells[0], sizeof r->cells[0]);
	char name[2 * PERSON_NAME_MAX + 4];
	snprintf(name, sizeof name, "%s %s", d->family_name, d->given_names);
	text_fit(name, LIST_CELL - 1, r->cells[1], sizeof r->cells[1]);
	const char *sex = vocab_short(VOCAB_SEX, d->sex);
	snprintf(r->cells[2], sizeof r->cells[2], "%s", sex ? _(sex) : "");
	if (d->age >= 0)
		snprintf(r->cells[3], sizeof r->cells[3], "%s%d", d->age_approx ? "~" : "", d->age);
	char what[LIST_CELL] = "";
	for (int k = 0; k < d->nitems; k++) {
		size_t len = strlen(what);
		snprintf(what + len, sizeof what - len, "%s%s", k ? ", " : "", item_name(f->s, d->items[k]));
	}
	text_fit(what, LIST_CELL - 1, r->cells[4], sizeof r->cells[4]);
	r->key.id = d->person_id;
}

static int fetch_due(void *ctx, enum page_dir dir, const struct list_key *key, int limit, struct list_row *rows,
                     bool *more)
{
	struct day_screen *s = ctx;
	struct fill f = { s, rows, 0 };
	struct dist_day_due *k = NULL;
	if (key) {
		k = calloc(1, sizeof *k);
		if (!k)
			return -1;
		k->person_id = key->id;
	}
	enum status st = dist_day_due(app_db(s->app), s->centre, s->day, item_id(s), meals[s->meal], dir, k, limit,
	                              add_due, &f, more);
	free(k);
	return st == ST_OK ? f.n : -1;
}

/* ---- the screen --------------------------------------------------------- */

static void reload(struct day_screen *s)
{
	list_reload(&s->served);
	list_reload(&s->list_due);
}

static enum status day_enter(struct app *app, void *state, const void *arg)
{
	(void)arg;
	struct day_screen *s = state;
	s->app = app;
	clock_today_iso(s->day, sizeof s->day);
	const struct user *u = app_user(app);
	snprintf(s->centre, sizeof s->centre, "%s", u->centre_code);
	s->item = -1;
	time_t now = clock_now();
	struct tm tm;
	int hour = localtime_r(&now, &tm) ? tm.tm_hour : 12;
	s->meal = hour < 9 ? 0 : hour < 15 ? 1 : 2;
	s->manager = perm_allows(u->role, PERM_REPORTS);
	enum status st = dist_items_each(app_db(app), false, take_item, s);
	if (st != ST_OK)
		return st;
	if (s->manager) {
		s->centres = ref_choices_load(app_db(app), REF_CENTRE, lang_get(), 0);
		if (!s->centres)
			return ST_NOMEM;
	}
	list_init(&s->served, served_columns, 7, fetch_served, s);
	list_init(&s->list_due, due_columns, 5, fetch_due, s);
	return ST_OK;
}

static void day_leave(struct app *app, void *state)
{
	(void)app;
	ref_choices_free(&((struct day_screen *)state)->centres);
}

static void move_day(struct day_screen *s, int n)
{
	char out[16];
	if (dist_day_add(s->day, n, out, sizeof out))
		snprintf(s->day, sizeof s->day, "%.10s", out);
}

/* Opens path for writing, mode 0600; NULL with errno set when it cannot. */
static FILE *open_private(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0)
		return NULL;
	FILE *f = fdopen(fd, "w");
	if (!f) {
		int e = errno;
		close(fd);
		errno = e;
	}
	return f;
}

static enum ui_result write_csv(struct app *app, struct day_screen *s)
{
	const char *home = getenv("HOME");
	struct stat st;
	char path[512];
	if (home && *home && strlen(home) < 300 && stat(home, &st) == 0 && S_ISDIR(st.st_mode))
		snprintf(path, sizeof path, "%s/distributions-%s-%s.csv", home, s->centre, s->day);
	else
		snprintf(path, sizeof path, "distributions-%s-%s.csv", s->centre, s->day);
	if (stat(path, &st) == 0 && !app_confirm(app, _("This file exists. Replace it?"))) {
		app_message(app, _("Nothing written."));
		return UI_HANDLED;
	}
	FILE *out = open_private(path);
	if (!out) {
		char msg[700];
		snprintf(msg, sizeof msg, _("Cannot write the file: %s"), strerror(errno));
		app_error(app, msg);
		return UI_HANDLED;
	}
	enum status rc = dist_day_csv(app_db(app), s->centre, s->day, item_id(s), meals[s->meal], lang_get(), out);
	if (fclose(out) != 0 && rc == ST_OK)
		rc = ST_IO;
	if (rc != ST_OK) {
		app_error(app, _(status_msgid(rc)));
		return UI_HANDLED;
	}
	char msg[700];
	snprintf(msg, sizeof msg, _("Lists of the day written: %s"), path);
	app_message(app, msg);
	return UI_HANDLED;
}

static enum ui_result day_action(struct app *app, void *state, int action)
{
	struct day_screen *s = state;
	switch (action) {
	case ACT_VIEW:
		s->due = !s->due;
		return UI_HANDLED;
	case ACT_ITEM:
		s->item = s->item + 1 >= s->nitems ? -1 : s->item + 1;
		break;
	case ACT_MEAL:
		s->meal = (s->meal + 1) % 3;
		break;
	case ACT_DAY_BEFORE:
		move_day(s, -1);
		break;
	case ACT_DAY_AFTER:
		move_day(s, 1);
		break;
	case ACT_TODAY:
		clock_today_iso(s->day, sizeof s->day);
		break;
	case ACT_CENTRE: {
		if (!s->manager || !s->centres || s->centres->n == 0) {
			app_message(app, _("Only a manager sees the lists of another centre."));
			return UI_HANDLED;
		}
		int at = 0;
		for (int i = 0; i < s->centres->n; i++)
			if (strcmp(s->centres->items[i].value, s->centre) == 0)
				at = (i + 1) % s->centres->n;
		snprintf(s->centre, sizeof s->centre, "%s", s->centres->items[at].value);
		break;
	}
	case ACT_CSV:
		return write_csv(app, s);
	default:
		return UI_IGNORED;
	}
	reload(s);
	return UI_HANDLED;
}

static enum ui_result day_input(struct app *app, void *state, int key)
{
	(void)app;
	struct day_screen *s = state;
	return list_key(s->due ? &s->list_due : &s->served, key) ? UI_HANDLED : UI_IGNORED;
}

static void day_draw(struct app *app, void *state, WINDOW *win)
{
	struct day_screen *s = state;
	int cols = getmaxx(win), rows = getmaxy(win);
	char line[600], shown[32];
	struct pdate d;
	if (date_from_iso(s->day, &d) == DATE_OK)
		date_format(&d, shown, sizeof shown);
	else
		snprintf(shown, sizeof shown, "%s", s->day);
	snprintf(line, sizeof line, s->due ? _("Due and not served on %s at %s") : _("Served on %s at %s"), shown,
	         s->centre);
	ui_put(win, 0, 2, cols - 4, A_BOLD, line);
	if (per_meal(s)) {
		const char *meal = vocab_label(VOCAB_DIST_MEAL, meals[s->meal]);
		snprintf(line, sizeof line, _("Item: %s, %s"), item_name(s, item_id(s)), meal ? _(meal) : "");
	} else {
		snprintf(line, sizeof line, _("Item: %s"), s->item >= 0 ? item_name(s, item_id(s)) : _("every item"));
	}
	if (!s->due) {
		size_t len = strlen(line);
		snprintf(line + len, sizeof line - len, "%s", _(" · R reversal, ! override"));
	}
	ui_put(win, 1, 2, cols - 4, 0, line);
	struct list *l = s->due ? &s->list_due : &s->served;
	l->privacy = app_privacy(app);
	list_draw(l, win, 3, rows - 6);
	/* The selected row whole: names, items and reasons cut by the columns. */
	char whole[LIST_CELL * LIST_MAX_COLS + 64];
	list_current_whole(l, false, whole, sizeof whole);
	ui_put_wrapped(win, rows - 2, 2, cols - 4, 2, 0, whole);
	if (list_empty(l))
		ui_put(win, 5, 2, cols - 4, 0, s->due ? _("Nobody is due and not served.") : _("Nobody was served."));
}

static void day_resume(struct app *app, void *state)
{
	(void)app;
	struct day_screen *s = state;
	list_refresh(&s->served);
	list_refresh(&s->list_due);
}

static const struct screen screen_day = {
	.name = "dist_day",
	.title = N_("Distributions of the day"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_DISTRIBUTION_WRITE) | PERM_BIT(PERM_DISTRIBUTION_OVERRIDE) | PERM_BIT(PERM_REPORTS),
	.state_size = sizeof(struct day_screen),
	.bindings = bindings,
	.enter = day_enter,
	.leave = day_leave,
	.draw = day_draw,
	.input = day_input,
	.action = day_action,
	.resume = day_resume,
};

enum status dist_day_open(struct app *app)
{
	return app_push(app, &screen_day, NULL);
}
