/* The project screen: kind, name, country, region and locality, activity,
 * implementing NGO, start and status; the budget, what a manager approved,
 * what was paid and what is left; then the members (current first) with
 * their role and whether each is a returnee or a community member, names
 * masked in privacy mode. e changes the project, a adds a member found
 * through the quick lookup, r changes the selected member's role or leave
 * day, A approves the budget (managers), p opens the payments, v the
 * monitoring visits. */
#include <stdio.h>
#include <string.h>

#include "core/amount_group.h"
#include "core/casenum.h"
#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/person.h"
#include "core/reint_vocab.h"
#include "core/text.h"
#include "core/vocab.h"
#include "db/refdata.h"
#include "db/reflist.h"
#include "db/reint.h"
#include "db/reint_project.h"
#include "screens/reint_payments.h"
#include "screens/reint_project.h"
#include "screens/reint_visits.h"
#include "screens/screens.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/lang.h"
#include "ui/list.h"

enum { ACT_EDIT = 1, ACT_ADD, ACT_ROLE, ACT_APPROVE, ACT_PAY, ACT_VISITS };

static const struct binding bindings[] = {
	{ ACT_EDIT, { 'e', UI_KEYCODE(KEY_F(3)), 0, 0 }, N_("Edit"), N_("Change the project: name, place, activity, budget, status") },
	{ ACT_ADD, { 'a', '+', 0, 0 }, N_("Add member"),
	  N_("Add a member found through the quick lookup (a returnee or a community member), then give the role") },
	{ ACT_ROLE, { 'r', '\n', 0, 0 }, N_("Role/leave"),
	  N_("Change the selected member's role (leader, treasurer, member) or record the day they left") },
	{ ACT_APPROVE, { UI_KEYCODE(KEY_F(2)), 'A', 0, 0 }, N_("Approve"), N_("Approve the budget (managers): payments may then be made up to it") },
	{ ACT_PAY, { 'p', 0, 0, 0 }, N_("Payments"), N_("The project's tranches and payments") },
	{ ACT_VISITS, { 'v', 0, 0, 0 }, N_("Visits"), N_("The project's monitoring visits") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct list_column columns[] = {
	{ N_("Role"), 11, false },
	{ N_("Returnee?"), 11, false },
	{ N_("Case number"), 15, false },
	{ N_("Age"), 6, false },
	{ N_("Left"), 11, false },
	{ N_("Name"), 0, true },
};

struct project_screen {
	struct app *app;
	long long id;
	struct reint_project p;
	struct list list;
};

struct fill {
	struct list_row *rows;
	int n;
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

static void add_row(const struct reint_member *m, void *ctx)
{
	struct fill *f = ctx;
	struct list_row *row = &f->rows[f->n++];
	snprintf(row->cells[0], sizeof row->cells[0], "%s", short_of(VOCAB_REINT_MEMBER_ROLE, m->role));
	snprintf(row->cells[1], sizeof row->cells[1], "%s", m->community ? _("community") : _("returnee"));
	if (!casenum_display(m->case_key, row->cells[2], sizeof row->cells[2]))
		snprintf(row->cells[2], sizeof row->cells[2], "%s", m->case_key);
	struct pdate today = clock_today();
	int years;
	bool approx, child;
	char sex = m->sex == 'f' ? 'F' : m->sex == 'm' ? 'M' : ' ';
	if (person_age(m->birth_date, false, &today, &years, &approx, &child))
		snprintf(row->cells[3], sizeof row->cells[3], "%s%d %c", approx ? "~" : "", years, sex);
	else
		snprintf(row->cells[3], sizeof row->cells[3], "? %c", sex);
	day_text(m->left_date, row->cells[4], sizeof row->cells[4]);
	char name[2 * PERSON_NAME_MAX + 4];
	snprintf(name, sizeof name, "%s %s", m->family_name, m->given_names);
	text_fit(name, LIST_CELL - 1, row->cells[5], sizeof row->cells[5]);
	row->key.id = m->id;
}

static int fetch(void *ctx, enum page_dir dir, const struct list_key *key, int limit, struct list_row *rows,
                 bool *more)
{
	struct project_screen *s = ctx;
	struct fill f = { rows, 0 };
	struct reint_member k;
	if (key && reint_member_get(app_db(s->app), key->id, &k) != ST_OK)
		key = NULL;
	enum status st = reint_member_list(app_db(s->app), s->id, dir, key ? &k : NULL, limit, add_row, &f, more);
	return st == ST_OK ? f.n : -1;
}

static enum status project_enter(struct app *app, void *state, const void *arg)
{
	struct project_screen *s = state;
	s->app = app;
	s->id = *(const long long *)arg;
	enum status st = reint_project_get(app_db(app), s->id, &s->p);
	if (st != ST_OK)
		return st;
	list_init(&s->list, columns, 6, fetch, s);
	return ST_OK;
}

static enum ui_result project_input(struct app *app, void *state, int key)
{
	(void)app;
	struct project_screen *s = state;
	return list_key(&s->list, key) ? UI_HANDLED : UI_IGNORED;
}

static bool allowed(struct app *app, enum perm p)
{
	if (perm_allows((int)app_user(app)->role, p))
		return true;
	app_error(app, _(status_msgid(ST_DENIED)));
	return false;
}

/* Someone picked in the lookup (closed already): the member form opens
 * for the role and the day they joined. */
static enum status picked(struct app *app, long long project, long long person, const char *name)
{
	(void)name;
	return reint_member_form_open(app, 0, project, person);
}

static void reread(struct project_screen *s)
{
	reint_project_get(app_db(s->app), s->id, &s->p);
	list_refresh(&s->list);
}

static enum ui_result project_action(struct app *app, void *state, int action)
{
	struct project_screen *s = state;
	const struct list_row *row = list_current(&s->list);
	switch (action) {
	case ACT_EDIT:
		if (allowed(app, PERM_REINTEGRATION_WRITE))
			reint_project_form_open(app, s->id);
		return UI_HANDLED;
	case ACT_ADD:
		if (allowed(app, PERM_REINTEGRATION_WRITE)) {
			const struct lookup_pick pick = { N_("Find the person who joins the project, then Enter."), s->id, 0,
				                          true, picked };
			lookup_pick(app, &pick);
		}
		return UI_HANDLED;
	case ACT_ROLE:
		if (row && allowed(app, PERM_REINTEGRATION_WRITE))
			reint_member_form_open(app, row->key.id, 0, 0);
		return UI_HANDLED;
	case ACT_APPROVE: {
		if (!allowed(app, PERM_REINTEGRATION_APPROVE))
			return UI_HANDLED;
		const char *why = NULL;
		int v = s->p.version;
		enum status st = reint_project_approve(app_db(app), s->id, &v, &why);
		if (st != ST_OK) {
			app_error(app, st == ST_CONFLICT ? _("Someone else changed this project meanwhile: open it again.")
			                                 : _(why ? why : status_msgid(st)));
		} else {
			char amount[64], line[200];
			amount_grouped(s->p.budget, s->p.currency, amount, sizeof amount);
			snprintf(line, sizeof line, _("Budget approved: %s."), amount);
			app_message(app, line);
		}
		reread(s);
		return UI_HANDLED;
	}
	case ACT_PAY:
		reint_payments_open(app, (struct reint_ref){ REINT_PROJECT, s->id });
		return UI_HANDLED;
	case ACT_VISITS:
		reint_visits_open(app, (struct reint_ref){ REINT_PROJECT, s->id });
		return UI_HANDLED;
	default: return UI_IGNORED;
	}
}

static void project_resume(struct app *app, void *state)
{
	(void)app;
	reread(state);
}

/* The project's lines at the top: what it is, where, money. Returns the
 * next free row. */
static int head(struct app *app, struct project_screen *s, WINDOW *win, int cols)
{
	const struct reint_project *p = &s->p;
	char line[1600], country[324] = "", region[324] = "", partner[324] = "", start[16];
	ref_name(app_db(app), REF_COUNTRY, p->country, lang_get(), country, sizeof country);
	if (p->region_id)
		reflist_name(app_db(app), p->region_id, lang_get(), region, sizeof region);
	if (p->partner_id)
		reflist_name(app_db(app), p->partner_id, lang_get(), partner, sizeof partner);
	const char *kind = vocab_label(VOCAB_REINT_PROJECT_KIND, p->kind);
	const char *status = vocab_label(VOCAB_REINT_PROJECT_STATUS, p->status);
	snprintf(line, sizeof line, "%s · %s · %s", p->name, kind ? _(kind) : "", status ? _(status) : "");
	int y = ui_put_wrapped(win, 0, 2, cols - 4, 2, A_BOLD, line);
	day_text(p->start_date, start, sizeof start);
	snprintf(line, sizeof line, "%s%s%s%s%s · %s", country, region[0] ? ", " : "", region,
	         p->locality[0] ? ", " : "", p->locality, short_of(VOCAB_REINT_PROJECT_ACTIVITY, p->activity));
	size_t len = strlen(line);
	if (partner[0])
		snprintf(line + len, sizeof line - len, _(" · implemented by %s"), partner);
	len = strlen(line);
	if (start[0])
		snprintf(line + len, sizeof line - len, _(" · started %s"), start);
	y += ui_put_wrapped(win, y, 2, cols - 4, 2, 0, line);
	char budget[64], paid[64];
	amount_grouped(p->budget, p->currency, budget, sizeof budget);
	amount_grouped(p->paid, p->currency, paid, sizeof paid);
	if (p->approved) {
		char approved[64], left[64];
		amount_grouped(p->approved_amount, p->currency, approved, sizeof approved);
		amount_grouped(p->approved_amount - p->paid, p->currency, left, sizeof left);
		snprintf(line, sizeof line, _("Budget %s · approved %s · paid %s · left %s"), budget, approved, paid, left);
	} else {
		snprintf(line, sizeof line, _("Budget %s · not approved yet (A: managers) · paid %s"), budget, paid);
	}
	y += ui_put_wrapped(win, y, 2, cols - 4, 2, 0, line);
	return y;
}

static void project_draw(struct app *app, void *state, WINDOW *win)
{
	struct project_screen *s = state;
	int cols = getmaxx(win), rows = getmaxy(win);
	int y = head(app, s, win, cols);
	char line[200];
	snprintf(line, sizeof line, _("Members: %d now (a: add, r: role or leave)"), s->p.members);
	ui_put(win, y, 2, cols - 4, A_BOLD, line);
	s->list.privacy = app_privacy(app);
	list_draw(&s->list, win, y + 1, rows - y - 3);
	const struct list_row *row = list_current(&s->list);
	struct reint_member m;
	if (row && reint_member_get(app_db(app), row->key.id, &m) == ST_OK) {
		char joined[16], left[16], detail[900];
		day_text(m.joined_date, joined, sizeof joined);
		day_text(m.left_date, left, sizeof left);
		const char *role = vocab_label(VOCAB_REINT_MEMBER_ROLE, m.role);
		if (app_privacy(app))
			snprintf(detail, sizeof detail, "%s", role ? _(role) : "");
		else
			snprintf(detail, sizeof detail, "%s %s · %s", m.family_name, m.given_names, role ? _(role) : "");
		size_t len = strlen(detail);
		snprintf(detail + len, sizeof detail - len, _(" · %s · joined %s"),
		         m.community ? _("community member") : _("returnee"), joined);
		len = strlen(detail);
		if (left[0])
			snprintf(detail + len, sizeof detail - len, _(" · left %s"), left);
		ui_put_wrapped(win, rows - 2, 2, cols - 4, 2, 0, detail);
	} else if (list_empty(&s->list)) {
		ui_put_wrapped(win, y + 3, 4, cols - 8, 2, 0, _("No member yet: a adds one found through the lookup."));
	}
}

static const struct screen screen_project = {
	.name = "reint_project",
	.title = N_("Reintegration project"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_REINTEGRATION_READ),
	.state_size = sizeof(struct project_screen),
	.bindings = bindings,
	.enter = project_enter,
	.draw = project_draw,
	.input = project_input,
	.action = project_action,
	.resume = project_resume,
};

enum status reint_project_open(struct app *app, long long id)
{
	return app_push(app, &screen_project, &id);
}
