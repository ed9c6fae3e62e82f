/* The labels of the conflicts between sites: every column of a person that
 * the forms edit has its own label (never the generic one, never its
 * internal name), every column users write in the schema too, and coded
 * values come out as their labels, in English here. */
#include <sqlite3.h>
#include "testutil.h"
#include "core/i18n.h"
#include "core/person.h"
#include "core/psych_vocab.h"
#include "core/sync_labels.h"
#include "core/vocab.h"
#include "db/db.h"
#include "ui/lang.h"
#include "ui/module.h"

static void english(void)
{
	lang_init("build/locale", "en");
	lang_set("en");
}

/* The columns of person that person_fields (the registration form's
 * fields, the audit and the merge) name; languages, documents and
 * vulnerabilities are rows of their own tables, the centre is centre_id. */
static void every_person_field_has_a_label(void **state)
{
	(void)state;
	english();
	const char *generic = sync_field_label("person", "no_such_column");
	assert_string_equal(generic, "Another detail of the record");
	for (int i = 0; i < person_field_count; i++) {
		const char *name = person_fields[i].name;
		if (strcmp(name, "languages") == 0 || strcmp(name, "documents") == 0 || strcmp(name, "flags") == 0
		    || strcmp(name, "flag_other") == 0)
			continue;
		const char *column = strcmp(name, "centre") == 0 ? "centre_id" : name;
		if (!sync_field_known("person", column))
			fail_msg("person.%s has no label", column);
		assert_string_not_equal(sync_field_label("person", column), generic);
		assert_string_not_equal(sync_field_label("person", column), column);
	}
	assert_string_equal(sync_field_label("person", "family_name"), "Family name");
	assert_string_equal(sync_field_label("person", "sex"), "Sex");
	/* Columns of the same name read by their table. */
	assert_string_equal(sync_field_label("fitness", "status"), "Fitness to travel");
	assert_string_equal(sync_field_label("prot_case", "status"), "Status");
	assert_string_equal(sync_field_label("app_user", "display_name"), "Full name");
	assert_string_equal(sync_table_label("consultation"), "Consultation");
	assert_string_equal(sync_table_label("no_such_table"), "Record");
}

/* Columns written by the program, never typed by a user: no label needed. */
static bool internal_column(const char *table, const char *column)
{
	static const char *const internal[] = {
		"id", "uuid", "site", "created", "changed", "version", "created_at", "created_by", "case_key",
		"phone_key", "pw_hash", "failed_logins", "locked_until", "chain", "reverses_id", "counter",
		"served_at", "served_by", "recorded_by", "marked_by", "enrolled_by", "done_by", "submitted_at",
		"submitted_by", "approved_at", "approved_by", "decided_at", "decided_by", "verified_by",
		"waiting_since", "seq", "valid_from", "weight", "score", "dimension", "text_en", "text_fr",
		"question_code", "option_code", "months", "survey_id", "w_economic", "w_social", "w_psychosocial",
	};
	for (size_t i = 0; i < sizeof internal / sizeof internal[0]; i++)
		if (strcmp(internal[i], column) == 0)
			return true;
	size_t n = strlen(column);
	/* Links to other records (the record column of the conflict names them). */
	if (n > 3 && strcmp(column + n - 3, "_id") == 0 && strcmp(column, "centre_id") != 0
	    && strcmp(column, "clinician_id") != 0 && strcmp(column, "caseworker_id") != 0
	    && strcmp(column, "assigned_id") != 0)
		return true;
	return strcmp(table, "audit") == 0 || strcmp(table, "reint_survey") == 0
	       || strcmp(table, "reint_survey_question") == 0 || strcmp(table, "reint_survey_option") == 0
	       || strcmp(table, "reint_visit_answer") == 0;
}

/* Every column of every table that travels between sites (those with a
 * uuid) has a label, but the ones the program writes itself. */
