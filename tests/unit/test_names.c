/* Unit tests for src/core/names.c: words, sound keys, duplicate score. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/names.h"

/* The key of one folded word, in a buffer the size the header promises. */
static const char *key_of(const char *word, char *buf)
{
	names_key(word, buf, NAMES_KEY_MAX);
	return buf;
}

/* Splits name and checks the words, given as a NULL-terminated list. */
static void check_words(const char *name, const char *const *want)
{
	char words[NAMES_MAX_WORDS][32];
	int n = names_words(name, words), i;

	for (i = 0; want[i]; i++) {
		assert_true(i < n);
		assert_string_equal(words[i], want[i]);
	}
	assert_int_equal(n, i);
}

/* Every name of a NULL-terminated group, split into its one word, shares
 * the key of the first. The names go through names_words first, as the
 * callers do. */
static void check_group(const char *const *group)
{
	char words[NAMES_MAX_WORDS][32];
	char first[NAMES_KEY_MAX], other[NAMES_KEY_MAX];

	assert_int_equal(names_words(group[0], words), 1);
	key_of(words[0], first);
	assert_true(first[0] != '\0');
	for (int i = 1; group[i]; i++) {
		assert_int_equal(names_words(group[i], words), 1);
		key_of(words[0], other);
		if (strcmp(first, other) != 0)
			fail_msg("%s (%s) and %s (%s) should share a key",
				 group[0], first, group[i], other);
	}
}

/* a and b get different keys. */
static void check_apart(const char *a, const char *b)
{
	char wa[NAMES_MAX_WORDS][32], wb[NAMES_MAX_WORDS][32];
	char ka[NAMES_KEY_MAX], kb[NAMES_KEY_MAX];

	assert_int_equal(names_words(a, wa), 1);
	assert_int_equal(names_words(b, wb), 1);
	key_of(wa[0], ka);
	key_of(wb[0], kb);
	if (strcmp(ka, kb) == 0)
		fail_msg("%s and %s should not share the key %s", a, b, ka);
}

/* A person with the usual unknowns: no aliases, sex and ages unknown. */
static struct names_person person(const char *family, const char *given)
{
	struct names_person p = { family, given, "", 'x', -1, -1 };

	return p;
}

/* The score, checked to be the same both ways round. */
static int score(const struct names_person *a, const struct names_person *b)
{
	int ab = names_duplicate_score(a, b);
	int ba = names_duplicate_score(b, a);

	assert_int_equal(ab, ba);
	assert_in_range(ab, 0, 100);
	return ab;
}

/* ---- names_words ---------------------------------------------------- */

/* The example of the header: accents go, the apostrophe joins, '-' splits. */
static void test_words_header_example(void **state)
{
	static const char *const want[] = { "aissatou", "ndiaye", "ba", NULL };

	(void)state;
	check_words("A\xc3\xafssatou N'Diaye-B\xc3\xa2", want);
}

/* Blanks, '-', '.', ',' and ';' all separate, however many in a row. */
static void test_words_separators(void **state)
{
	static const char *const want[] = { "moussa", "ali", "issa", "ibrahim", "sani", NULL };

	(void)state;
	check_words("  Moussa\t-Ali.,Issa ;; Ibrahim\nSANI  ", want);
}

/* The typographic apostrophe joins as the plain one does. */
static void test_words_typographic_apostrophe_joins(void **state)
{
	static const char *const want[] = { "ndiaye", NULL };

	(void)state;
	check_words("N\xe2\x80\x99" "Diaye", want);
}

/* Decomposed accents and upper-case accented letters fold too. */
static void test_words_fold_decomposed_and_capitals(void **state)
{
	static const char *const want[] = { "toure", "keita", NULL };

	(void)state;
	check_words("Toure\xcc\x81 KE\xc3\x8fTA", want);
}

/* Empty, blank and NULL names give no words. */
static void test_words_empty(void **state)
{
	char words[NAMES_MAX_WORDS][32];

	(void)state;
	assert_int_equal(names_words("", words), 0);
	assert_int_equal(names_words("  - ; ", words), 0);
	assert_int_equal(names_words(NULL, words), 0);
}

