/* Personal names: splitting into folded words, the sound key, and the
 * duplicate score. See include/core/names.h for the contract.
 *
 * The sound key, step by step (one folded word of a-z in):
 *
 *  1. Letter groups become sounds, left to right:
 *       tch -> c (the "ch" of "church", kept apart from s)
 *       sch, ch, sh -> s      (Aïchatou, Aishatu, Aïssatou all have s)
 *       kh -> k, gh -> g, ph -> f, th -> t, dh -> d, ck -> k, q(u) -> k
 *       dj -> j; d + i or y + another vowel -> j  (Diallo = Djallo = Jallow)
 *       c -> s before e, i, y, otherwise k; x -> ks
 *       ou -> u, but a word-initial ou before a vowel -> w  (Ouattara)
 *       ee -> i; a and e -> vowel A; i -> vowel I; o and u -> vowel U
 *       y -> consonant y at the start before a vowel, otherwise vowel I
 *       w -> consonant w before a vowel, otherwise vowel U  (Jallow, Sow)
 *  2. Doubled sounds become single (mm -> m, ss -> s, aa -> a).
 *  3. h is kept only between two vowels (Mohamed, Ibrahim); elsewhere it is
 *     dropped (Husseini = Ousseini, Ahmed = Amadou, Bah = Ba); then doubles
 *     are merged again.
 *  4. The key keeps every consonant but only the first two vowel groups
 *     (a run of vowels counts as one group, written as its first vowel):
 *     "mUs" Moussa/Musa, "mAmAd" Mamadou, "AsAt" Aïssatou, "kAtA" Keita.
 *     Keeping those two vowels holds apart Issa/Aissa, Mamadou/Mahmoud,
 *     Amadou/Hamidou, Djibo/Diop, Sow/Sy.
 *  5. A small table joins what the rules cannot: Mahamat, Mahamadou and
 *     Mohamet -> Mohamed; Ahmat -> Ahmed; Othman -> Ousmane; Brahim ->
 *     Ibrahim; Abdullahi and Abdallah -> Abdoulaye; Abubakar -> Boubacar;
 *     Fatoumata, Fatimata and Fatima -> Fatouma; Hadizatou -> Hadiza;
 *     Njie -> Ndiaye.
 *
 * Kept apart on purpose: Amina / Aminata (different names), Diop / Jobe
 * (Jobe would also meet Djibo), Mamadou / Mohamed. Known collisions: every
 * form of Abdoulaye also takes the short Abdoul; Ahmed joins Amadou and
 * Hamadou (all forms of Ahmad). */
#include "core/names.h"

#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "core/text.h"

#define WORD_LETTERS 31              /* letters kept per word */
#define SOUNDS_MAX (2 * WORD_LETTERS + 2)
#define VERSION_WORDS (2 * NAMES_MAX_WORDS)
#define ALIASES_MAX 8
#define VERSIONS_MAX (1 + ALIASES_MAX)

/* Score weights: how much each kind of word pair counts. */
#define MATCH_EQUAL 1.0      /* same folded word */
#define MATCH_SOUND 0.85     /* same sound key */
#define MATCH_EDIT 0.6       /* one letter apart, both of 5 letters or more */
#define EDIT_MIN_LETTERS 5
#define WEIGHT_FAMILY 1.5
#define WEIGHT_OTHER 1.0
#define WEIGHT_INITIAL 0.3   /* a one-letter word: an initial */
#define SINGLE_WORD_CAP 40   /* a lone matched word stays below 50 */
#define AGE_SLACK 3
#define AGE_BONUS 5
#define AGE_OPEN 200         /* upper bound of a range with only a minimum */

_Static_assert(SOUNDS_MAX >= NAMES_KEY_MAX, "a key is cut from the sounds buffer");

/* ---- Words ---------------------------------------------------------- */

/* True for the apostrophes that join the two halves of N'Diaye. */
static bool is_apostrophe(utf8proc_int32_t cp)
{
	return cp == '\'' || cp == '`' || cp == 0x2018 || cp == 0x2019 ||
	       cp == 0x02bc;
}

/* True for characters that belong to a word without being a-z (letters
 * that do not fold to ASCII, stray marks): dropped, but they do not split. */
