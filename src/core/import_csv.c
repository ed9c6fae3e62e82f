/* Reading a legacy CSV file row by row with libcsv, converted to UTF-8
 * with iconv. The file is fed to the parser one physical line at a time
 * and only '\n' ends a row, so each row and field knows its line. */
#include "core/import_csv.h"

#include <csv.h>
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/i18n.h"

/* A field of the row being read: its place in buf. */
struct pending_field {
	size_t off, len;
	int line;
};

struct import_csv {
	FILE *f;
	enum import_enc enc;
	char sep;
	bool started, done, row_ready;
	iconv_t cd;
	struct csv_parser p;
	bool p_ready;
	char *raw;                 /* the physical line read */
	size_t raw_len, raw_cap;
	char *conv;                /* it in UTF-8 */
	size_t conv_cap;
	int line;                  /* of the last line read */
	bool pending_start;        /* the next non-blank line starts a row */
	int row_start;
	int field_line;            /* where the next field starts */
	size_t row_bytes;
	char *buf;                 /* the row's fields, each NUL-terminated */
	size_t len, cap;
	struct pending_field cur[IMPORT_FIELDS_MAX];
	int ncur;
	struct import_field out[IMPORT_FIELDS_MAX];
	const char *err;
	int err_line;
};

const char *import_enc_name(enum import_enc e)
{
	switch (e) {
	case IMPORT_ENC_UTF8:
		return "utf-8";
	case IMPORT_ENC_1252:
		return "windows-1252";
	case IMPORT_ENC_LATIN1:
		return "latin-1";
	default:
		return "auto";
	}
}

int import_enc_from_name(const char *name)
{
	static const struct {
		const char *name;
		enum import_enc e;
	} names[] = {
		{ "auto", IMPORT_ENC_AUTO },       { "utf-8", IMPORT_ENC_UTF8 },     { "utf8", IMPORT_ENC_UTF8 },
		{ "windows-1252", IMPORT_ENC_1252 }, { "cp1252", IMPORT_ENC_1252 },  { "1252", IMPORT_ENC_1252 },
		{ "latin-1", IMPORT_ENC_LATIN1 },  { "latin1", IMPORT_ENC_LATIN1 }, { "iso-8859-1", IMPORT_ENC_LATIN1 },
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcasecmp(name, names[i].name) == 0)
			return (int)names[i].e;
	return -1;
}

/* Length of the well-formed UTF-8 sequence at s (n bytes left), 0 when
 * it is not one (overlong, surrogate, beyond U+10FFFF, cut). */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
	unsigned c = s[0];
	if (c < 0x80)
		return 1;
	size_t len = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
	if (!len || n < len)
		return 0;
	for (size_t i = 1; i < len; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] >= 0xA0) || (c == 0xF0 && s[1] < 0x90)
	    || (c == 0xF4 && s[1] >= 0x90))
		return 0;
	return len;
}

/* True when the n bytes at s are well-formed UTF-8. */
static bool utf8_ok(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = 0; i < n;) {
		size_t k = utf8_seq(u + i, n - i);
		if (!k)
			return false;
		i += k;
	}
	return true;
}

/* Stops reading with msgid about line. */
static int fail(struct import_csv *r, const char *msgid, int line)
{
	if (!r->err) {
		r->err = msgid;
		r->err_line = line;
	}
	r->done = true;
	return -1;
}

/* Reads the next physical line (with its '\n', if any) into r->raw:
 * 1, 0 at the end, -1 when too long. */
static int read_line(struct import_csv *r)
{
	r->raw_len = 0;
	int c;
	while ((c = getc(r->f)) != EOF) {
		if (r->raw_len + 2 > r->raw_cap) {
			if (r->raw_cap >= IMPORT_LINE_MAX)
				return -1;
			size_t cap = r->raw_cap ? r->raw_cap * 2 : 4096;
			char *more = realloc(r->raw, cap);
			if (!more)
				return -1;
			r->raw = more;
			r->raw_cap = cap;
		}
		r->raw[r->raw_len++] = (char)c;
		if (c == '\n')
			break;
	}
	if (r->raw_len)
		r->raw[r->raw_len] = '\0';
	return r->raw_len > 0;
}

/* The bytes Windows-1252 leaves undefined. */
static bool undefined_1252(unsigned char c)
{
	return c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D;
}

