#ifndef TAIMAKO_DB_PSYCH_SHEET_H
#define TAIMAKO_DB_PSYCH_SHEET_H
/* The attendance sheet of one psychosocial session: its heading and its
 * rows (who was marked, and how), streamed to a writer; written to a file
 * as CSV (UTF-8, safe in spreadsheets) or as a plain text sheet laid out
 * to print on 80 columns, each export audited. */
#include <stdbool.h>
#include <stdio.h>
#include "core/status.h"

struct db;

struct psych_sheet_head {
	long long id;
	char centre_code[8];
	char centre[324];        /* name in the language asked for */
	char activity[324];      /* name in the language asked for */
	char title[324];
	char date[11];           /* ISO day */
	char start_time[6];      /* "HH:MM", "" when not said */
	char end_time[6];
	char facilitator[324];   /* the account's display name, or the name typed */
	char partner[324];       /* "" when none */
	char place[324];
	char status[16];         /* code of VOCAB_PSYCH_STATUS */
	char cancel_reason[324];
	char roll[8];            /* "names" or "count" */
	long counts[4];          /* boys, girls, men, women: head counts, -1 when not given */
};

struct psych_sheet_row {
	char case_key[20];
	char name[402];          /* "FAMILY Given" */
	char sex;                /* 'f', 'm', 'x' */
	char age[8];             /* on the session's day: "23", "~23" (estimated or partial), "?" */
	char mark[16];           /* code of VOCAB_PSYCH_MARK */
};

/* Reads the heading of session id into *head (names in lang, "fr" or
 * "en"), then calls cb for each person marked, by name; rows are streamed
 * while the statement is open, so cb must not use the connection.
 * PERM_PSYCH_READ; ST_NOT_FOUND for no such session. */
enum status psych_sheet_read(struct db *db, long long id, const char *lang, struct psych_sheet_head *head,
                             void (*cb)(const struct psych_sheet_row *row, void *ctx), void *ctx);

enum psych_sheet_format { PSYCH_SHEET_CSV, PSYCH_SHEET_TEXT };

/* Writes the sheet of session id to out in format, labels in the current
 * language (lang gives the names of the reference lists), and audits the
 * export (who, which session, which format, how many rows) in the same
 * transaction: ST_IO, nothing audited, when out could not be written.
 * PERM_PSYCH_READ. */
enum status psych_sheet_export(struct db *db, long long id, const char *lang, enum psych_sheet_format format,
                               FILE *out);

/* A default file name for the sheet: "attendance-2026-03-14-football.csv"
 * (the activity's code, ".txt" for text) into out. */
enum status psych_sheet_file_name(struct db *db, long long id, enum psych_sheet_format format, char *out,
                                  size_t size);

#endif
