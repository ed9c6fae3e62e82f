/* Finding people: the quick lookup and the duplicate check. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/clock.h"
#include "core/casenum.h"
#include "core/date.h"
#include "core/names.h"
#include "core/phone.h"
#include "core/text.h"
#include "db/db_private.h"
#include "db/person_private.h"

#define MAX_QUERY_WORDS 6
#define MAX_INDEXED_PREFIX 8
#define MAX_CANDIDATES 600
#define SEEN_SLOTS 2048   /* a power of two, over three times MAX_CANDIDATES */

/* Appends the FTS5 prefix term "word"* (word holds only a-z0-9). */
static void add_term(char *out, size_t size, const char *word)
{
	size_t len = strlen(out);
	snprintf(out + len, size - len, "%s\"%s\"*", len ? " " : "", word);
}

/* Appends the phone terms of q to out as one group: the numbers starting
 * with either prefix, or ending with the tail digits (core/phone.h). */
static void add_phone_terms(char *out, size_t size, const struct phone_query *q)
{
	const char *terms[] = { q->prefix[0], q->prefix[1], q->tail };
	size_t len = strlen(out);
	int n = 0;
	snprintf(out + len, size - len, "%s(", len ? " " : "");
	for (int i = 0; i < 3; i++) {
		if (!terms[i][0])
			continue;
		len = strlen(out);
		snprintf(out + len, size - len, "%s\"%s\"*", n++ ? " OR " : "", terms[i]);
	}
	len = strlen(out);
	snprintf(out + len, size - len, ")");
}

bool person_match_is_number(const char *typed)
{
	char key[32];
	return phone_looks_like(typed)
	       || (casenum_key(typed, key, sizeof key) && key[0] >= 'A' && key[0] <= 'Z'
	           && strpbrk(key, "0123456789") && strlen(key) >= 4);
}

/* Turns what was typed into an FTS5 query of prefix terms, all required:
 * a case number (letters then digits, dashes optional) is one term, a phone
 * number the ways it can be stored (core/phone.h: from its start with or
 * without the country code cc, or by its last digits), anything else its
 * folded words. False when nothing searchable was typed (a phone number
 * needs PHONE_QUERY_MIN digits). */
