/* Attacks' write paths: the pseudonymised people export (see ops.c). Its
 * writes are the database's export secret, made once whoever comes first
 * (two writers may race to make it: one wins, both then use it), and the
 * audit row of each export. */
#define _POSIX_C_SOURCE 200809L
#include "core/report.h"
#include "db/export_people.h"
#include "ops_private.h"

static void count_row(const struct export_person *p, void *ctx)
{
	(void)p;
	(*(long *)ctx)++;
}

/* The manager exports this month's people of Zinder for a recipient of
 * its own; acknowledged with the recipient and the rows. */
enum status run_export(struct attack *a, char *ack, size_t size)
{
	long long id = query(db_sqlite(a->db), "SELECT id FROM app_user WHERE name = 'manager'", "", NULL, NULL, 0);
	act_as(a, id > 0 ? id : 0, "manager", ROLE_MANAGER);
	char day[11], recipient[40];
	today(day);
	struct report_period p;
	char month[8];
	snprintf(month, sizeof month, "%.7s", day);
	if (!report_period_parse(month, &p))
		return ST_INTERNAL;
	snprintf(recipient, sizeof recipient, "partner%lld", a->token++);
	long seen = 0, rows = 0;
	enum status r = export_people(a->db, recipient, &p, "ZIN", count_row, &seen, &rows);
	if (r == ST_OK)
		snprintf(ack, size, "export %s %ld", recipient, rows);
	return r;
}

/* One secret, and the export's audit row naming the recipient. */
bool verify_export(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	char buf[128];
	const char *w[2];
	if (words(args, buf, sizeof buf, w, 2) != 2)
		return fail(why, size, "bad line");
	if (query(ro, "SELECT count(*) FROM setting WHERE key = '" EXPORT_SECRET_KEY "' AND length(value) = 64", "",
	          NULL, NULL, 0) != 1)
		return fail(why, size, "no export secret");
	char pattern[96];
	snprintf(pattern, sizeof pattern, "%%\"recipient\": \"%s\"%%", w[0]);
	const char *arg[] = { pattern };
	return counted(ro, "SELECT count(*) FROM audit WHERE action = 'export' AND entity = 'person' "
	               "AND changes LIKE ?1", "t", arg, nth, why, size);
}
