/* Unit tests for src/core/config.c (parsing) and src/cli/config_load.c
 * (finding, reading and layering the files). */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* mkdtemp, setenv */
#endif

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "cli/config_load.h"
#include "core/config.h"

/* The message ids the parser returns, spelled as in the source. */
#define MSG_UNKNOWN "unknown key"
#define MSG_NO_EQ "missing '=': lines must read key = value"
#define MSG_EMPTY "empty value"
#define MSG_DUP "duplicate key: it is already set on an earlier line"
#define MSG_LONG "line too long (more than 4096 bytes)"
#define MSG_DB "database must be an absolute path or start with ~/"
#define MSG_IDLE "idle_lock_minutes must be a whole number from 0 to 1440"
#define MSG_FAIL "lockout_failures must be a whole number from 1 to 100"
#define MSG_LOCK "lockout_minutes must be a whole number from 1 to 1440"
#define MSG_CTRL "control character in the line: only printable text and tabs are allowed"
#define MSG_CC "phone_country_code must be a country calling code: 1 to 3 digits, not starting with 0"

/* Macros rather than functions so a failure points at the test's line. */
#define assert_parse_ok(c, text)                                           \
	do {                                                               \
		int ln_ = -1;                                              \
		const char *m_ = "unset";                                  \
		assert_int_equal(config_parse((c), (text), &ln_, &m_), ST_OK); \
		assert_int_equal(ln_, 0);                                  \
		assert_null(m_);                                           \
	} while (0)

/* Checks that text fails on line `line` with message id msg, and that the
 * config it was parsed over is left exactly as it was. */
#define assert_parse_fails(text, line, msg)                                \
	do {                                                               \
		struct config c_, before_;                                 \
		int ln_ = -1;                                              \
		const char *m_ = NULL;                                     \
		config_defaults(&c_);                                      \
		strcpy(c_.db_path, "/before.db");                          \
		c_.idle_lock_minutes = 7;                                  \
		before_ = c_;                                              \
		assert_int_equal(config_parse(&c_, (text), &ln_, &m_), ST_INVALID); \
		assert_int_equal(ln_, (line));                             \
		assert_non_null(m_);                                       \
		assert_string_equal(m_, (msg));                            \
		assert_memory_equal(&c_, &before_, sizeof c_);             \
	} while (0)

/* The temporary folder the loader tests work in. */
static char tmp_dir[] = "/tmp/taimako-test-config-XXXXXX";

/* ---- parsing ------------------------------------------------------------ */

/* The built-in defaults. */
static void test_defaults(void **state)
{
	struct config c;

	(void)state;
	memset(&c, 0x5a, sizeof c);
	config_defaults(&c);
	assert_string_equal(c.db_path, "");
	assert_int_equal(c.idle_lock_minutes, 10);
	assert_int_equal(c.lockout_failures, 5);
	assert_int_equal(c.lockout_minutes, 15);
}

/* Empty text and text of only comments change nothing. */
static void test_empty_text_changes_nothing(void **state)
{
	struct config c, d;

	(void)state;
	config_defaults(&c);
	d = c;
	assert_parse_ok(&c, "");
	assert_parse_ok(&c, "\n\n");
	assert_parse_ok(&c, "# only a comment\n");
	assert_memory_equal(&c, &d, sizeof c);
}

/* Every key, each at a value other than its default. */
static void test_every_key(void **state)
{
	struct config c;

	(void)state;
	config_defaults(&c);
	assert_parse_ok(&c, "database = /srv/taimako/centre.db\n"
			    "idle_lock_minutes = 30\n"
			    "lockout_failures = 3\n"
			    "lockout_minutes = 60\n");
	assert_string_equal(c.db_path, "/srv/taimako/centre.db");
	assert_int_equal(c.idle_lock_minutes, 30);
	assert_int_equal(c.lockout_failures, 3);
	assert_int_equal(c.lockout_minutes, 60);
}

/* The country code of phone numbers written without one: 227 (Niger)
 * unless set; 1 to 3 digits, not starting with 0. */
static void test_phone_country_code(void **state)
{
	struct config c;

	(void)state;
	config_defaults(&c);
	assert_string_equal(c.phone_country_code, "227");
	assert_parse_ok(&c, "phone_country_code = 223\n");
	assert_string_equal(c.phone_country_code, "223");
	assert_parse_ok(&c, "phone_country_code = 1\n");
	assert_string_equal(c.phone_country_code, "1");
	assert_parse_fails("phone_country_code = +227\n", 1, MSG_CC);
	assert_parse_fails("phone_country_code = 0227\n", 1, MSG_CC);
	assert_parse_fails("phone_country_code = 2270\n", 1, MSG_CC);
	assert_parse_fails("phone_country_code = 22774548617\n", 1, MSG_CC);
	assert_parse_fails("phone_country_code = 22 7\n", 1, MSG_CC);
	assert_parse_fails("phone_country_code = niger\n", 1, MSG_CC);
}

