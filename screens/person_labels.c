/* Labels instead of codes for what screens show of a person. */
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "core/vocab.h"
#include "screens/person_labels.h"
#include "ui/lang.h"

void label_ref(struct app *app, enum ref_kind kind, const char *code, char *out, size_t size)
{
	if (!code || !*code) {
		out[0] = '\0';
		return;
	}
	if (ref_name(app_db(app), kind, code, lang_get(), out, size) != ST_OK || !out[0])
		snprintf(out, size, "%s", code);
}

/* The flag whose abbreviation (msgid) is word, or NULL. */
static const struct vocab_item *flag_of_short(const char *word)
{
	for (int i = 0; i < vocab_count(VOCAB_FLAG); i++) {
		const struct vocab_item *it = vocab_item(VOCAB_FLAG, i);
		if (it->short_label && strcmp(it->short_label, word) == 0)
			return it;
	}
	return NULL;
}

/* Appends to out each flag of shorts, as its abbreviation or its label,
 * translated, separated by sep. */
static void flags_text(const char *shorts, bool whole, const char *sep, char *out, size_t size)
{
	char copy[256];
	snprintf(copy, sizeof copy, "%s", shorts ? shorts : "");
	out[0] = '\0';
	for (char *save = NULL, *w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
		const struct vocab_item *it = flag_of_short(w);
		const char *shown = it ? _(whole ? it->label : it->short_label) : w;
		size_t len = strlen(out);
		snprintf(out + len, size - len, "%s%s", len ? sep : "", shown);
	}
}

void label_flags_short(const char *shorts, char *out, size_t size)
{
	flags_text(shorts, false, " ", out, size);
}

void label_flags_long(const char *shorts, char *out, size_t size)
{
	flags_text(shorts, true, " · ", out, size);
}

void label_fit(const char *in, int cols, char *out, size_t size)
{
	if (text_width(in) <= cols) {
		text_fit(in, cols, out, size);
		return;
	}
	text_fit(in, cols - 1, out, size);
	size_t len = strlen(out);
	snprintf(out + len, size - len, "%s", "…");
}

void label_community(bool whole, char *text, size_t size)
{
	const char *mark = whole ? _("Community member") : _("COMM.");
	const char *sep = !text[0] ? "" : whole ? " · " : " ";
	size_t m = strlen(mark), k = strlen(sep), len = strlen(text);
	if (m + k + 1 > size)
		return;
	if (m + k + len + 1 > size)
		len = size - 1 - m - k;   /* the marker is kept before the end */
	memmove(text + m + k, text, len);
	memcpy(text, mark, m);
	memcpy(text + m, sep, k);
	text[m + k + len] = '\0';
}
