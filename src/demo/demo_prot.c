/* Synthetic protection records for demo databases (see demo_prot.h).
 *
 * One pass over the people, a page at a time, each with their last stay
 * and flags, each decided by their own random stream: a case for most
 * unaccompanied and separated children and victims of trafficking and a
 * share of the other vulnerable people, opened after the admission and
 * closed on the departure; concerns after the flags, actions (some
 * overdue), consents, referrals; a child's assessment (approved by the
 * manager, waiting, a draft; the first one rejected before), care, tracing
 * with its actions and the visits after a reunification; a victim's
 * record at Zinder with its CTDC details; for a stay ended by assisted
 * voluntary return the return that left that day (a child's only after an
 * approved determination, which the schema's triggers require), and live
 * requests at each step for people staying now. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "db/audit.h"
#include "db/bulk.h"
#include "db/bulk_prot.h"
#include "demo/demo_gen.h"
#include "demo/demo_people.h"
#include "demo/demo_prot.h"

#define PAGE 512
#define NO_DAY (-1000000L)

struct protgen {
	struct db *db;
	struct bulk *bulk;
	unsigned seed;
	long today;
	long long officer, manager, zin;
	bool rejected;            /* the one rejected assessment made */
	long long cases, children, assessments, tracings, victims, referrals, returns, live, docs;
};

static struct rng stream(unsigned seed, uint64_t a, uint64_t b)
{
	struct rng mix = { (((uint64_t)seed << 32) ^ 0x50524f54ULL) ^ (a * 0xd1b54a32d192ed03ULL)
		           ^ (b * 0x9e3779b97f4a7c15ULL) };
	struct rng r = { rng_next(&mix) };
	return r;
}

static long parse_day(const char *s)
{
	int y = 0, m = 1, d = 1;
	if (!s || sscanf(s, "%4d-%2d-%2d", &y, &m, &d) < 3 || y < 1900)
		return NO_DAY;
	return days_from_civil(y, m, d);
}

/* Day as ISO, or a time of it ("...T10:mm:00Z") when stamp. */
static void day_s(long day, char out[24], bool stamp, struct rng *r)
{
	demo_iso_day(day, out);
	if (stamp)
		snprintf(out + 10, 14, "T%02u:%02u:00Z", 8 + below(r, 9), below(r, 60));
}

static long min_l(long a, long b)
{
	return a < b ? a : b;
}

/* ---- a case -------------------------------------------------------------- */

struct person_ctx {
	const struct bulk_prot_person *p;
	long admitted, departed;  /* departed NO_DAY while there */
	bool avr, child, victim;
	long long case_id;
	long opened, end;         /* the case's days (end: closed, or today) */
	bool approved;            /* an approved determination */
};

static const char *const extra_concerns[] = { "family_separation", "missing_documents", "mental_health",
	                                       "abandoned_desert", "detention", "serious_medical", "asylum" };

static enum status actions(struct protgen *g, struct person_ctx *c, struct rng *r)
{
	static const char *const what[] = { "Medical check-up at the district hospital", "Psychosocial session",
		                            "Obtain a birth certificate", "Contact the consulate",
		                            "Home visit to the interim carer", "Legal counselling" };
	enum status s = ST_OK;
	int n = 1 + (int)below(r, 3);
	for (int k = 0; s == ST_OK && k < n; k++) {
		long due = c->opened + 7 + (long)below(r, 40);
		char due_s[24], done_s[24];
		day_s(due, due_s, false, r);
		bool done = c->end < g->today || (due < g->today && chance(r, 500)) || chance(r, 150);
		day_s(min_l(due, c->end), done_s, false, r);
		struct bulk_prot_action a = {
			.case_id = c->case_id, .assigned = g->officer, .created_by = g->officer,
			.description = what[below(r, COUNT(what))], .due_date = due_s,
			.status = done ? "done" : "open", .done_date = done ? done_s : NULL,
			.outcome = done ? "Done as planned" : NULL,
		};
		s = bulk_prot_action(g->bulk, &a);
	}
	return s;
}

