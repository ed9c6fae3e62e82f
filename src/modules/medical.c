/* The medical module: consultations, medical cases, fitness to travel, the
 * follow-up list and the counts. Confidential details stay in its screens;
 * the case file shows only the plain status. */
#include <stdio.h>
#include <string.h>

#include "core/date.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/vocab.h"
#include "core/role.h"
#include "db/medical.h"
#include "db/report_medical.h"
#include "demo/demo_medical.h"
#include "screens/medical.h"
#include "screens/screens.h"
#include "ui/app.h"
#include "ui/module.h"

static enum status consult_picked(struct app *app, long long for_id, long long person, const char *name)
{
	(void)for_id;
	(void)name;
	return consultation_open(app, person);
}

static enum status find_patient(struct app *app)
{
	const struct lookup_pick pick = { N_("Find the patient, then Enter for the consultation form."), 0, 0, true,
		                          consult_picked };
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

/* "Under medical follow-up · next appointment ... · fit to travel (...)". */
static void status_line(struct app *app, long long person, char *out, size_t size)
{
	struct medical_status m;
	out[0] = '\0';
	if (medical_status_get(app_db(app), person, &m) != ST_OK)
		return;
	char day[32];
	size_t len;
	if (m.under_followup)
		snprintf(out, size, "%s", _("Under medical follow-up"));
	if (m.next_appointment[0]) {
		day_text(m.next_appointment, day, sizeof day);
		len = strlen(out);
		snprintf(out + len, size - len, _(" · next appointment %s"), day);
	}
	if (m.fitness[0]) {
		day_text(m.fitness_date, day, sizeof day);
		len = strlen(out);
		snprintf(out + len, size - len, "%s%s (%s)", len ? " · " : "",
		         vocab_label(VOCAB_FITNESS, m.fitness) ? _(vocab_label(VOCAB_FITNESS, m.fitness)) : m.fitness, day);
	}
}

static const struct module_entry entries[] = {
	{ 'c', N_("New consultation"), PERM_BIT(PERM_MEDICAL_WRITE), find_patient },
	{ 'u', N_("Follow-up list"), PERM_BIT(PERM_MEDICAL_WRITE), followup_open },
	/* Managers open it from the reports (src/modules/reports.c). */
	{ '7', N_("Medical register and counts"), PERM_BIT(PERM_MEDICAL_READ), medreport_open },
	{ 0, NULL, 0, NULL },
};

static const struct module_action actions[] = {
	{ 'c', 7, N_("Consult"), N_("Record a consultation (medical staff)"), PERM_BIT(PERM_MEDICAL_WRITE), consultation_open },
	{ 'm', 0, N_("Medical"), N_("Open the medical record (medical staff)"), PERM_BIT(PERM_MEDICAL_READ), medical_open },
	{ 0, 0, NULL, NULL, 0, NULL },
};

static const struct module_draft drafts[] = {
	{ "consultation", N_("Consultation"), consultation_open_draft },
	{ "consultation_saved", N_("Consultation"), consultation_saved_open_draft },
	{ "fitness", N_("Fitness to travel"), fitness_open_draft },
	{ "medical_case_new", N_("Medical case"), medcase_new_open_draft },
	{ "medical_case", N_("Medical case"), medcase_open_draft },
	{ NULL, NULL, NULL },
};

static const struct vocab *const vocabs[] = {
	VOCAB_CONSULT_REASON, VOCAB_REFERRAL_STATUS, VOCAB_CONDITION, VOCAB_FITNESS, NULL,
};

const struct module module_medical = {
	.name = "medical",
	.title = N_("Medical follow-up"),
	.daily_roles = ROLE_BIT(ROLE_MEDICAL),
	.entries = entries,
	.actions = actions,
	.status = status_line,
	.status_perms = PERM_BIT(PERM_MEDICAL_STATUS),
	.demo = demo_medical,
	.drafts = drafts,
	.vocabs = vocabs,
	.reports = report_medical_tables,
};
