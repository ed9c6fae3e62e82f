/* Benchmark of the exchanges between sites (db/sync.h): a busy week at
 * one site (CHANGES write transactions: registrations and edits of people
 * by its clerk) written with the change capture on and off, then the
 * bundle of that week written, its size, its time over a 2G link, and its
 * application at another site. Usage: bench_sync DIR [CHANGES] (default
 * 10,000); the databases are made in DIR and removed. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/role.h"
#include "db/db.h"
#include "db/person.h"
#include "db/sync.h"
#include "db/user.h"

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1000.0 + (double)t.tv_nsec / 1e6;
}

static struct db *site(const char *dir, const char *file, const char *name, const char *centre, bool sync,
                       long long *clerk)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, file);
	db_remove_files(path);
	struct db *db;
	if (db_open(path, DB_CREATE, &db, NULL, 0) != ST_OK) {
		fprintf(stderr, "bench_sync: cannot create %s\n", path);
		exit(1);
	}
	db_set_actor(db, 0, "admin", ROLE_ADMIN, "bench");
	if (user_add(db, "clerk", "Clerk", ROLE_INTAKE, centre, "fr", "a long password", clerk) != ST_OK)
		exit(1);
	long long rows;
	if (sync && sync_init(db, name, &rows) != ST_OK)
		exit(1);
	db_set_actor(db, *clerk, "clerk", ROLE_INTAKE, "bench");
	return db;
}

static const char *const families[] = { "Diallo", "Traore", "Bah", "Cisse", "Ndiaye", "Kone", "Sow", "Barry" };
static const char *const givens[] = { "Mohamed", "Ousmane", "Aissatou", "Youssouf", "Awa", "Fatou", "Ibrahim" };

/* A week: one registration in five, the rest edits of a person registered
 * that week (a phone, other names). Returns the milliseconds. */
static double week(struct db *db, const char *centre, int changes)
{
	long long *ids = malloc(sizeof *ids * (size_t)changes);
	int n = 0;
	double t0 = now_ms();
	for (int i = 0; i < changes; i++) {
		struct person p, orig;
		if (i % 5 == 0 || n == 0) {
			memset(&p, 0, sizeof p);
			snprintf(p.family_name, sizeof p.family_name, "%s", families[i % 8]);
			snprintf(p.given_names, sizeof p.given_names, "%s %d", givens[i % 7], i);
			p.sex = i % 2 ? 'f' : 'm';
			snprintf(p.birth_date, sizeof p.birth_date, "%d", 1970 + i % 40);
			snprintf(p.nationality, sizeof p.nationality, "MLI");
			snprintf(p.arrival_date, sizeof p.arrival_date, "2026-03-15");
			snprintf(p.centre_code, sizeof p.centre_code, "%s", centre);
			snprintf(p.arrival_mode, sizeof p.arrival_mode, "self");
			p.consent_data = true;
			snprintf(p.consent_date, sizeof p.consent_date, "2026-03-15");
			if (person_save(db, &p, NULL, NULL, 0) != ST_OK)
				exit(1);
			ids[n++] = p.id;
			continue;
		}
		if (person_current(db, ids[(i * 7) % n], &orig) != ST_OK)
			exit(1);
		p = orig;
		if (i % 2)
			snprintf(p.phone, sizeof p.phone, "+227 90 %02d %02d %02d", i % 100, (i / 100) % 100, i % 97);
		else
			snprintf(p.other_names, sizeof p.other_names, "dit %d", i);
		if (person_save(db, &p, &orig, NULL, 0) != ST_OK)
			exit(1);
	}
	free(ids);
	return now_ms() - t0;
}

static enum status self_id(const struct sync_site *s, void *ctx)
{
	if (s->self)
		snprintf(ctx, 33, "%s", s->site);
	return ST_OK;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: bench_sync DIR [CHANGES]\n");
		return 2;
	}
	int changes = argc > 2 ? atoi(argv[2]) : 10000;
	long long ca, cb, cp;
	/* The same week with the capture off (a site that does not sync). */
	struct db *plain = site(argv[1], "plain.db", "Plain", "AGZ", false, &cp);
	double t_plain = week(plain, "AGZ", changes);
	db_close(&plain);
	struct db *a = site(argv[1], "agadez.db", "Agadez", "AGZ", true, &ca);
	struct db *b = site(argv[1], "dirkou.db", "Dirkou", "DRK", true, &cb);
	double t_capture = week(a, "AGZ", changes);

	/* The bundle to Dirkou, named by its id. */
	char bid[33] = "";
	db_set_actor(a, 0, "admin", ROLE_ADMIN, "bench");
	db_set_actor(b, 0, "admin", ROLE_ADMIN, "bench");
	if (sync_sites_each(b, self_id, bid) != ST_OK || !bid[0])
		return 1;
	char path[512];
	snprintf(path, sizeof path, "%s/week.bundle", argv[1]);
	double exp[3], imp[3];
	long long bytes = 0, entries = 0;
	for (int r = 0; r < 3; r++) {
		FILE *f = fopen(path, "wb");
		struct sync_result res;
		double t0 = now_ms();
		/* Everything each time: the same bundle three times. */
		if (sync_export(a, bid, true, f, &res) != ST_OK) {
			fprintf(stderr, "bench_sync: export failed: %s\n", res.detail);
			return 1;
		}
		fclose(f);
		exp[r] = now_ms() - t0;
		bytes = res.bytes;
		entries = res.entries;
	}
	FILE *f = fopen(path, "rb");
	unsigned char *data = malloc((size_t)bytes);
	if (!f || !data || fread(data, 1, (size_t)bytes, f) != (size_t)bytes)
		return 1;
	fclose(f);
	struct sync_result res;
	for (int r = 0; r < 3; r++) {
		double t0 = now_ms();
		enum status s = sync_import(b, data, (size_t)bytes, &res);
		imp[r] = now_ms() - t0;
		if (s != ST_OK) {
			fprintf(stderr, "bench_sync: import failed: %s\n", res.detail);
			return 1;
		}
		if (r == 0 && res.applied != entries)
			fprintf(stderr, "bench_sync: %lld of %lld entries applied\n", res.applied, entries);
	}
	free(data);
	qsort(exp, 3, sizeof exp[0], cmp);
	printf("sync: a week of %d changes at one site (1 registration in 5, the rest edits): %.0f ms with the change "
	       "capture, %.0f ms without (x%.2f, %.2f ms a change more)\n",
	       changes, t_capture, t_plain, t_capture / t_plain, (t_capture - t_plain) / changes);
	printf("sync: its bundle (%lld entries, the site's first records included): %lld bytes (%.1f bytes a change), "
	       "written in %.0f ms (median of 3), %.0f s over a 2G link at 40 kbit/s\n",
	       entries, bytes, (double)bytes / changes, exp[1], (double)bytes * 8 / 40000.0);
	printf("sync: applied at another site in %.0f ms (the first time: every change merged, the people indexed); "
	       "again (nothing to do) in %.0f ms\n",
	       imp[0], imp[2]);
	db_close(&a);
	db_close(&b);
	char p2[512];
	const char *files[] = { "plain.db", "agadez.db", "dirkou.db" };
	for (int i = 0; i < 3; i++) {
		snprintf(p2, sizeof p2, "%s/%s", argv[1], files[i]);
		db_remove_files(p2);
	}
	unlink(path);
	return 0;
}
