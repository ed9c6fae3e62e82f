/* Sites exchanging bundles (db/sync.h): capture, order, idempotence,
 * every kind of conflict, the owner's choice travelling back. */
#include "sync_fixture.h"
#include "demo/demo.h"
#include "ui/module.h"

struct two {
	struct site a, b;
};

static int setup(void **state)
{
	struct two *w = calloc(1, sizeof *w);
	site_open(&w->a, "Agadez", "AGZ");
	site_open(&w->b, "Dirkou", "DRK");
	*state = w;
	return 0;
}

static int teardown(void **state)
{
	struct two *w = *state;
	site_close(&w->a);
	site_close(&w->b);
	free(w);
	return 0;
}

/* Both ways until nothing is left to send. */
static void both_ways(struct two *w)
{
	struct sync_result r;
	assert_int_equal(exchange(&w->a, &w->b, &r), ST_OK);
	assert_int_equal(exchange(&w->b, &w->a, &r), ST_OK);
	assert_int_equal(exchange(&w->a, &w->b, &r), ST_OK);
}

struct found {
	int n;
	long long id;
	bool decides;
	char there_site[40], there_user[64], here[SYNC_VALUE_MAX], there[SYNC_VALUE_MAX], what[120];
};

static enum status found_one(const struct sync_conflict *c, void *ctx)
{
	struct found *x = ctx;
	x->n++;
	x->id = c->id;
	x->decides = c->decides;
	snprintf(x->there_site, sizeof x->there_site, "%s", c->there_site);
	snprintf(x->there_user, sizeof x->there_user, "%s", c->there_user);
	snprintf(x->here, sizeof x->here, "%s", c->here);
	snprintf(x->there, sizeof x->there, "%s", c->there);
	snprintf(x->what, sizeof x->what, "%s", c->what);
	return ST_OK;
}

static void a_bundle_applied_twice_changes_nothing(void **state)
{
	struct two *w = *state;
	register_person(&w->a, "Diallo", "Mohamed", "1990");
	size_t n;
	unsigned char *b = bundle(&w->a, &w->b, false, &n);
	struct sync_result r;
	assert_int_equal(deliver(&w->b, b, n, &r), ST_OK);
	assert_true(r.applied > 0);
	assert_int_equal(count_of(&w->b, "SELECT count(*) FROM person"), 1);
	unsigned char before[SHA256_DIGEST_SIZE], after[SHA256_DIGEST_SIZE];
	long long rows;
	fingerprint(&w->b, before, &rows);
	long long log = count_of(&w->b, "SELECT count(*) FROM sync_log");
	assert_int_equal(deliver(&w->b, b, n, &r), ST_OK);
	assert_int_equal(r.applied, 0);
	assert_true(r.detail[0]);   /* "applied already" */
	fingerprint(&w->b, after, &rows);
	assert_memory_equal(before, after, sizeof before);
	assert_int_equal(count_of(&w->b, "SELECT count(*) FROM sync_log"), log);
	free(b);
	both_ways(w);
	assert_same_data(&w->a, &w->b);
	/* The person is found by name where they arrived (the index is made there). */
	assert_int_equal(count_of(&w->b, "SELECT count(*) FROM person_search WHERE person_search MATCH 'diallo*'"), 1);
}

static void bundles_out_of_order_are_held_then_applied(void **state)
{
	struct two *w = *state;
	long long id = register_person(&w->a, "Traore", "Ousmane", "1988");
	size_t n1, n2;
	unsigned char *b1 = bundle(&w->a, &w->b, false, &n1);
	char uuid[33];
	person_uuid(&w->a, id, uuid);
	assert_true(edit_person(&w->a, uuid, "phone", "+227 90 11 22 33"));
	unsigned char *b2 = bundle(&w->a, &w->b, false, &n2);
	struct sync_result r;
	assert_int_equal(deliver(&w->b, b2, n2, &r), ST_CONFLICT);
	assert_true(r.held);
	assert_int_equal(count_of(&w->b, "SELECT count(*) FROM person"), 0);   /* nothing half-applied */
	assert_int_equal(count_of(&w->b, "SELECT count(*) FROM sync_bundle_in WHERE status = 'held'"), 1);
	assert_int_equal(deliver(&w->b, b1, n1, &r), ST_OK);   /* then the held one follows */
	assert_int_equal(count_of(&w->b, "SELECT count(*) FROM sync_bundle_in WHERE status = 'held'"), 0);
	char phone[40];
	person_field(&w->b, uuid, "phone", phone, sizeof phone);
	assert_string_equal(phone, "+227 90 11 22 33");
	free(b1);
	free(b2);
	both_ways(w);
	assert_same_data(&w->a, &w->b);
}

