/* Editable reference lists in the data layer: adding, editing, retiring
 * and restoring, moving; every rule refused with nothing changed, the
 * administrator's permission, the audit of every write, versions across two
 * connections, and the choice lists of forms. */
#include <sqlite3.h>
#include "testutil.h"
#include "core/psych_vocab.h"
#include "core/role.h"
#include "db/audit.h"
#include "db/audit_text.h"
#include "db/db.h"
#include "db/db_private.h"   /* the connection's handle */
#include "db/login.h"
#include "db/reflist.h"
#include "db/user.h"
#include "ui/module.h"
#include "ui/refchoice.h"

#define PASSWORD "a long password"

struct fixture {
	struct tmpdir t;
	struct db *db;
	const struct reflist_def *activity, *partner;
};

/* Signs in on db as the account of role r (named like the role). */
static void sign_in_on(struct db *db, enum role r)
{
	struct user u;
	struct login_request req = { role_name(r), PASSWORD, "local", time(NULL), lockout_default_policy() };
	assert_int_equal(login_attempt(db, &req, &u, NULL), ST_OK);
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	tmpdir_make(&f->t);
	assert_int_equal(db_open(f->t.db, DB_CREATE, &f->db, NULL, 0), ST_OK);
	db_set_actor(f->db, 0, "test", ROLE_ADMIN, "test");
	for (int r = 0; r < ROLE_COUNT_; r++)
		assert_int_equal(user_add(f->db, role_name((enum role)r), "Staff", (enum role)r, "AGZ", "fr", PASSWORD, NULL),
		                 ST_OK);
	sign_in_on(f->db, ROLE_ADMIN);
	/* The definitions come from the module table, as the screens get them. */
	f->activity = module_reflist(module_table, REFLIST_PSYCH_ACTIVITY);
	f->partner = module_reflist(module_table, REFLIST_PARTNER);
	assert_non_null(f->activity);
	assert_non_null(f->partner);
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

/* An item with these names and kind. */
static struct ref_item item(const char *en, const char *fr, const char *kind)
{
	struct ref_item it;
	memset(&it, 0, sizeof it);
	snprintf(it.name_en, sizeof it.name_en, "%s", en);
	snprintf(it.name_fr, sizeof it.name_fr, "%s", fr);
	snprintf(it.kind, sizeof it.kind, "%s", kind);
	return it;
}

/* Everything the lists and the trail hold, as one text. */
static void snapshot(struct fixture *f, char *out, size_t size)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(f->db),
	                                    "SELECT (SELECT count(*) FROM audit) || ':' || group_concat(id || '|' || list"
	                                    " || '|' || code || '|' || name_en || '|' || name_fr || '|' || kind || '|'"
	                                    " || position || '|' || active || '|' || version, ';') FROM ref_item",
	                                    -1, &st, NULL),
	                 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	snprintf(out, size, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
}

/* The newest audit row's action, entity id and changes. */
struct last_row {
	char action[32], entity[32], changes[2048];
	long long entity_id;
};

static void last_audit(struct fixture *f, struct last_row *a)
{
	memset(a, 0, sizeof *a);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(f->db),
	                                    "SELECT action, entity, coalesce(entity_id, 0), coalesce(changes, '')"
	                                    " FROM audit ORDER BY id DESC LIMIT 1", -1, &st, NULL),
	                 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	snprintf(a->action, sizeof a->action, "%s", (const char *)sqlite3_column_text(st, 0));
	snprintf(a->entity, sizeof a->entity, "%s", (const char *)sqlite3_column_text(st, 1));
	a->entity_id = sqlite3_column_int64(st, 2);
	snprintf(a->changes, sizeof a->changes, "%s", (const char *)sqlite3_column_text(st, 3));
	sqlite3_finalize(st);
}

/* The items of a list in order, as reflist_each gives them. */
struct items {
	int n;
	struct ref_item it[32];
};

static void collect(const struct ref_item *it, void *ctx)
{
	struct items *s = ctx;
	if (s->n < 32)
		s->it[s->n++] = *it;
}

static struct items list_of(struct fixture *f, const char *list)
{
	struct items s = { 0 };
	assert_int_equal(reflist_each(f->db, list, true, collect, &s), ST_OK);
	return s;
}