/* The ends of each range are accepted; 0 turns the idle lock off. */
static void test_range_limits_accepted(void **state)
{
	struct config c;

	(void)state;
	config_defaults(&c);
	assert_parse_ok(&c, "idle_lock_minutes = 0\nlockout_failures = 1\nlockout_minutes = 1\n");
	assert_int_equal(c.idle_lock_minutes, 0);
	assert_int_equal(c.lockout_failures, 1);
	assert_int_equal(c.lockout_minutes, 1);
	assert_parse_ok(&c, "idle_lock_minutes = 1440\nlockout_failures = 100\nlockout_minutes = 1440\n");
	assert_int_equal(c.idle_lock_minutes, 1440);
	assert_int_equal(c.lockout_failures, 100);
	assert_int_equal(c.lockout_minutes, 1440);
	assert_parse_ok(&c, "lockout_failures = 007\n");
	assert_int_equal(c.lockout_failures, 7);
}

/* "~/" is kept as is for the loader; '#' and blanks inside a path stay. */
static void test_database_forms(void **state)
{
	struct config c;

	(void)state;
	config_defaults(&c);
	assert_parse_ok(&c, "database = ~/taimako/centre.db\n");
	assert_string_equal(c.db_path, "~/taimako/centre.db");
	assert_parse_ok(&c, "database = /data/centre #2/main.db \n");
	assert_string_equal(c.db_path, "/data/centre #2/main.db");
}

/* A second parse only replaces what it sets. */
static void test_later_text_replaces_only_what_it_sets(void **state)
{
	struct config c;

	(void)state;
	config_defaults(&c);
	assert_parse_ok(&c, "database = /a.db\nidle_lock_minutes = 20\n");
	assert_parse_ok(&c, "idle_lock_minutes = 25\nlockout_minutes = 5\n");
	assert_string_equal(c.db_path, "/a.db");
	assert_int_equal(c.idle_lock_minutes, 25);
	assert_int_equal(c.lockout_failures, 5);
	assert_int_equal(c.lockout_minutes, 5);
}

/* Blanks around key and value, none at all, tabs; comments and blank
 * lines anywhere. */
static void test_blanks_and_comments(void **state)
{
	struct config c;

	(void)state;
	config_defaults(&c);
	assert_parse_ok(&c, "# Taimako settings\n"
			    "\n"
			    "   \t\n"
			    "  # indented comment = not a key\n"
			    "idle_lock_minutes=11\n"
			    "\tlockout_failures\t=\t4\t\n"
			    "   lockout_minutes   =   9   \n"
			    "#database = relative\n");
	assert_int_equal(c.idle_lock_minutes, 11);
	assert_int_equal(c.lockout_failures, 4);
	assert_int_equal(c.lockout_minutes, 9);
	assert_string_equal(c.db_path, "");
}

/* CRLF line ends, including a blank CRLF line and a CR before the end. */
static void test_crlf(void **state)
{
	struct config c;

	(void)state;
	config_defaults(&c);
	assert_parse_ok(&c, "# comment\r\n\r\ndatabase = /x.db\r\nidle_lock_minutes = 12\r\n");
	assert_string_equal(c.db_path, "/x.db");
	assert_int_equal(c.idle_lock_minutes, 12);
	assert_parse_ok(&c, "lockout_minutes = 13\r");
	assert_int_equal(c.lockout_minutes, 13);
}

/* A UTF-8 BOM at the start is skipped; anywhere else it is not. */
static void test_bom(void **state)
{
	struct config c;

	(void)state;
	config_defaults(&c);
	assert_parse_ok(&c, "\xEF\xBB\xBFidle_lock_minutes = 3\n");
	assert_int_equal(c.idle_lock_minutes, 3);
	assert_parse_ok(&c, "\xEF\xBB\xBF# comment\r\nlockout_failures = 8");
	assert_int_equal(c.lockout_failures, 8);
	assert_parse_ok(&c, "\xEF\xBB\xBF");
	assert_parse_fails("\n\xEF\xBB\xBFidle_lock_minutes = 3\n", 2, MSG_UNKNOWN);
}

