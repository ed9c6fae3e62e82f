/* The fields of a record for the audit trail (fields_json.h). */
#include <string.h>

#include "core/jsonbuf.h"
#include "fields_json.h"

static long long field_int(const void *record, const struct db_field *f)
{
	const char *p = (const char *)record + f->offset;
	if (f->size == 1) {
		long long v;
		memcpy(&v, p, sizeof v);
		return v;
	}
	int v;
	memcpy(&v, p, sizeof v);
	return v;
}

void db_fields_json(struct jsonbuf *j, const struct db_field *fields, size_t n, const void *before, const void *after)
{
	for (size_t i = 0; i < n; i++) {
		const struct db_field *f = &fields[i];
		if (f->size > 1) {
			const char *text = (const char *)after + f->offset;
			if (before)
				jsonbuf_change_str(j, f->name, (const char *)before + f->offset, text);
			else
				jsonbuf_put_str(j, f->name, text);
		} else if (before) {
			jsonbuf_change_int(j, f->name, field_int(before, f), field_int(after, f));
		} else {
			jsonbuf_put_int(j, f->name, field_int(after, f));
		}
	}
}
