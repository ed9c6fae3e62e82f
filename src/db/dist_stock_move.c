/* The stock of distribution items recorded by hand: receipts, issues,
 * counts; the balances of a centre's items; the moves of an item (see
 * db/dist_stock_move.h). Every move is one transaction with its audit row. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/dist_vocab.h"
#include "core/i18n.h"
#include "core/jsonbuf.h"
#include "core/text.h"
#include "core/vocab.h"
#include "db/audit.h"
#include "db/db_private.h"
#include "db/dist_stock.h"
#include "db/dist_stock_move.h"

static const char *about(const char **field, const char *name, const char *msgid)
{
	if (field)
		*field = name;
	return msgid;
}

/* Characters in s (valid UTF-8), -1 when it holds a control character
 * other than none. */
static int note_chars(const char *s)
{
	int n = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p & 0xC0) != 0x80)
			n++;
		if (*p < 0x20 || *p == 0x7F)
			return -1;
		/* C1 controls are U+0080..U+009F: 0xC2 0x80..0x9F. */
		if (*p == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F)
			return -1;
	}
	return n;
}

static bool has_content(const char *s)
{
	for (; *s; s++)
		if (*s != ' ')
			return true;
	return false;
}

const char *dist_stock_entry_problem(const struct dist_stock_entry *e, const char **field)
{
	if (field)
		*field = NULL;
	if (!memchr(e->kind, '\0', sizeof e->kind) || !vocab_has(VOCAB_DIST_MOVE_KIND, e->kind))
		return about(field, "kind", N_("Choose a receipt, an issue or a count."));
	bool count = strcmp(e->kind, "count") == 0;
	if (count && (e->quantity < 0 || e->quantity > DIST_STOCK_QTY_MAX))
		return about(field, "quantity", N_("The quantity counted is a whole number from 0 to 1,000,000."));
	if (!count && (e->quantity < 1 || e->quantity > DIST_STOCK_QTY_MAX))
		return about(field, "quantity", N_("The quantity is a whole number from 1 to 1,000,000."));
	if (!memchr(e->note, '\0', sizeof e->note) || !text_valid_utf8(e->note))
		return about(field, "note", N_("A text is too long or not valid."));
	int chars = note_chars(e->note);
	if (chars < 0)
		return about(field, "note", N_("The note cannot hold control characters."));
	if (chars > DIST_STOCK_NOTE_MAX)
		return about(field, "note", N_("The note is too long (200 characters at most)."));
	if (strcmp(e->kind, "issue") == 0 && !has_content(e->note))
		return about(field, "note", N_("Say why the items went out: loss, damage, transfer to another place."));
	return NULL;
}

/* ST_OK when the actor may read the stock. */
static enum status may_read(struct db *db)
{
	const struct db_actor *a = db_actor(db);
	if (perm_allows(a->role, PERM_DISTRIBUTION_OVERRIDE) || perm_allows(a->role, PERM_REPORTS))
		return ST_OK;
	return db_require(db, PERM_DISTRIBUTION_WRITE);
}

/* The balance of item at centre inside the transaction. */
static enum status balance_of(struct db *db, long long centre, long long item, long long *balance)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT coalesce((SELECT balance FROM dist_stock WHERE centre_id = ?1 "
	                               "AND item_id = ?2), 0)");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, centre);
	sqlite3_bind_int64(st, 2, item);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*balance = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_ROW ? ST_OK : db_status_of(rc);
}

#define MOVE_SELECT \
	"SELECT m.id, m.item_id, m.day, m.kind, m.quantity, m.note, coalesce(u.display_name, ''), " \
	"coalesce(m.created, '') FROM dist_stock_move m LEFT JOIN app_user u ON u.id = m.recorded_by "

static void read_move(sqlite3_stmt *st, struct dist_stock_move *m)
{
	memset(m, 0, sizeof *m);
	m->id = sqlite3_column_int64(st, 0);
	m->item_id = sqlite3_column_int64(st, 1);
	db_column_copy(st, 2, m->day, sizeof m->day);
	db_column_copy(st, 3, m->kind, sizeof m->kind);
	m->quantity = sqlite3_column_int64(st, 4);
	db_column_copy(st, 5, m->note, sizeof m->note);
	db_column_copy(st, 6, m->recorded_by, sizeof m->recorded_by);
	db_column_copy(st, 7, m->created, sizeof m->created);
}

