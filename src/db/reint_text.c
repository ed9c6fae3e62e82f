/* The checks of free text and the refusal messages that every file of the
 * reintegration data layer shares. */
#include <string.h>

#include "core/text.h"
#include "reint_private.h"

bool reint_text_fits(const char *s, size_t size, int chars, bool lines)
{
	if (!memchr(s, '\0', size) || !text_valid_utf8(s))
		return false;
	int n = 0;
	for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
		if ((*c < 0x20 && !(lines && *c == '\n')) || *c == 0x7f)
			return false;
		if ((*c & 0xc0) != 0x80)
			n++;
	}
	return n <= chars;
}

bool reint_has_content(const char *s)
{
	for (; *s; s++)
		if (*s != ' ' && *s != '\n')
			return true;
	return false;
}

const char *reint_about(const char **field, const char *name, const char *msgid)
{
	if (field)
		*field = name;
	return msgid;
}
