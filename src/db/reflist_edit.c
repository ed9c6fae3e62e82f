/* Reference lists that an administrator edits: adding an item, editing its
 * names and kind, retiring and restoring it, moving it in its list.
 *
 * The program defines each list (struct reflist_def, named by its module)
 * and hands the definition to every write: the data layer refuses an item
 * of another list and checks the kind against the definition's code list,
 * so no start-up registration has to be remembered by every program that
 * opens the database (screens, command line, demo, tests). Every write needs
 * PERM_REFDATA and is one transaction with its audit row. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/jsonbuf.h"
#include "core/text.h"
#include "core/vocab.h"
#include "db/audit.h"
#include "db/db_private.h"
#include "db/reflist.h"

/* The code point at *s (valid UTF-8), moving *s past it. */
static unsigned next_cp(const char **s)
{
	const unsigned char *p = (const unsigned char *)*s;
	unsigned c = p[0];
	int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
	if (len > 1)
		c &= 0x3Fu >> (len - 1);
	for (int i = 1; i < len; i++)
		c = (c << 6) | (p[i] & 0x3Fu);
	*s += len;
	return c;
}

/* True for the characters a name may not hold: C0 and C1 controls, DEL,
 * bidirectional marks, overrides and isolates, line and paragraph
 * separators (what could disturb a terminal or a spreadsheet). */
