/* Synthetic medical records for demo databases: consultations (with
 * referrals and follow-up dates), medical cases (with antenatal visits for
 * pregnancies) and fitness to travel, for the people already there.
 *
 * Each person's records come from a splitmix64 stream of their own, seeded
 * from the caller's seed and the person's id, so that the same seed gives
 * the same records for the same people. The calendar ends on the last day
 * of the stays (the demo people's "today"), or on the real today if that
 * is earlier, never on the clock alone: a database made next month gets the
 * same records, and none is ever in the future.
 *
 * People are read 10,000 at a time in id order with their stays; their rows
 * go to the data layer's bulk writer (db/bulk.h), committed about every
 * 50,000 rows. Nothing else is kept in memory. */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/clock.h"
#include "db/audit.h"
#include "db/bulk.h"
#include "db/medical.h"
#include "demo/demo_gen.h"
#include "demo/demo_medical.h"
#include "demo/demo_medical_data.h"

/* The generator's reasons and conditions are enum med_reason's and enum
 * med_condition's, in their order (the code lists of core/vocab.c). */
_Static_assert((int)R_COUNT_ == (int)REASON_COUNT_ && (int)R_OTHER == (int)REASON_OTHER, "demo reasons");
_Static_assert((int)C_COUNT_ == (int)COND_COUNT_ && (int)C_TB == (int)COND_TUBERCULOSIS, "demo conditions");

#define READ_PEOPLE 10000     /* people read at a time (and progress step) */
#define COMMIT_ROWS 50000L    /* rows per transaction, about */
#define MAX_SPANS 16          /* stays of one person looked at */

/* The stream of one person: the seed and the id, well mixed, so that
 * neighbouring ids get unrelated streams. */
static struct rng person_rng(unsigned seed, long long id)
{
	struct rng mix = { (((uint64_t)seed << 32) ^ 0x4d454449ULL) ^ ((uint64_t)id * 0xd1b54a32d192ed03ULL) };
	struct rng r = { rng_next(&mix) };
	return r;
}

/* ---- calendar ----------------------------------------------------------- */



/* Writes v as n digits at out. */
static void put_digits(char *out, int v, int n)
{
	for (int i = n - 1; i >= 0; i--) {
		out[i] = (char)('0' + v % 10);
		v /= 10;
	}
}

/* "YYYY-MM-DD" of day z (5 million of them: no snprintf). */
static void iso_day(long z, char out[11])
{
	int y, m, d;
	civil_from_days(z, &y, &m, &d);
	put_digits(out, y, 4);
	out[4] = '-';
	put_digits(out + 5, m, 2);
	out[7] = '-';
	put_digits(out + 8, d, 2);
	out[10] = '\0';
}

static int month_of(long z)
{
	int y, m, d;
	civil_from_days(z, &y, &m, &d);
	return m;
}

/* The number made of n digits at s, or -1. */
static int digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* Not a day (days before 1970 are negative). */
#define NO_DAY LONG_MIN

/* The day of an ISO date "YYYY-MM-DD"; a partial one ("YYYY", "YYYY-MM")
 * stands for the middle of its year or month. NO_DAY for NULL or a
 * malformed date. */
static long parse_day(const char *s)
{
	if (!s)
		return NO_DAY;
	size_t len = strlen(s);
	int y = len >= 4 ? digits(s, 4) : -1;
	int m = len >= 7 && s[4] == '-' ? digits(s + 5, 2) : 0;
	int d = len >= 10 && s[7] == '-' ? digits(s + 8, 2) : 0;
	if (y < 1900 || m < 0 || m > 12 || d < 0 || d > 31)
		return NO_DAY;
	if (m == 0)
		return days_from_civil(y, 7, 1);
	return days_from_civil(y, m, d ? d : 15);
}

/* ---- writing ------------------------------------------------------------ */

/* Rows go through the data layer's bulk writer (db/bulk.h). */

struct consult_row {
	long long person, centre;
	const char *reason, *diagnosis, *treatment;
	const char *referral_to, *referral_why, *referral_status;   /* "", "", NULL: none */
	char date[11], followup[11];     /* followup "" when none */
	char created[21];
	char text[160];                  /* a diagnosis made here ("Contrôle : ...") */
};

