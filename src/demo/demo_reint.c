/* Synthetic reintegration records for demo databases (see demo_reint.h).
 *
 * One pass over the departures on assisted voluntary return keeps, for a
 * share of the people (each decided by their own random stream), the
 * return. Cases are then written a chunk at a time: the case, its plan
 * (a plan to be completed is stored as under way), items, business plans
 * and tranches; stored; then the payments (the schema's triggers check
 * them against the plans just stored) and the visits with their answers;
 * then the plans completed. The projects follow the same way, with their
 * returnee members drawn from the cases of their country and community
 * members registered for them. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/person.h"
#include "db/audit.h"
#include "db/bulk.h"
#include "db/bulk_reint.h"
#include "db/reflist.h"
#include "demo/demo_gen.h"
#include "demo/demo_people.h"
#include "demo/demo_reint.h"

/* Returnees with a case, per 1000: many of the last months (their plans
 * under way), fewer of the years before. */
#define SHARE_RECENT 250      /* back in the last 10 months */
#define SHARE_YEAR 20         /* back 10 to 24 months ago */
#define SHARE_OLD 4
#define CHUNK 512             /* cases written between two commits */
#define MAX_REGIONS 160
#define NO_DAY (-1000000L)
#define FULL_PEOPLE 3000      /* from this many people on, every project whole */

static const char *const questions[15] = { "income", "debt", "food", "work", "assets", "housing", "health",
	                                   "documents", "water", "school", "network", "community", "discrimination",
	                                   "distress", "must_leave" };
static const char *const methods[] = { "cash", "mobile_money", "supplier", "in_kind" };
static const unsigned methods_w[] = { 30, 45, 20, 5 };
static const char *const satisfactions[] = { "very_satisfied", "satisfied", "neutral", "dissatisfied",
	                                      "very_dissatisfied" };
static const unsigned satisfactions_w[] = { 15, 40, 25, 15, 5 };

/* Money: the local currency and what 1000 XOF are in it. */
static const struct {
	const char *iso3, *currency;
	long long per_1000;
} currencies[] = { { "NGA", "NGN", 2600 }, { "GMB", "GMD", 110 }, { "GIN", "GNF", 14000 },
	           { "GHA", "GHS", 24 }, { "CMR", "XAF", 1000 }, { "TCD", "XAF", 1000 } };

static const struct {
	const char *sector, *activity;
} businesses[] = { { "trade", "Boutique de produits alimentaires" }, { "livestock", "Embouche ovine" },
	           { "transport", "Moto-taxi" }, { "crafts", "Atelier de couture" },
	           { "food", "Restauration de rue" }, { "services", "Réparation de téléphones" },
	           { "agriculture", "Maraîchage" }, { "fishing", "Vente de poisson fumé" } };

/* The projects of the domain documents' countries. */
static const struct {
	const char *kind, *country, *region, *locality, *name, *activity;
} templates[] = {
	{ "community", "SEN", "SN-TC", "Tambacounda", "Maraîchage communautaire de Tambacounda", "agriculture" },
	{ "collective", "SEN", "SN-KD", "Kolda", "Atelier de couture des rapatriés de Kolda", "crafts" },
	{ "community", "GMB", "GM-L", "Soma", "Soma community vegetable garden", "agriculture" },
	{ "community", "GMB", "GM-W", "Brikama", "Brikama fish smoking", "fishing" },
	{ "community", "GMB", "GM-U", "Basse", "Basse poultry farm", "livestock" },
	{ "collective", "GMB", "GM-W", "Brikama", "Brikama returnees' taxi cooperative", "transport" },
	{ "community", "NGA", "NG-ED", "Benin City", "Benin City poultry cooperative", "livestock" },
	{ "community", "NGA", "NG-ED", "Uromi", "Uromi cassava processing", "agriculture" },
	{ "community", "NGA", "NG-DE", "Sapele", "Sapele fish farm", "fishing" },
	{ "community", "NGA", "NG-KN", "Kano", "Kano leather works", "crafts" },
	{ "community", "NGA", "NG-LA", "Ikorodu", "Ikorodu market stalls", "trade" },
	{ "community", "NGA", "NG-ED", "Auchi", "Auchi palm oil mill", "agriculture" },
	{ "collective", "NGA", "NG-ED", "Benin City", "Edo returnees' tricycle transport", "transport" },
	{ "collective", "NGA", "NG-LA", "Lagos", "Lagos phone repair collective", "trade" },
	{ "community", "MLI", "ML-1", "Kayes", "Jardin maraîcher de Kayes", "agriculture" },
	{ "community", "MLI", "ML-4", "Ségou", "Embouche bovine de Ségou", "livestock" },
	{ "collective", "MLI", "ML-3", "Sikasso", "Transport des rapatriés de Sikasso", "transport" },
	{ "collective", "MLI", "ML-BKO", "Bamako", "Boutique des rapatriés de Bamako", "trade" },
	{ "community", "GNB", "GW-GA", "Gabú", "Horta comunitária de Gabú", "agriculture" },
	{ "community", "GNB", "GW-CA", "Cacheu", "Pesca artesanal de Cacheu", "fishing" },
	{ "collective", "GNB", "GW-BA", "Bafatá", "Cooperativa de caju de Bafatá", "agriculture" },
	{ "community", "NER", "NE-7", "Mirriah", "Jardin communautaire de Mirriah", "agriculture" },
	{ "community", "NER", "NE-7", "Zinder", "Embouche ovine de Zinder", "livestock" },
	{ "community", "NER", "NE-7", "Zinder", "Artisanat du cuir de Zinder", "crafts" },
	{ "community", "NER", "NE-7", "Matamèye", "Moulin à grains de Matamèye", "trade" },
	{ "collective", "NER", "NE-7", "Zinder", "Transport moto des rapatriés de Zinder", "transport" },
	{ "collective", "NER", "NE-7", "Tanout", "Couture des rapatriées de Tanout", "crafts" },
};

