/* Distribution items edited by an administrator: every rule refused with
 * nothing written, the roles, the audit of every field, a stale version,
 * the code made once, retiring and bringing back, the order of the list. */
#include "db/dist_item_edit.h"
#include "training_fixture.h"

static int isetup(void **state)
{
	tsetup(state);
	sign_in(*state, ROLE_ADMIN);
	return 0;
}

/* A women's kit every 30 days from 12, as the form makes it. */
static struct dist_item kit(void)
{
	struct dist_item it;
	dist_item_init(&it);
	snprintf(it.name_en, sizeof it.name_en, "Menstrual kit");
	snprintf(it.name_fr, sizeof it.name_fr, "Kit menstruel");
	snprintf(it.kind, sizeof it.kind, "hygiene_kit");
	snprintf(it.rule.frequency, sizeof it.rule.frequency, "every_n_days");
	it.rule.every_days = 30;
	snprintf(it.rule.sex, sizeof it.rule.sex, "female");
	it.rule.age_min = 12;
	it.low_stock = 15;
	return it;
}

static void rules_refused_nothing_written(void **state)
{
	struct fixture *f = *state;
	long long rows = audit_rows(f), items = one(f->db, "SELECT count(*) FROM dist_item", 0);
	static const char *const want[] = { "name_en", "name_fr", "kind", "unit", "frequency", "every_days",
		                            "every_days", "every_days", "quantity", "sex", "age_min", "age_max",
		                            "age_max", "requires", "unit", "sex", "age_min", "requires", "requires",
		                            "requires", "low_stock", "name_en", "name_en", "quantity" };
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		struct dist_item it = kit();
		switch (i) {
		case 0: snprintf(it.name_en, sizeof it.name_en, "   "); break;
		case 1: it.name_fr[0] = '\0'; break;
		case 2: snprintf(it.kind, sizeof it.kind, "tent"); break;
		case 3: snprintf(it.rule.unit, sizeof it.rule.unit, "family"); break;
		case 4: snprintf(it.rule.frequency, sizeof it.rule.frequency, "weekly"); break;
		case 5: it.rule.every_days = 1; break;
		case 6: it.rule.every_days = 367; break;
		case 7: snprintf(it.rule.frequency, sizeof it.rule.frequency, "daily"); break;   /* 30 kept */
		case 8: it.quantity = 0; break;
		case 9: snprintf(it.rule.sex, sizeof it.rule.sex, "f"); break;
		case 10: it.rule.age_min = 121; break;
		case 11: it.rule.age_max = -2; break;
		case 12: it.rule.age_max = 11; break;   /* below 12 */
		case 13: snprintf(it.rule.requires, sizeof it.rule.requires, "refugee"); break;
		case 14:
			snprintf(it.rule.frequency, sizeof it.rule.frequency, "per_meal");
			it.rule.every_days = 0;
			snprintf(it.rule.unit, sizeof it.rule.unit, "household");
			break;
		case 15: snprintf(it.rule.unit, sizeof it.rule.unit, "household"); break;
		case 16:
			snprintf(it.rule.unit, sizeof it.rule.unit, "household");
			snprintf(it.rule.sex, sizeof it.rule.sex, "any");
			break;
		case 17:
			snprintf(it.rule.sex, sizeof it.rule.sex, "male");
			snprintf(it.rule.requires, sizeof it.rule.requires, "pregnant");
			break;
		case 18:
			it.rule.age_min = 18;
			snprintf(it.rule.requires, sizeof it.rule.requires, "separated_child");
			break;
		case 19:
			it.rule.age_max = 40;
			snprintf(it.rule.requires, sizeof it.rule.requires, "older_person");
			break;
		case 20: it.low_stock = -1; break;
		case 21: snprintf(it.name_en, sizeof it.name_en, "Tab\there"); break;
		case 22: memset(it.name_en, 'a', sizeof it.name_en); break;   /* not ended */
		case 23: it.quantity = 101; break;
		}
		const char *m = NULL, *field = NULL;
		m = dist_item_problem(&it, &field);
		assert_non_null(m);
		assert_string_equal(field, want[i]);
		m = NULL;
		field = NULL;
		assert_int_equal(dist_item_save(f->db, &it, &m, &field), ST_INVALID);
		assert_non_null(m);
		assert_string_equal(field, want[i]);
		assert_int_equal(it.id, 0);
	}
	/* A name another item has, accents and case ignored. */
	struct dist_item it = kit();
	snprintf(it.name_fr, sizeof it.name_fr, "COUVERTURE");
	const char *m = NULL, *field = NULL;
	assert_null(dist_item_problem(&it, &field));
	assert_int_equal(dist_item_save(f->db, &it, &m, &field), ST_INVALID);
	assert_string_equal(field, "name_fr");
	assert_string_equal(m, "Another item has this name.");
	assert_int_equal(one(f->db, "SELECT count(*) FROM dist_item", 0), items);
	assert_int_equal(audit_rows(f), rows);
}

