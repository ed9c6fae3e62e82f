/* The module table: unique keys, a home menu that fits at 80x24 for every
 * role (also with the nine modules to come), labels that fit their column
 * in both languages. */
#include "testutil.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/role.h"
#include "core/text.h"
#include "ui/lang.h"
#include "ui/module.h"

/* The body has 21 rows at 80x24; the welcome lines take 3 and a draft
 * notice 3 more. Two columns of (80 - 4) / 2 columns, 2 of them margin. */
#define ROWS_WITH_DRAFT (21 - 3 - 3)
#define COLUMN_TEXT ((80 - 4) / 2 - 2)

static enum status no_open(struct app *app)
{
	(void)app;
	return ST_OK;
}

/* Stand-ins for the modules to come, with the entries their issues ask
 * for, so that the menu is known to fit before they arrive. The home menu
 * has 34 keys (letters and digits but r and x; it reads a letter in either
 * case): with reintegration only e and z are left, so the stand-ins of
 * distributions and reports hold punctuation. The reports gather the
 * modules' figures entries (0, 7, 8, h) under one on the manager's menu,
 * which is full (30 places): exports and imports come inside it. */
#define W(p) PERM_BIT(PERM_##p)
static const struct module_entry psych_entries[] = {
	{ 'a', "Attendance roll", W(PSYCH_WRITE), no_open },
	{ 'g', "Sessions and activities", W(PSYCH_READ), no_open },
	{ 'i', "Individual support", W(PSYCH_WRITE), no_open },
	{ 0, NULL, 0, NULL },
};
static const struct module_entry training_entries[] = {
	{ 't', "Courses and enrolment", W(TRAINING_READ), no_open },
	{ 'k', "Community members", W(TRAINING_WRITE), no_open },
	{ 0, NULL, 0, NULL },
};
static const struct module_entry reint_entries[] = {
	{ 'v', "Reintegration cases", W(REINTEGRATION_READ), no_open },
	{ 'j', "Community projects", W(REINTEGRATION_READ), no_open },
	{ 0, NULL, 0, NULL },
};
static const struct module_entry protection_entries[] = {
	{ 'e', "Protection cases", W(PROTECTION_READ), no_open },
	{ 'z', "Family tracing", W(PROTECTION_WRITE), no_open },   /* the officers' list, as reintegration's */
	{ 0, NULL, 0, NULL },
};
static const struct module_entry distribution_entries[] = {
	{ '+', "Distribution counter", W(DISTRIBUTION_WRITE), no_open },
	{ '-', "Items and rules", W(REFDATA), no_open },
	{ 0, NULL, 0, NULL },
};
static const struct module future[] = {
	{ .name = "psych", .title = "Psychosocial", .daily_roles = ROLE_BIT(ROLE_PSYCHOSOCIAL), .entries = psych_entries },
	{ .name = "training", .title = "Training", .daily_roles = ROLE_BIT(ROLE_TRAINING), .entries = training_entries },
	{ .name = "reintegration", .title = "Reintegration", .daily_roles = ROLE_BIT(ROLE_REINTEGRATION),
	  .entries = reint_entries },
	{ .name = "protection", .title = "Protection", .daily_roles = ROLE_BIT(ROLE_PROTECTION),
	  .entries = protection_entries },
	{ .name = "distribution", .title = "Distributions", .daily_roles = ROLE_BIT(ROLE_DISTRIBUTION),
	  .entries = distribution_entries },
	/* No stand-in for reports: the reports screen gathers the modules' figures
	 * (one report engine, each module its tables), so its one entry takes the
	 * place of the figures entries of the managers' menu rather than adding a
	 * row; the manager's menu is full without it. */
};
#define NFUTURE ((int)(sizeof future / sizeof future[0]))

/* The real table followed by the modules still to come (a stand-in steps
 * aside once the module it stands for is in the table). */
static const struct module *const *with_future(void)
{
	static const struct module *all[32];
	int n = 0;
	for (const struct module *const *m = module_table; *m; m++)
		all[n++] = *m;
	for (int i = 0; i < NFUTURE; i++) {
		bool arrived = false;
		for (const struct module *const *m = module_table; *m; m++)
			arrived |= strcmp((*m)->name, future[i].name) == 0;
		if (!arrived)
			all[n++] = &future[i];
	}
	all[n] = NULL;
	return all;
}