struct case_row {
	long long person, centre;
	const char *condition, *outcome, *notes;
	char opened[11], closed[11], expected[11];   /* "" for NULL */
	char text[64];                   /* notes made here */
};

/* A stay of one person, as far as the records go (to today at most). */
struct span {
	long admitted, end;          /* end: departure, or today while there */
	bool departed, avr;
	long long centre;
	enum town town;
};

struct person_in {
	long long id;
	char sex;
	long birth;                  /* day, NO_DAY when unknown */
	int first_stay, nstays;      /* in medgen.stays */
};

struct stay_in {
	long long centre;
	long admitted, departed;     /* departed NO_DAY while there */
	bool avr;
};

/* What the generator carries from person to person. */
struct medgen {
	struct db *db;
	struct bulk *bulk;
	unsigned seed;
	long today;
	long long clinician;         /* the demo 'medical' account, 0 when none */
	long tx_rows;                /* rows in the open transaction */
	struct bulk_person_row rows[READ_PEOPLE];
	struct person_in people[READ_PEOPLE];
	int npeople;
	int cursor;                  /* the person whose stays are being read */
	struct stay_in *stays;
	int nstays, stays_cap;
};

static enum status write_consult(struct medgen *g, const struct consult_row *r)
{
	const struct bulk_consultation c = {
		.person = r->person, .centre = r->centre, .clinician = g->clinician,
		.date = r->date, .reason = r->reason, .diagnosis = r->diagnosis,
		.treatment = r->treatment, .referral_to = r->referral_to,
		.referral_why = r->referral_why, .referral_status = r->referral_status,
		.next_followup = r->followup, .created_at = r->created,
	};
	g->tx_rows++;
	return bulk_consultation(g->bulk, &c);
}

static enum status write_case(struct medgen *g, const struct case_row *r, long long *id)
{
	const struct bulk_medical_case c = {
		.person = r->person, .centre = r->centre, .condition = r->condition,
		.opened = r->opened, .closed = r->closed, .outcome = r->outcome,
		.expected_delivery = r->expected, .notes = r->notes,
	};
	g->tx_rows++;
	return bulk_medical_case(g->bulk, &c, id);
}

/* ---- one person --------------------------------------------------------- */

/* Age in whole years on day `on`; unknown birth dates count as adults. */
static int age_on(const struct person_in *p, long on)
{
	return p->birth == NO_DAY ? 30 : (int)((on - p->birth) * 4 / 1461);
}

/* An entry of list for someone aged age, drawn among those for that age
 * (the first entry when none is). */
static const struct entry *pick_entry(struct rng *r, const struct entry *list, int n, int age)
{
	unsigned w[16], total = 0;
	if (n > 16)
		n = 16;
	for (int i = 0; i < n; i++) {
		bool fits = list[i].who == ANYONE || (list[i].who == CHILD) == (age < 15);
		w[i] = fits ? list[i].weight : 0;
		total += w[i];
	}
	return total ? &list[pick_weighted(r, w, n)] : &list[0];
}

/* The medical case of a person, if any, as planned. */
struct med_case {
	bool on;
	enum cond cond;
	int span;                    /* the stay it is followed in */
	long opened, closed;         /* closed NO_DAY while open */
	long expected;               /* pregnancy: expected delivery */
	const struct entry *open;
};

/* Everything about the person being made. */
struct person_gen {
	const struct person_in *p;
	struct rng r;
	struct span span[MAX_SPANS];
	int nspans;
	struct med_case c;
};

/* The condition of a case for someone aged age (not pregnancy). */
static enum cond pick_condition(struct rng *r, int age)
{
	unsigned w[C_COUNT_] = { 0 };
	w[C_CHRONIC] = age < 15 ? 8 : age >= 40 ? 60 : 30;
	w[C_INJURY] = 20;
	w[C_DISABILITY] = 6;
	w[C_TB] = age < 15 ? 2 : 9;
	w[C_HIV] = age < 15 ? 1 : 8;
	w[C_MALNUTRITION] = age < 5 ? 120 : age < 15 ? 20 : 0;
	w[C_MENTAL] = age < 12 ? 4 : 15;
	w[C_OTHER] = 6;
	return (enum cond)pick_weighted(r, w, C_COUNT_);
}

