/* Privacy in the data layer: each role sees only the vulnerability flags
 * its work needs, on lookup hits and case files; the README's table says
 * the same as the code; every refusal is in the audit trail, and one
 * opening of a medical record is one row there. */
#include "testutil.h"
#include "core/perm.h"
#include "core/person.h"
#include "core/role.h"
#include "core/changes.h"
#include "core/jsonbuf.h"
#include "db/audit.h"
#include "db/audit_text.h"
#include "db/db.h"
#include "db/db_private.h"   /* db_require, inside a transaction */
#include "db/login.h"
#include "db/medical.h"
#include "db/person.h"
#include "db/user.h"

/* The expected flag matrix, written out again on purpose: rows in enum
 * person_flag order, one letter per role in enum role order (A M I D P S T
 * R X). */
static const char *const expected_flags[FLAG_COUNT_] = {
	".xxxxx.x.", ".xxxxx.x.", ".xxxxx.x.", ".xxxxx..x", ".xxxxx.x.", ".xxxxx.x.",
	".xxxxx...", ".xxxxxxxx", ".xxxxx...", ".xxxxxxxx", ".xx.x..x.", ".xx.x....",
};

static void every_role_against_every_flag(void **state)
{
	(void)state;
	for (int f = 0; f < FLAG_COUNT_; f++)
		for (int r = 0; r < ROLE_COUNT_; r++)
			if (perm_sees_flag(r, f) != (expected_flags[f][r] == 'x'))
				fail_msg("%s for %s: expected %c", person_flag_name((enum person_flag)f),
				         role_name((enum role)r), expected_flags[f][r]);
	assert_false(perm_sees_flag(-1, FLAG_PREGNANT));
	assert_false(perm_sees_flag(ROLE_MANAGER, FLAG_COUNT_));
}

static void the_flag_rules_hold(void **state)
{
	(void)state;
	for (int f = 0; f < FLAG_COUNT_; f++)
		for (int r = 0; r < ROLE_COUNT_; r++) {
			/* Who edits people sees every flag: a save never drops one it
			 * could not see. */
			if (perm_allows(r, PERM_PERSON_WRITE))
				assert_true(perm_sees_flag(r, f));
			/* Who reads no case file and records nothing sees none. */
			if (!perm_allows(r, PERM_PERSON_READ) && !perm_allows(r, PERM_DISTRIBUTION_WRITE))
				assert_false(perm_sees_flag(r, f));
		}
	/* At the distribution counter: nothing of what happened to a person. */
	const int hidden[] = { FLAG_UNACCOMPANIED_CHILD, FLAG_SEPARATED_CHILD, FLAG_TRAFFICKING_PRESUMED,
	                       FLAG_TRAFFICKING_IDENTIFIED, FLAG_VIOLENCE_VICTIM, FLAG_SERIOUS_MEDICAL,
	                       FLAG_ASYLUM_SEEKER, FLAG_OTHER };
	for (size_t i = 0; i < sizeof hidden / sizeof hidden[0]; i++) {
		assert_false(perm_sees_flag(ROLE_DISTRIBUTION, hidden[i]));
		assert_false(perm_sees_flag(ROLE_TRAINING, hidden[i]));
	}
}

static void readme_flag_table_matches(void **state)
{
	(void)state;
	size_t len;
	char *readme = slurp("README.md", &len);
	if (!readme)
		readme = slurp("../README.md", &len);
	assert_non_null(readme);
	readme[len < (1 << 20) ? len : (1 << 20) - 1] = '\0';
	for (int f = 0; f < FLAG_COUNT_; f++) {
		char row[256];
		int n = snprintf(row, sizeof row, "| flag `%s` |", person_flag_name((enum person_flag)f));
		for (int r = 0; r < ROLE_COUNT_; r++)
			n += snprintf(row + n, sizeof row - (size_t)n, " %s |", perm_sees_flag(r, f) ? "x" : ".");
		if (!strstr(readme, row))
			fail_msg("README.md lacks the row: %s", row);
	}
	free(readme);
}