static bool is_control(unsigned c)
{
	return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x061C || c == 0x200E || c == 0x200F
	       || (c >= 0x2028 && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

/* Drops blanks (spaces, tabs) at both ends of s, in place. */
static void trim(char *s)
{
	size_t start = strspn(s, " \t"), len = strlen(s);
	while (len > start && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	memmove(s, s + start, len - start);
	s[len - start] = '\0';
}

/* The problem with one name (buffer of size bytes), NULL when none. */
static const char *name_problem(const char *name, size_t size, bool en)
{
	char s[sizeof ((struct ref_item *)0)->name_en];
	if (!memchr(name, '\0', size) || !text_valid_utf8(name) || strlen(name) >= sizeof s)
		return N_("A text is too long or not valid.");
	snprintf(s, sizeof s, "%s", name);
	trim(s);
	if (!s[0])
		return en ? N_("Enter the name in English.") : N_("Enter the name in French.");
	int chars = 0;
	for (const char *p = s; *p; chars++)
		if (is_control(next_cp(&p)))
			return N_("A name cannot hold control characters.");
	if (chars > REFLIST_NAME_MAX)
		return N_("At most 80 characters.");
	return NULL;
}

/* Sets *field (when field is not NULL) and gives msgid. */
static const char *about(const char **field, const char *name, const char *msgid)
{
	if (field)
		*field = name;
	return msgid;
}

const struct vocab reflist_country_kinds = { "country", "ref_item", "kind", NULL, 0 };

const char *reflist_item_problem(const struct reflist_def *def, const struct ref_item *item,
                                 const char **field)
{
	const char *m;
	if (field)
		*field = NULL;
	if (!def || !def->list || !def->list[0])
		return N_("This list is not known.");
	if ((m = name_problem(item->name_en, sizeof item->name_en, true)))
		return about(field, "name_en", m);
	if ((m = name_problem(item->name_fr, sizeof item->name_fr, false)))
		return about(field, "name_fr", m);
	if (!memchr(item->kind, '\0', sizeof item->kind))
		return about(field, "kind", N_("A text is too long or not valid."));
	if (def->kinds == REFLIST_KIND_COUNTRY) {
		const char *k = item->kind;
		if (strlen(k) != 3 || k[0] < 'A' || k[0] > 'Z' || k[1] < 'A' || k[1] > 'Z' || k[2] < 'A' || k[2] > 'Z')
			return about(field, "kind", N_("Choose the country."));
	} else if (def->kinds ? !vocab_has(def->kinds, item->kind) : item->kind[0] != '\0') {
		return about(field, "kind", N_("Choose one of the values offered."));
	}
	return NULL;
}

/* Sets the out parameters and gives s. */
static enum status refuse(enum status s, const char *m, const char *f, const char **msgid, const char **field)
{
	if (msgid)
		*msgid = m;
	if (field)
		*field = f;
	return s;
}

/* Whether another item of list than id has the name of item in either
 * language, accents and case ignored: ST_INVALID with the rule, ST_OK
 * when not. */
static enum status names_free(struct db *db, const char *list, long long id, const struct ref_item *item,
                              const char **msgid, const char **field)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT name_en, name_fr, active FROM ref_item WHERE list = ?1 AND id <> ?2");
	if (!st)
		return ST_INTERNAL;
	char *en = text_fold(item->name_en), *fr = text_fold(item->name_fr);
	enum status s = en && fr ? ST_OK : ST_NOMEM;
	db_bind_text(st, 1, list);
	sqlite3_bind_int64(st, 2, id);
	int rc = SQLITE_DONE;
	while (s == ST_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		bool active = sqlite3_column_int(st, 2) != 0;
		for (int col = 0; s == ST_OK && col < 2; col++) {
			char *other = text_fold((const char *)sqlite3_column_text(st, col));
			if (!other) {
				s = ST_NOMEM;
			} else if (strcmp(other, col == 0 ? en : fr) == 0) {
				const char *m = !active ? N_("A retired item has this name: restore it instead.")
				                : col == 0 ? N_("Another item of this list has this English name.")
				                           : N_("Another item of this list has this French name.");
				s = refuse(ST_INVALID, m, col == 0 ? "name_en" : "name_fr", msgid, field);
			}
			free(other);
		}
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	free(en);
	free(fr);
	if (s == ST_OK && rc != SQLITE_DONE)
		s = db_status_of(rc);
	return s;
}

/* True when list already has an item with code. */
static enum status code_taken(struct db *db, const char *list, const char *code, bool *taken)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT 1 FROM ref_item WHERE list = ?1 AND code = ?2");
	if (!st)
		return ST_INTERNAL;
	db_bind_text(st, 1, list);
	db_bind_text(st, 2, code);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	*taken = rc == SQLITE_ROW;
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
}

/* A code for a new item of list from its English name, unique in the list:
 * lower-case ASCII letters and digits parted by '_' ("Art therapy" gives
 * "art_therapy"), a number added when taken. Never shown. */
static enum status make_code(struct db *db, const char *list, const char *name_en, char *out, size_t size)
{
	char base[33];
	size_t n = 0;
	char *folded = text_fold(name_en);
	if (!folded)
		return ST_NOMEM;
	for (const char *p = folded; *p && n < sizeof base - 1; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
			base[n++] = *p;
		else if (n && base[n - 1] != '_')
			base[n++] = '_';
	}
	free(folded);
	while (n && base[n - 1] == '_')
		n--;
	base[n] = '\0';
	if (!n)
		snprintf(base, sizeof base, "item");
	bool taken = true;
	enum status s = ST_OK;
	for (int i = 1; s == ST_OK && taken && i < 100000; i++) {
		if (i == 1)
			snprintf(out, size, "%s", base);
		else
			snprintf(out, size, "%s_%d", base, i);
		s = code_taken(db, list, out, &taken);
	}
	return s == ST_OK && taken ? ST_INTERNAL : s;
}

/* Reads the item id of def's list inside the transaction: ST_NOT_FOUND,
 * ST_INVALID when it is of another list, ST_CONFLICT when its version is
 * no longer version. */
static enum status read_own(struct db *db, const struct reflist_def *def, long long id, int version,
                            struct ref_item *out)
{
	enum status s = reflist_get(db, id, out);
	if (s != ST_OK)
		return s;
	if (strcmp(out->list, def->list) != 0)
		return ST_INVALID;
	return out->version == version ? ST_OK : ST_CONFLICT;
}

/* ST_OK when the actor may edit lists and def is a list; the names of item
 * (may be NULL) trimmed and checked. */
/* ST_OK when the country with code iso3 exists, else ST_INVALID about the kind. */
static enum status country_known(struct db *db, const char *iso3, const char **msgid, const char **field)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT 1 FROM country WHERE iso3 = ?1");
	if (!st)
		return ST_INTERNAL;
	db_bind_text(st, 1, iso3);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return ST_OK;
	if (rc != SQLITE_DONE)
		return db_status_of(rc);
	return refuse(ST_INVALID, N_("Choose the country."), "kind", msgid, field);
}

static enum status begin_write(struct db *db, const struct reflist_def *def, struct ref_item *item,
                         const char **msgid, const char **field)
{
	refuse(ST_OK, NULL, NULL, msgid, field);
	enum status s = db_require(db, PERM_REFDATA);
	if (s != ST_OK)
		return s;
	if (!def || !def->list || !def->list[0])
		return refuse(ST_INVALID, N_("This list is not known."), NULL, msgid, field);
	if (!item)
		return ST_OK;
	if (memchr(item->name_en, '\0', sizeof item->name_en))
		trim(item->name_en);
	if (memchr(item->name_fr, '\0', sizeof item->name_fr))
		trim(item->name_fr);
	const char *f = NULL, *m = reflist_item_problem(def, item, &f);
	if (m)
		return refuse(ST_INVALID, m, f, msgid, field);
	return def->kinds == REFLIST_KIND_COUNTRY ? country_known(db, item->kind, msgid, field) : ST_OK;
}

enum status reflist_add(struct db *db, const struct reflist_def *def, struct ref_item *item,
                        const char **msgid, const char **field)
{
	item->id = 0;
	enum status s = begin_write(db, def, item, msgid, field);
	if (s != ST_OK || (s = db_begin(db)) != ST_OK)
		return s;
	char code[sizeof item->code];
	struct ref_item stored = { 0 };
	s = names_free(db, def->list, 0, item, msgid, field);
	if (s == ST_OK)
		s = make_code(db, def->list, item->name_en, code, sizeof code);
	if (s == ST_OK) {
		sqlite3_stmt *st = db_stmt(db, "INSERT INTO ref_item (list, code, name_en, name_fr, kind, position)"
		                               " VALUES (?1, ?2, ?3, ?4, ?5, (SELECT coalesce(max(position), 0) + 1"
		                               " FROM ref_item WHERE list = ?1))");
		if (!st) {
			s = ST_INTERNAL;
		} else {
			db_bind_text(st, 1, def->list);
			db_bind_text(st, 2, code);
			db_bind_text(st, 3, item->name_en);
			db_bind_text(st, 4, item->name_fr);
			db_bind_text(st, 5, item->kind);
			s = db_step_done(st);
		}
	}
	if (s == ST_OK)
		s = reflist_get(db, sqlite3_last_insert_rowid(db_sqlite(db)), &stored);
	if (s == ST_OK) {
		struct jsonbuf j;
		jsonbuf_init(&j);
		jsonbuf_put_str(&j, "list", stored.list);
		jsonbuf_put_str(&j, "code", stored.code);
		jsonbuf_put_str(&j, "name_en", stored.name_en);
		jsonbuf_put_str(&j, "name_fr", stored.name_fr);
		jsonbuf_put_str(&j, "kind", stored.kind);
		jsonbuf_put_int(&j, "position", stored.position);
		jsonbuf_put_int(&j, "in_use", stored.active);
		s = audit_log(db, "create", "ref_item", stored.id, jsonbuf_text(&j));
	}
	if ((s = db_finish(db, s)) == ST_OK)
		*item = stored;
	return s;
}

enum status reflist_edit(struct db *db, const struct reflist_def *def, struct ref_item *item,
                         const char **msgid, const char **field)
{
	enum status s = begin_write(db, def, item, msgid, field);
	if (s != ST_OK || (s = db_begin(db)) != ST_OK)
		return s;
	struct ref_item before, stored = { 0 };
	s = read_own(db, def, item->id, item->version, &before);
	if (s == ST_INVALID)
		refuse(s, N_("This item belongs to another list."), NULL, msgid, field);
	if (s == ST_OK)
		s = names_free(db, def->list, item->id, item, msgid, field);
	struct jsonbuf j;
	jsonbuf_init(&j);
	bool changed = false;
	if (s == ST_OK) {
		changed |= jsonbuf_change_str(&j, "name_en", before.name_en, item->name_en);
		changed |= jsonbuf_change_str(&j, "name_fr", before.name_fr, item->name_fr);
		changed |= jsonbuf_change_str(&j, "kind", before.kind, item->kind);
	}
	if (s == ST_OK && changed) {
		sqlite3_stmt *st = db_stmt(db, "UPDATE ref_item SET name_en = ?2, name_fr = ?3, kind = ?4,"
		                               " version = version + 1 WHERE id = ?1 AND version = ?5");
		if (!st) {
			s = ST_INTERNAL;
		} else {
			sqlite3_bind_int64(st, 1, item->id);
			db_bind_text(st, 2, item->name_en);
			db_bind_text(st, 3, item->name_fr);
			db_bind_text(st, 4, item->kind);
			sqlite3_bind_int(st, 5, item->version);
			if ((s = db_step_done(st)) == ST_OK && sqlite3_changes(db_sqlite(db)) != 1)
				s = ST_CONFLICT;
		}
		if (s == ST_OK)
			s = audit_log(db, "update", "ref_item", item->id, jsonbuf_text(&j));
	}
	if (s == ST_OK)
		s = reflist_get(db, item->id, &stored);
	if ((s = db_finish(db, s)) == ST_OK)
		*item = stored;
	return s;
}

enum status reflist_set_active(struct db *db, const struct reflist_def *def, long long id, int version,
                               bool active)
{
	enum status s = begin_write(db, def, NULL, NULL, NULL);
	if (s != ST_OK || (s = db_begin(db)) != ST_OK)
		return s;
	struct ref_item before;
	s = read_own(db, def, id, version, &before);
	if (s == ST_OK && before.active != active) {
		sqlite3_stmt *st = db_stmt(db, "UPDATE ref_item SET active = ?2, version = version + 1"
		                               " WHERE id = ?1 AND version = ?3");
		if (!st) {
			s = ST_INTERNAL;
		} else {
			sqlite3_bind_int64(st, 1, id);
			sqlite3_bind_int(st, 2, active);
			sqlite3_bind_int(st, 3, version);
			if ((s = db_step_done(st)) == ST_OK && sqlite3_changes(db_sqlite(db)) != 1)
				s = ST_CONFLICT;
		}
		if (s == ST_OK) {
			struct jsonbuf j;
			jsonbuf_init(&j);
			jsonbuf_change_int(&j, "in_use", before.active, active);
			s = audit_log(db, "update", "ref_item", id, jsonbuf_text(&j));
		}
	}
	return db_finish(db, s);
}

/* One item's place in its list. */
struct place {
	long long id;
	int position;
};

/* Gives the item with id position pos, audited. */
static enum status set_position(struct db *db, const struct place *p, int pos)
{
	sqlite3_stmt *st = db_stmt(db, "UPDATE ref_item SET position = ?2, version = version + 1 WHERE id = ?1");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, p->id);
	sqlite3_bind_int(st, 2, pos);
	enum status s = db_step_done(st);
	if (s != ST_OK)
		return s;
	struct jsonbuf j;
	jsonbuf_init(&j);
	jsonbuf_change_int(&j, "position", p->position, pos);
	return audit_log(db, "update", "ref_item", p->id, jsonbuf_text(&j));
}

