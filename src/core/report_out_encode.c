/* The report writer's encodings: UTF-8 as rendered, UTF-8 after a
 * byte-order mark, or Windows-1252 through iconv. A character Windows-1252
 * cannot hold is reported (its line, the character and the line's text)
 * and nothing at all is written: never a character dropped silently, never
 * half a file. */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/report_out_private.h"
#include "core/text.h"

/* The length of the UTF-8 character starting with byte c (1 when invalid). */
static size_t char_len(unsigned char c)
{
	return c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

/* Tells in err which character at buf[pos] has no Windows-1252 form. */
static void report_unwritable(const char *buf, size_t len, size_t pos, long line, char *err, size_t err_size)
{
	size_t start = 0;
	for (size_t i = 0; i < pos; i++)
		if (buf[i] == '\n') {
			line++;
			start = i + 1;
		}
	size_t end = pos;
	while (end < len && buf[end] != '\n')
		end++;
	size_t clen = char_len((unsigned char)buf[pos]);
	if (pos + clen > len)
		clen = len - pos;
	char ch[8] = "";
	memcpy(ch, buf + pos, clen);
	char safe_ch[16];
	text_sanitize(ch, safe_ch, sizeof safe_ch);
	char *text = malloc(end - start + 1);
	if (!text) {
		snprintf(err, err_size, _("Line %ld: the character \"%s\" cannot be written in Windows-1252."), line,
		         safe_ch);
		return;
	}
	memcpy(text, buf + start, end - start);
	text[end - start] = '\0';
	char shown[160];
	text_fit(text, 60, shown, sizeof shown);
	bool cut = strlen(shown) < strlen(text);
	snprintf(err, err_size,
	         _("Line %ld: the character \"%s\" cannot be written in Windows-1252, in: %s%s. Choose UTF-8, or "
	           "change the text."),
	         line, safe_ch, shown, cut ? "…" : "");
	free(text);
}

/* Converts buf to Windows-1252 into *out (freed by the caller). */
static enum status to_cp1252(const char *buf, size_t len, long line0, char **out, size_t *out_len, char *err,
                            size_t err_size)
{
	iconv_t cd = iconv_open("WINDOWS-1252", "UTF-8");
	if (cd == (iconv_t)-1)
		return ST_INTERNAL;
	char *dst = malloc(len + 1);   /* one byte a character at most */
	if (!dst) {
		iconv_close(cd);
		return ST_NOMEM;
	}
	char *in = (char *)buf, *op = dst;
	size_t in_left = len, out_left = len + 1;
	enum status st = ST_OK;
	if (iconv(cd, &in, &in_left, &op, &out_left) == (size_t)-1) {
		st = errno == E2BIG ? ST_INTERNAL : ST_INVALID;
		if (st == ST_INVALID)
			report_unwritable(buf, len, (size_t)(in - buf), line0, err, err_size);
	}
	iconv_close(cd);
	if (st != ST_OK) {
		free(dst);
		return st;
	}
	*out = dst;
	*out_len = (size_t)(op - dst);
	return ST_OK;
}

enum status report_encode(FILE *out, const char *buf, size_t len, enum report_encoding enc, long line0, char *err,
                          size_t err_size)
{
	if (err_size)
		err[0] = '\0';
	char *conv = NULL;
	size_t conv_len = 0;
	if (enc == REPORT_CP1252) {
		enum status st = to_cp1252(buf, len, line0, &conv, &conv_len, err, err_size);
		if (st != ST_OK)
			return st;
		buf = conv;
		len = conv_len;
	} else if (enc == REPORT_UTF8_BOM && line0 == 1)
		fwrite("\xEF\xBB\xBF", 1, 3, out);
	if (len)
		fwrite(buf, 1, len, out);
	free(conv);
	return ferror(out) ? ST_IO : ST_OK;
}
