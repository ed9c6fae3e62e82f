/* The protection module's code lists (after the CTDC global data standard
 * for the trafficking lists: recruiter relation, means of control, type of
 * exploitation and of labour). */
#include "core/i18n.h"
#include "core/prot_vocab.h"

static const struct vocab_item prot_risk_items[] = {
	{ "high", N_("High risk"), N_("high risk") },
	{ "medium", N_("Medium risk"), N_("medium risk") },
	{ "low", N_("Low risk"), N_("low risk") },
};

static const struct vocab_item prot_case_status_items[] = {
	{ "open", N_("Ongoing"), N_("ongoing") },
	{ "closed", N_("Closed"), N_("closed") },
	{ "transferred", N_("Transferred"), N_("transferred") },
};

static const struct vocab_item prot_close_reason_items[] = {
	{ "needs_met", N_("Needs met"), N_("needs met") },
	{ "reunified", N_("Reunified with family"), N_("reunified") },
	{ "returned", N_("Returned home"), N_("returned") },
	{ "resettled", N_("Resettled"), N_("resettled") },
	{ "moved_on", N_("Left the centre"), N_("left") },
	{ "lost_contact", N_("Contact lost"), N_("contact lost") },
	{ "deceased", N_("Deceased"), N_("deceased") },
	{ "other", N_("Other reason"), N_("other") },
};

static const struct vocab_item prot_action_status_items[] = {
	{ "open", N_("To do"), N_("to do") },
	{ "done", N_("Done"), N_("done") },
	{ "cancelled", N_("Cancelled"), N_("cancelled") },
};

static const struct vocab_item prot_recommendation_items[] = {
	{ "reunification", N_("Family reunification"), N_("reunification") },
	{ "return", N_("Return to the country of origin"), N_("return") },
	{ "local_integration", N_("Local integration"), N_("local integration") },
	{ "alternative_care", N_("Alternative care"), N_("alternative care") },
	{ "resettlement", N_("Resettlement in a third country"), N_("resettlement") },
	{ "other", N_("Other solution"), N_("other") },
};

static const struct vocab_item prot_bi_status_items[] = {
	{ "draft", N_("Draft assessment"), N_("draft") },
	{ "submitted", N_("Waiting for approval"), N_("waiting") },
	{ "approved", N_("Determination approved"), N_("approved") },
	{ "rejected", N_("Determination rejected"), N_("rejected") },
};

static const struct vocab_item prot_care_kind_items[] = {
	{ "centre", N_("At the transit centre"), N_("centre") },
	{ "foster_family", N_("Foster family"), N_("foster family") },
	{ "kinship_care", N_("With relatives"), N_("relatives") },
	{ "interim_care_centre", N_("Interim care centre"), N_("care centre") },
	{ "supervised_independent", N_("Supervised independent living"), N_("supervised living") },
	{ "other", N_("Other arrangement"), N_("other") },
};

static const struct vocab_item prot_tracing_status_items[] = {
	{ "open", N_("Tracing opened"), N_("opened") },
	{ "in_progress", N_("Tracing in progress"), N_("in progress") },
	{ "family_found", N_("Family found"), N_("family found") },
	{ "verified", N_("Family verified"), N_("verified") },
	{ "reunified", N_("Reunified"), N_("reunified") },
	{ "closed", N_("Tracing closed"), N_("closed") },
};

static const struct vocab_item prot_tracing_kind_items[] = {
	{ "interview", N_("Interview with the child"), N_("interview") },
	{ "phone", N_("Phone call"), N_("phone") },
	{ "home_visit", N_("Visit to a place of origin"), N_("visit") },
	{ "red_cross", N_("Red Cross family links request"), N_("Red Cross") },
	{ "partner_request", N_("Request to a partner"), N_("partner") },
	{ "consulate", N_("Through a consulate"), N_("consulate") },
	{ "community_leader", N_("Through a community leader"), N_("community leader") },
	{ "social_media", N_("Social media"), N_("social media") },
	{ "other", N_("Other action"), N_("other") },
};

static const struct vocab_item prot_followup_mode_items[] = {
	{ "in_person", N_("In person"), N_("in person") },
	{ "phone", N_("By phone"), N_("phone") },
	{ "partner", N_("By a partner"), N_("partner") },
};

