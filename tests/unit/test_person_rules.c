/* The person's field table (core/person.c): the text form of each field
 * both ways; and the intake rules every save is held to, whoever saves
 * (screen, command line, demo, import): phone characters, a date of birth
 * or an age but not both, the other vulnerability with its text. */
#include "testutil.h"
#include "core/clock.h"
#include "core/person.h"
#include "core/role.h"
#include "core/vocab.h"
#include "db/db.h"
#include "db/login.h"
#include "db/person.h"
#include "db/user.h"

#define TODAY "2026-11-18"

/* A valid person. */
static struct person make(void)
{
	struct person p;
	memset(&p, 0, sizeof p);
	snprintf(p.family_name, sizeof p.family_name, "Sani");
	snprintf(p.given_names, sizeof p.given_names, "Issa");
	p.sex = 'm';
	snprintf(p.arrival_date, sizeof p.arrival_date, "2026-11-10");
	snprintf(p.centre_code, sizeof p.centre_code, "AGZ");
	snprintf(p.arrival_mode, sizeof p.arrival_mode, "self");
	p.consent_data = true;
	snprintf(p.consent_date, sizeof p.consent_date, "2026-11-10");
	return p;
}

static void the_table_names_every_field_once(void **state)
{
	(void)state;
	assert_true(person_field_count >= 18);
	for (int i = 0; i < person_field_count; i++) {
		const struct person_field *f = &person_fields[i];
		assert_true(f->name[0] && f->label[0]);
		assert_ptr_equal(person_field_find(f->name), f);
		for (const char *c = f->name; *c; c++)
			assert_true((*c >= 'a' && *c <= 'z') || *c == '_');
		if (f->vocab)
			assert_true(vocab_count(f->vocab) > 0);
		assert_true(f->get || f->size > 0);
	}
	assert_null(person_field_find("shoe_size"));
	assert_null(person_field_find(NULL));
	assert_ptr_equal(person_field_find("arrival_mode")->vocab, VOCAB_ARRIVAL_MODE);
	assert_int_equal(person_field_find("consent_data")->kind, PF_BOOL);
}

static void fields_read_and_write_as_text(void **state)
{
	(void)state;
	struct person p = make();
	char out[600];
	const struct person_field *docs = person_field_find("documents"), *langs = person_field_find("languages"),
	                          *flags = person_field_find("flags"), *sex = person_field_find("sex"),
	                          *consent = person_field_find("consent_share"), *family = person_field_find("family_name");
	/* A number may hold ':'; issuer and expiry may be empty. */
	assert_true(person_field_set(docs, &p, "passport:A:12:NER:2030-01-31;other:X9::"));
	assert_string_equal(p.docs[0].type, "passport");
	assert_string_equal(p.docs[0].number, "A:12");
	assert_string_equal(p.docs[0].issued_by, "NER");
	assert_string_equal(p.docs[0].expiry, "2030-01-31");
	assert_string_equal(p.docs[1].number, "X9");
	assert_string_equal(p.docs[1].issued_by, "");
	assert_string_equal(p.docs[2].type, "");
	person_field_get(docs, &p, out, sizeof out);
	assert_string_equal(out, "passport:A:12:NER:2030-01-31;other:X9::");
	assert_false(person_field_set(docs, &p, "passport:A1:NER"));      /* three parts */
	assert_false(person_field_set(docs, &p, "a::b::;c:::;d:::;e:::;f:::"));   /* five */
	assert_string_equal(p.docs[0].number, "A:12");                   /* unchanged */
	assert_true(person_field_set(docs, &p, ""));
	assert_string_equal(p.docs[0].type, "");

	assert_true(person_field_set(langs, &p, "hau;fra"));
	assert_string_equal(p.languages[1], "fra");
	person_field_get(langs, &p, out, sizeof out);
	assert_string_equal(out, "hau;fra");
	assert_false(person_field_set(langs, &p, "hausa"));
	assert_false(person_field_set(langs, &p, "a;b;c;d;e;f;g"));

	assert_true(person_field_set(flags, &p, "other;pregnant"));
	assert_true(p.flags[FLAG_PREGNANT] && p.flags[FLAG_OTHER] && !p.flags[FLAG_DISABILITY]);
	person_field_get(flags, &p, out, sizeof out);
	assert_string_equal(out, "pregnant;other");                       /* list order */
	assert_false(person_field_set(flags, &p, "pregnant;sleepy"));
	assert_true(p.flags[FLAG_OTHER]);

	assert_true(person_field_set(sex, &p, "f"));
	assert_int_equal(p.sex, 'f');
	person_field_get(sex, &p, out, sizeof out);
	assert_string_equal(out, "f");
	assert_false(person_field_set(sex, &p, "fm"));
	assert_true(person_field_set(consent, &p, "1"));
	assert_true(p.consent_share);
	assert_false(person_field_set(consent, &p, "yes"));
	person_field_get(consent, &p, out, sizeof out);
	assert_string_equal(out, "1");
	char long_name[PERSON_NAME_MAX + 2];
	memset(long_name, 'a', sizeof long_name - 1);
	long_name[sizeof long_name - 1] = '\0';
	assert_false(person_field_set(family, &p, long_name));
	assert_string_equal(p.family_name, "Sani");
}

