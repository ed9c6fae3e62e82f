/* Synthetic vocational training records for demo databases (see
 * demo_training.h).
 *
 * The courses are planned first (a short table: a few a year), each with
 * its own random stream (seed, course). One pass over the people and their
 * stays, 10,000 people at a time as the other generators read them, keeps
 * for each course a fair sample of the migrants staying at its centre when
 * it starts (reservoir sampling, so the sample does not depend on how many
 * there are): one of those who stay to the end, one of those who leave
 * before; officers take mostly the first. The courses are then written in order of their start, each
 * with its migrants and the community members registered for it. */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/person.h"
#include "db/audit.h"
#include "db/bulk.h"
#include "db/reflist.h"
#include "demo/demo_gen.h"
#include "demo/demo_people.h"
#include "demo/demo_training.h"

#define READ_PEOPLE 10000
#define MAX_COURSES 256
#define SAMPLE_MAX 24         /* migrants sampled per course, at most */
#define NO_DAY LONG_MIN
#define AHEAD_DAYS 45         /* courses open for enrolment this far ahead */

/* ---- what the courses are ----------------------------------------------- */

enum trade { T_JEWELLERY, T_BRICK, T_BUSINESS, T_TAILORING, T_WELDING, T_MECHANICS, T_HAIRDRESSING,
             T_AGRICULTURE, T_LITERACY, T_COUNT_ };

static const struct {
	const char *code;         /* of the reference list "training_trade" */
	const char *title;        /* the course's title before the year */
	const char *tag;          /* in certificate numbers */
	const char *provider;     /* a provider by name; NULL: the implementing partner */
	const char *certificate;
	unsigned women;           /* community members who are women, per 1000 */
	bool toolkit;             /* toolkits given at the end */
	int weeks;                /* usual length */
} trades[T_COUNT_] = {
	[T_JEWELLERY] = { "jewellery", "Bijouterie touarègue", "BIJ", "Coopérative des bijoutiers d'Agadez",
	                  "official", 150, true, 6 },
	[T_BRICK] = { "brick", "Production de briques", "BRI", "Entreprise Tafadek BTP", "official", 80, true, 4 },
	[T_BUSINESS] = { "business", "Gestion d'entreprise", "GES", "Chambre de commerce d'Agadez", "attendance", 450,
	                 false, 3 },
	[T_TAILORING] = { "tailoring", "Couture", "COU", NULL, "official", 800, true, 6 },
	[T_WELDING] = { "welding", "Soudure", "SOU", "Centre de formation aux métiers", "official", 50, true, 5 },
	[T_MECHANICS] = { "mechanics", "Mécanique deux-roues", "MEC", NULL, "official", 50, true, 5 },
	[T_HAIRDRESSING] = { "hairdressing", "Coiffure", "COI", NULL, "attendance", 850, true, 4 },
	[T_AGRICULTURE] = { "agriculture", "Maraîchage", "AGR", NULL, "attendance", 400, true, 4 },
	[T_LITERACY] = { "literacy", "Alphabétisation", "ALP", NULL, "attendance", 600, false, 6 },
};

/* Where community members live, by centre. */
static const char *const quarters_agz[] = { "Agadez, quartier Dagmanet", "Agadez, quartier Obitara",
	                                    "Agadez, quartier Sabon Gari", "Agadez, quartier Aguellal",
	                                    "Agadez, quartier Amdoulous", "Agadez, quartier Toudou",
	                                    "Agadez, quartier Katanga", "Agadez, quartier Alharaza" };
static const char *const quarters_ny[] = { "Niamey, quartier Lazaret", "Niamey, quartier Talladjé",
	                                   "Niamey, quartier Koira Kano", "Niamey, quartier Boukoki" };
static const char *const quarters_arl[] = { "Arlit, quartier Carré", "Arlit, quartier Takriza",
	                                    "Arlit, quartier Tamdja" };
static const char *const quarters_zin[] = { "Zinder, quartier Birni", "Zinder, quartier Zengou",
	                                    "Zinder, quartier Garin Malam" };

static const char *const cancel_reasons[] = { "Formateur indisponible", "Pas assez d'inscrits",
	                                      "Local en travaux" };

/* Drop-out reasons (VOCAB_TRAINING_DROPOUT) of those who leave for
 * another cause than their departure from the centre. */