/* At most NAMES_MAX_WORDS words, each cut at 31 letters. */
static void test_words_limits(void **state)
{
	char words[NAMES_MAX_WORDS][32];
	char lots[200] = "";
	const char *longw = "abcdefghijklmnopqrstuvwxyzabcdefghijklmnop";

	(void)state;
	for (int i = 0; i < NAMES_MAX_WORDS + 3; i++)
		strcat(lots, "ali ");
	assert_int_equal(names_words(lots, words), NAMES_MAX_WORDS);
	assert_int_equal(names_words(longw, words), 1);
	assert_int_equal(strlen(words[0]), 31);
	assert_memory_equal(words[0], longw, 31);
}

/* Letters that do not fold to a-z are dropped without splitting the word;
 * digits and other punctuation split. */
static void test_words_other_characters(void **state)
{
	static const char *const want1[] = { "bjrn", NULL };
	static const char *const want2[] = { "ali", "moussa", "x", NULL };

	(void)state;
	check_words("Bj\xc3\xb8rn", want1);
	check_words("Ali/Moussa (2) x", want2);
}

/* ---- names_key: variant groups ------------------------------------- */

static void test_key_mohamed(void **state)
{
	static const char *const g[] = { "Mohamed", "Mouhamed", "Mohammed", "Muhammad",
		"Mohamad", "Mahamat", "Mahamadou", "Mohamet", NULL };

	(void)state;
	check_group(g);
}

static void test_key_aissatou(void **state)
{
	static const char *const g[] = { "A\xc3\xafssatou", "Aissatou", "Aishatu",
		"A\xc3\xaf" "chatou", "Ayssatou", NULL };

	(void)state;
	check_group(g);
}

static void test_key_ousmane(void **state)
{
	static const char *const g[] = { "Ousmane", "Usman", "Ousman", "Othman",
		"Osman", NULL };

	(void)state;
	check_group(g);
}

static void test_key_ibrahim(void **state)
{
	static const char *const g[] = { "Ibrahim", "Ibrahima", "Brahim", NULL };

	(void)state;
	check_group(g);
}

static void test_key_abdoulaye(void **state)
{
	static const char *const g[] = { "Abdoulaye", "Abdullahi", "Abdallah",
		"Abdoulahi", NULL };

	(void)state;
	check_group(g);
}

static void test_key_amadou(void **state)
{
	static const char *const g[] = { "Amadou", "Ahmadou", "Ahmed", "Hamadou",
		"Ahmat", NULL };

	(void)state;
	check_group(g);
}

static void test_key_fatoumata(void **state)
{
	static const char *const g[] = { "Fatoumata", "Fatimata", "Fatouma", "Fatima",
		NULL };

	(void)state;
	check_group(g);
}

static void test_key_given_names(void **state)
{
	static const char *const mamadou[] = { "Mamadou", "Mamadu", NULL };
	static const char *const moussa[] = { "Moussa", "Musa", NULL };
	static const char *const souleymane[] = { "Souleymane", "Sulaiman", "Souleiman",
		"Sulayman", NULL };
	static const char *const boubacar[] = { "Boubacar", "Abubakar", "Aboubakar",
		"Boubakar", NULL };
	static const char *const oumar[] = { "Oumar", "Umar", "Omar", NULL };
	static const char *const idrissa[] = { "Idrissa", "Idris", NULL };
	static const char *const hadiza[] = { "Hadiza", "Hadizatou", NULL };
	static const char *const zeinabou[] = { "Zeinabou", "Zainab", "Zeinab", NULL };
	static const char *const ousseini[] = { "Ousseini", "Husseini", NULL };
	static const char *const djibo[] = { "Djibo", "Jibo", NULL };

	(void)state;
	check_group(mamadou);
	check_group(moussa);
	check_group(souleymane);
	check_group(boubacar);
	check_group(oumar);
	check_group(idrissa);
	check_group(hadiza);
	check_group(zeinabou);
	check_group(ousseini);
	check_group(djibo);
}

