/* The travel documents asked for and not yet issued or refused, per
 * consulate: by consulate country (c chooses one, or every one again),
 * then the day asked. Enter opens the return. Names are masked in privacy
 * mode but on the selected row. */
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

enum { ACT_OPEN = 1, ACT_COUNTRY };

static const struct binding bindings[] = {
	{ ACT_OPEN, { '\n', 0, 0, 0 }, N_("Show"), N_("Open the return of the selected document") },
	{ ACT_COUNTRY, { 'c', 0, 0, 0 }, N_("Consulate"),
	  N_("Show only the consulate of the selected document's country, or every consulate again") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct list_column columns[] = {
	{ N_("Consulate"), 16, false },
	{ N_("Asked"), 11, false },
	{ N_("Document"), 16, false },
	{ N_("State"), 10, false },
	{ N_("Name"), 0, true },
};

struct pending_screen {
	struct app *app;
	struct list list;
	char country[4];             /* "" every consulate */
	char country_name[324];
};

struct fill {
	struct app *app;
	struct list_row *rows;
	int n;
};

static const char *label_of(const struct vocab *v, const char *code)
{
	const char *s = vocab_label(v, code);
	return s ? _(s) : code;
}

static void add_row(const struct prot_doc_row *r, void *ctx)
{
	struct fill *f = ctx;
	struct list_row *row = &f->rows[f->n++];
	char name[324] = "", text[700];
	ref_name(app_db(f->app), REF_COUNTRY, r->d.consulate_country, lang_get(), name, sizeof name);
	snprintf(text, sizeof text, "%s%s%s", name, r->d.consulate_place[0] ? ", " : "", r->d.consulate_place);
	text_fit(text, LIST_CELL - 1, row->cells[0], sizeof row->cells[0]);
	struct pdate d;
	if (date_from_iso(r->d.requested_date, &d) == DATE_OK)
		date_format(&d, row->cells[1], sizeof row->cells[1]);
	text_fit(label_of(VOCAB_PROT_DOC_KIND, r->d.kind), LIST_CELL - 1, row->cells[2], sizeof row->cells[2]);
	text_fit(label_of(VOCAB_PROT_DOC_STATUS, r->d.status), LIST_CELL - 1, row->cells[3], sizeof row->cells[3]);
	char key[24];
	if (!casenum_display(r->case_key, key, sizeof key))
		snprintf(key, sizeof key, "%s", r->case_key);
	snprintf(text, sizeof text, "%s %s (%s)", r->family_name, r->given_names, key);
	text_fit(text, LIST_CELL - 1, row->cells[4], sizeof row->cells[4]);
	row->key.id = r->d.id;
	/* The key: the consulate's country, then the day asked. */
	snprintf(row->key.text, sizeof row->key.text, "%s %s %lld", r->d.consulate_country, r->d.requested_date,
	         r->d.return_id);
}

static int fetch(void *ctx, enum page_dir dir, const struct list_key *key, int limit, struct list_row *rows,
                 bool *more)
{
	struct pending_screen *s = ctx;
	struct fill f = { s->app, rows, 0 };
	char country[4] = "", day[11] = "";
	if (key)
		sscanf(key->text, "%3s %10s", country, day);
	enum status st = prot_docs_pending(app_db(s->app), s->country, dir, country, day, key ? key->id : 0, limit,
	                                   add_row, &f, more);
	return st == ST_OK ? f.n : -1;
}

static enum status pending_enter(struct app *app, void *state, const void *arg)
{
	(void)arg;
	struct pending_screen *s = state;
	s->app = app;
	list_init(&s->list, columns, 5, fetch, s);
	return ST_OK;
}

static enum ui_result pending_input(struct app *app, void *state, int key)
{
	(void)app;
	struct pending_screen *s = state;
	return list_key(&s->list, key) ? UI_HANDLED : UI_IGNORED;
}

static enum ui_result pending_action(struct app *app, void *state, int action)
{
	struct pending_screen *s = state;
	const struct list_row *row = list_current(&s->list);
	if (action == ACT_COUNTRY) {
		if (s->country[0]) {
			s->country[0] = '\0';
		} else if (row) {
			sscanf(row->key.text, "%3s", s->country);
			ref_name(app_db(app), REF_COUNTRY, s->country, lang_get(), s->country_name, sizeof s->country_name);
		}
		list_reload(&s->list);
		return UI_HANDLED;
	}
	if (action != ACT_OPEN)
		return UI_IGNORED;
	long long ret = 0;
	if (row)
		sscanf(row->key.text, "%*s %*s %lld", &ret);
	if (!ret)
		app_error(app, _("No travel document is pending."));
	else
		prot_return_screen_open(app, ret);
	return UI_HANDLED;
}

static void pending_resume(struct app *app, void *state)
{
	(void)app;
	list_refresh(&((struct pending_screen *)state)->list);
}

static void pending_draw(struct app *app, void *state, WINDOW *win)
{
	struct pending_screen *s = state;
	int cols = getmaxx(win), rows = getmaxy(win);
	char title[500];
	if (s->country[0])
		snprintf(title, sizeof title, _("Travel documents pending at the consulate of %s"), s->country_name);
	else
		snprintf(title, sizeof title, "%s", _("Travel documents pending, per consulate"));
	ui_put_wrapped(win, 0, 2, cols - 4, 2, A_BOLD, title);
	s->list.privacy = app_privacy(app);
	list_draw(&s->list, win, 2, rows - 5);
	if (list_empty(&s->list)) {
		ui_put(win, 4, 2, cols - 4, 0, _("No travel document is pending."));
		return;
	}
	char whole[LIST_MAX_COLS * LIST_CELL];
	list_current_whole(&s->list, app_privacy(app), whole, sizeof whole);
	ui_put_wrapped(win, rows - 2, 2, cols - 4, 2, 0, whole);
}

static const struct screen screen_pending = {
	.name = "prot_docs_pending",
	.title = N_("Travel documents pending"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_PROTECTION_READ),
	.state_size = sizeof(struct pending_screen),
	.bindings = bindings,
	.enter = pending_enter,
	.draw = pending_draw,
	.input = pending_input,
	.action = pending_action,
	.resume = pending_resume,
};

enum status prot_docs_pending_open(struct app *app)
{
	return app_push(app, &screen_pending, NULL);
}
