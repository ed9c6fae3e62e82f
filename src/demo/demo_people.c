/* One synthetic person at a time: origin, names with their real spelling
 * variants, age and birth date, phone, languages, flags, and the stays they
 * make. See demo_people.h. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/names.h"
#include "core/role.h"
#include "core/vocab.h"
#include "demo/demo_gen.h"
#include "demo/demo_people.h"

/* ---- calendar ----------------------------------------------------------- */

/* "YYYY-MM-DD" of day z. */
void demo_iso_day(long z, char out[11])
{
	int y, m, d;
	civil_from_days(z, &y, &m, &d);
	snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
}

int demo_year_of(long z)
{
	int y, m, d;
	civil_from_days(z, &y, &m, &d);
	return y;
}

/* The demo data ends a few days before the release it ships with: fixed,
 * so that the same seed gives the same people whatever the clock says. */
static long last_day(void)
{
	return days_from_civil(2026, 11, 15);
}

/* Arrivals per day, by year: the 2016-2019 peak of assisted returns, the
 * 2020 border closures, and the expulsions from Algeria since 2023. */
static const unsigned year_intensity[YEARS] = { 9, 10, 10, 9, 5, 7, 9, 11, 11, 10, 9 };

/* The arrival day of the i-th of n people: arrivals spread over the period
 * in order, so that case numbers follow arrival dates. */
long demo_arrival_day(long i, long n)
{
	double span[YEARS], total = 0;
	for (int k = 0; k < YEARS; k++) {
		long first = days_from_civil(FIRST_YEAR + k, 1, 1);
		long end = k == YEARS - 1 ? last_day() + 1 : days_from_civil(FIRST_YEAR + k + 1, 1, 1);
		span[k] = (double)(end - first) * year_intensity[k];
		total += span[k];
	}
	double target = ((double)i + 0.5) / (double)n * total;
	for (int k = 0; k < YEARS; k++) {
		if (target < span[k] || k == YEARS - 1) {
			long day = days_from_civil(FIRST_YEAR + k, 1, 1) + (long)(target / year_intensity[k]);
			return day > last_day() ? last_day() : day;
		}
		target -= span[k];
	}
	return last_day();
}

/* ---- people ------------------------------------------------------------- */

const char *const demo_centre_code[C_COUNT_] = { "NY1", "NY2", "NY3", "AGZ", "ARL", "DRK", "ZIN" };
/* Where migrants arrive: Agadez and its desert route first, then Niamey. */
const unsigned demo_centre_migrants[C_COUNT_] = { 15, 13, 10, 35, 14, 10, 3 };
const unsigned demo_centre_trafficking[C_COUNT_] = { 12, 6, 2, 15, 0, 0, 65 };

const struct nation *demo_pick_nation(struct rng *r, enum kind kind)
{
	unsigned w[DEMO_NATIONS];
	for (int i = 0; i < DEMO_NATIONS; i++)
		w[i] = kind == K_TRAFFICKING ? demo_nations[i].trafficking : demo_nations[i].weight;
	return &demo_nations[pick_weighted(r, w, DEMO_NATIONS)];
}

int demo_pick_strand(struct rng *r, const struct nation *nat)
{
	unsigned w[3];
	for (int i = 0; i < 3; i++)
		w[i] = nat->strands[i].family ? nat->strands[i].weight : 0;
	return pick_weighted(r, w, 3);
}

/* Ages at arrival: mostly young men and women; a tail to 70. */
int demo_adult_age(struct rng *r)
{
	unsigned u = below(r, 1000);
	if (u < 360)
		return 18 + (int)below(r, 7);
	if (u < 760)
		return 25 + (int)below(r, 10);
	if (u < 910)
		return 35 + (int)below(r, 10);
	if (u < 975)
		return 45 + (int)below(r, 15);
	return 60 + (int)below(r, 11);
}

/* Given names (one, sometimes two) and family name of p, from its
 * nationality's traditions; family_from, when not NULL, gives the family
 * name (children and spouses). */
