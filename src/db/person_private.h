#ifndef TAIMAKO_DB_PERSON_PRIVATE_H
#define TAIMAKO_DB_PERSON_PRIVATE_H
/* Shared by the person modules of the data layer only. */
#include <stdbool.h>
#include <stddef.h>
#include <sqlite3.h>
#include "core/names.h"
#include "db/person.h"

/* Reads person id with its lists, no permission check, no audit. */
enum status person_read(struct db *db, long long id, struct person *p);

/* Inserts the new person p (kind "community": no stay) with its lists,
 * search index and the audit row of its creation (every field), inside the
 * caller's transaction; p->id, case_key and version are set. */
enum status person_create(struct db *db, struct person *p, long long centre);

struct jsonbuf;

/* Adds to j every person field that differs between before and after, as
 * "name": [before, after] in the text form of core/person.h (person_save's
 * audit of an edit). */
void person_diff_json(struct jsonbuf *j, const struct person *before, const struct person *after);

/* Writes the search index row, name keys and typo vocabulary of p as it is
 * saved now (p->staying_at set). */
enum status person_write_index(struct db *db, const struct person *p);

/* Many people written in one transaction (an import): FTS5 writes the
 * rows it holds at every later statement of the transaction, one small
 * segment each, so the search-index rows are kept in a temporary table
 * while on, and written by person_search_flush in one statement each
 * (before the transaction ends: the people are not found until then).
 * person_search_defer(db, false) flushes first. */
enum status person_search_defer(struct db *db, bool on);
/* Writes the search-index row text of person id (and its residents' row),
 * or keeps it for person_search_flush while deferred. */
enum status person_index_store(struct db *db, long long id, const char *text);
enum status person_search_flush(struct db *db);

/* Writes p's languages, documents and flags (p->id set), keeping the rows
 * that stay as they are (person_lists.c). */
enum status person_write_lists(struct db *db, const struct person *p);

/* The flag stored as name, or -1. */
int person_flag_from_name(const char *name);

/* The text of p's search-index row: names, aliases, case key, and the
 * words of its phone (core/phone.h) under country code cc. Made of those
 * columns only (person_keys_refresh reads no others). */
void person_index_text(const struct person *p, const char *cc, char *out, size_t size);

/* Most name keys a person can have (person_name_keys). */
#define PERSON_MAX_KEYS (3 * NAMES_MAX_WORDS)

/* The sound keys of every word of p's names and aliases (core/names.c),
 * without repeats or empty ones, into keys (at most max): how many. */
int person_name_keys(const struct person *p, char keys[][NAMES_KEY_MAX], int max);

/* The stored key of a phone number: its digits with the country code in
 * front, cc for a number written without one (core/phone.h). */
void person_phone_key(const char *phone, const char *cc, char *out, size_t size);

/* Most lookup keys a person can have (person_lookup_keys). */
#define PERSON_LOOKUP_KEYS 32

/* The sound keys the lookup finds p by (migration 012): of every word of
 * the names and of each alias, and of each two neighbouring words of one
 * name written together; without repeats, at most max: how many. */
int person_lookup_keys(const struct person *p, char keys[][NAMES_KEY_MAX], int max);

/* A sound key as a token of the search index: "0k" and the key in lower
 * case (its vowels are the only capitals, its consonants never a, i, u). */
void person_key_token(const char *key, char *out, size_t size);

/* The token of the people staying at a centre now: "0h" and its code in
 * lower case ("AGZ" -> "0hagz"). */
void person_here_token(const char *centre_code, char *out, size_t size);

/* The code of the centre where person id is staying now (open stay) into
 * code, "" when none. */
enum status person_staying_at(struct db *db, long long id, char *code, size_t size);

/* Keeps the row of person id in the index of the people staying at a
 * centre now (person_here) when its search text has a centre token, and
 * out of it otherwise. */
enum status person_here_write(struct db *db, long long id, const char *text);

/* Writes again the search-index row of person id, as read now (after a
 * stay opened or closed: the row holds where the person stays). */
enum status person_reindex(struct db *db, long long id);

/* Longest whole-name token; longer names have none. */
#define PERSON_WHOLE_TOKEN_MAX 96

/* The whole-name token of a family and given names: "0w" and their words
 * (names_words) in alphabetical order, joined by '0' ("Bâ Amadou" ->
 * "0wamadou0ba"): a lookup typing exactly those words, in any order, finds
 * it. False (out "") when there is no word or it would be too long. */
bool person_whole_token(const char *family, const char *given, char *out, size_t size);

/* Appends to out (a search-index text) p's whole-name token, key tokens
 * the token of the centre it stays at (p->staying_at) and the pair tokens
 * of its name words, " 0w... 0k... 0h... 0p... 0q...", as many whole ones
 * as fit in size. */
