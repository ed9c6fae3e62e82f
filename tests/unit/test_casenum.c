/* Unit tests for src/core/casenum.c: the ISO/IEC 7064 MOD 37-2 check
 * character (and the sequences skipped for check value 36), display and
 * key forms, validation, and the errors the check character catches (every
 * substitution, every swap of two neighbours), tried exhaustively over a
 * sample of case numbers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/casenum.h"

#define KEY_LEN_MAX 19
#define SAMPLES 2600u

static const char alphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/* Macros rather than functions so a failure points at the test's line. */
#define assert_key(typed, want)                                            \
	do {                                                               \
		char k_[32];                                               \
		assert_true(casenum_key((typed), k_, sizeof k_));          \
		assert_string_equal(k_, (want));                           \
	} while (0)

#define assert_no_key(typed)                                               \
	do {                                                               \
		char k_[32] = "stale";                                     \
		assert_false(casenum_key((typed), k_, sizeof k_));         \
		assert_string_equal(k_, "");                               \
	} while (0)

#define assert_formats(code, year, seq, want)                              \
	do {                                                               \
		char f_[CASENUM_MAX];                                      \
		assert_true(casenum_format((code), (year), (seq), f_, sizeof f_)); \
		assert_string_equal(f_, (want));                           \
	} while (0)

#define assert_no_format(code, year, seq)                                  \
	do {                                                               \
		char f_[CASENUM_MAX] = "stale";                            \
		assert_false(casenum_format((code), (year), (seq), f_, sizeof f_)); \
		assert_string_equal(f_, "");                               \
	} while (0)

/* The reference check value of ISO/IEC 7064 MOD 37-2 over body (0-9A-Z
 * only), written again from the standard rather than shared with the code
 * under test: the weighted sum of body and check value c, each character
 * weighted 2^k for its distance k from the end (c's weight is 1), is 1 mod
 * 37. By Horner: p = 0; p = ((p + v) * 2) mod 37; c = (38 - p) mod 37.
 * 0..36; 36 (the standard's '*') is never written: the sequence is skipped. */
#define REF_SKIPPED 36

static int ref_check_value(const char *body)
{
	int p = 0;

	for (const char *c = body; *c; c++) {
		int v = (int)(strchr(alphabet, *c) - alphabet);
		p = ((p + v) * 2) % 37;
	}
	return (38 - p) % 37;
}

/* body followed by its check character (reference computation). Only for
 * bodies that have one: a test that uses a skipped body is wrong. */
static void ref_complete(const char *body, char *out, size_t size)
{
	int c = ref_check_value(body);

	assert_int_not_equal(c, REF_SKIPPED);
	snprintf(out, size, "%s%c", body, alphabet[c]);
}

/* Hand-worked vectors. Values: 0-9 = 0..9, A = 10 ... Z = 35. Start with
 * p = 0; per character of value v, p = ((p + v) * 2) mod 37; at the end
 * the check value is (38 - p) mod 37, so that (p + c) mod 37 == 1.
 *
 *   "DRK26"   D(13): (0 + 13) * 2 = 26,  mod 37 = 26
 *             R(27): (26 + 27) * 2 = 106, mod 37 = 32
 *             K(20): (32 + 20) * 2 = 104, mod 37 = 30
 *             2(2):  (30 + 2) * 2 = 64,  mod 37 = 27
 *             6(6):  (27 + 6) * 2 = 66,  mod 37 = 29
 *             check = (38 - 29) mod 37 = 9 = '9'
 *
 *   "ZZ"      Z(35): (0 + 35) * 2 = 70,  mod 37 = 33
 *             Z(35): (33 + 35) * 2 = 136, mod 37 = 25
 *             check = (38 - 25) mod 37 = 13 = 'D'
 *
 *   "AGZ2600123"  p after each character: A 20, G 35 ((20 + 16) * 2 = 72),
 *             Z 29 (140), 2 25 (62), 6 25 (62), 0 13 (50), 0 26, 1 17 (54),
 *             2 1 (38), 3 8; check = (38 - 8) mod 37 = 30 = 'U'
 *
 *   "G123489654321" is the MOD 37-2 example of python-stdnum (module
 *             stdnum.iso7064.mod_37_2: calc_check_digit gives 'Y'); p after
 *             each character: G 32, 1 29, 2 25, 3 19, 4 9, 8 34, 9 12,
 *             6 36, 5 8, 4 24, 3 17, 2 1, 1 4; check = 34 = 'Y'
 *
 *   ""        p stays 0: check = 38 mod 37 = 1 = '1'
 *   "1"       (0 + 1) * 2 = 2: check = 36, never used: '\0'
 *   "AGZ2600008"  p: A 20, G 35, Z 29, 2 25, 6 25, 0 13, 0 26, 0 15 (52),
 *             0 30 (30), 8 2 ((30 + 8) * 2 = 76); check = 36: '\0' */
