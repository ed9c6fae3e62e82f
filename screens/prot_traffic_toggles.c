/* A toggle list of one set of a victim's record: the means of control, the
 * forms of exploitation (forced labour once per sector), or the assistance
 * given (ticked today, or the day it was given). Space ticks or unticks
 * the selected line; F2 saves the whole set with the record's version. */
#include <stdio.h>
#include <string.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/prot_vocab.h"
#include "core/vocab.h"
#include "db/prot_traffic.h"
#include "screens/prot_traffic_screens.h"
#include "ui/app.h"
#include "ui/draw.h"

#define ITEMS_MAX 20

enum { ACT_TOGGLE = 1, ACT_SAVE };

static const struct binding bindings[] = {
	{ ACT_TOGGLE, { ' ', 'x', 0, 0 }, N_("Tick"), N_("Tick or untick the selected line") },
	{ ACT_SAVE, { UI_KEYCODE(KEY_F(2)), UI_CTRL('S'), 0, 0 }, N_("Save"),
	  N_("Save the lines ticked as the victim's set; Esc leaves without saving") },
	{ 0, { 0 }, NULL, NULL },
};

struct item {
	const char *code;      /* method, form or kind */
	const char *sector;    /* forced labour's sector, else "" */
	bool on;
};

struct toggles {
	long long case_id;
	enum prot_traf_set set;
	struct prot_traf t;
	struct item items[ITEMS_MAX];
	int n, cur, top;
	bool changed;
};

static void add_item(struct toggles *s, const char *code, const char *sector)
{
	if (s->n < ITEMS_MAX)
		s->items[s->n++] = (struct item){ code, sector, false };
}

/* The items of the set, ticked as the record has them. */
static void build(struct toggles *s)
{
	const struct prot_traf *t = &s->t;
	s->n = 0;
	if (s->set == PROT_SET_CONTROL) {
		for (int i = 0; i < vocab_count(VOCAB_PROT_CONTROL); i++)
			add_item(s, vocab_code(VOCAB_PROT_CONTROL, i), "");
	} else if (s->set == PROT_SET_ASSIST) {
		for (int i = 0; i < vocab_count(VOCAB_PROT_ASSISTANCE); i++)
			add_item(s, vocab_code(VOCAB_PROT_ASSISTANCE, i), "");
	} else {
		for (int i = 0; i < vocab_count(VOCAB_PROT_EXPLOITATION); i++) {
			const char *form = vocab_code(VOCAB_PROT_EXPLOITATION, i);
			if (strcmp(form, "forced_labour") != 0) {
				add_item(s, form, "");
				continue;
			}
			for (int k = 0; k < vocab_count(VOCAB_PROT_LABOUR_SECTOR); k++)
				add_item(s, form, vocab_code(VOCAB_PROT_LABOUR_SECTOR, k));
		}
	}
	for (int i = 0; i < s->n; i++) {
		struct item *it = &s->items[i];
		if (s->set == PROT_SET_CONTROL)
			for (int k = 0; k < t->n_control; k++)
				it->on |= strcmp(t->control[k], it->code) == 0;
		else if (s->set == PROT_SET_ASSIST)
			for (int k = 0; k < t->n_assist; k++)
				it->on |= strcmp(t->assist[k].kind, it->code) == 0;
		else
			for (int k = 0; k < t->n_exploit; k++)
				it->on |= strcmp(t->exploit[k].form, it->code) == 0 && strcmp(t->exploit[k].sector, it->sector) == 0;
	}
}

/* The record with the set as ticked. */
static void apply(const struct toggles *s, struct prot_traf *t)
{
	char today[11];
	clock_today_iso(today, sizeof today);
	if (s->set == PROT_SET_CONTROL) {
		t->n_control = 0;
		for (int i = 0; i < s->n; i++)
			if (s->items[i].on && t->n_control < PROT_TRAF_CONTROL_MAX)
				snprintf(t->control[t->n_control++], sizeof t->control[0], "%s", s->items[i].code);
	} else if (s->set == PROT_SET_EXPLOIT) {
		t->n_exploit = 0;
		for (int i = 0; i < s->n; i++)
			if (s->items[i].on && t->n_exploit < PROT_TRAF_EXPLOIT_MAX) {
				struct prot_traf_exploit *e = &t->exploit[t->n_exploit++];
				snprintf(e->form, sizeof e->form, "%s", s->items[i].code);
				snprintf(e->sector, sizeof e->sector, "%s", s->items[i].sector);
			}
	} else {
		struct prot_traf_assist kept[PROT_TRAF_ASSIST_MAX];
		memset(kept, 0, sizeof kept);
		int n = 0;
		for (int i = 0; i < s->n; i++) {
			if (!s->items[i].on || n == PROT_TRAF_ASSIST_MAX)
				continue;
			struct prot_traf_assist *a = &kept[n++];
			memset(a, 0, sizeof *a);
			snprintf(a->kind, sizeof a->kind, "%s", s->items[i].code);
			snprintf(a->date, sizeof a->date, "%s", today);
			for (int k = 0; k < s->t.n_assist; k++)
				if (strcmp(s->t.assist[k].kind, a->kind) == 0)
					*a = s->t.assist[k];
		}
		memcpy(t->assist, kept, sizeof kept);
		t->n_assist = n;
	}
}

