#ifndef TAIMAKO_UI_MODULE_H
#define TAIMAKO_UI_MODULE_H
/* Modules: each area of work (registration, medical, administration, ...)
 * describes itself once in a struct module, and one table of them (one line
 * per module, src/modules.c) is handed down by main. The shared screens
 * (home menu, case file, command line's demo) are built from the table and
 * never name a module (as neomutt's struct Module, tig's DEFINE_VIEW). */
#include <stdbool.h>
#include <stddef.h>
#include "core/status.h"

struct app;
struct db;
struct demo_options;
struct reflist_def;
struct report_def;
struct vocab;

/* An entry of the home menu. */
struct module_entry {
	int key;                  /* the letter or digit that opens it (unique in the whole table) */
	const char *label;        /* msgid */
	unsigned perms;           /* PERM_BIT()s: shown to roles with any of them; 0: everyone */
	enum status (*open)(struct app *app);
};

/* A key on the case file that opens something of the module for the person. */
struct module_action {
	int key;                  /* a letter (unique on the case file) */
	int fkey;                 /* a function key number (F7 = 7) as alternative, or 0 */
	const char *hint;         /* short msgid for the status line, or NULL */
	const char *help;         /* msgid for the F1 help */
	unsigned perms;           /* PERM_BIT()s: the roles that may use it */
	enum status (*open)(struct app *app, long long person_id);
};

/* A kind of draft that the module's forms keep when the line drops. */
struct module_draft {
	const char *kind;         /* stored in the draft table ("intake") */
	const char *label;        /* msgid: "Registration form" */
	/* Opens the form again from its draft (ref: the record or person it was for). */
	enum status (*resume)(struct app *app, long long ref, const char *json);
};

struct module {
	const char *name;          /* "medical": for logs and tests */
	const char *title;         /* msgid: its heading on the home menu */
	unsigned daily_roles;      /* ROLE_BIT()s whose daily work it is: listed first; or ROLE_ALL */
	const struct module_entry *entries;   /* ends with open NULL; may be NULL */
	const struct module_action *actions;  /* case-file keys, ends with open NULL; may be NULL */
	/* One status line for the case file of person (status text for every
	 * role allowed by status_perms), "" when there is nothing to say. */
	void (*status)(struct app *app, long long person_id, char *out, size_t size);
	unsigned status_perms;
	/* Writes the module's demo data for the people already generated. */
	enum status (*demo)(struct db *db, const struct demo_options *o);
	const struct module_draft *drafts;    /* ends with kind NULL; may be NULL */
	/* Its code lists (core/vocab.h), each the CHECK of a column of its
	 * tables: tests/unit/test_vocab.c compares them. Ends with NULL. */
	const struct vocab *const *vocabs;
	/* Its reference lists that an administrator edits (db/reflist.h),
	 * listed under Administration > Reference lists. Ends with NULL; may be
	 * NULL. */
	const struct reflist_def *const *reflists;
	/* Its tables for the reports (db/report.h), in the order the reports
	 * screen lists them. Ends with NULL; may be NULL. */
	const struct report_def *const *reports;
};

#define ROLE_BIT(r) (1u << (unsigned)(r))
/* daily_roles of a module every role uses (it comes right after a role's
 * own daily modules). */
#define ROLE_ALL (~0u)

/* The table of modules, ending with NULL (src/modules.c). */
extern const struct module *const module_table[];

/* The draft kind named kind in modules (NULL-terminated), or NULL. */
const struct module_draft *module_draft_kind(const struct module *const *modules, const char *kind);

/* The definition of the editable list named list in modules
 * (NULL-terminated), or NULL. */
const struct reflist_def *module_reflist(const struct module *const *modules, const char *list);

/* The table of the reports named name in modules (NULL-terminated), or
 * NULL. */
const struct report_def *module_report(const struct module *const *modules, const char *name);

/* Calls cb for each table of the reports of modules, module by module in
 * the table's order. */
void module_reports_each(const struct module *const *modules,
                         void (*cb)(const struct module *m, const struct report_def *def, void *ctx), void *ctx);

/* The home menu of a role, laid out: entries grouped under their module's
 * heading, the role's daily modules first, then the modules every user
 * shares, in columns. */
#define HOME_MAX_ITEMS 96

struct home_item {
	const struct module *module;      /* its module */
	const struct module_entry *entry; /* NULL for a module heading */
	int col, row;                     /* where it is drawn */
};

struct home_layout {
	struct home_item items[HOME_MAX_ITEMS];
	int n;
	int cols;                         /* columns used */
	int rows;                         /* rows used */
	bool fits;                        /* false when rows would exceed max_rows */
};

/* Lays out the entries of modules (NULL-terminated) that role may open, in
 * at most ncols columns of max_rows rows: a group starts a new column when
 * it does not fit below; groups are parted by a blank row unless that
 * makes the menu too long. out->fits is false when it cannot fit. */
void module_home_layout(const struct module *const *modules, int role, int ncols, int max_rows,
                        struct home_layout *out);

#endif
