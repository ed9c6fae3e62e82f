/* Case numbers: check character, display form, key form, validation.
 * See include/core/casenum.h for the contract. */
#include "core/casenum.h"

#include <stdio.h>
#include <string.h>

#define CODE_MIN 2
#define CODE_MAX 4
#define YEAR_DIGITS 2
#define KEY_MAX 19                  /* longest key, without its NUL */
#define SEQ_DIGITS_MAX (KEY_MAX - CODE_MAX - YEAR_DIGITS - 1)
#define SEQ_MAX 999999999999LL      /* SEQ_DIGITS_MAX nines */

/* ISO/IEC 7064 MOD 37-2, a pure system: modulus 37, radix 2. The
 * standard's 37th check value (36, written '*') is not used: see
 * check_value. */
#define MOD 37
#define RADIX 2
#define CHECK_SKIPPED 36

/* A key split into its parts; pointers into the key, lengths in chars. */
struct parts {
	const char *code;
	size_t code_len;
	const char *year;           /* always YEAR_DIGITS long */
	const char *seq;
	size_t seq_len;
	char check;
};

/* ASCII only: isdigit and isalpha may accept more in some locales. */
static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

static bool is_alnum_upper(char c)
{
	return is_digit(c) || is_upper(c);
}

/* strlen that stops looking after max + 1 characters (strnlen is POSIX). */
static size_t bounded_len(const char *s, size_t max)
{
	size_t n = 0;

	while (n <= max && s[n])
		n++;
	return n;
}

/* Value of 0-9A-Z in the check alphabet (0..35); -1 for anything else. */
static int char_value(char c)
{
	if (is_digit(c))
		return c - '0';
	if (is_upper(c))
		return c - 'A' + 10;
	return -1;
}

static char value_char(int v)
{
	return (char)(v < 10 ? '0' + v : 'A' + (v - 10));
}

/* The check value of the first len characters of s (skipping what is not
 * 0-9A-Z), by ISO/IEC 7064 MOD 37-2: p = 0, then for each character of
 * value v, p = ((p + v) * 2) mod 37; the check value c is the one that
 * makes (p + c) mod 37 == 1, that is (38 - p) mod 37, in 0..36.
 *
 * Unrolled, the body a1 .. an and its check value c satisfy
 *     a1 * 2^n + a2 * 2^(n-1) + ... + an * 2 + c * 1 == 1 (mod 37):
 * each character has the weight 2^k of its distance k from the end. As 37
 * is prime and does not divide 2, every weight is non-zero mod 37 and has
 * an inverse, and neighbours' weights (2w and w) differ by w, non-zero.
 * Values lie in 0..35, so the difference of two different values is
 * between -35 and 35 and never a multiple of 37. Then:
 *   - a substitution of a by b where the weight is w changes the sum by
 *     w * (b - a), never 0 mod 37;
 *   - a swap of neighbours a (weight 2w) and b (weight w), a != b, changes
 *     it by 2w*b + w*a - 2w*a - w*b = w * (b - a), never 0 mod 37;
 * the check character included (weight 1). Every such error is caught,
 * wherever it is, with no exception (MOD 37,36 missed some swaps).
 *
 * The price is the 37th check value: 36, which the standard writes '*'.
 * It is never used here, so that a case number stays letters and digits:
 * a body whose check value is 36 gets no check character at all (about
 * one sequence in 37 is skipped, see casenum_format), and as no character
 * of 0-9A-Z has the value 36, no key of such a body is ever valid. */
static int check_value(const char *s, size_t len)
{
	int p = 0;

	for (size_t i = 0; i < len && s[i]; i++) {
		int v = char_value(s[i]);
		if (v < 0)
			continue;
		p = ((p + v) * RADIX) % MOD;
	}
	return (MOD + 1 - p) % MOD;
}

char casenum_check_char(const char *body)
{
	int c = check_value(body ? body : "", (size_t)-1);

	return c == CHECK_SKIPPED ? '\0' : value_char(c);
}

/* A centre code: 2 to 4 of A-Z0-9, the first a letter (so that the key
 * always starts with a letter and the code can be found again). */
static bool code_ok(const char *code, size_t len)
{
	if (len < CODE_MIN || len > CODE_MAX || !is_upper(code[0]))
		return false;
	for (size_t i = 1; i < len; i++)
		if (!is_alnum_upper(code[i]))
			return false;
	return true;
}

