#ifndef TAIMAKO_DB_IMPORT_H
#define TAIMAKO_DB_IMPORT_H
/* Importing people and their stays from a legacy spreadsheet saved as CSV
 * (core/import_csv.h) through a mapping file (core/import_map.h).
 *
 * Each row becomes a person registered exactly as the intake form does
 * it: the same checks (person_check), the same duplicate detection
 * (person_duplicates), the same creation with its first stay, search
 * index and audit row (every field), then its departure when the row has
 * one (stay_depart), then its consultation when the mapping names the
 * consultation.* columns and the row fills them (consultation_check: a
 * day on or after the arrival and not in the future, a known reason; the
 * same creation and audit row as consultation_save, inside the batch,
 * PERM_MEDICAL_WRITE), and its enrolment in a training course when the
 * training.* columns are filled (an existing course by its title or
 * number; applied, selected, enrolled or completed, as training_enrol
 * and training_enrolment_save do it, PERM_TRAINING_WRITE). Texts are sanitised (core/text.h) before anything
 * else: control characters and bidirectional overrides become '?'.
 * A row with a likely duplicate is not imported (the people are listed)
 * unless allow_duplicates. The legacy registration is taken as made with
 * consent to data collection on the arrival day, never to sharing; the
 * arrival mode is "other" unless mapped.
 *
 * Without batches the whole file is one transaction: a single bad row and
 * nothing is written. With batches of n rows, each batch is its own
 * transaction, and the import stops at the first batch with a bad row;
 * resume continues after the last line an import of a file with the same
 * name committed. A dry run does all of it and rolls every transaction
 * back. The trail gets one "import" row per batch committed (file, lines,
 * rows, imported), and one for an import refused or a dry run.
 * PERM_PERSON_WRITE. */
#include <stdbool.h>
#include <stdio.h>

#include "core/import_csv.h"
#include "core/import_map.h"
#include "core/status.h"

struct db;
struct person;
struct person_hit;

struct import_options {
	enum import_enc enc;
	char sep;                  /* ',', ';', '\t', 0 detected */
	const char *centre;        /* the centre code of rows without one, NULL none */
	const char *file_name;     /* as recorded in the trail and found by resume */
	bool dry_run, resume, allow_duplicates;
	int batch;                 /* rows per transaction, 0: one for all */
	/* The actor takes the medical role only around each consultation's
	 * write and the training role around each enrolment's, its name and
	 * origin kept (the command line's unix account,
	 * trusted with every role); false: its own role for every write. */
	bool module_roles;
};

struct import_report {
	long rows;                 /* rows read (after the header, those resumed past excluded) */
	long imported;             /* written (a dry run: that would be) */
	long rejected;             /* rows with a problem */
	long duplicates;           /* rows with a likely duplicate */
	long skipped;              /* rows before the resumed line */
	int resumed_after;         /* the line resumed after, 0 none */
	int last_line;             /* the last line committed, 0 none */
	enum import_enc enc;
	char sep;
};

/* What the caller hears about. Every text is translated and sanitised. */
struct import_callbacks {
	/* A problem with a row (column 0 when not one column), or with the
	 * mapping file when in_map (line 0 when not one line of it). */
	void (*problem)(int line, int column, bool in_map, const char *message, void *ctx);
	/* A likely duplicate of the row on line: an existing person (or one
	 * imported earlier from the same file) with its score (0-100). */
	void (*duplicate)(int line, const struct person_hit *hit, int score, void *ctx);
	void *ctx;
	/* Every IMPORT_PROGRESS_ROWS rows read (may be NULL). */
	void (*progress)(long rows, void *ctx);
};

#define IMPORT_PROGRESS_ROWS 5000

/* Imports the rows of csv with map (its columns are matched to the
 * header row here). ST_OK when every row was imported (a dry run: would
 * be); ST_INVALID when rows were rejected or the header does not match
 * the mapping (nothing written by the transaction that held them);
 * another status when the import could not run (ST_DENIED without
 * PERM_PERSON_WRITE, a file that cannot be read: a problem on its line). */
enum status import_run(struct db *db, FILE *csv, struct import_map *map, const struct import_options *o,
                       const struct import_callbacks *cb, struct import_report *rep);

#endif
