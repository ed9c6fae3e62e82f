/* A strict reader for flat JSON objects of strings. */
#include <stddef.h>
#include <string.h>

#include "core/jsonread.h"
#include "core/text.h"

struct reader {
	const char *p;
};

static void skip_blanks(struct reader *r)
{
	while (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r')
		r->p++;
}

/* The value of one hex digit, or -1. */
static int hex(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Reads the four hex digits after "\u"; -1 when they are not. */
static long hex4(const char *s)
{
	long v = 0;
	for (int i = 0; i < 4; i++) {
		int h = hex(s[i]);
		if (h < 0)
			return -1;
		v = v * 16 + h;
	}
	return v;
}

/* Appends code point cp as UTF-8 to out (of size bytes, len used). */
static bool put_utf8(char *out, size_t size, size_t *len, long cp)
{
	unsigned char b[4];
	size_t n;
	if (cp < 0x80) {
		b[0] = (unsigned char)cp;
		n = 1;
	} else if (cp < 0x800) {
		b[0] = (unsigned char)(0xC0 | (cp >> 6));
		b[1] = (unsigned char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		b[0] = (unsigned char)(0xE0 | (cp >> 12));
		b[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		b[2] = (unsigned char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		b[0] = (unsigned char)(0xF0 | (cp >> 18));
		b[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
		b[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		b[3] = (unsigned char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	if (*len + n >= size)
		return false;
	memcpy(out + *len, b, n);
	*len += n;
	return true;
}

/* Reads an escape after the backslash at r->p into out; false when it is
 * not a valid one, or would put a control character in the text. */
static bool read_escape(struct reader *r, char *out, size_t size, size_t *len)
{
	static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	char c = *r->p++;
	if (c != 'u') {
		const char *k = c ? strchr(from, c) : NULL;
		if (!k || (unsigned char)to[k - from] < 0x20)
			return false;   /* not an escape, or a control character */
		return put_utf8(out, size, len, to[k - from]);
	}
	long cp = hex4(r->p);
	if (cp < 0)
		return false;
	r->p += 4;
	if (cp >= 0xDC00 && cp <= 0xDFFF)
		return false;   /* a low surrogate alone */
	if (cp >= 0xD800 && cp <= 0xDBFF) {
		if (r->p[0] != '\\' || r->p[1] != 'u')
			return false;
		long lo = hex4(r->p + 2);
		if (lo < 0xDC00 || lo > 0xDFFF)
			return false;
		r->p += 6;
		cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
	}
	if (cp < 0x20)
		return false;   /* NUL and the other control characters */
	return put_utf8(out, size, len, cp);
}

/* Reads a string at r->p (its opening quote) into out, decoded. */
static bool read_string(struct reader *r, char *out, size_t size)
{
	if (*r->p != '"')
		return false;
	r->p++;
	size_t len = 0;
	for (;;) {
		unsigned char c = (unsigned char)*r->p;
		if (c < 0x20)
			return false;   /* unterminated (NUL), or a raw control character */
		r->p++;
		if (c == '"')
			break;
		if (c == '\\') {
			if (!read_escape(r, out, size, &len))
				return false;
			continue;
		}
		if (len + 1 >= size)
			return false;
		out[len++] = (char)c;
	}
	out[len] = '\0';
	return text_valid_utf8(out);
}

/* Reads the members of an object, after its opening brace and blanks, up
 * to and with its closing brace; fn may be NULL (checking only). */
static bool read_members(struct reader *r, void (*fn)(const char *, const char *, void *), void *ctx)
{
	char key[JSONREAD_MAX], value[JSONREAD_MAX];
	for (int n = 1; n <= JSONREAD_MEMBERS; n++) {
		if (!read_string(r, key, sizeof key))
			return false;
		skip_blanks(r);
		if (*r->p++ != ':')
			return false;
		skip_blanks(r);
		if (!read_string(r, value, sizeof value))
			return false;
		if (fn)
			fn(key, value, ctx);
		skip_blanks(r);
		if (*r->p == '}') {
			r->p++;
			return true;
		}
		if (*r->p++ != ',')
			return false;
		skip_blanks(r);
	}
	return false;   /* too many members */
}

/* One pass over the text; fn may be NULL (checking only). */
static bool parse(const char *json, void (*fn)(const char *, const char *, void *), void *ctx)
{
	struct reader r = { json };
	skip_blanks(&r);
	if (*r.p++ != '{')
		return false;
	skip_blanks(&r);
	if (*r.p == '}')
		r.p++;
	else if (!read_members(&r, fn, ctx))
		return false;
	skip_blanks(&r);
	return *r.p == '\0';
}

bool jsonread_object(const char *json, void (*fn)(const char *key, const char *value, void *ctx), void *ctx)
{
	if (!json || !parse(json, NULL, NULL))
		return false;
	if (fn)
		parse(json, fn, ctx);
	return true;
}
