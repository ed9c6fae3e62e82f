/* The reintegration module's code lists. */
#include "core/i18n.h"
#include "core/reint_vocab.h"

static const struct vocab_item reint_return_kind_items[] = {
	{ "avr", N_("Assisted voluntary return"), N_("assisted return") },
	{ "other", N_("Other return"), N_("other return") },
};

static const struct vocab_item reint_case_status_items[] = {
	{ "open", N_("Open case"), N_("opened") },
	{ "monitoring", N_("Under monitoring"), N_("under monitoring") },
	{ "closed", N_("Closed"), N_("closed") },
};

static const struct vocab_item reint_close_reason_items[] = {
	{ "completed", N_("Completed"), N_("completed") },
	{ "dropped_out", N_("Dropped out"), N_("dropped out") },
	{ "unreachable", N_("Unreachable"), N_("unreachable") },
	{ "remigrated", N_("Migrated again"), N_("migrated again") },
	{ "moved", N_("Moved away"), N_("moved away") },
	{ "deceased", N_("Deceased"), N_("deceased") },
};

static const struct vocab_item reint_plan_status_items[] = {
	{ "draft", N_("Draft"), N_("draft") },
	{ "submitted", N_("Submitted for approval"), N_("submitted") },
	{ "approved", N_("Approved"), N_("approved") },
	{ "in_progress", N_("In implementation"), N_("in implementation") },
	{ "completed", N_("Completed"), N_("completed") },
	{ "cancelled", N_("Cancelled"), N_("cancelled") },
};

static const struct vocab_item reint_item_category_items[] = {
	{ "small_business", N_("Small business"), N_("business") },
	{ "vocational_training", N_("Vocational training"), N_("training") },
	{ "job_placement", N_("Job placement"), N_("job") },
	{ "housing", N_("Housing"), N_("housing") },
	{ "medical", N_("Medical"), N_("medical") },
	{ "psychosocial", N_("Psychosocial"), N_("psychosocial") },
	{ "school_fees", N_("School fees"), N_("school") },
	{ "documents", N_("Documents"), N_("documents") },
	{ "cash", N_("Cash for immediate needs"), N_("cash") },
	{ "other", N_("Other support"), N_("other") },
};

static const struct vocab_item reint_provision_items[] = {
	{ "direct", N_("Provided directly"), N_("direct") },
	{ "referral", N_("By referral"), N_("referral") },
};

static const struct vocab_item reint_sector_items[] = {
	{ "agriculture", N_("Agriculture"), N_("agriculture") },
	{ "livestock", N_("Livestock"), N_("livestock") },
	{ "fishing", N_("Fishing"), N_("fishing") },
	{ "trade", N_("Trade"), N_("trade") },
	{ "transport", N_("Transport"), N_("transport") },
	{ "crafts", N_("Crafts"), N_("crafts") },
	{ "food", N_("Food and catering"), N_("food") },
	{ "services", N_("Services"), N_("services") },
	{ "other", N_("Other sector"), N_("other") },
};

static const struct vocab_item reint_project_kind_items[] = {
	{ "collective", N_("Collective project"), N_("collective") },
	{ "community", N_("Community project"), N_("community") },
};

static const struct vocab_item reint_project_activity_items[] = {
	{ "agriculture", N_("Agriculture"), N_("agriculture") },
	{ "livestock", N_("Livestock"), N_("livestock") },
	{ "fishing", N_("Fishing"), N_("fishing") },
	{ "transport", N_("Transport"), N_("transport") },
	{ "trade", N_("Trade"), N_("trade") },
	{ "crafts", N_("Crafts"), N_("crafts") },
	{ "other", N_("Other activity"), N_("other") },
};

static const struct vocab_item reint_project_status_items[] = {
	{ "planned", N_("Planned"), N_("planned") },
	{ "running", N_("Running"), N_("running") },
	{ "completed", N_("Completed"), N_("completed") },
	{ "suspended", N_("Suspended"), N_("suspended") },
	{ "cancelled", N_("Cancelled"), N_("cancelled") },
};

static const struct vocab_item reint_member_role_items[] = {
	{ "leader", N_("Leader"), N_("leader") },
	{ "treasurer", N_("Treasurer"), N_("treasurer") },
	{ "member", N_("Member"), N_("member") },
};

static const struct vocab_item reint_tranche_status_items[] = {
	{ "planned", N_("Planned"), N_("planned") },
	{ "paid", N_("Paid"), N_("paid") },
	{ "cancelled", N_("Cancelled"), N_("cancelled") },
};

static const struct vocab_item reint_pay_method_items[] = {
	{ "cash", N_("Cash"), N_("cash") },
	{ "mobile_money", N_("Mobile money"), N_("mobile money") },
	{ "supplier", N_("Paid to a supplier"), N_("supplier") },
	{ "in_kind", N_("In kind"), N_("in kind") },
};

