/* The code lists: each is the set its schema column allows (read from a
 * database made by the migrations, so the final schema), both ways; the
 * roles too; lookups, labels and the form choices built from them. */
#include <ctype.h>
#include <sqlite3.h>
#include "testutil.h"
#include "core/i18n.h"
#include "core/role.h"
#include "core/vocab.h"
#include "ui/module.h"
#include "db/db.h"
#include "db/medical.h"
#include "db/person.h"
#include "db/stay.h"
#include "ui/vocab_choices.h"

#define MAX_CODES 40

/* The codes of one CHECK (column IN ('a', 'b', ...)). */
struct codes {
	int n;
	char code[MAX_CODES][40];
};

/* True when c can be part of an SQL name. */
static bool name_char(char c)
{
	return isalnum((unsigned char)c) || c == '_';
}

/* Finds "column IN (" in sql as a whole word and reads the quoted codes
 * up to the closing parenthesis; false when the column has no such CHECK. */
static bool check_codes(const char *sql, const char *column, struct codes *out)
{
	size_t len = strlen(column);
	out->n = 0;
	for (const char *p = strstr(sql, column); p; p = strstr(p + 1, column)) {
		if ((p > sql && name_char(p[-1])) || name_char(p[len]))
			continue;
		const char *q = p + len;
		while (isspace((unsigned char)*q))
			q++;
		if (strncmp(q, "IN", 2) != 0 || name_char(q[2]))
			continue;
		q += 2;
		while (isspace((unsigned char)*q))
			q++;
		if (*q != '(')
			continue;
		for (q++; *q && *q != ')'; q++) {
			if (*q != '\'')
				continue;
			const char *end = strchr(q + 1, '\'');
			assert_non_null(end);
			assert_true(out->n < MAX_CODES);
			snprintf(out->code[out->n++], sizeof out->code[0], "%.*s", (int)(end - q - 1), q + 1);
			q = end;
		}
		return true;
	}
	return false;
}

