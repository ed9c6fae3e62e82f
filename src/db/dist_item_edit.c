/* Distribution items edited by an administrator: the rules of an item,
 * saving it, retiring and bringing it back, its place in the list (see
 * db/dist_item_edit.h). Every write is one transaction with its audit row. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/dist_vocab.h"
#include "core/i18n.h"
#include "core/jsonbuf.h"
#include "core/text.h"
#include "core/vocab.h"
#include "db/audit.h"
#include "db/db_private.h"
#include "db/dist_item_edit.h"
#include "fields_json.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define NAME_CHARS 80

void dist_item_init(struct dist_item *it)
{
	memset(it, 0, sizeof *it);
	snprintf(it->kind, sizeof it->kind, "other");
	snprintf(it->rule.unit, sizeof it->rule.unit, "person");
	snprintf(it->rule.frequency, sizeof it->rule.frequency, "once_per_stay");
	snprintf(it->rule.sex, sizeof it->rule.sex, "any");
	it->rule.age_min = -1;
	it->rule.age_max = -1;
	it->rule.staying_only = true;
	it->quantity = 1;
	it->active = true;
}

/* The code point at *s (valid UTF-8), moving *s past it. */
static unsigned next_cp(const char **s)
{
	const unsigned char *p = (const unsigned char *)*s;
	unsigned c = p[0];
	int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
	if (len > 1)
		c &= 0x3Fu >> (len - 1);
	for (int i = 1; i < len && p[i]; i++)
		c = (c << 6) | (p[i] & 0x3Fu);
	*s += len;
	return c;
}

