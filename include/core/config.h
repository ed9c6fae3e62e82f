#ifndef TAIMAKO_CORE_CONFIG_H
#define TAIMAKO_CORE_CONFIG_H
/* Settings read from configuration files: the parser of one file's text.
 * Pure code, no I/O; finding and reading the files is cli/config_load.h. */
#include "core/status.h"

/* Longest line accepted, in bytes, not counting its line end. */
#define CONFIG_LINE_MAX 4096

struct config {
	char db_path[4096];        /* "" when not set */
	int idle_lock_minutes;     /* default 10; 0 = never lock */
	int lockout_failures;      /* default 5; failed logins in a row that lock an account */
	int lockout_minutes;       /* default 15 */
	char phone_country_code[4];   /* default "227": of numbers written without one */
};

/* Fills *c with the built-in defaults (no database path). */
void config_defaults(struct config *c);

/* Parses the text of one configuration file over *c (values it sets
 * replace earlier ones). Format: one `key = value` per line; blanks (space,
 * tab) around key and value are ignored; empty lines and lines whose first
 * non-blank is '#' are ignored ('#' later in a line is part of the value).
 * Lines end with LF or CRLF, the last one may have no line end, and a UTF-8
 * BOM at the very start is skipped. A control character other than a tab
 * (a CR before the line end included) is an error wherever it is. Keys
 * (case matters):
 *   database            a path, absolute or starting with "~/" (kept as is
 *                       for the loader to expand)
 *   idle_lock_minutes   0..1440
 *   lockout_failures    1..100
 *   lockout_minutes     1..1440
 *   phone_country_code  1 to 3 digits, not starting with 0 (core/phone.h)
 * Numbers are plain decimal digits (no sign). A key may appear once per
 * file. text must not be NULL.
 * Returns ST_OK, setting *line to 0 and *msgid to NULL. On the first bad
 * line returns ST_INVALID, sets *line to its number (1-based) and *msgid to
 * a static English message id (pass it to gettext), and leaves *c
 * unchanged. line and msgid may be NULL. */
enum status config_parse(struct config *c, const char *text, int *line, const char **msgid);

/* config_parse for a user's own file: the security settings
 * (idle_lock_minutes, lockout_failures, lockout_minutes) and
 * phone_country_code are refused there, as a bad line, so that no account
 * can weaken what protects the others or change the shared keys. */
enum status config_parse_user(struct config *c, const char *text, int *line, const char **msgid);

#endif
