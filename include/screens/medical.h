#ifndef TAIMAKO_SCREENS_MEDICAL_H
#define TAIMAKO_SCREENS_MEDICAL_H
/* The medical module's screens. */
#include "ui/app.h"

/* A new consultation of person_id. */
enum status consultation_open(struct app *app, long long person_id);

/* A new consultation of person_id filled from the user's draft json. */
enum status consultation_open_draft(struct app *app, long long person_id, const char *json);

/* The saved consultation consultation_id (opening audited): changed where
 * the role may, else read only. */
enum status consultation_open_saved(struct app *app, long long consultation_id);

/* A saved consultation being changed, filled from the user's draft json. */
enum status consultation_saved_open_draft(struct app *app, long long consultation_id, const char *json);

/* Fitness to travel of person_id filled from the user's draft json. */
enum status fitness_open_draft(struct app *app, long long person_id, const char *json);

/* The medical record of person_id (consultations, cases, fitness). */
enum status medical_open(struct app *app, long long person_id);

/* A medical case of person_id: a new one (case_id 0) or an existing one. */
enum status medcase_open(struct app *app, long long person_id, long long case_id);

/* The medical case forms filled from the user's draft json: a new case of
 * person_id, or case case_id being edited. */
enum status medcase_new_open_draft(struct app *app, long long person_id, const char *json);
enum status medcase_open_draft(struct app *app, long long case_id, const char *json);

/* Fitness to travel of person_id. */
enum status fitness_open(struct app *app, long long person_id);

/* The follow-up list of the user's centre. */
enum status followup_open(struct app *app);

/* The day's register and the monthly counts. */
enum status medreport_open(struct app *app);

#endif
