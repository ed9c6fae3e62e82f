/* The psychosocial module's code lists. */
#include "core/i18n.h"
#include "core/psych_vocab.h"

static const struct vocab_item statuses[] = {
	{ "planned", N_("Planned"), N_("planned") },
	{ "held", N_("Held"), N_("held") },
	{ "cancelled", N_("Cancelled"), N_("cancelled") },
};

static const struct vocab_item rolls[] = {
	{ "names", N_("By name"), N_("by name") },
	{ "count", N_("Head count"), N_("head count") },
};

static const struct vocab_item marks[] = {
	{ "present", N_("Present"), N_("present") },
	{ "absent", N_("Absent"), N_("absent") },
	{ "excused", N_("Excused"), N_("excused") },
	{ "left_early", N_("Left early"), N_("left early") },
};

static const struct vocab_item modalities[] = {
	{ "individual", N_("Individual"), N_("individual") },
	{ "family", N_("Family"), N_("family") },
	{ "group", N_("Group"), N_("group") },
};

static const struct vocab_item risks[] = {
	{ "none", N_("No risk"), N_("no risk") },
	{ "self", N_("Risk to self"), N_("risk to self") },
	{ "others", N_("Risk to others"), N_("risk to others") },
};

static const struct vocab_item activity_kinds[] = {
	{ "group", N_("Group activity"), N_("group") },
	{ "individual", N_("Individual activity"), N_("individual") },
};

static const struct vocab_item concerns[] = {
	{ "distress", N_("Distress"), N_("distress") },
	{ "sleep", N_("Sleep problems"), N_("sleep") },
	{ "grief", N_("Grief"), N_("grief") },
	{ "violence", N_("Violence"), N_("violence") },
	{ "trafficking", N_("Related to trafficking"), N_("trafficking") },
	{ "separation", N_("Family separation"), N_("separation") },
	{ "other", N_("Other concern"), N_("other") },
};

static const struct vocab_item referrals[] = {
	{ "mental_health", N_("Mental-health specialist"), N_("mental health") },
	{ "medical", N_("Medical"), N_("medical") },
	{ "protection", N_("Protection"), N_("protection") },
};

const struct vocab vocab_psych_status = VOCAB_LIST("psych_status", "psych_session", "status", statuses);
const struct vocab vocab_psych_roll = VOCAB_LIST("psych_roll", "psych_session", "roll", rolls);
const struct vocab vocab_psych_mark = VOCAB_LIST("psych_mark", "psych_attendance", "mark", marks);
/* The same marks on the roll of a course day (one roll, two kinds). */
const struct vocab vocab_course_mark = VOCAB_LIST("course_mark", "training_attendance", "mark", marks);
const struct vocab vocab_psych_modality = VOCAB_LIST("psych_modality", "psych_support", "modality", modalities);
const struct vocab vocab_psych_risk = VOCAB_LIST("psych_risk", "psych_support", "risk", risks);
const struct vocab vocab_psych_activity_kind = VOCAB_LIST("psych_activity_kind", "ref_item", "kind", activity_kinds);
const struct vocab vocab_psych_concern = VOCAB_LIST("psych_concern", "psych_support", "concerns", concerns);
const struct vocab vocab_psych_referral = VOCAB_LIST("psych_referral", "psych_support", "referrals", referrals);
