/* The collective and community projects, by name: kind, country, status,
 * current members and name; the selected one whole under the list (name,
 * region, locality, activity, implementing NGO, budget). Enter opens the
 * project; n starts a new one, e changes the selected one; k, c and s
 * filter by kind, country and status (each press takes the next value). */
#include <stdio.h>
#include <string.h>

#include "core/amount_group.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/reint_vocab.h"
#include "core/text.h"
#include "core/vocab.h"
#include "db/refdata.h"
#include "db/reflist.h"
#include "db/reint_project.h"
#include "screens/reint_project.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/lang.h"
#include "ui/list.h"

enum { ACT_OPEN = 1, ACT_NEW, ACT_EDIT, ACT_KIND, ACT_COUNTRY, ACT_STATUS };

static const struct binding bindings[] = {
	{ ACT_OPEN, { '\n', 0, 0, 0 }, N_("Open"), N_("Open the selected project: details, money and members") },
	{ ACT_NEW, { 'n', UI_KEYCODE(KEY_F(2)), 0, 0 }, N_("New"), N_("Start a new collective or community project") },
	{ ACT_EDIT, { 'e', UI_KEYCODE(KEY_F(3)), 0, 0 }, N_("Edit"), N_("Change the selected project") },
	{ ACT_KIND, { 'k', 0, 0, 0 }, N_("Kind"), N_("Show only collective, only community, or all projects") },
	{ ACT_COUNTRY, { 'c', 0, 0, 0 }, N_("Country"),
	  N_("Show the projects of the next country of return, or of all countries") },
	{ ACT_STATUS, { 's', 0, 0, 0 }, N_("Status"), N_("Show only the projects of the next status, or all") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct list_column columns[] = {
	{ N_("Kind"), 12, false },
	{ N_("Country"), 14, false },
	{ N_("Status"), 11, false },
	{ N_("Members"), 8, false },
	{ N_("Name"), 0, false },
};

/* The countries of return the filter steps through: those of the regions
 * of return (migration 021), then all again. */
static const char *const countries[] = { "SEN", "GMB", "NGA", "MLI", "GNB", "GIN", "NER", "CMR", "BFA" };
#define NCOUNTRIES ((int)(sizeof countries / sizeof countries[0]))

struct projects_screen {
	struct app *app;
	struct list list;
	struct reint_project_filter filter;
	int kind, country, status;   /* -1: all; else an index */
	char detail[1600];
};

struct fill {
	struct app *app;
	struct list_row *rows;
	int n;
};

static const char *short_of(const struct vocab *v, const char *code)
{
	const char *s = code[0] ? vocab_short(v, code) : NULL;
	return s ? _(s) : "";
}

static void add_row(const struct reint_project *p, void *ctx)
{
	struct fill *f = ctx;
	struct list_row *r = &f->rows[f->n++];
	snprintf(r->cells[0], sizeof r->cells[0], "%s", short_of(VOCAB_REINT_PROJECT_KIND, p->kind));
	char name[324] = "";
	if (ref_name(app_db(f->app), REF_COUNTRY, p->country, lang_get(), name, sizeof name) != ST_OK)
		snprintf(name, sizeof name, "%s", p->country);
	text_fit(name, LIST_CELL - 1, r->cells[1], sizeof r->cells[1]);
	snprintf(r->cells[2], sizeof r->cells[2], "%s", short_of(VOCAB_REINT_PROJECT_STATUS, p->status));
	snprintf(r->cells[3], sizeof r->cells[3], "%d", p->members);
	text_fit(p->name, LIST_CELL - 1, r->cells[4], sizeof r->cells[4]);
	r->key.id = p->id;
}

static int fetch(void *ctx, enum page_dir dir, const struct list_key *key, int limit, struct list_row *rows,
                 bool *more)
{
	struct projects_screen *s = ctx;
	struct fill f = { s->app, rows, 0 };
	struct reint_project k;
	if (key && reint_project_get(app_db(s->app), key->id, &k) != ST_OK)
		key = NULL;
	enum status st = reint_project_list(app_db(s->app), &s->filter, dir, key ? &k : NULL, limit, add_row, &f, more);
	return st == ST_OK ? f.n : -1;
}

static enum status projects_enter(struct app *app, void *state, const void *arg)
{
	(void)arg;
	struct projects_screen *s = state;
	s->app = app;
	s->kind = s->country = s->status = -1;
	list_init(&s->list, columns, 5, fetch, s);
	return ST_OK;
}

static enum ui_result projects_input(struct app *app, void *state, int key)
{
	(void)app;
	struct projects_screen *s = state;
	return list_key(&s->list, key) ? UI_HANDLED : UI_IGNORED;
}

static bool allowed(struct app *app, enum perm p)
{
	if (perm_allows((int)app_user(app)->role, p))
		return true;
	app_error(app, _(status_msgid(ST_DENIED)));
	return false;
}

/* The next value of a filter over a code list of n items: all, then each. */
static int next_of(int cur, int n)
{
	return cur + 1 >= n ? -1 : cur + 1;
}

static void apply_filter(struct projects_screen *s)
{
	const struct vocab_item *k = s->kind >= 0 ? vocab_item(VOCAB_REINT_PROJECT_KIND, s->kind) : NULL;
	const struct vocab_item *st = s->status >= 0 ? vocab_item(VOCAB_REINT_PROJECT_STATUS, s->status) : NULL;
	snprintf(s->filter.kind, sizeof s->filter.kind, "%s", k ? k->code : "");
	snprintf(s->filter.status, sizeof s->filter.status, "%s", st ? st->code : "");
	snprintf(s->filter.country, sizeof s->filter.country, "%s", s->country >= 0 ? countries[s->country] : "");
	list_reload(&s->list);
}

static enum ui_result projects_action(struct app *app, void *state, int action)
{
	struct projects_screen *s = state;
	switch (action) {
	case ACT_NEW:
		if (allowed(app, PERM_REINTEGRATION_WRITE))
			reint_project_form_open(app, 0);
		return UI_HANDLED;
	case ACT_KIND:
		s->kind = next_of(s->kind, vocab_count(VOCAB_REINT_PROJECT_KIND));
		apply_filter(s);
		return UI_HANDLED;
	case ACT_COUNTRY:
		s->country = next_of(s->country, NCOUNTRIES);
		apply_filter(s);
		return UI_HANDLED;
	case ACT_STATUS:
		s->status = next_of(s->status, vocab_count(VOCAB_REINT_PROJECT_STATUS));
		apply_filter(s);
		return UI_HANDLED;
	default: break;
	}
	const struct list_row *row = list_current(&s->list);
	if (!row)
		return action == ACT_OPEN || action == ACT_EDIT ? UI_HANDLED : UI_IGNORED;
	if (action == ACT_OPEN) {
		reint_project_open(app, row->key.id);
		return UI_HANDLED;
	}
	if (action == ACT_EDIT) {
		if (allowed(app, PERM_REINTEGRATION_WRITE))
			reint_project_form_open(app, row->key.id);
		return UI_HANDLED;
	}
	return UI_IGNORED;
}

static void projects_resume(struct app *app, void *state)
{
	(void)app;
	struct projects_screen *s = state;
	struct list_key saved = { .id = reint_project_form_take_saved() };
	if (saved.id)
		list_refresh_at(&s->list, &saved);
	else
		list_refresh(&s->list);
}

/* The filters in force, in words. */
static void filter_text(struct app *app, const struct projects_screen *s, char *out, size_t size)
{
	char country[324];
	const char *k = s->kind >= 0 ? vocab_item(VOCAB_REINT_PROJECT_KIND, s->kind)->label : NULL;
	const char *st = s->status >= 0 ? vocab_item(VOCAB_REINT_PROJECT_STATUS, s->status)->label : NULL;
	if (s->country < 0 || ref_name(app_db(app), REF_COUNTRY, countries[s->country], lang_get(), country,
	                                sizeof country) != ST_OK)
		snprintf(country, sizeof country, "%s", s->country < 0 ? _("all countries") : countries[s->country]);
	snprintf(out, size, _("Projects: %s · %s · %s"), k ? _(k) : _("all kinds"), country,
	         st ? _(st) : _("any status"));
}

static void projects_draw(struct app *app, void *state, WINDOW *win)
{
	struct projects_screen *s = state;
	int cols = getmaxx(win), rows = getmaxy(win);
	char line[800];
	filter_text(app, s, line, sizeof line);
	ui_put_wrapped(win, 0, 2, cols - 4, 1, A_BOLD, line);
	list_draw(&s->list, win, 2, rows - 5);
	const struct list_row *row = list_current(&s->list);
	struct reint_project p;
	if (row && reint_project_get(app_db(app), row->key.id, &p) == ST_OK) {
		char region[324] = "", partner[324] = "", budget[64];
		if (p.region_id)
			reflist_name(app_db(app), p.region_id, lang_get(), region, sizeof region);
		if (p.partner_id)
			reflist_name(app_db(app), p.partner_id, lang_get(), partner, sizeof partner);
		amount_grouped(p.budget, p.currency, budget, sizeof budget);
		snprintf(s->detail, sizeof s->detail, "%s · %s%s%s%s%s · %s", p.name, region, region[0] && p.locality[0] ? ", " : "",
		         p.locality, region[0] || p.locality[0] ? " · " : "",
		         short_of(VOCAB_REINT_PROJECT_ACTIVITY, p.activity), budget);
		size_t len = strlen(s->detail);
		if (partner[0])
			snprintf(s->detail + len, sizeof s->detail - len, " · %s", partner);
		ui_put_wrapped(win, rows - 3, 2, cols - 4, 3, 0, s->detail);
	} else if (!row) {
		ui_put(win, rows - 3, 2, cols - 4, 0, _("No project here: n starts one; k, c and s change the filters."));
	}
}

static const struct screen screen_projects = {
	.name = "reint_projects",
	.title = N_("Reintegration projects"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_REINTEGRATION_READ),
	.state_size = sizeof(struct projects_screen),
	.bindings = bindings,
	.enter = projects_enter,
	.draw = projects_draw,
	.input = projects_input,
	.action = projects_action,
	.resume = projects_resume,
};

enum status reint_projects_open(struct app *app)
{
	return app_push(app, &screen_projects, NULL);
}