/* A database with one person carrying many flags, registered by a clerk. */
struct fixture {
	struct tmpdir t;
	struct db *db;
	long long id;
	long long clerk;   /* the account id every test acts as */
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	tmpdir_make(&f->t);
	assert_int_equal(db_open(f->t.db, DB_CREATE, &f->db, NULL, 0), ST_OK);
	db_set_actor(f->db, 0, "test", ROLE_ADMIN, "test");
	assert_int_equal(user_add(f->db, "clerk", "Clerk", ROLE_INTAKE, "AGZ", "fr", "a long password", NULL), ST_OK);
	struct user u;
	struct login_request req = { "clerk", "a long password", "local", time(NULL), lockout_default_policy() };
	assert_int_equal(login_attempt(f->db, &req, &u, NULL), ST_OK);
	f->clerk = u.id;
	struct person p;
	memset(&p, 0, sizeof p);
	snprintf(p.family_name, sizeof p.family_name, "Garba");
	snprintf(p.given_names, sizeof p.given_names, "Hadiza");
	p.sex = 'f';
	snprintf(p.birth_date, sizeof p.birth_date, "1999");
	snprintf(p.arrival_date, sizeof p.arrival_date, "2026-03-15");
	snprintf(p.centre_code, sizeof p.centre_code, "AGZ");
	snprintf(p.arrival_mode, sizeof p.arrival_mode, "rescue");
	p.consent_data = true;
	snprintf(p.consent_date, sizeof p.consent_date, "2026-03-15");
	p.flags[FLAG_PREGNANT] = p.flags[FLAG_TRAFFICKING_PRESUMED] = p.flags[FLAG_VIOLENCE_VICTIM] = true;
	p.flags[FLAG_DISABILITY] = p.flags[FLAG_OTHER] = true;
	snprintf(p.flag_other, sizeof p.flag_other, "threatened by a smuggler");
	assert_int_equal(person_save(f->db, &p, NULL, NULL, 0), ST_OK);
	f->id = p.id;
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

static void keep_flags(const struct person_hit *h, void *ctx)
{
	snprintf(ctx, sizeof ((struct person_hit *)0)->flags, "%s", h->flags);
}

/* True when the space-separated list has the short code of flag f. */
static bool lists(const char *list, enum person_flag f)
{
	char copy[64];
	snprintf(copy, sizeof copy, "%s", list);
	for (char *save = NULL, *w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save))
		if (strcmp(w, person_flag_short(f)) == 0)
			return true;
	return false;
}

static void each_role_gets_only_its_flags(void **state)
{
	struct fixture *f = *state;
	for (int r = 0; r < ROLE_COUNT_; r++) {
		db_set_actor(f->db, f->clerk, "someone", r, "test");
		char flags[48] = "";
		bool more;
		assert_int_equal(person_search(f->db, "garba", 0, 5, keep_flags, flags, &more), ST_OK);
		struct person p;
		enum status st = person_get(f->db, f->id, &p);
		assert_int_equal(st, perm_allows(r, PERM_PERSON_READ) ? ST_OK : ST_DENIED);
		for (int g = 0; g < FLAG_COUNT_; g++) {
			bool set = g == FLAG_PREGNANT || g == FLAG_TRAFFICKING_PRESUMED || g == FLAG_VIOLENCE_VICTIM
			           || g == FLAG_DISABILITY || g == FLAG_OTHER;
			bool seen = set && perm_sees_flag(r, g);
			if (lists(flags, (enum person_flag)g) != seen)
				fail_msg("lookup as %s: %s %s", role_name((enum role)r),
				         person_flag_name((enum person_flag)g), seen ? "missing" : "shown");
			if (st == ST_OK && p.flags[g] != seen)
				fail_msg("case file as %s: %s %s", role_name((enum role)r),
				         person_flag_name((enum person_flag)g), seen ? "missing" : "shown");
		}
		if (st == ST_OK && !perm_sees_flag(r, FLAG_OTHER))
			assert_string_equal(p.flag_other, "");
	}
	/* At the counter: the pregnancy and the disability, nothing else. */
	db_set_actor(f->db, f->clerk, "kits", ROLE_DISTRIBUTION, "test");
	char flags[48] = "";
	bool more;
	assert_int_equal(person_search(f->db, "garba", 0, 5, keep_flags, flags, &more), ST_OK);
	char want[48];
	snprintf(want, sizeof want, "%s %s", person_flag_short(FLAG_PREGNANT), person_flag_short(FLAG_DISABILITY));
	assert_string_equal(flags, want);
}

