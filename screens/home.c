/* The home menu: its entries depend on the user's role. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/perm.h"
#include "db/db.h"
#include "db/draft.h"
#include "db/refdata.h"
#include "db/user.h"
#include "screens/drafts.h"
#include "screens/intake_arg.h"
#include "screens/screens.h"
#include "ui/draw.h"
#include "ui/lang.h"
#include "ui/menu.h"

enum {
	ITEM_REGISTER = 1,
	ITEM_CONSULT,
	ITEM_FOLLOWUP,
	ITEM_MEDREPORT,
	ITEM_FIND,
	ITEM_DRAFT,
	ITEM_DISCARD_DRAFT,
	ITEM_CENTRES,
	ITEM_COUNTRIES,
	ITEM_LANGUAGES,
	ITEM_DB_STATUS,
	ITEM_USERS,
	ITEM_AUDIT,
	ITEM_PASSWORD,
	ITEM_PREFS,
	ITEM_LANGUAGE,
	ITEM_LOGOUT,
	ITEM_QUIT,
};

enum { ACT_OPEN = 1 };

static const struct binding bindings[] = {
	{ ACT_OPEN, { '\n', UI_KEYCODE(KEY_RIGHT), 0, 0 }, N_("Open"),
	  N_("Open the selected entry (or press its number or letter)") },
	{ 0, { 0 }, NULL, NULL },
};

static const enum ref_kind kinds[] = { REF_CENTRE, REF_COUNTRY, REF_LANGUAGE };

/* The forms reopened from a draft here, by kind. */
static const struct {
	const char *kind;
	draft_open_fn open;
} openers[] = {
	{ "intake", intake_open_draft }, { "consultation", consultation_open_draft },
	{ "stay", stay_open_draft }, { "fitness", fitness_open_draft },
};

struct home {
	struct menu menu;
	bool has_draft;
	int draft_opener;        /* index in openers */
	long long draft_ref;
	char draft_at[24];
	char centre[200];        /* the user's centre, named in centre_lang */
	char centre_lang[3];
};

/* Keeps the newest draft this menu can reopen (draft_list callback). */
static void newest_draft(const struct draft_info *d, void *ctx)
{
	struct home *s = ctx;
	for (size_t i = 0; i < sizeof openers / sizeof openers[0] && !s->has_draft; i++) {
		if (strcmp(d->kind, openers[i].kind) == 0) {
			s->has_draft = true;
			s->draft_opener = (int)i;
			s->draft_ref = d->ref_id;
			snprintf(s->draft_at, sizeof s->draft_at, "%s", d->saved_at);
		}
	}
}

/* Reopens the draft offered. */
static void resume_draft(struct app *app, struct home *s)
{
	char *json = NULL;
	enum status st = draft_read(app_db(app), openers[s->draft_opener].kind, s->draft_ref, &json);
	if (st == ST_OK)
		openers[s->draft_opener].open(app, s->draft_ref, json);
	else
		app_error(app, _(status_msgid(st)));
	free(json);
}

/* Builds the menu for the role: modules appear here as they are built. */
static enum status home_enter(struct app *app, void *state, const void *arg)
{
	(void)arg;
	struct home *s = state;
	const struct user *u = app_user(app);
	menu_init(&s->menu);
	s->has_draft = false;
	draft_list(app_db(app), newest_draft, s);
	if (s->has_draft) {
		menu_add(&s->menu, ITEM_DRAFT, 'r', N_("Resume the unfinished form"));
		menu_add(&s->menu, ITEM_DISCARD_DRAFT, 'x', N_("Discard the unfinished form"));
	}
	if (perm_allows((int)u->role, PERM_PERSON_WRITE))
		menu_add(&s->menu, ITEM_REGISTER, 'n', N_("New registration"));
	if (perm_allows((int)u->role, PERM_LOOKUP))
		menu_add(&s->menu, ITEM_FIND, 'f', N_("Find a person (/ from anywhere)"));
	if (perm_allows((int)u->role, PERM_MEDICAL_WRITE)) {
		menu_add(&s->menu, ITEM_CONSULT, 'c', N_("Consultation (find the patient)"));
		menu_add(&s->menu, ITEM_FOLLOWUP, 'u', N_("Follow-up list"));
	}
	if (perm_allows((int)u->role, PERM_MEDICAL_READ) || perm_allows((int)u->role, PERM_REPORTS))
		menu_add(&s->menu, ITEM_MEDREPORT, '7', N_("Medical register and counts"));
	menu_add(&s->menu, ITEM_CENTRES, '1', N_("Centres"));
	menu_add(&s->menu, ITEM_COUNTRIES, '2', N_("Countries"));
	menu_add(&s->menu, ITEM_LANGUAGES, '3', N_("Languages"));
	if (u->role == ROLE_ADMIN || u->role == ROLE_MANAGER)
		menu_add(&s->menu, ITEM_DB_STATUS, '4', N_("Check the database"));
	if (perm_allows((int)u->role, PERM_ACCOUNTS))
		menu_add(&s->menu, ITEM_USERS, '5', N_("Staff accounts"));
	if (perm_allows((int)u->role, PERM_AUDIT_READ))
		menu_add(&s->menu, ITEM_AUDIT, '6', N_("Audit trail"));
	menu_add(&s->menu, ITEM_PREFS, 'p', N_("My preferences"));
	menu_add(&s->menu, ITEM_PASSWORD, 'm', N_("Change my password"));
	menu_add(&s->menu, ITEM_LANGUAGE, 'l', N_("Switch language (Français / English)"));
	menu_add(&s->menu, ITEM_LOGOUT, 'd', N_("Log out"));
	menu_add(&s->menu, ITEM_QUIT, 'q', N_("Quit"));
	return ST_OK;
}