/* A return kept for a case. */
struct ret {
	long long person, centre;
	long day;
	char nat[4];
	char sex;
	long birth;               /* NO_DAY unknown */
};

struct region {
	long long id;
	char country[4], code[12];
};

/* What phase B needs of a plan or project: its tranches. */
struct money {
	long long plan, project, tranche[3], amount[3];
	long day[3];
	int n;
	bool paid;                /* tranches due are paid (approved and under way) */
	bool complete;            /* completed: set once its payments are stored */
	bool business;            /* a business to ask about at visits */
	long long case_id;
	long ret;                 /* return day (baseline), NO_DAY for a project */
	bool monitor;             /* visits after the first payment */
	/* Cases: the return, the plan's status, the case's region. */
	const struct ret *from;
	const char *plan_status;
	long long region;
	unsigned salt;
};

struct reintgen {
	struct db *db;
	struct bulk *bulk;
	unsigned seed;
	long today;
	long long officer, manager, clerk, partner, ny2, zin;
	struct bulk_reint_ids next;
	struct ret *rets;
	size_t nrets, cap;
	long long last_person;
	struct region regions[MAX_REGIONS];
	int nregions;
	struct money *chunk;
	int nchunk;
	long long cases, payments, reversals, visits, members, community;
	long people;              /* in the database before: smaller demos, fewer projects */
	unsigned projects;
};

static struct rng stream(unsigned seed, uint64_t a, uint64_t b)
{
	struct rng mix = { (((uint64_t)seed << 32) ^ 0x5245494eULL) ^ (a * 0xd1b54a32d192ed03ULL)
		           ^ (b * 0x9e3779b97f4a7c15ULL) };
	struct rng r = { rng_next(&mix) };
	return r;
}

static long parse_day(const char *s)
{
	int y = 0, m = 7, d = 1;
	if (!s || sscanf(s, "%4d-%2d-%2d", &y, &m, &d) < 1 || y < 1900)
		return NO_DAY;
	return days_from_civil(y, m, d);
}

static void iso(long day, char out[11])
{
	demo_iso_day(day, out);
}

static const char *currency_of(const char *country, long long *per_1000)
{
	for (unsigned i = 0; i < COUNT(currencies); i++)
		if (strcmp(currencies[i].iso3, country) == 0) {
			*per_1000 = currencies[i].per_1000;
			return currencies[i].currency;
		}
	*per_1000 = 1000;
	return "XOF";
}

/* xof in the local currency, rounded to a hundred units at least. */
static long long local(long long xof, long long per_1000)
{
	long long v = xof * per_1000 / 1000;
	long long unit = v >= 1000000 ? 1000 : 100;
	return (v + unit / 2) / unit * unit;
}

static long long region_of(struct reintgen *g, const char *country, struct rng *r)
{
	int n = 0, first = -1;
	for (int i = 0; i < g->nregions; i++)
		if (strcmp(g->regions[i].country, country) == 0) {
			if (first < 0)
				first = i;   /* a country's regions follow one another */
			n++;
		}
	return n ? g->regions[first + (int)below(r, (unsigned)n)].id : 0;
}