static void test_check_char_known_vectors(void **state)
{
	(void)state;
	assert_int_equal(casenum_check_char("DRK26"), '9');
	assert_int_equal(casenum_check_char("ZZ"), 'D');
	assert_int_equal(casenum_check_char("AGZ2600123"), 'U');
	assert_int_equal(casenum_check_char("G123489654321"), 'Y');
	assert_int_equal(casenum_check_char(""), '1');
	assert_int_equal(casenum_check_char(NULL), '1');
	assert_int_equal(casenum_check_char("1"), '\0');
	assert_int_equal(casenum_check_char("AGZ2600008"), '\0');
	/* The reference agrees on all of them. */
	assert_int_equal(ref_check_value("DRK26"), 9);
	assert_int_equal(ref_check_value("ZZ"), 13);
	assert_int_equal(ref_check_value("AGZ2600123"), 30);
	assert_int_equal(ref_check_value("G123489654321"), 34);
	assert_int_equal(ref_check_value("1"), REF_SKIPPED);
	assert_int_equal(ref_check_value("AGZ2600008"), REF_SKIPPED);
}

/* Dashes, blanks and anything else than 0-9A-Z do not count. */
static void test_check_char_skips_other_characters(void **state)
{
	(void)state;
	assert_int_equal(casenum_check_char("AGZ-26-00123"), 'U');
	assert_int_equal(casenum_check_char(" A G Z 2 6 0 0 1 2 3 "), 'U');
	assert_int_equal(casenum_check_char("G-1234-8965-4321"), 'Y');
	assert_int_equal(casenum_check_char("AGZ-26-00008"), '\0');
}

static void test_format_known_numbers(void **state)
{
	(void)state;
	assert_formats("AGZ", 2026, 123, "AGZ-26-00123-U");
	assert_formats("DRK", 2026, 1, "DRK-26-00001-X");
	/* Year: only its last two digits, zero-padded. */
	assert_formats("AGZ", 26, 123, "AGZ-26-00123-U");
	assert_formats("AGZ", 1926, 123, "AGZ-26-00123-U");
	assert_formats("NY1", 2100, 7, "NY1-00-00007-Q");
	assert_formats("NY1", 2005, 7, "NY1-05-00007-2");
	assert_formats("NY1", -2005, 7, "NY1-05-00007-2");
	/* Longest: 4-character code, 12-digit sequence, 22 characters. */
	char big[CASENUM_MAX], key[32];
	assert_true(casenum_format("A1B2", 2026, 999999999999L, big, sizeof big));
	assert_string_equal(big, "A1B2-26-999999999999-P");
	assert_true(strlen(big) < CASENUM_MAX);
	assert_true(casenum_key(big, key, sizeof key));
	assert_int_equal(strlen(key), KEY_LEN_MAX);
	assert_true(casenum_valid(key));
}