/* Reads the whole file once to choose its encoding, then goes back. */
static int detect(struct import_csv *r)
{
	long origin = ftell(r->f);
	if (origin < 0)
		return fail(r, N_("cannot detect the encoding of a stream: give --encoding"), 0);
	bool utf8 = true, latin1 = false;
	int rc;
	while ((rc = read_line(r)) > 0) {
		if (utf8 && !utf8_ok(r->raw, r->raw_len))
			utf8 = false;
		for (size_t i = 0; !utf8 && !latin1 && i < r->raw_len; i++)
			latin1 = undefined_1252((unsigned char)r->raw[i]);
		if (!utf8 && latin1)
			break;
	}
	if (rc < 0)
		return fail(r, N_("a line is too long"), 0);
	if (ferror(r->f) || fseek(r->f, origin, SEEK_SET) != 0)
		return fail(r, N_("cannot read the file"), 0);
	r->enc = utf8 ? IMPORT_ENC_UTF8 : latin1 ? IMPORT_ENC_LATIN1 : IMPORT_ENC_1252;
	return 0;
}

/* The separator found most often outside quotes in line (',' on a tie). */
static char guess_sep(const char *line, size_t n)
{
	int commas = 0, semis = 0, tabs = 0;
	bool quoted = false;
	for (size_t i = 0; i < n; i++) {
		if (line[i] == '"')
			quoted = !quoted;
		else if (!quoted && line[i] == ',')
			commas++;
		else if (!quoted && line[i] == ';')
			semis++;
		else if (!quoted && line[i] == '\t')
			tabs++;
	}
	if (semis > commas && semis >= tabs)
		return ';';
	if (tabs > commas && tabs > semis)
		return '\t';
	return ',';
}

/* libcsv: a field ends. */
static void on_field(void *text, size_t len, void *ctx)
{
	struct import_csv *r = ctx;
	if (r->err)
		return;
	if (r->ncur == IMPORT_FIELDS_MAX) {
		fail(r, N_("too many columns"), r->row_start);
		return;
	}
	if (r->len + len + 1 > r->cap) {
		size_t cap = r->cap ? r->cap : 4096;
		while (cap < r->len + len + 1)
			cap *= 2;
		char *more = realloc(r->buf, cap);
		if (!more) {
			fail(r, N_("out of memory"), r->row_start);
			return;
		}
		r->buf = more;
		r->cap = cap;
	}
	if (len)
		memcpy(r->buf + r->len, text, len);
	r->buf[r->len + len] = '\0';
	r->cur[r->ncur++] = (struct pending_field){ r->len, len, r->field_line };
	r->len += len + 1;
	r->field_line = r->line;
}

/* libcsv: a row ends. */
static void on_row(int c, void *ctx)
{
	(void)c;
	struct import_csv *r = ctx;
	if (!r->err)
		r->row_ready = true;
	r->pending_start = true;
}

/* Only a line feed ends a row; a carriage return before it is dropped. */
static int is_term(unsigned char c)
{
	return c == '\n';
}

/* Spaces around an unquoted field are trimmed; a TAB only when it does
 * not separate. */
static int is_space_comma(unsigned char c)
{
	return c == ' ' || c == '\t';
}
static int is_space_tab(unsigned char c)
{
	return c == ' ';
}

/* Converts r->raw into r->conv (UTF-8): its length, or -1 on a byte the
 * encoding does not have. */
