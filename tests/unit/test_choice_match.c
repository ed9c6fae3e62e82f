/* Choice fields: what was typed picks the best match, in either language;
 * arrows go through the matches; Backspace takes back what was typed. */
#include "testutil.h"
#include <curses.h>
#include "ui/choice_match.h"
#include "ui/form.h"
#include "ui/keys.h"

static void exact_name_beats_longer_names(void **state)
{
	(void)state;
	assert_int_equal(choice_rank("Guinea", "Guinée", "GIN", "guinea"), 0);
	assert_true(choice_rank("Equatorial Guinea", "Guinée équatoriale", "GNQ", "Guinea") > 0);
	assert_true(choice_rank("Guinea-Bissau", "Guinée-Bissau", "GNB", "guinea")
	            < choice_rank("Equatorial Guinea", "Guinée équatoriale", "GNQ", "guinea"));
	assert_int_equal(choice_rank("Sudan", "Soudan", "SDN", "Sudan"), 0);
	assert_int_equal(choice_rank("South Sudan", "Soudan du Sud", "SSD", "Sudan"), 2);
}

static void words_inside_names_and_accents(void **state)
{
	(void)state;
	assert_int_equal(choice_rank("Fula (Fulfulde)", NULL, "ful", "Ful"), 1);
	assert_int_equal(choice_rank("Adamawa Fulfulde", NULL, "fub", "ful"), 2);
	assert_int_equal(choice_rank("Côte d’Ivoire", NULL, "CIV", "ivoire"), 2);
	assert_int_equal(choice_rank("Côte d'Ivoire", NULL, "CIV", "COTE"), 1);
	assert_int_equal(choice_rank("Adamawa Fulfulde", NULL, "fub", "ulf"), CHOICE_NO_MATCH);
}

static void other_language_and_codes_come_after_the_shown_names(void **state)
{
	(void)state;
	assert_int_equal(choice_rank("Sudan", "Soudan", "SDN", "soudan"), 4);
	assert_int_equal(choice_rank("South Sudan", "Soudan du Sud", "SSD", "soudan"), 5);
	assert_int_equal(choice_rank("Equatorial Guinea", "Guinée équatoriale", "GNQ", "equatoriale"), 6);
	assert_int_equal(choice_rank("Niger", "Niger", "NER", "ner"), 3);
	assert_int_equal(choice_rank("Niger", "Niger", "NER", "ne"), 7);
	assert_int_equal(choice_rank("Niger", NULL, NULL, "x"), CHOICE_NO_MATCH);
}

/* Countries as the reference list gives them: in name order, with the
 * French name beside. */
static const struct choice countries[] = {
	{ "", "-", NULL },
	{ "GNQ", "Equatorial Guinea", "Guinée équatoriale" },
	{ "GIN", "Guinea", "Guinée" },
	{ "GNB", "Guinea-Bissau", "Guinée-Bissau" },
	{ "NER", "Niger", "Niger" },
	{ "PNG", "Papua New Guinea", "Papouasie-Nouvelle-Guinée" },
	{ "SSD", "South Sudan", "Soudan du Sud" },
	{ "SDN", "Sudan", "Soudan" },
};
static const struct choice languages[] = {
	{ "fub", "Adamawa Fulfulde", "Fulfulde de l'Adamaoua" },
	{ "fue", "Borgu Fulfulde", "Fulfulde du Borgou" },
	{ "fra", "French", "Français" },
	{ "ful", "Fula (Fulfulde)", "Peul (fulfulde)" },
	{ "hau", "Hausa", "Haoussa" },
};
static const struct field_def defs[] = {
	{ .label = "Country", .type = FIELD_CHOICE, .choices = countries, .nchoices = 8 },
	{ .label = "Language", .type = FIELD_CHOICE, .choices = languages, .nchoices = 5 },
};

/* Types ASCII text into the current field. */
static void type(struct form *f, const char *s)
{
	for (; *s; s++)
		form_key(f, (unsigned char)*s);
}

/* The value of field i. */
static const char *value(const struct form *f, int i)
{
	static char v[16];
	form_get(f, i, v, sizeof v);
	return v;
}

static void form_picks_the_best_match(void **state)
{
	(void)state;
	struct form f;
	form_init(&f, defs, 2);
	type(&f, "Guinea");
	assert_string_equal(value(&f, 0), "GIN");
	form_init(&f, defs, 2);
	type(&f, "Sudan");
	assert_string_equal(value(&f, 0), "SDN");
	form_init(&f, defs, 2);
	type(&f, "soudan du");
	assert_string_equal(value(&f, 0), "SSD");
	f.cur = 1;
	type(&f, "Ful");
	assert_string_equal(value(&f, 1), "ful");
	assert_true(f.changed);
}

