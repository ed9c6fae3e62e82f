/* Unit tests for src/core/text.c: sanitising, width, fitting, folding. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/text.h"

/* Sanitises in into a roomy buffer and checks the result and its length. */
static void check_sanitize(const char *in, const char *want)
{
	char out[256];
	size_t n = text_sanitize(in, out, sizeof(out));

	assert_string_equal(out, want);
	assert_int_equal(n, strlen(want));
}

/* Folds s and checks the folded form. */
static void check_fold(const char *s, const char *want)
{
	char *f = text_fold(s);

	assert_non_null(f);
	assert_string_equal(f, want);
	free(f);
}

/* Printable ASCII folds as the full Unicode folding folds it: each
 * character alone, and again after an accented letter (which takes the
 * Unicode path) in one string. */
static void test_fold_ascii_as_unicode_does(void **state)
{
	(void)state;
	for (int c = 0x20; c <= 0x7e; c++) {
		char plain[2] = { (char)c, '\0' }, mixed[8];
		snprintf(mixed, sizeof mixed, "\xc3\xa9%c", c);
		char *a = text_fold(plain), *b = text_fold(mixed);
		assert_non_null(a);
		assert_non_null(b);
		assert_string_equal(b + 1, a);
		free(a);
		free(b);
	}
	check_fold("N'Diaye-BA Mamadou", "n'diaye-ba mamadou");
}

/* Fits in into cols columns and checks the text and the columns used. */
static void check_fit(const char *in, int cols, const char *want, int want_cols)
{
	char out[256];
	int used = text_fit(in, cols, out, sizeof(out));

	assert_string_equal(out, want);
	assert_int_equal(used, want_cols);
	assert_true(text_valid_utf8(out));
}

/* Plain ASCII passes through unchanged. */
static void test_sanitize_keeps_plain_ascii(void **state)
{
	(void)state;
	check_sanitize("Mamadou Diallo, 42 ans.", "Mamadou Diallo, 42 ans.");
	check_sanitize("", "");
}

/* Accented letters, CJK and emoji are kept byte for byte. */
static void test_sanitize_keeps_valid_non_ascii(void **state)
{
	(void)state;
	check_sanitize("A\xc3\xafssa \xe6\xbc\xa2\xe5\xad\x97 \xf0\x9f\x98\x80",
		       "A\xc3\xafssa \xe6\xbc\xa2\xe5\xad\x97 \xf0\x9f\x98\x80");
	check_sanitize("e\xcc\x81", "e\xcc\x81");
}

/* ESC cannot start a terminal escape sequence. */
static void test_sanitize_replaces_escape_sequences(void **state)
{
	(void)state;
	check_sanitize("\x1b[2J", "?[2J");
	check_sanitize("a\x1b]0;title\x07z", "a?]0;title?z");
}

/* Other C0 controls and DEL become '?'. */
static void test_sanitize_replaces_c0_and_del(void **state)
{
	(void)state;
	check_sanitize("a\x01" "b\x08" "c\x7f" "d", "a?b?c?d");
}

/* U+009B (CSI as one character) is one '?', not two. */
static void test_sanitize_replaces_c1_csi_encoded_as_utf8(void **state)
{
	(void)state;
	check_sanitize("a\xc2\x9b" "31mb", "a?31mb");
	check_sanitize("\xc2\x80\xc2\x9f", "??");
}

/* A raw 0x9B byte is invalid UTF-8 and becomes '?' too. */
static void test_sanitize_replaces_raw_c1_byte(void **state)
{
	(void)state;
	check_sanitize("a\x9b" "31mb", "a?31mb");
}

/* Bidi overrides, isolates and marks cannot reorder the screen. */
static void test_sanitize_replaces_bidi_controls(void **state)
{
	(void)state;
	check_sanitize("abc\xe2\x80\xae" "def", "abc?def");     /* U+202E */
	check_sanitize("\xe2\x81\xa6x\xe2\x81\xa9", "?x?");     /* U+2066 U+2069 */
	check_sanitize("\xe2\x80\xaa\xe2\x80\xab\xe2\x80\xac\xe2\x80\xad",
		       "????");                                  /* U+202A-D */
	check_sanitize("\xe2\x80\x8e\xe2\x80\x8f\xd8\x9c", "???"); /* LRM RLM ALM */
}