static long long region_code(struct reintgen *g, const char *code)
{
	for (int i = 0; i < g->nregions; i++)
		if (strcmp(g->regions[i].code, code) == 0)
			return g->regions[i].id;
	return 0;
}

static void take_region(long long id, const char *country, const char *code, void *ctx)
{
	struct reintgen *g = ctx;
	if (g->nregions == MAX_REGIONS || !country || !code)
		return;
	struct region *x = &g->regions[g->nregions++];
	x->id = id;
	snprintf(x->country, sizeof x->country, "%s", country);
	snprintf(x->code, sizeof x->code, "%s", code);
}

static enum status take_return(const struct bulk_return_row *row, void *ctx)
{
	struct reintgen *g = ctx;
	if (row->person == g->last_person)
		return ST_OK;   /* one case a person: their first return */
	g->last_person = row->person;
	long day = parse_day(row->departed);
	struct rng r = stream(g->seed, 0x73656cULL, (uint64_t)row->person);
	long ago = g->today - day;
	unsigned share = ago < 300 ? SHARE_RECENT : ago < 730 ? SHARE_YEAR : SHARE_OLD;
	if (!row->nationality[0] || day == NO_DAY || day > g->today || !chance(&r, share))
		return ST_OK;
	if (g->nrets == g->cap) {
		size_t cap = g->cap ? g->cap * 2 : 1024;
		struct ret *more = realloc(g->rets, cap * sizeof *more);
		if (!more)
			return ST_NOMEM;
		g->rets = more;
		g->cap = cap;
	}
	struct ret *x = &g->rets[g->nrets++];
	x->person = row->person;
	x->centre = row->centre;
	x->day = day + 1;
	snprintf(x->nat, sizeof x->nat, "%s", row->nationality);
	x->sex = row->sex;
	x->birth = row->birth_date[0] ? parse_day(row->birth_date) : NO_DAY;
	return ST_OK;
}

/* ---- tranches and payments ---------------------------------------------- */

/* Plans the tranches of m (plan or project) from day `from`: shares of
 * total in per-mille, a gap of days between them. */
static enum status tranches(struct reintgen *g, struct money *m, long long total, long from, const unsigned *shares,
                            int n, int gap)
{
	long long left = total;
	enum status s = ST_OK;
	m->n = n;
	for (int k = 0; s == ST_OK && k < n; k++) {
		long long a = k == n - 1 ? left : total * shares[k] / 1000;
		left -= a;
		m->tranche[k] = g->next.tranche++;
		m->amount[k] = a;
		m->day[k] = from + (long)k * gap;
		char day[11];
		iso(m->day[k], day);
		bool paid = m->paid && m->day[k] <= g->today;
		struct bulk_reint_tranche t = { .id = m->tranche[k], .plan = m->plan, .project = m->project, .amount = a,
			                        .seq = k + 1, .planned_date = day, .status = paid ? "paid" : "planned" };
		s = bulk_reint_tranche(g->bulk, &t);
	}
	return s;
}

static enum status pay(struct reintgen *g, const struct money *m, int k, struct rng *r, long *first)
{
	char day[11], receipt[24];
	long when = m->day[k] + (long)below(r, 4);
	if (when > g->today)
		when = g->today;
	if (*first == NO_DAY)
		*first = when;
	iso(when, day);
	struct bulk_reint_payment p = { .plan = m->plan, .project = m->project, .tranche = m->tranche[k],
		                        .amount = m->amount[k], .recorded_by = g->officer, .paid_date = day,
		                        .method = methods[pick_weighted(r, N(methods_w))], .receipt_ref = receipt,
		                        .verified_by = "Zeinabou Garba" };
	bool reverse = g->reversals < 2 ? chance(r, 60) : chance(r, 4);
	p.id = g->next.payment++;
	snprintf(receipt, sizeof receipt, "RC-%lld", p.id);
	enum status s = bulk_reint_payment(g->bulk, &p);
	g->payments++;
	if (s != ST_OK || !reverse)
		return s;
	/* Recorded on the wrong tranche's receipt: reversed, then again. */
	struct bulk_reint_payment x = p;
	x.id = g->next.payment++;
	x.amount = -p.amount;
	x.reverses = p.id;
	x.reason = "Erreur de saisie : reçu d'une autre tranche";
	snprintf(receipt, sizeof receipt, "RC-%lld", x.id);
	if ((s = bulk_reint_payment(g->bulk, &x)) != ST_OK)
		return s;
	p.id = g->next.payment++;
	snprintf(receipt, sizeof receipt, "RC-%lld", p.id);
	g->reversals++;
	g->payments += 2;
	return bulk_reint_payment(g->bulk, &p);
}