static void test_format_rejects_bad_arguments(void **state)
{
	(void)state;
	assert_no_format("A", 2026, 1);
	assert_no_format("ABCDE", 2026, 1);
	assert_no_format("", 2026, 1);
	assert_no_format("agz", 2026, 1);       /* upper case only */
	assert_no_format("1AB", 2026, 1);       /* must start with a letter */
	assert_no_format("A-B", 2026, 1);
	assert_no_format("AG Z", 2026, 1);
	assert_no_format("AGZ", 2026, 0);
	assert_no_format("AGZ", 2026, -1);
#if LONG_MAX > 999999999999
	assert_no_format("AGZ", 2026, 1000000000000L); /* key would pass 19 */
#endif
	char out[CASENUM_MAX];
	assert_false(casenum_format(NULL, 2026, 1, out, sizeof out));
	assert_false(casenum_format("AGZ", 2026, 1, NULL, 0));
	/* "AGZ-26-00123-U" is 14 characters and needs 15 bytes. */
	strcpy(out, "stale");
	assert_false(casenum_format("AGZ", 2026, 123, out, 14));
	assert_string_equal(out, "");
	assert_true(casenum_format("AGZ", 2026, 123, out, 15));
	assert_string_equal(out, "AGZ-26-00123-U");
}

/* About one sequence in 37 has check value 36, which is never written:
 * casenum_format refuses it ("this sequence number is skipped: the
 * allocator takes the next one") and no key of it is valid.
 *
 * For AGZ in 2026 the body "AGZ26" then the sequence: after "AGZ260000"
 * p = 30 (see the vectors above), and the last digit d gives
 * p = (30 + d) * 2 mod 37 and check = (38 - p) mod 37:
 *   d = 1: p = 62 mod 37 = 25, check 13 'D'    d = 5: p = 33, check 5
 *   d = 2: p = 27, check 11 'B'                 d = 6: p = 35, check 3
 *   d = 3: p = 29, check 9                      d = 7: p = 74 mod 37 = 0,
 *   d = 4: p = 31, check 7                             check 38 mod 37 = 1
 *   d = 8: p = 76 mod 37 = 2, check 36: skipped
 *   d = 9: p = 78 mod 37 = 4, check 34 = 'Y'
 * So AGZ-26-00008 is the first skipped, and AGZ-26-00009-Y comes next. */
static void test_format_skips_check_value_36(void **state)
{
	char out[CASENUM_MAX], body[32], key[32];
	long first = 0;
	(void)state;

	for (long seq = 1; seq <= 99999 && !first; seq++) {
		snprintf(body, sizeof body, "AGZ26%05ld", seq);
		if (ref_check_value(body) == REF_SKIPPED)
			first = seq;
	}
	assert_int_equal(first, 8);
	assert_formats("AGZ", 2026, 7, "AGZ-26-00007-1");
	assert_no_format("AGZ", 2026, 8);
	assert_int_equal(casenum_check_char("AGZ2600008"), '\0');
	assert_formats("AGZ", 2026, 9, "AGZ-26-00009-Y");

	/* No check character makes a key of a skipped sequence valid. */
	for (const char *c = alphabet; *c; c++) {
		snprintf(key, sizeof key, "AGZ2600008%c", *c);
		assert_false(casenum_valid(key));
	}

	/* Over every 5-digit sequence, casenum_format refuses exactly those
	 * the reference skips, and about 1 in 37 of them. */
	unsigned long skipped = 0;
	for (long seq = 1; seq <= 99999; seq++) {
		snprintf(body, sizeof body, "AGZ26%05ld", seq);
		bool skip = ref_check_value(body) == REF_SKIPPED;
		strcpy(out, "stale");
		bool made = casenum_format("AGZ", 2026, seq, out, sizeof out);
		if (made == skip)
			fail_msg("sequence %ld: formatted %d, skipped by the reference %d", seq,
			         made, skip);
		if (skip) {
			assert_string_equal(out, "");
			skipped++;
		}
	}
	printf("[ casenum  ] AGZ-26: %lu of 99999 sequences skipped (check value 36), "
	       "first 00008\n", skipped);
	assert_true(skipped > 99999 / 37 - 100 && skipped < 99999 / 37 + 100);
}

/* One line of the round trip: format, key (also from a sloppy typing of
 * it), valid, display. The display form comes back unchanged whenever the
 * key can only be read one way; see the next test for when it cannot.
 * A sequence whose check value is 36 is skipped: refused, and the round
 * trip is made with the next one, as the allocator would. */
