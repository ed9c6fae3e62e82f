/* JSON objects for the audit trail and drafts. Members go in whole or not
 * at all: the text is always the members so far, then (when some did not
 * fit) "more_changes": N, then the closing brace. The last TAIL bytes are
 * kept for that count, so that it always fits. */
#include <stdio.h>
#include <string.h>
#include "core/jsonbuf.h"

#define TAIL 40   /* room for `, "more_changes": 2147483647}` and the NUL */

/* Writes the end of the text after the members. */
static void close_text(struct jsonbuf *j)
{
	if (j->omitted)
		snprintf(j->text + j->len, sizeof j->text - j->len, "%s\"more_changes\": %d}", j->fields ? ", " : "",
		         j->omitted);
	else
		memcpy(j->text + j->len, "}", 2);
}

void jsonbuf_init(struct jsonbuf *j)
{
	j->len = 1;
	j->text[0] = '{';
	j->fields = 0;
	j->omitted = 0;
	j->cut = false;
	j->failed = false;
	close_text(j);
}

/* Appends raw text to the member being written; false (and the member
 * marked failed) when it does not fit before the tail. */
static bool append(struct jsonbuf *j, const char *s, size_t n)
{
	if (j->failed || j->len + n + TAIL > sizeof j->text) {
		j->failed = true;
		return false;
	}
	memcpy(j->text + j->len, s, n);
	j->len += n;
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

/* Appends s as a JSON string (or null), escaped, whole; each byte of
 * invalid UTF-8 as U+FFFD. */
static void append_string(struct jsonbuf *j, const char *s)
{
	if (!s) {
		append(j, "null", 4);
		return;
	}
	append(j, "\"", 1);
	for (const unsigned char *p = (const unsigned char *)s; *p && !j->failed; p++) {
		char esc[8];
		size_t n;
		if (*p == '"' || *p == '\\') {
			esc[0] = '\\';
			esc[1] = (char)*p;
			n = 2;
		} else if (*p < 0x20 || *p == 0x7f) {
			n = (size_t)snprintf(esc, sizeof esc, "\\u%04x", *p);
		} else if ((n = utf8_len(p)) == 0) {
			memcpy(esc, "\\ufffd", 6);   /* U+FFFD for the byte */
			n = 6;
		} else {
			/* A whole UTF-8 sequence at once. */
			memcpy(esc, p, n);
			p += n - 1;
		}
		append(j, esc, n);
	}
	append(j, "\"", 1);
}

/* Starts a new member "key": and returns where the text stood before. */
static size_t member(struct jsonbuf *j, const char *key)
{
	size_t start = j->len;
	j->failed = false;
	if (j->fields)
		append(j, ", ", 2);
	append_string(j, key);
	append(j, ": ", 2);
	return start;
}

/* Ends the member begun at start: kept whole, or taken back; then, when
 * it did not fit, "key": {"too_long": true} in its place if that fits,
 * else one more in the count of changes not kept. Never a cut value. */
static void end_member(struct jsonbuf *j, size_t start, const char *key)
{
	if (!j->failed) {
		j->fields++;
		close_text(j);
		return;
	}
	j->cut = true;
	j->len = start;
	j->failed = false;
	if (j->fields)
		append(j, ", ", 2);
	append_string(j, key);
	append(j, ": {\"too_long\": true}", 20);
	if (j->failed) {
		j->len = start;
		j->failed = false;
		j->omitted++;
	} else {
		j->fields++;
	}
	close_text(j);
}

bool jsonbuf_change_str(struct jsonbuf *j, const char *key, const char *before, const char *after)
{
	if ((!before && !after) || (before && after && strcmp(before, after) == 0))
		return false;
	size_t start = member(j, key);
	append(j, "[", 1);
	append_string(j, before);
	append(j, ", ", 2);
	append_string(j, after);
	append(j, "]", 1);
	end_member(j, start, key);
	return true;
}

bool jsonbuf_change_int(struct jsonbuf *j, const char *key, long long before, long long after)
{
	if (before == after)
		return false;
	char buf[64];
	int n = snprintf(buf, sizeof buf, "[%lld, %lld]", before, after);
	size_t start = member(j, key);
	append(j, buf, (size_t)n);
	end_member(j, start, key);
	return true;
}

void jsonbuf_put_str(struct jsonbuf *j, const char *key, const char *value)
{
	size_t start = member(j, key);
	append_string(j, value);
	end_member(j, start, key);
}

void jsonbuf_put_int(struct jsonbuf *j, const char *key, long long value)
{
	char buf[32];
	int n = snprintf(buf, sizeof buf, "%lld", value);
	size_t start = member(j, key);
	append(j, buf, (size_t)n);
	end_member(j, start, key);
}

const char *jsonbuf_text(const struct jsonbuf *j)
{
	return j->text;
}
