/* Three sites making random changes and exchanging bundles in random
 * orders (some lost on the way and sent again, some delivered late and
 * held) for many rounds; then every conflict decided by the owners and
 * every site brought up to date. All sites must end with the same data,
 * and no change may be lost: each edit is in the final data, or was seen
 * and changed by a later edit, or is on a conflicts list. The seed and
 * the number of rounds can be set: SYNC_SIM_SEED, SYNC_SIM_ROUNDS. */
#include "sync_fixture.h"

#define SITES 3
#define MAX_PEOPLE 400
#define MAX_EDITS 4000
#define MAX_QUEUE 64

struct edit {
	char uuid[33];
	const char *column;
	char value[64];
	char prev[64];      /* the value the editing site had */
};

struct queued {
	unsigned char *data;
	size_t size;
	int to;
};

struct sim {
	struct site s[SITES];
	char people[MAX_PEOPLE][33];
	int npeople;
	struct edit edits[MAX_EDITS];
	int nedits;
	struct queued q[MAX_QUEUE];
	int nq;
	long long bundles, held, changes, conflicts;
	unsigned seed;
};

static unsigned next(struct sim *m)
{
	m->seed = m->seed * 1103515245u + 12345u;
	return (m->seed >> 16) & 0x7fff;
}

static const char *const families[] = { "Diallo", "Traore", "Bah", "Cisse", "Ndiaye", "Kone", "Sow", "Barry",
	                                "Camara", "Toure", "Keita", "Sanogo" };
static const char *const givens[] = { "Mohamed", "Ousmane", "Aissatou", "Youssouf", "Ismael", "Awa", "Fatou",
	                              "Mariam", "Ibrahim", "Amadou", "Hawa", "Kadiatou" };

static void do_register(struct sim *m, int k)
{
	if (m->npeople >= MAX_PEOPLE)
		return;
	char birth[8];
	snprintf(birth, sizeof birth, "%d", 1960 + (int)(next(m) % 45));
	long long id = register_person(&m->s[k], families[next(m) % 12], givens[next(m) % 12], birth);
	person_uuid(&m->s[k], id, m->people[m->npeople++]);
	m->changes++;
}

static void do_edit(struct sim *m, int k)
{
	if (!m->npeople || m->nedits >= MAX_EDITS)
		return;
	const char *uuid = m->people[next(m) % (unsigned)m->npeople];
	if (!person_here(&m->s[k], uuid))
		return;   /* not arrived here yet */
	static const char *const fields[] = { "phone", "given", "other" };
	static const char *const columns[] = { "phone", "given_names", "other_names" };
	int f = (int)(next(m) % 3);
	struct edit *e = &m->edits[m->nedits];
	memcpy(e->uuid, uuid, sizeof e->uuid);
	e->column = columns[f];
	if (f == 0)
		snprintf(e->value, sizeof e->value, "+227 90 00 %02u %02u", next(m) % 100, next(m) % 100);
	else   /* never a value the field had before (see the README: the merge compares values) */
		snprintf(e->value, sizeof e->value, "%s %s%d", givens[next(m) % 12], f == 1 ? "" : "dit ", m->nedits);
	/* No trailing space: the form trims it. */
	size_t n = strlen(e->value);
	while (n && e->value[n - 1] == ' ')
		e->value[--n] = '\0';
	person_field(&m->s[k], uuid, e->column, e->prev, sizeof e->prev);
	if (!strcmp(e->prev, e->value))
		return;
	assert_true(edit_person(&m->s[k], uuid, fields[f], e->value));
	person_field(&m->s[k], uuid, e->column, e->value, sizeof e->value);   /* as stored */
	m->nedits++;
	m->changes++;
}

/* A language added or taken off: rows keyed by the person (added and
 * deleted). */
static void do_language(struct sim *m, int k)
{
	if (!m->npeople)
		return;
	const char *uuid = m->people[next(m) % (unsigned)m->npeople];
	long long id = person_here(&m->s[k], uuid);
	if (!id)
		return;
	as_clerk(&m->s[k]);
	struct person orig, p;
	assert_int_equal(person_current(m->s[k].db, id, &orig), ST_OK);
	p = orig;
	if (p.languages[0][0])
		p.languages[0][0] = '\0';
	else
		snprintf(p.languages[0], sizeof p.languages[0], "%s", next(m) % 2 ? "hau" : "fra");
	assert_int_equal(person_save(m->s[k].db, &p, &orig, NULL, 0), ST_OK);
	m->changes++;
}