static const struct vocab_item reint_visit_kind_items[] = {
	{ "baseline", N_("Baseline survey"), N_("baseline") },
	{ "counselling", N_("Counselling"), N_("counselling") },
	{ "monitoring", N_("Monitoring visit"), N_("monitoring") },
};

static const struct vocab_item reint_visit_status_items[] = {
	{ "scheduled", N_("Scheduled"), N_("scheduled") },
	{ "done", N_("Done"), N_("done") },
	{ "missed", N_("Missed"), N_("missed") },
	{ "unreachable", N_("Unreachable"), N_("unreachable") },
	{ "cancelled", N_("Cancelled"), N_("cancelled") },
};

static const struct vocab_item reint_visit_mode_items[] = {
	{ "in_person", N_("In person"), N_("in person") },
	{ "phone", N_("By phone"), N_("phone") },
	{ "partner", N_("By a partner"), N_("partner") },
};

static const struct vocab_item reint_satisfaction_items[] = {
	{ "very_satisfied", N_("Very satisfied"), N_("very satisfied") },
	{ "satisfied", N_("Satisfied"), N_("satisfied") },
	{ "neutral", N_("Neither satisfied nor dissatisfied"), N_("neutral") },
	{ "dissatisfied", N_("Dissatisfied"), N_("dissatisfied") },
	{ "very_dissatisfied", N_("Very dissatisfied"), N_("very dissatisfied") },
};

static const struct vocab_item reint_remigration_items[] = {
	{ "no", N_("No intention to migrate again"), N_("no") },
	{ "undecided", N_("Undecided about migrating again"), N_("undecided") },
	{ "yes", N_("Intends to migrate again"), N_("yes") },
};

static const struct vocab_item reint_dimension_items[] = {
	{ "economic", N_("Economic"), N_("economic") },
	{ "social", N_("Social"), N_("social") },
	{ "psychosocial", N_("Psychosocial"), N_("psychosocial") },
};

const struct vocab vocab_reint_return_kind =
	VOCAB_LIST("reint_return_kind", "reint_case", "return_kind", reint_return_kind_items);
const struct vocab vocab_reint_case_status =
	VOCAB_LIST("reint_case_status", "reint_case", "status", reint_case_status_items);
const struct vocab vocab_reint_close_reason =
	VOCAB_LIST("reint_close_reason", "reint_case", "close_reason", reint_close_reason_items);
const struct vocab vocab_reint_plan_status =
	VOCAB_LIST("reint_plan_status", "reint_plan", "status", reint_plan_status_items);
const struct vocab vocab_reint_item_category =
	VOCAB_LIST("reint_item_category", "reint_plan_item", "category", reint_item_category_items);
const struct vocab vocab_reint_provision =
	VOCAB_LIST("reint_provision", "reint_plan_item", "provision", reint_provision_items);
const struct vocab vocab_reint_sector =
	VOCAB_LIST("reint_sector", "reint_business_plan", "sector", reint_sector_items);
const struct vocab vocab_reint_project_kind =
	VOCAB_LIST("reint_project_kind", "reint_project", "kind", reint_project_kind_items);
const struct vocab vocab_reint_project_activity =
	VOCAB_LIST("reint_project_activity", "reint_project", "activity", reint_project_activity_items);
const struct vocab vocab_reint_project_status =
	VOCAB_LIST("reint_project_status", "reint_project", "status", reint_project_status_items);
const struct vocab vocab_reint_member_role =
	VOCAB_LIST("reint_member_role", "reint_project_member", "role", reint_member_role_items);
const struct vocab vocab_reint_tranche_status =
	VOCAB_LIST("reint_tranche_status", "reint_tranche", "status", reint_tranche_status_items);
const struct vocab vocab_reint_pay_method =
	VOCAB_LIST("reint_pay_method", "reint_payment", "method", reint_pay_method_items);
const struct vocab vocab_reint_visit_kind =
	VOCAB_LIST("reint_visit_kind", "reint_visit", "kind", reint_visit_kind_items);
const struct vocab vocab_reint_visit_status =
	VOCAB_LIST("reint_visit_status", "reint_visit", "status", reint_visit_status_items);
const struct vocab vocab_reint_visit_mode =
	VOCAB_LIST("reint_visit_mode", "reint_visit", "mode", reint_visit_mode_items);
const struct vocab vocab_reint_satisfaction =
	VOCAB_LIST("reint_satisfaction", "reint_visit", "satisfaction", reint_satisfaction_items);
const struct vocab vocab_reint_remigration =
	VOCAB_LIST("reint_remigration", "reint_visit", "remigration", reint_remigration_items);
const struct vocab vocab_reint_dimension =
	VOCAB_LIST("reint_dimension", "reint_survey_question", "dimension", reint_dimension_items);
