/* The screen toolkit's logic, without a terminal: line editor, forms and
 * their validation, key bindings, the paged list. */
#include "testutil.h"
#include "core/i18n.h"
#include "ui/form.h"
#include "ui/keys.h"
#include "ui/lineedit.h"
#include "ui/list.h"
#include "ui/menu.h"

/* Types a UTF-8 string into a line editor key by key. */
static void type(struct lineedit *le, const wchar_t *s)
{
	for (; *s; s++)
		le_key(le, (int)*s);
}

static void lineedit_edits_wide_characters(void **state)
{
	(void)state;
	struct lineedit le;
	char out[64];
	le_init(&le, 10);
	type(&le, L"Aïsa");
	le_key(&le, UI_KEYCODE(KEY_LEFT));
	le_key(&le, 's');
	le_get(&le, out, sizeof out);
	assert_string_equal(out, "Aïssa");
	le_key(&le, UI_KEYCODE(KEY_HOME));
	le_key(&le, UI_KEYCODE(KEY_DC));
	le_get(&le, out, sizeof out);
	assert_string_equal(out, "ïssa");
	le_key(&le, UI_KEYCODE(KEY_END));
	le_key(&le, UI_KEYCODE(KEY_BACKSPACE));
	le_get(&le, out, sizeof out);
	assert_string_equal(out, "ïss");
	assert_int_equal(le_key(&le, UI_CTRL('U')), LE_CHANGED);
	assert_int_equal(le.len, 0);
	/* Control characters and escape never enter the text. */
	assert_int_equal(le_key(&le, 27), LE_IGNORED);
	assert_int_equal(le_key(&le, 0x9b), LE_IGNORED);
	assert_int_equal(le.len, 0);
}

static void lineedit_stops_at_its_maximum(void **state)
{
	(void)state;
	struct lineedit le;
	le_init(&le, 3);
	type(&le, L"abc");
	assert_int_equal(le_key(&le, 'd'), LE_FULL);
	le_set(&le, "漢字テスト");
	assert_int_equal(le.len, 3);
	char out[32];
	le_get(&le, out, sizeof out);
	assert_string_equal(out, "漢字テ");
	/* Controls inside a value set from data are dropped. */
	le_init(&le, 20);
	le_set(&le, "a\x1b[2Jb\nc");
	le_get(&le, out, sizeof out);
	assert_string_equal(out, "a[2Jbc");
}

static const struct choice sexes[] = {
	{ "f", N_("Female"), NULL }, { "m", N_("Male"), NULL },
};
static const struct choice countries[] = {
	{ "CIV", "Côte d'Ivoire", NULL }, { "MLI", "Mali", NULL }, { "NER", "Niger", NULL },
	{ "NGA", "Nigéria", NULL },
};

/* An extra rule: no digits in names. */
static const char *no_digits(const char *v)
{
	return strpbrk(v, "0123456789") ? "Names have no digits." : NULL;
}

static const struct field_def defs[] = {
	{ .label = "Name", .type = FIELD_TEXT, .required = true, .maxlen = 40, .check = no_digits },
	{ .label = "Born", .type = FIELD_DATE, .past_only = true },
	{ .label = "Children", .type = FIELD_NUMBER, .min = 0, .max = 30 },
	{ .label = "Sex", .type = FIELD_CHOICE, .required = true, .choices = sexes, .nchoices = 2,
	  .labels_are_msgids = true },
	{ .label = "Country", .type = FIELD_CHOICE, .choices = countries, .nchoices = 4 },
	{ .label = "Consent", .type = FIELD_YESNO, .required = true },
};
enum { NAME, BORN, CHILDREN, SEX, COUNTRY, CONSENT };

/* Sends a string of keys to a form. */
static void form_type(struct form *f, const wchar_t *s)
{
	for (; *s; s++)
		form_key(f, (int)*s);
}

static void form_refuses_empty_required_fields(void **state)
{
	(void)state;
	struct form f;
	form_init(&f, defs, 6);
	assert_false(form_validate(&f));
	assert_int_equal(f.cur, NAME);
	assert_string_equal(f.fields[NAME].error, "Required.");
	assert_non_null(f.fields[SEX].error);
	assert_non_null(f.fields[CONSENT].error);
	assert_null(f.fields[BORN].error);
	assert_null(f.fields[COUNTRY].error);
	assert_false(f.changed);
}

