/* The vocational training module's code lists. */
#include "core/i18n.h"
#include "core/training_vocab.h"

static const struct vocab_item certificates[] = {
	{ "none", N_("No certificate"), N_("no certificate") },
	{ "attendance", N_("Attendance certificate"), N_("attendance") },
	{ "official", N_("Official certificate"), N_("official") },
};

static const struct vocab_item course_statuses[] = {
	{ "planned", N_("Planned"), N_("planned") },
	{ "open", N_("Open for enrolment"), N_("open") },
	{ "running", N_("Running"), N_("running") },
	{ "completed", N_("Completed"), N_("completed") },
	{ "cancelled", N_("Cancelled"), N_("cancelled") },
};

static const struct vocab_item enrolment_statuses[] = {
	{ "applied", N_("Applied"), N_("applied") },
	{ "selected", N_("Selected"), N_("selected") },
	{ "waiting", N_("Waiting list"), N_("waiting list") },
	{ "not_selected", N_("Not selected"), N_("not selected") },
	{ "enrolled", N_("Enrolled"), N_("enrolled") },
	{ "completed", N_("Completed"), N_("completed") },
	{ "certified", N_("Certified"), N_("certified") },
	{ "dropped_out", N_("Dropped out"), N_("dropped out") },
};

static const struct vocab_item dropouts[] = {
	{ "returned", N_("Left on assisted return"), N_("assisted return") },
	{ "moved_on", N_("Moved on"), N_("moved on") },
	{ "illness", N_("Illness"), N_("illness") },
	{ "work", N_("Work"), N_("work") },
	{ "not_interested", N_("Not interested"), N_("not interested") },
	{ "other", N_("Other reason"), N_("other") },
};

static const struct vocab_item assessments[] = {
	{ "passed", N_("Passed"), N_("passed") },
	{ "failed", N_("Failed"), N_("failed") },
};

static const struct vocab_item followups[] = {
	{ "employed", N_("Employed"), N_("employed") },
	{ "self_employed", N_("Self-employed"), N_("self-employed") },
	{ "unemployed", N_("Unemployed"), N_("unemployed") },
	{ "unreachable", N_("Unreachable"), N_("unreachable") },
};

const struct vocab vocab_training_certificate =
	VOCAB_LIST("training_certificate", "training_course", "certificate", certificates);
const struct vocab vocab_training_course_status =
	VOCAB_LIST("training_course_status", "training_course", "status", course_statuses);
const struct vocab vocab_training_enrolment_status =
	VOCAB_LIST("training_enrolment_status", "training_enrolment", "status", enrolment_statuses);
const struct vocab vocab_training_dropout =
	VOCAB_LIST("training_dropout", "training_enrolment", "dropout_reason", dropouts);
const struct vocab vocab_training_assessment =
	VOCAB_LIST("training_assessment", "training_enrolment", "assessment", assessments);
const struct vocab vocab_training_followup =
	VOCAB_LIST("training_followup", "training_enrolment", "followup", followups);