static void round_trip(const char *code, int year, long seq)
{
	char shown[CASENUM_MAX], key[32], again[32], back[CASENUM_MAX];
	char body[32], want_key[32], want_shown[CASENUM_MAX];

	snprintf(body, sizeof body, "%s%02d%05ld", code, year % 100, seq);
	if (ref_check_value(body) == REF_SKIPPED) {
		/* A skipped sequence: refused, and the next one is taken. */
		assert_no_format(code, year, seq);
		round_trip(code, year, seq + 1);
		return;
	}
	ref_complete(body, want_key, sizeof want_key);
	snprintf(want_shown, sizeof want_shown, "%s-%02d-%05ld-%c", code, year % 100, seq,
	         want_key[strlen(want_key) - 1]);

	assert_true(casenum_format(code, year, seq, shown, sizeof shown));
	assert_string_equal(shown, want_shown);
	assert_true(casenum_key(shown, key, sizeof key));
	assert_string_equal(key, want_key);
	assert_true(casenum_valid(key));

	/* Lower case, dots for dashes, blanks around: the same key. */
	char sloppy[40];
	snprintf(sloppy, sizeof sloppy, "  %s  ", shown);
	for (char *c = sloppy; *c; c++) {
		if (*c >= 'A' && *c <= 'Z')
			*c = (char)(*c - 'A' + 'a');
		else if (*c == '-')
			*c = '.';
	}
	assert_true(casenum_key(sloppy, again, sizeof again));
	assert_string_equal(again, key);

	assert_true(casenum_display(key, back, sizeof back));
	if (seq < 100000 || strlen(code) == 4) {
		assert_string_equal(back, shown);
		return;
	}
	/* A short code with a sequence of 6 digits or more: the key is also
	 * that of the code with the year's first digit added, read first. */
	const char *yy = want_shown + strlen(code) + 1;
	char other_code[8], other_shown[CASENUM_MAX], other_key[32];
	snprintf(other_code, sizeof other_code, "%s%c", code, yy[0]);
	long other_seq = strtol(body + strlen(code) + 3, NULL, 10);
	int other_year = (yy[1] - '0') * 10 + (body[strlen(code) + 2] - '0');
	assert_true(casenum_format(other_code, other_year, other_seq, other_shown,
	                           sizeof other_shown));
	assert_string_equal(back, other_shown);
	assert_true(casenum_key(other_shown, other_key, sizeof other_key));
	assert_string_equal(other_key, key);
}

/* Four of these are skipped and go to the next sequence: DRK-00-123456,
 * NY3-00-123456, AB-26-123456 and Z9Z9-00-99999 (to Z9Z9-00-100000). */
static void test_round_trips(void **state)
{
	static const char *const codes[] = { "NY1", "AGZ", "ZIN", "DRK", "NY3", "AB", "NY12", "Z9Z9" };
	static const int years[] = { 2026, 1999, 2100 };
	static const long seqs[] = { 1, 99999, 123456 };
	(void)state;

	assert_no_format("DRK", 2100, 123456);
	assert_no_format("Z9Z9", 2100, 99999);

	for (size_t c = 0; c < sizeof codes / sizeof *codes; c++)
		for (size_t y = 0; y < sizeof years / sizeof *years; y++)
			for (size_t s = 0; s < sizeof seqs / sizeof *seqs; s++)
				round_trip(codes[c], years[y], seqs[s]);
}

/* The key cannot tell where a code ending in a digit stops. Longest code
 * first keeps NY1 and every sequence under 100000 right, and makes the key
 * of AGZ-26-123456 read as AGZ2-61-23456, the same key. */
static void test_ambiguous_keys_read_with_longest_code(void **state)
{
	char a[CASENUM_MAX], b[CASENUM_MAX], ka[32], kb[32], shown[CASENUM_MAX];
	(void)state;

	/* NY1-26-00001 could only be NY12-60-0001 with a 4-digit sequence. */
	assert_true(casenum_format("NY1", 2026, 1, a, sizeof a));
	assert_true(casenum_key(a, ka, sizeof ka));
	assert_true(casenum_display(ka, shown, sizeof shown));
	assert_string_equal(shown, a);

	assert_true(casenum_format("AGZ", 2026, 123456, a, sizeof a));
	assert_true(casenum_format("AGZ2", 2061, 23456, b, sizeof b));
	assert_true(casenum_key(a, ka, sizeof ka));
	assert_true(casenum_key(b, kb, sizeof kb));
	assert_string_equal(ka, kb);
	assert_true(casenum_display(ka, shown, sizeof shown));
	assert_string_equal(shown, b);

	/* A zero sequence is never written, so AGZ-20-100000 is not mistaken
	 * for AGZ2-01-00000. */
	assert_true(casenum_format("AGZ", 2020, 100000, a, sizeof a));
	assert_true(casenum_key(a, ka, sizeof ka));
	assert_true(casenum_display(ka, shown, sizeof shown));
	assert_string_equal(shown, a);
}

