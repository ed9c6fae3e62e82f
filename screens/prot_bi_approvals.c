/* The best-interests determinations waiting for a manager, first submitted
 * first: the child, the day assessed, the recommendation. Enter opens the
 * child's page; a manager approves the selected one (after a question) or
 * rejects it with a comment. Protection officers see the list only. What
 * is approved is the assessment as shown: one changed meanwhile is refused
 * as a conflict. */
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/perm.h"
#include "core/prot_vocab.h"
#include "core/text.h"
#include "core/vocab.h"
#include "db/prot_child.h"
#include "screens/prot_child.h"
#include "screens/prot_child_forms.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/list.h"

enum { ACT_OPEN = 1, ACT_APPROVE, ACT_REJECT };

static const struct binding manager_bindings[] = {
	{ ACT_OPEN, { '\n', 0, 0, 0 }, N_("Show"), N_("Open the child's page: the assessment, care and tracing") },
	{ ACT_APPROVE, { 'a', UI_KEYCODE(KEY_F(2)), 0, 0 }, N_("Approve"),
	  N_("Approve the selected determination (asks first); your name and the time are recorded") },
	{ ACT_REJECT, { 'r', 0, 0, 0 }, N_("Reject"), N_("Reject the selected assessment with a comment") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct binding officer_bindings[] = {
	{ ACT_OPEN, { '\n', 0, 0, 0 }, N_("Show"),
	  N_("Open the child's page (a manager approves or rejects the determinations)") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct list_column columns[] = {
	{ N_("Submitted"), 11, false },
	{ N_("Assessed"), 11, false },
	{ N_("Recommendation"), 22, false },
	{ N_("Child"), 0, true },
};

struct approvals_screen {
	struct app *app;
	struct list list;
	struct prot_bi seen;          /* the selected assessment as shown */
	bool have_seen;
};

struct fill {
	struct list_row *rows;
	int n;
};

static void add_row(const struct prot_bi_waiting *w, void *ctx)
{
	struct fill *f = ctx;
	struct list_row *row = &f->rows[f->n++];
	char day[11];
	snprintf(day, sizeof day, "%.10s", w->submitted_at);
	prot_day_text(day, row->cells[0], sizeof row->cells[0]);
	prot_day_text(w->assessed_date, row->cells[1], sizeof row->cells[1]);
	const char *l = vocab_label(VOCAB_PROT_RECOMMENDATION, w->recommendation);
	text_fit(l ? _(l) : w->recommendation, LIST_CELL - 1, row->cells[2], sizeof row->cells[2]);
	text_fit(w->person, LIST_CELL - 1, row->cells[3], sizeof row->cells[3]);
	row->key.id = w->bi_id;
	snprintf(row->key.text, sizeof row->key.text, "%s", w->submitted_at);
}

static int fetch(void *ctx, enum page_dir dir, const struct list_key *key, int limit, struct list_row *rows,
                 bool *more)
{
	struct approvals_screen *s = ctx;
	struct fill f = { rows, 0 };
	struct prot_bi_waiting k;
	memset(&k, 0, sizeof k);
	if (key) {
		k.bi_id = key->id;
		snprintf(k.submitted_at, sizeof k.submitted_at, "%.31s", key->text);
	}
	enum status st = prot_bi_waiting_list(app_db(s->app), dir, key ? &k : NULL, limit, add_row, &f, more);
	return st == ST_OK ? f.n : -1;
}

static enum status approvals_enter(struct app *app, void *state, const void *arg)
{
	(void)arg;
	struct approvals_screen *s = state;
	s->app = app;
	list_init(&s->list, columns, 4, fetch, s);
	return ST_OK;
}

static enum ui_result approvals_input(struct app *app, void *state, int key)
{
	(void)app;
	struct approvals_screen *s = state;
	return list_key(&s->list, key) ? UI_HANDLED : UI_IGNORED;
}

static enum ui_result approvals_action(struct app *app, void *state, int action)
{
	struct approvals_screen *s = state;
	const struct list_row *row = list_current(&s->list);
	if (action < ACT_OPEN || action > ACT_REJECT)
		return UI_IGNORED;
	if (!row || !s->have_seen || s->seen.id != row->key.id) {
		app_error(app, _("No determination is waiting for approval."));
		return UI_HANDLED;
	}
	if (action == ACT_OPEN) {
		prot_child_open(app, s->seen.case_id);
		return UI_HANDLED;
	}
	if (!perm_allows((int)app_user(app)->role, PERM_PROTECTION_APPROVE)) {
		app_error(app, _(status_msgid(ST_DENIED)));
		return UI_HANDLED;
	}
	if (action == ACT_REJECT) {
		prot_bi_reject_open(app, s->seen.id, s->seen.version);
		return UI_HANDLED;
	}
	char question[600];
	const char *l = vocab_label(VOCAB_PROT_RECOMMENDATION, s->seen.recommendation);
	snprintf(question, sizeof question, _("Approve the determination for %s: %s?"),
	         app_privacy(app) ? "*****" : row->cells[3], l ? _(l) : "");
	if (!app_confirm(app, question))
		return UI_HANDLED;
	const char *why = NULL;
	enum status st = prot_bi_decide(app_db(app), s->seen.id, s->seen.version, true, NULL, &why, NULL);
	if (st == ST_OK)
		app_message(app, _("Determination approved."));
	else if (st == ST_CONFLICT)
		app_error(app, _("The assessment changed since it was shown: look at it again before deciding."));
	else
		app_error(app, _(why ? why : status_msgid(st)));
	list_refresh(&s->list);
	return UI_HANDLED;
}

static void approvals_resume(struct app *app, void *state)
{
	(void)app;
	list_refresh(&((struct approvals_screen *)state)->list);
}

static void approvals_draw(struct app *app, void *state, WINDOW *win)
{
	struct approvals_screen *s = state;
	int cols = getmaxx(win), rows = getmaxy(win);
	ui_put_wrapped(win, 0, 2, cols - 4, 2, A_BOLD,
	               _("Best-interests determinations waiting for approval, first submitted first"));
	s->list.privacy = app_privacy(app);
	list_draw(&s->list, win, 2, rows - 6);
	const struct list_row *row = list_current(&s->list);
	s->have_seen = row && prot_bi_get(app_db(app), row->key.id, &s->seen) == ST_OK &&
	               strcmp(s->seen.status, "submitted") == 0;
	if (!s->have_seen) {
		ui_put(win, rows - 4, 2, cols - 4, 0, _("No determination is waiting for approval."));
		return;
	}
	char line[6100];
	snprintf(line, sizeof line, "%s%s%s", s->seen.recommendation_note, s->seen.recommendation_note[0] ? " — " : "",
	         s->seen.child_views);
	ui_put_wrapped(win, rows - 4, 2, cols - 4, 4, 0, line);
}

static const struct screen screen_manager = {
	.name = "prot_bi_approvals",
	.title = N_("Determinations waiting for approval"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_PROTECTION_READ),
	.state_size = sizeof(struct approvals_screen),
	.bindings = manager_bindings,
	.enter = approvals_enter,
	.draw = approvals_draw,
	.input = approvals_input,
	.action = approvals_action,
	.resume = approvals_resume,
};

static const struct screen screen_officer = {
	.name = "prot_bi_approvals",
	.title = N_("Determinations waiting for approval"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_PROTECTION_READ),
	.state_size = sizeof(struct approvals_screen),
	.bindings = officer_bindings,
	.enter = approvals_enter,
	.draw = approvals_draw,
	.input = approvals_input,
	.action = approvals_action,
	.resume = approvals_resume,
};

enum status prot_bi_approvals_open(struct app *app)
{
	const struct user *u = app_user(app);
	bool manager = u && perm_allows((int)u->role, PERM_PROTECTION_APPROVE);
	return app_push(app, manager ? &screen_manager : &screen_officer, NULL);
}