/* Line and paragraph separators cannot break a line. */
static void test_sanitize_replaces_line_separators(void **state)
{
	(void)state;
	check_sanitize("a\xe2\x80\xa8" "b\xe2\x80\xa9" "c", "a?b?c");
}

/* Newline, tab and carriage return each become one space. */
static void test_sanitize_turns_tab_newline_cr_into_space(void **state)
{
	(void)state;
	check_sanitize("a\tb\nc\rd", "a b c d");
	check_sanitize("a\r\nb", "a  b");
}

/* Every byte of invalid UTF-8 becomes one '?'. */
static void test_sanitize_replaces_each_invalid_byte(void **state)
{
	(void)state;
	check_sanitize("a\xff" "b", "a?b");
	check_sanitize("\xc0\xaf", "??");            /* overlong '/' */
	check_sanitize("\xed\xa0\x80", "???");       /* surrogate U+D800 */
	check_sanitize("\xf4\x90\x80\x80", "????");  /* above U+10FFFF */
	check_sanitize("\x80x", "?x");               /* lone continuation */
	check_sanitize("x\xe6\xbc", "x??");          /* truncated at the end */
	check_sanitize("\xe6\xbc" "A", "??A");       /* truncated in the middle */
}

/* Output is cut at outsz without splitting a multi-byte character. */
static void test_sanitize_truncates_without_splitting_characters(void **state)
{
	char out[8];

	(void)state;
	/* "a\xc3\xa9" needs 4 bytes with the NUL. */
	assert_int_equal(text_sanitize("a\xc3\xa9", out, 3), 1);
	assert_string_equal(out, "a");
	assert_int_equal(text_sanitize("a\xc3\xa9", out, 4), 3);
	assert_string_equal(out, "a\xc3\xa9");
	assert_int_equal(text_sanitize("\xe6\xbc\xa2", out, 3), 0);
	assert_string_equal(out, "");
	assert_int_equal(text_sanitize("\xf0\x9f\x98\x80z", out, 5), 4);
	assert_string_equal(out, "\xf0\x9f\x98\x80");
	assert_int_equal(text_sanitize("abcdefghij", out, sizeof(out)), 7);
	assert_string_equal(out, "abcdefg");
	assert_int_equal(text_sanitize("abc", out, 1), 0);
	assert_string_equal(out, "");
}

/* Every prefix length gives valid UTF-8 that is a prefix of the full result. */
static void test_sanitize_every_buffer_size_gives_valid_prefix(void **state)
{
	const char *in = "\xc3\x89l\xc3\xa9 \xe6\xbc\xa2\xe5\xad\x97\x1b\xff"
			 "\xf0\x9f\x98\x80";
	char full[64], out[64];
	size_t fulln = text_sanitize(in, full, sizeof(full));
	size_t sz;

	(void)state;
	for (sz = 1; sz <= fulln + 1; sz++) {
		size_t n = text_sanitize(in, out, sz);

		assert_true(n < sz);
		assert_int_equal(strlen(out), n);
		assert_true(text_valid_utf8(out));
		assert_memory_equal(out, full, n);
	}
}

/* A zero-sized buffer is never written. */
static void test_sanitize_zero_size_writes_nothing(void **state)
{
	char out[2] = { 'X', 'Y' };

	(void)state;
	assert_int_equal(text_sanitize("abc", out, 0), 0);
	assert_int_equal(out[0], 'X');
}

/* NULL input gives an empty string. */
static void test_sanitize_null_input_is_empty(void **state)
{
	char out[4] = "abc";

	(void)state;
	assert_int_equal(text_sanitize(NULL, out, sizeof(out)), 0);
	assert_string_equal(out, "");
}