static void test_key_normalises(void **state)
{
	(void)state;
	assert_key("agz 26-00123-u", "AGZ2600123U");
	assert_key("AGZ.26.00123.U", "AGZ2600123U");
	assert_key("  AGZ-26-00123-U  ", "AGZ2600123U");
	assert_key("AGZ2600123U", "AGZ2600123U");
	assert_key("a-g.z 2-6", "AGZ26");
	assert_key("agz 26-123k", "AGZ26123K");  /* the header's example */
	/* 19 characters are kept however many separators come with them. */
	assert_key("A1B2-26-999999999999-X", "A1B226999999999999X");
	assert_key(" - . 1234567890123456789 . - ", "1234567890123456789");
}

static void test_key_rejects(void **state)
{
	(void)state;
	assert_no_key("AGZ/26/00123/U");
	assert_no_key("AGZ_26_00123_U");
	assert_no_key("AGZ\t26");              /* only spaces count as blanks */
	assert_no_key("AGZ\n");
	assert_no_key("AG\xc3\x89Z");            /* 'É' in UTF-8 */
	assert_no_key("AGZ#");
	assert_no_key("");
	assert_no_key("   ");
	assert_no_key("-.-");
	assert_no_key("12345678901234567890"); /* 20 */
	assert_no_key("A1B2-26-9999999999999-X");

	char out[8] = "stale";
	assert_false(casenum_key(NULL, out, sizeof out));
	assert_string_equal(out, "");
	assert_false(casenum_key("AGZ", NULL, 0));
	/* "AGZ26" needs 6 bytes. */
	strcpy(out, "stale");
	assert_false(casenum_key("agz-26", out, 5));
	assert_string_equal(out, "");
	assert_true(casenum_key("agz-26", out, 6));
	assert_string_equal(out, "AGZ26");
}

/* A key whose check character is right but whose sequence is short. */
static void test_valid_rejects_short_sequence(void **state)
{
	char key[32];
	(void)state;

	ref_complete("AGZ2600123", key, sizeof key);
	assert_true(casenum_valid(key));
	ref_complete("AGZ260123", key, sizeof key);
	assert_false(casenum_valid(key));
	ref_complete("AGZ26123", key, sizeof key);
	assert_false(casenum_valid(key));
	ref_complete("AB269999", key, sizeof key);
	assert_false(casenum_valid(key));
	assert_false(casenum_valid("DRK269"));      /* check right, no sequence */
	/* NY1-26-0123 has a short sequence, but its key NY1260123U reads as
	 * well as NY-12-60123-U: a case number of a centre NY, so valid. */
	assert_true(casenum_valid("NY1260123U"));
	char shown[CASENUM_MAX];
	assert_true(casenum_display("NY1260123U", shown, sizeof shown));
	assert_string_equal(shown, "NY-12-60123-U");
}