void demo_make_names(struct rng *r, struct person_gen *p, const struct name *family_from)
{
	const struct strand *s = &p->nat->strands[p->strand];
	int np = p->sex == 'f' ? demo_pools[s->pool].nfemale : demo_pools[s->pool].nmale;
	const char *const *list = p->sex == 'f' ? demo_pools[s->pool].female : demo_pools[s->pool].male;
	demo_pick_name(r, list, np, &p->given);
	snprintf(p->given_names, sizeof p->given_names, "%s", p->given.text);
	if (chance(r, 250)) {
		struct name second;
		demo_pick_name(r, list, np, &second);
		if (second.group != p->given.group)
			demo_append(p->given_names, sizeof p->given_names, ' ', second.text);
	}
	if (family_from)
		p->family = *family_from;
	else
		demo_pick_name(r, s->family, s->nfamily, &p->family);

	/* Aliases: another spelling the person also used, a nickname, or the
	 * family name as written on another document. */
	p->other_names[0] = '\0';
	if (!chance(r, 100))
		return;
	int aliases = chance(r, 150) ? 2 : 1;
	for (int i = 0; i < aliases; i++) {
		char alias[48];
		unsigned u = below(r, 10);
		const struct name *base = u < 4 ? &p->given : &p->family;
		int nv = demo_variant_count(base->group);
		if (u < 7 && nv > 1) {
			int k = (base->variant + 1 + (int)below(r, (unsigned)nv - 1)) % nv;
			demo_variant_copy(base->group, k, alias, sizeof alias);
		} else if (p->sex == 'f') {
			snprintf(alias, sizeof alias, "%s", demo_nicknames_f[below(r, DEMO_NICKNAMES_F)]);
		} else {
			snprintf(alias, sizeof alias, "%s", demo_nicknames_m[below(r, DEMO_NICKNAMES_M)]);
		}
		if (!strstr(p->other_names, alias))
			demo_append(p->other_names, sizeof p->other_names, ';', alias);
	}
}

/* Birth date of someone aged `age` on day `arrival`: an estimated year for
 * half of the people, month and year for some, a full date for the rest
 * (often the 1st of January, as on documents made without a birth record),
 * a few unknown (""). */
void demo_make_birth(struct rng *r, long arrival, int age, char out[11], int *estimated)
{
	long born = arrival - (long)age * 365 - age / 4 - (long)below(r, 365);
	int y, m, d;
	civil_from_days(born, &y, &m, &d);
	unsigned u = below(r, 1000);
	*estimated = 0;
	if (u < 20) {
		out[0] = '\0';
	} else if (u < 520) {
		/* An age said on arrival, kept as the registration keeps it. */
		int ay, am, ad;
		civil_from_days(arrival, &ay, &am, &ad);
		snprintf(out, 11, "%04d", ay - age);
		*estimated = 1;
	} else if (u < 620) {
		snprintf(out, 11, "%04d-%02d", y, m);
	} else if (u < 680) {
		snprintf(out, 11, "%04d-01-01", y);
	} else {
		snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
	}
}

/* A mobile number as people write it: Nigerien mostly (a SIM bought on the
 * way), Nigerian or Malian for some of those countries' people. */
void demo_make_phone(struct rng *r, const struct nation *nat, char *out, size_t size)
{
	static const char ner[] = "90 91 92 93 94 96 97 98 99 80 81 82 84 85 86 87 88 89 70 74";
	static const char mli[] = "76 77 78 79 66 65 70 71 90 91 92 93 94 95 96 97 98 99 60 61 62 63";
	static const char nga[] = "803 806 813 816 703 706 810 814 903 906 805 807 815 705 905 802 "
	                          "808 708 812 701 902 809 817 818 909";
	if (nat->dial && strcmp(nat->dial, "234") == 0 && chance(r, 650)) {
		const char *p = nga + 4 * below(r, (unsigned)sizeof nga / 4);
		unsigned x = below(r, 10000000), f = below(r, 4);
		if (f < 2)
			snprintf(out, size, f ? "0%.3s %03u %04u" : "+234 %.3s %03u %04u", p, x / 10000,
			         x % 10000);
		else
			snprintf(out, size, f == 2 ? "0%.3s%07u" : "+234%.3s%07u", p, x);
		return;
	}
	const char *cc = "227", *list = ner;
	unsigned count = (unsigned)sizeof ner / 3;
	if (nat->dial && strcmp(nat->dial, "223") == 0 && chance(r, 450)) {
		cc = "223";
		list = mli;
		count = (unsigned)sizeof mli / 3;
	}
	const char *p = list + 3 * below(r, count);
	unsigned x = below(r, 1000000), f = below(r, 5);
	if (f < 3)
		snprintf(out, size, f < 2 ? "+%s %.2s %02u %02u %02u" : "%.0s%.2s %02u %02u %02u", cc, p,
		         x / 10000, x / 100 % 100, x % 100);
	else
		snprintf(out, size, f == 3 ? "+%s%.2s%06u" : "00%s %.2s%06u", cc, p, x);
}


/* A language (3 letters) drawn from a list of codes separated by blanks. */
void demo_pick_language(struct rng *r, const char *list, char out[4])
{
	unsigned count = (unsigned)(strlen(list) + 1) / 4;
	memcpy(out, list + 4 * below(r, count), 3);
	out[3] = '\0';
}