static void a_damaged_or_misdirected_bundle_is_refused_whole(void **state)
{
	struct two *w = *state;
	register_person(&w->a, "Bah", "Aissatou", "1995");
	size_t n;
	unsigned char *b = bundle(&w->a, &w->b, false, &n);
	struct sync_result r;
	b[n / 2] ^= 0x5a;
	assert_int_equal(deliver(&w->b, b, n, &r), ST_INVALID);
	assert_true(r.detail[0]);
	b[n / 2] ^= 0x5a;
	assert_int_equal(deliver(&w->b, b, n - 10, &r), ST_INVALID);   /* cut short */
	assert_int_equal(deliver(&w->a, b, n, &r), ST_INVALID);        /* written by itself */
	assert_int_equal(deliver(&w->b, (const unsigned char *)"hello", 5, &r), ST_INVALID);
	assert_int_equal(count_of(&w->b, "SELECT count(*) FROM person"), 0);
	/* For another site. */
	struct site c;
	site_open(&c, "Arlit", "ARL");
	assert_int_equal(deliver(&c, b, n, &r), ST_INVALID);
	site_close(&c);
	assert_int_equal(deliver(&w->b, b, n, &r), ST_OK);
	free(b);
}

static void different_fields_of_one_record_merge(void **state)
{
	struct two *w = *state;
	long long id = register_person(&w->a, "Cisse", "Youssouf", "1992");
	char uuid[33];
	person_uuid(&w->a, id, uuid);
	both_ways(w);
	assert_true(edit_person(&w->a, uuid, "phone", "+227 91 00 00 01"));
	assert_true(edit_person(&w->b, uuid, "given", "Youssouf Ali"));
	both_ways(w);
	for (int i = 0; i < 2; i++) {
		struct site *s = i ? &w->b : &w->a;
		char v[80];
		person_field(s, uuid, "phone", v, sizeof v);
		assert_string_equal(v, "+227 91 00 00 01");
		person_field(s, uuid, "given_names", v, sizeof v);
		assert_string_equal(v, "Youssouf Ali");
		assert_int_equal(count_of(s, "SELECT count(*) FROM sync_conflict"), 0);
	}
	assert_same_data(&w->a, &w->b);
	/* The version moved where the other site's change landed: an open form
	 * there sees it. */
	assert_true(count_of(&w->a, "SELECT version FROM person") > 2);
}

