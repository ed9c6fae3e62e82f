/* Fuzz target: case numbers typed by users (core/casenum.c).
 * Properties: a key is upper-case letters and digits and its own key; a
 * valid key displays and reads back to itself, its check character is the
 * one computed, and every single changed character and every swap of two
 * different neighbours makes it invalid; a shaped key with the check
 * character put right is valid; every neighbour offered is valid and one
 * typing error away; a number formatted from any centre, year and sequence
 * is valid and displays back the same. */
#include <stdio.h>

#include "core/casenum.h"
#include "fuzz.h"

static const char alphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/* True when a and b are one typing error apart: a changed character, a
 * swap of neighbours, one character more or fewer. */
static bool one_error(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i = 0;
	if (la < lb) {
		const char *t = a;
		a = b;
		b = t;
		size_t l = la;
		la = lb;
		lb = l;
	}
	while (i < lb && a[i] == b[i])
		i++;
	if (la == lb + 1)
		return strcmp(a + i + 1, b + i) == 0;
	if (la != lb || i == la)
		return false;
	if (strcmp(a + i + 1, b + i + 1) == 0)
		return true;
	return i + 1 < la && a[i] == b[i + 1] && a[i + 1] == b[i] && strcmp(a + i + 2, b + i + 2) == 0;
}

static void check_valid_key(const char *key)
{
	size_t len = strlen(key);
	char copy[CASENUM_KEY_SIZE], shown[CASENUM_MAX], back[CASENUM_MAX];

	FUZZ_CHECK(casenum_display(key, shown, sizeof shown));
	FUZZ_CHECK(casenum_key(shown, back, sizeof back) && strcmp(back, key) == 0);
	FUZZ_CHECK(casenum_shaped(key, back, sizeof back) && strcmp(back, shown) == 0);
	memcpy(copy, key, len + 1);
	copy[len - 1] = '\0';
	FUZZ_CHECK(casenum_check_char(copy) == key[len - 1]);
	/* Each character changed to each other one. */
	for (size_t i = 0; i < len; i++) {
		memcpy(copy, key, len + 1);
		for (const char *a = alphabet; *a; a++) {
			if (*a == key[i])
				continue;
			copy[i] = *a;
			FUZZ_CHECK(!casenum_valid(copy));
		}
	}
	/* Each swap of two different neighbours. */
	for (size_t i = 0; i + 1 < len; i++) {
		if (key[i] == key[i + 1])
			continue;
		memcpy(copy, key, len + 1);
		copy[i] = key[i + 1];
		copy[i + 1] = key[i];
		FUZZ_CHECK(!casenum_valid(copy));
	}
}

static void check_key(const char *key)
{
	size_t len = strlen(key);
	char again[CASENUM_KEY_SIZE], shown[CASENUM_MAX];
	FUZZ_CHECK(len >= 1 && len <= CASENUM_KEY_SIZE - 1);
	for (const char *c = key; *c; c++)
		FUZZ_CHECK((*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9'));
	FUZZ_CHECK(casenum_key(key, again, sizeof again) && strcmp(again, key) == 0);

	if (casenum_valid(key))
		check_valid_key(key);
	if (casenum_shaped(key, shown, sizeof shown)) {
		/* The same shape with the right check character is valid
		 * (unless that body is one whose sequence is skipped). */
		char fixed[CASENUM_KEY_SIZE];
		memcpy(fixed, key, len + 1);
		fixed[len - 1] = '\0';
		char c = casenum_check_char(fixed);
		fixed[len - 1] = c;
		if (c)
			FUZZ_CHECK(casenum_valid(fixed));
	} else {
		FUZZ_CHECK(!casenum_valid(key));
	}
	char near[64][CASENUM_KEY_SIZE];
	int n = casenum_neighbours(key, near, 64);
	FUZZ_CHECK(n >= 0 && n <= 64);
	for (int i = 0; i < n; i++) {
		FUZZ_CHECK(casenum_valid(near[i]));
		FUZZ_CHECK(strcmp(near[i], key) != 0);
		FUZZ_CHECK(one_error(near[i], key));
		for (int j = 0; j < i; j++)
			FUZZ_CHECK(strcmp(near[i], near[j]) != 0);
	}
}

/* A number made from the input's first bytes: centre, year, sequence. */
static void check_format(const uint8_t *d, size_t size)
{
	if (size < 12)
		return;
	char centre[5];
	size_t clen = 2 + d[0] % 3;
	centre[0] = (char)('A' + d[1] % 26);
	for (size_t i = 1; i < clen; i++)
		centre[i] = alphabet[d[1 + i] % 36];
	centre[clen] = '\0';
	int year = d[5] | d[6] << 8;
	long long raw = 0;
	for (int i = 7; i < 12; i++)
		raw = raw << 8 | d[i];
	long seq = (long)(raw % 999999999999LL) + 1;
	char out[CASENUM_MAX], key[CASENUM_KEY_SIZE], body[CASENUM_KEY_SIZE];
	bool ok = casenum_format(centre, year, seq, out, sizeof out);
	snprintf(body, sizeof body, "%s%02d%05ld", centre, year % 100, seq);
	if (!ok) {
		/* Only the skipped sequences are refused. */
		FUZZ_CHECK(out[0] == '\0');
		FUZZ_CHECK(casenum_check_char(body) == '\0');
		return;
	}
	FUZZ_CHECK(casenum_key(out, key, sizeof key) && casenum_valid(key));
	FUZZ_CHECK(strncmp(key, body, strlen(body)) == 0 && strlen(key) == strlen(body) + 1);
	if (seq < 100000 || clen == 4) {
		char shown[CASENUM_MAX];
		FUZZ_CHECK(casenum_display(key, shown, sizeof shown) && strcmp(shown, out) == 0);
	}
	check_key(key);
	/* Too small a buffer: refused, and emptied. */
	char tiny[8] = "xxxxxxx";
	FUZZ_CHECK(!casenum_format(centre, year, seq, tiny, sizeof tiny) && tiny[0] == '\0');
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *typed = fuzz_cstr(data, size);
	char key[CASENUM_KEY_SIZE];
	if (casenum_key(typed, key, sizeof key))
		check_key(key);
	else
		FUZZ_CHECK(key[0] == '\0');
	check_format(data, size);
	free(typed);
	return 0;
}
