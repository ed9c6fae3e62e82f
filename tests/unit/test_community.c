/* Community members in the data layer: the short registration and its
 * rules, who may register them, their number, the lookup and the
 * duplicate check with their marker, the switch to migrant, the audit. */
#include <sqlite3.h>
#include "testutil.h"
#include "core/casenum.h"
#include "core/clock.h"
#include "core/community_vocab.h"
#include "core/date.h"
#include "db/audit_text.h"
#include "db/community.h"
#include "db/db.h"
#include "db/db_private.h"
#include "db/login.h"
#include "db/person.h"
#include "db/stay.h"
#include "db/user.h"

struct fixture {
	struct tmpdir t;
	struct db *db;
	long long clerk, trainer, nurse;
	char today[11];
};

/* Signs in as name on f's connection: its user id. */
static long long sign_in(struct fixture *f, const char *name)
{
	struct user u;
	struct login_request req = { name, "a long password", "local", time(NULL), lockout_default_policy() };
	assert_int_equal(login_attempt(f->db, &req, &u, NULL), ST_OK);
	return u.id;
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	tmpdir_make(&f->t);
	assert_int_equal(db_open(f->t.db, DB_CREATE, &f->db, NULL, 0), ST_OK);
	db_set_actor(f->db, 0, "test", ROLE_ADMIN, "test");
	assert_int_equal(user_add(f->db, "clerk", "Clerk", ROLE_INTAKE, "AGZ", "fr", "a long password", NULL), ST_OK);
	assert_int_equal(user_add(f->db, "trainer", "Trainer", ROLE_TRAINING, "AGZ", "fr", "a long password", NULL),
	                 ST_OK);
	assert_int_equal(user_add(f->db, "nurse", "Nurse", ROLE_MEDICAL, "AGZ", "fr", "a long password", NULL), ST_OK);
	f->nurse = sign_in(f, "nurse");
	f->clerk = sign_in(f, "clerk");
	f->trainer = sign_in(f, "trainer");
	struct pdate t = clock_today();
	date_to_iso(&t, f->today, sizeof f->today);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	db_close(&f->db);
	tmpdir_remove(&f->t);
	free(f);
	return 0;
}

static void act_as(struct fixture *f, long long id, const char *name, int role)
{
	db_set_actor(f->db, id, name, role, "local");
}

/* A valid short registration at AGZ. */
static struct person member(struct fixture *f, const char *family, const char *given, char sex, const char *birth)
{
	struct person p;
	memset(&p, 0, sizeof p);
	snprintf(p.family_name, sizeof p.family_name, "%s", family);
	snprintf(p.given_names, sizeof p.given_names, "%s", given);
	p.sex = sex;
	snprintf(p.birth_date, sizeof p.birth_date, "%s", birth);
	snprintf(p.phone, sizeof p.phone, "+227 96 12 34 56");
	snprintf(p.locality, sizeof p.locality, "Agadez, quartier Dagmanet");
	snprintf(p.centre_code, sizeof p.centre_code, "AGZ");
	p.consent_data = p.consent_share = true;
	snprintf(p.consent_date, sizeof p.consent_date, "%s", f->today);
	return p;
}

/* A migrant registered at intake today. */
static struct person migrant(struct fixture *f, const char *family, const char *given, char sex, const char *birth)
{
	struct person p = member(f, family, given, sex, birth);
	p.locality[0] = '\0';
	p.phone[0] = '\0';
	snprintf(p.arrival_date, sizeof p.arrival_date, "%s", f->today);
	snprintf(p.arrival_mode, sizeof p.arrival_mode, "rescue");
	snprintf(p.nationality, sizeof p.nationality, "MLI");
	return p;
}

