#ifndef TAIMAKO_TEST_REINT_PROJECT_FIXTURE_H
#define TAIMAKO_TEST_REINT_PROJECT_FIXTURE_H
/* What the projects' tests share: the training fixture's database and
 * helpers, signed in as the reintegration officer; projects as the form
 * makes them. */
#include "db/reint_project.h"
#include "training_fixture.h"

static inline int rsetup(void **state)
{
	tsetup(state);
	sign_in(*state, ROLE_REINTEGRATION);
	return 0;
}

/* A person registered at AGZ, then the reintegration officer again;
 * community: marked as registered as a community member. */
static inline long long reint_person(struct fixture *f, const char *family, const char *given, bool community)
{
	long long id = trainee(f, family, given);
	if (community) {
		char sql[120];
		snprintf(sql, sizeof sql, "UPDATE person SET community_since = '2026-03-15' WHERE id = %lld", id);
		assert_int_equal(sqlite3_exec(db_sqlite(f->db), sql, NULL, NULL, NULL), SQLITE_OK);
	}
	sign_in(f, ROLE_REINTEGRATION);
	return id;
}

/* A community project in Gambia, Lower River, budget 5,000,000 XOF. */
static inline struct reint_project project(struct fixture *f)
{
	struct reint_project p;
	reint_project_init(&p, "NY2");
	snprintf(p.name, sizeof p.name, "Maraîchage de Soma");
	snprintf(p.country, sizeof p.country, "GMB");
	p.region_id = ref_id(f, "reint_region", "GM-L");
	snprintf(p.locality, sizeof p.locality, "Soma");
	p.partner_id = ref_id(f, "partner", "implementing_ngo");
	p.budget = 5000000;
	snprintf(p.start_date, sizeof p.start_date, "2026-02-01");
	return p;
}

static inline long long project_saved(struct fixture *f)
{
	struct reint_project p = project(f);
	assert_int_equal(reint_project_save(f->db, &p, NULL, NULL), ST_OK);
	return p.id;
}

#endif