static void deliver_queued(struct sim *m, int i)
{
	struct sync_result r;
	enum status s = deliver(&m->s[m->q[i].to], m->q[i].data, m->q[i].size, &r);
	assert_true(s == ST_OK || s == ST_CONFLICT);
	if (s == ST_CONFLICT)
		m->held++;
	m->conflicts += r.conflicts;
	free(m->q[i].data);
	m->q[i] = m->q[--m->nq];
}

static void write_bundle_to_queue(struct sim *m, int from, int to, bool all)
{
	if (m->nq == MAX_QUEUE)
		deliver_queued(m, 0);
	struct queued *q = &m->q[m->nq++];
	q->data = bundle(&m->s[from], &m->s[to], all, &q->size);
	q->to = to;
	m->bundles++;
}

static void round_of(struct sim *m)
{
	int k = (int)(next(m) % SITES);
	unsigned what = next(m) % 10;
	if (what < 3)
		do_register(m, k);
	else if (what < 8)
		do_edit(m, k);
	else
		do_language(m, k);
	if (next(m) % 10 < 4) {
		int from = (int)(next(m) % SITES), to = (from + 1 + (int)(next(m) % (SITES - 1))) % SITES;
		write_bundle_to_queue(m, from, to, false);
	}
	if (m->nq && next(m) % 10 < 5) {
		int i = (int)(next(m) % (unsigned)m->nq);
		if (next(m) % 20 == 0) {   /* a USB stick lost: that bundle never comes */
			free(m->q[i].data);
			m->q[i] = m->q[--m->nq];
		} else
			deliver_queued(m, i);
	}
}

struct decide_ctx {
	long long ids[256];
	bool decides[256];
	int n;
};

static enum status collect(const struct sync_conflict *c, void *ctx)
{
	struct decide_ctx *d = ctx;
	if (d->n < 256) {
		d->ids[d->n] = c->id;
		d->decides[d->n] = c->decides;
		d->n++;
	}
	return ST_OK;
}

/* The owners' managers decide every open conflict they own. */
static int decide_all(struct sim *m)
{
	int decided = 0;
	for (int k = 0; k < SITES; k++) {
		as_role(&m->s[k], ROLE_MANAGER, "boss");
		struct decide_ctx d = { .n = 0 };
		assert_int_equal(sync_conflicts_each(m->s[k].db, false, 0, 256, collect, &d, NULL), ST_OK);
		for (int i = 0; i < d.n; i++) {
			if (!d.decides[i])
				continue;
			enum status s = sync_conflict_decide(m->s[k].db, d.ids[i], next(m) % 2);
			assert_true(s == ST_OK || s == ST_CONFLICT || s == ST_INVALID);
			if (s != ST_OK)   /* changed again, or not takeable: keep ours */
				s = sync_conflict_decide(m->s[k].db, d.ids[i], false);
			decided += s == ST_OK;
		}
	}
	return decided;
}

static long long waiting(struct sim *m)
{
	long long n = 0;
	for (int k = 0; k < SITES; k++)
		n += count_of(&m->s[k], "SELECT count(*) FROM sync_bundle_in WHERE status = 'held'")
		     + count_of(&m->s[k], "SELECT count(*) FROM sync_conflict c WHERE status = 'open' AND owner = "
		                          "(SELECT value FROM setting WHERE key = 'site')");
	return n;
}

/* Brings every site up to date: lost bundles sent again in full. */
static void settle(struct sim *m)
{
	while (m->nq)
		deliver_queued(m, 0);
	for (int pass = 0; pass < 12; pass++) {
		for (int from = 0; from < SITES; from++)
			for (int to = 0; to < SITES; to++)
				if (from != to) {
					write_bundle_to_queue(m, from, to, pass == 0);
					deliver_queued(m, m->nq - 1);
				}
		if (pass >= 2 && !decide_all(m) && !waiting(m))
			break;
	}
}

static bool in_conflicts(struct sim *m, const struct edit *e)
{
	for (int k = 0; k < SITES; k++) {
		sqlite3_stmt *st;
		assert_int_equal(sqlite3_prepare_v2(db_sqlite(m->s[k].db), "SELECT count(*) FROM sync_conflict WHERE "
		                 "row_uuid = ?1 AND field = ?2 AND (here = ?3 OR there = ?3)", -1, &st, NULL), SQLITE_OK);
		sqlite3_bind_text(st, 1, e->uuid, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, e->column, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, e->value, -1, SQLITE_STATIC);
		bool found = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) > 0;
		sqlite3_finalize(st);
		if (found)
			return true;
	}
	return false;
}