static void definitions_come_from_the_modules(void **state)
{
	struct fixture *f = *state;
	assert_string_equal(f->activity->list, "psych_activity");
	assert_ptr_equal(f->activity->kinds, VOCAB_PSYCH_ACTIVITY_KIND);
	assert_non_null(f->activity->kind_label);
	assert_null(f->partner->kinds);
	assert_null(module_reflist(module_table, "no_such_list"));
	/* Every list of every module has a title, and a label for its kind. */
	for (const struct module *const *m = module_table; *m; m++)
		for (const struct reflist_def *const *d = (*m)->reflists; d && *d; d++) {
			assert_non_null((*d)->title);
			assert_true(!(*d)->kinds == !(*d)->kind_label);
			assert_ptr_equal(module_reflist(module_table, (*d)->list), *d);
		}
}

static void an_item_is_added_edited_and_audited(void **state)
{
	struct fixture *f = *state;
	struct items before = list_of(f, REFLIST_PSYCH_ACTIVITY);
	struct ref_item it = item("  Théâtre forum ", "Théâtre-forum", "group");
	const char *why = "x", *field = "x";
	assert_int_equal(reflist_add(f->db, f->activity, &it, &why, &field), ST_OK);
	assert_null(why);
	assert_null(field);
	assert_true(it.id > 0);
	assert_string_equal(it.code, "theatre_forum");
	assert_string_equal(it.name_en, "Théâtre forum");   /* blanks at the ends dropped */
	assert_string_equal(it.list, "psych_activity");
	assert_true(it.active);
	assert_int_equal(it.version, 1);
	assert_int_equal(it.position, before.it[before.n - 1].position + 1);
	struct last_row a;
	last_audit(f, &a);
	assert_string_equal(a.action, "create");
	assert_string_equal(a.entity, "ref_item");
	assert_int_equal(a.entity_id, it.id);
	assert_non_null(strstr(a.changes, "\"name_fr\": \"Théâtre-forum\""));
	assert_non_null(strstr(a.changes, "\"kind\": \"group\""));
	assert_non_null(strstr(a.changes, "\"code\": \"theatre_forum\""));
	/* The trail names the item by both its names. */
	char named[200];
	audit_record_text(f->db, "ref_item", it.id, named, sizeof named);
	assert_string_equal(named, "Théâtre-forum / Théâtre forum");
	struct items after = list_of(f, REFLIST_PSYCH_ACTIVITY);
	assert_int_equal(after.n, before.n + 1);
	assert_int_equal(after.it[after.n - 1].id, it.id);

	/* A code stays unique in its list: a second name folding the same
	 * way gets a number. */
	struct ref_item other = item("Theatre: forum!", "Forum théâtre", "individual");
	assert_int_equal(reflist_add(f->db, f->activity, &other, NULL, NULL), ST_OK);
	assert_string_equal(other.code, "theatre_forum_2");
	/* A name of nothing but signs still gets a code. */
	struct ref_item signs = item("★★", "★ ★", "");
	assert_int_equal(reflist_add(f->db, f->partner, &signs, NULL, NULL), ST_OK);
	assert_string_equal(signs.code, "item");

	/* Editing: names and kind, every change before and after. */
	snprintf(it.name_en, sizeof it.name_en, "Forum theatre");
	snprintf(it.kind, sizeof it.kind, "individual");
	assert_int_equal(reflist_edit(f->db, f->activity, &it, &why, &field), ST_OK);
	assert_int_equal(it.version, 2);
	assert_string_equal(it.code, "theatre_forum");   /* the code never changes */
	last_audit(f, &a);
	assert_string_equal(a.action, "update");
	assert_non_null(strstr(a.changes, "\"name_en\": [\"Théâtre forum\", \"Forum theatre\"]"));
	assert_non_null(strstr(a.changes, "\"kind\": [\"group\", \"individual\"]"));
	assert_null(strstr(a.changes, "name_fr"));
	char name[100];
	assert_int_equal(reflist_name(f->db, it.id, "en", name, sizeof name), ST_OK);
	assert_string_equal(name, "Forum theatre");
	/* Saving what is stored writes nothing. */
	long long rows = audit_count(f->db);
	assert_int_equal(reflist_edit(f->db, f->activity, &it, NULL, NULL), ST_OK);
	assert_int_equal(it.version, 2);
	assert_int_equal(audit_count(f->db), rows);
}

