#ifndef TAIMAKO_SCREENS_REINT_MONEY_H
#define TAIMAKO_SCREENS_REINT_MONEY_H
/* The forms and lists of grants and visits behind reint_payments_open and
 * reint_visits_open, and the home menu's lists of visits due and payments
 * planned this month. */
#include "core/status.h"
#include "db/reint.h"

struct app;

/* Plans a tranche of ref (REINT_PLAN or REINT_PROJECT), or moves planned
 * tranche tranche_id when not 0. */
enum status reint_tranche_form_open(struct app *app, struct reint_ref ref, long long tranche_id);
/* Records a payment of ref: of planned tranche tranche_id, or unscheduled (0). */
enum status reint_pay_form_open(struct app *app, struct reint_ref ref, long long tranche_id);
/* Reverses payment payment_id, asking the reason. */
enum status reint_reverse_form_open(struct app *app, long long payment_id);

/* Records the outcome of visit visit_id. */
enum status reint_visit_form_open(struct app *app, long long visit_id);
/* The outcome form again from a kept draft (ref: the visit). */
enum status reint_visit_form_open_draft(struct app *app, long long ref, const char *json);
/* Adds a visit of ref (REINT_CASE or REINT_PROJECT) of kind ("baseline",
 * or NULL to choose counselling or monitoring). */
enum status reint_visit_add_open(struct app *app, struct reint_ref ref, const char *kind);

/* The visits due and overdue of the user as case worker (or all of the centre). */
enum status reint_due_visits_open(struct app *app);
/* The payments planned this month or overdue at the user's centre. */
enum status reint_due_payments_open(struct app *app);

#endif