/* Rows of the trail with this action and entity, counted; the changes of
 * the newest into last (may be NULL). */
struct trail {
	const char *action, *entity;
	int n;
	char last[2048];
	char user[64];
};

static void count_row(const struct audit_row *r, void *ctx)
{
	struct trail *t = ctx;
	if (strcmp(r->action, t->action) != 0 || strcmp(r->entity, t->entity) != 0)
		return;
	if (t->n++ == 0) {
		snprintf(t->last, sizeof t->last, "%s", r->changes);
		snprintf(t->user, sizeof t->user, "%s", r->user_name);
	}
}

/* Counts the rows as an administrator, then acts again as role. */
static void read_trail(struct fixture *f, struct trail *t, int role)
{
	db_set_actor(f->db, f->clerk, "admin", ROLE_ADMIN, "test");
	struct audit_filter all = { 0 };
	bool more;
	t->n = 0;
	assert_int_equal(audit_query(f->db, &all, 0, 1000, count_row, t, &more), ST_OK);
	db_set_actor(f->db, f->clerk, "kits", role, "test");
}

static void refusals_are_in_the_trail(void **state)
{
	struct fixture *f = *state;
	db_set_actor(f->db, f->clerk, "kits", ROLE_DISTRIBUTION, "test");
	struct person p;
	assert_int_equal(person_get(f->db, f->id, &p), ST_DENIED);
	struct trail t = { "refused", "permission", 0, "", "" };
	read_trail(f, &t, ROLE_DISTRIBUTION);
	assert_int_equal(t.n, 1);
	assert_string_equal(t.user, "kits");
	assert_string_equal(t.last, "{\"permission\": \"person_read\"}");
	/* Refused inside a transaction that is rolled back: still written. */
	assert_int_equal(db_begin(f->db), ST_OK);
	assert_int_equal(db_require(f->db, PERM_MEDICAL_READ), ST_DENIED);
	db_rollback(f->db);
	read_trail(f, &t, ROLE_DISTRIBUTION);
	assert_int_equal(t.n, 2);
	assert_string_equal(t.last, "{\"permission\": \"medical_read\"}");
	/* A refusal the screens make themselves, on a record. */
	assert_int_equal(audit_refused(f->db, "screen", "casefile", "person", f->id), ST_OK);
	struct trail on_person = { "refused", "person", 0, "", "" };
	read_trail(f, &on_person, ROLE_DISTRIBUTION);
	assert_int_equal(on_person.n, 1);
	/* Nobody signed in: nobody to name, nothing written. */
	db_set_actor(f->db, 0, "", -1, "test");
	assert_int_equal(person_get(f->db, f->id, &p), ST_DENIED);
	read_trail(f, &t, ROLE_DISTRIBUTION);
	assert_int_equal(t.n, 2);
}

static void one_opening_of_a_medical_record_is_one_row(void **state)
{
	struct fixture *f = *state;
	db_set_actor(f->db, f->clerk, "doctor", ROLE_MEDICAL, "test");
	struct consultation c;
	memset(&c, 0, sizeof c);
	c.person_id = f->id;
	snprintf(c.date, sizeof c.date, "2026-03-16");
	snprintf(c.reason, sizeof c.reason, "malaria");
	snprintf(c.centre_code, sizeof c.centre_code, "AGZ");
	assert_int_equal(consultation_save(f->db, &c), ST_OK);
	int seen = 0;
	assert_int_equal(medical_record_read(f->db, f->id, 10, NULL, NULL, &seen), ST_OK);
	struct trail t = { "view", "medical_record", 0, "", "" };
	read_trail(f, &t, ROLE_MEDICAL);
	assert_int_equal(t.n, 1);
	/* Refused: no view, one refusal. */
	db_set_actor(f->db, f->clerk, "kits", ROLE_PROTECTION, "test");
	assert_int_equal(medical_record_read(f->db, f->id, 10, NULL, NULL, &seen), ST_DENIED);
	read_trail(f, &t, ROLE_PROTECTION);
	assert_int_equal(t.n, 1);
	struct trail r = { "refused", "permission", 0, "", "" };
	read_trail(f, &r, ROLE_PROTECTION);
	assert_int_equal(r.n, 1);
}