/* The validator accepts good UTF-8 and refuses overlongs and surrogates. */
static void test_valid_utf8_accepts_good_and_refuses_bad(void **state)
{
	(void)state;
	assert_true(text_valid_utf8(""));
	assert_true(text_valid_utf8("abc"));
	assert_true(text_valid_utf8("C\xc3\xb4te d'Ivoire \xe6\xbc\xa2 \xf0\x9f\x98\x80"));
	assert_true(text_valid_utf8("\xf4\x8f\xbf\xbf"));   /* U+10FFFF */
	assert_false(text_valid_utf8("\xc0\xaf"));
	assert_false(text_valid_utf8("\xe0\x80\xaf"));
	assert_false(text_valid_utf8("\xed\xa0\x80"));
	assert_false(text_valid_utf8("\xf4\x90\x80\x80"));
	assert_false(text_valid_utf8("\xff"));
	assert_false(text_valid_utf8("a\xc3"));
	assert_false(text_valid_utf8("\x80"));
	assert_false(text_valid_utf8(NULL));
}

/* ASCII is one column per character. */
static void test_width_of_ascii(void **state)
{
	(void)state;
	assert_int_equal(text_width(""), 0);
	assert_int_equal(text_width("abc"), 3);
	assert_int_equal(text_width(NULL), 0);
}

/* é is one column whether precomposed or e + U+0301. */
static void test_width_of_precomposed_and_combining_accents(void **state)
{
	(void)state;
	assert_int_equal(text_width("\xc3\xa9"), 1);
	assert_int_equal(text_width("e\xcc\x81"), 1);
	assert_int_equal(text_width("A\xc3\xafssa"), 5);
	assert_int_equal(text_width("Ai\xcc\x88ssa"), 5);
}

/* CJK ideographs and emoji are two columns each. */
static void test_width_of_wide_characters(void **state)
{
	(void)state;
	assert_int_equal(text_width("\xe6\xbc\xa2\xe5\xad\x97"), 4);
	assert_int_equal(text_width("a\xe6\xbc\xa2"), 3);
	assert_int_equal(text_width("\xf0\x9f\x98\x80"), 2);
}

/* Replaced bytes and characters count one column, as their '?' does. */
static void test_width_counts_replacements_as_one(void **state)
{
	(void)state;
	assert_int_equal(text_width("\x1b[2J"), 4);
	assert_int_equal(text_width("\xff\xfe"), 2);
	assert_int_equal(text_width("\xe2\x80\xae"), 1);
	assert_int_equal(text_width("\xc2\x9b"), 1);
	assert_int_equal(text_width("a\tb\n"), 4);
}

/* Width agrees with the sanitised text for a mixed string. */
static void test_width_matches_width_of_sanitized_form(void **state)
{
	const char *in = "x\x1b\xff\xe6\xbc\xa2" "e\xcc\x81\xe2\x80\xae\t";
	char out[64];

	(void)state;
	text_sanitize(in, out, sizeof(out));
	assert_int_equal(text_width(in), text_width(out));
	assert_int_equal(text_width(in), 8);
}

/* Text that fits is copied whole. */
static void test_fit_copies_text_that_fits(void **state)
{
	(void)state;
	check_fit("abc", 10, "abc", 3);
	check_fit("abc", 3, "abc", 3);
	check_fit("", 5, "", 0);
}

/* Longer text is cut at the column limit. */
static void test_fit_cuts_ascii_at_column_limit(void **state)
{
	(void)state;
	check_fit("Hello, world", 5, "Hello", 5);
}

/* A wide character that would straddle the limit is left out whole. */
static void test_fit_leaves_out_wide_char_at_boundary(void **state)
{
	(void)state;
	check_fit("a\xe6\xbc\xa2\xe5\xad\x97", 2, "a", 1);
	check_fit("a\xe6\xbc\xa2\xe5\xad\x97", 3, "a\xe6\xbc\xa2", 3);
	check_fit("\xe6\xbc\xa2\xe5\xad\x97", 3, "\xe6\xbc\xa2", 2);
	check_fit("\xe6\xbc\xa2\xe5\xad\x97", 1, "", 0);
	check_fit("\xe6\xbc\xa2\xe5\xad\x97", 4, "\xe6\xbc\xa2\xe5\xad\x97", 4);
}