/* Whether seq is a sequence as casenum_format writes it: at least 5
 * digits, zero-padded to exactly 5 and never beyond, and not zero. */
static bool seq_ok(const char *seq, size_t len)
{
	if (len < CASENUM_SEQ_DIGITS || len > SEQ_DIGITS_MAX)
		return false;
	if (len > CASENUM_SEQ_DIGITS && seq[0] == '0')
		return false;
	bool nonzero = false;
	for (size_t i = 0; i < len; i++) {
		if (!is_digit(seq[i]))
			return false;
		if (seq[i] != '0')
			nonzero = true;
	}
	return nonzero;
}

/* Splits a key into code, year, sequence and check character, without
 * checking the check character (parse does).
 *
 * The key has lost its dashes, and a code may end in digits (NY1), so where
 * the code stops is not written down: "NY12600001K" could be NY1-26-00001
 * or NY12-60-0001. Code lengths 4, 3, 2 are tried in that order and the
 * first one that leaves a well-formed rest wins: a code of 2 to 4 starting
 * with a letter, two digits of year, a sequence as casenum_format writes it
 * (5 digits zero-padded, or more digits without leading zero), then the
 * check character. The check character covers every character before it,
 * whichever way they are split, so it cannot settle the question.
 *
 * Longest first is exact for every sequence below 100000, whatever the
 * code. It is not for longer sequences under a code shorter than 4: the
 * key of AGZ-26-123456 is also the key of AGZ2-61-23456, and reads as the
 * latter. Only a change of format (fixed sequence width, or codes without
 * digits) would remove that; see the header. */
static bool parse_shape(const char *key, struct parts *pt)
{
	if (!key)
		return false;
	size_t n = bounded_len(key, KEY_MAX);
	if (n > KEY_MAX || n < CODE_MIN + YEAR_DIGITS + CASENUM_SEQ_DIGITS + 1)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!is_alnum_upper(key[i]))
			return false;

	size_t body = n - 1;
	for (size_t len = CODE_MAX; len >= CODE_MIN; len--) {
		if (len + YEAR_DIGITS > body)
			continue;
		if (!code_ok(key, len) || !is_digit(key[len]) || !is_digit(key[len + 1]))
			continue;
		const char *seq = key + len + YEAR_DIGITS;
		size_t seq_len = body - len - YEAR_DIGITS;
		if (!seq_ok(seq, seq_len))
			continue;
		pt->code = key;
		pt->code_len = len;
		pt->year = key + len;
		pt->seq = seq;
		pt->seq_len = seq_len;
		pt->check = key[n - 1];
		return true;
	}
	return false;
}

/* Splits a key as parse_shape does, and checks the check character. */
static bool parse(const char *key, struct parts *pt)
{
	if (!parse_shape(key, pt))
		return false;
	/* char_value is 0..35 here, so a body whose check value is 36 (a
	 * skipped sequence) never has a valid key. */
	size_t n = bounded_len(key, KEY_MAX);
	return char_value(key[n - 1]) == check_value(key, n - 1);
}

/* Empties out when there is room, so a failed call leaves no stale text. */
static void clear(char *out, size_t size)
{
	if (out && size > 0)
		out[0] = '\0';
}

bool casenum_format(const char *centre, int year, long sequence, char *out, size_t size)
{
	clear(out, size);
	if (!centre || !out)
		return false;
	size_t code_len = bounded_len(centre, CODE_MAX);
	if (!code_ok(centre, code_len))
		return false;
	if (sequence < 1 || (long long)sequence > SEQ_MAX)
		return false;

	/* The last two digits as written, so -1999 is "99" like 1999 (and
	 * year % 100 cannot overflow, unlike -year). */
	int yy = year % 100;
	if (yy < 0)
		yy = -yy;

	char key[KEY_MAX + 1];
	int len = snprintf(key, sizeof key, "%.*s%02d%0*ld", (int)code_len, centre, yy,
	                   CASENUM_SEQ_DIGITS, sequence);
	if (len < 0 || (size_t)len >= sizeof key)
		return false;
	/* Check value 36: this sequence number is skipped, the allocator
	 * takes the next one. */
	char check = casenum_check_char(key);
	if (check == '\0')
		return false;

	int shown = snprintf(out, size, "%.*s-%02d-%0*ld-%c", (int)code_len, centre, yy,
	                     CASENUM_SEQ_DIGITS, sequence, check);
	if (shown < 0 || (size_t)shown >= size) {
		clear(out, size);
		return false;
	}
	return true;
}

