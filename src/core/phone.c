/* Phone numbers: keys, index words, lookups. See include/core/phone.h. */
#include "core/phone.h"

#include <stdio.h>
#include <string.h>

/* Most digits kept from what was typed: a key adds at most a country code. */
#define DIGITS_MAX (PHONE_KEY_SIZE - 1 - PHONE_CC_MAX)

/* The digits of a typed number. */
struct digits {
	char d[DIGITS_MAX + 1];
	size_t n;
	bool intl;        /* written with "+" or "00": d starts with its country code */
	bool too_long;    /* more digits than d holds (d keeps the first ones) */
};

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

bool phone_country_ok(const char *cc)
{
	if (!cc || !cc[0] || cc[0] == '0')
		return false;
	size_t n = 0;
	for (; cc[n]; n++)
		if (!is_digit(cc[n]) || n == PHONE_CC_MAX)
			return false;
	return true;
}

bool phone_looks_like(const char *typed)
{
	bool digit = false;
	for (const char *c = typed ? typed : ""; *c; c++) {
		if (is_digit(*c))
			digit = true;
		else if (!strchr(" \t+-.()/", *c))
			return false;
	}
	return digit;
}

/* Reads the digits of typed and whether it starts with an international
 * prefix: "+" (after blanks and an opening parenthesis) or "00". The
 * zeros of that prefix, and any after it, are not kept. */
static void read_digits(const char *typed, struct digits *g)
{
	memset(g, 0, sizeof *g);
	const char *c = typed ? typed : "";
	while (*c == ' ' || *c == '\t' || *c == '(')
		c++;
	g->intl = *c == '+';
	for (; *c; c++) {
		if (!is_digit(*c))
			continue;
		if (g->n == DIGITS_MAX) {
			g->too_long = true;
			break;
		}
		g->d[g->n++] = *c;
	}
	g->d[g->n] = '\0';
	if (!g->intl && g->n >= 2 && g->d[0] == '0' && g->d[1] == '0')
		g->intl = true;
	if (g->intl) {
		size_t z = 0;
		while (z < g->n && g->d[z] == '0')
			z++;
		memmove(g->d, g->d + z, g->n - z + 1);
		g->n -= z;
	}
}

/* cc when it is a country code, else the default. */
static const char *country(const char *cc)
{
	return phone_country_ok(cc) ? cc : PHONE_DEFAULT_COUNTRY;
}

/* True when the digits, written without "+" or "00", start with cc and
 * have a whole national number after it. */
static bool has_country(const struct digits *g, const char *cc)
{
	size_t len = strlen(cc);
	return !g->intl && g->n >= len + PHONE_NATIONAL_MIN && strncmp(g->d, cc, len) == 0;
}

/* The key of the digits read into out. */
static void key_of(const struct digits *g, const char *cc, char *out, size_t size)
{
	if (g->n == 0) {
		snprintf(out, size, "%s", "");
		return;
	}
	if (g->intl || has_country(g, cc)) {
		snprintf(out, size, "%s", g->d);
		return;
	}
	/* A national number: its trunk prefix 0 is not part of the key. */
	const char *national = g->d[0] == '0' ? g->d + 1 : g->d;
	if (!*national)
		snprintf(out, size, "%s", "");
	else
		snprintf(out, size, "%s%s", cc, national);
}

void phone_normalise(const char *typed, const char *cc, char *out, size_t size)
{
	if (!out || size == 0)
		return;
	struct digits g;
	read_digits(typed, &g);
	key_of(&g, country(cc), out, size);
}

/* Writes "0" and the first n characters of s backwards into out. */
static void reversed(const char *s, size_t n, char *out, size_t size)
{
	if (size < n + 2) {
		if (size)
			out[0] = '\0';
		return;
	}
	out[0] = '0';
	for (size_t i = 0; i < n; i++)
		out[1 + i] = s[n - 1 - i];
	out[n + 1] = '\0';
}

void phone_index_words(const char *typed, const char *cc, char *out, size_t size)
{
	if (!out || size == 0)
		return;
	char key[PHONE_KEY_SIZE], tail[PHONE_KEY_SIZE + 1];
	phone_normalise(typed, cc, key, sizeof key);
	if (!key[0]) {
		out[0] = '\0';
		return;
	}
	reversed(key, strlen(key), tail, sizeof tail);
	snprintf(out, size, "%s %s", key, tail);
}

bool phone_query(const char *typed, const char *cc, struct phone_query *q)
{
	memset(q, 0, sizeof *q);
	if (!phone_looks_like(typed))
		return false;
	struct digits g;
	read_digits(typed, &g);
	if (g.n < PHONE_QUERY_MIN || g.too_long)
		return false;
	cc = country(cc);
	key_of(&g, cc, q->prefix[0], sizeof q->prefix[0]);
	bool intl = g.intl || has_country(&g, cc);
	if (!intl && strncmp(g.d, cc, strlen(cc)) == 0)
		snprintf(q->prefix[1], sizeof q->prefix[1], "%s", g.d);
	if (intl) {
		/* The last digits of a whole number, wherever its code. */
		if (g.n > PHONE_NATIONAL_MIN)
			reversed(g.d + g.n - PHONE_NATIONAL_MIN, PHONE_NATIONAL_MIN, q->tail, sizeof q->tail);
	} else {
		const char *national = g.d[0] == '0' ? g.d + 1 : g.d;
		if (strlen(national) >= PHONE_QUERY_MIN)
			reversed(national, strlen(national), q->tail, sizeof q->tail);
	}
	return true;
}
