/* Finding and reading the configuration files. See
 * include/cli/config_load.h for the contract. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* O_CLOEXEC */
#endif
#include "cli/config_load.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/i18n.h"

/* Larger than any sensible configuration file; stops TAIMAKO_CONFIG=/dev/zero
 * from eating all memory. */
#define FILE_MAX (1024 * 1024)

/* Writes "path:line: msg", or "path: msg" when line is 0, into err. */
static void set_err(char *err, size_t size, const char *path, int line, const char *msg)
{
	if (size == 0)
		return;
	if (line > 0)
		snprintf(err, size, "%s:%d: %s", path, line, msg);
	else
		snprintf(err, size, "%s: %s", path, msg);
}

/* Reads the whole file at path into *out (the caller frees it). A missing
 * file gives ST_OK with *out NULL unless required. */
static enum status read_text(const char *path, bool required, char **out, char *err, size_t err_size)
{
	*out = NULL;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		if (!required && (errno == ENOENT || errno == ENOTDIR))
			return ST_OK;
		set_err(err, err_size, path, 0, strerror(errno));
		return ST_INVALID;
	}
	char *buf = malloc(FILE_MAX + 1);
	if (!buf) {
		close(fd);
		set_err(err, err_size, path, 0, strerror(ENOMEM));
		return ST_NOMEM;
	}
	/* One byte more than allowed is read, to tell "exactly FILE_MAX"
	 * from "larger". */
	size_t len = 0;
	while (len <= FILE_MAX) {
		ssize_t r = read(fd, buf + len, FILE_MAX + 1 - len);
		if (r == 0)
			break;
		if (r < 0) {
			if (errno == EINTR)
				continue;
			int e = errno;
			close(fd);
			free(buf);
			set_err(err, err_size, path, 0, strerror(e));
			return ST_INVALID;
		}
		len += (size_t)r;
	}
	close(fd);
	if (len > FILE_MAX) {
		free(buf);
		set_err(err, err_size, path, 0, _("the file is larger than 1 MiB"));
		return ST_INVALID;
	}
	/* The parser sees a C string, which would silently end at a NUL. */
	const char *nul = memchr(buf, '\0', len);
	if (nul) {
		int line = 1;
		for (const char *q = buf; q < nul; q++)
			line += *q == '\n';
		free(buf);
		set_err(err, err_size, path, line, _("the line contains a NUL byte"));
		return ST_INVALID;
	}
	buf[len] = '\0';
	*out = buf;
	return ST_OK;
}

/* Replaces a leading "~/" in path (of size bytes) with $HOME; returns NULL
 * or the message id of what is wrong. */
static const char *expand_home(char *path, size_t size)
{
	if (strncmp(path, "~/", 2) != 0)
		return NULL;
	const char *home = getenv("HOME");
	if (!home || home[0] != '/')
		return N_("database starts with ~/ but HOME is not set to an absolute path");
	size_t hl = strlen(home);
	/* HOME="/" or "/home/x/" must not give a doubled slash. */
	while (hl > 0 && home[hl - 1] == '/')
		hl--;
	size_t rest = strlen(path + 1);
	if (hl + rest >= size)
		return N_("the database path is too long once ~ is expanded");
	memmove(path + hl, path + 1, rest + 1);
	memcpy(path, home, hl);
	return NULL;
}

/* Reads the file at path over *c, leaving *c unchanged on error; user: a
 * user's own file (config_parse_user). */
static enum status load_one(struct config *c, const char *path, bool required, bool user, char *err,
                            size_t err_size)
{
	char *text;
	enum status st = read_text(path, required, &text, err, err_size);
	if (st != ST_OK || !text)
		return st;
	/* Parsed with no database path, to tell whether this file sets one:
	 * only then is it expanded, and a problem blamed on this file. */
	struct config next = *c;
	next.db_path[0] = '\0';
	int line;
	const char *msgid;
	st = user ? config_parse_user(&next, text, &line, &msgid) : config_parse(&next, text, &line, &msgid);
	free(text);
	if (st != ST_OK) {
		set_err(err, err_size, path, line, _(msgid));
		return st;
	}
	if (next.db_path[0] == '\0') {
		memcpy(next.db_path, c->db_path, sizeof next.db_path);
	} else {
		msgid = expand_home(next.db_path, sizeof next.db_path);
		if (msgid) {
			set_err(err, err_size, path, 0, _(msgid));
			return ST_INVALID;
		}
	}
	*c = next;
	return ST_OK;
}

/* Loads the user's own file: $TAIMAKO_CONFIG, or the XDG one if any. */
static enum status load_user(struct config *c, char *err, size_t err_size)
{
	char path[4096];
	const char *env = getenv("TAIMAKO_CONFIG");
	if (env && *env)
		return load_one(c, env, true, true, err, err_size);
	/* The XDG base directory spec says to ignore relative paths. */
	const char *dir = getenv("XDG_CONFIG_HOME");
	const char *tail = "/taimako/taimako.conf";
	if (!dir || dir[0] != '/') {
		dir = getenv("HOME");
		tail = "/.config/taimako/taimako.conf";
		if (!dir || dir[0] != '/')
			return ST_OK;
	}
	int n = snprintf(path, sizeof path, "%s%s", dir, tail);
	if (n < 0 || (size_t)n >= sizeof path) {
		set_err(err, err_size, dir, 0, strerror(ENAMETOOLONG));
		return ST_INVALID;
	}
	return load_one(c, path, false, true, err, err_size);
}

enum status config_load(struct config *c, const char *system_path, char *err, size_t err_size)
{
	struct config out;
	config_defaults(&out);
	if (err_size > 0)
		err[0] = '\0';
	enum status st = load_one(&out, system_path ? system_path : CONFIG_SYSTEM_PATH, false, false, err, err_size);
	if (st == ST_OK)
		st = load_user(&out, err, err_size);
	if (st == ST_OK)
		*c = out;
	return st;
}
