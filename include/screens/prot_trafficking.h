#ifndef TAIMAKO_SCREENS_PROT_TRAFFICKING_H
#define TAIMAKO_SCREENS_PROT_TRAFFICKING_H
/* The screens of a victim of trafficking (identification, recruitment,
 * means of control, exploitation, countries, assistance, legal
 * proceedings), of the consents of a case to each use, and of its
 * referrals out and in. */
#include "core/status.h"

struct app;

/* The trafficking screen of protection case case_id. */
enum status prot_trafficking_open(struct app *app, long long case_id);

/* The consents of case case_id, use by use. */
enum status prot_consents_open(struct app *app, long long case_id);

/* The referrals of case case_id, out and in. */
enum status prot_referrals_open(struct app *app, long long case_id);

#endif