/* Checks that role's menu fits and holds each entry the role may open once. */
static void check_menu(const struct module *const *table, int role)
{
	struct home_layout l;
	module_home_layout(table, role, 2, ROWS_WITH_DRAFT, &l);
	if (!l.fits)
		print_error("the menu of %s does not fit in %d rows\n", role_name((enum role)role), ROWS_WITH_DRAFT);
	assert_true(l.fits);
	assert_true(l.rows <= ROWS_WITH_DRAFT);
	assert_true(l.cols <= 2);
	int expected = 0;
	for (const struct module *const *m = table; *m; m++)
		for (const struct module_entry *e = (*m)->entries; e && e->open; e++)
			if (perm_allows_any(role, e->perms)) {
				expected++;
				int found = 0;
				for (int i = 0; i < l.n; i++)
					found += l.items[i].entry == e;
				assert_int_equal(found, 1);
			}
	int entries = 0;
	for (int i = 0; i < l.n; i++) {
		entries += l.items[i].entry != NULL;
		for (int j = 0; j < i; j++)   /* no two items in one place */
			assert_false(l.items[i].col == l.items[j].col && l.items[i].row == l.items[j].row);
	}
	assert_int_equal(entries, expected);
	/* The role's daily work comes first. */
	for (const struct module *const *m = table; *m; m++)
		if (((*m)->daily_roles & ROLE_BIT(role)) && (*m)->daily_roles != ROLE_ALL) {
			int n = 0;
			for (const struct module_entry *e = (*m)->entries; e && e->open; e++)
				n += perm_allows_any(role, e->perms);
			if (n)
				assert_ptr_equal(l.items[0].module, *m);
			break;
		}
}

static void every_role_menu_fits_at_80x24(void **state)
{
	(void)state;
	for (int r = 0; r < ROLE_COUNT_; r++)
		check_menu(module_table, r);
}

static void nine_modules_still_fit(void **state)
{
	(void)state;
	for (int r = 0; r < ROLE_COUNT_; r++)
		check_menu(with_future(), r);
}

static void home_keys_are_unique_and_not_the_draft_keys(void **state)
{
	(void)state;
	bool seen[128] = { false };
	const struct module *const *all = with_future();
	for (const struct module *const *m = all; *m; m++)
		for (const struct module_entry *e = (*m)->entries; e && e->open; e++) {
			assert_true(e->key > ' ' && e->key < 127);
			assert_false(e->key >= 'A' && e->key <= 'Z');  /* the menu reads a letter in either case */
			assert_false(seen[e->key]);
			assert_true(e->key != 'r' && e->key != 'x');   /* resume, discard a draft */
			seen[e->key] = true;
		}
}

static void casefile_keys_are_unique(void **state)
{
	(void)state;
	bool seen[128] = { false }, fseen[13] = { false };
	for (const struct module *const *m = module_table; *m; m++)
		for (const struct module_action *a = (*m)->actions; a && a->open; a++) {
			assert_true(a->key > ' ' && a->key < 127);
			assert_false(a->key >= '1' && a->key <= '9');   /* the family members */
			assert_false(seen[a->key]);
			seen[a->key] = true;
			assert_true(a->fkey >= 0 && a->fkey <= 12);
			assert_true(a->fkey != 1 && a->fkey != 9 && a->fkey != 10);   /* help, language, quit */
			assert_true(a->fkey != 4 && a->fkey != 8);                    /* search, privacy */
			if (a->fkey) {
				assert_false(fseen[a->fkey]);
				fseen[a->fkey] = true;
			}
			assert_non_null(a->help);
		}
}

