/* Test fixture for the harness self-test: an ncurses program that shows on
 * row 1 the name of each key it receives as "[#n NAME]"; 'q' quits.
 * A plain blocking wget_wch can miss a SIGWINCH that lands between its check
 * and its read(), so input is awaited with pselect, which unblocks SIGWINCH
 * only while it waits. */
#include <curses.h>
#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/select.h>
#include <wchar.h>

/* Shows the description of the n-th key on row 1. */
static void show(int n, const char *what)
{
	mvprintw(1, 0, "[#%d %s]", n, what);
	clrtoeol();
	refresh();
}

/* Waits for input or a signal, with SIGWINCH unblocked only meanwhile. */
static int wait_input(const sigset_t *during)
{
	fd_set in;

	FD_ZERO(&in);
	FD_SET(0, &in);
	if (pselect(1, &in, NULL, NULL, NULL, during) < 0 && errno != EINTR)
		return -1;
	return 0;
}

/* Runs the key loop until 'q'. */
int main(void)
{
	sigset_t winch, during;
	int n = 0;

	setlocale(LC_ALL, "");
	initscr();
	raw();
	noecho();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	sigemptyset(&winch);
	sigaddset(&winch, SIGWINCH);
	sigprocmask(SIG_BLOCK, &winch, &during);
	mvprintw(0, 0, "ready %dx%d", LINES, COLS);
	refresh();
	for (;;) {
		char desc[64];
		wint_t wc;
		int r = wget_wch(stdscr, &wc);

		if (r == ERR) {
			if (wait_input(&during) == 0)
				continue;
			endwin();
			perror("fixture_keys: pselect");
			return 2;
		}
		if (r == KEY_CODE_YES && wc == KEY_RESIZE) {
			snprintf(desc, sizeof desc, "KEY_RESIZE %dx%d", LINES, COLS);
		} else if (r == KEY_CODE_YES) {
			const char *name = keyname((int)wc);

			snprintf(desc, sizeof desc, "%s", name ? name : "?");
		} else if (r == OK && wc == L'q') {
			break;
		} else {
			const char *name = key_name((wchar_t)wc);

			snprintf(desc, sizeof desc, "U+%04X %s", (unsigned)wc, name ? name : "?");
		}
		show(++n, desc);
	}
	endwin();
	return 0;
}