static void every_column_users_write_has_a_label(void **state)
{
	(void)state;
	english();
	struct tmpdir t = { "", "" };
	tmpdir_make(&t);
	struct db *db;
	assert_int_equal(db_open(t.db, DB_CREATE, &db, NULL, 0), ST_OK);
	db_close(&db);
	sqlite3 *h;
	assert_int_equal(sqlite3_open_v2(t.db, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(h,
	                                    "SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p "
	                                    "WHERE m.type = 'table' AND EXISTS (SELECT 1 FROM "
	                                    "pragma_table_info(m.name) u WHERE u.name = 'uuid') ORDER BY 1, 2",
	                                    -1, &st, NULL),
	                 SQLITE_OK);
	int missing = 0, labelled = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *table = (const char *)sqlite3_column_text(st, 0);
		const char *column = (const char *)sqlite3_column_text(st, 1);
		if (strncmp(table, "sync_", 5) == 0)
			continue;   /* this site's own bookkeeping of the exchanges */
		if (strcmp(sync_table_label(table), "Record") == 0)
			fail_msg("the table %s has no label", table);
		if (internal_column(table, column))
			continue;
		if (sync_field_known(table, column)) {
			labelled++;
			continue;
		}
		print_error("%s.%s has no label\n", table, column);
		missing++;
	}
	sqlite3_finalize(st);
	sqlite3_close(h);
	assert_int_equal(missing, 0);
	assert_true(labelled > 200);
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", t.dir);
	assert_int_equal(system(cmd), 0);
}

static void coded_values_come_out_as_labels(void **state)
{
	(void)state;
	english();
	char out[256];
	sync_value_label("person", "sex", "f", out, sizeof out);
	assert_string_equal(out, "Female");
	sync_value_label("person", "arrival_mode", "rescue", out, sizeof out);
	assert_string_equal(out, "Desert rescue");
	sync_value_label("person", "consent_share", "1", out, sizeof out);
	assert_string_equal(out, "yes");
	sync_value_label("person", "birth_date", "1990-06-15", out, sizeof out);
	assert_string_equal(out, "15/06/1990");
	sync_value_label("person", "birth_date", "1990", out, sizeof out);
	assert_string_equal(out, "1990");
	sync_value_label("person", "family_name", "", out, sizeof out);
	assert_string_equal(out, "(empty)");
	sync_value_label("person", "family_name", "Moussa", out, sizeof out);
	assert_string_equal(out, "Moussa");
	sync_value_label("app_user", "role", "manager", out, sizeof out);
	assert_string_equal(out, "Manager");
	/* An unknown code stays as it is rather than vanish. */
	sync_value_label("person", "sex", "q", out, sizeof out);
	assert_string_equal(out, "q");
	/* A set of codes kept as a number: each one's label. */
	sync_value_label("psych_support", "concerns", "0", out, sizeof out);
	assert_string_equal(out, "none");
	sync_value_label("psych_support", "concerns", "3", out, sizeof out);
	assert_non_null(strstr(out, ", "));
}

/* Every code list of every module gives its labels here (the first list
 * of a column when two share it). */
static void every_code_list_is_known(void **state)
{
	(void)state;
	english();
	const struct vocab *seen[200];
	int n = 0;
	for (const struct module *const *m = module_table; *m; m++)
		for (const struct vocab *const *v = (*m)->vocabs; v && *v; v++) {
			bool shared = false;
			for (int i = 0; i < n; i++)
				shared |= strcmp(vocab_table(seen[i]), vocab_table(*v)) == 0
				          && strcmp(vocab_column(seen[i]), vocab_column(*v)) == 0;
			if (n < 200)
				seen[n++] = *v;
			if (shared || *v == VOCAB_PSYCH_CONCERN || *v == VOCAB_PSYCH_REFERRAL)
				continue;
			const struct vocab_item *it = vocab_item(*v, 0);
			char out[256];
			sync_value_label(vocab_table(*v), vocab_column(*v), it->code, out, sizeof out);
			if (strcmp(out, _(it->label)) != 0)
				fail_msg("%s.%s %s gives \"%s\"", vocab_table(*v), vocab_column(*v), it->code, out);
		}
	assert_true(n > 20);
}

static void moments_read_as_users_write_them(void **state)
{
	(void)state;
	char out[64];
	sync_when_text("2026-11-30 14:05:33", out, sizeof out);
	assert_string_equal(out, "30/11/2026 14:05");
	sync_when_text("2026-11-30T14:05:33Z", out, sizeof out);
	assert_string_equal(out, "30/11/2026 14:05");
	sync_when_text("2026-11-30", out, sizeof out);
	assert_string_equal(out, "30/11/2026");
	sync_when_text("", out, sizeof out);
	assert_string_equal(out, "");
	sync_when_text("soon", out, sizeof out);
	assert_string_equal(out, "soon");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_person_field_has_a_label),
		cmocka_unit_test(every_column_users_write_has_a_label),
		cmocka_unit_test(coded_values_come_out_as_labels),
		cmocka_unit_test(every_code_list_is_known),
		cmocka_unit_test(moments_read_as_users_write_them),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
