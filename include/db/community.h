#ifndef TAIMAKO_DB_COMMUNITY_H
#define TAIMAKO_DB_COMMUNITY_H
/* Community members: people of the local community registered by the short
 * registration (names, sex, birth or estimated age, phone, locality,
 * consent, the registering centre), with a case number of the same scheme
 * as migrants' and no stay. PERM_COMMUNITY_WRITE registers them; an intake
 * clerk (PERM_PERSON_WRITE) registers the arrival of one who migrates, who
 * then becomes a migrant with the same record, number and history. Every
 * write is one transaction with its audit row. */
#include "core/person.h"
#include "core/status.h"

struct db;

/* Checks a short registration before saving: ST_OK, or ST_INVALID with
 * the msgid of the first problem in *msgid (may be NULL) and the name of
 * its field in *field (may be NULL). today is "YYYY-MM-DD". The rules of
 * person_check, and: a locality (at most 80 characters), no documents,
 * languages, nationality nor vulnerability flags (not asked). */
enum status community_check(const struct person *p, const char *today, const char **msgid, const char **field);

/* Registers p (id 0) as a community member of centre p->centre_code: the
 * arrival columns hold the registration day (today) and "other", kind
 * "community", community_since today. The duplicate check is the
 * caller's, as at intake (person_duplicates). On success p->id, case_key,
 * version, kind and community_since are set. PERM_COMMUNITY_WRITE. */
enum status community_register(struct db *db, struct person *p);

/* Saves the short registration of community member p->id as edited from
 * orig (the record read before editing): names, sex, birth, phone,
 * locality, centre and consent; the rest stays as saved. ST_CONFLICT when
 * another session saved it since orig was read (nothing written),
 * ST_INVALID (msgid in *msgid, may be NULL) when a rule is broken or the
 * person is a migrant now. Audited as an update with every field that
 * differs, before and after. On success p is the record as saved.
 * PERM_COMMUNITY_WRITE. */
enum status community_update(struct db *db, struct person *p, const struct person *orig, const char **msgid);

/* Registers the arrival of community member id at the centre with code
 * centre_code on date (ISO day, not in the future nor before the birth nor
 * before the community registration), by mode (VOCAB_ARRIVAL_MODE): the
 * person becomes a migrant with a stay from date, keeping id, number,
 * history and community_since; audited as an update with kind, arrival
 * date, mode and centre before and after. ST_INVALID (msgid in *msgid,
 * may be NULL) when a rule is broken or the person is not a community
 * member. PERM_PERSON_WRITE. */
enum status community_arrive(struct db *db, long long id, const char *centre_code, const char *date,
                             const char *mode, const char **msgid);

#endif
