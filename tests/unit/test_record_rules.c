/* The rules a person, a stay and a medical case must satisfy, checked in
 * the data layer, each naming its field; and one save of a case with its
 * antenatal visit is one transaction: refused, it leaves nothing behind. */
#include <sqlite3.h>
#include "testutil.h"
#include "cli/find_cmd.h"
#include "core/clock.h"
#include "core/role.h"
#include "db/db.h"
#include "db/db_private.h"   /* the connection's handle, to count rows */
#include "db/login.h"
#include "db/medical.h"
#include "db/person.h"
#include "db/stay.h"
#include "db/user.h"

#define PASSWORD "a long password"

struct fixture {
	struct tmpdir t;
	struct db *db;
};

static void sign_in(struct fixture *f, enum role r)
{
	struct user u;
	struct login_request req = { role_name(r), PASSWORD, "local", time(NULL), lockout_default_policy() };
	assert_int_equal(login_attempt(f->db, &req, &u, NULL), ST_OK);
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	clock_set(1780000000);   /* 2026-05-28 */
	tmpdir_make(&f->t);
	assert_int_equal(db_open(f->t.db, DB_CREATE, &f->db, NULL, 0), ST_OK);
	db_set_actor(f->db, 0, "test", ROLE_ADMIN, "test");
	for (int r = 0; r < ROLE_COUNT_; r++)
		assert_int_equal(user_add(f->db, role_name((enum role)r), "Staff", (enum role)r, "AGZ", "fr", PASSWORD, NULL),
		                 ST_OK);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	db_close(&f->db);
	tmpdir_remove(&f->t);
	free(f);
	clock_set(0);
	return 0;
}

static long long q_int(struct db *db, const char *sql)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(db), sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	long long v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* A valid person of sex sex registered at AGZ, not saved. */
static struct person person_of(const char *given, char sex)
{
	struct person p;
	memset(&p, 0, sizeof p);
	snprintf(p.family_name, sizeof p.family_name, "Abdou");
	snprintf(p.given_names, sizeof p.given_names, "%s", given);
	p.sex = sex;
	snprintf(p.birth_date, sizeof p.birth_date, "1998");
	snprintf(p.arrival_date, sizeof p.arrival_date, "2026-03-15");
	snprintf(p.centre_code, sizeof p.centre_code, "AGZ");
	snprintf(p.arrival_mode, sizeof p.arrival_mode, "rescue");
	p.consent_data = true;
	snprintf(p.consent_date, sizeof p.consent_date, "2026-03-15");
	return p;
}

/* Registers a person of sex sex at AGZ, then signs the medical staff in. */
static long long add_person(struct fixture *f, const char *given, char sex)
{
	sign_in(f, ROLE_INTAKE);
	struct person p = person_of(given, sex);
	assert_int_equal(person_save(f->db, &p, NULL, NULL, 0), ST_OK);
	sign_in(f, ROLE_MEDICAL);
	return p.id;
}

static struct medical_case med_case(long long person, const char *condition, const char *opened)
{
	struct medical_case mc;
	memset(&mc, 0, sizeof mc);
	mc.person_id = person;
	snprintf(mc.condition, sizeof mc.condition, "%s", condition);
	snprintf(mc.opened, sizeof mc.opened, "%s", opened);
	snprintf(mc.centre_code, sizeof mc.centre_code, "AGZ");
	return mc;
}

/* Saving mc with visit is refused for field with a message. */
static void refused(struct fixture *f, struct medical_case *mc, const char *visit, const char *field)
{
	const char *why = NULL, *fld = NULL;
	assert_int_equal(medical_case_save_visit(f->db, mc, visit, NULL, &why, &fld), ST_INVALID);
	assert_non_null(why);
	if (field) {
		assert_non_null(fld);
		assert_string_equal(fld, field);
	}
}

