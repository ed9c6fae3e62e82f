/* The three-way merge of a person edited in two sessions. */
#include "testutil.h"
#include "core/person_merge.h"

/* A person as both sessions read it. */
static struct person base_person(void)
{
	struct person p;
	memset(&p, 0, sizeof p);
	p.id = 7;
	snprintf(p.family_name, sizeof p.family_name, "Coulibaly");
	snprintf(p.given_names, sizeof p.given_names, "Awa");
	p.sex = 'f';
	snprintf(p.birth_date, sizeof p.birth_date, "1990");
	p.birth_estimated = true;
	snprintf(p.nationality, sizeof p.nationality, "MLI");
	snprintf(p.phone, sizeof p.phone, "+227 90 00 00 01");
	snprintf(p.arrival_date, sizeof p.arrival_date, "2026-03-15");
	snprintf(p.centre_code, sizeof p.centre_code, "AGZ");
	snprintf(p.arrival_mode, sizeof p.arrival_mode, "rescue");
	snprintf(p.languages[0], sizeof p.languages[0], "bam");
	p.consent_data = true;
	snprintf(p.consent_date, sizeof p.consent_date, "2026-03-15");
	p.flags[FLAG_PREGNANT] = true;
	p.version = 3;
	return p;
}

static void different_fields_are_both_kept(void **state)
{
	(void)state;
	struct person base = base_person(), theirs = base, mine = base;
	snprintf(theirs.phone, sizeof theirs.phone, "+223 76 00 00 00");
	theirs.version = 4;
	snprintf(mine.given_names, sizeof mine.given_names, "Awa Mariam");
	snprintf(mine.other_names, sizeof mine.other_names, "Mariam");
	char taken[200], both[200];
	assert_int_equal(person_merge(&base, &theirs, &mine, taken, sizeof taken, both, sizeof both), 0);
	assert_string_equal(mine.phone, "+223 76 00 00 00");
	assert_string_equal(mine.given_names, "Awa Mariam");
	assert_string_equal(mine.other_names, "Mariam");
	assert_string_equal(taken, "phone");
	assert_string_equal(both, "");
	assert_int_equal(mine.version, 3);   /* the caller's business */
}

static void same_field_differently_is_a_conflict_and_keeps_mine(void **state)
{
	(void)state;
	struct person base = base_person(), theirs = base, mine = base;
	snprintf(theirs.phone, sizeof theirs.phone, "+223 76 00 00 00");
	snprintf(theirs.other_names, sizeof theirs.other_names, "Mimi");
	snprintf(theirs.nationality, sizeof theirs.nationality, "NER");
	snprintf(mine.phone, sizeof mine.phone, "+227 91 11 11 11");
	snprintf(mine.other_names, sizeof mine.other_names, "Mariam");
	char taken[200], both[200];
	assert_int_equal(person_merge(&base, &theirs, &mine, taken, sizeof taken, both, sizeof both), 2);
	assert_string_equal(both, "other_names,phone");
	assert_string_equal(taken, "nationality");
	assert_string_equal(mine.phone, "+227 91 11 11 11");
	assert_string_equal(mine.other_names, "Mariam");
	assert_string_equal(mine.nationality, "NER");
}

static void same_change_on_both_sides_is_no_conflict(void **state)
{
	(void)state;
	struct person base = base_person(), theirs = base, mine = base;
	snprintf(theirs.phone, sizeof theirs.phone, "+223 76 00 00 00");
	snprintf(mine.phone, sizeof mine.phone, "+223 76 00 00 00");
	char taken[200], both[200];
	assert_int_equal(person_merge(&base, &theirs, &mine, taken, sizeof taken, both, sizeof both), 0);
	assert_string_equal(taken, "");
	assert_string_equal(both, "");
	/* Nothing changed anywhere: nothing to do. */
	struct person again = base;
	assert_int_equal(person_merge(&base, &base, &again, NULL, 0, NULL, 0), 0);
	assert_memory_equal(&again, &base, sizeof base);
}

static void flags_merge_one_by_one(void **state)
{
	(void)state;
	struct person base = base_person(), theirs = base, mine = base;
	theirs.flags[FLAG_DISABILITY] = true;
	mine.flags[FLAG_PREGNANT] = false;
	mine.flags[FLAG_VIOLENCE_VICTIM] = true;
	char taken[200], both[200];
	assert_int_equal(person_merge(&base, &theirs, &mine, taken, sizeof taken, both, sizeof both), 0);
	assert_true(mine.flags[FLAG_DISABILITY]);
	assert_false(mine.flags[FLAG_PREGNANT]);
	assert_true(mine.flags[FLAG_VIOLENCE_VICTIM]);
	assert_string_equal(taken, "flags");
}

static void birth_date_goes_with_its_estimated_mark(void **state)
{
	(void)state;
	struct person base = base_person(), theirs = base, mine = base;
	/* They give an exact date; this session changed something else. */
	snprintf(theirs.birth_date, sizeof theirs.birth_date, "1990-05-02");
	theirs.birth_estimated = false;
	snprintf(mine.phone, sizeof mine.phone, "+227 91 11 11 11");
	char taken[200], both[200];
	assert_int_equal(person_merge(&base, &theirs, &mine, taken, sizeof taken, both, sizeof both), 0);
	assert_string_equal(mine.birth_date, "1990-05-02");
	assert_false(mine.birth_estimated);
	assert_string_equal(taken, "birth_date");
	/* Both change it: one conflict, named by the date. */
	mine = base;
	snprintf(mine.birth_date, sizeof mine.birth_date, "1991");
	assert_int_equal(person_merge(&base, &theirs, &mine, taken, sizeof taken, both, sizeof both), 1);
	assert_string_equal(both, "birth_date");
	assert_string_equal(mine.birth_date, "1991");
	assert_true(mine.birth_estimated);
}

static void lists_are_fields_too(void **state)
{
	(void)state;
	struct person base = base_person(), theirs = base, mine = base;
	snprintf(theirs.languages[1], sizeof theirs.languages[1], "fra");
	snprintf(mine.docs[0].type, sizeof mine.docs[0].type, "passport");
	snprintf(mine.docs[0].number, sizeof mine.docs[0].number, "A123");
	char taken[200], both[200];
	assert_int_equal(person_merge(&base, &theirs, &mine, taken, sizeof taken, both, sizeof both), 0);
	assert_string_equal(mine.languages[1], "fra");
	assert_string_equal(mine.docs[0].number, "A123");
	assert_string_equal(taken, "languages");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(different_fields_are_both_kept),
		cmocka_unit_test(same_field_differently_is_a_conflict_and_keeps_mine),
		cmocka_unit_test(same_change_on_both_sides_is_no_conflict),
		cmocka_unit_test(flags_merge_one_by_one),
		cmocka_unit_test(birth_date_goes_with_its_estimated_mark),
		cmocka_unit_test(lists_are_fields_too),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
