/* Synthetic people for demo databases. Everything comes from one
 * splitmix64 stream seeded by the caller, in a fixed order, so the same
 * seed and count give the same people. People are made one unit at a time
 * (a person alone, or a family of 2 to 5) and written at once, as the
 * program's own struct person, through the data layer's bulk writer
 * (db/bulk.h), which derives case numbers, phone key, name keys and search
 * text as registration does. Nothing is kept in memory here. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/vocab.h"
#include "db/audit.h"
#include "db/bulk.h"
#include "db/person.h"
#include "demo/demo_gen.h"
#include "demo/demo_people.h"
#include "demo/demo_persons.h"

#define PER_TRANSACTION 50000L /* people */
#define PROGRESS_EVERY 10000L

/* What the generator carries from person to person. */
struct gen {
	struct bulk *bulk;
	struct rng rng;
	long long consent_by;           /* the demo intake clerk, 0 when none */
};

/* The vulnerabilities of the generator, as the program names them. */
static const enum person_flag flag_of[F_COUNT_] = {
	[F_UNACCOMPANIED] = FLAG_UNACCOMPANIED_CHILD, [F_SEPARATED] = FLAG_SEPARATED_CHILD,
	[F_ACCOMPANIED] = FLAG_ACCOMPANIED_CHILD, [F_PREGNANT] = FLAG_PREGNANT,
	[F_TRAFFICKING_PRESUMED] = FLAG_TRAFFICKING_PRESUMED,
	[F_TRAFFICKING_IDENTIFIED] = FLAG_TRAFFICKING_IDENTIFIED, [F_VIOLENCE] = FLAG_VIOLENCE_VICTIM,
	[F_OLDER] = FLAG_OLDER_PERSON, [F_MEDICAL] = FLAG_SERIOUS_MEDICAL,
	[F_DISABILITY] = FLAG_DISABILITY, [F_ASYLUM] = FLAG_ASYLUM_SEEKER,
};

/* ---- writing ------------------------------------------------------------ */

static enum status add_stays(struct gen *g, long long person, const struct person_gen *p,
                             const struct stays *s)
{
	const unsigned share[SERVICE_COUNT_] = { 960, 985, 985, p->kind == K_TRAFFICKING ? 800 : 350 };
	enum status st = ST_OK;
	for (int k = 0; k < s->n && st == ST_OK; k++) {
		char admitted[11], departed[11];
		demo_iso_day(s->admitted[k], admitted);
		if (s->departed[k] >= 0)
			demo_iso_day(s->departed[k], departed);
		bool given[SERVICE_COUNT_] = { false }, any = false;
		for (int i = 0; i < SERVICE_COUNT_; i++) {
			if (!chance(&g->rng, share[i]) && (i < SERVICE_COUNT_ - 1 || any))
				continue;
			any = given[i] = true;
		}
		long long stay;
		st = bulk_stay(g->bulk, person, demo_centre_code[s->centre[k]], admitted,
		               s->departed[k] >= 0 ? departed : NULL, s->reason[k], given, &stay);
	}
	return st;
}

/* Documents of p into out (most people have none). */
static void make_documents(struct gen *g, const struct person_gen *p, struct person *out)
{
	/* Weights in the order of VOCAB_DOC_TYPE: passport, id_card,
	 * birth_certificate, laissez_passer, other. */
	static const unsigned adult_w[] = { 38, 35, 4, 18, 5 }, child_w[] = { 5, 10, 75, 10, 0 };
	struct rng *r = &g->rng;
	if (!chance(r, p->age < 18 ? 150 : 330))
		return;
	int count = chance(r, 100) ? 2 : 1, previous = -1, n = 0;
	for (int i = 0; i < count; i++) {
		int t = pick_weighted(r, p->age < 18 ? child_w : adult_w, 5);
		if (t == previous)
			continue;
		previous = t;
		struct person_doc *d = &out->docs[n++];
		long issued = p->arrival - (long)below(r, 5 * 365), until = -1;
		switch (t) {
		case 0:
			snprintf(d->number, sizeof d->number, "%c%c%07u", 'A' + (char)below(r, 3),
			         'A' + (char)below(r, 26), below(r, 10000000));
			until = issued + 5 * 365;
			break;
		case 1:
			snprintf(d->number, sizeof d->number, "%09u%u", below(r, 1000000000), below(r, 10));
			until = issued + 10 * 365;
			break;
		case 2:
			snprintf(d->number, sizeof d->number, "%u/%04d", 1 + below(r, 2000),
			         demo_year_of(p->arrival) - p->age);
			break;
		case 3:
			snprintf(d->number, sizeof d->number, "LP%06u", below(r, 1000000));
			until = p->arrival + 30 + (long)below(r, 60);
			break;
		default:
			break;
		}
		snprintf(d->type, sizeof d->type, "%s", vocab_code(VOCAB_DOC_TYPE, t));
		if (!p->nat_unknown)
			snprintf(d->issued_by, sizeof d->issued_by, "%s", p->nat->iso3);
		if (until >= 0)
			demo_iso_day(until, d->expiry);
	}
}

/* One or two languages of p into out. */
static void make_languages(struct gen *g, const struct person_gen *p, struct person *out)
{
	char first[4], second[4];
	demo_pick_language(&g->rng, p->nat->langs, first);
	demo_pick_language(&g->rng, p->nat->second, second);
	bool two = p->age >= 8 && chance(&g->rng, 550) && strcmp(first, second) != 0;
	memcpy(out->languages[0], first, sizeof first);
	if (two)
		memcpy(out->languages[1], second, sizeof second);
}