/* Pregnancy cases per 1,000 women of 15 to 45, and other cases per 1,000
 * people: about 1 person in 40 in all. */
#define PREGNANCY_PM 40
#define CASE_PM 17

static enum status add_visits(struct medgen *g, struct person_gen *pg, long long case_id)
{
	const struct med_case *c = &pg->c;
	const struct span *sp = &pg->span[c->span];
	long last = c->closed != NO_DAY ? c->closed : sp->end;
	if (last > c->expected)
		last = c->expected;
	enum status s = ST_OK;
	int k = 0;
	for (long d = c->opened; d <= last && k < 9 && s == ST_OK; k++) {
		char date[11];
		iso_day(d, date);
		g->tx_rows++;
		s = bulk_antenatal_visit(g->bulk, case_id, date,
		                         k < 4 ? demo_antenatal_notes[k] : demo_antenatal_later);
		d += 28 + (long)below(&pg->r, 8);
	}
	return s;
}

/* Decides the case of a person, if any, and writes it. */
static enum status plan_case(struct medgen *g, struct person_gen *pg)
{
	struct rng *r = &pg->r;
	struct med_case *c = &pg->c;
	const struct span *first = &pg->span[0];
	int age = age_on(pg->p, first->admitted);
	memset(c, 0, sizeof *c);
	if (pg->p->sex == 'f' && age >= 15 && age <= 45 && chance(r, PREGNANCY_PM)) {
		c->cond = C_PREGNANCY;
	} else if (chance(r, CASE_PM)) {
		c->cond = pick_condition(r, age);
	} else {
		return ST_OK;
	}
	c->on = true;
	/* Most cases are found at the first consultations of a stay. */
	c->span = pg->nspans > 1 && chance(r, 300) ? 1 + (int)below(r, (unsigned)pg->nspans - 1) : 0;
	const struct span *sp = &pg->span[c->span];
	unsigned days = (unsigned)(sp->end - sp->admitted + 1);
	c->opened = sp->admitted + (long)below(r, chance(r, 600) && days > 7 ? 7 : days);
	c->open = pick_entry(r, demo_conditions[c->cond].open, demo_conditions[c->cond].nopen, age);

	struct case_row case_buf, *row = &case_buf;
	row->person = pg->p->id;
	row->centre = sp->centre;
	row->condition = med_condition_name((enum med_condition)c->cond);
	row->notes = c->open->notes ? c->open->notes : "";
	row->outcome = "";
	row->expected[0] = '\0';
	iso_day(c->opened, row->opened);

	long over = NO_DAY;
	if (c->cond == C_PREGNANCY) {
		int weeks = 8 + (int)below(r, 27);
		c->expected = c->opened + 280 - weeks * 7 - (long)below(r, 7);
		iso_day(c->expected, row->expected);
		snprintf(row->text, sizeof row->text, "Grossesse de %d SA à l'ouverture", weeks);
		row->notes = row->text;
		if (weeks < 14 && chance(r, 80)) {
			over = c->opened + 5 + (long)below(r, 30);
			row->outcome = "Fausse couche";
		} else {
			over = c->expected - 10 + (long)below(r, 17);
			unsigned u = below(r, 100);
			row->outcome = u < 80 ? "Accouchement normal, mère et enfant en bonne santé"
			               : u < 92 ? "Accouchement par césarienne"
			               : "Accouchement, nouveau-né transféré en néonatologie";
		}
	} else if (demo_conditions[c->cond].min_days > 0) {
		over = c->opened + demo_conditions[c->cond].min_days
		       + (long)below(r, (unsigned)demo_conditions[c->cond].spread + 1);
		row->outcome = demo_conditions[c->cond].over;
	}
	if (over != NO_DAY && over <= sp->end) {
		c->closed = over;
	} else if (sp->departed) {
		c->closed = sp->end;
		row->outcome = demo_conditions[c->cond].departed;
	} else {
		c->closed = NO_DAY;
		row->outcome = "";
	}
	if (c->closed != NO_DAY)
		iso_day(c->closed, row->closed);
	else
		row->closed[0] = '\0';
	long long id;
	enum status s = write_case(g, row, &id);
	if (s == ST_OK && c->cond == C_PREGNANCY)
		s = add_visits(g, pg, id);
	return s;
}