static void test_key_family_names(void **state)
{
	static const char *const diallo[] = { "Diallo", "Jallow", "Djallo", NULL };
	static const char *const ndiaye[] = { "N'Diaye", "Ndiaye", "Njie", NULL };
	static const char *const traore[] = { "Traor\xc3\xa9", "Traore", NULL };
	static const char *const keita[] = { "Keita", "Ke\xc3\xafta", "Kaita", NULL };
	static const char *const coulibaly[] = { "Coulibaly", "Kulibali", NULL };
	static const char *const toure[] = { "Tour\xc3\xa9", "Toure", "Turay", NULL };
	static const char *const sow[] = { "Sow", "So", NULL };
	static const char *const bah[] = { "Bah", "Ba", "B\xc3\xa2", NULL };

	(void)state;
	check_group(diallo);
	check_group(ndiaye);
	check_group(traore);
	check_group(keita);
	check_group(coulibaly);
	check_group(toure);
	check_group(sow);
	check_group(bah);
}

/* Some more spellings met at the centres, joined by the same rules. */
static void test_key_other_common_variants(void **state)
{
	static const char *const hassane[] = { "Hassane", "Assane", "Hassan", NULL };
	static const char *const seydou[] = { "Seydou", "Saidou", "Seidou", NULL };
	static const char *const yacouba[] = { "Yacouba", "Yakubu", NULL };
	static const char *const youssouf[] = { "Youssouf", "Yusuf", "Yousouf", NULL };
	static const char *const ouattara[] = { "Ouattara", "Watara", NULL };
	static const char *const kadija[] = { "Khadidja", "Kadija", NULL };
	static const char *const hawa[] = { "Hawa", "Awa", NULL };

	(void)state;
	check_group(hassane);
	check_group(seydou);
	check_group(yacouba);
	check_group(youssouf);
	check_group(ouattara);
	check_group(kadija);
	check_group(hawa);
}

/* ---- names_key: names kept apart ----------------------------------- */

/* The pairs the brief names, plus near misses of the rules. */
static void test_key_different_names_stay_apart(void **state)
{
	(void)state;
	check_apart("Moussa", "Mamadou");
	check_apart("Aminata", "Amadou");
	check_apart("Aminata", "Amina");
	check_apart("Diallo", "Diop");
	check_apart("Issa", "Aissa");
	check_apart("Mamadou", "Mohamed");
	check_apart("Mamadou", "Mahmoud");
	check_apart("Amadou", "Hamidou");
	check_apart("Djibo", "Diop");
	check_apart("Sow", "Sy");
	check_apart("Fatou", "Fatoumata");
	check_apart("Ousmane", "Ousseini");
	check_apart("Ibrahim", "Abraham");
	check_apart("Abdou", "Abdoulaye");
	check_apart("Traore", "Toure");
	check_apart("Hadiza", "Hawa");
}

/* ---- names_key: edge cases ----------------------------------------- */

/* A non-empty word always gets a key, even one made of a dropped h. */
static void test_key_never_empty(void **state)
{
	char k[NAMES_KEY_MAX];

	(void)state;
	assert_string_equal(key_of("h", k), "h");
	assert_true(key_of("a", k)[0] != '\0');
	assert_true(key_of("hh", k)[0] != '\0');
	assert_true(key_of("'", k)[0] != '\0');
	assert_string_equal(key_of("", k), "");
	names_key(NULL, k, sizeof k);
	assert_string_equal(k, "");
}

/* Keys fit in NAMES_KEY_MAX and are cut to smaller buffers. */
static void test_key_length_limits(void **state)
{
	char k[64], small[4];
	const char *longw = "bcdfgbcdfgbcdfgbcdfgbcdfgbcdfgb";   /* 31 letters */

	(void)state;
	memset(k, 'z', sizeof k);
	names_key(longw, k, sizeof k);
	assert_int_equal(strlen(k), NAMES_KEY_MAX - 1);
	names_key("mohamed", small, sizeof small);
	assert_string_equal(small, "mUh");
	names_key("mohamed", small, 1);
	assert_string_equal(small, "");
}

/* Upper case is accepted although callers pass folded words. */
static void test_key_ignores_case(void **state)
{
	char a[NAMES_KEY_MAX], b[NAMES_KEY_MAX];

	(void)state;
	assert_string_equal(key_of("DIALLO", a), key_of("diallo", b));
}