/* ---- visits ------------------------------------------------------------- */

/* The survey's answers, better at each visit (step 0 the baseline). */
static enum status answers(struct reintgen *g, long long visit, int step, struct rng *r)
{
	enum status s = ST_OK;
	unsigned high = 250 + 150 * (unsigned)step, low = step ? 300 / (unsigned)(step + 1) : 350;
	for (int q = 0; s == ST_OK && q < 15; q++) {
		unsigned x = below(r, 1000);
		s = bulk_reint_answer(g->bulk, visit, questions[q], x < high ? "high" : x < 1000 - low ? "mid" : "low");
	}
	return s;
}

static enum status visit(struct reintgen *g, const struct money *m, const char *kind, int months, long due,
                         int step, struct rng *r, long *done_day)
{
	char due_s[11], done_s[11];
	iso(due, due_s);
	struct bulk_reint_visit v = { .id = g->next.visit++, .case_id = m->case_id, .project = m->project,
		                      .visitor = g->officer, .income = -1, .months = months, .business_running = -1,
		                      .kind = kind, .due_date = due_s, .status = "scheduled" };
	*done_day = NO_DAY;
	if (due <= g->today - 10) {
		unsigned x = below(r, 1000);
		v.status = step == 0 || x < 800 ? "done" : x < 920 ? "missed" : "unreachable";
	}
	bool done = strcmp(v.status, "done") == 0;
	if (done) {
		*done_day = due + (long)below(r, 8);
		iso(*done_day, done_s);
		v.done_date = done_s;
		v.mode = chance(r, 700) ? "in_person" : chance(r, 700) ? "phone" : "partner";
		v.satisfaction = satisfactions[pick_weighted(r, N(satisfactions_w))];
		v.remigration = chance(r, 820) ? "no" : chance(r, 600) ? "undecided" : "yes";
		if (m->business && step > 0) {
			v.business_running = chance(r, 780);
			v.income = v.business_running ? 15000 + 5000 * (long long)below(r, 12) : 0;
		}
		if (m->case_id)
			v.survey = 1;
	}
	enum status s = bulk_reint_visit(g->bulk, &v);
	g->visits++;
	if (s == ST_OK && done && m->case_id)
		s = answers(g, v.id, step, r);
	return s;
}

/* Phase B of one plan or project: payments of the tranches due, the
 * baseline (cases), the visits after the first payment. */
static enum status money_and_visits(struct reintgen *g, const struct money *m, struct rng *r, long *last_done,
                                    bool *unreachable)
{
	long first = NO_DAY, done;
	enum status s = ST_OK;
	*last_done = NO_DAY;
	*unreachable = false;
	for (int k = 0; s == ST_OK && m->paid && k < m->n; k++)
		if (m->day[k] <= g->today)
			s = pay(g, m, k, r, &first);
	if (s == ST_OK && m->ret != NO_DAY && m->ret + 12 <= g->today)
		s = visit(g, m, "baseline", 0, m->ret + 10, 0, r, &done);
	static const int months[] = { 3, 6, 12 };
	for (int k = 0; s == ST_OK && first != NO_DAY && m->monitor && k < 3; k++) {
		s = visit(g, m, "monitoring", months[k], first + 30L * months[k] + months[k] / 2, k + 1, r, &done);
		if (k == 2 && done != NO_DAY)
			*last_done = done;
		if (k == 2 && done == NO_DAY && first + 30L * 12 <= g->today - 10)
			*unreachable = chance(r, 500);
	}
	return s;
}

/* ---- cases -------------------------------------------------------------- */

