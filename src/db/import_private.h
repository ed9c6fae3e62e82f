#ifndef TAIMAKO_DB_IMPORT_PRIVATE_H
#define TAIMAKO_DB_IMPORT_PRIVATE_H
/* Shared by import.c and import_row.c only. */
#include <stdbool.h>

#include "core/person.h"
#include "db/medical.h"
#include "db/import.h"

#define IMPORT_NAT_CACHE 64

/* A nationality as the file writes it and its code ("" unknown). */
struct import_nat {
	char *folded;
	char code[4];
};

/* Problems of one row, kept to be told in column order. */
#define IMPORT_ROW_PROBLEMS 24

struct import_held {
	int line, column;
	char text[512];
};

struct import_ctx {
	struct db *db;
	struct import_map *map;
	const struct import_options *o;
	const struct import_callbacks *cb;
	char today[11];
	struct import_nat nat[IMPORT_NAT_CACHE];
	int nnat;
	struct import_held held[IMPORT_ROW_PROBLEMS];
	int nheld;
};

/* A row read: the person to register and the departure of its stay. */
struct import_rowdata {
	struct person p;
	char departed[11];     /* "" still staying */
	char reason[16];
	int departed_col, departed_line;
	int consultation_col, consultation_line;   /* of its date */
	bool has_consultation;  /* the row has one (consultation.* cells) */
	struct consultation consultation;   /* person_id set once written */
	bool has_training;      /* the row has an enrolment (training.* cells) */
	long long course_id;
	char training_status[16];
	int training_col, training_line;   /* of its course */
};

/* Reports a problem with line and column (1 first, 0 none): fmt is a
 * translated format, the result is sanitised before the caller sees it. */
void import_problem(struct import_ctx *c, int line, int column, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Reads row into *out as the registration would receive it, reporting
 * every problem found (several per row): false when there was one. */
bool import_row_read(struct import_ctx *c, const struct import_row *row, struct import_rowdata *out);

/* Tells the problems held for the row read, in column order. */
void import_flush(struct import_ctx *c);

/* Frees the context's caches. */
void import_ctx_free(struct import_ctx *c);

#endif
