#ifndef TAIMAKO_UI_CHOICE_MATCH_H
#define TAIMAKO_UI_CHOICE_MATCH_H
/* How well what was typed in a choice field matches one choice: the name
 * shown, the name in the other language, the stored code. Pure. */

#define CHOICE_NO_MATCH 100

/* The rank of a choice for typed (accents and case ignored), lower is
 * better, CHOICE_NO_MATCH when it does not match: first the name shown,
 * whole (0), at its start (1), at the start of one of its words (2); then
 * the code whole (3); then the name in the other language the same way (4,
 * 5, 6); last the start of the code (7). other and code may be NULL. */
int choice_rank(const char *shown, const char *other, const char *code, const char *typed);

#endif
