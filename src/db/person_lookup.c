/* The quick lookup by name, best match first. What was typed is split into
 * folded words (core/names.c) and the people come in tiers, each one a
 * query of the search index, newest first within it:
 *
 *   0  the whole name exactly: the typed words are the words of the family
 *      and given names, no more, no fewer, in any order;
 *   1  every typed word is a whole word of the names or aliases;
 *   2  every typed word begins a word (prefixes, as typed while typing);
 *   3  every typed word begins a word, or sounds like a word (the same sound
 *      key), or like two neighbouring words written together, or is one
 *      mistyped letter away from a word of five letters or more (the
 *      words of the typo vocabulary, migration 013).
 *
 * A tier holds only the people no tier above holds (FTS5 NOT). The key a
 * page continues from is the tier and the id (LOOKUP_RANK), so that paging
 * stays by key both ways. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/names.h"
#include "db/db_private.h"
#include "db/person_private.h"

#define QUERY_WORDS 6
#define INDEXED_PREFIX 8
#define TYPO_WORDS 12       /* near words taken per typed word */
#define MATCH_MAX 4096
#define TIERS 4
#define RANK_SHIFT 40       /* ids stay below 2^40 */

struct lookup_query {
	int n;
	char words[QUERY_WORDS][32];
	char match[TIERS][MATCH_MAX];   /* the MATCH of each tier */
	char any[MATCH_MAX];            /* every tier at once, for counting */
};

long long person_rank_key(int tier, long long id)
{
	return ((long long)tier << RANK_SHIFT) | id;
}

/* Appends text to out if it fits whole; false when it did not. */
static bool put(char *out, size_t size, const char *text)
{
	size_t len = strlen(out), t = strlen(text);
	if (len + t + 1 > size)
		return false;
	memcpy(out + len, text, t + 1);
	return true;
}

/* Appends the key token of word (or of two words joined) as an FTS term
 * " OR \"0k...\"", unless it is in the group already. */
static void put_key(char *group, size_t size, const char *key)
{
	char token[NAMES_KEY_MAX + 2], term[NAMES_KEY_MAX + 16];
	person_key_token(key, token, sizeof token);
	snprintf(term, sizeof term, " OR \"%s\"", token);
	if (!strstr(group, term))
		put(group, size, term);
}

/* The vocabulary words one letter away from word, as whole-word terms. */
static void put_typo_words(struct db *db, char *group, size_t size, const char *word)
{
	char probes[PERSON_TYPO_PROBES][32];
	int np = person_typo_probes(word, probes, PERSON_TYPO_PROBES), taken = 0;
	if (!np)
		return;
	sqlite3_stmt *st = db_stmt(db, "SELECT word FROM name_typo WHERE probe = ?1 LIMIT 16");
	if (!st)
		return;
	for (int i = 0; i < np && taken < TYPO_WORDS; i++) {
		db_bind_text(st, 1, probes[i]);
		while (sqlite3_step(st) == SQLITE_ROW && taken < TYPO_WORDS) {
			const char *near = (const char *)sqlite3_column_text(st, 0);
			char term[48];
			if (!near || strcmp(near, word) == 0)
				continue;
			snprintf(term, sizeof term, " OR \"%.31s\"", near);
			if (!strstr(group, term) && put(group, size, term))
				taken++;
		}
		sqlite3_reset(st);
	}
}

/* Joins words a and b into out (64 bytes). */
static void join(const char *a, const char *b, char *out)
{
	size_t la = strnlen(a, 31), lb = strnlen(b, 31);
	memcpy(out, a, la);
	memcpy(out + la, b, lb);
	out[la + lb] = '\0';
}

/* Splits typed into words and writes the MATCH of each tier; false when
 * no word was typed or a query would not fit. */
static bool lookup_query_make(struct db *db, const char *typed, struct lookup_query *q)
{
	char words[NAMES_MAX_WORDS][32];
	int nw = names_words(typed, words);
	memset(q, 0, sizeof *q);
	for (int i = 0; i < nw && q->n < QUERY_WORDS; i++)
		memcpy(q->words[q->n++], words[i], sizeof words[i]);
	if (q->n == 0)
		return false;
	char exact[MATCH_MAX] = "", prefix[MATCH_MAX] = "", variant[MATCH_MAX] = "";
	bool ok = true;
	for (int i = 0; i < q->n; i++) {
		const char *w = q->words[i];
		char term[48], cut[INDEXED_PREFIX + 1], group[1024], key[NAMES_KEY_MAX], joined[64];
		snprintf(term, sizeof term, "%s\"%s\"", i ? " " : "", w);
		ok = ok && put(exact, sizeof exact, term);
		snprintf(cut, sizeof cut, "%s", w);
		snprintf(term, sizeof term, "%s\"%s\"*", i ? " " : "", cut);
		ok = ok && put(prefix, sizeof prefix, term);
		snprintf(group, sizeof group, "%s(\"%s\"*", i ? " AND " : "", cut);
		names_key(w, key, sizeof key);
		put_key(group, sizeof group, key);
		put_typo_words(db, group, sizeof group, w);
		if (i > 0) {
			join(q->words[i - 1], w, joined);
			names_key(joined, key, sizeof key);
			put_key(group, sizeof group, key);
		}
		if (i + 1 < q->n) {
			join(w, q->words[i + 1], joined);
			names_key(joined, key, sizeof key);
			put_key(group, sizeof group, key);
		}
		ok = ok && put(group, sizeof group, ")") && put(variant, sizeof variant, group);
	}
	if (!ok)
		return false;
	snprintf(q->match[0], MATCH_MAX, "%s", exact);
	snprintf(q->match[1], MATCH_MAX, "%s", exact);
	ok = (size_t)snprintf(q->match[2], MATCH_MAX, "(%s) NOT (%s)", prefix, exact) < MATCH_MAX;
	ok = ok && (size_t)snprintf(q->match[3], MATCH_MAX, "(%s) NOT (%s)", variant, prefix) < MATCH_MAX;
	snprintf(q->any, MATCH_MAX, "%s", variant);
	return ok;
}

