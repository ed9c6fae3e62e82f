#ifndef TAIMAKO_DB_PROT_H
#define TAIMAKO_DB_PROT_H
/* What the protection module's parts share: whether a person is under
 * protection follow-up (all that other roles may know), and the rule that
 * an unaccompanied or separated child returns only after an approved
 * best-interests determination. The records themselves are read and
 * written through db/prot_*.h, each call refused to roles without the
 * protection permissions. */
#include <stdbool.h>
#include "core/status.h"

struct db;

/* The setting holding the days without a tracing action after which a
 * child's tracing is listed (default PROT_TRACING_STALE_DEFAULT). */
#define PROT_TRACING_STALE_KEY "prot_tracing_stale_days"
#define PROT_TRACING_STALE_DEFAULT 30

/* *under is true when person has an open protection case. Any role that
 * may open a case file (PERM_PERSON_READ) or the protection role; nothing
 * else of the case is read. */
enum status prot_under_followup(struct db *db, long long person, bool *under);

/* *child is true when person is flagged as an unaccompanied or separated
 * child; *approved when a best-interests determination of theirs is
 * approved. A return may be approved or leave only when !child ||
 * approved (the schema's triggers hold the same rule). PERM_PROTECTION_READ. */
enum status prot_child_determination(struct db *db, long long person, bool *child, bool *approved);

#endif