static enum status items(struct reintgen *g, struct money *m, const struct ret *x, struct rng *r, long long per_1000,
                         long long *total)
{
	bool minor = x->birth != NO_DAY && x->day - x->birth < 18L * 365;
	enum status s = ST_OK;
	int pos = 0;
	*total = 0;
	m->business = !minor && chance(r, 650);
	if (m->business) {
		unsigned b = below(r, COUNT(businesses));
		long long value = local(300000 + 25000LL * below(r, 25), per_1000);
		struct bulk_reint_item it = { .id = g->next.item++, .plan = m->plan, .value = value, .position = ++pos,
			                      .category = "small_business", .provision = "direct",
			                      .description = businesses[b].activity };
		struct bulk_reint_business bp = { .item = it.id, .capital = value, .income = value / 10,
			                          .activity = businesses[b].activity, .sector = businesses[b].sector,
			                          .partners = chance(r, 300) ? "Chambre de métiers" : "" };
		*total += value;
		if ((s = bulk_reint_item(g->bulk, &it)) == ST_OK)
			s = bulk_reint_business(g->bulk, &bp);
	}
	if (s == ST_OK && minor) {
		long long value = local(60000 + 10000LL * below(r, 10), per_1000);
		struct bulk_reint_item it = { .id = g->next.item++, .plan = m->plan, .value = value, .position = ++pos,
			                      .category = "school_fees", .provision = "direct",
			                      .description = "Frais de scolarité de l'année" };
		*total += value;
		s = bulk_reint_item(g->bulk, &it);
	}
	static const char *const others[] = { "vocational_training", "housing", "medical", "psychosocial", "cash",
		                              "documents" };
	int more = m->business || minor ? (int)below(r, 2) : 1 + (int)below(r, 2);
	for (int k = 0; s == ST_OK && k < more; k++) {
		const char *cat = others[below(r, COUNT(others))];
		bool referral = strcmp(cat, "medical") == 0 || strcmp(cat, "psychosocial") == 0 || chance(r, 150);
		long long value = local(30000 + 10000LL * below(r, 15), per_1000);
		struct bulk_reint_item it = { .id = g->next.item++, .plan = m->plan, .value = value, .position = ++pos,
			                      .category = cat, .provision = referral ? "referral" : "direct",
			                      .referred_to = referral ? "Centre de santé du district" : "" };
		*total += value;
		s = bulk_reint_item(g->bulk, &it);
	}
	return s;
}

/* Phase A of a case: its plan, items and tranches. */
static enum status plan_case(struct reintgen *g, const struct ret *x, long long case_id, struct money *m)
{
	memset(m, 0, sizeof *m);
	struct rng r = stream(g->seed, 0x63617365ULL, (uint64_t)x->person);
	long long per_1000;
	const char *currency = currency_of(x->nat, &per_1000);
	long age = g->today - x->day;
	m->case_id = case_id;
	m->plan = g->next.plan++;
	m->ret = x->day;
	m->from = x;
	m->salt = (unsigned)x->person;
	m->region = region_of(g, x->nat, &r);
	long long total;
	enum status s = items(g, m, x, &r, per_1000, &total);
	if (s != ST_OK)
		return s;
	char submitted[24], approved[24];
	long sub = x->day + 12 + (long)below(&r, 10), appr = sub + 3 + (long)below(&r, 10);
	struct bulk_reint_plan p = { .id = m->plan, .case_id = case_id, .approved_amount = total,
		                     .submitted_by = g->officer, .approved_by = g->manager, .created_by = g->officer,
		                     .currency = currency };
	if (age < 15 || (age < 30 && chance(&r, 500))) {
		p.status = age < 15 ? "draft" : "submitted";
	} else if (chance(&r, 60)) {
		p.status = "cancelled";
		p.cancel_reason = chance(&r, 500) ? "Ne s'est plus présenté" : "A quitté la région";
	} else {
		p.approved = true;
		m->paid = true;
		m->monitor = true;
	}
	if (strcmp(p.status ? p.status : "", "draft") != 0 && sub <= g->today) {
		iso(sub, submitted);
		snprintf(submitted + 10, sizeof submitted - 10, "T09:%02u:00Z", below(&r, 60));
		p.submitted_at = submitted;
	}
	if (p.approved) {
		if (appr > g->today)
			appr = g->today;
		iso(appr, approved);
		snprintf(approved + 10, sizeof approved - 10, "T11:%02u:00Z", below(&r, 60));
		p.approved_at = approved;
		static const unsigned three[] = { 500, 300, 200 }, two[] = { 600, 400 };
		bool t3 = chance(&r, 500);
		long from = appr + 7;
		long last = from + (t3 ? 2 : 1) * 120L;
		/* Completed when every tranche is paid; stored under way until then. */
		m->complete = last <= g->today;
		p.status = from <= g->today ? "in_progress" : "approved";
		if ((s = bulk_reint_plan(g->bulk, &p)) != ST_OK)
			return s;
		s = tranches(g, m, total, from, t3 ? three : two, t3 ? 3 : 2, 120);
	} else {
		s = bulk_reint_plan(g->bulk, &p);
	}
	m->plan_status = m->complete ? "completed" : p.status;
	return s;
}