static void a_refused_save_leaves_nothing(void **state)
{
	struct fixture *f = *state;
	long long p = add_person(f, "Fatima", 'f');
	struct medical_case mc = med_case(p, "pregnancy", "2026-04-01");
	snprintf(mc.expected_delivery, sizeof mc.expected_delivery, "2026-10-15");
	assert_int_equal(medical_case_save(f->db, &mc), ST_OK);
	const char *writes = "SELECT count(*) FROM audit WHERE entity = 'medical_case' AND action <> 'view'";
	long long audits = q_int(f->db, writes);

	/* Closed with its outcome, and a visit before the opening: refused,
	 * about the visit; the case is still open, no visit, no audit row. */
	struct medical_case edit = mc;
	snprintf(edit.closed, sizeof edit.closed, "2026-05-20");
	snprintf(edit.outcome, sizeof edit.outcome, "Delivered, mother and child well");
	refused(f, &edit, "2026-03-20", "antenatal_visit");
	assert_int_equal(edit.version, mc.version);
	struct medical_case back;
	assert_int_equal(medical_case_get(f->db, mc.id, &back), ST_OK);
	assert_string_equal(back.closed, "");
	assert_string_equal(back.outcome, "");
	assert_int_equal(back.version, mc.version);
	assert_int_equal(q_int(f->db, "SELECT count(*) FROM antenatal_visit"), 0);
	assert_int_equal(q_int(f->db, writes), audits);
	/* A new case refused the same way is not created either. */
	struct medical_case fresh = med_case(p, "pregnancy", "2026-05-01");
	refused(f, &fresh, "2026-04-30", "antenatal_visit");
	assert_int_equal(fresh.id, 0);
	assert_int_equal(q_int(f->db, "SELECT count(*) FROM medical_case"), 1);

	/* Right, both are saved at once. */
	assert_int_equal(medical_case_save_visit(f->db, &edit, "2026-04-20", "Tension normale", NULL, NULL), ST_OK);
	assert_int_equal(edit.antenatal_visits, 1);
	assert_int_equal(medical_case_get(f->db, mc.id, &back), ST_OK);
	assert_string_equal(back.closed, "2026-05-20");
	assert_int_equal(q_int(f->db, "SELECT count(*) FROM antenatal_visit"), 1);
}

static void medical_cases_agree_with_themselves(void **state)
{
	struct fixture *f = *state;
	long long man = add_person(f, "Issa", 'm'), woman = add_person(f, "Awa", 'f');
	/* No pregnancy for a man: the data layer reads his sex. */
	struct medical_case mc = med_case(man, "pregnancy", "2026-04-01");
	refused(f, &mc, NULL, "condition");
	/* The expected delivery: not before the opening, not years after. */
	mc = med_case(woman, "pregnancy", "2026-04-01");
	snprintf(mc.expected_delivery, sizeof mc.expected_delivery, "2020-04-01");
	refused(f, &mc, NULL, "expected_delivery");
	snprintf(mc.expected_delivery, sizeof mc.expected_delivery, "2027-02-02");
	refused(f, &mc, NULL, "expected_delivery");
	snprintf(mc.expected_delivery, sizeof mc.expected_delivery, "2027-02-01");   /* ten months */
	assert_int_equal(medical_case_save(f->db, &mc), ST_OK);
	/* An outcome is a few words, and closes the case. */
	struct medical_case edit = mc;
	snprintf(edit.closed, sizeof edit.closed, "2026-05-20");
	snprintf(edit.outcome, sizeof edit.outcome, "a");
	refused(f, &edit, NULL, "outcome");
	edit.closed[0] = '\0';
	snprintf(edit.outcome, sizeof edit.outcome, "Delivered");
	refused(f, &edit, NULL, "closed");
	/* Visits recorded stay within the case: no opening after them, no
	 * change to another condition. */
	assert_int_equal(medical_case_antenatal(f->db, mc.id, "2026-04-10", NULL), ST_OK);
	edit = mc;
	snprintf(edit.opened, sizeof edit.opened, "2026-04-15");
	refused(f, &edit, NULL, "opened");
	edit = mc;
	snprintf(edit.condition, sizeof edit.condition, "chronic");
	edit.expected_delivery[0] = '\0';
	refused(f, &edit, NULL, "condition");
	/* Dates not in the future (today is 28 May 2026). */
	edit = mc;
	snprintf(edit.closed, sizeof edit.closed, "2026-05-29");
	snprintf(edit.outcome, sizeof edit.outcome, "Delivered");
	refused(f, &edit, NULL, "closed");
	refused(f, &mc, "2026-05-29", "antenatal_visit");
}