static void the_phone_takes_digits_and_a_few_signs(void **state)
{
	(void)state;
	assert_null(person_phone_problem("+227 (90) 12-34.56"));
	assert_null(person_phone_problem(""));
	assert_non_null(person_phone_problem("90 12 34 56 ext 3"));
	const char *why;
	struct person p = make();
	snprintf(p.phone, sizeof p.phone, "+227 90 abc");
	assert_int_equal(person_check(&p, TODAY, &why), ST_INVALID);
	assert_string_equal(why, "Only digits, spaces and + - . ( ).");
	snprintf(p.phone, sizeof p.phone, "+227 90 12 34 56");
	assert_int_equal(person_check(&p, TODAY, &why), ST_OK);
}

static void an_estimated_age_is_a_year_of_birth(void **state)
{
	(void)state;
	const char *why;
	struct person p = make();
	p.birth_estimated = true;
	assert_int_equal(person_check(&p, TODAY, &why), ST_INVALID);    /* an estimate of nothing */
	snprintf(p.birth_date, sizeof p.birth_date, "1990-05-04");
	assert_int_equal(person_check(&p, TODAY, &why), ST_INVALID);    /* a date and an age */
	assert_string_equal(why, "Give a date of birth or an age, not both.");
	snprintf(p.birth_date, sizeof p.birth_date, "1990-05");
	assert_int_equal(person_check(&p, TODAY, &why), ST_INVALID);
	snprintf(p.birth_date, sizeof p.birth_date, "1990");
	assert_int_equal(person_check(&p, TODAY, &why), ST_OK);
	p.birth_estimated = false;
	snprintf(p.birth_date, sizeof p.birth_date, "1990-05-04");
	assert_int_equal(person_check(&p, TODAY, &why), ST_OK);
}

static void a_form_gives_a_date_or_an_age(void **state)
{
	(void)state;
	struct person p = make();
	assert_string_equal(person_set_birth(&p, "1990-05-04", "35", "2026-11-10"),
	                    "Give a date of birth or an age, not both.");
	assert_string_equal(p.birth_date, "");
	assert_null(person_set_birth(&p, "", "35", "2026-11-10"));
	assert_string_equal(p.birth_date, "1991");
	assert_true(p.birth_estimated);
	/* The same date again keeps its mark; another date is not estimated. */
	assert_null(person_set_birth(&p, "1991", "", "2026-11-10"));
	assert_true(p.birth_estimated);
	assert_null(person_set_birth(&p, "1990-05-04", NULL, "2026-11-10"));
	assert_string_equal(p.birth_date, "1990-05-04");
	assert_false(p.birth_estimated);
	assert_null(person_set_birth(&p, "", "", "2026-11-10"));
	assert_string_equal(p.birth_date, "");
	assert_non_null(person_set_birth(&p, "", "3x", "2026-11-10"));
	assert_null(person_set_birth(&p, NULL, "140", "2026-11-10"));
	assert_string_equal(p.birth_date, "1900");
}

static void the_other_vulnerability_needs_its_text(void **state)
{
	(void)state;
	const char *why;
	struct person p = make();
	p.flags[FLAG_OTHER] = true;
	assert_int_equal(person_check(&p, TODAY, &why), ST_INVALID);
	assert_string_equal(why, "Say what the other vulnerability is.");
	snprintf(p.flag_other, sizeof p.flag_other, "Needs glasses");
	assert_int_equal(person_check(&p, TODAY, &why), ST_OK);
}

static void texts_end_in_their_buffers_in_utf8(void **state)
{
	(void)state;
	const char *why;
	struct person p = make();
	memset(p.phone, '1', sizeof p.phone);
	assert_int_equal(person_check(&p, TODAY, &why), ST_INVALID);
	assert_string_equal(why, "A text is too long or not valid.");
	p = make();
	snprintf(p.given_names, sizeof p.given_names, "Issa \xff");
	assert_int_equal(person_check(&p, TODAY, &why), ST_INVALID);
	assert_string_equal(why, "A text is too long or not valid.");
}

struct fixture {
	struct tmpdir t;
	struct db *db;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	tmpdir_make(&f->t);
	clock_set(1795000000);   /* 2026-11-18 */
	assert_int_equal(db_open(f->t.db, DB_CREATE, &f->db, NULL, 0), ST_OK);
	db_set_actor(f->db, 0, "test", ROLE_ADMIN, "test");
	assert_int_equal(user_add(f->db, "clerk", "Clerk", ROLE_INTAKE, "AGZ", "fr", "a long password", NULL), ST_OK);
	struct user u;
	struct login_request req = { "clerk", "a long password", "local", time(NULL), lockout_default_policy() };
	assert_int_equal(login_attempt(f->db, &req, &u, NULL), ST_OK);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	db_close(&f->db);
	tmpdir_remove(&f->t);
	clock_set(0);
	free(f);
	return 0;
}