/* The CREATE TABLE text of table in a fresh database (the caller frees). */
static char *table_sql(const char *path, const char *table)
{
	sqlite3 *h;
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(h, "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?1", -1,
	                                    &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	char *sql = NULL;
	if (sqlite3_step(st) == SQLITE_ROW)
		sql = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(h);
	if (!sql)
		print_error("no table %s\n", table);
	assert_non_null(sql);
	return sql;
}

static bool in_codes(const struct codes *c, const char *code)
{
	for (int i = 0; i < c->n; i++)
		if (strcmp(c->code[i], code) == 0)
			return true;
	return false;
}

static void every_list_is_its_check_constraint(void **state)
{
	(void)state;
	struct tmpdir t = { "", "" };
	tmpdir_make(&t);
	struct db *db;
	assert_int_equal(db_open(t.db, DB_CREATE, &db, NULL, 0), ST_OK);
	db_close(&db);
	int lists = 0;
	for (const struct module *const *m = module_table; *m; m++)
	for (const struct vocab *const *vp = (*m)->vocabs; vp && *vp; vp++, lists++) {
		const struct vocab *v = *vp;
		char *sql = table_sql(t.db, vocab_table(v));
		struct codes c;
		if (!check_codes(sql, vocab_column(v), &c))
			print_error("%s: no CHECK (%s IN (...)) in %s\n", vocab_name(v),
			            vocab_column(v), vocab_table(v));
		assert_true(c.n > 0);
		for (int i = 0; i < c.n; i++) {
			if (!vocab_has(v, c.code[i]))
				print_error("%s: the schema allows '%s', the list lacks it\n", vocab_name(v), c.code[i]);
			assert_true(vocab_has(v, c.code[i]));
		}
		for (int i = 0; i < vocab_count(v); i++) {
			const char *code = vocab_code(v, i);
			if (!in_codes(&c, code))
				print_error("%s: '%s' is not allowed by the schema\n", vocab_name(v), code);
			assert_true(in_codes(&c, code));
		}
		assert_int_equal(c.n, vocab_count(v));   /* no code twice */
		free(sql);
	}
	assert_true(lists >= 11);
	/* The roles have their own list in core/role.c. */
	char *sql = table_sql(t.db, "app_user");
	struct codes c;
	assert_true(check_codes(sql, "role", &c));
	assert_int_equal(c.n, ROLE_COUNT_);
	for (int r = 0; r < ROLE_COUNT_; r++)
		assert_true(in_codes(&c, role_name((enum role)r)));
	free(sql);
	tmpdir_remove(&t);
}

static void the_parser_finds_whole_words_only(void **state)
{
	(void)state;
	struct codes c;
	const char *sql = "CREATE TABLE t (departure_reason TEXT CHECK (departure_reason IN ('a', 'b')),\n"
	                  "reason TEXT CHECK (reason IN\n ('x', 'y', 'z')))";
	assert_true(check_codes(sql, "reason", &c));
	assert_int_equal(c.n, 3);
	assert_string_equal(c.code[2], "z");
	assert_true(check_codes(sql, "departure_reason", &c));
	assert_int_equal(c.n, 2);
	assert_false(check_codes(sql, "season", &c));
}

/* True when some module names a code list for table.column. */
static bool has_list(const char *table, const char *column)
{
	for (const struct module *const *m = module_table; *m; m++)
		for (const struct vocab *const *vp = (*m)->vocabs; vp && *vp; vp++)
			if (strcmp(vocab_table(*vp), table) == 0 && strcmp(vocab_column(*vp), column) == 0)
				return true;
	return false;
}

/* Every "column IN ('...'" of the schema is a module's code list, so that a
 * new module's list cannot be left out of the registry (and of the test
 * above). The roles, languages of the interface and kinds of centre have
 * their own lists. */
static void every_check_constraint_is_a_list(void **state)
{
	(void)state;
	struct tmpdir t = { "", "" };
	tmpdir_make(&t);
	struct db *db;
	assert_int_equal(db_open(t.db, DB_CREATE, &db, NULL, 0), ST_OK);
	db_close(&db);
	sqlite3 *h;
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_open_v2(t.db, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(h, "SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND sql NOT NULL",
	                                    -1, &st, NULL), SQLITE_OK);
	int found = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *table = (const char *)sqlite3_column_text(st, 0), *sql = (const char *)sqlite3_column_text(st, 1);
		for (const char *p = strstr(sql, "IN"); p; p = strstr(p + 1, "IN")) {
			if (p == sql || name_char(p[-1]) || name_char(p[2]))
				continue;
			const char *q = p + 2;
			while (isspace((unsigned char)*q))
				q++;
			if (*q++ != '(')
				continue;
			while (isspace((unsigned char)*q))
				q++;
			if (*q != '\'')
				continue;   /* IN (SELECT ...), IN (0, 1) */
			const char *end = p;
			while (end > sql && isspace((unsigned char)end[-1]))
				end--;
			const char *start = end;
			while (start > sql && name_char(start[-1]))
				start--;
			char column[64];
			snprintf(column, sizeof column, "%.*s", (int)(end - start), start);
			if ((strcmp(table, "app_user") == 0 && (strcmp(column, "role") == 0 || strcmp(column, "lang") == 0))
			    || (strcmp(table, "centre") == 0 && strcmp(column, "kind") == 0)
			    || strncmp(table, "sync_", 5) == 0)   /* the exchanges' own bookkeeping, shown by labels of its own */
				continue;
			if (!has_list(table, column))
				print_error("%s.%s has a CHECK (IN ...) but no module names its code list\n", table, column);
			assert_true(has_list(table, column));
			found++;
		}
	}
	sqlite3_finalize(st);
	sqlite3_close(h);
	assert_true(found >= 11);   /* registration's and medical follow-up's, at least */
	tmpdir_remove(&t);
}