static enum status child_records(struct protgen *g, struct person_ctx *c, struct rng *r)
{
	enum status s = ST_OK;
	char d1[24], d2[24], d3[24];
	long assessed = min_l(c->opened + 3 + (long)below(r, 10), c->end);
	/* The first child's first assessment was sent back. */
	if (!g->rejected && !c->avr) {
		day_s(assessed, d1, false, r);
		day_s(assessed, d2, true, r);
		struct bulk_prot_bi bi = {
			.case_id = c->case_id, .assessed_by = g->officer, .submitted_by = g->officer,
			.decided_by = g->manager, .assessed_date = d1, .findings = "The child wishes to go home.",
			.recommendation = "return", .status = "rejected", .submitted_at = d2, .decided_at = d2,
			.decision_comment = "The family has not been verified yet: trace and verify first.",
		};
		s = bulk_prot_best_interest(g->bulk, &bi);
		g->rejected = true;
		g->assessments++;
	}
	static const char *const statuses[] = { "approved", "submitted", "draft" };
	static const unsigned weights[] = { 55, 25, 20 };
	const char *st = c->avr ? "approved" : statuses[pick_weighted(r, weights, 3)];
	static const char *const recs[] = { "reunification", "alternative_care", "local_integration", "return" };
	day_s(assessed, d1, false, r);
	day_s(assessed, d2, true, r);
	day_s(min_l(assessed + 1 + (long)below(r, 5), c->end), d3, true, r);
	if (strcmp(d3, d2) < 0)
		memcpy(d3, d2, sizeof d3);
	bool decided = strcmp(st, "approved") == 0;
	struct bulk_prot_bi bi = {
		.case_id = c->case_id, .assessed_by = g->officer, .submitted_by = strcmp(st, "draft") ? g->officer : 0,
		.decided_by = decided ? g->manager : 0, .assessed_date = d1,
		.findings = "Interviewed with an interpreter; the child is in good health.",
		.child_views = "Wants to see the family again.",
		.recommendation = c->avr ? "return" : recs[below(r, COUNT(recs))], .status = st,
		.submitted_at = strcmp(st, "draft") ? d2 : NULL, .decided_at = decided ? d3 : NULL,
	};
	if (s == ST_OK)
		s = bulk_prot_best_interest(g->bulk, &bi);
	g->assessments++;
	c->approved = decided;
	/* Care: at the centre, then in a foster family for some. */
	char start[24], end[24];
	day_s(c->opened, start, false, r);
	day_s(c->end, end, false, r);
	bool foster = !c->avr && c->end - c->opened > 20 && chance(r, 300);
	if (foster) {
		char mid[24];
		day_s(c->opened + 10, mid, false, r);
		if (s == ST_OK)
			s = bulk_prot_care(g->bulk, c->case_id, "centre", "Transit centre", "", start, mid);
		if (s == ST_OK)
			s = bulk_prot_care(g->bulk, c->case_id, "foster_family", "Quartier Birni", "Famille Abdou", mid,
			                   c->end < g->today ? end : NULL);
	} else if (s == ST_OK)
		s = bulk_prot_care(g->bulk, c->case_id, "centre", "Transit centre", "", start,
		                   c->end < g->today ? end : NULL);
	/* Tracing for most. */
	if (s != ST_OK || (!c->avr && chance(r, 200)))
		return s;
	static const char *const steps[] = { "open", "in_progress", "family_found", "verified" };
	static const unsigned steps_w[] = { 15, 45, 20, 20 };
	const char *ts = c->avr ? "reunified" : steps[pick_weighted(r, steps_w, 4)];
	bool found = strcmp(ts, "open") && strcmp(ts, "in_progress");
	bool verified = found && strcmp(ts, "family_found");
	long span = c->end - c->opened;
	char op[24], fd[24], vd[24], rd[24];
	day_s(c->opened, op, false, r);
	day_s(c->opened + span / 2, fd, false, r);
	day_s(c->opened + span * 3 / 4, vd, false, r);
	day_s(c->end, rd, false, r);
	struct bulk_prot_tracing t = {
		.case_id = c->case_id, .verified_by = verified ? g->officer : 0,
		.child_wishes = "To join the mother.", .status = ts, .opened = op,
		.family_found = found ? "Mother and two brothers" : NULL, .found_date = found ? fd : NULL,
		.verified_date = verified ? vd : NULL, .verification_note = verified ? "Confirmed by phone and by a partner visit" : NULL,
		.reunified_date = c->avr ? rd : NULL, .reunified_place = c->avr ? "Family home" : NULL,
		.reunified_with = c->avr ? "The mother" : NULL,
	};
	long long tracing;
	s = bulk_prot_tracing(g->bulk, &t, &tracing);
	g->tracings++;
	static const char *const kinds[] = { "interview", "phone", "red_cross", "partner_request", "consulate",
		                             "community_leader" };
	/* Actions; an open tracing stops early for some (stale). */
	bool stale = !found && chance(r, 500);
	int n = 1 + (int)below(r, 4);
	for (int k = 0; s == ST_OK && k < n; k++) {
		long day = c->opened + (stale ? (long)k : span * k / n);
		char ds[24];
		day_s(min_l(day, c->end), ds, false, r);
		s = bulk_prot_tracing_action(g->bulk, tracing, ds, kinds[below(r, COUNT(kinds))], "",
		                             "Information passed on", g->officer);
	}
	/* Visits after the reunification. */
	for (long day = c->end + 14; s == ST_OK && c->avr && day <= g->today && day < c->end + 200; day += 60) {
		char ds[24];
		day_s(day, ds, false, r);
		s = bulk_prot_followup(g->bulk, c->case_id, ds, chance(r, 500) ? "partner" : "phone",
		                       chance(r, 800) ? "good" : "concerns", "", g->officer);
	}
	return s;
}

