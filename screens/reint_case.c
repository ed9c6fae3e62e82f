/* A reintegration case: the person, where and when they returned, who
 * follows them, the case's status; its plan with its items (the selected
 * one whole, with its business plan), planned, paid and left in the plan's
 * currency. Keys: e edit, c close, m monitoring, n new plan, a add an item,
 * Enter edit the item, x remove it, b its business plan, s submit the plan,
 * f complete it, k cancel it, p the grant's tranches and payments, v the
 * visits. */
#include <stdio.h>
#include <string.h>

#include "core/amount_group.h"
#include "core/casenum.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/reint_vocab.h"
#include "core/vocab.h"
#include "db/person.h"
#include "db/refdata.h"
#include "db/reflist.h"
#include "db/reint.h"
#include "db/reint_case.h"
#include "db/reint_plan.h"
#include "screens/reint_cases.h"
#include "screens/reint_payments.h"
#include "screens/reint_visits.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/lang.h"

#define MAX_ITEMS 40

enum {
	ACT_EDIT = 1, ACT_CLOSE, ACT_MONITOR, ACT_PLAN, ACT_ADD, ACT_ITEM, ACT_REMOVE, ACT_BUSINESS, ACT_SUBMIT_PLAN,
	ACT_COMPLETE, ACT_CANCEL, ACT_PAY, ACT_VISITS, ACT_MOVE
};

static const struct binding bindings[] = {
	{ ACT_EDIT, { 'e', UI_KEYCODE(KEY_F(3)), 0, 0 }, N_("Edit"), N_("Change the case: where, when, who follows it") },
	{ ACT_CLOSE, { 'c', 0, 0, 0 }, N_("Close"), N_("Close the case, saying why and on which day") },
	{ ACT_MONITOR, { 'm', 0, 0, 0 }, NULL, N_("Put the case under monitoring, or back to open") },
	{ ACT_PLAN, { 'n', 0, 0, 0 }, N_("New plan"), N_("Draft the individual plan of the case (one at a time)") },
	{ ACT_ADD, { 'a', UI_KEYCODE(KEY_F(2)), 0, 0 }, N_("Add item"), N_("Add an item to the draft plan") },
	{ ACT_ITEM, { '\n', 0, 0, 0 }, NULL, N_("Change the selected item of the draft plan") },
	{ ACT_REMOVE, { 'x', 0, 0, 0 }, NULL, N_("Remove the selected item of the draft plan") },
	{ ACT_BUSINESS, { 'b', 0, 0, 0 }, N_("Business plan"),
	  N_("The business plan of the selected small business item: needed before the plan is submitted") },
	{ ACT_SUBMIT_PLAN, { 's', 0, 0, 0 }, N_("Submit"), N_("Submit the draft plan to a manager for approval") },
	{ ACT_COMPLETE, { 'f', 0, 0, 0 }, NULL, N_("Mark the approved plan completed") },
	{ ACT_CANCEL, { 'k', 0, 0, 0 }, NULL, N_("Cancel the plan, saying why") },
	{ ACT_PAY, { 'p', 0, 0, 0 }, N_("Payments"), N_("The grant's tranches and payments: planned, paid and left") },
	{ ACT_VISITS, { 'v', 0, 0, 0 }, N_("Visits"), N_("Counselling and monitoring visits of the case") },
	{ ACT_MOVE, { UI_KEYCODE(KEY_UP), UI_KEYCODE(KEY_DOWN), 0, 0 }, NULL, N_("Move among the plan's items") },
	{ 0, { 0 }, NULL, NULL },
};

struct case_screen {
	long long id;
	struct reint_case c;
	struct person person;
	bool has_plan;
	struct reint_plan plan;
	struct reint_item items[MAX_ITEMS];
	int n, cur;
	bool more;
};

static void collect(const struct reint_item *it, void *ctx)
{
	struct case_screen *s = ctx;
	if (s->n < MAX_ITEMS)
		s->items[s->n++] = *it;
}

static void load(struct app *app, struct case_screen *s)
{
	if (reint_case_get(app_db(app), s->id, &s->c) != ST_OK)
		return;
	s->has_plan = reint_plan_of_case(app_db(app), s->id, &s->plan) == ST_OK;
	s->n = 0;
	if (s->has_plan)
		reint_item_list(app_db(app), s->plan.id, MAX_ITEMS, collect, s, &s->more);
	if (s->cur >= s->n)
		s->cur = s->n ? s->n - 1 : 0;
}