/* The last line needs no line end. */
static void test_no_final_newline(void **state)
{
	struct config c;

	(void)state;
	config_defaults(&c);
	assert_parse_ok(&c, "idle_lock_minutes = 1\nlockout_minutes = 2");
	assert_int_equal(c.idle_lock_minutes, 1);
	assert_int_equal(c.lockout_minutes, 2);
	assert_parse_ok(&c, "database = /no/newline.db");
	assert_string_equal(c.db_path, "/no/newline.db");
	assert_parse_fails("idle_lock_minutes = 1\nbogus = 2", 2, MSG_UNKNOWN);
}

/* line and msgid may be NULL. */
static void test_null_line_and_msgid(void **state)
{
	struct config c;

	(void)state;
	config_defaults(&c);
	assert_int_equal(config_parse(&c, "idle_lock_minutes = 4\n", NULL, NULL), ST_OK);
	assert_int_equal(c.idle_lock_minutes, 4);
	assert_int_equal(config_parse(&c, "nope = 1\n", NULL, NULL), ST_INVALID);
	assert_int_equal(c.idle_lock_minutes, 4);
}

/* Unknown keys, also wrong case, an empty key and a key with a blank. */
static void test_error_unknown_key(void **state)
{
	(void)state;
	assert_parse_fails("colour = blue\n", 1, MSG_UNKNOWN);
	assert_parse_fails("# c\n\nidle_lock_minutes = 5\nDatabase = /x.db\n", 4, MSG_UNKNOWN);
	assert_parse_fails("= 5\n", 1, MSG_UNKNOWN);
	assert_parse_fails("idle lock_minutes = 5\n", 1, MSG_UNKNOWN);
}

/* A line that is not a comment and has no '='. */
static void test_error_missing_equals(void **state)
{
	(void)state;
	assert_parse_fails("idle_lock_minutes 5\n", 1, MSG_NO_EQ);
	assert_parse_fails("lockout_failures = 2\r\n\r\ndatabase\r\n", 3, MSG_NO_EQ);
	assert_parse_fails("; ini comment\n", 1, MSG_NO_EQ);
}

/* A key with nothing, or only blanks, after '='. */
static void test_error_empty_value(void **state)
{
	(void)state;
	assert_parse_fails("database =\n", 1, MSG_EMPTY);
	assert_parse_fails("\n\nidle_lock_minutes = \t \n", 3, MSG_EMPTY);
	assert_parse_fails("lockout_failures=", 1, MSG_EMPTY);
	assert_parse_fails("lockout_minutes =\r\n", 1, MSG_EMPTY);
}

/* Anything but plain digits, for each numeric key. */
static void test_error_not_a_whole_number(void **state)
{
	(void)state;
	assert_parse_fails("idle_lock_minutes = ten\n", 1, MSG_IDLE);
	assert_parse_fails("idle_lock_minutes = -1\n", 1, MSG_IDLE);
	assert_parse_fails("idle_lock_minutes = +5\n", 1, MSG_IDLE);
	assert_parse_fails("idle_lock_minutes = 1.5\n", 1, MSG_IDLE);
	assert_parse_fails("idle_lock_minutes = 0x10\n", 1, MSG_IDLE);
	assert_parse_fails("idle_lock_minutes = 1 0\n", 1, MSG_IDLE);
	assert_parse_fails("idle_lock_minutes = 10 # minutes\n", 1, MSG_IDLE);
	assert_parse_fails("\nlockout_failures = 5x\n", 2, MSG_FAIL);
	assert_parse_fails("\n\nlockout_minutes = 1e3\n", 3, MSG_LOCK);
}

/* Numbers just outside each range, and ones too big for an int. */
static void test_error_out_of_range(void **state)
{
	(void)state;
	assert_parse_fails("idle_lock_minutes = 1441\n", 1, MSG_IDLE);
	assert_parse_fails("idle_lock_minutes = 99999999999999999999999\n", 1, MSG_IDLE);
	assert_parse_fails("lockout_failures = 0\n", 1, MSG_FAIL);
	assert_parse_fails("# x\nlockout_failures = 101\n", 2, MSG_FAIL);
	assert_parse_fails("lockout_minutes = 0\n", 1, MSG_LOCK);
	assert_parse_fails("lockout_minutes = 1441\n", 1, MSG_LOCK);
	assert_parse_fails("lockout_minutes = 4294967297\n", 1, MSG_LOCK);
}