/* reflist_add (and reflist_edit of edited) refuse it with ST_INVALID
 * about field, and nothing changes. */
static void refused(struct fixture *f, const struct reflist_def *def, struct ref_item it, const char *field_expected,
                    const char *msgid_expected)
{
	char before[16384], after[16384];
	snapshot(f, before, sizeof before);
	const char *why = NULL, *field = NULL;
	struct ref_item copy = it;
	assert_int_equal(reflist_add(f->db, def, &copy, &why, &field), ST_INVALID);
	assert_non_null(why);
	assert_int_equal(copy.id, 0);
	if (field_expected)
		assert_string_equal(field, field_expected);
	if (msgid_expected)
		assert_string_equal(why, msgid_expected);
	snapshot(f, after, sizeof after);
	assert_string_equal(before, after);
}

static void every_rule_is_refused_and_nothing_changes(void **state)
{
	struct fixture *f = *state;
	refused(f, f->partner, item("", "Croix-Rouge", ""), "name_en", "Enter the name in English.");
	refused(f, f->partner, item("Red Cross", "   ", ""), "name_fr", "Enter the name in French.");
	char long_name[200];
	memset(long_name, 'a', 81);
	long_name[81] = '\0';
	refused(f, f->partner, item(long_name, "Croix-Rouge", ""), "name_en", "At most 80 characters.");
	/* 80 characters (not bytes) are allowed: accented letters count once. */
	char accents[200] = "";
	for (int i = 0; i < 80; i++)
		strcat(accents, "é");
	struct ref_item ok = item("Red Cross", accents, "");
	assert_int_equal(reflist_add(f->db, f->partner, &ok, NULL, NULL), ST_OK);
	refused(f, f->partner, item("Red\tCrescent", "Croissant-Rouge", ""), "name_en",
	        "A name cannot hold control characters.");
	refused(f, f->partner, item("Red Crescent", "Croissant\x1b[2J", ""), "name_fr",
	        "A name cannot hold control characters.");
	refused(f, f->partner, item("Red \xe2\x80\xae" "Crescent", "Croissant-Rouge", ""), "name_en",
	        "A name cannot hold control characters.");
	refused(f, f->partner, item("Red \xc3 Crescent", "Croissant-Rouge", ""), "name_en", NULL);
	/* Unique names per language, accents and case ignored. */
	refused(f, f->partner, item("RED CROSS", "Autre", ""), "name_en",
	        "Another item of this list has this English name.");
	refused(f, f->activity, item("Theatre", "ATELIER", "group"), "name_fr",
	        "Another item of this list has this French name.");
	refused(f, f->activity, item("Yóga", "Autre chose", "group"), "name_en", NULL);
	/* The same name in another list, or in the other language, is fine. */
	struct ref_item yoga = item("Yoga club", "Yoga", "");
	assert_int_equal(reflist_add(f->db, f->partner, &yoga, NULL, NULL), ST_OK);
	/* The kind: one of the definition's, none for a list without one. */
	refused(f, f->activity, item("Theatre", "Théâtre", ""), "kind", "Choose one of the values offered.");
	refused(f, f->activity, item("Theatre", "Théâtre", "family"), "kind", NULL);
	refused(f, f->partner, item("UNHCR", "HCR", "group"), "kind", NULL);
	/* Without a definition nothing is written. */
	struct ref_item none = item("Theatre", "Théâtre", "group");
	assert_int_equal(reflist_add(f->db, NULL, &none, NULL, NULL), ST_INVALID);

	/* Editing keeps the same rules, and names an item of another list. */
	struct items acts = list_of(f, REFLIST_PSYCH_ACTIVITY);
	char before[16384], after[16384];
	snapshot(f, before, sizeof before);
	struct ref_item e = acts.it[0];
	const char *why = NULL, *field = NULL;
	snprintf(e.name_fr, sizeof e.name_fr, "%s", acts.it[1].name_fr);
	assert_int_equal(reflist_edit(f->db, f->activity, &e, &why, &field), ST_INVALID);
	assert_string_equal(field, "name_fr");
	e = acts.it[0];
	e.name_en[0] = '\0';
	assert_int_equal(reflist_edit(f->db, f->activity, &e, &why, &field), ST_INVALID);
	assert_string_equal(field, "name_en");
	e = acts.it[0];
	snprintf(e.kind, sizeof e.kind, "none");
	assert_int_equal(reflist_edit(f->db, f->activity, &e, &why, &field), ST_INVALID);
	assert_string_equal(field, "kind");
	e = acts.it[0];
	e.kind[0] = '\0';
	assert_int_equal(reflist_edit(f->db, f->partner, &e, &why, &field), ST_INVALID);   /* not a partner */
	assert_int_equal(reflist_set_active(f->db, f->partner, e.id, e.version, false), ST_INVALID);
	assert_int_equal(reflist_move(f->db, f->partner, e.id, e.version, 1), ST_INVALID);
	e = acts.it[0];
	e.id = 999999;
	assert_int_equal(reflist_edit(f->db, f->activity, &e, NULL, NULL), ST_NOT_FOUND);
	snapshot(f, after, sizeof after);
	assert_string_equal(before, after);
}

