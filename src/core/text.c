/* Text handling for display: sanitising, display width, fitting, folding.
 * See include/core/text.h for the contract. */
#include "core/text.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

/* What one input character becomes in the sanitised form. */
struct unit {
	size_t in_len;     /* input bytes consumed (at least 1) */
	const char *out;   /* bytes it becomes: the input itself, "?" or " " */
	size_t out_len;    /* how many of them */
	int width;         /* display columns of those bytes */
	bool joins;        /* zero-width character kept with the one before */
};

/* True for code points that could move the cursor, change terminal state or
 * reorder what is drawn, and so must never reach the screen. */
static bool is_unsafe(utf8proc_int32_t cp)
{
	if (cp < 0x20 || cp == 0x7f)
		return true;
	if (cp >= 0x80 && cp <= 0x9f)
		return true;
	if (cp >= 0x202a && cp <= 0x202e)
		return true;
	if (cp >= 0x2066 && cp <= 0x2069)
		return true;
	switch (cp) {
	case 0x061c:
	case 0x200e:
	case 0x200f:
	case 0x2028:
	case 0x2029:
		return true;
	default:
		return false;
	}
}

/* Decodes the character at s (len > 0 bytes left) into its sanitised form,
 * so that sanitising, measuring and fitting all agree on every byte. */
static void next_unit(const char *s, size_t len, struct unit *u)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t n;

	/* len is at most the string's length, which fits in ssize_t. */
	n = utf8proc_iterate((const utf8proc_uint8_t *)s,
			     (utf8proc_ssize_t)len, &cp);
	u->joins = false;
	if (n <= 0 || cp < 0) {
		/* Each byte of a bad sequence is replaced on its own, so the
		 * next good character is resynchronised on. */
		u->in_len = 1;
		u->out = "?";
		u->out_len = 1;
		u->width = 1;
		return;
	}
	u->in_len = (size_t)n;
	if (cp == '\t' || cp == '\n' || cp == '\r') {
		u->out = " ";
		u->out_len = 1;
		u->width = 1;
		return;
	}
	if (is_unsafe(cp)) {
		u->out = "?";
		u->out_len = 1;
		u->width = 1;
		return;
	}
	u->out = s;
	u->out_len = (size_t)n;
	u->width = utf8proc_charwidth(cp);
	if (u->width < 0)
		u->width = 0;
	u->joins = u->width == 0;
}

/* Checks that s is well-formed UTF-8, as utf8proc decodes it. */
bool text_valid_utf8(const char *s)
{
	size_t len, pos = 0;

	if (!s)
		return false;
	len = strlen(s);
	while (pos < len) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate(
			(const utf8proc_uint8_t *)s + pos,
			(utf8proc_ssize_t)(len - pos), &cp);

		if (n <= 0 || cp < 0)
			return false;
		pos += (size_t)n;
	}
	return true;
}

/* Copies in to out with everything unsafe for a terminal replaced. */
size_t text_sanitize(const char *in, char *out, size_t outsz)
{
	size_t len, pos = 0, o = 0;

	if (!out || outsz == 0)
		return 0;
	len = in ? strlen(in) : 0;
	while (pos < len) {
		struct unit u;

		next_unit(in + pos, len - pos, &u);
		/* Stop rather than skip: the result must stay a prefix. */
		if (u.out_len >= outsz - o)
			break;
		memcpy(out + o, u.out, u.out_len);
		o += u.out_len;
		pos += u.in_len;
	}
	out[o] = '\0';
	return o;
}

/* Counts the terminal columns the sanitised form of s takes. */
int text_width(const char *s)
{
	size_t len, pos = 0;
	int w = 0;

	if (!s)
		return 0;
	len = strlen(s);
	while (pos < len) {
		struct unit u;

		next_unit(s + pos, len - pos, &u);
		if (w > INT_MAX - u.width)
			return INT_MAX;
		w += u.width;
		pos += u.in_len;
	}
	return w;
}