/* Every key of the groups is the same for the same word, call after call. */
static void test_key_is_stable(void **state)
{
	char a[NAMES_KEY_MAX], b[NAMES_KEY_MAX];

	(void)state;
	assert_string_equal(key_of("aissatou", a), key_of("aissatou", b));
	assert_string_equal(key_of("mohamed", a), "mUhAmd");
}

/* ---- names_duplicate_score ----------------------------------------- */

static void test_score_spelling_variant_close_ages(void **state)
{
	struct names_person a = person("Diallo", "Mohamed");
	struct names_person b = person("Diallo", "Mouhamed");

	(void)state;
	a.sex = b.sex = 'm';
	a.age_min = 20;
	a.age_max = 21;
	b.age_min = b.age_max = 22;
	assert_true(score(&a, &b) >= 80);
}

static void test_score_swapped_family_and_given(void **state)
{
	struct names_person a = person("Diallo", "Mamadou");
	struct names_person b = person("Mamadou", "Diallo");

	(void)state;
	assert_true(score(&a, &b) >= 90);
}

static void test_score_accents_and_variants(void **state)
{
	struct names_person a = person("Traor\xc3\xa9", "A\xc3\xafssatou");
	struct names_person b = person("Traore", "Aishatu");
	struct names_person c = person("Keita", "Ousmane");
	struct names_person d = person("Kaita", "Usman");

	(void)state;
	assert_true(score(&a, &b) >= 70);
	assert_true(score(&c, &d) >= 70);
}

static void test_score_different_people_low(void **state)
{
	struct names_person a = person("Diallo", "Mamadou");
	struct names_person b = person("Traor\xc3\xa9", "Moussa");

	(void)state;
	assert_true(score(&a, &b) < 30);
}

static void test_score_different_sex_is_zero(void **state)
{
	struct names_person a = person("Diallo", "Mamadou");
	struct names_person b = person("Diallo", "Mamadou");

	(void)state;
	a.sex = 'm';
	b.sex = 'f';
	assert_int_equal(score(&a, &b), 0);
	b.sex = 'F';
	assert_int_equal(score(&a, &b), 0);
	b.sex = 'x';
	assert_true(score(&a, &b) >= 90);
	b.sex = 'M';
	assert_true(score(&a, &b) >= 90);
}

static void test_score_distant_ages_is_zero(void **state)
{
	struct names_person a = person("Diallo", "Mamadou");
	struct names_person b = person("Diallo", "Mamadou");

	(void)state;
	a.age_min = 8;
	a.age_max = 9;
	b.age_min = b.age_max = 35;
	assert_int_equal(score(&a, &b), 0);
	/* 3 years of slack: 9 and 12 may still be one estimate apart. */
	b.age_min = b.age_max = 12;
	assert_true(score(&a, &b) >= 90);
	b.age_min = b.age_max = 13;
	assert_int_equal(score(&a, &b), 0);
	/* Only one end known still bounds the range. */
	b.age_min = 30;
	b.age_max = -1;
	assert_int_equal(score(&a, &b), 0);
	b.age_min = -1;
	b.age_max = 5;
	assert_true(score(&a, &b) > 0);
}

/* Exactly overlapping ages add a little; unknown ages neither add nor cut. */
static void test_score_overlapping_ages_add(void **state)
{
	struct names_person a = person("Diallo", "Mohamed");
	struct names_person b = person("Diallo", "Mouhamed");
	int unknown, close, overlap;

	(void)state;
	unknown = score(&a, &b);
	a.age_min = 20;
	a.age_max = 25;
	b.age_min = b.age_max = 27;
	close = score(&a, &b);
	b.age_min = b.age_max = 24;
	overlap = score(&a, &b);
	assert_int_equal(close, unknown);
	assert_true(overlap > close);
}

static void test_score_extra_word(void **state)
{
	struct names_person a = person("Sow", "Aminata");
	struct names_person b = person("Sow Diop", "Aminata");

	(void)state;
	assert_true(score(&a, &b) >= 60);
	assert_true(score(&a, &b) < score(&a, &a));
}