static void lookups_and_labels(void **state)
{
	(void)state;
	assert_true(vocab_has(VOCAB_ARRIVAL_MODE, "rescue"));
	assert_false(vocab_has(VOCAB_ARRIVAL_MODE, "teleport"));
	assert_false(vocab_has(VOCAB_ARRIVAL_MODE, NULL));
	assert_false(vocab_has(VOCAB_ARRIVAL_MODE, ""));
	assert_false(vocab_has(NULL, "rescue"));
	assert_string_equal(vocab_label(VOCAB_ARRIVAL_MODE, "rescue"), "Desert rescue");
	assert_string_equal(vocab_short(VOCAB_ARRIVAL_MODE, "transfer"), "transferred");
	assert_string_equal(vocab_label(VOCAB_DEPARTURE_REASON, "avr"), "Assisted voluntary return");
	assert_string_equal(vocab_short(VOCAB_RELATION, "head"), "head of household");
	assert_string_equal(vocab_short(VOCAB_FLAG, "unaccompanied_child"), "UAC");
	/* No short label: the label. */
	assert_string_equal(vocab_short(VOCAB_CONSULT_REASON, "malaria"), "Malaria");
	assert_null(vocab_label(VOCAB_FITNESS, "maybe"));
	assert_null(vocab_short(VOCAB_FITNESS, "maybe"));
	assert_int_equal(vocab_index(VOCAB_SERVICE, "nfi"), 3);
	assert_string_equal(vocab_code(VOCAB_SERVICE, 3), "nfi");
	assert_string_equal(vocab_code(VOCAB_SERVICE, 4), "");
	assert_null(vocab_item(VOCAB_SERVICE, -1));
	for (const struct module *const *m = module_table; *m; m++)
	for (const struct vocab *const *vp = (*m)->vocabs; vp && *vp; vp++) {
		const struct vocab *v = *vp;
		assert_true(vocab_count(v) > 0);
		assert_true(vocab_name(v)[0] != '\0');
		for (int i = 0; i < vocab_count(v); i++) {
			const struct vocab_item *it = vocab_item(v, i);
			assert_non_null(it->label);
			assert_true(it->label[0] != '\0');
			assert_int_equal(vocab_index(v, it->code), i);
		}
	}
}

/* The enums that index a list follow its order. */
static void enums_follow_the_lists(void **state)
{
	(void)state;
	assert_int_equal(vocab_count(VOCAB_FLAG), FLAG_COUNT_);
	assert_int_equal(vocab_index(VOCAB_FLAG, "other"), FLAG_OTHER);
	assert_int_equal(vocab_index(VOCAB_FLAG, "pregnant"), FLAG_PREGNANT);
	assert_string_equal(person_flag_name(FLAG_ASYLUM_SEEKER), "asylum_seeker");
	assert_int_equal(vocab_count(VOCAB_SERVICE), SERVICE_COUNT_);
	assert_string_equal(stay_service_name(SERVICE_WATER), "water");
	assert_int_equal(vocab_count(VOCAB_CONSULT_REASON), REASON_COUNT_);
	assert_string_equal(med_reason_name(REASON_SKIN), "skin");
	assert_int_equal(vocab_count(VOCAB_CONDITION), COND_COUNT_);
	assert_string_equal(med_condition_name(COND_HIV), "hiv");
}

static void choices_for_forms(void **state)
{
	(void)state;
	int n;
	const struct choice *c = vocab_choices(VOCAB_DEPARTURE_REASON, true, &n);
	assert_int_equal(n, vocab_count(VOCAB_DEPARTURE_REASON) + 1);
	assert_string_equal(c[0].value, "");
	assert_string_equal(c[1].value, "avr");
	assert_string_equal(c[1].label, "Assisted voluntary return");
	c = vocab_choices(VOCAB_DEPARTURE_REASON, false, &n);
	assert_int_equal(n, vocab_count(VOCAB_DEPARTURE_REASON));
	assert_string_equal(c[0].value, "avr");
	assert_string_equal(c[n - 1].value, "transferred");
	c = vocab_choices(VOCAB_SEX, false, NULL);
	assert_string_equal(c[2].value, "x");
	vocab_choices(NULL, false, &n);
	assert_int_equal(n, 0);
	/* Built once: the same storage at the second call. */
	assert_ptr_equal(vocab_choices(VOCAB_SEX, true, NULL), vocab_choices(VOCAB_SEX, true, NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_check_constraint_is_a_list),
		cmocka_unit_test(every_list_is_its_check_constraint),
		cmocka_unit_test(the_parser_finds_whole_words_only),
		cmocka_unit_test(lookups_and_labels),
		cmocka_unit_test(enums_follow_the_lists),
		cmocka_unit_test(choices_for_forms),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
