/* Synthetic psychosocial records for demo databases (see demo_psych.h).
 *
 * The sessions of a centre on a day come from a random stream of their own
 * (seed, centre, day), so that the pass over the people can find again the
 * sessions of the days they stayed without keeping them: a session's id is
 * made from its centre, day and slot. A session exists only on a day
 * someone stays at the centre (the occupancy, one count per centre and
 * day, is the only table kept in memory: its size depends on the calendar,
 * not on the number of people). People are then read 10,000 at a time with
 * their stays and flags, as the medical generator does. */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/psych_vocab.h"
#include "db/audit.h"
#include "db/bulk.h"
#include "db/reflist.h"
#include "demo/demo_gen.h"
#include "demo/demo_psych.h"

#define READ_PEOPLE 10000
#define COMMIT_ROWS 50000L
#define SLOTS 3               /* sessions of a centre on one day, at most */
#define PLAN_DAYS 7           /* sessions planned after today */
#define MAX_SPANS 16
#define ROOM 40               /* people staying beyond which rolls stop growing */
#define NO_DAY LONG_MIN

/* ---- calendar ----------------------------------------------------------- */

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

/* The day of "YYYY-MM-DD"; a partial date stands for the middle of its
 * year or month; NO_DAY when not a date. */
static long parse_day(const char *s)
{
	if (!s || !s[0])
		return NO_DAY;
	size_t len = strlen(s);
	int y = len >= 4 ? digits(s, 4) : -1;
	int m = len >= 7 && s[4] == '-' ? digits(s + 5, 2) : 0;
	int d = len >= 10 && s[7] == '-' ? digits(s + 8, 2) : 0;
	if (y < 1900 || m < 0 || m > 12 || d < 0 || d > 31)
		return NO_DAY;
	return m == 0 ? days_from_civil(y, 7, 1) : days_from_civil(y, m, d ? d : 15);
}

static void put_digits(char *out, int v, int n)
{
	for (int i = n - 1; i >= 0; i--) {
		out[i] = (char)('0' + v % 10);
		v /= 10;
	}
}

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

/* ---- what the sessions are ---------------------------------------------- */

/* Group activities (codes of the reference list) and their weights. */
static const char *const activities[] = { "group_counselling", "workshop", "discussion", "game", "football",
	                                  "yoga", "reading", "art" };
static const unsigned activity_weights[] = { 10, 15, 15, 15, 10, 8, 12, 15 };
enum { A_FOOTBALL = 4, A_GAME = 3, A_ART = 7, A_COUNT = 8 };
static const char *const titles[A_COUNT][3] = {
	{ "Parler de son parcours", "Gérer le stress", "" },
	{ "Couture", "Gestion du stress", "Préparer le retour" },
	{ "Groupe de parole des femmes", "Groupe de parole des jeunes", "" },
	{ "Jeux de société", "Jeux d'équipe", "" },
	{ "Match du soir", "Entraînement", "" },
	{ "Respiration et détente", "", "" },
	{ "Contes", "Lecture à voix haute", "" },
	{ "Dessin", "Peinture", "Théâtre" },
};
static const char *const places[] = { "Cour", "Salle polyvalente", "Espace enfants", "Sous le hangar" };
static const char *const partners[] = { "implementing_ngo", "centre_staff", "other" };
static const unsigned partner_weights[] = { 70, 20, 10 };
static const char *const facilitators[] = { "Mariama Issa", "Abdou Moussa", "Fatouma Hamidou", "Ibrahim Saley",
	                                    "Aïchatou Boubacar" };
static const char *const cancel_reasons[] = { "Pluie", "Animateur absent", "Distribution dans la cour",
	                                      "Coupure d'électricité", "Visite officielle" };

enum day_status { D_HELD, D_CANCELLED, D_PLANNED };

struct dsess {
	int slot, activity, partner, facilitator, place, title, reason;
	bool count;                 /* head count instead of names */
	enum day_status status;
	const char *start, *end;
	int counts[4];
};