static void form_accepts_a_valid_entry(void **state)
{
	(void)state;
	struct form f;
	char v[FORM_VALUE_MAX];
	form_init(&f, defs, 6);
	f.today = (struct pdate){ 2026, 11, 22, DATE_DAY };
	form_type(&f, L"  Aïssatou Diallo \t03/2001\t2\tf\tnig\to");
	assert_true(f.changed);
	assert_true(form_validate(&f));
	form_get(&f, NAME, v, sizeof v);
	assert_string_equal(v, "Aïssatou Diallo");
	form_get(&f, BORN, v, sizeof v);
	assert_string_equal(v, "2001-03");
	form_get(&f, CHILDREN, v, sizeof v);
	assert_string_equal(v, "2");
	form_get(&f, SEX, v, sizeof v);
	assert_string_equal(v, "f");
	form_get(&f, COUNTRY, v, sizeof v);
	assert_string_equal(v, "NER");
	form_get(&f, CONSENT, v, sizeof v);
	assert_string_equal(v, "1");
}

static void form_explains_each_bad_value(void **state)
{
	(void)state;
	struct form f;
	form_init(&f, defs, 6);
	f.today = (struct pdate){ 2026, 11, 22, DATE_DAY };
	form_type(&f, L"R2D2\t12/12/2030\t99\tm\t\tn");
	assert_false(form_validate(&f));
	assert_string_equal(f.fields[NAME].error, "Names have no digits.");
	assert_non_null(f.fields[BORN].error);
	assert_string_equal(f.fields[BORN].error, date_status_msgid(DATE_FUTURE));
	assert_non_null(f.fields[CHILDREN].error);
	assert_null(f.fields[SEX].error);
	assert_null(f.fields[CONSENT].error);
	assert_int_equal(f.cur, NAME);

	form_set(&f, BORN, "");
	form_set(&f, CHILDREN, "abc");
	assert_non_null(form_check_field(&f, CHILDREN));
	form_set(&f, BORN, "2010-02-30");
	assert_non_null(form_check_field(&f, BORN));
	form_set(&f, BORN, "2010-02-28");
	assert_null(form_check_field(&f, BORN));
}

static void choice_type_ahead_ignores_accents_and_keeps_no_match(void **state)
{
	(void)state;
	struct form f;
	char v[16];
	form_init(&f, defs, 6);
	f.cur = COUNTRY;
	form_type(&f, L"cote");
	form_get(&f, COUNTRY, v, sizeof v);
	assert_string_equal(v, "CIV");
	/* The only match: the arrows stay on it. */
	form_key(&f, UI_KEYCODE(KEY_RIGHT));
	form_get(&f, COUNTRY, v, sizeof v);
	assert_string_equal(v, "CIV");
	for (int i = 0; i < 4; i++)
		form_key(&f, UI_KEYCODE(KEY_BACKSPACE));
	form_key(&f, UI_KEYCODE(KEY_RIGHT));
	form_get(&f, COUNTRY, v, sizeof v);
	assert_string_equal(v, "MLI");
	form_key(&f, UI_KEYCODE(KEY_LEFT));
	form_key(&f, UI_KEYCODE(KEY_LEFT));
	form_get(&f, COUNTRY, v, sizeof v);
	assert_string_equal(v, "NGA");
	/* A letter that matches nothing leaves the choice. */
	form_key(&f, 'z');
	form_get(&f, COUNTRY, v, sizeof v);
	assert_string_equal(v, "NGA");
}

static void form_set_does_not_mark_changed_and_enter_submits_last(void **state)
{
	(void)state;
	struct form f;
	form_init(&f, defs, 6);
	form_set(&f, NAME, "Moussa");
	form_set(&f, SEX, "m");
	form_set(&f, CONSENT, "0");
	assert_false(f.changed);
	assert_true(form_validate(&f));
	for (int i = 0; i < 5; i++)
		assert_int_equal(form_key(&f, '\n'), FORM_HANDLED);
	assert_int_equal(f.cur, CONSENT);
	assert_int_equal(form_key(&f, '\n'), FORM_SUBMIT);
	assert_int_equal(form_key(&f, UI_KEYCODE(KEY_BTAB)), FORM_HANDLED);
	assert_int_equal(f.cur, COUNTRY);
}

static void letters_are_text_while_typing(void **state)
{
	(void)state;
	assert_int_equal(keys_lookup(ui_global_bindings, 'q', false), ACT_QUIT);
	assert_int_equal(keys_lookup(ui_global_bindings, 'q', true), 0);
	assert_int_equal(keys_lookup(ui_global_bindings, '?', true), 0);
	assert_int_equal(keys_lookup(ui_global_bindings, UI_KEYCODE(KEY_F(10)), true), ACT_QUIT);
	assert_int_equal(keys_lookup(ui_global_bindings, UI_CTRL('X'), true), ACT_QUIT);
	assert_int_equal(keys_lookup(ui_global_bindings, UI_KEYCODE(KEY_F(1)), true), ACT_HELP);
	assert_int_equal(keys_lookup(ui_global_bindings, UI_ESC, true), ACT_BACK);
	assert_int_equal(keys_lookup(ui_global_bindings, UI_KEYCODE(KEY_LEFT), true), 0);
	assert_int_equal(keys_lookup(ui_global_bindings, UI_KEYCODE(KEY_LEFT), false), ACT_BACK);
}

