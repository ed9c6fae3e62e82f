/* Drafts in the data layer: kept by kind and record for their own user
 * only, listed newest first, read back whole, replaced and discarded. */
#include <time.h>
#include "testutil.h"
#include "core/clock.h"
#include "db/db.h"
#include "db/draft.h"
#include "db/login.h"
#include "db/user.h"

struct fixture {
	struct tmpdir t;
	struct db *db;
};

/* Signs name in (the actor of the data layer from then on). */
static void sign_in(struct db *db, const char *name)
{
	struct user u;
	struct login_request req = { name, "a long password", "local", clock_now(), lockout_default_policy() };
	assert_int_equal(login_attempt(db, &req, &u, NULL), ST_OK);
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	tmpdir_make(&f->t);
	clock_set((time_t)1790000000);
	assert_int_equal(db_open(f->t.db, DB_CREATE, &f->db, NULL, 0), ST_OK);
	db_set_actor(f->db, 0, "test", ROLE_ADMIN, "test");
	assert_int_equal(user_add(f->db, "clerk", "Clerk", ROLE_INTAKE, "AGZ", "fr", "a long password", NULL), ST_OK);
	assert_int_equal(user_add(f->db, "kits", "Kits", ROLE_DISTRIBUTION, "AGZ", "fr", "a long password", NULL), ST_OK);
	sign_in(f->db, "clerk");
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

struct listed {
	int n;
	struct draft_info d[8];
};

static void collect(const struct draft_info *d, void *ctx)
{
	struct listed *l = ctx;
	if (l->n < 8)
		l->d[l->n] = *d;
	l->n++;
}

static void kept_listed_read_and_replaced(void **state)
{
	struct fixture *f = *state;
	static const char first[] = "{\"family_name\": \"Traoré\", \"given_names\": \"Aïssa \\\"the elder\\\"\"}";
	assert_int_equal(draft_save(f->db, "intake", 0, first), ST_OK);
	clock_set((time_t)1790000000 + 120);
	assert_int_equal(draft_save(f->db, "consultation", 42, "{\"diagnosis\": \"Paludisme\"}"), ST_OK);
	struct listed l = { 0 };
	assert_int_equal(draft_list(f->db, collect, &l), ST_OK);
	assert_int_equal(l.n, 2);
	/* The newest first. */
	assert_string_equal(l.d[0].kind, "consultation");
	assert_int_equal(l.d[0].ref_id, 42);
	assert_string_equal(l.d[1].kind, "intake");
	assert_int_equal(l.d[1].ref_id, 0);
	assert_int_equal(strlen(l.d[1].saved_at), 16);
	assert_true(strcmp(l.d[0].saved_at, l.d[1].saved_at) > 0);
	char *json = NULL;
	assert_int_equal(draft_read(f->db, "intake", 0, &json), ST_OK);
	assert_string_equal(json, first);
	free(json);
	/* Another record of the same kind is another draft; the same one is
	 * replaced. */
	assert_int_equal(draft_read(f->db, "consultation", 43, &json), ST_NOT_FOUND);
	assert_null(json);
	assert_int_equal(draft_save(f->db, "consultation", 42, "{\"diagnosis\": \"Rougeole\"}"), ST_OK);
	assert_int_equal(draft_read(f->db, "consultation", 42, &json), ST_OK);
	assert_string_equal(json, "{\"diagnosis\": \"Rougeole\"}");
	free(json);
	long long ref = -1;
	assert_true(draft_find(f->db, "consultation", &ref, NULL, 0));
	assert_int_equal(ref, 42);
	assert_int_equal(draft_discard(f->db, "consultation", 42), ST_OK);
	assert_false(draft_find(f->db, "consultation", NULL, NULL, 0));
	l.n = 0;
	assert_int_equal(draft_list(f->db, collect, &l), ST_OK);
	assert_int_equal(l.n, 1);
}

static void only_their_own_user_sees_them(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(draft_save(f->db, "intake", 7, "{\"phone\": \"+227\"}"), ST_OK);
	sign_in(f->db, "kits");
	struct listed l = { 0 };
	assert_int_equal(draft_list(f->db, collect, &l), ST_OK);
	assert_int_equal(l.n, 0);
	char *json = NULL;
	assert_int_equal(draft_read(f->db, "intake", 7, &json), ST_NOT_FOUND);
	assert_null(json);
	assert_false(draft_find(f->db, "intake", NULL, NULL, 0));
	/* Discarding "it" removes nothing of the other user's. */
	assert_int_equal(draft_discard(f->db, "intake", 7), ST_OK);
	sign_in(f->db, "clerk");
	assert_int_equal(draft_read(f->db, "intake", 7, &json), ST_OK);
	free(json);
	/* Nobody signed in: nothing is kept or shown. */
	db_set_actor(f->db, 0, "test", ROLE_ADMIN, "test");
	assert_int_equal(draft_save(f->db, "intake", 0, "{}"), ST_DENIED);
	assert_int_equal(draft_list(f->db, collect, &l), ST_DENIED);
	assert_int_equal(draft_read(f->db, "intake", 7, &json), ST_DENIED);
}

static void bad_kinds_are_refused(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(draft_save(f->db, "", 0, "{}"), ST_INVALID);
	assert_int_equal(draft_save(f->db, "a_kind_name_much_longer_than_allowed", 0, "{}"), ST_INVALID);
	assert_int_equal(draft_save(f->db, "intake", 0, NULL), ST_INVALID);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(kept_listed_read_and_replaced, setup, teardown),
		cmocka_unit_test_setup_teardown(only_their_own_user_sees_them, setup, teardown),
		cmocka_unit_test_setup_teardown(bad_kinds_are_refused, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
