/* Fuzz target: the JSON objects written for the audit trail and for
 * drafts (core/jsonbuf.c). Input: NUL-separated fields read as a program
 * of calls: an operation byte, then a key and one or two values ("\xff"
 * alone stands for NULL). Properties: after every call the text is one
 * valid JSON object (checked by a validator of its own, UTF-8 included),
 * whatever the bytes given; its length is len, within the buffer; and
 * when nothing was cut, an object of strings reads back (core/jsonread.h)
 * to exactly the members put, in order. */
#include "core/jsonbuf.h"
#include "core/jsonread.h"
#include "core/text.h"
#include "fuzz.h"

#define MAX_PUT 64

struct members {
	int n, seen;
	bool ok;
	char *key[MAX_PUT], *value[MAX_PUT];
};

static void on_member(const char *key, const char *value, void *ctx)
{
	struct members *m = ctx;
	int i = m->seen++;
	m->ok = m->ok && i < m->n && strcmp(key, m->key[i]) == 0 && strcmp(value, m->value[i]) == 0;
}

/* True when s could be read back by jsonread: valid UTF-8, no control
 * character, short enough. */
static bool readable(const char *s)
{
	if (!text_valid_utf8(s) || strlen(s) >= JSONREAD_MAX)
		return false;
	for (; *s; s++)
		if ((unsigned char)*s < 0x20)
			return false;
	return true;
}

static const char *arg(struct fuzz_fields *f, char *store, size_t size)
{
	const char *s = fuzz_next_field(f, 0);
	if (!s)
		return "";
	if (strcmp(s, "\xff") == 0)
		return NULL;
	size_t n = strlen(s);
	if (n >= size)
		n = size - 1;
	memcpy(store, s, n);
	store[n] = '\0';
	return store;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct jsonbuf j;
	struct fuzz_fields f;
	struct members m = { 0, 0, true, { NULL }, { NULL } };
	bool strings_only = true;
	static char key[JSONBUF_SIZE * 2], a[JSONBUF_SIZE * 2], b[JSONBUF_SIZE * 2];

	fuzz_fields_init(&f, data, size);
	jsonbuf_init(&j);
	FUZZ_CHECK(fuzz_json_valid(jsonbuf_text(&j)) && strcmp(jsonbuf_text(&j), "{}") == 0);
	const char *op;
	while ((op = fuzz_next_field(&f, 0)) != NULL) {
		int code = op[0] ? (unsigned char)op[0] % 5 : 0;
		/* A key of NULL is not allowed by the interface: "" instead. */
		const char *k = arg(&f, key, sizeof key);
		const char *va = arg(&f, a, sizeof a), *vb;
		long long ia = va ? (long long)strlen(va) * 7919 - 40000 : -1, ib;
		k = k ? k : "";
		switch (code) {
		case 0:
			jsonbuf_put_str(&j, k, va);
			if (!va || !readable(k) || !readable(va) || m.n == MAX_PUT) {
				strings_only = false;
				break;
			}
			m.key[m.n] = strdup(k);
			m.value[m.n] = strdup(va);
			m.n++;
			break;
		case 1:
			vb = arg(&f, b, sizeof b);
			if (jsonbuf_change_str(&j, k, va, vb))
				strings_only = false;
			break;
		case 2:
			jsonbuf_put_int(&j, k, ia);
			strings_only = false;
			break;
		case 3:
			vb = arg(&f, b, sizeof b);
			ib = vb ? (long long)strlen(vb) - 9 : (long long)9223372036854775807LL;
			if (jsonbuf_change_int(&j, k, ia, ib))
				strings_only = false;
			break;
		default:
			/* The extremes of the integers. */
			jsonbuf_put_int(&j, k, va ? (-9223372036854775807LL - 1) : 9223372036854775807LL);
			strings_only = false;
			break;
		}
		const char *text = jsonbuf_text(&j);
		FUZZ_CHECK(j.len < JSONBUF_SIZE && strlen(text) == j.len + 1);
		FUZZ_CHECK(text[0] == '{' && text[j.len] == '}');
		FUZZ_CHECK(fuzz_json_valid(text));
	}
	if (strings_only && !j.cut) {
		FUZZ_CHECK(jsonread_object(jsonbuf_text(&j), on_member, &m));
		FUZZ_CHECK(m.ok && m.seen == m.n);
	}
	for (int i = 0; i < m.n; i++) {
		free(m.key[i]);
		free(m.value[i]);
	}
	free(f.buf);
	return 0;
}
