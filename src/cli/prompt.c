/* Password entry for the subcommands. */
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "cli/prompt.h"
#include "core/i18n.h"
#include "core/password.h"

/* Reads one line from in without its newline; false at end of file. */
static bool read_line(FILE *in, char *out, size_t size)
{
	if (!fgets(out, (int)size, in))
		return false;
	out[strcspn(out, "\r\n")] = '\0';
	return true;
}

/* Prints prompt on the terminal and reads a line with echo off. */
static bool ask_hidden(const char *prompt, char *out, size_t size)
{
	struct termios old, quiet;
	/* Echo goes off before the prompt shows, and without flushing, so a
	 * password typed as soon as the prompt appears is neither shown nor lost. */
	bool restore = tcgetattr(STDIN_FILENO, &old) == 0;
	if (restore) {
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
	}
	fprintf(stderr, "%s", prompt);
	fflush(stderr);
	bool ok = read_line(stdin, out, size);
	if (restore)
		tcsetattr(STDIN_FILENO, TCSANOW, &old);
	fputc('\n', stderr);
	return ok;
}

enum status prompt_new_password(char *out, size_t size)
{
	if (!isatty(STDIN_FILENO)) {
		if (!read_line(stdin, out, size))
			return ST_INVALID;
		return password_check_rules(out);
	}
	char again[256];
	if (!ask_hidden(_("New password: "), out, size)
	    || !ask_hidden(_("The same password again: "), again, sizeof again)) {
		explicit_bzero(again, sizeof again);
		return ST_INVALID;
	}
	bool same = strcmp(out, again) == 0;
	explicit_bzero(again, sizeof again);
	if (!same) {
		fprintf(stderr, "taimako: %s\n", _("the two passwords differ"));
		return ST_INVALID;
	}
	return password_check_rules(out);
}