bool person_match_query(const char *typed, const char *cc, char *out, size_t size)
{
	out[0] = '\0';
	char key[32];
	if (phone_looks_like(typed)) {
		struct phone_query q;
		if (!phone_query(typed, cc, &q))
			return false;
		add_phone_terms(out, size, &q);
		return true;
	}
	if (casenum_key(typed, key, sizeof key) && key[0] >= 'A' && key[0] <= 'Z' && strpbrk(key, "0123456789")
	    && strlen(key) >= 4) {
		/* A whole number typed without its check character is that
		 * number, not every number it begins. */
		size_t len = strlen(key);
		if (!casenum_valid(key) && len + 2 <= sizeof key) {
			key[len] = casenum_check_char(key);
			key[len + 1] = '\0';
			if (!key[len] || !casenum_valid(key))
				key[len] = '\0';
		}
		for (char *c = key; *c; c++)
			if (*c >= 'A' && *c <= 'Z')
				*c = (char)(*c - 'A' + 'a');
		add_term(out, size, key);
		return true;
	}
	char *folded = text_fold(typed);
	if (!folded)
		return false;
	int words = 0;
	for (char *c = folded; *c && words < MAX_QUERY_WORDS;) {
		while (*c && !((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9')))
			c++;
		char word[64];
		size_t n = 0;
		while ((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9')) {
			if (n + 1 < sizeof word)
				word[n++] = *c;
			c++;
		}
		/* The index keeps prefixes of up to 8 letters (migration 010):
		 * a longer word is looked up by its first 8, which finds the
		 * same people and stays fast. */
		if (n > MAX_INDEXED_PREFIX)
			n = MAX_INDEXED_PREFIX;
		word[n] = '\0';
		if (n) {
			add_term(out, size, word);
			words++;
		}
	}
	free(folded);
	return words > 0;
}

/* The short codes ("UAC VoT") of the stored flag names in names
 * (space-separated, as the lookup's group_concat gives them) into h, in
 * list order, only those role sees. */
static void hit_flags(int role, const char *names, struct person_hit *h)
{
	bool set[FLAG_COUNT_] = { false };
	char copy[400];
	snprintf(copy, sizeof copy, "%s", names);
	for (char *save = NULL, *w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
		int f = person_flag_from_name(w);
		if (f >= 0 && perm_sees_flag(role, f))
			set[f] = true;
	}
	h->flags[0] = '\0';
	for (int f = 0; f < FLAG_COUNT_; f++) {
		if (!set[f])
			continue;
		size_t len = strlen(h->flags);
		snprintf(h->flags + len, sizeof h->flags - len, "%s%s", len ? " " : "",
		         person_flag_short((enum person_flag)f));
	}
}

void person_hit_read(struct db *db, sqlite3_stmt *st, struct person_hit *h)
{
	memset(h, 0, sizeof *h);
	h->id = sqlite3_column_int64(st, 0);
	db_column_copy(st, 1, h->case_key, sizeof h->case_key);
	char family[PERSON_NAME_MAX + 1], given[PERSON_NAME_MAX + 1];
	db_column_copy(st, 2, family, sizeof family);
	db_column_copy(st, 3, given, sizeof given);
	snprintf(h->name, sizeof h->name, "%s %s", family, given);
	const unsigned char *sex = sqlite3_column_text(st, 4);
	h->sex = sex ? (char)sex[0] : 'x';
	db_column_copy(st, 5, h->birth_date, sizeof h->birth_date);
	h->birth_estimated = sqlite3_column_int(st, 6) != 0;
	db_column_copy(st, 7, h->nationality, sizeof h->nationality);
	db_column_copy(st, 8, h->centre_code, sizeof h->centre_code);
	const unsigned char *flags = sqlite3_column_text(st, 9);
	hit_flags(db_actor(db)->role, flags ? (const char *)flags : "", h);
	h->no_data_consent = sqlite3_column_int(st, 10) == 0;
	const unsigned char *kind = sqlite3_column_text(st, 11);
	h->community = kind && strcmp((const char *)kind, "community") == 0;
}

#define HIT_COLUMNS PERSON_HIT_COLUMNS

enum status person_search_page(struct db *db, const char *query, enum page_dir dir, long long key, int limit,
                               void (*cb)(const struct person_hit *hit, void *ctx), void *ctx, bool *more)
{
	/* Newest first: after a hit walks the ids down, before it walks them
	 * up (nearest first) and the page is given back reversed. */
	static const char sql[] =
		"SELECT " HIT_COLUMNS " FROM person_search s JOIN person p ON p.id = s.rowid "
		"JOIN centre c ON c.id = p.centre_id WHERE person_search MATCH ?1 AND s.rowid < ?2 "
		"ORDER BY s.rowid DESC LIMIT ?3";
	static const char sql_up[] =
		"SELECT " HIT_COLUMNS " FROM person_search s JOIN person p ON p.id = s.rowid "
		"JOIN centre c ON c.id = p.centre_id WHERE person_search MATCH ?1 AND s.rowid > ?2 "
		"ORDER BY s.rowid ASC LIMIT ?3";
	*more = false;
	enum status s = db_require(db, PERM_LOOKUP);
	if (s != ST_OK)
		return s;
	if (dir != PAGE_AFTER && dir != PAGE_BEFORE)
		return ST_INVALID;
	char match[512];
	if (limit <= 0 || !person_match_query(query ? query : "", db_phone_country(db), match, sizeof match))
		return ST_OK;
	/* Names go best match first (person_lookup.c). */
	if (!person_match_is_number(query))
		return person_lookup_page(db, query, dir, key, limit, cb, ctx, more);
	bool up = dir == PAGE_BEFORE;
	sqlite3_stmt *st = db_stmt(db, up ? sql_up : sql);
	if (!st)
		return ST_INTERNAL;
	/* Collect the page, then release the statement before calling back
	 * (the callback may use the connection). */
	struct person_hit *hits = calloc((size_t)limit, sizeof *hits);
	if (!hits)
		return ST_NOMEM;
	db_bind_text(st, 1, match);
	sqlite3_bind_int64(st, 2, key > 0 ? key : up ? 0 : INT64_MAX);
	sqlite3_bind_int(st, 3, limit + 1);
	int n = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == limit) {
			*more = true;
			break;
		}
		person_hit_read(db, st, &hits[n]);
		hits[n].rank = hits[n].id;
		n++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		free(hits);
		return db_status_of(rc);
	}
	for (int i = 0; i < n; i++)
		cb(&hits[up ? n - 1 - i : i], ctx);
	free(hits);
	return ST_OK;
}

enum status person_search_count(struct db *db, const char *query, int cap, int *count, bool *over)
{
	*count = 0;
	*over = false;
	enum status s = db_require(db, PERM_LOOKUP);
	if (s != ST_OK)
		return s;
	char match[512];
	if (cap <= 0 || !person_match_query(query ? query : "", db_phone_country(db), match, sizeof match))
		return ST_OK;
	return person_lookup_count(db, query, person_match_is_number(query) ? match : NULL, cap, count, over);
}

enum status person_search(struct db *db, const char *query, long long after_id, int limit,
                          void (*cb)(const struct person_hit *hit, void *ctx), void *ctx, bool *more)
{
	return person_search_page(db, query, PAGE_AFTER, after_id, limit, cb, ctx, more);
}

/* Age bounds of a person born on iso (partial) today, -1 when unknown. */
static void age_bounds(const char *iso, bool estimated, int *min, int *max)
{
	struct pdate birth, today = clock_today();
	*min = *max = -1;
	if (iso[0] && date_from_iso(iso, &birth) == DATE_OK && date_age_range(&birth, &today, min, max) == 0
	    && estimated) {
		*min = *min > 2 ? *min - 2 : 0;
		*max += 2;
	}
}

struct candidate {
	long long id;
	int score;
};

/* Orders candidates best first. */
static int by_score(const void *a, const void *b)
{
	const struct candidate *x = a, *y = b;
	return (y->score > x->score) - (y->score < x->score);
}

/* Adds id (> 0) to the set of ids seen (SEEN_SLOTS slots, open
 * addressing); false when it was there already. */
static bool seen_add(long long *slots, long long id)
{
	unsigned long long h = (unsigned long long)id * 0x9E3779B97F4A7C15ULL;
	for (unsigned i = (unsigned)(h >> 53) & (SEEN_SLOTS - 1);; i = (i + 1) & (SEEN_SLOTS - 1)) {
		if (slots[i] == id)
			return false;
		if (slots[i] == 0) {
			slots[i] = id;
			return true;
		}
	}
}

/* Scores the people sharing a sound key with a word of p's names (the
 * first 200 of each key, at most MAX_CANDIDATES in all, p itself left
 * out) against me, keeping in cands those scoring 50 or more: how many.
 * Each candidate is read with its key, in one statement per key, from the
 * columns the score reads only (an import checks each of its rows). */
static int score_candidates(struct db *db, const struct person *p, const struct names_person *me,
                            long long *ids, struct candidate *cands)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT k.person_id, p.family_name, p.given_names, p.other_names, p.sex, "
	                               "p.birth_date, p.birth_estimated FROM person_name_key k "
	                               "JOIN person p ON p.id = k.person_id WHERE k.key = ?1 LIMIT 200");
	if (!st)
		return -1;
	int n = 0, nc = 0;
	const char *parts[] = { p->family_name, p->given_names, p->other_names };
	for (int i = 0; i < 3; i++) {
		char words[NAMES_MAX_WORDS][32];
		int nw = names_words(parts[i], words);
		for (int w = 0; w < nw; w++) {
			char key[NAMES_KEY_MAX];
			names_key(words[w], key, sizeof key);
			db_bind_text(st, 1, key);
			while (sqlite3_step(st) == SQLITE_ROW && n < MAX_CANDIDATES) {
				long long id = sqlite3_column_int64(st, 0);
				if (id == p->id || !seen_add(ids, id))
					continue;
				n++;
				const char *family = (const char *)sqlite3_column_text(st, 1);
				const char *given = (const char *)sqlite3_column_text(st, 2);
				const char *other = (const char *)sqlite3_column_text(st, 3);
				const unsigned char *sex = sqlite3_column_text(st, 4);
				const char *birth = (const char *)sqlite3_column_text(st, 5);
				struct names_person them = { family ? family : "", given ? given : "", other ? other : "",
				                             sex ? (char)sex[0] : 'x', -1, -1 };
				age_bounds(birth ? birth : "", sqlite3_column_int(st, 6) != 0, &them.age_min, &them.age_max);
				int score = names_duplicate_score(me, &them);
				if (score >= 50)
					cands[nc++] = (struct candidate){ id, score };
			}
			sqlite3_reset(st);
		}
	}
	return nc;
}

