/* The quick lookup finds people as their names are spoken: spelling
 * variants of the region (Fulfulde, Hausa, Mandé, Wolof, Arabic-origin,
 * Kanuri, Tamasheq), names written with or without apostrophes, hyphens
 * and spaces, and one mistyped letter; best match first. Each pair is a
 * person registered among a few thousand demo people and what a clerk
 * types on hearing the name: the person must be on the first page (64
 * rows) for 95% of the pairs at least, and never for the pairs of
 * different names. Recall and precision are printed. */
#include <sqlite3.h>
#include "testutil.h"
#include "core/names.h"
#include "db/db.h"
#include "db/db_private.h"
#include "db/login.h"
#include "db/person.h"
#include "db/person_private.h"
#include "db/stay.h"
#include "db/user.h"
#include "demo/demo.h"
#include "demo/demo_persons.h"

#define PEOPLE 3000L
#define PAGE 64

struct pair {
	const char *family, *given;   /* as registered */
	const char *typed;            /* as typed */
};

static const struct pair same[] = {
	/* Arabic-origin names, as written across the region */
	{ "Diallo", "Mohamed", "mouhamed diallo" },
	{ "Diallo", "Mohamed", "mohammed diallo" },
	{ "Bari", "Mohamed", "muhammad bari" },
	{ "Mahamadou", "Issoufou", "issoufou mohamed" },
	{ "Traoré", "Ousmane", "usman traore" },
	{ "Cissé", "Youssouf", "yusuf cisse" },
	{ "Ndiaye", "Ismaël", "ismail n'diaye" },
	{ "Sylla", "Abdoulaye", "abdullahi sylla" },
	{ "Dicko", "Boubacar", "aboubakar dicko" },
	{ "Yusuf", "Aisha", "aicha youssouf" },
	{ "Mbaye", "Cheikh", "shaykh mbaye" },
	{ "Sall", "Souleymane", "sulaiman sall" },
	{ "Gueye", "Khadija", "kadidja gueye" },
	{ "Mustapha", "Mohammed", "moustafa mohamed" },
	{ "Thiam", "Ousseynou", "husseini thiam" },
	{ "Dramé", "Djibril", "jibril drame" },
	{ "Sow", "Idrissa", "idrisa sow" },
	/* Fulfulde */
	{ "Bah", "Aïssatou", "aishatu bah" },
	{ "Jallow", "Ibrahima", "ibrahima diallo" },
	{ "Barry", "Mamadou", "mamadu bari" },
	{ "Sidibé", "Hawa", "awa sidibe" },
	{ "Sangaré", "Oumou", "umu sangare" },
	{ "Tall", "Alassane", "alasane tal" },
	{ "Ba", "Oumar", "umar bah" },
	{ "Dicko", "Hamadou", "amadou diko" },
	/* Mandé (Bambara, Malinké, Soninké, Susu) */
	{ "Coulibaly", "Seydou", "seydou koulibaly" },
	{ "Cissé", "Mariam", "mariam sisse" },
	{ "Keïta", "Moussa", "musa keita" },
	{ "Kamara", "Lansana", "lansana camara" },
	{ "Konaté", "Sékou", "sekou konate" },
	{ "Fofana", "Fatoumata", "fatimata fofana" },
	{ "Kanouté", "Djénéba", "jeneba kanoute" },
	{ "Kouyaté", "Bintou", "bintu kuyate" },
	{ "Doumbia", "Fousseni", "fuseini dumbia" },
	{ "Ouédraogo", "Boukary", "bukari wedraogo" },
	{ "Sawadogo", "Salif", "salifou sawadogo" },
	/* Wolof */
	{ "N'Diaye", "Fatou", "fatou ndiaye" },
	{ "Seck", "Ndèye", "ndeye sek" },
	{ "Faye", "Mame Diarra", "mame jara faye" },
	{ "Niang", "Babacar", "babakar niang" },
	/* Hausa and Zarma-Songhai */
	{ "Abubakar", "Musa", "aboubacar moussa" },
	{ "Bello", "Usman", "ousmane bello" },
	{ "Garba", "Hadiza", "hadizatou garba" },
	{ "Sani", "Zainab", "zeinab sani" },
	{ "Maïga", "Hamadou", "amadou maiga" },
	/* Kanuri */
	{ "Lawan", "Bukar", "boukar lawan" },
	{ "Modu", "Kaka", "kaka moudou" },
	/* Tamasheq */
	{ "Ag Ghaly", "Iyad", "iyad ag ghali" },
	{ "Ag Alla", "Mohamed", "mouhamed agalla" },
	{ "Ansari", "Fatimata", "fatoumata ansary" },
	{ "Intalla", "Alghabass", "algabass intala" },
	/* Apostrophes, hyphens and spaces */
	{ "Sow", "Abdourahmane", "abdou rahmane sow" },
	{ "Sow", "Abdou Rahmane", "abdourahmane sow" },
	{ "Ould Ahmed", "Sidi", "sidi ould-ahmed" },
	{ "Ould-Ahmed", "Mohamed", "ouldahmed mohamed" },
	{ "N'Guessan", "Koffi", "koffi nguessan" },
	/* One mistyped letter in a word of five letters or more */
	{ "Bangoura", "Sékou", "sekou bangpura" },
	{ "Diakité", "Salimata", "salimata diakote" },
	{ "Camara", "Mariama", "mariana camara" },
	{ "Traoré", "Bakary", "bakary traorr" },
	{ "Sanogo", "Abdoulaye", "abdoulaue sanogo" },
	{ "Hassane", "Halima", "halima hassame" },
	{ "Ouattara", "Drissa", "drissa ouatarra" },
};

