/* The assisted returns under way (requested, counselled, approved, ready),
 * or those of one status (s changes which), first requested first, with
 * the person, the status and the country of destination. Enter opens the
 * return. Names are masked in privacy mode but on the selected row. */
#include <stdio.h>
#include <string.h>

#include "core/casenum.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/prot_vocab.h"
#include "core/text.h"
#include "core/vocab.h"
#include "db/prot_return.h"
#include "db/refdata.h"
#include "screens/prot_return_forms.h"
#include "screens/prot_returns.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/lang.h"
#include "ui/list.h"

enum { ACT_OPEN = 1, ACT_STATUS };

static const struct binding bindings[] = {
	{ ACT_OPEN, { '\n', 0, 0, 0 }, N_("Show"), N_("Open the selected return: its steps and travel documents") },
	{ ACT_STATUS, { 's', 0, 0, 0 }, N_("Status"),
	  N_("Show the returns of another status: under way, then each status in turn") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct list_column columns[] = {
	{ N_("Requested"), 11, false },
	{ N_("Case number"), 15, false },
	{ N_("Status"), 16, false },
	{ N_("Destination"), 14, false },
	{ N_("Name"), 0, true },
};

/* "" first: every return under way. */
static const char *const filters[] = { "", "requested", "counselled", "approved", "ready", "departed", "arrived",
	"withdrawn", "no_show", "refused" };
#define NFILTERS ((int)(sizeof filters / sizeof filters[0]))

struct returns_screen {
	struct app *app;
	struct list list;
	int filter;
};

struct fill {
	struct app *app;
	struct list_row *rows;
	int n;
};

static void add_row(const struct prot_return_row *r, void *ctx)
{
	struct fill *f = ctx;
	struct list_row *row = &f->rows[f->n++];
	struct pdate d;
	if (date_from_iso(r->r.requested_date, &d) == DATE_OK)
		date_format(&d, row->cells[0], sizeof row->cells[0]);
	if (!casenum_display(r->case_key, row->cells[1], sizeof row->cells[1]))
		snprintf(row->cells[1], sizeof row->cells[1], "%s", r->case_key);
	const char *status = vocab_label(VOCAB_PROT_RETURN_STATUS, r->r.status);
	text_fit(status ? _(status) : r->r.status, LIST_CELL - 1, row->cells[2], sizeof row->cells[2]);
	char name[324] = "";
	ref_name(app_db(f->app), REF_COUNTRY, r->r.country, lang_get(), name, sizeof name);
	text_fit(name, LIST_CELL - 1, row->cells[3], sizeof row->cells[3]);
	char person[2 * PERSON_NAME_MAX + 4];
	snprintf(person, sizeof person, "%s %s", r->family_name, r->given_names);
	text_fit(person, LIST_CELL - 1, row->cells[4], sizeof row->cells[4]);
	row->key.id = r->r.id;
	snprintf(row->key.text, sizeof row->key.text, "%s", r->r.requested_date);
}

static int fetch(void *ctx, enum page_dir dir, const struct list_key *key, int limit, struct list_row *rows,
                 bool *more)
{
	struct returns_screen *s = ctx;
	struct fill f = { s->app, rows, 0 };
	enum status st = prot_return_list(app_db(s->app), filters[s->filter], dir, key ? key->text : NULL,
	                                  key ? key->id : 0, limit, add_row, &f, more);
	return st == ST_OK ? f.n : -1;
}

static enum status returns_enter(struct app *app, void *state, const void *arg)
{
	(void)arg;
	struct returns_screen *s = state;
	s->app = app;
	list_init(&s->list, columns, 5, fetch, s);
	return ST_OK;
}

static enum ui_result returns_input(struct app *app, void *state, int key)
{
	(void)app;
	struct returns_screen *s = state;
	return list_key(&s->list, key) ? UI_HANDLED : UI_IGNORED;
}

static enum ui_result returns_action(struct app *app, void *state, int action)
{
	struct returns_screen *s = state;
	if (action == ACT_STATUS) {
		s->filter = (s->filter + 1) % NFILTERS;
		list_reload(&s->list);
		return UI_HANDLED;
	}
	if (action != ACT_OPEN)
		return UI_IGNORED;
	const struct list_row *row = list_current(&s->list);
	if (!row)
		app_error(app, _("No return to open."));
	else
		prot_return_screen_open(app, row->key.id);
	return UI_HANDLED;
}

static void returns_resume(struct app *app, void *state)
{
	(void)app;
	list_refresh(&((struct returns_screen *)state)->list);
}

static void returns_draw(struct app *app, void *state, WINDOW *win)
{
	struct returns_screen *s = state;
	int cols = getmaxx(win), rows = getmaxy(win);
	char title[300];
	if (s->filter == 0) {
		snprintf(title, sizeof title, "%s", _("Assisted returns under way, first requested first"));
	} else {
		const char *label = vocab_label(VOCAB_PROT_RETURN_STATUS, filters[s->filter]);
		snprintf(title, sizeof title, _("Assisted returns: %s"), label ? _(label) : "");
	}
	ui_put_wrapped(win, 0, 2, cols - 4, 2, A_BOLD, title);
	s->list.privacy = app_privacy(app);
	list_draw(&s->list, win, 2, rows - 5);
	if (list_empty(&s->list)) {
		ui_put(win, 4, 2, cols - 4, 0, _("No return here. s shows another status."));
		return;
	}
	char whole[LIST_MAX_COLS * LIST_CELL];
	list_current_whole(&s->list, app_privacy(app), whole, sizeof whole);
	ui_put_wrapped(win, rows - 2, 2, cols - 4, 2, 0, whole);
}

static const struct screen screen_returns = {
	.name = "prot_returns",
	.title = N_("Assisted returns"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_PROTECTION_READ),
	.state_size = sizeof(struct returns_screen),
	.bindings = bindings,
	.enter = returns_enter,
	.draw = returns_draw,
	.input = returns_input,
	.action = returns_action,
	.resume = returns_resume,
};

enum status prot_returns_open(struct app *app)
{
	return app_push(app, &screen_returns, NULL);
}
