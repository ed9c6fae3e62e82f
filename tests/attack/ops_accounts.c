/* Attacks' write paths: accounts, sign-ins, drafts, reference lists (see
 * ops.c). */
#define _POSIX_C_SOURCE 200809L
#include "ops_private.h"

/* ---- accounts, sign-ins, drafts ----------------------------------------- */

/* Makes an account, or changes the last one made: its display name (with
 * its version), its password (by an administrator, then by its owner after
 * signing in) and its preferences. */
enum status run_account(struct attack *a, char *ack, size_t size)
{
	act_as(a, a->admin_id, "admin", ROLE_ADMIN);
	enum status s;
	char pw[64];
	if (!a->user_id || attack_pick(a, 4) == 0) {
		char name[40], display[48];
		long long t = a->token++;
		snprintf(name, sizeof name, "att%lld", t);
		snprintf(display, sizeof display, "Attack %lld", t);
		snprintf(pw, sizeof pw, "pass-%s-long", name);
		long long id;
		if ((s = user_add(a->db, name, display, ROLE_INTAKE, "AGZ", "fr", pw, &id)) != ST_OK)
			return s;
		a->user_id = id;
		snprintf(a->user_name, sizeof a->user_name, "%s", name);
		snprintf(ack, size, "user %s", name);
		return ST_OK;
	}
	struct user u;
	if ((s = user_get(a->db, a->user_id, &u)) != ST_OK)
		return s;
	switch (attack_pick(a, 3)) {
	case 0: {
		char display[48];
		snprintf(display, sizeof display, "Changed %lld", a->token++);
		struct user_changes c = { display, u.role, "AGZ", u.lang, true };
		think(a);
		if ((s = user_admin_save(a->db, &u, &c)) == ST_OK)
			snprintf(ack, size, "user_edit %lld %d %s", u.id, u.version, display);
		return s;
	}
	case 1:
		snprintf(pw, sizeof pw, "pass-%s-long", u.name);
		if ((s = user_set_password(a->db, u.name, pw)) == ST_OK)
			snprintf(ack, size, "set_password %lld", u.id);
		return s;
	default: {
		snprintf(pw, sizeof pw, "pass-%s-long", u.name);
		struct login_request req = { u.name, pw, "attack", clock_now(), lockout_default_policy() };
		struct user me;
		if ((s = login_attempt(a->db, &req, &me, NULL)) != ST_OK)
			return s;
		/* The same password again: a change all the same, audited. */
		if ((s = login_change_password(a->db, pw, pw)) != ST_OK)
			return s;
		snprintf(ack, size, "change_password %lld", u.id);
		if ((s = user_get(a->db, me.id, &me)) == ST_OK && (s = user_save_prefs(a->db, &me, me.display_name, "en")) == ST_OK) {
			size_t n = strlen(ack);
			snprintf(ack + n, size - n, "\nprefs %lld", u.id);
		}
		return s == ST_BUSY ? ST_OK : s;
	}
	}
}

bool verify_user(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	return counted(ro, "SELECT count(*) FROM app_user WHERE name = ?1", "t", (const char *[]){ args }, 0, why, size);
}

bool verify_user_edit(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[128];
	const char *w[4];
	if (words(args, buf, sizeof buf, w, 4) != 4)
		return fail(why, size, "bad line");
	char value[64];
	snprintf(value, sizeof value, "%s %s", w[2], w[3]);
	return versioned(ro, "SELECT version, display_name FROM app_user WHERE id = ?1", w[0], w[1], value, why, size);
}

bool verify_set_password(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	return counted(ro, "SELECT count(*) FROM audit WHERE entity = 'app_user' AND entity_id = ?1 "
	               "AND action = 'set_password'", "i", (const char *[]){ args }, nth, why, size);
}

bool verify_change_password(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	return counted(ro, "SELECT count(*) FROM audit WHERE entity = 'app_user' AND entity_id = ?1 "
	               "AND action = 'change_password'", "i", (const char *[]){ args }, nth, why, size);
}

bool verify_prefs(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	return counted(ro, "SELECT count(*) FROM app_user WHERE id = ?1 AND lang = 'en'", "i",
	               (const char *[]){ args }, 0, why, size);
}