static enum status victim_records(struct protgen *g, struct person_ctx *c, struct rng *r)
{
	const struct bulk_prot_person *p = c->p;
	static const char *const by[] = { "police", "ngo", "staff", "national_agency", "self_referral" };
	static const char *const recruiters[] = { "friend", "family", "employer", "stranger", "unknown" };
	static const char *const legal[] = { "none", "complaint", "investigation", "prosecution", "conviction" };
	static const unsigned legal_w[] = { 50, 20, 15, 10, 5 };
	char day[24];
	day_s(c->opened, day, false, r);
	struct bulk_prot_trafficking t = {
		.case_id = c->case_id,
		.identification = p->flags & BP_TRAFFICKING_IDENTIFIED ? "identified" : "presumed",
		.identified_by = by[below(r, COUNT(by))], .identified_date = day,
		.recruiter = recruiters[below(r, COUNT(recruiters))],
		.recruitment = "Promised work abroad, travel paid and to be paid back.",
		.places = "Agadez, Sebha", .legal_status = legal[pick_weighted(r, legal_w, 5)],
	};
	long long tr;
	enum status s = bulk_prot_trafficking(g->bulk, &t, &tr);
	g->victims++;
	static const char *const controls[] = { "debt_bondage", "takes_earnings", "threats", "physical_abuse",
		                                "withholds_documents", "restricts_movement", "false_promises" };
	for (int k = 0, n = 1 + (int)below(r, 3); s == ST_OK && k < n; k++)
		s = bulk_prot_control(g->bulk, tr, controls[below(r, COUNT(controls))]);
	static const char *const forms[] = { "forced_labour", "domestic_work", "begging", "sexual" };
	static const char *const sectors[] = { "agriculture", "mining", "construction", "hospitality" };
	const char *form = forms[below(r, COUNT(forms))];
	if (s == ST_OK)
		s = bulk_prot_exploitation(g->bulk, tr, form,
		                           strcmp(form, "forced_labour") ? NULL : sectors[below(r, COUNT(sectors))]);
	if (s == ST_OK && p->nationality[0])
		s = bulk_prot_country(g->bulk, tr, p->nationality, "origin");
	if (s == ST_OK)
		s = bulk_prot_country(g->bulk, tr, "NER", "transit");
	if (s == ST_OK)
		s = bulk_prot_country(g->bulk, tr, chance(r, 600) ? "LBY" : "DZA", "exploitation");
	static const char *const kinds[] = { "shelter", "medical", "psychosocial", "legal" };
	static const unsigned share[] = { 950, 700, 600, 250 };
	for (unsigned k = 0; s == ST_OK && k < COUNT(kinds); k++)
		if (chance(r, share[k]))
			s = bulk_prot_assistance(g->bulk, tr, kinds[k], day);
	if (s == ST_OK && chance(r, 150)) {
		char later[24];
		day_s(c->end, later, false, r);
		s = bulk_prot_assistance(g->bulk, tr, "reintegration", later);
	}
	return s;
}