static void test_score_alias_matches(void **state)
{
	struct names_person a = person("Bah", "Fatoumata");
	struct names_person b = person("Bah", "Fatou");

	(void)state;
	assert_true(score(&a, &b) < 50);
	a.other_names = "Fatou";
	assert_true(score(&a, &b) >= 60);
	a.other_names = "Mariama; Fatou ;";
	assert_true(score(&a, &b) >= 60);
}

/* Same names are 100; a shared family name alone is not worth showing. */
static void test_score_identical_and_single_word(void **state)
{
	struct names_person a = person("Diallo", "Mamadou");
	struct names_person b = person("Diallo", "Moussa");
	struct names_person c = person("Diallo", "");

	(void)state;
	assert_int_equal(score(&a, &a), 100);
	assert_true(score(&a, &b) < 50);
	assert_true(score(&a, &c) < 50);
	assert_true(score(&c, &c) < 50);
}

/* A one-letter slip in a long word still counts, weakly. */
static void test_score_one_edit(void **state)
{
	struct names_person a = person("Coulibaly", "Abdourahamane");
	struct names_person b = person("Coulibaly", "Abdourahmane");
	struct names_person c = person("Coulibaly", "Ali");
	struct names_person d = person("Coulibaly", "Alo");

	(void)state;
	assert_true(score(&a, &b) >= 70);
	assert_true(score(&a, &b) < 100);
	/* Short words one letter apart are different names. */
	assert_true(score(&c, &d) < 50);
}

/* A middle initial shared by two different people is no evidence. */
static void test_score_initials_weigh_little(void **state)
{
	struct names_person a = person("Diallo", "Mamadou B.");
	struct names_person b = person("Diallo", "Moussa B.");

	(void)state;
	assert_true(score(&a, &b) < 50);
}

/* Missing names and NULL persons give 0. */
static void test_score_empty(void **state)
{
	struct names_person a = person("", "");
	struct names_person b = person("Diallo", "Mamadou");
	struct names_person c = { NULL, NULL, NULL, 'x', -1, -1 };

	(void)state;
	assert_int_equal(score(&a, &b), 0);
	assert_int_equal(score(&c, &b), 0);
	assert_int_equal(names_duplicate_score(NULL, &b), 0);
	assert_int_equal(names_duplicate_score(&b, NULL), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_words_header_example),
		cmocka_unit_test(test_words_separators),
		cmocka_unit_test(test_words_typographic_apostrophe_joins),
		cmocka_unit_test(test_words_fold_decomposed_and_capitals),
		cmocka_unit_test(test_words_empty),
		cmocka_unit_test(test_words_limits),
		cmocka_unit_test(test_words_other_characters),
		cmocka_unit_test(test_key_mohamed),
		cmocka_unit_test(test_key_aissatou),
		cmocka_unit_test(test_key_ousmane),
		cmocka_unit_test(test_key_ibrahim),
		cmocka_unit_test(test_key_abdoulaye),
		cmocka_unit_test(test_key_amadou),
		cmocka_unit_test(test_key_fatoumata),
		cmocka_unit_test(test_key_given_names),
		cmocka_unit_test(test_key_family_names),
		cmocka_unit_test(test_key_other_common_variants),
		cmocka_unit_test(test_key_different_names_stay_apart),
		cmocka_unit_test(test_key_never_empty),
		cmocka_unit_test(test_key_length_limits),
		cmocka_unit_test(test_key_ignores_case),
		cmocka_unit_test(test_key_is_stable),
		cmocka_unit_test(test_score_spelling_variant_close_ages),
		cmocka_unit_test(test_score_swapped_family_and_given),
		cmocka_unit_test(test_score_accents_and_variants),
		cmocka_unit_test(test_score_different_people_low),
		cmocka_unit_test(test_score_different_sex_is_zero),
		cmocka_unit_test(test_score_distant_ages_is_zero),
		cmocka_unit_test(test_score_overlapping_ages_add),
		cmocka_unit_test(test_score_extra_word),
		cmocka_unit_test(test_score_alias_matches),
		cmocka_unit_test(test_score_identical_and_single_word),
		cmocka_unit_test(test_score_one_edit),
		cmocka_unit_test(test_score_initials_weigh_little),
		cmocka_unit_test(test_score_empty),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
