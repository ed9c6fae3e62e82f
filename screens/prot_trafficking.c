/* The page of a victim of trafficking: identification (presumed or
 * identified, by whom, the day), the recruiter and how, the places, the
 * means of control, the forms of exploitation, the countries, the
 * assistance given and legal proceedings. Keys open the identification
 * form and the toggle list of each set. The consents and the referrals
 * have their own screens (prot_consents.c, prot_referrals.c). */
#include <stdio.h>
#include <string.h>

#include "core/date.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/prot_vocab.h"
#include "core/vocab.h"
#include "db/prot_traffic.h"
#include "db/refdata.h"
#include "screens/prot_traffic_screens.h"
#include "screens/prot_trafficking.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/lang.h"
#include "ui/textpage.h"

enum { ACT_EDIT = 1, ACT_CONTROL, ACT_EXPLOIT, ACT_COUNTRY, ACT_ASSIST };

static const struct binding bindings[] = {
	{ ACT_EDIT, { 'e', 0, 0, 0 }, N_("Identification"),
	  N_("Record the victim's identification, or change it: presumed or identified, by whom and when, the "
	     "recruiter and how they recruited, the places, legal proceedings") },
	{ ACT_CONTROL, { 'c', 0, 0, 0 }, N_("Control"), N_("Tick the means of control the traffickers used") },
	{ ACT_EXPLOIT, { 'x', 0, 0, 0 }, N_("Exploitation"),
	  N_("Tick the forms of exploitation; forced labour is ticked with its sector") },
	{ ACT_COUNTRY, { 'o', 0, 0, 0 }, N_("Countries"),
	  N_("The countries of origin, transit and exploitation: add or remove one") },
	{ ACT_ASSIST, { 'a', 0, 0, 0 }, N_("Assistance"),
	  N_("Tick the assistance given (shelter, medical, legal, psychosocial, reintegration); the day is today "
	     "when ticked") },
	{ 0, { 0 }, NULL, NULL },
};

struct victim_page {
	long long case_id;
	bool found;
	struct prot_traf t;
	struct textpage page;
};

static const char *label(const struct vocab *v, const char *code)
{
	const char *l = vocab_label(v, code);
	return l ? _(l) : code;
}

static void day_text(const char *iso, char *out, size_t size)
{
	struct pdate d;
	if (date_from_iso(iso, &d) == DATE_OK)
		date_format(&d, out, size);
	else
		snprintf(out, size, "%s", iso);
}

static void add(struct victim_page *s, int cols, const char *name, const char *value)
{
	char line[2700];
	snprintf(line, sizeof line, _("%s: %s"), name, value && value[0] ? value : "-");
	textpage_add_wrapped(&s->page, 0, 0, cols, line, NULL);
}

