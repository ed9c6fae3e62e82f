/* Synthetic distribution records for demo databases (see demo_dist.h).
 *
 * One pass over the stays, by person: on each day of a stay, each item
 * (as the database's items and rules say, core/dist_rule.h) is served when
 * the person may receive it and it is due — household items to the
 * household's first member only, who collects for all —, most days the
 * person comes, now and then a day late. Servings begin HISTORY days
 * before today (as if the module had been in use for two years: ten years
 * of stays would add half the demo's size), daily and per-meal items
 * (water, hot meals) only for the last RECENT days. A serving is now
 * and then reversed (a mistake at the counter), and now and then a
 * manager serves early with a reason (an override). The servings of each
 * centre, item and month are then received in stock at the start of the
 * month, rounded up, so that the balances stay above zero. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/dist_rule.h"
#include "core/person.h"
#include "db/audit.h"
#include "db/bulk.h"
#include "db/bulk_dist.h"
#include "db/dist_item.h"
#include "demo/demo_dist.h"
#include "demo/demo_gen.h"
#include "demo/demo_people.h"

#define HISTORY 730           /* days of servings before today: the module's first two years */
#define RECENT 28             /* days of water and hot meals before today, today included */
#define MAX_ITEMS 32
#define CHUNK 2000            /* people between two commits */
#define MONTHS 30             /* stock months kept, back from today */
#define NO_DAY (-1000000L)

struct item {
	long long id;
	struct dist_rule rule;
	int quantity;
	int low_stock;
};

struct distgen {
	struct db *db;
	struct bulk *bulk;
	unsigned seed;
	long today;
	int now_secs;             /* seconds of today gone (UTC) */
	long long dist_user, intake_user, manager;
	long long next_id;
	struct item items[MAX_ITEMS];
	int nitems;
	long long person;         /* whose state below */
	long last[MAX_ITEMS];     /* the person's last serving of each item */
	bool live[MAX_ITEMS];     /* and whether it stands (not reversed) */
	bool reversed;            /* the last serve() was reversed */
	int ncentres;
	int *stock;               /* [centre][item][month]: quantities served */
	long long servings, reversals, overrides, receipts;
};

static const char *const meals[3] = { "breakfast", "lunch", "dinner" };

static struct rng stream(unsigned seed, uint64_t a, uint64_t b)
{
	struct rng mix = { (((uint64_t)seed << 32) ^ 0x44495354ULL) ^ (a * 0xd1b54a32d192ed03ULL)
		           ^ (b * 0x9e3779b97f4a7c15ULL) };
	struct rng r = { rng_next(&mix) };
	return r;
}

static long parse_day(const char *s)
{
	int y = 0, m = 0, d = 0;
	if (!s || sscanf(s, "%4d-%2d-%2d", &y, &m, &d) != 3 || y < 1900)
		return NO_DAY;
	return days_from_civil(y, m, d);
}

static void take_item(const struct dist_item *it, void *ctx)
{
	struct distgen *g = ctx;
	if (g->nitems == MAX_ITEMS)
		return;
	struct item *x = &g->items[g->nitems++];
	x->id = it->id;
	x->rule = it->rule;
	x->quantity = it->quantity;
	x->low_stock = it->low_stock;
}

/* Whole years from birth (y, m, d) to day; -1 unknown. */
static int age_on(const int birth[3], long day)
{
	if (!birth[0])
		return -1;
	int y, m, d;
	civil_from_days(day, &y, &m, &d);
	int age = y - birth[0] - (m < birth[1] || (m == birth[1] && d < birth[2]));
	return age < 0 ? 0 : age;
}

static void split_day(const char *s, int out[3])
{
	out[0] = out[1] = out[2] = 0;
	if (!s[0] || sscanf(s, "%4d-%2d-%2d", &out[0], &out[1], &out[2]) != 3)
		out[0] = 0;
}

static unsigned flags_of(const char *list)
{
	unsigned bits = 0;
	for (int f = 0; f < FLAG_COUNT_; f++) {
		const char *name = person_flag_name((enum person_flag)f);
		size_t n = strlen(name);
		for (const char *p = strstr(list, name); p; p = strstr(p + 1, name))
			if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
				bits |= 1u << f;
	}
	return bits;
}

static void count_stock(struct distgen *g, long long centre, int item, long day, int quantity)
{
	int y, m, d, ty, tm;
	civil_from_days(day, &y, &m, &d);
	civil_from_days(g->today, &ty, &tm, &d);
	int back = (ty * 12 + tm) - (y * 12 + m);
	if (centre < 0 || centre >= g->ncentres || back < 0 || back >= MONTHS)
		return;
	g->stock[((size_t)centre * MAX_ITEMS + (size_t)item) * MONTHS + (size_t)back] += quantity;
}

