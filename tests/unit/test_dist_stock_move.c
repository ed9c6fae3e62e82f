/* The stock of distribution items recorded by hand: the balance after
 * receipts, issues, counts and servings (written here directly: the
 * counter writes them through its own functions), the warning level,
 * every rule refused with nothing written, the roles, the audit, the
 * moves newest first, paged. */
#include "db/dist_stock.h"
#include "db/dist_stock_move.h"
#include "training_fixture.h"

static int ssetup(void **state)
{
	tsetup(state);
	sign_in(*state, ROLE_DISTRIBUTION);
	return 0;
}

static long long item_id(struct fixture *f, const char *code)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(f->db), "SELECT id FROM dist_item WHERE code = ?1", -1, &st,
	                                    NULL),
	                 SQLITE_OK);
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	long long id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return id;
}

static struct dist_stock_entry entry(long long item, const char *kind, long long quantity, const char *note)
{
	struct dist_stock_entry e;
	memset(&e, 0, sizeof e);
	snprintf(e.centre_code, sizeof e.centre_code, "AGZ");
	e.item_id = item;
	snprintf(e.kind, sizeof e.kind, "%s", kind);
	e.quantity = quantity;
	snprintf(e.note, sizeof e.note, "%s", note);
	return e;
}

static long long balance(struct fixture *f, long long item, bool *low)
{
	long long b = 0;
	assert_int_equal(dist_stock_balance(f->db, "AGZ", item, &b, low), ST_OK);
	return b;
}

/* n servings of item to person at AGZ, as the counter stores them. */
static void served(struct fixture *f, long long person, long long item, int quantity)
{
	char sql[400];
	snprintf(sql, sizeof sql,
	         "INSERT INTO dist_serving (person_id, item_id, centre_id, day, served_at, quantity) "
	         "VALUES (%lld, %lld, (SELECT id FROM centre WHERE code = 'AGZ'), '2026-04-20', "
	         "'2026-04-20T09:00:00Z', %d)",
	         person, item, quantity);
	assert_int_equal(sqlite3_exec(db_sqlite(f->db), sql, NULL, NULL, NULL), SQLITE_OK);
}

static void balance_after_moves_and_servings(void **state)
{
	struct fixture *f = *state;
	long long blanket = item_id(f, "blanket");   /* warn at 30 */
	bool low = false;
	assert_int_equal(balance(f, blanket, &low), 0);
	assert_true(low);
	struct dist_stock_entry e = entry(blanket, "receipt", 100, "UNHCR waybill 4471");
	struct dist_stock_move m;
	long long b = 0;
	const char *msg = NULL, *field = NULL;
	assert_int_equal(dist_stock_record(f->db, &e, &m, &b, &msg, &field), ST_OK);
	assert_int_equal(m.quantity, 100);
	assert_int_equal(b, 100);
	assert_string_equal(m.day, "2026-04-20");
	assert_string_equal(m.recorded_by, "Staff");
	assert_string_equal(m.note, "UNHCR waybill 4471");
	struct last_row a;
	last_audit(f, &a);
	assert_string_equal(a.action, "create");
	assert_string_equal(a.entity, "dist_stock_move");
	assert_int_equal(a.entity_id, m.id);
	assert_non_null(strstr(a.changes, "\"kind\": \"receipt\""));
	assert_non_null(strstr(a.changes, "\"balance\": [0, 100]"));
	assert_non_null(strstr(a.changes, "UNHCR waybill 4471"));
	/* A loss, stored negative. */
	e = entry(blanket, "issue", 10, "Rain damage");
	assert_int_equal(dist_stock_record(f->db, &e, &m, &b, NULL, NULL), ST_OK);
	assert_int_equal(m.quantity, -10);
	assert_int_equal(b, 90);
	/* Servings lower it, a reversal raises it. */
	long long person = trainee(f, "Abdou", "Issa");
	sign_in(f, ROLE_DISTRIBUTION);
	for (int i = 0; i < 55; i++)
		served(f, person, blanket, 1);
	assert_int_equal(balance(f, blanket, &low), 35);
	assert_false(low);
	served(f, person, blanket, 5);
	assert_int_equal(balance(f, blanket, &low), 30);
	assert_true(low);   /* at the warning level */
	/* A count: the move is the difference. */
	e = entry(blanket, "count", 28, "Counted in the store");
	assert_int_equal(dist_stock_record(f->db, &e, &m, &b, NULL, NULL), ST_OK);
	assert_int_equal(m.quantity, -2);
	assert_int_equal(b, 28);
	last_audit(f, &a);
	assert_non_null(strstr(a.changes, "\"counted\": 28"));
	/* A count that agrees writes nothing. */
	long long rows = audit_rows(f);
	e = entry(blanket, "count", 28, "");
	assert_int_equal(dist_stock_record(f->db, &e, &m, &b, NULL, NULL), ST_OK);
	assert_int_equal(m.quantity, 0);
	assert_int_equal(audit_rows(f), rows);
	assert_int_equal(one(f->db, "SELECT count(*) FROM dist_stock_move", 0), 3);
	/* An item without a warning level is never low. */
	long long meal = item_id(f, "hot_meal");
	assert_int_equal(balance(f, meal, &low), 0);
	assert_false(low);
}