static bool is_other_letter(utf8proc_int32_t cp)
{
	utf8proc_category_t c = utf8proc_category(cp);

	return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_ME;
}

int names_words(const char *name, char words[NAMES_MAX_WORDS][32])
{
	char *folded;
	const utf8proc_uint8_t *p;
	utf8proc_ssize_t left;
	size_t len = 0;
	int n = 0;

	if (!name || !words)
		return 0;
	folded = text_fold(name);
	if (!folded)
		return 0;
	p = (const utf8proc_uint8_t *)folded;
	left = (utf8proc_ssize_t)strlen(folded);
	while (left > 0 && n < NAMES_MAX_WORDS) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(p, left, &cp);

		if (k <= 0) {   /* cannot happen after text_fold; be safe */
			k = 1;
			cp = ' ';
		}
		p += k;
		left -= k;
		if (cp >= 'a' && cp <= 'z') {
			if (len < WORD_LETTERS)
				words[n][len++] = (char)cp;
		} else if (!is_apostrophe(cp) && !is_other_letter(cp) && len > 0) {
			words[n][len] = '\0';
			n++;
			len = 0;
		}
	}
	if (len > 0 && n < NAMES_MAX_WORDS) {
		words[n][len] = '\0';
		n++;
	}
	free(folded);
	return n;
}

/* ---- Sound key ------------------------------------------------------ */