static void every_function_key_has_a_letter_or_control_alternative(void **state)
{
	(void)state;
	for (const struct binding *b = ui_global_bindings; b->action; b++) {
		bool fkey = false, other = false;
		for (int i = 0; i < UI_MAX_KEYS && b->keys[i]; i++) {
			if (b->keys[i] >= UI_KEYCODE(KEY_F(1)) && b->keys[i] <= UI_KEYCODE(KEY_F(12)))
				fkey = true;
			else if (b->keys[i] < 0x110000)
				other = true;
		}
		assert_true(!fkey || other);
		assert_non_null(b->help);
	}
}

static void key_names(void **state)
{
	(void)state;
	char n[32];
	keys_name(UI_KEYCODE(KEY_F(10)), n, sizeof n);
	assert_string_equal(n, "F10");
	keys_name(UI_CTRL('S'), n, sizeof n);
	assert_string_equal(n, "Ctrl-S");
	keys_name('?', n, sizeof n);
	assert_string_equal(n, "?");
}

/* A fake source of total rows, paged by key (the row's number), that
 * records how many calls and rows it was asked for. */
struct fake {
	long long total;
	int calls;
	int biggest;
	long long rows_given;
};

static int fake_fetch(void *ctx, enum page_dir dir, const struct list_key *key, int limit,
                      struct list_row *rows, bool *more)
{
	struct fake *f = ctx;
	f->calls++;
	if (limit > f->biggest)
		f->biggest = limit;
	long long start, end;
	if (dir == PAGE_AFTER) {
		start = key ? key->id + 1 : 0;
		end = start + limit < f->total ? start + limit : f->total;
		*more = end < f->total;
	} else {
		end = key ? key->id : f->total;
		start = end - limit > 0 ? end - limit : 0;
		*more = start > 0;
	}
	int n = 0;
	for (long long i = start; i < end; i++, n++) {
		snprintf(rows[n].cells[0], LIST_CELL, "row %lld", i);
		rows[n].key.id = i;
	}
	f->rows_given += n;
	return n;
}

static void list_pages_through_a_large_source(void **state)
{
	(void)state;
	static const struct list_column cols[] = { { "Row", 0, false } };
	struct fake f = { 1000, 0, 0, 0 };
	struct list *l = calloc(1, sizeof *l);
	list_init(l, cols, 1, fake_fetch, &f);
	l->rows_shown = 20;
	assert_false(list_empty(l));
	assert_string_equal(list_current(l)->cells[0], "row 0");
	for (int i = 0; i < 150; i++)
		list_key(l, UI_KEYCODE(KEY_DOWN));
	assert_string_equal(list_current(l)->cells[0], "row 150");
	list_key(l, UI_KEYCODE(KEY_NPAGE));
	assert_string_equal(list_current(l)->cells[0], "row 169");
	for (int i = 0; i < 100; i++)
		list_key(l, UI_KEYCODE(KEY_UP));
	assert_string_equal(list_current(l)->cells[0], "row 69");
	list_key(l, UI_KEYCODE(KEY_PPAGE));
	assert_string_equal(list_current(l)->cells[0], "row 50");
	list_key(l, UI_KEYCODE(KEY_END));
	assert_string_equal(list_current(l)->cells[0], "row 999");
	list_key(l, UI_KEYCODE(KEY_DOWN));
	assert_string_equal(list_current(l)->cells[0], "row 999");
	/* Up from the end walks back through pages fetched before. */
	for (int i = 0; i < 300; i++)
		list_key(l, UI_KEYCODE(KEY_UP));
	assert_string_equal(list_current(l)->cells[0], "row 699");
	list_key(l, UI_KEYCODE(KEY_HOME));
	assert_string_equal(list_current(l)->cells[0], "row 0");
	list_key(l, UI_KEYCODE(KEY_UP));
	assert_string_equal(list_current(l)->cells[0], "row 0");
	/* Never more than one page asked for or held. */
	assert_true(f.biggest <= LIST_PAGE_MAX);
	assert_true(f.calls < 60);
	free(l);
}

/* End and Home cost one page each, whatever the length: End on a million
 * rows asks for the last page directly, never for the rows above it. */