static void test_valid_rejects_malformed(void **state)
{
	char key[40];
	(void)state;

	assert_true(casenum_valid("AGZ2600123U"));
	assert_false(casenum_valid("AGZ2600123X"));      /* wrong check */
	assert_false(casenum_valid("agz2600123u"));      /* key form only */
	assert_false(casenum_valid("AGZ-26-00123-U"));
	assert_false(casenum_valid(""));
	assert_false(casenum_valid(NULL));
	ref_complete("1AB2600124", key, sizeof key);     /* starts with a digit */
	assert_false(casenum_valid(key));
	ref_complete("ABCDE2600123", key, sizeof key);   /* code of 5 */
	assert_false(casenum_valid(key));
	ref_complete("A2600123", key, sizeof key);       /* code of 1 */
	assert_false(casenum_valid(key));
	ref_complete("AGZ2A00123", key, sizeof key);     /* letter in the year */
	assert_false(casenum_valid(key));
	ref_complete("AGZ26001B3", key, sizeof key);     /* letter in the sequence */
	assert_false(casenum_valid(key));
	/* Padded past 5. (Not AGZ26000123: that reads as AGZ2-60-00123.) */
	ref_complete("ABCD26000123", key, sizeof key);
	assert_false(casenum_valid(key));
	ref_complete("AGZ2600000", key, sizeof key);     /* sequence 0 */
	assert_false(casenum_valid(key));
	ref_complete("A1B2269999999999999", key, sizeof key); /* 20 */
	assert_false(casenum_valid(key));
	ref_complete("A1B226999999999999", key, sizeof key);  /* 19 */
	assert_true(casenum_valid(key));
}

static void test_display(void **state)
{
	char out[CASENUM_MAX];
	(void)state;

	assert_true(casenum_display("AGZ2600123U", out, sizeof out));
	assert_string_equal(out, "AGZ-26-00123-U");
	strcpy(out, "stale");
	assert_false(casenum_display("AGZ2600123X", out, sizeof out));
	assert_string_equal(out, "");
	assert_false(casenum_display("AGZ-26-00123-U", out, sizeof out));
	assert_false(casenum_display(NULL, out, sizeof out));
	assert_false(casenum_display("AGZ2600123U", NULL, 0));
	strcpy(out, "stale");
	assert_false(casenum_display("AGZ2600123U", out, 14));
	assert_string_equal(out, "");
	assert_true(casenum_display("AGZ2600123U", out, 15));
	assert_string_equal(out, "AGZ-26-00123-U");
}

/* The sample: SAMPLES valid keys over codes of 2 to 4 characters (with
 * and without digits), years 1990..2100 and sequences of 5 to 12 digits,
 * from a fixed pseudo-random series so any failure can be replayed. A
 * skipped sequence (check value 36) gives way to the next, as in use. */
static void sample_key(unsigned i, char *key, size_t size)
{
	static const char *const codes[] = {
		"NY1", "NY2", "NY3", "AGZ", "ARL", "DRK", "ZIN",
		"AB", "Z9", "QX7", "A1B2", "TEST", "K7", "B00", "Y9Z",
	};
	long seq;

	/* A hash of i, so each test gets the same sample whatever runs first. */
	uint32_t r = i * 2654435761u + 12345u;
	r ^= r >> 13;
	r *= 0x5bd1e995u;
	r ^= r >> 15;
	r >>= 8;
	if (i < 3)
		seq = i == 0 ? 1 : i == 1 ? 99999 : 100000;
	else if (i % 10 == 0)
		seq = 100000 + (long)(r % 900000);
	else if (i % 37 == 1)
		seq = 1000000 + (long)r * 100; /* 7 to 10 digits, fits 32 bits */
	else
		seq = 1 + (long)(r % 99999);
	const char *code = codes[i % (sizeof codes / sizeof *codes)];
	int year = 1990 + (int)((i * 7) % 111);
	char shown[CASENUM_MAX], body[32];
	while (!casenum_format(code, year, seq, shown, sizeof shown)) {
		snprintf(body, sizeof body, "%s%02d%05ld", code, year % 100, seq);
		assert_int_equal(ref_check_value(body), REF_SKIPPED);
		seq++;
	}
	assert_true(casenum_key(shown, key, size));
	assert_true(casenum_valid(key));
}

/* Every single-character substitution (each position, each of the other
 * 35 characters) of every key of the sample is refused. */
static void test_every_substitution_is_refused(void **state)
{
	unsigned long checked = 0, refused = 0;
	(void)state;

	for (unsigned i = 0; i < SAMPLES; i++) {
		char key[32];
		sample_key(i, key, sizeof key);
		for (size_t pos = 0; key[pos]; pos++) {
			char was = key[pos];
			for (const char *c = alphabet; *c; c++) {
				if (*c == was)
					continue;
				key[pos] = *c;
				checked++;
				if (!casenum_valid(key))
					refused++;
				else
					fail_msg("substitution accepted: %s", key);
			}
			key[pos] = was;
		}
	}
	printf("[ casenum  ] %u case numbers, %lu substitutions checked, %lu refused\n",
	       SAMPLES, checked, refused);
	assert_true(checked >= (unsigned long)SAMPLES * 10 * 35);
	assert_int_equal(refused, checked);
}

