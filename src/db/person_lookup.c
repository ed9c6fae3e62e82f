/* The quick lookup by name, best match first. What was typed is split into
 * folded words (core/names.c) and the people come in tiers, each one a
 * query of the search index, newest first within it:
 *
 *   0  the whole name exactly: the typed words are the words of the family
 *      and given names, no more, no fewer, in any order (one token of the
 *      index holds them sorted, person_whole_token);
 *   1  every typed word is a whole word of the names or aliases;
 *   2  every typed word begins a word (prefixes, as typed while typing);
 *   3  every typed word begins a word, or sounds like a word (the same sound
 *      key), or like two neighbouring words written together, or is one
 *      mistyped letter away from a word of five letters or more (the
 *      words of the typo vocabulary, migration 013).
 *
 * A tier holds only the people no tier above holds (FTS5 NOT). Within a
 * tier, the people staying at the user's centre now come first: they are
 * few (a centre's residents), read once per page through the index of
 * open stays and put in their tier here in C, by the same rules as the
 * search index; everyone else comes from the index, residents skipped.
 * A page continues from a key made of the segment (tier, then resident or
 * not) and the id (person_rank_key), so that paging stays by key both
 * ways. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/names.h"
#include "core/text.h"
#include "db/db_private.h"
#include "db/person_private.h"

#define QUERY_WORDS 6
#define INDEXED_PREFIX 8
#define TYPO_WORDS 12       /* near words taken per typed word */
#define MATCH_MAX 4096
#define TIERS 4
#define SEGMENTS (2 * TIERS) /* each tier: residents first, then the others */
#define RANK_SHIFT 40       /* ids stay below 2^40 */
#define ALTS_MAX 24         /* other tokens a typed word may match */
#define TOKENS_MAX 96       /* tokens of a person's index text read in C */

struct lookup_query {
	int n;
	char words[QUERY_WORDS][32];
	char cut[QUERY_WORDS][INDEXED_PREFIX + 1];   /* as a prefix term */
	char alts[QUERY_WORDS][ALTS_MAX][32];        /* key tokens, near words */
	int nalts[QUERY_WORDS];
	char match[TIERS][MATCH_MAX];   /* the MATCH of each tier */
	char any[MATCH_MAX];            /* every tier at once, for counting */
};

long long person_rank_key(int segment, long long id)
{
	return ((long long)segment << RANK_SHIFT) | id;
}