struct psygen {
	struct db *db;
	struct bulk *bulk;
	unsigned seed;
	long today, day0, ndays;    /* occupancy over day0 .. day0 + ndays - 1 (= today) */
	long long ncentres;         /* largest centre id */
	int *occ;                   /* [centre * ndays + day - day0] people staying */
	long long first_id;         /* of the sessions' ids */
	long long activity_id[A_COUNT], partner_id[3], worker;
	long long sessions, marks, supports, tx_rows;
	/* the people being read */
	struct bulk_person_row *rows;
	struct person_in *people;
	int npeople, cursor;
};

struct span_in {
	long long centre;
	long admitted, end;
	bool departed;
};

struct person_in {
	long long id;
	long birth;
	bool vulnerable;
	struct span_in span[MAX_SPANS];
	int nspans;
};

static struct rng stream(unsigned seed, uint64_t a, uint64_t b)
{
	struct rng mix = { (((uint64_t)seed << 32) ^ 0x50535943ULL) ^ (a * 0xd1b54a32d192ed03ULL)
		           ^ (b * 0x9e3779b97f4a7c15ULL) };
	struct rng r = { rng_next(&mix) };
	return r;
}

static int occupancy(const struct psygen *g, long long centre, long day)
{
	if (centre < 1 || centre > g->ncentres || day < g->day0)
		return 0;
	if (day > g->today)
		day = g->today;
	return g->occ[(centre - 1) * g->ndays + (day - g->day0)];
}

/* The sessions of centre on day (none when nobody stays there), into out. */
static int day_sessions(const struct psygen *g, long long centre, long day, struct dsess out[SLOTS])
{
	if (occupancy(g, centre, day) == 0)
		return 0;
	struct rng r = stream(g->seed, (uint64_t)centre, (uint64_t)day);
	int weekday = (int)((day % 7 + 7 + 3) % 7);   /* 0 Monday: 1 January 1970 was a Thursday */
	int n = 0;
	for (int slot = 0; slot < SLOTS; slot++) {
		bool on;
		struct dsess s = { 0 };
		s.slot = slot;
		if (weekday == 6)
			on = false;
		else if (weekday == 5)
			on = slot == 2 && chance(&r, 700);
		else if (slot == 0)
			on = chance(&r, 800);
		else
			on = slot == 1 && weekday == 2 && chance(&r, 500);
		/* Every draw is made whether the session is on or not: the stream
		 * stays the same length. */
		s.activity = slot == 2 ? A_FOOTBALL : slot == 1 ? (chance(&r, 500) ? A_FOOTBALL : A_GAME)
		                                                  : pick_weighted(&r, N(activity_weights));
		s.count = slot == 2;
		s.partner = pick_weighted(&r, N(partner_weights));
		s.facilitator = (int)below(&r, COUNT(facilitators) + 2);   /* the last two: the account */
		s.place = (int)below(&r, COUNT(places));
		s.title = (int)below(&r, 3);
		s.reason = (int)below(&r, COUNT(cancel_reasons));
		bool cancelled = chance(&r, 30);
		s.counts[0] = 3 + (int)below(&r, 15);
		s.counts[1] = (int)below(&r, 7);
		s.counts[2] = 4 + (int)below(&r, 20);
		s.counts[3] = (int)below(&r, 4);
		if (!on)
			continue;
		s.status = day > g->today ? D_PLANNED : cancelled ? D_CANCELLED : D_HELD;
		s.start = slot == 0 ? "09:30" : slot == 1 ? "15:00" : "16:30";
		s.end = slot == 0 ? "11:00" : slot == 1 ? "16:30" : "18:00";
		out[n++] = s;
	}
	return n;
}

static long long session_id(const struct psygen *g, long long centre, long day, int slot)
{
	return g->first_id + ((long long)(day - g->day0) * g->ncentres + (centre - 1)) * SLOTS + slot;
}

