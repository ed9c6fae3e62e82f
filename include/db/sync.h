#ifndef TAIMAKO_DB_SYNC_H
#define TAIMAKO_DB_SYNC_H
/* Many sites, one set of records (docs/sync.md). Every write transaction
 * of every process records what it changed (SQLite's session extension)
 * in a change log, in the same transaction, with the rows named by their
 * uuid instead of this file's row ids. Bundles carry the entries another
 * site has not received; applying one merges each change field by field
 * and sends the same field changed on both sides to the conflicts list,
 * never overwriting it silently. */
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "core/status.h"

struct db;

#define SYNC_SITE_NAME_MAX 33
#define SYNC_VALUE_MAX 256

/* Turns the capture of changes on or off for this connection (on by
 * default; off for bulk writes that are sent by `sync init` later). */
void sync_capture(struct db *db, bool on);

/* The name of this site (setting "site_name"; empty when none). */
enum status sync_site_name(struct db *db, char *out, size_t size);

/* Gives this site a name and puts every row it owns that the change log
 * does not hold yet into the log (once, when a site starts to sync; again
 * does nothing). *rows gets the number of rows put in the log. */
enum status sync_init(struct db *db, const char *name, long long *rows);
/* The same on a new database that takes the place of the site `as` (its
 * id): nothing is put in the log; the central copy's bundle of everything
 * (`sync export --all`) brings that site's records back, its own included.
 * ST_EXISTS when this database has synced already. */
enum status sync_init_as(struct db *db, const char *name, const char *as, long long *rows);

/* One known site, for the status screen and `sync status`. */
struct sync_site {
	char site[33];                 /* its id */
	char name[SYNC_SITE_NAME_MAX]; /* as it calls itself */
	bool self;
	long long have;                /* the last of its changes applied here */
	long long sent_n;              /* bundles written to it */
	char sent_at[32];              /* when the last was written ("" never) */
	long long sent_upto;           /* entries of this log it was sent (local seq) */
	long long recv_n;              /* bundles applied from it */
	char recv_at[32];
	long long waiting;             /* entries of this log it has not been sent */
	long long held;                /* bundles from it kept until earlier ones come */
	long long conflicts;           /* open conflicts with its changes */
};
typedef enum status (*sync_site_fn)(const struct sync_site *s, void *ctx);
/* Every known site, this one first. */
enum status sync_sites_each(struct db *db, sync_site_fn fn, void *ctx);

/* What an export wrote or an import applied. */
struct sync_result {
	long long bundle;      /* its number in the stream from its sender */
	long long entries;     /* change-log entries in it (an entry: one transaction) */
	long long changes;     /* row changes in them */
	long long applied;     /* entries applied here (import) */
	long long skipped;     /* entries already here (import) */
	long long conflicts;   /* new conflicts (import) */
	long long duplicates;  /* people who may be someone registered here (import) */
	long long bytes;       /* size of the file */
	bool held;             /* import: kept until earlier bundles come */
	bool more;             /* export: more entries wait for the next bundle (one has a size limit) */
	char from[SYNC_SITE_NAME_MAX];
	char detail[512];      /* why a bundle was refused or held, for the user */
};

/* Writes to out a bundle for the site named `to` (its name or id) of every
 * entry it has not been sent; all: every entry of the log (a site rebuilt,
 * or asked to send everything again). ST_NOT_FOUND: unknown site. */
enum status sync_export(struct db *db, const char *to, bool all, FILE *out, struct sync_result *r);

/* The same with what `to` has not said it has: the bundles written since
 * the last it applied are taken as lost (a USB stick lost, a push that
 * failed). */
enum status sync_export_again(struct db *db, const char *to, FILE *out, struct sync_result *r);

/* Applies the bundle in data (size bytes). ST_OK applied (or already
 * applied: r->applied == 0); ST_CONFLICT held until earlier bundles come
 * (r->held, r->detail says which); ST_INVALID refused (damaged, for
 * another site, another schema): r->detail says why; nothing changed. */
enum status sync_import(struct db *db, const unsigned char *data, size_t size,
                        struct sync_result *r);

/* Asks the site `from` to send everything it owns again at its next
 * export to this one: writes a bundle holding only that request. */
enum status sync_request_all(struct db *db, const char *from, FILE *out, struct sync_result *r);

/* One field changed on both sides, or a change that could not be merged. */
enum sync_conflict_kind {
	SYNC_SAME_FIELD,      /* the same field changed here and there */
	SYNC_EDIT_DELETED,    /* changed there, deleted here */
	SYNC_DELETE_EDITED,   /* deleted there, changed here */
	SYNC_DUPLICATE,       /* a person who came from there may be someone registered here */
};
struct sync_conflict {
	long long id;
	enum sync_conflict_kind kind;
	char table[40];               /* internal: for the label functions */
	char field[40];               /* internal */
	char what[120];               /* the record, for the user ("Person AGZ-26-00123-K") */
	char here[SYNC_VALUE_MAX];    /* the value here ("" deleted) */
	char there[SYNC_VALUE_MAX];   /* the value of the other site ("" deleted) */
	char there_site[SYNC_SITE_NAME_MAX];
	char there_user[64];
	char there_at[32];            /* when it was changed there (UTC) */
	char at[32];                  /* when it arrived here */
	bool decides;                 /* this site owns the record: its manager chooses */
	bool open;
	char decision[24];            /* "kept", "taken", "owner" (the owner's value came) */
	char decided_by[64];
	bool hidden;                  /* the role may not see this record's values: here/there empty */
};
typedef enum status (*sync_conflict_fn)(const struct sync_conflict *c, void *ctx);
/* Conflicts newest first, open ones only unless all; a page of limit after
 * id `after` (0: from the start); *more when more follow. */
enum status sync_conflicts_each(struct db *db, bool all, long long after, int limit,
                                sync_conflict_fn fn, void *ctx, bool *more);
/* The number of open conflicts. */
enum status sync_conflicts_open(struct db *db, long long *n);
/* A manager's choice: take the other site's value (take) or keep this one.
 * Audited; the choice travels to the other sites with the next bundles.
 * ST_CONFLICT when the record changed again since (read it again). */
enum status sync_conflict_decide(struct db *db, long long id, bool take);

#endif
