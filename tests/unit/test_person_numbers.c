/* The lookup by numbers in the data layer: phone numbers found whichever
 * way they are typed and by their last digits, keys derived again for a
 * database made before (or under another country code), and case numbers
 * typed without their check character or with a wrong one. */
#include <sqlite3.h>
#include "testutil.h"
#include "core/casenum.h"
#include "core/phone.h"
#include "core/role.h"
#include "db/db.h"
#include "db/db_private.h"
#include "db/person.h"
#include "db/person_private.h"

struct fixture {
	struct tmpdir t;
	struct db *db;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	tmpdir_make(&f->t);
	assert_int_equal(db_set_phone_country("227"), ST_OK);
	assert_int_equal(db_open(f->t.db, DB_CREATE, &f->db, NULL, 0), ST_OK);
	db_set_actor(f->db, 0, "test", ROLE_INTAKE, "test");
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	db_close(&f->db);
	tmpdir_remove(&f->t);
	free(f);
	assert_int_equal(db_set_phone_country("227"), ST_OK);
	return 0;
}

/* Closes and opens the fixture's database again. */
static void reopen(struct fixture *f)
{
	db_close(&f->db);
	assert_int_equal(db_open(f->t.db, DB_EXISTING, &f->db, NULL, 0), ST_OK);
	db_set_actor(f->db, 0, "test", ROLE_INTAKE, "test");
}

/* Registers a person with phone at AGZ today; the saved person to *out. */
static long long add(struct db *db, const char *family, const char *phone, struct person *out)
{
	struct person p;
	memset(&p, 0, sizeof p);
	snprintf(p.family_name, sizeof p.family_name, "%s", family);
	snprintf(p.given_names, sizeof p.given_names, "Amadou");
	p.sex = 'm';
	snprintf(p.phone, sizeof p.phone, "%s", phone);
	snprintf(p.arrival_date, sizeof p.arrival_date, "2026-03-15");
	snprintf(p.centre_code, sizeof p.centre_code, "AGZ");
	snprintf(p.arrival_mode, sizeof p.arrival_mode, "rescue");
	p.consent_data = true;
	snprintf(p.consent_date, sizeof p.consent_date, "2026-03-15");
	assert_int_equal(person_save(db, &p, NULL, NULL, 0), ST_OK);
	if (out)
		*out = p;
	return p.id;
}

struct hits {
	int n;
	long long ids[64];
};

static void collect(const struct person_hit *h, void *ctx)
{
	struct hits *c = ctx;
	if (c->n < 64)
		c->ids[c->n++] = h->id;
}

/* The ids query finds (at most 64). */
static struct hits search(struct db *db, const char *query)
{
	struct hits h = { 0 };
	bool more;
	assert_int_equal(person_search(db, query, 0, 64, collect, &h, &more), ST_OK);
	return h;
}

static bool found(struct db *db, const char *query, long long id)
{
	struct hits h = search(db, query);
	for (int i = 0; i < h.n; i++)
		if (h.ids[i] == id)
			return true;
	return false;
}

/* The phone key stored for person id. */
static void stored_key(struct db *db, long long id, char *out, size_t size)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(db), "SELECT phone_key FROM person WHERE id = ?1", -1, &st,
	                                    NULL), SQLITE_OK);
	sqlite3_bind_int64(st, 1, id);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	snprintf(out, size, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
}