/* Different names that must not find each other. */
static const struct pair different[] = {
	{ "Diallo", "Mamadou", "mohamed diallo" },
	{ "Touré", "Amina", "aminata toure" },
	{ "Sow", "Issa", "aissa sow" },
	{ "Keïta", "Moussa", "moustapha keita" },
	{ "Bah", "Fatou", "fatima bah" },
	{ "Diop", "Awa", "djibo awa" },
	{ "Sy", "Ali", "sow ali" },
	{ "Traoré", "Salif", "seydou traore" },
	{ "Barry", "Amadou", "hamidou barry" },
	{ "Konaté", "Ibrahim", "ismail konate" },
	{ "Camara", "Awa", "adama camara" },
	{ "Ndiaye", "Fatou", "fatou diop" },
};

#define NSAME (sizeof same / sizeof same[0])
#define NDIFF (sizeof different / sizeof different[0])

struct fixture {
	struct tmpdir t;
	struct db *db;
	long long same_id[NSAME], diff_id[NDIFF];
};

/* A valid person registered today at AGZ. */
static struct person make(const char *family, const char *given, char sex)
{
	struct person p;
	memset(&p, 0, sizeof p);
	snprintf(p.family_name, sizeof p.family_name, "%s", family);
	snprintf(p.given_names, sizeof p.given_names, "%s", given);
	p.sex = sex;
	snprintf(p.nationality, sizeof p.nationality, "MLI");
	snprintf(p.arrival_date, sizeof p.arrival_date, "2026-03-15");
	snprintf(p.centre_code, sizeof p.centre_code, "AGZ");
	snprintf(p.arrival_mode, sizeof p.arrival_mode, "rescue");
	p.consent_data = true;
	snprintf(p.consent_date, sizeof p.consent_date, "2026-03-15");
	return p;
}

static long long save(struct db *db, const char *family, const char *given)
{
	struct person p = make(family, given, 'x');
	assert_int_equal(person_save(db, &p, NULL, NULL, 0), ST_OK);
	return p.id;
}

static int group_setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	*state = f;
	tmpdir_make(&f->t);
	assert_int_equal(db_open(f->t.db, DB_CREATE, &f->db, NULL, 0), ST_OK);
	db_set_actor(f->db, 0, "test", ROLE_ADMIN, "test");
	assert_int_equal(demo_fill(f->db, 0), ST_OK);
	assert_int_equal(demo_persons(f->db, &(struct demo_options){ .persons = PEOPLE, .seed = 7u }), ST_OK);
	assert_int_equal(user_add(f->db, "clerk", "Clerk", ROLE_INTAKE, "AGZ", "fr", "a long password", NULL), ST_OK);
	struct user u;
	struct login_request req = { "clerk", "a long password", "local", time(NULL), lockout_default_policy() };
	assert_int_equal(login_attempt(f->db, &req, &u, NULL), ST_OK);
	for (size_t i = 0; i < NSAME; i++)
		f->same_id[i] = save(f->db, same[i].family, same[i].given);
	for (size_t i = 0; i < NDIFF; i++)
		f->diff_id[i] = save(f->db, different[i].family, different[i].given);
	return 0;
}

