#ifndef TAIMAKO_CORE_NAMES_H
#define TAIMAKO_CORE_NAMES_H
/* Personal names as written at the centres: folding, splitting into words,
 * a sound key that equals for the spelling variants common in West and
 * Central Africa (Mohamed / Mouhamed / Mohammed / Muhammad, Aïssatou /
 * Aissatou / Aishatu, Ousmane / Usman, ...), and the duplicate score.
 * Pure functions. */
#include <stdbool.h>
#include <stddef.h>

#define NAMES_MAX_WORDS 8
#define NAMES_KEY_MAX 24

/* Splits a full name into folded words: lower case, accents removed, only
 * a-z kept. Blanks, '-', '.', ',' and ';' separate words; an apostrophe
 * (' or U+2019) joins ("Aïssatou N'Diaye-Bâ" -> "aissatou", "ndiaye",
 * "ba"). Other punctuation and digits separate too; letters that do not
 * fold to a-z are dropped without splitting. Writes at most NAMES_MAX_WORDS
 * words of at most 31 letters (longer ones are cut) into words; returns how
 * many (0 for NULL or out of memory). */
int names_words(const char *name, char words[NAMES_MAX_WORDS][32]);

/* The sound key of one folded word (from names_words) into out (at most
 * NAMES_KEY_MAX bytes with the NUL, cut to size): spelling variants of the
 * same name get the same key. Never empty for a non-empty word. The rules
 * and the names deliberately kept apart are listed in src/core/names.c. */
void names_key(const char *word, char *out, size_t size);

/* What is known of a person for the duplicate check. */
struct names_person {
	const char *family_name;
	const char *given_names;
	const char *other_names;  /* aliases, ';'-separated, may be "" */
	char sex;                 /* 'f', 'm', or 'x' unknown */
	int age_min, age_max;     /* -1 when unknown */
};

/* How likely a and b are the same person, 0 (no) to 100 (surely): names
 * compared word by word by sound key and by edit distance of the folded
 * words, in any order, aliases counting too; a different sex (both known)
 * gives 0; age ranges that cannot overlap (with 3 years of slack for
 * estimates) give 0. A score of 50 or more is worth showing the clerk; a
 * single matching word (a shared family name alone) always stays below.
 * Symmetric in a and b; the formula is in src/core/names.c. */
int names_duplicate_score(const struct names_person *a, const struct names_person *b);

#endif