static void list_end_asks_for_the_last_page_only(void **state)
{
	(void)state;
	static const struct list_column cols[] = { { "Row", 0, false } };
	struct fake f = { 1000000, 0, 0, 0 };
	struct list *l = calloc(1, sizeof *l);
	list_init(l, cols, 1, fake_fetch, &f);
	l->rows_shown = 20;
	assert_string_equal(list_current(l)->cells[0], "row 0");
	int calls = f.calls;
	long long given = f.rows_given;
	list_key(l, UI_KEYCODE(KEY_END));
	assert_string_equal(list_current(l)->cells[0], "row 999999");
	assert_int_equal(f.calls, calls + 1);
	assert_true(f.rows_given - given <= LIST_PAGE_MAX);
	assert_false(l->more_after);
	assert_true(l->more_before);
	/* Page up from the end: the page before, by key. */
	list_key(l, UI_KEYCODE(KEY_PPAGE));
	assert_string_equal(list_current(l)->cells[0], "row 999980");
	for (int i = 0; i < 5; i++)
		list_key(l, UI_KEYCODE(KEY_PPAGE));
	assert_string_equal(list_current(l)->cells[0], "row 999885");
	assert_true(f.rows_given - given < 4 * LIST_PAGE_MAX);
	free(l);
}

/* Back from a form, the page is read again around the selected row: the
 * selection stays on it, or goes to the next row when it is gone. */
static void list_refresh_keeps_the_selection(void **state)
{
	(void)state;
	static const struct list_column cols[] = { { "Row", 0, false } };
	struct fake f = { 500, 0, 0, 0 };
	struct list *l = calloc(1, sizeof *l);
	list_init(l, cols, 1, fake_fetch, &f);
	l->rows_shown = 20;
	for (int i = 0; i < 120; i++)
		list_key(l, UI_KEYCODE(KEY_DOWN));
	assert_string_equal(list_current(l)->cells[0], "row 120");
	list_refresh(l);
	assert_string_equal(list_current(l)->cells[0], "row 120");
	list_key(l, UI_KEYCODE(KEY_UP));
	assert_string_equal(list_current(l)->cells[0], "row 119");
	list_key(l, UI_KEYCODE(KEY_HOME));
	list_refresh(l);
	assert_string_equal(list_current(l)->cells[0], "row 0");
	list_reload(l);
	assert_string_equal(list_current(l)->cells[0], "row 0");
	free(l);
}

static void list_over_an_empty_source(void **state)
{
	(void)state;
	static const struct list_column cols[] = { { "Row", 0, false } };
	struct fake f = { 0, 0, 0, 0 };
	struct list *l = calloc(1, sizeof *l);
	list_init(l, cols, 1, fake_fetch, &f);
	assert_true(list_empty(l));
	assert_null(list_current(l));
	list_key(l, UI_KEYCODE(KEY_DOWN));
	assert_null(list_current(l));
	list_key(l, UI_KEYCODE(KEY_END));
	assert_null(list_current(l));
	list_key(l, UI_KEYCODE(KEY_UP));
	assert_null(list_current(l));
	free(l);
}

static void menu_hotkeys_and_arrows(void **state)
{
	(void)state;
	struct menu m;
	menu_init(&m);
	menu_add(&m, 10, '1', "One");
	menu_add(&m, 20, 'p', "Prefs");
	menu_add(&m, 30, 'q', "Quit");
	assert_int_equal(menu_key(&m, UI_KEYCODE(KEY_UP)), -1);
	assert_int_equal(m.cur, 2);
	assert_int_equal(menu_key(&m, '\n'), 30);
	assert_int_equal(menu_key(&m, 'P'), 20);
	assert_int_equal(m.cur, 1);
	assert_int_equal(menu_key(&m, 'x'), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(lineedit_edits_wide_characters),
		cmocka_unit_test(lineedit_stops_at_its_maximum),
		cmocka_unit_test(form_refuses_empty_required_fields),
		cmocka_unit_test(form_accepts_a_valid_entry),
		cmocka_unit_test(form_explains_each_bad_value),
		cmocka_unit_test(choice_type_ahead_ignores_accents_and_keeps_no_match),
		cmocka_unit_test(form_set_does_not_mark_changed_and_enter_submits_last),
		cmocka_unit_test(letters_are_text_while_typing),
		cmocka_unit_test(every_function_key_has_a_letter_or_control_alternative),
		cmocka_unit_test(key_names),
		cmocka_unit_test(list_pages_through_a_large_source),
		cmocka_unit_test(list_over_an_empty_source),
		cmocka_unit_test(list_end_asks_for_the_last_page_only),
		cmocka_unit_test(list_refresh_keeps_the_selection),
		cmocka_unit_test(menu_hotkeys_and_arrows),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
