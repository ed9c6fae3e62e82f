/* People in the data layer: registration with case numbers, reading,
 * quick lookup, duplicates, conflicts, family links, history and the role
 * checks. */
#include <sqlite3.h>
#include "testutil.h"
#include "core/casenum.h"
#include "core/relation.h"
#include "core/vocab.h"
#include "db/audit.h"
#include "db/db.h"
#include "db/login.h"
#include "db/db_private.h"   /* the handle, for the query plans */
#include "db/person.h"
#include "db/person_private.h"
#include "db/stay.h"
#include "db/user.h"

struct fixture {
	struct tmpdir t;
	struct db *db;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	tmpdir_make(&f->t);
	assert_int_equal(db_open(f->t.db, DB_CREATE, &f->db, NULL, 0), ST_OK);
	db_set_actor(f->db, 0, "test", ROLE_ADMIN, "test");
	assert_int_equal(user_add(f->db, "clerk", "Clerk", ROLE_INTAKE, "AGZ", "fr", "a long password", NULL), ST_OK);
	assert_int_equal(user_add(f->db, "kits", "Kits", ROLE_DISTRIBUTION, "AGZ", "fr", "a long password", NULL), ST_OK);
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
	free(f);
	return 0;
}

/* A valid person registered today at AGZ. */
static struct person make(const char *family, const char *given, char sex, const char *birth)
{
	struct person p;
	memset(&p, 0, sizeof p);
	snprintf(p.family_name, sizeof p.family_name, "%s", family);
	snprintf(p.given_names, sizeof p.given_names, "%s", given);
	p.sex = sex;
	snprintf(p.birth_date, sizeof p.birth_date, "%s", birth);
	snprintf(p.nationality, sizeof p.nationality, "MLI");
	snprintf(p.arrival_date, sizeof p.arrival_date, "2026-03-15");
	snprintf(p.centre_code, sizeof p.centre_code, "AGZ");
	snprintf(p.arrival_mode, sizeof p.arrival_mode, "rescue");
	p.consent_data = true;
	snprintf(p.consent_date, sizeof p.consent_date, "2026-03-15");
	return p;
}

struct hits {
	int n;
	long long ids[32];
	long long ranks[32];
	char names[32][420];
};

static void collect(const struct person_hit *h, void *ctx)
{
	struct hits *c = ctx;
	if (c->n < 32) {
		c->ids[c->n] = h->id;
		c->ranks[c->n] = h->rank;
		snprintf(c->names[c->n], sizeof c->names[c->n], "%s", h->name);
		c->n++;
	}
}

/* Number of hits for query. */
static int count(struct db *db, const char *query, struct hits *out)
{
	struct hits h = { 0 };
	bool more;
	assert_int_equal(person_search(db, query, 0, 32, collect, &h, &more), ST_OK);
	if (out)
		*out = h;
	return h.n;
}

static void registration_gives_valid_unique_case_numbers(void **state)
{
	struct fixture *f = *state;
	struct person a = make("Traoré", "Aïssatou", 'f', "2001-04"), b = make("Diallo", "Mamadou", 'm', "1998");
	assert_int_equal(person_save(f->db, &a, NULL, NULL, 0), ST_OK);
	assert_int_equal(person_save(f->db, &b, NULL, NULL, 0), ST_OK);
	assert_true(a.id > 0 && b.id > a.id);
	assert_true(casenum_valid(a.case_key));
	assert_true(casenum_valid(b.case_key));
	assert_memory_equal(a.case_key, "AGZ26", 5);
	assert_string_not_equal(a.case_key, b.case_key);
	struct person back;
	assert_int_equal(person_get(f->db, a.id, &back), ST_OK);
	assert_string_equal(back.family_name, "Traoré");
	assert_string_equal(back.birth_date, "2001-04");
	assert_int_equal(back.version, 1);
}

static void two_sessions_never_share_a_case_number(void **state)
{
	struct fixture *f = *state;
	struct db *other;
	assert_int_equal(db_open(f->t.db, DB_EXISTING, &other, NULL, 0), ST_OK);
	struct user u;
	struct login_request req = { "clerk", "a long password", "local", time(NULL), lockout_default_policy() };
	assert_int_equal(login_attempt(other, &req, &u, NULL), ST_OK);
	char keys[40][20];
	for (int i = 0; i < 40; i++) {
		struct person p = make("Sow", "Aminata", 'f', "");
		assert_int_equal(person_save(i % 2 ? other : f->db, &p, NULL, NULL, 0), ST_OK);
		snprintf(keys[i], sizeof keys[i], "%s", p.case_key);
		for (int j = 0; j < i; j++)
			assert_string_not_equal(keys[i], keys[j]);
	}
	db_close(&other);
}