/* person_check refuses p, and the consistency rule names field. */
static void person_refused(struct fixture *f, struct person *p, const char *field)
{
	const char *why = NULL, *fld = NULL;
	assert_int_equal(person_check(p, "2026-05-28", &why), ST_INVALID);
	assert_non_null(why);
	assert_non_null(person_consistency_problem(p, "2026-05-28", &fld));
	assert_non_null(fld);
	assert_string_equal(fld, field);
	sign_in(f, ROLE_INTAKE);
	assert_int_equal(person_save(f->db, p, NULL, NULL, 0), ST_INVALID);
}

static void persons_agree_with_themselves(void **state)
{
	struct fixture *f = *state;
	/* An adult is not an unaccompanied child; a child is, and so is
	 * someone of unknown age. */
	struct person p = person_of("Moussa", 'm');
	p.flags[FLAG_UNACCOMPANIED_CHILD] = true;
	person_refused(f, &p, "unaccompanied_child");
	p.flags[FLAG_UNACCOMPANIED_CHILD] = false;
	p.flags[FLAG_SEPARATED_CHILD] = true;
	person_refused(f, &p, "separated_child");
	assert_null(person_set_birth(&p, "", "16", "2026-05-28"));
	assert_int_equal(person_check(&p, "2026-05-28", NULL), ST_OK);
	assert_null(person_set_birth(&p, "", "18", "2026-05-28"));
	assert_int_equal(person_check(&p, "2026-05-28", NULL), ST_INVALID);
	p.birth_date[0] = '\0';
	p.birth_estimated = false;
	assert_int_equal(person_check(&p, "2026-05-28", NULL), ST_OK);
	/* A man is not pregnant. */
	p = person_of("Issa", 'm');
	p.flags[FLAG_PREGNANT] = true;
	person_refused(f, &p, "pregnant");
	p.sex = 'f';
	assert_int_equal(person_check(&p, "2026-05-28", NULL), ST_OK);
	/* An older person is not 28. */
	p = person_of("Awa", 'f');
	p.flags[FLAG_OLDER_PERSON] = true;
	person_refused(f, &p, "older_person");
	/* No arrival before birth, no consent in the future. */
	p = person_of("Bébé", 'x');
	snprintf(p.birth_date, sizeof p.birth_date, "2026-04");
	person_refused(f, &p, "arrival_date");
	p = person_of("Awa", 'f');
	snprintf(p.consent_date, sizeof p.consent_date, "2026-06-01");
	person_refused(f, &p, "consent_date");
}

static void stays_are_not_in_the_future_and_saved_whole(void **state)
{
	struct fixture *f = *state;
	long long p = add_person(f, "Awa", 'f');
	sign_in(f, ROLE_INTAKE);
	/* Registration admitted her on arrival. */
	long long stay = q_int(f->db, "SELECT max(id) FROM stay");
	assert_int_equal(stay_depart(f->db, stay, "2026-06-01", "continued"), ST_INVALID);
	/* Services and a refused departure in one save: neither is kept. */
	bool given[SERVICE_COUNT_] = { true, true };
	assert_int_equal(stay_save(f->db, stay, given, "2026-06-01", "continued"), ST_INVALID);
	assert_int_equal(q_int(f->db, "SELECT count(*) FROM stay_service"), 0);
	assert_int_equal(stay_save(f->db, stay, given, "", NULL), ST_OK);
	assert_int_equal(q_int(f->db, "SELECT count(*) FROM stay_service"), 2);
	assert_int_equal(stay_depart(f->db, stay, "2026-05-20", "continued"), ST_OK);
	assert_int_equal(stay_admit(f->db, p, "AGZ", "2026-05-29", &stay), ST_INVALID);
	assert_int_equal(stay_admit(f->db, p, "AGZ", "2026-05-28", &stay), ST_OK);
}