/* Phase B of a case: payments, visits, then the case with its status. */
static enum status follow_case(struct reintgen *g, const struct money *m)
{
	struct rng r = stream(g->seed, 0x666f6c6cULL, m->salt);
	long last_done;
	bool unreachable;
	enum status s = money_and_visits(g, m, &r, &last_done, &unreachable);
	if (s != ST_OK)
		return s;
	const struct ret *x = m->from;
	char ret[11], closed[11];
	iso(x->day, ret);
	struct bulk_reint_case c = { .id = m->case_id, .person = x->person, .centre = x->centre, .region = m->region,
		                     .caseworker = g->officer, .partner = g->partner, .created_by = g->officer,
		                     .country = x->nat, .return_date = ret, .return_kind = "avr", .status = "open" };
	long close = NO_DAY;
	if (strcmp(m->plan_status, "cancelled") == 0) {
		close = x->day + 60 + (long)below(&r, 60);
		c.close_reason = chance(&r, 600) ? "dropped_out" : "unreachable";
	} else if (last_done != NO_DAY && chance(&r, 850)) {
		close = last_done;
		c.close_reason = "completed";
	} else if (unreachable) {
		close = x->day + 420 + (long)below(&r, 30);
		c.close_reason = "unreachable";
	} else if (x->day + 120 <= g->today && chance(&r, 20)) {
		close = x->day + 100 + (long)below(&r, 20);
		c.close_reason = "remigrated";
	}
	if (close != NO_DAY && close <= g->today) {
		iso(close, closed);
		c.status = "closed";
		c.closed_date = closed;
	} else {
		c.close_reason = NULL;
		c.status = strcmp(m->plan_status, "completed") == 0 ? "monitoring" : "open";
	}
	g->cases++;
	return bulk_reint_case(g->bulk, &c);
}

/* Phase C: what is completed once its payments are stored. */
static enum status complete(struct reintgen *g)
{
	enum status s = bulk_commit(g->bulk);
	for (int i = 0; s == ST_OK && i < g->nchunk; i++) {
		const struct money *m = &g->chunk[i];
		if (m->complete)
			s = m->plan ? bulk_reint_plan_status(g->bulk, m->plan, "completed")
			            : bulk_reint_project_status(g->bulk, m->project, "completed");
	}
	return s;
}

static enum status write_cases(struct reintgen *g)
{
	enum status s = ST_OK;
	for (size_t at = 0; s == ST_OK && at < g->nrets; at += CHUNK) {
		size_t end = at + CHUNK < g->nrets ? at + CHUNK : g->nrets;
		g->nchunk = 0;
		for (size_t i = at; s == ST_OK && i < end; i++)
			s = plan_case(g, &g->rets[i], g->next.reint_case++, &g->chunk[g->nchunk++]);
		if (s == ST_OK)
			s = bulk_commit(g->bulk);
		for (int i = 0; s == ST_OK && i < g->nchunk; i++)
			s = follow_case(g, &g->chunk[i]);
		if (s == ST_OK)
			s = complete(g);
	}
	return s;
}

/* ---- projects ----------------------------------------------------------- */

static const struct nation *nation_of(const char *iso3)
{
	for (int i = 0; i < DEMO_NATIONS; i++)
		if (strcmp(demo_nations[i].iso3, iso3) == 0)
			return &demo_nations[i];
	return &demo_nations[0];
}

/* A community member of the project's place, registered the day they
 * joined (the short registration). */