/* Controls, bidirectional marks and overrides, line separators. */
static bool is_control(unsigned c)
{
	return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x061C || c == 0x200E || c == 0x200F
	       || (c >= 0x2028 && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

static const char *about(const char **field, const char *name, const char *msgid)
{
	if (field)
		*field = name;
	return msgid;
}

/* The problem with a name of size bytes, NULL when none. */
static const char *name_problem(const char *name, size_t size, bool en)
{
	if (!memchr(name, '\0', size) || !text_valid_utf8(name))
		return N_("A text is too long or not valid.");
	const char *p = name;
	bool content = false;
	int chars = 0;
	while (*p) {
		unsigned c = next_cp(&p);
		if (is_control(c))
			return N_("A name cannot hold control characters.");
		if (c != ' ')
			content = true;
		chars++;
	}
	if (!content)
		return en ? N_("Enter the name in English.") : N_("Enter the name in French.");
	if (chars > NAME_CHARS)
		return N_("At most 80 characters.");
	return NULL;
}

static bool code_of(const struct vocab *v, const char *code, size_t size)
{
	return memchr(code, '\0', size) && vocab_has(v, code);
}

static bool is_child_flag(const char *r)
{
	return strcmp(r, "unaccompanied_child") == 0 || strcmp(r, "separated_child") == 0
	       || strcmp(r, "accompanied_child") == 0;
}

const char *dist_item_problem(const struct dist_item *it, const char **field)
{
	const char *m;
	const struct dist_rule *r = &it->rule;
	if (field)
		*field = NULL;
	if ((m = name_problem(it->name_en, sizeof it->name_en, true)))
		return about(field, "name_en", m);
	if ((m = name_problem(it->name_fr, sizeof it->name_fr, false)))
		return about(field, "name_fr", m);
	if (!code_of(VOCAB_DIST_KIND, it->kind, sizeof it->kind))
		return about(field, "kind", N_("Choose the kind of item."));
	if (!code_of(VOCAB_DIST_UNIT, r->unit, sizeof r->unit))
		return about(field, "unit", N_("Choose per person or per household."));
	if (!code_of(VOCAB_DIST_FREQUENCY, r->frequency, sizeof r->frequency))
		return about(field, "frequency", N_("Choose how often the item is given."));
	bool every = strcmp(r->frequency, "every_n_days") == 0;
	if (every && (r->every_days < 2 || r->every_days > 366))
		return about(field, "every_days", N_("Every how many days: a number from 2 to 366."));
	if (!every && r->every_days != 0)
		return about(field, "every_days", N_("A number of days is only for an item given every few days."));
	if (it->quantity < 1 || it->quantity > DIST_QUANTITY_MAX)
		return about(field, "quantity", N_("The quantity per serving is a number from 1 to 100."));
	if (!code_of(VOCAB_DIST_SEX, r->sex, sizeof r->sex))
		return about(field, "sex", N_("Choose who may receive it: women, men or both."));
	if (r->age_min < -1 || r->age_min > DIST_AGE_MAX)
		return about(field, "age_min", N_("An age is a number of years from 0 to 120."));
	if (r->age_max < -1 || r->age_max > DIST_AGE_MAX)
		return about(field, "age_max", N_("An age is a number of years from 0 to 120."));
	if (r->age_min >= 0 && r->age_max >= 0 && r->age_min > r->age_max)
		return about(field, "age_max", N_("The highest age cannot be below the lowest."));
	if (!memchr(r->requires, '\0', sizeof r->requires) || (r->requires[0] && !vocab_has(VOCAB_DIST_REQUIRES, r->requires)))
		return about(field, "requires", N_("Choose one of the values offered."));
	if (strcmp(r->frequency, "per_meal") == 0 && strcmp(r->unit, "person") != 0)
		return about(field, "unit", N_("A meal is served to each person, not per household."));
	if (strcmp(r->unit, "household") == 0 && strcmp(r->sex, "any") != 0)
		return about(field, "sex", N_("A household item is for the whole household: no condition of sex."));
	if (strcmp(r->unit, "household") == 0 && (r->age_min >= 0 || r->age_max >= 0))
		return about(field, "age_min", N_("A household item is for the whole household: no condition of age."));
	if (strcmp(r->requires, "pregnant") == 0 && strcmp(r->sex, "male") == 0)
		return about(field, "requires", N_("An item for pregnant women cannot be for men only."));
	if (is_child_flag(r->requires) && r->age_min >= 18)
		return about(field, "requires", N_("An item for children needs an age group that includes children."));
	if (strcmp(r->requires, "older_person") == 0 && r->age_max >= 0 && r->age_max < 50)
		return about(field, "requires", N_("An item for older people needs an age group that includes them."));
	if (it->low_stock < 0 || it->low_stock > DIST_LOW_STOCK_MAX)
		return about(field, "low_stock", N_("The warning level is a number from 0 to 1,000,000."));
	return NULL;
}

/* What the audit trail keeps of an item. */
struct item_audit {
	char code[41], name_en[81], name_fr[81], kind[16], unit[12], frequency[16];
	int every_days, quantity;
	char sex[8];
	int age_min, age_max;
	char requires[24];
	int staying_only, low_stock, active, position;
};
#define TEXT(m) DB_FIELD_TEXT(struct item_audit, m)
#define INT(m) DB_FIELD_INT(struct item_audit, m)
static const struct db_field fields[] = {
	TEXT(code), TEXT(name_en), TEXT(name_fr), TEXT(kind), TEXT(unit), TEXT(frequency), INT(every_days),
	INT(quantity), TEXT(sex), INT(age_min), INT(age_max), TEXT(requires), INT(staying_only), INT(low_stock),
	INT(active), INT(position),
};

static void audit_of(const struct dist_item *it, struct item_audit *a)
{
	memset(a, 0, sizeof *a);
	memcpy(a->code, it->code, sizeof a->code);
	memcpy(a->name_en, it->name_en, sizeof a->name_en);
	memcpy(a->name_fr, it->name_fr, sizeof a->name_fr);
	memcpy(a->kind, it->kind, sizeof a->kind);
	memcpy(a->unit, it->rule.unit, sizeof a->unit);
	memcpy(a->frequency, it->rule.frequency, sizeof a->frequency);
	a->every_days = it->rule.every_days;
	a->quantity = it->quantity;
	memcpy(a->sex, it->rule.sex, sizeof a->sex);
	a->age_min = it->rule.age_min;
	a->age_max = it->rule.age_max;
	memcpy(a->requires, it->rule.requires, sizeof a->requires);
	a->staying_only = it->rule.staying_only;
	a->low_stock = it->low_stock;
	a->active = it->active;
	a->position = it->position;
}

/* Writes the audit row of item id: every field of after (before NULL), or
 * those that changed. */
static enum status audit_item(struct db *db, const char *action, const struct dist_item *before,
                              const struct dist_item *after)
{
	struct item_audit b, a;
	if (before)
		audit_of(before, &b);
	audit_of(after, &a);
	struct jsonbuf j;
	jsonbuf_init(&j);
	db_fields_json(&j, fields, COUNT(fields), before ? &b : NULL, &a);
	return audit_log(db, action, "dist_item", after->id, jsonbuf_text(&j));
}

/* Drops blanks at both ends of s, in place. */
static void trim(char *s, size_t size)
{
	if (!memchr(s, '\0', size))
		return;
	size_t start = strspn(s, " \t"), len = strlen(s);
	while (len > start && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	memmove(s, s + start, len - start);
	s[len - start] = '\0';
}

/* ST_INVALID (with the rule) when another item than it has one of its
 * names in either language, accents and case ignored. */
static enum status names_free(struct db *db, const struct dist_item *it, const char **m, const char **f)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT name_en, name_fr FROM dist_item WHERE id <> ?1");
	if (!st)
		return ST_INTERNAL;
	char *en = text_fold(it->name_en), *fr = text_fold(it->name_fr);
	enum status s = en && fr ? ST_OK : ST_NOMEM;
	sqlite3_bind_int64(st, 1, it->id);
	int rc = SQLITE_DONE;
	while (s == ST_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (int col = 0; col < 2 && s == ST_OK; col++) {
			char *other = text_fold((const char *)sqlite3_column_text(st, col));
			if (!other) {
				s = ST_NOMEM;
				break;
			}
			if (strcmp(other, en) == 0) {
				*m = about(f, "name_en", N_("Another item has this name."));
				s = ST_INVALID;
			} else if (strcmp(other, fr) == 0) {
				*m = about(f, "name_fr", N_("Another item has this name."));
				s = ST_INVALID;
			}
			free(other);
		}
	}
	if (s == ST_OK && rc != SQLITE_DONE)
		s = db_status_of(rc);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	free(en);
	free(fr);
	return s;
}

/* A code for a new item from its English name, unique: lower-case ASCII
 * letters and digits parted by '_', a number added when taken. */
static enum status make_code(struct db *db, const char *name_en, char *out, size_t size)
{
	char base[29];   /* with "_" and a number, within the 40 of a code */
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
	sqlite3_stmt *st = db_stmt(db, "SELECT 1 FROM dist_item WHERE code = ?1");
	if (!st)
		return ST_INTERNAL;
	for (int i = 1; i < 1000; i++) {
		if (i == 1)
			snprintf(out, size, "%s", base);
		else
			snprintf(out, size, "%s_%d", base, i);
		db_bind_text(st, 1, out);
		int rc = sqlite3_step(st);
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
		if (rc == SQLITE_DONE)
			return ST_OK;
		if (rc != SQLITE_ROW)
			return db_status_of(rc);
	}
	return ST_INTERNAL;
}

static void bind_opt_int(sqlite3_stmt *st, int idx, int v, int none)
{
	if (v == none)
		sqlite3_bind_null(st, idx);
	else
		sqlite3_bind_int(st, idx, v);
}

/* Binds the rule columns of it to ?2..?14. */
static void bind_item(sqlite3_stmt *st, const struct dist_item *it)
{
	db_bind_text(st, 2, it->name_en);
	db_bind_text(st, 3, it->name_fr);
	db_bind_text(st, 4, it->kind);
	db_bind_text(st, 5, it->rule.unit);
	db_bind_text(st, 6, it->rule.frequency);
	bind_opt_int(st, 7, it->rule.every_days, 0);
	sqlite3_bind_int(st, 8, it->quantity);
	db_bind_text(st, 9, it->rule.sex);
	bind_opt_int(st, 10, it->rule.age_min, -1);
	bind_opt_int(st, 11, it->rule.age_max, -1);
	db_bind_opt(st, 12, it->rule.requires);
	sqlite3_bind_int(st, 13, it->rule.staying_only);
	sqlite3_bind_int(st, 14, it->low_stock);
}

static enum status item_insert(struct db *db, struct dist_item *it)
{
	char code[sizeof it->code];
	enum status s = make_code(db, it->name_en, code, sizeof code);
	if (s != ST_OK)
		return s;
	sqlite3_stmt *st = db_stmt(db,
		"INSERT INTO dist_item (code, name_en, name_fr, kind, unit, frequency, every_days, quantity, sex, "
		"age_min, age_max, requires, staying_only, low_stock, active, position) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
		"?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, 1, (SELECT coalesce(max(position), 0) + 1 FROM dist_item))");
	if (!st)
		return ST_INTERNAL;
	db_bind_text(st, 1, code);
	bind_item(st, it);
	if ((s = db_step_done(st)) != ST_OK)
		return s;
	it->id = sqlite3_last_insert_rowid(db_sqlite(db));
	return ST_OK;
}

static enum status item_update(struct db *db, const struct dist_item *it)
{
	sqlite3_stmt *st = db_stmt(db,
		"UPDATE dist_item SET name_en = ?2, name_fr = ?3, kind = ?4, unit = ?5, frequency = ?6, "
		"every_days = ?7, quantity = ?8, sex = ?9, age_min = ?10, age_max = ?11, requires = ?12, "
		"staying_only = ?13, low_stock = ?14, version = version + 1 WHERE id = ?1 AND version = ?15");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, it->id);
	bind_item(st, it);
	sqlite3_bind_int(st, 15, it->version);
	enum status s = db_step_done(st);
	if (s == ST_OK && sqlite3_changes(db_sqlite(db)) != 1)
		s = ST_CONFLICT;
	return s;
}

/* Saves it inside the open transaction, with its audit row; *stored gets
 * the item as stored. */
static enum status item_write(struct db *db, struct dist_item *it, struct dist_item *stored, const char **m,
                              const char **f)
{
	struct dist_item before;
	bool is_new = it->id == 0;
	enum status s;
	if (!is_new) {
		if ((s = dist_item_get(db, it->id, &before)) != ST_OK)
			return s;
		if (before.version != it->version)
			return ST_CONFLICT;
	}
	if ((s = names_free(db, it, m, f)) != ST_OK)
		return s;
	if ((s = is_new ? item_insert(db, it) : item_update(db, it)) != ST_OK)
		return s;
	if ((s = dist_item_get(db, it->id, stored)) != ST_OK)
		return s;
	return audit_item(db, is_new ? "create" : "update", is_new ? NULL : &before, stored);
}

enum status dist_item_save(struct db *db, struct dist_item *it, const char **msgid, const char **field)
{
	const char *m = NULL, *f = NULL;
	enum status s = db_require(db, PERM_REFDATA);
	if (s == ST_OK) {
		trim(it->name_en, sizeof it->name_en);
		trim(it->name_fr, sizeof it->name_fr);
		if ((m = dist_item_problem(it, &f)) != NULL)
			s = ST_INVALID;
	}
	long long id = it->id;
	struct dist_item stored;
	if (s == ST_OK && (s = db_begin(db)) == ST_OK) {
		s = db_finish(db, item_write(db, it, &stored, &m, &f));
		if (s == ST_OK)
			*it = stored;
		else
			it->id = id;
	}
	if (msgid)
		*msgid = m;
	if (field)
		*field = f;
	return s;
}

static enum status active_write(struct db *db, long long id, int version, bool active)
{
	struct dist_item before, after;
	enum status s = dist_item_get(db, id, &before);
	if (s != ST_OK)
		return s;
	if (before.version != version)
		return ST_CONFLICT;
	if (before.active == active)
		return ST_OK;
	sqlite3_stmt *st = db_stmt(db, "UPDATE dist_item SET active = ?2, version = version + 1 "
	                               "WHERE id = ?1 AND version = ?3");
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, active);
	sqlite3_bind_int(st, 3, version);
	if ((s = db_step_done(st)) == ST_OK && sqlite3_changes(db_sqlite(db)) != 1)
		s = ST_CONFLICT;
	if (s == ST_OK)
		s = dist_item_get(db, id, &after);
	return s == ST_OK ? audit_item(db, "update", &before, &after) : s;
}

