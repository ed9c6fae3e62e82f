/* Fuzz target: CSV rows written for exports (core/csvout.c). Input: the
 * fields of one row, NUL-separated. Properties: a row is one line of valid
 * UTF-8 with no control byte; read back by a strict CSV reader (libcsv,
 * blanks kept) it gives as many fields as were written, each the
 * sanitised field (core/text.h), with a "'" in front exactly when the
 * field would start a formula; no cell starts with = + - @, TAB or CR. */
#define _POSIX_C_SOURCE 200809L   /* open_memstream */
#include <stdio.h>

#include <csv.h>

#include "core/csvout.h"
#include "core/text.h"
#include "fuzz.h"

#define MAX_FIELDS 64

struct reread {
	int fields, rows;
	char *cell[MAX_FIELDS];
};

static void on_field(void *s, size_t len, void *ctx)
{
	struct reread *r = ctx;
	FUZZ_CHECK(r->fields < MAX_FIELDS);
	FUZZ_CHECK(memchr(s, '\0', len) == NULL);
	r->cell[r->fields] = malloc(len + 1);
	FUZZ_CHECK(r->cell[r->fields] != NULL);
	memcpy(r->cell[r->fields], s, len);
	r->cell[r->fields][len] = '\0';
	r->fields++;
}

static void on_row(int c, void *ctx)
{
	(void)c;
	((struct reread *)ctx)->rows++;
}

/* Blanks are part of a field (RFC 4180): libcsv would trim them. */
static int no_space(unsigned char c)
{
	(void)c;
	return 0;
}

static bool formula_start(char c)
{
	return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *fields[MAX_FIELDS];
	int n = 0;
	for (size_t i = 0, start = 0; i <= size && n < MAX_FIELDS; i++) {
		if (i == size || data[i] == 0) {
			fields[n++] = fuzz_cstr(data + start, i - start);
			start = i + 1;
		}
	}

	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	FUZZ_CHECK(out != NULL);
	csvout_row(out, fields, n);
	FUZZ_CHECK(!ferror(out));
	fclose(out);

	/* One line: a single line end, at the end; nothing else below 0x20. */
	FUZZ_CHECK(len > 0 && text[len - 1] == '\n' && strlen(text) == len);
	for (size_t i = 0; i + 1 < len; i++)
		FUZZ_CHECK((unsigned char)text[i] >= 0x20 && text[i] != 0x7f);
	FUZZ_CHECK(fuzz_utf8_valid(text));

	struct csv_parser p;
	struct reread r = { 0, 0, { NULL } };
	FUZZ_CHECK(csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) == 0);
	csv_set_space_func(&p, no_space);
	FUZZ_CHECK(csv_parse(&p, text, len, on_field, on_row, &r) == len);
	FUZZ_CHECK(csv_fini(&p, on_field, on_row, &r) == 0);
	csv_free(&p);
	FUZZ_CHECK(r.rows == 1);
	FUZZ_CHECK(r.fields == n);
	for (int i = 0; i < n; i++) {
		size_t room = strlen(fields[i]) + 1;
		char *safe = malloc(room);
		FUZZ_CHECK(safe != NULL);
		text_sanitize(fields[i], safe, room);
		bool prefix = formula_start(fields[i][0]) || formula_start(safe[0]);
		const char *cell = r.cell[i];
		FUZZ_CHECK(!formula_start(cell[0]));
		if (prefix)
			FUZZ_CHECK(cell[0] == '\'' && strcmp(cell + 1, safe) == 0);
		else
			FUZZ_CHECK(strcmp(cell, safe) == 0);
		free(safe);
		free(r.cell[i]);
	}
	for (int i = 0; i < n; i++)
		free((char *)fields[i]);
	free(text);
	return 0;
}
