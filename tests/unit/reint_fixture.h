#ifndef TAIMAKO_TEST_REINT_FIXTURE_H
#define TAIMAKO_TEST_REINT_FIXTURE_H
/* What the reintegration case and plan tests share: the training
 * fixture's database and helpers, signed in as the reintegration officer
 * on a fixed day; a returnee who left on assisted return, a case and a
 * plan made as the forms make them. */
#include "db/community.h"
#include "db/reint_case.h"
#include "db/reint_plan.h"
#include "db/stay.h"
#include "training_fixture.h"

static inline int rsetup(void **state)
{
	tsetup(state);
	sign_in(*state, ROLE_REINTEGRATION);
	return 0;
}

/* A Malian registered at AGZ on 2026-03-15 who left on assisted return on
 * 2026-04-01, then the reintegration officer signed in again. */
static inline long long returnee(struct fixture *f, const char *family, const char *given)
{
	sign_in(f, ROLE_INTAKE);
	struct person p;
	memset(&p, 0, sizeof p);
	snprintf(p.family_name, sizeof p.family_name, "%s", family);
	snprintf(p.given_names, sizeof p.given_names, "%s", given);
	p.sex = 'm';
	snprintf(p.birth_date, sizeof p.birth_date, "1998");
	snprintf(p.nationality, sizeof p.nationality, "MLI");
	snprintf(p.arrival_date, sizeof p.arrival_date, "2026-03-15");
	snprintf(p.centre_code, sizeof p.centre_code, "AGZ");
	snprintf(p.arrival_mode, sizeof p.arrival_mode, "rescue");
	p.consent_data = true;
	snprintf(p.consent_date, sizeof p.consent_date, "2026-03-15");
	assert_int_equal(person_save(f->db, &p, NULL, NULL, 0), ST_OK);
	long long stay = one(f->db, "SELECT id FROM stay WHERE person_id = ?1", p.id);
	assert_int_equal(stay_depart(f->db, stay, "2026-04-01", "avr"), ST_OK);
	sign_in(f, ROLE_REINTEGRATION);
	return p.id;
}

static inline long long user_id(struct fixture *f, const char *name)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(f->db), "SELECT id FROM app_user WHERE name = ?1", -1, &st, NULL),
	                 SQLITE_OK);
	sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	long long id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return id;
}

/* The case the form proposes for person, in Kayes. */
static inline struct reint_case proposed(struct fixture *f, long long person)
{
	struct reint_case c;
	assert_int_equal(reint_case_propose(f->db, person, user_id(f, "reintegration"), "AGZ", &c, NULL), ST_OK);
	c.region_id = ref_id(f, "reint_region", "ML-1");
	snprintf(c.locality, sizeof c.locality, "Nioro du Sahel");
	return c;
}

static inline long long case_opened(struct fixture *f, long long person)
{
	struct reint_case c = proposed(f, person);
	assert_int_equal(reint_case_save(f->db, &c, NULL, NULL), ST_OK);
	return c.id;
}

static inline struct reint_item item_of(long long plan, const char *category, long long value)
{
	struct reint_item it;
	memset(&it, 0, sizeof it);
	it.plan_id = plan;
	snprintf(it.category, sizeof it.category, "%s", category);
	snprintf(it.provision, sizeof it.provision, "direct");
	snprintf(it.description, sizeof it.description, "%s support", category);
	it.planned_value = value;
	return it;
}

static inline long long item_added(struct fixture *f, long long plan, const char *category, long long value)
{
	struct reint_item it = item_of(plan, category, value);
	assert_int_equal(reint_item_save(f->db, &it, NULL, NULL), ST_OK);
	return it.id;
}

static inline struct reint_business business_of(long long item)
{
	struct reint_business b;
	memset(&b, 0, sizeof b);
	b.item_id = item;
	snprintf(b.activity, sizeof b.activity, "Boutique de quartier");
	snprintf(b.sector, sizeof b.sector, "trade");
	snprintf(b.place, sizeof b.place, "Kayes");
	b.starting_capital = 300000;
	b.expected_income = 45000;
	return b;
}

#endif