enum status dist_item_set_active(struct db *db, long long id, int *version, bool active)
{
	enum status s = db_require(db, PERM_REFDATA);
	if (s != ST_OK || (s = db_begin(db)) != ST_OK)
		return s;
	if ((s = db_finish(db, active_write(db, id, *version, active))) == ST_OK) {
		struct dist_item it;
		if (dist_item_get(db, id, &it) == ST_OK)
			*version = it.version;
	}
	return s;
}

/* One item's place in the list. */
struct place {
	long long id;
	int position;
	bool active;
};

/* Gives item p position pos, audited. */
static enum status set_position(struct db *db, const struct place *p, int pos)
{
	sqlite3_stmt *st = db_stmt(db, "UPDATE dist_item SET position = ?2, version = version + 1 WHERE id = ?1");
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
	return audit_log(db, "update", "dist_item", p->id, jsonbuf_text(&j));
}

static enum status move_write(struct db *db, long long id, int version, int delta)
{
	struct dist_item before;
	enum status s = dist_item_get(db, id, &before);
	if (s != ST_OK)
		return s;
	if (before.version != version)
		return ST_CONFLICT;
	/* A few dozen items: all of them, in the list's order. */
	sqlite3_stmt *st = db_stmt(db, "SELECT id, position, active FROM dist_item ORDER BY active DESC, position, id");
	if (!st)
		return ST_INTERNAL;
	struct place *rows = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct place *p = db_grow((void **)&rows, &n, &cap, sizeof *rows);
		if (!p) {
			rc = SQLITE_NOMEM;
			break;
		}
		p->id = sqlite3_column_int64(st, 0);
		p->position = sqlite3_column_int(st, 1);
		p->active = sqlite3_column_int(st, 2) != 0;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		s = db_status_of(rc);
	size_t at = 0;
	while (at < n && rows[at].id != id)
		at++;
	if (s == ST_OK && at < n) {
		size_t other = delta < 0 ? at - 1 : at + 1;
		/* Only among the items of the same kind (in use or retired). */
		if (!(delta < 0 && at == 0) && other < n && rows[other].active == rows[at].active) {
			struct place swap = rows[at];
			rows[at] = rows[other];
			rows[other] = swap;
			for (size_t i = 0; s == ST_OK && i < n; i++)
				if (rows[i].position != (int)i + 1)
					s = set_position(db, &rows[i], (int)i + 1);
		}
	}
	free(rows);
	return s;
}

enum status dist_item_move(struct db *db, long long id, int *version, int delta)
{
	enum status s = db_require(db, PERM_REFDATA);
	if (s != ST_OK)
		return s;
	if (delta != -1 && delta != 1)
		return ST_INVALID;
	if ((s = db_begin(db)) != ST_OK)
		return s;
	if ((s = db_finish(db, move_write(db, id, *version, delta))) == ST_OK) {
		struct dist_item it;
		if (dist_item_get(db, id, &it) == ST_OK)
			*version = it.version;
	}
	return s;
}
