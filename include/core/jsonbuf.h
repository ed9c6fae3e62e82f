#ifndef TAIMAKO_CORE_JSONBUF_H
#define TAIMAKO_CORE_JSONBUF_H
/* A small builder for the audit trail's "what changed" JSON objects:
 * {"field": [before, after], ...}, and for drafts of forms. Fixed size; the
 * text is always valid JSON and no value is ever cut: a member that does
 * not fit whole is written "field": {"too_long": true} instead (cut is set),
 * and when even that does not fit the object ends with "more_changes": N. */
#include <stdbool.h>
#include <stddef.h>

/* Room for a whole form's draft, and for every field of a person, before
 * and after, at their longest. */
#define JSONBUF_SIZE 8192

struct jsonbuf {
	char text[JSONBUF_SIZE];
	size_t len;
	int fields;
	int omitted;       /* members not even named ("more_changes") */
	bool cut;          /* something did not fit */
	bool failed;       /* the member being written does not fit */
};

/* Starts an empty object "{}". */
void jsonbuf_init(struct jsonbuf *j);

/* Adds "key": [before, after] for strings (NULL gives null) when they
 * differ; returns true when it added something. */
bool jsonbuf_change_str(struct jsonbuf *j, const char *key, const char *before, const char *after);

/* The same for integers. */
bool jsonbuf_change_int(struct jsonbuf *j, const char *key, long long before, long long after);

/* Adds "key": value (a string) whatever it is. */
void jsonbuf_put_str(struct jsonbuf *j, const char *key, const char *value);

/* Adds "key": value (an integer). */
void jsonbuf_put_int(struct jsonbuf *j, const char *key, long long value);

/* The object text, always valid JSON. */
const char *jsonbuf_text(const struct jsonbuf *j);

#endif