static enum status register_member(struct reintgen *g, const char *country, const char *locality,
                                   const char *centre, long day, struct rng *r, long long *id)
{
	struct person_gen pg;
	memset(&pg, 0, sizeof pg);
	pg.nat = nation_of(country);
	pg.strand = demo_pick_strand(r, pg.nat);
	pg.sex = chance(r, 520) ? 'f' : 'm';
	pg.age = chance(r, 900) ? 18 + (int)below(r, 25) : 15 + (int)below(r, 3);
	demo_make_names(r, &pg, NULL);
	struct person *p = calloc(1, sizeof *p);
	if (!p)
		return ST_NOMEM;
	snprintf(p->family_name, sizeof p->family_name, "%s", pg.family.text);
	snprintf(p->given_names, sizeof p->given_names, "%s", pg.given_names);
	p->sex = pg.sex;
	int estimated;
	demo_make_birth(r, day, pg.age, p->birth_date, &estimated);
	p->birth_estimated = estimated != 0;
	snprintf(p->nationality, sizeof p->nationality, "%s", country);
	snprintf(p->locality, sizeof p->locality, "%s", locality);
	snprintf(p->kind, sizeof p->kind, "community");
	iso(day, p->arrival_date);
	memcpy(p->community_since, p->arrival_date, sizeof p->community_since);
	memcpy(p->consent_date, p->arrival_date, sizeof p->consent_date);
	snprintf(p->arrival_mode, sizeof p->arrival_mode, "other");
	snprintf(p->centre_code, sizeof p->centre_code, "%s", centre);
	p->consent_data = true;
	p->consent_share = chance(r, 800);
	char created[24];
	snprintf(created, sizeof created, "%sT%02u:%02u:00Z", p->arrival_date, 8 + below(r, 8), below(r, 60));
	enum status s = bulk_person(g->bulk, p, g->clerk, created);
	*id = p->id;
	free(p);
	g->community++;
	return s;
}

static enum status add_member(struct reintgen *g, long long project, long long person, int serial, long joined,
                              struct rng *r)
{
	char day[11], left[11];
	iso(joined, day);
	struct bulk_reint_member m = { .project = project, .person = person, .joined = day,
		                       .role = serial == 0 ? "leader" : serial == 1 ? "treasurer" : "member" };
	long l = joined + 30 + (long)below(r, 300);
	if (serial > 1 && chance(r, 60) && l <= g->today) {
		iso(l, left);
		m.left = left;
	}
	g->members++;
	return bulk_reint_member(g->bulk, &m);
}

/* Returnees of country back before day: up to want of them, drawn fairly
 * (reservoir sampling over the cases). */
static int returnees(struct reintgen *g, const char *country, long day, int want, struct rng *r, long long *out)
{
	int n = 0;
	long seen = 0;
	for (size_t i = 0; i < g->nrets; i++) {
		const struct ret *x = &g->rets[i];
		if (strcmp(x->nat, country) != 0 || x->day > day - 30)
			continue;
		seen++;
		if (n < want)
			out[n++] = x->person;
		else if ((long)below(r, (unsigned)seen) < want)
			out[below(r, (unsigned)want)] = x->person;
	}
	return n;
}

static enum status write_project(struct reintgen *g, unsigned t, struct money *m)
{
	struct rng r = stream(g->seed, 0x70726f6aULL, t);
	memset(m, 0, sizeof *m);
	bool community = strcmp(templates[t].kind, "community") == 0;
	long start = g->today - 20 - (long)below(&r, 1000);
	long long per_1000;
	const char *currency = currency_of(templates[t].country, &per_1000);
	long long budget = local((community ? 3000000 : 1500000) + 250000LL * below(&r, 40), per_1000);
	bool niger = strcmp(templates[t].country, "NER") == 0;
	char start_s[11], approved[24];
	iso(start, start_s);
	iso(start - 15, approved);
	snprintf(approved + 10, sizeof approved - 10, "T10:%02u:00Z", below(&r, 60));
	m->project = g->next.project++;
	m->paid = m->monitor = true;
	m->business = true;
	m->ret = NO_DAY;
	m->salt = 0x1000u + t;
	m->complete = start < g->today - 540 && chance(&r, 700);
	struct bulk_reint_project p = {
		.id = m->project, .centre = niger ? g->zin : g->ny2, .region = region_code(g, templates[t].region),
		.partner = g->partner, .budget = budget, .approved = true, .approved_amount = budget,
		.approved_by = g->manager, .caseworker = g->officer, .created_by = g->officer, .kind = templates[t].kind,
		.name = templates[t].name, .country = templates[t].country, .locality = templates[t].locality,
		.activity = templates[t].activity, .currency = currency, .approved_at = approved, .start_date = start_s,
		.status = "running",
	};
	enum status s = bulk_reint_project(g->bulk, &p);
	static const unsigned shares[] = { 400, 350, 250 };
	if (s == ST_OK)
		s = tranches(g, m, budget, start, shares, 3, 120);
	/* Members: returnees of the country (a third of a community project),
	 * community members registered for it. */
	int want = community ? 8 + (int)below(&r, 13) : 4 + (int)below(&r, 5);
	if (g->people < FULL_PEOPLE)
		want = 3 + (int)((long)want * g->people / FULL_PEOPLE);
	int back = community ? want / 3 : want;
	long long people[24];
	int n = returnees(g, templates[t].country, start, back, &r, people);
	int serial = 0;
	for (int k = 0; s == ST_OK && k < n; k++)
		s = add_member(g, m->project, people[k], serial++, start - (long)below(&r, 10), &r);
	for (int k = 0; s == ST_OK && community && k < want - n; k++) {
		long long id;
		long joined = start - (long)below(&r, 10);
		s = register_member(g, templates[t].country, templates[t].locality, niger ? "ZIN" : "NY2", joined, &r, &id);
		if (s == ST_OK)
			s = add_member(g, m->project, id, serial++, joined, &r);
	}
	return s;
}

