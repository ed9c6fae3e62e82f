#ifndef TAIMAKO_CORE_CHANGES_H
#define TAIMAKO_CORE_CHANGES_H
/* Reading back the changes of an audit row, as core/jsonbuf.h writes them:
 * a flat object whose values are strings, numbers, null, true/false, or
 * pairs [before, after] of those. The text comes from the database: it is
 * checked whole before anything is taken from it. */
#include <stdbool.h>

/* One member: its key and value; for a pair, before and after. A value
 * that is null is NULL; numbers and booleans come as their text. Control
 * characters in strings become spaces. */
struct change_item {
	const char *key;
	bool pair;            /* [before, after] */
	const char *before;   /* pairs only */
	const char *after;    /* the value, or the value after */
};

/* Calls fn for each member of json in order, only when the whole text is
 * such an object; false (fn never called) otherwise. The strings live only
 * during the call. */
bool changes_read(const char *json, void (*fn)(const struct change_item *c, void *ctx), void *ctx);

#endif
