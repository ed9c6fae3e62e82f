/* The quick lookup by name, best match first. What was typed is split into
 * folded words (core/names.c) and the people come in tiers, each one a
 * query of the search index, newest first within it:
 *
 *   0  the whole name exactly: the typed words are the words of the family
 *      and given names, no more, no fewer, in any order (one token of the
 *      index holds them sorted, person_whole_token);
 *   1  every typed word is a whole word of the names or aliases;
 *   2  (two words) the first is a whole word and the second begins
 *      another one;
 *   3  every typed word begins a word (prefixes, as typed while typing);
 *   4  (two words) they sound like two of the words (their keys' pair);
 *   5  every typed word begins a word, or sounds like a word (the same sound
 *      key), or like two neighbouring words written together, or is one
 *      mistyped letter away from a word of five letters or more (the
 *      words of the typo vocabulary, migration 012).
 *
 * Two different words, the commonest lookup (a name typed whole, the next
 * one being typed), read the pair tokens of the index (person_pair_token:
 * every two name words of a person, "0p<a>0<b>", and their sound keys,
 * "0q<k>0<k>"): tiers 1, 2 and 4 are one short list each, where crossing
 * the lists of two common words costs milliseconds at millions of people.
 *
 * A tier holds only the people no tier above holds (FTS5 NOT). Within a
 * tier, the people staying at the user's centre now come first: the index
 * row of each person holds the centre it stays at (person_here_token,
 * written again when a stay opens or closes), and the rows of residents
 * are also in a small index of their own (person_here), where the queries
 * of their segments run. When few residents are found, they are ranked
 * here from one query, and the segments of the others read each tier less
 * those (a NOT of the centre's token would read its long list at every
 * row). A lookup runs in one read transaction. A page continues from a key
 * made of the segment (tier, then resident or not) and the id
 * (person_rank_key), so that paging stays by key both ways. */
#include <stdarg.h>
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
#define TIERS 6
#define SEGMENTS (2 * TIERS) /* each tier: residents first, then the others */
#define RANK_SHIFT 40       /* ids stay below 2^40 */
#define ALTS_MAX 24         /* other tokens a typed word may match */
#define SMALL_RESULT 128    /* found by fewer: one query, ranked here */
#define TOKENS_MAX (PERSON_INDEX_TEXT / 2) /* tokens of an index row read back: all */
#define VOCAB_MAX 24        /* words begun by a typed word read as pairs; more: crossed */

/* The other tokens a typed word matches in tier 5. */
struct alts {
	int n;
	char token[ALTS_MAX][32];
};

struct lookup_query {
	int n;
	char words[QUERY_WORDS][32];
	char cut[QUERY_WORDS][INDEXED_PREFIX + 1];   /* as a prefix term */
	struct alts alts[QUERY_WORDS];
	char whole[PERSON_WHOLE_TOKEN_MAX + 1];      /* "" when too long */
	char here[16];                               /* "" when no centre */
	/* Two different words typed: their pair token ("" otherwise) and the
	 * pair token of their sound keys ("" when a word has no key). */
	char pair[80], key_pair[80];
	char match[SEGMENTS][MATCH_MAX];   /* the MATCH of each segment, "" for none */
	/* The MATCH of each tier with a centre, residents or not; "" for
	 * none. The people of a tier not staying at the user's centre are
	 * read with it, less the residents found, when those were all found
	 * (NOT the centre's token reads its long list at every row). */
	char plain[TIERS][MATCH_MAX];
	char pairs[256];                /* people found by a pair token; "" */
	char any[MATCH_MAX];            /* every tier at once, for counting */
	char here_any[MATCH_MAX];       /* every tier, residents only; "" */
};

