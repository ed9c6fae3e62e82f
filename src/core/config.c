/* The configuration file parser. See include/core/config.h for the
 * contract. */
#include "core/config.h"

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "core/i18n.h"
#include "core/phone.h"

/* A database value is a line less "database=", so one from a line that
 * passed the length check always fits, with its terminating NUL. */
_Static_assert(CONFIG_LINE_MAX - (sizeof "database=" - 1) < sizeof ((struct config *)0)->db_path,
	       "a database path read from one line must fit in db_path");

enum key { KEY_DATABASE, KEY_IDLE_LOCK, KEY_LOCKOUT_FAILURES, KEY_LOCKOUT_MINUTES, KEY_PHONE_CC, KEY_COUNT_ };

/* The keys with, for the numeric ones, their range and the message that
 * states it (used both for non-numbers and for numbers out of range). */
static const struct key_def {
	const char *name;
	int min, max;
	const char *msgid;
} keys[KEY_COUNT_] = {
	[KEY_DATABASE] = { "database", 0, 0,
			   N_("database must be an absolute path or start with ~/") },
	[KEY_IDLE_LOCK] = { "idle_lock_minutes", 0, 1440,
			    N_("idle_lock_minutes must be a whole number from 0 to 1440") },
	[KEY_LOCKOUT_FAILURES] = { "lockout_failures", 1, 100,
				   N_("lockout_failures must be a whole number from 1 to 100") },
	[KEY_LOCKOUT_MINUTES] = { "lockout_minutes", 1, 1440,
				  N_("lockout_minutes must be a whole number from 1 to 1440") },
	[KEY_PHONE_CC] = { "phone_country_code", 0, 0,
			   N_("phone_country_code must be a country calling code: 1 to 3 digits, not starting with 0") },
};

/* A stretch of the text being parsed: not NUL-terminated. */
struct span {
	const char *p;
	size_t n;
};

void config_defaults(struct config *c)
{
	memset(c, 0, sizeof *c);
	c->idle_lock_minutes = 10;
	c->lockout_failures = 5;
	c->lockout_minutes = 15;
	memcpy(c->phone_country_code, PHONE_DEFAULT_COUNTRY, sizeof PHONE_DEFAULT_COUNTRY);
}

/* Blank inside a line: space or tab (line ends are removed before). */
static bool is_blank(char ch)
{
	return ch == ' ' || ch == '\t';
}

/* True when s holds a control character other than a tab (an escape
 * sequence, a stray CR, DEL): never part of a setting. */
static bool has_control(struct span s)
{
	for (size_t i = 0; i < s.n; i++) {
		unsigned char ch = (unsigned char)s.p[i];
		if ((ch < 0x20 && ch != '\t') || ch == 0x7f)
			return true;
	}
	return false;
}

/* s without its leading and trailing blanks. */
static struct span trim(struct span s)
{
	while (s.n > 0 && is_blank(*s.p)) {
		s.p++;
		s.n--;
	}
	while (s.n > 0 && is_blank(s.p[s.n - 1]))
		s.n--;
	return s;
}

/* The key named by s, or KEY_COUNT_ when there is none. */
static enum key find_key(struct span s)
{
	for (int k = 0; k < KEY_COUNT_; k++)
		if (strlen(keys[k].name) == s.n && memcmp(keys[k].name, s.p, s.n) == 0)
			return (enum key)k;
	return KEY_COUNT_;
}

/* Reads s as plain decimal digits within [min, max] into *out. */
static bool parse_number(struct span s, int min, int max, int *out)
{
	long v = 0;

	if (s.n == 0)
		return false;
	for (size_t i = 0; i < s.n; i++) {
		if (s.p[i] < '0' || s.p[i] > '9')
			return false;
		/* Saturate rather than overflow: anything this big is out of
		 * range whatever the following digits are. */
		if (v <= max)
			v = v * 10 + (s.p[i] - '0');
	}
	if (v < min || v > max)
		return false;
	*out = (int)v;
	return true;
}

