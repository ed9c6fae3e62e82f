/* Blanking the terminal on every way out of the screens. */
#include <curses.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <termios.h>
#include <unistd.h>

#include "ui/term_guard.h"

static bool armed;               /* curses runs */
static char clear_seq[64];       /* the terminal's clear, without padding */
static size_t clear_len;
static struct termios shell_modes;
static bool have_modes;

/* Copies the terminal's "clear" capability without its $<n> delays. */
static void note_clear_sequence(void)
{
	const char *cl = tigetstr("clear");
	if (!cl || cl == (const char *)-1)
		cl = "\033[H\033[2J";
	clear_len = 0;
	for (const char *p = cl; *p && clear_len < sizeof clear_seq - 1; p++) {
		if (p[0] == '$' && p[1] == '<') {
			const char *end = strchr(p, '>');
			if (end) {
				p = end;
				continue;
			}
		}
		clear_seq[clear_len++] = *p;
	}
}

/* A fatal signal: blanks the screen, gives the terminal back its modes,
 * and dies of the same signal. Only async-signal-safe calls. */
static void on_fatal(int sig)
{
	if (armed) {
		ssize_t w = write(STDOUT_FILENO, clear_seq, clear_len);
		(void)w;
		if (have_modes)
			tcsetattr(STDIN_FILENO, TCSANOW, &shell_modes);
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

/* exit() called while the screens run. */
static void at_exit(void)
{
	if (armed)
		term_guard_leave();
}

void term_guard_arm(void)
{
	static bool once;
	note_clear_sequence();
	/* The shell's modes, as curses saved them when it started. */
	reset_shell_mode();
	have_modes = tcgetattr(STDIN_FILENO, &shell_modes) == 0;
	reset_prog_mode();
	armed = true;
	if (once)
		return;
	once = true;
	atexit(at_exit);
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_fatal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESETHAND;
	const int fatal[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT };
	for (size_t i = 0; i < sizeof fatal / sizeof fatal[0]; i++)
		sigaction(fatal[i], &sa, NULL);
}

void term_guard_leave(void)
{
	if (!armed)
		return;
	armed = false;
	/* clear() makes the next refresh send the terminal's clear sequence. */
	clear();
	refresh();
	endwin();
}
