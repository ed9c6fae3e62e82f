/* The reports screen's page: whatever the breakdown and the width, no
 * line is wider than the screen, every line's label is there whole (its
 * words, wrapped), each line's total shows, and the nationality breakdown
 * names the countries. */
#include "testutil.h"
#include "../../screens/report_private.h"
#include "core/i18n.h"
#include "core/text.h"
#include "db/db.h"
#include "db/report.h"
#include "db/report_registration.h"
#include "ui/lang.h"
#include "ui/textpage.h"

/* True when every word of text is somewhere on the page. */
static bool words_on_page(const struct textpage *p, const char *text)
{
	char copy[400];
	snprintf(copy, sizeof copy, "%s", text);
	for (char *save = NULL, *w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
		bool found = false;
		for (int i = 0; i < p->n && !found; i++)
			found = strstr(p->lines[i].text, w) != NULL;
		if (!found)
			return false;
	}
	return true;
}

static void every_breakdown_fits_its_width(void **state)
{
	(void)state;
	struct tmpdir t;
	memset(&t, 0, sizeof t);
	tmpdir_make(&t);
	struct db *db;
	assert_int_equal(db_open(t.db, DB_CREATE, &db, NULL, 0), ST_OK);
	struct report_result *r = calloc(1, sizeof *r);
	struct textpage *p = calloc(1, sizeof *p);
	assert_non_null(r);
	assert_non_null(p);
	r->def = &report_intake;
	assert_true(report_period_parse("2018", &r->period));
	static const char *const nats[] = { "NER", "MLI", "NGA", "SEN", "GIN", "CIV", "BFA", "GMB", "", NULL };
	while (r->def->lines[r->nlines].key) {
		struct report_counts *c = &r->lines[r->nlines];
		for (int i = 0; i < 1234 * (r->nlines + 1); i++)
			report_counts_add(c, "fmx"[i % 3], (i * 7) % 70 - 1, i % 5 == 0, nats[i % 9]);
		r->nlines++;
	}
	const char *langs[] = { "en", "fr" };
	const int widths[] = { 78, 118, 60 };
	lang_init("build/locale", "en");
	for (int l = 0; l < 2; l++) {
		lang_set(langs[l]);
		for (int by = 0; by < REPORT_BY_COUNT_; by++)
			for (int wi = 0; wi < 3; wi++) {
				struct report_view v = { r, (enum report_by)by, "" };
				report_text_build(p, db, langs[l], &v, widths[wi]);
				assert_true(p->n > r->nlines);
				for (int i = 0; i < p->n; i++)
					if (text_width(p->lines[i].text) > widths[wi])
						fail_msg("%s, by %s, %d columns: \"%s\" is wider", langs[l],
						         report_by_name((enum report_by)by), widths[wi], p->lines[i].text);
				for (int i = 0; i < r->nlines; i++) {
					assert_true(words_on_page(p, _(r->def->lines[i].label)));
					char total[32];
					snprintf(total, sizeof total, "%ld", r->lines[i].total);
					assert_true(words_on_page(p, total));
				}
				if (by == REPORT_BY_NATIONALITY)
					assert_true(words_on_page(p, strcmp(langs[l], "fr") == 0 ? "Nigéria" : "Nigeria"));
			}
	}
	free(p);
	free(r);
	db_close(&db);
	tmpdir_remove(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_breakdown_fits_its_width),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