/* Runs the integrity check and reports it on the message line. */
static void db_status(struct app *app)
{
	char detail[256], msg[512];
	struct db *db = app_db(app);
	enum status st = db_integrity(db, detail, sizeof detail);
	if (st == ST_OK)
		snprintf(msg, sizeof msg, _("The database is sound (schema version %d)."), db_version(db));
	else
		snprintf(msg, sizeof msg, "%s %s", _(status_msgid(st)), detail);
	if (st == ST_OK)
		app_message(app, msg);
	else
		app_error(app, msg);
}

/* Does what entry id says. */
static enum ui_result choose(struct app *app, struct home *s, int id)
{
	static struct intake_arg arg;
	switch (id) {
	case ITEM_REGISTER:
		arg = (struct intake_arg){ 0 };
		app_push(app, &screen_intake, &arg);
		return UI_HANDLED;
	case ITEM_FIND:
		app_push(app, &screen_lookup, NULL);
		return UI_HANDLED;
	case ITEM_CONSULT: {
		static const struct lookup_pick patient = { 0, true };
		app_push(app, &screen_lookup, &patient);
		return UI_HANDLED;
	}
	case ITEM_FOLLOWUP:
		app_push(app, &screen_followup, NULL);
		return UI_HANDLED;
	case ITEM_MEDREPORT:
		app_push(app, &screen_medreport, NULL);
		return UI_HANDLED;
	case ITEM_DRAFT:
		resume_draft(app, s);
		return UI_HANDLED;
	case ITEM_DISCARD_DRAFT:
		if (app_confirm(app, _("Discard the unfinished form for good?"))) {
			draft_discard(app_db(app), openers[s->draft_opener].kind, s->draft_ref);
			home_enter(app, s, NULL);
			app_message(app, _("The unfinished form is discarded."));
		}
		return UI_HANDLED;
	case ITEM_CENTRES:
	case ITEM_COUNTRIES:
	case ITEM_LANGUAGES:
		app_push(app, &screen_reflist, &kinds[id - ITEM_CENTRES]);
		return UI_HANDLED;
	case ITEM_DB_STATUS:
		db_status(app);
		return UI_HANDLED;
	case ITEM_PREFS:
		app_push(app, &screen_prefs, NULL);
		return UI_HANDLED;
	case ITEM_USERS:
		app_push(app, &screen_users, NULL);
		return UI_HANDLED;
	case ITEM_AUDIT:
		app_push(app, &screen_audit, NULL);
		return UI_HANDLED;
	case ITEM_PASSWORD:
		app_push(app, &screen_password, NULL);
		return UI_HANDLED;
	case ITEM_LANGUAGE:
		app_toggle_lang(app);
		return UI_HANDLED;
	case ITEM_LOGOUT:
		app_logout(app);
		return UI_HANDLED;
	case ITEM_QUIT:
		return UI_QUIT;
	default:
		return UI_IGNORED;
	}
}

static enum ui_result home_input(struct app *app, void *state, int key)
{
	struct home *s = state;
	/* The home screen is the bottom once signed in: Log out leaves it. */
	if (key == UI_ESC || key == UI_KEYCODE(KEY_LEFT)) {
		app_message(app, _("Choose Log out to sign out, or Quit."));
		return UI_HANDLED;
	}
	int id = menu_key(&s->menu, key);
	if (id < 0)
		return UI_HANDLED;
	return id > 0 ? choose(app, s, id) : UI_IGNORED;
}

static void home_draw(struct app *app, void *state, WINDOW *win)
{
	struct home *s = state;
	const struct user *u = app_user(app);
	char line[512];
	/* Read once per language, not at every key. */
	if (strcmp(s->centre_lang, lang_get()) != 0) {
		ref_centre_name(app_db(app), u->centre_code, lang_get(), s->centre, sizeof s->centre);
		snprintf(s->centre_lang, sizeof s->centre_lang, "%s", lang_get());
	}
	snprintf(line, sizeof line, _("Welcome, %s"), u->display_name);
	ui_put(win, 1, 2, getmaxx(win) - 4, A_BOLD, line);
	snprintf(line, sizeof line, "%s · %s", _(role_label_msgid(u->role)), s->centre);
	ui_put(win, 2, 2, getmaxx(win) - 4, 0, line);
	menu_draw(&s->menu, win, 4, 2, 50);
	if (s->has_draft) {
		snprintf(line, sizeof line, _("A form you were filling when the connection dropped was kept (%s UTC)."),
		         s->draft_at);
		ui_put(win, 5 + s->menu.n, 2, getmaxx(win) - 4, A_BOLD, line);
	}
}

/* Back on the menu: a draft may have been used or discarded. */
static void home_resume(struct app *app, void *state)
{
	struct home *s = state;
	int cur = s->menu.cur;
	home_enter(app, s, NULL);
	s->menu.cur = cur < s->menu.n ? cur : 0;
}

const struct screen screen_home = {
	.name = "home",
	.title = N_("Home"),
	.needs_login = true,
	.is_base = true,
	.state_size = sizeof(struct home),
	.bindings = bindings,
	.enter = home_enter,
	.draw = home_draw,
	.input = home_input,
	.resume = home_resume,
};