static void the_same_field_goes_to_the_owner_who_decides(void **state)
{
	struct two *w = *state;
	long long id = register_person(&w->a, "Koulibaly", "Awa", "1991");
	char uuid[33];
	person_uuid(&w->a, id, uuid);
	both_ways(w);
	assert_true(edit_person(&w->a, uuid, "phone", "+227 90 00 00 01"));
	assert_true(edit_person(&w->b, uuid, "phone", "+227 90 00 00 02"));
	both_ways(w);
	char v[80];
	/* Never overwritten silently: the owner keeps its value and has an open
	 * conflict with both; the other site took the owner's and says so. */
	person_field(&w->a, uuid, "phone", v, sizeof v);
	assert_string_equal(v, "+227 90 00 00 01");
	person_field(&w->b, uuid, "phone", v, sizeof v);
	assert_string_equal(v, "+227 90 00 00 01");
	assert_int_equal(count_of(&w->a, "SELECT count(*) FROM sync_conflict WHERE status = 'open' AND field = 'phone' "
	                                 "AND here = '+227 90 00 00 01' AND there = '+227 90 00 00 02'"), 1);
	assert_int_equal(count_of(&w->b, "SELECT count(*) FROM sync_conflict WHERE status = 'owner' AND field = 'phone' "
	                                 "AND here = '+227 90 00 00 02'"), 1);
	assert_same_data(&w->a, &w->b);

	/* The manager at the owner sees both, who and when, and takes theirs. */
	struct found f = { 0 };
	as_role(&w->a, ROLE_MANAGER, "boss");
	long long open = 0;
	assert_int_equal(sync_conflicts_open(w->a.db, &open), ST_OK);
	assert_int_equal(open, 1);
	assert_int_equal(sync_conflicts_each(w->a.db, false, 0, 10, found_one, &f, NULL), ST_OK);
	assert_int_equal(f.n, 1);
	assert_true(f.decides);
	assert_string_equal(f.there_site, "Dirkou");
	assert_string_equal(f.there_user, "clerk");
	assert_string_equal(f.here, "+227 90 00 00 01");
	assert_string_equal(f.there, "+227 90 00 00 02");
	assert_non_null(strstr(f.what, "AGZ-26-"));   /* the record, by its case number */
	/* The other site sees it decided by the owner, and cannot choose. */
	as_role(&w->b, ROLE_MANAGER, "boss");
	struct found g = { 0 };
	assert_int_equal(sync_conflicts_each(w->b.db, true, 0, 10, found_one, &g, NULL), ST_OK);
	assert_int_equal(g.n, 1);
	assert_false(g.decides);
	assert_int_equal(sync_conflict_decide(w->b.db, g.id, true), ST_CONFLICT);   /* not open there */
	/* Other roles do not see conflicts. */
	as_role(&w->a, ROLE_INTAKE, "clerk");
	assert_int_equal(sync_conflicts_each(w->a.db, false, 0, 10, found_one, &g, NULL), ST_DENIED);
	as_role(&w->a, ROLE_MANAGER, "boss");
	assert_int_equal(sync_conflict_decide(w->a.db, f.id, true), ST_OK);
	assert_int_equal(sync_conflict_decide(w->a.db, f.id, true), ST_CONFLICT);   /* decided already */
	both_ways(w);
	char v2[80];
	person_field(&w->b, uuid, "phone", v2, sizeof v2);
	assert_string_equal(v2, "+227 90 00 00 02");
	assert_same_data(&w->a, &w->b);
	assert_int_equal(count_of(&w->a, "SELECT count(*) FROM audit WHERE action = 'sync_decide'"), 1);
}

static void keeping_ours_travels_to_every_site(void **state)
{
	struct two *w = *state;
	struct site c;
	site_open(&c, "Arlit", "ARL");
	long long id = register_person(&w->a, "Ndiaye", "Ismael", "1985");
	char uuid[33];
	person_uuid(&w->a, id, uuid);
	struct sync_result r;
	assert_int_equal(exchange(&w->a, &w->b, &r), ST_OK);
	assert_int_equal(exchange(&w->a, &c, &r), ST_OK);
	/* Two sites that do not own the record change the same field. */
	assert_true(edit_person(&w->b, uuid, "other", "Isma"));
	assert_true(edit_person(&c, uuid, "other", "Smael"));
	assert_int_equal(exchange(&w->b, &w->a, &r), ST_OK);
	assert_int_equal(exchange(&c, &w->a, &r), ST_OK);
	assert_int_equal(exchange(&w->b, &c, &r), ST_OK);
	assert_int_equal(exchange(&c, &w->b, &r), ST_OK);
	as_role(&w->a, ROLE_MANAGER, "boss");
	struct found f = { 0 };
	assert_int_equal(sync_conflicts_each(w->a.db, false, 0, 10, found_one, &f, NULL), ST_OK);
	assert_int_equal(f.n, 1);
	assert_string_equal(f.here, "Isma");
	assert_int_equal(sync_conflict_decide(w->a.db, f.id, false), ST_OK);   /* keep ours */
	assert_int_equal(exchange(&w->a, &w->b, &r), ST_OK);
	assert_int_equal(exchange(&w->a, &c, &r), ST_OK);
	char v[80];
	person_field(&c, uuid, "other_names", v, sizeof v);
	assert_string_equal(v, "Isma");
	assert_same_data(&w->a, &c);
	assert_same_data(&w->a, &w->b);
	site_close(&c);
}