/* The text of the first column of the first row of sql, into out. */
static void q_text(struct db *db, const char *sql, char *out, size_t size)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(db), sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	snprintf(out, size, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
}

static void an_edit_changes_only_what_was_touched(void **state)
{
	struct fixture *f = *state;
	sign_in(f, ROLE_INTAKE);
	/* Stored with a control character the form cannot show, and more
	 * languages and documents than the form holds. */
	struct person orig = person_of("Mamadou", 'm');
	snprintf(orig.family_name, sizeof orig.family_name, "Dia\001llo");
	snprintf(orig.languages[0], sizeof orig.languages[0], "ful");
	snprintf(orig.languages[1], sizeof orig.languages[1], "fra");
	snprintf(orig.languages[2], sizeof orig.languages[2], "hau");
	snprintf(orig.docs[0].type, sizeof orig.docs[0].type, "passport");
	snprintf(orig.docs[0].number, sizeof orig.docs[0].number, "A1");
	snprintf(orig.docs[1].type, sizeof orig.docs[1].type, "birth_certificate");
	snprintf(orig.docs[1].number, sizeof orig.docs[1].number, "77");
	assert_int_equal(person_save(f->db, &orig, NULL, NULL, 0), ST_OK);
	/* The form shows the name cleaned, two languages, one document; only
	 * the phone is typed. */
	struct person shown = orig;
	snprintf(shown.family_name, sizeof shown.family_name, "Diallo");
	shown.languages[2][0] = '\0';
	memset(&shown.docs[1], 0, sizeof shown.docs[1]);
	struct person edited = shown;
	snprintf(edited.phone, sizeof edited.phone, "+227 90 00 00 01");
	struct person p = orig;
	person_apply_edit(&p, &shown, &edited);
	assert_string_equal(p.family_name, "Dia\001llo");
	assert_string_equal(p.languages[2], "hau");
	assert_string_equal(p.docs[1].number, "77");
	assert_string_equal(p.phone, "+227 90 00 00 01");
	assert_int_equal(person_save(f->db, &p, &orig, NULL, 0), ST_OK);
	char changes[2000];
	q_text(f->db, "SELECT changes FROM audit WHERE action = 'update' AND entity = 'person' ORDER BY id DESC",
	       changes, sizeof changes);
	assert_non_null(strstr(changes, "phone"));
	assert_null(strstr(changes, "family_name"));
	assert_null(strstr(changes, "languages"));
	assert_null(strstr(changes, "documents"));
	/* A field typed is taken; the others keep what is stored. */
	edited = shown;
	snprintf(edited.family_name, sizeof edited.family_name, "Diallo Bah");
	struct person q = p;
	person_apply_edit(&q, &shown, &edited);
	assert_string_equal(q.family_name, "Diallo Bah");
	assert_string_equal(q.phone, "+227 90 00 00 01");
}

static void a_case_edit_changes_only_what_was_touched(void **state)
{
	struct fixture *f = *state;
	long long p = add_person(f, "Fatima", 'f');
	/* Notes longer than the form shows, with a control character. */
	struct medical_case mc = med_case(p, "chronic", "2026-04-01");
	memset(mc.notes, 'n', 300);
	mc.notes[10] = '\t';
	assert_int_equal(medical_case_save(f->db, &mc), ST_OK);
	struct medical_case shown = mc;
	snprintf(shown.notes, sizeof shown.notes, "%.120s", mc.notes);
	shown.notes[10] = ' ';
	struct medical_case typed = shown;
	snprintf(typed.closed, sizeof typed.closed, "2026-05-20");
	snprintf(typed.outcome, sizeof typed.outcome, "Stable, treatment given");
	struct medical_case edit = mc;
	medical_case_apply_edit(&edit, &shown, &typed);
	assert_string_equal(edit.notes, mc.notes);
	assert_string_equal(edit.closed, "2026-05-20");
	assert_int_equal(medical_case_save(f->db, &edit), ST_OK);
	char changes[2000];
	q_text(f->db, "SELECT changes FROM audit WHERE action = 'update' AND entity = 'medical_case' ORDER BY id DESC",
	       changes, sizeof changes);
	assert_non_null(strstr(changes, "outcome"));
	assert_null(strstr(changes, "notes"));
}

