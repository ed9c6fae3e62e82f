/* Self-test of the end-to-end harness, using /bin/sh, coreutils and the
 * fixture_keys ncurses program instead of Taimako. */
#include <limits.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "harness.h"

#define WAIT_MS 5000

static char fixture_keys[PATH_MAX];

/* Milliseconds of the monotonic clock. */
static int64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Starts "/bin/sh -c script" in a rows x cols terminal. */
static struct term *start_sh(int rows, int cols, const char *script, char *const env[])
{
	char *argv[] = { "/bin/sh", "-c", (char *)script, NULL };

	return term_start(rows, cols, argv, env);
}

/* Starts the fixture with a UTF-8 locale and a short ESCDELAY. */
static struct term *start_fixture(int rows, int cols)
{
	char *argv[] = { fixture_keys, NULL };
	char *env[] = { "LC_ALL=C.UTF-8", "ESCDELAY=25", NULL };

	return term_start(rows, cols, argv, env);
}

/* Frees the term a test left in *state, even after a failed assertion. */
static int teardown(void **state)
{
	struct term *t = *state;

	term_free(&t);
	*state = NULL;
	return 0;
}

/* Asserts that row `row` of the screen reads exactly `want`. */
static void assert_row(struct term *t, int row, const char *want)
{
	char *got = term_row(t, row);

	assert_non_null(got);
	if (strcmp(got, want) != 0)
		term_dump(t, "row mismatch");
	assert_string_equal(got, want);
	free(got);
}

/* Output shows up, typed text reaches the program, the exit code comes back. */
static void test_hello_type_exit(void **state)
{
	struct term *t = start_sh(24, 80,
		"printf 'hello w\303\266rld\\n'; read x; echo \"got:$x\"; exit 3", NULL);
	int status = -1;

	*state = t;
	assert_non_null(t);
	assert_true(term_wait_text(t, "hello wörld", WAIT_MS));
	assert_row(t, 0, "hello wörld");
	term_type(t, "abc é\r");
	assert_true(term_wait_text(t, "got:abc é", WAIT_MS));
	assert_true(term_wait_exit(t, WAIT_MS, &status));
	assert_int_equal(status, 3);
	assert_true(term_has_text(t, "got:abc é"));
}

/* TERM is xterm by default, env entries are added and override. */
static void test_env(void **state)
{
	char *env1[] = { "TAIMAKO_X=one", NULL };
	char *env2[] = { "TERM=vt100", "TAIMAKO_X=a", "TAIMAKO_X=two", NULL };
	struct term *t = start_sh(5, 40, "echo \"T=$TERM X=$TAIMAKO_X.\"", env1);

	*state = t;
	assert_non_null(t);
	assert_true(term_wait_text(t, "T=xterm X=one.", WAIT_MS));
	term_free(&t);
	*state = NULL;
	assert_null(t);
	t = start_sh(5, 40, "echo \"T=$TERM X=$TAIMAKO_X.\"", env2);
	*state = t;
	assert_non_null(t);
	assert_true(term_wait_text(t, "T=vt100 X=two.", WAIT_MS));
}

/* Accented and double-width characters read back as the same UTF-8 and a
 * wide character takes two columns. */
static void test_utf8_wide(void **state)
{
	struct term *t = start_sh(10, 40,
		"printf 'a\346\274\242b \303\251\\n\346\274\242\346\274\242 ok\\n'; "
		"printf '\\033[2;5H!'; read x", NULL);

	*state = t;
	assert_non_null(t);
	assert_true(term_wait_text(t, "漢漢!ok", WAIT_MS));
	assert_row(t, 0, "a漢b é");
	/* "漢漢" fills columns 1-4, so column 5 (1-based) is the blank after it. */
	assert_row(t, 1, "漢漢!ok");
	assert_true(term_has_text(t, "a漢b é"));
}

/* term_screen has one line per row, trailing blanks trimmed. */
static void test_screen_lines(void **state)
{
	struct term *t = start_sh(6, 20, "printf 'one  \\n\\ntwo'; read x", NULL);
	char *s;

	*state = t;
	assert_non_null(t);
	assert_true(term_wait_text(t, "two", WAIT_MS));
	s = term_screen(t);
	assert_non_null(s);
	assert_string_equal(s, "one\n\ntwo\n\n\n");
	free(s);
	s = term_row(t, 6);
	assert_non_null(s);
	assert_string_equal(s, "");
	free(s);
}