static void a_delete_against_an_edit_is_a_conflict(void **state)
{
	struct two *w = *state;
	long long id = register_person(&w->a, "Jallow", "Fatou", "1999");
	char uuid[33];
	person_uuid(&w->a, id, uuid);
	as_clerk(&w->a);
	struct person p, orig;
	assert_int_equal(person_current(w->a.db, id, &orig), ST_OK);
	p = orig;
	p.flags[FLAG_OTHER] = true;
	snprintf(p.flag_other, sizeof p.flag_other, "needs glasses");
	assert_int_equal(person_save(w->a.db, &p, &orig, NULL, 0), ST_OK);
	both_ways(w);
	assert_int_equal(count_of(&w->b, "SELECT count(*) FROM person_flag WHERE flag = 'other'"), 1);
	/* The owner removes the flag; the other site edits its note. */
	as_clerk(&w->a);
	assert_int_equal(person_current(w->a.db, id, &orig), ST_OK);
	p = orig;
	p.flags[FLAG_OTHER] = false;
	assert_int_equal(person_save(w->a.db, &p, &orig, NULL, 0), ST_OK);
	long long bid = person_here(&w->b, uuid);
	as_clerk(&w->b);
	assert_int_equal(person_current(w->b.db, bid, &orig), ST_OK);
	p = orig;
	snprintf(p.flag_other, sizeof p.flag_other, "needs glasses and a cane");
	assert_int_equal(person_save(w->b.db, &p, &orig, NULL, 0), ST_OK);
	both_ways(w);
	/* The owner's delete wins at the other site, which notes it; the
	 * owner notes the edit of a record deleted there. */
	assert_int_equal(count_of(&w->b, "SELECT count(*) FROM person_flag WHERE flag = 'other'"), 0);
	assert_int_equal(count_of(&w->b, "SELECT count(*) FROM sync_conflict WHERE kind = 'delete_edited'"), 1);
	assert_int_equal(count_of(&w->a, "SELECT count(*) FROM sync_conflict WHERE kind = 'edit_deleted'"), 1);
	assert_same_data(&w->a, &w->b);
}

static void the_same_person_registered_at_two_sites_is_a_duplicate(void **state)
{
	struct two *w = *state;
	register_person(&w->a, "Diallo", "Mamadou Saliou", "1993");
	register_person(&w->b, "Diallo", "Mamadou Saliou", "1993");
	both_ways(w);
	assert_int_equal(count_of(&w->a, "SELECT count(*) FROM person"), 2);
	assert_int_equal(count_of(&w->a, "SELECT count(*) FROM sync_conflict WHERE kind = 'duplicate'"), 1);
	assert_int_equal(count_of(&w->b, "SELECT count(*) FROM sync_conflict WHERE kind = 'duplicate'"), 1);
	as_role(&w->a, ROLE_MANAGER, "boss");
	struct found f = { 0 };
	assert_int_equal(sync_conflicts_each(w->a.db, false, 0, 10, found_one, &f, NULL), ST_OK);
	assert_int_equal(f.n, 1);
	assert_true(f.decides);
	assert_non_null(strstr(f.here, "-26-"));   /* shown by its case number */
	assert_int_equal(sync_conflict_decide(w->a.db, f.id, false), ST_OK);   /* reviewed */
	assert_same_data(&w->a, &w->b);
}

/* Two sites registering at one centre make the same case numbers: the
 * bundle is refused whole, saying so in words, with the number. */
