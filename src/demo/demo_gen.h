#ifndef TAIMAKO_DEMO_DEMO_GEN_H
#define TAIMAKO_DEMO_DEMO_GEN_H
/* What the synthetic-data generators of demo databases share: one
 * splitmix64 random stream, and the names of the region with their
 * spellings (demo_names.c). Private to src/demo/. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- randomness --------------------------------------------------------- */

struct rng {
	uint64_t s;
};

static inline uint64_t rng_next(struct rng *r)
{
	uint64_t z = (r->s += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* Uniform in 0 .. n-1 (n >= 1). */
static inline unsigned below(struct rng *r, unsigned n)
{
	return (unsigned)(((rng_next(r) >> 32) * n) >> 32);
}

/* True with probability per_mille / 1000. */
static inline bool chance(struct rng *r, unsigned per_mille)
{
	return below(r, 1000) < per_mille;
}

/* An index into weights[0 .. n-1], drawn in proportion to them. */
static inline int pick_weighted(struct rng *r, const unsigned *weights, int n)
{
	unsigned total = 0;
	for (int i = 0; i < n; i++)
		total += weights[i];
	unsigned x = below(r, total);
	for (int i = 0; i < n; i++) {
		if (x < weights[i])
			return i;
		x -= weights[i];
	}
	return n - 1;
}

#define COUNT(a) ((unsigned)(sizeof a / sizeof a[0]))
#define N(a) a, (int)COUNT(a)

enum pool { POOL_SAHEL, POOL_HAUSA, POOL_SENEGAMBIA, POOL_CHRISTIAN_EN, POOL_CHRISTIAN_FR,
            POOL_ARAB, POOL_LUSO, POOL_COUNT_ };

/* One naming tradition of a country: its given names, its family names,
 * its share of the country's people. */
struct strand {
	enum pool pool;
	const char *const *family;
	int nfamily;
	unsigned weight;
};

/* A nationality: share of arrivals (per 10,000) and of trafficking victims
 * (per 1,000), asylum seekers among its adults (per 1,000), its own phone
 * network when its people often keep a SIM from home (+234, +223; the
 * others use Nigerien numbers), languages (3-letter codes, repeated for
 * weight; a second one drawn from `second`), naming traditions. */
struct nation {
	const char *iso3;
	unsigned weight, trafficking, asylum;
	const char *dial;
	const char *langs;
	const char *second;
	struct strand strands[3];
};

/* A name drawn from a list of groups, remembering which for aliases. */
struct name {
	const char *group;
	int variant;
	char text[48];
};

/* The given names of a tradition, by sex. */
struct demo_pool {
	const char *const *male;
	int nmale;
	const char *const *female;
	int nfemale;
};

#define DEMO_NATIONS 17
#define DEMO_NICKNAMES_M 10
#define DEMO_NICKNAMES_F 8

extern const struct demo_pool demo_pools[POOL_COUNT_];
extern const struct nation demo_nations[DEMO_NATIONS];
extern const char *const demo_nicknames_m[DEMO_NICKNAMES_M];
extern const char *const demo_nicknames_f[DEMO_NICKNAMES_F];

/* How many spellings a name group ("Mohamed|Mouhamed") has. */
int demo_variant_count(const char *g);

/* Copies spelling k of group g to out. */
void demo_variant_copy(const char *g, int k, char *out, size_t size);

/* Draws a name from a list of groups, the usual spelling more than half
 * the time, remembering which for aliases. */
void demo_pick_name(struct rng *r, const char *const *list, int n, struct name *out);

/* Appends text to a sep-separated list in buf (nothing when full). */
void demo_append(char *buf, size_t size, char sep, const char *text);

/* Days since 1970-01-01 of a civil date, and back (H. Hinnant's algorithms). */
static inline long days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static inline void civil_from_days(long z, int *y, int *m, int *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

#endif
