#ifndef TAIMAKO_DB_AUDIT_TEXT_H
#define TAIMAKO_DB_AUDIT_TEXT_H
#include <stdbool.h>
/* The audit trail as people read it: sentences in the user's language with
 * case numbers, account names and labels (fields, code lists, countries,
 * languages) instead of row ids, internal names and codes. What the current
 * actor may not see stays out: the details of medical records without
 * PERM_MEDICAL_READ, the vulnerability flags their role does not see. */
#include <stddef.h>

struct db;

/* The msgid of an action of the trail ("update": "Changed"). */
const char *audit_action_label(const char *action);

/* The record a row is about, as users know it, into out: a person's case
 * number (also for the medical records of that person), an account's name;
 * "" when the row is about no record. */
void audit_record_text(struct db *db, const char *entity, long long entity_id, char *out, size_t size);

/* What the row of action, entity, entity_id and changes (its JSON) says,
 * in the current language (lang "fr" or "en" for the names of countries
 * and languages): a sentence, or labelled changes "Phone: 90 12 → 91 13",
 * each part after the first preceded by sep ("; " on one line, "\n" for a
 * view of the whole row). Changes it cannot read are shown as a notice,
 * never as raw text. */
/* True for the entities whose audit rows hold medical details
 * (consultations, medical cases and records, fitness to travel). */
bool audit_entity_medical(const char *entity);

/* True for the entities whose audit rows hold individual psychosocial
 * support (its records and their openings): hidden without
 * PERM_PSYCH_NOTES. */
bool audit_entity_psych(const char *entity);

/* True when entity is a protection record (prot_*): read only with
 * PERM_PROTECTION_READ. */
bool audit_entity_protection(const char *entity);

struct jsonbuf;

/* The changes of an audit row as a role may read them: for a medical row
 * and a role that may not read medical records, each field named with its
 * values hidden ({"diagnosis": "hidden"}), in *out, and true (the same for
 * psychosocial support and a role without PERM_PSYCH_NOTES); false when the
 * changes may be shown as they are. */
bool audit_changes_for_role(const char *entity, const char *changes, int role, struct jsonbuf *out);

void audit_describe(struct db *db, const char *lang, const char *action, const char *entity,
                    long long entity_id, const char *changes, const char *sep, char *out, size_t size);

#endif
