/* Forms kept as drafts: values written and read back by field name, so a
 * reordered form keeps them; passwords never written; what comes back from
 * the database is checked. */
#include "testutil.h"
#include "core/i18n.h"
#include "ui/form.h"

static const struct choice sexes[] = {
	{ "f", N_("Female"), NULL }, { "m", N_("Male"), NULL },
};

/* A form in one order... */
static const struct field_def first[] = {
	{ .label = "Name", .type = FIELD_TEXT, .maxlen = 40, .name = "family_name" },
	{ .label = "Born", .type = FIELD_DATE, .name = "birth_date" },
	{ .label = "Children", .type = FIELD_NUMBER, .min = 0, .max = 30, .name = "children" },
	{ .label = "Sex", .type = FIELD_CHOICE, .choices = sexes, .nchoices = 2, .name = "sex" },
	{ .label = "Consent", .type = FIELD_YESNO, .name = "consent_data" },
	{ .label = "Password", .type = FIELD_PASSWORD, .maxlen = 40, .name = "password" },
	{ .label = "Scratch", .type = FIELD_TEXT, .maxlen = 40 },   /* no name: not kept */
};
/* ...and the same fields reordered, one added and one gone. */
static const struct field_def second[] = {
	{ .label = "Phone", .type = FIELD_TEXT, .maxlen = 20, .name = "phone" },
	{ .label = "Consent", .type = FIELD_YESNO, .name = "consent_data" },
	{ .label = "Sex", .type = FIELD_CHOICE, .choices = sexes, .nchoices = 2, .name = "sex" },
	{ .label = "Name", .type = FIELD_TEXT, .maxlen = 40, .name = "family_name" },
	{ .label = "Born", .type = FIELD_DATE, .name = "birth_date" },
	{ .label = "Password", .type = FIELD_PASSWORD, .maxlen = 40, .name = "password" },
};
#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* The value of the field called name. */
static const char *value_of(const struct form *f, const char *name, char *out, size_t size)
{
	for (int i = 0; i < f->n; i++)
		if (f->fields[i].def->name && strcmp(f->fields[i].def->name, name) == 0) {
			form_get(f, i, out, size);
			return out;
		}
	fail_msg("no field %s", name);
	return NULL;
}

/* A filled form in the first order, as JSON. */
static void filled(struct form *f, struct jsonbuf *j)
{
	form_init(f, first, COUNT(first));
	form_set(f, 0, "Traoré \"Ba\" \\ 漢字");
	form_set(f, 1, "2001-03");
	form_set(f, 2, "2");
	form_set(f, 3, "f");
	form_set(f, 4, "0");
	form_set(f, 5, "secret password");
	form_set(f, 6, "scratch");
	jsonbuf_init(j);
	assert_true(form_to_json(f, j));
}

static void round_trip_by_name(void **state)
{
	(void)state;
	static struct form f, g;
	static struct jsonbuf j;
	char v[FORM_VALUE_MAX];
	filled(&f, &j);
	form_init(&g, first, COUNT(first));
	assert_false(g.changed);
	assert_true(form_from_json(&g, jsonbuf_text(&j)));
	assert_true(g.changed);
	for (int i = 0; i < 5; i++) {
		char w[FORM_VALUE_MAX];
		form_get(&f, i, v, sizeof v);
		form_get(&g, i, w, sizeof w);
		assert_string_equal(v, w);
	}
	/* "0" is an answer, kept as such, not as unanswered. */
	assert_string_equal(value_of(&g, "consent_data", v, sizeof v), "0");
	assert_string_equal(value_of(&g, "birth_date", v, sizeof v), "2001-03");
	/* Unnamed fields are neither written nor read. */
	form_get(&g, 6, v, sizeof v);
	assert_string_equal(v, "");
}

/* A draft keeps what the changed fields held when the form was filled,
 * and gives it back as the base; the untouched fields have their draft
 * value as base, whatever the record says when the draft is resumed. */
static void draft_keeps_the_base_of_an_edit(void **state)
{
	(void)state;
	static struct form f, g;
	static struct jsonbuf j;
	static char fbase[FORM_MAX_FIELDS][FORM_VALUE_MAX], gbase[FORM_MAX_FIELDS][FORM_VALUE_MAX];
	form_init(&f, first, COUNT(first));
	form_set(&f, 0, "Traoré");
	form_set(&f, 1, "2001-03");
	form_keep_base(&f, fbase);
	form_set(&f, 0, "Traoré Ba");            /* typed */
	jsonbuf_init(&j);
	assert_true(form_to_json(&f, &j));
	assert_non_null(strstr(jsonbuf_text(&j), "\"base:family_name\": \"Traoré\""));
	assert_null(strstr(jsonbuf_text(&j), "base:birth_date"));
	/* Resumed on a record changed since: filled from it, then the draft. */
	form_init(&g, first, COUNT(first));
	form_set(&g, 0, "Traoré");
	form_set(&g, 1, "1999");                 /* another session's change */
	form_keep_base(&g, gbase);
	assert_true(form_from_json(&g, jsonbuf_text(&j)));
	char v[FORM_VALUE_MAX];
	form_get(&g, 0, v, sizeof v);
	assert_string_equal(v, "Traoré Ba");
	assert_string_equal(gbase[0], "Traoré");
	assert_string_equal(gbase[1], "2001-03");   /* what the draft began on, not 1999 */
	/* A draft without a base leaves the base as filled. */
	form_init(&g, first, COUNT(first));
	form_set(&g, 1, "1999");
	form_keep_base(&g, gbase);
	assert_true(form_from_json(&g, "{\"family_name\": \"X\", \"birth_date\": \"2001\"}"));
	assert_string_equal(gbase[1], "1999");
}