static void a_training_officer_registers_a_community_member(void **state)
{
	struct fixture *f = *state;
	struct person p = member(f, "Ousmane", "Fatima", 'f', "1999");
	p.birth_estimated = true;
	assert_int_equal(community_register(f->db, &p), ST_OK);
	assert_true(p.id > 0);
	/* The same number scheme and check character as a migrant's. */
	assert_true(casenum_valid(p.case_key));
	char year[3];
	snprintf(year, sizeof year, "%s", f->today + 2);
	assert_memory_equal(p.case_key, "AGZ", 3);
	assert_memory_equal(p.case_key + 3, year, 2);
	struct person back;
	assert_int_equal(person_current(f->db, p.id, &back), ST_OK);
	assert_true(person_is_community(&back));
	assert_string_equal(back.locality, "Agadez, quartier Dagmanet");
	assert_string_equal(back.community_since, f->today);
	assert_string_equal(back.arrival_date, f->today);
	assert_string_equal(back.arrival_mode, "other");
	assert_string_equal(back.staying_at, "");
	assert_true(back.birth_estimated);
	/* No stay. */
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(f->db), "SELECT count(*) FROM stay WHERE person_id = ?1", -1, &st,
	                                    NULL), SQLITE_OK);
	sqlite3_bind_int64(st, 1, p.id);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), 0);
	sqlite3_finalize(st);
	/* The schema refuses what the layer would. */
	char *err = NULL;
	assert_int_not_equal(sqlite3_exec(db_sqlite(f->db), "UPDATE person SET kind = 'visitor'", NULL, NULL, &err),
	                     SQLITE_OK);
	sqlite3_free(err);
}

static void who_may_register_them(void **state)
{
	struct fixture *f = *state;
	struct person p = member(f, "Adamou", "Ibrahim", 'm', "1990");
	act_as(f, f->nurse, "nurse", ROLE_MEDICAL);
	assert_int_equal(community_register(f->db, &p), ST_DENIED);
	act_as(f, 0, "manager", ROLE_MANAGER);
	assert_int_equal(community_register(f->db, &p), ST_DENIED);
	act_as(f, f->clerk, "clerk", ROLE_INTAKE);
	assert_int_equal(community_register(f->db, &p), ST_OK);
	/* The switch to migrant is the intake clerk's, not the trainer's. */
	act_as(f, f->trainer, "trainer", ROLE_TRAINING);
	assert_int_equal(community_arrive(f->db, p.id, "AGZ", f->today, "self", NULL), ST_DENIED);
	/* And a trainer cannot register a migrant. */
	struct person m = migrant(f, "Keita", "Moussa", 'm', "1995");
	assert_int_equal(person_save(f->db, &m, NULL, NULL, 0), ST_DENIED);
}

static void the_rules_of_the_short_registration(void **state)
{
	struct fixture *f = *state;
	const char *why, *field;
	struct person p = member(f, "Ousmane", "Fatima", 'f', "1999");
	p.locality[0] = '\0';
	assert_int_equal(community_check(&p, f->today, &why, &field), ST_INVALID);
	assert_string_equal(field, "locality");
	assert_int_equal(community_register(f->db, &p), ST_INVALID);
	assert_int_equal(p.id, 0);
	p = member(f, "", "Fatima", 'f', "1999");
	assert_int_equal(community_register(f->db, &p), ST_INVALID);
	p = member(f, "Ousmane", "Fatima", 'f', "2999");
	assert_int_equal(community_register(f->db, &p), ST_INVALID);
	p = member(f, "Ousmane", "Fatima", 'f', "1999");
	snprintf(p.phone, sizeof p.phone, "call me");
	assert_int_equal(community_register(f->db, &p), ST_INVALID);
	p = member(f, "Ousmane", "Fatima", 'f', "1999");
	p.consent_date[0] = '\0';
	assert_int_equal(community_register(f->db, &p), ST_INVALID);
	p = member(f, "Ousmane", "Fatima", 'f', "1999");
	p.consent_data = false;   /* no data consent: no phone kept, as for migrants */
	p.consent_share = false;
	assert_int_equal(community_register(f->db, &p), ST_INVALID);
	p = member(f, "Ousmane", "Fatima", 'f', "1999");
	p.flags[FLAG_PREGNANT] = true;   /* not asked by the short form */
	assert_int_equal(community_register(f->db, &p), ST_INVALID);
	p = member(f, "Ousmane", "Fatima", 'f', "1999");
	memset(p.locality, 'a', sizeof p.locality);   /* longer than it holds */
	assert_int_equal(community_register(f->db, &p), ST_INVALID);
	/* 80 characters, not bytes: 81 accented letters are too many, 80 are
	 * taken (and by the schema). */
	p = member(f, "Ousmane", "Fatima", 'f', "1999");
	p.locality[0] = '\0';
	for (int i = 0; i < 81; i++)
		strcat(p.locality, "é");
	assert_int_equal(community_register(f->db, &p), ST_INVALID);
	p.locality[strlen(p.locality) - 2] = '\0';
	assert_int_equal(community_register(f->db, &p), ST_OK);
	p = member(f, "Ousmane", "Fatima", 'f', "1999");
	snprintf(p.centre_code, sizeof p.centre_code, "ZZZ");
	assert_int_equal(community_register(f->db, &p), ST_NOT_FOUND);
	assert_int_equal(vocab_index(VOCAB_PERSON_KIND, "community"), 1);
}