static void lookup_by_any_spelling_part_number_and_phone(void **state)
{
	struct fixture *f = *state;
	struct person a = make("Diallo", "Mamadou", 'm', "1998"), b = make("Traoré", "Aïssa", 'f', "2003");
	snprintf(b.phone, sizeof b.phone, "+227 90 12 34 56");
	assert_int_equal(person_save(f->db, &a, NULL, NULL, 0), ST_OK);
	assert_int_equal(person_save(f->db, &b, NULL, NULL, 0), ST_OK);
	struct hits h;
	assert_int_equal(count(f->db, "aissa", &h), 1);
	assert_string_equal(h.names[0], "Traoré Aïssa");
	assert_int_equal(count(f->db, "diallo mam", &h), 1);
	assert_int_equal(h.ids[0], a.id);
	assert_int_equal(count(f->db, "MAMADOU DIALLO", NULL), 1);
	assert_int_equal(count(f->db, "trao", NULL), 1);
	assert_int_equal(count(f->db, "diallo aissa", NULL), 0);
	char shown[CASENUM_MAX];
	assert_true(casenum_display(a.case_key, shown, sizeof shown));
	assert_int_equal(count(f->db, shown, &h), 1);
	assert_int_equal(h.ids[0], a.id);
	assert_int_equal(count(f->db, a.case_key, NULL), 1);
	assert_int_equal(count(f->db, "90 12 34 56", &h), 1);
	assert_int_equal(h.ids[0], b.id);
	assert_int_equal(count(f->db, "+22790123456", NULL), 1);
	assert_int_equal(count(f->db, "", NULL), 0);
	assert_int_equal(count(f->db, "\"*)(", NULL), 0);
}

static void lookup_pages_by_id(void **state)
{
	struct fixture *f = *state;
	for (int i = 0; i < 25; i++) {
		struct person p = make("Keita", "Moussa", 'm', "");
		assert_int_equal(person_save(f->db, &p, NULL, NULL, 0), ST_OK);
	}
	struct hits first = { 0 }, second = { 0 };
	bool more;
	assert_int_equal(person_search(f->db, "keita", 0, 10, collect, &first, &more), ST_OK);
	assert_true(more);
	assert_int_equal(first.n, 10);
	assert_int_equal(person_search(f->db, "keita", first.ranks[9], 20, collect, &second, &more), ST_OK);
	assert_false(more);
	assert_int_equal(second.n, 15);
	assert_true(second.ids[0] < first.ids[9]);
	/* Backwards: the last page directly, then the hits just before a hit,
	 * in the result order. */
	struct hits last = { 0 }, back = { 0 };
	assert_int_equal(person_search_page(f->db, "keita", PAGE_BEFORE, 0, 4, collect, &last, &more), ST_OK);
	assert_true(more);
	assert_int_equal(last.n, 4);
	assert_int_equal(last.ids[3], second.ids[14]);
	assert_int_equal(last.ids[0], second.ids[11]);
	assert_int_equal(person_search_page(f->db, "keita", PAGE_BEFORE, second.ranks[0], 20, collect, &back, &more),
	                 ST_OK);
	assert_false(more);
	assert_int_equal(back.n, 10);
	for (int i = 0; i < 10; i++)
		assert_int_equal(back.ids[i], first.ids[i]);
}

struct dups {
	int n;
	long long ids[8];
	int scores[8];
};

static void collect_dup(const struct person_hit *h, int score, void *ctx)
{
	struct dups *d = ctx;
	if (d->n < 8) {
		d->ids[d->n] = h->id;
		d->scores[d->n++] = score;
	}
}

static void duplicates_are_found_by_variant_spellings(void **state)
{
	struct fixture *f = *state;
	struct person a = make("Diallo", "Mohamed", 'm', "2000"), b = make("Diallo", "Mamadou", 'm', "1990");
	struct person c = make("Diallo", "Mohamed", 'f', "2000");
	assert_int_equal(person_save(f->db, &a, NULL, NULL, 0), ST_OK);
	assert_int_equal(person_save(f->db, &b, NULL, NULL, 0), ST_OK);
	assert_int_equal(person_save(f->db, &c, NULL, NULL, 0), ST_OK);
	struct person again = make("Diallo", "Mouhamed", 'm', "2001");
	struct dups d = { 0 };
	assert_int_equal(person_duplicates(f->db, &again, 5, collect_dup, &d), ST_OK);
	assert_true(d.n >= 1);
	assert_int_equal(d.ids[0], a.id);          /* the variant spelling, best first */
	for (int i = 0; i < d.n; i++)
		assert_true(d.ids[i] != c.id);         /* other sex: never */
	for (int i = 1; i < d.n; i++)
		assert_true(d.scores[i] <= d.scores[i - 1]);
}