/* Signs in as a demo account, or fails to (a wrong password) as the
 * account "protection": both are counted and audited. */
enum status run_login(struct attack *a, char *ack, size_t size)
{
	bool good = attack_pick(a, 2);
	struct login_request req = { good ? "intake" : "protection", good ? "intake-demo" : "wrong-password",
	                             "attack", clock_now(), lockout_default_policy() };
	req.policy.max_failures = 1000000;   /* the lockout is not what is measured here */
	struct user u;
	enum status s = login_attempt(a->db, &req, &u, NULL);
	if (s == ST_OK)
		snprintf(ack, size, "login intake");
	else if (s == ST_BAD_LOGIN)
		snprintf(ack, size, "login_failed protection");
	return s == ST_BAD_LOGIN ? ST_OK : s;
}

bool verify_login(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	return counted(ro, "SELECT count(*) FROM audit WHERE action = 'login' AND user_name = ?1", "t",
	               (const char *[]){ args }, nth, why, size);
}

bool verify_login_failed(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	return counted(ro, "SELECT count(*) FROM audit WHERE action LIKE 'login_failed%' AND user_name = ?1", "t",
	               (const char *[]){ args }, nth, why, size);
}

/* Keeps a draft, and keeps then discards another. */
enum status run_draft(struct attack *a, char *ack, size_t size)
{
	act_as(a, a->intake_id, "intake", ROLE_INTAKE);
	long long ref = a->token++;
	char json[64];
	snprintf(json, sizeof json, "{\"family_name\":\"D%lld\"}", ref);
	enum status s = draft_save(a->db, "attack", ref, json);
	if (s != ST_OK)
		return s;
	int n = snprintf(ack, size, "draft %lld %lld\n", a->intake_id, ref);
	if ((s = draft_save(a->db, "attack", -ref, json)) == ST_OK && (s = draft_discard(a->db, "attack", -ref)) == ST_OK)
		snprintf(ack + n, size - (size_t)n, "draft_gone %lld %lld", a->intake_id, -ref);
	else
		ack[n - 1] = '\0';
	return s == ST_BUSY ? ST_OK : s;
}

bool verify_draft(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[64];
	const char *w[2];
	if (words(args, buf, sizeof buf, w, 2) != 2)
		return fail(why, size, "bad line");
	return counted(ro, "SELECT count(*) FROM draft WHERE user_id = ?1 AND kind = 'attack' AND ref_id = ?2", "ii",
	               w, 0, why, size);
}

bool verify_draft_gone(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char buf[64];
	const char *w[2];
	if (words(args, buf, sizeof buf, w, 2) != 2)
		return fail(why, size, "bad line");
	long long n = query(ro, "SELECT count(*) FROM draft WHERE user_id = ?1 AND kind = 'attack' AND ref_id = ?2",
	                    "ii", w, NULL, 0);
	return n == 0 || fail(why, size, "discarded draft still there");
}

/* ---- reference lists (administrators) ----------------------------------- */

/* Adds an organisation to the partner list, as the list's form does. */
enum status run_ref_partner(struct attack *a, char *ack, size_t size)
{
	act_as(a, a->admin_id, "admin", ROLE_ADMIN);
	const struct reflist_def *def = module_reflist(module_table, REFLIST_PARTNER);
	if (!def)
		return ST_INTERNAL;
	long long t = a->token++;
	struct ref_item it;
	memset(&it, 0, sizeof it);
	snprintf(it.name_en, sizeof it.name_en, "Partner %lld", t);
	snprintf(it.name_fr, sizeof it.name_fr, "Partenaire %lld", t);
	enum status s = reflist_add(a->db, def, &it, NULL, NULL);
	if (s == ST_OK)
		snprintf(ack, size, "ref_partner %lld %lld", it.id, t);
	return s;
}

bool verify_ref_partner(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	char buf[64];
	const char *w[2];
	if (words(args, buf, sizeof buf, w, 2) != 2)
		return fail(why, size, "bad line");
	return counted(ro, "SELECT count(*) FROM ref_item WHERE id = ?1 AND list = 'partner' AND active = 1"
	                   " AND name_en = 'Partner ' || ?2 AND name_fr = 'Partenaire ' || ?2",
	               "it", w, nth, why, size);
}
