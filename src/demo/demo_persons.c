/* Synthetic people for demo databases. Everything comes from one
 * splitmix64 stream seeded by the caller, in a fixed order, so the same
 * seed and count give the same people. People are made one unit at a time
 * (a person alone, or a family of 2 to 5) and written at once: nothing is
 * kept in memory but the case-number counters and a few rows waiting for
 * their multi-row insert. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/casenum.h"
#include "core/names.h"
#include "core/role.h"
#include "db/audit.h"
#include "db/db_private.h"
#include "demo/demo_gen.h"
#include "demo/demo_people.h"
#include "demo/demo_persons.h"

#define PER_TRANSACTION 50000L /* people */
#define PROGRESS_EVERY 10000L

/* ---- writing ------------------------------------------------------------ */

/* Rows go to the database BATCH_ROWS at a time, in one multi-row INSERT OR
 * IGNORE per table: this SQLite spends more time starting a statement than
 * storing a small row. Parameters are plain '?', numbered in order; the
 * rows left unbound at a flush are all NULL and skipped by OR IGNORE (every
 * table has a NOT NULL column), and the rows stored are counted, so that a
 * real row refused by a rule is an error (ST_INTERNAL), never skipped. */
#define BATCH_ROWS 32
#define ROWS4(r) r ", " r ", " r ", " r
#define ROWS32(r) ROWS4(ROWS4(r)) ", " ROWS4(ROWS4(r))

enum { B_PERSON, B_NAME_KEY, B_LANGUAGE, B_DOCUMENT, B_FLAG, B_LINK, B_STAY, B_SERVICE, B_COUNT_ };

struct batch {
	sqlite3_stmt *st;
	int cols;                 /* parameters per row */
	int rows;                 /* rows bound so far */
};

/* What the generator carries from person to person. */
struct gen {
	struct db *db;
	struct rng rng;
	long long centre_id[C_COUNT_];
	long seq[C_COUNT_][YEARS];      /* the next sequence, per centre and year */
	long long consent_by;           /* the demo intake clerk, 0 when none */
	long long next_person, next_stay, next_doc;
	long long first_unindexed;      /* the first person not in person_search */
	struct batch b[B_COUNT_];       /* the inserts, by table */
	sqlite3_stmt *search;
};

/* The parameter number of column col of the row being bound. */
static int param(const struct batch *b, int col)
{
	return b->rows * b->cols + col + 1;
}

static void put_int(struct batch *b, int col, long long v)
{
	sqlite3_bind_int64(b->st, param(b, col), v);
}