/* Keeps the lookup hits. */
struct hits {
	int n;
	struct person_hit h[8];
};

static void collect_hit(const struct person_hit *h, void *ctx)
{
	struct hits *hs = ctx;
	if (hs->n < 8)
		hs->h[hs->n++] = *h;
}

static void refusing_data_collection_keeps_only_what_assistance_needs(void **state)
{
	struct fixture *f = *state;
	struct person p = person_of("Hadiza", 'f');
	p.consent_data = false;
	/* Nothing to share, no contact, no alias, no document. */
	p.consent_share = true;
	person_refused(f, &p, "consent_share");
	p.consent_share = false;
	snprintf(p.phone, sizeof p.phone, "+227 90 00 00 01");
	person_refused(f, &p, "phone");
	p.phone[0] = '\0';
	snprintf(p.other_names, sizeof p.other_names, "Hadi");
	person_refused(f, &p, "other_names");
	p.other_names[0] = '\0';
	snprintf(p.docs[0].type, sizeof p.docs[0].type, "passport");
	snprintf(p.docs[0].number, sizeof p.docs[0].number, "A1");
	person_refused(f, &p, "documents");
	memset(p.docs, 0, sizeof p.docs);
	/* What assistance needs is kept: names, age, arrival, vulnerabilities. */
	assert_null(person_set_birth(&p, "", "15", "2026-05-28"));
	p.flags[FLAG_UNACCOMPANIED_CHILD] = true;
	sign_in(f, ROLE_INTAKE);
	assert_int_equal(person_save(f->db, &p, NULL, NULL, 0), ST_OK);
	struct person q = person_of("Hadiza", 'f');
	snprintf(q.family_name, sizeof q.family_name, "Moussa");
	snprintf(q.phone, sizeof q.phone, "+227 90 00 00 02");
	assert_int_equal(person_save(f->db, &q, NULL, NULL, 0), ST_OK);
	/* Found by the lookup, marked; left out of the CSV export. */
	struct hits hs = { 0 };
	bool more;
	assert_int_equal(person_search(f->db, "hadiza", 0, 8, collect_hit, &hs, &more), ST_OK);
	assert_int_equal(hs.n, 2);
	struct find_line lines[2];
	int withheld = 0;
	for (int i = 0; i < 2; i++) {
		find_line_of(&hs.h[i], &lines[i]);
		withheld += hs.h[i].no_data_consent;
	}
	assert_int_equal(withheld, 1);
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	assert_int_equal(find_print_csv(out, lines, 2), 1);
	fclose(out);
	assert_non_null(strstr(buf, "Moussa Hadiza"));
	assert_null(strstr(buf, "Abdou"));
	int rows = 0;
	for (char *c = buf; *c; c++)
		rows += *c == '\n';
	assert_int_equal(rows, 2);   /* the header and the one who consented */
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(a_refused_save_leaves_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(medical_cases_agree_with_themselves, setup, teardown),
		cmocka_unit_test_setup_teardown(persons_agree_with_themselves, setup, teardown),
		cmocka_unit_test_setup_teardown(stays_are_not_in_the_future_and_saved_whole, setup, teardown),
		cmocka_unit_test_setup_teardown(an_edit_changes_only_what_was_touched, setup, teardown),
		cmocka_unit_test_setup_teardown(refusing_data_collection_keeps_only_what_assistance_needs, setup, teardown),
		cmocka_unit_test_setup_teardown(a_case_edit_changes_only_what_was_touched, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