static int group_teardown(void **state)
{
	struct fixture *f = *state;
	db_close(&f->db);
	tmpdir_remove(&f->t);
	free(f);
	return 0;
}

struct page {
	int n;
	long long ids[PAGE];
	long long ranks[PAGE];
};

static void collect(const struct person_hit *h, void *ctx)
{
	struct page *p = ctx;
	if (p->n < PAGE) {
		p->ids[p->n] = h->id;
		p->ranks[p->n] = h->rank;
		p->n++;
	}
}

/* True when id is on the first page of typed. */
static bool on_first_page(struct db *db, const char *typed, long long id)
{
	struct page p = { 0 };
	bool more;
	assert_int_equal(person_search(db, typed, 0, PAGE, collect, &p, &more), ST_OK);
	for (int i = 0; i < p.n; i++)
		if (p.ids[i] == id)
			return true;
	return false;
}

static void variants_are_found_on_the_first_page(void **state)
{
	struct fixture *f = *state;
	int found = 0;
	for (size_t i = 0; i < NSAME; i++) {
		if (on_first_page(f->db, same[i].typed, f->same_id[i]))
			found++;
		else
			print_message("not found: '%s' for %s %s\n", same[i].typed, same[i].family, same[i].given);
	}
	int kept = 0;
	for (size_t i = 0; i < NDIFF; i++) {
		if (!on_first_page(f->db, different[i].typed, f->diff_id[i]))
			kept++;
		else
			print_message("wrongly found: '%s' for %s %s\n", different[i].typed, different[i].family,
			              different[i].given);
	}
	print_message("lookup variants: recall %d/%d (%.1f%%), different names kept apart %d/%d (%.1f%%)\n",
	              found, (int)NSAME, 100.0 * found / (double)NSAME, kept, (int)NDIFF,
	              100.0 * kept / (double)NDIFF);
	assert_true(NSAME >= 50);
	assert_true(found * 100 >= 95 * (int)NSAME);
	assert_int_equal(kept, (int)NDIFF);
}

/* Whole name, then every word, then prefixes, then variants; newest first
 * within each; pages continue by rank both ways. */