/* True for the keys only the system file may set: those that would let
 * one account weaken what protects every account (how many guesses a
 * password gets, how long a forgotten screen stays open) or change the
 * keys of the shared database (the phone country code). */
static bool system_only(enum key k)
{
	return k == KEY_IDLE_LOCK || k == KEY_LOCKOUT_FAILURES || k == KEY_LOCKOUT_MINUTES || k == KEY_PHONE_CC;
}

/* Applies one `key = value` line (already known not to be blank or a
 * comment) to *c; returns NULL or the message id of what is wrong. user:
 * the line is from a user's own file. */
static const char *parse_line(struct config *c, struct span ln, bool seen[KEY_COUNT_], bool user)
{
	const char *eq = memchr(ln.p, '=', ln.n);
	if (!eq)
		return N_("missing '=': lines must read key = value");
	struct span name = trim((struct span){ ln.p, (size_t)(eq - ln.p) });
	struct span value = trim((struct span){ eq + 1, ln.n - (size_t)(eq - ln.p) - 1 });
	enum key k = find_key(name);
	if (k == KEY_COUNT_)
		return N_("unknown key");
	if (user && system_only(k))
		return N_("this key can be set only in the system configuration (/etc/taimako.conf)");
	if (seen[k])
		return N_("duplicate key: it is already set on an earlier line");
	seen[k] = true;
	if (value.n == 0)
		return N_("empty value");
	if (k == KEY_DATABASE) {
		bool tilde = value.n >= 2 && value.p[0] == '~' && value.p[1] == '/';
		if (value.p[0] != '/' && !tilde)
			return keys[k].msgid;
		memcpy(c->db_path, value.p, value.n);
		c->db_path[value.n] = '\0';
		return NULL;
	}
	if (k == KEY_PHONE_CC) {
		char cc[PHONE_CC_MAX + 2] = "";
		if (value.n < sizeof cc)
			memcpy(cc, value.p, value.n);
		if (!phone_country_ok(cc))
			return keys[k].msgid;
		memcpy(c->phone_country_code, cc, sizeof c->phone_country_code);
		return NULL;
	}
	int v;
	if (!parse_number(value, keys[k].min, keys[k].max, &v))
		return keys[k].msgid;
	switch (k) {
	case KEY_IDLE_LOCK: c->idle_lock_minutes = v; break;
	case KEY_LOCKOUT_FAILURES: c->lockout_failures = v; break;
	case KEY_LOCKOUT_MINUTES: c->lockout_minutes = v; break;
	default: break;
	}
	return NULL;
}

/* config_parse and config_parse_user. */
static enum status parse_text(struct config *c, const char *text, int *line, const char **msgid, bool user)
{
	/* Work on a copy so that *c is untouched when a later line fails. */
	struct config out = *c;
	bool seen[KEY_COUNT_] = { false };
	const char *p = text, *err = NULL;
	int n = 0;

	if (strncmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	while (*p && !err) {
		const char *nl = strchr(p, '\n');
		struct span ln = { p, nl ? (size_t)(nl - p) : strlen(p) };
		p = nl ? nl + 1 : ln.p + ln.n;
		n++;
		if (ln.n > 0 && ln.p[ln.n - 1] == '\r')
			ln.n--;
		if (ln.n > CONFIG_LINE_MAX) {
			err = N_("line too long (more than 4096 bytes)");
			break;
		}
		if (has_control(ln)) {
			err = N_("control character in the line: only printable text and tabs are allowed");
			break;
		}
		struct span t = trim(ln);
		if (t.n == 0 || t.p[0] == '#')
			continue;
		err = parse_line(&out, t, seen, user);
	}
	if (err) {
		if (line)
			*line = n;
		if (msgid)
			*msgid = err;
		return ST_INVALID;
	}
	*c = out;
	if (line)
		*line = 0;
	if (msgid)
		*msgid = NULL;
	return ST_OK;
}

enum status config_parse(struct config *c, const char *text, int *line, const char **msgid)
{
	return parse_text(c, text, line, msgid, false);
}

enum status config_parse_user(struct config *c, const char *text, int *line, const char **msgid)
{
	return parse_text(c, text, line, msgid, true);
}
