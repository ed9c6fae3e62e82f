#ifndef TAIMAKO_DB_EXPORT_PEOPLE_H
#define TAIMAKO_DB_EXPORT_PEOPLE_H
/* The pseudonymised person-level export for partners that need rows: one
 * row per person with a stay (or a registration) in a period, without
 * names, phones, document or case numbers, exact birth dates or free
 * text; people who refused data collection or did not consent to their
 * data being shared are never exported. Each person's pseudonym is stable for one recipient and different
 * for every other: an HMAC-SHA256 of the person's uuid under a key drawn
 * from the database's own secret (32 random bytes made on first use, kept
 * in the setting table, never exported) and the recipient's name. Needs
 * PERM_REPORTS;
 * each export is in the audit trail (recipient, period, centre, rows). */
#include <stdbool.h>
#include <stddef.h>

#include "core/report.h"
#include "core/status.h"

struct db;

/* The setting holding the secret (hex), and the one holding the
 * threshold of small numbers in exports for partners. */
#define EXPORT_SECRET_KEY "export_secret"
#define REPORT_SUPPRESS_KEY "report_suppress"

/* Characters of a pseudonym: base32 (A-Z, 2-7) of its first 80 bits. */
#define EXPORT_PSEUDONYM_CHARS 16
/* The longest recipient name, in bytes. */
#define EXPORT_RECIPIENT_MAX 100

struct export_person {
	char pseudonym[EXPORT_PSEUDONYM_CHARS + 1];
	char sex;                  /* 'f', 'm' or 'x' */
	int age_group;             /* REPORT_AGE_... at the start of the period, or the first stay after it */
	char nationality[4];       /* ISO alpha-3, "" unknown */
	char centre[8];            /* the centre of the first stay in the period (else of registration) */
	char arrival_month[8];     /* "YYYY-MM" of the first arrival */
	bool community;            /* a community member rather than a migrant */
	unsigned flags;            /* bit i: item i of vocab_flag (core/vocab.h) */
	int stays;                 /* stays in the period (0: registered in it, no stay) */
	char departure[16];        /* departure_reason of the last stay in the period, "" still there */
};

/* Calls cb for each person of the period p (at centre_code, "" every
 * centre) with a pseudonym for recipient, streaming; *rows the number
 * written. ST_INVALID for an empty or too long recipient, ST_NOT_FOUND for
 * an unknown centre, ST_DENIED without PERM_REPORTS (audited); the export
 * is audited after the last row: a failure there is returned, and the
 * caller then discards what it wrote. */
enum status export_people(struct db *db, const char *recipient, const struct report_period *p,
                          const char *centre_code, void (*cb)(const struct export_person *row, void *ctx),
                          void *ctx, long *rows);

/* The threshold of small numbers for partners' exports: the setting
 * report_suppress (0 to 99), REPORT_SUPPRESS_DEFAULT when unset or not a
 * number. Needs PERM_REPORTS. */
enum status report_suppress_setting(struct db *db, int *threshold);

/* The OCHA admin-1 P-code of the region of the centre with this code into
 * out ("NE008"; "" for code ""). ST_NOT_FOUND for an unknown centre. */
enum status report_centre_pcode(struct db *db, const char *code, char *out, size_t size);

#endif