static void best_match_first_and_pages_by_rank(void **state)
{
	struct fixture *f = *state;
	long long variant = save(f->db, "Baa", "Amadou");        /* a variant of Ba */
	long long prefix = save(f->db, "Bakary", "Amadou");      /* "ba" begins Bakary */
	long long words = save(f->db, "Ba", "Amadou Oumar");     /* every word, not the whole */
	long long whole = save(f->db, "Bâ", "Amadou");           /* the whole name */
	long long newer = save(f->db, "Barry", "Amadou");        /* newest, a prefix only */
	struct page p = { 0 };
	bool more;
	assert_int_equal(person_search(f->db, "ba amadou", 0, PAGE, collect, &p, &more), ST_OK);
	int at[5] = { -1, -1, -1, -1, -1 };
	const long long want[5] = { whole, words, newer, prefix, variant };
	for (int i = 0; i < p.n; i++)
		for (int k = 0; k < 5; k++)
			if (p.ids[i] == want[k])
				at[k] = i;
	assert_int_equal(at[0], 0);
	for (int k = 1; k < 5; k++) {
		assert_true(at[k] > at[k - 1]);
	}
	/* Within a tier, the people staying at the user's centre now first:
	 * two Keita Sitas, the newer one gone. */
	long long stays = save(f->db, "Keita", "Sita"), gone = save(f->db, "Keita", "Sita");
	char sql[160];
	snprintf(sql, sizeof sql, "SELECT id FROM stay WHERE person_id = %lld", gone);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(f->db), sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	long long stay = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	assert_int_equal(stay_depart(f->db, stay, "2026-03-16", "left"), ST_OK);
	struct page sita = { 0 };
	assert_int_equal(person_search(f->db, "keita sita", 0, PAGE, collect, &sita, &more), ST_OK);
	assert_true(sita.n >= 2);
	assert_int_equal(sita.ids[0], stays);
	int gone_at = 1;
	while (gone_at < sita.n && sita.ids[gone_at] != gone)
		gone_at++;
	assert_true(gone_at < sita.n);
	struct page after = { 0 }, before = { 0 };
	assert_int_equal(person_search(f->db, "keita sita", sita.ranks[gone_at - 1], 1, collect, &after, &more),
	                 ST_OK);
	assert_int_equal(after.ids[0], gone);
	assert_int_equal(person_search_page(f->db, "keita sita", PAGE_BEFORE, sita.ranks[gone_at], 1, collect,
	                                    &before, &more), ST_OK);
	assert_int_equal(before.ids[0], sita.ids[gone_at - 1]);
	/* Back at the centre: first again, being the newest. */
	assert_int_equal(stay_admit(f->db, gone, "AGZ", "2026-03-17", NULL), ST_OK);
	struct page again = { 0 };
	assert_int_equal(person_search(f->db, "keita sita", 0, PAGE, collect, &again, &more), ST_OK);
	assert_int_equal(again.ids[0], gone);
	/* The next page starts right after a row, and the page before it
	 * ends right before. */
	struct page next = { 0 }, back = { 0 };
	int cut = at[2];
	assert_int_equal(person_search(f->db, "ba amadou", p.ranks[cut], 4, collect, &next, &more), ST_OK);
	assert_true(next.n >= 1);
	assert_int_equal(next.ids[0], p.ids[cut + 1]);
	assert_int_equal(person_search_page(f->db, "ba amadou", PAGE_BEFORE, p.ranks[cut], 2, collect, &back, &more),
	                 ST_OK);
	assert_int_equal(back.n, 2);
	assert_true(more == (cut > 2));
	assert_int_equal(back.ids[1], p.ids[cut - 1]);
	assert_int_equal(back.ids[0], p.ids[cut - 2]);
	/* The count. */
	int n;
	bool over;
	assert_int_equal(person_search_count(f->db, "ba amadou", 1000, &n, &over), ST_OK);
	assert_false(over);
	assert_true(n >= 5);
	assert_int_equal(person_search_count(f->db, "a", 10, &n, &over), ST_OK);
	assert_true(over);
	assert_int_equal(n, 10);
}

/* True when rank a comes before rank b: segment first, then newest. */
static bool ranked_before(long long a, long long b)
{
	long long sa = a >> 40, sb = b >> 40, ia = a & ((1LL << 40) - 1), ib = b & ((1LL << 40) - 1);
	return sa != sb ? sa < sb : ia > ib;
}

/* Many found (a query per segment): pages follow each other in the ranked
 * order without a gap or a repeat, the same forwards and backwards. */
static void pages_both_ways(struct db *db, const char *query, int least)
{
	struct fixture fx = { .db = db }, *f = &fx;
	int total;
	bool over;
	assert_int_equal(person_search_count(f->db, query, 100000, &total, &over), ST_OK);
	assert_true(total > least);
	long long *fwd = calloc((size_t)total + PAGE, sizeof *fwd);
	assert_non_null(fwd);
	int n = 0;
	long long key = 0;
	bool more = true;
	while (more) {
		struct page p = { 0 };
		assert_int_equal(person_search(f->db, query, key, PAGE, collect, &p, &more), ST_OK);
		for (int i = 0; i < p.n; i++) {
			if (n > 0)
				assert_true(ranked_before(fwd[n - 1], p.ranks[i]));
			fwd[n++] = p.ranks[i];
		}
		assert_true(p.n == PAGE || !more);
		key = p.n ? p.ranks[p.n - 1] : key;
	}
	assert_int_equal(n, total);
	/* Backwards from the end. */
	int back = n;
	key = 0;
	more = true;
	while (more) {
		struct page p = { 0 };
		assert_int_equal(person_search_page(f->db, query, PAGE_BEFORE, key, PAGE, collect, &p, &more), ST_OK);
		for (int i = p.n - 1; i >= 0; i--)
			assert_int_equal(p.ranks[i], fwd[--back]);
		key = p.n ? p.ranks[0] : key;
	}
	assert_int_equal(back, 0);
	free(fwd);
}

