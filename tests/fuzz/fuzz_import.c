/* Fuzz target: what an import reads from outside — the legacy CSV reader
 * (core/import_csv.c), the mapping file (core/import_map.c) and the dates
 * and ages of cells (core/import_date.c). The input is a mapping text, a
 * NUL byte, then the CSV bytes (no NUL: a fixed mapping and the whole
 * input as CSV); its first byte picks the encoding and separator.
 * Properties: reading ends; rows come in order of their lines, each field
 * on a line from its row's to the last read, valid UTF-8 with the length
 * given; an error names a line; a mapping refused names one of its lines
 * and says why; columns matched are columns of the header; a date read is
 * a valid storage date, a refused one leaves "", an age is 0 to 120. */
#include <stdio.h>

#include "core/date.h"
#include "core/import_csv.h"
#include "core/import_date.h"
#include "core/import_map.h"
#include "core/text.h"
#include "fuzz.h"

static const char FIXED[] = "family_name = NOM\ngiven_names = Prénoms\nsex = Sexe\nsex.F = f\n"
                            "arrival_date = Arrivée\nage = Age\n";

/* Lines in text (len bytes), counted as the mapping parser does. */
static int count_lines(const char *text, size_t len)
{
	int n = 1;
	for (size_t i = 0; i < len; i++)
		n += text[i] == '\n';
	return n;
}

static void check_cell(const char *text)
{
	char iso[11];
	const char *m = import_date(text, iso, sizeof iso);
	struct pdate d;
	if (m)
		FUZZ_CHECK(iso[0] == '\0' && m[0]);
	else
		FUZZ_CHECK(date_from_iso(iso, &d) == DATE_OK);
	int years = -1;
	if (!import_age(text, &years))
		FUZZ_CHECK(years >= 0 && years <= 120);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	static const enum import_enc encs[] = { IMPORT_ENC_AUTO, IMPORT_ENC_UTF8, IMPORT_ENC_1252, IMPORT_ENC_LATIN1 };
	static const char seps[] = { 0, ',', ';', '\t' };
	enum import_enc enc = encs[data[0] & 3];
	char sep = seps[(data[0] >> 2) & 3];
	data++, size--;
	const uint8_t *nul = memchr(data, '\0', size);
	const char *map_text = nul ? (const char *)data : FIXED;
	size_t map_len = nul ? (size_t)(nul - data) : strlen(FIXED);
	const uint8_t *csv = nul ? nul + 1 : data;
	size_t csv_len = nul ? size - map_len - 1 : size;

	struct import_map m;
	int mline = -1;
	char err[512] = "";
	bool mapped = import_map_parse(&m, map_text, map_len, &mline, err, sizeof err);
	if (!mapped) {
		FUZZ_CHECK(mline >= 0 && mline <= count_lines(map_text, map_len));
		FUZZ_CHECK(err[0] && text_valid_utf8(err));
	} else {
		FUZZ_CHECK(mline == 0);
	}

	char *copy = malloc(csv_len + 1);
	FUZZ_CHECK(copy != NULL);
	if (csv_len)
		memcpy(copy, csv, csv_len);
	FILE *f = fmemopen(copy, csv_len ? csv_len : 1, "rb");
	FUZZ_CHECK(f != NULL);
	if (!csv_len)
		fgetc(f);   /* an empty stream */
	struct import_csv *r = import_csv_open(f, enc, sep);
	FUZZ_CHECK(r != NULL);
	struct import_row row;
	int rc, last = 0, rows = 0;
	while ((rc = import_csv_next(r, &row)) > 0) {
		FUZZ_CHECK(row.line > last);
		FUZZ_CHECK(row.nfields >= 1 && row.nfields <= IMPORT_FIELDS_MAX);
		int prev = row.line;
		for (int i = 0; i < row.nfields; i++) {
			const struct import_field *fl = &row.fields[i];
			FUZZ_CHECK(fl->line >= prev);
			prev = fl->line;
			FUZZ_CHECK(strlen(fl->text) <= fl->len);
			if (strlen(fl->text) == fl->len)
				FUZZ_CHECK(text_valid_utf8(fl->text));
			check_cell(fl->text);
		}
		last = prev;
		if (rows++ == 0 && mapped) {
			int line;
			if (import_map_columns(&m, &row, &line, err, sizeof err)) {
				for (int k = 0; k < IMP_FIELD_COUNT_; k++)
					FUZZ_CHECK(m.col[k] < row.nfields && (m.col[k] >= 0) == (m.map_line[k] > 0));
			} else {
				FUZZ_CHECK(err[0]);
			}
		}
		if (mapped)
			for (int k = 0; k < IMP_FIELD_COUNT_; k++)
				if (m.col[k] >= 0 && m.col[k] < row.nfields)
					(void)import_map_value(&m, k, row.fields[m.col[k]].text);
	}
	int eline = -1;
	const char *e = import_csv_error(r, &eline);
	FUZZ_CHECK((rc < 0) == (e != NULL));
	if (e)
		FUZZ_CHECK(eline >= 0 && e[0]);
	FUZZ_CHECK(import_csv_next(r, &row) == rc);   /* stays ended */
	import_csv_close(&r);
	fclose(f);
	free(copy);
	import_map_free(&m);
	return 0;
}