/* True when the typed words are the words of family and given names, each
 * used once, in any order. */
static bool whole_name(const struct lookup_query *q, const char *family, const char *given)
{
	char words[2 * NAMES_MAX_WORDS][32];
	int n = names_words(family, words);
	n += names_words(given, words + n);
	if (n != q->n)
		return false;
	bool used[2 * NAMES_MAX_WORDS] = { false };
	for (int i = 0; i < q->n; i++) {
		int j = 0;
		while (j < n && (used[j] || strcmp(words[j], q->words[i]) != 0))
			j++;
		if (j == n)
			return false;
		used[j] = true;
	}
	return true;
}

/* What one tier gives back, in the direction asked. */
struct tier_rows {
	struct person_hit *hits;
	int n, want;
};

/* Reads the rows of tier t beyond id (newest first after it; nearest first
 * before it) until want rows in all. */
static enum status tier_fetch(struct db *db, const struct lookup_query *q, int t, bool up, long long id,
                              struct tier_rows *r)
{
	static const char sql[] =
		"SELECT " PERSON_HIT_COLUMNS ", p.family_name, p.given_names FROM person_search s "
		"JOIN person p ON p.id = s.rowid JOIN centre c ON c.id = p.centre_id "
		"WHERE person_search MATCH ?1 AND s.rowid < ?2 ORDER BY s.rowid DESC";
	static const char sql_up[] =
		"SELECT " PERSON_HIT_COLUMNS ", p.family_name, p.given_names FROM person_search s "
		"JOIN person p ON p.id = s.rowid JOIN centre c ON c.id = p.centre_id "
		"WHERE person_search MATCH ?1 AND s.rowid > ?2 ORDER BY s.rowid ASC";
	sqlite3_stmt *st = db_stmt(db, up ? sql_up : sql);
	if (!st)
		return ST_INTERNAL;
	db_bind_text(st, 1, q->match[t]);
	sqlite3_bind_int64(st, 2, id);
	int rc = SQLITE_DONE;
	while (r->n < r->want && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (t <= 1) {
			const char *family = (const char *)sqlite3_column_text(st, PERSON_HIT_NCOLUMNS);
			const char *given = (const char *)sqlite3_column_text(st, PERSON_HIT_NCOLUMNS + 1);
			if (whole_name(q, family ? family : "", given ? given : "") != (t == 0))
				continue;
		}
		struct person_hit *h = &r->hits[r->n++];
		person_hit_read(st, h);
		h->rank = person_rank_key(t, h->id);
	}
	if (r->n < r->want && rc != SQLITE_DONE) {
		sqlite3_reset(st);
		return db_status_of(rc);
	}
	sqlite3_reset(st);
	return ST_OK;
}

enum status person_lookup_page(struct db *db, const char *typed, enum page_dir dir, long long key, int limit,
                               void (*cb)(const struct person_hit *hit, void *ctx), void *ctx, bool *more)
{
	*more = false;
	struct lookup_query *q = malloc(sizeof *q);
	if (!q)
		return ST_NOMEM;
	if (!lookup_query_make(db, typed, q)) {
		free(q);
		return ST_OK;
	}
	struct tier_rows r = { calloc((size_t)limit + 1, sizeof *r.hits), 0, limit + 1 };
	if (!r.hits) {
		free(q);
		return ST_NOMEM;
	}
	bool up = dir == PAGE_BEFORE;
	int tier = key > 0 ? (int)(key >> RANK_SHIFT) : up ? TIERS - 1 : 0;
	long long id = key > 0 ? key & ((1LL << RANK_SHIFT) - 1) : up ? 0 : INT64_MAX;
	if (tier >= TIERS)
		tier = TIERS - 1;
	enum status s = ST_OK;
	/* One row beyond the page tells whether more remain. */
	while (s == ST_OK && r.n < r.want && tier >= 0 && tier < TIERS) {
		s = tier_fetch(db, q, tier, up, id, &r);
		tier += up ? -1 : 1;
		id = up ? 0 : INT64_MAX;
	}
	if (s == ST_OK) {
		*more = r.n > limit;
		int n = r.n > limit ? limit : r.n;
		for (int i = 0; i < n; i++)
			cb(&r.hits[up ? n - 1 - i : i], ctx);
	}
	free(r.hits);
	free(q);
	return s;
}

enum status person_lookup_count(struct db *db, const char *typed, const char *match, int cap, int *count,
                                bool *over)
{
	static const char sql[] =
		"SELECT count(*) FROM (SELECT 1 FROM person_search WHERE person_search MATCH ?1 LIMIT ?2)";
	*count = 0;
	*over = false;
	struct lookup_query *q = NULL;
	if (!match) {
		q = malloc(sizeof *q);
		if (!q)
			return ST_NOMEM;
		if (!lookup_query_make(db, typed, q)) {
			free(q);
			return ST_OK;
		}
		match = q->any;
	}
	sqlite3_stmt *st = db_stmt(db, sql);
	enum status s = ST_INTERNAL;
	if (st) {
		db_bind_text(st, 1, match);
		sqlite3_bind_int(st, 2, cap + 1);
		int rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			int n = sqlite3_column_int(st, 0);
			*over = n > cap;
			*count = n > cap ? cap : n;
			s = ST_OK;
		} else {
			s = db_status_of(rc);
		}
		sqlite3_reset(st);
	}
	free(q);
	return s;
}