/* Every swap of two different neighbours of every key of the sample is
 * refused, the check character included: no blind spot. With MOD 37-2 a
 * swap of a (weight 2w) and b (weight w) moves the weighted sum by
 * w * (b - a), and neither w (a power of 2) nor b - a (between -35 and 35,
 * not 0) is a multiple of the prime 37, so neither is their product.
 * (MOD 37,36, used before, let one such swap in 36 through, for instance
 * 4 and 5, or 9 and A, at the place where the running sum was 18 or 19.) */
static void test_every_adjacent_swap_is_refused(void **state)
{
	unsigned long checked = 0, refused = 0, with_check = 0;
	char key[32];
	(void)state;

	/* By hand: AGZ-26-00041-Y, and its last two digits swapped. */
	assert_true(casenum_valid("AGZ2600041Y"));
	assert_false(casenum_valid("AGZ2600014Y"));
	/* The last digit swapped with the check character: AGZ-26-00123-U. */
	assert_true(casenum_valid("AGZ2600123U"));
	assert_false(casenum_valid("AGZ260012U3"));

	for (unsigned i = 0; i < SAMPLES; i++) {
		sample_key(i, key, sizeof key);
		for (size_t pos = 0; key[pos + 1]; pos++) {
			char a = key[pos], b = key[pos + 1];
			if (a == b)
				continue;
			key[pos] = b;
			key[pos + 1] = a;
			checked++;
			if (!key[pos + 2])
				with_check++;
			if (!casenum_valid(key))
				refused++;
			else
				fail_msg("swap at %zu of %c%c accepted: %s", pos, a, b, key);
			key[pos] = a;
			key[pos + 1] = b;
		}
	}
	printf("[ casenum  ] %u case numbers, %lu adjacent swaps checked (%lu with the "
	       "check character), %lu refused\n",
	       SAMPLES, checked, with_check, refused);
	assert_true(checked >= (unsigned long)SAMPLES * 5);
	assert_int_equal(refused, checked);
}

/* A key shaped like a case number whatever its check character: its
 * display form, as the lookup shows a number it cannot find. */
static void test_shaped(void **state)
{
	char out[CASENUM_MAX];
	(void)state;

	assert_true(casenum_shaped("AGZ2600123U", out, sizeof out));
	assert_string_equal(out, "AGZ-26-00123-U");
	assert_true(casenum_shaped("AGZ2600123K", out, sizeof out));
	assert_string_equal(out, "AGZ-26-00123-K");
	assert_true(casenum_shaped("AGZ2600123K", NULL, 0));
	strcpy(out, "stale");
	assert_false(casenum_shaped("AGZ2600123", out, sizeof out));   /* no check character */
	assert_string_equal(out, "");
	assert_false(casenum_shaped("AGZ260123K", out, sizeof out));   /* 4 digits */
	assert_false(casenum_shaped("AGZ26O0123K", out, sizeof out));  /* a letter O */
	assert_false(casenum_shaped("agz2600123k", out, sizeof out));
	assert_false(casenum_shaped("AGZ-26-00123-K", out, sizeof out));
	assert_false(casenum_shaped(NULL, out, sizeof out));
	assert_false(casenum_shaped("AGZ2600123K", out, 14));
	assert_string_equal(out, "");
}

/* True when list (n keys) holds key. */
static bool holds(char list[][CASENUM_KEY_SIZE], int n, const char *key)
{
	for (int i = 0; i < n; i++)
		if (strcmp(list[i], key) == 0)
			return true;
	return false;
}

/* Checks the neighbours of err: all valid, none twice, not err; and that
 * they hold want. Returns how many. */
