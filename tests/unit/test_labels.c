/* Names instead of codes: a reference list's name by code in either
 * language, the other language's names beside the choices, and the fitting
 * of a label that says when it is cut. */
#include "testutil.h"
#include "core/text.h"
#include "db/db.h"
#include "db/refdata.h"
#include "screens/person_labels.h"
#include "ui/refchoice.h"

static int setup(void **state)
{
	struct tmpdir *t = calloc(1, sizeof *t);
	tmpdir_make(t);
	*state = t;
	return 0;
}

static int teardown(void **state)
{
	tmpdir_remove(*state);
	free(*state);
	return 0;
}

static void names_by_code_in_either_language(void **state)
{
	struct tmpdir *t = *state;
	struct db *db;
	char name[200];
	assert_int_equal(db_open(t->db, DB_CREATE, &db, NULL, 0), ST_OK);
	assert_int_equal(ref_name(db, REF_COUNTRY, "GIN", "fr", name, sizeof name), ST_OK);
	assert_string_equal(name, "Guinée");
	assert_int_equal(ref_name(db, REF_COUNTRY, "GIN", "en", name, sizeof name), ST_OK);
	assert_string_equal(name, "Guinea");
	assert_int_equal(ref_name(db, REF_LANGUAGE, "tmh", "fr", name, sizeof name), ST_OK);
	assert_string_equal(name, "Touareg (tamacheq)");
	assert_int_equal(ref_name(db, REF_CENTRE, "AGZ", "en", name, sizeof name), ST_OK);
	assert_true(name[0] != '\0');
	assert_int_equal(ref_name(db, REF_COUNTRY, "XXX", "fr", name, sizeof name), ST_NOT_FOUND);
	assert_string_equal(name, "");
	/* The choices carry the name in the other language. */
	struct ref_choices *c = ref_choices_load(db, REF_COUNTRY, "en", 0);
	assert_non_null(c);
	bool seen = false;
	for (int i = 0; i < c->n; i++)
		if (strcmp(c->items[i].value, "SDN") == 0) {
			assert_string_equal(c->items[i].label, "Sudan");
			assert_string_equal(c->items[i].alt, "Soudan");
			seen = true;
		}
	assert_true(seen);
	ref_choices_free(&c);
	db_close(&db);
}

static void a_cut_label_ends_with_an_ellipsis(void **state)
{
	(void)state;
	char out[64];
	label_fit("Guinée", 11, out, sizeof out);
	assert_string_equal(out, "Guinée");
	label_fit("Burkina Faso", 11, out, sizeof out);
	assert_string_equal(out, "Burkina Fa…");
	assert_int_equal(text_width(out), 11);
	label_fit("Nationalité", 11, out, sizeof out);
	assert_string_equal(out, "Nationalité");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(names_by_code_in_either_language, setup, teardown),
		cmocka_unit_test(a_cut_label_ends_with_an_ellipsis),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