static enum status write_session(struct psygen *g, long long centre, long day, const struct dsess *s)
{
	char date[11];
	iso_day(day, date);
	bool account = s->facilitator >= (int)COUNT(facilitators) && g->worker;
	struct bulk_psych_session row = {
		.id = session_id(g, centre, day, s->slot),
		.centre = centre,
		.activity = g->activity_id[s->activity],
		.facilitator = account ? g->worker : 0,
		.partner = g->partner_id[s->partner],
		.created_by = g->worker,
		.title = titles[s->activity][s->title],
		.date = date,
		.start_time = s->start,
		.end_time = s->end,
		.facilitator_name = account ? "" : facilitators[s->facilitator % COUNT(facilitators)],
		.place = s->activity == A_FOOTBALL ? "Terrain" : places[s->place],
		.status = s->status == D_HELD ? "held" : s->status == D_CANCELLED ? "cancelled" : "planned",
		.cancel_reason = s->status == D_CANCELLED ? cancel_reasons[s->reason] : "",
		.roll = s->count ? "count" : "names",
	};
	memcpy(row.counts, s->counts, sizeof row.counts);
	g->sessions++;
	g->tx_rows++;
	return bulk_psych_session(g->bulk, &row);
}

static enum status all_sessions(struct psygen *g)
{
	enum status s = ST_OK;
	for (long long c = 1; c <= g->ncentres && s == ST_OK; c++)
		for (long d = g->day0; d <= g->today + PLAN_DAYS && s == ST_OK; d++) {
			struct dsess out[SLOTS];
			int n = day_sessions(g, c, d, out);
			for (int i = 0; i < n && s == ST_OK; i++)
				s = write_session(g, c, d, &out[i]);
			if (s == ST_OK && g->tx_rows >= COMMIT_ROWS) {
				s = bulk_commit(g->bulk);
				g->tx_rows = 0;
			}
		}
	return s;
}

/* ---- occupancy ---------------------------------------------------------- */

/* The days of a stay the records know: admission to departure, or to
 * today while there; false when it starts after today. */
static bool stay_days(const struct psygen *g, const struct bulk_stay_row *r, long *from, long *to, bool *departed)
{
	long a = parse_day(r->admitted), e = parse_day(r->departed);
	if (a == NO_DAY || a > g->today)
		return false;
	*departed = e != NO_DAY && e <= g->today;
	*from = a;
	*to = *departed ? (e < a ? a : e) : g->today;
	return true;
}

static enum status first_day(const struct bulk_stay_row *r, void *ctx)
{
	struct psygen *g = ctx;
	long a = parse_day(r->admitted);
	if (a != NO_DAY && a < g->day0)
		g->day0 = a;
	return ST_OK;
}

/* Adds a stay to the occupancy (as differences, summed afterwards). */
static enum status add_stay(const struct bulk_stay_row *r, void *ctx)
{
	struct psygen *g = ctx;
	long from, to;
	bool departed;
	if (r->centre < 1 || r->centre > g->ncentres || !stay_days(g, r, &from, &to, &departed))
		return ST_OK;
	int *row = &g->occ[(r->centre - 1) * g->ndays];
	row[from - g->day0]++;
	if (to + 1 - g->day0 < g->ndays)
		row[to + 1 - g->day0]--;
	return ST_OK;
}

static enum status make_occupancy(struct psygen *g)
{
	g->day0 = g->today;
	enum status s = bulk_stays(g->bulk, 0, LLONG_MAX, first_day, g);
	if (s != ST_OK)
		return s;
	g->ndays = g->today - g->day0 + 1;
	g->ncentres = bulk_max_centre_id(g->bulk);
	if (g->ncentres <= 0 || g->ndays <= 0)
		return ST_OK;
	g->occ = calloc((size_t)g->ncentres * (size_t)g->ndays, sizeof *g->occ);
	if (!g->occ)
		return ST_NOMEM;
	s = bulk_stays(g->bulk, 0, LLONG_MAX, add_stay, g);
	for (long long c = 0; c < g->ncentres && s == ST_OK; c++)
		for (long d = 1; d < g->ndays; d++)
			g->occ[c * g->ndays + d] += g->occ[c * g->ndays + d - 1];
	return s;
}

/* ---- people: attendance and support ------------------------------------- */

