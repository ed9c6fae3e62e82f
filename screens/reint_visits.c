/* The counselling and monitoring visits of a case or a project by due day:
 * kind, status, the day done and how, whether the survey was answered; the
 * selected visit's answers whole below. Enter records the outcome, a adds
 * a visit, b the baseline survey, s opens the survey of the selected
 * visit. */
#include <stdio.h>
#include <string.h>

#include "core/amount_group.h"
#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/reint_vocab.h"
#include "core/vocab.h"
#include "db/reint_money.h"
#include "db/reint_visit.h"
#include "screens/reint_money.h"
#include "screens/reint_survey.h"
#include "screens/reint_visits.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/list.h"

enum { ACT_OUTCOME = 1, ACT_ADD, ACT_BASELINE, ACT_SURVEY };

static const struct binding bindings[] = {
	{ ACT_OUTCOME, { '\n', 0, 0, 0 }, N_("Outcome"),
	  N_("Record the outcome of the selected visit: done, missed, unreachable or cancelled") },
	{ ACT_ADD, { 'a', UI_KEYCODE(KEY_F(2)), 0, 0 }, N_("Add"), N_("Add a counselling or monitoring visit by hand") },
	{ ACT_BASELINE, { 'b', 0, 0, 0 }, N_("Baseline"), N_("Add the baseline survey (one per case or project)") },
	{ ACT_SURVEY, { 's', 0, 0, 0 }, N_("Survey"), N_("Open the sustainability survey of the selected visit") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct list_column columns[] = {
	{ N_("Due"), 12, false },
	{ N_("Kind"), 13, false },
	{ N_("Status"), 13, false },
	{ N_("Done on"), 11, false },
	{ N_("How"), 11, false },
	{ N_("Survey"), 0, false },
};

struct visits_screen {
	struct app *app;
	struct reint_ref ref;
	char name[808];
	char currency[4];
	char today[11];
	struct list list;
	char detail[3000];
};

static void day_text(const char *iso, char *out, size_t size)
{
	struct pdate d;
	if (iso[0] && date_from_iso(iso, &d) == DATE_OK)
		date_format(&d, out, size);
	else
		snprintf(out, size, "%s", iso);
}

static const char *short_of(const struct vocab *v, const char *code)
{
	const char *s = code[0] ? vocab_short(v, code) : NULL;
	return s ? _(s) : "";
}

struct fill {
	struct visits_screen *s;
	struct list_row *rows;
	int n;
};

static void add_row(const struct reint_visit *v, void *ctx)
{
	struct fill *f = ctx;
	struct list_row *r = &f->rows[f->n++];
	char due[16];
	day_text(v->due_date, due, sizeof due);
	bool overdue = strcmp(v->status, "scheduled") == 0 && strcmp(v->due_date, f->s->today) < 0;
	snprintf(r->cells[0], sizeof r->cells[0], "%s%s", overdue ? "! " : "  ", due);
	snprintf(r->cells[1], sizeof r->cells[1], "%s", short_of(VOCAB_REINT_VISIT_KIND, v->kind));
	snprintf(r->cells[2], sizeof r->cells[2], "%s", short_of(VOCAB_REINT_VISIT_STATUS, v->status));
	day_text(v->done_date, r->cells[3], sizeof r->cells[3]);
	snprintf(r->cells[4], sizeof r->cells[4], "%s", short_of(VOCAB_REINT_VISIT_MODE, v->mode));
	snprintf(r->cells[5], sizeof r->cells[5], "%s", v->answered ? _("answered") : "");
	snprintf(r->key.text, sizeof r->key.text, "%s", v->due_date);
	r->key.id = v->id;
}

static int fetch(void *ctx, enum page_dir dir, const struct list_key *key, int limit, struct list_row *rows,
                 bool *more)
{
	struct visits_screen *s = ctx;
	struct fill f = { s, rows, 0 };
	struct reint_visit k;
	memset(&k, 0, sizeof k);
	if (key) {
		snprintf(k.due_date, sizeof k.due_date, "%.10s", key->text);
		k.id = key->id;
	}
	enum status st = reint_visit_list(app_db(s->app), s->ref, dir, key ? &k : NULL, limit, add_row, &f, more);
	return st == ST_OK ? f.n : -1;
}

static enum status visits_enter(struct app *app, void *state, const void *arg)
{
	struct visits_screen *s = state;
	s->app = app;
	s->ref = *(const struct reint_ref *)arg;
	enum status st = reint_visit_owner(app_db(app), s->ref, s->name, sizeof s->name, s->currency);
	if (st != ST_OK)
		return st;
	clock_today_iso(s->today, sizeof s->today);
	list_init(&s->list, columns, 6, fetch, s);
	return ST_OK;
}

static enum ui_result visits_input(struct app *app, void *state, int key)
{
	(void)app;
	struct visits_screen *s = state;
	return list_key(&s->list, key) ? UI_HANDLED : UI_IGNORED;
}

static bool allowed(struct app *app)
{
	if (perm_allows((int)app_user(app)->role, PERM_REINTEGRATION_WRITE))
		return true;
	app_error(app, _(status_msgid(ST_DENIED)));
	return false;
}

static enum ui_result visits_action(struct app *app, void *state, int action)
{
	struct visits_screen *s = state;
	if (action == ACT_ADD || action == ACT_BASELINE) {
		if (allowed(app))
			reint_visit_add_open(app, s->ref, action == ACT_BASELINE ? "baseline" : NULL);
		return UI_HANDLED;
	}
	const struct list_row *row = list_current(&s->list);
	if (action != ACT_OUTCOME && action != ACT_SURVEY)
		return UI_IGNORED;
	if (!row) {
		app_error(app, _("No visit yet: a adds one, b the baseline survey."));
		return UI_HANDLED;
	}
	if (action == ACT_OUTCOME) {
		if (allowed(app))
			reint_visit_form_open(app, row->key.id);
	} else {
		reint_survey_open(app, row->key.id);
	}
	return UI_HANDLED;
}

static void visits_resume(struct app *app, void *state)
{
	(void)app;
	struct visits_screen *s = state;
	list_refresh(&s->list);
}

/* Appends " · text" (or text first) to out. */
static void append(char *out, size_t size, const char *text)
{
	size_t len = strlen(out);
	if (text[0])
		snprintf(out + len, size - len, "%s%s", len ? " · " : "", text);
}

/* The selected visit whole: its answers, notes and who recorded it. */
static void visit_detail(struct visits_screen *s, long long id)
{
	struct reint_visit v;
	s->detail[0] = '\0';
	if (reint_visit_get(app_db(s->app), id, &v) != ST_OK)
		return;
	char part[600];
	if (v.business_running >= 0)
		append(s->detail, sizeof s->detail, v.business_running ? _("business running") : _("business not running"));
	if (v.monthly_income >= 0) {
		char amount[48];
		amount_grouped(v.monthly_income, s->currency, amount, sizeof amount);
		snprintf(part, sizeof part, _("income %s a month"), amount);
		append(s->detail, sizeof s->detail, part);
	}
	const char *sat = v.satisfaction[0] ? vocab_label(VOCAB_REINT_SATISFACTION, v.satisfaction) : NULL;
	if (sat)
		append(s->detail, sizeof s->detail, _(sat));
	const char *rem = v.remigration[0] ? vocab_short(VOCAB_REINT_REMIGRATION, v.remigration) : NULL;
	if (rem) {
		snprintf(part, sizeof part, _("intends to migrate again: %s"), _(rem));
		append(s->detail, sizeof s->detail, part);
	}
	append(s->detail, sizeof s->detail, v.notes);
	if (v.visitor[0]) {
		snprintf(part, sizeof part, _("recorded by %s"), v.visitor);
		append(s->detail, sizeof s->detail, part);
	}
}

static void visits_draw(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct visits_screen *s = state;
	int cols = getmaxx(win), rows = getmaxy(win);
	char line[1000];
	snprintf(line, sizeof line, s->ref.kind == REINT_CASE ? _("Visits of %s (! overdue)")
	                                                      : _("Visits of the project %s (! overdue)"), s->name);
	ui_put(win, 0, 2, cols - 4, A_BOLD, line);
	list_draw(&s->list, win, 2, rows - 6);
	const struct list_row *row = list_current(&s->list);
	if (row) {
		visit_detail(s, row->key.id);
		ui_put_wrapped(win, rows - 4, 2, cols - 4, 4, 0, s->detail);
	} else {
		ui_put(win, rows - 4, 2, cols - 4, 0,
		       _("No visit yet: they are scheduled with the first payment; a adds one, b the baseline."));
	}
}

static const struct screen screen_visits = {
	.name = "reint_visits",
	.title = N_("Visits"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_REINTEGRATION_READ),
	.state_size = sizeof(struct visits_screen),
	.bindings = bindings,
	.enter = visits_enter,
	.draw = visits_draw,
	.input = visits_input,
	.action = visits_action,
	.resume = visits_resume,
};

enum status reint_visits_open(struct app *app, struct reint_ref ref)
{
	return app_push(app, &screen_visits, &ref);
}
