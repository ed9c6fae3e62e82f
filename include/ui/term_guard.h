#ifndef TAIMAKO_UI_TERM_GUARD_H
#define TAIMAKO_UI_TERM_GUARD_H
/* Leaving the screens never leaves a record on the terminal: terminals
 * without an alternate screen (vt100, linux) keep showing the last screen
 * after the program ends, on a terminal the next person uses. Every way
 * out blanks it first: the normal end, exit() from anywhere, and fatal
 * signals (which also give the terminal its modes back). */

/* Called once curses runs: notes the terminal's clear sequence and modes,
 * and installs the exit and fatal-signal guards. */
void term_guard_arm(void);

/* Blanks the terminal and ends curses (instead of a bare endwin()). */
void term_guard_leave(void);

#endif
