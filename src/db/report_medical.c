/* The medical module's table: the old monthly report, for any period. */
#include "db/report_medical.h"

#include "core/i18n.h"
#include "core/perm.h"

static const struct report_line medical_lines[] = {
	{ "consultations", N_("Medical consultations"),
	  N_("Consultations recorded in the period at the centre (a person seen twice counts twice); age on the day "
	     "of the consultation."),
	  REPORT_EVENTS, "#activity+consultations", REPORT_SQL_CONSULTATIONS, 0 },
	{ "people_consulted", N_("People consulted"),
	  N_("Different people with at least one consultation in the period at the centre; age on their first."),
	  REPORT_PEOPLE, "#reached+consulted", REPORT_SQL_CONSULTATIONS, 0 },
	{ "referrals", N_("Referrals to a hospital or clinic"),
	  N_("Consultations of the period at the centre that referred the person elsewhere, whatever came of it."),
	  REPORT_EVENTS, "#activity+referrals+medical",
	  "SELECT person_id, date AS day FROM consultation "
	  "WHERE date >= ?1 AND date < ?2 AND (?3 IS NULL OR centre_id = ?3) AND referral_to <> ''",
	  1 },
	{ "medical_cases", N_("Medical cases opened"),
	  N_("Medical cases (chronic illness, pregnancy, injury...) opened in the period at the centre; each case "
	     "once, age on the day it was opened."),
	  REPORT_EVENTS, "#activity+cases+medical", REPORT_SQL_MEDICAL_CASES, 0 },
	{ NULL, NULL, NULL, REPORT_PEOPLE, NULL, NULL, 0 },
};

const struct report_def report_medical = {
	.name = "medical",
	.title = N_("Medical consultations and cases"),
	.definition = N_("Consultations, the people seen, referrals and medical cases opened, from the medical "
	                 "register. Counts only: no diagnosis, treatment or reason is shown."),
	.perms = PERM_BIT(PERM_REPORTS) | PERM_BIT(PERM_MEDICAL_READ),
	.by = REPORT_BY_GROUP,
	.lines = medical_lines,
};

const struct report_def *const report_medical_tables[] = { &report_medical, NULL };
