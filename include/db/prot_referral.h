#ifndef TAIMAKO_DB_PROT_REFERRAL_H
#define TAIMAKO_DB_PROT_REFERRAL_H
/* Referrals of a protection case (migration 023), out (to UNHCR for asylum,
 * a hospital, legal aid, a partner NGO, the government, other) and in
 * (received from them): the organisation, the reason, consent to share
 * and its day, the status (draft, sent, accepted or rejected, done, or
 * withdrawn), the other organisation's reference (for UNHCR its case
 * number) and the outcome. A referral out is sent only with consent to
 * share, and never when the case's consent to referral is recorded as
 * refused (the schema's trigger is the backstop). A referral in is
 * recorded as received: status "sent", sent_date the day received.
 * Reading needs PERM_PROTECTION_READ (opening one is audited), writing
 * PERM_PROTECTION_WRITE, each write one transaction with its audit row. */
#include <stdbool.h>
#include "core/page.h"
#include "core/status.h"

struct db;

#define PROT_REF_ORG_MAX 120        /* characters */
#define PROT_REF_REASON_MAX 500
#define PROT_REF_OTHER_MAX 60
#define PROT_REF_OUTCOME_MAX 500

struct prot_referral {
	long long id;               /* 0 before saving */
	long long case_id;
	char direction[4];          /* out, in */
	char destination[12];       /* unhcr, hospital, legal_aid, partner_ngo, government, other */
	char organisation[484];     /* up to 120 characters */
	char reason[2004];          /* 1 to 500 characters */
	bool consent;               /* consent to share */
	char consent_date[11];      /* exactly with consent */
	char status[10];            /* draft, sent, accepted, rejected, done, withdrawn */
	char sent_date[11];         /* sent (out) or received (in); "" for a draft */
	char other_ref[244];        /* up to 60 characters */
	char outcome[2004];         /* up to 500 characters */
	long long created_by;
	int version;
};

/* The message of a referral out refused for want of consent to share (the
 * msgid prot_referral_send gives). */
#define PROT_REF_NO_CONSENT_MSG "Not sent: the person has not consented to share their information."

/* A new referral of case_id as the form starts it: out, a draft; in,
 * received on day. Destination "other", no consent. */
void prot_referral_init(struct prot_referral *r, long long case_id, const char *direction, const char *day);

/* The defaults proposed for a new referral of case_id into *r
 * (prot_referral_init first): for a referral out, consent to share given
 * on the day the case's consent to referral was given, when it was; when
 * that consent is recorded as refused, *msgid says so (the referral may
 * be drafted but not sent). PERM_PROTECTION_READ; ST_NOT_FOUND for an
 * unknown case. */
enum status prot_referral_propose(struct db *db, long long case_id, const char *direction, const char *day,
                                  struct prot_referral *r, const char **msgid);

/* NULL, or the msgid of the first rule r breaks (no database needed), its
 * field in *field (may be NULL): "direction", "destination",
 * "organisation", "reason", "consent_date", "sent_date", "other_ref",
 * "outcome", "status". The form calls it too. */
const char *prot_referral_problem(const struct prot_referral *r, const char **field);

/* Records (r->id 0) or saves r if its version is unchanged (ST_CONFLICT
 * otherwise). A new referral out is a draft, one in is received (status
 * "sent"); the status of a saved one is changed only by
 * prot_referral_send and prot_referral_set_status. Consent may not be
 * taken back from a referral out that was sent. ST_INVALID with msgid
 * and field otherwise. PERM_PROTECTION_WRITE. Audited. */
enum status prot_referral_save(struct db *db, struct prot_referral *r, const char **msgid, const char **field);

/* Sends the draft referral out id (at *version) on day: ST_INVALID with
 * PROT_REF_NO_CONSENT_MSG when it has no consent to share, or with
 * another msgid when the case's consent to referral is recorded as
 * refused; nothing changes then. *version gets the new version.
 * PERM_PROTECTION_WRITE. Audited. */
enum status prot_referral_send(struct db *db, long long id, int *version, const char *day, const char **msgid);

/* Moves referral id (at *version) to status: from sent to accepted,
 * rejected or withdrawn; from accepted to done or withdrawn (a draft
 * stays a draft: the schema lets no referral out without consent leave
 * that state). ST_INVALID with msgid otherwise. PERM_PROTECTION_WRITE.
 * Audited. */
enum status prot_referral_set_status(struct db *db, long long id, int *version, const char *status,
                                     const char **msgid);

/* Reads referral id into *r; the opening is audited. PERM_PROTECTION_READ;
 * ST_NOT_FOUND when none. */
enum status prot_referral_get(struct db *db, long long id, struct prot_referral *r);

/* The referrals of case_id, newest first (by id), a page by key
 * (core/page.h): after or before referral key_id (0: from the first, or
 * the last ones), at most limit, in the list's order either way; *more
 * (may be NULL): more remain. The callback may use the data layer.
 * PERM_PROTECTION_READ. */
enum status prot_referral_list(struct db *db, long long case_id, enum page_dir dir, long long key_id, int limit,
                               void (*cb)(const struct prot_referral *r, void *ctx), void *ctx, bool *more);

#endif