/* What differs between two sites, to find why: the first rows of each
 * table that differ. */
static void show_differences(struct site *a, struct site *b)
{
	const struct sync_schema *sch = sync_schema(a->db);
	for (int i = 0; i < sch->ntab; i++) {
		if (sch->tab[i].audit)
			continue;
		char sql[8192];
		table_rows_sql(sch, &sch->tab[i], sql, sizeof sql);
		sqlite3_stmt *x, *y;
		sqlite3_prepare_v2(db_sqlite(a->db), sql, -1, &x, NULL);
		sqlite3_prepare_v2(db_sqlite(b->db), sql, -1, &y, NULL);
		int shown = 0;
		/* Rows come sorted: a merge shows those only one site has. */
		char vx[1024], vy[1024];
		bool hx = false, hy = false, endx = false, endy = false;
		for (;;) {
			if (!hx && !endx) {
				endx = sqlite3_step(x) != SQLITE_ROW;
				vx[0] = '\0';
				for (int c = 0; !endx && c < sqlite3_column_count(x); c++)
					snprintf(vx + strlen(vx), sizeof vx - strlen(vx), "%s,", (const char *)sqlite3_column_text(x, c));
				hx = !endx;
			}
			if (!hy && !endy) {
				endy = sqlite3_step(y) != SQLITE_ROW;
				vy[0] = '\0';
				for (int c = 0; !endy && c < sqlite3_column_count(y); c++)
					snprintf(vy + strlen(vy), sizeof vy - strlen(vy), "%s,", (const char *)sqlite3_column_text(y, c));
				hy = !endy;
			}
			if (!hx && !hy)
				break;
			int cmp = !hx ? 1 : !hy ? -1 : strcmp(vx, vy);
			if (cmp == 0) {
				hx = hy = false;
				continue;
			}
			if (shown++ < 4)
				fprintf(stderr, "only at %s: %s\n", cmp < 0 ? "first" : "second", cmp < 0 ? vx : vy);
			if (cmp < 0)
				hx = false;
			else
				hy = false;
		}
		sqlite3_finalize(x);
		sqlite3_finalize(y);
	}
}

/* Every change of the field at each site, and its conflicts (to find why
 * an edit was lost). */
static void trace_field(struct sim *m, const char *uuid, const char *column)
{
	int col = !strcmp(column, "phone") ? 9 : !strcmp(column, "given_names") ? 3 : 4;
	for (int k = 0; k < SITES; k++) {
		sqlite3_stmt *st;
		sqlite3_prepare_v2(db_sqlite(m->s[k].db), "SELECT seq, substr(origin, 29), origin_seq, changes FROM sync_log "
		                   "ORDER BY seq", -1, &st, NULL);
		while (sqlite3_step(st) == SQLITE_ROW) {
			sqlite3_changeset_iter *it;
			sqlite3changeset_start(&it, sqlite3_column_bytes(st, 3), (void *)sqlite3_column_blob(st, 3));
			while (sqlite3changeset_next(it) == SQLITE_ROW) {
				const char *name;
				int ncol, op, ind;
				sqlite3changeset_op(it, &name, &ncol, &op, &ind);
				if (strcmp(name, "person"))
					continue;
				sqlite3_value *v = NULL, *o = NULL, *n = NULL;
				if (op == SQLITE_INSERT)
					sqlite3changeset_new(it, 0, &v);
				else
					sqlite3changeset_old(it, 0, &v);
				if (!v || strcmp((const char *)sqlite3_value_text(v), uuid))
					continue;
				if (op != SQLITE_INSERT)
					sqlite3changeset_old(it, col, &o);
				sqlite3changeset_new(it, col, &n);
				if (o || n)
					fprintf(stderr, "   site %d: seq %lld from %s #%lld: %s -> %s\n", k, sqlite3_column_int64(st, 0),
					        sqlite3_column_text(st, 1), sqlite3_column_int64(st, 2),
					        o ? (const char *)sqlite3_value_text(o) : "-", n ? (const char *)sqlite3_value_text(n) : "-");
			}
			sqlite3changeset_finalize(it);
		}
		sqlite3_finalize(st);
		sqlite3_prepare_v2(db_sqlite(m->s[k].db), "SELECT id, kind, here, there, status, substr(there_site, 29), "
		                   "substr(owner, 29) FROM sync_conflict WHERE row_uuid = ?1 AND field = ?2", -1, &st, NULL);
		sqlite3_bind_text(st, 1, uuid, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, column, -1, SQLITE_STATIC);
		while (sqlite3_step(st) == SQLITE_ROW)
			fprintf(stderr, "   site %d conflict %lld %s here %s there %s %s from %s owner %s\n", k,
			        sqlite3_column_int64(st, 0), sqlite3_column_text(st, 1), sqlite3_column_text(st, 2),
			        sqlite3_column_text(st, 3), sqlite3_column_text(st, 4), sqlite3_column_text(st, 5),
			        sqlite3_column_text(st, 6));
		sqlite3_finalize(st);
		char id[33];
		site_id(&m->s[k], id);
		fprintf(stderr, "   site %d is %s\n", k, id + 28);
	}
}

