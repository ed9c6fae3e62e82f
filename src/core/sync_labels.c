/* Labels of the columns and values that travel between sites, for the
 * conflicts screen: users never read a table's or a column's name, nor a
 * code. One table of column labels (a table's own first, then the ones
 * every table shares), and the code lists of every module. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/community_vocab.h"
#include "core/date.h"
#include "core/dist_vocab.h"
#include "core/i18n.h"
#include "core/prot_vocab.h"
#include "core/psych_vocab.h"
#include "core/reint_vocab.h"
#include "core/role.h"
#include "core/sync_labels.h"
#include "core/training_vocab.h"
#include "core/vocab.h"

struct column_label {
	const char *table;   /* "*": any table */
	const char *field;
	const char *label;   /* msgid */
};

/* The columns users edit, by table; then the ones with one meaning in
 * every table. Ids of rows, uuids, sites and times of change are not
 * here: they never differ between two sites' edits. */
static const struct column_label labels[] = {
	/* Registration. */
	{ "person", "family_name", N_("Family name") },
	{ "person", "given_names", N_("Given names") },
	{ "person", "other_names", N_("Other names (a; b)") },
	{ "person", "sex", N_("Sex") },
	{ "person", "birth_date", N_("Date of birth") },
	{ "person", "birth_estimated", N_("Date of birth estimated") },
	{ "person", "nationality", N_("Nationality") },
	{ "person", "phone", N_("Phone") },
	{ "person", "arrival_date", N_("Arrival date") },
	{ "person", "arrival_mode", N_("How the person came") },
	{ "person", "consent_data", N_("Consents to data") },
	{ "person", "consent_share", N_("Consents to sharing") },
	{ "person", "consent_date", N_("Date of consent") },
	{ "person", "consent_by", N_("Consent recorded by") },
	{ "person", "kind", N_("Registered as") },
	{ "person", "locality", N_("Locality") },
	{ "person", "community_since", N_("Community member since") },
	{ "person_document", "doc_type", N_("Document held") },
	{ "person_document", "number", N_("Document number") },
	{ "person_document", "issued_by", N_("Issued by") },
	{ "person_document", "expiry", N_("Expiry date") },
	{ "person_flag", "flag", N_("Vulnerabilities") },
	{ "person_flag", "note", N_("Other vulnerability") },
	{ "person_language", "language", N_("Language spoken") },
	{ "family_link", "relation", N_("Family link") },
	{ "stay", "admitted", N_("Admitted on") },
	{ "stay", "departed", N_("Departed on") },
	{ "stay", "departure_reason", N_("Reason for departure") },
	{ "stay_service", "service", N_("Service") },
	/* Medical follow-up. */
	{ "consultation", "clinician_id", N_("Clinician") },
	{ "consultation", "diagnosis", N_("Diagnosis") },
	{ "consultation", "treatment", N_("Treatment given") },
	{ "consultation", "referral_to", N_("Referred to") },
	{ "consultation", "referral_why", N_("Why referred") },
	{ "consultation", "referral_status", N_("Referral status") },
	{ "consultation", "referral_outcome_date", N_("Date of the referral's outcome") },
	{ "consultation", "next_followup", N_("Next follow-up") },
	{ "medical_case", "condition", N_("Condition") },
	{ "medical_case", "opened", N_("Opened on") },
	{ "medical_case", "closed", N_("Closed on") },
	{ "medical_case", "expected_delivery", N_("Expected delivery") },
	{ "antenatal_visit", "date", N_("Antenatal visit on") },
	{ "fitness", "status", N_("Fitness to travel") },
	{ "fitness", "clinician_id", N_("Clinician") },
	/* Accounts and reference lists. */
	{ "app_user", "name", N_("Account name") },
	{ "app_user", "display_name", N_("Full name") },
	{ "app_user", "role", N_("Role") },
	{ "app_user", "lang", N_("Language") },
	{ "app_user", "active", N_("May sign in") },
	{ "centre", "town", N_("Town") },
	{ "centre", "region_name", N_("Region") },
	{ "centre", "region_pcode", N_("Region code") },
	{ "ref_item", "list", N_("List") },
	/* Distributions. */
	{ "dist_item", "unit", N_("Unit") },
	{ "dist_item", "frequency", N_("How often") },
	{ "dist_item", "every_days", N_("Every how many days") },
	{ "dist_item", "sex", N_("For whom") },
	{ "dist_item", "age_min", N_("Minimum age") },
	{ "dist_item", "age_max", N_("Maximum age") },
	{ "dist_item", "requires", N_("Requires") },
	{ "dist_item", "staying_only", N_("Only people staying") },
	{ "dist_item", "low_stock", N_("Low stock below") },
	{ "dist_serving", "meal", N_("Meal") },
	{ "dist_serving", "override_reason", N_("Why served outside the rule") },
	{ "dist_stock_move", "kind", N_("Movement") },
	/* Protection. */
	{ "prot_case", "risk", N_("Risk level") },
	{ "prot_case", "transferred_to", N_("Transferred to") },
	{ "prot_case", "summary", N_("Summary") },
	{ "prot_action", "description", N_("Action") },
	{ "prot_action", "assigned_id", N_("Assigned to") },
	{ "prot_best_interest", "assessed_date", N_("Assessed on") },
	{ "prot_best_interest", "assessed_by", N_("Assessed by") },
	{ "prot_best_interest", "findings", N_("Findings") },
	{ "prot_best_interest", "child_views", N_("The child's views") },
	{ "prot_best_interest", "recommendation", N_("Recommendation") },
	{ "prot_best_interest", "recommendation_note", N_("About the recommendation") },
	{ "prot_best_interest", "decision_comment", N_("Comment on the decision") },
	{ "prot_care", "kind", N_("Kind of care") },
	{ "prot_care", "carer", N_("Carer") },
	{ "prot_consent", "use", N_("Use of the information") },
	{ "prot_consent", "given", N_("Consent given") },
	{ "prot_followup", "mode", N_("How it was done") },
	{ "prot_followup", "wellbeing", N_("Wellbeing") },
	{ "prot_referral", "direction", N_("Direction") },
	{ "prot_referral", "destination", N_("Referred to") },
	{ "prot_referral", "organisation", N_("Organisation") },
	{ "prot_referral", "consent", N_("Consent given") },
	{ "prot_referral", "sent_date", N_("Sent on") },
	{ "prot_referral", "other_ref", N_("Their reference") },
	{ "prot_return", "destination", N_("Destination") },
	{ "prot_return", "counselled_date", N_("Counselled on") },
	{ "prot_return", "counselling_note", N_("Counselling") },
	{ "prot_return", "travel_date", N_("Travel date") },
	{ "prot_return", "transport", N_("Transport") },
	{ "prot_return", "convoy_ref", N_("Convoy") },
	{ "prot_return", "escort", N_("Escort") },
	{ "prot_return", "departure_date", N_("Departed on") },
	{ "prot_return", "arrival_date", N_("Arrived on") },
	{ "prot_return", "handed_over_to", N_("Handed over to") },
	{ "prot_return", "end_reason", N_("Why it ended") },
	{ "prot_tracing", "child_wishes", N_("The child's wishes") },
	{ "prot_tracing", "family_found", N_("Family found") },
	{ "prot_tracing", "found_date", N_("Found on") },
	{ "prot_tracing", "verified_date", N_("Verified on") },
	{ "prot_tracing", "verification_note", N_("Verification") },
	{ "prot_tracing", "reunified_date", N_("Reunified on") },
	{ "prot_tracing", "reunified_place", N_("Place of reunification") },
	{ "prot_tracing", "reunified_with", N_("Reunified with") },
	{ "prot_tracing", "closed_note", N_("Why tracing closed") },
	{ "prot_trafficking", "identification", N_("Identification") },
	{ "prot_trafficking", "identified_by", N_("Identified by") },
	{ "prot_trafficking", "identified_date", N_("Identified on") },
	{ "prot_trafficking", "recruiter", N_("Recruiter") },
	{ "prot_trafficking", "recruitment", N_("Recruitment") },
	{ "prot_trafficking", "places", N_("Places") },
	{ "prot_trafficking", "legal_status", N_("Legal status") },
	{ "prot_trafficking", "legal_note", N_("About the legal status") },
	{ "prot_trafficking_control", "method", N_("Means of control") },
	{ "prot_trafficking_exploitation", "form", N_("Form of exploitation") },
	{ "prot_trafficking_exploitation", "sector", N_("Sector") },
	{ "prot_trafficking_country", "role", N_("Role of the country") },
	{ "prot_trafficking_assistance", "kind", N_("Assistance") },
	{ "prot_travel_doc", "kind", N_("Travel document") },
	{ "prot_travel_doc", "consulate_country", N_("Consulate of") },
	{ "prot_travel_doc", "consulate_place", N_("Consulate in") },
	{ "prot_travel_doc", "interview_date", N_("Interview on") },
	{ "prot_travel_doc", "number", N_("Document number") },
	{ "prot_travel_doc", "issued_date", N_("Issued on") },
	{ "prot_travel_doc", "expiry_date", N_("Expiry date") },
	{ "prot_travel_doc", "refusal_reason", N_("Why refused") },
	/* Psychosocial. */
	{ "psych_session", "start_time", N_("Starts at") },
	{ "psych_session", "end_time", N_("Ends at") },
	{ "psych_session", "facilitator_name", N_("Facilitator") },
	{ "psych_session", "roll", N_("Attendance taken") },
	{ "psych_session", "count_boys", N_("Boys") },
	{ "psych_session", "count_girls", N_("Girls") },
	{ "psych_session", "count_men", N_("Men") },
	{ "psych_session", "count_women", N_("Women") },
	{ "psych_support", "modality", N_("How the support was given") },
	{ "psych_support", "concerns", N_("Concerns") },
	{ "psych_support", "concern_other", N_("Other concern") },
	{ "psych_support", "actions", N_("Actions") },
	{ "psych_support", "referrals", N_("Referrals") },
	{ "psych_support", "next_appointment", N_("Next appointment") },
	/* Reintegration. */
	{ "reint_case", "return_date", N_("Returned on") },
	{ "reint_case", "return_kind", N_("Kind of return") },
	{ "reint_plan", "approved_amount", N_("Amount approved") },
	{ "reint_plan", "decision_comment", N_("Comment on the decision") },
	{ "reint_plan_item", "category", N_("Category") },
	{ "reint_plan_item", "provision", N_("Provided as") },
	{ "reint_plan_item", "referred_to", N_("Referred to") },
	{ "reint_plan_item", "planned_value", N_("Planned value") },
	{ "reint_business_plan", "activity", N_("Activity") },
	{ "reint_business_plan", "sector", N_("Sector") },
	{ "reint_business_plan", "starting_capital", N_("Starting capital") },
	{ "reint_business_plan", "expected_income", N_("Expected income") },
	{ "reint_business_plan", "partners", N_("Partners") },
	{ "reint_project", "name", N_("Name of the project") },
	{ "reint_project", "activity", N_("Activity") },
	{ "reint_project", "budget", N_("Budget") },
	{ "reint_project", "approved_amount", N_("Amount approved") },
	{ "reint_project_member", "role", N_("Role in the project") },
	{ "reint_project_member", "joined_date", N_("Joined on") },
	{ "reint_project_member", "left_date", N_("Left on") },
	{ "reint_tranche", "planned_date", N_("Planned on") },
	{ "reint_tranche", "planned_amount", N_("Planned amount") },
	{ "reint_payment", "paid_date", N_("Paid on") },
	{ "reint_payment", "method", N_("Paid by") },
	{ "reint_payment", "receipt_ref", N_("Receipt") },
	{ "reint_visit", "mode", N_("How it was done") },
	{ "reint_visit", "business_running", N_("Business running") },
	{ "reint_visit", "monthly_income", N_("Monthly income") },
	{ "reint_visit", "satisfaction", N_("Satisfaction") },
	{ "reint_visit", "remigration", N_("Thinking of leaving again") },
	/* Training. */
	{ "training_course", "provider_name", N_("Provider") },
	{ "training_course", "hours", N_("Hours") },
	{ "training_course", "capacity", N_("Places") },
	{ "training_course", "reserved_community", N_("Places for community members") },
	{ "training_course", "certificate", N_("Certificate") },
	{ "training_enrolment", "dropout_reason", N_("Why they left") },
	{ "training_enrolment", "assessment", N_("Assessment") },
	{ "training_enrolment", "certificate_no", N_("Certificate number") },
	{ "training_enrolment", "toolkit_date", N_("Toolkit given on") },
	{ "training_enrolment", "followup", N_("Follow-up") },
	{ "training_enrolment", "followup_date", N_("Followed up on") },
	/* The same meaning in every table. */
	{ "*", "centre_id", N_("Centre") },
	{ "*", "date", N_("Date") },
	{ "*", "day", N_("Date") },
	{ "*", "notes", N_("Notes") },
	{ "*", "note", N_("Notes") },
	{ "*", "status", N_("Status") },
	{ "*", "outcome", N_("Outcome") },
	{ "*", "reason", N_("Reason") },
	{ "*", "place", N_("Place") },
	{ "*", "kind", N_("Kind") },
	{ "*", "title", N_("Title") },
	{ "*", "description", N_("Description") },
	{ "*", "country", N_("Country") },
	{ "*", "locality", N_("Locality") },
	{ "*", "start_date", N_("Start date") },
	{ "*", "end_date", N_("End date") },
	{ "*", "due_date", N_("Due on") },
	{ "*", "opened", N_("Opened on") },
	{ "*", "requested_date", N_("Requested on") },
	{ "*", "caseworker_id", N_("Caseworker") },
	{ "*", "currency", N_("Currency") },
	{ "*", "done_date", N_("Done on") },
	{ "*", "closed_date", N_("Closed on") },
	{ "*", "close_reason", N_("Reason for closing") },
	{ "*", "cancel_reason", N_("Reason for cancelling") },
	{ "*", "consent_date", N_("Date of consent") },
	{ "*", "quantity", N_("Quantity") },
	{ "*", "amount", N_("Amount") },
	{ "*", "mark", N_("Attendance") },
	{ "*", "risk", N_("Risk level") },
	{ "*", "code", N_("Code") },
	{ "*", "name_en", N_("English name") },
	{ "*", "name_fr", N_("French name") },
	{ "*", "position", N_("Place in the list") },
	{ "*", "active", N_("In use") },
};