static const struct vocab_item prot_wellbeing_items[] = {
	{ "good", N_("Doing well"), N_("well") },
	{ "concerns", N_("Some concerns"), N_("concerns") },
	{ "at_risk", N_("At risk"), N_("at risk") },
	{ "not_found", N_("Not found"), N_("not found") },
};

static const struct vocab_item prot_identification_items[] = {
	{ "presumed", N_("Presumed victim"), N_("presumed") },
	{ "identified", N_("Identified victim"), N_("identified") },
};

static const struct vocab_item prot_identified_by_items[] = {
	{ "national_agency", N_("National anti-trafficking agency"), N_("national agency") },
	{ "police", N_("Police or gendarmerie"), N_("police") },
	{ "ngo", N_("An NGO"), N_("NGO") },
	{ "staff", N_("Our staff"), N_("staff") },
	{ "self_referral", N_("Self-referral"), N_("self-referral") },
};

static const struct vocab_item prot_recruiter_items[] = {
	{ "intimate_partner", N_("Intimate partner"), N_("partner") },
	{ "friend", N_("Friend or acquaintance"), N_("friend") },
	{ "family", N_("Family member"), N_("family") },
	{ "employer", N_("Employer or recruiter"), N_("employer") },
	{ "stranger", N_("Stranger"), N_("stranger") },
	{ "other", N_("Other recruiter"), N_("other") },
	{ "unknown", N_("Not known"), N_("not known") },
};

static const struct vocab_item prot_legal_status_items[] = {
	{ "none", N_("No legal proceedings"), N_("none") },
	{ "complaint", N_("Complaint filed"), N_("complaint") },
	{ "investigation", N_("Under investigation"), N_("investigation") },
	{ "prosecution", N_("Prosecution"), N_("prosecution") },
	{ "conviction", N_("Conviction"), N_("conviction") },
	{ "acquittal", N_("Acquittal"), N_("acquittal") },
	{ "dropped", N_("Dropped"), N_("dropped") },
};

static const struct vocab_item prot_control_items[] = {
	{ "debt_bondage", N_("Debt bondage"), N_("debt") },
	{ "takes_earnings", N_("Takes earnings"), N_("earnings") },
	{ "restricts_financial_access", N_("Restricts access to money"), N_("money") },
	{ "threats", N_("Threats"), N_("threats") },
	{ "psychological_abuse", N_("Psychological abuse"), N_("psychological") },
	{ "physical_abuse", N_("Physical abuse"), N_("physical") },
	{ "sexual_abuse", N_("Sexual abuse"), N_("sexual") },
	{ "false_promises", N_("False promises"), N_("false promises") },
	{ "psychoactive_substances", N_("Drugs or alcohol"), N_("substances") },
	{ "restricts_movement", N_("Restricts movement"), N_("movement") },
	{ "restricts_medical_care", N_("Restricts medical care"), N_("medical care") },
	{ "excessive_working_hours", N_("Excessive working hours"), N_("working hours") },
	{ "uses_children", N_("Uses children"), N_("children") },
	{ "threat_of_law_enforcement", N_("Threat of the police or deportation"), N_("police threat") },
	{ "withholds_necessities", N_("Withholds food, water or sleep"), N_("necessities") },
	{ "withholds_documents", N_("Withholds documents"), N_("documents") },
	{ "other", N_("Other means of control"), N_("other") },
};

static const struct vocab_item prot_exploitation_items[] = {
	{ "begging", N_("Forced begging"), N_("begging") },
	{ "domestic_work", N_("Domestic servitude"), N_("domestic work") },
	{ "forced_labour", N_("Forced labour"), N_("labour") },
	{ "sexual", N_("Sexual exploitation"), N_("sexual") },
	{ "forced_marriage", N_("Forced marriage"), N_("marriage") },
	{ "forced_criminality", N_("Forced criminal activity"), N_("criminality") },
	{ "armed_groups", N_("Recruitment by armed groups"), N_("armed groups") },
	{ "organ_removal", N_("Organ removal"), N_("organs") },
	{ "other", N_("Other exploitation"), N_("other") },
};