static void three_sites_end_the_same_and_lose_nothing(void **state)
{
	(void)state;
	struct sim *m = calloc(1, sizeof *m);
	assert_non_null(m);
	const char *seed = getenv("SYNC_SIM_SEED"), *rounds = getenv("SYNC_SIM_ROUNDS");
	m->seed = seed ? (unsigned)strtoul(seed, NULL, 10) : 20261201u;
	int nrounds = rounds ? atoi(rounds) : 300;
	site_open(&m->s[0], "Agadez", "AGZ");
	site_open(&m->s[1], "Dirkou", "DRK");
	site_open(&m->s[2], "Zinder", "ZIN");
	for (int i = 0; i < nrounds; i++)
		round_of(m);
	settle(m);
	for (int k = 1; k < SITES; k++) {
		unsigned char x[SHA256_DIGEST_SIZE], y[SHA256_DIGEST_SIZE];
		long long rx, ry;
		fingerprint(&m->s[0], x, &rx);
		fingerprint(&m->s[k], y, &ry);
		if (rx != ry || memcmp(x, y, sizeof x)) {
			show_differences(&m->s[0], &m->s[k]);
			for (int j = 0; j < SITES; j++) {
				sqlite3_stmt *st;
				sqlite3_prepare_v2(db_sqlite(m->s[j].db), "SELECT kind, tbl, row_uuid, field, here, there, status, "
				                   "substr(owner,29), substr(there_site,29) FROM sync_conflict WHERE tbl != 'person'",
				                   -1, &st, NULL);
				while (sqlite3_step(st) == SQLITE_ROW)
					fprintf(stderr, "site %d: %s %s %s %s %s %s %s owner %s from %s\n", j, sqlite3_column_text(st, 0),
					        sqlite3_column_text(st, 1), sqlite3_column_text(st, 2), sqlite3_column_text(st, 3),
					        sqlite3_column_text(st, 4), sqlite3_column_text(st, 5), sqlite3_column_text(st, 6),
					        sqlite3_column_text(st, 7), sqlite3_column_text(st, 8));
				sqlite3_finalize(st);
			}
		}
		assert_same_data(&m->s[0], &m->s[k]);
	}
	int lost = 0;
	for (int i = 0; i < m->nedits; i++) {
		const struct edit *e = &m->edits[i];
		char now[64];
		person_field(&m->s[0], e->uuid, e->column, now, sizeof now);
		if (!strcmp(now, e->value))
			continue;
		bool superseded = false;
		for (int j = i + 1; j < m->nedits && !superseded; j++)
			superseded = !strcmp(m->edits[j].uuid, e->uuid) && m->edits[j].column == e->column
			             && !strcmp(m->edits[j].prev, e->value);
		if (superseded || in_conflicts(m, e))
			continue;
		lost++;
		fprintf(stderr, "lost: %s %s = %s (was %s)\n", e->uuid, e->column, e->value, e->prev);
		if (getenv("SYNC_SIM_TRACE"))
			trace_field(m, e->uuid, e->column);
	}
	long long rows;
	unsigned char d[SHA256_DIGEST_SIZE];
	fingerprint(&m->s[0], d, &rows);
	printf("sync simulation: seed %u, %d rounds, %lld changes (%d edits of a field), %lld bundles (%lld held "
	       "until earlier ones came), %lld conflicts, %lld records alike at %d sites, lost = %d\n",
	       seed ? (unsigned)strtoul(seed, NULL, 10) : 20261201u, nrounds, m->changes, m->nedits, m->bundles, m->held,
	       m->conflicts, rows, SITES, lost);
	assert_int_equal(lost, 0);
	for (int k = 0; k < SITES; k++)
		site_close(&m->s[k]);
	free(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(three_sites_end_the_same_and_lose_nothing),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
