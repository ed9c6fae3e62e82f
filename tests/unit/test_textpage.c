/* The page of computed text under the figures' forms: wrapping with a
 * table row's numbers on its first line, the cap on lines, scrolling. */
#include "testutil.h"
#include "core/text.h"
#include "ui/keys.h"
#include "ui/textpage.h"

static struct textpage page;

static void wraps_with_the_numbers_on_the_first_line(void **state)
{
	(void)state;
	textpage_clear(&page);
	textpage_add_wrapped(&page, 0, 2, 20, "Production de briques et autres travaux", "    12");
	assert_int_equal(page.n, 3);
	/* the label padded to column 20, then the numbers */
	assert_string_equal(page.lines[0].text, "  Production de         12");
	assert_string_equal(page.lines[1].text, "  briques et autres");
	assert_string_equal(page.lines[2].text, "  travaux");
	for (int i = 0; i < page.n; i++)
		assert_true(text_width(page.lines[i].text) <= 20 + 6);
	/* Control characters from data never reach the screen. */
	textpage_add_wrapped(&page, 0, 0, 40, "a\033[2Jb", NULL);
	assert_null(strchr(page.lines[3].text, '\033'));
}

/* A paragraph longer than a line's bytes is wrapped whole: every word
 * shows, the last one too. */
static void a_long_paragraph_is_never_cut(void **state)
{
	(void)state;
	textpage_clear(&page);
	char text[2000] = "";
	for (int i = 0; i < 150; i++) {
		char w[16];
		snprintf(w, sizeof w, "%sw%d", i ? " " : "", i);
		strcat(text, w);
	}
	textpage_add_wrapped(&page, 0, 0, 78, text, NULL);
	size_t total = 0;
	for (int i = 0; i < page.n; i++) {
		assert_true(text_width(page.lines[i].text) <= 78);
		total += strlen(page.lines[i].text) + 1;
	}
	assert_int_equal(total, strlen(text) + 1);
	assert_non_null(strstr(page.lines[page.n - 1].text, "w149"));
}

static void full_then_scrolled_a_page_less_a_line(void **state)
{
	(void)state;
	textpage_clear(&page);
	for (int i = 0; i < TEXTPAGE_LINES + 5; i++)
		textpage_add(&page, 0, "line");
	assert_int_equal(page.n, TEXTPAGE_LINES);
	page.page = 10;   /* as the last drawing left it */
	assert_false(textpage_key(&page, 'x'));
	assert_true(textpage_key(&page, UI_KEYCODE(KEY_NPAGE)));
	assert_int_equal(page.top, 9);
	assert_true(textpage_key(&page, UI_KEYCODE(KEY_PPAGE)));
	assert_true(textpage_key(&page, UI_KEYCODE(KEY_PPAGE)));
	assert_int_equal(page.top, 0);
	for (int i = 0; i < 40; i++)
		textpage_key(&page, UI_KEYCODE(KEY_NPAGE));
	assert_int_equal(page.top, TEXTPAGE_LINES - 9);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(wraps_with_the_numbers_on_the_first_line),
		cmocka_unit_test(a_long_paragraph_is_never_cut),
		cmocka_unit_test(full_then_scrolled_a_page_less_a_line),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
