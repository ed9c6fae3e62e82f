/* JSON objects for the audit trail. */
#include <stdio.h>
#include <string.h>
#include "core/jsonbuf.h"

/* The text is always the members so far plus the closing brace. */
void jsonbuf_init(struct jsonbuf *j)
{
	memcpy(j->text, "{}", 3);
	j->len = 1;
	j->fields = 0;
	j->cut = false;
}

/* Appends raw text if it fits, keeping the closing brace after it. */
static bool append(struct jsonbuf *j, const char *s, size_t n)
{
	if (j->len + n + 2 > sizeof j->text) {
		j->cut = true;
		return false;
	}
	memcpy(j->text + j->len, s, n);
	j->len += n;
	j->text[j->len] = '}';
	j->text[j->len + 1] = '\0';
	return true;
}

/* The length of the well-formed UTF-8 sequence at p (1 to 4), or 0 when
 * p starts none (a stray or cut sequence, an overlong form, a surrogate,
 * beyond U+10FFFF). */
static size_t utf8_len(const unsigned char *p)
{
	unsigned char lo = 0x80, hi = 0xBF;
	size_t n;
	if (p[0] < 0x80)
		return 1;
	if (p[0] >= 0xC2 && p[0] <= 0xDF)
		n = 2;
	else if (p[0] >= 0xE0 && p[0] <= 0xEF)
		n = 3;
	else if (p[0] >= 0xF0 && p[0] <= 0xF4)
		n = 4;
	else
		return 0;
	if (p[0] == 0xE0)
		lo = 0xA0;
	else if (p[0] == 0xED)
		hi = 0x9F;
	else if (p[0] == 0xF0)
		lo = 0x90;
	else if (p[0] == 0xF4)
		hi = 0x8F;
	if (p[1] < lo || p[1] > hi)
		return 0;
	for (size_t i = 2; i < n; i++)
		if ((p[i] & 0xC0) != 0x80)
			return 0;
	return n;
}

/* Appends s as a JSON string (or null), escaped, each byte of invalid
 * UTF-8 as U+FFFD; cut whole characters when it does not fit. False when
 * not even its quotes fit. */
static bool append_string(struct jsonbuf *j, const char *s)
{
	if (!s)
		return append(j, "null", 4);
	if (!append(j, "\"", 1))
		return false;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		char esc[8];
		size_t n;
		if (*p == '"' || *p == '\\') {
			esc[0] = '\\';
			esc[1] = (char)*p;
			n = 2;
		} else if (*p < 0x20 || *p == 0x7f) {
			n = (size_t)snprintf(esc, sizeof esc, "\\u%04x", *p);
		} else if ((n = utf8_len(p)) == 0) {
			memcpy(esc, "\\ufffd", 6);
			n = 6;
		} else {
			/* A whole UTF-8 sequence at once, so a cut never splits one. */
			memcpy(esc, p, n);
			p += n - 1;
		}
		/* Keep room for the closing quote and what follows. */
		if (j->len + n + 8 > sizeof j->text) {
			j->cut = true;
			break;
		}
		append(j, esc, n);
	}
	return append(j, "\"", 1);
}

/* Where the object stood before a member, to take the member back whole
 * when a part of it does not fit: the text stays valid JSON. */
struct mark {
	size_t len;
	int fields;
};

static struct mark mark(const struct jsonbuf *j)
{
	return (struct mark){ j->len, j->fields };
}

static void done(struct jsonbuf *j, struct mark m, bool ok)
{
	if (ok)
		return;
	j->len = m.len;
	j->fields = m.fields;
	j->text[j->len] = '}';
	j->text[j->len + 1] = '\0';
	j->cut = true;
}

/* Starts a new member "key": */
static bool member(struct jsonbuf *j, const char *key)
{
	return (!j->fields++ || append(j, ", ", 2)) && append_string(j, key) && append(j, ": ", 2);
}

bool jsonbuf_change_str(struct jsonbuf *j, const char *key, const char *before, const char *after)
{
	if ((!before && !after) || (before && after && strcmp(before, after) == 0))
		return false;
	struct mark m = mark(j);
	bool ok = member(j, key) && append(j, "[", 1) && append_string(j, before) && append(j, ", ", 2) &&
	          append_string(j, after) && append(j, "]", 1);
	done(j, m, ok);
	return true;
}

bool jsonbuf_change_int(struct jsonbuf *j, const char *key, long long before, long long after)
{
	if (before == after)
		return false;
	char buf[64];
	int n = snprintf(buf, sizeof buf, "[%lld, %lld]", before, after);
	struct mark m = mark(j);
	bool ok = member(j, key) && append(j, buf, (size_t)n);
	done(j, m, ok);
	return true;
}

void jsonbuf_put_str(struct jsonbuf *j, const char *key, const char *value)
{
	struct mark m = mark(j);
	bool ok = member(j, key) && append_string(j, value);
	done(j, m, ok);
}

void jsonbuf_put_int(struct jsonbuf *j, const char *key, long long value)
{
	char buf[32];
	int n = snprintf(buf, sizeof buf, "%lld", value);
	struct mark m = mark(j);
	bool ok = member(j, key) && append(j, buf, (size_t)n);
	done(j, m, ok);
}

const char *jsonbuf_text(const struct jsonbuf *j)
{
	return j->text;
}