static const char *const dropouts_migrant[] = { "illness", "not_interested", "work", "other" };
static const unsigned dropouts_migrant_w[] = { 35, 35, 10, 20 };
static const char *const dropouts_community[] = { "work", "illness", "not_interested", "moved_on", "other" };
static const unsigned dropouts_community_w[] = { 35, 20, 20, 10, 15 };
static const char *const followups[] = { "employed", "self_employed", "unemployed", "unreachable" };
static const unsigned followups_migrant_w[] = { 10, 25, 15, 50 };
static const unsigned followups_community_w[] = { 20, 40, 30, 10 };

/* A migrant kept for a course: their stay's end and why. */
struct slot {
	long long person;
	long departed;            /* NO_DAY while there */
	char reason[16];          /* departure reason, "" while there */
};

struct course {
	int centre;               /* enum centre */
	enum trade trade;
	long start, end;
	int capacity, reserved, hours;
	bool cancelled;
	unsigned salt;            /* its random stream */
	long long id;
	int want;                 /* migrants wanted */
	/* The samples: [0] those staying to the end, [1] those leaving before. */
	long seen[2];             /* migrants met */
	struct slot sample[2][SAMPLE_MAX];
	int nsample[2];
	long long taken[SAMPLE_MAX];   /* the migrants enrolled */
	int ntaken;
};

struct traingen {
	struct db *db;
	struct bulk *bulk;
	unsigned seed;
	long today;
	const struct nation *niger;
	long long centre_id[C_COUNT_], trade_id[T_COUNT_], partner, officer, clerk;
	struct course *courses;
	int ncourses;
	long long enrolments, community;
	/* the people being read */
	struct bulk_person_row *rows;
	int nrows, cursor;
};

static struct rng stream(unsigned seed, uint64_t a, uint64_t b)
{
	struct rng mix = { (((uint64_t)seed << 32) ^ 0x5452414eULL) ^ (a * 0xd1b54a32d192ed03ULL)
		           ^ (b * 0x9e3779b97f4a7c15ULL) };
	struct rng r = { rng_next(&mix) };
	return r;
}

/* The day of "YYYY-MM-DD" (a year or month alone: its middle), NO_DAY
 * when not a date. */
static long parse_day(const char *s)
{
	int y = 0, m = 7, d = 1;
	if (!s || sscanf(s, "%4d-%2d-%2d", &y, &m, &d) < 1 || y < 1900)
		return NO_DAY;
	if (strlen(s) == 7)
		d = 15;
	return days_from_civil(y, m, d);
}

/* ---- planning ----------------------------------------------------------- */

static void plan(struct traingen *g, int centre, enum trade t, long start, struct rng *r)
{
	if (g->ncourses == MAX_COURSES || start > g->today + AHEAD_DAYS)
		return;
	struct course *c = &g->courses[g->ncourses++];
	memset(c, 0, sizeof *c);
	c->centre = centre;
	c->trade = t;
	c->start = start;
	c->end = start + 7L * (trades[t].weeks + (int)below(r, 3) - 1) - 3;   /* ends on a Friday or so */
	bool agadez = centre == C_AGZ;
	c->capacity = agadez ? 24 + 2 * (int)below(r, 4) : 15 + (int)below(r, 6);
	c->reserved = agadez ? c->capacity / 2 : c->capacity / 3;
	c->hours = trades[t].weeks * (20 + 5 * (int)below(r, 3));
	c->cancelled = start < g->today - 30 && chance(r, 40);
	c->salt = (unsigned)g->ncourses;
	c->want = agadez ? c->capacity / 2 : c->capacity * 2 / 3;
	if (c->want > SAMPLE_MAX)
		c->want = SAMPLE_MAX;
}

/* Each year: the three trades of the domain at Agadez and often a fourth,
 * and a course now and then at Niamey, Arlit and Zinder. */
