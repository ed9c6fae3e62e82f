/* The consents of a protection case, one line per use (case management,
 * referral, sharing with an agency, legal proceedings, reintegration,
 * statistics): given or refused and the day, or not asked yet. Enter
 * records or changes the selected one. */
#include <stdio.h>
#include <string.h>

#include "core/date.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/prot_vocab.h"
#include "core/text.h"
#include "core/vocab.h"
#include "db/prot_traffic.h"
#include "screens/prot_traffic_screens.h"
#include "screens/prot_trafficking.h"
#include "ui/app.h"
#include "ui/draw.h"

#define USES_MAX 8

enum { ACT_EDIT = 1 };

static const struct binding bindings[] = {
	{ ACT_EDIT, { '\n', 0, 0, 0 }, N_("Record"),
	  N_("Record the person's answer for the selected use: given or refused, and the day") },
	{ 0, { 0 }, NULL, NULL },
};

struct consents {
	long long case_id;
	struct prot_consent c[USES_MAX];
	int n, cur;
};

static enum status load(struct app *app, struct consents *s)
{
	s->n = USES_MAX;
	return prot_consent_list(app_db(app), s->case_id, s->c, &s->n);
}

static enum status cons_enter(struct app *app, void *state, const void *arg)
{
	struct consents *s = state;
	s->case_id = *(const long long *)arg;
	return load(app, s);
}

static void cons_resume(struct app *app, void *state)
{
	if (load(app, state) != ST_OK)
		app_error(app, _("The consents could not be read again."));
}

static enum ui_result cons_input(struct app *app, void *state, int key)
{
	(void)app;
	struct consents *s = state;
	if (key == UI_KEYCODE(KEY_UP) && s->cur > 0)
		s->cur--;
	else if (key == UI_KEYCODE(KEY_DOWN) && s->cur < s->n - 1)
		s->cur++;
	else
		return UI_IGNORED;
	return UI_HANDLED;
}

static enum ui_result cons_action(struct app *app, void *state, int action)
{
	struct consents *s = state;
	if (action != ACT_EDIT || !s->n)
		return UI_IGNORED;
	prot_consent_form_open(app, s->case_id, s->c[s->cur].use);
	return UI_HANDLED;
}

static void cons_draw(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct consents *s = state;
	int cols = getmaxx(win);
	ui_put_wrapped(win, 0, 2, cols - 4, 2, A_BOLD, _("The person's consent to each use of their information"));
	for (int i = 0; i < s->n; i++) {
		const struct prot_consent *c = &s->c[i];
		const char *use = vocab_label(VOCAB_PROT_CONSENT_USE, c->use);
		char answer[80] = "", line[300];
		if (c->id) {
			struct pdate d;
			char day[16];
			if (date_from_iso(c->date, &d) == DATE_OK)
				date_format(&d, day, sizeof day);
			else
				snprintf(day, sizeof day, "%s", c->date);
			snprintf(answer, sizeof answer, c->given ? _("given on %s") : _("refused on %s"), day);
		} else {
			snprintf(answer, sizeof answer, "%s", _("not asked yet"));
		}
		/* Padded to 40 columns on screen, not 40 bytes: accents take two. */
		const char *what = use ? _(use) : c->use;
		int pad = 40 - text_width(what);
		snprintf(line, sizeof line, "%s%*s %s", what, pad > 0 ? pad : 0, "", answer);
		ui_put_padded(win, 3 + i, 2, cols - 4, i == s->cur ? A_REVERSE : 0, line);
	}
}

static const struct screen screen_consents = {
	.name = "prot_consents",
	.title = N_("Consents"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_PROTECTION_READ),
	.state_size = sizeof(struct consents),
	.bindings = bindings,
	.enter = cons_enter,
	.draw = cons_draw,
	.input = cons_input,
	.action = cons_action,
	.resume = cons_resume,
};

enum status prot_consents_open(struct app *app, long long case_id)
{
	return app_push(app, &screen_consents, &case_id);
}