/* True when day d of stay k falls while the case is followed. */
static bool in_case(const struct med_case *c, int k, long d)
{
	return c->on && c->span == k && d >= c->opened && (c->closed == NO_DAY || d <= c->closed);
}

/* The reason of a consultation of someone aged age, in month `month`, at
 * a centre in town: fevers in the rains (July to October), coughs in the
 * cold dry months, injuries and heat on the desert route. */
static enum reason pick_reason(struct rng *r, const struct person_gen *pg, int age, int month,
                               enum town town, bool pregnant)
{
	unsigned w[R_COUNT_];
	if (age < 5) {
		const unsigned base[R_COUNT_] = { 30, 22, 28, 9, 2, 0, 0, 0, 9 };
		memcpy(w, base, sizeof w);
	} else if (age < 15) {
		const unsigned base[R_COUNT_] = { 25, 12, 28, 15, 7, 0, 3, 1, 9 };
		memcpy(w, base, sizeof w);
	} else {
		const unsigned base[R_COUNT_] = { 22, 9, 26, 12, 9, 0, 4, 3, 10 };
		memcpy(w, base, sizeof w);
		if (age >= 50)
			w[R_CHRONIC] = 16;
		if (pg->p->sex == 'f' && age <= 45)
			w[R_PREGNANCY] = pregnant ? 120 : 25;
	}
	if (month >= 7 && month <= 10) {
		w[R_MALARIA] *= 2;
		w[R_DIARRHOEA] = w[R_DIARRHOEA] * 3 / 2;
	} else if (month == 12 || month <= 2) {
		w[R_RESPIRATORY] = w[R_RESPIRATORY] * 3 / 2;
	}
	if (town == T_AGADEZ || town == T_ARLIT || town == T_DIRKOU) {
		w[R_INJURY] += 4;
		w[R_SKIN] += 2;
	}
	return (enum reason)pick_weighted(r, w, R_COUNT_);
}

/* Why and where an entry's patient is referred. */
static void refer(struct rng *r, const struct entry *e, enum reason reason, enum town town,
                  struct consult_row *row)
{
	static const char *const default_why[R_COUNT_] = {
		"Radiographie pulmonaire", "Bilan biologique", "Paludisme grave", "Avis dermatologique",
		"Radiographie", "Échographie obstétricale", "Évaluation psychiatrique",
		"Avis spécialisé", "Avis spécialisé",
	};
	const char *const *places = demo_refer_to[town][e->place];
	row->referral_to = places[1] && chance(r, 400) ? places[1] : places[0];
	row->referral_why = e->why ? e->why : default_why[reason];
}

enum visit { V_ADMISSION, V_CASE, V_RETURN, V_ILL };

/* Adds one consultation of stay k on day d. A return visit planned
 * (*pending, NO_DAY for none, for the entry *last) is kept until its day, or
 * until a later consultation plans another. */
static enum status consult(struct medgen *g, struct person_gen *pg, int k, long d,
                           enum visit kind, long *pending, const struct entry **last,
                           enum reason *last_reason)
{
	struct rng *r = &pg->r;
	const struct span *sp = &pg->span[k];
	struct consult_row consult_buf, *row = &consult_buf;
	int age = age_on(pg->p, d);
	bool case_day = in_case(&pg->c, k, d);
	const struct entry *e;
	enum reason reason;
	unsigned followup;
	int fu_days;

