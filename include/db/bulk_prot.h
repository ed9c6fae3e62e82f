#ifndef TAIMAKO_DB_BULK_PROT_H
#define TAIMAKO_DB_BULK_PROT_H
/* Bulk writes of protection records for demo databases (see db/bulk.h):
 * cases with their concerns and actions, children's best-interests
 * assessments, care, tracing and follow-up visits, victims of
 * trafficking with their details, consents, referrals, returns and travel
 * documents. A protection demo holds hundreds of rows, not millions: each
 * goes in by one prepared statement inside the bulk's transaction, and the
 * schema's triggers (consent to share, a child's return) check every one.
 * NULL or "" for the optional texts, 0 for the optional ids; the functions
 * that make a row give its id. */
#include <stdbool.h>
#include "core/status.h"

struct bulk;

/* Vulnerability flags of a person, as bits. */
enum { BP_UNACCOMPANIED = 1, BP_SEPARATED = 2, BP_ACCOMPANIED = 4, BP_TRAFFICKING_PRESUMED = 8,
       BP_TRAFFICKING_IDENTIFIED = 16, BP_VIOLENCE = 32, BP_OTHER = 64 };

/* A person with their last stay and flags. */
struct bulk_prot_person {
	long long id, centre;
	char sex;
	char birth_date[11];          /* "" unknown */
	char nationality[4];          /* "" unknown */
	char admitted[11], departed[11];   /* departed "" while there */
	char reason[16];
	unsigned flags;               /* BP_ bits */
};

/* Up to max people with a stay and ids after `after`, in id order: *n read. */
enum status bulk_prot_people(struct bulk *b, long long after, struct bulk_prot_person *out, int max, int *n);

struct bulk_prot_case {
	long long person, centre, caseworker, created_by;
	const char *opened, *risk, *status, *close_reason, *closed_date, *transferred_to, *summary;
};

/* A case; *id its id. */
enum status bulk_prot_case(struct bulk *b, const struct bulk_prot_case *c, long long *id);

/* A concern of case (its code in the list 'prot_concern'). */
enum status bulk_prot_concern(struct bulk *b, long long case_id, const char *code);

struct bulk_prot_action {
	long long case_id, assigned, created_by;
	const char *description, *due_date, *status, *done_date, *outcome;
};

/* An action of a case. */
enum status bulk_prot_action(struct bulk *b, const struct bulk_prot_action *a);

struct bulk_prot_bi {
	long long case_id, assessed_by, submitted_by, decided_by;
	const char *assessed_date, *findings, *child_views, *recommendation, *status, *submitted_at, *decided_at,
		*decision_comment;
};

/* A best-interests assessment (and determination) of a child's case. */
enum status bulk_prot_best_interest(struct bulk *b, const struct bulk_prot_bi *p);

/* A care arrangement of a child's case (end NULL: still). */
enum status bulk_prot_care(struct bulk *b, long long case_id, const char *kind, const char *place,
                           const char *carer, const char *start, const char *end);

struct bulk_prot_tracing {
	long long case_id, verified_by;
	const char *child_wishes, *status, *opened, *family_found, *found_date, *verified_date, *verification_note,
		*reunified_date, *reunified_place, *reunified_with;
};

/* The tracing of a child's case; *id its id. */
enum status bulk_prot_tracing(struct bulk *b, const struct bulk_prot_tracing *t, long long *id);

/* An action of a tracing. */
enum status bulk_prot_tracing_action(struct bulk *b, long long tracing, const char *date, const char *kind,
                                     const char *place, const char *outcome, long long done_by);

/* A follow-up visit of a case. */
enum status bulk_prot_followup(struct bulk *b, long long case_id, const char *date, const char *mode,
                               const char *wellbeing, const char *notes, long long done_by);

struct bulk_prot_trafficking {
	long long case_id;
	const char *identification, *identified_by, *identified_date, *recruiter, *recruitment, *places,
		*legal_status, *legal_note;
};

/* The victim record of a case; *id its id. */
enum status bulk_prot_trafficking(struct bulk *b, const struct bulk_prot_trafficking *t, long long *id);

/* Details of victim tr: a means of control, a form of exploitation
 * (sector for forced labour, else NULL), a country with its role, an
 * assistance given. */
enum status bulk_prot_control(struct bulk *b, long long tr, const char *method);
enum status bulk_prot_exploitation(struct bulk *b, long long tr, const char *form, const char *sector);
enum status bulk_prot_country(struct bulk *b, long long tr, const char *country, const char *role);
enum status bulk_prot_assistance(struct bulk *b, long long tr, const char *kind, const char *date);

/* Consent given or refused to one use of a case's data. */
enum status bulk_prot_consent(struct bulk *b, long long case_id, const char *use, bool given, const char *date,
                              long long recorded_by);

struct bulk_prot_referral {
	long long case_id, created_by;
	bool consent;
	const char *direction, *destination, *organisation, *reason, *consent_date, *status, *sent_date, *other_ref,
		*outcome;
};

/* A referral out or in. */
enum status bulk_prot_referral(struct bulk *b, const struct bulk_prot_referral *r);

struct bulk_prot_return {
	long long person, centre, approved_by, created_by;
	const char *requested_date, *country, *destination, *status, *counselled_date, *counselling_note,
		*approved_at, *travel_date, *transport, *convoy_ref, *escort, *departure_date, *arrival_date,
		*handed_over_to, *end_reason;
};

/* An assisted return; *id its id. */
enum status bulk_prot_return(struct bulk *b, const struct bulk_prot_return *r, long long *id);

struct bulk_prot_doc {
	long long return_id;
	const char *kind, *consulate_country, *consulate_place, *requested_date, *interview_date, *status, *number,
		*issued_date, *expiry_date, *refusal_reason;
};

/* A travel document of a return. */
enum status bulk_prot_travel_doc(struct bulk *b, const struct bulk_prot_doc *d);

#endif