/* Copies the longest sanitised prefix of in that fits in cols columns. */
int text_fit(const char *in, int cols, char *out, size_t outsz)
{
	size_t len, pos = 0, o = 0;
	int used = 0;

	if (!out || outsz == 0)
		return 0;
	len = in ? strlen(in) : 0;
	while (pos < len) {
		struct unit u;
		size_t end, bytes;
		int w;

		/* Measure a whole cluster (a character and the zero-width
		 * ones after it) first, so it is taken or left as one. */
		next_unit(in + pos, len - pos, &u);
		w = u.width;
		bytes = u.out_len;
		end = pos + u.in_len;
		while (end < len) {
			struct unit v;

			next_unit(in + end, len - end, &v);
			if (!v.joins)
				break;
			bytes += v.out_len;
			end += v.in_len;
		}
		if (w > cols - used || bytes >= outsz - o)
			break;
		while (pos < end) {
			next_unit(in + pos, len - pos, &u);
			memcpy(out + o, u.out, u.out_len);
			o += u.out_len;
			pos += u.in_len;
		}
		used += w;
	}
	out[o] = '\0';
	return used;
}

/* Returns a new NFKC-normalised, unmarked, case-folded copy of s. */
char *text_fold(const char *s)
{
	utf8proc_uint8_t *folded = NULL;
	utf8proc_ssize_t r;
	size_t len, pos = 0, o = 0;
	char *clean;

	if (!s)
		s = "";
	len = strlen(s);
	/* Printable ASCII, most names: folding is lower case (the lookup folds
	 * every resident's names at each key typed). */
	while (pos < len && s[pos] >= 0x20 && s[pos] <= 0x7e)
		pos++;
	if (pos == len) {
		clean = malloc(len + 1);
		if (!clean)
			return NULL;
		for (pos = 0; pos <= len; pos++)
			clean[pos] = (char)(s[pos] >= 'A' && s[pos] <= 'Z' ? s[pos] - 'A' + 'a' : s[pos]);
		return clean;
	}
	pos = 0;
	/* utf8proc_map refuses invalid input as a whole, so the bad bytes
	 * are dropped first and the rest still folds. */
	clean = malloc(len + 1);
	if (!clean)
		return NULL;
	while (pos < len) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate(
			(const utf8proc_uint8_t *)s + pos,
			(utf8proc_ssize_t)(len - pos), &cp);

		if (n <= 0 || cp < 0) {
			pos++;
			continue;
		}
		memcpy(clean + o, s + pos, (size_t)n);
		o += (size_t)n;
		pos += (size_t)n;
	}
	clean[o] = '\0';
	/* IGNORE drops soft hyphens and zero-width characters and STRIPCC
	 * turns tabs and newlines into spaces, so neither hides a match. */
	r = utf8proc_map((const utf8proc_uint8_t *)clean, 0, &folded,
			 UTF8PROC_NULLTERM | UTF8PROC_COMPAT |
			 UTF8PROC_COMPOSE | UTF8PROC_STRIPMARK |
			 UTF8PROC_CASEFOLD | UTF8PROC_IGNORE |
			 UTF8PROC_STRIPCC);
	free(clean);
	if (r < 0) {
		free(folded);
		return NULL;
	}
	return (char *)folded;
}

/* True when position i of the folded string h starts a word. */
static bool word_start(const char *h, size_t i)
{
	if (i == 0)
		return true;
	switch (h[i - 1]) {
	case ' ':
	case '-':
	case '\'':
	case '(':
		return true;
	default:
		break;
	}
	/* U+2019, the typographic apostrophe of "Côte d’Ivoire". */
	return i >= 3 && memcmp(h + i - 3, "\xe2\x80\x99", 3) == 0;
}

/* Tells whether needle starts haystack or one of its words, once folded. */
bool text_fold_match(const char *haystack, const char *needle)
{
	char *h, *n;
	size_t hlen, nlen, i;
	bool found = false;

	if (!needle || !*needle)
		return true;
	n = text_fold(needle);
	if (!n)
		return false;
	nlen = strlen(n);
	if (nlen == 0) {
		free(n);
		return true;
	}
	h = text_fold(haystack ? haystack : "");
	if (!h) {
		free(n);
		return false;
	}
	hlen = strlen(h);
	for (i = 0; !found && i + nlen <= hlen; i++)
		found = word_start(h, i) && memcmp(h + i, n, nlen) == 0;
	free(h);
	free(n);
	return found;
}
