/* Attacks' write paths: collective and community projects, their members
 * and the approval of their budget (see ops.c). */
#define _POSIX_C_SOURCE 200809L
#include "db/reint_project.h"
#include "ops_private.h"

static void act_named(struct attack *a, const char *name, enum role role)
{
	long long id = query(db_sqlite(a->db), "SELECT id FROM app_user WHERE name = ?1", "t", (const char *[]){ name },
	                     NULL, 0);
	act_as(a, id > 0 ? id : 0, name, role);
}

/* Starts a community project in Gambia, as the project form saves it. */
enum status run_reint_project(struct attack *a, char *ack, size_t size)
{
	act_named(a, "reintegration", ROLE_REINTEGRATION);
	struct reint_project p;
	reint_project_init(&p, "NY2");
	snprintf(p.name, sizeof p.name, "P%lld", a->token++);
	snprintf(p.country, sizeof p.country, "GMB");
	p.region_id = query(db_sqlite(a->db), "SELECT id FROM ref_item WHERE list = 'reint_region' AND kind = 'GMB' "
	                    "AND active = 1 ORDER BY position LIMIT 1", "", NULL, NULL, 0);
	if (p.region_id < 0)
		p.region_id = 0;
	p.budget = 1000000 + 50000 * (long long)attack_pick(a, 40);
	enum status r = reint_project_save(a->db, &p, NULL, NULL);
	if (r == ST_OK)
		snprintf(ack, size, "reint_project %lld %s", p.id, p.name);
	return r;
}

bool verify_reint_project(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[128];
	const char *w[2];
	if (words(args, buf, sizeof buf, w, 2) != 2)
		return fail(why, size, "bad line");
	return counted(ro, "SELECT count(*) FROM reint_project WHERE id = ?1 AND name = ?2", "it", w, 0, why, size)
	       && counted(ro, "SELECT count(*) FROM audit WHERE entity = 'reint_project' AND entity_id = ?1 "
	                  "AND action = 'create'", "i", w, 0, why, size);
}

/* Adds one of the hot people to the newest project they are not in (a new
 * project when there is none): the leader when the project had none when
 * read, a member otherwise. Another writer taking the lead or adding them
 * meanwhile is refused, as the screen says (ST_CONFLICT). */
enum status run_reint_member(struct attack *a, char *ack, size_t size)
{
	act_named(a, "reintegration", ROLE_REINTEGRATION);
	long long person = some_person(a);
	char pid[24];
	snprintf(pid, sizeof pid, "%lld", person);
	long long project = query(db_sqlite(a->db), "SELECT max(p.id) FROM reint_project p WHERE NOT EXISTS (SELECT 1 "
	                          "FROM reint_project_member m WHERE m.project_id = p.id AND m.person_id = ?1)",
	                          "i", (const char *[]){ pid }, NULL, 0);
	if (project <= 0)
		return run_reint_project(a, ack, size);
	char prj[24];
	snprintf(prj, sizeof prj, "%lld", project);
	bool led = query(db_sqlite(a->db), "SELECT count(*) FROM reint_project_member WHERE project_id = ?1 "
	                 "AND role = 'leader' AND left_date IS NULL", "i", (const char *[]){ prj }, NULL, 0) > 0;
	think(a);
	char day[11];
	today(day);
	struct reint_member m;
	enum status r = reint_member_add(a->db, project, person, led ? "member" : "leader", day, &m, NULL);
	if (r == ST_DUPLICATE || r == ST_INVALID)
		return ST_CONFLICT;
	if (r == ST_OK)
		snprintf(ack, size, "reint_member %lld %lld %lld %s", m.id, project, person, m.role);
	return r;
}

/* The member is there as acknowledged, and no project has two leaders. */
bool verify_reint_member(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[128];
	const char *w[4];
	if (words(args, buf, sizeof buf, w, 4) != 4)
		return fail(why, size, "bad line");
	if (!counted(ro, "SELECT count(*) FROM reint_project_member WHERE id = ?1 AND project_id = ?2 AND person_id = ?3",
	             "iii", w, 0, why, size))
		return false;
	if (query(ro, "SELECT count(*) FROM reint_project_member WHERE project_id = ?1 AND role = 'leader' "
	          "AND left_date IS NULL", "i", (const char *[]){ w[1] }, NULL, 0) > 1)
		return fail(why, size, "two leaders at a time");
	return true;
}

/* The manager approves the budget of the newest project not yet approved
 * (a new project when there is none), from the version read before a
 * pause: another manager's approval meanwhile is a conflict. */
enum status run_reint_approve(struct attack *a, char *ack, size_t size)
{
	long long id = query(db_sqlite(a->db), "SELECT max(id) FROM reint_project WHERE approved_amount IS NULL "
	                     "AND budget > 0 AND status IN ('planned', 'running')", "", NULL, NULL, 0);
	if (id <= 0)
		return run_reint_project(a, ack, size);
	act_named(a, "manager", ROLE_MANAGER);
	struct reint_project p;
	enum status r = reint_project_get(a->db, id, &p);
	if (r != ST_OK)
		return r;
	think(a);
	int v = p.version;
	r = reint_project_approve(a->db, id, &v, NULL);
	if (r == ST_INVALID)
		return ST_CONFLICT;
	if (r == ST_OK)
		snprintf(ack, size, "reint_approve %lld %d %lld", id, v, p.budget);
	return r;
}

/* Approved for the budget acknowledged, at that version or later, audited. */
bool verify_reint_approve(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[128];
	const char *w[3];
	if (words(args, buf, sizeof buf, w, 3) != 3)
		return fail(why, size, "bad line");
	if (!versioned(ro, "SELECT version, approved_amount FROM reint_project WHERE id = ?1", w[0], w[1], w[2], why,
	               size))
		return false;
	return counted(ro, "SELECT count(*) FROM audit WHERE entity = 'reint_project' AND entity_id = ?1 "
	               "AND action = 'approve'", "i", w, 0, why, size);
}
