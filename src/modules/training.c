/* The vocational training module: community members (a short
 * registration for people of the local community, who have no stay in a
 * centre), courses, enrolment with its capacity and waiting list,
 * attendance, completion and follow-up, and their figures. */
#include <stdio.h>
#include <string.h>

#include "core/community_vocab.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/psych_vocab.h"
#include "core/role.h"
#include "core/training_vocab.h"
#include "db/reflist.h"
#include "db/training.h"
#include "db/report_training.h"
#include "demo/demo_training.h"
#include "screens/community.h"
#include "screens/training.h"
#include "screens/training_figures.h"
#include "ui/app.h"
#include "ui/lang.h"
#include "ui/module.h"

/* ---- courses and enrolment ---------------------------------------------- */

/* The case file's line: "Training: Welding · Soudure 2026, enrolled", and
 * how many courses were completed when more than the current one. */
static void training_line(struct app *app, long long person, char *out, size_t size)
{
	struct training_status st;
	out[0] = '\0';
	if (training_status_get(app_db(app), person, lang_get(), &st) != ST_OK || st.courses == 0)
		return;
	const char *status = vocab_short(VOCAB_TRAINING_ENROLMENT_STATUS, st.status);
	snprintf(out, size, _("Training: %s · %s, %s"), st.trade, st.title, status ? _(status) : "");
	if (st.courses > 1) {
		size_t len = strlen(out);
		snprintf(out + len, size - len, _(" · courses %d, completed %d"), st.courses, st.completed);
	}
}

static const struct module_entry entries[] = {
	/* Courses and enrolment. */
	{ 't', N_("Courses and enrolment"), PERM_BIT(PERM_TRAINING_READ), training_courses_open },
	/* Training and reintegration officers; managers open it from the reports
	 * (src/modules/reports.c). */
	{ '0', N_("Training figures"), PERM_BIT(PERM_TRAINING_WRITE) | PERM_BIT(PERM_REINTEGRATION_WRITE), training_figures_open },
	/* Community members. */
	{ 'k', N_("Community members"), PERM_BIT(PERM_COMMUNITY_WRITE), community_form_open },
	{ 0, NULL, 0, NULL },
};

static const struct module_action actions[] = {
	/* Courses and enrolment. */
	{ 't', 0, N_("Training"), N_("Training of this person: their courses, status and outcomes"),
	  PERM_BIT(PERM_TRAINING_READ), training_person_open },
	/* Community members. */
	{ 'k', 0, N_("Edit"), N_("Change a community member's short registration"), PERM_BIT(PERM_COMMUNITY_WRITE),
	  community_edit_open },
	{ 'v', 0, N_("Arrival"), N_("A community member arrives at a centre: register them as a migrant"),
	  PERM_BIT(PERM_PERSON_WRITE), community_arrival_open },
	{ 0, 0, NULL, NULL, 0, NULL },
};

static const struct module_draft drafts[] = {
	/* Courses and enrolment. */
	{ "training_course", N_("Vocational training course"), training_course_open_draft },
	/* Community members. */
	{ "community_member", N_("Community member"), community_form_open_draft },
	{ NULL, NULL, NULL },
};

static const struct vocab *const vocabs[] = {
	/* Courses and enrolment. */
	VOCAB_TRAINING_CERTIFICATE, VOCAB_TRAINING_COURSE_STATUS, VOCAB_TRAINING_ENROLMENT_STATUS,
	VOCAB_TRAINING_DROPOUT, VOCAB_TRAINING_ASSESSMENT, VOCAB_TRAINING_FOLLOWUP,
	/* Community members. */
	VOCAB_PERSON_KIND,
	/* Attendance per course day. */
	VOCAB_COURSE_MARK,
	NULL,
};

/* Its reference list, edited by administrators (Administration >
 * Reference lists): the trades taught. Courses name a provider from the
 * partner organisations, a list of the psychosocial module. */
static const struct reflist_def trades = { REFLIST_TRAINING_TRADE, N_("Vocational training trades"), NULL, NULL };
static const struct reflist_def *const reflists[] = { &trades, NULL };

const struct module module_training = {
	.name = "training",
	.title = N_("Vocational training"),
	.daily_roles = ROLE_BIT(ROLE_TRAINING),
	.entries = entries,
	.actions = actions,
	.drafts = drafts,
	.vocabs = vocabs,
	.reflists = reflists,
	.status = training_line,
	.status_perms = PERM_BIT(PERM_TRAINING_READ),
	.demo = demo_training,
	.reports = report_training_tables,
};