long long person_rank_key(int segment, long long id)
{
	return ((long long)segment << RANK_SHIFT) | id;
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
static void put_key(char *group, size_t size, struct alts *a, const char *key)
{
	char token[NAMES_KEY_MAX + 2], term[NAMES_KEY_MAX + 16];
	person_key_token(key, token, sizeof token);
	snprintf(term, sizeof term, " OR \"%s\"", token);
	if (!strstr(group, term) && put(group, size, term) && a->n < ALTS_MAX)
		snprintf(a->token[a->n++], sizeof a->token[0], "%s", token);
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
static void put_typo_words(struct db *db, const char *word, char *group, size_t size, struct alts *a)
{
	char own[NAMES_KEY_MAX], key[NAMES_KEY_MAX];
	names_key(word, own, sizeof own);
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
			/* A near word of the same sound key is found by the key. */
			names_key(near, key, sizeof key);
			if (strcmp(key, own) == 0)
				continue;
			snprintf(term, sizeof term, " OR \"%.31s\"", near);
			if (!strstr(group, term) && put(group, size, term)) {
				if (a->n < ALTS_MAX)
					snprintf(a->token[a->n++], sizeof a->token[0], "%.31s", near);
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

/* The index token of the people staying at the user's centre now, "" when
 * the user has none. */
static enum status user_centre_token(struct db *db, char *out, size_t size)
{
	static const char sql[] =
		"SELECT c.code FROM app_user u JOIN centre c ON c.id = u.centre_id WHERE u.id = ?1";
	out[0] = '\0';
	long long user = db_actor(db)->user_id;
	if (user <= 0)
		return ST_OK;
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, user);
	int rc = sqlite3_step(st);
	char code[8] = "";
	if (rc == SQLITE_ROW)
		db_column_copy(st, 0, code, sizeof code);
	sqlite3_reset(st);
	if (code[0])
		person_here_token(code, out, size);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
}


/* ---- two words: tiers 3 to 5 from the tokens of migration 025 ------------ */

/* True when word, typed, may begin a token of the index other than a name
 * word: the check character of a case number (one letter), or the centre
 * code in front of it ("agz", "ny1"). */
static bool begins_other_token(struct db *db, const char *word, bool *failed)
{
	size_t len = strlen(word);
	if (len < 2)
		return true;
	if (len > 4)
		return false;
	sqlite3_stmt *st = db_stmt(db, "SELECT 1 FROM centre WHERE code >= ?1 AND code < ?2 LIMIT 1");
	if (!st) {
		*failed = true;
		return true;
	}
	char from[8], to[8];
	for (size_t i = 0; i <= len; i++)
		from[i] = (char)(word[i] >= 'a' && word[i] <= 'z' ? word[i] - 'a' + 'A' : word[i]);
	memcpy(to, from, len + 1);
	to[len - 1]++;
	db_bind_text(st, 1, from);
	db_bind_text(st, 2, to);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		*failed = true;
	return rc != SQLITE_DONE;
}

/* Marked rows read back to tell whether one may match; more: crossed. */
#define MARKED_MAX 16

/* True when the folded text of an index row holds, for every typed word of
 * q, its cut or one of its alternatives somewhere (a row the terms of the
 * word may match; letters the folding leaves outside a-z count as a
 * match). NULL text: true. */
static bool marked_row_may_match(const struct lookup_query *q, const char *text)
{
	char *folded = text ? text_fold(text) : NULL;
	if (!folded)
		return true;
	bool may = true;
	for (const unsigned char *c = (const unsigned char *)folded; *c && may; c++)
		may = *c < 0x80;
	if (!may) {
		free(folded);
		return true;
	}
	for (int i = 0; may && i < q->n; i++) {
		bool w = strstr(folded, q->cut[i]) != NULL;
		for (int a = 0; !w && a < q->alts[i].n; a++)
			w = strstr(folded, q->alts[i].token[a]) != NULL;
		may = w;
	}
	free(folded);
	return may;
}

/* Whether a row of the index marked "0x" may match the words of q
 * (*marked): the tiers cross the lists of the words for those rows, which
 * costs a read of the long lists of the words even when no marked row
 * matches, so they do it only when one may. Up to MARKED_MAX marked rows
 * are read back and looked at; with more, *marked when there is one.
 * False on error. */
static bool some_marked(struct db *db, const struct lookup_query *q, bool *marked)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT text FROM person_search WHERE person_search MATCH ?1 LIMIT ?2");
	if (!st)
		return false;
	db_bind_text(st, 1, "\"" PERSON_MORE_TOKEN "\"");
	sqlite3_bind_int(st, 2, MARKED_MAX + 1);
	int rc, n = 0;
	*marked = false;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && !*marked)
		*marked = ++n > MARKED_MAX || marked_row_may_match(q, (const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

/* Appends " OR " (unless out is empty) and the term made by format. */
static bool or_term(char *out, size_t size, const char *format, ...) __attribute__((format(printf, 3, 4)));
static bool or_term(char *out, size_t size, const char *format, ...)
{
	char term[200];
	va_list ap;
	va_start(ap, format);
	int n = vsnprintf(term, sizeof term, format, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof term)
		return false;
	return (!out[0] || put(out, size, " OR ")) && put(out, size, term);
}

/* The name words of the vocabulary that begin with cut (at most
 * VOCAB_MAX), as terms "0p<x>0<other>"* OR "0t<x>0<other>"* into out:
 * the people with a word beginning with cut and another beginning with
 * other. False when there are more or it does not fit. */
static bool put_begun(struct db *db, const char *cut, const char *other, char *out, size_t size)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT word FROM name_word WHERE word >= ?1 AND word < ?2 LIMIT ?3");
	if (!st)
		return false;
	char to[INDEXED_PREFIX + 1];
	size_t len = strlen(cut);
	memcpy(to, cut, len + 1);
	to[len - 1]++;
	db_bind_text(st, 1, cut);
	db_bind_text(st, 2, to);
	sqlite3_bind_int(st, 3, VOCAB_MAX + 1);
	int n = 0, rc;
	bool ok = true;
	while (ok && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *x = (const char *)sqlite3_column_text(st, 0);
		ok = ++n <= VOCAB_MAX && x && or_term(out, size, "\"0p%s0%s\"*", x, other)
		     && or_term(out, size, "\"0t%s0%s\"*", x, other);
	}
	sqlite3_reset(st);
	return ok && rc == SQLITE_DONE;
}

/* The terms of the people with word y and a word beginning with cut (y
 * itself when it begins with it). */
static bool put_word_begun(const char *y, const char *cut, char *out, size_t size)
{
	return or_term(out, size, "\"0p%s0%s\"*", y, cut) && or_term(out, size, "\"0t%s0%s\"*", y, cut)
	       && (strncmp(y, cut, strlen(cut)) != 0 || or_term(out, size, "\"%s\"", y));
}

/* The terms of the people matching alternative x of one typed word (a
 * sound key token "0k..." or a near word) and alternative y of the other. */
static bool put_alt_pair(const char *x, const char *y, char *out, size_t size)
{
	bool kx = x[0] == '0', ky = y[0] == '0';
	if (kx && ky) {
		if (strcmp(x, y) == 0)
			return or_term(out, size, "\"%s\"", x);
		const char *lo = strcmp(x + 2, y + 2) < 0 ? x + 2 : y + 2, *hi = lo == x + 2 ? y + 2 : x + 2;
		return or_term(out, size, "\"0q%s0%s\"", lo, hi) && or_term(out, size, "\"0s%s0%s\"", lo, hi);
	}
	if (kx)
		return or_term(out, size, "\"0r%s0%s\"", x + 2, y);
	if (ky)
		return or_term(out, size, "\"0r%s0%s\"", y + 2, x);
	if (strcmp(x, y) == 0)
		return or_term(out, size, "\"%s\"", x);
	return or_term(out, size, "\"0p%s0%s\"", x, y) && or_term(out, size, "\"0t%s0%s\"", x, y);
}

/* For two different words: into begun, the people with a word beginning
 * with each ("every word begun", without crossing the lists of the two
 * words), and into sounds, the people matching the variant groups of the
 * two words (variant, tier 5) less some of those; from the tokens of
 * migration 025 and the vocabulary, and for the people marked "0x", by
 * crossing the lists. False when they cannot say it (a typed word that
 * begins the other or a token other than a name word, too many words
 * begun, a query too long): the tiers cross the lists then. */
static bool two_word_terms(struct db *db, const struct lookup_query *q, const char *variant, char *begun,
                           char *sounds, size_t size)
{
	const char *c0 = q->cut[0], *c1 = q->cut[1];
	size_t l0 = strlen(c0), l1 = strlen(c1);
	bool failed = false;
	if (strncmp(c0, c1, l0 < l1 ? l0 : l1) == 0 || begins_other_token(db, c0, &failed)
	    || begins_other_token(db, c1, &failed) || failed)
		return false;
	for (int i = 0; i < 2; i++)
		if (q->alts[i].n >= ALTS_MAX)
			return false;
	begun[0] = sounds[0] = '\0';
	if (!put_begun(db, c0, c1, begun, size))
		return false;
	/* The people marked 0x, by crossing; none as a rule (each term of a
	 * query costs a look into the index, even behind an empty one, and a
	 * crossing reads the long lists of the words), and only when a
	 * marked row may match. */
	bool more = false;
	if (!some_marked(db, q, &more))
		return false;
	char cross[2 * INDEXED_PREFIX + 32];
	snprintf(cross, sizeof cross, "(\"%s\" AND \"%s\"* AND \"%s\"*)", PERSON_MORE_TOKEN, c0, c1);
	if (more && !or_term(begun, size, "%s", cross))
		return false;
	if (!begun[0])
		snprintf(begun, size, "\"0w\"");   /* a token nobody has */
	bool ok = true;
	for (int i = 0; ok && i < 2; i++) {
		const char *cut = q->cut[1 - i];
		for (int a = 0; ok && a < q->alts[i].n; a++) {
			const char *x = q->alts[i].token[a];
			ok = x[0] == '0' ? or_term(sounds, size, "\"0r%s0%s\"*", x + 2, cut)
			                 : put_word_begun(x, cut, sounds, size);
		}
	}
	for (int a = 0; ok && a < q->alts[0].n; a++)
		for (int b = 0; ok && b < q->alts[1].n; b++)
			ok = put_alt_pair(q->alts[0].token[a], q->alts[1].token[b], sounds, size);
	if (ok && more)
		ok = put(sounds, size, " OR (\"" PERSON_MORE_TOKEN "\" AND ") && put(sounds, size, variant)
		     && put(sounds, size, ")");
	if (ok && !sounds[0])
		snprintf(sounds, size, "\"0w\"");   /* a token nobody has */
	return ok;
}

/* Splits typed into words and writes the MATCH of each segment; false when
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
	char *here = q->here;
	if (user_centre_token(db, q->here, sizeof q->here) != ST_OK)
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
		put_key(group, sizeof group, &q->alts[i], key);
		put_typo_words(db, w, group, sizeof group, &q->alts[i]);
		if (i > 0) {
			join(q->words[i - 1], w, joined);
			names_key(joined, key, sizeof key);
			put_key(group, sizeof group, &q->alts[i], key);
		}
		if (i + 1 < q->n) {
			join(w, q->words[i + 1], joined);
			names_key(joined, key, sizeof key);
			put_key(group, sizeof group, &q->alts[i], key);
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
	if (person_whole_token(sorted, "", token, sizeof token)) {
		snprintf(whole, sizeof whole, "\"%s\"", token);
		memcpy(q->whole, token, sizeof q->whole);
	}
	else
		snprintf(whole, sizeof whole, "\"0w\"");   /* a token nobody has */
	/* Two different words (the common case: one typed whole, the next
	 * being typed): the people holding them as two of their words are one
	 * short list of the index (person_pair_token), read before the rest. */
	char pair[96] = "", pair_all[96] = "", key_pair[96] = "";
	if (q->n == 2 && strcmp(q->words[0], q->words[1]) != 0) {
		char k0[NAMES_KEY_MAX], k1[NAMES_KEY_MAX];
		person_pair_token(q->words[0], q->words[1], q->pair, sizeof q->pair);
		snprintf(pair, sizeof pair, "\"%s\"", q->pair);
		snprintf(pair_all, sizeof pair_all, "\"%s\"*", q->pair);
		names_key(q->words[0], k0, sizeof k0);
		names_key(q->words[1], k1, sizeof k1);
		if (k0[0] && k1[0]) {
			person_key_pair_token(k0, k1, q->key_pair, sizeof q->key_pair);
			snprintf(key_pair, sizeof key_pair, "\"%s\"", q->key_pair);
		}
		snprintf(q->pairs, sizeof q->pairs, "%s%s%s", pair_all, key_pair[0] ? " OR " : "", key_pair);
	}
	char *tier = malloc(MATCH_MAX), *begun = malloc(MATCH_MAX), *sounds = malloc(MATCH_MAX);
	if (!tier || !begun || !sounds) {
		free(tier);
		free(begun);
		free(sounds);
		return false;
	}
	/* Two different words: "every word begun" and the variants from the
	 * tokens of two words, when they can say it. */
	if (!pair[0] || !two_word_terms(db, q, variant, begun, sounds, MATCH_MAX))
		begun[0] = sounds[0] = '\0';
	for (int t = 0; ok && t < TIERS; t++) {
		tier[0] = '\0';
		if (t == 0 && q->whole[0])
			ok = (size_t)snprintf(tier, MATCH_MAX, "%s", whole) < MATCH_MAX;
		else if (t == 1 && pair[0])
			ok = (size_t)snprintf(tier, MATCH_MAX, "%s NOT %s", pair, whole) < MATCH_MAX;
		else if (t == 1)
			ok = (size_t)snprintf(tier, MATCH_MAX, "(%s) NOT %s", exact, whole) < MATCH_MAX;
		else if (t == 2 && pair[0])
			ok = (size_t)snprintf(tier, MATCH_MAX, "%s NOT (%s OR %s)", pair_all, pair, whole) < MATCH_MAX;
		else if (t == 3 && begun[0])
			ok = (size_t)snprintf(tier, MATCH_MAX, "(%s) NOT (%s OR %s)", begun, pair_all, whole) < MATCH_MAX;
		else if (t == 3)
			ok = (size_t)snprintf(tier, MATCH_MAX, "(%s) NOT ((%s) OR %s)", prefix, pair[0] ? pair_all : exact,
			                      whole) < MATCH_MAX;
		/* The people of the pair tiers are taken out by their pair too: a
		 * name the index splits (N'Diaye: n, diaye) begins no typed word
		 * there, and came again lower down. */
		else if (t == 4 && key_pair[0])
			ok = (size_t)snprintf(tier, MATCH_MAX, "%s NOT ((%s) OR %s%s%s)", key_pair, begun[0] ? begun : prefix,
			                      whole, pair_all[0] ? " OR " : "", pair_all) < MATCH_MAX;
		else if (t == 5 && sounds[0])
			ok = (size_t)snprintf(tier, MATCH_MAX, "(%s) NOT ((%s) OR %s%s%s%s%s)", sounds, begun, whole,
			                      key_pair[0] ? " OR " : "", key_pair, pair_all[0] ? " OR " : "", pair_all)
			     < MATCH_MAX;
		else if (t == 5)
			ok = (size_t)snprintf(tier, MATCH_MAX, "(%s) NOT ((%s) OR %s%s%s%s%s)", variant, prefix, whole,
			                      key_pair[0] ? " OR " : "", key_pair, pair_all[0] ? " OR " : "", pair_all)
			     < MATCH_MAX;
		if (!tier[0])
			continue;   /* nobody in this tier for these words */
		/* Residents of the user's centre first, then everyone else. */
		if (ok && here[0])
			ok = (size_t)snprintf(q->match[2 * t], MATCH_MAX, "(%s) AND \"%s\"", tier, here) < MATCH_MAX
			     && (size_t)snprintf(q->match[2 * t + 1], MATCH_MAX, "(%s) NOT \"%s\"", tier, here)
			        < MATCH_MAX
			     && (size_t)snprintf(q->plain[t], MATCH_MAX, "%s", tier) < MATCH_MAX;
		else if (ok)
			ok = (size_t)snprintf(q->match[2 * t + 1], MATCH_MAX, "%s", tier) < MATCH_MAX;
	}
	free(tier);
	free(begun);
	free(sounds);
	ok = ok && (size_t)snprintf(q->any, MATCH_MAX, "(%s) OR %s", variant, whole) < MATCH_MAX;
	if (ok && here[0])
		ok = (size_t)snprintf(q->here_any, MATCH_MAX, "(%s) AND \"%s\"", q->any, here) < MATCH_MAX;
	return ok;
}

/* What a page gathers, in the direction asked. */
struct page_rows {
	struct person_hit *hits;
	int n, want;
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
		person_hit_read(db, st, h);
		h->rank = person_rank_key(seg, id);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
}

/* Orders ids, smallest first. */
static int by_id(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;
	return (x > y) - (x < y);
}

/* Reads the rows of segment seg beyond id (newest first after it; nearest
 * first before it) until want rows in all. Only the ids come from the
 * index; the rows are read in full afterwards. With here (sorted, nhere),
 * every resident of the user's centre the query finds: a segment of
 * people not staying there is read as its tier less those. */
static enum status segment_fetch(struct db *db, const struct lookup_query *q, int seg, bool up, long long id,
                                 const long long *here_ids, size_t nhere, struct page_rows *r)
{
	static const char sql[] =
		"SELECT rowid FROM person_search WHERE person_search MATCH ?1 AND rowid < ?2 ORDER BY rowid DESC";
	static const char sql_up[] =
		"SELECT rowid FROM person_search WHERE person_search MATCH ?1 AND rowid > ?2 ORDER BY rowid ASC";
	/* Residents: the same query on the index of residents alone. */
	static const char here[] =
		"SELECT rowid FROM person_here WHERE person_here MATCH ?1 AND rowid < ?2 ORDER BY rowid DESC";
	static const char here_up[] =
		"SELECT rowid FROM person_here WHERE person_here MATCH ?1 AND rowid > ?2 ORDER BY rowid ASC";
	if (!q->match[seg][0])
		return ST_OK;   /* no centre: nobody stays at it */
	bool resident = seg % 2 == 0;
	const char *match = q->match[seg];
	if (!resident && here_ids && q->plain[seg / 2][0])
		match = q->plain[seg / 2];
	else
		here_ids = NULL;
	sqlite3_stmt *st = db_stmt(db, resident ? (up ? here_up : here) : up ? sql_up : sql);
	if (!st)
		return ST_INTERNAL;
	long long *ids = malloc((size_t)r->want * sizeof *ids);
	if (!ids)
		return ST_NOMEM;
	db_bind_text(st, 1, match);
	sqlite3_bind_int64(st, 2, id);
	int rc = SQLITE_DONE, n = 0;
	while (r->n + n < r->want && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		long long found = sqlite3_column_int64(st, 0);
		if (!here_ids || !bsearch(&found, here_ids, nhere, sizeof found, by_id))
			ids[n++] = found;
	}
	sqlite3_reset(st);
	enum status s = r->n + n < r->want && rc != SQLITE_DONE ? db_status_of(rc) : ST_OK;
	/* The statement is reset before the rows are read: one at a time. */
	for (int i = 0; s == ST_OK && i < n; i++)
		s = add_hit(db, seg, ids[i], r);
	free(ids);
	return s;
}

/* ---- few people found: one query, ranked here ---------------------------- */

/* Where the tokens of two words ("0r", "0s", "0t", "0x": they rank nobody)
 * begin in an index row, as the data layer writes it (after the names,
 * numbers, keys and pairs; before the centre's token): NULL for none. */
static const char *two_word_tokens(const char *text)
{
	const char *first = NULL;
	for (const char *k = "rstx"; *k; k++) {
		char mark[4] = { ' ', '0', *k, '\0' };
		const char *at = strstr(text, mark);
		if (at && (!first || at < first))
			first = at;
	}
	return first;
}

/* True for an ASCII letter or digit. */
static bool ascii_alnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Adds to the n tokens those of the len bytes at text, folded and split as
 * the tokenizer does (letters and digits; other bytes of UTF-8 letters
 * kept in). Only the words with other letters than ASCII go through
 * text_fold: the tokens the data layer writes are ASCII, and folding a
 * whole row with accented names took most of the ranking's time. Returns
 * how many in all, or -1 when out of memory. */
static int add_tokens(const char *text, size_t len, char (*tokens)[32], int n)
{
	const unsigned char *t = (const unsigned char *)text;
	size_t i = 0;
	while (i < len && n < TOKENS_MAX) {
		if (t[i] < 0x80 && !ascii_alnum(t[i])) {
			i++;
			continue;
		}
		/* Copied in lower case while read; folded when not ASCII. */
		const unsigned char *w = t + i;
		size_t l = 0;
		bool wide = false;
		while (i < len && (t[i] >= 0x80 || ascii_alnum(t[i]))) {
			wide = wide || t[i] >= 0x80;
			if (l < 31)
				tokens[n][l++] = (char)(t[i] >= 'A' && t[i] <= 'Z' ? t[i] - 'A' + 'a' : t[i]);
			i++;
		}
		if (!wide) {
			tokens[n++][l] = '\0';
			continue;
		}
		size_t wlen = (size_t)(t + i - w);
		char *word = malloc(wlen + 1);
		if (!word)
			return -1;
		memcpy(word, w, wlen);
		word[wlen] = '\0';
		char *folded = text_fold(word);
		free(word);
		if (!folded)
			return -1;
		for (const unsigned char *c = (const unsigned char *)folded; *c && n < TOKENS_MAX;) {
			l = 0;
			while (*c && !((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c >= 0x80))
				c++;
			while ((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c >= 0x80) {
				if (l < 31)
					tokens[n][l++] = (char)*c;
				c++;
			}
			tokens[n][l] = '\0';
			n += l > 0;
		}
		free(folded);
	}
	return n;
}

/* Splits an index row into its tokens (add_tokens), but for the tokens of
 * two words. Returns how many, or -1 when out of memory. */
static int row_tokens(const char *text, char (*tokens)[32])
{
	/* The row less the tokens of two words, up to the centre's token. */
	const char *cut = two_word_tokens(text), *here = cut ? strstr(cut, " 0h") : NULL;
	int n = add_tokens(text, cut ? (size_t)(cut - text) : strlen(text), tokens, 0);
	if (n >= 0 && here)
		n = add_tokens(here, strlen(here), tokens, n);
	return n;
}

/* True when t is one of the n tokens (or begins one, for a prefix). */
static bool has(char (*tokens)[32], int n, const char *t, bool prefix)
{
	size_t len = strlen(t);
	for (int k = 0; k < n; k++)
		if (prefix ? strncmp(tokens[k], t, len) == 0 : strcmp(tokens[k], t) == 0)
			return true;
	return false;
}

/* The segment of an index row for q, as the queries of the segments give
 * it (2 x tier, plus 1 when not staying at the user's centre); -1 for
 * none, -2 when out of memory. */
static int segment_of(const struct lookup_query *q, const char *text)
{
	char tokens[TOKENS_MAX][32];
	int n = row_tokens(text, tokens);
	if (n < 0)
		return -2;
	bool exact = true, prefix = true, variant = true;
	for (int i = 0; i < q->n; i++) {
		bool e = has(tokens, n, q->words[i], false), pre = has(tokens, n, q->cut[i], true), v = pre;
		for (int a = 0; !v && a < q->alts[i].n; a++)
			v = has(tokens, n, q->alts[i].token[a], false);
		exact = exact && e;
		prefix = prefix && pre;
		variant = variant && v;
	}
	/* The tiers of lookup_query_make: with two words, the pair tokens
	 * make tiers 1, 2 and 4. */
	int tier = -1;
	if (q->whole[0] && has(tokens, n, q->whole, false))
		tier = 0;
	else if (q->pair[0])
		tier = has(tokens, n, q->pair, false) ? 1 : has(tokens, n, q->pair, true) ? 2 : prefix ? 3
		       : q->key_pair[0] && has(tokens, n, q->key_pair, false) ? 4 : variant ? 5 : -1;
	else
		tier = exact ? 1 : prefix ? 3 : variant ? 5 : -1;
	if (tier < 0)
		return -1;
	return 2 * tier + !(q->here[0] && has(tokens, n, q->here, false));
}

struct ranked {
	long long id;
	int seg;
};

/* Best segment first, newest first within one. */
static int by_rank(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;
	if (x->seg != y->seg)
		return x->seg < y->seg ? -1 : 1;
	return (x->id < y->id) - (x->id > y->id);
}

/* When match (q->any, or its residents) finds SMALL_RESULT people or
 * fewer: all of them, ranked, in *rows (*n); *small false otherwise. The ids come first (the index alone); the
 * rows of the index are read back only for a small result. */
static enum status small_result(struct db *db, const struct lookup_query *q, const char *match, bool here,
                                bool *small, struct ranked **rows, size_t *n)
{
	static const char ids[] = "SELECT rowid FROM person_search WHERE person_search MATCH ?1 LIMIT ?2";
	static const char row[] = "SELECT text FROM person_search WHERE rowid = ?1";
	static const char here_ids[] = "SELECT rowid FROM person_here WHERE person_here MATCH ?1 LIMIT ?2";
	static const char here_row[] = "SELECT text FROM person_here WHERE rowid = ?1";
	*small = false;
	*rows = NULL;
	*n = 0;
	sqlite3_stmt *st = db_stmt(db, here ? here_ids : ids), *text = db_stmt(db, here ? here_row : row);
	if (!st || !text)
		return ST_INTERNAL;
	long long found[SMALL_RESULT + 1];
	int nfound = 0, rc;
	db_bind_text(st, 1, match);
	sqlite3_bind_int(st, 2, SMALL_RESULT + 1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && nfound <= SMALL_RESULT)
		found[nfound++] = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return db_status_of(rc);
	if (nfound > SMALL_RESULT)
		return ST_OK;
	*rows = malloc((size_t)(nfound ? nfound : 1) * sizeof **rows);
	if (!*rows)
		return ST_NOMEM;
	enum status s = ST_OK;
	for (int i = 0; s == ST_OK && i < nfound; i++) {
		sqlite3_bind_int64(text, 1, found[i]);
		rc = sqlite3_step(text);
		int seg = -1;
		if (rc == SQLITE_ROW) {
			const char *t = (const char *)sqlite3_column_text(text, 0);
			seg = segment_of(q, t ? t : "");
		}
		sqlite3_reset(text);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			s = db_status_of(rc);
		else if (seg == -2)
			s = ST_NOMEM;
		/* Found by the index but not here (a letter folded otherwise):
		 * shown last rather than lost. */
		else
			(*rows)[(*n)++] = (struct ranked){ found[i], seg < 0 ? SEGMENTS - 1 : seg };
	}
	*small = s == ST_OK;
	if (*small)
		qsort(*rows, *n, sizeof **rows, by_rank);
	return s;
}

/* The residents of segment seg (even) beyond id, from the ranked list of
 * them, in the direction asked. */
static enum status ranked_fetch(struct db *db, const struct ranked *rows, size_t n, int seg, bool up, long long id,
                                struct page_rows *r)
{
	enum status s = ST_OK;
	for (size_t k = 0; s == ST_OK && k < n && r->n < r->want; k++) {
		const struct ranked *x = &rows[up ? n - 1 - k : k];
		if (x->seg == seg && (up ? x->id > id : x->id < id))
			s = add_hit(db, seg, x->id, r);
	}
	return s;
}

/* The page of a small result beyond key (see person_search_page). */
static enum status small_page(struct db *db, const struct ranked *rows, size_t n, bool up, long long key,
                              struct page_rows *r)
{
	/* After the key: from the first row ranked after it; before it: up to
	 * the last row ranked before it. */
	size_t from = up ? n : 0;
	if (key > 0) {
		struct ranked k = { key & ((1LL << RANK_SHIFT) - 1), (int)(key >> RANK_SHIFT) };
		from = 0;
		while (from < n && by_rank(&rows[from], &k) < (up ? 0 : 1))
			from++;
	}
	enum status s = ST_OK;
	if (up) {
		for (size_t i = from; s == ST_OK && i > 0 && r->n < r->want; i--)
			s = add_hit(db, rows[i - 1].seg, rows[i - 1].id, r);
	} else {
		for (size_t i = from; s == ST_OK && i < n && r->n < r->want; i++)
			s = add_hit(db, rows[i].seg, rows[i].id, r);
	}
	return s;
}

/* A lookup reads in one read transaction of its own (unless the caller has
 * one open): its hundred statements then share one snapshot and one
 * taking of the database's read locks instead of one each. True when it
 * began one. */
static bool read_begin(struct db *db)
{
	if (!sqlite3_get_autocommit(db_sqlite(db)))
		return false;
	sqlite3_stmt *st = db_stmt(db, "BEGIN");
	return st && db_step_done(st) == ST_OK;
}

/* Ends the read transaction of read_begin when began. */
static void read_end(struct db *db, bool began)
{
	sqlite3_stmt *st = began ? db_stmt(db, "COMMIT") : NULL;
	if (st && db_step_done(st) != ST_OK && (st = db_stmt(db, "ROLLBACK")) != NULL)
		db_step_done(st);
}

enum status person_lookup_page(struct db *db, const char *typed, enum page_dir dir, long long key, int limit,
                               void (*cb)(const struct person_hit *hit, void *ctx), void *ctx, bool *more)
{
	*more = false;
	struct lookup_query *q = malloc(sizeof *q);
	if (!q)
		return ST_NOMEM;
	bool began = read_begin(db);
	if (!lookup_query_make(db, typed, q)) {
		read_end(db, began);
		free(q);
		return ST_OK;
	}
	struct page_rows r = { calloc((size_t)limit + 1, sizeof *r.hits), 0, limit + 1 };
	if (!r.hits) {
		read_end(db, began);
		free(q);
		return ST_NOMEM;
	}
	bool up = dir == PAGE_BEFORE, small;
	struct ranked *rows;
	size_t nrows;
	/* Few found: one query, ranked here. Not for two words: their pair
	 * tiers are short lists, and the query of every tier at once would
	 * cross the long lists of the words once more. */
	enum status s = ST_OK;
	small = false;
	rows = NULL;
	nrows = 0;
	if (!q->pairs[0])
		s = small_result(db, q, q->any, false, &small, &rows, &nrows);
	if (s == ST_OK && small)
		s = small_page(db, rows, nrows, up, key, &r);
	free(rows);
	rows = NULL;
	nrows = 0;
	/* Many found, few of them staying at the user's centre (as a rule):
	 * those are ranked here from one query too. */
	bool few_here = false;
	if (s == ST_OK && !small && q->here_any[0])
		s = small_result(db, q, q->here_any, true, &few_here, &rows, &nrows);
	/* The residents found, for the segments of the others. */
	long long *here_ids = NULL;
	if (s == ST_OK && few_here) {
		here_ids = malloc((nrows ? nrows : 1) * sizeof *here_ids);
		if (!here_ids)
			s = ST_NOMEM;
		for (size_t i = 0; here_ids && i < nrows; i++)
			here_ids[i] = rows[i].id;
		if (here_ids)
			qsort(here_ids, nrows, sizeof *here_ids, by_id);
	}
	/* Many found: a query per segment, until the page is full. */
	int seg = key > 0 ? (int)(key >> RANK_SHIFT) : up ? SEGMENTS - 1 : 0;
	long long id = key > 0 ? key & ((1LL << RANK_SHIFT) - 1) : up ? 0 : INT64_MAX;
	if (seg >= SEGMENTS)
		seg = SEGMENTS - 1;
	/* One row beyond the page tells whether more remain. */
	while (!small && s == ST_OK && r.n < r.want && seg >= 0 && seg < SEGMENTS) {
		if (few_here && seg % 2 == 0)
			s = ranked_fetch(db, rows, nrows, seg, up, id, &r);
		else
			s = segment_fetch(db, q, seg, up, id, here_ids, nrows, &r);
		seg += up ? -1 : 1;
		id = up ? 0 : INT64_MAX;
	}
	/* Ended before calling back (the callback may use the connection). */
	read_end(db, began);
	if (s == ST_OK) {
		*more = r.n > limit;
		int n = r.n > limit ? limit : r.n;
		for (int i = 0; i < n; i++)
			cb(&r.hits[up ? n - 1 - i : i], ctx);
	}
	free(here_ids);
	free(rows);
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
