#ifndef TAIMAKO_DB_REINT_SURVEY_H
#define TAIMAKO_DB_REINT_SURVEY_H
/* The sustainability survey (migration 021): versions of questions, answer
 * scores and weights as reference data, a visit's answers, its economic,
 * social, psychosocial and composite scores under any version with the
 * reasons, and the mean scores for the figures. Reading a version needs
 * PERM_REINTEGRATION_READ or PERM_REFDATA; making or changing a version
 * PERM_REFDATA; a visit's answers PERM_REINTEGRATION_READ to read and
 * PERM_REINTEGRATION_WRITE to save; the means PERM_REINTEGRATION_READ or
 * PERM_REPORTS. Every write is one transaction with its audit row. A
 * version that a visit used is never changed: new weights make a new
 * version, and any visit can be scored again with it. */
#include <stdbool.h>
#include "core/page.h"
#include "core/status.h"

struct db;

#define REINT_SURVEY_QUESTIONS_MAX 40
#define REINT_SURVEY_OPTIONS_MAX 6
#define REINT_SURVEY_WEIGHT_MAX 100.0

/* The three dimensions, in this order everywhere; REINT_COMPOSITE indexes
 * the composite in the score arrays. */
enum reint_dim { REINT_ECONOMIC, REINT_SOCIAL, REINT_PSYCHOSOCIAL, REINT_COMPOSITE, REINT_SCORES };

/* The dimension code of d ("economic"...), or "". */
const char *reint_dim_code(int d);

/* The dimension of code, or -1. */
int reint_dim_of(const char *code);

struct reint_survey_version {
	long long id;              /* 0 before saving */
	int version;               /* 1, 2, ...: set by the data layer */
	char valid_from[11];       /* ISO day from which it is in force */
	char description[404];     /* up to 200 characters */
	double weight[3];          /* of the dimensions in the composite, >= 0, not all 0 */
	char changed[32];          /* when last changed (the check against a concurrent change) */
	/* Filled when read. */
	int questions;
	int visits;                /* visits answered with it: then it is never changed */
};

struct reint_survey_option {
	char code[24];
	char text[484];            /* in the reader's language */
	double score;              /* 0 to 1 */
};

struct reint_survey_question {
	char code[24];             /* the same across versions */
	int dim;                   /* enum reint_dim */
	char text[804];            /* in the reader's language */
	double weight;             /* > 0, at most REINT_SURVEY_WEIGHT_MAX */
	int n_options;
	struct reint_survey_option option[REINT_SURVEY_OPTIONS_MAX];
};

/* A version with its questions (in order) and their answers. */
struct reint_survey {
	struct reint_survey_version v;
	int n;
	struct reint_survey_question q[REINT_SURVEY_QUESTIONS_MAX];
};

/* The versions, newest first, a page by key (core/page.h; key: the version
 * number, 0 for none), at most limit; *more (may be NULL): more remain. */
enum status reint_survey_list(struct db *db, enum page_dir dir, int key, int limit,
                              void (*cb)(const struct reint_survey_version *v, void *ctx), void *ctx, bool *more);

/* Reads version id with its questions and answers, texts in lang ("fr"
 * or else English). ST_NOT_FOUND when none. */
enum status reint_survey_get(struct db *db, long long id, const char *lang, struct reint_survey *out);

/* *id gets the version in force on day (the latest valid_from not after
 * it; the first version for a day before every version). */
enum status reint_survey_in_force(struct db *db, const char *day, long long *id);

/* *id gets the newest version. */
enum status reint_survey_latest(struct db *db, long long *id);

/* The msgid of the first rule s breaks as a version, NULL when none, and
 * *field (may be NULL): "valid_from", "description", "weight" (of the
 * dimensions) or the code of the question (its weight or an answer's
 * score). Rules: a valid day, a description of at most 200 characters,
 * dimension weights from 0 to 100 not all 0, question weights above 0 up to
 * 100, scores from 0 to 1. The form calls it too. */
const char *reint_survey_problem(const struct reint_survey *s, const char **field);

/* Makes a new version from version from_id: its questions and answers,
 * with the weights, scores, valid_from and description of s (questions and
 * answers matched by code; s must have the same ones). The new version is
 * valid from a day not before the newest version's. PERM_REFDATA. On
 * success s->v.id, version and changed are set. Audited. */
enum status reint_survey_create(struct db *db, long long from_id, struct reint_survey *s, const char **msgid,
                                const char **field);

/* Saves the weights, scores, valid_from and description of version s->v.id
 * while no visit used it (ST_INVALID otherwise: make a new version) and it
 * is unchanged since s->v.changed was read (ST_CONFLICT). PERM_REFDATA.
 * Audited. */
enum status reint_survey_update(struct db *db, struct reint_survey *s, const char **msgid, const char **field);

/* ---- a visit's answers and scores (reint_survey_answer.c) --------------- */

