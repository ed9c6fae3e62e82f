#ifndef TAIMAKO_CORE_PROT_VOCAB_H
#define TAIMAKO_CORE_PROT_VOCAB_H
/* The protection module's code lists (see core/vocab.h). Protection
 * concerns are an editable list instead (db/reflist.h, "prot_concern"). */
#include "core/vocab.h"

extern const struct vocab vocab_prot_risk;
#define VOCAB_PROT_RISK (&vocab_prot_risk) /* prot_case.risk */
extern const struct vocab vocab_prot_case_status;
#define VOCAB_PROT_CASE_STATUS (&vocab_prot_case_status) /* prot_case.status */
extern const struct vocab vocab_prot_close_reason;
#define VOCAB_PROT_CLOSE_REASON (&vocab_prot_close_reason) /* prot_case.close_reason */
extern const struct vocab vocab_prot_action_status;
#define VOCAB_PROT_ACTION_STATUS (&vocab_prot_action_status) /* prot_action.status */
extern const struct vocab vocab_prot_recommendation;
#define VOCAB_PROT_RECOMMENDATION (&vocab_prot_recommendation) /* prot_best_interest.recommendation */
extern const struct vocab vocab_prot_bi_status;
#define VOCAB_PROT_BI_STATUS (&vocab_prot_bi_status) /* prot_best_interest.status */
extern const struct vocab vocab_prot_care_kind;
#define VOCAB_PROT_CARE_KIND (&vocab_prot_care_kind) /* prot_care.kind */
extern const struct vocab vocab_prot_tracing_status;
#define VOCAB_PROT_TRACING_STATUS (&vocab_prot_tracing_status) /* prot_tracing.status */
extern const struct vocab vocab_prot_tracing_kind;
#define VOCAB_PROT_TRACING_KIND (&vocab_prot_tracing_kind) /* prot_tracing_action.kind */
extern const struct vocab vocab_prot_followup_mode;
#define VOCAB_PROT_FOLLOWUP_MODE (&vocab_prot_followup_mode) /* prot_followup.mode */
extern const struct vocab vocab_prot_wellbeing;
#define VOCAB_PROT_WELLBEING (&vocab_prot_wellbeing) /* prot_followup.wellbeing */
extern const struct vocab vocab_prot_identification;
#define VOCAB_PROT_IDENTIFICATION (&vocab_prot_identification) /* prot_trafficking.identification */
extern const struct vocab vocab_prot_identified_by;
#define VOCAB_PROT_IDENTIFIED_BY (&vocab_prot_identified_by) /* prot_trafficking.identified_by */
extern const struct vocab vocab_prot_recruiter;
#define VOCAB_PROT_RECRUITER (&vocab_prot_recruiter) /* prot_trafficking.recruiter */
extern const struct vocab vocab_prot_legal_status;
#define VOCAB_PROT_LEGAL_STATUS (&vocab_prot_legal_status) /* prot_trafficking.legal_status */
extern const struct vocab vocab_prot_control;
#define VOCAB_PROT_CONTROL (&vocab_prot_control) /* prot_trafficking_control.method */
extern const struct vocab vocab_prot_exploitation;
#define VOCAB_PROT_EXPLOITATION (&vocab_prot_exploitation) /* prot_trafficking_exploitation.form */
extern const struct vocab vocab_prot_labour_sector;
#define VOCAB_PROT_LABOUR_SECTOR (&vocab_prot_labour_sector) /* prot_trafficking_exploitation.sector */
extern const struct vocab vocab_prot_country_role;
#define VOCAB_PROT_COUNTRY_ROLE (&vocab_prot_country_role) /* prot_trafficking_country.role */
extern const struct vocab vocab_prot_assistance;
#define VOCAB_PROT_ASSISTANCE (&vocab_prot_assistance) /* prot_trafficking_assistance.kind */
extern const struct vocab vocab_prot_consent_use;
#define VOCAB_PROT_CONSENT_USE (&vocab_prot_consent_use) /* prot_consent.use */
extern const struct vocab vocab_prot_referral_direction;
#define VOCAB_PROT_REFERRAL_DIRECTION (&vocab_prot_referral_direction) /* prot_referral.direction */
extern const struct vocab vocab_prot_referral_destination;
#define VOCAB_PROT_REFERRAL_DESTINATION (&vocab_prot_referral_destination) /* prot_referral.destination */
extern const struct vocab vocab_prot_referral_status;
#define VOCAB_PROT_REFERRAL_STATUS (&vocab_prot_referral_status) /* prot_referral.status */
extern const struct vocab vocab_prot_return_status;
#define VOCAB_PROT_RETURN_STATUS (&vocab_prot_return_status) /* prot_return.status */
extern const struct vocab vocab_prot_transport;
#define VOCAB_PROT_TRANSPORT (&vocab_prot_transport) /* prot_return.transport */
extern const struct vocab vocab_prot_doc_kind;
#define VOCAB_PROT_DOC_KIND (&vocab_prot_doc_kind) /* prot_travel_doc.kind */
extern const struct vocab vocab_prot_doc_status;
#define VOCAB_PROT_DOC_STATUS (&vocab_prot_doc_status) /* prot_travel_doc.status */

#endif