/* One serving of item k on day (at secs of the day, UTC), maybe reversed. */
static enum status serve(struct distgen *g, const struct bulk_dist_stay *s, int k, long day, int secs,
                         const char *meal, const char *override, struct rng *r)
{
	char iso[11], at[32], later[32];
	demo_iso_day(day, iso);
	snprintf(at, sizeof at, "%sT%02d:%02d:%02dZ", iso, secs / 3600, secs / 60 % 60, secs % 60);
	unsigned c = below(r, 3);
	char counter[2] = { (char)('1' + c), '\0' };
	struct bulk_dist_serving v = { .id = g->next_id++, .person = s->person, .item = g->items[k].id,
		                       .centre = s->centre, .stay = s->stay, .quantity = g->items[k].quantity,
		                       .served_by = override ? g->manager : c == 2 ? g->intake_user : g->dist_user,
		                       .day = iso, .served_at = at, .meal = meal, .counter = counter,
		                       .override_reason = override };
	enum status st = bulk_dist_serving(g->bulk, &v);
	g->servings++;
	g->reversed = false;
	if (override)
		g->overrides++;
	if (st != ST_OK || override || !chance(r, 3)) {
		count_stock(g, s->centre, k, day, v.quantity);
		return st;
	}
	/* A mistake at the counter, reversed a few minutes later. */
	int secs2 = secs + 120 + (int)below(r, 900);
	if (secs2 > 86399)
		secs2 = 86399;
	snprintf(later, sizeof later, "%sT%02d:%02d:%02dZ", iso, secs2 / 3600, secs2 / 60 % 60, secs2 % 60);
	struct bulk_dist_serving x = v;
	x.id = g->next_id++;
	x.quantity = -v.quantity;
	x.reverses = v.id;
	x.served_by = g->manager;
	x.served_at = later;
	x.override_reason = NULL;
	x.reason = chance(r, 500) ? "Servi à une autre personne par erreur" : "Saisi deux fois au comptoir";
	g->reversals++;
	g->reversed = true;
	return bulk_dist_serving(g->bulk, &x);
}

/* The seconds of day at which a serving takes place: in opening hours (a
 * meal's hours), before now today. -1: not yet (today, too early). */
static int when(struct distgen *g, long day, int meal, struct rng *r)
{
	static const int from[] = { 6 * 3600, 11 * 3600, 17 * 3600 };
	int secs = meal >= 0 ? from[meal] + (int)below(r, 5400) : 7 * 3600 + (int)below(r, 9 * 3600);
	if (day < g->today)
		return secs;
	if (g->now_secs < 60)
		return -1;
	return secs < g->now_secs ? secs : (int)below(r, (unsigned)g->now_secs);
}

static enum status stay_days(struct distgen *g, const struct bulk_dist_stay *s)
{
	long from = parse_day(s->admitted), to = s->departed[0] ? parse_day(s->departed) : g->today;
	if (from == NO_DAY || to == NO_DAY || from > g->today)
		return ST_OK;
	if (to > g->today)
		to = g->today;
	if (s->person != g->person) {
		g->person = s->person;
		for (int k = 0; k < MAX_ITEMS; k++)
			g->last[k] = NO_DAY;
	}
	struct rng r = stream(g->seed, 0x53544159ULL, (uint64_t)s->stay);
	int birth[3], young[3];
	split_day(s->birth_date, birth);
	split_day(s->youngest, young);
	struct dist_subject subj = { .sex = { s->sex, '\0' }, .flags = flags_of(s->flags), .staying = true };
	snprintf(subj.stay_admitted, sizeof subj.stay_admitted, "%s", s->admitted);
	bool collects = s->household == s->person;
	bool once[MAX_ITEMS] = { false };
	int late = chance(&r, 300) ? 1 : 0;   /* came to the counter the day after arriving */
	enum status st = ST_OK;
	for (long day = from; st == ST_OK && day <= to; day++) {
		if (day <= g->today - HISTORY)
			continue;   /* before the module: what the person had is not known */
		subj.age = age_on(birth, day);
		int ya = age_on(young, day);
		subj.infant = ya >= 0 && ya < 2;
		bool today = day == g->today;
		for (int k = 0; st == ST_OK && k < g->nitems; k++) {
			const struct dist_rule *rule = &g->items[k].rule;
			if ((strcmp(rule->unit, "household") == 0 && !collects)
			    || dist_eligible(rule, &subj) != DIST_ELIGIBLE)
				continue;
			bool daily = strcmp(rule->frequency, "daily") == 0;
			if (strcmp(rule->frequency, "per_meal") == 0) {
				for (int m = 0; st == ST_OK && day > g->today - RECENT && m < 3; m++) {
					int secs = when(g, day, m, &r);
					if (secs >= 0 && (!today || secs < g->now_secs) && chance(&r, today ? 500 : 820))
						st = serve(g, s, k, day, secs, meals[m], NULL, &r);
				}
				continue;
			}
			bool due;
			if (daily)
				due = day > g->today - RECENT && chance(&r, 850);
			else if (strcmp(rule->frequency, "once_per_stay") == 0)
				due = !once[k] && day >= from + late;
			else
				due = (g->last[k] == NO_DAY || day >= g->last[k] + rule->every_days) && chance(&r, 880);
			const char *override = NULL;
			bool served = strcmp(rule->frequency, "once_per_stay") == 0
			                      ? once[k]
			                      : g->last[k] != NO_DAY && day < g->last[k] + rule->every_days;
			if (!due && !daily && served && g->live[k] && below(&r, 4000) == 0) {
				override = strcmp(rule->frequency, "once_per_stay") == 0
				                   ? "Perdu ou volé, remplacé sur décision du responsable"
				                   : "Besoin urgent avant la date prévue";
				due = true;
			}
			if (!due || (today && !chance(&r, 450)))
				continue;
			int secs = when(g, day, -1, &r);
			if (secs < 0)
				continue;
			st = serve(g, s, k, day, secs, NULL, override, &r);
			g->last[k] = day;
			g->live[k] = !g->reversed;
			once[k] = true;
		}
	}
	return st;
}