struct reint_answer {
	char question[24];         /* question code */
	char option[24];           /* answer code */
};

/* A visit and its answers. */
struct reint_visit_survey {
	long long visit_id;
	char kind[16];             /* baseline, counselling, monitoring */
	char status[16];
	char day[11];              /* done_date, or due_date when not done */
	int version;               /* the visit's version (for the save) */
	long long survey_id;       /* the version it was answered with, 0 when not yet */
	long long answer_with;     /* survey_id, or the version in force on its day */
	int n;
	struct reint_answer answer[REINT_SURVEY_QUESTIONS_MAX];
};

/* Reads visit id and its answers. PERM_REINTEGRATION_READ. */
enum status reint_visit_survey_get(struct db *db, long long visit_id, struct reint_visit_survey *out);

/* Saves the n answers of visit visit_id (at *version, ST_CONFLICT
 * otherwise; *version gets the new one) under version survey_id, which
 * must be the one the visit answers with (answer_with; ST_CONFLICT
 * otherwise): the visit is done, every question of the version has one of
 * its answers (ST_INVALID with msgid, and *missing the index of the first
 * question unanswered or answered wrongly in the version's order; -1
 * otherwise; may be NULL), no answer to another question. Sets the visit's
 * survey_id. PERM_REINTEGRATION_WRITE. One transaction, audited with the
 * answers before and after. */
enum status reint_visit_answers_save(struct db *db, long long visit_id, int *version, long long survey_id,
                                     const struct reint_answer *answer, int n, const char **msgid, int *missing);

/* One question of a visit's scores, to explain them. */
struct reint_score_line {
	char code[24];
	int dim;
	char question[804];
	char answer[484];          /* "" when not answered */
	bool answered;
	double score;              /* of the answer, in this version */
	double weight;             /* of the question, in this version */
};

struct reint_scores {
	long long survey_id;
	int version;
	double weight[3];          /* of the dimensions in the composite */
	double score[REINT_SCORES];   /* by enum reint_dim: 0 to 1 */
	bool known[REINT_SCORES];     /* false: no question of it answered */
	int n;
	struct reint_score_line line[REINT_SURVEY_QUESTIONS_MAX];
};

/* Fills score and known from line and weight: a dimension is the mean of
 * its answered questions' scores weighted by the questions' weights,
 * unknown when none is answered; the composite is the mean of the known
 * dimensions weighted by the dimension weights, unknown when none is known
 * or their weights are all 0. */
void reint_scores_compute(struct reint_scores *s);

/* The scores of visit visit_id under version survey_id (0: the one it was
 * answered with; ST_NOT_FOUND when it has none), each question explained
 * in lang. PERM_REINTEGRATION_READ. */
enum status reint_visit_scores(struct db *db, long long visit_id, long long survey_id, const char *lang,
                               struct reint_scores *out);

/* The mean scores of a group of visits. */
struct reint_score_mean {
	int visits;                /* visits counted */
	int known[REINT_SCORES];   /* visits whose score is known, by enum reint_dim */
	double mean[REINT_SCORES]; /* mean of the known ones (0 when none) */
};

struct reint_score_means {
	long long survey_id;       /* the version they were scored with */
	int version;
	struct reint_score_mean baseline;   /* done baseline visits with answers */
	struct reint_score_mean latest;     /* each case's latest done follow-up visit with answers */
};

/* Mean scores of the cases of country (ISO alpha-3, "" or NULL: all) under
 * version survey_id (0: the newest): at baseline (done baseline visits with
 * answers, done between from and to) and at each case's latest done
 * counselling or monitoring visit with answers done between from and to
 * (ISO days, inclusive). Project visits are not counted.
 * PERM_REINTEGRATION_READ or PERM_REPORTS. */
enum status reint_score_means(struct db *db, const char *from, const char *to, const char *country,
                              long long survey_id, struct reint_score_means *out);

/* ---- the visits and their survey (reint_survey_lists.c) ----------------- */

/* A done visit of a case or a project, with the version it was answered
 * with. */
struct reint_survey_visit {
	long long visit_id;
	char day[11];              /* done_date */
	char kind[16];             /* baseline, counselling, monitoring */
	long long person_id;       /* the case's returnee, 0 for a project */
	char name[808];            /* "FAMILY Given" of the returnee, or the project's name */
	char country[4];
	int version;               /* the survey version answered, 0 when not answered */
};

/* The done visits, newest first (done day, then entry), a page by key
 * (core/page.h; key NULL: from the first, or the last ones), at most
 * limit; *more (may be NULL): more remain. PERM_REINTEGRATION_READ. */
enum status reint_survey_visit_list(struct db *db, enum page_dir dir, const struct reint_survey_visit *key, int limit,
                                    void (*cb)(const struct reint_survey_visit *v, void *ctx), void *ctx, bool *more);

#endif
