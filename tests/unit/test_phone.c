/* Unit tests for src/core/phone.c: the key a phone number is stored under
 * whichever way it was typed, the words of the search index, and what a
 * lookup typed as a phone asks for, checked against the index words as
 * the full-text index matches them (a word starting with a term). */
#include "testutil.h"
#include "core/phone.h"

/* Macros rather than functions so a failure points at the test's line. */
#define assert_key(typed, cc, want)                                        \
	do {                                                               \
		char k_[PHONE_KEY_SIZE] = "stale";                         \
		phone_normalise((typed), (cc), k_, sizeof k_);             \
		assert_string_equal(k_, (want));                           \
	} while (0)

/* True when the index words of stored start with one of the terms of a
 * lookup for typed: as the full-text index's prefix queries match. */
static bool finds(const char *typed, const char *stored, const char *cc)
{
	struct phone_query q;
	if (!phone_query(typed, cc, &q))
		return false;
	char words[PHONE_WORDS_SIZE];
	phone_index_words(stored, cc, words, sizeof words);
	const char *terms[] = { q.prefix[0], q.prefix[1], q.tail };
	for (char *save = NULL, *w = strtok_r(words, " ", &save); w; w = strtok_r(NULL, " ", &save))
		for (int i = 0; i < 3; i++)
			if (terms[i][0] && strncmp(w, terms[i], strlen(terms[i])) == 0)
				return true;
	return false;
}

/* One Nigerien number, as clerks and callers write it. */
static const char *const niger_forms[] = {
	"74 54 86 17", "74548617", "74-54-86-17", "74.54.86.17", "74 548 617", "7454 8617",
	"+227 74 54 86 17", "+22774548617", "+227-74-54-86-17", "+227.74.54.86.17", "+227 7454 8617",
	"(+227) 74 54 86 17", "+ 227 74 54 86 17", "227 74 54 86 17", "22774548617", "227-74-54-86-17",
	"00227 74 54 86 17", "0022774548617", "00 227 74 54 86 17", "00-227-74548617", " 74 54 86 17 ",
	"+227/74/54/86/17", "(227) 74 54 86 17",
};
#define NIGER_FORMS (sizeof niger_forms / sizeof niger_forms[0])

static void country_codes(void **state)
{
	(void)state;
	assert_true(phone_country_ok("227"));
	assert_true(phone_country_ok("1"));
	assert_true(phone_country_ok("44"));
	assert_false(phone_country_ok(""));
	assert_false(phone_country_ok(NULL));
	assert_false(phone_country_ok("0"));
	assert_false(phone_country_ok("027"));
	assert_false(phone_country_ok("2270"));
	assert_false(phone_country_ok("+227"));
	assert_false(phone_country_ok("22a"));
}

static void what_looks_like_a_phone(void **state)
{
	(void)state;
	assert_true(phone_looks_like("+227 (74) 54-86.17"));
	assert_true(phone_looks_like("8617"));
	assert_true(phone_looks_like("1"));
	assert_false(phone_looks_like(""));
	assert_false(phone_looks_like("+ - ."));
	assert_false(phone_looks_like("AGZ-26-00123-K"));
	assert_false(phone_looks_like("diallo 74"));
	assert_false(phone_looks_like(NULL));
}

