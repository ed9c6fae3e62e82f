/* The countries of a victim's record, each of origin, transit or
 * exploitation: the list (at most PROT_TRAF_COUNTRY_MAX, all shown), a
 * country added with its form (prot_traffic_country_add.c), the selected one removed. Each change
 * saves the record with its version. */
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/perm.h"
#include "core/prot_vocab.h"
#include "core/vocab.h"
#include "db/prot_traffic.h"
#include "db/refdata.h"
#include "screens/prot_traffic_screens.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/lang.h"

enum { ACT_ADD = 1, ACT_REMOVE };

static const struct binding bindings[] = {
	{ ACT_ADD, { 'n', 0, 0, 0 }, N_("Add"), N_("Add a country of origin, transit or exploitation") },
	{ ACT_REMOVE, { 'd', UI_KEYCODE(KEY_DC), 0, 0 }, N_("Remove"), N_("Remove the selected country (asks first)") },
	{ 0, { 0 }, NULL, NULL },
};

struct countries {
	long long case_id;
	struct prot_traf t;
	int cur;
};

static enum status save(struct app *app, struct prot_traf *t)
{
	const char *why = NULL;
	enum status st = prot_traf_save(app_db(app), t, &why, NULL);
	if (st != ST_OK)
		app_error(app, st == ST_CONFLICT ? _("Someone else changed this record meanwhile: open it again.")
		                                 : _(why ? why : status_msgid(st)));
	return st;
}

static enum status list_enter(struct app *app, void *state, const void *arg)
{
	struct countries *s = state;
	s->case_id = *(const long long *)arg;
	return prot_traf_get(app_db(app), s->case_id, &s->t);
}

static void list_resume(struct app *app, void *state)
{
	struct countries *s = state;
	if (prot_traf_get(app_db(app), s->case_id, &s->t) != ST_OK)
		app_error(app, _("The record could not be read again."));
	if (s->cur >= s->t.n_country)
		s->cur = s->t.n_country ? s->t.n_country - 1 : 0;
}

static enum ui_result list_input(struct app *app, void *state, int key)
{
	(void)app;
	struct countries *s = state;
	if (key == UI_KEYCODE(KEY_UP) && s->cur > 0)
		s->cur--;
	else if (key == UI_KEYCODE(KEY_DOWN) && s->cur < s->t.n_country - 1)
		s->cur++;
	else
		return UI_IGNORED;
	return UI_HANDLED;
}

static enum ui_result list_action(struct app *app, void *state, int action)
{
	struct countries *s = state;
	if (action == ACT_ADD) {
		prot_traffic_country_add_open(app, s->case_id);
		return UI_HANDLED;
	}
	if (action != ACT_REMOVE)
		return UI_IGNORED;
	if (!s->t.n_country || !app_confirm(app, _("Remove the selected country?")))
		return UI_HANDLED;
	struct prot_traf t = s->t;
	memmove(&t.country[s->cur], &t.country[s->cur + 1], sizeof t.country[0] * (size_t)(t.n_country - s->cur - 1));
	t.n_country--;
	if (save(app, &t) == ST_OK) {
		s->t = t;
		if (s->cur >= s->t.n_country && s->cur > 0)
			s->cur--;
		app_message(app, _("Changes saved."));
	}
	return UI_HANDLED;
}

static void list_draw(struct app *app, void *state, WINDOW *win)
{
	struct countries *s = state;
	int cols = getmaxx(win), rows = getmaxy(win) - 3;
	ui_put(win, 0, 2, cols - 4, A_BOLD, _("Countries of origin, transit and exploitation"));
	if (!s->t.n_country)
		ui_put(win, 2, 2, cols - 4, 0, _("No country yet: press n to add one."));
	int top = s->cur >= rows ? s->cur - rows + 1 : 0;
	for (int i = 0; i < rows && top + i < s->t.n_country; i++) {
		const struct prot_traf_country *c = &s->t.country[top + i];
		char name[200], line[300];
		if (ref_name(app_db(app), REF_COUNTRY, c->country, lang_get(), name, sizeof name) != ST_OK)
			snprintf(name, sizeof name, "%s", c->country);
		const char *role = vocab_label(VOCAB_PROT_COUNTRY_ROLE, c->role);
		snprintf(line, sizeof line, "%-14s %s", role ? _(role) : c->role, name);
		ui_put_padded(win, 2 + i, 2, cols - 4, top + i == s->cur ? A_REVERSE : 0, line);
	}
}

static const struct screen screen_countries = {
	.name = "prot_traffic_countries",
	.title = N_("Victim of trafficking"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_PROTECTION_WRITE),
	.state_size = sizeof(struct countries),
	.bindings = bindings,
	.enter = list_enter,
	.draw = list_draw,
	.input = list_input,
	.action = list_action,
	.resume = list_resume,
};

enum status prot_traffic_countries_open(struct app *app, long long case_id)
{
	return app_push(app, &screen_countries, &case_id);
}
