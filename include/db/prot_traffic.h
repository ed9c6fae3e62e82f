#ifndef TAIMAKO_DB_PROT_TRAFFIC_H
#define TAIMAKO_DB_PROT_TRAFFIC_H
/* A victim of trafficking (migration 023, one record per protection case):
 * identification (presumed or identified, by whom, the day), the recruiter
 * and how they recruited, the places, legal proceedings, and the sets of
 * means of control, forms of exploitation (forced labour with its sector),
 * countries (origin, transit, exploitation) and assistance given; and the
 * consents of a case, use by use. Reading needs PERM_PROTECTION_READ and
 * is audited ("view"); writing PERM_PROTECTION_WRITE, one transaction
 * with its audit row (every field and set, before and after). */
#include <stdbool.h>
#include "core/status.h"

struct db;

#define PROT_TRAF_TEXT_MAX 500      /* characters of recruitment, places, legal note */
#define PROT_TRAF_NOTE_MAX 200      /* characters of an assistance's note */
#define PROT_TRAF_CONTROL_MAX 17
#define PROT_TRAF_EXPLOIT_MAX 17
#define PROT_TRAF_COUNTRY_MAX 24
#define PROT_TRAF_ASSIST_MAX 5

struct prot_traf_exploit {
	char form[20];              /* core/prot_vocab.h VOCAB_PROT_EXPLOITATION */
	char sector[16];            /* exactly for forced_labour: VOCAB_PROT_LABOUR_SECTOR */
};

struct prot_traf_country {
	char country[4];            /* ISO 3166-1 alpha-3 */
	char role[14];              /* origin, transit, exploitation */
};

struct prot_traf_assist {
	char kind[16];              /* shelter, medical, legal, psychosocial, reintegration */
	char date[11];              /* ISO day */
	char note[804];             /* up to 200 characters */
};

struct prot_traf {
	long long id;               /* 0 before saving */
	long long case_id;
	char identification[12];    /* presumed, identified */
	char identified_by[16];     /* national_agency, police, ngo, staff, self_referral */
	char identified_date[11];
	char recruiter[18];         /* the recruiter's relation to the victim */
	char recruitment[2004];     /* how, in words; up to 500 characters */
	char places[2004];
	char legal_status[14];      /* none, complaint, ... dropped */
	char legal_note[2004];
	int version;
	int n_control;
	char control[PROT_TRAF_CONTROL_MAX][28];
	int n_exploit;
	struct prot_traf_exploit exploit[PROT_TRAF_EXPLOIT_MAX];
	int n_country;
	struct prot_traf_country country[PROT_TRAF_COUNTRY_MAX];
	int n_assist;
	struct prot_traf_assist assist[PROT_TRAF_ASSIST_MAX];
};

/* A new record of case_id as the form starts it: presumed, identified by
 * staff on day, recruiter unknown, no legal proceedings, empty sets. */
void prot_traf_init(struct prot_traf *t, long long case_id, const char *day);

/* NULL, or the msgid of the first rule t breaks (no database needed), its
 * field in *field (may be NULL): "identification", "identified_by",
 * "identified_date", "recruiter", "recruitment", "places", "legal_status",
 * "legal_note", "control", "exploitation", "country", "assistance". Codes
 * of their lists, valid days not in the future, texts that fit (no
 * control characters but line ends), sets without repeats, a sector
 * exactly for forced labour. The form calls it too. */
const char *prot_traf_problem(const struct prot_traf *t, const char **field);

/* Records (t->id 0) or saves t if its version is unchanged (ST_CONFLICT
 * otherwise), with its sets, in one transaction: ST_INVALID with msgid and
 * field for a rule broken (also an unknown case or country), ST_DUPLICATE
 * when the case has a record already. On success t->id and t->version are
 * set; on failure nothing is saved and t is as it was.
 * PERM_PROTECTION_WRITE. Audited. */
enum status prot_traf_save(struct db *db, struct prot_traf *t, const char **msgid, const char **field);

/* Reads the record of case case_id with its sets into *t; the opening is
 * audited. PERM_PROTECTION_READ; ST_NOT_FOUND when the case has none. */
enum status prot_traf_get(struct db *db, long long case_id, struct prot_traf *t);

/* The consent of a case to one use. */
struct prot_consent {
	long long id;               /* 0 when not recorded */
	long long case_id;
	char use[20];               /* VOCAB_PROT_CONSENT_USE */
	bool given;
	char date[11];              /* ISO day */
	long long recorded_by;      /* an account, 0 when unknown */
	int version;
};

/* The consents of case case_id, one per use of VOCAB_PROT_CONSENT_USE in
 * its order (id 0 for a use not recorded), into out (room for *n, set to
 * the number filled). The opening is audited. PERM_PROTECTION_READ;
 * ST_NOT_FOUND for an unknown case. */
enum status prot_consent_list(struct db *db, long long case_id, struct prot_consent *out, int *n);

/* The consent of case_id to use into *c; ST_NOT_FOUND when not recorded.
 * Not audited (the referral's checks read it). PERM_PROTECTION_READ. */
enum status prot_consent_of(struct db *db, long long case_id, const char *use, struct prot_consent *c);

/* Records (c->id 0) or changes the consent c (at its version, ST_CONFLICT
 * otherwise): given or refused on a valid day not in the future, by the
 * account signed in. ST_INVALID with msgid otherwise; ST_DUPLICATE when
 * the use is recorded already. PERM_PROTECTION_WRITE. Audited. */
enum status prot_consent_save(struct db *db, struct prot_consent *c, const char **msgid);

#endif