static const struct vocab_item prot_labour_sector_items[] = {
	{ "agriculture", N_("Agriculture and livestock"), N_("agriculture") },
	{ "aquafarming", N_("Fishing and fish farming"), N_("fishing") },
	{ "construction", N_("Construction"), N_("construction") },
	{ "hospitality", N_("Hotels and restaurants"), N_("hospitality") },
	{ "manufacturing", N_("Manufacturing"), N_("manufacturing") },
	{ "mining", N_("Mining and gold panning"), N_("mining") },
	{ "peddling", N_("Street selling"), N_("street selling") },
	{ "transport", N_("Transport"), N_("transport") },
	{ "other", N_("Other sector"), N_("other") },
};

static const struct vocab_item prot_country_role_items[] = {
	{ "origin", N_("Country of origin"), N_("origin") },
	{ "transit", N_("Country of transit"), N_("transit") },
	{ "exploitation", N_("Country of exploitation"), N_("exploitation") },
};

static const struct vocab_item prot_assistance_items[] = {
	{ "shelter", N_("Shelter"), N_("shelter") },
	{ "medical", N_("Medical care"), N_("medical") },
	{ "legal", N_("Legal aid"), N_("legal") },
	{ "psychosocial", N_("Psychosocial support"), N_("psychosocial") },
	{ "reintegration", N_("Reintegration support"), N_("reintegration") },
};

static const struct vocab_item prot_consent_use_items[] = {
	{ "case_management", N_("Case management"), N_("case management") },
	{ "referral", N_("Referral to another organisation"), N_("referral") },
	{ "share_with_agency", N_("Sharing with the national agency"), N_("national agency") },
	{ "legal_proceedings", N_("Use in legal proceedings"), N_("legal") },
	{ "reintegration", N_("Reintegration assistance"), N_("reintegration") },
	{ "statistics", N_("Anonymised statistics"), N_("statistics") },
};

static const struct vocab_item prot_referral_direction_items[] = {
	{ "out", N_("Referral out"), N_("out") },
	{ "in", N_("Referral in"), N_("in") },
};

static const struct vocab_item prot_referral_destination_items[] = {
	{ "unhcr", N_("UNHCR (asylum)"), N_("UNHCR") },
	{ "hospital", N_("Hospital"), N_("hospital") },
	{ "legal_aid", N_("Legal aid"), N_("legal aid") },
	{ "partner_ngo", N_("Partner NGO"), N_("partner NGO") },
	{ "government", N_("Government service"), N_("government") },
	{ "other", N_("Other organisation"), N_("other") },
};

static const struct vocab_item prot_referral_status_items[] = {
	{ "draft", N_("Not sent yet"), N_("not sent") },
	{ "sent", N_("Sent"), N_("sent") },
	{ "accepted", N_("Accepted"), N_("accepted") },
	{ "rejected", N_("Rejected"), N_("rejected") },
	{ "done", N_("Completed"), N_("completed") },
	{ "withdrawn", N_("Withdrawn"), N_("withdrawn") },
};

static const struct vocab_item prot_return_status_items[] = {
	{ "requested", N_("Return requested"), N_("requested") },
	{ "counselled", N_("Counselled"), N_("counselled") },
	{ "approved", N_("Return approved"), N_("approved") },
	{ "ready", N_("Ready to travel"), N_("ready") },
	{ "departed", N_("Departed"), N_("departed") },
	{ "arrived", N_("Arrived and handed over"), N_("arrived") },
	{ "withdrawn", N_("Request withdrawn"), N_("withdrawn") },
	{ "no_show", N_("Did not come to the departure"), N_("no-show") },
	{ "refused", N_("Return refused"), N_("refused") },
};

static const struct vocab_item prot_transport_items[] = {
	{ "convoy", N_("Road convoy"), N_("convoy") },
	{ "flight", N_("Flight"), N_("flight") },
	{ "bus", N_("Bus"), N_("bus") },
	{ "other", N_("Other transport"), N_("other") },
};

static const struct vocab_item prot_doc_kind_items[] = {
	{ "passport", N_("Passport"), N_("passport") },
	{ "laissez_passer", N_("Laissez-passer"), N_("laissez-passer") },
	{ "consular_card", N_("Consular card"), N_("consular card") },
};

static const struct vocab_item prot_doc_status_items[] = {
	{ "requested", N_("Requested"), N_("requested") },
	{ "interview", N_("Interview at the consulate"), N_("interview") },
	{ "issued", N_("Issued"), N_("issued") },
	{ "refused", N_("Refused"), N_("refused") },
};