/* The kind of record each table that travels holds. */
static const struct {
	const char *table, *label;
} tables[] = {
	{ "person", N_("Person") },
	{ "person_document", N_("Document of a person") },
	{ "person_flag", N_("Vulnerability of a person") },
	{ "person_language", N_("Language of a person") },
	{ "family_link", N_("Family link") },
	{ "stay", N_("Stay") },
	{ "stay_service", N_("Service of a stay") },
	{ "consultation", N_("Consultation") },
	{ "medical_case", N_("Medical follow-up") },
	{ "antenatal_visit", N_("Antenatal visit") },
	{ "fitness", N_("Fitness to travel") },
	{ "app_user", N_("Staff account") },
	{ "centre", N_("Centre") },
	{ "ref_item", N_("Reference list item") },
	{ "dist_item", N_("Distribution item") },
	{ "dist_serving", N_("Serving") },
	{ "dist_stock_move", N_("Stock movement") },
	{ "prot_case", N_("Protection case") },
	{ "prot_action", N_("Action of a protection case") },
	{ "prot_best_interest", N_("Best interests assessment") },
	{ "prot_care", N_("Care arrangement") },
	{ "prot_case_concern", N_("Concern of a protection case") },
	{ "prot_consent", N_("Consent") },
	{ "prot_followup", N_("Protection follow-up") },
	{ "prot_referral", N_("Referral") },
	{ "prot_return", N_("Assisted voluntary return") },
	{ "prot_tracing", N_("Family tracing") },
	{ "prot_tracing_action", N_("Tracing action") },
	{ "prot_trafficking", N_("Victim of trafficking") },
	{ "prot_trafficking_assistance", N_("Assistance to a victim of trafficking") },
	{ "prot_trafficking_control", N_("Means of control") },
	{ "prot_trafficking_country", N_("Country of the trafficking") },
	{ "prot_trafficking_exploitation", N_("Form of exploitation") },
	{ "prot_travel_doc", N_("Travel document") },
	{ "psych_session", N_("Psychosocial session") },
	{ "psych_attendance", N_("Attendance at a psychosocial session") },
	{ "psych_support", N_("Individual psychosocial support") },
	{ "reint_case", N_("Reintegration case") },
	{ "reint_plan", N_("Reintegration plan") },
	{ "reint_plan_item", N_("Item of a reintegration plan") },
	{ "reint_business_plan", N_("Business plan") },
	{ "reint_project", N_("Reintegration project") },
	{ "reint_project_member", N_("Member of a reintegration project") },
	{ "reint_tranche", N_("Planned payment") },
	{ "reint_payment", N_("Payment") },
	{ "reint_visit", N_("Monitoring visit") },
	{ "reint_visit_answer", N_("Answer of a sustainability survey") },
	{ "reint_survey", N_("Sustainability survey") },
	{ "reint_survey_question", N_("Question of the sustainability survey") },
	{ "reint_survey_option", N_("Answer offered by the sustainability survey") },
	{ "training_course", N_("Course") },
	{ "training_enrolment", N_("Enrolment in a course") },
	{ "training_attendance", N_("Attendance at a course") },
	{ "audit", N_("Audit trail") },
};