const char *demo_pick_mode(struct rng *r, enum kind kind, int centre)
{
	/* Weights in the order of VOCAB_ARRIVAL_MODE: self, rescue, police,
	 * transfer, other. Rescues in the desert around Agadez, Arlit and Dirkou; convoys from
	 * Agadez to Niamey; victims of trafficking mostly referred by police. */
	static const unsigned desert[] = { 45, 25, 5, 20, 5 }, city[] = { 50, 0, 5, 40, 5 },
	                      victims[] = { 12, 10, 45, 25, 8 };
	const unsigned *w = kind == K_TRAFFICKING || centre == C_ZIN ? victims
	                    : centre == C_AGZ || centre == C_ARL || centre == C_DRK ? desert : city;
	return vocab_code(VOCAB_ARRIVAL_MODE, pick_weighted(r, w, 5));
}

/* The vulnerabilities any person may have, beside those of the kind of
 * person (children, victims of trafficking). */
void demo_common_flags(struct rng *r, struct person_gen *p)
{
	if (p->sex == 'f' && p->age >= 16 && p->age <= 45 && chance(r, 60))
		p->flags |= FLAG(F_PREGNANT);
	if (chance(r, p->age < 18 ? 40 : p->sex == 'f' ? 90 : 25))
		p->flags |= FLAG(F_VIOLENCE);
	if (p->age >= 60)
		p->flags |= FLAG(F_OLDER);
	if (chance(r, 30))
		p->flags |= FLAG(F_MEDICAL);
	if (chance(r, 15))
		p->flags |= FLAG(F_DISABILITY);
	if (p->age >= 18 && chance(r, p->nat->asylum))
		p->flags |= FLAG(F_ASYLUM);
}

/* ---- stays -------------------------------------------------------------- */

static const char *pick_reason(struct rng *r, const struct person_gen *p, bool may_transfer)
{
	if (p->flags & FLAG(F_ASYLUM))
		return chance(r, 800) ? "referred" : "left";
	if (p->kind == K_TRAFFICKING) {
		unsigned u = below(r, 100);
		return u < 60 ? "avr" : u < 85 ? "referred" : "left";
	}
	unsigned u = below(r, 1000);
	if (u < 80)
		return may_transfer ? "transferred" : "avr";
	return u < 150 ? "continued" : u < 200 ? "left" : u < 240 ? "referred" : "avr";
}

static long stay_length(struct rng *r, const struct person_gen *p)
{
	if (p->kind == K_TRAFFICKING)
		return 14 + (long)below(r, 60) + (long)below(r, 120);
	return 2 + (long)below(r, 20) + (long)below(r, 30) + (chance(r, 100) ? (long)below(r, 90) : 0);
}

/* Where a transferred person goes: from the Agadez region and Zinder to
 * Niamey, between the Niamey centres. */
static int transfer_to(struct rng *r, int from)
{
	switch (from) {
	case C_ARL:
	case C_DRK:
		return C_AGZ;
	case C_AGZ:
	case C_ZIN:
		return C_NY1 + (int)below(r, 3);
	default:
		return C_NY1 + (from - C_NY1 + 1 + (int)below(r, 2)) % 3;
	}
}

/* Fills stay k from its centre and admission day. */
static void plan_departure(struct rng *r, const struct person_gen *p, struct stays *s, int k)
{
	long out = s->admitted[k] + stay_length(r, p);
	s->reason[k] = pick_reason(r, p, k == 0);
	s->departed[k] = out > last_day() ? -1 : out;
	if (s->departed[k] < 0)
		s->reason[k] = NULL;
}

void demo_plan_stays(struct rng *r, const struct person_gen *p, struct stays *s)
{
	s->n = 1;
	s->centre[0] = p->centre;
	s->admitted[0] = p->arrival;
	plan_departure(r, p, s, 0);
	if (s->departed[0] < 0)
		return;
	long back = -1;
	if (strcmp(s->reason[0], "transferred") == 0) {
		s->centre[1] = transfer_to(r, p->centre);
		back = s->departed[0] + (long)below(r, 3);
	} else if ((strcmp(s->reason[0], "continued") == 0 || strcmp(s->reason[0], "left") == 0)
	           && chance(r, 250)) {
		s->centre[1] = pick_weighted(r, demo_centre_migrants, C_COUNT_);
		back = s->departed[0] + 30 + (long)below(r, 400);
	}
	if (back < 0)
		return;
	if (back > last_day()) {
		/* A transfer still on the road: arrived on the last day. */
		if (strcmp(s->reason[0], "transferred") != 0)
			return;
		back = last_day();
	}
	s->n = 2;
	s->admitted[1] = back;
	plan_departure(r, p, s, 1);
}

