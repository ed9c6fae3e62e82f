#ifndef TAIMAKO_TEST_SESSION_H
#define TAIMAKO_TEST_SESSION_H
/* Helpers for end-to-end tests of the real taimako binary: a fresh folder
 * with a demo database per test, starting the program in a pseudo-terminal
 * and signing in. The binary and its catalogues come from $TAIMAKO and
 * $TAIMAKO_LOCALEDIR (set by make check). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harness.h"

#define WAIT_MS 8000

struct session {
	char dir[256];
	char db[300];
	char env_localedir[512];
	char env_db[400];
	struct term *t;
};

/* The binary under test. */
static inline const char *taimako_bin(void)
{
	const char *b = getenv("TAIMAKO");
	return b && *b ? b : "./taimako";
}

/* A new folder for this test, and the path of its database. */
static inline struct session *session_new(void)
{
	struct session *s = calloc(1, sizeof *s);
	const char *base = getenv("TMPDIR");
	snprintf(s->dir, sizeof s->dir, "%s/taimako-e2e-XXXXXX", base && *base ? base : "/tmp");
	assert_non_null(mkdtemp(s->dir));
	snprintf(s->db, sizeof s->db, "%s/t.db", s->dir);
	const char *ld = getenv("TAIMAKO_LOCALEDIR");
	snprintf(s->env_localedir, sizeof s->env_localedir, "TAIMAKO_LOCALEDIR=%s", ld ? ld : "build/locale");
	snprintf(s->env_db, sizeof s->env_db, "TAIMAKO_DB=%s", s->db);
	return s;
}

/* Ends the program if running and removes the folder. */
static inline void session_free(struct session **sp)
{
	struct session *s = *sp;
	if (!s)
		return;
	term_free(&s->t);
	char cmd[400];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", s->dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", s->dir);
	free(s);
	*sp = NULL;
}

/* Runs taimako with args (NULL-terminated) and stdin_text on its standard
 * input, without a terminal; returns its exit status. Output goes to out
 * (may be NULL). */
static inline int run_cli(struct session *s, const char *stdin_text, char *out, size_t outsz, ...)
{
	char cmd[2048];
	int n = snprintf(cmd, sizeof cmd, "cd '%s' && printf '%%s' '%s' | LANG=C.UTF-8 %s '%s'",
	                 s->dir, stdin_text ? stdin_text : "", s->env_localedir, taimako_bin());
	va_list ap;
	va_start(ap, outsz);
	for (const char *a; (a = va_arg(ap, const char *)) != NULL;)
		n += snprintf(cmd + n, sizeof cmd - (size_t)n, " '%s'", a);
	va_end(ap);
	snprintf(cmd + n, sizeof cmd - (size_t)n, " 2>&1");
	FILE *p = popen(cmd, "r");
	assert_non_null(p);
	size_t got = 0;
	char buf[512];
	size_t r;
	while ((r = fread(buf, 1, sizeof buf, p)) > 0) {
		if (out && got + r < outsz) {
			memcpy(out + got, buf, r);
			got += r;
		}
	}
	if (out)
		out[got] = '\0';
	int st = pclose(p);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128;
}

/* Creates the demo database of this session. */
static inline void session_demo(struct session *s)
{
	char out[1024];
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "demo", (char *)NULL), 0);
}

/* Starts the screens on the session's database in a rows x cols terminal
 * with TERM term, the default (French) language, and extra (a
 * "NAME=value" environment entry, or NULL). */
static inline void session_start_with(struct session *s, int rows, int cols, const char *term,
                                      const char *extra)
{
	char term_env[64];
	snprintf(term_env, sizeof term_env, "TERM=%s", term);
	char *argv[] = { (char *)taimako_bin(), "--db", s->db, NULL };
	char *env[] = { s->env_localedir, "LANG=C.UTF-8", "LANGUAGE=", "LC_ALL=", "LC_MESSAGES=",
	                "TAIMAKO_CONFIG=", term_env, (char *)extra, NULL };
	s->t = term_start(rows, cols, argv, env);
	assert_non_null(s->t);
}

/* The same with nothing extra. */
static inline void session_start(struct session *s, int rows, int cols, const char *term)
{
	session_start_with(s, rows, cols, term, NULL);
}

/* Waits for the login screen, its password label in the language shown
 * ("Mot de passe" or "Password"), then signs in. */
static inline void session_login_as(struct session *s, const char *label, const char *name,
                                    const char *password)
{
	assert_true(term_wait_text(s->t, label, WAIT_MS));
	term_type(s->t, name);
	term_key(s->t, TK_ENTER);
	term_type(s->t, password);
	term_key(s->t, TK_ENTER);
}

/* Signs in on the login screen shown in French. */
#define session_login(s, name, password) session_login_as((s), "Mot de passe", (name), (password))

/* Asserts that text shows within the time limit (the screen is printed if not). */
#define assert_screen(s, text) assert_true(term_wait_text((s)->t, (text), WAIT_MS))
#define assert_screen_gone(s, text) assert_true(term_wait_gone((s)->t, (text), WAIT_MS))

#endif