/* Records token as one more that typed word i may match. */
static void add_alt(struct lookup_query *q, int i, const char *token)
{
	if (q->nalts[i] < ALTS_MAX)
		snprintf(q->alts[i][q->nalts[i]++], sizeof q->alts[i][0], "%.31s", token);
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
static void put_key(struct lookup_query *q, int i, char *group, size_t size, const char *key)
{
	char token[NAMES_KEY_MAX + 2], term[NAMES_KEY_MAX + 16];
	person_key_token(key, token, sizeof token);
	snprintf(term, sizeof term, " OR \"%s\"", token);
	if (!strstr(group, term) && put(group, size, term))
		add_alt(q, i, token);
}

/* True when a and b differ by one letter inserted, deleted or replaced. */
static bool one_edit(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i = 0;
	if (la < lb) {
		const char *t = a;
		a = b;
		b = t;
		size_t l = la;
		la = lb;
		lb = l;
	}
	if (la - lb > 1)
		return false;
	while (i < lb && a[i] == b[i])
		i++;
	if (la == lb)
		return i < la && strcmp(a + i + 1, b + i + 1) == 0;
	return strcmp(a + i + 1, b + i) == 0;
}

/* The vocabulary words one letter away from word, as whole-word terms. */
static void put_typo_words(struct db *db, struct lookup_query *q, int i, char *group, size_t size)
{
	const char *word = q->words[i];
	char probes[PERSON_TYPO_PROBES][32];
	int np = person_typo_probes(word, probes, PERSON_TYPO_PROBES), taken = 0;
	if (!np)
		return;
	sqlite3_stmt *st = db_stmt(db, "SELECT word FROM name_typo WHERE probe = ?1 LIMIT 16");
	if (!st)
		return;
	for (int k = 0; k < np && taken < TYPO_WORDS; k++) {
		db_bind_text(st, 1, probes[k]);
		while (sqlite3_step(st) == SQLITE_ROW && taken < TYPO_WORDS) {
			const char *near = (const char *)sqlite3_column_text(st, 0);
			char term[48];
			/* Two deletions meet for two letters apart too: keep one. */
			if (!near || strcmp(near, word) == 0 || !one_edit(word, near))
				continue;
			snprintf(term, sizeof term, " OR \"%.31s\"", near);
			if (!strstr(group, term) && put(group, size, term)) {
				add_alt(q, i, near);
				taken++;
			}
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
		memcpy(q->cut[i], cut, sizeof cut);
		snprintf(term, sizeof term, "%s\"%s\"*", i ? " " : "", cut);
		ok = ok && put(prefix, sizeof prefix, term);
		snprintf(group, sizeof group, "%s(\"%s\"*", i ? " AND " : "", cut);
		names_key(w, key, sizeof key);
		put_key(q, i, group, sizeof group, key);
		put_typo_words(db, q, i, group, sizeof group);
		if (i > 0) {
			join(q->words[i - 1], w, joined);
			names_key(joined, key, sizeof key);
			put_key(q, i, group, sizeof group, key);
		}
		if (i + 1 < q->n) {
			join(w, q->words[i + 1], joined);
			names_key(joined, key, sizeof key);
			put_key(q, i, group, sizeof group, key);
		}
		ok = ok && put(group, sizeof group, ")") && put(variant, sizeof variant, group);
	}
	if (!ok)
		return false;
	/* The typed words in alphabetical order make the whole-name token. */
	char sorted[MATCH_MAX] = "", whole[PERSON_WHOLE_TOKEN_MAX + 3] = "\"\"";
	for (int i = 0; i < q->n; i++)
		ok = ok && put(sorted, sizeof sorted, " ") && put(sorted, sizeof sorted, q->words[i]);
	char token[PERSON_WHOLE_TOKEN_MAX + 1];
	if (person_whole_token(sorted, "", token, sizeof token))
		snprintf(whole, sizeof whole, "\"%s\"", token);
	else
		snprintf(whole, sizeof whole, "\"0w\"");   /* a token nobody has */
	ok = ok && (size_t)snprintf(q->match[0], MATCH_MAX, "%s", whole) < MATCH_MAX;
	ok = ok && (size_t)snprintf(q->match[1], MATCH_MAX, "(%s) NOT %s", exact, whole) < MATCH_MAX;
	ok = ok && (size_t)snprintf(q->match[2], MATCH_MAX, "(%s) NOT ((%s) OR %s)", prefix, exact, whole)
	              < MATCH_MAX;
	ok = ok && (size_t)snprintf(q->match[3], MATCH_MAX, "(%s) NOT ((%s) OR %s)", variant, prefix, whole)
	              < MATCH_MAX;
	ok = ok && (size_t)snprintf(q->any, MATCH_MAX, "(%s) OR %s", variant, whole) < MATCH_MAX;
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

/* True when token t is among the n tokens. */
static bool has_token(char (*tokens)[32], int n, const char *t)
{
	for (int k = 0; k < n; k++)
		if (strcmp(tokens[k], t) == 0)
			return true;
	return false;
}

/* True when a token begins with prefix. */
static bool has_prefix(char (*tokens)[32], int n, const char *prefix)
{
	size_t len = strlen(prefix);
	for (int k = 0; k < n; k++)
		if (strncmp(tokens[k], prefix, len) == 0)
			return true;
	return false;
}

/* The tier of p for q as the search index would give it (the tokens of
 * its index text, folded as the tokenizer folds them), -1 for none. */
static int tier_of(const struct lookup_query *q, const struct person *p, char *text)
{
	char tokens[TOKENS_MAX][32];
	person_index_text(p, text, PERSON_INDEX_TEXT);
	char *folded = text_fold(text);
	if (!folded)
		return -1;
	int n = 0;
	for (const char *c = folded; *c && n < TOKENS_MAX;) {
		size_t len = 0;
		while (*c && !((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9')))
			c++;
		while ((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9')) {
			if (len < 31)
				tokens[n][len++] = *c;
			c++;
		}
		tokens[n][len] = '\0';
		n += len > 0;
	}
	free(folded);
	bool exact = true, prefix = true, variant = true;
	for (int i = 0; i < q->n; i++) {
		bool e = has_token(tokens, n, q->words[i]);
		bool pre = e || has_prefix(tokens, n, q->cut[i]);
		bool v = pre;
		for (int a = 0; !v && a < q->nalts[i]; a++)
			v = has_token(tokens, n, q->alts[i][a]);
		exact = exact && e;
		prefix = prefix && pre;
		variant = variant && v;
	}
	if (whole_name(q, p->family_name, p->given_names))
		return 0;
	return exact ? 1 : prefix ? 2 : variant ? 3 : -1;
}

/* A person staying at the user's centre now, and their tier. */
struct resident {
	long long id;
	int tier;
};

/* The residents of the user's centre that q finds, newest first. */
static enum status residents_found(struct db *db, const struct lookup_query *q, struct resident **out, size_t *n)
{
	static const char sql[] =
		"SELECT p.id, p.family_name, p.given_names, p.other_names, p.case_key FROM stay y "
		"JOIN person p ON p.id = y.person_id WHERE y.centre_id = "
		"(SELECT centre_id FROM app_user WHERE id = ?1) AND y.departed IS NULL "
		"ORDER BY y.centre_id DESC, y.person_id DESC";
	*out = NULL;
	*n = 0;
	long long user = db_actor(db)->user_id;
	if (user <= 0)
		return ST_OK;
	sqlite3_stmt *st = db_stmt(db, sql);
	struct person *p = calloc(1, sizeof *p);
	char *text = malloc(PERSON_INDEX_TEXT);
	if (!st || !p || !text) {
		free(p);
		free(text);
		return st ? ST_NOMEM : ST_INTERNAL;
	}
	size_t cap = 0;
	enum status s = ST_OK;
	int rc;
	sqlite3_bind_int64(st, 1, user);
	while (s == ST_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		long long id = sqlite3_column_int64(st, 0);
		if (*n && (*out)[*n - 1].id == id)
			continue;   /* two open stays */
		db_column_copy(st, 1, p->family_name, sizeof p->family_name);
		db_column_copy(st, 2, p->given_names, sizeof p->given_names);
		db_column_copy(st, 3, p->other_names, sizeof p->other_names);
		db_column_copy(st, 4, p->case_key, sizeof p->case_key);
		int tier = tier_of(q, p, text);
		if (tier < 0)
			continue;
		struct resident *r = db_grow((void **)out, n, &cap, sizeof **out);
		if (!r)
			s = ST_NOMEM;
		else
			*r = (struct resident){ id, tier };
	}
	if (s == ST_OK && rc != SQLITE_DONE)
		s = db_status_of(rc);
	sqlite3_reset(st);
	free(p);
	free(text);
	if (s != ST_OK) {
		free(*out);
		*out = NULL;
		*n = 0;
	}
	return s;
}

/* True when id is one of the residents found (sorted newest first). */
static bool is_resident(const struct resident *r, size_t n, long long id)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (r[mid].id == id)
			return true;
		if (r[mid].id > id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

/* What a page gathers, in the direction asked. */
struct page_rows {
	struct person_hit *hits;
	int n, want;
	const struct resident *residents;
	size_t nresidents;
};

/* Adds person id, read in full, to the page as a row of segment seg. */
static enum status add_hit(struct db *db, int seg, long long id, struct page_rows *r)
{
	static const char sql[] =
		"SELECT " PERSON_HIT_COLUMNS " FROM person p JOIN centre c ON c.id = p.centre_id WHERE p.id = ?1";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		struct person_hit *h = &r->hits[r->n++];
		person_hit_read(st, h);
		h->rank = person_rank_key(seg, id);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
}

/* The residents of tier t beyond id, in the direction asked. */
static enum status residents_fetch(struct db *db, int t, bool up, long long id, struct page_rows *r)
{
	enum status s = ST_OK;
	size_t n = r->nresidents;
	for (size_t k = 0; s == ST_OK && k < n && r->n < r->want; k++) {
		const struct resident *x = &r->residents[up ? n - 1 - k : k];
		if (x->tier == t && (up ? x->id > id : x->id < id))
			s = add_hit(db, 2 * t, x->id, r);
	}
	return s;
}

/* Reads the rows of tier t beyond id that are not residents (newest first
 * after it; nearest first before it) until want rows in all. Only the ids
 * come from the index; the rows kept are read in full afterwards. */
static enum status tier_fetch(struct db *db, const struct lookup_query *q, int t, bool up, long long id,
                              struct page_rows *r)
{
	static const char sql[] =
		"SELECT rowid FROM person_search WHERE person_search MATCH ?1 AND rowid < ?2 ORDER BY rowid DESC";
	static const char sql_up[] =
		"SELECT rowid FROM person_search WHERE person_search MATCH ?1 AND rowid > ?2 ORDER BY rowid ASC";
	sqlite3_stmt *st = db_stmt(db, up ? sql_up : sql);
	if (!st)
		return ST_INTERNAL;
	long long *ids = malloc((size_t)r->want * sizeof *ids);
	if (!ids)
		return ST_NOMEM;
	db_bind_text(st, 1, q->match[t]);
	sqlite3_bind_int64(st, 2, id);
	int rc = SQLITE_DONE, n = 0;
	while (r->n + n < r->want && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		long long rowid = sqlite3_column_int64(st, 0);
		if (is_resident(r->residents, r->nresidents, rowid))
			continue;
		ids[n++] = rowid;
	}
	sqlite3_reset(st);
	enum status s = r->n + n < r->want && rc != SQLITE_DONE ? db_status_of(rc) : ST_OK;
	/* The statement is reset before the rows are read: one at a time. */
	for (int i = 0; s == ST_OK && i < n; i++)
		s = add_hit(db, 2 * t + 1, ids[i], r);
	free(ids);
	return s;
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
	struct resident *residents = NULL;
	size_t nresidents = 0;
	enum status s = residents_found(db, q, &residents, &nresidents);
	struct page_rows r = { calloc((size_t)limit + 1, sizeof *r.hits), 0, limit + 1, residents, nresidents };
	if (s != ST_OK || !r.hits) {
		free(r.hits);
		free(residents);
		free(q);
		return s != ST_OK ? s : ST_NOMEM;
	}
	bool up = dir == PAGE_BEFORE;
	int seg = key > 0 ? (int)(key >> RANK_SHIFT) : up ? SEGMENTS - 1 : 0;
	long long id = key > 0 ? key & ((1LL << RANK_SHIFT) - 1) : up ? 0 : INT64_MAX;
	if (seg >= SEGMENTS)
		seg = SEGMENTS - 1;
	/* One row beyond the page tells whether more remain. */
	while (s == ST_OK && r.n < r.want && seg >= 0 && seg < SEGMENTS) {
		if (seg % 2 == 0)
			s = residents_fetch(db, seg / 2, up, id, &r);
		else
			s = tier_fetch(db, q, seg / 2, up, id, &r);
		seg += up ? -1 : 1;
		id = up ? 0 : INT64_MAX;
	}
	if (s == ST_OK) {
		*more = r.n > limit;
		int n = r.n > limit ? limit : r.n;
		for (int i = 0; i < n; i++)
			cb(&r.hits[up ? n - 1 - i : i], ctx);
	}
	free(r.hits);
	free(residents);
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
