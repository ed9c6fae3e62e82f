#ifndef TAIMAKO_CORE_REINT_VOCAB_H
#define TAIMAKO_CORE_REINT_VOCAB_H
/* The reintegration module's code lists (see core/vocab.h). Regions of
 * return and implementing partners are editable lists instead (db/reflist.h). */
#include "core/vocab.h"

extern const struct vocab vocab_reint_return_kind;
#define VOCAB_REINT_RETURN_KIND (&vocab_reint_return_kind) /* reint_case.return_kind */
extern const struct vocab vocab_reint_case_status;
#define VOCAB_REINT_CASE_STATUS (&vocab_reint_case_status) /* reint_case.status */
extern const struct vocab vocab_reint_close_reason;
#define VOCAB_REINT_CLOSE_REASON (&vocab_reint_close_reason) /* reint_case.close_reason */
extern const struct vocab vocab_reint_plan_status;
#define VOCAB_REINT_PLAN_STATUS (&vocab_reint_plan_status) /* reint_plan.status */
extern const struct vocab vocab_reint_item_category;
#define VOCAB_REINT_ITEM_CATEGORY (&vocab_reint_item_category) /* reint_plan_item.category */
extern const struct vocab vocab_reint_provision;
#define VOCAB_REINT_PROVISION (&vocab_reint_provision) /* reint_plan_item.provision */
extern const struct vocab vocab_reint_sector;
#define VOCAB_REINT_SECTOR (&vocab_reint_sector) /* reint_business_plan.sector */
extern const struct vocab vocab_reint_project_kind;
#define VOCAB_REINT_PROJECT_KIND (&vocab_reint_project_kind) /* reint_project.kind */
extern const struct vocab vocab_reint_project_activity;
#define VOCAB_REINT_PROJECT_ACTIVITY (&vocab_reint_project_activity) /* reint_project.activity */
extern const struct vocab vocab_reint_project_status;
#define VOCAB_REINT_PROJECT_STATUS (&vocab_reint_project_status) /* reint_project.status */
extern const struct vocab vocab_reint_member_role;
#define VOCAB_REINT_MEMBER_ROLE (&vocab_reint_member_role) /* reint_project_member.role */
extern const struct vocab vocab_reint_tranche_status;
#define VOCAB_REINT_TRANCHE_STATUS (&vocab_reint_tranche_status) /* reint_tranche.status */
extern const struct vocab vocab_reint_pay_method;
#define VOCAB_REINT_PAY_METHOD (&vocab_reint_pay_method) /* reint_payment.method */
extern const struct vocab vocab_reint_visit_kind;
#define VOCAB_REINT_VISIT_KIND (&vocab_reint_visit_kind) /* reint_visit.kind */
extern const struct vocab vocab_reint_visit_status;
#define VOCAB_REINT_VISIT_STATUS (&vocab_reint_visit_status) /* reint_visit.status */
extern const struct vocab vocab_reint_visit_mode;
#define VOCAB_REINT_VISIT_MODE (&vocab_reint_visit_mode) /* reint_visit.mode */
extern const struct vocab vocab_reint_satisfaction;
#define VOCAB_REINT_SATISFACTION (&vocab_reint_satisfaction) /* reint_visit.satisfaction */
extern const struct vocab vocab_reint_remigration;
#define VOCAB_REINT_REMIGRATION (&vocab_reint_remigration) /* reint_visit.remigration */
extern const struct vocab vocab_reint_dimension;
#define VOCAB_REINT_DIMENSION (&vocab_reint_dimension) /* reint_survey_question.dimension */

#endif