/* Every label fits its column, and the draft notice its line, in lang. */
static void check_widths(const char *lang)
{
	lang_set(lang);
	for (const struct module *const *m = module_table; *m; m++) {
		assert_true(text_width(_((*m)->title)) <= COLUMN_TEXT);
		for (const struct module_entry *e = (*m)->entries; e && e->open; e++) {
			char line[256];
			snprintf(line, sizeof line, " %c  %s ", e->key, _(e->label));
			if (text_width(line) > COLUMN_TEXT)
				fail_msg("%s: \"%s\" is %d columns wide, more than %d", lang, line, text_width(line), COLUMN_TEXT);
		}
		for (const struct module_draft *d = (*m)->drafts; d && d->kind; d++) {
			char line[256];
			snprintf(line, sizeof line, _("Unfinished form: %s (%s UTC)"), _(d->label), "2026-11-30 10:51");
			assert_true(text_width(line) <= 80 - 4);
		}
	}
}

static void labels_fit_in_french_and_english(void **state)
{
	(void)state;
	lang_init("build/locale", "fr");
	assert_string_equal(_("Quit"), "Quitter");   /* the catalogue is there */
	check_widths("fr");
	check_widths("en");
	assert_string_equal(_("Quit"), "Quit");
}

static void draft_kinds_are_found_by_name(void **state)
{
	(void)state;
	const struct module_draft *d = module_draft_kind(module_table, "intake");
	assert_non_null(d);
	assert_non_null(d->resume);
	assert_null(module_draft_kind(module_table, "no-such-kind"));
	assert_null(module_draft_kind(module_table, NULL));
}

static void any_of_several_permissions(void **state)
{
	(void)state;
	unsigned report = PERM_BIT(PERM_MEDICAL_READ) | PERM_BIT(PERM_REPORTS);
	assert_true(perm_allows_any(ROLE_MEDICAL, report));
	assert_true(perm_allows_any(ROLE_MANAGER, report));
	assert_false(perm_allows_any(ROLE_INTAKE, report));
	assert_false(perm_allows_any(ROLE_ADMIN, report));
	assert_true(perm_allows_any(ROLE_DISTRIBUTION, 0));
	assert_false(perm_allows_any(-1, 0));
	assert_false(perm_allows_any(ROLE_COUNT_, 0));
}

/* The label of the entry with key in role's menu, or NULL when absent. */
static const char *entry_of(int role, int key)
{
	struct home_layout l;
	module_home_layout(module_table, role, 2, ROWS_WITH_DRAFT, &l);
	for (int i = 0; i < l.n; i++)
		if (l.items[i].entry && l.items[i].entry->key == key)
			return l.items[i].entry->label;
	return NULL;
}

/* On the manager's menu one Reports entry takes the place of the modules'
 * figures entries; the roles whose work they are keep theirs, and only
 * roles that compute reports see the Reports entry. */
static void reports_replace_the_managers_figures(void **state)
{
	(void)state;
	assert_non_null(entry_of(ROLE_MANAGER, '='));
	const int figures[] = { '7', '8', '0', 'h' };
	for (size_t i = 0; i < sizeof figures / sizeof figures[0]; i++)
		assert_null(entry_of(ROLE_MANAGER, figures[i]));
	assert_non_null(entry_of(ROLE_MEDICAL, '7'));
	assert_non_null(entry_of(ROLE_PSYCHOSOCIAL, '8'));
	assert_non_null(entry_of(ROLE_PROTECTION, '8'));
	assert_non_null(entry_of(ROLE_TRAINING, '0'));
	assert_non_null(entry_of(ROLE_REINTEGRATION, '0'));
	assert_non_null(entry_of(ROLE_REINTEGRATION, 'h'));
	assert_non_null(entry_of(ROLE_PROTECTION, 'h'));
	/* The hubs keep their figures: protection's and the distributions'. */
	assert_non_null(entry_of(ROLE_MANAGER, 'e'));
	assert_non_null(entry_of(ROLE_MANAGER, '+'));
	for (int r = 0; r < ROLE_COUNT_; r++)
		if (!perm_allows(r, PERM_REPORTS))
			assert_null(entry_of(r, '='));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_role_menu_fits_at_80x24),
		cmocka_unit_test(nine_modules_still_fit),
		cmocka_unit_test(home_keys_are_unique_and_not_the_draft_keys),
		cmocka_unit_test(casefile_keys_are_unique),
		cmocka_unit_test(labels_fit_in_french_and_english),
		cmocka_unit_test(draft_kinds_are_found_by_name),
		cmocka_unit_test(any_of_several_permissions),
		cmocka_unit_test(reports_replace_the_managers_figures),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