/* The program sees the new size after term_resize. */
static void test_resize_stty(void **state)
{
	struct term *t = start_sh(24, 80, "stty size; read x; stty size; read y", NULL);

	*state = t;
	assert_non_null(t);
	assert_true(term_wait_text(t, "24 80", WAIT_MS));
	term_resize(t, 30, 100);
	term_type(t, "\r");
	assert_true(term_wait_text(t, "30 100", WAIT_MS));
	assert_row(t, 0, "24 80");
}

/* The program gets SIGWINCH when the terminal is resized. */
static void test_resize_sigwinch(void **state)
{
	struct term *t = start_sh(24, 80,
		"trap 'echo \"winch $(stty size)\"' WINCH; echo ready; "
		"while :; do read x || exit; done", NULL);

	*state = t;
	assert_non_null(t);
	assert_true(term_wait_text(t, "ready", WAIT_MS));
	term_resize(t, 12, 50);
	assert_true(term_wait_text(t, "winch 12 50", WAIT_MS));
}

/* Waiting for text that never comes returns false at the timeout. */
static void test_timeout(void **state)
{
	struct term *t = start_sh(24, 80, "echo hi; read x", NULL);
	int64_t t0, took;

	*state = t;
	assert_non_null(t);
	assert_true(term_wait_text(t, "hi", WAIT_MS));
	t0 = now_ms();
	assert_false(term_wait_text(t, "never shown", 200));
	took = now_ms() - t0;
	assert_true(took >= 200);
	assert_true(took < 1000);
	t0 = now_ms();
	assert_false(term_wait_gone(t, "hi", 200));
	took = now_ms() - t0;
	assert_true(took >= 200);
	assert_true(took < 1000);
}

/* Waiting fails at once when the program has exited without the text. */
static void test_wait_after_exit(void **state)
{
	struct term *t = start_sh(24, 80, "echo bye", NULL);
	int64_t t0;
	int status = -1;

	*state = t;
	assert_non_null(t);
	assert_true(term_wait_exit(t, WAIT_MS, &status));
	assert_int_equal(status, 0);
	assert_true(term_has_text(t, "bye"));
	t0 = now_ms();
	assert_false(term_wait_text(t, "never shown", WAIT_MS));
	assert_true(now_ms() - t0 < 1000);
}

/* term_wait_gone sees text disappear. */
static void test_wait_gone(void **state)
{
	struct term *t = start_sh(24, 80,
		"echo 'old text'; read x; printf '\\033[H\\033[2Jnew'; read y", NULL);

	*state = t;
	assert_non_null(t);
	assert_true(term_wait_text(t, "old text", WAIT_MS));
	term_type(t, "\n");
	assert_true(term_wait_gone(t, "old text", WAIT_MS));
	assert_true(term_has_text(t, "new"));
}

/* term_bytes counts exactly what the program wrote. */
static void test_bytes(void **state)
{
	struct term *t = start_sh(24, 80,
		"stty -echo; printf 0123456789; read x; printf ABCDE; read y", NULL);

	*state = t;
	assert_non_null(t);
	assert_true(term_wait_text(t, "0123456789", WAIT_MS));
	assert_int_equal(term_bytes(t), 10);
	term_reset_bytes(t);
	assert_int_equal(term_bytes(t), 0);
	term_type(t, "x\r");
	assert_true(term_wait_text(t, "ABCDE", WAIT_MS));
	assert_int_equal(term_bytes(t), 5);
}

/* term_text_bytes counts the text shown, never cursor moves, charset and
 * mode sequences or control characters; the cursor's visibility and place
 * are read back. */
static void test_text_bytes_and_cursor(void **state)
{
	struct term *t = start_sh(24, 80,
		"stty -echo; printf '\\033[3;5Hab\\033(B\\033[0;1mc\\r\\n\\033>\\303\\251\\033[?25l'; "
		"read x", NULL);

	*state = t;
	assert_non_null(t);
	assert_true(term_wait_text(t, "abc", WAIT_MS));
	assert_true(term_wait_text(t, "\303\251", WAIT_MS));
	int row = -1, col = -1;
	assert_false(term_cursor(t, &row, &col));
	assert_int_equal(row, 3);
	assert_int_equal(col, 1);
	/* a, b, c and the two bytes of e-acute. */
	assert_int_equal(term_text_bytes(t), 5);
	assert_true(term_bytes(t) > 20);
}