static int check_neighbours(const char *err, const char *want)
{
	char near[64][CASENUM_KEY_SIZE];
	int n = casenum_neighbours(err, near, 64);
	assert_true(n < 64);
	for (int i = 0; i < n; i++) {
		assert_true(casenum_valid(near[i]));
		assert_string_not_equal(near[i], err);
		for (int j = 0; j < i; j++)
			assert_string_not_equal(near[i], near[j]);
	}
	if (want && !holds(near, n, want))
		fail_msg("%s is not among the %d neighbours of %s", want, n, err);
	return n;
}

/* The numbers one typing error away: the right check character first,
 * then swaps, changes, characters left out or added. */
static void test_neighbours(void **state)
{
	char near[64][CASENUM_KEY_SIZE];
	(void)state;

	/* AGZ-26-00123-U with a wrong check character: the right one first. */
	int n = casenum_neighbours("AGZ2600123K", near, 64);
	assert_true(n > 1);
	assert_string_equal(near[0], "AGZ2600123U");
	assert_int_equal(casenum_neighbours("AGZ2600123K", near, 1), 1);
	assert_string_equal(near[0], "AGZ2600123U");
	/* Two digits swapped, one changed, one left out, one too many. */
	check_neighbours("AGZ2600213U", "AGZ2600123U");
	check_neighbours("AGZ2600173U", "AGZ2600123U");
	check_neighbours("AGZ260023U", "AGZ2600123U");
	check_neighbours("AGZ26001223U", "AGZ2600123U");
	check_neighbours("AGZ26O0123U", "AGZ2600123U");   /* the letter O */
	/* Not letters and digits, or too long: none. */
	assert_int_equal(casenum_neighbours("AGZ-26-00123-U", near, 64), 0);
	assert_int_equal(casenum_neighbours("agz2600123u", near, 64), 0);
	assert_int_equal(casenum_neighbours("A1B22699999999999999", near, 64), 0);
	assert_int_equal(casenum_neighbours("", near, 64), 0);
	assert_int_equal(casenum_neighbours(NULL, near, 64), 0);
	assert_int_equal(casenum_neighbours("AGZ2600123K", near, 0), 0);

	/* Over part of the sample, every kind of error at every place finds
	 * the number meant back. */
	unsigned long errors = 0;
	int most = 0;
	for (unsigned i = 0; i < 150; i++) {
		char key[32], err[32];
		sample_key(i, key, sizeof key);
		size_t len = strlen(key);
		for (size_t pos = 0; pos < len; pos++) {
			strcpy(err, key);
			err[pos] = alphabet[(i + pos) % 36] == key[pos] ? alphabet[(i + pos + 1) % 36]
			                                                 : alphabet[(i + pos) % 36];
			n = check_neighbours(err, key);
			most = n > most ? n : most;
			if (pos + 1 < len && key[pos] != key[pos + 1]) {
				strcpy(err, key);
				err[pos] = key[pos + 1];
				err[pos + 1] = key[pos];
				check_neighbours(err, key);
				errors++;
			}
			memcpy(err, key, pos);
			strcpy(err + pos, key + pos + 1);
			check_neighbours(err, key);
			if (len < 19) {
				memcpy(err, key, pos);
				err[pos] = alphabet[(i * 7 + pos) % 36];
				strcpy(err + pos + 1, key + pos);
				check_neighbours(err, key);
				errors++;
			}
			errors += 2;
		}
	}
	printf("[ casenum  ] %lu typing errors found back among their neighbours (at most %d)\n", errors,
	       most);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_check_char_known_vectors),
		cmocka_unit_test(test_check_char_skips_other_characters),
		cmocka_unit_test(test_format_known_numbers),
		cmocka_unit_test(test_format_rejects_bad_arguments),
		cmocka_unit_test(test_format_skips_check_value_36),
		cmocka_unit_test(test_round_trips),
		cmocka_unit_test(test_ambiguous_keys_read_with_longest_code),
		cmocka_unit_test(test_key_normalises),
		cmocka_unit_test(test_key_rejects),
		cmocka_unit_test(test_valid_rejects_short_sequence),
		cmocka_unit_test(test_valid_rejects_malformed),
		cmocka_unit_test(test_display),
		cmocka_unit_test(test_every_substitution_is_refused),
		cmocka_unit_test(test_every_adjacent_swap_is_refused),
		cmocka_unit_test(test_shaped),
		cmocka_unit_test(test_neighbours),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
