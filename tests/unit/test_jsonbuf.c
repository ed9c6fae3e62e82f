/* The audit trail's JSON builder: always valid JSON, never a cut value. */
#include <sqlite3.h>
#include "testutil.h"
#include "core/jsonbuf.h"
#include "core/jsonread.h"
#include "fuzz/fuzz.h"

/* True when text is valid JSON (SQLite's json_valid). */
static bool valid(const char *text)
{
	sqlite3 *mem;
	assert_int_equal(sqlite3_open(":memory:", &mem), SQLITE_OK);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(mem, "SELECT json_valid(?1)", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	bool ok = sqlite3_column_int(st, 0) == 1;
	sqlite3_finalize(st);
	sqlite3_close(mem);
	return ok;
}

/* The value of member key as text ("" when absent), through SQLite. */
static void value_of(const char *text, const char *key, char *out, size_t size)
{
	sqlite3 *mem;
	char path[80];
	assert_int_equal(sqlite3_open(":memory:", &mem), SQLITE_OK);
	snprintf(path, sizeof path, "$.\"%s\"", key);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(mem, "SELECT coalesce(json_extract(?1, ?2), '')", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, path, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	snprintf(out, size, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(mem);
}

/* Filling the buffer with long values of every length, with strings and
 * numbers: valid JSON after each member, each value whole or marked too
 * long, never cut, never shown emptied. */
static void full_buffer_stays_valid_and_cuts_nothing(void **state)
{
	(void)state;
	static char value[JSONBUF_SIZE + 100], got[JSONBUF_SIZE * 2];
	for (size_t step = 1; step < 3000; step += 397) {
		static struct jsonbuf j;
		jsonbuf_init(&j);
		for (int k = 0; k < 40; k++) {
			char key[16];
			snprintf(key, sizeof key, "f%d", k);
			size_t len = (step * (size_t)(k + 1)) % sizeof value;
			for (size_t i = 0; i < len; i++)
				value[i] = (char)('a' + (i + (size_t)k) % 26);
			value[len] = '\0';
			if (k % 3 == 0)
				jsonbuf_put_int(&j, key, (long long)k * 1000003LL);
			else
				jsonbuf_change_str(&j, key, "", value);
			assert_true(valid(jsonbuf_text(&j)));
			if (k % 3 == 0)
				continue;
			value_of(jsonbuf_text(&j), key, got, sizeof got);
			/* Absent (counted), whole, or marked: never a part of it. */
			assert_true(got[0] == '\0' || strstr(got, "too_long") || strstr(got, value));
			if (got[0] && !strstr(got, "too_long"))
				assert_non_null(strstr(got, value));
		}
		assert_true(strlen(jsonbuf_text(&j)) < JSONBUF_SIZE);
	}
}

/* The case the trail once held: a member whose value no longer fits. */
static void member_that_does_not_fit_is_named_not_cut(void **state)
{
	(void)state;
	static struct jsonbuf j;
	static char big[JSONBUF_SIZE];
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	jsonbuf_init(&j);
	jsonbuf_change_str(&j, "notes", NULL, big);
	assert_true(j.cut);
	assert_string_equal(jsonbuf_text(&j), "{\"notes\": {\"too_long\": true}}");
	/* Many more than fit even by name: counted at the end. */
	for (int k = 0; k < 2000; k++) {
		char key[48];
		snprintf(key, sizeof key, "a_rather_long_field_name_%d", k);
		jsonbuf_put_int(&j, key, k);
	}
	assert_true(valid(jsonbuf_text(&j)));
	assert_non_null(strstr(jsonbuf_text(&j), "\"more_changes\": "));
	/* Escapes and multi-byte letters are kept whole. */
	jsonbuf_init(&j);
	jsonbuf_change_str(&j, "name", "A\"b\\c\n", "Aïssatou \xe2\x80\xae");
	assert_true(valid(jsonbuf_text(&j)));
	assert_false(j.cut);
}

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
		cmocka_unit_test(full_buffer_stays_valid_and_cuts_nothing),
		cmocka_unit_test(member_that_does_not_fit_is_named_not_cut),
		cmocka_unit_test(invalid_utf8_becomes_replacement_characters),
		cmocka_unit_test(a_full_buffer_stays_valid),
		cmocka_unit_test(what_fits_reads_back),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
