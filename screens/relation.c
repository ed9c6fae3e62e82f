/* Choosing how a family member is related, then linking both ways once the
 * user has seen both sides and confirmed. */
#include <stdio.h>

#include "core/i18n.h"
#include "core/perm.h"
#include "core/relation.h"
#include "core/text.h"
#include "core/vocab.h"
#include "db/person.h"
#include "screens/registration.h"
#include "screens/screens.h"
#include "ui/draw.h"
#include "ui/keys.h"
#include "ui/menu.h"

static const struct binding bindings[] = {
	{ 1, { '\n', 0, 0, 0 }, N_("Link"), N_("Link with the chosen relation (or press its number), after a confirmation") },
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
	char person_name[128];
	struct menu menu;
};

static enum status relation_enter(struct app *app, void *state, const void *arg)
{
	struct relation *s = state;
	if (!arg)
		return ST_INVALID;
	s->arg = *(const struct relation_arg *)arg;
	struct person p;
	enum status st = person_get(app_db(app), s->arg.person_id, &p);
	if (st != ST_OK)
		return st;
	char name[sizeof p.family_name + sizeof p.given_names + 2];
	snprintf(name, sizeof name, "%s %s", p.family_name, p.given_names);
	text_fit(name, (int)sizeof s->person_name - 1, s->person_name, sizeof s->person_name);
	menu_init(&s->menu);
	for (int i = 0; i < vocab_count(VOCAB_RELATION) && i < 9; i++)
		menu_add(&s->menu, i + 1, '1' + i, vocab_item(VOCAB_RELATION, i)->label);
	return ST_OK;
}

/* The link as each side's file will show it, for the entry highlighted. */
static void both_sides(const struct relation *s, char *one, char *other, size_t size)
{
	const char *code = vocab_code(VOCAB_RELATION, s->menu.cur);
	const char *there = vocab_short(VOCAB_RELATION, code), *back = vocab_short(VOCAB_RELATION, relation_inverse(code));
	snprintf(one, size, _("%s will be shown as %s of %s."), s->arg.relative_name, there ? _(there) : "",
	         s->person_name);
	snprintf(other, size, _("%s will be shown as %s of %s."), s->person_name, back ? _(back) : "",
	         s->arg.relative_name);
}

static enum ui_result relation_input(struct app *app, void *state, int key)
{
	struct relation *s = state;
	/* → only moves in other menus; here nothing is linked without Enter
	 * or a number, and a confirmation. */
	if (key == UI_KEYCODE(KEY_RIGHT))
		return UI_HANDLED;
	int id = menu_key(&s->menu, key);
	if (id < 0)
		return UI_HANDLED;
	if (id == 0)
		return UI_IGNORED;
	if (!app_confirm(app, _("Record this family link, both ways?"))) {
		app_message(app, _("Not linked."));
		return UI_HANDLED;
	}
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
	char line[512], other[512];
	int cols = getmaxx(win) - 4;
	snprintf(line, sizeof line, _("%s is the person's:"), s->arg.relative_name);
	int y = 1 + ui_put_wrapped(win, 1, 2, cols, 2, A_BOLD, line) + 1;
	menu_draw(&s->menu, win, y, 2, 40);
	y += s->menu.n + 1;
	both_sides(s, line, other, sizeof line);
	y += ui_put_wrapped(win, y, 2, cols, 2, 0, line);
	ui_put_wrapped(win, y, 2, cols, 2, 0, other);
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