static enum status referrals(struct protgen *g, struct person_ctx *c, bool consent, struct rng *r)
{
	static const char *const dest[] = { "unhcr", "hospital", "legal_aid", "partner_ngo", "government" };
	static const char *const orgs[] = { "UNHCR Niamey", "Hôpital national de Zinder", "Association des juristes",
		                            "Save the Children", "Direction de la protection de l'enfant" };
	static const unsigned dest_w[] = { 30, 25, 15, 20, 10 };
	static const char *const outs[] = { "sent", "accepted", "done", "rejected" };
	static const unsigned outs_w[] = { 30, 30, 30, 10 };
	enum status s = ST_OK;
	int n = chance(r, 350) ? 1 + (int)below(r, 2) : 0;
	for (int k = 0; s == ST_OK && k < n; k++) {
		int d = pick_weighted(r, dest_w, 5);
		char sent[24], cd[24], ref[24];
		day_s(c->opened, cd, false, r);
		day_s(min_l(c->opened + 2 + (long)below(r, 20), c->end), sent, false, r);
		snprintf(ref, sizeof ref, "NER-%02u-C%05lld", 20 + below(r, 7), c->case_id);
		const char *st = consent ? outs[pick_weighted(r, outs_w, 4)] : "draft";
		struct bulk_prot_referral x = {
			.case_id = c->case_id, .created_by = g->officer, .consent = consent, .direction = "out",
			.destination = dest[d], .organisation = orgs[d], .reason = "Needs a service the centre does not give",
			.consent_date = consent ? cd : NULL, .status = st, .sent_date = consent ? sent : NULL,
			.other_ref = d == 0 && consent ? ref : NULL,
			.outcome = strcmp(st, "done") == 0 ? "Service given" : NULL,
		};
		s = bulk_prot_referral(g->bulk, &x);
		g->referrals++;
	}
	if (s == ST_OK && chance(r, 60)) {
		char day[24];
		day_s(c->opened, day, false, r);
		struct bulk_prot_referral x = {
			.case_id = c->case_id, .created_by = g->officer, .direction = "in", .destination = "partner_ngo",
			.organisation = "Croix-Rouge nigérienne", .reason = "Found alone at the bus station",
			.status = "accepted", .sent_date = day,
		};
		s = bulk_prot_referral(g->bulk, &x);
		g->referrals++;
	}
	return s;
}

static bool wants_case(const struct bulk_prot_person *p, bool avr, struct rng *r)
{
	if (p->flags & (BP_UNACCOMPANIED | BP_SEPARATED))
		return avr || chance(r, 950);
	if (p->flags & (BP_TRAFFICKING_PRESUMED | BP_TRAFFICKING_IDENTIFIED))
		return chance(r, 950);
	if (p->flags & BP_ACCOMPANIED)
		return chance(r, 150);
	if (p->flags & (BP_VIOLENCE | BP_OTHER))
		return chance(r, 250);
	return false;
}