enum status person_duplicates(struct db *db, const struct person *p, int limit,
                              void (*cb)(const struct person_hit *hit, int score, void *ctx), void *ctx)
{
	static const char sql[] =
		"SELECT " HIT_COLUMNS " FROM person p JOIN centre c ON c.id = p.centre_id WHERE p.id = ?1";
	enum status s = db_require(db, PERM_LOOKUP);
	if (s != ST_OK)
		return s;
	long long *ids = calloc(SEEN_SLOTS, sizeof *ids);
	struct candidate *cands = calloc(MAX_CANDIDATES, sizeof *cands);
	if (!ids || !cands) {
		free(ids);
		free(cands);
		return ST_NOMEM;
	}
	struct names_person me = { p->family_name, p->given_names, p->other_names, p->sex, -1, -1 };
	age_bounds(p->birth_date, p->birth_estimated, &me.age_min, &me.age_max);
	int nc = score_candidates(db, p, &me, ids, cands);
	/* The whole hit of those listed only. */
	sqlite3_stmt *st = nc >= 0 ? db_stmt(db, sql) : NULL;
	if (nc > 1)
		qsort(cands, (size_t)nc, sizeof *cands, by_score);
	for (int i = 0; st && i < nc && i < limit; i++) {
		struct person_hit h;
		sqlite3_bind_int64(st, 1, cands[i].id);
		bool found = sqlite3_step(st) == SQLITE_ROW;
		if (found)
			person_hit_read(db, st, &h);
		sqlite3_reset(st);
		if (found)
			cb(&h, cands[i].score, ctx);
	}
	free(ids);
	free(cands);
	return st ? ST_OK : ST_INTERNAL;
}