static void build(struct app *app, struct victim_page *s, int cols)
{
	textpage_clear(&s->page);
	if (!s->found) {
		textpage_add_wrapped(&s->page, 0, 0, cols,
		                     _("No trafficking record for this case yet: press e to record the identification."),
		                     NULL);
		return;
	}
	const struct prot_traf *t = &s->t;
	char day[16], buf[2600];
	day_text(t->identified_date, day, sizeof day);
	snprintf(buf, sizeof buf, _("%s; identified by: %s; on %s"), label(VOCAB_PROT_IDENTIFICATION, t->identification),
	         label(VOCAB_PROT_IDENTIFIED_BY, t->identified_by), day);
	add(s, cols, _("Identification"), buf);
	add(s, cols, _("Recruiter"), label(VOCAB_PROT_RECRUITER, t->recruiter));
	add(s, cols, _("How recruited"), t->recruitment);
	add(s, cols, _("Places on the way"), t->places);
	buf[0] = '\0';
	for (int i = 0; i < t->n_control; i++)
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%s", i ? ", " : "",
		         label(VOCAB_PROT_CONTROL, t->control[i]));
	add(s, cols, _("Means of control"), buf);
	buf[0] = '\0';
	for (int i = 0; i < t->n_exploit; i++) {
		const struct prot_traf_exploit *e = &t->exploit[i];
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%s", i ? ", " : "",
		         label(VOCAB_PROT_EXPLOITATION, e->form));
		if (e->sector[0])
			snprintf(buf + strlen(buf), sizeof buf - strlen(buf), " (%s)", label(VOCAB_PROT_LABOUR_SECTOR, e->sector));
	}
	add(s, cols, _("Exploitation"), buf);
	buf[0] = '\0';
	for (int i = 0; i < t->n_country; i++) {
		char name[200];
		if (ref_name(app_db(app), REF_COUNTRY, t->country[i].country, lang_get(), name, sizeof name) != ST_OK)
			snprintf(name, sizeof name, "%s", t->country[i].country);
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%s (%s)", i ? ", " : "", name,
		         label(VOCAB_PROT_COUNTRY_ROLE, t->country[i].role));
	}
	add(s, cols, _("Countries"), buf);
	buf[0] = '\0';
	for (int i = 0; i < t->n_assist; i++) {
		day_text(t->assist[i].date, day, sizeof day);
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%s %s%s%s", i ? ", " : "",
		         label(VOCAB_PROT_ASSISTANCE, t->assist[i].kind), day, t->assist[i].note[0] ? " - " : "",
		         t->assist[i].note);
	}
	add(s, cols, _("Assistance"), buf);
	add(s, cols, _("Legal proceedings"), label(VOCAB_PROT_LEGAL_STATUS, t->legal_status));
	add(s, cols, _("Note on proceedings"), t->legal_note);
}

static enum status load(struct app *app, struct victim_page *s)
{
	enum status st = prot_traf_get(app_db(app), s->case_id, &s->t);
	s->found = st == ST_OK;
	return st == ST_NOT_FOUND ? ST_OK : st;
}

static enum status page_enter(struct app *app, void *state, const void *arg)
{
	struct victim_page *s = state;
	s->case_id = *(const long long *)arg;
	return load(app, s);
}

static void page_resume(struct app *app, void *state)
{
	struct victim_page *s = state;
	if (load(app, s) != ST_OK)
		app_error(app, _("The record could not be read again."));
}

static enum ui_result page_input(struct app *app, void *state, int key)
{
	(void)app;
	struct victim_page *s = state;
	return textpage_key(&s->page, key) ? UI_HANDLED : UI_IGNORED;
}

static enum ui_result page_action(struct app *app, void *state, int action)
{
	struct victim_page *s = state;
	if (action == ACT_EDIT) {
		prot_traffic_form_open(app, s->case_id);
		return UI_HANDLED;
	}
	if (action < ACT_CONTROL || action > ACT_ASSIST)
		return UI_IGNORED;
	if (!s->found) {
		app_error(app, _("Record the identification first (e)."));
		return UI_HANDLED;
	}
	if (action == ACT_COUNTRY)
		prot_traffic_countries_open(app, s->case_id);
	else
		prot_traffic_toggles_open(app, s->case_id, action == ACT_CONTROL ? PROT_SET_CONTROL
		                                           : action == ACT_EXPLOIT ? PROT_SET_EXPLOIT : PROT_SET_ASSIST);
	return UI_HANDLED;
}

static void page_draw(struct app *app, void *state, WINDOW *win)
{
	struct victim_page *s = state;
	int cols = getmaxx(win);
	int top = s->page.top;
	build(app, s, cols - 4);
	s->page.top = top < s->page.n ? top : 0;
	ui_put(win, 0, 2, cols - 4, A_BOLD, _("Victim of trafficking"));
	textpage_draw(&s->page, win, 2);
}

static const struct screen screen_victim = {
	.name = "prot_trafficking",
	.title = N_("Victim of trafficking"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_PROTECTION_READ),
	.state_size = sizeof(struct victim_page),
	.bindings = bindings,
	.enter = page_enter,
	.draw = page_draw,
	.input = page_input,
	.action = page_action,
	.resume = page_resume,
};

enum status prot_trafficking_open(struct app *app, long long case_id)
{
	return app_push(app, &screen_victim, &case_id);
}