static void many_found_page_both_ways(void **state)
{
	struct fixture *f = *state;
	pages_both_ways(f->db, "ma", 300);
	pages_both_ways(f->db, "m a", 300);
	/* The index of residents holds exactly the people with an open stay. */
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(f->db), "SELECT (SELECT count(*) FROM person_here), "
	                                    "(SELECT count(DISTINCT person_id) FROM stay WHERE departed IS NULL)",
	                                    -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_true(sqlite3_column_int(st, 1) > 0);
	assert_int_equal(sqlite3_column_int(st, 0), sqlite3_column_int(st, 1));
	sqlite3_finalize(st);
}

/* Two words, the first one whole: the people holding both as two of their
 * words come first (their pair token), then those where the first only
 * begins a word; many of them page as one word does. */
static void two_words_read_pairs_first(void **state)
{
	struct fixture *f = *state;
	long long exact = save(f->db, "So", "Omar Ali");           /* both whole words */
	long long sows[140];
	for (int i = 0; i < 140; i++)
		sows[i] = save(f->db, "Sow", "Omar");                  /* omar whole, "so" begins Sow */
	long long longer = save(f->db, "Sowane", "Omarou");        /* newest, both only begin words */
	long long given = save(f->db, "Keita", "Omar Sow");        /* both in the given names */
	struct page p = { 0 };
	bool more;
	assert_int_equal(person_search(f->db, "omar so", 0, PAGE, collect, &p, &more), ST_OK);
	assert_true(more);
	assert_int_equal(p.ids[0], exact);
	assert_int_equal(p.ids[1], given);   /* the newest of the second tier */
	assert_int_equal(p.ids[2], sows[139]);
	assert_int_equal(p.ids[PAGE - 1], sows[142 - PAGE]);
	pages_both_ways(f->db, "omar so", 141);
	/* The Sowane Omarou comes after every Sow. */
	struct page all = { 0 };
	long long key = 0;
	int at = -1, last_sow = -1, n = 0;
	more = true;
	while (more) {
		all.n = 0;
		assert_int_equal(person_search(f->db, "omar so", key, PAGE, collect, &all, &more), ST_OK);
		for (int i = 0; i < all.n; i++, n++) {
			if (all.ids[i] == longer)
				at = n;
			if (all.ids[i] == sows[0])
				last_sow = n;
		}
		key = all.n ? all.ranks[all.n - 1] : key;
	}
	assert_true(last_sow >= 0 && at > last_sow);
	/* Found in the other order too, and as a variant. */
	assert_true(on_first_page(f->db, "so omar", exact));
	assert_true(on_first_page(f->db, "sow omar", sows[139]));
	assert_true(on_first_page(f->db, "oumar sow", sows[139]));
}

/* A family name the index splits (N'Diaye: n, diaye) still makes one pair
 * with the given name: the people of that pair are listed once, in its
 * tier, not again among those who only sound alike. */
static void a_split_name_is_listed_once(void **state)
{
	struct fixture *f = *state;
	/* Staying elsewhere than the clerk's centre: ranked by the index. */
	long long split[3] = { 0 }, joined = 0;
	for (int i = 0; i < 4; i++) {
		struct person p = make(i < 3 ? "N'Diaye" : "Ndiaye", "Zouwaira", 'f');
		snprintf(p.centre_code, sizeof p.centre_code, "NY1");
		assert_int_equal(person_save(f->db, &p, NULL, NULL, 0), ST_OK);
		*(i < 3 ? &split[i] : &joined) = p.id;
	}
	const char *typed[] = { "zouwaira ndia", "zouwaira ndiaye", "zouwayra ndia" };
	for (size_t t = 0; t < sizeof typed / sizeof typed[0]; t++) {
		struct page p = { 0 };
		bool more;
		assert_int_equal(person_search(f->db, typed[t], 0, PAGE, collect, &p, &more), ST_OK);
		assert_int_equal(p.n, 4);
		for (int i = 0; i < 3; i++) {
			int seen = 0;
			for (int k = 0; k < p.n; k++)
				seen += p.ids[k] == split[i];
			assert_int_equal(seen, 1);
		}
		int seen = 0;
		for (int k = 0; k < p.n; k++)
			seen += p.ids[k] == joined;
		assert_int_equal(seen, 1);
	}
}

