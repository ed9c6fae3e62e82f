/* CSV rows for exports, safe for terminals and spreadsheets. See
 * include/core/csvout.h for the contract. */
#include "core/csvout.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "core/text.h"

/* Fields up to this size are made safe on the stack. */
#define FIELD_STACK 1024

/* True when a spreadsheet could read a cell starting with c as a formula
 * (OWASP "CSV injection"). */
static bool starts_formula(char c)
{
	return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

/* Writes one field already made safe: bare when nothing in it needs
 * quoting, else quoted by libcsv; a row of one empty field is written ""
 * so that it is not read as a blank line. */
static void write_safe(FILE *out, const char *safe, bool lone)
{
	size_t len = strlen(safe);
	if (strpbrk(safe, ",\"\r\n") || (lone && len == 0))
		csv_fwrite(out, safe, len);
	else
		fwrite(safe, 1, len, out);
}

/* Sanitises one field into a buffer of its own size (sanitising never
 * grows text), prefixes a quote to a formula, and writes it. */
static void write_field(FILE *out, const char *field, bool lone)
{
	char stack[FIELD_STACK];
	const char *in = field ? field : "";
	size_t need = strlen(in) + 2;   /* the "'" prefix and the NUL */
	char *buf = need <= sizeof stack ? stack : malloc(need);
	size_t size = need;
	if (!buf) {
		/* Out of memory: a cut field beats no export, and is still safe. */
		buf = stack;
		size = sizeof stack;
	}
	/* OWASP names a leading TAB or CR too: check the raw first byte,
	 * since sanitising turns them into a space. */
	bool prefix = starts_formula(in[0]);
	text_sanitize(in, buf + 1, size - 1);
	prefix = prefix || starts_formula(buf[1]);
	buf[0] = '\'';
	write_safe(out, prefix ? buf : buf + 1, lone);
	if (buf != stack)
		free(buf);
}

/* Writes the fields, comma-separated, and one "\n". */
void csvout_row(FILE *out, const char *const *fields, int n)
{
	for (int i = 0; i < n; i++) {
		if (i > 0)
			fputc(',', out);
		write_field(out, fields ? fields[i] : NULL, n == 1);
	}
	fputc('\n', out);
}