	switch (kind) {
	case V_CASE:
		e = pg->c.open;
		reason = demo_conditions[pg->c.cond].reason;
		break;
	case V_RETURN:
		e = *last;
		reason = *last_reason;
		break;
	default:
		if (kind == V_ADMISSION && chance(r, 350)) {
			e = &demo_admission;
			reason = R_OTHER;
		} else {
			bool pregnant = case_day && pg->c.cond == C_PREGNANCY;
			reason = case_day && chance(r, 350) ? demo_conditions[pg->c.cond].reason
			         : pick_reason(r, pg, age, month_of(d), sp->town, pregnant);
			e = pick_entry(r, demo_reasons[reason].list, demo_reasons[reason].n, age);
		}
		break;
	}
	if (case_day) {
		followup = kind == V_CASE ? 800 : 500;
		fu_days = demo_conditions[pg->c.cond].fu_days;
		fu_days += (int)below(r, (unsigned)fu_days / 4 + 1);
	} else {
		followup = demo_reasons[reason].followup / (kind == V_RETURN ? 2 : 1);
		fu_days = demo_reasons[reason].fu_min + (int)below(r, (unsigned)demo_reasons[reason].fu_spread + 1);
	}
	/* People still there, seen in the last two weeks, are more often given
	 * their next appointment: the follow-up list of the demo is not empty. */
	if (!sp->departed && d > g->today - 14)
		followup = followup * 3 > 1000 ? 1000 : followup * 3;

	row->person = pg->p->id;
	row->centre = sp->centre;
	row->reason = med_reason_name((enum med_reason)reason);
	if (kind == V_RETURN) {
		snprintf(row->text, sizeof row->text, "Contrôle : %s", e->diagnosis);
		row->diagnosis = row->text;
		bool long_term = reason == R_CHRONIC
		                 || (case_day && reason == demo_conditions[pg->c.cond].reason);
		row->treatment = long_term ? demo_return_chronic
		                 : demo_return_treatment[below(r, (unsigned)DEMO_RETURN_TREATMENTS)];
	} else {
		row->diagnosis = e->diagnosis;
		row->treatment = e->treatment;
	}
	iso_day(d, row->date);
	/* Entered during the day, Niamey time (UTC+1): 08:00 to 17:59. */
	memcpy(row->created, row->date, 10);
	row->created[10] = 'T';
	put_digits(row->created + 11, 7 + (int)below(r, 10), 2);
	row->created[13] = ':';
	put_digits(row->created + 14, (int)below(r, 60), 2);
	row->created[16] = ':';
	put_digits(row->created + 17, (int)below(r, 60), 2);
	row->created[19] = 'Z';
	row->created[20] = '\0';

	row->referral_to = "";
	row->referral_why = "";
	row->referral_status = NULL;
	if (chance(r, kind == V_RETURN ? e->refer / 4 : e->refer)) {
		refer(r, e, reason, sp->town, row);
		/* Recent referrals are still waiting for news. */
		row->referral_status = d > g->today - 7 || chance(r, 40) ? "sent"
		                       : chance(r, 800) ? "attended" : "not_attended";
	}

	row->followup[0] = '\0';
	if (kind == V_RETURN)
		*pending = NO_DAY;
	if (chance(r, followup)) {
		long due = d + fu_days;
		iso_day(due, row->followup);
		/* Most come back on the day if still there; the others are the
		 * overdue follow-ups of the list. */
		if (due <= sp->end && chance(r, 750)) {
			*pending = due;
			*last = e;
			*last_reason = reason;
		}
	}
	return write_consult(g, row);
}

/* Spontaneous consultations per 1,000 days of stay: more in the first days
 * (people arrive ill or hurt), more for small children and older people. */
static unsigned daily_rate(int age, long day_of_stay)
{
	unsigned rate = day_of_stay < 7 ? 180 : 90;
	if (age < 5 || age >= 60)
		rate = rate * 3 / 2;
	return rate;
}

