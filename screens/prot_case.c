/* A protection case: the person, risk, status, case worker, concerns and
 * summary, then its actions (open ones first by due day, the overdue ones
 * marked). Keys: n new action, Enter edit the action, d mark it done, x
 * cancel it, e edit the case, c close or transfer it, o its concerns; u
 * the child's record, t trafficking, f referrals, k consents, v the
 * person's return. Opening the case is audited by the data layer. */
#include <stdio.h>
#include <string.h>

#include "core/casenum.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/prot_vocab.h"
#include "core/text.h"
#include "core/vocab.h"
#include "db/prot_case.h"
#include "db/user.h"
#include "prot_case_private.h"
#include "screens/prot_cases.h"
#include "screens/prot_child.h"
#include "screens/prot_returns.h"
#include "screens/prot_trafficking.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/lang.h"
#include "ui/list.h"

enum {
	ACT_NEW = 1, ACT_ACTION, ACT_DONE, ACT_CANCEL, ACT_EDIT, ACT_END, ACT_CONCERNS, ACT_CHILD, ACT_TRAFFIC,
	ACT_REFERRALS, ACT_CONSENTS, ACT_RETURN
};

static const struct binding bindings[] = {
	{ ACT_NEW, { 'n', UI_KEYCODE(KEY_F(2)), 0, 0 }, N_("New action"), N_("Add an action to the case, with its due day") },
	{ ACT_ACTION, { '\n', 0, 0, 0 }, NULL, N_("Change the selected action") },
	{ ACT_DONE, { 'd', 0, 0, 0 }, N_("Done"), N_("Mark the selected action done, with the day and its outcome") },
	{ ACT_CANCEL, { 'x', 0, 0, 0 }, NULL, N_("Cancel the selected action") },
	{ ACT_EDIT, { 'e', UI_KEYCODE(KEY_F(3)), 0, 0 }, N_("Edit"), N_("Change the case: risk, case worker, summary") },
	{ ACT_END, { 'c', 0, 0, 0 }, N_("Close"), N_("Close the case for a reason, or transfer it, on a day") },
	{ ACT_CONCERNS, { 'o', 0, 0, 0 }, N_("Concerns"), N_("The protection concerns of the case: add or remove them") },
	{ ACT_CHILD, { 'u', 0, 0, 0 }, NULL, N_("The child's record: best interests, care, family tracing") },
	{ ACT_TRAFFIC, { 't', 0, 0, 0 }, NULL, N_("The record of a victim of trafficking") },
	{ ACT_REFERRALS, { 'f', 0, 0, 0 }, NULL, N_("Referrals out and in") },
	{ ACT_CONSENTS, { 'k', 0, 0, 0 }, NULL, N_("Consents given for each use of the information") },
	{ ACT_RETURN, { 'v', 0, 0, 0 }, NULL, N_("The person's assisted voluntary return") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct list_column columns[] = {
	{ N_("Due"), 11, false },
	{ N_("Late"), 9, false },
	{ N_("Status"), 10, false },
	{ N_("Action"), 0, false },
};

struct case_screen {
	struct app *app;
	long long id;
	struct prot_case c;
	char person[460];
	char worker[324];
	char concerns[2000];
	struct list list;
};

struct fill {
	struct list_row *rows;
	int n;
};

static const char *label_of(const struct vocab *v, const char *code)
{
	const char *s = code[0] ? vocab_label(v, code) : NULL;
	return s ? _(s) : "";
}

static void add_row(const struct prot_action_row *a, void *ctx)
{
	struct fill *f = ctx;
	struct list_row *r = &f->rows[f->n++];
	prot_day_text(a->a.due_date, r->cells[0], sizeof r->cells[0]);
	snprintf(r->cells[1], sizeof r->cells[1], "%s", a->overdue ? _("overdue") : "");
	snprintf(r->cells[2], sizeof r->cells[2], "%s", label_of(VOCAB_PROT_ACTION_STATUS, a->a.status));
	char text[1200];
	snprintf(text, sizeof text, a->assigned_name[0] ? "%s (%s)" : "%s", a->a.description, a->assigned_name);
	text_fit(text, LIST_CELL - 1, r->cells[3], sizeof r->cells[3]);
	r->key.id = a->a.id;
	snprintf(r->key.text, sizeof r->key.text, "%d", a->a.version);
}

static int fetch(void *ctx, enum page_dir dir, const struct list_key *key, int limit, struct list_row *rows,
                 bool *more)
{
	struct case_screen *s = ctx;
	struct fill f = { rows, 0 };
	enum status st = prot_action_list(app_db(s->app), s->id, dir, key ? key->id : 0, limit, add_row, &f, more);
	return st == ST_OK ? f.n : -1;
}

static void add_concern(const struct prot_concern *c, void *ctx)
{
	char *out = ctx;
	size_t len = strlen(out);
	snprintf(out + len, 2000 - len, "%s%s%s%s%s", len ? ", " : "", c->name, c->note[0] ? " (" : "", c->note,
	         c->note[0] ? ")" : "");
}

/* Reads the case again without a new "view" row: the opening was audited. */
static enum status load(struct app *app, struct case_screen *s, bool opening)
{
	enum status st = opening ? prot_case_get(app_db(app), s->id, &s->c) : ST_OK;
	if (st != ST_OK)
		return st;
	s->worker[0] = s->concerns[0] = '\0';
	if (s->c.caseworker_id)
		prot_worker_name(app_db(app), s->c.caseworker_id, s->worker, sizeof s->worker);
	prot_concern_each(app_db(app), s->id, lang_get(), add_concern, s->concerns);
	char name[400], key[20], shown[32];
	prot_person_label(app_db(app), s->c.person_id, name, sizeof name, key, sizeof key);
	if (!casenum_display(key, shown, sizeof shown))
		snprintf(shown, sizeof shown, "%s", key);
	snprintf(s->person, sizeof s->person, "%s   %s", shown, name);
	return ST_OK;
}

static enum status case_enter(struct app *app, void *state, const void *arg)
{
	struct case_screen *s = state;
	s->app = app;
	s->id = *(const long long *)arg;
	enum status st = load(app, s, true);
	if (st != ST_OK)
		return st;
	list_init(&s->list, columns, 4, fetch, s);
	return ST_OK;
}

static void case_draw(struct app *app, void *state, WINDOW *win)
{
	struct case_screen *s = state;
	int cols = getmaxx(win), rows = getmaxy(win), y = 0;
	char line[3000], day[16];
	y += ui_put_wrapped(win, y, 2, cols - 4, 1, A_BOLD, app_privacy(app) ? _("Protection case") : s->person);
	prot_day_text(s->c.opened, day, sizeof day);
	snprintf(line, sizeof line, _("%s · %s · opened %s · case worker: %s"), label_of(VOCAB_PROT_RISK, s->c.risk),
	         label_of(VOCAB_PROT_CASE_STATUS, s->c.status), day, s->worker[0] ? s->worker : _("none"));
	if (s->c.close_reason[0]) {
		size_t len = strlen(line);
		snprintf(line + len, sizeof line - len, " (%s)", label_of(VOCAB_PROT_CLOSE_REASON, s->c.close_reason));
	}
	if (s->c.transferred_to[0]) {
		size_t len = strlen(line);
		snprintf(line + len, sizeof line - len, _(" to %s"), s->c.transferred_to);
	}
	y += ui_put_wrapped(win, y, 2, cols - 4, 2, 0, line);
	snprintf(line, sizeof line, _("Concerns: %s"), s->concerns[0] ? s->concerns : _("none yet (o adds them)"));
	y += ui_put_wrapped(win, y, 2, cols - 4, 2, 0, line);
	if (s->c.summary[0])
		y += ui_put_wrapped(win, y, 2, cols - 4, 2, 0, s->c.summary);
	y++;
	list_draw(&s->list, win, y, rows - y - 3);
	const struct list_row *row = list_current(&s->list);
	if (row)
		ui_put_wrapped(win, rows - 2, 2, cols - 4, 2, 0, row->cells[3]);
	else
		ui_put_wrapped(win, rows - 2, 2, cols - 4, 2, 0, _("No action yet: n adds one."));
}

static enum ui_result case_input(struct app *app, void *state, int key)
{
	(void)app;
	struct case_screen *s = state;
	return list_key(&s->list, key) ? UI_HANDLED : UI_IGNORED;
}

static bool writer(struct app *app)
{
	if (perm_allows((int)app_user(app)->role, PERM_PROTECTION_WRITE))
		return true;
	app_error(app, _(status_msgid(ST_DENIED)));
	return false;
}

static enum ui_result case_action(struct app *app, void *state, int action)
{
	struct case_screen *s = state;
	const struct list_row *row = list_current(&s->list);
	switch (action) {
	case ACT_CHILD:
		prot_child_open(app, s->id);
		return UI_HANDLED;
	case ACT_TRAFFIC:
		prot_trafficking_open(app, s->id);
		return UI_HANDLED;
	case ACT_REFERRALS:
		prot_referrals_open(app, s->id);
		return UI_HANDLED;
	case ACT_CONSENTS:
		prot_consents_open(app, s->id);
		return UI_HANDLED;
	case ACT_RETURN:
		prot_return_person_open(app, s->c.person_id);
		return UI_HANDLED;
	default:
		break;
	}
	if (!writer(app))
		return UI_HANDLED;
	bool open = strcmp(s->c.status, "open") == 0;
	if (!open && action != ACT_CONCERNS) {
		app_error(app, _("This case is not open."));
		return UI_HANDLED;
	}
	switch (action) {
	case ACT_NEW:
		prot_action_form_open(app, 0, s->id);
		return UI_HANDLED;
	case ACT_ACTION:
		if (row)
			prot_action_form_open(app, row->key.id, s->id);
		return UI_HANDLED;
	case ACT_DONE:
	case ACT_CANCEL: {
		struct prot_action a;
		if (!row || prot_action_get(app_db(app), row->key.id, &a) != ST_OK)
			return UI_HANDLED;
		if (action == ACT_DONE) {
			prot_action_done_open(app, a.id, a.version);
			return UI_HANDLED;
		}
		if (!app_confirm(app, _("Cancel this action?")))
			return UI_HANDLED;
		const char *why = NULL;
		enum status st = prot_action_finish(app_db(app), a.id, &a.version, false, NULL, "", &why);
		if (st == ST_OK)
			app_message(app, _("The action is cancelled."));
		else
			app_error(app, _(why ? why : status_msgid(st)));
		list_refresh(&s->list);
		return UI_HANDLED;
	}
	case ACT_EDIT:
		prot_case_form_open(app, s->id, s->c.person_id);
		return UI_HANDLED;
	case ACT_END:
		prot_case_end_open(app, s->id, s->c.version);
		return UI_HANDLED;
	case ACT_CONCERNS:
		prot_concerns_open(app, s->id);
		return UI_HANDLED;
	default:
		return UI_IGNORED;
	}
}

static void case_resume(struct app *app, void *state)
{
	struct case_screen *s = state;
	struct prot_case c;
	/* The case as it is now; the list kept at its row. */
	if (prot_case_get(app_db(app), s->id, &c) == ST_OK)
		s->c = c;
	load(app, s, false);
	list_refresh(&s->list);
}

static const struct screen screen_case = {
	.name = "prot_case",
	.title = N_("Protection case"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_PROTECTION_READ),
	.state_size = sizeof(struct case_screen),
	.bindings = bindings,
	.enter = case_enter,
	.draw = case_draw,
	.input = case_input,
	.action = case_action,
	.resume = case_resume,
};

enum status prot_case_open(struct app *app, long long id)
{
	return app_push(app, &screen_case, &id);
}

enum status prot_case_instead(struct app *app, long long id)
{
	return app_replace(app, &screen_case, &id);
}