struct changes {
	int n;
	char text[8][2100];
};

static void collect_change(const struct person_change *c, void *ctx)
{
	struct changes *ch = ctx;
	if (ch->n < 8)
		snprintf(ch->text[ch->n++], sizeof ch->text[0], "%s %s", c->action, c->changes);
}

/* Two sessions edit one person: changes to different fields are merged
 * (both kept, the trail showing this save's change against what was
 * saved); the same field changed differently is a conflict that writes
 * nothing and names the field. */
static void a_second_session_merges_or_gets_a_conflict_never_an_overwrite(void **state)
{
	struct fixture *f = *state;
	struct person p = make("Bah", "Fatoumata", 'f', "1995");
	assert_int_equal(person_save(f->db, &p, NULL, NULL, 0), ST_OK);
	struct person first, second;
	assert_int_equal(person_get(f->db, p.id, &first), ST_OK);
	assert_int_equal(person_get(f->db, p.id, &second), ST_OK);
	struct person edit1 = first, edit2 = second;
	snprintf(edit1.phone, sizeof edit1.phone, "+223 70 00 00 01");
	assert_int_equal(person_save(f->db, &edit1, &first, NULL, 0), ST_OK);
	snprintf(edit2.given_names, sizeof edit2.given_names, "Fatimata");
	char changed[200];
	assert_int_equal(person_save(f->db, &edit2, &second, changed, sizeof changed), ST_OK);
	assert_string_equal(changed, "phone");          /* taken from the other session */
	assert_string_equal(edit2.phone, "+223 70 00 00 01");
	struct person now;
	assert_int_equal(person_get(f->db, p.id, &now), ST_OK);
	assert_string_equal(now.given_names, "Fatimata");
	assert_string_equal(now.phone, "+223 70 00 00 01");
	assert_int_equal(now.version, 3);
	struct changes ch = { 0 };
	assert_int_equal(person_history(f->db, p.id, 0, 1, collect_change, &ch, NULL), ST_OK);
	assert_non_null(strstr(ch.text[0], "given_names"));
	assert_null(strstr(ch.text[0], "phone"));

	/* The same field, differently: nothing written, the field named. */
	struct person third = now, edit3 = now, edit4 = now;
	snprintf(edit3.phone, sizeof edit3.phone, "+227 90 00 00 03");
	snprintf(edit3.other_names, sizeof edit3.other_names, "Fanta");
	assert_int_equal(person_save(f->db, &edit3, &third, NULL, 0), ST_OK);
	snprintf(edit4.phone, sizeof edit4.phone, "+227 90 00 00 04");
	snprintf(edit4.family_name, sizeof edit4.family_name, "Barry");
	assert_int_equal(person_save(f->db, &edit4, &third, changed, sizeof changed), ST_CONFLICT);
	assert_string_equal(changed, "phone");
	assert_int_equal(person_current(f->db, p.id, &now), ST_OK);
	assert_string_equal(now.phone, "+227 90 00 00 03");
	assert_string_equal(now.family_name, "Bah");
	assert_string_equal(now.other_names, "Fanta");
	assert_int_equal(now.version, 4);
}

static void edits_are_in_the_history_and_openings_in_the_trail(void **state)
{
	struct fixture *f = *state;
	struct person p = make("Coulibaly", "Ibrahim", 'm', "1988");
	assert_int_equal(person_save(f->db, &p, NULL, NULL, 0), ST_OK);
	struct person orig;
	long long before = audit_count(f->db);
	assert_int_equal(person_get(f->db, p.id, &orig), ST_OK);
	assert_int_equal(audit_count(f->db), before + 1);   /* the opening */
	struct person edit = orig;
	snprintf(edit.nationality, sizeof edit.nationality, "CIV");
	edit.flags[FLAG_ASYLUM_SEEKER] = true;
	assert_int_equal(person_save(f->db, &edit, &orig, NULL, 0), ST_OK);
	struct changes ch = { 0 };
	assert_int_equal(person_history(f->db, p.id, 0, 8, collect_change, &ch, NULL), ST_OK);
	assert_int_equal(ch.n, 2);
	assert_non_null(strstr(ch.text[0], "\"nationality\": [\"MLI\", \"CIV\"]"));
	assert_non_null(strstr(ch.text[0], "asylum_seeker"));
	assert_memory_equal(ch.text[1], "create", 6);
}