static enum status record_write(struct db *db, const struct dist_stock_entry *e, long long centre,
                                struct dist_stock_move *m, long long *after, const char **msgid,
                                const char **field)
{
	struct dist_item it;
	enum status s = dist_item_get(db, e->item_id, &it);
	if (s != ST_OK)
		return s;
	long long before;
	if ((s = balance_of(db, centre, e->item_id, &before)) != ST_OK)
		return s;
	long long q = strcmp(e->kind, "receipt") == 0 ? e->quantity
	              : strcmp(e->kind, "issue") == 0 ? -e->quantity
	                                               : e->quantity - before;
	if (q < 0 && -q > before && strcmp(e->kind, "issue") == 0) {
		*msgid = about(field, "quantity", N_("Not that many in stock: if the balance is wrong, record a count."));
		return ST_INVALID;
	}
	memset(m, 0, sizeof *m);
	m->item_id = e->item_id;
	snprintf(m->kind, sizeof m->kind, "%s", e->kind);
	snprintf(m->note, sizeof m->note, "%s", e->note);
	clock_today_iso(m->day, sizeof m->day);
	m->quantity = q;
	*after = before + q;
	if (q == 0)
		return ST_OK;   /* the count agrees: nothing to record */
	if (q < -DIST_STOCK_QTY_MAX || q > DIST_STOCK_QTY_MAX) {
		*msgid = about(field, "quantity", N_("The quantity counted is a whole number from 0 to 1,000,000."));
		return ST_INVALID;
	}
	sqlite3_stmt *st = db_stmt(db, "INSERT INTO dist_stock_move (item_id, centre_id, day, kind, quantity, note, "
	                               "recorded_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, e->item_id);
	sqlite3_bind_int64(st, 2, centre);
	db_bind_text(st, 3, m->day);
	db_bind_text(st, 4, m->kind);
	sqlite3_bind_int64(st, 5, q);
	db_bind_text(st, 6, m->note);
	long long user = db_actor(db)->user_id;
	if (user > 0)
		sqlite3_bind_int64(st, 7, user);
	else
		sqlite3_bind_null(st, 7);
	if ((s = db_step_done(st)) != ST_OK)
		return s;
	m->id = sqlite3_last_insert_rowid(db_sqlite(db));
	/* As stored, with the name of who recorded it. */
	if ((st = db_stmt(db, MOVE_SELECT "WHERE m.id = ?1")) == NULL)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, m->id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_move(st, m);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? ST_INTERNAL : db_status_of(rc);
	struct jsonbuf j;
	jsonbuf_init(&j);
	jsonbuf_put_int(&j, "item_id", e->item_id);
	jsonbuf_put_str(&j, "item", it.code);
	jsonbuf_put_str(&j, "centre", e->centre_code);
	jsonbuf_put_str(&j, "day", m->day);
	jsonbuf_put_str(&j, "kind", m->kind);
	jsonbuf_put_int(&j, "quantity", q);
	if (strcmp(e->kind, "count") == 0)
		jsonbuf_put_int(&j, "counted", e->quantity);
	jsonbuf_put_str(&j, "note", m->note);
	jsonbuf_change_int(&j, "balance", before, *after);
	return audit_log(db, "create", "dist_stock_move", m->id, jsonbuf_text(&j));
}

enum status dist_stock_record(struct db *db, const struct dist_stock_entry *e, struct dist_stock_move *out,
                              long long *balance, const char **msgid, const char **field)
{
	const char *m = NULL, *f = NULL;
	enum status s = db_require(db, PERM_DISTRIBUTION_WRITE);
	if (s == ST_OK && (m = dist_stock_entry_problem(e, &f)) != NULL)
		s = ST_INVALID;
	long long centre = 0;
	if (s == ST_OK && (!memchr(e->centre_code, '\0', sizeof e->centre_code)
	                   || (centre = db_centre_id(db, e->centre_code)) == 0))
		s = ST_NOT_FOUND;
	struct dist_stock_move move;
	long long after = 0;
	if (s == ST_OK && (s = db_begin(db)) == ST_OK) {
		s = db_finish(db, record_write(db, e, centre, &move, &after, &m, &f));
		if (s == ST_OK && out)
			*out = move;
		if (s == ST_OK && balance)
			*balance = after;
	}
	if (msgid)
		*msgid = m;
	if (field)
		*field = f;
	return s;
}

/* The items with their balance at a centre, collected before calling back. */
struct lines {
	struct dist_stock_line *rows;
	size_t n, cap;
	bool nomem;
};

static void take_item(const struct dist_item *it, void *ctx)
{
	struct lines *l = ctx;
	struct dist_stock_line *r = db_grow((void **)&l->rows, &l->n, &l->cap, sizeof *l->rows);
	if (!r) {
		l->nomem = true;
		return;
	}
	r->item = *it;
}

enum status dist_stock_lines(struct db *db, const char *centre_code,
                             void (*cb)(const struct dist_stock_line *l, void *ctx), void *ctx)
{
	enum status s = may_read(db);
	if (s != ST_OK)
		return s;
	long long centre = centre_code ? db_centre_id(db, centre_code) : 0;
	if (!centre)
		return ST_NOT_FOUND;
	struct lines l = { NULL, 0, 0, false };
	if ((s = dist_items_each(db, true, take_item, &l)) == ST_OK && l.nomem)
		s = ST_NOMEM;
	for (size_t i = 0; s == ST_OK && i < l.n; i++) {
		struct dist_stock_line *r = &l.rows[i];
		s = balance_of(db, centre, r->item.id, &r->balance);
		r->low = r->item.low_stock > 0 && r->balance <= r->item.low_stock;
	}
	for (size_t i = 0; s == ST_OK && i < l.n; i++)
		if (l.rows[i].item.active || l.rows[i].balance != 0)
			cb(&l.rows[i], ctx);
	free(l.rows);
	return s;
}

enum status dist_stock_moves(struct db *db, const char *centre_code, long long item, enum page_dir dir,
                             long long key, int limit, void (*cb)(const struct dist_stock_move *m, void *ctx),
                             void *ctx, bool *more)
{
	/* Newest first: "after" a key is an older move (a smaller id). */
	static const char older[] = MOVE_SELECT
		"WHERE m.centre_id = ?1 AND m.item_id = ?2 AND (?3 = 0 OR m.id < ?3) ORDER BY m.id DESC LIMIT ?4";
	static const char newer[] = MOVE_SELECT
		"WHERE m.centre_id = ?1 AND m.item_id = ?2 AND m.id > ?3 ORDER BY m.id LIMIT ?4";
	bool dummy;
	if (!more)
		more = &dummy;
	*more = false;
	enum status s = may_read(db);
	if (s != ST_OK || limit <= 0)
		return s;
	long long centre = centre_code ? db_centre_id(db, centre_code) : 0;
	if (!centre)
		return ST_NOT_FOUND;
	sqlite3_stmt *st = db_stmt(db, dir == PAGE_BEFORE ? newer : older);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, centre);
	sqlite3_bind_int64(st, 2, item);
	sqlite3_bind_int64(st, 3, key);
	sqlite3_bind_int(st, 4, limit + 1);
	struct dist_stock_move *rows = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((int)n == limit) {
			*more = true;
			break;
		}
		struct dist_stock_move *m = db_grow((void **)&rows, &n, &cap, sizeof *rows);
		if (!m) {
			rc = SQLITE_NOMEM;
			break;
		}
		read_move(st, m);
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		free(rows);
		return db_status_of(rc);
	}
	for (size_t i = 0; cb && i < n; i++)
		cb(&rows[dir == PAGE_BEFORE ? n - 1 - i : i], ctx);
	free(rows);
	return ST_OK;
}