static enum status consultations(struct medgen *g, struct person_gen *pg)
{
	enum status s = ST_OK;
	for (int k = 0; k < pg->nspans && s == ST_OK; k++) {
		const struct span *sp = &pg->span[k];
		long pending = NO_DAY;
		const struct entry *last = &demo_admission;
		enum reason last_reason = R_OTHER;
		int age = age_on(pg->p, sp->admitted);
		for (long d = sp->admitted; d <= sp->end && s == ST_OK; d++) {
			enum visit kind;
			if (pg->c.on && pg->c.span == k && d == pg->c.opened)
				kind = V_CASE;
			else if (d == pending)
				kind = V_RETURN;
			else if (d == sp->admitted)
				kind = V_ADMISSION;
			else
				kind = V_ILL;
			if (kind == V_ADMISSION && !chance(&pg->r, 800))
				continue;
			if (kind == V_ILL && !chance(&pg->r, daily_rate(age, d - sp->admitted)))
				continue;
			s = consult(g, pg, k, d, kind, &pending, &last, &last_reason);
		}
	}
	return s;
}

static enum status add_fitness(struct medgen *g, long long person, long d, const char *status)
{
	char date[11];
	iso_day(d, date);
	g->tx_rows++;
	return bulk_fitness(g->bulk, person, date, status, g->clinician);
}

/* Fitness to travel: checked a few days before most assisted returns (a
 * few found unfit first), and for some of the people still waiting. */
static enum status fitness(struct medgen *g, struct person_gen *pg)
{
	struct rng *r = &pg->r;
	enum status s = ST_OK;
	for (int k = 0; k < pg->nspans && s == ST_OK; k++) {
		const struct span *sp = &pg->span[k];
		bool frail = in_case(&pg->c, k, sp->end) && pg->c.cond != C_INJURY;
		long d;
		if (sp->departed && sp->avr && chance(r, 850)) {
			d = sp->end - (long)below(r, 4);
			if (d < sp->admitted)
				d = sp->admitted;
			if (d - 5 > sp->admitted && chance(r, 30))
				s = add_fitness(g, pg->p->id, d - 3 - (long)below(r, 3), "not_fit");
			if (s == ST_OK)
				s = add_fitness(g, pg->p->id, d, chance(r, frail ? 450 : 60) ? "fit_escort" : "fit");
		} else if (!sp->departed && sp->end - sp->admitted >= 7 && chance(r, 120)) {
			d = sp->end - (long)below(r, 7);
			unsigned u = below(r, 1000);
			s = add_fitness(g, pg->p->id, d, u < (frail ? 300u : 40u) ? "not_fit"
			                : u < (frail ? 700u : 120u) ? "fit_escort" : "fit");
		}
	}
	return s;
}

/* The centre of id: its town. */
static enum town centre_town(const struct medgen *g, long long id)
{
	const char *code = bulk_centre_code(g->bulk, id);
	return code[0] ? demo_town_of(code) : T_NIAMEY;
}

static enum status gen_person(struct medgen *g, const struct person_in *p)
{
	struct person_gen pg;
	pg.p = p;
	pg.r = person_rng(g->seed, p->id);
	pg.nspans = 0;
	pg.c.on = false;
	for (int i = 0; i < p->nstays && pg.nspans < MAX_SPANS; i++) {
		const struct stay_in *st = &g->stays[p->first_stay + i];
		if (st->admitted == NO_DAY || st->admitted > g->today)
			continue;
		struct span *sp = &pg.span[pg.nspans++];
		sp->admitted = st->admitted;
		sp->departed = st->departed != NO_DAY && st->departed <= g->today;
		sp->end = sp->departed ? st->departed : g->today;
		sp->avr = st->avr;
		sp->centre = st->centre;
		sp->town = centre_town(g, st->centre);
	}
	if (pg.nspans == 0)
		return ST_OK;
	enum status s = plan_case(g, &pg);
	if (s == ST_OK)
		s = consultations(g, &pg);
	if (s == ST_OK)
		s = fitness(g, &pg);
	return s;
}

/* ---- the run ------------------------------------------------------------ */

