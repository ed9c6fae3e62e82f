#ifndef TAIMAKO_CORE_IMPORT_CSV_H
#define TAIMAKO_CORE_IMPORT_CSV_H
/* Reading a legacy spreadsheet saved as CSV, row by row (never the whole
 * file in memory), in UTF-8 (with or without BOM), Windows-1252 or
 * Latin-1, converted to UTF-8. Each field keeps the physical line it
 * starts on (a quoted field may span lines) and its column number (1 for
 * the first field of a row).
 *
 * Encoding detection (IMPORT_ENC_AUTO) reads the file once before the
 * rows: valid UTF-8 is UTF-8; otherwise Windows-1252, unless the file
 * holds one of the five bytes Windows-1252 leaves undefined (0x81, 0x8D,
 * 0x8F, 0x90, 0x9D), which only Latin-1 reads (as control characters,
 * sanitised later). Both read every letter of Latin-1 the same way, and
 * real Latin-1 text has no byte 0x80-0x9F, so the choice loses nothing.
 * The separator (',' ';' or TAB) is the one found most often outside
 * quotes on the header line (',' on a tie), unless given. */
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum import_enc { IMPORT_ENC_AUTO, IMPORT_ENC_UTF8, IMPORT_ENC_1252, IMPORT_ENC_LATIN1 };

/* Longest physical line and longest row, in bytes after conversion. */
#define IMPORT_LINE_MAX (1 << 20)
#define IMPORT_ROW_MAX (1 << 20)
/* Most fields a row may have. */
#define IMPORT_FIELDS_MAX 512

struct import_field {
	const char *text;     /* UTF-8, NUL-terminated, as in the file (not sanitised) */
	size_t len;
	int line;             /* physical line the field starts on */
};

struct import_row {
	int line;             /* physical line the row starts on */
	int nfields;
	const struct import_field *fields;
};

struct import_csv;

/* Starts reading f (a seekable stream when enc is IMPORT_ENC_AUTO; the
 * caller keeps it open and closes it). sep is ',', ';', '\t' or 0 to
 * detect it. NULL when out of memory or when iconv lacks the encoding. */
struct import_csv *import_csv_open(FILE *f, enum import_enc enc, char sep);

/* The next row into *row (valid until the next call): 1, or 0 at the end,
 * or -1 on an error (import_csv_error says which, on which line; reading
 * stops there). Empty lines give no row. */
int import_csv_next(struct import_csv *r, struct import_row *row);

/* The encoding and separator used (known after the first row). */
enum import_enc import_csv_encoding(const struct import_csv *r);
char import_csv_separator(const struct import_csv *r);

/* The msgid of the error that stopped reading, NULL when none, and the
 * physical line it was found on. */
const char *import_csv_error(const struct import_csv *r, int *line);

/* Frees r and sets it to NULL. */
void import_csv_close(struct import_csv **r);

/* The name shown for an encoding ("windows-1252"), and the encoding named
 * name ("auto", "utf-8", "windows-1252", "latin-1", case ignored, a few
 * aliases), -1 when none. */
const char *import_enc_name(enum import_enc e);
int import_enc_from_name(const char *name);

#endif
