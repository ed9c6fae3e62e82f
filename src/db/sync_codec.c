/* Writing changesets in SQLite's own format (described at the top of
 * sqlite3session.c), so that bundles are read back with SQLite's
 * changeset iterator: a table header ('T', the number of columns, one
 * byte per column saying whether it is in the primary key, the table's
 * name and a NUL), then each change (its op, an "indirect" byte, then the
 * old and/or new values: a type byte, and 8 big-endian bytes for numbers
 * or a varint length and the bytes for text). */
#include <stdlib.h>
#include <string.h>

#include "db/sync_private.h"

void sync_buf_bytes(struct sync_buf *b, const void *data, size_t n)
{
	if (b->failed)
		return;
	if (b->n + n > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		while (cap < b->n + n)
			cap *= 2;
		unsigned char *p = realloc(b->p, cap);
		if (!p) {
			b->failed = true;
			return;
		}
		b->p = p;
		b->cap = cap;
	}
	if (n)
		memcpy(b->p + b->n, data, n);
	b->n += n;
}

/* SQLite's varint: big-endian groups of 7 bits with the high bit set on
 * all but the last, and a 9th byte of 8 bits for the largest values. */
void sync_buf_varint(struct sync_buf *b, unsigned long long v)
{
	unsigned char out[10];
	int n;
	if (v & (0xffULL << 56)) {
		out[8] = (unsigned char)v;
		v >>= 8;
		for (int i = 7; i >= 0; i--) {
			out[i] = (unsigned char)((v & 0x7f) | 0x80);
			v >>= 7;
		}
		sync_buf_bytes(b, out, 9);
		return;
	}
	unsigned char tmp[10];
	n = 0;
	do {
		tmp[n++] = (unsigned char)((v & 0x7f) | 0x80);
		v >>= 7;
	} while (v != 0);
	tmp[0] &= 0x7f;
	for (int i = 0; i < n; i++)
		out[i] = tmp[n - 1 - i];
	sync_buf_bytes(b, out, (size_t)n);
}

void sync_buf_free(struct sync_buf *b)
{
	free(b->p);
	b->p = NULL;
	b->n = b->cap = 0;
}

void sync_buf_table(struct sync_buf *b, const struct sync_table *t)
{
	unsigned char T = 'T';
	sync_buf_bytes(b, &T, 1);
	sync_buf_varint(b, (unsigned long long)t->ncol);
	for (int i = 0; i < t->ncol; i++) {
		unsigned char pk = t->key == SYNC_KEY_COMPOSITE ? (unsigned char)t->col[i].pk
		                                                : (unsigned char)(i == t->id_col);
		sync_buf_bytes(b, &pk, 1);
	}
	sync_buf_bytes(b, t->name, strlen(t->name) + 1);
}

void sync_buf_op(struct sync_buf *b, int op)
{
	unsigned char h[2] = { (unsigned char)op, 0 };
	sync_buf_bytes(b, h, 2);
}

static void put_be64(struct sync_buf *b, unsigned long long v)
{
	unsigned char out[8];
	for (int i = 7; i >= 0; i--) {
		out[i] = (unsigned char)v;
		v >>= 8;
	}
	sync_buf_bytes(b, out, 8);
}

void sync_buf_int(struct sync_buf *b, long long i)
{
	unsigned char t = SQLITE_INTEGER;
	sync_buf_bytes(b, &t, 1);
	put_be64(b, (unsigned long long)i);
}

void sync_buf_null(struct sync_buf *b)
{
	unsigned char t = 5;
	sync_buf_bytes(b, &t, 1);
}

void sync_buf_absent(struct sync_buf *b)
{
	unsigned char t = 0;
	sync_buf_bytes(b, &t, 1);
}

void sync_buf_text(struct sync_buf *b, const char *text)
{
	if (!text) {
		sync_buf_null(b);
		return;
	}
	unsigned char t = SQLITE_TEXT;
	size_t n = strlen(text);
	sync_buf_bytes(b, &t, 1);
	sync_buf_varint(b, n);
	sync_buf_bytes(b, text, n);
}

void sync_buf_value(struct sync_buf *b, sqlite3_value *v)
{
	if (!v) {
		sync_buf_absent(b);
		return;
	}
	switch (sqlite3_value_type(v)) {
	case SQLITE_INTEGER:
		sync_buf_int(b, sqlite3_value_int64(v));
		break;
	case SQLITE_FLOAT: {
		unsigned char t = SQLITE_FLOAT;
		double d = sqlite3_value_double(v);
		unsigned long long bits;
		memcpy(&bits, &d, sizeof bits);
		sync_buf_bytes(b, &t, 1);
		put_be64(b, bits);
		break;
	}
	case SQLITE_TEXT:
	case SQLITE_BLOB: {
		unsigned char t = (unsigned char)sqlite3_value_type(v);
		int n = sqlite3_value_bytes(v);
		const void *p = t == SQLITE_TEXT ? (const void *)sqlite3_value_text(v) : sqlite3_value_blob(v);
		sync_buf_bytes(b, &t, 1);
		sync_buf_varint(b, (unsigned long long)n);
		sync_buf_bytes(b, p, (size_t)n);
		break;
	}
	default:
		sync_buf_null(b);
	}
}