static enum status case_enter(struct app *app, void *state, const void *arg)
{
	struct case_screen *s = state;
	s->id = *(const long long *)arg;
	enum status st = reint_case_get(app_db(app), s->id, &s->c);
	if (st == ST_OK)
		st = person_get(app_db(app), s->c.person_id, &s->person);
	if (st != ST_OK)
		return st;
	load(app, s);
	return ST_OK;
}

static void day_text(const char *iso, char *out, size_t size)
{
	struct pdate d;
	if (date_from_iso(iso, &d) == DATE_OK)
		date_format(&d, out, size);
	else
		snprintf(out, size, "%s", iso);
}

static const char *label_of(const struct vocab *v, const char *code)
{
	const char *s = code[0] ? vocab_label(v, code) : NULL;
	return s ? _(s) : "";
}

static const char *short_of(const struct vocab *v, const char *code)
{
	const char *s = code[0] ? vocab_short(v, code) : NULL;
	return s ? _(s) : "";
}

/* Appends text to out. */
static void add(char *out, size_t size, const char *text)
{
	size_t len = strlen(out);
	snprintf(out + len, size - len, "%s", text);
}

/* The case's details in one text, wrapped when drawn. */
static void details(struct app *app, const struct case_screen *s, char *out, size_t size)
{
	const struct reint_case *c = &s->c;
	char day[16], name[324], part[800];
	day_text(c->return_date, day, sizeof day);
	snprintf(out, size, _("Returned %s (%s) to "), day, short_of(VOCAB_REINT_RETURN_KIND, c->return_kind));
	ref_name(app_db(app), REF_COUNTRY, c->country, lang_get(), name, sizeof name);
	add(out, size, name);
	if (c->region_id && reflist_name(app_db(app), c->region_id, lang_get(), name, sizeof name) == ST_OK) {
		snprintf(part, sizeof part, ", %s", name);
		add(out, size, part);
	}
	if (c->locality[0]) {
		snprintf(part, sizeof part, ", %s", c->locality);
		add(out, size, part);
	}
	if (c->caseworker_id && reint_caseworker_name(app_db(app), c->caseworker_id, name, sizeof name) == ST_OK) {
		snprintf(part, sizeof part, _(" · case worker %s"), name);
		add(out, size, part);
	}
	if (c->partner_id && reflist_name(app_db(app), c->partner_id, lang_get(), name, sizeof name) == ST_OK) {
		snprintf(part, sizeof part, _(" · partner %s"), name);
		add(out, size, part);
	}
	snprintf(part, sizeof part, _(" · centre %s · %s"), c->centre_code, label_of(VOCAB_REINT_CASE_STATUS, c->status));
	add(out, size, part);
	if (c->close_reason[0]) {
		day_text(c->closed_date, day, sizeof day);
		snprintf(part, sizeof part, _(" (%s, %s)"), short_of(VOCAB_REINT_CLOSE_REASON, c->close_reason), day);
		add(out, size, part);
	}
}

/* The plan's line: status, planned, paid, left. */
static void plan_line(const struct reint_plan *p, char *out, size_t size)
{
	char planned[48], paid[48], left[48];
	amount_grouped(p->planned, p->currency, planned, sizeof planned);
	amount_grouped(p->paid, p->currency, paid, sizeof paid);
	amount_grouped(p->left, p->currency, left, sizeof left);
	snprintf(out, size, _("Plan: %s · planned %s · paid %s · left %s"), label_of(VOCAB_REINT_PLAN_STATUS, p->status),
	         planned, paid, left);
	if (p->approved) {
		char approved[48];
		amount_grouped(p->approved_amount, p->currency, approved, sizeof approved);
		size_t len = strlen(out);
		snprintf(out + len, size - len, _(" · approved %s"), approved);
	}
}

static void item_text(const struct reint_item *it, const char *currency, char *out, size_t size)
{
	char value[48];
	amount_grouped(it->planned_value, currency, value, sizeof value);
	snprintf(out, size, "%s · %s · %s", label_of(VOCAB_REINT_ITEM_CATEGORY, it->category), value,
	         short_of(VOCAB_REINT_PROVISION, it->provision));
	if (it->referred_to[0]) {
		add(out, size, " ");
		add(out, size, it->referred_to);
	}
	if (it->description[0]) {
		add(out, size, " · ");
		add(out, size, it->description);
	}
}