static void two_sites_at_one_centre_are_refused_in_words(void **state)
{
	struct two *w = *state;
	struct site c;
	site_open(&c, "Agadez annex", "AGZ");
	register_person(&w->a, "Diallo", "Mamadou Saliou", "1993");
	register_person(&c, "Traore", "Ousmane", "1990");
	struct sync_result r;
	size_t n;
	unsigned char *b = bundle(&w->a, &c, false, &n);
	assert_int_equal(deliver(&c, b, n, &r), ST_INVALID);
	free(b);
	assert_non_null(strstr(r.detail, "Agadez registered a person with case number AGZ-"));
	assert_non_null(strstr(r.detail, "two sites cannot register people at the same centre"));
	assert_null(strstr(r.detail, "case_key"));   /* never a column's name */
	assert_int_equal(count_of(&c, "SELECT count(*) FROM person"), 1);
	assert_int_equal(count_of(&c, "SELECT count(*) FROM person WHERE family_name = 'Diallo'"), 0);
	site_close(&c);
}

static void every_session_is_captured(void **state)
{
	struct two *w = *state;
	struct db *other;
	assert_int_equal(db_open(w->a.t.db, DB_EXISTING, &other, NULL, 0), ST_OK);
	register_person(&w->a, "Sisse", "Moussa", "1980");
	struct site second = w->a;
	second.db = other;
	register_person(&second, "Bah", "Oumar", "1981");
	db_close(&other);
	/* The entries of both sessions, numbered without a gap. */
	assert_int_equal(count_of(&w->a, "SELECT count(*) FROM sync_log WHERE origin = "
	                                 "(SELECT value FROM setting WHERE key = 'site')"),
	                 count_of(&w->a, "SELECT have FROM sync_site WHERE self = 1"));
	assert_int_equal(count_of(&w->a, "SELECT max(origin_seq) FROM sync_log"),
	                 count_of(&w->a, "SELECT count(*) FROM sync_log"));
	struct sync_result r;
	assert_int_equal(exchange(&w->a, &w->b, &r), ST_OK);
	assert_int_equal(count_of(&w->b, "SELECT count(*) FROM person"), 2);
	/* The sender's audit trail came with it. */
	assert_true(count_of(&w->b, "SELECT count(*) FROM sync_audit WHERE action = 'create' AND entity = 'person'") >= 2);
	both_ways(w);
	assert_same_data(&w->a, &w->b);
}

static void a_site_is_rebuilt_from_the_central_copy(void **state)
{
	struct two *w = *state;   /* b plays the central copy */
	long long id = register_person(&w->a, "Toure", "Hawa", "1994");
	char uuid[33], aid[33];
	person_uuid(&w->a, id, uuid);
	site_id(&w->a, aid);
	assert_true(edit_person(&w->a, uuid, "phone", "+227 96 00 00 07"));
	struct sync_result r;
	assert_int_equal(exchange(&w->a, &w->b, &r), ST_OK);
	long long last = count_of(&w->a, "SELECT have FROM sync_site WHERE self = 1");
	/* The laptop is lost: a new database takes its place. */
	site_close(&w->a);
	tmpdir_make(&w->a.t);
	assert_int_equal(db_open(w->a.t.db, DB_CREATE, &w->a.db, NULL, 0), ST_OK);
	db_set_actor(w->a.db, 0, "admin", ROLE_ADMIN, "test");
	long long rows = -1;
	assert_int_equal(sync_init_as(w->a.db, "Agadez", "not an id", &rows), ST_INVALID);
	assert_int_equal(sync_init_as(w->a.db, "Agadez", aid, &rows), ST_OK);
	assert_int_equal(rows, 0);
	size_t n;
	unsigned char *b = bundle(&w->b, &w->a, true, &n);
	assert_int_equal(deliver(&w->a, b, n, &r), ST_OK);
	free(b);
	char phone[40];
	person_field(&w->a, uuid, "phone", phone, sizeof phone);
	assert_string_equal(phone, "+227 96 00 00 07");
	assert_int_equal(count_of(&w->a, "SELECT have FROM sync_site WHERE self = 1"), last);
	assert_same_data(&w->a, &w->b);
	/* Its next change follows its last one: nothing numbered twice. */
	w->a.clerk = count_of(&w->a, "SELECT id FROM app_user WHERE name = 'clerk'");
	assert_true(edit_person(&w->a, uuid, "phone", "+227 96 00 00 08"));
	assert_int_equal(count_of(&w->a, "SELECT have FROM sync_site WHERE self = 1"), last + 1);
	assert_int_equal(exchange(&w->a, &w->b, &r), ST_OK);
	person_field(&w->b, uuid, "phone", phone, sizeof phone);
	assert_string_equal(phone, "+227 96 00 00 08");
	assert_int_equal(sync_init_as(w->a.db, "Agadez", aid, &rows), ST_EXISTS);
}