static void plan_courses(struct traingen *g)
{
	static const enum trade others[] = { T_TAILORING, T_WELDING, T_MECHANICS, T_HAIRDRESSING, T_AGRICULTURE,
		                             T_LITERACY };
	int last = demo_year_of(g->today + AHEAD_DAYS);
	for (int y = FIRST_YEAR; y <= last; y++) {
		struct rng r = stream(g->seed, 0x706c616eULL, (uint64_t)y);
		long jan = days_from_civil(y, 1, 1);
		/* Mondays near the start of a term: February, May, October. */
		long terms[3] = { jan + 35, jan + 125, jan + 275 };
		for (int k = 0; k < 3; k++)
			terms[k] -= (terms[k] + 3) % 7;   /* 1970-01-05 was a Monday */
		plan(g, C_AGZ, T_JEWELLERY, terms[0] + 7L * below(&r, 2), &r);
		plan(g, C_AGZ, T_BRICK, terms[2] + 7L * below(&r, 3), &r);
		plan(g, C_AGZ, T_BUSINESS, terms[1] + 7L * below(&r, 3), &r);
		if (chance(&r, 600))
			plan(g, C_AGZ, others[below(&r, COUNT(others))], terms[below(&r, 3)] + 14, &r);
		if (chance(&r, 500))
			plan(g, C_NY1, chance(&r, 500) ? T_MECHANICS : T_WELDING, terms[1] + 21, &r);
		if (chance(&r, 300))
			plan(g, C_ARL, T_AGRICULTURE, terms[2] + 7, &r);
		if (chance(&r, 500))
			plan(g, C_ZIN, chance(&r, 600) ? T_TAILORING : T_LITERACY, terms[0] + 28, &r);
	}
}

static int by_start(const void *a, const void *b)
{
	const struct course *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->centre - y->centre;
}

/* ---- the migrants of each course ---------------------------------------- */

static long birth_of(struct traingen *g, long long person)
{
	while (g->cursor < g->nrows && g->rows[g->cursor].id < person)
		g->cursor++;
	if (g->cursor < g->nrows && g->rows[g->cursor].id == person)
		return parse_day(g->rows[g->cursor].birth_date);
	return NO_DAY;
}

/* A stay: a candidate for the courses that start at its centre while the
 * person is there (from the first days of the course until past its first
 * week), aged 15 or more. */
static enum status take_stay(const struct bulk_stay_row *s, void *ctx)
{
	struct traingen *g = ctx;
	long admitted = parse_day(s->admitted), departed = s->departed[0] ? parse_day(s->departed) : NO_DAY;
	long birth = birth_of(g, s->person);
	if (admitted == NO_DAY)
		return ST_OK;
	for (int i = 0; i < g->ncourses; i++) {
		struct course *c = &g->courses[i];
		if (c->cancelled || c->start > g->today || s->centre != g->centre_id[c->centre]
		    || admitted > c->start + 10 || (departed != NO_DAY && departed < c->start + 5)
		    || (birth != NO_DAY && c->start - birth < 15L * 365))
			continue;
		struct rng r = stream(g->seed, 0x73616d70ULL ^ c->salt, (uint64_t)s->person);
		int k = departed != NO_DAY && departed < c->end;
		int at = -1;
		c->seen[k]++;
		if (c->nsample[k] < c->want)
			at = c->nsample[k]++;
		else if ((long)below(&r, (unsigned)(c->seen[k] > UINT_MAX ? UINT_MAX : c->seen[k])) < c->want)
			at = (int)below(&r, (unsigned)c->want);
		if (at < 0)
			continue;
		struct slot *sl = &c->sample[k][at];
		sl->person = s->person;
		sl->departed = departed;
		snprintf(sl->reason, sizeof sl->reason, "%s", s->reason);
	}
	return ST_OK;
}

static enum status people_pass(struct traingen *g, void (*progress)(long, long, void *), void *ctx)
{
	long total = bulk_person_count(g->bulk), done = 0;
	long long after = 0;
	enum status s = ST_OK;
	while (s == ST_OK) {
		int n;
		s = bulk_people(g->bulk, after, g->rows, READ_PEOPLE, &n);
		if (s != ST_OK || n == 0)
			break;
		g->nrows = n;
		g->cursor = 0;
		s = bulk_stays(g->bulk, g->rows[0].id, g->rows[n - 1].id, take_stay, g);
		after = g->rows[n - 1].id;
		done += n;
		if (s == ST_OK && progress && n == READ_PEOPLE)
			progress(done, total > done ? total : done, ctx);
	}
	if (s == ST_OK && progress)
		progress(done, total > done ? total : done, ctx);
	return s;
}