static enum status write_case(struct protgen *g, struct person_ctx *c, struct rng *r)
{
	const struct bulk_prot_person *p = c->p;
	c->opened = min_l(c->admitted + (long)below(r, 5), c->departed != NO_DAY ? c->departed : g->today);
	c->end = c->departed != NO_DAY ? c->departed : g->today;
	bool closed = c->departed != NO_DAY;
	const char *reason = c->avr ? "returned" : "moved_on";
	if (!closed && !c->child && c->end - c->opened > 30 && chance(r, 100)) {
		closed = true;
		reason = "needs_met";
		c->end = c->opened + 20 + (long)below(r, (unsigned)(c->end - c->opened - 20));
	}
	if (closed && c->child && c->avr)
		reason = "reunified";
	char opened[24], closed_s[24];
	day_s(c->opened, opened, false, r);
	day_s(c->end, closed_s, false, r);
	static const char *const risks[] = { "high", "medium", "low" };
	static const unsigned grave_w[] = { 60, 35, 5 }, other_w[] = { 15, 50, 35 };
	struct bulk_prot_case pc = {
		.person = p->id, .centre = p->centre, .caseworker = g->officer, .created_by = g->officer,
		.opened = opened, .risk = risks[pick_weighted(r, c->child || c->victim ? grave_w : other_w, 3)],
		.status = closed ? "closed" : "open", .close_reason = closed ? reason : NULL,
		.closed_date = closed ? closed_s : NULL, .summary = "Met at admission; followed by the protection unit.",
	};
	enum status s = bulk_prot_case(g->bulk, &pc, &c->case_id);
	g->cases++;
	if (s == ST_OK && (p->flags & BP_UNACCOMPANIED))
		s = bulk_prot_concern(g->bulk, c->case_id, "unaccompanied_child");
	if (s == ST_OK && (p->flags & BP_SEPARATED))
		s = bulk_prot_concern(g->bulk, c->case_id, "separated_child");
	if (s == ST_OK && c->victim)
		s = bulk_prot_concern(g->bulk, c->case_id, "trafficking");
	if (s == ST_OK && (p->flags & BP_VIOLENCE))
		s = bulk_prot_concern(g->bulk, c->case_id, "violence");
	if (s == ST_OK && (chance(r, 500) || !(p->flags & ~(unsigned)BP_ACCOMPANIED)))
		s = bulk_prot_concern(g->bulk, c->case_id, extra_concerns[below(r, COUNT(extra_concerns))]);
	if (s == ST_OK)
		s = actions(g, c, r);
	bool consent = chance(r, 850);
	if (s == ST_OK)
		s = bulk_prot_consent(g->bulk, c->case_id, "case_management", true, opened, g->officer);
	if (s == ST_OK)
		s = bulk_prot_consent(g->bulk, c->case_id, "referral", consent, opened, g->officer);
	if (s == ST_OK)
		s = bulk_prot_consent(g->bulk, c->case_id, "statistics", chance(r, 900), opened, g->officer);
	if (s == ST_OK && c->child) {
		g->children++;
		s = child_records(g, c, r);
	}
	if (s == ST_OK && c->victim && (p->centre == g->zin || chance(r, 300)))
		s = victim_records(g, c, r);
	if (s == ST_OK)
		s = referrals(g, c, consent, r);
	return s;
}

/* ---- returns ------------------------------------------------------------- */

static enum status travel_doc(struct protgen *g, long long ret, const char *country, long day, const char *status,
                              struct rng *r)
{
	char req[24], iv[24], iss[24], exp[24], num[24];
	day_s(day - 20 - (long)below(r, 10), req, false, r);
	day_s(day - 12, iv, false, r);
	day_s(day - 5, iss, false, r);
	day_s(day + 85, exp, false, r);
	snprintf(num, sizeof num, "LP%s%06lld", country, ret * 7 + 1000);
	bool issued = strcmp(status, "issued") == 0;
	struct bulk_prot_doc d = {
		.return_id = ret, .kind = "laissez_passer", .consulate_country = country, .consulate_place = "Niamey",
		.requested_date = req, .interview_date = strcmp(status, "requested") ? iv : NULL, .status = status,
		.number = issued ? num : NULL, .issued_date = issued ? iss : NULL, .expiry_date = issued ? exp : NULL,
	};
	g->docs++;
	return bulk_prot_travel_doc(g->bulk, &d);
}