/* term_settle returns after the quiet time when nothing more is written. */
static void test_settle(void **state)
{
	struct term *t = start_sh(24, 80, "echo done; read x", NULL);
	int64_t t0, took;

	*state = t;
	assert_non_null(t);
	assert_true(term_wait_text(t, "done", WAIT_MS));
	term_reset_bytes(t);
	t0 = now_ms();
	term_settle(t, 100);
	took = now_ms() - t0;
	assert_true(took >= 100);
	assert_true(took < 1000);
	assert_int_equal(term_bytes(t), 0);
}

/* A program that cannot be executed makes term_start return NULL. */
static void test_exec_failure(void **state)
{
	char *argv[] = { "/nonexistent/taimako", NULL };
	struct term *t = term_start(24, 80, argv, NULL);

	*state = t;
	assert_null(t);
}

/* A signal's number comes back as 128 + signal. */
static void test_signal(void **state)
{
	struct term *t = start_sh(24, 80, "echo ready; read x", NULL);
	int status = -1;

	*state = t;
	assert_non_null(t);
	assert_true(term_wait_text(t, "ready", WAIT_MS));
	term_signal(t, SIGTERM);
	assert_true(term_wait_exit(t, WAIT_MS, &status));
	assert_int_equal(status, 128 + SIGTERM);
}

/* Ctrl+D ends input and Ctrl+C interrupts, through the terminal driver. */
static void test_ctrl(void **state)
{
	struct term *t = start_sh(24, 80, "echo ready; read x; echo \"rc=$?\"; read y", NULL);
	int status = -1;

	*state = t;
	assert_non_null(t);
	assert_true(term_wait_text(t, "ready", WAIT_MS));
	term_ctrl(t, 'd');
	assert_true(term_wait_text(t, "rc=1", WAIT_MS));
	term_ctrl(t, 'C');
	assert_true(term_wait_exit(t, WAIT_MS, &status));
	assert_int_equal(status, 128 + SIGINT);
}

/* Special keys give the expected sequences in normal cursor mode. */
static void test_keys_normal_mode(void **state)
{
	struct term *t = start_sh(24, 80, "stty -echo; echo ready; exec cat -v", NULL);

	*state = t;
	assert_non_null(t);
	assert_true(term_wait_text(t, "ready", WAIT_MS));
	term_key(t, TK_UP);
	term_key(t, TK_HOME);
	term_key(t, TK_F1);
	term_key(t, TK_F5);
	term_key(t, TK_BACKTAB);
	term_key(t, TK_DEL);
	term_key(t, TK_PGUP);
	term_key(t, TK_ESC);
	term_key(t, TK_ENTER);
	assert_true(term_wait_text(t, "^[[A^[[H^[OP^[[15~^[[Z^[[3~^[[5~^[", WAIT_MS));
}

/* Keys arrive in an ncurses program as the curses keys they stand for. */
static void test_fixture_keys(void **state)
{
	static const struct {
		enum term_key key;
		const char *want;
	} cases[] = {
		{ TK_UP, "KEY_UP" }, { TK_DOWN, "KEY_DOWN" },
		{ TK_LEFT, "KEY_LEFT" }, { TK_RIGHT, "KEY_RIGHT" },
		{ TK_HOME, "KEY_HOME" }, { TK_END, "KEY_END" },
		{ TK_PGUP, "KEY_PPAGE" }, { TK_PGDN, "KEY_NPAGE" },
		{ TK_INS, "KEY_IC" }, { TK_DEL, "KEY_DC" },
		{ TK_BACKTAB, "KEY_BTAB" }, { TK_BACKSPACE, "KEY_BACKSPACE" },
		{ TK_TAB, "U+0009 ^I" }, { TK_ENTER, "U+000A ^J" },
		{ TK_ESC, "U+001B ^[" },
		{ TK_F1, "KEY_F(1)" }, { TK_F2, "KEY_F(2)" }, { TK_F3, "KEY_F(3)" },
		{ TK_F4, "KEY_F(4)" }, { TK_F5, "KEY_F(5)" }, { TK_F6, "KEY_F(6)" },
		{ TK_F7, "KEY_F(7)" }, { TK_F8, "KEY_F(8)" }, { TK_F9, "KEY_F(9)" },
		{ TK_F10, "KEY_F(10)" }, { TK_F11, "KEY_F(11)" }, { TK_F12, "KEY_F(12)" },
	};
	struct term *t = start_fixture(24, 80);
	char want[64];
	int n = 0, status = -1;

	*state = t;
	assert_non_null(t);
	assert_true(term_wait_text(t, "ready 24x80", WAIT_MS));
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		term_key(t, cases[i].key);
		snprintf(want, sizeof want, "[#%d %s]", ++n, cases[i].want);
		assert_true(term_wait_text(t, want, WAIT_MS));
	}
	term_type(t, "é");
	snprintf(want, sizeof want, "[#%d U+00E9 é]", ++n);
	assert_true(term_wait_text(t, want, WAIT_MS));
	term_type(t, "漢");
	snprintf(want, sizeof want, "[#%d U+6F22 漢]", ++n);
	assert_true(term_wait_text(t, want, WAIT_MS));
	term_ctrl(t, 'a');
	snprintf(want, sizeof want, "[#%d U+0001 ^A]", ++n);
	assert_true(term_wait_text(t, want, WAIT_MS));
	term_type(t, "q");
	assert_true(term_wait_exit(t, WAIT_MS, &status));
	assert_int_equal(status, 0);
}