static void changes_are_read_back(const struct change_item *c, void *ctx)
{
	char *out = ctx;
	size_t len = strlen(out);
	snprintf(out + len, 512 - len, "[%s|%d|%s|%s]", c->key, c->pair, c->before ? c->before : "NULL",
	         c->after ? c->after : "NULL");
}

static void the_trail_json_is_read_whole_or_not_at_all(void **state)
{
	(void)state;
	char out[512] = "";
	assert_true(changes_read("{\"a\": [null, \"x\\\"y\"], \"n\": 20, \"t\": \"\\u00e9\\u0007\"}",
	                         changes_are_read_back, out));
	assert_string_equal(out, "[a|1|NULL|x\"y][n|0|NULL|20][t|0|NULL|\xc3\xa9 ]");
	const char *bad[] = { "", "{", "{\"a\": [1, 2}", "{\"a\": 1} x", "{\"a\": \"cut", "[1]", NULL };
	for (int i = 0; bad[i]; i++) {
		out[0] = '\0';
		assert_false(changes_read(bad[i], changes_are_read_back, out));
		assert_string_equal(out, "");
	}
}

static void the_trail_reads_in_words_and_hides_what_the_role_may_not_see(void **state)
{
	struct fixture *f = *state;
	char text[1024];
	const char *flags = "{\"flags\": [\"disability\", \"disability;trafficking_presumed\"], "
	                    "\"nationality\": [\"MLI\", \"NER\"]}";
	db_set_actor(f->db, f->clerk, "p", ROLE_PROTECTION, "test");
	audit_describe(f->db, "en", "update", "person", f->id, flags, "; ", text, sizeof text);
	assert_string_equal(text, "Vulnerabilities: Disability → Disability, Presumed victim of trafficking; "
	                          "Nationality: Mali → Niger");
	/* Training staff do not see the trafficking flag: no change for them. */
	db_set_actor(f->db, f->clerk, "t", ROLE_TRAINING, "test");
	audit_describe(f->db, "en", "update", "person", f->id, flags, "; ", text, sizeof text);
	assert_string_equal(text, "Nationality: Mali → Niger");
	/* A link made from another file: the relative's case number. */
	char json[128], number[32], key[20];
	snprintf(json, sizeof json, "{\"relative\": %lld, \"relation\": [null, \"child\"]}", f->id);
	audit_describe(f->db, "fr", "link", "person", f->id, json, "; ", text, sizeof text);
	audit_record_text(f->db, "person", f->id, number, sizeof number);
	assert_non_null(strstr(text, number));
	assert_non_null(strstr(text, "Child"));
	snprintf(key, sizeof key, "%.3s", number);
	assert_string_equal(key, "AGZ");
	/* Medical details: for medical staff only. */
	const char *consult = "{\"person_id\": \"1\", \"reason\": \"malaria\", \"diagnosis\": \"Paludisme grave\"}";
	db_set_actor(f->db, f->clerk, "a", ROLE_ADMIN, "test");
	audit_describe(f->db, "en", "create", "consultation", 1, consult, "; ", text, sizeof text);
	assert_null(strstr(text, "Paludisme"));
	assert_null(strstr(text, "alaria"));
	db_set_actor(f->db, f->clerk, "d", ROLE_MEDICAL, "test");
	audit_describe(f->db, "en", "create", "consultation", 1, consult, "; ", text, sizeof text);
	assert_string_equal(text, "Reason: Malaria; Diagnosis: Paludisme grave");
	/* Protection details: for protection readers only; others learn that
	 * a protection record was written or opened. */
	const char *concern = "{\"risk\": [\"medium\", \"high\"], \"notes\": [null, \"Menacé par son passeur\"]}";
	db_set_actor(f->db, f->clerk, "a", ROLE_ADMIN, "test");
	audit_describe(f->db, "en", "update", "prot_case", 1, concern, "; ", text, sizeof text);
	assert_string_equal(text, "Protection record written (details hidden)");
	audit_describe(f->db, "en", "view", "prot_return", 1, NULL, "; ", text, sizeof text);
	assert_string_equal(text, "Protection record opened");
	audit_describe(f->db, "en", "counsel", "prot_return", 1, "{\"notes\": [null, \"x\"]}", "; ", text, sizeof text);
	assert_null(strstr(text, "notes"));
	db_set_actor(f->db, f->clerk, "p", ROLE_PROTECTION, "test");
	audit_describe(f->db, "en", "update", "prot_case", 1, concern, "; ", text, sizeof text);
	assert_non_null(strstr(text, "Menacé par son passeur"));
	db_set_actor(f->db, f->clerk, "a", ROLE_ADMIN, "test");
	/* Refusals: what was refused, in words. */
	audit_describe(f->db, "en", "refused", "person", f->id, "{\"permission\": \"person_read\"}", "; ", text,
	               sizeof text);
	assert_string_equal(text, "Refused: open a case file");
	audit_describe(f->db, "en", "refused", "permission", 0, "{\"screen\": \"Staff accounts\"}", "; ", text,
	               sizeof text);
	assert_string_equal(text, "Refused: the screen Staff accounts");
	/* Unreadable (cut) JSON: a notice, never the raw text. */
	audit_describe(f->db, "en", "update", "person", f->id, "{\"phone\": [\"1\", \"2", "; ", text, sizeof text);
	assert_null(strchr(text, '{'));
	assert_null(strstr(text, "phone"));
}