/* A person staying at the user's centre whose name the index splits
 * (N'Dour: n, dour), found by the tokens of two words only (a name heard
 * otherwise, the next begun as written together), is listed: not among
 * the residents of its tier (those are ranked from the words), but with
 * the others. */
static void a_resident_found_by_two_word_tokens_is_listed(void **state)
{
	struct fixture *f = *state;
	long long id = save(f->db, "N'Dour", "Hamadou");
	assert_true(on_first_page(f->db, "hamidou ndo", id));
	assert_true(on_first_page(f->db, "hamadou ndo", id));
}

/* A person with more name words than make tokens of two words is marked
 * "0x" and found by crossing the lists of the words, as any other. */
static void many_name_words_are_found_by_crossing(void **state)
{
	struct fixture *f = *state;
	struct person p = make("Ould Sidi Mohamed Lemine", "Ahmed Salem Mahmoud Cheikhna", 'm');
	snprintf(p.other_names, sizeof p.other_names, "Ahmedou Ould Sidi;Hamoud Cheikh Tourad");
	assert_int_equal(person_save(f->db, &p, NULL, NULL, 0), ST_OK);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(f->db), "SELECT text FROM person_search WHERE rowid = ?1", -1,
	                                    &st, NULL), SQLITE_OK);
	sqlite3_bind_int64(st, 1, p.id);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_non_null(strstr((const char *)sqlite3_column_text(st, 0), " " PERSON_MORE_TOKEN));
	sqlite3_finalize(st);
	/* Words past the first of the pair tokens, begun and heard otherwise. */
	assert_true(on_first_page(f->db, "tourad hamo", p.id));
	assert_true(on_first_page(f->db, "turad cheikhna", p.id));
	assert_true(on_first_page(f->db, "mahmud touradd", p.id));
}

/* Respells a folded word as a clerk may hear it (the first of ou -> u,
 * u -> ou, ss -> s, ll -> l, c -> k, y -> i that applies, else one letter
 * mistyped in a word of five letters or more); false when none applies. */
static bool respell(const char *w, char *out, size_t size)
{
	static const char *const from[] = { "ou", "u", "ss", "ll", "c", "y" };
	static const char *const to[] = { "u", "ou", "s", "l", "k", "i" };
	for (size_t r = 0; r < sizeof from / sizeof from[0]; r++) {
		const char *at = strstr(w, from[r]);
		if (at) {
			snprintf(out, size, "%.*s%s%s", (int)(at - w), w, to[r], at + strlen(from[r]));
			return true;
		}
	}
	if (strlen(w) < 5)
		return false;
	snprintf(out, size, "%s", w);
	out[2] = out[2] == 'x' ? 'z' : 'x';
	return true;
}

#define QUERIES 1200

/* The first page of typed, its ids then 0 and whether more follow. */
static void first_page(struct db *db, const char *typed, long long *ids)
{
	struct page p = { 0 };
	bool more;
	assert_int_equal(person_search(db, typed, 0, PAGE, collect, &p, &more), ST_OK);
	memset(ids, 0, (PAGE + 2) * sizeof *ids);
	for (int i = 0; i < p.n; i++)
		ids[i] = p.ids[i];
	ids[p.n] = 0;
	ids[PAGE + 1] = more;
}

/* Rewrites every row of index table (person_search or person_here), or
 * the rows of ids (n of them) when ids is not NULL, without the tokens of
 * migration 025 and marked "0x", as rows whose tokens did not fit: the
 * lookup crosses the lists of the words for them. */