static void business_text(struct app *app, const struct reint_item *it, const char *currency, char *out,
                          size_t size)
{
	struct reint_business b;
	out[0] = '\0';
	if (strcmp(it->category, "small_business") != 0)
		return;
	if (reint_business_get(app_db(app), it->id, &b) != ST_OK) {
		snprintf(out, size, "%s", _("Business plan: not yet (b)"));
		return;
	}
	char capital[48], income[48] = "";
	amount_grouped(b.starting_capital, currency, capital, sizeof capital);
	if (b.expected_income >= 0)
		amount_grouped(b.expected_income, currency, income, sizeof income);
	snprintf(out, size, _("Business plan: %s (%s)"), b.activity, short_of(VOCAB_REINT_SECTOR, b.sector));
	char part[600];
	if (b.place[0]) {
		snprintf(part, sizeof part, _(" at %s"), b.place);
		add(out, size, part);
	}
	snprintf(part, sizeof part, _(" · capital %s"), capital);
	add(out, size, part);
	if (income[0]) {
		snprintf(part, sizeof part, _(" · expected %s a month"), income);
		add(out, size, part);
	}
	if (b.partners[0]) {
		snprintf(part, sizeof part, _(" · partners %s"), b.partners);
		add(out, size, part);
	}
}

static void case_draw(struct app *app, void *state, WINDOW *win)
{
	struct case_screen *s = state;
	int cols = getmaxx(win), rows = getmaxy(win), w = cols - 4;
	char text[4000], key[24];
	if (!casenum_display(s->person.case_key, key, sizeof key))
		snprintf(key, sizeof key, "%s", s->person.case_key);
	snprintf(text, sizeof text, "%s %s · %s", s->person.family_name, s->person.given_names, key);
	ui_put(win, 0, 2, w, A_BOLD, text);
	details(app, s, text, sizeof text);
	int y = 1 + ui_put_wrapped(win, 1, 2, w, 3, 0, text);
	if (s->c.notes[0])
		y += ui_put_wrapped(win, y, 2, w, 2, 0, s->c.notes);
	y++;
	if (!s->has_plan) {
		ui_put_wrapped(win, y, 2, w, 2, 0, _("No plan yet: n drafts the individual plan."));
		return;
	}
	plan_line(&s->plan, text, sizeof text);
	y += ui_put_wrapped(win, y, 2, w, 2, A_BOLD, text);
	if (s->plan.decision_comment[0]) {
		snprintf(text, sizeof text, _("Manager's comment: %s"), s->plan.decision_comment);
		y += ui_put_wrapped(win, y, 2, w, 2, 0, text);
	}
	if (s->plan.cancel_reason[0]) {
		snprintf(text, sizeof text, _("Cancelled: %s"), s->plan.cancel_reason);
		y += ui_put_wrapped(win, y, 2, w, 2, 0, text);
	}
	if (s->n == 0) {
		ui_put_wrapped(win, y, 2, w, 2, 0, _("No item yet: a adds one."));
		return;
	}
	/* The items, the selected one whole with its business plan at the
	 * bottom; the others on one line each. */
	int bottom = rows - 3;
	int first = s->cur - (bottom - y) + 1;
	if (first < 0)
		first = 0;
	for (int i = first; i < s->n && y < bottom; i++) {
		item_text(&s->items[i], s->plan.currency, text, sizeof text);
		y += ui_put_wrapped(win, y, 2, w, i == s->cur ? 2 : 1, i == s->cur ? A_REVERSE : 0, text);
	}
	business_text(app, &s->items[s->cur], s->plan.currency, text, sizeof text);
	if (text[0])
		ui_put_wrapped(win, rows - 2, 2, w, 2, 0, text);
}

static bool allowed(struct app *app, enum perm p)
{
	if (perm_allows((int)app_user(app)->role, p))
		return true;
	app_error(app, _(status_msgid(ST_DENIED)));
	return false;
}

static void report(struct app *app, enum status st, const char *why, const char *done)
{
	if (st == ST_OK)
		app_message(app, done);
	else if (st == ST_CONFLICT)
		app_error(app, _("Someone else changed this plan meanwhile: look again, then retry."));
	else
		app_error(app, _(why ? why : status_msgid(st)));
}

/* True when the case has a plan that is a draft; says so otherwise. */
static bool draft(struct app *app, struct case_screen *s)
{
	if (!s->has_plan)
		app_error(app, _("No plan yet: n drafts the individual plan."));
	else if (strcmp(s->plan.status, "draft") != 0)
		app_error(app, _("The plan is no longer a draft: its items cannot change."));
	return s->has_plan && strcmp(s->plan.status, "draft") == 0;
}