void person_key_tokens(const struct person *p, char *out, size_t size);

/* Name words of a person that make pair tokens (person_key_tokens). */
#define PERSON_PAIR_WORDS 5

/* The pair token of two folded name words a then b: "0p<a>0<b>". */
void person_pair_token(const char *a, const char *b, char *out, size_t size);

/* The pair token of two sound keys, in alphabetical order: "0q<k>0<k>". */
void person_key_pair_token(const char *ka, const char *kb, char *out, size_t size);

/* The token of two sound keys that have no "0q" token (one of a word
 * written together with the next, as in Abdou Rahmane), in alphabetical
 * order: "0s<k>0<k>". */
void person_keys_token(const char *ka, const char *kb, char *out, size_t size);

/* The token of two words a typed word may begin that have no pair token
 * (a word the index splits, N'Diaye: n, diaye): "0t<a>0<b>". */
void person_word_pair_token(const char *a, const char *b, char *out, size_t size);

/* The token of a sound key and a word (the word of that key or another):
 * "0r<key>0<word>". */
void person_key_word_token(const char *key, const char *word, char *out, size_t size);

/* Most words of a person that make "0t" and "0r" tokens. */
#define PERSON_MATCH_WORDS 8

/* The token of a person some of whose "0t", "0r" or "0s" tokens were left
 * out: the lookup finds them as it did before those tokens. */
#define PERSON_MORE_TOKEN "0x"

/* Room of an index row kept for "0x" and the centre's token. */
#define PERSON_TOKEN_ROOM 32

/* The words of p's names a typed word may begin, as the index holds them:
 * the folded name words (core/names.h), then the other words the index's
 * tokenizer splits the names into (N'Diaye: ndiaye, then n, diaye);
 * without repeats, at most max (*more when some were left out): how many. */
int person_match_words(const struct person *p, char words[][32], int max, bool *more);

/* Records in the vocabulary of name words (name_word) the words of p. */
enum status person_write_words(struct db *db, const struct person *p);

/* Words shorter than this have no typo probes (one letter in four is too
 * much to guess). */
#define NAMES_TYPO_MIN 5
#define PERSON_TYPO_PROBES 32

/* The probes of a folded word for one mistyped letter: the word and each
 * form of it with one letter deleted (without repeats), at most max;
 * none for words shorter than NAMES_TYPO_MIN: how many. */
int person_typo_probes(const char *word, char probes[][32], int max);

/* Room for the text of a search-index row (person_index_text). */
#define PERSON_INDEX_TEXT 2048

/* Records in the typo vocabulary the name words of p (person.c). */
enum status person_write_typos(struct db *db, const struct person *p);

/* The FTS5 query for what a user typed in the lookup box, into out; cc is
 * the country of phone numbers typed without a code. */
bool person_match_query(const char *typed, const char *cc, char *out, size_t size);

/* Derives the phone keys and search index text of every person again, in
 * one transaction, when the database's setting 'person_keys' says they
 * were made in another form or under another country code than this
 * connection's; then records the form. At opening, after the migrations.
 * On failure nothing is changed and detail (may be NULL) says why. */
enum status person_keys_refresh(struct db *db, char *detail, size_t size);

/* True when what was typed is a phone or case number (person_find.c),
 * looked up as one term, newest first; otherwise it is names. */
bool person_match_is_number(const char *typed);

/* The columns of a lookup hit, read by person_hit_read, and how many. */
#define PERSON_HIT_COLUMNS \
	"p.id, p.case_key, p.family_name, p.given_names, p.sex, coalesce(p.birth_date, ''), " \
	"p.birth_estimated, coalesce(p.nationality, ''), c.code, " \
	"(SELECT group_concat(flag, ' ') FROM person_flag WHERE person_id = p.id), p.consent_data, p.kind"
#define PERSON_HIT_NCOLUMNS 12

/* Fills a hit from columns 0..11 of a lookup row (rank left 0), with only
 * the flags the current actor's role sees. */
void person_hit_read(struct db *db, sqlite3_stmt *st, struct person_hit *h);

/* The key a ranked lookup page continues from: segment (2 x tier, plus 1
 * for people not staying at the user's centre) and id. */
long long person_rank_key(int segment, long long id);

/* The lookup of names best match first (person_lookup.c): the page of
 * person_search_page, rank keys from person_rank_key. */
enum status person_lookup_page(struct db *db, const char *typed, enum page_dir dir, long long key, int limit,
                               void (*cb)(const struct person_hit *hit, void *ctx), void *ctx, bool *more);

/* Counts the people found, up to cap: by the FTS5 query match, or (match
 * NULL) by the names typed, every tier. */
enum status person_lookup_count(struct db *db, const char *typed, const char *match, int cap, int *count,
                                bool *over);

#endif
