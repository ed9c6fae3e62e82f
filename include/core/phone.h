#ifndef TAIMAKO_CORE_PHONE_H
#define TAIMAKO_CORE_PHONE_H
/* Phone numbers as they are stored and found. Clerks write one number in
 * many ways ("74 54 86 17", "+227 74 54 86 17", "0022774548617",
 * "227-74-54-86-17", "74.54.86.17"): the text typed is kept for display,
 * and a key, the number's digits with its country code in front and no
 * sign ("22774548617", E.164 without the +), is what is stored and
 * searched. A number written without a country code belongs to the
 * default country (Niger's 227 unless configured otherwise).
 *
 * The search index holds two words per number: its key, for numbers typed
 * from their start, and its digits reversed behind a "0", so that a prefix
 * search finds a number by its last digits ("8617" finds 22774548617
 * through "07168"). A key never starts with 0 (no country code does), so
 * the two kinds of word never meet. Pure functions. */
#include <stdbool.h>
#include <stddef.h>

#define PHONE_DEFAULT_COUNTRY "227"   /* Niger */
#define PHONE_CC_MAX 3                /* digits of a country calling code, at most */
#define PHONE_KEY_SIZE 40             /* room for any key (of a 31-character number) and its NUL */
#define PHONE_WORDS_SIZE (2 * PHONE_KEY_SIZE + 2)   /* phone_index_words */
#define PHONE_NATIONAL_MIN 8          /* digits after a leading country code for it to count */
#define PHONE_QUERY_MIN 4             /* digits a lookup needs to search phone numbers */

/* True when cc is a country calling code: 1 to 3 digits, the first not 0. */
bool phone_country_ok(const char *cc);

/* True when typed holds only digits, blanks and the signs written in
 * numbers (+ - . ( ) /), and at least one digit. */
bool phone_looks_like(const char *typed);

/* Writes the key of the number typed into out (size PHONE_KEY_SIZE is
 * always enough): its digits, with the country code in front. A number
 * written with "+" or "00" in front has its own code (any further leading
 * zeros are dropped); one without them that starts with cc and has at
 * least PHONE_NATIONAL_MIN digits after it is taken as written with its
 * code; any other is a national number of cc's country: one leading 0 (a
 * trunk prefix) is dropped and cc put in front. Signs and anything else
 * than digits are ignored. cc not phone_country_ok (or NULL) means
 * PHONE_DEFAULT_COUNTRY. out is "" when there is no digit to keep. */
void phone_normalise(const char *typed, const char *cc, char *out, size_t size);

/* Writes the words of the search index for the number typed into out:
 * its key and its reversed key behind a "0" ("22774548617 071684547722"),
 * or "" when it has no digit. cc as for phone_normalise. */
void phone_index_words(const char *typed, const char *cc, char *out, size_t size);

/* What a lookup typed as a phone number, or a part of one, asks for: the
 * numbers whose key starts with prefix[0] or prefix[1], or whose index
 * words hold one starting with tail. Unused ones are "". */
struct phone_query {
	char prefix[2][PHONE_KEY_SIZE];
	char tail[PHONE_KEY_SIZE + 1];
};

/* Reads typed as a lookup for a phone number into *q. Returns false (q
 * emptied) when typed is not phone_looks_like, or has fewer than
 * PHONE_QUERY_MIN digits after its "+" or "00", or more than a key holds.
 * Otherwise:
 *   - prefix[0] is phone_normalise(typed, cc): the numbers starting so,
 *     as the number is being typed from its start;
 *   - prefix[1], when typed has no "+" or "00" and starts with cc but is
 *     too short to be taken as international, is its digits as they are
 *     ("227 7454" is also the start of +227 74 54 ...);
 *   - tail finds numbers by their last digits: all of them for a national
 *     number (less a leading trunk 0: "8617" and "74 54 86 17" find
 *     +227 74 54 86 17); for an international one its last
 *     PHONE_NATIONAL_MIN digits when it has more (the same line recorded
 *     under another country code is still found); none for a short one
 *     with "+" ("+227 74" is the start of a number, not its end). */
bool phone_query(const char *typed, const char *cc, struct phone_query *q);

#endif