static void retired_items_stay_and_come_back(void **state)
{
	struct fixture *f = *state;
	struct items all = list_of(f, REFLIST_PARTNER);
	struct ref_item p = all.it[0];
	assert_int_equal(reflist_set_active(f->db, f->partner, p.id, p.version, false), ST_OK);
	struct last_row a;
	last_audit(f, &a);
	assert_string_equal(a.action, "update");
	assert_int_equal(a.entity_id, p.id);
	assert_string_equal(a.changes, "{\"in_use\": [1, 0]}");
	struct ref_item got;
	assert_int_equal(reflist_get(f->db, p.id, &got), ST_OK);
	assert_false(got.active);
	assert_int_equal(got.version, p.version + 1);
	/* Still there, with its name, for the records that point to it. */
	assert_int_equal(list_of(f, REFLIST_PARTNER).n, all.n);
	char name[100];
	assert_int_equal(reflist_name(f->db, p.id, "fr", name, sizeof name), ST_OK);
	assert_string_equal(name, p.name_fr);
	/* A new item cannot take a retired item's name: restore it instead. */
	refused(f, f->partner, item(p.name_en, "Autre nom", ""), "name_en",
	        "A retired item has this name: restore it instead.");
	/* Forms offer the items in use, and a record's own retired item. */
	struct ref_choices *c = reflist_choices_load(f->db, REFLIST_PARTNER, "fr", 0, 0);
	assert_non_null(c);
	assert_int_equal(c->n, all.n - 1);
	char id[24];
	snprintf(id, sizeof id, "%lld", p.id);
	for (int i = 0; i < c->n; i++)
		assert_string_not_equal(c->items[i].value, id);
	ref_choices_free(&c);
	c = reflist_choices_load(f->db, REFLIST_PARTNER, "fr", REFCHOICE_WITH_NONE, p.id);
	assert_non_null(c);
	assert_int_equal(c->n, all.n + 1);
	int found = 0;
	for (int i = 0; i < c->n; i++)
		found += strcmp(c->items[i].value, id) == 0;
	assert_int_equal(found, 1);
	ref_choices_free(&c);
	/* A stale version is a conflict; restoring brings it back. */
	assert_int_equal(reflist_set_active(f->db, f->partner, p.id, p.version, true), ST_CONFLICT);
	long long rows = audit_count(f->db);
	assert_int_equal(reflist_set_active(f->db, f->partner, p.id, got.version, false), ST_OK);   /* already */
	assert_int_equal(audit_count(f->db), rows);
	assert_int_equal(reflist_set_active(f->db, f->partner, p.id, got.version, true), ST_OK);
	last_audit(f, &a);
	assert_string_equal(a.changes, "{\"in_use\": [0, 1]}");
	assert_int_equal(reflist_get(f->db, p.id, &got), ST_OK);
	assert_true(got.active);
	c = reflist_choices_load(f->db, REFLIST_PARTNER, "en", 0, 0);
	assert_int_equal(c->n, all.n);
	ref_choices_free(&c);
}

