#ifndef TAIMAKO_DB_BULK_PRIVATE_H
#define TAIMAKO_DB_BULK_PRIVATE_H
/* What bulk.c (people) and bulk_medical.c share. Private to src/db/. */
#include "db/bulk.h"
#include "db/db_private.h"
#include "db/person_private.h"
#include "db/rows.h"

/* Rows go to the database BATCH_ROWS at a time, in one multi-row INSERT OR
 * IGNORE per table. Parameters are plain '?', numbered in order; the rows
 * left unbound at a flush are all NULL and skipped by OR IGNORE (every
 * table has a NOT NULL column), and the rows stored are counted, so that a
 * real row refused by a rule is an error (ST_INTERNAL), never skipped. */
#define BATCH_ROWS 32
#define ROWS4(r) r ", " r ", " r ", " r
#define ROWS32(r) ROWS4(ROWS4(r)) ", " ROWS4(ROWS4(r))
/* The identity columns every written row ends with (migration 011). */
#define IDENTITY "uuid, site, created, changed"
#define IDENTITY_COLS 4

enum batch_id { BT_PERSON, BT_NAME_KEY, BT_NAME_TYPO, BT_NAME_WORD, BT_LANGUAGE, BT_DOCUMENT, BT_FLAG, BT_LINK, BT_STAY,
                BT_SERVICE, BT_CONSULTATION, BT_CASE, BT_VISIT, BT_FITNESS,
                BT_PSYCH_SESSION, BT_PSYCH_ATTENDANCE, BT_PSYCH_SUPPORT,
                BT_TRAINING_COURSE, BT_TRAINING_ENROLMENT,
                BT_REINT_CASE, BT_REINT_PLAN, BT_REINT_ITEM, BT_REINT_BUSINESS, BT_REINT_PROJECT, BT_REINT_MEMBER,
                BT_REINT_TRANCHE, BT_REINT_PAYMENT, BT_REINT_VISIT, BT_REINT_ANSWER,
                BT_DIST_SERVING, BT_DIST_STOCK_MOVE, BT_COUNT_ };

/* The psychosocial batches' statements (bulk_psych.c) and their columns. */
extern const char bulk_sql_psych_session[], bulk_sql_psych_attendance[], bulk_sql_psych_support[];
#define BULK_PSYCH_SESSION_COLS 23
#define BULK_PSYCH_ATTENDANCE_COLS 8
#define BULK_PSYCH_SUPPORT_COLS 15

/* The vocational training batches' statements (bulk_training.c). */
extern const char bulk_sql_training_course[], bulk_sql_training_enrolment[];
#define BULK_TRAINING_COURSE_COLS 19
#define BULK_TRAINING_ENROLMENT_COLS 15

/* The reintegration batches' statements (bulk_reint.c). */
extern const char bulk_sql_reint_case[], bulk_sql_reint_plan[], bulk_sql_reint_item[], bulk_sql_reint_business[],
	bulk_sql_reint_project[], bulk_sql_reint_member[], bulk_sql_reint_tranche[], bulk_sql_reint_payment[],
	bulk_sql_reint_visit[], bulk_sql_reint_answer[];

/* The distribution batches' statements (bulk_dist.c). */
extern const char bulk_sql_dist_serving[], bulk_sql_dist_stock_move[];

struct batch {
	const char *sql;
	int cols;                 /* parameters per row */
	bool identity;            /* the last IDENTITY_COLS are the row's identity */
	sqlite3_stmt *st;         /* prepared at first use */
	int rows;                 /* rows bound so far */
	long long written;        /* rows given */
};

struct centre_ref {
	long long id;
	char code[8];
};

struct sequence {
	long long centre;
	int year;
	long next;
};

/* The quick-lookup rows waiting: texts are kept, so that the leftover rows
 * of a transaction go one by one (an FTS5 table would take NULL rows). */
struct search_row {
	long long id;
	char text[PERSON_INDEX_TEXT];
};

struct bulk {
	struct db *db;
	char site[ROWS_UUID_LEN + 1];
	char stamp[32];                 /* created and changed of the rows */
	int cache_size;                 /* to put back */
	struct batch b[BT_COUNT_];
	long long next_person, next_stay, next_doc, next_case;
	struct centre_ref *centres;
	size_t ncentres, centres_cap;
	struct sequence *seqs;
	size_t nseqs, seqs_cap;
	struct search_row search[BATCH_ROWS];
	int nsearch;
	bool wrote_search;              /* search rows written: merge the indexes at the end */
	/* Hashes of the name words already in the typo vocabulary this run
	 * (open addressing, 0 = free; when half full, words go in again and
	 * OR IGNORE keeps one). */
	unsigned long long typo_seen[1 << 15];
	int ntypo_seen;
	/* The same for the vocabulary of name words (name_word). */
	unsigned long long word_seen[1 << 15];
	int nword_seen;
};

/* The statement of batch t, prepared at first use (NULL on error). */
sqlite3_stmt *bulk_batch(struct bulk *b, enum batch_id t);

/* The parameter number of column col of the row being bound in batch t. */
int bulk_param(const struct bulk *b, enum batch_id t, int col);

/* Binds an integer, NULL when v is 0 and zero_null. */
void bulk_put_int(struct bulk *b, enum batch_id t, int col, long long v, bool zero_null);

/* Binds text (copied); NULL, and "" when empty_null, bind as SQL NULL. */
void bulk_put_text(struct bulk *b, enum batch_id t, int col, const char *text, bool empty_null);

/* Binds a new uuid, the site and the stamp to the last IDENTITY_COLS
 * columns (tables that have them), and ends the row: stores the batch when
 * it is full. */
enum status bulk_row_done(struct bulk *b, enum batch_id t);

#endif