/* Text from the generator's buffers (copied), NULL for SQL NULL. */
static void put_text(struct batch *b, int col, const char *text)
{
	if (text)
		sqlite3_bind_text(b->st, param(b, col), text, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(b->st, param(b, col));
}

/* Text from the static tables of this file: no copy. */
static void put_const(struct batch *b, int col, const char *text)
{
	if (text)
		sqlite3_bind_text(b->st, param(b, col), text, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(b->st, param(b, col));
}

/* Stores the rows bound so far. */
static enum status flush(struct gen *g, struct batch *b)
{
	if (b->rows == 0)
		return ST_OK;
	int expected = b->rows;
	int rc = sqlite3_step(b->st);
	int stored = sqlite3_changes(db_sqlite(g->db));
	sqlite3_reset(b->st);
	sqlite3_clear_bindings(b->st);
	b->rows = 0;
	if (rc != SQLITE_DONE)
		return db_status_of(rc);
	return stored == expected ? ST_OK : ST_INTERNAL;
}

/* Ends the row being bound; stores the batch when it is full. */
static enum status row_done(struct gen *g, struct batch *b)
{
	return ++b->rows == BATCH_ROWS ? flush(g, b) : ST_OK;
}

static enum status add_stays(struct gen *g, long long person, const struct person_gen *p,
                             const struct stays *s)
{
	static const char *const services[] = { "accommodation", "food", "water", "nfi" };
	const unsigned share[] = { 960, 985, 985, p->kind == K_TRAFFICKING ? 800 : 350 };
	struct batch *sb = &g->b[B_STAY], *vb = &g->b[B_SERVICE];
	enum status st = ST_OK;
	for (int k = 0; k < s->n && st == ST_OK; k++) {
		char admitted[11], departed[11];
		long long stay = g->next_stay++;
		demo_iso_day(s->admitted[k], admitted);
		if (s->departed[k] >= 0)
			demo_iso_day(s->departed[k], departed);
		put_int(sb, 0, stay);
		put_int(sb, 1, person);
		put_int(sb, 2, g->centre_id[s->centre[k]]);
		put_text(sb, 3, admitted);
		put_text(sb, 4, s->departed[k] >= 0 ? departed : NULL);
		put_const(sb, 5, s->reason[k]);
		st = row_done(g, sb);
		bool any = false;
		for (int i = 0; i < 4 && st == ST_OK; i++) {
			if (!chance(&g->rng, share[i]) && (i < 3 || any))
				continue;
			any = true;
			put_int(vb, 0, stay);
			put_const(vb, 1, services[i]);
			st = row_done(g, vb);
		}
	}
	return st;
}

static enum status add_documents(struct gen *g, long long person, const struct person_gen *p)
{
	static const char *const types[] = { "passport", "id_card", "birth_certificate",
	                                     "laissez_passer", "other" };
	static const unsigned adult_w[] = { 38, 35, 4, 18, 5 }, child_w[] = { 5, 10, 75, 10, 0 };
	struct rng *r = &g->rng;
	if (!chance(r, p->age < 18 ? 150 : 330))
		return ST_OK;
	int count = chance(r, 100) ? 2 : 1, previous = -1;
	enum status st = ST_OK;
	for (int i = 0; i < count && st == ST_OK; i++) {
		int t = pick_weighted(r, p->age < 18 ? child_w : adult_w, 5);
		if (t == previous)
			continue;
		previous = t;
		char number[32] = "", expiry[11];
		long issued = p->arrival - (long)below(r, 5 * 365), until = -1;
		switch (t) {
		case 0:
			snprintf(number, sizeof number, "%c%c%07u", 'A' + (char)below(r, 3),
			         'A' + (char)below(r, 26), below(r, 10000000));
			until = issued + 5 * 365;
			break;
		case 1:
			snprintf(number, sizeof number, "%09u%u", below(r, 1000000000), below(r, 10));
			until = issued + 10 * 365;
			break;
		case 2:
			snprintf(number, sizeof number, "%u/%04d", 1 + below(r, 2000),
			         demo_year_of(p->arrival) - p->age);
			break;
		case 3:
			snprintf(number, sizeof number, "LP%06u", below(r, 1000000));
			until = p->arrival + 30 + (long)below(r, 60);
			break;
		default:
			break;
		}
		if (until >= 0)
			demo_iso_day(until, expiry);
		struct batch *b = &g->b[B_DOCUMENT];
		put_int(b, 0, g->next_doc++);
		put_int(b, 1, person);
		put_const(b, 2, types[t]);
		put_text(b, 3, number);
		put_const(b, 4, p->nat_unknown ? NULL : p->nat->iso3);
		put_text(b, 5, until >= 0 ? expiry : NULL);
		st = row_done(g, b);
	}
	return st;
}

static enum status add_languages(struct gen *g, long long person, const struct person_gen *p)
{
	char first[4], second[4];
	demo_pick_language(&g->rng, p->nat->langs, first);
	demo_pick_language(&g->rng, p->nat->second, second);
	bool two = p->age >= 8 && chance(&g->rng, 550) && strcmp(first, second) != 0;
	enum status st = ST_OK;
	for (int i = 0; i < (two ? 2 : 1) && st == ST_OK; i++) {
		put_int(&g->b[B_LANGUAGE], 0, person);
		put_text(&g->b[B_LANGUAGE], 1, i ? second : first);
		st = row_done(g, &g->b[B_LANGUAGE]);
	}
	return st;
}

static enum status add_flags(struct gen *g, long long person, unsigned flags)
{
	enum status st = ST_OK;
	for (int f = 0; f < F_COUNT_ && st == ST_OK; f++) {
		if (!(flags & FLAG(f)))
			continue;
		put_int(&g->b[B_FLAG], 0, person);
		put_const(&g->b[B_FLAG], 1, demo_flag_name[f]);
		st = row_done(g, &g->b[B_FLAG]);
	}
	return st;
}

/* The sound keys of every word of the names, for the duplicate check. */
static enum status add_name_keys(struct gen *g, long long person, const struct person_gen *p)
{
	const char *fields[3] = { p->family.text, p->given_names, p->other_names };
	char keys[3 * NAMES_MAX_WORDS][NAMES_KEY_MAX];
	int nkeys = 0;
	enum status st = ST_OK;
	for (int f = 0; f < 3 && st == ST_OK; f++) {
		char words[NAMES_MAX_WORDS][32];
		int nw = names_words(fields[f], words);
		for (int w = 0; w < nw && st == ST_OK; w++) {
			names_key(words[w], keys[nkeys], sizeof keys[nkeys]);
			bool seen = keys[nkeys][0] == '\0';
			for (int k = 0; k < nkeys && !seen; k++)
				seen = strcmp(keys[k], keys[nkeys]) == 0;
			if (seen)
				continue;
			put_text(&g->b[B_NAME_KEY], 0, keys[nkeys]);
			put_int(&g->b[B_NAME_KEY], 1, person);
			st = row_done(g, &g->b[B_NAME_KEY]);
			nkeys++;
		}
	}
	return st;
}

/* Writes p with everything that hangs from it; *id gets its row id. */
static enum status write_person(struct gen *g, const struct person_gen *p, const struct stays *s,
                                long long *id)
{
	struct rng *r = &g->rng;
	int year = demo_year_of(p->arrival);
	long *seq = &g->seq[p->centre][year - FIRST_YEAR];
	char display[CASENUM_MAX], case_key[CASENUM_MAX];
	/* Sequences whose check value has no character are skipped, as the
	 * allocator of real registrations does. */
	int tries = 0;
	while (!casenum_format(demo_centre_code[p->centre], year, *seq, display, sizeof display)) {
		if (++tries > 8)
			return ST_INTERNAL;
		(*seq)++;
	}
	(*seq)++;
	if (!casenum_key(display, case_key, sizeof case_key))
		return ST_INTERNAL;

	char birth[11];
	int estimated;
	demo_make_birth(r, p->arrival, p->age, birth, &estimated);
	char phone[32] = "", key[9] = "";
	if (chance(r, p->age >= 18 ? 450 : p->age >= 14 ? 200 : 0)) {
		demo_make_phone(r, p->nat, phone, sizeof phone);
		demo_phone_key(phone, key);
	}
	bool consent_data = chance(r, 975), consent_share = consent_data && chance(r, 850);
	char arrival[11], created[24];
	demo_iso_day(p->arrival, arrival);
	snprintf(created, sizeof created, "%sT%02u:%02u:%02uZ", arrival, 7 + below(r, 10),
	         below(r, 60), below(r, 60));
	char sex[2] = { p->sex, '\0' };

	*id = g->next_person++;
	struct batch *b = &g->b[B_PERSON];
	put_int(b, 0, *id);
	put_text(b, 1, case_key);
	put_text(b, 2, p->family.text);
	put_text(b, 3, p->given_names);
	put_text(b, 4, p->other_names);
	put_text(b, 5, sex);
	put_text(b, 6, birth[0] ? birth : NULL);
	put_int(b, 7, estimated);
	put_const(b, 8, p->nat_unknown ? NULL : p->nat->iso3);
	put_text(b, 9, phone);
	put_text(b, 10, key);
	put_text(b, 11, arrival);
	put_int(b, 12, g->centre_id[p->centre]);
	put_const(b, 13, p->mode);
	put_int(b, 14, consent_data);
	put_int(b, 15, consent_share);
	put_text(b, 16, arrival);
	if (g->consent_by > 0)
		put_int(b, 17, g->consent_by);
	put_text(b, 18, created);
	enum status status = row_done(g, b);
	if (status == ST_OK)
		status = add_languages(g, *id, p);
	if (status == ST_OK)
		status = add_documents(g, *id, p);
	if (status == ST_OK)
		status = add_flags(g, *id, p->flags);
	if (status == ST_OK)
		status = add_stays(g, *id, p, s);
	if (status == ST_OK)
		status = add_name_keys(g, *id, p);
	return status;
}

/* ---- units: a person alone, a family ------------------------------------ */

static void pick_origin(struct rng *r, struct person_gen *p, enum kind kind)
{
	p->kind = kind;
	p->nat = demo_pick_nation(r, kind);
	p->nat_unknown = chance(r, 5);
	p->strand = demo_pick_strand(r, p->nat);
}

static enum status gen_single(struct gen *g, long index, long n)
{
	struct rng *r = &g->rng;
	struct person_gen p;
	memset(&p, 0, sizeof p);
	pick_origin(r, &p, chance(r, 35) ? K_TRAFFICKING : K_MIGRANT);
	p.arrival = demo_arrival_day(index, n);
	if (p.kind == K_TRAFFICKING) {
		/* Zinder 2022: most victims are children; more girls than among
		 * migrants. */
		bool child = chance(r, 800);
		p.sex = chance(r, 400) ? 'f' : 'm';
		p.age = child ? 9 + (int)below(r, 9) : 18 + (int)below(r, 12);
		p.centre = pick_weighted(r, demo_centre_trafficking, C_COUNT_);
		p.flags = FLAG(chance(r, 400) ? F_TRAFFICKING_IDENTIFIED : F_TRAFFICKING_PRESUMED);
		if (child)
			p.flags |= FLAG(F_UNACCOMPANIED);
		if (chance(r, 300))
			p.flags |= FLAG(F_VIOLENCE);
		if (chance(r, 80))
			p.flags |= FLAG(F_MEDICAL);
	} else if (chance(r, 80)) {
		/* Children travelling alone, mostly adolescent boys; separated
		 * children came with a relative who is not registered here. */
		p.sex = chance(r, 800) ? 'm' : 'f';
		p.age = chance(r, 850) ? 12 + (int)below(r, 6) : 7 + (int)below(r, 5);
		p.centre = pick_weighted(r, demo_centre_migrants, C_COUNT_);
		p.flags = FLAG(chance(r, 750) ? F_UNACCOMPANIED : F_SEPARATED);
		demo_common_flags(r, &p);
	} else {
		p.sex = chance(r, 810) ? 'm' : 'f';
		p.age = demo_adult_age(r);
		p.centre = pick_weighted(r, demo_centre_migrants, C_COUNT_);
		demo_common_flags(r, &p);
	}
	p.mode = demo_pick_mode(r, p.kind, p.centre);
	demo_make_names(r, &p, NULL);
	struct stays s;
	demo_plan_stays(r, &p, &s);
	long long id;
	return write_person(g, &p, &s, &id);
}

enum member { M_HEAD, M_SPOUSE, M_CHILD, M_SIBLING };

/* What b is to a, in family_link's words. */
static const char *relation(enum member a, enum member b)
{
	bool a_parent = a == M_HEAD || a == M_SPOUSE, b_parent = b == M_HEAD || b == M_SPOUSE;
	if (a == M_CHILD && b_parent)
		return "head";
	if (a_parent && b == M_CHILD)
		return "child";
	if (a_parent && b_parent)
		return "spouse";
	return "sibling";
}

/* A family arriving together, as made so far. */
struct family {
	struct person_gen m[5];
	enum member role[5];
	bool couple, siblings;
	int youngest_parent;
	struct name child_family;   /* the children's family name */
};

/* Member i of f, from the head: the wife of a couple, a younger sibling,
 * or a child young enough for its parents. */
static void make_member(struct rng *r, struct family *f, int i)
{
	const struct person_gen *head = &f->m[0];
	struct person_gen *p = &f->m[i];
	*p = *head;
	p->flags = 0;
	if (f->couple && i == 1) {
		f->role[i] = M_SPOUSE;
		p->sex = 'f';
		p->age = head->age - (int)below(r, 10);
		if (p->age < 18)
			p->age = 18;
		if (p->age < f->youngest_parent)
			f->youngest_parent = p->age;
		/* Women keep their own family name more often than not. */
		demo_make_names(r, p, chance(r, 400) ? &head->family : NULL);
	} else if (f->siblings) {
		f->role[i] = M_SIBLING;
		p->sex = chance(r, 550) ? 'm' : 'f';
		p->age = head->age - 1 - (int)below(r, 14);
		if (p->age < 0)
			p->age = 0;
		demo_make_names(r, p, &head->family);
	} else {
		f->role[i] = M_CHILD;
		p->sex = chance(r, 500) ? 'm' : 'f';
		int oldest = f->youngest_parent - 16;
		oldest = oldest > 17 ? 17 : oldest < 0 ? 0 : oldest;
		p->age = (int)below(r, (unsigned)oldest + 1);
		demo_make_names(r, p, &f->child_family);
	}
}

/* True when member i has the first name of an earlier member. */
static bool name_taken(const struct family *f, int i)
{
	for (int k = 0; k < i; k++)
		if (f->m[k].given.group == f->m[i].given.group)
			return true;
	return false;
}

/* A family of size 2 to 5 arriving together: a couple with or without
 * children, a parent (most often a mother) with children, or siblings with
 * the eldest an adult. They share nationality, arrival, centre and stays,
 * and are linked both ways. */
static enum status gen_family(struct gen *g, long index, long n, int size)
{
	struct rng *r = &g->rng;
	struct family f;
	memset(&f, 0, sizeof f);
	unsigned shape = below(r, 100);
	f.couple = shape < 55;
	f.siblings = shape >= 85;

	struct person_gen *head = &f.m[0];
	pick_origin(r, head, K_FAMILY);
	head->arrival = demo_arrival_day(index, n);
	head->centre = pick_weighted(r, demo_centre_migrants, C_COUNT_);
	head->mode = demo_pick_mode(r, K_FAMILY, head->centre);
	f.role[0] = M_HEAD;
	if (f.siblings) {
		head->sex = chance(r, 700) ? 'm' : 'f';
		head->age = 18 + (int)below(r, 18);
	} else {
		head->sex = f.couple || chance(r, 300) ? 'm' : 'f';
		head->age = 20 + (int)below(r, f.couple ? 36 : 26);
	}
	demo_make_names(r, head, NULL);
	f.youngest_parent = head->age;

	/* Children take their father's family name, in Niger often his given
	 * name; with their mother alone, mostly their absent father's. */
	f.child_family = head->family;
	const struct strand *strand = &head->nat->strands[head->strand];
	if (head->sex == 'f' && !f.siblings && chance(r, 700))
		demo_pick_name(r, strand->family, strand->nfamily, &f.child_family);
	else if (head->sex == 'm' && !f.siblings && strcmp(head->nat->iso3, "NER") == 0
	         && chance(r, 300))
		f.child_family = head->given;

	for (int i = 1; i < size; i++) {
		int tries = 0;
		do
			make_member(r, &f, i);
		while (name_taken(&f, i) && ++tries < 5);
	}
	for (int i = 0; i < size; i++) {
		if (f.m[i].age < 18)
			f.m[i].flags |= FLAG(f.role[i] == M_SIBLING ? F_SEPARATED : F_ACCOMPANIED);
		demo_common_flags(r, &f.m[i]);
	}

	struct stays s;
	demo_plan_stays(r, head, &s);
	long long id[5];
	enum status st = ST_OK;
	for (int i = 0; i < size && st == ST_OK; i++)
		st = write_person(g, &f.m[i], &s, &id[i]);
	for (int a = 0; a < size && st == ST_OK; a++) {
		for (int b = 0; b < size && st == ST_OK; b++) {
			if (a == b)
				continue;
			struct batch *lb = &g->b[B_LINK];
			put_int(lb, 0, id[a]);
			put_int(lb, 1, id[b]);
			put_const(lb, 2, relation(f.role[a], f.role[b]));
			st = row_done(g, lb);
		}
	}
	return st;
}

/* ---- the run ------------------------------------------------------------ */

/* The next free row id of a table, from sql (0 on error). Ids are given
 * here, so that rows can wait in a batch before the rows they point to. */
static long long next_id(struct gen *g, const char *sql)
{
	sqlite3_stmt *st = db_stmt(g->db, sql);
	long long id = st && sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	if (st)
		sqlite3_reset(st);
	return id;
}

/* True when every code of a blank-separated list is in the table. */
static bool codes_known(sqlite3_stmt *st, const char *list)
{
	bool ok = true;
	for (size_t i = 0; ok && i + 3 <= strlen(list); i += 4) {
		sqlite3_bind_text(st, 1, list + i, 3, SQLITE_STATIC);
		ok = sqlite3_step(st) == SQLITE_ROW;
		sqlite3_reset(st);
	}
	return ok;
}

/* Checks every code of the tables above against the reference tables (the
 * inserts run without foreign keys), looks up the centres, the case-number
 * sequences already taken, the free ids, the demo intake clerk (who takes
 * consent), and prepares the inserts. */
static enum status prepare(struct gen *g)
{
	static const char sql_centre[] = "SELECT id FROM centre WHERE code = ?1";
	static const char sql_seq[] = "SELECT next FROM case_sequence WHERE centre_id = ?1 AND year = ?2";
	static const char sql_clerk[] = "SELECT id FROM app_user WHERE name = 'intake' AND active = 1";
	static const char sql_country[] = "SELECT 1 FROM country WHERE iso3 = ?1";
	static const char sql_language[] = "SELECT 1 FROM language WHERE code = ?1";
	sqlite3_stmt *st = db_stmt(g->db, sql_centre);
	sqlite3_stmt *seq = db_stmt(g->db, sql_seq);
	sqlite3_stmt *clerk = db_stmt(g->db, sql_clerk);
	sqlite3_stmt *country = db_stmt(g->db, sql_country);
	sqlite3_stmt *language = db_stmt(g->db, sql_language);
	if (!st || !seq || !clerk || !country || !language)
		return ST_INTERNAL;
	for (int i = 0; i < DEMO_NATIONS; i++)
		if (!codes_known(country, demo_nations[i].iso3) || !codes_known(language, demo_nations[i].langs)
		    || !codes_known(language, demo_nations[i].second))
			return ST_INTERNAL;
	for (int c = 0; c < C_COUNT_; c++) {
		sqlite3_bind_text(st, 1, demo_centre_code[c], -1, SQLITE_STATIC);
		g->centre_id[c] = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
		sqlite3_reset(st);
		if (g->centre_id[c] == 0)
			return ST_INTERNAL;
		for (int y = 0; y < YEARS; y++) {
			sqlite3_bind_int64(seq, 1, g->centre_id[c]);
			sqlite3_bind_int(seq, 2, FIRST_YEAR + y);
			long next = sqlite3_step(seq) == SQLITE_ROW ? (long)sqlite3_column_int64(seq, 0) : 1;
			sqlite3_reset(seq);
			g->seq[c][y] = next > 1 ? next : 1;
		}
	}
	g->consent_by = sqlite3_step(clerk) == SQLITE_ROW ? sqlite3_column_int64(clerk, 0) : 0;
	sqlite3_reset(clerk);
	g->next_person = next_id(g, "SELECT coalesce(max(id), 0) + 1 FROM person");
	g->first_unindexed = g->next_person;
	g->next_stay = next_id(g, "SELECT coalesce(max(id), 0) + 1 FROM stay");
	g->next_doc = next_id(g, "SELECT coalesce(max(id), 0) + 1 FROM person_document");

	static const char sql_person[] =
		"INSERT OR IGNORE INTO person (id, case_key, family_name, given_names, other_names, sex, "
		"birth_date, birth_estimated, nationality, phone, phone_key, arrival_date, centre_id, "
		"arrival_mode, consent_data, consent_share, consent_date, consent_by, created_at) VALUES "
		ROWS32("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
	static const char sql_name_key[] =
		"INSERT OR IGNORE INTO person_name_key (key, person_id) VALUES " ROWS32("(?, ?)");
	static const char sql_lang[] =
		"INSERT OR IGNORE INTO person_language (person_id, language) VALUES " ROWS32("(?, ?)");
	static const char sql_document[] =
		"INSERT OR IGNORE INTO person_document (id, person_id, doc_type, number, issued_by, expiry) "
		"VALUES " ROWS32("(?, ?, ?, ?, ?, ?)");
	static const char sql_flag[] =
		"INSERT OR IGNORE INTO person_flag (person_id, flag) VALUES " ROWS32("(?, ?)");
	static const char sql_link[] =
		"INSERT OR IGNORE INTO family_link (person_id, relative_id, relation) VALUES "
		ROWS32("(?, ?, ?)");
	static const char sql_stay[] =
		"INSERT OR IGNORE INTO stay (id, person_id, centre_id, admitted, departed, "
		"departure_reason) VALUES " ROWS32("(?, ?, ?, ?, ?, ?)");
	static const char sql_service[] =
		"INSERT OR IGNORE INTO stay_service (stay_id, service) VALUES " ROWS32("(?, ?)");
	/* The quick-lookup rows of a transaction's people, in one statement at
	 * its end: FTS5 takes them in half the time it needs one by one. Names,
	 * aliases, case key, phone digits and phone key. */
	static const char sql_search[] =
		"INSERT INTO person_search (rowid, text) SELECT id, family_name || ' ' || given_names "
		"|| ' ' || replace(other_names, ';', ' ') || ' ' || case_key || CASE WHEN phone = '' "
		"THEN '' ELSE ' ' || replace(replace(phone, ' ', ''), '+', '') || ' ' || phone_key END "
		"FROM person WHERE id >= ?1 ORDER BY id";
	static const char *const sql[B_COUNT_] = { sql_person, sql_name_key, sql_lang, sql_document,
	                                           sql_flag, sql_link, sql_stay, sql_service };
	static const int cols[B_COUNT_] = { 19, 2, 2, 6, 2, 3, 6, 2 };
	for (int i = 0; i < B_COUNT_; i++) {
		g->b[i].st = db_stmt(g->db, sql[i]);
		g->b[i].cols = cols[i];
		if (!g->b[i].st)
			return ST_INTERNAL;
		sqlite3_clear_bindings(g->b[i].st); /* rows left by a run that failed */
	}
	g->search = db_stmt(g->db, sql_search);
	return g->search && g->next_person > 0 && g->next_stay > 0 && g->next_doc > 0
	       ? ST_OK : ST_INTERNAL;
}

/* Stores every row still waiting in a batch, then indexes the people of
 * the transaction for the quick lookup. */
static enum status flush_all(struct gen *g)
{
	enum status s = ST_OK;
	for (int i = 0; i < B_COUNT_ && s == ST_OK; i++)
		s = flush(g, &g->b[i]);
	if (s == ST_OK && g->next_person > g->first_unindexed) {
		sqlite3_bind_int64(g->search, 1, g->first_unindexed);
		int rc = sqlite3_step(g->search);
		sqlite3_reset(g->search);
		s = rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
		g->first_unindexed = g->next_person;
	}
	return s;
}

/* Sets every sequence used so that later registrations continue after the
 * demo people (never lowering one). */
static enum status save_sequences(struct gen *g)
{
	static const char sql[] =
		"INSERT INTO case_sequence (centre_id, year, next) VALUES (?1, ?2, ?3) "
		"ON CONFLICT (centre_id, year) DO UPDATE SET next = max(next, excluded.next)";
	sqlite3_stmt *st = db_stmt(g->db, sql);
	if (!st)
		return ST_INTERNAL;
	enum status s = ST_OK;
	for (int c = 0; c < C_COUNT_ && s == ST_OK; c++) {
		for (int y = 0; y < YEARS && s == ST_OK; y++) {
			if (g->seq[c][y] <= 1)
				continue;
			sqlite3_bind_int64(st, 1, g->centre_id[c]);
			sqlite3_bind_int(st, 2, FIRST_YEAR + y);
			sqlite3_bind_int64(st, 3, g->seq[c][y]);
			int rc = sqlite3_step(st);
			sqlite3_reset(st);
			s = rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
		}
	}
	return s;
}

static enum status generate(struct gen *g, long n, void (*progress)(long, long, void *),
                            void *ctx)
{
	/* Family sizes 2, 3, 4, 5; a unit is a family about 1 time in 19, so
	 * that some 15% of people come with family. */
	static const unsigned family_size[] = { 35, 30, 22, 13 };
	long done = 0, next_commit = PER_TRANSACTION, next_report = PROGRESS_EVERY, reported = 0;
	enum status s = db_begin(g->db);
	while (s == ST_OK && done < n) {
		int size = chance(&g->rng, 53) ? 2 + pick_weighted(&g->rng, family_size, 4) : 1;
		if (size > n - done)
			size = (int)(n - done);
		s = size > 1 ? gen_family(g, done, n, size) : gen_single(g, done, n);
		done += size;
		if (s == ST_OK && done >= next_commit && done < n) {
			s = flush_all(g);
			if (s == ST_OK)
				s = db_commit(g->db);
			if (s == ST_OK)
				s = db_begin(g->db);
			next_commit += PER_TRANSACTION;
		}
		if (s == ST_OK && done >= next_report) {
			if (progress)
				progress(done, n, ctx);
			reported = done;
			while (next_report <= done)
				next_report += PROGRESS_EVERY;
		}
	}
	if (s == ST_OK)
		s = flush_all(g);
	if (s == ST_OK)
		s = save_sequences(g);
	if (s == ST_OK) {
		char json[48];
		snprintf(json, sizeof json, "{\"persons\": %ld}", n);
		s = audit_log(g->db, "create", "demo_persons", 0, json);
	}
	if (s == ST_OK) {
		s = db_commit(g->db);
	} else {
		db_rollback(g->db);
	}
	if (s == ST_OK && progress && reported != n)
		progress(n, n, ctx);
	return s;
}

/* The page cache size of the connection, to put back after (0: unknown).
 * Prepared here, not cached: a pragma's statement keeps the value it read. */
static int cache_size(sqlite3 *sql)
{
	sqlite3_stmt *st;
	int size = 0;
	if (sqlite3_prepare_v2(sql, "PRAGMA cache_size", -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			size = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	return size;
}

enum status demo_persons(struct db *db, long n, unsigned seed,
                         void (*progress)(long done, long total, void *ctx), void *ctx)
{
	if (n < 0)
		return ST_INVALID;
	/* Only the administrator making a demo database, never into real
	 * records: no permission of the matrix covers this. */
	if (db_actor(db)->role != ROLE_ADMIN)
		return ST_DENIED;
	if (!db_is_demo(db))
		return ST_INVALID;
	struct gen *g = calloc(1, sizeof *g);
	if (!g)
		return ST_NOMEM;
	g->db = db;
	g->rng.s = 0x5441494d00000000ULL ^ seed;
	enum status s = prepare(g);

	/* A demo database is thrown away if power fails mid-generation: no
	 * syncing while it fills. Foreign keys are off meanwhile: the rows are
	 * right by construction (codes checked by prepare, ids given here), and
	 * without them a multi-row insert needs no statement journal: three
	 * times faster a row. Both back after as db.c sets them. A 64 MB page
	 * cache keeps the many insertion points of the name-key, phone and
	 * search indexes in memory (a million people: 8% faster). */
	sqlite3 *sql = db_sqlite(db);
	int cache = cache_size(sql);
	if (s == ST_OK) {
		int rc = sqlite3_exec(sql, "PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF; "
		                      "PRAGMA cache_size=-65536", NULL, NULL, NULL);
		s = rc == SQLITE_OK ? generate(g, n, progress, ctx) : db_status_of(rc);
		char restore[96];
		snprintf(restore, sizeof restore, "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; "
		         "PRAGMA cache_size=%d", cache ? cache : -2000);
		rc = sqlite3_exec(sql, restore, NULL, NULL, NULL);
		if (s == ST_OK && rc != SQLITE_OK)
			s = db_status_of(rc);
	}
	free(g);
	return s;
}