static void items_move_up_and_down(void **state)
{
	struct fixture *f = *state;
	struct items s = list_of(f, REFLIST_PARTNER);
	assert_int_equal(s.n, 3);
	long long first = s.it[0].id, second = s.it[1].id, third = s.it[2].id;
	/* The first cannot go up: nothing written. */
	long long rows = audit_count(f->db);
	assert_int_equal(reflist_move(f->db, f->partner, first, s.it[0].version, -1), ST_OK);
	assert_int_equal(audit_count(f->db), rows);
	assert_int_equal(reflist_move(f->db, f->partner, first, s.it[0].version, 1), ST_OK);
	assert_int_equal(audit_count(f->db), rows + 2);   /* both rows that moved */
	struct last_row a;
	last_audit(f, &a);
	assert_non_null(strstr(a.changes, "\"position\": ["));
	s = list_of(f, REFLIST_PARTNER);
	assert_int_equal(s.it[0].id, second);
	assert_int_equal(s.it[1].id, first);
	assert_int_equal(s.it[2].id, third);
	/* A retired item keeps its place and moves too. */
	assert_int_equal(reflist_set_active(f->db, f->partner, third, s.it[2].version, false), ST_OK);
	s = list_of(f, REFLIST_PARTNER);
	assert_int_equal(reflist_move(f->db, f->partner, third, s.it[2].version, -1), ST_OK);
	s = list_of(f, REFLIST_PARTNER);
	assert_int_equal(s.it[1].id, third);
	assert_int_equal(s.it[2].id, first);
	/* The last cannot go down; a stale version is a conflict. */
	assert_int_equal(reflist_move(f->db, f->partner, first, s.it[2].version, 1), ST_OK);
	assert_int_equal(reflist_move(f->db, f->partner, first, s.it[2].version - 1, -1), ST_CONFLICT);
	assert_int_equal(reflist_move(f->db, f->partner, first, s.it[2].version, 2), ST_INVALID);
	/* Equal positions (rows written elsewhere) are numbered again. */
	assert_int_equal(sqlite3_exec(db_sqlite(f->db), "UPDATE ref_item SET position = 0 WHERE list = 'partner'",
	                              NULL, NULL, NULL),
	                 SQLITE_OK);
	s = list_of(f, REFLIST_PARTNER);
	long long was_last = s.it[2].id;
	assert_int_equal(reflist_move(f->db, f->partner, was_last, s.it[2].version, -1), ST_OK);
	s = list_of(f, REFLIST_PARTNER);
	assert_int_equal(s.it[1].id, was_last);
	for (int i = 0; i < s.n; i++)
		assert_int_equal(s.it[i].position, i + 1);
}

static void paging_by_key(void **state)
{
	struct fixture *f = *state;
	struct items all = list_of(f, REFLIST_PSYCH_ACTIVITY), page = { 0 };
	bool more = false;
	assert_int_equal(reflist_page(f->db, REFLIST_PSYCH_ACTIVITY, PAGE_AFTER, 0, 4, collect, &page, &more), ST_OK);
	assert_int_equal(page.n, 4);
	assert_true(more);
	assert_int_equal(page.it[3].id, all.it[3].id);
	long long key = page.it[3].id;
	page.n = 0;
	assert_int_equal(reflist_page(f->db, REFLIST_PSYCH_ACTIVITY, PAGE_AFTER, key, 100, collect, &page, &more),
	                 ST_OK);
	assert_int_equal(page.n, all.n - 4);
	assert_false(more);
	page.n = 0;
	assert_int_equal(reflist_page(f->db, REFLIST_PSYCH_ACTIVITY, PAGE_BEFORE, key, 2, collect, &page, &more),
	                 ST_OK);
	assert_int_equal(page.n, 2);
	assert_true(more);
	assert_int_equal(page.it[0].id, all.it[1].id);   /* in the list's order */
	assert_int_equal(page.it[1].id, all.it[2].id);
	page.n = 0;
	assert_int_equal(reflist_page(f->db, REFLIST_PSYCH_ACTIVITY, PAGE_BEFORE, 0, 3, collect, &page, &more), ST_OK);
	assert_int_equal(page.n, 3);
	assert_int_equal(page.it[2].id, all.it[all.n - 1].id);
}