static enum status tog_enter(struct app *app, void *state, const void *arg)
{
	struct toggles *s = state;
	const struct toggles *a = arg;
	s->case_id = a->case_id;
	s->set = a->set;
	enum status st = prot_traf_get(app_db(app), s->case_id, &s->t);
	if (st == ST_OK)
		build(s);
	return st;
}

static enum ui_result tog_input(struct app *app, void *state, int key)
{
	(void)app;
	struct toggles *s = state;
	if (key == UI_KEYCODE(KEY_UP) && s->cur > 0)
		s->cur--;
	else if (key == UI_KEYCODE(KEY_DOWN) && s->cur < s->n - 1)
		s->cur++;
	else if (key == UI_KEYCODE(KEY_HOME))
		s->cur = 0;
	else if (key == UI_KEYCODE(KEY_END))
		s->cur = s->n - 1;
	else
		return UI_IGNORED;
	return UI_HANDLED;
}

static enum ui_result tog_action(struct app *app, void *state, int action)
{
	struct toggles *s = state;
	if (action == ACT_TOGGLE && s->n) {
		s->items[s->cur].on = !s->items[s->cur].on;
		s->changed = true;
		return UI_HANDLED;
	}
	if (action != ACT_SAVE)
		return UI_IGNORED;
	struct prot_traf t = s->t;
	apply(s, &t);
	const char *why = NULL;
	enum status st = prot_traf_save(app_db(app), &t, &why, NULL);
	if (st != ST_OK) {
		app_error(app, st == ST_CONFLICT ? _("Someone else changed this record meanwhile: open it again.")
		                                 : _(why ? why : status_msgid(st)));
		return UI_HANDLED;
	}
	s->changed = false;
	app_message(app, _("Changes saved."));
	return UI_LEAVE;
}

static bool tog_unsaved(struct app *app, void *state)
{
	(void)app;
	return ((struct toggles *)state)->changed;
}

static void item_text(const struct toggles *s, const struct item *it, char *out, size_t size)
{
	const struct vocab *v = s->set == PROT_SET_CONTROL ? VOCAB_PROT_CONTROL
	                       : s->set == PROT_SET_ASSIST ? VOCAB_PROT_ASSISTANCE : VOCAB_PROT_EXPLOITATION;
	const char *l = vocab_label(v, it->code);
	if (it->sector[0]) {
		const char *sl = vocab_label(VOCAB_PROT_LABOUR_SECTOR, it->sector);
		snprintf(out, size, "[%c] %s: %s", it->on ? 'x' : ' ', l ? _(l) : it->code, sl ? _(sl) : it->sector);
	} else {
		snprintf(out, size, "[%c] %s", it->on ? 'x' : ' ', l ? _(l) : it->code);
	}
	if (s->set == PROT_SET_ASSIST && it->on)
		for (int k = 0; k < s->t.n_assist; k++)
			if (strcmp(s->t.assist[k].kind, it->code) == 0)
				snprintf(out + strlen(out), size - strlen(out), "  %s", s->t.assist[k].date);
}

static void tog_draw(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct toggles *s = state;
	int cols = getmaxx(win), rows = getmaxy(win) - 3;
	const char *head = s->set == PROT_SET_CONTROL ? _("Means of control used by the traffickers")
	                 : s->set == PROT_SET_ASSIST ? _("Assistance given to the victim")
	                                             : _("Forms of exploitation (forced labour by sector)");
	ui_put(win, 0, 2, cols - 4, A_BOLD, head);
	if (s->cur < s->top)
		s->top = s->cur;
	if (rows > 0 && s->cur >= s->top + rows)
		s->top = s->cur - rows + 1;
	for (int i = 0; i < rows && s->top + i < s->n; i++) {
		char line[300];
		item_text(s, &s->items[s->top + i], line, sizeof line);
		ui_put_padded(win, 2 + i, 2, cols - 4, s->top + i == s->cur ? A_REVERSE : 0, line);
	}
}

static const struct screen screen_toggles = {
	.name = "prot_traffic_toggles",
	.title = N_("Victim of trafficking"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_PROTECTION_WRITE),
	.state_size = sizeof(struct toggles),
	.bindings = bindings,
	.enter = tog_enter,
	.draw = tog_draw,
	.input = tog_input,
	.action = tog_action,
	.unsaved = tog_unsaved,
};

enum status prot_traffic_toggles_open(struct app *app, long long case_id, enum prot_traf_set set)
{
	static struct toggles arg;
	arg.case_id = case_id;
	arg.set = set;
	return app_push(app, &screen_toggles, &arg);
}
