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

/* Appends s as a JSON string (or null), escaped; cut whole characters
 * when it does not fit. */
static void append_string(struct jsonbuf *j, const char *s)
{
	if (!s) {
		append(j, "null", 4);
		return;
	}
	append(j, "\"", 1);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		char esc[8];
		size_t n;
		if (*p == '"' || *p == '\\') {
			esc[0] = '\\';
			esc[1] = (char)*p;
			n = 2;
		} else if (*p < 0x20 || *p == 0x7f) {
			n = (size_t)snprintf(esc, sizeof esc, "\\u%04x", *p);
		} else {
			/* A whole UTF-8 sequence at once, so a cut never splits one. */
			n = 1;
			while (n < 4 && (p[n] & 0xC0) == 0x80)
				n++;
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
	append(j, "\"", 1);
}

/* Starts a new member "key": */
static void member(struct jsonbuf *j, const char *key)
{
	if (j->fields++)
		append(j, ", ", 2);
	append_string(j, key);
	append(j, ": ", 2);
}

bool jsonbuf_change_str(struct jsonbuf *j, const char *key, const char *before, const char *after)
{
	if ((!before && !after) || (before && after && strcmp(before, after) == 0))
		return false;
	member(j, key);
	append(j, "[", 1);
	append_string(j, before);
	append(j, ", ", 2);
	append_string(j, after);
	append(j, "]", 1);
	return true;
}

bool jsonbuf_change_int(struct jsonbuf *j, const char *key, long long before, long long after)
{
	if (before == after)
		return false;
	char buf[64];
	int n = snprintf(buf, sizeof buf, "[%lld, %lld]", before, after);
	member(j, key);
	append(j, buf, (size_t)n);
	return true;
}

void jsonbuf_put_str(struct jsonbuf *j, const char *key, const char *value)
{
	member(j, key);
	append_string(j, value);
}

void jsonbuf_put_int(struct jsonbuf *j, const char *key, long long value)
{
	char buf[32];
	int n = snprintf(buf, sizeof buf, "%lld", value);
	member(j, key);
	append(j, buf, (size_t)n);
}

const char *jsonbuf_text(const struct jsonbuf *j)
{
	return j->text;
}