static void strip_two_word_tokens(sqlite3 *h, const char *table, const long long *ids, int nids)
{
	char sql[160];
	snprintf(sql, sizeof sql, "SELECT rowid, text FROM %s%s", table, ids ? " WHERE rowid = ?1" : "");
	sqlite3_stmt *rd, *up;
	assert_int_equal(sqlite3_prepare_v2(h, sql, -1, &rd, NULL), SQLITE_OK);
	snprintf(sql, sizeof sql, "UPDATE %s SET text = ?2 WHERE rowid = ?1", table);
	assert_int_equal(sqlite3_prepare_v2(h, sql, -1, &up, NULL), SQLITE_OK);
	struct row {
		long long id;
		char text[PERSON_INDEX_TEXT];
	} *rows = calloc(PEOPLE + 1000, sizeof *rows);
	assert_non_null(rows);
	int n = 0;
	for (int k = 0; k < (ids ? nids : 1); k++) {
		if (ids) {
			sqlite3_reset(rd);
			sqlite3_bind_int64(rd, 1, ids[k]);
		}
		while (sqlite3_step(rd) == SQLITE_ROW && n < PEOPLE + 1000) {
			rows[n].id = sqlite3_column_int64(rd, 0);
			const char *text = (const char *)sqlite3_column_text(rd, 1);
			char copy[PERSON_INDEX_TEXT];
			snprintf(copy, sizeof copy, "%s", text);
			size_t len = 0;
			for (char *tok = strtok(copy, " "); tok; tok = strtok(NULL, " "))
				if (!(tok[0] == '0' && strchr("trsx", tok[1])))
					len += (size_t)snprintf(rows[n].text + len, sizeof rows[n].text - len, "%s ", tok);
			snprintf(rows[n].text + len, sizeof rows[n].text - len, "%s", PERSON_MORE_TOKEN);
			n++;
		}
	}
	sqlite3_finalize(rd);
	for (int i = 0; i < n; i++) {
		sqlite3_bind_int64(up, 1, rows[i].id);
		sqlite3_bind_text(up, 2, rows[i].text, -1, SQLITE_STATIC);
		assert_int_equal(sqlite3_step(up), SQLITE_DONE);
		sqlite3_reset(up);
	}
	sqlite3_finalize(up);
	free(rows);
}

/* The first pages of the nq lookups typed are pages; prints and counts
 * those listed otherwise now. */
static int listed_otherwise(struct db *db, char (*typed)[80], int nq, long long (*pages)[PAGE + 2],
                            const char *how)
{
	int differ = 0;
	for (int i = 0; i < nq; i++) {
		long long now[PAGE + 2];
		first_page(db, typed[i], now);
		if (memcmp(now, pages[i], sizeof now) != 0) {
			print_message("'%s' lists otherwise %s\n", typed[i], how);
			differ++;
		}
	}
	print_message("two words: %d lookups, %d listed otherwise %s\n", nq, differ, how);
	return differ;
}

/* Two words read the index's tokens of two words ("0t", "0r", "0s") and
 * the vocabulary of words instead of crossing the lists of the words:
 * the pages are the same as when every person is found by crossing them
 * (the rows stripped of those tokens and marked "0x"), for two words as
 * typed while typing, whole, and heard otherwise; and the same when a few
 * rows only are marked (the lookup then looks at them before crossing).
 * Last: it rewrites the index. */