/* Relative paths, "~" alone and "~user/" are refused. */
static void test_error_database_not_absolute(void **state)
{
	(void)state;
	assert_parse_fails("database = taimako.db\n", 1, MSG_DB);
	assert_parse_fails("database = ./taimako.db\n", 1, MSG_DB);
	assert_parse_fails("database = ~\n", 1, MSG_DB);
	assert_parse_fails("database = ~user/taimako.db\n", 1, MSG_DB);
	assert_parse_fails("\n\n\n\ndatabase = ~taimako.db\n", 5, MSG_DB);
}

/* A key set twice in one text, even to the same value. */
static void test_error_duplicate_key(void **state)
{
	(void)state;
	assert_parse_fails("idle_lock_minutes = 5\nidle_lock_minutes = 5\n", 2, MSG_DUP);
	assert_parse_fails("database = /a.db\nlockout_minutes = 3\n# again\ndatabase = /b.db\n",
			   4, MSG_DUP);
}

/* Only the first bad line is reported; *c keeps none of the good lines
 * before it. */
static void test_first_error_wins_and_nothing_is_applied(void **state)
{
	(void)state;
	assert_parse_fails("database = /new.db\nidle_lock_minutes = 99\nbogus\nother = 1\n",
			   3, MSG_NO_EQ);
}

/* A control character (found by tests/fuzz/fuzz_config.c: a second CR
 * before the line end stayed at the end of the database path) is refused
 * wherever it is, comments included; a tab stays a blank. */
static void test_error_control_character(void **state)
{
	(void)state;
	assert_parse_fails("database=~/taimako.db\r\r\n", 1, MSG_CTRL);
	assert_parse_fails("idle_lock_minutes = 3\ndatabase = /a\x1b[2Jb\n", 2, MSG_CTRL);
	assert_parse_fails("# a comment \x07\n", 1, MSG_CTRL);
	assert_parse_fails("database = /a\x7f\n", 1, MSG_CTRL);
	assert_parse_fails("\rdatabase = /a\n", 1, MSG_CTRL);
	struct config c;
	config_defaults(&c);
	assert_parse_ok(&c, "database\t=\t/with\ttab\r\n");
	assert_string_equal(c.db_path, "/with\ttab");
}

/* Lines up to 4096 bytes (line end not counted) are fine, longer ones not,
 * comments included. */
static void test_error_line_too_long(void **state)
{
	enum { N = CONFIG_LINE_MAX };
	static char text[N + 64];
	struct config c;
	size_t klen = strlen("database = /");

	(void)state;
	config_defaults(&c);
	/* A database line of exactly N bytes, with CRLF: the longest path. */
	memcpy(text, "database = /", klen);
	memset(text + klen, 'a', N - klen);
	strcpy(text + N, "\r\n");
	assert_parse_ok(&c, text);
	assert_int_equal(strlen(c.db_path), N - klen + 1);
	assert_int_equal(c.db_path[0], '/');
	/* One byte more. */
	memcpy(text, "database = /", klen);
	memset(text + klen, 'a', N + 1 - klen);
	strcpy(text + N + 1, "\n");
	assert_parse_fails(text, 1, MSG_LONG);
	/* A long comment on line 2, without a final newline. */
	strcpy(text, "lockout_failures = 2\n");
	size_t start = strlen(text);
	memset(text + start, '#', N + 1);
	text[start + N + 1] = '\0';
	assert_parse_fails(text, 2, MSG_LONG);
	/* The same comment at exactly N bytes is fine. */
	text[start + N] = '\0';
	assert_parse_ok(&c, text);
	assert_int_equal(c.lockout_failures, 2);
}

/* ---- loading ------------------------------------------------------------ */

/* Writes len bytes of data to tmp_dir/name, creating parent folders one
 * level deep; returns the path in a static buffer per slot. */
static const char *write_file_n(int slot, const char *name, const char *data, size_t len)
{
	static char paths[4][512];
	char *path = paths[slot];
	FILE *f;

	snprintf(path, sizeof paths[0], "%s/%s", tmp_dir, name);
	char *slash = strrchr(path, '/');
	*slash = '\0';
	mkdir(path, 0700);
	*slash = '/';
	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
	return path;
}

/* write_file_n for a C string. */
static const char *write_file(int slot, const char *name, const char *text)
{
	return write_file_n(slot, name, text, strlen(text));
}

/* tmp_dir/name in a static buffer. */
static const char *tmp_path(const char *name)
{
	static char path[512];

	snprintf(path, sizeof path, "%s/%s", tmp_dir, name);
	return path;
}

