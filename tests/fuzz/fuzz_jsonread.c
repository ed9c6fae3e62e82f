/* Fuzz target: reading back the JSON objects of drafts (core/jsonread.c),
 * text that comes from the database. Properties: text accepted is valid
 * JSON (a validator of its own); every key and value given is valid UTF-8
 * without a control character and shorter than JSONREAD_MAX; the callback
 * is called only for text accepted, at most JSONREAD_MEMBERS times; and the
 * members written again (core/jsonbuf.h) read back to the same members. */
#include "core/jsonbuf.h"
#include "core/jsonread.h"
#include "fuzz.h"

struct seen {
	int n;
	struct jsonbuf again;
	/* For the second reading: the members expected, in order. */
	const struct seen *want;
	int at;
	bool same;
	char *key[JSONREAD_MEMBERS], *value[JSONREAD_MEMBERS];
};

static void check_text(const char *s)
{
	FUZZ_CHECK(strlen(s) < JSONREAD_MAX);
	FUZZ_CHECK(fuzz_utf8_valid(s));
	for (; *s; s++)
		FUZZ_CHECK((unsigned char)*s >= 0x20);
}

static void on_member(const char *key, const char *value, void *ctx)
{
	struct seen *s = ctx;
	check_text(key);
	check_text(value);
	FUZZ_CHECK(s->n < JSONREAD_MEMBERS);
	s->key[s->n] = strdup(key);
	s->value[s->n] = strdup(value);
	s->n++;
	jsonbuf_put_str(&s->again, key, value);
}

static void on_again(const char *key, const char *value, void *ctx)
{
	struct seen *s = ctx;
	int i = s->at++;
	s->same = s->same && i < s->want->n && strcmp(key, s->want->key[i]) == 0 &&
	          strcmp(value, s->want->value[i]) == 0;
}

static void never(const char *key, const char *value, void *ctx)
{
	(void)key;
	(void)value;
	(void)ctx;
	FUZZ_CHECK(!"called for text refused");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_cstr(data, size);
	static struct seen s, back;
	memset(&s, 0, sizeof s);
	jsonbuf_init(&s.again);
	bool ok = jsonread_object(text, on_member, &s);
	FUZZ_CHECK(ok == jsonread_object(text, NULL, NULL));
	if (!ok) {
		FUZZ_CHECK(s.n == 0);
		FUZZ_CHECK(!jsonread_object(text, never, NULL));
	} else {
		FUZZ_CHECK(fuzz_json_valid(text));
		if (!s.again.cut) {
			memset(&back, 0, sizeof back);
			back.want = &s;
			back.same = true;
			FUZZ_CHECK(jsonread_object(jsonbuf_text(&s.again), on_again, &back));
			FUZZ_CHECK(back.same && back.at == s.n);
		}
	}
	for (int i = 0; i < s.n; i++) {
		free(s.key[i]);
		free(s.value[i]);
	}
	free(text);
	return 0;
}