/* Vowel letters of the folded word (y is decided by position). */
static bool is_vowel_letter(char c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* Vowel sounds after step 1: A, I or U, written in lower case there. */
static bool is_vowel_sound(char c)
{
	return c == 'a' || c == 'i' || c == 'u';
}

/* Appends one sound, if there is room. */
static void emit(char *s, size_t *n, char c)
{
	if (*n + 1 < SOUNDS_MAX)
		s[(*n)++] = c;
}

/* Step 1: letters of w (a-z only, at most WORD_LETTERS) to sounds. */
static void to_sounds(const char *w, char *s)
{
	char c[WORD_LETTERS + 3] = { 0 };   /* two NULs of look-ahead */
	size_t len = 0, n = 0, i = 0;

	for (; *w && len < WORD_LETTERS; w++) {
		char ch = *w;

		if (ch >= 'A' && ch <= 'Z')
			ch = (char)(ch - 'A' + 'a');
		if (ch >= 'a' && ch <= 'z')
			c[len++] = ch;
	}
	while (i < len) {
		char ch = c[i], nx = c[i + 1], nx2 = nx ? c[i + 2] : '\0';
		size_t used = 1;

		if (ch == 't' && nx == 'c' && nx2 == 'h') {
			emit(s, &n, 'c');
			used = 3;
		} else if (ch == 's' && nx == 'c' && nx2 == 'h') {
			emit(s, &n, 's');
			used = 3;
		} else if ((ch == 'c' || ch == 's') && nx == 'h') {
			emit(s, &n, 's');
			used = 2;
		} else if (nx == 'h' && strchr("kgptd", ch)) {
			emit(s, &n, ch == 'p' ? 'f' : ch);
			used = 2;
		} else if (ch == 'c' && nx == 'k') {
			emit(s, &n, 'k');
			used = 2;
		} else if (ch == 'q') {
			emit(s, &n, 'k');
			used = nx == 'u' ? 2 : 1;
		} else if (ch == 'd' && nx == 'j') {
			emit(s, &n, 'j');
			used = 2;
		} else if (ch == 'd' && (nx == 'i' || nx == 'y') &&
			   is_vowel_letter(nx2) && nx2 != 'i') {
			emit(s, &n, 'j');
			used = 2;
		} else if (ch == 'c') {
			emit(s, &n, (nx == 'e' || nx == 'i' || nx == 'y') ? 's' : 'k');
		} else if (ch == 'x') {
			emit(s, &n, 'k');
			emit(s, &n, 's');
		} else if (ch == 'o' && nx == 'u') {
			emit(s, &n, i == 0 && is_vowel_letter(nx2) ? 'w' : 'u');
			used = 2;
		} else if (ch == 'e' && nx == 'e') {
			emit(s, &n, 'i');
			used = 2;
		} else if (ch == 'a' || ch == 'e') {
			emit(s, &n, 'a');
		} else if (ch == 'o' || ch == 'u') {
			emit(s, &n, 'u');
		} else if (ch == 'y') {
			emit(s, &n, i == 0 && is_vowel_letter(nx) ? 'y' : 'i');
		} else if (ch == 'w') {
			emit(s, &n, is_vowel_letter(nx) || nx == 'y' ? 'w' : 'u');
		} else {
			emit(s, &n, ch);
		}
		i += used;
	}
	s[n] = '\0';
}

/* Step 2: merges runs of the same sound, in place. */
static void merge_doubles(char *s)
{
	size_t r, w = 0;

	for (r = 0; s[r]; r++)
		if (w == 0 || s[w - 1] != s[r])
			s[w++] = s[r];
	s[w] = '\0';
}

/* Step 3: drops every h that is not between two vowels, in place. */
static void drop_h(char *s)
{
	size_t r, w = 0;

	for (r = 0; s[r]; r++) {
		if (s[r] == 'h' && !(r > 0 && is_vowel_sound(s[r - 1]) &&
				     is_vowel_sound(s[r + 1])))
			continue;
		s[w++] = s[r];
	}
	s[w] = '\0';
}

/* Step 4: consonants plus the first two vowel groups, vowels in capitals
 * so that they never equal a consonant. */
static void skeleton(const char *s, char *k, size_t ksize)
{
	size_t n = 0;
	int groups = 0;
	bool in_group = false;

	for (; *s && n + 1 < ksize; s++) {
		if (!is_vowel_sound(*s)) {
			k[n++] = *s;
			in_group = false;
		} else if (!in_group) {
			in_group = true;
			if (groups++ < 2)
				k[n++] = (char)(*s - 'a' + 'A');
		}
	}
	k[n] = '\0';
}

/* Step 5: keys the rules leave apart although they are one name. */
static const struct {
	const char *from, *to;
} canonical[] = {
	{ "mAhAmd", "mUhAmd" },   /* Mahamadou, Mahamed -> Mohamed */
	{ "mAhAmt", "mUhAmd" },   /* Mahamat (Chad) */
	{ "mUhAmt", "mUhAmd" },   /* Mohamet, Mouhamat */
	{ "AmAt", "AmAd" },       /* Ahmat (Chad) -> Ahmed, Amadou */
	{ "UtmAn", "UsmAn" },     /* Othman, Uthman -> Ousmane */
	{ "brAhIm", "IbrAhm" },   /* Brahim -> Ibrahim */
	{ "AbdUlh", "AbdUl" },    /* Abdullahi -> Abdoulaye */
	{ "AbdAl", "AbdUl" },     /* Abdallah -> Abdoulaye */
	{ "AbUbkr", "bUbAkr" },   /* Abubakar, Aboubakar -> Boubacar */
	{ "fAtUmt", "fAtUm" },    /* Fatoumata -> Fatouma */
	{ "fAtImt", "fAtUm" },    /* Fatimata */
	{ "fAtIm", "fAtUm" },     /* Fatima */
	{ "AdIzt", "AdIz" },      /* Hadizatou -> Hadiza */
	{ "njI", "njA" },         /* Njie (Gambia) -> Ndiaye */
};

void names_key(const char *word, char *out, size_t size)
{
	char sounds[SOUNDS_MAX];
	char key[SOUNDS_MAX];
	size_t i, limit;

	if (!out || size == 0)
		return;
	out[0] = '\0';
	if (!word || !*word)
		return;
	to_sounds(word, sounds);
	merge_doubles(sounds);
	drop_h(sounds);
	merge_doubles(sounds);
	skeleton(sounds, key, sizeof key);
	for (i = 0; i < sizeof canonical / sizeof canonical[0]; i++) {
		if (strcmp(key, canonical[i].from) == 0) {
			strcpy(key, canonical[i].to);
			break;
		}
	}
	if (!key[0]) {
		/* Only h, or no letter at all: still a key, as promised. */
		const char *l = word;

		while (*l && !((*l >= 'a' && *l <= 'z') || (*l >= 'A' && *l <= 'Z')))
			l++;
		key[0] = *l ? (char)(*l | 0x20) : '?';
		key[1] = '\0';
	}
	limit = size < NAMES_KEY_MAX ? size : NAMES_KEY_MAX;
	key[limit - 1] = '\0';   /* key has room: limit <= NAMES_KEY_MAX */
	memcpy(out, key, strlen(key) + 1);
}

/* ---- Duplicate score ------------------------------------------------ *
 *
 * Each person gives one or more versions of their name: family + given
 * names, and for every alias the alias words + the family names (an alias
 * is usually another given name). Every version of a is compared with
 * every version of b and the best pair counts.
 *
 * Two versions are compared by pairing words one to one, strongest pairs
 * first: same folded word 1.0, same sound key 0.85, one edit apart (both
 * words of 5 letters or more) 0.6. Words weigh 1.5 for family names, 1 for
 * others, 0.3 for initials. On each side, share = sum(strength x weight of
 * its matched words) / sum(weights of all its words); with hi the larger
 * share (usually the side with fewer words) and lo the smaller,
 *
 *     names = 100 x (0.75 hi + 0.25 lo)
 *
 * capped at 40 when fewer than two words of two letters or more matched,
 * so a shared family name alone is never shown. Then: sexes both known
 * and different -> 0; age ranges more than 3 years apart -> 0; ranges that
 * overlap -> +5. The result is rounded and at most 100. */

struct word {
	char text[32];
	char key[NAMES_KEY_MAX];
	size_t len;
	double weight;
};

struct version {
	int n;
	struct word w[VERSION_WORDS];
};

/* Adds the words of text to v with the given weight, skipping repeats. */
static void add_words(struct version *v, const char *text, double weight)
{
	char words[NAMES_MAX_WORDS][32];
	int n = names_words(text ? text : "", words);

	for (int i = 0; i < n && v->n < VERSION_WORDS; i++) {
		bool seen = false;

		for (int j = 0; j < v->n && !seen; j++)
			seen = strcmp(v->w[j].text, words[i]) == 0;
		if (seen)
			continue;
		struct word *w = &v->w[v->n++];

		memcpy(w->text, words[i], sizeof w->text);
		w->len = strlen(w->text);
		names_key(w->text, w->key, sizeof w->key);
		w->weight = w->len == 1 ? WEIGHT_INITIAL : weight;
	}
}

/* Fills vs with the versions of p's name; returns how many. */
static int versions(const struct names_person *p, struct version *vs)
{
	const char *o = p->other_names ? p->other_names : "";
	int n = 0;

	vs[0].n = 0;
	add_words(&vs[0], p->family_name, WEIGHT_FAMILY);
	add_words(&vs[0], p->given_names, WEIGHT_OTHER);
	if (vs[0].n > 0)
		n++;
	while (*o && n < VERSIONS_MAX) {
		const char *end = strchr(o, ';');
		size_t len = end ? (size_t)(end - o) : strlen(o);
		char alias[256];
		struct version *v = &vs[n];

		if (len >= sizeof alias)
			len = sizeof alias - 1;
		memcpy(alias, o, len);
		alias[len] = '\0';
		v->n = 0;
		add_words(v, alias, WEIGHT_OTHER);
		if (v->n > 0) {
			add_words(v, p->family_name, WEIGHT_FAMILY);
			n++;
		}
		o = end ? end + 1 : o + strlen(o);
	}
	return n;
}

/* True when s and t differ by exactly one inserted, deleted or replaced
 * letter. */
static bool one_edit(const char *s, size_t ls, const char *t, size_t lt)
{
	size_t i = 0;

	if (ls < lt) {
		const char *x = s;
		size_t lx = ls;

		s = t;
		ls = lt;
		t = x;
		lt = lx;
	}
	if (ls - lt > 1)
		return false;
	while (i < lt && s[i] == t[i])
		i++;
	if (ls == lt)
		return i < ls && strcmp(s + i + 1, t + i + 1) == 0;
	return strcmp(s + i + 1, t + i) == 0;
}

/* How strongly two words match: 0, MATCH_EDIT, MATCH_SOUND or MATCH_EQUAL. */
static double strength(const struct word *x, const struct word *y)
{
	if (strcmp(x->text, y->text) == 0)
		return MATCH_EQUAL;
	if (strcmp(x->key, y->key) == 0)
		return MATCH_SOUND;
	if (x->len >= EDIT_MIN_LETTERS && y->len >= EDIT_MIN_LETTERS &&
	    one_edit(x->text, x->len, y->text, y->len))
		return MATCH_EDIT;
	return 0.0;
}

/* The name part of the score for one pair of versions (see above). */
static double compare(const struct version *a, const struct version *b)
{
	double s[VERSION_WORDS][VERSION_WORDS];
	bool used_a[VERSION_WORDS] = { false }, used_b[VERSION_WORDS] = { false };
	double got_a = 0.0, got_b = 0.0, all_a = 0.0, all_b = 0.0;
	double hi, lo, score;
	int matched = 0;

	for (int i = 0; i < a->n; i++) {
		all_a += a->w[i].weight;
		for (int j = 0; j < b->n; j++)
			s[i][j] = strength(&a->w[i], &b->w[j]);
	}
	for (int j = 0; j < b->n; j++)
		all_b += b->w[j].weight;
	if (all_a <= 0.0 || all_b <= 0.0)
		return 0.0;
	for (;;) {
		double best = 0.0;
		int bi = -1, bj = -1;

		for (int i = 0; i < a->n; i++) {
			for (int j = 0; j < b->n; j++) {
				double v = s[i][j] * (a->w[i].weight + b->w[j].weight);

				if (!used_a[i] && !used_b[j] && v > best) {
					best = v;
					bi = i;
					bj = j;
				}
			}
		}
		if (bi < 0)
			break;
		used_a[bi] = used_b[bj] = true;
		got_a += s[bi][bj] * a->w[bi].weight;
		got_b += s[bi][bj] * b->w[bj].weight;
		if (a->w[bi].len > 1 && b->w[bj].len > 1)
			matched++;
	}
	hi = got_a / all_a;
	lo = got_b / all_b;
	if (lo > hi) {
		double t = hi;

		hi = lo;
		lo = t;
	}
	score = 100.0 * (0.75 * hi + 0.25 * lo);
	if (matched < 2 && score > SINGLE_WORD_CAP)
		score = SINGLE_WORD_CAP;
	return score;
}

/* An age range with unknown ends opened up; false when nothing is known. */
static bool age_range(const struct names_person *p, int *lo, int *hi)
{
	if (p->age_min < 0 && p->age_max < 0)
		return false;
	*lo = p->age_min < 0 ? 0 : p->age_min;
	*hi = p->age_max < 0 ? AGE_OPEN : p->age_max;
	if (*lo > *hi) {
		int t = *lo;

		*lo = *hi;
		*hi = t;
	}
	return true;
}

/* 'f' or 'm' in either case, otherwise 'x'. */
static char known_sex(char c)
{
	if (c == 'f' || c == 'F')
		return 'f';
	if (c == 'm' || c == 'M')
		return 'm';
	return 'x';
}

int names_duplicate_score(const struct names_person *a, const struct names_person *b)
{
	struct version va[VERSIONS_MAX], vb[VERSIONS_MAX];
	char sa, sb;
	int na, nb, result;
	int alo = 0, ahi = 0, blo = 0, bhi = 0;   /* set by age_range when it says so */
	double best = 0.0;

	if (!a || !b)
		return 0;
	sa = known_sex(a->sex);
	sb = known_sex(b->sex);
	if (sa != 'x' && sb != 'x' && sa != sb)
		return 0;
	bool ages = age_range(a, &alo, &ahi) && age_range(b, &blo, &bhi);

	if (ages && (ahi + AGE_SLACK < blo || bhi + AGE_SLACK < alo))
		return 0;
	na = versions(a, va);
	nb = versions(b, vb);
	for (int i = 0; i < na; i++) {
		for (int j = 0; j < nb; j++) {
			/* Both directions, so that ties in the greedy pairing
			 * cannot make the score depend on the argument order. */
			double x = compare(&va[i], &vb[j]);
			double y = compare(&vb[j], &va[i]);

			if (x > best)
				best = x;
			if (y > best)
				best = y;
		}
	}
	if (best <= 0.0)
		return 0;
	if (ages && alo <= bhi && blo <= ahi)
		best += AGE_BONUS;
	result = (int)(best + 0.5);
	return result > 100 ? 100 : result;
}