static enum status write_projects(struct reintgen *g)
{
	enum status s = ST_OK;
	g->nchunk = 0;
	/* Every project from FULL_PEOPLE people on; fewer, spread over the
	 * list, in smaller demos (none in the tiniest). */
	unsigned n = COUNT(templates);
	long k = g->people >= FULL_PEOPLE ? (long)n : (long)n * g->people / FULL_PEOPLE;
	for (unsigned t = 0; s == ST_OK && t < n; t++) {
		if ((long)(t + 1) * k / (long)n == (long)t * k / (long)n)
			continue;
		s = write_project(g, t, &g->chunk[g->nchunk++]);
		g->projects++;
	}
	if (s == ST_OK)
		s = bulk_commit(g->bulk);
	for (int i = 0; s == ST_OK && i < g->nchunk; i++) {
		struct rng r = stream(g->seed, 0x666f6c6cULL, g->chunk[i].salt);
		long last;
		bool unreachable;
		s = money_and_visits(g, &g->chunk[i], &r, &last, &unreachable);
	}
	return s == ST_OK ? complete(g) : s;
}

/* ---- the whole ---------------------------------------------------------- */

static long last_day(struct reintgen *g)
{
	long today = (long)(clock_now() / 86400);
	char last[11];
	bulk_last_stay_day(g->bulk, last);
	long end = parse_day(last);
	return end != NO_DAY && end < today ? end : today;
}

static enum status generate(struct reintgen *g)
{
	g->today = last_day(g);
	g->officer = bulk_user_id(g->bulk, "reintegration");
	g->manager = bulk_user_id(g->bulk, "manager");
	g->clerk = bulk_user_id(g->bulk, "intake");
	g->ny2 = bulk_centre_id(g->bulk, "NY2");
	g->zin = bulk_centre_id(g->bulk, "ZIN");
	g->partner = bulk_ref_item_id(g->bulk, REFLIST_PARTNER, "implementing_ngo");
	g->people = bulk_person_count(g->bulk);
	if (!g->officer || !g->manager || !g->ny2 || !g->zin || !g->partner)
		return ST_INTERNAL;
	enum status s = bulk_reint_first_ids(g->bulk, &g->next);
	if (s == ST_OK)
		s = bulk_reint_regions(g->bulk, take_region, g);
	if (s == ST_OK)
		s = bulk_returns(g->bulk, take_return, g);
	if (s == ST_OK)
		s = write_cases(g);
	if (s == ST_OK)
		s = write_projects(g);
	if (s == ST_OK) {
		char json[240];
		snprintf(json, sizeof json,
		         "{\"cases\": %lld, \"projects\": %u, \"members\": %lld, \"community_members\": %lld, "
		         "\"payments\": %lld, \"reversals\": %lld, \"visits\": %lld}",
		         g->cases, g->projects, g->members, g->community, g->payments, g->reversals,
		         g->visits);
		s = audit_log(g->db, "create", "demo_reint", 0, json);
	}
	return s;
}

enum status demo_reint(struct db *db, const struct demo_options *o)
{
	struct reintgen *g = calloc(1, sizeof *g);
	if (!g)
		return ST_NOMEM;
	g->db = db;
	g->seed = o->seed;
	g->chunk = calloc(CHUNK > COUNT(templates) ? CHUNK : COUNT(templates), sizeof *g->chunk);
	enum status s = g->chunk ? bulk_begin(db, &g->bulk) : ST_NOMEM;
	if (s == ST_OK) {
		s = generate(g);
		s = bulk_end(g->bulk, s);
	}
	if (o->progress)
		o->progress(1, 1, o->ctx);
	free(g->rets);
	free(g->chunk);
	free(g);
	return s;
}