/* A date field that takes whole days says so, and refuses a month or a
 * year alone. */
static void full_date_fields_take_whole_days(void **state)
{
	(void)state;
	static const struct field_def day[] = {
		{ .label = "Day", .type = FIELD_DATE, .full_date = true, .name = "day" },
	};
	static struct form f;
	const char *cases[][2] = { { "2026", "Give a full date: DD/MM/YYYY." },
		                   { "11/2026", "Give a full date: DD/MM/YYYY." },
		                   { "05/11/2026", NULL } };
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		form_init(&f, day, 1);
		for (const char *c = cases[i][0]; *c; c++)
			form_key(&f, (unsigned char)*c);
		bool ok = form_validate(&f);
		if (cases[i][1]) {
			assert_false(ok);
			assert_string_equal(f.fields[0].error, cases[i][1]);
		} else {
			assert_true(ok);
		}
	}
}

static void reordered_fields_keep_their_values(void **state)
{
	(void)state;
	static struct form f, g;
	static struct jsonbuf j;
	char v[FORM_VALUE_MAX];
	filled(&f, &j);
	form_init(&g, second, COUNT(second));
	form_set(&g, 0, "+227 90 00 00 00");   /* not in the draft: left alone */
	assert_true(form_from_json(&g, jsonbuf_text(&j)));
	assert_string_equal(value_of(&g, "family_name", v, sizeof v), "Traoré \"Ba\" \\ 漢字");
	assert_string_equal(value_of(&g, "birth_date", v, sizeof v), "2001-03");
	assert_string_equal(value_of(&g, "sex", v, sizeof v), "f");
	assert_string_equal(value_of(&g, "consent_data", v, sizeof v), "0");
	assert_string_equal(value_of(&g, "phone", v, sizeof v), "+227 90 00 00 00");
}

static void passwords_are_never_kept(void **state)
{
	(void)state;
	static struct form f, g;
	static struct jsonbuf j;
	char v[FORM_VALUE_MAX];
	filled(&f, &j);
	assert_null(strstr(jsonbuf_text(&j), "secret"));
	assert_null(strstr(jsonbuf_text(&j), "password"));
	assert_null(strstr(jsonbuf_text(&j), "scratch"));
	/* Nor set from a draft that has one. */
	form_init(&g, first, COUNT(first));
	assert_true(form_from_json(&g, "{\"password\": \"planted\"}"));
	form_get(&g, 5, v, sizeof v);
	assert_string_equal(v, "");
	assert_false(g.changed);
}

static void unknown_names_are_ignored(void **state)
{
	(void)state;
	static struct form g;
	char v[FORM_VALUE_MAX];
	form_init(&g, first, COUNT(first));
	assert_true(form_from_json(&g, "{\"f0\": \"x\", \"no_such\": \"y\", \"sex\": \"m\", \"\": \"z\"}"));
	assert_string_equal(value_of(&g, "sex", v, sizeof v), "m");
	form_get(&g, 0, v, sizeof v);
	assert_string_equal(v, "");
	/* A value that is not one of the choices leaves the choice empty. */
	assert_true(form_from_json(&g, "{\"sex\": \"q\"}"));
	assert_string_equal(value_of(&g, "sex", v, sizeof v), "");
	/* Only unknown names: nothing changed. */
	form_init(&g, first, COUNT(first));
	assert_true(form_from_json(&g, "{\"f0\": \"x\"}"));
	assert_false(g.changed);
}

static void hostile_json_sets_nothing(void **state)
{
	(void)state;
	static struct form g;
	char v[FORM_VALUE_MAX];
	static const char *const bad[] = {
		"{\"family_name\": \"Ba\", \"sex\": ", "{\"family_name\": \"a\\u0000b\"}",
		"{\"family_name\": [\"a\"]}", "{\"family_name\": \"\\u001b[2Jx\"}", "not json",
		"{\"family_name\": \"\xff\xfe\"}", "",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		form_init(&g, first, COUNT(first));
		assert_false(form_from_json(&g, bad[i]));
		form_get(&g, 0, v, sizeof v);
		assert_string_equal(v, "");
		assert_false(g.changed);
	}
	/* A value longer than the field is cut to it, whole characters. */
	form_init(&g, first, COUNT(first));
	char big[400] = "{\"family_name\": \"";
	for (int i = 0; i < 60; i++)
		strcat(big, "é");
	strcat(big, "\"}");
	assert_true(form_from_json(&g, big));
	form_get(&g, 0, v, sizeof v);
	assert_int_equal(strlen(v), 80);   /* 40 characters of 2 bytes */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(round_trip_by_name),
		cmocka_unit_test(draft_keeps_the_base_of_an_edit),
		cmocka_unit_test(full_date_fields_take_whole_days),
		cmocka_unit_test(reordered_fields_keep_their_values),
		cmocka_unit_test(passwords_are_never_kept),
		cmocka_unit_test(unknown_names_are_ignored),
		cmocka_unit_test(hostile_json_sets_nothing),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