static void a_phone_is_found_however_it_is_typed(void **state)
{
	struct fixture *f = *state;
	long long a = add(f->db, "Bah", "74 54 86 17", NULL);
	long long b = add(f->db, "Sow", "+227 96 12 34 56", NULL);
	long long c = add(f->db, "Keita", "0022370000001", NULL);
	long long d = add(f->db, "Okafor", "0803 123 4567", NULL);
	char key[PHONE_KEY_SIZE];
	stored_key(f->db, a, key, sizeof key);
	assert_string_equal(key, "22774548617");
	stored_key(f->db, c, key, sizeof key);
	assert_string_equal(key, "22370000001");
	/* What was typed is kept for display. */
	struct person back;
	assert_int_equal(person_read(f->db, a, &back), ST_OK);
	assert_string_equal(back.phone, "74 54 86 17");

	static const char *const forms[] = {
		"74 54 86 17", "74548617", "74-54-86-17", "74.54.86.17", "7454 8617", "+227 74 54 86 17",
		"+22774548617", "+227-74-54-86-17", "+227.74.54.86.17", "(+227) 74 54 86 17", "227 74 54 86 17",
		"22774548617", "227-74-54-86-17", "00227 74 54 86 17", "0022774548617", "00 227 74 54 86 17",
		"+227/74/54/86/17",
	};
	for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
		struct hits h = search(f->db, forms[i]);
		if (h.n != 1 || h.ids[0] != a)
			fail_msg("'%s' finds %d people, not Bah alone", forms[i], h.n);
	}
	print_message("%zu ways of typing 74 54 86 17 find it\n", sizeof forms / sizeof forms[0]);
	/* Each stored form is found from the others. */
	assert_true(found(f->db, "96 12 34 56", b));
	assert_true(found(f->db, "0022796123456", b));
	assert_true(found(f->db, "+223 70 00 00 01", c));
	assert_true(found(f->db, "223 70 00 00 01", c));
	assert_true(found(f->db, "+234 803 123 4567", d));
	assert_true(found(f->db, "0803-123-4567", d));
}

static void a_phone_is_found_by_its_last_digits(void **state)
{
	struct fixture *f = *state;
	long long a = add(f->db, "Bah", "+227 74 54 86 17", NULL);
	long long b = add(f->db, "Sow", "74 54 17 86", NULL);
	add(f->db, "Keita", "+227 90 00 86 18", NULL);
	static const char *const ends[] = { "8617", "86 17", "548617", "54 86 17", "54-86-17", "4548617" };
	for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++) {
		struct hits h = search(f->db, ends[i]);
		if (h.n != 1 || h.ids[0] != a)
			fail_msg("'%s' finds %d people, not Bah alone", ends[i], h.n);
	}
	assert_true(found(f->db, "1786", b));
	assert_false(found(f->db, "1786", a));
	/* The first digits find it as they are typed. */
	assert_true(found(f->db, "74 54 8", a));
	assert_true(found(f->db, "+227 74 5", a));
	/* Too few digits: no search, rather than half the people. */
	assert_int_equal(search(f->db, "617").n, 0);
	assert_int_equal(search(f->db, "+227").n, 0);
	assert_int_equal(search(f->db, "00227").n, 0);
	assert_int_equal(search(f->db, "86 1").n, 0);
}

/* Turns the database back into what an older program wrote: phone keys of
 * the last 8 digits, index words of the digits as typed, no setting. */
static void make_old(struct db *db)
{
	sqlite3 *h = db_sqlite(db);
	assert_int_equal(sqlite3_exec(h,
		"UPDATE person SET phone_key = substr(replace(replace(phone, ' ', ''), '+', ''), -8);"
		"UPDATE person_search SET text = (SELECT family_name || ' ' || given_names || ' ' || case_key || ' '"
		" || replace(replace(phone, ' ', ''), '+', '') FROM person WHERE id = person_search.rowid);"
		"DELETE FROM setting WHERE key = 'person_keys';", NULL, NULL, NULL), SQLITE_OK);
}

