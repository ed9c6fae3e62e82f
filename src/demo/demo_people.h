#ifndef TAIMAKO_DEMO_DEMO_PEOPLE_H
#define TAIMAKO_DEMO_DEMO_PEOPLE_H
/* Making one synthetic person and planning their stays, for the demo
 * generator (demo_persons.c writes them). Private to src/demo/. */
#include <stdbool.h>
#include <stddef.h>
#include "demo/demo_gen.h"

#define FIRST_YEAR 2016
#define YEARS 11              /* 2016 .. 2026 */

enum centre { C_NY1, C_NY2, C_NY3, C_AGZ, C_ARL, C_DRK, C_ZIN, C_COUNT_ };

enum flag { F_UNACCOMPANIED, F_SEPARATED, F_ACCOMPANIED, F_PREGNANT, F_TRAFFICKING_PRESUMED,
            F_TRAFFICKING_IDENTIFIED, F_VIOLENCE, F_OLDER, F_MEDICAL, F_DISABILITY, F_ASYLUM,
            F_COUNT_ };

#define FLAG(f) (1u << (f))

enum kind { K_MIGRANT, K_TRAFFICKING, K_FAMILY };

/* One person being made. */
struct person_gen {
	const struct nation *nat;
	bool nat_unknown;         /* no papers and would not say: NULL */
	int strand;
	enum kind kind;
	char sex;
	int age;                  /* at arrival */
	struct name family, given;
	char given_names[112];
	char other_names[160];
	long arrival;
	int centre;
	const char *mode;
	unsigned flags;
};

/* The stays of one person (a family shares them): the first at the arrival
 * centre, a second for some (transferred, or back months later). departed
 * is -1 while the person is still there. */
struct stays {
	int n;
	int centre[2];
	long admitted[2], departed[2];
	const char *reason[2];
};

/* "YYYY-MM-DD" of day z. */
void demo_iso_day(long z, char out[11]);

/* The year of day z. */
int demo_year_of(long z);

/* The arrival day of the i-th of n people: arrivals spread over the period
 * in order, so that case numbers follow arrival dates. */
long demo_arrival_day(long i, long n);

/* A nationality drawn in proportion to arrivals, or to victims of
 * trafficking for that kind of person. */
const struct nation *demo_pick_nation(struct rng *r, enum kind kind);

/* One of the nationality's naming traditions, by its share. */
int demo_pick_strand(struct rng *r, const struct nation *nat);

/* Ages at arrival: mostly young men and women; a tail to 70. */
int demo_adult_age(struct rng *r);

/* Given names (one, sometimes two) and family name of p, from its
 * nationality's traditions; family_from, when not NULL, gives the family
 * name (children and spouses). */
void demo_make_names(struct rng *r, struct person_gen *p, const struct name *family_from);

/* Birth date of someone aged `age` on day `arrival`: an estimated year for
 * half of the people, month and year for some, a full date for the rest
 * (often the 1st of January, as on documents made without a birth record),
 * a few unknown (""). */
void demo_make_birth(struct rng *r, long arrival, int age, char out[11], int *estimated);

/* A mobile number as people write it: Nigerien mostly (a SIM bought on the
 * way), Nigerian or Malian for some of those countries' people. */
void demo_make_phone(struct rng *r, const struct nation *nat, char *out, size_t size);

/* A language (3 letters) drawn from a list of codes separated by blanks. */
void demo_pick_language(struct rng *r, const char *list, char out[4]);

/* How the person came (desert rescue, police, transfer...), by kind of
 * person and centre. */
const char *demo_pick_mode(struct rng *r, enum kind kind, int centre);

/* The vulnerabilities any person may have, beside those of the kind of
 * person (children, victims of trafficking). */
void demo_common_flags(struct rng *r, struct person_gen *p);

/* The stays of p: the first at the arrival centre, a second for some. */
void demo_plan_stays(struct rng *r, const struct person_gen *p, struct stays *s);

extern const char *const demo_centre_code[C_COUNT_];

extern const unsigned demo_centre_migrants[C_COUNT_];

extern const unsigned demo_centre_trafficking[C_COUNT_];

#endif