/* The code lists of every module, each naming its table and column. */
static const struct vocab *const vocabs[] = {
	VOCAB_PERSON_KIND,
	VOCAB_DIST_KIND,
	VOCAB_DIST_UNIT,
	VOCAB_DIST_FREQUENCY,
	VOCAB_DIST_SEX,
	VOCAB_DIST_REQUIRES,
	VOCAB_DIST_MEAL,
	VOCAB_DIST_MOVE_KIND,
	VOCAB_PROT_RISK,
	VOCAB_PROT_CASE_STATUS,
	VOCAB_PROT_CLOSE_REASON,
	VOCAB_PROT_ACTION_STATUS,
	VOCAB_PROT_RECOMMENDATION,
	VOCAB_PROT_BI_STATUS,
	VOCAB_PROT_CARE_KIND,
	VOCAB_PROT_TRACING_STATUS,
	VOCAB_PROT_TRACING_KIND,
	VOCAB_PROT_FOLLOWUP_MODE,
	VOCAB_PROT_WELLBEING,
	VOCAB_PROT_IDENTIFICATION,
	VOCAB_PROT_IDENTIFIED_BY,
	VOCAB_PROT_RECRUITER,
	VOCAB_PROT_LEGAL_STATUS,
	VOCAB_PROT_CONTROL,
	VOCAB_PROT_EXPLOITATION,
	VOCAB_PROT_LABOUR_SECTOR,
	VOCAB_PROT_COUNTRY_ROLE,
	VOCAB_PROT_ASSISTANCE,
	VOCAB_PROT_CONSENT_USE,
	VOCAB_PROT_REFERRAL_DIRECTION,
	VOCAB_PROT_REFERRAL_DESTINATION,
	VOCAB_PROT_REFERRAL_STATUS,
	VOCAB_PROT_RETURN_STATUS,
	VOCAB_PROT_TRANSPORT,
	VOCAB_PROT_DOC_KIND,
	VOCAB_PROT_DOC_STATUS,
	VOCAB_PSYCH_STATUS,
	VOCAB_PSYCH_ROLL,
	VOCAB_PSYCH_MARK,
	VOCAB_COURSE_MARK,
	VOCAB_PSYCH_MODALITY,
	VOCAB_PSYCH_RISK,
	VOCAB_PSYCH_ACTIVITY_KIND,
	VOCAB_PSYCH_CONCERN,
	VOCAB_PSYCH_REFERRAL,
	VOCAB_REINT_RETURN_KIND,
	VOCAB_REINT_CASE_STATUS,
	VOCAB_REINT_CLOSE_REASON,
	VOCAB_REINT_PLAN_STATUS,
	VOCAB_REINT_ITEM_CATEGORY,
	VOCAB_REINT_PROVISION,
	VOCAB_REINT_SECTOR,
	VOCAB_REINT_PROJECT_KIND,
	VOCAB_REINT_PROJECT_ACTIVITY,
	VOCAB_REINT_PROJECT_STATUS,
	VOCAB_REINT_MEMBER_ROLE,
	VOCAB_REINT_TRANCHE_STATUS,
	VOCAB_REINT_PAY_METHOD,
	VOCAB_REINT_VISIT_KIND,
	VOCAB_REINT_VISIT_STATUS,
	VOCAB_REINT_VISIT_MODE,
	VOCAB_REINT_SATISFACTION,
	VOCAB_REINT_REMIGRATION,
	VOCAB_REINT_DIMENSION,
	VOCAB_TRAINING_CERTIFICATE,
	VOCAB_TRAINING_COURSE_STATUS,
	VOCAB_TRAINING_ENROLMENT_STATUS,
	VOCAB_TRAINING_DROPOUT,
	VOCAB_TRAINING_ASSESSMENT,
	VOCAB_TRAINING_FOLLOWUP,
	VOCAB_SEX,
	VOCAB_ARRIVAL_MODE,
	VOCAB_DOC_TYPE,
	VOCAB_FLAG,
	VOCAB_RELATION,
	VOCAB_DEPARTURE_REASON,
	VOCAB_SERVICE,
	VOCAB_CONSULT_REASON,
	VOCAB_REFERRAL_STATUS,
	VOCAB_CONDITION,
	VOCAB_FITNESS,
};