/* The data layer refuses what the intake screen refuses. */
static void saving_is_held_to_the_rules(void **state)
{
	struct fixture *f = *state;
	struct person p = make();
	snprintf(p.phone, sizeof p.phone, "call me");
	assert_int_equal(person_save(f->db, &p, NULL, NULL, 0), ST_INVALID);
	p = make();
	snprintf(p.birth_date, sizeof p.birth_date, "1990-05-04");
	p.birth_estimated = true;
	assert_int_equal(person_save(f->db, &p, NULL, NULL, 0), ST_INVALID);
	p = make();
	p.flags[FLAG_OTHER] = true;
	assert_int_equal(person_save(f->db, &p, NULL, NULL, 0), ST_INVALID);
	assert_int_equal(p.id, 0);
	/* The text of "other" is kept with its flag only. */
	p = make();
	snprintf(p.flag_other, sizeof p.flag_other, "Needs glasses");
	assert_int_equal(person_save(f->db, &p, NULL, NULL, 0), ST_OK);
	struct person back;
	assert_int_equal(person_get(f->db, p.id, &back), ST_OK);
	assert_string_equal(back.flag_other, "");
	assert_string_equal(p.flag_other, "");
}

/* One age for every screen and list, marked approximate when estimated or
 * partial, a child when it is under 18; a known year of birth counts as
 * 1 July, as the medical register and the monthly counts do. */
static void one_age_for_every_screen(void **state)
{
	(void)state;
	struct pdate today = { 2026, 11, 30, DATE_DAY };
	int years;
	bool approx, child;
	assert_true(person_age("2000-05-05", false, &today, &years, &approx, &child));
	assert_int_equal(years, 26);
	assert_false(approx);
	assert_false(child);
	assert_true(person_age("2010", false, &today, &years, &approx, &child));
	assert_int_equal(years, 16);
	assert_true(approx);
	assert_true(child);
	assert_true(person_age("2008-12-01", false, &today, &years, &approx, &child));
	assert_int_equal(years, 17);   /* 18 tomorrow: still a child today */
	assert_true(child);
	assert_true(person_age("1990", true, &today, &years, &approx, &child));
	assert_true(approx);
	assert_false(person_age("", false, &today, &years, &approx, &child));
	assert_false(person_age(NULL, false, &today, &years, &approx, &child));
	assert_false(person_age("2027", false, &today, &years, &approx, &child));   /* not born yet */
	assert_false(person_age("not a date", false, &today, &years, &approx, &child));
}

/* The age typed is the age shown, whatever the day of the year it was
 * typed on, and the child mark agrees with it. */
static void an_estimated_age_shows_as_typed(void **state)
{
	(void)state;
	const char *days[] = { "2026-01-01", "2026-06-15", "2026-11-30", "2026-12-31" };
	const char *ages[] = { "0", "1", "17", "18", "30", "80" };
	for (size_t d = 0; d < sizeof days / sizeof days[0]; d++)
		for (size_t a = 0; a < sizeof ages / sizeof ages[0]; a++) {
			struct person p;
			memset(&p, 0, sizeof p);
			assert_null(person_set_birth(&p, "", ages[a], days[d]));
			struct pdate today;
			assert_int_equal(date_from_iso(days[d], &today), DATE_OK);
			int years;
			bool approx, child;
			assert_true(person_age(p.birth_date, p.birth_estimated, &today, &years, &approx, &child));
			assert_int_equal(years, atoi(ages[a]));
			assert_true(approx);
			assert_int_equal(child, years < 18);
		}
	/* A year on, a year older. */
	struct person p;
	memset(&p, 0, sizeof p);
	assert_null(person_set_birth(&p, "", "17", "2026-11-30"));
	struct pdate later = { 2027, 3, 1, DATE_DAY };
	int years;
	bool approx, child;
	assert_true(person_age(p.birth_date, true, &later, &years, &approx, &child));
	assert_int_equal(years, 18);
	assert_false(child);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_table_names_every_field_once),
		cmocka_unit_test(one_age_for_every_screen),
		cmocka_unit_test(an_estimated_age_shows_as_typed),
		cmocka_unit_test(fields_read_and_write_as_text),
		cmocka_unit_test(the_phone_takes_digits_and_a_few_signs),
		cmocka_unit_test(an_estimated_age_is_a_year_of_birth),
		cmocka_unit_test(a_form_gives_a_date_or_an_age),
		cmocka_unit_test(the_other_vulnerability_needs_its_text),
		cmocka_unit_test(texts_end_in_their_buffers_in_utf8),
		cmocka_unit_test_setup_teardown(saving_is_held_to_the_rules, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