static const char *const actions_done[] = {
	"Écoute active, exercices de respiration.",
	"Psychoéducation sur le stress et le sommeil.",
	"Entretien de soutien, orientation vers les activités de groupe.",
	"Travail sur le deuil, rituel d'adieu proposé.",
	"Stabilisation émotionnelle, plan de sécurité revu.",
	"Entretien familial sur la séparation, contact avec le service de rétablissement des liens familiaux.",
	"Suivi : mieux dormir, reprise de l'appétit.",
};

static enum status mark(struct psygen *g, struct rng *r, long long session, long long person)
{
	static const char *const marks[] = { "present", "left_early", "absent", "excused" };
	static const unsigned weights[] = { 800, 60, 80, 60 };
	g->marks++;
	g->tx_rows++;
	return bulk_psych_attendance(g->bulk, session, person, marks[pick_weighted(r, N(weights))], g->worker);
}

static enum status attend(struct psygen *g, const struct person_in *p, struct rng *r)
{
	/* A habit of one's own: some never come, some nearly always. */
	static const unsigned habits[] = { 0, 150, 350, 650 };
	static const unsigned habit_weights[] = { 25, 35, 30, 10 };
	unsigned habit = habits[pick_weighted(r, N(habit_weights))];
	long done = NO_DAY;
	enum status s = ST_OK;
	for (int k = 0; k < p->nspans && s == ST_OK; k++) {
		const struct span_in *sp = &p->span[k];
		long from = sp->admitted > done ? sp->admitted : done + 1;
		for (long d = from; d <= sp->end && s == ST_OK; d++) {
			struct dsess out[SLOTS];
			int n = day_sessions(g, sp->centre, d, out);
			bool child = p->birth != NO_DAY && d - p->birth < 18 * 365;
			for (int i = 0; i < n && s == ST_OK; i++) {
				if (out[i].status != D_HELD || out[i].count)
					continue;
				int a = out[i].activity;
				unsigned per_mille = habit + (child && (a == A_GAME || a == A_FOOTBALL || a == A_ART) ? 150 : 0);
				/* A group has room for so many: in a full centre, each
				 * has less chance to be on the roll. */
				int staying = occupancy(g, sp->centre, d);
				if (staying > ROOM)
					per_mille = per_mille * ROOM / (unsigned)staying;
				if (habit && chance(r, per_mille))
					s = mark(g, r, session_id(g, sp->centre, d, out[i].slot), p->id);
			}
		}
		if (sp->end > done)
			done = sp->end;
	}
	return s;
}

/* Individual support during the person's last stay: every one or two
 * weeks, each with the next appointment; the last one's is after the stay
 * for those still there (due around today), none for those who left. */