enum status reflist_move(struct db *db, const struct reflist_def *def, long long id, int version, int delta)
{
	enum status s = begin_write(db, def, NULL, NULL, NULL);
	if (s != ST_OK)
		return s;
	if (delta != -1 && delta != 1)
		return ST_INVALID;
	if ((s = db_begin(db)) != ST_OK)
		return s;
	struct ref_item before;
	struct place *rows = NULL;
	size_t n = 0, cap = 0;
	s = read_own(db, def, id, version, &before);
	sqlite3_stmt *st = s == ST_OK ? db_stmt(db, "SELECT id, position FROM ref_item WHERE list = ?1"
	                                            " ORDER BY position, name_en, id") : NULL;
	if (s == ST_OK && !st)
		s = ST_INTERNAL;
	if (st) {
		db_bind_text(st, 1, def->list);
		int rc;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			struct place *p = db_grow((void **)&rows, &n, &cap, sizeof *rows);
			if (!p) {
				rc = SQLITE_NOMEM;
				break;
			}
			p->id = sqlite3_column_int64(st, 0);
			p->position = sqlite3_column_int(st, 1);
		}
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
		if (rc != SQLITE_DONE)
			s = db_status_of(rc);
	}
	size_t at = 0;
	while (at < n && rows[at].id != id)
		at++;
	/* At either end nothing moves. */
	if (s == ST_OK && at < n && !(delta < 0 && at == 0) && !(delta > 0 && at + 1 == n)) {
		size_t other = delta < 0 ? at - 1 : at + 1;
		struct place swap = rows[at];
		rows[at] = rows[other];
		rows[other] = swap;
		for (size_t i = 0; s == ST_OK && i < n; i++)
			if (rows[i].position != (int)i + 1)
				s = set_position(db, &rows[i], (int)i + 1);
	}
	free(rows);
	return db_finish(db, s);
}
