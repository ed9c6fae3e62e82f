/* Reading back flat JSON objects (drafts come back from the database):
 * what the builder writes, and hostile or broken text. */
#include "testutil.h"
#include "core/jsonbuf.h"
#include "core/jsonread.h"

struct seen {
	int n;
	char keys[8][64];
	char values[8][JSONREAD_MAX];
};

static void collect(const char *key, const char *value, void *ctx)
{
	struct seen *s = ctx;
	if (s->n < 8) {
		snprintf(s->keys[s->n], sizeof s->keys[0], "%s", key);
		snprintf(s->values[s->n], sizeof s->values[0], "%s", value);
	}
	s->n++;
}

static void reads_what_the_builder_writes(void **state)
{
	(void)state;
	struct jsonbuf j;
	jsonbuf_init(&j);
	jsonbuf_put_str(&j, "family_name", "Traoré \"the elder\" \\ /");
	jsonbuf_put_str(&j, "given_names", "Aïssa 漢字 😀");
	jsonbuf_put_str(&j, "empty", "");
	static struct seen s;
	memset(&s, 0, sizeof s);
	assert_true(jsonread_object(jsonbuf_text(&j), collect, &s));
	assert_int_equal(s.n, 3);
	assert_string_equal(s.keys[0], "family_name");
	assert_string_equal(s.values[0], "Traoré \"the elder\" \\ /");
	assert_string_equal(s.values[1], "Aïssa 漢字 😀");
	assert_string_equal(s.keys[2], "empty");
	assert_string_equal(s.values[2], "");
}

static void decodes_escapes(void **state)
{
	(void)state;
	static struct seen s;
	memset(&s, 0, sizeof s);
	assert_true(jsonread_object(" {\"a\\u00efb\" : \"\\u00e9\\/\\ud83d\\ude00\" }\n", collect, &s));
	assert_int_equal(s.n, 1);
	assert_string_equal(s.keys[0], "aïb");
	assert_string_equal(s.values[0], "é/😀");
	memset(&s, 0, sizeof s);
	assert_true(jsonread_object("{}", collect, &s));
	assert_int_equal(s.n, 0);
}

static void refuses_hostile_text_whole(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"", "[]", "{", "}", "{\"a\"}", "{\"a\":}", "{\"a\":\"b\"", "{\"a\":\"b\",}", "{,}",
		"{\"a\":\"b\"} x", "{\"a\":\"b\"}{}", "{\"a\":1}", "{\"a\":null}", "{\"a\":true}",
		"{\"a\":{\"b\":\"c\"}}", "{\"a\":[\"b\"]}", "{a:\"b\"}", "{'a':'b'}",
		"{\"a\":\"b\\u0000c\"}", "{\"a\":\"\\u001b[2J\"}", "{\"a\":\"line\\nbreak\"}",
		"{\"a\":\"raw\ttab\"}", "{\"a\":\"\\x41\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"\\ud800\"}",
		"{\"a\":\"\\udc00\"}", "{\"a\":\"\\ud800\\u0041\"}", "{\"a\":\"\xc3\x28\"}",
		"{\"a\":\"\xed\xa0\x80\"}", "{\"a\":\"\xc0\xaf\"}", "{\"a\":\"\\", "{\"a\":\"b\\\"}",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		static struct seen s;
		memset(&s, 0, sizeof s);
		if (jsonread_object(bad[i], collect, &s))
			fail_msg("accepted: %s", bad[i]);
		/* Nothing of a refused text is given, not even its first members. */
		assert_int_equal(s.n, 0);
	}
	assert_false(jsonread_object(NULL, collect, NULL));
	/* A good first member does not come out of a broken object. */
	static struct seen s;
	memset(&s, 0, sizeof s);
	assert_false(jsonread_object("{\"a\":\"b\",\"c\":", collect, &s));
	assert_int_equal(s.n, 0);
}

static void refuses_what_is_too_long_or_too_many(void **state)
{
	(void)state;
	size_t size = JSONREAD_MAX + 64;
	char *big = malloc(size);
	assert_non_null(big);
	/* A value of the largest size is read; one byte more is not. */
	int n = snprintf(big, size, "{\"a\":\"");
	memset(big + n, 'x', JSONREAD_MAX);
	snprintf(big + n + JSONREAD_MAX, size - (size_t)n - JSONREAD_MAX, "\"}");
	assert_false(jsonread_object(big, NULL, NULL));
	memset(big + n, 'x', JSONREAD_MAX - 1);
	snprintf(big + n + JSONREAD_MAX - 1, size - (size_t)n - JSONREAD_MAX + 1, "\"}");
	assert_true(jsonread_object(big, NULL, NULL));
	free(big);
	/* More members than allowed. */
	size_t msize = (JSONREAD_MEMBERS + 2) * 12 + 8;
	char *many = malloc(msize);
	assert_non_null(many);
	size_t len = 0;
	many[len++] = '{';
	for (int i = 0; i <= JSONREAD_MEMBERS; i++)
		len += (size_t)snprintf(many + len, msize - len, "%s\"k%d\":\"\"", i ? "," : "", i);
	snprintf(many + len, msize - len, "}");
	assert_false(jsonread_object(many, NULL, NULL));
	free(many);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(reads_what_the_builder_writes),
		cmocka_unit_test(decodes_escapes),
		cmocka_unit_test(refuses_hostile_text_whole),
		cmocka_unit_test(refuses_what_is_too_long_or_too_many),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
