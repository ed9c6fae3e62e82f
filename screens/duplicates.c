/* Before a new person is registered: the people already registered who are
 * probably the same, best first. Open one instead, or register anyway. */
#include <stdio.h>
#include <string.h>

#include "core/casenum.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/text.h"
#include "db/person.h"
#include "screens/person_labels.h"
#include "screens/registration.h"
#include "screens/screens.h"
#include "ui/draw.h"

#define MAX_SHOWN 8

enum { ACT_OPEN = 1, ACT_GO_ON };

static const struct binding bindings[] = {
	{ ACT_OPEN, { '\n', 0, 0, 0 }, N_("Open"), N_("Open the selected case file instead") },
	{ ACT_GO_ON, { UI_KEYCODE(KEY_F(2)), UI_CTRL('S'), 0, 0 }, N_("New anyway"),
	  N_("This is someone else: register the new person") },
	{ 0, { 0 }, NULL, NULL },
};

struct duplicates_arg {
	struct person person;  /* about to be registered */
	bool *go_on;           /* set when the clerk registers anyway */
};

struct duplicates {
	struct duplicates_arg arg_copy;
	const struct duplicates_arg *arg;
	struct person_hit hits[MAX_SHOWN];
	int scores[MAX_SHOWN];
	int n;
	int cur;
};

/* Collects a probable duplicate. */
static void add(const struct person_hit *h, int score, void *ctx)
{
	struct duplicates *s = ctx;
	if (s->n < MAX_SHOWN) {
		s->hits[s->n] = *h;
		s->scores[s->n++] = score;
	}
}

static enum status duplicates_enter(struct app *app, void *state, const void *arg)
{
	struct duplicates *s = state;
	s->arg_copy = *(const struct duplicates_arg *)arg;
	s->arg = &s->arg_copy;
	return person_duplicates(app_db(app), &s->arg->person, MAX_SHOWN, add, s);
}

static void duplicates_draw(struct app *app, void *state, WINDOW *win)
{
	struct duplicates *s = state;
	int cols = getmaxx(win);
	char line[600];
	snprintf(line, sizeof line, _("Already registered? %s %s may be one of these people:"),
	         s->arg->person.family_name, s->arg->person.given_names);
	ui_put(win, 1, 2, cols - 4, A_BOLD, line);
	for (int i = 0; i < s->n; i++) {
		const struct person_hit *h = &s->hits[i];
		char number[CASENUM_MAX], name[120];
		if (!casenum_display(h->case_key, number, sizeof number))
			snprintf(number, sizeof number, "%s", h->case_key);
		/* Privacy mode: the selected person's name only, as on every list. */
		label_fit(app_privacy(app) && i != s->cur ? "*****" : h->name, 24, name, sizeof name);
		int pad = 24 - text_width(name);
		/* Labels in the user's language: the nationality cut with "…"
		 * shows whole, with the flags' labels, under the list. */
		char born[16] = "", country[200], nat[64], flags[200];
		struct pdate d;
		if (date_from_iso(h->birth_date, &d) == DATE_OK)
			date_format(&d, born, sizeof born);
		label_ref(app, REF_COUNTRY, h->nationality, country, sizeof country);
		label_fit(country, 10, nat, sizeof nat);
		int natpad = 10 - text_width(nat);
		label_flags_short(h->flags, flags, sizeof flags);
		if (h->community)   /* a community member: the marker first */
			label_community(false, flags, sizeof flags);
		snprintf(line, sizeof line, " %3d%%  %-15s %s%*s %s  %-10s %s%*s %-3s %s", s->scores[i], number, name,
		         pad > 0 ? pad : 0, "", h->sex == 'f' ? _("F") : h->sex == 'm' ? _("M") : "?", born, nat,
		         natpad > 0 ? natpad : 0, "", h->centre_code, flags);
		attr_t attr = i == s->cur ? UI_ATTR_SELECTED : 0;
		if (attr)
			ui_put_padded(win, 3 + i, 0, cols, attr, "");
		ui_put(win, 3 + i, 1, cols - 2, attr, line);
	}
	if (s->n > 0) {
		const struct person_hit *h = &s->hits[s->cur];
		char country[200], whole[600], details[1200];
		label_ref(app, REF_COUNTRY, h->nationality, country, sizeof country);
		label_flags_long(h->flags, whole, sizeof whole);
		if (h->community)
			label_community(true, whole, sizeof whole);
		/* In privacy mode the name shows on its row only. */
		const char *name = app_privacy(app) ? "" : h->name;
		snprintf(details, sizeof details, "%s%s%s%s%s", name, name[0] && country[0] ? " · " : "", country,
		         whole[0] && (name[0] || country[0]) ? " · " : "", whole);
		ui_put_wrapped(win, 3 + s->n, 2, cols - 4, 2, 0, details);
	}
	ui_put_wrapped(win, 6 + s->n, 2, cols - 4, 3, 0,
	               _("Enter opens the selected file (then Esc twice leaves the new form). F2 registers "
	                 "the new person all the same. Esc goes back to the form."));
}

static enum ui_result duplicates_input(struct app *app, void *state, int key)
{
	(void)app;
	struct duplicates *s = state;
	if (key == UI_KEYCODE(KEY_UP) && s->cur > 0)
		s->cur--;
	else if (key == UI_KEYCODE(KEY_DOWN) && s->cur + 1 < s->n)
		s->cur++;
	else
		return UI_IGNORED;
	return UI_HANDLED;
}

static enum ui_result duplicates_action(struct app *app, void *state, int action)
{
	struct duplicates *s = state;
	if (action == ACT_OPEN && s->n > 0) {
		casefile_open(app, s->hits[s->cur].id);
		return UI_HANDLED;
	}
	if (action == ACT_GO_ON) {
		*s->arg->go_on = true;
		return UI_LEAVE;
	}
	return UI_IGNORED;
}

static const struct screen screen_duplicates = {
	.name = "duplicates",
	.title = N_("Possible duplicates"),
	.flag_legend = true,
	.needs_login = true,
	.perms = PERM_BIT(PERM_PERSON_WRITE) | PERM_BIT(PERM_COMMUNITY_WRITE),
	.state_size = sizeof(struct duplicates),
	.bindings = bindings,
	.enter = duplicates_enter,
	.draw = duplicates_draw,
	.input = duplicates_input,
	.action = duplicates_action,
};

enum status duplicates_open(struct app *app, const struct person *p, bool *go_on)
{
	struct duplicates_arg a = { *p, go_on };
	return app_push(app, &screen_duplicates, &a);
}