static enum ui_result plan_action(struct app *app, struct case_screen *s, int action)
{
	const char *why = NULL;
	enum status st;
	const struct reint_item *it = s->n ? &s->items[s->cur] : NULL;
	switch (action) {
	case ACT_ADD:
		if (draft(app, s))
			reint_item_form_open(app, s->plan.id, 0);
		break;
	case ACT_ITEM:
		if (it && draft(app, s))
			reint_item_form_open(app, s->plan.id, it->id);
		break;
	case ACT_REMOVE:
		if (it && draft(app, s) && app_confirm(app, _("Remove the selected item from the plan?"))) {
			st = reint_item_remove(app_db(app), it->id, it->version, &why);
			report(app, st, why, _("Item removed."));
		}
		break;
	case ACT_BUSINESS:
		if (!it)
			app_error(app, _("No item yet: a adds one."));
		else if (strcmp(it->category, "small_business") != 0)
			app_error(app, _("Only a small business item has a business plan."));
		else
			reint_business_form_open(app, it->id);
		break;
	case ACT_SUBMIT_PLAN:
		if (!s->has_plan)
			break;
		st = reint_plan_submit(app_db(app), s->plan.id, &s->plan.version, &why);
		report(app, st, why, _("Plan submitted for approval."));
		break;
	case ACT_COMPLETE:
		if (!s->has_plan || !app_confirm(app, _("Mark this plan completed?")))
			break;
		st = reint_plan_complete(app_db(app), s->plan.id, &s->plan.version, &why);
		report(app, st, why, _("Plan completed."));
		break;
	case ACT_CANCEL:
		if (s->has_plan)
			reint_decision_open(app, REINT_CANCEL_PLAN, s->plan.id, s->plan.version);
		break;
	}
	load(app, s);
	return UI_HANDLED;
}

static enum ui_result case_action(struct app *app, void *state, int action)
{
	struct case_screen *s = state;
	const char *why = NULL;
	switch (action) {
	case ACT_PAY:
		if (!s->has_plan)
			app_error(app, _("No plan yet: n drafts the individual plan."));
		else
			reint_payments_open(app, (struct reint_ref){ REINT_PLAN, s->plan.id });
		return UI_HANDLED;
	case ACT_VISITS:
		reint_visits_open(app, (struct reint_ref){ REINT_CASE, s->id });
		return UI_HANDLED;
	case ACT_MOVE:
		return UI_HANDLED;
	}
	if (!allowed(app, PERM_REINTEGRATION_WRITE))
		return UI_HANDLED;
	switch (action) {
	case ACT_EDIT:
		reint_case_form_open(app, s->id);
		return UI_HANDLED;
	case ACT_CLOSE:
		reint_decision_open(app, REINT_CLOSE_CASE, s->id, s->c.version);
		return UI_HANDLED;
	case ACT_MONITOR: {
		bool to = strcmp(s->c.status, "monitoring") != 0;
		enum status st = reint_case_set_status(app_db(app), s->id, &s->c.version, to ? "monitoring" : "open", &why);
		if (st == ST_OK)
			app_message(app, to ? _("The case is under monitoring.") : _("The case is open again."));
		else
			app_error(app, _(why ? why : status_msgid(st)));
		load(app, s);
		return UI_HANDLED;
	}
	case ACT_PLAN:
		if (s->has_plan && strcmp(s->plan.status, "cancelled") != 0 && strcmp(s->plan.status, "completed") != 0)
			app_error(app, _("This case has a plan in progress already: complete or cancel it first."));
		else
			reint_decision_open(app, REINT_NEW_PLAN, s->id, s->c.version);
		return UI_HANDLED;
	default:
		return plan_action(app, s, action);
	}
}

static enum ui_result case_input(struct app *app, void *state, int key)
{
	(void)app;
	struct case_screen *s = state;
	if (key == UI_KEYCODE(KEY_UP) && s->cur > 0) {
		s->cur--;
		return UI_HANDLED;
	}
	if (key == UI_KEYCODE(KEY_DOWN) && s->cur + 1 < s->n) {
		s->cur++;
		return UI_HANDLED;
	}
	return UI_IGNORED;
}

static void case_resume(struct app *app, void *state)
{
	load(app, state);
}

static const struct screen screen_case = {
	.name = "reint_case",
	.title = N_("Reintegration case"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_REINTEGRATION_READ),
	.state_size = sizeof(struct case_screen),
	.bindings = bindings,
	.enter = case_enter,
	.draw = case_draw,
	.input = case_input,
	.action = case_action,
	.resume = case_resume,
};

enum status reint_case_open(struct app *app, long long id)
{
	return app_push(app, &screen_case, &id);
}

enum status reint_case_instead(struct app *app, long long id)
{
	return app_replace(app, &screen_case, &id);
}
