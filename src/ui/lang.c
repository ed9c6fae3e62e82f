/* Run-time language switching with glibc gettext. */
#include <langinfo.h>
#include <libintl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "ui/lang.h"

/* glibc's counter of catalogue changes: bumping it makes gettext drop its
 * cache after LANGUAGE changes (the documented way in the gettext manual). */
extern int _nl_msg_cat_cntr;

static char current[3] = "fr";

/* True when dir holds the French catalogue. */
static int has_catalogue(const char *dir)
{
	char path[4096];
	struct stat sb;
	int n = snprintf(path, sizeof path, "%s/fr/LC_MESSAGES/taimako.mo", dir);
	return n > 0 && (size_t)n < sizeof path && stat(path, &sb) == 0;
}

/* The catalogue folder: $TAIMAKO_LOCALEDIR, the installed one, or the
 * build folder beside the binary when run from a source tree. */
static const char *find_localedir(const char *installed, char *buf, size_t size)
{
	const char *env = getenv("TAIMAKO_LOCALEDIR");
	if (env && *env)
		return env;
	if (has_catalogue(installed))
		return installed;
	char exe[4000];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			int len = snprintf(buf, size, "%s/build/locale", exe);
			if (len > 0 && (size_t)len < size && has_catalogue(buf))
				return buf;
		}
	}
	return installed;
}

void lang_init(const char *localedir, const char *lang)
{
	setlocale(LC_ALL, "");
	/* Curses needs a UTF-8 character type for accents; C.UTF-8 is on
	 * every current Debian. */
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		setlocale(LC_CTYPE, "C.UTF-8");
	/* gettext ignores LANGUAGE when messages are in the "C" locale. */
	const char *msgs = setlocale(LC_MESSAGES, NULL);
	if (!msgs || strcmp(msgs, "C") == 0 || strcmp(msgs, "POSIX") == 0)
		setlocale(LC_MESSAGES, "C.UTF-8");
	char buf[4096];
	bindtextdomain("taimako", find_localedir(localedir, buf, sizeof buf));
	bind_textdomain_codeset("taimako", "UTF-8");
	textdomain("taimako");
	lang_set(lang);
}

void lang_set(const char *lang)
{
	snprintf(current, sizeof current, "%s", lang && strcmp(lang, "en") == 0 ? "en" : "fr");
	setenv("LANGUAGE", current, 1);
	++_nl_msg_cat_cntr;
}

void lang_translate(const char *lang, const char *msgid, char *out, size_t size)
{
	char was[sizeof current];
	memcpy(was, current, sizeof was);
	lang_set(lang);
	snprintf(out, size, "%s", gettext(msgid));
	lang_set(was);
}

const char *lang_get(void)
{
	return current;
}
