/* Fuzz target: phone numbers typed by users (core/phone.c).
 * Properties: a key is digits only, never starts with 0, is never cut,
 * and (for a number short enough to be stored) is the key of itself
 * written with "+" or "00"; the index words are
 * the key and its digits reversed behind a 0; a lookup accepted starts
 * with the key, its terms are digits, and the number typed is found by
 * the lookup of itself and of its last four to eight digits. */
#include <stdio.h>

#include "core/phone.h"
#include "fuzz.h"

static const char *const countries[] = { "227", "1", "33", NULL, "0", "2271" };

static bool digits_only(const char *s)
{
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

static bool starts(const char *s, const char *prefix)
{
	return prefix[0] && strncmp(s, prefix, strlen(prefix)) == 0;
}

/* True when the lookup q finds the number whose index words are words. */
static bool finds(const struct phone_query *q, const char *words)
{
	const char *space = strchr(words, ' ');
	FUZZ_CHECK(space != NULL);
	if (starts(words, q->prefix[0]) || starts(words, q->prefix[1]))
		return true;
	return starts(space + 1, q->tail);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *typed = fuzz_cstr(data, size);
	const char *cc = countries[size % (sizeof countries / sizeof countries[0])];
	char key[PHONE_KEY_SIZE], big[256], words[PHONE_WORDS_SIZE];

	phone_normalise(typed, cc, key, sizeof key);
	phone_normalise(typed, cc, big, sizeof big);
	FUZZ_CHECK(strcmp(key, big) == 0);
	FUZZ_CHECK(digits_only(key) && key[0] != '0');
	phone_index_words(typed, cc, words, sizeof words);
	/* A stored number has at most 31 characters (struct person): longer
	 * ones keep only their first digits, by contract. */
	bool storable = strlen(typed) < 32;
	if (key[0] && storable) {
		char again[PHONE_KEY_SIZE + 8];
		snprintf(again, sizeof again, "+%s", key);
		phone_normalise(again, cc, big, sizeof big);
		FUZZ_CHECK(strcmp(big, key) == 0);
		snprintf(again, sizeof again, "00%s", key);
		phone_normalise(again, cc, big, sizeof big);
		FUZZ_CHECK(strcmp(big, key) == 0);
	}
	if (key[0]) {
		/* key, a space, "0" and the key backwards. */
		size_t n = strlen(key);
		FUZZ_CHECK(strlen(words) == 2 * n + 2 && strncmp(words, key, n) == 0 && words[n] == ' ' &&
		           words[n + 1] == '0');
		for (size_t i = 0; i < n; i++)
			FUZZ_CHECK(words[n + 2 + i] == key[n - 1 - i]);
	} else {
		FUZZ_CHECK(words[0] == '\0');
	}

	struct phone_query q;
	if (phone_query(typed, cc, &q)) {
		FUZZ_CHECK(phone_looks_like(typed));
		FUZZ_CHECK(strcmp(q.prefix[0], key) == 0);
		FUZZ_CHECK(digits_only(q.prefix[1]) && digits_only(q.tail));
		FUZZ_CHECK(!q.tail[0] || (q.tail[0] == '0' && strlen(q.tail) > PHONE_QUERY_MIN));
		if (key[0])
			FUZZ_CHECK(finds(&q, words));
	} else {
		FUZZ_CHECK(!q.prefix[0][0] && !q.prefix[1][0] && !q.tail[0]);
	}

	/* The number is found by its last 4 to 8 digits typed alone (unless
	 * they begin with 0, a trunk prefix, or look international). */
	char digits[64];
	size_t nd = 0;
	for (const char *c = typed; *c && nd < sizeof digits - 1; c++)
		if (*c >= '0' && *c <= '9')
			digits[nd++] = *c;
	digits[nd] = '\0';
	const char *home = cc && phone_country_ok(cc) ? cc : PHONE_DEFAULT_COUNTRY;
	if (key[0] && phone_looks_like(typed) && nd <= 30) {
		for (size_t k = PHONE_QUERY_MIN; k <= 8 && k <= nd; k++) {
			const char *last = digits + nd - k;
			if (last[0] == '0' || starts(last, home))
				continue;
			FUZZ_CHECK(phone_query(last, cc, &q));
			FUZZ_CHECK(finds(&q, words));
		}
	}
	free(typed);
	return 0;
}