static void rules_refused_nothing_written(void **state)
{
	struct fixture *f = *state;
	long long mat = item_id(f, "mat");
	struct dist_stock_entry ok = entry(mat, "receipt", 5, "");
	assert_int_equal(dist_stock_record(f->db, &ok, NULL, NULL, NULL, NULL), ST_OK);
	long long rows = audit_rows(f), moves = one(f->db, "SELECT count(*) FROM dist_stock_move", 0);
	static const char *const want[] = { "kind", "quantity", "quantity", "quantity", "quantity", "note", "note",
		                            "note", "quantity" };
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		struct dist_stock_entry e = entry(mat, "receipt", 5, "");
		switch (i) {
		case 0: snprintf(e.kind, sizeof e.kind, "gift"); break;
		case 1: e.quantity = 0; break;
		case 2: e.quantity = -3; break;
		case 3: e.quantity = 1000001; break;
		case 4: snprintf(e.kind, sizeof e.kind, "count"); e.quantity = -1; break;
		case 5: snprintf(e.kind, sizeof e.kind, "issue"); snprintf(e.note, sizeof e.note, "  "); break;
		case 6: memset(e.note, 'a', 201); break;
		case 7: snprintf(e.note, sizeof e.note, "line\nbreak"); break;
		case 8: snprintf(e.kind, sizeof e.kind, "issue"); e.quantity = 6; snprintf(e.note, sizeof e.note, "Lost"); break;
		}
		const char *m = NULL, *field = NULL;
		if (i < 8) {
			assert_non_null(dist_stock_entry_problem(&e, &field));
			assert_string_equal(field, want[i]);
		}
		field = NULL;
		assert_int_equal(dist_stock_record(f->db, &e, NULL, NULL, &m, &field), ST_INVALID);
		assert_non_null(m);
		assert_string_equal(field, want[i]);
	}
	/* Unknown centre or item. */
	struct dist_stock_entry e = entry(mat, "receipt", 5, "");
	snprintf(e.centre_code, sizeof e.centre_code, "XXX");
	assert_int_equal(dist_stock_record(f->db, &e, NULL, NULL, NULL, NULL), ST_NOT_FOUND);
	e = entry(999999, "receipt", 5, "");
	assert_int_equal(dist_stock_record(f->db, &e, NULL, NULL, NULL, NULL), ST_NOT_FOUND);
	assert_int_equal(audit_rows(f), rows);
	assert_int_equal(one(f->db, "SELECT count(*) FROM dist_stock_move", 0), moves);
}

struct seen {
	long long ids[16];
	int n;
	struct dist_stock_line lines[32];
	int nlines;
};

static void collect_move(const struct dist_stock_move *m, void *ctx)
{
	struct seen *s = ctx;
	s->ids[s->n++] = m->id;
}

