/* The code lists and their labels. The codes must stay as the schema's
 * CHECK constraints have them (tests/unit/test_vocab.c compares). */
#include <stddef.h>
#include <string.h>
#include "core/i18n.h"
#include "core/vocab.h"

static const struct vocab_item sexes[] = {
	{ "f", N_("Female"), N_("female") },
	{ "m", N_("Male"), N_("male") },
	{ "x", N_("Other or not known"), N_("sex unknown") },
};

static const struct vocab_item arrival_modes[] = {
	{ "self", N_("Came by themselves"), N_("came by themselves") },
	{ "rescue", N_("Desert rescue"), N_("desert rescue") },
	{ "police", N_("Intercepted by police"), N_("intercepted by police") },
	{ "transfer", N_("Transferred from another centre"), N_("transferred") },
	{ "other", N_("Other"), N_("other") },
};

static const struct vocab_item doc_types[] = {
	{ "passport", N_("Passport"), NULL },
	{ "id_card", N_("Identity card"), NULL },
	{ "birth_certificate", N_("Birth certificate"), NULL },
	{ "laissez_passer", N_("Laissez-passer"), NULL },
	{ "other", N_("Other document"), NULL },
};

static const struct vocab_item flags[] = {
	{ "unaccompanied_child", N_("Unaccompanied child"), N_("UAC") },
	{ "separated_child", N_("Separated child"), N_("SC") },
	{ "accompanied_child", N_("Accompanied child"), N_("AC") },
	{ "pregnant", N_("Pregnant woman"), N_("PW") },
	{ "trafficking_presumed", N_("Presumed victim of trafficking"), N_("VoT?") },
	{ "trafficking_identified", N_("Identified victim of trafficking"), N_("VoT") },
	{ "violence_victim", N_("Victim of violence, exploitation or abuse"), N_("VEA") },
	{ "older_person", N_("Older person"), N_("OLD") },
	{ "serious_medical", N_("Serious medical condition"), N_("MED") },
	{ "disability", N_("Disability"), N_("DIS") },
	{ "asylum_seeker", N_("Asylum seeker (refer to UNHCR)"), N_("ASY") },
	{ "other", N_("Other vulnerability"), N_("OTH") },
};

static const struct vocab_item relations[] = {
	{ "parent", N_("Parent (mother or father)"), N_("parent") },
	{ "child", N_("Child"), N_("child") },
	{ "spouse", N_("Spouse"), N_("spouse") },
	{ "sibling", N_("Brother or sister"), N_("sibling") },
	{ "head", N_("Head of household"), N_("head of household") },
	{ "member", N_("Member of the household"), N_("household member") },
	{ "guardian", N_("Guardian"), N_("guardian") },
	{ "ward", N_("In their care (ward)"), N_("ward") },
	{ "relative", N_("Other relative"), N_("other relative") },
};

static const struct vocab_item departure_reasons[] = {
	{ "avr", N_("Assisted voluntary return"), N_("assisted voluntary return") },
	{ "continued", N_("Continued journey"), N_("continued journey") },
	{ "referred", N_("Referred elsewhere"), N_("referred elsewhere") },
	{ "left", N_("Left without notice"), N_("left without notice") },
	{ "transferred", N_("Transferred to another centre"), N_("transferred to another centre") },
};

static const struct vocab_item services[] = {
	{ "accommodation", N_("Accommodation"), N_("accommodation") },
	{ "food", N_("Food"), N_("food") },
	{ "water", N_("Water"), N_("water") },
	{ "nfi", N_("Non-food items"), N_("non-food items") },
};

static const struct vocab_item consult_reasons[] = {
	{ "respiratory", N_("Respiratory infection"), NULL },
	{ "diarrhoea", N_("Diarrhoea"), NULL },
	{ "malaria", N_("Malaria"), NULL },
	{ "skin", N_("Skin disease"), NULL },
	{ "injury", N_("Injury"), NULL },
	{ "pregnancy", N_("Pregnancy"), NULL },
	{ "mental", N_("Mental health"), NULL },
	{ "chronic", N_("Chronic disease"), NULL },
	{ "other", N_("Other"), NULL },
};

