#ifndef TAIMAKO_CLI_CONFIG_LOAD_H
#define TAIMAKO_CLI_CONFIG_LOAD_H
/* Finding and reading the configuration files (format: core/config.h). */
#include <stddef.h>
#include "core/config.h"
#include "core/status.h"

/* The system-wide file read when config_load gets NULL. */
#define CONFIG_SYSTEM_PATH "/etc/taimako.conf"

/* Loads the defaults, then the system file (system_path; NULL for
 * CONFIG_SYSTEM_PATH), then the user file, later files overriding earlier
 * ones. The user file is $XDG_CONFIG_HOME/taimako/taimako.conf (only when
 * that variable holds an absolute path), else
 * $HOME/.config/taimako/taimako.conf (none when HOME is not absolute).
 * $TAIMAKO_CONFIG, when set and non-empty, names the file to read instead
 * of the user file (for tests and shared servers); it is still read after
 * the system file, and as it was asked for by name it must exist.
 * A missing system or user file is skipped. An unreadable file, one larger
 * than 1 MiB or holding a NUL byte, or a malformed line is an error:
 * returns ST_INVALID (ST_NOMEM when out of memory) and writes "FILE:LINE: message" or "FILE: message"
 * (translated, or strerror) into err; *c is then left unchanged. A database
 * path starting with "~/" is expanded with $HOME (an error when HOME is
 * unset). On success err is set to "". err may be NULL when err_size is 0. */
enum status config_load(struct config *c, const char *system_path, char *err, size_t err_size);

#endif
