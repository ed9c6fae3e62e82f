/* The psychosocial module: sessions and activities with their attendance
 * (by name or as head counts), individual support whose notes only the
 * psychosocial role reads, its follow-up list and its figures. The case
 * file shows others no more than their role may read. */
#include <stdio.h>
#include <string.h>

#include "core/date.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/psych_vocab.h"
#include "core/role.h"
#include "db/psych_support.h"
#include "db/reflist.h"
#include "db/report_psych.h"
#include "demo/demo_psych.h"
#include "screens/psych_figures.h"
#include "screens/psych_sessions.h"
#include "screens/psych_support.h"
#include "screens/screens.h"
#include "ui/app.h"
#include "ui/module.h"

/* ---- individual support and its follow-up ------------------------------ */

static enum status support_picked(struct app *app, long long for_id, long long person, const char *name)
{
	(void)for_id;
	(void)name;
	return psych_support_open(app, person);
}

/* The home menu's entry: find the person, then the form. */
static enum status find_for_support(struct app *app)
{
	const struct lookup_pick pick = { N_("Find the person, then Enter for the support session."), 0, 0, true,
		                          support_picked };
	return lookup_pick(app, &pick);
}

/* "15/03/2026" from a stored day. */
static void day_text(const char *iso, char *out, size_t size)
{
	struct pdate d;
	if (date_from_iso(iso, &d) == DATE_OK)
		date_format(&d, out, size);
	else
		snprintf(out, size, "%s", iso);
}

/* The case file's line, no more than the role may know (the data layer
 * gives each role only its part): "Urgent psychosocial attention", the
 * sessions attended with the last one's date, the next appointment. */
static void support_status(struct app *app, long long person, char *out, size_t size)
{
	struct psych_status st;
	out[0] = '\0';
	if (psych_status_get(app_db(app), person, &st) != ST_OK)
		return;
	if (st.urgent)
		snprintf(out, size, "%s", _("Urgent psychosocial attention"));
	char day[32];
	size_t len;
	if (st.sessions > 0) {
		len = strlen(out);
		day_text(st.last_session, day, sizeof day);
		snprintf(out + len, size - len, _("%sPsychosocial sessions attended: %d, last %s"), len ? " · " : "",
		         st.sessions, day);
	}
	if (st.next_appointment[0]) {
		if (!out[0])
			snprintf(out, size, "%s", _("Psychosocial support"));
		len = strlen(out);
		day_text(st.next_appointment, day, sizeof day);
		snprintf(out + len, size - len, _(" · next appointment %s"), day);
	}
}

/* Its reference lists, edited by administrators (Administration >
 * Reference lists): activity types, each a group or an individual
 * activity, and partner organisations. */
static const struct reflist_def activity_types = {
	REFLIST_PSYCH_ACTIVITY, N_("Psychosocial activity types"), VOCAB_PSYCH_ACTIVITY_KIND, N_("Group or individual"),
};
static const struct reflist_def partners = { REFLIST_PARTNER, N_("Partner organisations"), NULL, NULL };
static const struct reflist_def *const reflists[] = { &activity_types, &partners, NULL };

static const struct module_entry entries[] = {
	/* Sessions, activities and the attendance roll. */
	{ 'g', N_("Sessions and activities"), PERM_BIT(PERM_PSYCH_READ), psych_sessions_open },
	{ 'a', N_("Attendance roll"), PERM_BIT(PERM_PSYCH_WRITE), psych_roll_today },
	/* Individual support and its follow-up. */
	{ 'i', N_("Individual support"), PERM_BIT(PERM_PSYCH_NOTES), find_for_support },
	{ 'w', N_("Support appointments"), PERM_BIT(PERM_PSYCH_NOTES), psych_followup_open },
	/* Figures and attendance sheets. */
	/* On the menus of the roles that read sessions but not of managers, who
	 * open it from the reports (src/modules/reports.c); the screen itself
	 * still lets every reader in. */
	{ '8', N_("Psychosocial figures"), PERM_BIT(PERM_PSYCH_WRITE) | PERM_BIT(PERM_PROTECTION_WRITE), psych_figures_open },
	{ 0, NULL, 0, NULL },
};

static const struct module_action actions[] = {
	/* Individual support of this person. */
	/* F5: F8 is the privacy key everywhere (ui/keys.c), the case file's too. */
	{ 'y', 5, N_("Support"), N_("Psychosocial support of this person"), PERM_BIT(PERM_PSYCH_NOTES),
	  psych_person_open },
	{ 0, 0, NULL, NULL, 0, NULL },
};

static const struct module_draft drafts[] = {
	/* Sessions and the roll. */
	{ "psych_session", N_("Psychosocial session"), psych_session_open_draft },
	/* Individual support. */
	{ "psych_support", N_("Psychosocial support"), psych_support_open_draft },
	{ "psych_support_saved", N_("Psychosocial support"), psych_support_saved_open_draft },
	{ NULL, NULL, NULL },
};

static const struct vocab *const vocabs[] = {
	VOCAB_PSYCH_STATUS, VOCAB_PSYCH_ROLL, VOCAB_PSYCH_MARK, VOCAB_PSYCH_MODALITY, VOCAB_PSYCH_RISK, NULL,
};

const struct module module_psych = {
	.name = "psych",
	.title = N_("Psychosocial"),
	.daily_roles = ROLE_BIT(ROLE_PSYCHOSOCIAL),
	.entries = entries,
	.actions = actions,
	.demo = demo_psych,
	.status = support_status,
	.status_perms = PERM_BIT(PERM_PSYCH_READ) | PERM_BIT(PERM_PSYCH_NOTES) | PERM_BIT(PERM_PSYCH_ALERT),
	.drafts = drafts,
	.vocabs = vocabs,
	.reflists = reflists,
	.reports = report_psych_tables,
};
