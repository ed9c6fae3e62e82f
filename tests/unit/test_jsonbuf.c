/* The JSON builder of the audit trail and of drafts: whatever it is given,
 * and however full it gets, its text stays one valid JSON object (checked
 * by the strict validator of the fuzz targets). Inputs found by
 * tests/fuzz/fuzz_jsonbuf.c. */
#include "testutil.h"
#include "core/jsonbuf.h"
#include "core/jsonread.h"
#include "fuzz/fuzz.h"

/* Invalid UTF-8 (a lone lead byte, a stray continuation byte, a cut
 * sequence, a surrogate, an overlong form) was copied as it was: the
 * object was not JSON. Each bad byte is now U+FFFD. */
static void invalid_utf8_becomes_replacement_characters(void **state)
{
	(void)state;
	static const char *const bad[] = { "\xc3(", "a\xa0z", "\xe2\x82", "\xed\xa0\x80", "\xc0\xaf", "\xf8\x88\x80\x80\x80",
	                                   "\xe2\x80\x80\x80\x80" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct jsonbuf j;
		jsonbuf_init(&j);
		jsonbuf_put_str(&j, "value", bad[i]);
		jsonbuf_change_str(&j, bad[i], bad[i], "ok");
		assert_true(fuzz_json_valid(jsonbuf_text(&j)));
	}
	struct jsonbuf j;
	jsonbuf_init(&j);
	jsonbuf_put_str(&j, "k", "a\xc3(b");
	assert_string_equal(jsonbuf_text(&j), "{\"k\": \"a\\ufffd(b\"}");
	/* Good text is kept as it is. */
	jsonbuf_init(&j);
	jsonbuf_put_str(&j, "k", "A\xc3\xafssa \xf0\x9f\x98\x80");
	assert_string_equal(jsonbuf_text(&j), "{\"k\": \"A\xc3\xafssa \xf0\x9f\x98\x80\"}");
}

/* A member that does not fit whole once the buffer is nearly full left a
 * key without its value ("\"sex\": }") or an array without its end. */
static void a_full_buffer_stays_valid(void **state)
{
	(void)state;
	char big[JSONBUF_SIZE];
	for (size_t fill = JSONBUF_SIZE - 80; fill < JSONBUF_SIZE - 10; fill++) {
		memset(big, 'x', sizeof big);
		big[fill - 12] = '\0';
		struct jsonbuf j;
		jsonbuf_init(&j);
		jsonbuf_put_str(&j, "a", big);
		jsonbuf_change_str(&j, "sex", "f", "m");
		assert_true(fuzz_json_valid(jsonbuf_text(&j)));
		jsonbuf_change_int(&j, "age", 12345678, 87654321);
		assert_true(fuzz_json_valid(jsonbuf_text(&j)));
		jsonbuf_put_int(&j, "n", -9223372036854775807LL);
		assert_true(fuzz_json_valid(jsonbuf_text(&j)));
		jsonbuf_put_str(&j, "quoted\"\"\"\"", "\"\"\"\"\"\"");
		assert_true(fuzz_json_valid(jsonbuf_text(&j)));
		assert_int_equal(strlen(jsonbuf_text(&j)), j.len + 1);
	}
}

/* What did not fit is said (cut), and the object is still JSON. */
static void what_fits_reads_back(void **state)
{
	(void)state;
	static char big[JSONBUF_SIZE];
	memset(big, 'y', sizeof big);
	big[JSONBUF_SIZE / 2] = '\0';
	struct jsonbuf j;
	jsonbuf_init(&j);
	jsonbuf_put_str(&j, "first", big);
	assert_false(j.cut);
	jsonbuf_put_str(&j, "second", big);
	assert_true(j.cut);
	assert_true(fuzz_json_valid(jsonbuf_text(&j)));
	/* The first member is whole. */
	assert_memory_equal(jsonbuf_text(&j) + 11, big, JSONBUF_SIZE / 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(invalid_utf8_becomes_replacement_characters),
		cmocka_unit_test(a_full_buffer_stays_valid),
		cmocka_unit_test(what_fits_reads_back),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