static void bad_values_are_refused(void **state)
{
	struct fixture *f = *state;
	const char *why;
	struct person p = make("Sani", "Issa", 'm', "2099");
	assert_int_equal(person_check(&p, "2026-11-22", &why), ST_INVALID);
	assert_int_equal(person_save(f->db, &p, NULL, NULL, 0), ST_INVALID);
	p = make("", "Issa", 'm', "");
	assert_int_equal(person_check(&p, "2026-11-22", &why), ST_INVALID);
	p = make("Sani", "Issa", 'q', "");
	assert_int_equal(person_save(f->db, &p, NULL, NULL, 0), ST_INVALID);
	p = make("Sani", "Issa", 'm', "");
	snprintf(p.arrival_mode, sizeof p.arrival_mode, "teleport");
	assert_int_equal(person_save(f->db, &p, NULL, NULL, 0), ST_INVALID);
	p = make("Sani", "Issa", 'm', "");
	snprintf(p.centre_code, sizeof p.centre_code, "XYZ");
	assert_int_equal(person_save(f->db, &p, NULL, NULL, 0), ST_NOT_FOUND);
	assert_int_equal(count(f->db, "sani", NULL), 0);
}

static void roles_are_checked_in_the_data_layer(void **state)
{
	struct fixture *f = *state;
	struct person p = make("Garba", "Hadiza", 'f', "1999");
	assert_int_equal(person_save(f->db, &p, NULL, NULL, 0), ST_OK);
	struct user u;
	struct login_request req = { "kits", "a long password", "local", time(NULL), lockout_default_policy() };
	assert_int_equal(login_attempt(f->db, &req, &u, NULL), ST_OK);
	assert_int_equal(count(f->db, "garba", NULL), 1);           /* lookup: yes */
	struct person back;
	assert_int_equal(person_get(f->db, p.id, &back), ST_DENIED); /* the case file: no */
	struct person q = make("Other", "One", 'm', "");
	assert_int_equal(person_save(f->db, &q, NULL, NULL, 0), ST_DENIED);
	struct changes ch = { 0 };
	assert_int_equal(person_history(f->db, p.id, 0, 8, collect_change, &ch, NULL), ST_DENIED);
}

