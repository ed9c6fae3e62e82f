/* The protection module: protection cases (risk, concerns, actions),
 * unaccompanied and separated children (best interests, interim care,
 * family tracing, reunification), victims of trafficking, consents and
 * referrals, assisted voluntary return; its work lists and figures. The
 * most sensitive records of the program: only the protection role and
 * managers read them (the data layer refuses the others), and other roles
 * see "under protection follow-up" on the case file and nothing more. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/perm.h"
#include "core/prot_vocab.h"
#include "core/role.h"
#include "db/prot.h"
#include "db/prot_case.h"
#include "db/reflist.h"
#include "db/report_prot.h"
#include "demo/demo_prot.h"
#include "screens/prot_cases.h"
#include "screens/prot_case_drafts.h"
#include "screens/prot_child.h"
#include "screens/prot_child_forms.h"
#include "screens/prot_home.h"
#include "screens/prot_return_forms.h"
#include "screens/prot_returns.h"
#include "screens/prot_traffic_screens.h"
#include "screens/prot_trafficking.h"
#include "ui/app.h"
#include "ui/module.h"

/* ---- cases ----------------------------------------------------------------- */

/* The case file's line. Roles without protection_read see only "Under
 * protection follow-up" while a case is open; the protection role and
 * managers its risk and its overdue actions. */
static void prot_case_line(struct app *app, long long person, char *out, size_t size)
{
	struct prot_case_status st;
	out[0] = '\0';
	if (prot_case_status_get(app_db(app), person, &st) != ST_OK || !st.open)
		return;
	if (!st.detailed) {
		snprintf(out, size, "%s", _("Under protection follow-up"));
		return;
	}
	const char *head = strcmp(st.risk, "high") == 0  ? _("Protection: high risk")
	                   : strcmp(st.risk, "low") == 0 ? _("Protection: low risk")
	                                                 : _("Protection: medium risk");
	if (st.overdue > 0)
		snprintf(out, size, ngettext("%s · %d action overdue", "%s · %d actions overdue", (unsigned long)st.overdue),
		         head, st.overdue);
	else
		snprintf(out, size, "%s", head);
}

static const struct module_entry entries[] = {
	/* The unit's menu (cases, children, returns, figures). */
	{ 'e', N_("Protection"), PERM_BIT(PERM_PROTECTION_READ), prot_home_open },
	/* Cases: the officers' daily list. */
	{ 'z', N_("My protection cases"), PERM_BIT(PERM_PROTECTION_WRITE), prot_my_work_open },
	{ 0, NULL, 0, NULL },
};

static const struct module_action actions[] = {
	/* Cases. */
	{ 'p', 0, N_("Protection"), N_("Protection case of this person: open it, or open a new case"),
	  PERM_BIT(PERM_PROTECTION_READ), prot_person_open },
	/* Returns. */
	{ 'a', 0, N_("Return"), N_("Assisted voluntary return of this person: the request under way, or a new one"),
	  PERM_BIT(PERM_PROTECTION_READ), prot_return_person_open },
	{ 0, 0, NULL, NULL, 0, NULL },
};

static const struct module_draft drafts[] = {
	/* Cases. */
	{ "prot_case", N_("Protection case"), prot_case_open_draft },
	{ "prot_action", N_("Protection action"), prot_action_open_draft },
	/* Children. */
	{ "prot_bi", N_("Child's best interests"), prot_bi_form_open_draft },
	{ "prot_care", N_("Interim care"), prot_care_form_open_draft },
	{ "prot_care_edit", N_("Interim care (change)"), prot_care_edit_open_draft },
	{ "prot_tracing", N_("Tracing: child's wishes"), prot_tracing_open_draft },
	{ "prot_tracing_found", N_("Tracing: family found"), prot_tracing_found_draft },
	{ "prot_tracing_verified", N_("Tracing: verification"), prot_tracing_verified_draft },
	{ "prot_tracing_reunified", N_("Tracing: reunification"), prot_tracing_reunified_draft },
	{ "prot_tracing_closed", N_("Tracing: closing"), prot_tracing_closed_draft },
	{ "prot_tracing_action", N_("Tracing action"), prot_trace_action_open_draft },
	{ "prot_followup", N_("Child follow-up visit"), prot_followup_form_open_draft },
	{ "prot_followup_edit", N_("Child follow-up (change)"), prot_followup_edit_open_draft },
	/* Trafficking, consents, referrals. */
	{ "prot_trafficking", N_("Victim of trafficking"), prot_traffic_form_open_draft },
	{ "prot_referral", N_("Referral"), prot_referral_form_open_draft },
	/* Returns. */
	{ "prot_return", N_("Return request"), prot_return_form_draft },
	{ "prot_return_step", N_("Step of an assisted return"), prot_return_step_draft },
	{ "prot_travel_doc", N_("Travel document"), prot_doc_form_draft },
	{ NULL, NULL, NULL },
};

static const struct vocab *const vocabs[] = {
	/* Cases. */
	VOCAB_PROT_RISK, VOCAB_PROT_CASE_STATUS, VOCAB_PROT_CLOSE_REASON, VOCAB_PROT_ACTION_STATUS,
	/* Children. */
	VOCAB_PROT_RECOMMENDATION, VOCAB_PROT_BI_STATUS, VOCAB_PROT_CARE_KIND, VOCAB_PROT_TRACING_STATUS,
	VOCAB_PROT_TRACING_KIND, VOCAB_PROT_FOLLOWUP_MODE, VOCAB_PROT_WELLBEING,
	/* Trafficking, consents, referrals. */
	VOCAB_PROT_IDENTIFICATION, VOCAB_PROT_IDENTIFIED_BY, VOCAB_PROT_RECRUITER, VOCAB_PROT_LEGAL_STATUS,
	VOCAB_PROT_CONTROL, VOCAB_PROT_EXPLOITATION, VOCAB_PROT_LABOUR_SECTOR, VOCAB_PROT_COUNTRY_ROLE,
	VOCAB_PROT_ASSISTANCE, VOCAB_PROT_CONSENT_USE, VOCAB_PROT_REFERRAL_DIRECTION,
	VOCAB_PROT_REFERRAL_DESTINATION, VOCAB_PROT_REFERRAL_STATUS,
	/* Returns. */
	VOCAB_PROT_RETURN_STATUS, VOCAB_PROT_TRANSPORT, VOCAB_PROT_DOC_KIND, VOCAB_PROT_DOC_STATUS,
	NULL,
};

/* Its reference list, edited by administrators: protection concerns. */
static const struct reflist_def concerns = { REFLIST_PROT_CONCERN, N_("Protection concerns"), NULL, NULL };
static const struct reflist_def *const reflists[] = { &concerns, NULL };

const struct module module_protection = {
	.name = "protection",
	.title = N_("Protection"),
	.daily_roles = ROLE_BIT(ROLE_PROTECTION),
	.entries = entries,
	.actions = actions,
	.drafts = drafts,
	.vocabs = vocabs,
	.reflists = reflists,
	/* Cases. */
	.status = prot_case_line,
	.status_perms = PERM_BIT(PERM_PERSON_READ) | PERM_BIT(PERM_PROTECTION_READ),
	/* Figures and demo: the demo data of the whole module. */
	.demo = demo_prot,
	.reports = report_prot_tables,
};