static const char *transport_to(const char *country)
{
	static const char *const by_road[] = { "NER", "NGA", "MLI", "BFA", "TCD", "BEN", "TGO", "CMR" };
	for (unsigned k = 0; k < COUNT(by_road); k++)
		if (strcmp(by_road[k], country) == 0)
			return "convoy";
	return "flight";
}

/* The return of a stay ended by assisted voluntary return on `day`. */
static enum status departed_return(struct protgen *g, struct person_ctx *c, struct rng *r)
{
	const struct bulk_prot_person *p = c->p;
	long day = c->departed;
	long req_day = day - 15 - (long)below(r, 30);
	if (req_day < c->admitted)
		req_day = c->admitted;
	char req[24], cou[24], appr[24], dep[24], arr[24], ref[24];
	day_s(req_day, req, false, r);
	day_s(req_day + (day - req_day) / 4, cou, false, r);
	day_s(req_day + (day - req_day) / 2, appr, true, r);
	day_s(day, dep, false, r);
	long arrival = day + 1 + (long)below(r, 3);
	day_s(arrival, arr, false, r);
	const char *transport = transport_to(p->nationality);
	int y, m, d;
	civil_from_days(day, &y, &m, &d);
	snprintf(ref, sizeof ref, "%s-%04d%02d%02d-%s", strcmp(transport, "convoy") ? "FLT" : "CVY", y, m, d,
	         p->nationality);
	bool arrived = arrival <= g->today && chance(r, 900);
	struct bulk_prot_return x = {
		.person = p->id, .centre = p->centre, .approved_by = g->manager, .created_by = g->officer,
		.requested_date = req, .country = p->nationality, .destination = "", .status = arrived ? "arrived" : "departed",
		.counselled_date = cou, .counselling_note = "Counselled on the return and the help on arrival.",
		.approved_at = appr, .travel_date = dep, .transport = transport, .convoy_ref = ref,
		.escort = c->child ? "Protection officer" : NULL, .departure_date = dep, .arrival_date = arrived ? arr : NULL,
		.handed_over_to = arrived ? (c->child ? "The family, with the social welfare office" : "IOM mission") : NULL,
	};
	long long id;
	enum status s = bulk_prot_return(g->bulk, &x, &id);
	g->returns++;
	return s == ST_OK ? travel_doc(g, id, p->nationality, day, "issued", r) : s;
}

/* A request of someone staying now, the steps in turn (some ended). */
static enum status live_return(struct protgen *g, struct person_ctx *c, struct rng *r)
{
	const struct bulk_prot_person *p = c->p;
	static const char *const steps[] = { "requested", "counselled", "approved", "ready", "requested", "withdrawn",
		                             "counselled", "approved", "refused" };
	const char *st = steps[g->live % COUNT(steps)];
	bool approved = !strcmp(st, "approved") || !strcmp(st, "ready");
	if (approved && c->child && !c->approved)
		st = "counselled";
	approved = !strcmp(st, "approved") || !strcmp(st, "ready");
	bool ended = !strcmp(st, "withdrawn") || !strcmp(st, "refused");
	long req_day = c->admitted + (long)below(r, (unsigned)(g->today - c->admitted + 1));
	char req[24], cou[24], appr[24], travel[24];
	day_s(req_day, req, false, r);
	day_s(min_l(req_day + 3, g->today), cou, false, r);
	day_s(min_l(req_day + 6, g->today), appr, true, r);
	long travel_day = g->today + 5 + (long)below(r, 20);
	day_s(travel_day, travel, false, r);
	bool ready = !strcmp(st, "ready");
	struct bulk_prot_return x = {
		.person = p->id, .centre = p->centre, .approved_by = approved ? g->manager : 0, .created_by = g->officer,
		.requested_date = req, .country = p->nationality, .status = st,
		.counselled_date = strcmp(st, "requested") ? cou : NULL,
		.approved_at = approved ? appr : NULL, .travel_date = ready ? travel : NULL,
		.transport = ready ? transport_to(p->nationality) : NULL,
		.end_reason = !strcmp(st, "withdrawn") ? "Changed their mind: wants to go on to Algeria"
		              : ended ? "Nationality not confirmed by the consulate" : NULL,
	};
	long long id;
	enum status s = bulk_prot_return(g->bulk, &x, &id);
	g->live++;
	if (s == ST_OK && approved)
		s = travel_doc(g, id, p->nationality, ready ? travel_day : g->today + 10,
		               ready ? "issued" : chance(r, 500) ? "interview" : "requested", r);
	return s;
}

