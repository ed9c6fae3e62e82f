/* Quick lookup: results change at each key; any part of the names in any
 * order, accents and case ignored, a case number or a phone number. Enter
 * opens the case file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/clock.h"
#include "core/casenum.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/person.h"
#include "core/text.h"
#include "db/audit.h"
#include "db/person.h"
#include "screens/person_labels.h"
#include "screens/screens.h"
#include "ui/draw.h"
#include "ui/lineedit.h"
#include "ui/list.h"

enum { ACT_OPEN = 1 };

static const struct binding bindings[] = {
	{ ACT_OPEN, { '\n', 0, 0, 0 }, N_("Open"), N_("Open the case file of the selected person") },
	{ 2, { UI_KEYCODE(KEY_UP), UI_KEYCODE(KEY_DOWN), UI_KEYCODE(KEY_NPAGE), UI_KEYCODE(KEY_PPAGE) },
	  NULL, N_("Move in the results") },
	{ 3, { UI_CTRL('U'), 0, 0, 0 }, NULL, N_("Clear the search; typing narrows the results") },
	{ 0, { 0 }, NULL, NULL },
};

/* Nationality as a name, cut with "…" when it must be: the selected row's
 * is whole on the line under the list, with its name when cut and its
 * vulnerabilities' whole labels (the list's cell 6, not a column). */
#define NATIONALITY_COLS 11
static const struct list_column columns[] = {
	{ N_("Case number"), 15, false },
	{ N_("Name"), 23, true },
	{ N_("Sex"), 4, false },   /* "Sexe" whole */
	{ N_("Age"), 4, false },
	{ N_("Nationality"), NATIONALITY_COLS, false },
	{ N_("Ctr"), 0, false },
};
enum { CELL_DETAILS = 6 };

struct lookup {
	struct app *app;
	bool picking;         /* pick mode: Enter calls pick.open */
	struct lookup_pick pick;
	struct lineedit box;
	char query[LINEEDIT_MAX * 4 + 1];
	struct list list;
	struct person_number_check number;   /* the query as a mistyped case number */
	int found;            /* people found, counted up to COUNT_CAP */
	bool found_over;      /* more than COUNT_CAP */
	bool browsing;        /* the last key moved in the results: no cursor in the field */
};

/* People counted at most for the line that says how many were found. */
#define COUNT_CAP 1000
/* found before the people typed for are counted. */
#define FOUND_UNCOUNTED (-2)

/* "~23" for an estimated age, "23", or "?" into out; true for a child. */
static bool age_text(const char *birth, bool estimated, char *out, size_t size)
{
	struct pdate today = clock_today();
	int years;
	bool approx, child;
	if (!person_age(birth, estimated, &today, &years, &approx, &child)) {
		snprintf(out, size, "?");
		return false;
	}
	snprintf(out, size, "%s%d", approx ? "~" : "", years);
	return child;
}

struct fill {
	struct app *app;
	struct list_row *rows;
	int n;
};