/* Writes p with everything that hangs from it; *id gets its row id. The
 * program's own person: the data layer derives its case number, phone key,
 * name keys and search text as for a registration. */
static enum status write_person(struct gen *g, const struct person_gen *p, const struct stays *s,
                                long long *id)
{
	struct rng *r = &g->rng;
	struct person *q = calloc(1, sizeof *q);
	if (!q)
		return ST_NOMEM;
	snprintf(q->family_name, sizeof q->family_name, "%s", p->family.text);
	snprintf(q->given_names, sizeof q->given_names, "%s", p->given_names);
	snprintf(q->other_names, sizeof q->other_names, "%s", p->other_names);
	q->sex = p->sex;
	int estimated;
	demo_make_birth(r, p->arrival, p->age, q->birth_date, &estimated);
	q->birth_estimated = estimated != 0;
	if (!p->nat_unknown)
		snprintf(q->nationality, sizeof q->nationality, "%s", p->nat->iso3);
	if (chance(r, p->age >= 18 ? 450 : p->age >= 14 ? 200 : 0))
		demo_make_phone(r, p->nat, q->phone, sizeof q->phone);
	q->consent_data = chance(r, 975);
	q->consent_share = q->consent_data && chance(r, 850);
	demo_iso_day(p->arrival, q->arrival_date);
	memcpy(q->consent_date, q->arrival_date, sizeof q->consent_date);
	char created[24];
	snprintf(created, sizeof created, "%sT%02u:%02u:%02uZ", q->arrival_date, 7 + below(r, 10),
	         below(r, 60), below(r, 60));
	snprintf(q->centre_code, sizeof q->centre_code, "%s", demo_centre_code[p->centre]);
	snprintf(q->arrival_mode, sizeof q->arrival_mode, "%s", p->mode);
	make_languages(g, p, q);
	make_documents(g, p, q);
	if (!q->consent_data) {   /* only what assistance needs, as the data layer wants */
		q->other_names[0] = q->phone[0] = '\0';
		memset(q->docs, 0, sizeof q->docs);
	}
	for (int f = 0; f < F_COUNT_; f++)
		if (p->flags & FLAG(f))
			q->flags[flag_of[f]] = true;
	enum status status = bulk_person(g->bulk, q, g->consent_by, created);
	*id = q->id;
	free(q);
	if (status == ST_OK)
		status = add_stays(g, *id, p, s);
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
		return "parent";
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
			st = bulk_family_link(g->bulk, id[a], id[b], relation(f.role[a], f.role[b]));
		}
	}
	return st;
}

/* ---- the run ------------------------------------------------------------ */

/* Checks every code of the tables above against the reference tables (the
 * inserts run without foreign keys) and finds the demo intake clerk (who
 * takes consent). */
static enum status prepare(struct gen *g)
{
	for (int i = 0; i < DEMO_NATIONS; i++)
		if (!bulk_codes_known(g->bulk, BULK_COUNTRY, demo_nations[i].iso3)
		    || !bulk_codes_known(g->bulk, BULK_LANGUAGE, demo_nations[i].langs)
		    || !bulk_codes_known(g->bulk, BULK_LANGUAGE, demo_nations[i].second))
			return ST_INTERNAL;
	for (int c = 0; c < C_COUNT_; c++)
		if (!bulk_centre_id(g->bulk, demo_centre_code[c]))
			return ST_INTERNAL;
	g->consent_by = bulk_user_id(g->bulk, "intake");
	return ST_OK;
}

static enum status generate(struct gen *g, long n, void (*progress)(long, long, void *),
                            void *ctx)
{
	/* Family sizes 2, 3, 4, 5; a unit is a family about 1 time in 19, so
	 * that some 15% of people come with family. */
	static const unsigned family_size[] = { 35, 30, 22, 13 };
	long done = 0, next_commit = PER_TRANSACTION, next_report = PROGRESS_EVERY, reported = 0;
	enum status s = prepare(g);
	while (s == ST_OK && done < n) {
		int size = chance(&g->rng, 53) ? 2 + pick_weighted(&g->rng, family_size, 4) : 1;
		if (size > n - done)
			size = (int)(n - done);
		s = size > 1 ? gen_family(g, done, n, size) : gen_single(g, done, n);
		done += size;
		if (s == ST_OK && done >= next_commit && done < n) {
			s = bulk_commit(g->bulk);
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
	if (s == ST_OK && progress && reported != n)
		progress(n, n, ctx);
	return s;
}

enum status demo_persons(struct db *db, const struct demo_options *o)
{
	if (o->persons < 0)
		return ST_INVALID;
	struct gen g;
	memset(&g, 0, sizeof g);
	g.rng.s = 0x5441494d00000000ULL ^ o->seed;
	enum status s = bulk_begin(db, &g.bulk);
	if (s != ST_OK)
		return s;
	s = generate(&g, o->persons, o->progress, o->ctx);
	if (s == ST_OK) {
		char json[48];
		snprintf(json, sizeof json, "{\"persons\": %ld}", o->persons);
		s = audit_log(db, "create", "demo_persons", 0, json);
	}
	return bulk_end(g.bulk, s);
}