/* Combining marks stay with their base character. */
static void test_fit_keeps_combining_marks_with_base(void **state)
{
	(void)state;
	check_fit("e\xcc\x81" "e\xcc\x81", 1, "e\xcc\x81", 1);
	check_fit("ae\xcc\x81", 1, "a", 1);
	check_fit("ae\xcc\x81" "b", 2, "ae\xcc\x81", 2);
	check_fit("e\xcc\x81\xcc\xa3x", 1, "e\xcc\x81\xcc\xa3", 1);
}

/* A small buffer drops a base and its marks together, never one of them. */
static void test_fit_small_buffer_keeps_cluster_whole(void **state)
{
	char out[8];

	(void)state;
	/* "e" + U+0301 is 3 bytes, so it needs 4 with the NUL. */
	assert_int_equal(text_fit("e\xcc\x81", 5, out, 3), 0);
	assert_string_equal(out, "");
	assert_int_equal(text_fit("e\xcc\x81", 5, out, 4), 1);
	assert_string_equal(out, "e\xcc\x81");
	assert_int_equal(text_fit("ab\xe6\xbc\xa2", 10, out, 5), 2);
	assert_string_equal(out, "ab");
}

/* The fitted text is the sanitised text. */
static void test_fit_sanitizes(void **state)
{
	(void)state;
	check_fit("\x1b[2J", 2, "?[", 2);
	check_fit("a\tb\xff", 10, "a b?", 4);
	check_fit("\xe2\x80\xae" "abc", 2, "?a", 2);
}

/* Zero or negative columns give an empty string. */
static void test_fit_zero_or_negative_columns(void **state)
{
	(void)state;
	check_fit("abc", 0, "", 0);
	check_fit("abc", -3, "", 0);
}

/* Folding lowercases and strips accents. */
static void test_fold_strips_accents_and_case(void **state)
{
	(void)state;
	check_fold("A\xc3\xafssa", "aissa");
	check_fold("MAMADOU DIALLO", "mamadou diallo");
	check_fold("\xc3\x87" "a", "ca");
	check_fold("\xc3\x89L\xc3\x89", "ele");
	check_fold("e\xcc\x81", "e");
}

/* Compatibility forms and special case folds are unified. */
static void test_fold_applies_compatibility_forms(void **state)
{
	(void)state;
	check_fold("Stra\xc3\x9f" "e", "strasse");
	check_fold("\xef\xac\x81" "n", "fin");            /* U+FB01 ligature */
	check_fold("\xef\xbc\xa1\xef\xbc\xa2", "ab");     /* fullwidth A B */
}

/* Invalid bytes are dropped and empty input gives an empty string. */
static void test_fold_drops_invalid_bytes(void **state)
{
	(void)state;
	check_fold("a\xff" "b\xc3", "ab");
	check_fold("", "");
	check_fold("\xff", "");
}

/* "Côte d'Ivoire" is found by a prefix of its first word or another word. */
static void test_fold_match_finds_word_prefixes(void **state)
{
	const char *civ = "C\xc3\xb4te d'Ivoire";

	(void)state;
	assert_true(text_fold_match(civ, "cote"));
	assert_true(text_fold_match(civ, "ivo"));
	assert_true(text_fold_match(civ, "C\xc3\x94TE"));
	assert_true(text_fold_match(civ, "cote d'i"));
	assert_true(text_fold_match(civ, "d'iv"));
	assert_false(text_fold_match(civ, "voire"));
	assert_false(text_fold_match(civ, "ote"));
}

/* The typographic apostrophe U+2019 separates words like '\''. */
static void test_fold_match_typographic_apostrophe_splits_words(void **state)
{
	(void)state;
	assert_true(text_fold_match("C\xc3\xb4te d\xe2\x80\x99Ivoire", "ivo"));
}