static void saved_audited_conflict(void **state)
{
	struct fixture *f = *state;
	struct dist_item it = kit();
	snprintf(it.name_en, sizeof it.name_en, "  Menstrual kit (Été) ");
	assert_int_equal(dist_item_save(f->db, &it, NULL, NULL), ST_OK);
	assert_true(it.id > 0);
	assert_int_equal(it.version, 1);
	assert_string_equal(it.name_en, "Menstrual kit (Été)");
	assert_string_equal(it.code, "menstrual_kit_ete");
	assert_true(it.active);
	long long last = one(f->db, "SELECT max(position) FROM dist_item WHERE id <> ?1", it.id);
	assert_int_equal(it.position, last + 1);
	struct last_row a;
	last_audit(f, &a);
	assert_string_equal(a.action, "create");
	assert_string_equal(a.entity, "dist_item");
	assert_int_equal(a.entity_id, it.id);
	static const char *const every[] = { "\"name_en\"", "\"name_fr\"", "\"kind\"", "\"unit\"", "\"frequency\"",
		                             "\"every_days\"", "\"quantity\"", "\"sex\"", "\"age_min\"",
		                             "\"age_max\"", "\"requires\"", "\"staying_only\"", "\"low_stock\"",
		                             "\"active\"", "\"position\"" };
	for (size_t i = 0; i < sizeof every / sizeof every[0]; i++)
		assert_non_null(strstr(a.changes, every[i]));
	/* A change: before and after of what changed only; the code stays. */
	struct dist_item stale = it;
	snprintf(it.name_en, sizeof it.name_en, "Women's kit");
	snprintf(it.rule.frequency, sizeof it.rule.frequency, "once_per_stay");
	it.rule.every_days = 0;
	assert_int_equal(dist_item_save(f->db, &it, NULL, NULL), ST_OK);
	assert_int_equal(it.version, 2);
	assert_string_equal(it.code, "menstrual_kit_ete");
	last_audit(f, &a);
	assert_string_equal(a.action, "update");
	assert_non_null(strstr(a.changes, "\"frequency\": [\"every_n_days\", \"once_per_stay\"]"));
	assert_non_null(strstr(a.changes, "\"every_days\": [30, 0]"));
	assert_null(strstr(a.changes, "\"kind\""));
	assert_int_equal(one(f->db, "SELECT every_days IS NULL FROM dist_item WHERE id = ?1", it.id), 1);
	/* The other screen's copy is stale: refused, nothing written. */
	long long rows = audit_rows(f);
	snprintf(stale.name_fr, sizeof stale.name_fr, "Autre nom");
	assert_int_equal(dist_item_save(f->db, &stale, NULL, NULL), ST_CONFLICT);
	assert_int_equal(audit_rows(f), rows);
	struct dist_item got;
	assert_int_equal(dist_item_get(f->db, it.id, &got), ST_OK);
	assert_string_equal(got.name_fr, "Kit menstruel");
	/* Another item from the same English name gets its own code. */
	struct dist_item twin = kit();
	snprintf(twin.name_en, sizeof twin.name_en, "Menstrual kit Ete");
	snprintf(twin.name_fr, sizeof twin.name_fr, "Kit menstruel bis");
	assert_int_equal(dist_item_save(f->db, &twin, NULL, NULL), ST_OK);
	assert_string_equal(twin.code, "menstrual_kit_ete_2");
}