/* `taimako audit` acts as an administrator, who may not read medical
 * records: a medical row names the fields changed, never their values. */
static void medical_changes_hidden_from_who_may_not_read_them(void **state)
{
	(void)state;
	static struct jsonbuf out;
	const char *changes = "{\"diagnosis\": [null, \"Paludisme grave\"], \"treatment\": [null, \"ACT\"]}";
	assert_true(audit_changes_for_role("consultation", changes, ROLE_ADMIN, &out));
	assert_string_equal(jsonbuf_text(&out), "{\"diagnosis\": \"hidden\", \"treatment\": \"hidden\"}");
	assert_true(audit_changes_for_role("fitness", "{\"notes\": \"asthme\"}", ROLE_MANAGER, &out) ==
	            !perm_allows(ROLE_MANAGER, PERM_MEDICAL_READ));
	assert_false(audit_changes_for_role("consultation", changes, ROLE_MEDICAL, &out));
	assert_false(audit_changes_for_role("person", "{\"phone\": [\"1\", \"2\"]}", ROLE_ADMIN, &out));
	assert_true(audit_changes_for_role("prot_trafficking", "{\"recruitment\": [null, \"job offer\"]}", ROLE_ADMIN,
	                                   &out));
	assert_null(strstr(jsonbuf_text(&out), "job offer"));
	assert_false(audit_changes_for_role("prot_trafficking", "{\"recruitment\": [null, \"x\"]}", ROLE_PROTECTION,
	                                    &out));
	/* Not an object: hidden all the same. */
	assert_true(audit_changes_for_role("medical_case", "not json", ROLE_ADMIN, &out));
	assert_null(strstr(jsonbuf_text(&out), "not json"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_role_against_every_flag),
		cmocka_unit_test(the_flag_rules_hold),
		cmocka_unit_test(readme_flag_table_matches),
		cmocka_unit_test_setup_teardown(each_role_gets_only_its_flags, setup, teardown),
		cmocka_unit_test_setup_teardown(refusals_are_in_the_trail, setup, teardown),
		cmocka_unit_test_setup_teardown(one_opening_of_a_medical_record_is_one_row, setup, teardown),
		cmocka_unit_test(the_trail_json_is_read_whole_or_not_at_all),
		cmocka_unit_test(medical_changes_hidden_from_who_may_not_read_them),
		cmocka_unit_test_setup_teardown(the_trail_reads_in_words_and_hides_what_the_role_may_not_see, setup,
		                                teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
