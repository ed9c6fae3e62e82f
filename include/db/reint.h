#ifndef TAIMAKO_DB_REINT_H
#define TAIMAKO_DB_REINT_H
/* What the reintegration module's records hang on (migration 021): a
 * tranche or a payment belongs to a plan or to a project, a visit to a case
 * or to a project. The module's calls are declared in db/reint_*.h. */

/* The owner of a tranche, a payment or a visit. */
enum reint_owner {
	REINT_CASE,      /* reint_case.id: visits */
	REINT_PLAN,      /* reint_plan.id: tranches and payments */
	REINT_PROJECT,   /* reint_project.id: tranches, payments and visits */
};

struct reint_ref {
	enum reint_owner kind;
	long long id;
};

#endif