static void roles_refused(void **state)
{
	struct fixture *f = *state;
	struct dist_item it = kit();
	assert_int_equal(dist_item_save(f->db, &it, NULL, NULL), ST_OK);
	int v = it.version;
	for (int r = 0; r < ROLE_COUNT_; r++) {
		if (r == ROLE_ADMIN)
			continue;
		sign_in(f, (enum role)r);
		long long rows = one(f->db, "SELECT count(*) FROM audit WHERE action <> 'refused'", 0);
		struct dist_item n = kit();
		snprintf(n.name_en, sizeof n.name_en, "Other kit");
		snprintf(n.name_fr, sizeof n.name_fr, "Autre kit");
		assert_int_equal(dist_item_save(f->db, &n, NULL, NULL), ST_DENIED);
		struct dist_item c = it;
		c.quantity = 2;
		assert_int_equal(dist_item_save(f->db, &c, NULL, NULL), ST_DENIED);
		assert_int_equal(dist_item_set_active(f->db, it.id, &v, false), ST_DENIED);
		assert_int_equal(dist_item_move(f->db, it.id, &v, -1), ST_DENIED);
		assert_int_equal(one(f->db, "SELECT count(*) FROM audit WHERE action <> 'refused'", 0), rows);
		/* Everyone reads them. */
		struct dist_item got;
		assert_int_equal(dist_item_get(f->db, it.id, &got), ST_OK);
		assert_int_equal(got.quantity, 1);
	}
}

struct names {
	char s[1024];
};

static void collect(const struct dist_item *it, void *ctx)
{
	struct names *n = ctx;
	size_t len = strlen(n->s);
	snprintf(n->s + len, sizeof n->s - len, "%s%s|", it->code, it->active ? "" : "-");
}

static void retire_restore_move(void **state)
{
	struct fixture *f = *state;
	long long blanket = one(f->db, "SELECT id FROM dist_item WHERE code = 'blanket'", 0);
	struct dist_item it;
	assert_int_equal(dist_item_get(f->db, blanket, &it), ST_OK);
	int v = it.version;
	int stale = v;
	assert_int_equal(dist_item_set_active(f->db, blanket, &v, false), ST_OK);
	assert_int_equal(v, stale + 1);
	struct last_row a;
	last_audit(f, &a);
	assert_string_equal(a.action, "update");
	assert_non_null(strstr(a.changes, "\"active\": [1, 0]"));
	assert_int_equal(dist_item_set_active(f->db, blanket, &stale, true), ST_CONFLICT);
	struct names n = { "" };
	assert_int_equal(dist_items_each(f->db, false, collect, &n), ST_OK);
	assert_null(strstr(n.s, "blanket"));
	n.s[0] = '\0';
	assert_int_equal(dist_items_each(f->db, true, collect, &n), ST_OK);
	assert_non_null(strstr(n.s, "clothes|blanket-|"));
	/* Moving: up among the items in use, the retired one stays apart. */
	long long mat = one(f->db, "SELECT id FROM dist_item WHERE code = 'mat'", 0);
	assert_int_equal(dist_item_get(f->db, mat, &it), ST_OK);
	int mv = it.version;
	assert_int_equal(dist_item_move(f->db, mat, &mv, -1), ST_OK);
	n.s[0] = '\0';
	assert_int_equal(dist_items_each(f->db, true, collect, &n), ST_OK);
	assert_non_null(strstr(n.s, "mat|baby_kit|clothes|blanket-|"));
	long long clothes = one(f->db, "SELECT id FROM dist_item WHERE code = 'clothes'", 0);
	assert_int_equal(dist_item_get(f->db, clothes, &it), ST_OK);
	int cv = it.version;
	assert_int_equal(dist_item_move(f->db, clothes, &cv, 1), ST_OK);   /* last in use: stays */
	n.s[0] = '\0';
	assert_int_equal(dist_items_each(f->db, true, collect, &n), ST_OK);
	assert_non_null(strstr(n.s, "clothes|blanket-|"));
	assert_int_equal(dist_item_move(f->db, mat, &cv, 2), ST_INVALID);
	/* Back in use (moving renumbered it: its version changed). */
	assert_int_equal(dist_item_set_active(f->db, blanket, &v, true), ST_CONFLICT);
	assert_int_equal(dist_item_get(f->db, blanket, &it), ST_OK);
	v = it.version;
	assert_int_equal(dist_item_set_active(f->db, blanket, &v, true), ST_OK);
	last_audit(f, &a);
	assert_string_equal(a.action, "update");
	assert_non_null(strstr(a.changes, "\"active\": [0, 1]"));
	assert_int_equal(dist_item_get(f->db, blanket, &it), ST_OK);
	assert_true(it.active);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(rules_refused_nothing_written, isetup, tteardown),
		cmocka_unit_test_setup_teardown(saved_audited_conflict, isetup, tteardown),
		cmocka_unit_test_setup_teardown(roles_refused, isetup, tteardown),
		cmocka_unit_test_setup_teardown(retire_restore_move, isetup, tteardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