static void every_form_of_a_number_has_one_key(void **state)
{
	(void)state;
	for (size_t i = 0; i < NIGER_FORMS; i++) {
		char k[PHONE_KEY_SIZE];
		phone_normalise(niger_forms[i], "227", k, sizeof k);
		if (strcmp(k, "22774548617") != 0)
			fail_msg("'%s' has the key '%s'", niger_forms[i], k);
	}
	/* Numbers of other countries keep their code; one typed without it
	 * is taken for the default country's. */
	assert_key("+223 70 00 00 01", "227", "22370000001");
	assert_key("0022370000001", "227", "22370000001");
	assert_key("+234 803 123 4567", "227", "2348031234567");
	assert_key("70 00 00 01", "227", "22770000001");
	/* A national trunk prefix 0 is not part of the number. */
	assert_key("0803 123 4567", "234", "2348031234567");
	assert_key("0803 123 4567", "227", "2278031234567");
	/* The configured country, and the default when it is not a code. */
	assert_key("70 00 00 01", "223", "22370000001");
	assert_key("74 54 86 17", NULL, "22774548617");
	assert_key("74 54 86 17", "0", "22774548617");
	assert_key("74 54 86 17", "22a", "22774548617");
	/* Starting with the code but too short to hold a number after it:
	 * a national number (8 digits after 227 are needed). */
	assert_key("227 7454", "227", "2272277454");
	assert_key("2277454861", "227", "2272277454861");
	/* Nothing to keep. */
	assert_key("", "227", "");
	assert_key("+ ( ) -", "227", "");
	assert_key("0", "227", "");
	assert_key("00", "227", "");
	assert_key("+000", "227", "");
	assert_key(NULL, "227", "");
	/* Extra zeros after an international prefix are dropped, so a key
	 * never starts with 0. */
	assert_key("000227 74 54 86 17", "227", "22774548617");
	assert_key("+0227 74548617", "227", "22774548617");
	/* Anything but digits is ignored. */
	assert_key("tel: 74 54 86 17", "227", "22774548617");
}

static void keys_fit_and_small_buffers_stay_terminated(void **state)
{
	(void)state;
	char longest[64];
	memset(longest, '9', 31);
	longest[31] = '\0';
	char k[PHONE_KEY_SIZE];
	phone_normalise(longest, "227", k, sizeof k);
	assert_int_equal(strlen(k), 34);
	char words[PHONE_WORDS_SIZE];
	phone_index_words(longest, "227", words, sizeof words);
	assert_int_equal(strlen(words), 34 + 1 + 35);
	char small[6] = "stale";
	phone_normalise("74 54 86 17", "227", small, sizeof small);
	assert_string_equal(small, "22774");
	phone_index_words("74 54 86 17", "227", small, sizeof small);
	assert_int_equal(strlen(small), 5);
	phone_normalise("74 54 86 17", "227", small, 0);
	assert_string_equal(small, "22774");
}

static void index_words_are_the_key_and_its_reverse(void **state)
{
	(void)state;
	char w[PHONE_WORDS_SIZE] = "stale";
	phone_index_words("+227 74 54 86 17", "227", w, sizeof w);
	assert_string_equal(w, "22774548617 071684547722");
	phone_index_words("74 54 86 17", "227", w, sizeof w);
	assert_string_equal(w, "22774548617 071684547722");
	phone_index_words("", "227", w, sizeof w);
	assert_string_equal(w, "");
}

/* Every way of typing the number finds it stored in every way. */
static void every_form_finds_every_form(void **state)
{
	(void)state;
	int found = 0;
	for (size_t s = 0; s < NIGER_FORMS; s++)
		for (size_t t = 0; t < NIGER_FORMS; t++) {
			if (!finds(niger_forms[t], niger_forms[s], "227"))
				fail_msg("'%s' does not find '%s'", niger_forms[t], niger_forms[s]);
			found++;
		}
	print_message("%zu ways of typing one number, %d pairs found\n", NIGER_FORMS, found);
	assert_true(NIGER_FORMS >= 15);
}

static void the_last_digits_find_it(void **state)
{
	(void)state;
	const char *stored[] = { "74 54 86 17", "+227 74 54 86 17", "0022774548617", "+223 74 54 86 17",
		                 "+234 803 774 8617" };
	const char *ends[] = { "8617", "86 17", "86-17", "548617", "54 86 17", "4548617", "74548617" };
	for (size_t s = 0; s < 4; s++)
		for (size_t e = 0; e < sizeof ends / sizeof ends[0]; e++)
			if (!finds(ends[e], stored[s], "227"))
				fail_msg("'%s' does not find '%s'", ends[e], stored[s]);
	assert_true(finds("8617", stored[4], "227"));
	assert_true(finds("7748617", stored[4], "227"));
	/* Other numbers are not found by these digits. */
	assert_false(finds("8617", "74 54 86 18", "227"));
	assert_false(finds("548617", "74 55 86 17", "227"));
	assert_false(finds("86 17", "74 54 17 86", "227"));
}