/* ---- writing ------------------------------------------------------------ */

/* True when person is enrolled in a course before c that overlaps it. */
static bool busy(const struct traingen *g, int ci, long long person)
{
	const struct course *c = &g->courses[ci];
	for (int i = ci - 1; i >= 0 && i >= ci - 12; i--) {
		const struct course *o = &g->courses[i];
		if (o->end < c->start)
			continue;
		for (int k = 0; k < o->ntaken; k++)
			if (o->taken[k] == person)
				return true;
	}
	return false;
}

/* The texts of an outcome. */
struct outcome {
	char certificate_no[48], toolkit[11], followup_date[11];
};

/* What became of trainee number serial of course c (a community member or
 * a migrant who stayed to the end): status, reason, assessment,
 * certificate, toolkit and follow-up into e, their texts in o. */
static void finish(struct traingen *g, const struct course *c, struct rng *r, bool community, int serial,
                   struct bulk_training_enrolment *e, struct outcome *o)
{
	e->status = c->end < g->today ? "completed" : "enrolled";
	if (c->start > g->today) {
		e->status = chance(r, 600) ? "selected" : "applied";
		return;
	}
	if (chance(r, community ? 120 : 80)) {
		e->status = "dropped_out";
		e->dropout_reason = community ? dropouts_community[pick_weighted(r, N(dropouts_community_w))]
		                              : dropouts_migrant[pick_weighted(r, N(dropouts_migrant_w))];
		return;
	}
	if (c->end >= g->today)
		return;
	bool passed = chance(r, 920);
	e->assessment = passed ? "passed" : "failed";
	if (passed && strcmp(trades[c->trade].certificate, "none") != 0) {
		e->status = "certified";
		if (strcmp(trades[c->trade].certificate, "official") == 0) {
			snprintf(o->certificate_no, sizeof o->certificate_no, "%s-%d-%s-%03d", demo_centre_code[c->centre],
			         demo_year_of(c->start), trades[c->trade].tag, serial);
			e->certificate_no = o->certificate_no;
		}
	}
	if (trades[c->trade].toolkit && passed && chance(r, 800)) {
		long day = c->end + (long)below(r, 10);
		demo_iso_day(day < g->today ? day : g->today, o->toolkit);
		e->toolkit_date = o->toolkit;
	}
	if (c->end + 90 <= g->today && chance(r, 850)) {
		long day = c->end + 90 + (long)below(r, 21);
		demo_iso_day(day < g->today ? day : g->today, o->followup_date);
		e->followup_date = o->followup_date;
		e->followup = followups[pick_weighted(r, community ? followups_community_w : followups_migrant_w, 4)];
	}
}

static enum status enrol_migrants(struct traingen *g, int ci, struct rng *r, int *serial)
{
	struct course *c = &g->courses[ci];
	enum status s = ST_OK;
	/* Those leaving before the end: a quarter of the places wanted at
	 * most; then those who stay. */
	int leave = c->want / 4;
	if (leave > c->nsample[1])
		leave = c->nsample[1];
	int stay = c->want - leave < c->nsample[0] ? c->want - leave : c->nsample[0];
	for (int k = 0; s == ST_OK && k < leave + stay; k++) {
		const struct slot *sl = k < leave ? &c->sample[1][k] : &c->sample[0][k - leave];
		if (busy(g, ci, sl->person))
			continue;
		struct bulk_training_enrolment e = { .course = c->id, .person = sl->person, .enrolled_by = g->officer };
		struct outcome o = { "", "", "" };
		long stop = c->end < g->today ? c->end : g->today;
		if (sl->departed != NO_DAY && sl->departed < stop) {
			/* Gone before the end: on assisted return, or moved on. */
			e.status = "dropped_out";
			e.dropout_reason = strcmp(sl->reason, "avr") == 0 ? "returned"
			                   : strcmp(sl->reason, "referred") == 0 ? "other" : "moved_on";
		} else {
			finish(g, c, r, false, ++*serial, &e, &o);
		}
		c->taken[c->ntaken++] = sl->person;
		s = bulk_training_enrolment(g->bulk, &e);
		g->enrolments++;
	}
	return s;
}

