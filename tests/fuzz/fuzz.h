#ifndef TAIMAKO_FUZZ_H
#define TAIMAKO_FUZZ_H
/* Shared by the fuzz targets: the libFuzzer entry point, a check that
 * stops the run when a property does not hold, the bytes of an input as a
 * C string, and a small strict JSON validator (RFC 8259, UTF-8 checked),
 * written apart from the code under test. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Runs one input: 0, or a crash (abort) when a property failed. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Stops the run (a crash libFuzzer and the driver both report) when cond
 * is false, naming the property. */
#define FUZZ_CHECK(cond)                                                              \
	do {                                                                          \
		if (!(cond)) {                                                        \
			fprintf(stderr, "%s:%d: property failed: %s\n", __FILE__, __LINE__, #cond); \
			abort();                                                      \
		}                                                                     \
	} while (0)

/* A NUL-terminated copy of the input (up to its first NUL, as C code
 * reads it); the caller frees it. */
static inline char *fuzz_cstr(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		abort();
	if (size)
		memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

/* Reads input as a sequence of fields: next_field gives the bytes up to the
 * next separator byte sep (or the end), NUL-terminated, or NULL at the end. */
struct fuzz_fields {
	const uint8_t *p, *end;
	char *buf;
};

static inline void fuzz_fields_init(struct fuzz_fields *f, const uint8_t *data, size_t size)
{
	f->p = data;
	f->end = data + size;
	f->buf = malloc(size + 1);
	if (!f->buf)
		abort();
}

static inline const char *fuzz_next_field(struct fuzz_fields *f, uint8_t sep)
{
	if (!f->p || f->p > f->end)
		return NULL;
	const uint8_t *q = f->p;
	while (q < f->end && *q != sep)
		q++;
	size_t n = (size_t)(q - f->p);
	memcpy(f->buf, f->p, n);
	f->buf[n] = '\0';
	f->p = q < f->end ? q + 1 : NULL;
	return f->buf;
}

/* ---- a strict JSON validator ------------------------------------------ */

struct fuzz_json {
	const unsigned char *p;
	int depth;
};

static inline void fuzz_json_ws(struct fuzz_json *j)
{
	while (*j->p == ' ' || *j->p == '\t' || *j->p == '\n' || *j->p == '\r')
		j->p++;
}

/* One UTF-8 sequence at j->p (first byte >= 0x80): no overlong form, no
 * surrogate, nothing above U+10FFFF. */
static inline bool fuzz_json_utf8(struct fuzz_json *j)
{
	const unsigned char *s = j->p;
	unsigned long cp;
	int n;
	if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		n = 1;
		cp = s[0] & 0x1Fu;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		n = 2;
		cp = s[0] & 0x0Fu;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		n = 3;
		cp = s[0] & 0x07u;
	} else {
		return false;
	}
	for (int i = 1; i <= n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return false;
		cp = (cp << 6) | (s[i] & 0x3Fu);
	}
	if ((n == 2 && cp < 0x800) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF))
		return false;
	j->p += n + 1;
	return true;
}

static inline bool fuzz_json_string(struct fuzz_json *j)
{
	if (*j->p++ != '"')
		return false;
	for (;;) {
		unsigned char c = *j->p;
		if (c < 0x20)
			return false;
		if (c == '"') {
			j->p++;
			return true;
		}
		if (c == '\\') {
			j->p++;
			c = *j->p++;
			if (c == 'u') {
				for (int i = 0; i < 4; i++, j->p++)
					if (!((*j->p >= '0' && *j->p <= '9') || (*j->p >= 'a' && *j->p <= 'f') ||
					      (*j->p >= 'A' && *j->p <= 'F')))
						return false;
			} else if (!c || !strchr("\"\\/bfnrt", c)) {
				return false;
			}
		} else if (c >= 0x80) {
			if (!fuzz_json_utf8(j))
				return false;
		} else {
			j->p++;
		}
	}
}

static inline bool fuzz_json_number(struct fuzz_json *j)
{
	if (*j->p == '-')
		j->p++;
	if (*j->p == '0')
		j->p++;
	else if (*j->p >= '1' && *j->p <= '9')
		while (*j->p >= '0' && *j->p <= '9')
			j->p++;
	else
		return false;
	if (*j->p == '.') {
		j->p++;
		if (!(*j->p >= '0' && *j->p <= '9'))
			return false;
		while (*j->p >= '0' && *j->p <= '9')
			j->p++;
	}
	if (*j->p == 'e' || *j->p == 'E') {
		j->p++;
		if (*j->p == '+' || *j->p == '-')
			j->p++;
		if (!(*j->p >= '0' && *j->p <= '9'))
			return false;
		while (*j->p >= '0' && *j->p <= '9')
			j->p++;
	}
	return true;
}

static inline bool fuzz_json_value(struct fuzz_json *j);

/* An object or array after its opening bracket; close is '}' or ']'. */
static inline bool fuzz_json_members(struct fuzz_json *j, char close)
{
	fuzz_json_ws(j);
	if (*j->p == (unsigned char)close) {
		j->p++;
		return true;
	}
	for (;;) {
		fuzz_json_ws(j);
		if (close == '}') {
			if (!fuzz_json_string(j))
				return false;
			fuzz_json_ws(j);
			if (*j->p++ != ':')
				return false;
		}
		if (!fuzz_json_value(j))
			return false;
		fuzz_json_ws(j);
		if (*j->p == (unsigned char)close) {
			j->p++;
			return true;
		}
		if (*j->p++ != ',')
			return false;
	}
}

static inline bool fuzz_json_value(struct fuzz_json *j)
{
	bool ok;
	fuzz_json_ws(j);
	switch (*j->p) {
	case '{':
	case '[':
		if (++j->depth > 64)
			return false;
		j->p++;
		ok = fuzz_json_members(j, j->p[-1] == '{' ? '}' : ']');
		j->depth--;
		return ok;
	case '"':
		return fuzz_json_string(j);
	case 't':
		ok = strncmp((const char *)j->p, "true", 4) == 0;
		j->p += ok ? 4 : 0;
		return ok;
	case 'f':
		ok = strncmp((const char *)j->p, "false", 5) == 0;
		j->p += ok ? 5 : 0;
		return ok;
	case 'n':
		ok = strncmp((const char *)j->p, "null", 4) == 0;
		j->p += ok ? 4 : 0;
		return ok;
	default:
		return fuzz_json_number(j);
	}
}

/* True when text is exactly one valid JSON value (with blanks around). */
static inline bool fuzz_json_valid(const char *text)
{
	struct fuzz_json j = { (const unsigned char *)text, 0 };
	if (!fuzz_json_value(&j))
		return false;
	fuzz_json_ws(&j);
	return *j.p == '\0';
}

/* True when s is well-formed UTF-8 (checked here, not by core/text.c). */
static inline bool fuzz_utf8_valid(const char *s)
{
	struct fuzz_json j = { (const unsigned char *)s, 0 };
	while (*j.p)
		if (*j.p < 0x80)
			j.p++;
		else if (!fuzz_json_utf8(&j))
			return false;
	return true;
}

#endif