struct found {
	int n;
	long long ids[16];
	bool community[16];
	int scores[16];
};

static void on_hit(const struct person_hit *h, void *ctx)
{
	struct found *c = ctx;
	if (c->n < 16) {
		c->community[c->n] = h->community;
		c->ids[c->n++] = h->id;
	}
}

static void on_dup(const struct person_hit *h, int score, void *ctx)
{
	struct found *c = ctx;
	if (c->n < 16) {
		c->scores[c->n] = score;
		on_hit(h, ctx);
	}
}

/* Whether query finds id, and with the marker. */
static bool finds(struct fixture *f, const char *query, long long id, bool *community)
{
	struct found c = { 0 };
	bool more;
	assert_int_equal(person_search(f->db, query, 0, 16, on_hit, &c, &more), ST_OK);
	for (int i = 0; i < c.n; i++)
		if (c.ids[i] == id) {
			*community = c.community[i];
			return true;
		}
	return false;
}

static void the_lookup_finds_them_with_the_marker(void **state)
{
	struct fixture *f = *state;
	struct person p = member(f, "Ousmane", "Fatima", 'f', "1999"), m = migrant(f, "Ousmane", "Halima", 'f', "1990");
	assert_int_equal(community_register(f->db, &p), ST_OK);
	act_as(f, f->clerk, "clerk", ROLE_INTAKE);
	assert_int_equal(person_save(f->db, &m, NULL, NULL, 0), ST_OK);
	act_as(f, f->trainer, "trainer", ROLE_TRAINING);
	bool comm = false;
	assert_true(finds(f, "fatima ousmane", p.id, &comm));
	assert_true(comm);
	assert_true(finds(f, "ousmane", m.id, &comm));
	assert_false(comm);
	char shown[CASENUM_MAX];
	assert_true(casenum_display(p.case_key, shown, sizeof shown));
	assert_true(finds(f, shown, p.id, &comm));
	assert_true(comm);
	assert_true(finds(f, p.case_key, p.id, &comm));
	assert_true(finds(f, "96 12 34 56", p.id, &comm));
	assert_true(comm);
	/* Their family list (a read of one hit) carries it too. */
}

static void the_duplicate_check_works_both_ways(void **state)
{
	struct fixture *f = *state;
	struct person m = migrant(f, "Abdoulaye", "Moussa", 'm', "1995");
	act_as(f, f->clerk, "clerk", ROLE_INTAKE);
	assert_int_equal(person_save(f->db, &m, NULL, NULL, 0), ST_OK);
	/* A community member with a near name finds the migrant... */
	act_as(f, f->trainer, "trainer", ROLE_TRAINING);
	struct person c = member(f, "Abdoulay", "Moussa", 'm', "1995");
	struct found d = { 0 };
	assert_int_equal(person_duplicates(f->db, &c, 5, on_dup, &d), ST_OK);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.ids[0], m.id);
	assert_false(d.community[0]);
	assert_int_equal(community_register(f->db, &c), ST_OK);
	/* ...and a migrant registered later finds the community member. */
	act_as(f, f->clerk, "clerk", ROLE_INTAKE);
	struct person m2 = migrant(f, "Abdoulaye", "Mousa", 'm', "1995");
	struct found e = { 0 };
	assert_int_equal(person_duplicates(f->db, &m2, 5, on_dup, &e), ST_OK);
	bool seen = false;
	for (int i = 0; i < e.n; i++)
		if (e.ids[i] == c.id) {
			seen = true;
			assert_true(e.community[i]);
			assert_true(e.scores[i] >= 50);
		}
	assert_true(seen);
}

/* The number of audit rows of person id with action. */
static int audit_rows(struct fixture *f, long long id, const char *action, const char *like)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(f->db),
	                                    "SELECT count(*) FROM audit WHERE entity = 'person' AND entity_id = ?1 "
	                                    "AND action = ?2 AND changes LIKE ?3", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, action, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, like, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	int n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (getenv("DEBUG_AUDIT")) {
		sqlite3_prepare_v2(db_sqlite(f->db), "SELECT action, changes FROM audit WHERE entity_id = ?1", -1, &st, NULL);
		sqlite3_bind_int64(st, 1, id);
		while (sqlite3_step(st) == SQLITE_ROW)
			fprintf(stderr, "%s %s\n", sqlite3_column_text(st, 0), sqlite3_column_text(st, 1));
		sqlite3_finalize(st);
	}
	return n;
}

