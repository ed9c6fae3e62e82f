#ifndef TAIMAKO_SCREENS_PROT_RETURN_FORMS_H
#define TAIMAKO_SCREENS_PROT_RETURN_FORMS_H
/* The screens of an assisted return that the return's own screens open:
 * the return itself, the request form, the forms of its steps and of a
 * travel document, and the reopening of their drafts. */
#include "core/status.h"

struct app;

/* The steps that take a form. */
enum prot_return_step { PROT_STEP_COUNSEL = 1, PROT_STEP_BOOK, PROT_STEP_DEPART, PROT_STEP_ARRIVE, PROT_STEP_END };

/* The return id: its steps, fitness to travel and travel documents. */
enum status prot_return_screen_open(struct app *app, long long id);

/* The return id in place of the screen on top (a form just saved). */
enum status prot_return_screen_instead(struct app *app, long long id);

/* The request form: ref a return's id to change it, minus a person's id
 * for a new request. */
enum status prot_return_form_open(struct app *app, long long ref);
enum status prot_return_form_draft(struct app *app, long long ref, const char *json);

/* The form of step of return id (at version, as the return screen saw it). */
enum status prot_return_step_open(struct app *app, long long id, enum prot_return_step step);
enum status prot_return_step_draft(struct app *app, long long ref, const char *json);

/* The travel document form: doc_id to change one, 0 for a new document
 * of return return_id. */
enum status prot_doc_form_open(struct app *app, long long return_id, long long doc_id);
enum status prot_doc_form_draft(struct app *app, long long ref, const char *json);

#endif
