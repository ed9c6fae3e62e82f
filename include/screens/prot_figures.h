#ifndef TAIMAKO_SCREENS_PROT_FIGURES_H
#define TAIMAKO_SCREENS_PROT_FIGURES_H
/* The protection figures of a year and centre: children assisted
 * (accompanied, unaccompanied), victims of trafficking by sex and
 * child/adult, referrals by destination and outcome, returns by country,
 * sex and age group. */
#include "core/status.h"

struct app;

/* The figures screen (hub 'h'). */
enum status prot_figures_open(struct app *app);

#endif
