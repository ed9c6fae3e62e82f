/* Keys: escape sequences a terminal description may not know, and which
 * key of a binding a hint names. */
#include "testutil.h"
#include <curses.h>
#include "ui/keys.h"

static void escape_sequences_are_decoded_whole(void **state)
{
	(void)state;
	assert_int_equal(keys_from_escape("[20~"), UI_KEYCODE(KEY_F(9)));
	assert_int_equal(keys_from_escape("[21~"), UI_KEYCODE(KEY_F(10)));
	assert_int_equal(keys_from_escape("OP"), UI_KEYCODE(KEY_F(1)));
	assert_int_equal(keys_from_escape("[[E"), UI_KEYCODE(KEY_F(5)));
	assert_int_equal(keys_from_escape("[H"), UI_KEYCODE(KEY_HOME));
	assert_int_equal(keys_from_escape("[4~"), UI_KEYCODE(KEY_END));
	assert_int_equal(keys_from_escape("[Z"), UI_KEYCODE(KEY_BTAB));
	assert_int_equal(keys_from_escape("[99~"), 0);
	assert_int_equal(keys_from_escape("[2"), 0);
}

static void hints_name_a_key_that_acts_now(void **state)
{
	(void)state;
	const struct binding quit = { 1, { UI_KEYCODE(KEY_F(10)), 'q', UI_CTRL('X'), 0 }, "Quit", "Quit" };
	const struct binding letter = { 2, { 'c', 0, 0, 0 }, "Consult", "Consult" };
	/* No terminal here: every key can be sent. */
	assert_true(keys_can_send(UI_KEYCODE(KEY_F(9))));
	assert_int_equal(keys_hint(&quit, false), UI_KEYCODE(KEY_F(10)));
	assert_int_equal(keys_hint(&quit, true), UI_KEYCODE(KEY_F(10)));
	assert_int_equal(keys_hint(&letter, false), 'c');
	assert_int_equal(keys_hint(&letter, true), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(escape_sequences_are_decoded_whole),
		cmocka_unit_test(hints_name_a_key_that_acts_now),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
