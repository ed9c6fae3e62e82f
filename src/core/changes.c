/* Reading the flat JSON objects of the audit trail. */
#include <stdlib.h>
#include <string.h>

#include "core/changes.h"

#define MAX_MEMBERS 64

struct reader {
	const char *p;
	char *out;       /* decoded strings, one after the other */
	size_t used, size;
};

static void skip_ws(struct reader *r)
{
	while (*r->p == ' ' || *r->p == '\n' || *r->p == '\t' || *r->p == '\r')
		r->p++;
}

/* Appends the UTF-8 of code point cp to the output. */
static bool put_cp(struct reader *r, unsigned cp)
{
	char b[4];
	size_t n;
	if (cp < 0x20 || cp == 0x7f)
		cp = ' ';
	if (cp < 0x80) {
		b[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		b[0] = (char)(0xC0 | (cp >> 6));
		b[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else {
		b[0] = (char)(0xE0 | (cp >> 12));
		b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	}
	if (r->used + n >= r->size)
		return false;
	memcpy(r->out + r->used, b, n);
	r->used += n;
	return true;
}

/* A JSON string at r->p into the output; its start, or NULL when bad. */
static const char *read_string(struct reader *r)
{
	if (*r->p != '"')
		return NULL;
	r->p++;
	const char *start = r->out + r->used;
	while (*r->p && *r->p != '"') {
		unsigned char c = (unsigned char)*r->p;
		if (c < 0x20)
			return NULL;
		if (c != '\\') {
			if (r->used + 1 >= r->size)
				return NULL;
			r->out[r->used++] = (char)c;
			r->p++;
			continue;
		}
		r->p++;
		unsigned cp;
		switch (*r->p) {
		case '"': case '\\': case '/': cp = (unsigned char)*r->p; break;
		case 'n': case 't': case 'r': case 'b': case 'f': cp = ' '; break;
		case 'u':
			cp = 0;
			for (int i = 1; i <= 4; i++) {
				char h = r->p[i];
				int v = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10
				        : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
				if (v < 0)
					return NULL;
				cp = cp * 16 + (unsigned)v;
			}
			r->p += 4;
			if (cp >= 0xD800 && cp <= 0xDFFF)
				cp = '?';   /* halves of a pair: never written by the program */
			break;
		default:
			return NULL;
		}
		r->p++;
		if (!put_cp(r, cp))
			return NULL;
	}
	if (*r->p != '"' || r->used >= r->size)
		return NULL;
	r->p++;
	r->out[r->used++] = '\0';
	return start;
}

/* A scalar value: string, number, true, false or null (*null set). */
static const char *read_scalar(struct reader *r, bool *null)
{
	*null = false;
	if (*r->p == '"')
		return read_string(r);
	if (strncmp(r->p, "null", 4) == 0) {
		r->p += 4;
		*null = true;
		return NULL;
	}
	const char *start = r->p;
	if (strncmp(r->p, "true", 4) == 0 || strncmp(r->p, "false", 5) == 0) {
		r->p += *r->p == 't' ? 4 : 5;
	} else {
		if (*r->p == '-')
			r->p++;
		if (*r->p < '0' || *r->p > '9')
			return NULL;
		while ((*r->p >= '0' && *r->p <= '9') || *r->p == '.' || *r->p == 'e' || *r->p == 'E'
		       || *r->p == '+' || *r->p == '-')
			r->p++;
	}
	size_t n = (size_t)(r->p - start);
	if (r->used + n + 1 > r->size)
		return NULL;
	char *out = r->out + r->used;
	memcpy(out, start, n);
	out[n] = '\0';
	r->used += n + 1;
	return out;
}

/* A value: scalar or pair, into *c (key set by the caller). */
static bool read_value(struct reader *r, struct change_item *c)
{
	bool null;
	c->pair = false;
	c->before = NULL;
	if (*r->p != '[') {
		c->after = read_scalar(r, &null);
		return c->after || null;
	}
	r->p++;
	skip_ws(r);
	c->pair = true;
	c->before = read_scalar(r, &null);
	if (!c->before && !null)
		return false;
	skip_ws(r);
	if (*r->p != ',')
		return false;
	r->p++;
	skip_ws(r);
	c->after = read_scalar(r, &null);
	if (!c->after && !null)
		return false;
	skip_ws(r);
	if (*r->p != ']')
		return false;
	r->p++;
	return true;
}

bool changes_read(const char *json, void (*fn)(const struct change_item *c, void *ctx), void *ctx)
{
	if (!json)
		return false;
	struct reader r = { json, NULL, 0, strlen(json) * 3 + 16 };
	r.out = malloc(r.size);
	struct change_item *items = calloc(MAX_MEMBERS, sizeof *items);
	bool ok = r.out && items;
	int n = 0;
	if (ok) {
		skip_ws(&r);
		ok = *r.p == '{';
	}
	if (ok) {
		r.p++;
		skip_ws(&r);
	}
	if (ok && *r.p == '}') {
		r.p++;
	} else {
		while (ok) {
			skip_ws(&r);
			const char *key = read_string(&r);
			skip_ws(&r);
			if (!key || *r.p != ':' || n == MAX_MEMBERS) {
				ok = false;
				break;
			}
			r.p++;
			skip_ws(&r);
			items[n].key = key;
			if (!read_value(&r, &items[n])) {
				ok = false;
				break;
			}
			n++;
			skip_ws(&r);
			if (*r.p == ',') {
				r.p++;
				continue;
			}
			ok = *r.p == '}';
			if (ok)
				r.p++;
			break;
		}
	}
	if (ok) {
		skip_ws(&r);
		ok = *r.p == '\0';
	}
	for (int i = 0; ok && i < n; i++)
		fn(&items[i], ctx);
	free(items);
	free(r.out);
	return ok;
}