static void the_central_copy_asks_for_everything_again(void **state)
{
	struct two *w = *state;
	register_person(&w->a, "Keita", "Salif", "1979");
	struct sync_result r;
	assert_int_equal(exchange(&w->a, &w->b, &r), ST_OK);
	assert_true(r.applied > 0);
	assert_int_equal(exchange(&w->a, &w->b, &r), ST_OK);
	assert_int_equal(r.entries, 0);   /* nothing new */
	char aid[33];
	site_id(&w->a, aid);
	char *p = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&p, &n);
	db_set_actor(w->b.db, 0, "admin", ROLE_ADMIN, "test");
	assert_int_equal(sync_request_all(w->b.db, aid, f, &r), ST_OK);
	fclose(f);
	assert_int_equal(deliver(&w->a, (unsigned char *)p, n, &r), ST_OK);
	free(p);
	assert_int_equal(exchange(&w->a, &w->b, &r), ST_OK);
	assert_true(r.entries >= count_of(&w->a, "SELECT have FROM sync_site WHERE self = 1"));
	assert_int_equal(r.applied, 0);   /* all there already: nothing changes */
	assert_same_data(&w->a, &w->b);
}

/* A bundle lost on the way: the next ones are held; writing again what
 * the other site has not said it has unblocks them. */
static void a_lost_bundle_is_written_again(void **state)
{
	struct two *w = *state;
	long long id = register_person(&w->a, "Sangare", "Oumou", "1987");
	char uuid[33];
	person_uuid(&w->a, id, uuid);
	both_ways(w);
	assert_true(edit_person(&w->a, uuid, "phone", "+227 91 22 33 44"));
	size_t n2, n3, n4;
	unsigned char *lost = bundle(&w->a, &w->b, false, &n2);
	free(lost);   /* the USB stick is lost */
	assert_true(edit_person(&w->a, uuid, "other", "Oumou Sang"));
	unsigned char *b3 = bundle(&w->a, &w->b, false, &n3);
	struct sync_result r;
	assert_int_equal(deliver(&w->b, b3, n3, &r), ST_CONFLICT);   /* held: the lost one is missing */
	char *p = NULL;
	FILE *f = open_memstream(&p, &n4);
	db_set_actor(w->a.db, 0, "admin", ROLE_ADMIN, "test");
	assert_int_equal(sync_export_again(w->a.db, "Dirkou", f, &r), ST_OK);
	fclose(f);
	assert_int_equal(deliver(&w->b, (unsigned char *)p, n4, &r), ST_OK);
	free(p);
	char v[80];
	person_field(&w->b, uuid, "phone", v, sizeof v);
	assert_string_equal(v, "+227 91 22 33 44");
	person_field(&w->b, uuid, "other_names", v, sizeof v);
	assert_string_equal(v, "Oumou Sang");
	/* The held one is no longer waiting: what it holds is here. */
	assert_int_equal(count_of(&w->b, "SELECT count(*) FROM sync_bundle_in WHERE status = 'held'"), 0);
	assert_int_equal(deliver(&w->b, b3, n3, &r), ST_OK);
	free(b3);
	both_ways(w);
	assert_same_data(&w->a, &w->b);
}

/* Another site never changes an account of this one: its change is noted
 * for this site's manager, the role stays. */