bool casenum_key(const char *typed, char *out, size_t size)
{
	clear(out, size);
	if (!typed || !out)
		return false;

	/* Built aside, so out is only written when the whole key is good. */
	char key[KEY_MAX + 1];
	size_t n = 0;
	for (const char *s = typed; *s; s++) {
		char c = *s;
		if (c == '-' || c == '.' || c == ' ')
			continue;
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if (!is_alnum_upper(c) || n == KEY_MAX)
			return false;
		key[n++] = c;
	}
	if (n == 0 || n + 1 > size)
		return false;
	memcpy(out, key, n);
	out[n] = '\0';
	return true;
}

bool casenum_valid(const char *key)
{
	struct parts pt;

	return parse(key, &pt);
}

/* Writes the display form of the parts of a key into out. */
static bool display_parts(const struct parts *pt, char *out, size_t size)
{
	int shown = snprintf(out, size, "%.*s-%.2s-%.*s-%c", (int)pt->code_len, pt->code, pt->year,
	                     (int)pt->seq_len, pt->seq, pt->check);
	if (shown < 0 || (size_t)shown >= size) {
		clear(out, size);
		return false;
	}
	return true;
}

bool casenum_shaped(const char *key, char *out, size_t size)
{
	struct parts pt;

	clear(out, size);
	if (!parse_shape(key, &pt))
		return false;
	return !out || display_parts(&pt, out, size);
}

/* Adds key to the n keys of out (at most max) unless it is valid, new and
 * not skip; returns the new count. */
static int add_valid(const char *key, const char *skip, char out[][CASENUM_KEY_SIZE], int n, int max)
{
	if (n >= max || strcmp(key, skip) == 0 || !casenum_valid(key))
		return n;
	for (int i = 0; i < n; i++)
		if (strcmp(out[i], key) == 0)
			return n;
	memcpy(out[n], key, CASENUM_KEY_SIZE);
	return n + 1;
}

int casenum_neighbours(const char *key, char out[][CASENUM_KEY_SIZE], int max)
{
	static const char alphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
	if (!key || !out || max <= 0)
		return 0;
	size_t n = bounded_len(key, KEY_MAX);
	if (n > KEY_MAX || n < 2)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!is_alnum_upper(key[i]))
			return 0;
	char c[KEY_MAX + 2];
	int count = 0;

	/* The check character mistyped: the same number, its right one. */
	memcpy(c, key, n - 1);
	c[n - 1] = '\0';
	char check = casenum_check_char(c);
	if (check) {
		c[n - 1] = check;
		c[n] = '\0';
		count = add_valid(c, key, out, count, max);
	}
	/* Two neighbours swapped. */
	for (size_t i = 0; i + 1 < n; i++) {
		memcpy(c, key, n + 1);
		c[i] = key[i + 1];
		c[i + 1] = key[i];
		count = add_valid(c, key, out, count, max);
	}
	/* One character changed. */
	for (size_t i = 0; i < n; i++) {
		memcpy(c, key, n + 1);
		for (const char *a = alphabet; *a; a++) {
			c[i] = *a;
			count = add_valid(c, key, out, count, max);
		}
	}
	/* One character left out: put back at each place. */
	for (size_t i = 0; n < KEY_MAX && i <= n; i++) {
		memcpy(c, key, i);
		memcpy(c + i + 1, key + i, n - i + 1);
		for (const char *a = alphabet; *a; a++) {
			c[i] = *a;
			count = add_valid(c, key, out, count, max);
		}
	}
	/* One character too many. */
	for (size_t i = 0; i < n; i++) {
		memcpy(c, key, i);
		memcpy(c + i, key + i + 1, n - i);
		count = add_valid(c, key, out, count, max);
	}
	return count;
}

bool casenum_display(const char *key, char *out, size_t size)
{
	struct parts pt;

	clear(out, size);
	if (!out || !parse(key, &pt))
		return false;
	return display_parts(&pt, out, size);
}

