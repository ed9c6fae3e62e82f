/* Choosing how a family member is related, then linking both ways. */
#include <stdio.h>

#include "core/i18n.h"
#include "core/perm.h"
#include "core/text.h"
#include "core/vocab.h"
#include "db/person.h"
#include "screens/registration.h"
#include "screens/screens.h"
#include "ui/draw.h"
#include "ui/menu.h"

static const struct binding bindings[] = {
	{ 1, { '\n', 0, 0, 0 }, N_("Link"), N_("Link with the chosen relation (or press its number)") },
	{ 0, { 0 }, NULL, NULL },
};

/* The relation chooser: what relative is to person. */
struct relation_arg {
	long long person_id;
	long long relative_id;
	char relative_name[128];
};

struct relation {
	struct relation_arg arg;
	struct menu menu;
};

static enum status relation_enter(struct app *app, void *state, const void *arg)
{
	(void)app;
	struct relation *s = state;
	if (!arg)
		return ST_INVALID;
	s->arg = *(const struct relation_arg *)arg;
	menu_init(&s->menu);
	for (int i = 0; i < vocab_count(VOCAB_RELATION) && i < 9; i++)
		menu_add(&s->menu, i + 1, '1' + i, vocab_item(VOCAB_RELATION, i)->label);
	return ST_OK;
}

static enum ui_result relation_input(struct app *app, void *state, int key)
{
	struct relation *s = state;
	int id = menu_key(&s->menu, key);
	if (id < 0)
		return UI_HANDLED;
	if (id == 0)
		return UI_IGNORED;
	enum status st = person_link(app_db(app), s->arg.person_id, s->arg.relative_id, vocab_code(VOCAB_RELATION, id - 1));
	if (st != ST_OK) {
		app_error(app, _(status_msgid(st)));
		return UI_HANDLED;
	}
	app_message(app, _("Family member linked."));
	/* Back to the case file, past the lookup. */
	app_pop_screens(app, 2);
	return UI_HANDLED;
}

static void relation_draw(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct relation *s = state;
	char line[256];
	snprintf(line, sizeof line, _("%s is the person's:"), s->arg.relative_name);
	ui_put(win, 1, 2, getmaxx(win) - 4, A_BOLD, line);
	menu_draw(&s->menu, win, 3, 2, 40);
}

static const struct screen screen_relation = {
	.name = "relation",
	.title = N_("Family link"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_PERSON_WRITE),
	.state_size = sizeof(struct relation),
	.bindings = bindings,
	.enter = relation_enter,
	.draw = relation_draw,
	.input = relation_input,
};

enum status relation_open(struct app *app, long long person_id, long long relative_id, const char *name)
{
	struct relation_arg a = { person_id, relative_id, "" };
	text_fit(name, (int)sizeof a.relative_name - 1, a.relative_name, sizeof a.relative_name);
	return app_push(app, &screen_relation, &a);
}