/* Copies a hit into the next row of the page. */
static void add_hit(const struct person_hit *h, void *ctx)
{
	struct fill *f = ctx;
	struct list_row *r = &f->rows[f->n++];
	r->key.id = h->id;
	/* Where the row sits in the ranked order, for the next page. */
	snprintf(r->key.text, sizeof r->key.text, "%lld", h->rank);
	char shown[CASENUM_MAX];
	if (!casenum_display(h->case_key, shown, sizeof shown))
		snprintf(shown, sizeof shown, "%s", h->case_key);
	snprintf(r->cells[0], sizeof r->cells[0], "%s", shown);
	text_fit(h->name, LIST_CELL - 1, r->cells[1], sizeof r->cells[1]);
	snprintf(r->cells[2], sizeof r->cells[2], "%s",
	         h->sex == 'f' ? _("F") : h->sex == 'm' ? _("M") : "?");
	bool child = age_text(h->birth_date, h->birth_estimated, r->cells[3], sizeof r->cells[3]);
	char country[200], flags[200], whole[600];
	label_ref(f->app, REF_COUNTRY, h->nationality, country, sizeof country);
	label_fit(country, NATIONALITY_COLS, r->cells[4], sizeof r->cells[4]);
	/* Children are marked from their age, whatever was screened. */
	label_flags_short(h->flags, flags, sizeof flags);
	/* Community members (registered by a centre, no stay) are marked
	 * first; the whole words are under the list for the selected row. */
	snprintf(r->cells[5], sizeof r->cells[5], "%-3s %s%s%s%s%s", h->centre_code, h->community ? _("COMM.") : "",
	         h->community && (child || flags[0]) ? " " : "", child ? _("CHILD") : "", child && flags[0] ? " " : "",
	         flags);
	label_flags_long(h->flags, whole, sizeof whole);
	if (h->community)
		label_community(true, whole, sizeof whole);
	/* Under the list, only what the row cuts or abbreviates: the name too
	 * wide for its column, the nationality cut, the vulnerabilities'
	 * labels. Most rows need nothing there, and moving through them then
	 * sends nothing for it (a slow link pays for every byte). */
	char details[1024] = "";
	if (text_width(h->name) > columns[1].width)
		snprintf(details, sizeof details, "%s", h->name);
	if (strcmp(r->cells[4], country) != 0)
		snprintf(details + strlen(details), sizeof details - strlen(details), "%s%s", details[0] ? " · " : "",
		         country);
	if (whole[0])
		snprintf(details + strlen(details), sizeof details - strlen(details), "%s%s", details[0] ? " · " : "",
		         whole);
	text_fit(details, 2 * 80, r->cells[CELL_DETAILS], sizeof r->cells[CELL_DETAILS]);
}

/* The list's source: the results a page by id either way, however many
 * there are (End reads the last page directly). */
static int fetch(void *ctx, enum page_dir dir, const struct list_key *key, int limit, struct list_row *rows,
                 bool *more)
{
	struct lookup *s = ctx;
	*more = false;
	if (!s->query[0])
		return 0;
	struct fill f = { s->app, rows, 0 };
	long long rank = key ? strtoll(key->text, NULL, 10) : 0;
	enum status st = person_search_page(app_db(s->app), s->query, dir, rank, limit, add_hit, &f, more);
	return st == ST_OK ? f.n : -1;
}

static enum status lookup_enter(struct app *app, void *state, const void *arg)
{
	struct lookup *s = state;
	s->app = app;
	if (arg) {
		s->pick = *(const struct lookup_pick *)arg;
		s->picking = s->pick.open != NULL;
	}
	le_init(&s->box, 60);
	list_init(&s->list, columns, 6, fetch, s);
	return ST_OK;
}

/* Opens the selected person's case file. */
static enum ui_result open_selected(struct app *app, struct lookup *s)
{
	const struct list_row *row = list_current(&s->list);
	if (!row)
		return UI_HANDLED;
	if (!perm_allows((int)app_user(app)->role, PERM_PERSON_READ)) {
		audit_refused(app_db(app), "permission", perm_name(PERM_PERSON_READ), "person", row->key.id);
		app_error(app, _(status_msgid(ST_DENIED)));
		return UI_HANDLED;
	}
	long long id = row->key.id;
	if (!s->picking) {
		casefile_open(app, id);
		return UI_HANDLED;
	}
	if (s->pick.exclude && id == s->pick.exclude) {
		app_error(app, _("Choose someone else than the person."));
		return UI_HANDLED;
	}
	/* The state is gone once the lookup closes: keep what open needs. */
	struct lookup_pick pick = s->pick;
	char name[LIST_CELL];
	snprintf(name, sizeof name, "%s", row->cells[1]);
	if (pick.replace)
		app_pop_screens(app, 1);
	pick.open(app, pick.for_id, id, name);
	return UI_HANDLED;
}

static enum ui_result lookup_input(struct app *app, void *state, int key)
{
	struct lookup *s = state;
	if (key == '\n')
		return open_selected(app, s);
	if (list_key(&s->list, key)) {
		s->browsing = true;
		return UI_HANDLED;
	}
	enum le_result r = le_key(&s->box, key);
	if (r != LE_IGNORED)
		s->browsing = false;
	if (r == LE_CHANGED) {
		le_get(&s->box, s->query, sizeof s->query);
		list_reload(&s->list);
		if (person_number_check(app_db(app), s->query, &s->number) != ST_OK)
			s->number.wrong = false;
		s->found = FOUND_UNCOUNTED;   /* counted when drawn (count_found) */
	}
	return r == LE_IGNORED ? UI_IGNORED : UI_HANDLED;
}

