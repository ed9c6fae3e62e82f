/* Fuzz target: sanitising, measuring, fitting and folding text
 * (core/text.c). Properties: sanitised text is valid UTF-8 with no control
 * byte, no C1 control and no bidirectional override, never longer than
 * the input, and a smaller buffer gives a prefix of it; sanitising is
 * idempotent; text fitted to a width takes at most that width, is a prefix
 * of the sanitised text, measures what fitting said, and never leaves out
 * the zero-width characters after the last one it keeps; folding gives
 * valid UTF-8 without upper-case ASCII, and text matches itself. */
#include "core/text.h"
#include "fuzz.h"

/* Reads the code point at s (valid UTF-8) and its length. */
static long decode(const unsigned char *s, int *len)
{
	if (s[0] < 0x80) {
		*len = 1;
		return s[0];
	}
	if (s[0] < 0xE0) {
		*len = 2;
		return (s[0] & 0x1F) << 6 | (s[1] & 0x3F);
	}
	if (s[0] < 0xF0) {
		*len = 3;
		return (s[0] & 0x0F) << 12 | (s[1] & 0x3F) << 6 | (s[2] & 0x3F);
	}
	*len = 4;
	return (long)(s[0] & 0x07) << 18 | (s[1] & 0x3F) << 12 | (s[2] & 0x3F) << 6 | (s[3] & 0x3F);
}

/* True when s (valid UTF-8) holds nothing a terminal would act on. */
static bool terminal_safe(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p;) {
		int n;
		long cp = decode(p, &n);
		if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp <= 0x9f) || (cp >= 0x202a && cp <= 0x202e) ||
		    (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200e || cp == 0x200f || cp == 0x061c || cp == 0x2028 ||
		    cp == 0x2029)
			return false;
		p += n;
	}
	return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *in = fuzz_cstr(data, size);
	size_t len = strlen(in);
	size_t room = len + 1;
	char *out = malloc(room), *again = malloc(room), *part = malloc(room);
	FUZZ_CHECK(out && again && part);

	size_t n = text_sanitize(in, out, room);
	FUZZ_CHECK(n == strlen(out) && n <= len);
	FUZZ_CHECK(fuzz_utf8_valid(out));
	FUZZ_CHECK(text_valid_utf8(out));
	FUZZ_CHECK(terminal_safe(out));
	FUZZ_CHECK(text_valid_utf8(in) == fuzz_utf8_valid(in));
	/* Sanitising what is safe changes nothing. */
	FUZZ_CHECK(text_sanitize(out, again, room) == n && strcmp(again, out) == 0);
	/* A smaller buffer: a prefix, of whole characters. */
	size_t small = size ? data[0] % (room + 1) : 0;
	size_t m = text_sanitize(in, part, small);
	if (small > 0) {
		FUZZ_CHECK(m < small && m == strlen(part) && strncmp(part, out, m) == 0);
		FUZZ_CHECK(fuzz_utf8_valid(part));
	} else {
		FUZZ_CHECK(m == 0);
	}

	int width = text_width(in);
	FUZZ_CHECK(width >= 0 && width == text_width(out));
	int cols = size > 1 ? data[1] % 90 : 0;
	int used = text_fit(in, cols, part, room);
	FUZZ_CHECK(used >= 0 && used <= cols && used <= width);
	FUZZ_CHECK(text_width(part) == used);
	FUZZ_CHECK(strncmp(part, out, strlen(part)) == 0);
	FUZZ_CHECK(fuzz_utf8_valid(part));
	if (width <= cols)
		FUZZ_CHECK(strcmp(part, out) == 0 && used == width);
	/* A character is never parted from the zero-width ones after it:
	 * what was left out starts with a character of some width. */
	size_t kept = strlen(part);
	if (kept < n) {
		int cl;
		char one[5] = "";
		decode((const unsigned char *)out + kept, &cl);
		memcpy(one, out + kept, (size_t)cl);
		FUZZ_CHECK(kept == 0 || text_width(one) > 0);
	}
	/* A tight byte buffer: still a prefix within the columns. */
	used = text_fit(in, cols, part, small ? small : 1);
	FUZZ_CHECK(used <= cols && strncmp(part, out, strlen(part)) == 0 && fuzz_utf8_valid(part));

	char *folded = text_fold(in);
	FUZZ_CHECK(folded != NULL);
	FUZZ_CHECK(fuzz_utf8_valid(folded));
	for (const char *c = folded; *c; c++)
		FUZZ_CHECK(!(*c >= 'A' && *c <= 'Z'));
	FUZZ_CHECK(text_fold_match(in, in));
	FUZZ_CHECK(text_fold_match(in, ""));
	/* Each word of the folded text is found by itself. */
	FUZZ_CHECK(text_fold_match(in, folded));
	free(folded);
	free(out);
	free(again);
	free(part);
	free(in);
	return 0;
}