static void family_links_go_both_ways(void **state)
{
	struct fixture *f = *state;
	struct person mother = make("Touré", "Mariam", 'f', "1985"), child = make("Touré", "Awa", 'f', "2016");
	assert_int_equal(person_save(f->db, &mother, NULL, NULL, 0), ST_OK);
	assert_int_equal(person_save(f->db, &child, NULL, NULL, 0), ST_OK);
	assert_int_equal(person_link(f->db, child.id, mother.id, "parent"), ST_OK);
	assert_int_equal(person_link(f->db, child.id, child.id, "parent"), ST_INVALID);
	assert_int_equal(person_link(f->db, child.id, mother.id, "cousin"), ST_INVALID);
	sqlite3 *h;
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_open(f->t.db, &h), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(h, "SELECT relation FROM family_link WHERE person_id = ?1 AND relative_id = ?2",
	                                    -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_int64(st, 1, mother.id);
	sqlite3_bind_int64(st, 2, child.id);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal(sqlite3_column_text(st, 0), "child");
	sqlite3_finalize(st);
	sqlite3_close(h);
}

/* What relative is to person, read in family_link (NULL when not linked). */
static const char *link_of(struct fixture *f, long long person, long long relative, char *out, size_t n)
{
	sqlite3 *h;
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_open(f->t.db, &h), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(h, "SELECT relation FROM family_link WHERE person_id = ?1 AND relative_id = ?2",
	                                    -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_int64(st, 1, person);
	sqlite3_bind_int64(st, 2, relative);
	const char *r = NULL;
	if (sqlite3_step(st) == SQLITE_ROW) {
		snprintf(out, n, "%s", (const char *)sqlite3_column_text(st, 0));
		r = out;
	}
	sqlite3_finalize(st);
	sqlite3_close(h);
	return r;
}

/* A mother links her child: the child's file shows her as a parent, not as
 * head of household; every relation reads right the other way. */
static void child_of_a_mother_has_her_as_parent(void **state)
{
	struct fixture *f = *state;
	struct person mother = make("Touré", "Mariam", 'f', "1985"), child = make("Touré", "Awa", 'f', "2016");
	assert_int_equal(person_save(f->db, &mother, NULL, NULL, 0), ST_OK);
	assert_int_equal(person_save(f->db, &child, NULL, NULL, 0), ST_OK);
	char rel[16];
	assert_int_equal(person_link(f->db, mother.id, child.id, "child"), ST_OK);
	assert_string_equal(link_of(f, child.id, mother.id, rel, sizeof rel), "parent");
	static const char *const both[][2] = {
		{ "parent", "child" }, { "child", "parent" }, { "spouse", "spouse" }, { "sibling", "sibling" },
		{ "head", "member" }, { "member", "head" }, { "guardian", "ward" }, { "ward", "guardian" },
		{ "relative", "relative" },
	};
	assert_int_equal(vocab_count(VOCAB_RELATION), (int)(sizeof both / sizeof both[0]));
	for (size_t i = 0; i < sizeof both / sizeof both[0]; i++) {
		assert_int_equal(person_link(f->db, mother.id, child.id, both[i][0]), ST_OK);
		assert_string_equal(link_of(f, mother.id, child.id, rel, sizeof rel), both[i][0]);
		assert_string_equal(link_of(f, child.id, mother.id, rel, sizeof rel), both[i][1]);
		assert_string_equal(relation_inverse(both[i][0]), both[i][1]);
	}
}

/* The newest change of person's history into c. */
static void newest_change(const struct person_change *ch, void *ctx)
{
	*(struct person_change *)ctx = *ch;
}

/* A wrong link is removed both ways, audited on both people, and can be
 * made again (the undo); removing what is not linked says so. */
static void wrong_link_is_removed_both_ways(void **state)
{
	struct fixture *f = *state;
	struct person a = make("Touré", "Mariam", 'f', "1985"), b = make("Keita", "Fanta", 'f', "1990");
	assert_int_equal(person_save(f->db, &a, NULL, NULL, 0), ST_OK);
	assert_int_equal(person_save(f->db, &b, NULL, NULL, 0), ST_OK);
	assert_int_equal(person_link(f->db, a.id, b.id, "sibling"), ST_OK);
	assert_int_equal(person_unlink(f->db, a.id, b.id), ST_OK);
	char rel[16];
	assert_null(link_of(f, a.id, b.id, rel, sizeof rel));
	assert_null(link_of(f, b.id, a.id, rel, sizeof rel));
	/* In the history of both. */
	for (int i = 0; i < 2; i++) {
		struct person_change c = { 0 };
		assert_int_equal(person_history(f->db, i ? b.id : a.id, 0, 1, newest_change, &c, NULL), ST_OK);
		assert_string_equal(c.action, "unlink");
		assert_non_null(strstr(c.changes, "\"relation\": [\"sibling\", null]"));
	}
	assert_int_equal(person_unlink(f->db, a.id, b.id), ST_NOT_FOUND);
	assert_int_equal(person_unlink(f->db, a.id, a.id), ST_INVALID);
	/* The undo: the same link again. */
	assert_int_equal(person_link(f->db, a.id, b.id, "sibling"), ST_OK);
	assert_string_equal(link_of(f, b.id, a.id, rel, sizeof rel), "sibling");
	/* Only who may write. */
	struct user u;
	struct login_request req = { "kits", "a long password", "local", time(NULL), lockout_default_policy() };
	assert_int_equal(login_attempt(f->db, &req, &u, NULL), ST_OK);
	assert_int_equal(person_unlink(f->db, a.id, b.id), ST_DENIED);
}

struct stays {
	int n;
	struct person_stay s[8];
};

static void collect_stay(const struct person_stay *y, void *ctx)
{
	struct stays *st = ctx;
	if (st->n < 8)
		st->s[st->n++] = *y;
}

static void stays_admit_depart_and_services(void **state)
{
	struct fixture *f = *state;
	struct person p = make("Hamani", "Zeinabou", 'f', "1992");
	assert_int_equal(person_save(f->db, &p, NULL, NULL, 0), ST_OK);
	struct stays st = { 0 };
	assert_int_equal(person_stays(f->db, p.id, 0, 8, collect_stay, &st, NULL), ST_OK);
	assert_int_equal(st.n, 1);                          /* the first stay, from the arrival */
	long long first = st.s[0].id;
	/* Still staying: no second admission. */
	assert_int_equal(stay_admit(f->db, p.id, "NY1", "2026-04-01", NULL), ST_INVALID);
	assert_int_equal(stay_depart(f->db, first, "2026-03-01", "avr"), ST_INVALID);   /* before admission */
	assert_int_equal(stay_depart(f->db, first, "2026-04-01", "flew"), ST_INVALID);  /* no such reason */
	bool given[SERVICE_COUNT_] = { true, true, false, true };
	assert_int_equal(stay_set_services(f->db, first, given), ST_OK);
	assert_int_equal(stay_depart(f->db, first, "2026-04-01", "transferred"), ST_OK);
	assert_int_equal(stay_depart(f->db, first, "2026-04-02", "avr"), ST_INVALID);   /* already departed */
	assert_int_equal(stay_admit(f->db, p.id, "NY1", "2026-03-20", NULL), ST_INVALID); /* overlaps */
	long long second;
	assert_int_equal(stay_admit(f->db, p.id, "NY1", "2026-04-02", &second), ST_OK);
	assert_int_equal(stay_admit(f->db, p.id, "XYZ", "2026-05-02", NULL), ST_INVALID);
	st.n = 0;
	assert_int_equal(person_stays(f->db, p.id, 0, 8, collect_stay, &st, NULL), ST_OK);
	assert_int_equal(st.n, 2);
	assert_int_equal(st.s[0].id, second);
	assert_string_equal(st.s[0].departed, "");
	assert_string_equal(st.s[1].reason, "transferred");
	assert_non_null(strstr(st.s[1].services, "nfi"));
	assert_null(strstr(st.s[1].services, "water"));
}

/* Keys of the rows one page gave. */
struct keys {
	int n;
	long long id[80];
};

static void key_of_stay(const struct person_stay *y, void *ctx)
{
	struct keys *k = ctx;
	if (k->n < 80)
		k->id[k->n++] = y->id;
}

static void key_of_change(const struct person_change *c, void *ctx)
{
	struct keys *k = ctx;
	if (k->n < 80)
		k->id[k->n++] = c->id;
}

/* More stays and changes than the reader once kept (16): every one is
 * reached page by page, after the last key, and each page says whether
 * more remain. */
static void stays_and_history_page_by_key_and_say_more(void **state)
{
	struct fixture *f = *state;
	struct person p = make("Moussa", "Aminata", 'f', "1990");
	assert_int_equal(person_save(f->db, &p, NULL, NULL, 0), ST_OK);
	struct keys all = { 0 };
	bool more = true;
	assert_int_equal(person_stays(f->db, p.id, 0, 64, key_of_stay, &all, &more), ST_OK);
	long long stay = all.id[0];
	for (int day = 1; day <= 19; day++) {   /* 20 stays in all */
		char out[24], in[24];
		snprintf(out, sizeof out, "2026-04-%02d", day);
		snprintf(in, sizeof in, "2026-04-%02d", day + 1);
		assert_int_equal(stay_depart(f->db, stay, out, "left"), ST_OK);
		assert_int_equal(stay_admit(f->db, p.id, "AGZ", in, &stay), ST_OK);
	}
	all.n = 0;
	assert_int_equal(person_stays(f->db, p.id, 0, 64, key_of_stay, &all, &more), ST_OK);
	assert_int_equal(all.n, 20);
	assert_false(more);
	assert_int_equal(all.id[0], stay);   /* the latest first */
	struct keys page = { 0 };
	int seen = 0;
	for (long long after = 0;; after = page.id[page.n - 1]) {
		page.n = 0;
		assert_int_equal(person_stays(f->db, p.id, after, 8, key_of_stay, &page, &more), ST_OK);
		for (int i = 0; i < page.n; i++)
			assert_int_equal(page.id[i], all.id[seen + i]);
		seen += page.n;
		assert_int_equal(more, seen < 20);
		if (!more)
			break;
		assert_int_equal(page.n, 8);
	}
	assert_int_equal(seen, 20);

	/* 25 edits: 26 changes, with the 19 departures and 19 admissions
	 * made from the stay screen 64, newest first, read 10 at a time. */
	struct person cur;
	for (int i = 0; i < 25; i++) {
		assert_int_equal(person_get(f->db, p.id, &cur), ST_OK);
		struct person edit = cur;
		snprintf(edit.phone, sizeof edit.phone, "+227 90 00 00 %02d", i);
		assert_int_equal(person_save(f->db, &edit, &cur, NULL, 0), ST_OK);
	}
	all.n = 0;
	assert_int_equal(person_history(f->db, p.id, 0, 80, key_of_change, &all, &more), ST_OK);
	assert_int_equal(all.n, 64);
	assert_false(more);
	seen = 0;
	for (long long after = 0;; after = page.id[page.n - 1]) {
		page.n = 0;
		assert_int_equal(person_history(f->db, p.id, after, 10, key_of_change, &page, &more), ST_OK);
		for (int i = 0; i < page.n; i++)
			assert_int_equal(page.id[i], all.id[seen + i]);
		seen += page.n;
		assert_int_equal(more, seen < 64);
		if (!more)
			break;
	}
	assert_int_equal(seen, 64);
	page.n = 0;
	assert_int_equal(person_history(f->db, p.id, 0, 4, key_of_change, &page, &more), ST_OK);
	assert_int_equal(page.n, 4);
	assert_true(more);
}

static void key_of_relative(const struct person_relative *r, void *ctx)
{
	struct keys *k = ctx;
	if (k->n < 64)
		k->id[k->n++] = r->id;
}

/* A large family (more than the 32 relatives the reader once kept) is
 * read page by page after the last relative, each page saying whether
 * more remain. */
static void family_pages_by_key_and_says_more(void **state)
{
	struct fixture *f = *state;
	struct person head = make("Diarra", "Seydou", 'm', "1970");
	assert_int_equal(person_save(f->db, &head, NULL, NULL, 0), ST_OK);
	for (int i = 0; i < 35; i++) {
		struct person r = make("Diarra", "Enfant", 'f', "2010");
		assert_int_equal(person_save(f->db, &r, NULL, NULL, 0), ST_OK);
		assert_int_equal(person_link(f->db, head.id, r.id, "child"), ST_OK);
	}
	struct keys all = { 0 }, page = { 0 };
	bool more = true;
	assert_int_equal(person_family(f->db, head.id, 0, 64, key_of_relative, &all, &more), ST_OK);
	assert_int_equal(all.n, 35);
	assert_false(more);
	int seen = 0;
	for (long long after = 0;; after = page.id[page.n - 1]) {
		page.n = 0;
		assert_int_equal(person_family(f->db, head.id, after, 9, key_of_relative, &page, &more), ST_OK);
		for (int i = 0; i < page.n; i++)
			assert_int_equal(page.id[i], all.id[seen + i]);
		seen += page.n;
		assert_int_equal(more, seen < 35);
		if (!more)
			break;
	}
	assert_int_equal(seen, 35);
}

/* Fails when a row of the query plan of sql (with ?1 = match, ?2 = a big
 * id, ?3 = 21) reads a whole table: only index searches, and the full-text
 * index used with its MATCH constraint. */
static void assert_indexed(sqlite3 *h, const char *sql, const char *match, const char *kind)
{
	char explain[2048];
	snprintf(explain, sizeof explain, "EXPLAIN QUERY PLAN %s", sql);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(h, explain, -1, &st, NULL), SQLITE_OK);
	for (int i = 1; i <= sqlite3_bind_parameter_count(st); i++) {
		if (i == 1)
			sqlite3_bind_text(st, i, match, -1, SQLITE_TRANSIENT);
		else
			sqlite3_bind_int64(st, i, i == 2 ? 1000000000LL : 21);
	}
	int rows = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *detail = (const char *)sqlite3_column_text(st, 3);
		bool ok = strncmp(detail, "SEARCH", 6) == 0
		          || strncmp(detail, "CORRELATED SCALAR SUBQUERY", 26) == 0
		          || strncmp(detail, "SCALAR SUBQUERY", 15) == 0
		          /* counting reads a subquery of its own, bounded by LIMIT */
		          || strncmp(detail, "CO-ROUTINE", 10) == 0 || strncmp(detail, "SCAN (subquery", 14) == 0
		          || (strstr(detail, "VIRTUAL TABLE INDEX") && strstr(detail, ":M"));
		if (!ok)
			fail_msg("%s lookup reads a whole table: %s", kind, detail);
		rows++;
	}
	sqlite3_finalize(st);
	assert_true(rows > 0);
}