static void an_older_database_gets_its_keys_again(void **state)
{
	struct fixture *f = *state;
	long long a = add(f->db, "Bah", "74 54 86 17", NULL);
	long long b = add(f->db, "Sow", "+227 96 12 34 56", NULL);
	long long c = add(f->db, "Diallo", "", NULL);
	make_old(f->db);
	/* As it was: the number typed another way, or its end, missed. */
	assert_false(found(f->db, "+227 74 54 86 17", a));
	assert_false(found(f->db, "8617", a));
	reopen(f);
	char key[PHONE_KEY_SIZE];
	stored_key(f->db, a, key, sizeof key);
	assert_string_equal(key, "22774548617");
	stored_key(f->db, c, key, sizeof key);
	assert_string_equal(key, "");
	assert_true(found(f->db, "+227 74 54 86 17", a));
	assert_true(found(f->db, "8617", a));
	assert_true(found(f->db, "96 12 34 56", b));
	assert_true(found(f->db, "diallo", c));
	assert_true(found(f->db, "bah amadou", a));
	/* The index is sound after its rewriting. */
	assert_int_equal(sqlite3_exec(db_sqlite(f->db), "INSERT INTO person_search (person_search) "
	                              "VALUES ('integrity-check')", NULL, NULL, NULL), SQLITE_OK);
	/* Once: the setting records the form and the country. */
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(f->db), "SELECT value FROM setting WHERE key = 'person_keys'",
	                                    -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_non_null(strstr((const char *)sqlite3_column_text(st, 0), "cc=227"));
	sqlite3_finalize(st);
}

static void another_country_code_derives_the_keys_again(void **state)
{
	struct fixture *f = *state;
	long long a = add(f->db, "Keita", "70 00 00 01", NULL);
	long long b = add(f->db, "Bah", "+227 74 54 86 17", NULL);
	assert_int_equal(db_set_phone_country("0"), ST_INVALID);
	assert_int_equal(db_set_phone_country("2230"), ST_INVALID);
	assert_int_equal(db_set_phone_country("223"), ST_OK);
	reopen(f);
	char key[PHONE_KEY_SIZE];
	stored_key(f->db, a, key, sizeof key);
	assert_string_equal(key, "22370000001");
	stored_key(f->db, b, key, sizeof key);
	assert_string_equal(key, "22774548617");
	assert_true(found(f->db, "+223 70 00 00 01", a));
	assert_true(found(f->db, "70 00 00 01", a));
	assert_true(found(f->db, "+227 74 54 86 17", b));
	/* A new registration takes the code too. */
	long long c = add(f->db, "Sow", "66 12 34 56", NULL);
	stored_key(f->db, c, key, sizeof key);
	assert_string_equal(key, "22366123456");
}

static void a_number_without_its_check_character_finds_the_person(void **state)
{
	struct fixture *f = *state;
	struct person p;
	for (int i = 0; i < 12; i++)
		add(f->db, "Sani", "", i == 7 ? &p : NULL);
	char shown[CASENUM_MAX];
	assert_true(casenum_display(p.case_key, shown, sizeof shown));
	shown[strlen(shown) - 2] = '\0';      /* "AGZ-26-000NN" */
	struct hits h = search(f->db, shown);
	assert_int_equal(h.n, 1);
	assert_int_equal(h.ids[0], p.id);
	char key[CASENUM_KEY_SIZE];
	snprintf(key, sizeof key, "%.*s", (int)strlen(p.case_key) - 1, p.case_key);
	h = search(f->db, key);
	assert_int_equal(h.n, 1);
	assert_int_equal(h.ids[0], p.id);
}