static enum status support(struct psygen *g, const struct person_in *p, struct rng *r, unsigned flags)
{
	if (p->nspans == 0)
		return ST_OK;
	const struct span_in *sp = &p->span[p->nspans - 1];
	/* Those still there are followed until today: their next appointments
	 * make today's follow-up list. */
	if (!chance(r, sp->departed ? (p->vulnerable ? 450 : 20) : (p->vulnerable ? 800 : 150)))
		return ST_OK;
	long d = sp->admitted + 1 + (long)below(r, 4);
	if (!sp->departed && d < sp->end - 60)
		d = sp->end - 60 + (long)below(r, 7);
	if (d > sp->end)
		return ST_OK;
	int left = sp->departed ? 1 + (int)below(r, 6) : 99;
	enum status s = ST_OK;
	while (s == ST_OK && left-- > 0 && d <= sp->end) {
		long next = d + 7 + (long)below(r, 8);
		bool last = left == 0 || next > sp->end;
		char date[11], due[11] = "";
		iso_day(d, date);
		if (!last || !sp->departed)
			iso_day(next, due);
		int concerns = (int)flags;
		if (chance(r, 600))
			concerns |= 1 << PSYCH_CONCERN_DISTRESS;
		if (chance(r, 350))
			concerns |= 1 << PSYCH_CONCERN_SLEEP;
		if (chance(r, 120))
			concerns |= 1 << PSYCH_CONCERN_GRIEF;
		if (!concerns)
			concerns = 1 << PSYCH_CONCERN_DISTRESS;
		unsigned u = below(r, 1000);
		const char *risk = u < 50 ? "self" : u < 80 ? "others" : "none";
		int referrals = 0;
		if (risk[0] != 'n' && chance(r, 700))
			referrals |= 1 << PSYCH_REFERRAL_MENTAL_HEALTH;
		if (chance(r, 50))
			referrals |= 1 << PSYCH_REFERRAL_MEDICAL;
		if ((flags & (1 << PSYCH_CONCERN_TRAFFICKING | 1 << PSYCH_CONCERN_VIOLENCE)) && chance(r, 150))
			referrals |= 1 << PSYCH_REFERRAL_PROTECTION;
		unsigned m = below(r, 100);
		struct bulk_psych_support row = {
			.person = p->id,
			.centre = sp->centre,
			.worker = g->worker,
			.date = date,
			.modality = m < 80 ? "individual" : m < 95 ? "family" : "group",
			.concern_other = "",
			.actions = actions_done[below(r, COUNT(actions_done))],
			.risk = risk,
			.next_appointment = due,
			.concerns = concerns,
			.referrals = referrals,
		};
		g->supports++;
		g->tx_rows++;
		s = bulk_psych_support(g->bulk, &row);
		d = next;
	}
	return s;
}

/* The concerns a vulnerability flag suggests, and whether it makes the
 * person one of those offered individual support. */
static unsigned flag_concerns(const char *flag, bool *vulnerable)
{
	static const struct {
		const char *flag;
		unsigned concerns;
	} map[] = {
		{ "unaccompanied_child", 1u << PSYCH_CONCERN_SEPARATION },
		{ "separated_child", 1u << PSYCH_CONCERN_SEPARATION },
		{ "trafficking_presumed", 1u << PSYCH_CONCERN_TRAFFICKING },
		{ "trafficking_identified", 1u << PSYCH_CONCERN_TRAFFICKING },
		{ "violence_victim", 1u << PSYCH_CONCERN_VIOLENCE },
		{ "serious_medical", 1u << PSYCH_CONCERN_DISTRESS },
		{ "disability", 0 },
		{ "older_person", 0 },
	};
	for (size_t i = 0; i < COUNT(map); i++)
		if (strcmp(flag, map[i].flag) == 0) {
			*vulnerable = true;
			return map[i].concerns;
		}
	return 0;
}

/* ---- the run ------------------------------------------------------------ */

struct reading {
	struct psygen *g;
	unsigned *flags;             /* concerns suggested, per person read */
};

static int find_person(struct psygen *g, long long id)
{
	while (g->cursor < g->npeople && g->people[g->cursor].id < id)
		g->cursor++;
	return g->cursor < g->npeople && g->people[g->cursor].id == id ? g->cursor : -1;
}

static enum status take_stay(const struct bulk_stay_row *r, void *ctx)
{
	struct psygen *g = ((struct reading *)ctx)->g;
	int i = find_person(g, r->person);
	long from, to;
	bool departed;
	if (i < 0 || g->people[i].nspans == MAX_SPANS || !stay_days(g, r, &from, &to, &departed))
		return ST_OK;
	struct span_in *sp = &g->people[i].span[g->people[i].nspans++];
	sp->centre = r->centre;
	sp->admitted = from;
	sp->end = to;
	sp->departed = departed;
	return ST_OK;
}

static enum status take_flag(long long person, const char *flag, void *ctx)
{
	struct reading *rd = ctx;
	int i = find_person(rd->g, person);
	if (i >= 0 && flag)
		rd->flags[i] |= flag_concerns(flag, &rd->g->people[i].vulnerable);
	return ST_OK;
}