static void every_lookup_kind_uses_an_index(void **state)
{
	struct fixture *f = *state;
	struct person p = make("Traoré", "Aïssatou", 'f', "2001");
	snprintf(p.phone, sizeof p.phone, "+227 90 12 34 56");
	assert_int_equal(person_save(f->db, &p, NULL, NULL, 0), ST_OK);
	char number[CASENUM_MAX];
	assert_true(casenum_display(p.case_key, number, sizeof number));
	char no_check[CASENUM_MAX];
	snprintf(no_check, sizeof no_check, "%.*s", (int)strlen(number) - 2, number);
	const char *queries[][2] = {
		{ "name prefix", "trao" }, { "two parts in any order", "aissatou tra" },
		{ "unaccented", "aissatou" }, { "case number", number }, { "phone", "90 12 34 56" },
		{ "case number without its check character", no_check },
		{ "phone with its country code", "+227 90 12 34 56" }, { "phone's last digits", "3456" },
		{ "phone's start with 227 and no +", "227 9012" },
		{ "variant", "aishatu traore" }, { "typo", "aissatou traorr" }, { "whole name", "traore aissatou" },
	};
	sqlite3 *h = db_sqlite(f->db);
	for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++) {
		assert_int_equal(count(f->db, queries[i][1], NULL), 1);
		int n;
		bool over;
		assert_int_equal(person_search_count(f->db, queries[i][1], 100, &n, &over), ST_OK);
		assert_int_equal(n, 1);
		char match[512];
		assert_true(person_match_query(queries[i][1], "227", match, sizeof match));
		/* The statements the lookup prepared, as it prepared them. */
		int checked = 0;
		for (sqlite3_stmt *st = sqlite3_next_stmt(h, NULL); st; st = sqlite3_next_stmt(h, st)) {
			const char *sql = sqlite3_sql(st);
			if (strstr(sql, "person_search MATCH") || strstr(sql, "FROM person_flag")
			    || strstr(sql, "person_here MATCH")
			    || strstr(sql, "FROM name_typo") || strstr(sql, "FROM app_user u JOIN centre c")
			    || strstr(sql, "FROM name_word") || strstr(sql, "FROM centre WHERE code >=")
			    || strstr(sql, "y.departed IS NULL ORDER BY y.admitted")
			    || strstr(sql, "c.id = p.centre_id WHERE p.id = ?1")) {
				assert_indexed(h, sql, match, queries[i][0]);
				checked++;
			}
		}
		assert_true(checked >= 2);
	}
	/* The case numbers close to a mistyped one, by the unique index. */
	struct person_number_check nc;
	char bad[CASENUM_KEY_SIZE];
	snprintf(bad, sizeof bad, "%s", p.case_key);
	bad[strlen(bad) - 1] = bad[strlen(bad) - 1] == 'K' ? 'J' : 'K';
	assert_int_equal(person_number_check(f->db, bad, &nc), ST_OK);
	assert_true(nc.wrong && nc.n == 1);
	int close_checked = 0;
	for (sqlite3_stmt *st = sqlite3_next_stmt(h, NULL); st; st = sqlite3_next_stmt(h, st))
		if (strstr(sqlite3_sql(st), "WHERE case_key = ?1")) {
			assert_indexed(h, sqlite3_sql(st), p.case_key, "close case numbers");
			close_checked++;
		}
	assert_true(close_checked >= 1);
	/* The duplicate check too. */
	struct dups d = { 0 };
	assert_int_equal(person_duplicates(f->db, &p, 5, collect_dup, &d), ST_OK);
	for (sqlite3_stmt *st = sqlite3_next_stmt(h, NULL); st; st = sqlite3_next_stmt(h, st))
		if (strstr(sqlite3_sql(st), "FROM person_name_key"))
			assert_indexed(h, sqlite3_sql(st), "x", "duplicates");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(registration_gives_valid_unique_case_numbers, setup, teardown),
		cmocka_unit_test_setup_teardown(two_sessions_never_share_a_case_number, setup, teardown),
		cmocka_unit_test_setup_teardown(lookup_by_any_spelling_part_number_and_phone, setup, teardown),
		cmocka_unit_test_setup_teardown(lookup_pages_by_id, setup, teardown),
		cmocka_unit_test_setup_teardown(duplicates_are_found_by_variant_spellings, setup, teardown),
		cmocka_unit_test_setup_teardown(a_second_session_merges_or_gets_a_conflict_never_an_overwrite, setup, teardown),
		cmocka_unit_test_setup_teardown(edits_are_in_the_history_and_openings_in_the_trail, setup, teardown),
		cmocka_unit_test_setup_teardown(bad_values_are_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(roles_are_checked_in_the_data_layer, setup, teardown),
		cmocka_unit_test_setup_teardown(family_links_go_both_ways, setup, teardown),
		cmocka_unit_test_setup_teardown(child_of_a_mother_has_her_as_parent, setup, teardown),
		cmocka_unit_test_setup_teardown(wrong_link_is_removed_both_ways, setup, teardown),
		cmocka_unit_test_setup_teardown(stays_admit_depart_and_services, setup, teardown),
		cmocka_unit_test_setup_teardown(stays_and_history_page_by_key_and_say_more, setup, teardown),
		cmocka_unit_test_setup_teardown(family_pages_by_key_and_says_more, setup, teardown),
		cmocka_unit_test_setup_teardown(every_lookup_kind_uses_an_index, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