/* Yes/no columns, stored 0 or 1. */
static const char *const yes_no[] = {
	"birth_estimated", "consent_data", "consent_share", "active", "staying_only", "given", "consent",
	"family_found", "business_running", "reserved_community",
};

static const struct column_label *find_label(const char *table, const char *field)
{
	if (!table || !field)
		return NULL;
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (strcmp(labels[i].table, table) == 0 && strcmp(labels[i].field, field) == 0)
			return &labels[i];
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (strcmp(labels[i].table, "*") == 0 && strcmp(labels[i].field, field) == 0)
			return &labels[i];
	return NULL;
}

const char *sync_table_label(const char *table)
{
	for (size_t i = 0; table && i < sizeof tables / sizeof tables[0]; i++)
		if (strcmp(tables[i].table, table) == 0)
			return _(tables[i].label);
	return _("Record");
}

bool sync_field_known(const char *table, const char *field)
{
	return find_label(table, field) != NULL;
}

const char *sync_field_label(const char *table, const char *field)
{
	const struct column_label *l = find_label(table, field);
	return l ? _(l->label) : _("Another detail of the record");
}

static const struct vocab *vocab_of(const char *table, const char *field)
{
	for (size_t i = 0; i < sizeof vocabs / sizeof vocabs[0]; i++)
		if (strcmp(vocab_table(vocabs[i]), table) == 0 && strcmp(vocab_column(vocabs[i]), field) == 0)
			return vocabs[i];
	return NULL;
}