/* Removes the files and folders the loader tests may have made. */
static void clean_tmp(void)
{
	static const char *const files[] = {
		"system.conf", "user.conf", "big.conf", "nul.conf", "locked.conf",
		"xdg/taimako/taimako.conf", "home/.config/taimako/taimako.conf",
	};
	static const char *const dirs[] = {
		"dir.conf", "xdg/taimako", "xdg", "home/.config/taimako", "home/.config", "home",
	};
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
		unlink(tmp_path(files[i]));
	for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++)
		rmdir(tmp_path(dirs[i]));
}

/* Each loader test starts with a clean folder and an empty home in it,
 * and no XDG_CONFIG_HOME or TAIMAKO_CONFIG. */
static int setup_load(void **state)
{
	(void)state;
	clean_tmp();
	if (mkdir(tmp_path("home"), 0700) != 0)
		return -1;
	setenv("HOME", tmp_path("home"), 1);
	unsetenv("XDG_CONFIG_HOME");
	unsetenv("TAIMAKO_CONFIG");
	return 0;
}

/* Removes what a loader test made. */
static int teardown_load(void **state)
{
	(void)state;
	chmod(tmp_path("locked.conf"), 0600);
	clean_tmp();
	return 0;
}

/* Makes the folder for the whole group. */
static int setup_group(void **state)
{
	(void)state;
	return mkdtemp(tmp_dir) ? 0 : -1;
}

/* Removes the folder of the whole group. */
static int teardown_group(void **state)
{
	(void)state;
	clean_tmp();
	return rmdir(tmp_dir);
}

/* No file anywhere: the defaults, and an empty err. */
static void test_load_missing_files_give_defaults(void **state)
{
	struct config c, d;
	char err[256] = "junk";

	(void)state;
	memset(&c, 0x5a, sizeof c);
	config_defaults(&d);
	assert_int_equal(config_load(&c, tmp_path("no-such.conf"), err, sizeof err), ST_OK);
	assert_string_equal(err, "");
	assert_memory_equal(&c, &d, sizeof c);
	/* A system path under a regular file (ENOTDIR) is missing too. */
	write_file(0, "system.conf", "");
	assert_int_equal(config_load(&c, tmp_path("system.conf/x"), err, sizeof err), ST_OK);
	/* Neither HOME nor XDG_CONFIG_HOME: no user file to look for. */
	unsetenv("HOME");
	assert_int_equal(config_load(&c, tmp_path("no-such.conf"), err, sizeof err), ST_OK);
	assert_memory_equal(&c, &d, sizeof c);
	/* err may be left out. */
	assert_int_equal(config_load(&c, tmp_path("no-such.conf"), NULL, 0), ST_OK);
}

/* The user file (TAIMAKO_CONFIG) overrides the system file key by key. */
static void test_load_later_file_overrides_earlier(void **state)
{
	struct config c;
	char err[256];

	(void)state;
	const char *sys = write_file(0, "system.conf",
				     "database = /srv/centre.db\nidle_lock_minutes = 5\nlockout_failures = 3\n");
	const char *user = write_file(1, "user.conf", "# mine\ndatabase = /home/me.db\n");
	setenv("TAIMAKO_CONFIG", user, 1);
	assert_int_equal(config_load(&c, sys, err, sizeof err), ST_OK);
	assert_string_equal(err, "");
	assert_string_equal(c.db_path, "/home/me.db");
	assert_int_equal(c.idle_lock_minutes, 5);
	assert_int_equal(c.lockout_failures, 3);
	assert_int_equal(c.lockout_minutes, 15);
	/* A user file that leaves database out keeps the system one. */
	write_file(1, "user.conf", "# nothing\n");
	assert_int_equal(config_load(&c, sys, err, sizeof err), ST_OK);
	assert_string_equal(c.db_path, "/srv/centre.db");
	assert_int_equal(c.idle_lock_minutes, 5);
}

/* What protects every account, and the keys of the shared database, come
 * from the system file only: a user's file that sets them is refused. */
static void test_load_user_file_cannot_weaken_security(void **state)
{
	struct config c, before;
	char err[512], want[700];
	static const char *const lines[] = { "lockout_failures = 8\n", "lockout_minutes = 1\n",
		                             "idle_lock_minutes = 0\n", "phone_country_code = 33\n" };

	(void)state;
	const char *sys = write_file(0, "system.conf", "lockout_failures = 5\nidle_lock_minutes = 10\n");
	for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
		config_defaults(&c);
		before = c;
		const char *user = write_file(1, "user.conf", lines[i]);
		setenv("TAIMAKO_CONFIG", user, 1);
		assert_int_equal(config_load(&c, sys, err, sizeof err), ST_INVALID);
		snprintf(want, sizeof want, "%s:1: %s", user,
		         "this key can be set only in the system configuration (/etc/taimako.conf)");
		assert_string_equal(err, want);
		assert_memory_equal(&c, &before, sizeof c);
	}
	/* The system file sets them all. */
	sys = write_file(0, "system.conf", "lockout_failures = 8\nlockout_minutes = 1\nidle_lock_minutes = 0\n"
	                 "phone_country_code = 33\n");
	setenv("TAIMAKO_CONFIG", write_file(1, "user.conf", "database = /home/me.db\n"), 1);
	assert_int_equal(config_load(&c, sys, err, sizeof err), ST_OK);
	assert_int_equal(c.lockout_failures, 8);
	assert_int_equal(c.idle_lock_minutes, 0);
	assert_string_equal(c.phone_country_code, "33");
}