static void arrows_go_through_the_matches(void **state)
{
	(void)state;
	struct form f;
	form_init(&f, defs, 2);
	type(&f, "guin");
	assert_string_equal(value(&f, 0), "GIN");
	form_key(&f, UI_KEYCODE(KEY_RIGHT));
	assert_string_equal(value(&f, 0), "GNB");
	form_key(&f, UI_KEYCODE(KEY_RIGHT));
	assert_string_equal(value(&f, 0), "GNQ");
	form_key(&f, UI_KEYCODE(KEY_RIGHT));
	assert_string_equal(value(&f, 0), "PNG");
	form_key(&f, UI_KEYCODE(KEY_RIGHT));
	assert_string_equal(value(&f, 0), "GIN");
	form_key(&f, UI_KEYCODE(KEY_LEFT));
	assert_string_equal(value(&f, 0), "PNG");
	/* Nothing typed: the whole list, from the best match of "g". */
	for (int i = 0; i < 4; i++)
		form_key(&f, UI_KEYCODE(KEY_BACKSPACE));
	assert_string_equal(value(&f, 0), "GIN");
	form_key(&f, UI_KEYCODE(KEY_RIGHT));
	assert_string_equal(value(&f, 0), "GNB");
	form_key(&f, UI_KEYCODE(KEY_RIGHT));
	assert_string_equal(value(&f, 0), "NER");
	/* The Fulfulde languages, the one starting so first. */
	f.cur = 1;
	type(&f, "ful");
	assert_string_equal(value(&f, 1), "ful");
	form_key(&f, UI_KEYCODE(KEY_RIGHT));
	assert_string_equal(value(&f, 1), "fub");
	form_key(&f, UI_KEYCODE(KEY_RIGHT));
	assert_string_equal(value(&f, 1), "fue");
	form_key(&f, UI_KEYCODE(KEY_RIGHT));
	assert_string_equal(value(&f, 1), "ful");
}

static void backspace_takes_back_a_letter_that_matched_nothing(void **state)
{
	(void)state;
	struct form f;
	form_init(&f, defs, 2);
	type(&f, "sx");
	assert_string_equal(value(&f, 0), "SSD");
	assert_null(f.fields[0].error);
	form_key(&f, UI_KEYCODE(KEY_BACKSPACE));
	type(&f, "udan");
	assert_string_equal(value(&f, 0), "SDN");
	assert_null(f.fields[0].error);
	/* Leaving the field forgets what was typed. */
	form_key(&f, '\t');
	form_key(&f, UI_KEYCODE(KEY_BTAB));
	type(&f, "n");
	assert_string_equal(value(&f, 0), "NER");
}

static void either_language_is_accepted(void **state)
{
	(void)state;
	struct form f;
	form_init(&f, defs, 2);
	type(&f, "guinee");
	assert_string_equal(value(&f, 0), "GIN");
	form_init(&f, defs, 2);
	type(&f, "guinee eq");
	assert_string_equal(value(&f, 0), "GNQ");
	f.cur = 1;
	type(&f, "peul");
	assert_string_equal(value(&f, 1), "ful");
	form_init(&f, defs, 2);
	f.cur = 1;
	type(&f, "haou");
	assert_string_equal(value(&f, 1), "hau");
}

/* Code-list choices: labels are msgids, alt their French. */
static const struct choice sexes[] = {
	{ "f", "Female", "Femme" },
	{ "m", "Male", "Homme" },
};
static const struct field_def sex_def[] = {
	{ .label = "Sex", .type = FIELD_CHOICE, .choices = sexes, .nchoices = 2, .labels_are_msgids = true },
};

static void code_lists_take_either_language_and_the_code(void **state)
{
	(void)state;
	struct form f;
	form_init(&f, sex_def, 1);
	type(&f, "homme");
	assert_string_equal(value(&f, 0), "m");
	form_init(&f, sex_def, 1);
	type(&f, "fe");
	assert_string_equal(value(&f, 0), "f");
	form_init(&f, sex_def, 1);
	type(&f, "m");
	assert_string_equal(value(&f, 0), "m");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(exact_name_beats_longer_names),
		cmocka_unit_test(words_inside_names_and_accents),
		cmocka_unit_test(other_language_and_codes_come_after_the_shown_names),
		cmocka_unit_test(form_picks_the_best_match),
		cmocka_unit_test(arrows_go_through_the_matches),
		cmocka_unit_test(backspace_takes_back_a_letter_that_matched_nothing),
		cmocka_unit_test(either_language_is_accepted),
		cmocka_unit_test(code_lists_take_either_language_and_the_code),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