/* Matching does not look inside words. */
static void test_fold_match_refuses_middle_of_word(void **state)
{
	(void)state;
	assert_false(text_fold_match("Niger", "geria"));
	assert_false(text_fold_match("Nigeria", "geria"));
	assert_true(text_fold_match("Niger", "nig"));
	assert_false(text_fold_match("Niger", "nigeria"));
}

/* Hyphens and parentheses start words too. */
static void test_fold_match_splits_on_hyphen_and_parenthesis(void **state)
{
	(void)state;
	assert_true(text_fold_match("Jean-Pierre", "pierre"));
	assert_true(text_fold_match("Diallo (A\xc3\xafssa)", "aissa"));
	assert_true(text_fold_match("MAMADOU DIALLO", "diallo"));
	assert_true(text_fold_match("MAMADOU DIALLO", "mamadou d"));
}

/* An empty needle matches everything, even an empty haystack. */
static void test_fold_match_empty_needle_matches_all(void **state)
{
	(void)state;
	assert_true(text_fold_match("Niger", ""));
	assert_true(text_fold_match("", ""));
	assert_true(text_fold_match(NULL, NULL));
	assert_false(text_fold_match("", "a"));
}

/* Runs the text tests. */
int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fold_ascii_as_unicode_does),
		cmocka_unit_test(test_sanitize_keeps_plain_ascii),
		cmocka_unit_test(test_sanitize_keeps_valid_non_ascii),
		cmocka_unit_test(test_sanitize_replaces_escape_sequences),
		cmocka_unit_test(test_sanitize_replaces_c0_and_del),
		cmocka_unit_test(test_sanitize_replaces_c1_csi_encoded_as_utf8),
		cmocka_unit_test(test_sanitize_replaces_raw_c1_byte),
		cmocka_unit_test(test_sanitize_replaces_bidi_controls),
		cmocka_unit_test(test_sanitize_replaces_line_separators),
		cmocka_unit_test(test_sanitize_turns_tab_newline_cr_into_space),
		cmocka_unit_test(test_sanitize_replaces_each_invalid_byte),
		cmocka_unit_test(test_sanitize_truncates_without_splitting_characters),
		cmocka_unit_test(test_sanitize_every_buffer_size_gives_valid_prefix),
		cmocka_unit_test(test_sanitize_zero_size_writes_nothing),
		cmocka_unit_test(test_sanitize_null_input_is_empty),
		cmocka_unit_test(test_valid_utf8_accepts_good_and_refuses_bad),
		cmocka_unit_test(test_width_of_ascii),
		cmocka_unit_test(test_width_of_precomposed_and_combining_accents),
		cmocka_unit_test(test_width_of_wide_characters),
		cmocka_unit_test(test_width_counts_replacements_as_one),
		cmocka_unit_test(test_width_matches_width_of_sanitized_form),
		cmocka_unit_test(test_fit_copies_text_that_fits),
		cmocka_unit_test(test_fit_cuts_ascii_at_column_limit),
		cmocka_unit_test(test_fit_leaves_out_wide_char_at_boundary),
		cmocka_unit_test(test_fit_keeps_combining_marks_with_base),
		cmocka_unit_test(test_fit_small_buffer_keeps_cluster_whole),
		cmocka_unit_test(test_fit_sanitizes),
		cmocka_unit_test(test_fit_zero_or_negative_columns),
		cmocka_unit_test(test_fold_strips_accents_and_case),
		cmocka_unit_test(test_fold_applies_compatibility_forms),
		cmocka_unit_test(test_fold_drops_invalid_bytes),
		cmocka_unit_test(test_fold_match_finds_word_prefixes),
		cmocka_unit_test(test_fold_match_typographic_apostrophe_splits_words),
		cmocka_unit_test(test_fold_match_refuses_middle_of_word),
		cmocka_unit_test(test_fold_match_splits_on_hyphen_and_parenthesis),
		cmocka_unit_test(test_fold_match_empty_needle_matches_all),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