/* The same key in the system and the user file is not a duplicate. */
static void test_load_same_key_in_two_files(void **state)
{
	struct config c;
	char err[256];

	(void)state;
	const char *sys = write_file(0, "system.conf", "database = /srv/a.db\n");
	setenv("TAIMAKO_CONFIG", write_file(1, "user.conf", "database = /srv/b.db\n"), 1);
	assert_int_equal(config_load(&c, sys, err, sizeof err), ST_OK);
	assert_string_equal(c.db_path, "/srv/b.db");
}

/* The user file is found under XDG_CONFIG_HOME, else under HOME/.config;
 * a relative XDG_CONFIG_HOME is ignored. */
static void test_load_user_file_locations(void **state)
{
	struct config c;
	char err[256];
	char xdg[512];

	(void)state;
	mkdir(tmp_path("home/.config"), 0700);
	write_file(0, "home/.config/taimako/taimako.conf", "database = /44.db\n");
	assert_int_equal(config_load(&c, tmp_path("no-such.conf"), err, sizeof err), ST_OK);
	assert_string_equal(c.db_path, "/44.db");

	mkdir(tmp_path("xdg"), 0700);
	write_file(1, "xdg/taimako/taimako.conf", "database = /55.db\n");
	snprintf(xdg, sizeof xdg, "%s/xdg", tmp_dir);
	setenv("XDG_CONFIG_HOME", xdg, 1);
	assert_int_equal(config_load(&c, tmp_path("no-such.conf"), err, sizeof err), ST_OK);
	assert_string_equal(c.db_path, "/55.db");

	setenv("XDG_CONFIG_HOME", "relative/xdg", 1);
	assert_int_equal(config_load(&c, tmp_path("no-such.conf"), err, sizeof err), ST_OK);
	assert_string_equal(c.db_path, "/44.db");
}

/* TAIMAKO_CONFIG replaces the user file: the XDG one is not read at all,
 * and an empty TAIMAKO_CONFIG counts as unset. */
static void test_load_taimako_config_replaces_user_file(void **state)
{
	struct config c;
	char err[256];
	char xdg[512];

	(void)state;
	mkdir(tmp_path("xdg"), 0700);
	write_file(0, "xdg/taimako/taimako.conf", "database = /xdg.db\n");
	snprintf(xdg, sizeof xdg, "%s/xdg", tmp_dir);
	setenv("XDG_CONFIG_HOME", xdg, 1);
	setenv("TAIMAKO_CONFIG", write_file(1, "user.conf", "# none\n"), 1);
	assert_int_equal(config_load(&c, tmp_path("no-such.conf"), err, sizeof err), ST_OK);
	assert_string_equal(c.db_path, "");

	setenv("TAIMAKO_CONFIG", "", 1);
	assert_int_equal(config_load(&c, tmp_path("no-such.conf"), err, sizeof err), ST_OK);
	assert_string_equal(c.db_path, "/xdg.db");
}

/* A file named by TAIMAKO_CONFIG must exist. */
static void test_load_taimako_config_missing_is_an_error(void **state)
{
	struct config c, before;
	char err[512], want[600];

	(void)state;
	config_defaults(&c);
	c.lockout_failures = 42;
	before = c;
	setenv("TAIMAKO_CONFIG", tmp_path("absent.conf"), 1);
	assert_int_equal(config_load(&c, tmp_path("no-such.conf"), err, sizeof err), ST_INVALID);
	snprintf(want, sizeof want, "%s: %s", tmp_path("absent.conf"), strerror(ENOENT));
	assert_string_equal(err, want);
	assert_memory_equal(&c, &before, sizeof c);
}

/* A malformed line gives "FILE:LINE: message" and leaves *c alone, in the
 * system file and in the user file. */
