#ifndef TAIMAKO_TEST_HARNESS_H
#define TAIMAKO_TEST_HARNESS_H
/* End-to-end test harness: runs a program in a pseudo-terminal of a fixed
 * size, feeds what it writes to a libvterm emulator, and reads the screen
 * back as text. Keys go through the emulator so that arrows and function
 * keys arrive in the mode the program asked for. Synchronisation is by
 * waiting for text with a timeout, never by sleeping. */
#include <stdbool.h>
#include <stddef.h>

struct term;

enum term_key {
	TK_ENTER, TK_TAB, TK_BACKTAB, TK_BACKSPACE, TK_ESC,
	TK_UP, TK_DOWN, TK_LEFT, TK_RIGHT,
	TK_HOME, TK_END, TK_PGUP, TK_PGDN, TK_INS, TK_DEL,
	TK_F1, TK_F2, TK_F3, TK_F4, TK_F5, TK_F6,
	TK_F7, TK_F8, TK_F9, TK_F10, TK_F11, TK_F12,
};

/* Starts argv[0] (a path) with argv in a rows x cols pseudo-terminal. The
 * child gets the parent's environment plus each "NAME=value" of env (NULL-
 * terminated, may be NULL); TERM defaults to xterm unless env sets it.
 * Returns NULL (with a message on stderr) when it cannot start. */
struct term *term_start(int rows, int cols, char *const argv[], char *const env[]);

/* Waits until text (UTF-8) appears anywhere on the screen. Returns true when
 * it did within timeout_ms; on timeout prints the screen to stderr with the
 * text it waited for, and returns false. */
bool term_wait_text(struct term *t, const char *text, int timeout_ms);

/* Waits until text is no longer on the screen; false (with a dump) on timeout. */
bool term_wait_gone(struct term *t, const char *text, int timeout_ms);

/* True when text is on the screen now (after reading pending output). */
bool term_has_text(struct term *t, const char *text);

/* The screen as UTF-8, one line per row joined by '\n', trailing blanks of
 * each row removed. The caller frees it. */
char *term_screen(struct term *t);

/* The text of one row (0-based), trailing blanks removed; caller frees. */
char *term_row(struct term *t, int row);

/* Sets *row and *col (0-based) to the cursor's place after reading pending
 * output; true when the cursor shows. */
bool term_cursor(struct term *t, int *row, int *col);

/* Prints the screen, framed, to stderr (for failed assertions). */
void term_dump(struct term *t, const char *why);

/* Types UTF-8 text as keystrokes. */
void term_type(struct term *t, const char *utf8);

/* Sends one special key through the emulator. */
void term_key(struct term *t, enum term_key key);

/* Sends Ctrl+c (c a letter, any case). */
void term_ctrl(struct term *t, char c);

/* Changes the terminal size (the program gets SIGWINCH). */
void term_resize(struct term *t, int rows, int cols);

/* Bytes the program has written to the terminal since start or the last
 * term_reset_bytes. */
size_t term_bytes(const struct term *t);
/* Of those, the bytes of text shown: not control characters, not escape
 * sequences (what any way of drawing the same screens must send). */
size_t term_text_bytes(const struct term *t);
void term_reset_bytes(struct term *t);

/* Reads output until the program has written nothing for quiet_ms. For byte
 * counting in benchmarks only; tests synchronise on text instead. */
void term_settle(struct term *t, int quiet_ms);

/* Waits for the program to exit. Returns true and sets *status (exit code,
 * or 128 + signal) when it did within timeout_ms. */
bool term_wait_exit(struct term *t, int timeout_ms, int *status);

/* Sends a signal to the program. */
void term_signal(struct term *t, int sig);

/* Kills the program if still running, frees everything, sets *t to NULL. */
void term_free(struct term **t);

#endif
