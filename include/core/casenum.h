#ifndef TAIMAKO_CORE_CASENUM_H
#define TAIMAKO_CORE_CASENUM_H
/* Case numbers: centre code, two-digit year, sequence, check character,
 * shown as "AGZ-26-00123-U". The check character is ISO/IEC 7064 MOD 37-2
 * (pure system, modulus 37, radix 2) over 0-9A-Z = values 0..35: p = 0,
 * for each character p = ((p + v) * 2) mod 37, and the check value c makes
 * (p + c) mod 37 == 1. So every character carries a weight 2^k mod 37 (k
 * its distance from the end; the check character's is 1) and the weighted
 * sum of a valid number is 1 mod 37. As 37 is prime, the weights 2^k are
 * distinct (2^k mod 37 repeats only after 36 characters; a key has at most
 * 19) and non-zero mod 37, and so are the differences of two different
 * values (|b - a| <= 35): a single mistyped character (a to b at weight w: the
 * sum moves by w * (b - a)) and a swap of two different neighbours (a at
 * weight 2w, b at weight w: the sum moves by w * (b - a) too) are products
 * of non-zero numbers mod a prime, never 0, so the sum cannot stay at 1.
 * EVERY such error is caught, with no exception, the check character
 * included.
 * The standard's 37th check value, 36 ('*'), is not used: a sequence whose
 * check value would be 36 is skipped (about one in 37), and no key of it
 * is ever valid. Typed with or without dashes, in any case, with blanks
 * around: all the same number. Pure functions. */
#include <stdbool.h>
#include <stddef.h>

#define CASENUM_MAX 24            /* room for the longest display form (22) and its NUL */
#define CASENUM_SEQ_DIGITS 5      /* at least; more when the sequence needs them */
#define CASENUM_KEY_SIZE 20       /* room for the longest key (19) and its NUL */

/* The check character (0-9 or A-Z) of the characters of body (letters and
 * digits only, upper case; anything else is skipped), or '\0' when their
 * check value is 36, which is never used: such a body has no check
 * character, and casenum_format skips its sequence. */
char casenum_check_char(const char *body);

/* Writes the display form "CODE-YY-NNNNN-C" of centre code (2 to 4 of A-Z
 * 0-9, the first a letter), year (any; its last two digits are used) and
 * sequence (1 to 999999999999, so the key stays within 19 characters) into
 * out. Returns false, with out emptied, when an argument is invalid, when
 * out is too small, or when the sequence is skipped because its check
 * value would be 36 (see casenum_check_char): this sequence number is
 * skipped, the allocator takes the next one. About 1 sequence number in 37
 * is skipped; AGZ-26-00008 is the first for code AGZ in 2026. */
bool casenum_format(const char *centre, int year, long sequence, char *out, size_t size);

/* Normalises what a user typed into the key form used for storage and
 * search: upper case, dashes, dots and spaces removed ("agz 26-123k" ->
 * "AGZ26123K"). Returns false, with out emptied, when anything else than
 * ASCII letters, digits, dashes, dots and spaces is in it (tabs too), when
 * no letter or digit is, when more than 19 are, or when out is too small.
 * Does not check the number: see casenum_valid. */
bool casenum_key(const char *typed, char *out, size_t size);

/* True when key (as from casenum_key) is a complete, well-formed case
 * number whose check character is right: a code of 2 to 4 characters
 * starting with a letter, two digits of year, a sequence as casenum_format
 * writes it (5 digits zero-padded, or more without a leading zero; not 0),
 * the check character. Where the code stops is not in the key, as a code
 * may end in digits: code lengths 4, 3, 2 are tried in turn, and the
 * first that leaves a well-formed year and sequence is taken. */
bool casenum_valid(const char *key);

/* True when key (as from casenum_key) has the shape of a case number, as
 * casenum_valid reads it, whatever its last character: whether or not
 * that is the right check character. Then writes its display form into
 * out as casenum_display does (out may be NULL; false, out emptied, when
 * too small). */
bool casenum_shaped(const char *key, char *out, size_t size);

/* The valid keys one typing error away from key (casenum_key's form,
 * valid or not), most likely first: the same number with the right check
 * character, then each swap of two neighbours, each character changed,
 * each character left out and put back, each one too many taken out;
 * without repeats and without key itself. At most max into out; returns
 * how many (0 when key is not letters and digits of a key's length). */
int casenum_neighbours(const char *key, char out[][CASENUM_KEY_SIZE], int max);

/* The display form of a valid key ("AGZ2600123U" -> "AGZ-26-00123-U"),
 * read with the longest code as casenum_valid does. That is always right
 * for sequences below 100000; above, a code shorter than 4 shares its keys
 * with a longer one (AGZ-26-123456 and AGZ2-61-23456 have the same key),
 * and the key reads as the longer. Returns false, with out emptied, when
 * key is not valid or out is too small. */
bool casenum_display(const char *key, char *out, size_t size);

#endif