/* The labels of the bits of mask, a set of codes of v stored as a number
 * (the concerns of a support session), joined by ", "; false when mask is
 * not such a number. */
static bool mask_labels(const struct vocab *v, const char *value, char *out, size_t size)
{
	char *end;
	long mask = strtol(value, &end, 10);
	if (*end || mask < 0 || mask >= 1L << vocab_count(v))
		return false;
	out[0] = '\0';
	for (int i = 0; i < vocab_count(v); i++)
		if (mask & (1L << i)) {
			size_t len = strlen(out);
			snprintf(out + len, size - len, "%s%s", len ? ", " : "", _(vocab_item(v, i)->label));
		}
	if (!out[0])
		snprintf(out, size, "%s", _("none"));
	return true;
}

void sync_value_label(const char *table, const char *field, const char *value, char *out, size_t size)
{
	if (!size)
		return;
	table = table ? table : "";
	field = field ? field : "";
	if (!value || !value[0]) {
		snprintf(out, size, "%s", _("(empty)"));
		return;
	}
	const struct vocab *v = vocab_of(table, field);
	if (v == VOCAB_PSYCH_CONCERN || v == VOCAB_PSYCH_REFERRAL) {
		if (mask_labels(v, value, out, size))
			return;
	} else if (v && vocab_label(v, value)) {
		snprintf(out, size, "%s", _(vocab_label(v, value)));
		return;
	}
	for (size_t i = 0; i < sizeof yes_no / sizeof yes_no[0]; i++)
		if (strcmp(yes_no[i], field) == 0 && (strcmp(value, "0") == 0 || strcmp(value, "1") == 0)) {
			snprintf(out, size, "%s", value[0] == '1' ? _("yes") : _("no"));
			return;
		}
	if (strcmp(table, "app_user") == 0 && strcmp(field, "role") == 0 && role_from_name(value) >= 0) {
		snprintf(out, size, "%s", _(role_label_msgid((enum role)role_from_name(value))));
		return;
	}
	struct pdate d;
	if (strlen(value) == 10 && date_is_day(value) && date_from_iso(value, &d) == DATE_OK) {
		date_format(&d, out, size);
		return;
	}
	snprintf(out, size, "%s", value);
}

void sync_when_text(const char *at, char *out, size_t size)
{
	if (!size)
		return;
	at = at ? at : "";
	/* "YYYY-MM-DD", then " HH:MM" or "THH:MM". */
	size_t n = strlen(at);
	bool day = n >= 10 && at[4] == '-' && at[7] == '-';
	bool time = n >= 16 && (at[10] == ' ' || at[10] == 'T') && at[13] == ':';
	if (!day)
		snprintf(out, size, "%s", at);
	else if (time)
		snprintf(out, size, "%.2s/%.2s/%.4s %.5s", at + 8, at + 5, at, at + 11);
	else
		snprintf(out, size, "%.2s/%.2s/%.4s", at + 8, at + 5, at);
}