static void test_load_malformed_line(void **state)
{
	struct config c, before;
	char err[512], want[600];

	(void)state;
	config_defaults(&c);
	strcpy(c.db_path, "/kept.db");
	before = c;
	const char *sys = write_file(0, "system.conf", "# system\n\nlockout_failures = 500\n");
	assert_int_equal(config_load(&c, sys, err, sizeof err), ST_INVALID);
	snprintf(want, sizeof want, "%s:3: %s", sys, MSG_FAIL);
	assert_string_equal(err, want);
	assert_memory_equal(&c, &before, sizeof c);

	sys = write_file(0, "system.conf", "idle_lock_minutes = 3\n");
	const char *user = write_file(1, "user.conf", "database = /a.db\r\ndatabase = /b.db\r\n");
	setenv("TAIMAKO_CONFIG", user, 1);
	assert_int_equal(config_load(&c, sys, err, sizeof err), ST_INVALID);
	snprintf(want, sizeof want, "%s:2: %s", user, MSG_DUP);
	assert_string_equal(err, want);
	assert_memory_equal(&c, &before, sizeof c);
}

/* A file that exists but cannot be read is an error, not skipped. */
static void test_load_unreadable_file(void **state)
{
	struct config c;
	char err[512], want[600];

	(void)state;
	const char *sys = write_file(0, "locked.conf", "idle_lock_minutes = 3\n");
	assert_int_equal(chmod(sys, 0), 0);
	/* root reads it anyway: nothing to check then. */
	if (geteuid() != 0) {
		assert_int_equal(config_load(&c, sys, err, sizeof err), ST_INVALID);
		snprintf(want, sizeof want, "%s: %s", sys, strerror(EACCES));
		assert_string_equal(err, want);
	}
	/* A folder cannot be read as a file, whoever runs the test. */
	assert_int_equal(mkdir(tmp_path("dir.conf"), 0700), 0);
	assert_int_equal(config_load(&c, tmp_path("dir.conf"), err, sizeof err), ST_INVALID);
	snprintf(want, sizeof want, "%s: %s", tmp_path("dir.conf"), strerror(EISDIR));
	assert_string_equal(err, want);
}

/* A NUL byte is reported with its line; a huge file is refused. */
static void test_load_nul_byte_and_huge_file(void **state)
{
	struct config c;
	char err[512], want[600];
	static char big[1024 * 1024 + 1];
	static const char nul[] = "# a\nidle_lock_minutes = 3\nx\0y\n";

	(void)state;
	const char *p = write_file_n(0, "nul.conf", nul, sizeof nul - 1);
	assert_int_equal(config_load(&c, p, err, sizeof err), ST_INVALID);
	snprintf(want, sizeof want, "%s:3: the line contains a NUL byte", p);
	assert_string_equal(err, want);

	memset(big, '\n', sizeof big);
	p = write_file_n(0, "big.conf", big, sizeof big - 1);
	assert_int_equal(config_load(&c, p, err, sizeof err), ST_OK);
	p = write_file_n(0, "big.conf", big, sizeof big);
	assert_int_equal(config_load(&c, p, err, sizeof err), ST_INVALID);
	snprintf(want, sizeof want, "%s: the file is larger than 1 MiB", p);
	assert_string_equal(err, want);
}

/* "~/" in database becomes $HOME/, once, whichever file set it. */
static void test_load_tilde_expansion(void **state)
{
	struct config c;
	char err[512], want[600];

	(void)state;
	const char *sys = write_file(0, "system.conf", "database = ~/data/taimako.db\n");
	setenv("HOME", "/home/amina", 1);
	assert_int_equal(config_load(&c, sys, err, sizeof err), ST_OK);
	assert_string_equal(c.db_path, "/home/amina/data/taimako.db");

	/* A trailing slash on HOME, or HOME=/, gives no doubled slash. */
	setenv("HOME", "/home/amina/", 1);
	assert_int_equal(config_load(&c, sys, err, sizeof err), ST_OK);
	assert_string_equal(c.db_path, "/home/amina/data/taimako.db");
	setenv("HOME", "/", 1);
	assert_int_equal(config_load(&c, sys, err, sizeof err), ST_OK);
	assert_string_equal(c.db_path, "/data/taimako.db");

	/* Set by the system file and kept by the user file: expanded once. */
	setenv("HOME", "/home/amina", 1);
	setenv("TAIMAKO_CONFIG", write_file(1, "user.conf", "# kept\n"), 1);
	assert_int_equal(config_load(&c, sys, err, sizeof err), ST_OK);
	assert_string_equal(c.db_path, "/home/amina/data/taimako.db");

	/* An absolute path and a "~" later in a path are left alone. */
	write_file(1, "user.conf", "database = /srv/~/x.db\n");
	assert_int_equal(config_load(&c, sys, err, sizeof err), ST_OK);
	assert_string_equal(c.db_path, "/srv/~/x.db");

	/* Without an absolute HOME "~/" cannot be expanded: the file that
	 * asked for it is named. */
	unsetenv("TAIMAKO_CONFIG");
	unsetenv("HOME");
	assert_int_equal(config_load(&c, sys, err, sizeof err), ST_INVALID);
	snprintf(want, sizeof want, "%s: %s", sys,
		 "database starts with ~/ but HOME is not set to an absolute path");
	assert_string_equal(err, want);
	setenv("HOME", "relative", 1);
	assert_int_equal(config_load(&c, sys, err, sizeof err), ST_INVALID);
}

