/* What every signed-in user has: the lookup, their preferences and
 * password, the language, signing out. Last on the home menu. */
#include "core/i18n.h"
#include "screens/screens.h"
#include "ui/app.h"
#include "ui/module.h"

static enum status own_password(struct app *app)
{
	return password_open(app, NULL);
}

static enum status switch_language(struct app *app)
{
	app_toggle_lang(app);
	return ST_OK;
}

static enum status log_out(struct app *app)
{
	app_logout(app);
	return ST_OK;
}

static enum status quit(struct app *app)
{
	app_quit(app);
	return ST_OK;
}

static const struct module_entry entries[] = {
	{ 'f', N_("Find a person (or / anywhere)"), 0, lookup_open },
	{ 'p', N_("My preferences"), 0, prefs_open },
	{ 'm', N_("Change my password"), 0, own_password },
	{ 'l', N_("Français / English"), 0, switch_language },
	{ 'd', N_("Log out"), 0, log_out },
	{ 'q', N_("Quit"), 0, quit },
	{ 0, NULL, 0, NULL },
};

static const struct module_draft drafts[] = {
	{ "prefs", N_("My preferences"), prefs_open_draft },
	{ NULL, NULL, NULL },
};

const struct module module_session = {
	.name = "session",
	.title = N_("General"),
	/* Every role: right after its daily work. */
	.daily_roles = ROLE_ALL,
	.entries = entries,
	.drafts = drafts,
};