const struct vocab vocab_prot_risk =
	VOCAB_LIST("prot_risk", "prot_case", "risk", prot_risk_items);
const struct vocab vocab_prot_case_status =
	VOCAB_LIST("prot_case_status", "prot_case", "status", prot_case_status_items);
const struct vocab vocab_prot_close_reason =
	VOCAB_LIST("prot_close_reason", "prot_case", "close_reason", prot_close_reason_items);
const struct vocab vocab_prot_action_status =
	VOCAB_LIST("prot_action_status", "prot_action", "status", prot_action_status_items);
const struct vocab vocab_prot_recommendation =
	VOCAB_LIST("prot_recommendation", "prot_best_interest", "recommendation", prot_recommendation_items);
const struct vocab vocab_prot_bi_status =
	VOCAB_LIST("prot_bi_status", "prot_best_interest", "status", prot_bi_status_items);
const struct vocab vocab_prot_care_kind =
	VOCAB_LIST("prot_care_kind", "prot_care", "kind", prot_care_kind_items);
const struct vocab vocab_prot_tracing_status =
	VOCAB_LIST("prot_tracing_status", "prot_tracing", "status", prot_tracing_status_items);
const struct vocab vocab_prot_tracing_kind =
	VOCAB_LIST("prot_tracing_kind", "prot_tracing_action", "kind", prot_tracing_kind_items);
const struct vocab vocab_prot_followup_mode =
	VOCAB_LIST("prot_followup_mode", "prot_followup", "mode", prot_followup_mode_items);
const struct vocab vocab_prot_wellbeing =
	VOCAB_LIST("prot_wellbeing", "prot_followup", "wellbeing", prot_wellbeing_items);
const struct vocab vocab_prot_identification =
	VOCAB_LIST("prot_identification", "prot_trafficking", "identification", prot_identification_items);
const struct vocab vocab_prot_identified_by =
	VOCAB_LIST("prot_identified_by", "prot_trafficking", "identified_by", prot_identified_by_items);
const struct vocab vocab_prot_recruiter =
	VOCAB_LIST("prot_recruiter", "prot_trafficking", "recruiter", prot_recruiter_items);
const struct vocab vocab_prot_legal_status =
	VOCAB_LIST("prot_legal_status", "prot_trafficking", "legal_status", prot_legal_status_items);
const struct vocab vocab_prot_control =
	VOCAB_LIST("prot_control", "prot_trafficking_control", "method", prot_control_items);
const struct vocab vocab_prot_exploitation =
	VOCAB_LIST("prot_exploitation", "prot_trafficking_exploitation", "form", prot_exploitation_items);
const struct vocab vocab_prot_labour_sector =
	VOCAB_LIST("prot_labour_sector", "prot_trafficking_exploitation", "sector", prot_labour_sector_items);
const struct vocab vocab_prot_country_role =
	VOCAB_LIST("prot_country_role", "prot_trafficking_country", "role", prot_country_role_items);
const struct vocab vocab_prot_assistance =
	VOCAB_LIST("prot_assistance", "prot_trafficking_assistance", "kind", prot_assistance_items);
const struct vocab vocab_prot_consent_use =
	VOCAB_LIST("prot_consent_use", "prot_consent", "use", prot_consent_use_items);
const struct vocab vocab_prot_referral_direction =
	VOCAB_LIST("prot_referral_direction", "prot_referral", "direction", prot_referral_direction_items);
const struct vocab vocab_prot_referral_destination =
	VOCAB_LIST("prot_referral_destination", "prot_referral", "destination", prot_referral_destination_items);
const struct vocab vocab_prot_referral_status =
	VOCAB_LIST("prot_referral_status", "prot_referral", "status", prot_referral_status_items);
const struct vocab vocab_prot_return_status =
	VOCAB_LIST("prot_return_status", "prot_return", "status", prot_return_status_items);
const struct vocab vocab_prot_transport =
	VOCAB_LIST("prot_transport", "prot_return", "transport", prot_transport_items);
const struct vocab vocab_prot_doc_kind =
	VOCAB_LIST("prot_doc_kind", "prot_travel_doc", "kind", prot_doc_kind_items);
const struct vocab vocab_prot_doc_status =
	VOCAB_LIST("prot_doc_status", "prot_travel_doc", "status", prot_doc_status_items);