/* A HOME so long that the expanded path no longer fits. */
static void test_load_tilde_expansion_too_long(void **state)
{
	struct config c;
	char err[512], want[600];
	static char home[4096];

	(void)state;
	const char *sys = write_file(0, "system.conf", "database = ~/taimako.db\n");
	memset(home, 'h', sizeof home - 1);
	home[0] = '/';
	setenv("HOME", home, 1);
	assert_int_equal(config_load(&c, sys, err, sizeof err), ST_INVALID);
	snprintf(want, sizeof want, "%s: %s", sys, "the database path is too long once ~ is expanded");
	assert_string_equal(err, want);
}

/* A small err buffer is cut short but still terminated. */
static void test_load_small_err_buffer(void **state)
{
	struct config c;
	char err[8];

	(void)state;
	const char *sys = write_file(0, "system.conf", "bogus = 1\n");
	memset(err, 'x', sizeof err);
	assert_int_equal(config_load(&c, sys, err, sizeof err), ST_INVALID);
	assert_int_equal(strlen(err), sizeof err - 1);
	assert_memory_equal(err, sys, sizeof err - 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_empty_text_changes_nothing),
		cmocka_unit_test(test_every_key),
		cmocka_unit_test(test_range_limits_accepted),
		cmocka_unit_test(test_phone_country_code),
		cmocka_unit_test(test_database_forms),
		cmocka_unit_test(test_later_text_replaces_only_what_it_sets),
		cmocka_unit_test(test_blanks_and_comments),
		cmocka_unit_test(test_crlf),
		cmocka_unit_test(test_bom),
		cmocka_unit_test(test_no_final_newline),
		cmocka_unit_test(test_null_line_and_msgid),
		cmocka_unit_test(test_error_control_character),
		cmocka_unit_test(test_error_unknown_key),
		cmocka_unit_test(test_error_missing_equals),
		cmocka_unit_test(test_error_empty_value),
		cmocka_unit_test(test_error_not_a_whole_number),
		cmocka_unit_test(test_error_out_of_range),
		cmocka_unit_test(test_error_database_not_absolute),
		cmocka_unit_test(test_error_duplicate_key),
		cmocka_unit_test(test_first_error_wins_and_nothing_is_applied),
		cmocka_unit_test(test_error_line_too_long),
		cmocka_unit_test_setup_teardown(test_load_missing_files_give_defaults, setup_load, teardown_load),
		cmocka_unit_test_setup_teardown(test_load_later_file_overrides_earlier, setup_load, teardown_load),
		cmocka_unit_test_setup_teardown(test_load_user_file_cannot_weaken_security, setup_load, teardown_load),
		cmocka_unit_test_setup_teardown(test_load_same_key_in_two_files, setup_load, teardown_load),
		cmocka_unit_test_setup_teardown(test_load_user_file_locations, setup_load, teardown_load),
		cmocka_unit_test_setup_teardown(test_load_taimako_config_replaces_user_file, setup_load, teardown_load),
		cmocka_unit_test_setup_teardown(test_load_taimako_config_missing_is_an_error, setup_load, teardown_load),
		cmocka_unit_test_setup_teardown(test_load_malformed_line, setup_load, teardown_load),
		cmocka_unit_test_setup_teardown(test_load_unreadable_file, setup_load, teardown_load),
		cmocka_unit_test_setup_teardown(test_load_nul_byte_and_huge_file, setup_load, teardown_load),
		cmocka_unit_test_setup_teardown(test_load_tilde_expansion, setup_load, teardown_load),
		cmocka_unit_test_setup_teardown(test_load_tilde_expansion_too_long, setup_load, teardown_load),
		cmocka_unit_test_setup_teardown(test_load_small_err_buffer, setup_load, teardown_load),
	};

	return cmocka_run_group_tests(tests, setup_group, teardown_group);
}
