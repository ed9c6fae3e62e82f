#ifndef TAIMAKO_SCREENS_PROT_CHILD_FORMS_H
#define TAIMAKO_SCREENS_PROT_CHILD_FORMS_H
/* The forms of a child's page (best-interests assessment, rejection
 * comment, interim care, family tracing and its steps, tracing action,
 * follow-up visit) and what they share. Each form is kept as a draft of
 * its kind when the line drops. */
#include <stdbool.h>
#include <stddef.h>
#include "core/status.h"

struct app;
struct form;
struct field_def;

/* The assessment of case case_id: its draft changed, or a new one. */
enum status prot_bi_form_open(struct app *app, long long case_id);
/* The assessment form again from its draft (kind "prot_bi", ref the case). */
enum status prot_bi_form_open_draft(struct app *app, long long ref, const char *json);

/* A manager rejects assessment bi_id seen at version, with a comment. */
enum status prot_bi_reject_open(struct app *app, long long bi_id, int version);

/* A new interim care arrangement of case case_id, or (edit) a change to
 * the current one. */
enum status prot_care_form_open(struct app *app, long long case_id, bool edit);
/* Drafts of kind "prot_care" (new, ref the case) and "prot_care_edit". */
enum status prot_care_form_open_draft(struct app *app, long long ref, const char *json);
enum status prot_care_edit_open_draft(struct app *app, long long ref, const char *json);

/* The tracing of case case_id: step "open" (opens it), "wishes" (the
 * child's wishes), "family_found", "verified", "reunified" or "closed". */
enum status prot_tracing_form_open(struct app *app, long long case_id, const char *step);
/* Drafts of kinds "prot_tracing" (opening or wishes), "prot_tracing_found",
 * "prot_tracing_verified", "prot_tracing_reunified", "prot_tracing_closed";
 * ref the case. */
enum status prot_tracing_open_draft(struct app *app, long long ref, const char *json);
enum status prot_tracing_found_draft(struct app *app, long long ref, const char *json);
enum status prot_tracing_verified_draft(struct app *app, long long ref, const char *json);
enum status prot_tracing_reunified_draft(struct app *app, long long ref, const char *json);
enum status prot_tracing_closed_draft(struct app *app, long long ref, const char *json);

/* A new action of the tracing of case case_id. */
enum status prot_trace_action_open(struct app *app, long long case_id);
/* Drafts of kind "prot_tracing_action", ref the case. */
enum status prot_trace_action_open_draft(struct app *app, long long ref, const char *json);

/* A follow-up visit of case case_id: a new one (followup_id 0) or a change. */
enum status prot_followup_form_open(struct app *app, long long case_id, long long followup_id);
/* Drafts of kind "prot_followup" (new, ref the case) and
 * "prot_followup_edit" (ref the visit). */
enum status prot_followup_form_open_draft(struct app *app, long long ref, const char *json);
enum status prot_followup_edit_open_draft(struct app *app, long long ref, const char *json);

/* An ISO day as the user reads it ("" stays ""). */
void prot_day_text(const char *iso, char *out, size_t size);

/* After a refused save: marks field (a data-layer field name) of form in
 * error with why and shows the message (a conflict says so). */
void prot_form_refused(struct app *app, struct form *form, const struct field_def *defs, int n, enum status st,
                       const char *why, const char *field);

#endif
