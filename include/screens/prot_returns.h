#ifndef TAIMAKO_SCREENS_PROT_RETURNS_H
#define TAIMAKO_SCREENS_PROT_RETURNS_H
/* The screens of assisted voluntary return: the returns under way, a
 * person's return (counselling, approval, travel documents, fitness to
 * travel, booking, departure, arrival), the returns waiting for a manager,
 * the departure list of a day and convoy, and the travel documents pending
 * per consulate. */
#include "core/status.h"

struct app;

/* The returns under way, by status (hub 'v'). */
enum status prot_returns_open(struct app *app);

/* The case-file action: the person's return under way (or last), or a new
 * request for a writer. */
enum status prot_return_person_open(struct app *app, long long person);

/* The returns waiting for a manager's approval (hub 'w'). */
enum status prot_return_approvals_open(struct app *app);

/* The departure list of a day and convoy, to print or as CSV (hub 'd'). */
enum status prot_departures_open(struct app *app);

/* The travel documents pending, per consulate (hub 'p'). */
enum status prot_docs_pending_open(struct app *app);

#endif