static void only_administrators_write(void **state)
{
	struct fixture *f = *state;
	struct items s = list_of(f, REFLIST_PARTNER);
	for (int r = 0; r < ROLE_COUNT_; r++) {
		if (r == ROLE_ADMIN)
			continue;
		sign_in_on(f->db, (enum role)r);
		char before[16384], after[16384];
		snapshot(f, before, sizeof before);
		struct ref_item it = item("Theatre", "Théâtre", "");
		assert_int_equal(reflist_add(f->db, f->partner, &it, NULL, NULL), ST_DENIED);
		struct ref_item e = s.it[0];
		snprintf(e.name_en, sizeof e.name_en, "Renamed");
		assert_int_equal(reflist_edit(f->db, f->partner, &e, NULL, NULL), ST_DENIED);
		assert_int_equal(reflist_set_active(f->db, f->partner, e.id, e.version, false), ST_DENIED);
		assert_int_equal(reflist_move(f->db, f->partner, e.id, e.version, 1), ST_DENIED);
		/* Reading stays open to every signed-in role. */
		assert_int_equal(list_of(f, REFLIST_PARTNER).n, s.n);
		struct ref_choices *c = reflist_choices_load(f->db, REFLIST_PARTNER, "en", 0, 0);
		assert_non_null(c);
		ref_choices_free(&c);
		/* The refusals are in the trail; nothing else changed. */
		snapshot(f, after, sizeof after);
		assert_string_not_equal(before, after);
		struct last_row a;
		last_audit(f, &a);
		assert_string_equal(a.action, "refused");
		assert_int_equal(audit_count(f->db) > 0, 1);
	}
	struct items again = list_of(f, REFLIST_PARTNER);
	assert_int_equal(again.n, s.n);
	for (int i = 0; i < s.n; i++)
		assert_int_equal(again.it[i].version, s.it[i].version);
}

static void a_second_connection_saving_first_is_a_conflict(void **state)
{
	struct fixture *f = *state;
	struct db *other = NULL;
	assert_int_equal(db_open(f->t.db, DB_EXISTING, &other, NULL, 0), ST_OK);
	sign_in_on(other, ROLE_ADMIN);
	struct items s = list_of(f, REFLIST_PSYCH_ACTIVITY);
	struct ref_item mine = s.it[0], theirs = s.it[0];
	snprintf(theirs.name_fr, sizeof theirs.name_fr, "Écoute individuelle");
	assert_int_equal(reflist_edit(other, f->activity, &theirs, NULL, NULL), ST_OK);
	snprintf(mine.name_en, sizeof mine.name_en, "One-to-one counselling");
	long long rows = audit_count(f->db);
	assert_int_equal(reflist_edit(f->db, f->activity, &mine, NULL, NULL), ST_CONFLICT);
	assert_int_equal(audit_count(f->db), rows);
	struct ref_item got;
	assert_int_equal(reflist_get(f->db, mine.id, &got), ST_OK);
	assert_string_equal(got.name_fr, "Écoute individuelle");
	assert_string_equal(got.name_en, s.it[0].name_en);
	/* Retiring and moving from the stale version too. */
	assert_int_equal(reflist_set_active(f->db, f->activity, mine.id, mine.version, false), ST_CONFLICT);
	assert_int_equal(reflist_move(f->db, f->activity, mine.id, mine.version, 1), ST_CONFLICT);
	/* A name added on the other connection is taken on this one. */
	struct ref_item a = item("Theatre", "Théâtre", "group"), b = item("THÉÂTRE", "Scène", "group");
	assert_int_equal(reflist_add(other, f->activity, &a, NULL, NULL), ST_OK);
	assert_int_equal(reflist_add(f->db, f->activity, &b, NULL, NULL), ST_INVALID);
	db_close(&other);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(definitions_come_from_the_modules, setup, teardown),
		cmocka_unit_test_setup_teardown(an_item_is_added_edited_and_audited, setup, teardown),
		cmocka_unit_test_setup_teardown(every_rule_is_refused_and_nothing_changes, setup, teardown),
		cmocka_unit_test_setup_teardown(retired_items_stay_and_come_back, setup, teardown),
		cmocka_unit_test_setup_teardown(items_move_up_and_down, setup, teardown),
		cmocka_unit_test_setup_teardown(paging_by_key, setup, teardown),
		cmocka_unit_test_setup_teardown(only_administrators_write, setup, teardown),
		cmocka_unit_test_setup_teardown(a_second_connection_saving_first_is_a_conflict, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