/* Takes one stay of the people being read. */
static enum status take_stay(const struct bulk_stay_row *r, void *ctx)
{
	struct medgen *g = ctx;
	/* Stays come by person, in the people's order. */
	while (g->cursor < g->npeople && g->people[g->cursor].id < r->person)
		g->cursor++;
	int i = g->cursor;
	if (i == g->npeople || g->people[i].id != r->person)
		return ST_OK;
	if (g->nstays == g->stays_cap) {
		int cap = g->stays_cap ? g->stays_cap * 2 : 2 * READ_PEOPLE;
		struct stay_in *more = realloc(g->stays, (size_t)cap * sizeof *more);
		if (!more)
			return ST_NOMEM;
		g->stays = more;
		g->stays_cap = cap;
	}
	if (g->people[i].nstays == 0)
		g->people[i].first_stay = g->nstays;
	g->people[i].nstays++;
	struct stay_in *stay = &g->stays[g->nstays++];
	stay->centre = r->centre;
	stay->admitted = parse_day(r->admitted);
	stay->departed = parse_day(r->departed[0] ? r->departed : NULL);
	stay->avr = strcmp(r->reason, "avr") == 0;
	return ST_OK;
}

/* Reads the next people after *after (at most READ_PEOPLE) with their
 * stays; *count gets how many. */
static enum status read_people(struct medgen *g, long long *after, int *count)
{
	int n;
	enum status s = bulk_people(g->bulk, *after, g->rows, READ_PEOPLE, &n);
	*count = 0;
	g->nstays = 0;
	g->npeople = 0;
	g->cursor = 0;
	if (s != ST_OK || n == 0)
		return s;
	for (int i = 0; i < n; i++) {
		struct person_in *p = &g->people[i];
		p->id = g->rows[i].id;
		p->sex = g->rows[i].sex;
		p->birth = parse_day(g->rows[i].birth_date[0] ? g->rows[i].birth_date : NULL);
		p->first_stay = 0;
		p->nstays = 0;
	}
	g->npeople = n;
	*count = n;
	*after = g->people[n - 1].id;
	return bulk_stays(g->bulk, g->people[0].id, g->people[n - 1].id, take_stay, g);
}

/* The day the records end: the last day of the stays (departures and
 * admissions), or today (UTC) if earlier. */
static long last_day(struct medgen *g)
{
	long today = (long)(clock_now() / 86400);
	char last[11];
	bulk_last_stay_day(g->bulk, last);
	long end = parse_day(last[0] ? last : NULL);
	return end != NO_DAY && end < today ? end : today;
}

static enum status generate(struct medgen *g, void (*progress)(long, long, void *), void *ctx)
{
	long total = bulk_person_count(g->bulk), done = 0;
	long long after = 0;
	g->clinician = bulk_user_id(g->bulk, "medical");
	g->today = last_day(g);
	enum status s = ST_OK;
	while (s == ST_OK) {
		int n;
		s = read_people(g, &after, &n);
		if (s != ST_OK || n == 0)
			break;
		for (int i = 0; i < n && s == ST_OK; i++) {
			s = gen_person(g, &g->people[i]);
			if (s == ST_OK && g->tx_rows >= COMMIT_ROWS) {
				s = bulk_commit(g->bulk);
				g->tx_rows = 0;
			}
		}
		done += n;
		if (s == ST_OK && progress && n == READ_PEOPLE)
			progress(done, total > done ? total : done, ctx);
	}
	if (s == ST_OK) {
		char json[160];
		snprintf(json, sizeof json, "{\"consultations\": %lld, \"medical_cases\": %lld, "
		         "\"antenatal_visits\": %lld, \"fitness\": %lld}",
		         bulk_written(g->bulk, BULK_CONSULTATION), bulk_written(g->bulk, BULK_MEDICAL_CASE),
		         bulk_written(g->bulk, BULK_ANTENATAL_VISIT), bulk_written(g->bulk, BULK_FITNESS));
		s = audit_log(g->db, "create", "demo_medical", 0, json);
	}
	if (s == ST_OK && progress && (done == 0 || done % READ_PEOPLE != 0))
		progress(done, total > done ? total : done, ctx);
	return s;
}

enum status demo_medical(struct db *db, const struct demo_options *o)
{
	struct medgen *g = calloc(1, sizeof *g);
	if (!g)
		return ST_NOMEM;
	g->db = db;
	g->seed = o->seed;
	enum status s = bulk_begin(db, &g->bulk);
	if (s == ST_OK) {
		s = generate(g, o->progress, o->ctx);
		s = bulk_end(g->bulk, s);
	}
	free(g->stays);
	free(g);
	return s;
}