static enum status people_pass(struct psygen *g, void (*progress)(long, long, void *), void *ctx)
{
	long total = bulk_person_count(g->bulk), done = 0;
	long long after = 0;
	unsigned *flags = calloc(READ_PEOPLE, sizeof *flags);
	if (!flags)
		return ST_NOMEM;
	struct reading rd = { g, flags };
	enum status s = ST_OK;
	while (s == ST_OK) {
		int n;
		s = bulk_people(g->bulk, after, g->rows, READ_PEOPLE, &n);
		if (s != ST_OK || n == 0)
			break;
		for (int i = 0; i < n; i++) {
			memset(&g->people[i], 0, sizeof g->people[i]);
			g->people[i].id = g->rows[i].id;
			g->people[i].birth = parse_day(g->rows[i].birth_date);
			flags[i] = 0;
		}
		g->npeople = n;
		after = g->people[n - 1].id;
		g->cursor = 0;
		s = bulk_stays(g->bulk, g->people[0].id, after, take_stay, &rd);
		g->cursor = 0;
		if (s == ST_OK)
			s = bulk_flags(g->bulk, g->people[0].id, after, take_flag, &rd);
		for (int i = 0; i < n && s == ST_OK; i++) {
			struct rng r = stream(g->seed, 0x70657273ULL, (uint64_t)g->people[i].id);
			s = attend(g, &g->people[i], &r);
			if (s == ST_OK)
				s = support(g, &g->people[i], &r, flags[i]);
			if (s == ST_OK && g->tx_rows >= COMMIT_ROWS) {
				s = bulk_commit(g->bulk);
				g->tx_rows = 0;
			}
		}
		done += n;
		if (s == ST_OK && progress && n == READ_PEOPLE)
			progress(done, total > done ? total : done, ctx);
	}
	if (s == ST_OK && progress && (done == 0 || done % READ_PEOPLE != 0))
		progress(done, total > done ? total : done, ctx);
	free(flags);
	return s;
}

/* The day the records end: the last day of the stays, or today if earlier. */
static long last_day(struct psygen *g)
{
	long today = (long)(clock_now() / 86400);
	char last[11];
	bulk_last_stay_day(g->bulk, last);
	long end = parse_day(last);
	return end != NO_DAY && end < today ? end : today;
}

static enum status generate(struct psygen *g, const struct demo_options *o)
{
	g->today = last_day(g);
	g->worker = bulk_user_id(g->bulk, "psychosocial");
	for (int i = 0; i < A_COUNT; i++)
		if (!(g->activity_id[i] = bulk_ref_item_id(g->bulk, REFLIST_PSYCH_ACTIVITY, activities[i])))
			return ST_INTERNAL;
	for (int i = 0; i < 3; i++)
		if (!(g->partner_id[i] = bulk_ref_item_id(g->bulk, REFLIST_PARTNER, partners[i])))
			return ST_INTERNAL;
	g->first_id = bulk_psych_first_id(g->bulk);
	if (g->first_id <= 0)
		return ST_INTERNAL;
	enum status s = make_occupancy(g);
	if (s == ST_OK && g->occ)
		s = all_sessions(g);
	if (s == ST_OK && g->occ)
		s = people_pass(g, o->progress, o->ctx);
	if (s == ST_OK) {
		char json[160];
		snprintf(json, sizeof json, "{\"sessions\": %lld, \"attendance\": %lld, \"support\": %lld}",
		         g->sessions, g->marks, g->supports);
		s = audit_log(g->db, "create", "demo_psych", 0, json);
	}
	return s;
}

enum status demo_psych(struct db *db, const struct demo_options *o)
{
	struct psygen *g = calloc(1, sizeof *g);
	if (!g)
		return ST_NOMEM;
	g->db = db;
	g->seed = o->seed;
	g->rows = calloc(READ_PEOPLE, sizeof *g->rows);
	g->people = calloc(READ_PEOPLE, sizeof *g->people);
	enum status s = g->rows && g->people ? bulk_begin(db, &g->bulk) : ST_NOMEM;
	if (s == ST_OK) {
		s = generate(g, o);
		s = bulk_end(g->bulk, s);
	}
	free(g->occ);
	free(g->rows);
	free(g->people);
	free(g);
	return s;
}