/* An ncurses program gets KEY_RESIZE with the new size. */
static void test_fixture_resize(void **state)
{
	struct term *t = start_fixture(24, 80);

	*state = t;
	assert_non_null(t);
	assert_true(term_wait_text(t, "ready 24x80", WAIT_MS));
	term_resize(t, 20, 60);
	assert_true(term_wait_text(t, "[#1 KEY_RESIZE 20x60]", WAIT_MS));
	term_resize(t, 40, 132);
	assert_true(term_wait_text(t, "[#2 KEY_RESIZE 40x132]", WAIT_MS));
	term_key(t, TK_UP);
	assert_true(term_wait_text(t, "[#3 KEY_UP]", WAIT_MS));
}

/* term_free ends a program that ignores SIGTERM. */
static void test_free_stubborn(void **state)
{
	struct term *t = start_sh(24, 80,
		"trap '' TERM HUP; echo ready; while :; do read x; done", NULL);
	int64_t t0;

	*state = t;
	assert_non_null(t);
	assert_true(term_wait_text(t, "ready", WAIT_MS));
	t0 = now_ms();
	term_free(&t);
	*state = NULL;
	assert_null(t);
	assert_true(now_ms() - t0 < 4000);
}

/* Finds fixture_keys: $FIXTURE_KEYS or next to this test binary. */
static void find_fixture(void)
{
	const char *env = getenv("FIXTURE_KEYS");
	ssize_t n;
	char *slash;

	if (env) {
		snprintf(fixture_keys, sizeof fixture_keys, "%s", env);
		return;
	}
	n = readlink("/proc/self/exe", fixture_keys, sizeof fixture_keys - 32);
	if (n < 0)
		n = 0;
	fixture_keys[n] = '\0';
	slash = strrchr(fixture_keys, '/');
	snprintf(slash ? slash + 1 : fixture_keys, 32, "fixture_keys");
}

/* Runs the harness self-tests. */
int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_hello_type_exit, teardown),
		cmocka_unit_test_teardown(test_env, teardown),
		cmocka_unit_test_teardown(test_utf8_wide, teardown),
		cmocka_unit_test_teardown(test_screen_lines, teardown),
		cmocka_unit_test_teardown(test_resize_stty, teardown),
		cmocka_unit_test_teardown(test_resize_sigwinch, teardown),
		cmocka_unit_test_teardown(test_timeout, teardown),
		cmocka_unit_test_teardown(test_wait_after_exit, teardown),
		cmocka_unit_test_teardown(test_wait_gone, teardown),
		cmocka_unit_test_teardown(test_bytes, teardown),
		cmocka_unit_test_teardown(test_text_bytes_and_cursor, teardown),
		cmocka_unit_test_teardown(test_settle, teardown),
		cmocka_unit_test_teardown(test_exec_failure, teardown),
		cmocka_unit_test_teardown(test_signal, teardown),
		cmocka_unit_test_teardown(test_ctrl, teardown),
		cmocka_unit_test_teardown(test_keys_normal_mode, teardown),
		cmocka_unit_test_teardown(test_fixture_keys, teardown),
		cmocka_unit_test_teardown(test_fixture_resize, teardown),
		cmocka_unit_test_teardown(test_free_stubborn, teardown),
	};

	find_fixture();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
