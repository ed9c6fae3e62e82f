/* The protection module's tables: the same definitions as the protection
 * figures (db/prot_report.h), each line a statement of its own. */
#include "db/report_prot.h"

#include "core/i18n.h"
#include "core/perm.h"
#include "db/report_medical.h"

#define CHILD_FLAGS "('unaccompanied_child', 'separated_child', 'accompanied_child')"
#define ALONE_FLAGS "('unaccompanied_child', 'separated_child')"
#define FLAGGED(who, flags) "EXISTS (SELECT 1 FROM person_flag f WHERE f.person_id = " who " AND f.flag IN " flags ")"

/* Children assisted: a protection case of the centre open for part of the
 * period, or a stay at the centre for part of it of someone flagged a
 * child; the day is the first of the period or of the case or stay. The
 * column child: 2 for someone flagged unaccompanied or separated, 1 for
 * another flagged child (counted whatever their age), else 0. The three
 * lines share it: the engine counts them in one pass. */
#define FLAG_OF(who) \
	"CASE WHEN " FLAGGED(who, ALONE_FLAGS) " THEN 2 WHEN " FLAGGED(who, CHILD_FLAGS) " THEN 1 ELSE 0 END"
#define CHILDREN_SQL \
	"SELECT c.person_id, c.day, " FLAG_OF("c.person_id") " AS child FROM (" CASES_SQL("") ") c " \
	"UNION ALL SELECT t.person_id, t.day, " FLAG_OF("t.person_id") " FROM (" \
	REPORT_STAYS_SQL(" AND " FLAGGED("s.person_id", CHILD_FLAGS)) ") t"
/* The protection cases of the centre open for part of the period, with
 * condition extra on the case k: (person_id, day), the day that of opening
 * or the first of the period. In three parts as REPORT_STAYS_SQL, each on
 * an index of migration 026. */
#define CASES_SQL(extra) \
	"SELECT k.person_id, k.opened AS day FROM prot_case k WHERE k.opened >= ?1 AND k.opened < ?2 " \
	"AND (?3 IS NULL OR k.centre_id = ?3)" extra " " \
	"UNION ALL SELECT k.person_id, ?1 FROM prot_case k WHERE k.closed_date >= ?1 AND k.opened < ?1 " \
	"AND (?3 IS NULL OR k.centre_id = ?3)" extra " " \
	"UNION ALL SELECT k.person_id, ?1 FROM prot_case k WHERE k.closed_date IS NULL AND k.opened < ?1 " \
	"AND (?3 IS NULL OR k.centre_id = ?3)" extra

/* Victims of trafficking: a trafficking record whose case (of the centre)
 * was open for part of the period; the day is the day identified. Read
 * from the trafficking records (a few of the cases), each case by its id. */
#define VICTIMS_SQL(extra) \
	"SELECT k.person_id, t.identified_date AS day FROM prot_trafficking t CROSS JOIN prot_case k ON k.id = t.case_id " \
	"WHERE k.opened < ?2 AND (k.closed_date IS NULL OR k.closed_date >= ?1) AND (?3 IS NULL OR k.centre_id = ?3)" \
	extra
#define WITH_REINTEGRATION \
	" AND (EXISTS (SELECT 1 FROM prot_trafficking_assistance a WHERE a.trafficking_id = t.id " \
	"AND a.kind = 'reintegration' AND a.date < ?2) OR EXISTS (SELECT 1 FROM reint_case r " \
	"WHERE r.person_id = k.person_id))"

static const struct report_line protection_lines[] = {
	{ "children", N_("Children assisted"),
	  N_("Different people under 18 (or flagged as children) with a protection case of the centre open for part "
	     "of the period, or flagged as children and staying at the centre for part of it; age on the first day "
	     "of the period or of their case or stay."),
	  REPORT_CHILDREN, "#reached+children", CHILDREN_SQL, 0 },
	{ "accompanied_children", N_("of whom accompanied children"),
	  N_("The children assisted not flagged as unaccompanied or separated."),
	  REPORT_CHILDREN_ACCOMPANIED, "#reached+children+accompanied", CHILDREN_SQL, 1 },
	{ "unaccompanied_children", N_("of whom unaccompanied or separated children"),
	  N_("The children assisted flagged as unaccompanied or separated."),
	  REPORT_CHILDREN_UNACCOMPANIED, "#reached+children+unaccompanied", CHILDREN_SQL, 1 },
	{ "trafficking_victims", N_("Victims of trafficking"),
	  N_("Different people with a trafficking record whose protection case (of the centre) was open for part of "
	     "the period; age on the day they were identified."),
	  REPORT_PEOPLE, "#reached+trafficking", VICTIMS_SQL(""), 0 },
	{ "medical_cases", N_("Medical cases"),
	  N_("Medical cases opened in the period at the centre; each case once, age on the day it was opened."),
	  REPORT_EVENTS, "#activity+cases+medical", REPORT_SQL_MEDICAL_CASES, 0 },
	{ "consultations", N_("Medical consultations"),
	  N_("Consultations recorded in the period at the centre (a person seen twice counts twice); age on the day "
	     "of the consultation."),
	  REPORT_EVENTS, "#activity+consultations", REPORT_SQL_CONSULTATIONS, 0 },
	{ NULL, NULL, NULL, REPORT_PEOPLE, NULL, NULL, 0 },
};

const struct report_def report_protection = {
	.name = "protection",
	.title = N_("Protection"),
	.definition = N_("Children assisted, victims of trafficking, medical cases and consultations, from the "
	                 "protection cases, the flags on the case files, the stays and the medical register. Counts "
	                 "only: no medical detail."),
	.perms = PERM_BIT(PERM_REPORTS) | PERM_BIT(PERM_PROTECTION_READ),
	.by = REPORT_BY_GROUP,
	.lines = protection_lines,
};

static const struct report_line victims_lines[] = {
	{ "victims", N_("Victims of trafficking"),
	  N_("Different people with a trafficking record whose protection case (of the centre) was open for part of "
	     "the period; age on the day they were identified."),
	  REPORT_PEOPLE, "#reached+trafficking", VICTIMS_SQL(""), 0 },
	{ "victims_reintegration", N_("of whom with reintegration support"),
	  N_("The victims with reintegration assistance given before the end of the period, or with a reintegration "
	     "case."),
	  REPORT_PEOPLE, "#reached+trafficking+reintegration", VICTIMS_SQL(WITH_REINTEGRATION), 1 },
	{ NULL, NULL, NULL, REPORT_PEOPLE, NULL, NULL, 0 },
};

const struct report_def report_trafficking_victims = {
	.name = "trafficking_victims",
	.title = N_("Victims of trafficking"),
	.definition = N_("Victims of trafficking by sex and child or adult, and how many had reintegration support, "
	                 "from the protection cases and their trafficking records."),
	.perms = PERM_BIT(PERM_REPORTS) | PERM_BIT(PERM_PROTECTION_READ),
	.by = REPORT_BY_GROUP,
	.lines = victims_lines,
};

const struct report_def *const report_prot_tables[] = { &report_protection, &report_trafficking_victims, NULL };