/* Instead of an empty list: the case number typed is not valid, and the
 * existing numbers one typing error away. */
static void draw_number_check(const struct person_number_check *c, WINDOW *win, int y)
{
	int cols = getmaxx(win);
	char line[160];
	snprintf(line, sizeof line, _("Check the number: %s is not valid."), c->shown);
	ui_put(win, y, 1, cols - 2, UI_ATTR_ERROR, line);
	ui_put(win, y + 1, 1, cols - 2, 0,
	       c->n ? _("Existing numbers close to it:") : _("No existing number is close to it."));
	for (int i = 0; i < c->n; i++)
		ui_put(win, y + 2 + i, 3, cols - 4, A_BOLD, c->close[i]);
}

/* Counts the people found for the line that says how many: the first
 * page tells when they all fit in it, else one more query counts them. */
static void count_found(struct app *app, struct lookup *s)
{
	s->found_over = false;
	if (list_empty(&s->list) || (!s->list.more_after && !s->list.more_before)) {
		s->found = s->list.len > 0 ? s->list.len : 0;
		return;
	}
	if (person_search_count(app_db(app), s->query, COUNT_CAP, &s->found, &s->found_over) != ST_OK)
		s->found = -1;
}

static void lookup_draw(struct app *app, void *state, WINDOW *win)
{
	struct lookup *s = state;
	int cols = getmaxx(win);
	char label[64];
	snprintf(label, sizeof label, _("%s: "), _("Find"));
	int w = ui_put(win, 1, 2, 20, A_BOLD, label);
	ui_put(win, 2, 2, cols - 4, s->picking ? A_BOLD : 0,
	       s->picking && s->pick.prompt ? _(s->pick.prompt) : _("Name (any order, any part), case number or phone."));
	s->list.privacy = app_privacy(app);
	if (s->query[0] && s->number.wrong && list_empty(&s->list)) {
		draw_number_check(&s->number, win, 4);
	} else if (s->query[0]) {
		char count[80] = "";
		if (s->found == FOUND_UNCOUNTED)
			count_found(app, s);
		if (s->found_over)
			snprintf(count, sizeof count, _("Found: more than %d"), COUNT_CAP);
		else if (s->found > 0)
			snprintf(count, sizeof count, _("Found: %d"), s->found);
		ui_put(win, 3, 2, cols - 4, 0, count);
		/* The selected person's nationality and vulnerabilities, whole. */
		int rows = getmaxy(win);
		list_draw(&s->list, win, 4, rows - 6);
		const struct list_row *row = list_current(&s->list);
		if (row)
			ui_put_wrapped(win, rows - 2, 2, cols - 4, 2, 0, row->cells[CELL_DETAILS]);
	}
	le_draw(&s->box, win, 1, 2 + w, 50, UI_ATTR_FIELD, false);
}

static bool lookup_typing(struct app *app, void *state)
{
	(void)app;
	(void)state;
	return true;
}

/* Moving in the results hides the field's cursor until the user types. */
static bool lookup_cursor_hidden(struct app *app, void *state)
{
	(void)app;
	return ((struct lookup *)state)->browsing;
}

const struct screen screen_lookup = {
	.name = "lookup",
	.title = N_("Find a person"),
	.flag_legend = true,
	.needs_login = true,
	.perms = PERM_BIT(PERM_LOOKUP),
	.state_size = sizeof(struct lookup),
	.bindings = bindings,
	.enter = lookup_enter,
	.draw = lookup_draw,
	.input = lookup_input,
	.typing = lookup_typing,
	.cursor_hidden = lookup_cursor_hidden,
};

enum status lookup_open(struct app *app)
{
	return app_push(app, &screen_lookup, NULL);
}

enum status lookup_pick(struct app *app, const struct lookup_pick *pick)
{
	return app_push(app, &screen_lookup, pick);
}