static void a_wrong_check_character_says_so_with_close_numbers(void **state)
{
	struct fixture *f = *state;
	struct person p, q;
	add(f->db, "Sani", "", &p);
	add(f->db, "Moussa", "", &q);
	char bad[CASENUM_KEY_SIZE], want[CASENUM_MAX];
	snprintf(bad, sizeof bad, "%s", p.case_key);
	size_t len = strlen(bad);
	bad[len - 1] = bad[len - 1] == 'K' ? 'J' : 'K';
	assert_false(casenum_valid(bad));
	assert_int_equal(search(f->db, bad).n, 0);
	struct person_number_check c;
	memset(&c, 'x', sizeof c);
	assert_int_equal(person_number_check(f->db, bad, &c), ST_OK);
	assert_true(c.wrong);
	assert_true(casenum_shaped(bad, want, sizeof want));
	assert_string_equal(c.shown, want);
	assert_true(c.n >= 1);
	assert_true(casenum_display(p.case_key, want, sizeof want));
	assert_string_equal(c.close[0], want);
	/* Typed with dashes and in lower case, the same. */
	char typed[40];
	snprintf(typed, sizeof typed, "%.3s-%.2s-%.5s-%c", bad, bad + 3, bad + 5, bad[len - 1] - 'A' + 'a');
	assert_int_equal(person_number_check(f->db, typed, &c), ST_OK);
	assert_true(c.wrong);
	assert_string_equal(c.close[0], want);
	/* Two digits of the sequence swapped: the numbers meant that exist. */
	char swapped[CASENUM_KEY_SIZE];
	snprintf(swapped, sizeof swapped, "%s", q.case_key);
	char t = swapped[len - 2];
	swapped[len - 2] = swapped[len - 3];
	swapped[len - 3] = t;
	if (strcmp(swapped, q.case_key) != 0) {
		assert_int_equal(person_number_check(f->db, swapped, &c), ST_OK);
		assert_true(c.wrong);
		assert_true(casenum_display(q.case_key, want, sizeof want));
		bool among = false;
		for (int i = 0; i < c.n; i++)
			among |= strcmp(c.close[i], want) == 0;
		assert_true(among);
	}
	/* A wrong number close to none that exists still says so. */
	assert_int_equal(person_number_check(f->db, "ZIN2699998K", &c), ST_OK);
	assert_true(c.wrong);
	assert_int_equal(c.n, 0);
	assert_string_equal(c.shown, "ZIN-26-99998-K");
}

static void names_and_valid_numbers_are_not_wrong_numbers(void **state)
{
	struct fixture *f = *state;
	struct person p;
	add(f->db, "Sani", "", &p);
	struct person_number_check c;
	const char *fine[] = { "", "sani", "ab", "AGZ26", "74 54 86 17", p.case_key, "Diallo Mamadou" };
	for (size_t i = 0; i < sizeof fine / sizeof fine[0]; i++) {
		memset(&c, 'x', sizeof c);
		assert_int_equal(person_number_check(f->db, fine[i], &c), ST_OK);
		if (c.wrong)
			fail_msg("'%s' is taken for a wrong case number", fine[i]);
		assert_int_equal(c.n, 0);
	}
	/* A valid number nobody has is not a wrong one either. */
	char shown[CASENUM_MAX], key[CASENUM_KEY_SIZE];
	long seq = 9000;
	while (!casenum_format("AGZ", 2026, seq, shown, sizeof shown))
		seq++;
	assert_true(casenum_key(shown, key, sizeof key));
	assert_int_equal(person_number_check(f->db, key, &c), ST_OK);
	assert_false(c.wrong);
	/* The check needs the right to look people up. */
	db_set_actor(f->db, 0, "nobody", -1, "test");
	assert_int_equal(person_number_check(f->db, "AGZ2600123K", &c), ST_DENIED);
	assert_false(c.wrong);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(a_phone_is_found_however_it_is_typed, setup, teardown),
		cmocka_unit_test_setup_teardown(a_phone_is_found_by_its_last_digits, setup, teardown),
		cmocka_unit_test_setup_teardown(an_older_database_gets_its_keys_again, setup, teardown),
		cmocka_unit_test_setup_teardown(another_country_code_derives_the_keys_again, setup, teardown),
		cmocka_unit_test_setup_teardown(a_number_without_its_check_character_finds_the_person, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(a_wrong_check_character_says_so_with_close_numbers, setup, teardown),
		cmocka_unit_test_setup_teardown(names_and_valid_numbers_are_not_wrong_numbers, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
