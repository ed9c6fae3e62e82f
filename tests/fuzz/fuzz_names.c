/* Fuzz target: personal names (core/names.c): splitting into words, sound
 * keys, the duplicate score. Input: up to six NUL-separated names (family,
 * given, aliases of two people), then bytes for sex and ages. Properties:
 * words are 1 to 31 letters a-z, at most NAMES_MAX_WORDS, and the words
 * written back split into themselves; upper-case ASCII splits the same;
 * a word's key is never empty and a cut key is a prefix of the whole; the
 * score is 0..100, symmetric, 0 for different sexes and ages that cannot
 * meet, and a person of two or more words is a likely match (50 or more) of
 * themselves. */
#include <stdio.h>

#include "core/names.h"
#include "fuzz.h"

static void check_words(const char *name)
{
	char words[NAMES_MAX_WORDS][32], again[NAMES_MAX_WORDS][32];
	int n = names_words(name, words);
	FUZZ_CHECK(n >= 0 && n <= NAMES_MAX_WORDS);
	char joined[NAMES_MAX_WORDS * 33 + 1] = "";
	for (int i = 0; i < n; i++) {
		size_t len = strlen(words[i]);
		FUZZ_CHECK(len >= 1 && len <= 31);
		for (const char *c = words[i]; *c; c++)
			FUZZ_CHECK(*c >= 'a' && *c <= 'z');
		strcat(joined, i ? " " : "");
		strcat(joined, words[i]);

		char key[NAMES_KEY_MAX], cut[5], key2[NAMES_KEY_MAX];
		names_key(words[i], key, sizeof key);
		FUZZ_CHECK(key[0] && strlen(key) < NAMES_KEY_MAX);
		names_key(words[i], key2, sizeof key2);
		FUZZ_CHECK(strcmp(key, key2) == 0);
		names_key(words[i], cut, sizeof cut);
		FUZZ_CHECK(strlen(cut) < sizeof cut && strncmp(cut, key, strlen(cut)) == 0);
	}
	FUZZ_CHECK(names_words(joined, again) == n);
	for (int i = 0; i < n; i++)
		FUZZ_CHECK(strcmp(again[i], words[i]) == 0);

	/* Capitals of ASCII letters split into the same words. */
	char *upper = strdup(name);
	FUZZ_CHECK(upper != NULL);
	for (char *c = upper; *c; c++)
		if (*c >= 'a' && *c <= 'z')
			*c = (char)(*c - 'a' + 'A');
	FUZZ_CHECK(names_words(upper, again) == n);
	for (int i = 0; i < n; i++)
		FUZZ_CHECK(strcmp(again[i], words[i]) == 0);
	free(upper);
}

/* True when family and given names hold two different words of two
 * letters or more (initials weigh little). */
static bool two_words(const struct names_person *p)
{
	char words[2 * NAMES_MAX_WORDS][32];
	int n = names_words(p->family_name, words);
	n += names_words(p->given_names, words + n);
	for (int i = 0; i < n; i++)
		for (int j = 0; j < i; j++)
			if (strlen(words[i]) > 1 && strlen(words[j]) > 1 && strcmp(words[i], words[j]) != 0)
				return true;
	return false;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_fields f;
	fuzz_fields_init(&f, data, size);
	char *field[6];
	for (int i = 0; i < 6; i++) {
		const char *s = fuzz_next_field(&f, 0);
		field[i] = strdup(s ? s : "");
		FUZZ_CHECK(field[i] != NULL);
		check_words(field[i]);
	}
	const uint8_t *tail = size >= 6 ? data + size - 6 : NULL;
	static const char sexes[] = "fmxFMx";
	struct names_person a = { field[0], field[1], field[2], 'x', -1, -1 };
	struct names_person b = { field[3], field[4], field[5], 'x', -1, -1 };
	if (tail) {
		a.sex = sexes[tail[0] % 6];
		b.sex = sexes[tail[1] % 6];
		a.age_min = tail[2] % 130 - 1;
		a.age_max = tail[3] % 130 - 1;
		b.age_min = tail[4] % 130 - 1;
		b.age_max = tail[5] % 130 - 1;
	}
	int ab = names_duplicate_score(&a, &b), ba = names_duplicate_score(&b, &a);
	FUZZ_CHECK(ab >= 0 && ab <= 100);
	FUZZ_CHECK(ab == ba);
	char sa = (char)(a.sex | 0x20), sb = (char)(b.sex | 0x20);
	if (sa != 'x' && sb != 'x' && sa != sb)
		FUZZ_CHECK(ab == 0);
	if ((a.age_min >= 0 || a.age_max >= 0) && (b.age_min >= 0 || b.age_max >= 0)) {
		int alo = a.age_min < 0 ? 0 : a.age_min, ahi = a.age_max < 0 ? 200 : a.age_max;
		int blo = b.age_min < 0 ? 0 : b.age_min, bhi = b.age_max < 0 ? 200 : b.age_max;
		if (alo > ahi) {
			int t = alo;
			alo = ahi;
			ahi = t;
		}
		if (blo > bhi) {
			int t = blo;
			blo = bhi;
			bhi = t;
		}
		if (ahi + 3 < blo || bhi + 3 < alo)
			FUZZ_CHECK(ab == 0);
	}
	int self = names_duplicate_score(&a, &a);
	FUZZ_CHECK(self >= 0 && self <= 100);
	if (two_words(&a))
		FUZZ_CHECK(self >= 50);
	FUZZ_CHECK(names_words(NULL, NULL) == 0);
	for (int i = 0; i < 6; i++)
		free(field[i]);
	free(f.buf);
	return 0;
}