static void another_site_cannot_raise_an_account(void **state)
{
	struct two *w = *state;
	both_ways(w);
	char aid[33], sql[256];
	site_id(&w->a, aid);
	snprintf(sql, sizeof sql, "UPDATE app_user SET role = 'admin' WHERE site = '%s'", aid);
	assert_int_equal(db_begin(w->b.db), ST_OK);
	assert_int_equal(sqlite3_exec(db_sqlite(w->b.db), sql, NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(db_commit(w->b.db), ST_OK);
	struct sync_result r;
	assert_int_equal(exchange(&w->b, &w->a, &r), ST_OK);
	assert_int_equal(count_of(&w->a, "SELECT count(*) FROM app_user WHERE role = 'admin'"), 0);
	assert_true(count_of(&w->a, "SELECT count(*) FROM sync_conflict WHERE tbl = 'app_user' AND field = 'role' "
	                            "AND status = 'open'") >= 1);
	/* Accounts of other sites never sign in here. */
	assert_int_equal(count_of(&w->a, "SELECT count(*) FROM app_user WHERE site != (SELECT value FROM setting "
	                                 "WHERE key = 'site') AND (active = 1 OR pw_hash != '!')"), 0);
}

/* Every module's records travel: a demo written at a syncing site (its
 * bulk writes captured like any other) arrives whole at another. */
static void every_module_travels(void **state)
{
	struct two *w = *state;
	db_set_actor(w->a.db, 0, "admin", ROLE_ADMIN, "test");
	assert_int_equal(demo_fill(w->a.db, 60), ST_OK);
	for (const struct module *const *m = module_table; *m; m++)
		if ((*m)->demo) {
			struct demo_options o = { .persons = 60, .seed = 1 };
			assert_int_equal((*m)->demo(w->a.db, &o), ST_OK);
		}
	struct sync_result r;
	if (exchange(&w->a, &w->b, &r) != ST_OK)
		fail_msg("%s", r.detail);
	assert_int_equal(r.conflicts, 0);
	assert_int_equal(exchange(&w->b, &w->a, &r), ST_OK);
	assert_same_data(&w->a, &w->b);
	static const char *const tables[] = { "consultation", "prot_case", "psych_attendance", "training_enrolment",
	                                      "reint_payment", "dist_serving", "stay", "family_link" };
	for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
		char sql[96];
		snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", tables[i]);
		long long n = count_of(&w->a, sql);
		if (n <= 0)
			fail_msg("no %s in the demo", tables[i]);
		assert_int_equal(count_of(&w->b, sql), n);
	}
	/* Derived data made where it landed. */
	assert_int_equal(count_of(&w->b, "SELECT count(*) FROM person_search"),
	                 count_of(&w->b, "SELECT count(*) FROM person"));
	assert_int_equal(count_of(&w->b, "SELECT coalesce(sum(balance), 0) FROM dist_stock"),
	                 count_of(&w->a, "SELECT coalesce(sum(balance), 0) FROM dist_stock"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(a_bundle_applied_twice_changes_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(bundles_out_of_order_are_held_then_applied, setup, teardown),
		cmocka_unit_test_setup_teardown(a_damaged_or_misdirected_bundle_is_refused_whole, setup, teardown),
		cmocka_unit_test_setup_teardown(different_fields_of_one_record_merge, setup, teardown),
		cmocka_unit_test_setup_teardown(the_same_field_goes_to_the_owner_who_decides, setup, teardown),
		cmocka_unit_test_setup_teardown(keeping_ours_travels_to_every_site, setup, teardown),
		cmocka_unit_test_setup_teardown(a_delete_against_an_edit_is_a_conflict, setup, teardown),
		cmocka_unit_test_setup_teardown(the_same_person_registered_at_two_sites_is_a_duplicate, setup, teardown),
		cmocka_unit_test_setup_teardown(two_sites_at_one_centre_are_refused_in_words, setup, teardown),
		cmocka_unit_test_setup_teardown(every_session_is_captured, setup, teardown),
		cmocka_unit_test_setup_teardown(a_site_is_rebuilt_from_the_central_copy, setup, teardown),
		cmocka_unit_test_setup_teardown(the_central_copy_asks_for_everything_again, setup, teardown),
		cmocka_unit_test_setup_teardown(every_module_travels, setup, teardown),
		cmocka_unit_test_setup_teardown(another_site_cannot_raise_an_account, setup, teardown),
		cmocka_unit_test_setup_teardown(a_lost_bundle_is_written_again, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