/* A community member registered for course c a few weeks before it. */
static enum status register_member(struct traingen *g, const struct course *c, struct rng *r, long long *id)
{
	struct person_gen pg;
	memset(&pg, 0, sizeof pg);
	pg.nat = g->niger;
	pg.strand = demo_pick_strand(r, pg.nat);
	pg.sex = chance(r, trades[c->trade].women) ? 'f' : 'm';
	pg.age = chance(r, 850) ? 16 + (int)below(r, 20) : 36 + (int)below(r, 15);
	demo_make_names(r, &pg, NULL);
	struct person *p = calloc(1, sizeof *p);
	if (!p)
		return ST_NOMEM;
	long day = c->start - 7 - (long)below(r, 28);
	if (day > g->today)
		day = g->today;
	snprintf(p->family_name, sizeof p->family_name, "%s", pg.family.text);
	snprintf(p->given_names, sizeof p->given_names, "%s", pg.given_names);
	p->sex = pg.sex;
	int estimated;
	demo_make_birth(r, day, pg.age, p->birth_date, &estimated);
	p->birth_estimated = estimated != 0;
	if (chance(r, 700))
		demo_make_phone(r, pg.nat, p->phone, sizeof p->phone);
	const char *const *quarters = quarters_agz;
	unsigned nq = COUNT(quarters_agz);
	if (c->centre == C_NY1 || c->centre == C_NY2 || c->centre == C_NY3)
		quarters = quarters_ny, nq = COUNT(quarters_ny);
	else if (c->centre == C_ARL)
		quarters = quarters_arl, nq = COUNT(quarters_arl);
	else if (c->centre == C_ZIN)
		quarters = quarters_zin, nq = COUNT(quarters_zin);
	snprintf(p->locality, sizeof p->locality, "%s", quarters[below(r, nq)]);
	/* As community_register writes them: the registration day in the
	 * arrival columns, mode "other", no stay. */
	snprintf(p->kind, sizeof p->kind, "community");
	demo_iso_day(day, p->arrival_date);
	memcpy(p->community_since, p->arrival_date, sizeof p->community_since);
	memcpy(p->consent_date, p->arrival_date, sizeof p->consent_date);
	snprintf(p->arrival_mode, sizeof p->arrival_mode, "other");
	snprintf(p->centre_code, sizeof p->centre_code, "%s", demo_centre_code[c->centre]);
	p->consent_data = true;
	p->consent_share = chance(r, 800);
	char created[24];
	snprintf(created, sizeof created, "%sT%02u:%02u:%02uZ", p->arrival_date, 8 + below(r, 8), below(r, 60),
	         below(r, 60));
	enum status s = bulk_person(g->bulk, p, g->clerk, created);
	*id = p->id;
	free(p);
	return s;
}

static enum status enrol_community(struct traingen *g, int ci, struct rng *r, int *serial)
{
	struct course *c = &g->courses[ci];
	/* About as many as the migrants, within the places. */
	int n = c->ntaken + (int)below(r, 3) - 1, floor = 2;
	if (n < floor)
		n = floor;
	if (n > c->capacity - c->ntaken)
		n = c->capacity - c->ntaken;
	if (c->start > g->today)
		n = c->reserved + (int)below(r, 4);   /* applicants of a course to come */
	enum status s = ST_OK;
	for (int k = 0; s == ST_OK && k < n; k++) {
		long long id;
		s = register_member(g, c, r, &id);
		if (s != ST_OK)
			break;
		g->community++;
		struct bulk_training_enrolment e = { .course = c->id, .person = id, .enrolled_by = g->officer };
		struct outcome o = { "", "", "" };
		finish(g, c, r, true, ++*serial, &e, &o);
		s = bulk_training_enrolment(g->bulk, &e);
		g->enrolments++;
	}
	/* At Agadez, a few not selected for lack of places. */
	for (int k = 0; s == ST_OK && c->centre == C_AGZ && c->start <= g->today && k < (int)below(r, 3); k++) {
		long long id;
		s = register_member(g, c, r, &id);
		if (s != ST_OK)
			break;
		g->community++;
		struct bulk_training_enrolment e = { .course = c->id, .person = id, .enrolled_by = g->officer,
			                             .status = "not_selected" };
		s = bulk_training_enrolment(g->bulk, &e);
		g->enrolments++;
	}
	return s;
}