static enum status take_stay(const struct bulk_dist_stay *s, void *ctx)
{
	return stay_days(ctx, s);
}

/* Receipts: at the start of each month, what its servings took, rounded
 * up to 50; the first month of each item also twice its warning level. */
static enum status receipts(struct distgen *g)
{
	enum status s = ST_OK;
	int ty, tm, td;
	civil_from_days(g->today, &ty, &tm, &td);
	for (int c = 0; s == ST_OK && c < g->ncentres; c++)
		for (int k = 0; s == ST_OK && k < g->nitems; k++) {
			bool first = true;
			for (int back = MONTHS - 1; s == ST_OK && back >= 0; back--) {
				int n = g->stock[((size_t)c * MAX_ITEMS + (size_t)k) * MONTHS + (size_t)back];
				if (n <= 0)
					continue;
				int q = (n + 49) / 50 * 50 + (first ? 2 * g->items[k].low_stock : 0);
				int months = ty * 12 + (tm - 1) - back;
				char day[11];
				demo_iso_day(days_from_civil(months / 12, months % 12 + 1, 1), day);
				s = bulk_dist_stock_move(g->bulk, g->items[k].id, c, day, "receipt", q,
				                         "Livraison mensuelle de l'entrepôt", g->manager);
				first = false;
				g->receipts++;
			}
		}
	return s;
}

static enum status generate(struct distgen *g)
{
	char today[11];
	clock_today_iso(today, sizeof today);
	g->today = parse_day(today);
	time_t now = clock_now();
	g->now_secs = (int)(now % 86400);
	if ((long)(now / 86400) != g->today)
		g->now_secs = (long)(now / 86400) > g->today ? 86399 : 0;
	g->dist_user = bulk_user_id(g->bulk, "distribution");
	g->intake_user = bulk_user_id(g->bulk, "intake");
	g->manager = bulk_user_id(g->bulk, "manager");
	g->ncentres = (int)bulk_max_centre_id(g->bulk) + 1;
	g->next_id = bulk_dist_first_id(g->bulk);
	if (!g->dist_user || !g->intake_user || !g->manager || !g->next_id || g->today == NO_DAY)
		return ST_INTERNAL;
	g->stock = calloc((size_t)g->ncentres * MAX_ITEMS * MONTHS, sizeof *g->stock);
	if (!g->stock)
		return ST_NOMEM;
	enum status s = dist_items_each(g->db, false, take_item, g);
	long people = bulk_person_count(g->bulk);
	/* Ids are dense from 1 in a demo; the last chunk reads to the end. */
	for (long long first = 1; s == ST_OK && first <= people; first += CHUNK) {
		long long last = first + CHUNK - 1 >= people ? (long long)1 << 62 : first + CHUNK - 1;
		s = bulk_dist_stays(g->bulk, first, last, take_stay, g);
		if (s == ST_OK)
			s = bulk_commit(g->bulk);
	}
	if (s == ST_OK)
		s = receipts(g);
	if (s == ST_OK) {
		char json[200];
		snprintf(json, sizeof json,
		         "{\"servings\": %lld, \"reversals\": %lld, \"overrides\": %lld, \"receipts\": %lld}",
		         g->servings, g->reversals, g->overrides, g->receipts);
		s = audit_log(g->db, "create", "demo_dist", 0, json);
	}
	return s;
}

enum status demo_dist(struct db *db, const struct demo_options *o)
{
	struct distgen *g = calloc(1, sizeof *g);
	if (!g)
		return ST_NOMEM;
	g->db = db;
	g->seed = o->seed;
	enum status s = bulk_begin(db, &g->bulk);
	if (s == ST_OK) {
		s = generate(g);
		s = bulk_end(g->bulk, s);
	}
	if (o->progress)
		o->progress(1, 1, o->ctx);
	free(g->stock);
	free(g);
	return s;
}