static const struct vocab_item referral_statuses[] = {
	{ "sent", N_("Sent"), NULL },
	{ "attended", N_("Attended"), NULL },
	{ "not_attended", N_("Not attended"), NULL },
};

static const struct vocab_item conditions[] = {
	{ "chronic", N_("Chronic disease"), NULL },
	{ "pregnancy", N_("Pregnancy"), NULL },
	{ "injury", N_("Injury"), NULL },
	{ "disability", N_("Disability"), NULL },
	{ "tuberculosis", N_("Tuberculosis"), NULL },
	{ "hiv", N_("HIV"), NULL },
	{ "malnutrition", N_("Malnutrition"), NULL },
	{ "mental", N_("Mental health"), NULL },
	{ "other", N_("Other"), NULL },
};

static const struct vocab_item fitness[] = {
	{ "fit", N_("Fit to travel"), N_("fit") },
	{ "fit_escort", N_("Fit with escort"), N_("fit with escort") },
	{ "not_fit", N_("Not fit to travel"), N_("not fit") },
};

const struct vocab vocab_sex = VOCAB_LIST("sex", "person", "sex", sexes);
const struct vocab vocab_arrival_mode = VOCAB_LIST("arrival_mode", "person", "arrival_mode", arrival_modes);
const struct vocab vocab_doc_type = VOCAB_LIST("doc_type", "person_document", "doc_type", doc_types);
const struct vocab vocab_flag = VOCAB_LIST("flag", "person_flag", "flag", flags);
const struct vocab vocab_relation = VOCAB_LIST("relation", "family_link", "relation", relations);
const struct vocab vocab_departure_reason = VOCAB_LIST("departure_reason", "stay", "departure_reason", departure_reasons);
const struct vocab vocab_service = VOCAB_LIST("service", "stay_service", "service", services);
const struct vocab vocab_consult_reason = VOCAB_LIST("consultation_reason", "consultation", "reason", consult_reasons);
const struct vocab vocab_referral_status = VOCAB_LIST("referral_status", "consultation", "referral_status", referral_statuses);
const struct vocab vocab_condition = VOCAB_LIST("condition", "medical_case", "condition", conditions);
const struct vocab vocab_fitness = VOCAB_LIST("fitness", "fitness", "status", fitness);

const char *vocab_name(const struct vocab *v)
{
	return v ? v->name : "";
}

const char *vocab_table(const struct vocab *v)
{
	return v ? v->table : "";
}

const char *vocab_column(const struct vocab *v)
{
	return v ? v->column : "";
}

int vocab_count(const struct vocab *v)
{
	return v ? v->n : 0;
}

const struct vocab_item *vocab_item(const struct vocab *v, int i)
{
	return i >= 0 && i < vocab_count(v) ? &v->items[i] : NULL;
}

const char *vocab_code(const struct vocab *v, int i)
{
	const struct vocab_item *it = vocab_item(v, i);
	return it ? it->code : "";
}

int vocab_index(const struct vocab *v, const char *code)
{
	for (int i = 0; code && i < vocab_count(v); i++)
		if (strcmp(v->items[i].code, code) == 0)
			return i;
	return -1;
}

bool vocab_has(const struct vocab *v, const char *code)
{
	return vocab_index(v, code) >= 0;
}

const char *vocab_label(const struct vocab *v, const char *code)
{
	const struct vocab_item *it = vocab_item(v, vocab_index(v, code));
	return it ? it->label : NULL;
}

const char *vocab_short(const struct vocab *v, const char *code)
{
	const struct vocab_item *it = vocab_item(v, vocab_index(v, code));
	return !it ? NULL : it->short_label ? it->short_label : it->label;
}