static enum status write_course(struct traingen *g, int ci)
{
	struct course *c = &g->courses[ci];
	struct rng r = stream(g->seed, 0x636f7572ULL, c->salt);
	char title[96], start[11], end[11];
	snprintf(title, sizeof title, "%s %d", trades[c->trade].title, demo_year_of(c->start));
	demo_iso_day(c->start, start);
	demo_iso_day(c->end, end);
	const char *status = c->cancelled ? "cancelled" : c->end < g->today ? "completed"
	                                                : c->start <= g->today ? "running" : "open";
	struct bulk_training_course bc = {
		.id = c->id, .centre = g->centre_id[c->centre], .trade = g->trade_id[c->trade],
		.provider = trades[c->trade].provider ? 0 : g->partner,
		.created_by = g->officer, .title = title, .provider_name = trades[c->trade].provider,
		.start_date = start, .end_date = end, .certificate = trades[c->trade].certificate, .status = status,
		.cancel_reason = c->cancelled ? cancel_reasons[below(&r, COUNT(cancel_reasons))] : "",
		.hours = c->hours, .capacity = c->capacity, .reserved_community = c->reserved,
	};
	enum status s = bulk_training_course(g->bulk, &bc);
	if (s != ST_OK || c->cancelled)
		return s;
	int serial = 0;
	s = enrol_migrants(g, ci, &r, &serial);
	if (s == ST_OK)
		s = enrol_community(g, ci, &r, &serial);
	return s;
}

/* The day the records end: the last day of the stays, or today if earlier. */
static long last_day(struct traingen *g)
{
	long today = (long)(clock_now() / 86400);
	char last[11];
	bulk_last_stay_day(g->bulk, last);
	long end = parse_day(last);
	return end != NO_DAY && end < today ? end : today;
}

static enum status generate(struct traingen *g, const struct demo_options *o)
{
	g->today = last_day(g);
	g->officer = bulk_user_id(g->bulk, "training");
	g->clerk = bulk_user_id(g->bulk, "intake");
	for (int i = 0; i < DEMO_NATIONS && !g->niger; i++)
		if (strcmp(demo_nations[i].iso3, "NER") == 0)
			g->niger = &demo_nations[i];
	if (!g->niger || !(g->partner = bulk_ref_item_id(g->bulk, REFLIST_PARTNER, "implementing_ngo")))
		return ST_INTERNAL;
	for (int t = 0; t < T_COUNT_; t++)
		if (!(g->trade_id[t] = bulk_ref_item_id(g->bulk, REFLIST_TRAINING_TRADE, trades[t].code)))
			return ST_INTERNAL;
	for (int c = 0; c < C_COUNT_; c++)
		if (!(g->centre_id[c] = bulk_centre_id(g->bulk, demo_centre_code[c])))
			return ST_INTERNAL;
	long long first = bulk_training_first_id(g->bulk);
	if (first <= 0)
		return ST_INTERNAL;
	plan_courses(g);
	qsort(g->courses, (size_t)g->ncourses, sizeof *g->courses, by_start);
	for (int i = 0; i < g->ncourses; i++)
		g->courses[i].id = first + i;
	enum status s = people_pass(g, o->progress, o->ctx);
	for (int i = 0; s == ST_OK && i < g->ncourses; i++)
		s = write_course(g, i);
	if (s == ST_OK) {
		char json[160];
		snprintf(json, sizeof json, "{\"courses\": %d, \"enrolments\": %lld, \"community_members\": %lld}",
		         g->ncourses, g->enrolments, g->community);
		s = audit_log(g->db, "create", "demo_training", 0, json);
	}
	return s;
}

enum status demo_training(struct db *db, const struct demo_options *o)
{
	struct traingen *g = calloc(1, sizeof *g);
	if (!g)
		return ST_NOMEM;
	g->db = db;
	g->seed = o->seed;
	g->rows = calloc(READ_PEOPLE, sizeof *g->rows);
	g->courses = calloc(MAX_COURSES, sizeof *g->courses);
	enum status s = g->rows && g->courses ? bulk_begin(db, &g->bulk) : ST_NOMEM;
	if (s == ST_OK) {
		s = generate(g, o);
		s = bulk_end(g->bulk, s);
	}
	free(g->rows);
	free(g->courses);
	free(g);
	return s;
}
