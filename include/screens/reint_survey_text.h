#ifndef TAIMAKO_SCREENS_REINT_SURVEY_TEXT_H
#define TAIMAKO_SCREENS_REINT_SURVEY_TEXT_H
/* The sustainability survey as text for a page (ui/textpage.h): a visit's
 * scores with, on request, each question's answer, score and weight; a
 * version's questions with their weights and answer scores. */
#include <stdbool.h>
#include <stddef.h>

struct reint_scores;
struct reint_survey;
struct textpage;

/* A score as shown: "0.75", or "unknown" translated. */
void reint_score_text(const struct reint_scores *s, int d, char *out, size_t size);

/* A weight or score as shown: "1", "0.5", "0.25". */
void reint_number_text(double v, char *out, size_t size);

/* Adds heading, then the economic, social, psychosocial and composite
 * scores of s with the dimensions' weights; with explain, each question by
 * dimension: its text, the answer, its score and weight, wrapped in cols. */
void reint_scores_text(struct textpage *p, const char *heading, const struct reint_scores *s, bool explain, int cols);

/* Adds version s: when it is in force, the dimensions' weights, and each
 * question by dimension with its weight and its answers' scores. */
void reint_version_text(struct textpage *p, const struct reint_survey *s, int cols);

#endif