static void the_creation_is_audited(void **state)
{
	struct fixture *f = *state;
	struct person p = member(f, "Ousmane", "Fatima", 'f', "1999");
	assert_int_equal(community_register(f->db, &p), ST_OK);
	assert_int_equal(audit_rows(f, p.id, "create", "%\"kind\": \"community\"%"), 1);
	assert_int_equal(audit_rows(f, p.id, "create", "%\"locality\": \"Agadez, quartier Dagmanet\"%"), 1);
	assert_int_equal(audit_rows(f, p.id, "create", "%\"family_name\": \"Ousmane\"%"), 1);
	assert_int_equal(audit_rows(f, p.id, "create", "%\"consent_share\": 1%"), 1);
	/* Read to people: the locality, no arrival. */
	char text[2048];
	audit_describe(f->db, "en", "create", "person", p.id,
	               "{\"family_name\": \"Ousmane\", \"arrival_date\": \"2026-01-02\", \"arrival_mode\": \"other\", "
	               "\"kind\": \"community\", \"locality\": \"Dagmanet\"}", "; ", text, sizeof text);
	assert_non_null(strstr(text, "Community member"));
	assert_non_null(strstr(text, "Locality: Dagmanet"));
	assert_null(strstr(text, "Arrival"));
	assert_null(strstr(text, "came"));
}

static void a_member_who_migrates_keeps_one_record(void **state)
{
	struct fixture *f = *state;
	struct person p = member(f, "Ousmane", "Fatima", 'f', "1999");
	assert_int_equal(community_register(f->db, &p), ST_OK);
	act_as(f, f->clerk, "clerk", ROLE_INTAKE);
	const char *why = NULL;
	/* Refused: a day in the future, an unknown mode, an unknown centre. */
	assert_int_equal(community_arrive(f->db, p.id, "AGZ", "2999-01-01", "self", &why), ST_INVALID);
	assert_non_null(why);
	assert_int_equal(community_arrive(f->db, p.id, "AGZ", f->today, "plane", &why), ST_INVALID);
	assert_int_equal(community_arrive(f->db, p.id, "ZZZ", f->today, "self", &why), ST_INVALID);
	assert_int_equal(community_arrive(f->db, p.id + 1000, "AGZ", f->today, "self", &why), ST_NOT_FOUND);
	/* A plain admission would leave them a community member with a stay. */
	assert_int_equal(stay_admit(f->db, p.id, "AGZ", f->today, NULL), ST_INVALID);
	assert_int_equal(community_arrive(f->db, p.id, "AGZ", f->today, "self", &why), ST_OK);
	struct person back;
	assert_int_equal(person_current(f->db, p.id, &back), ST_OK);
	assert_false(person_is_community(&back));
	assert_string_equal(back.case_key, p.case_key);
	assert_string_equal(back.arrival_mode, "self");
	assert_string_equal(back.staying_at, "AGZ");
	/* Still known as registered in the community first. */
	assert_string_equal(back.community_since, f->today);
	assert_string_equal(back.locality, "Agadez, quartier Dagmanet");
	/* Once only. */
	assert_int_equal(community_arrive(f->db, p.id, "AGZ", f->today, "self", &why), ST_INVALID);
	/* The history has both steps, and the lookup no marker now. */
	assert_int_equal(audit_rows(f, p.id, "create", "%community%"), 1);
	assert_int_equal(audit_rows(f, p.id, "update", "%\"kind\": [\"community\", \"migrant\"]%"), 1);
	assert_int_equal(audit_rows(f, p.id, "update", "%\"arrival_mode\": [\"other\", \"self\"]%"), 1);
	bool comm = true;
	assert_true(finds(f, "fatima ousmane", p.id, &comm));
	assert_false(comm);
	/* The history says it in words. */
	char text[1024];
	audit_describe(f->db, "en", "update", "person", p.id,
	               "{\"kind\": [\"community\", \"migrant\"], \"arrival_mode\": [\"other\", \"self\"]}", "; ", text,
	               sizeof text);
	assert_non_null(strstr(text, "Community member → Migrant"));
	assert_null(strstr(text, "kind"));
	/* An edit at intake keeps what they are. */
	struct person orig = back, edit = back;
	snprintf(edit.phone, sizeof edit.phone, "+227 90 00 00 01");
	assert_int_equal(person_save(f->db, &edit, &orig, NULL, 0), ST_OK);
	assert_int_equal(person_current(f->db, p.id, &back), ST_OK);
	assert_string_equal(back.community_since, f->today);
}

