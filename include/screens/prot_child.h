#ifndef TAIMAKO_SCREENS_PROT_CHILD_H
#define TAIMAKO_SCREENS_PROT_CHILD_H
/* The screens of an unaccompanied or separated child: best-interests
 * assessment and determination, interim care, family tracing (actions,
 * family found, verification, reunification) and follow-up visits; the
 * determinations waiting for a manager; the children whose tracing has had
 * no action for a while. */
#include "core/status.h"

struct app;

/* The child's screen of protection case case_id. */
enum status prot_child_open(struct app *app, long long case_id);

/* The best-interests determinations waiting for a manager (hub 'a'). */
enum status prot_bi_approvals_open(struct app *app);

/* Children whose tracing has had no action for the set number of days
 * (hub 't'). */
enum status prot_tracing_stale_open(struct app *app);

#endif