static long convert(struct import_csv *r)
{
	size_t need = r->raw_len * 3 + 4;
	if (need > r->conv_cap) {
		char *more = realloc(r->conv, need);
		if (!more)
			return -1;
		r->conv = more;
		r->conv_cap = need;
	}
	if (r->enc == IMPORT_ENC_UTF8) {
		const char *s = r->raw;
		size_t n = r->raw_len;
		if (r->line == 1 && n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
			s += 3, n -= 3;
		if (!utf8_ok(s, n))
			return -1;
		memcpy(r->conv, s, n);
		return (long)n;
	}
	char *in = r->raw, *out = r->conv;
	size_t inleft = r->raw_len, outleft = r->conv_cap;
	iconv(r->cd, NULL, NULL, NULL, NULL);
	if (iconv(r->cd, &in, &inleft, &out, &outleft) == (size_t)-1)
		return -1;
	return (long)(out - r->conv);
}

/* Prepares the parser and converter once the encoding is known. */
static int start(struct import_csv *r)
{
	r->started = true;
	if (r->enc == IMPORT_ENC_AUTO && detect(r) < 0)
		return -1;
	if (r->enc != IMPORT_ENC_UTF8) {
		r->cd = iconv_open("UTF-8", r->enc == IMPORT_ENC_1252 ? "CP1252" : "ISO-8859-1");
		if (r->cd == (iconv_t)-1)
			return fail(r, N_("this system cannot convert from that encoding"), 0);
	}
	if (csv_init(&r->p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		return fail(r, N_("out of memory"), 0);
	r->p_ready = true;
	csv_set_term_func(&r->p, is_term);
	return 0;
}

/* Feeds one converted line to the parser. */
static int feed(struct import_csv *r, const char *s, size_t n)
{
	if (r->pending_start) {
		size_t blank = strspn(s, " \t\r\n");
		if (blank < n) {
			r->pending_start = false;
			r->row_start = r->field_line = r->line;
			r->row_bytes = 0;
		}
	}
	r->row_bytes += n;
	if (!r->pending_start && r->row_bytes > IMPORT_ROW_MAX)
		return fail(r, N_("the row is too long (a quotation mark not closed?)"), r->row_start);
	if (csv_parse(&r->p, s, n, on_field, on_row, r) != n)
		return fail(r, N_("a quotation mark is misplaced"), r->line);
	return r->err ? -1 : 0;
}

/* True when every field of the row read is empty or blank. */
static bool row_blank(const struct import_csv *r)
{
	for (int i = 0; i < r->ncur; i++) {
		const char *t = r->buf + r->cur[i].off;
		if (t[strspn(t, " \t\r\n")])
			return false;
	}
	return true;
}

/* Hands the row read to the caller. */
static int give_row(struct import_csv *r, struct import_row *row)
{
	for (int i = 0; i < r->ncur; i++)
		r->out[i] = (struct import_field){ r->buf + r->cur[i].off, r->cur[i].len, r->cur[i].line };
	row->line = r->row_start;
	row->nfields = r->ncur;
	row->fields = r->out;
	return 1;
}

int import_csv_next(struct import_csv *r, struct import_row *row)
{
	if (!r->started && start(r) < 0)
		return -1;
	for (;;) {
		if (r->row_ready) {   /* the row given last, or a blank one */
			r->row_ready = false;
			r->ncur = 0;
			r->len = 0;
		}
		if (r->done)
			return r->err ? -1 : 0;
		int rc = read_line(r);
		if (rc < 0)
			return fail(r, N_("a line is too long"), r->line + 1);
		if (rc == 0) {
			r->done = true;
			if (ferror(r->f))
				return fail(r, N_("cannot read the file"), r->line);
			if (csv_fini(&r->p, on_field, on_row, r) != 0)
				return fail(r, N_("a quotation mark is not closed"), r->row_start);
			if (r->err)
				return -1;
			if (r->row_ready && !row_blank(r))
				return give_row(r, row);
			return 0;
		}
		r->line++;
		if (memchr(r->raw, '\0', r->raw_len))
			return fail(r, N_("the line holds a NUL byte: not a text file"), r->line);
		/* A CR before the LF is dropped (files saved on Windows). */
		if (r->raw_len >= 2 && r->raw[r->raw_len - 1] == '\n' && r->raw[r->raw_len - 2] == '\r') {
			r->raw[r->raw_len - 2] = '\n';
			r->raw[--r->raw_len] = '\0';
		}
		long n = convert(r);
		if (n < 0)
			return fail(r, r->enc == IMPORT_ENC_UTF8 ? N_("the line is not valid UTF-8: give --encoding")
			                                         : N_("the line holds a byte the encoding does not have"),
			            r->line);
		r->conv[n] = '\0';
		if (!r->sep) {
			r->sep = guess_sep(r->conv, (size_t)n);
		}
		csv_set_delim(&r->p, (unsigned char)r->sep);
		csv_set_space_func(&r->p, r->sep == '\t' ? is_space_tab : is_space_comma);
		if (feed(r, r->conv, (size_t)n) < 0)
			return -1;
		if (r->row_ready && !row_blank(r))
			return give_row(r, row);
	}
}

struct import_csv *import_csv_open(FILE *f, enum import_enc enc, char sep)
{
	struct import_csv *r = calloc(1, sizeof *r);
	if (!r)
		return NULL;
	r->f = f;
	r->enc = enc;
	r->sep = sep == ',' || sep == ';' || sep == '\t' ? sep : 0;
	r->cd = (iconv_t)-1;
	r->pending_start = true;
	return r;
}

enum import_enc import_csv_encoding(const struct import_csv *r)
{
	return r->enc;
}

char import_csv_separator(const struct import_csv *r)
{
	return r->sep;
}

const char *import_csv_error(const struct import_csv *r, int *line)
{
	if (line)
		*line = r->err_line;
	return r->err;
}

void import_csv_close(struct import_csv **rp)
{
	struct import_csv *r = *rp;
	if (!r)
		return;
	if (r->p_ready)
		csv_free(&r->p);
	if (r->cd != (iconv_t)-1)
		iconv_close(r->cd);
	free(r->raw);
	free(r->conv);
	free(r->buf);
	free(r);
	*rp = NULL;
}