static void the_first_digits_find_it_as_it_is_typed(void **state)
{
	(void)state;
	const char *starts[] = { "7454", "74 54 8", "+227 74", "+227 7454", "00227 745", "227 7454",
		                 "22774548", "+2277454861" };
	for (size_t i = 0; i < sizeof starts / sizeof starts[0]; i++)
		if (!finds(starts[i], "74 54 86 17", "227"))
			fail_msg("'%s' does not find 74 54 86 17", starts[i]);
	assert_false(finds("+227 75", "74 54 86 17", "227"));
	assert_false(finds("7455", "74 54 86 17", "227"));
	/* A foreign number typed without its +. */
	assert_true(finds("223 70 00 00 01", "+223 70 00 00 01", "227"));
	assert_true(finds("0022370000001", "+223 70 00 00 01", "227"));
	/* Its national form, under that country's code. */
	assert_true(finds("70 00 00 01", "+223 70 00 00 01", "223"));
	assert_true(finds("7000", "+223 70 00 00 01", "223"));
	/* A number recorded with a trunk 0, found by its international form
	 * through its last 8 digits, and the other way round. */
	assert_true(finds("+234 803 123 4567", "0803 123 4567", "227"));
	assert_true(finds("0803 123 4567", "+234 803 123 4567", "227"));
}

static void short_and_unclear_input(void **state)
{
	(void)state;
	struct phone_query q;
	memset(&q, 'x', sizeof q);
	/* Fewer than 4 digits is no phone lookup: too many numbers hold them. */
	assert_false(phone_query("861", "227", &q));
	assert_string_equal(q.prefix[0], "");
	assert_string_equal(q.tail, "");
	assert_false(phone_query("+227", "227", &q));
	assert_false(phone_query("00227", "227", &q));
	assert_false(phone_query("+", "227", &q));
	assert_false(phone_query("", "227", &q));
	assert_false(phone_query("ali 8617", "227", &q));
	/* More digits than any number. */
	assert_false(phone_query("1234567890123456789012345678901234567890", "227", &q));
	/* Four digits: the numbers starting so, or ending so. */
	assert_true(phone_query("8617", "227", &q));
	assert_string_equal(q.prefix[0], "2278617");
	assert_string_equal(q.prefix[1], "");
	assert_string_equal(q.tail, "07168");
	/* With a "+", the start of a number only. */
	assert_true(phone_query("+227 7", "227", &q));
	assert_string_equal(q.prefix[0], "2277");
	assert_string_equal(q.tail, "");
	/* 227 without its "+": the start of an international number too. */
	assert_true(phone_query("227 7454", "227", &q));
	assert_string_equal(q.prefix[0], "2272277454");
	assert_string_equal(q.prefix[1], "2277454");
	assert_string_equal(q.tail, "04547722");
	/* A whole international number: by its last 8 digits as well. */
	assert_true(phone_query("+227 74 54 86 17", "227", &q));
	assert_string_equal(q.prefix[0], "22774548617");
	assert_string_equal(q.prefix[1], "");
	assert_string_equal(q.tail, "071684547");
	/* A trunk 0 then 3 digits is too short to search by its end. */
	assert_true(phone_query("0861", "227", &q));
	assert_string_equal(q.prefix[0], "227861");
	assert_string_equal(q.tail, "");
	/* No search word ever starts with 0 but the tails, so a number's start
	 * never finds another's end. */
	assert_false(phone_query("0000 0000", "227", &q));
	assert_true(phone_query("0 7454 8617", "227", &q));
	assert_string_equal(q.prefix[0], "22774548617");
	assert_false(finds("7168", "74 54 86 17", "227"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(country_codes),
		cmocka_unit_test(what_looks_like_a_phone),
		cmocka_unit_test(every_form_of_a_number_has_one_key),
		cmocka_unit_test(keys_fit_and_small_buffers_stay_terminated),
		cmocka_unit_test(index_words_are_the_key_and_its_reverse),
		cmocka_unit_test(every_form_finds_every_form),
		cmocka_unit_test(the_last_digits_find_it),
		cmocka_unit_test(the_first_digits_find_it_as_it_is_typed),
		cmocka_unit_test(short_and_unclear_input),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
