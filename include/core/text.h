#ifndef TAIMAKO_CORE_TEXT_H
#define TAIMAKO_CORE_TEXT_H
/* Text handling for display: sanitising, display width, fitting, folding.
 * All strings are UTF-8. Pure functions, no I/O. */
#include <stdbool.h>
#include <stddef.h>

/* True when s is well-formed UTF-8 (no overlongs, no surrogates). */
bool text_valid_utf8(const char *s);

/* Copies in to out (outsz bytes, always NUL-terminated when outsz > 0),
 * making it safe to draw on a terminal: every C0 control, DEL, C1 control
 * (U+0080-U+009F), bidirectional override or isolate (U+202A-U+202E,
 * U+2066-U+2069, U+200E, U+200F, U+061C), line and paragraph separator
 * (U+2028, U+2029) and every byte of invalid UTF-8 becomes '?'; TAB, LF and
 * CR become one space. Never cuts a multi-byte character in half.
 * Returns the number of bytes written, not counting the NUL. */
size_t text_sanitize(const char *in, char *out, size_t outsz);

/* Display width in terminal columns of the sanitised form of s: combining
 * marks count 0, East Asian wide characters 2, replaced bytes 1. */
int text_width(const char *s);

/* Copies the longest prefix of the sanitised form of in that fits in cols
 * columns into out (outsz bytes, NUL-terminated). Never splits a character
 * and keeps combining marks with their base: a character and the zero-width
 * characters after it are taken or dropped together, for both the column
 * and the byte limit. Returns the columns used (0 when cols <= 0). */
int text_fit(const char *in, int cols, char *out, size_t outsz);

/* Folds s for matching: Unicode compatibility decomposition, marks removed,
 * case folded ("Aïssa" -> "aissa", "ÉLÉ" -> "ele"). Returns a new string the
 * caller frees, or NULL when out of memory. Invalid UTF-8 bytes are dropped. */
char *text_fold(const char *s);

/* True when the folded form of needle is a prefix of the folded form of
 * haystack, or of any word of it (words split on spaces, '-', '\'', '(' and
 * U+2019, the typographic apostrophe). An empty needle matches everything.
 * False when out of memory. */
bool text_fold_match(const char *haystack, const char *needle);

#endif