static void two_word_tokens_find_as_crossing_does(void **state)
{
	struct fixture *f = *state;
	sqlite3 *h = db_sqlite(f->db);
	static char typed[QUERIES][80];
	int nq = 0;
	for (size_t i = 0; i < NSAME; i++)
		snprintf(typed[nq++], sizeof typed[0], "%s", same[i].typed);
	for (size_t i = 0; i < NDIFF; i++)
		snprintf(typed[nq++], sizeof typed[0], "%s", different[i].typed);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(h, "SELECT family_name, given_names FROM person WHERE id % 11 = 3", -1,
	                                    &st, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW && nq + 4 <= QUERIES) {
		char fam[NAMES_MAX_WORDS][32], giv[NAMES_MAX_WORDS][32], spelt[40];
		if (names_words((const char *)sqlite3_column_text(st, 0), fam) < 1
		    || names_words((const char *)sqlite3_column_text(st, 1), giv) < 1)
			continue;
		snprintf(typed[nq++], sizeof typed[0], "%s %.3s", giv[0], fam[0]);
		snprintf(typed[nq++], sizeof typed[0], "%s %s", fam[0], giv[0]);
		snprintf(typed[nq++], sizeof typed[0], "%.4s %.5s", fam[0], giv[0]);
		if (respell(giv[0], spelt, sizeof spelt))
			snprintf(typed[nq++], sizeof typed[0], "%s %s", spelt, fam[0]);
	}
	sqlite3_finalize(st);
	assert_true(nq > 500);
	long long (*pages)[PAGE + 2] = calloc((size_t)nq, sizeof *pages);
	assert_non_null(pages);
	for (int i = 0; i < nq; i++)
		first_page(f->db, typed[i], pages[i]);
	/* A few people found first by some lookups, marked: fewer than the
	 * lookup looks at one by one. */
	long long few[10];
	int nfew = 0;
	for (int i = 0; i < nq && nfew < 10; i += nq / 10) {
		bool seen = pages[i][0] == 0;
		for (int k = 0; k < nfew && !seen; k++)
			seen = few[k] == pages[i][0];
		if (!seen)
			few[nfew++] = pages[i][0];
	}
	assert_true(nfew >= 5);
	strip_two_word_tokens(h, "person_search", few, nfew);
	strip_two_word_tokens(h, "person_here", few, nfew);
	assert_int_equal(listed_otherwise(f->db, typed, nq, pages, "with a few rows crossed"), 0);
	strip_two_word_tokens(h, "person_search", NULL, 0);
	strip_two_word_tokens(h, "person_here", NULL, 0);
	assert_int_equal(listed_otherwise(f->db, typed, nq, pages, "when crossing"), 0);
	free(pages);
}

/* People saved before the lookup had keys get them when the database is
 * next opened, once. */
static void rows_saved_before_get_their_keys_at_open(void **state)
{
	(void)state;
	struct tmpdir t = { 0 };
	struct db *db;
	tmpdir_make(&t);
	assert_int_equal(db_open(t.db, DB_CREATE, &db, NULL, 0), ST_OK);
	db_set_actor(db, 0, "test", ROLE_ADMIN, "test");
	assert_int_equal(user_add(db, "clerk", "Clerk", ROLE_INTAKE, "AGZ", "fr", "a long password", NULL), ST_OK);
	struct user u;
	struct login_request req = { "clerk", "a long password", "local", time(NULL), lockout_default_policy() };
	assert_int_equal(login_attempt(db, &req, &u, NULL), ST_OK);
	long long id = save(db, "Diallo", "Mohamed");
	/* As a program before migration 012 left it. */
	/* Not staying at the clerk's centre: found through the index only. */
	assert_int_equal(sqlite3_exec(db_sqlite(db), "UPDATE stay SET departed = admitted, departure_reason = 'left'; "
	                              "DELETE FROM person_search; DELETE FROM person_here; DELETE FROM name_typo; DELETE FROM name_word; "
	                              "INSERT INTO person_search (rowid, text) SELECT id, family_name || ' ' || "
	                              "given_names FROM person; UPDATE setting SET value = '2 cc=227' "
	                              "WHERE key = 'person_keys'", NULL, NULL, NULL), SQLITE_OK);
	assert_false(on_first_page(db, "mouhamed diallo", id));
	db_close(&db);
	assert_int_equal(db_open(t.db, DB_EXISTING, &db, NULL, 0), ST_OK);
	assert_int_equal(login_attempt(db, &req, &u, NULL), ST_OK);
	assert_true(on_first_page(db, "mouhamed diallo", id));
	assert_true(on_first_page(db, "mohamed diallp", id));
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(db), "SELECT count(*) FROM setting WHERE key = "
	                                    "'person_keys' AND value = '5 cc=227'", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), 1);   /* done, once */
	sqlite3_finalize(st);
	db_close(&db);
	tmpdir_remove(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(variants_are_found_on_the_first_page),
		cmocka_unit_test(best_match_first_and_pages_by_rank),
		cmocka_unit_test(two_words_read_pairs_first),
		cmocka_unit_test(many_found_page_both_ways),
		cmocka_unit_test(a_split_name_is_listed_once),
		cmocka_unit_test(many_name_words_are_found_by_crossing),
		cmocka_unit_test(a_resident_found_by_two_word_tokens_is_listed),
		cmocka_unit_test(two_word_tokens_find_as_crossing_does),
		cmocka_unit_test(rows_saved_before_get_their_keys_at_open),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
