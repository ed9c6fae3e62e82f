/* Fuzz target: the configuration file parser (core/config.c).
 * Properties: a file accepted gives values within their ranges, a database
 * path that is absolute or starts with "~/", and a valid country code; a
 * file refused leaves the settings exactly as they were and names a line
 * of the file with a message; parsing is deterministic, and a file
 * written back from accepted settings reads back to the same settings. */
#include <stdio.h>

#include "core/config.h"
#include "core/phone.h"
#include "fuzz.h"

/* Counts the lines of text as config_parse does. */
static int count_lines(const char *text)
{
	int n = 0;
	for (const char *p = text; *p;) {
		const char *nl = strchr(p, '\n');
		n++;
		if (!nl)
			break;
		p = nl + 1;
	}
	return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_cstr(data, size);
	struct config c, before, again;
	config_defaults(&c);
	/* A previous file's settings, so that "unchanged" means something. */
	c.idle_lock_minutes = 3;
	memcpy(c.db_path, "/earlier", sizeof "/earlier");
	before = c;
	int line = -1;
	const char *msgid = "unset";
	enum status st = config_parse(&c, text, &line, &msgid);
	FUZZ_CHECK(st == ST_OK || st == ST_INVALID);
	if (st == ST_INVALID) {
		FUZZ_CHECK(memcmp(&c, &before, sizeof c) == 0);
		FUZZ_CHECK(line >= 1 && line <= count_lines(text));
		FUZZ_CHECK(msgid && msgid[0]);
		free(text);
		return 0;
	}
	FUZZ_CHECK(line == 0 && msgid == NULL);
	FUZZ_CHECK(c.idle_lock_minutes >= 0 && c.idle_lock_minutes <= 1440);
	FUZZ_CHECK(c.lockout_failures >= 1 && c.lockout_failures <= 100);
	FUZZ_CHECK(c.lockout_minutes >= 1 && c.lockout_minutes <= 1440);
	FUZZ_CHECK(phone_country_ok(c.phone_country_code));
	FUZZ_CHECK(memchr(c.db_path, '\0', sizeof c.db_path) != NULL);
	FUZZ_CHECK(c.db_path[0] == '/' || (c.db_path[0] == '~' && c.db_path[1] == '/'));
	FUZZ_CHECK(!strchr(c.db_path, '\n'));

	/* The same text over the same settings: the same result. */
	again = before;
	FUZZ_CHECK(config_parse(&again, text, NULL, NULL) == ST_OK);
	FUZZ_CHECK(memcmp(&again, &c, sizeof c) == 0);

	/* The settings written as a file read back to themselves (a path
	 * with blanks at either end cannot be written, as blanks are
	 * trimmed; the parser never gives one). */
	size_t plen = strlen(c.db_path);
	FUZZ_CHECK(plen == 0 || (c.db_path[plen - 1] != ' ' && c.db_path[plen - 1] != '\t'));
	size_t room = plen + 256;
	char *file = malloc(room);
	FUZZ_CHECK(file != NULL);
	snprintf(file, room,
	         "database = %s\nidle_lock_minutes = %d\nlockout_failures = %d\nlockout_minutes = %d\n"
	         "phone_country_code = %s\n",
	         c.db_path, c.idle_lock_minutes, c.lockout_failures, c.lockout_minutes, c.phone_country_code);
	config_defaults(&again);
	FUZZ_CHECK(config_parse(&again, file, NULL, NULL) == ST_OK);
	FUZZ_CHECK(strcmp(again.db_path, c.db_path) == 0);
	FUZZ_CHECK(again.idle_lock_minutes == c.idle_lock_minutes);
	FUZZ_CHECK(again.lockout_failures == c.lockout_failures);
	FUZZ_CHECK(again.lockout_minutes == c.lockout_minutes);
	FUZZ_CHECK(strcmp(again.phone_country_code, c.phone_country_code) == 0);
	free(file);
	free(text);
	return 0;
}