static void collect_stock(const struct dist_stock_line *l, void *ctx)
{
	struct seen *s = ctx;
	s->lines[s->nlines++] = *l;
}

static void roles_lines_and_pages(void **state)
{
	struct fixture *f = *state;
	long long water = item_id(f, "water");   /* warn at 100 */
	long long ids[5];
	for (int i = 0; i < 5; i++) {
		struct dist_stock_entry e = entry(water, "receipt", 50, "");
		struct dist_stock_move m;
		assert_int_equal(dist_stock_record(f->db, &e, &m, NULL, NULL, NULL), ST_OK);
		ids[i] = m.id;
	}
	/* Newest first, two by two. */
	struct seen s = { .n = 0 };
	bool more = false;
	assert_int_equal(dist_stock_moves(f->db, "AGZ", water, PAGE_AFTER, 0, 2, collect_move, &s, &more), ST_OK);
	assert_int_equal(s.n, 2);
	assert_true(more);
	assert_int_equal(s.ids[0], ids[4]);
	assert_int_equal(s.ids[1], ids[3]);
	assert_int_equal(dist_stock_moves(f->db, "AGZ", water, PAGE_AFTER, s.ids[1], 5, collect_move, &s, &more),
	                 ST_OK);
	assert_int_equal(s.n, 5);
	assert_false(more);
	assert_int_equal(s.ids[4], ids[0]);
	s.n = 0;
	assert_int_equal(dist_stock_moves(f->db, "AGZ", water, PAGE_BEFORE, ids[0], 2, collect_move, &s, &more),
	                 ST_OK);
	assert_int_equal(s.n, 2);
	assert_int_equal(s.ids[0], ids[2]);
	assert_int_equal(s.ids[1], ids[1]);
	assert_true(more);
	/* The lines: every item in use, water not low at 250. */
	assert_int_equal(dist_stock_lines(f->db, "AGZ", collect_stock, &s), ST_OK);
	assert_int_equal(s.nlines, one(f->db, "SELECT count(*) FROM dist_item WHERE active", 0));
	for (int i = 0; i < s.nlines; i++) {
		if (s.lines[i].item.id == water) {
			assert_int_equal(s.lines[i].balance, 250);
			assert_false(s.lines[i].low);
		} else if (s.lines[i].item.low_stock > 0) {
			assert_true(s.lines[i].low);
		}
	}
	assert_int_equal(dist_stock_lines(f->db, "XXX", collect_stock, &s), ST_NOT_FOUND);
	/* Roles: intake records too; the manager reads; the others neither. */
	for (int r = 0; r < ROLE_COUNT_; r++) {
		sign_in(f, (enum role)r);
		bool writes = perm_allows(r, PERM_DISTRIBUTION_WRITE);
		bool reads = writes || perm_allows(r, PERM_REPORTS) || perm_allows(r, PERM_DISTRIBUTION_OVERRIDE);
		long long before = one(f->db, "SELECT count(*) FROM dist_stock_move", 0);
		struct dist_stock_entry e = entry(water, "receipt", 1, "");
		assert_int_equal(dist_stock_record(f->db, &e, NULL, NULL, NULL, NULL), writes ? ST_OK : ST_DENIED);
		assert_int_equal(one(f->db, "SELECT count(*) FROM dist_stock_move", 0), before + (writes ? 1 : 0));
		s.n = 0;
		s.nlines = 0;
		assert_int_equal(dist_stock_moves(f->db, "AGZ", water, PAGE_AFTER, 0, 2, collect_move, &s, NULL),
		                 reads ? ST_OK : ST_DENIED);
		assert_int_equal(dist_stock_lines(f->db, "AGZ", collect_stock, &s), reads ? ST_OK : ST_DENIED);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(balance_after_moves_and_servings, ssetup, tteardown),
		cmocka_unit_test_setup_teardown(rules_refused_nothing_written, ssetup, tteardown),
		cmocka_unit_test_setup_teardown(roles_lines_and_pages, ssetup, tteardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