static void an_edit_keeps_a_community_member_one(void **state)
{
	struct fixture *f = *state;
	struct person p = member(f, "Ousmane", "Fatima", 'f', "1999");
	assert_int_equal(community_register(f->db, &p), ST_OK);
	act_as(f, f->clerk, "clerk", ROLE_INTAKE);
	struct person orig, edit;
	assert_int_equal(person_current(f->db, p.id, &orig), ST_OK);
	edit = orig;
	snprintf(edit.given_names, sizeof edit.given_names, "Fatimata");
	assert_int_equal(person_save(f->db, &edit, &orig, NULL, 0), ST_OK);
	struct person back;
	assert_int_equal(person_current(f->db, p.id, &back), ST_OK);
	assert_true(person_is_community(&back));
	assert_string_equal(back.given_names, "Fatimata");
	assert_string_equal(back.staying_at, "");
}

static void the_short_registration_is_edited(void **state)
{
	struct fixture *f = *state;
	struct person p = member(f, "Ousmane", "Fatima", 'f', "1999");
	assert_int_equal(community_register(f->db, &p), ST_OK);
	struct person orig, edit;
	assert_int_equal(person_current(f->db, p.id, &orig), ST_OK);
	edit = orig;
	snprintf(edit.family_name, sizeof edit.family_name, "Ousmanou");
	snprintf(edit.locality, sizeof edit.locality, "Tchirozérine");
	const char *why = NULL;
	assert_int_equal(community_update(f->db, &edit, &orig, &why), ST_OK);
	assert_int_equal(edit.version, orig.version + 1);
	struct person back;
	assert_int_equal(person_current(f->db, p.id, &back), ST_OK);
	assert_string_equal(back.family_name, "Ousmanou");
	assert_string_equal(back.locality, "Tchirozérine");
	assert_true(person_is_community(&back));
	assert_string_equal(back.case_key, p.case_key);
	/* Found by the new name, and audited field by field. */
	bool comm = false;
	assert_true(finds(f, "ousmanou", p.id, &comm));
	assert_true(comm);
	assert_int_equal(audit_rows(f, p.id, "update", "%\"family_name\": [\"Ousmane\", \"Ousmanou\"]%"), 1);
	assert_int_equal(audit_rows(f, p.id, "update", "%\"locality\": [\"Agadez, quartier Dagmanet\", \"Tchirozérine\"]%"), 1);
	/* Saved meanwhile by another session: refused, nothing written. */
	snprintf(edit.given_names, sizeof edit.given_names, "Fati");
	assert_int_equal(community_update(f->db, &edit, &orig, &why), ST_CONFLICT);
	/* A rule broken: refused with its message. */
	assert_int_equal(person_current(f->db, p.id, &orig), ST_OK);
	edit = orig;
	edit.locality[0] = '\0';
	assert_int_equal(community_update(f->db, &edit, &orig, &why), ST_INVALID);
	assert_non_null(why);
	/* Not by a nurse; not once a migrant. */
	edit = orig;
	act_as(f, f->nurse, "nurse", ROLE_MEDICAL);
	assert_int_equal(community_update(f->db, &edit, &orig, &why), ST_DENIED);
	act_as(f, f->clerk, "clerk", ROLE_INTAKE);
	assert_int_equal(community_arrive(f->db, p.id, "AGZ", f->today, "self", &why), ST_OK);
	assert_int_equal(community_update(f->db, &edit, &orig, &why), ST_INVALID);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(a_training_officer_registers_a_community_member, setup, teardown),
		cmocka_unit_test_setup_teardown(who_may_register_them, setup, teardown),
		cmocka_unit_test_setup_teardown(the_rules_of_the_short_registration, setup, teardown),
		cmocka_unit_test_setup_teardown(the_lookup_finds_them_with_the_marker, setup, teardown),
		cmocka_unit_test_setup_teardown(the_duplicate_check_works_both_ways, setup, teardown),
		cmocka_unit_test_setup_teardown(the_creation_is_audited, setup, teardown),
		cmocka_unit_test_setup_teardown(a_member_who_migrates_keeps_one_record, setup, teardown),
		cmocka_unit_test_setup_teardown(an_edit_keeps_a_community_member_one, setup, teardown),
		cmocka_unit_test_setup_teardown(the_short_registration_is_edited, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