/* ---- the whole ----------------------------------------------------------- */

static enum status person(struct protgen *g, const struct bulk_prot_person *p)
{
	struct rng r = stream(g->seed, (uint64_t)p->id, 1);
	struct person_ctx c = { .p = p, .admitted = parse_day(p->admitted), .departed = parse_day(p->departed) };
	if (c.admitted == NO_DAY || c.admitted > g->today)
		return ST_OK;
	if (c.departed != NO_DAY && c.departed > g->today)
		c.departed = g->today;
	c.avr = c.departed != NO_DAY && strcmp(p->reason, "avr") == 0 && p->nationality[0];
	c.child = (p->flags & (BP_UNACCOMPANIED | BP_SEPARATED)) != 0;
	c.victim = (p->flags & (BP_TRAFFICKING_PRESUMED | BP_TRAFFICKING_IDENTIFIED)) != 0;
	enum status s = ST_OK;
	if (wants_case(p, c.avr, &r))
		s = write_case(g, &c, &r);
	if (s != ST_OK)
		return s;
	if (c.avr && (!c.child || c.approved))
		return departed_return(g, &c, &r);
	if (c.departed == NO_DAY && p->nationality[0] && chance(&r, 600))
		return live_return(g, &c, &r);
	return ST_OK;
}

static enum status generate(struct protgen *g)
{
	long today = (long)(clock_now() / 86400);
	char last[11];
	bulk_last_stay_day(g->bulk, last);
	long end = parse_day(last);
	g->today = end != NO_DAY && end < today ? end : today;
	g->officer = bulk_user_id(g->bulk, "protection");
	g->manager = bulk_user_id(g->bulk, "manager");
	g->zin = bulk_centre_id(g->bulk, "ZIN");
	if (!g->officer || !g->manager || !g->zin)
		return ST_INTERNAL;
	struct bulk_prot_person *page = calloc(PAGE, sizeof *page);
	if (!page)
		return ST_NOMEM;
	enum status s = ST_OK;
	long long after = 0;
	for (int n = PAGE; s == ST_OK && n == PAGE;) {
		s = bulk_prot_people(g->bulk, after, page, PAGE, &n);
		for (int k = 0; s == ST_OK && k < n; k++)
			s = person(g, &page[k]);
		if (n > 0)
			after = page[n - 1].id;
		if (s == ST_OK)
			s = bulk_commit(g->bulk);
	}
	free(page);
	if (s == ST_OK) {
		char json[320];
		snprintf(json, sizeof json,
		         "{\"cases\": %lld, \"children\": %lld, \"assessments\": %lld, \"tracings\": %lld, "
		         "\"victims\": %lld, \"referrals\": %lld, \"returns_departed\": %lld, \"returns_live\": %lld, "
		         "\"travel_documents\": %lld}",
		         g->cases, g->children, g->assessments, g->tracings, g->victims, g->referrals, g->returns, g->live,
		         g->docs);
		s = audit_log(g->db, "create", "demo_prot", 0, json);
	}
	return s;
}

enum status demo_prot(struct db *db, const struct demo_options *o)
{
	struct protgen g = { .db = db, .seed = o->seed };
	enum status s = bulk_begin(db, &g.bulk);
	if (s == ST_OK) {
		s = generate(&g);
		s = bulk_end(g.bulk, s);
	}
	if (o->progress)
		o->progress(1, 1, o->ctx);
	return s;
}
