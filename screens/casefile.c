/* The case file: identity, vulnerabilities, family, stays and the history
 * of changes of one person. Opening it is recorded in the audit trail. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/clock.h"
#include "core/casenum.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/text.h"
#include "core/vocab.h"
#include "db/audit.h"
#include "db/audit_text.h"
#include "db/medical.h"
#include "db/person.h"
#include "ui/module.h"
#include "screens/person_labels.h"
#include "screens/screens.h"
#include "ui/draw.h"
#include "ui/lang.h"

#define MAX_RELATIVES 9
#define MAX_STAYS 4
#define MAX_CHANGES 4
#define MAX_MODULES 16
#define MAX_ACTIONS 40

enum { ACT_RELATIVE = 1, ACT_UNLINK, ACT_UNDO_UNLINK, ACT_MODULE = 100 };

/* Built at each opening from the module table, for the signed-in role:
 * the status line and F1 show the keys of what this role may do. One
 * session runs one screen loop, so one table is enough. */
static struct binding bindings[MAX_ACTIONS + 2];
static const struct module_action *actions[MAX_ACTIONS];

struct casefile {
	long long id;
	struct person p;
	struct person_relative relatives[MAX_RELATIVES];
	int nrelatives;
	bool more_relatives;
	struct person_stay stays[MAX_STAYS];
	int nstays;
	bool more_stays;
	struct person_change changes[MAX_CHANGES];
	int nchanges;
	bool more_changes;
	char status[MAX_MODULES][400];   /* each module's status line, "" when none */
	bool picking;                    /* the next digit names the link to remove */
	struct person_relative removed;  /* the last link removed (id 0: none), for the undo */
	/* Names in the user's language of the codes stored. */
	char lang[8];                    /* the language of the names below */
	char nationality[96];
	char languages[PERSON_MAX_LANGS][96];
	char issuers[PERSON_MAX_DOCS][96];
};

/* Fills the bindings with the modules' case-file keys allowed to role. */
static void build_bindings(const struct module *const *modules, int role)
{
	int n = 0;
	for (const struct module *const *m = modules; *m; m++)
		for (const struct module_action *a = (*m)->actions; a && a->open && n < MAX_ACTIONS; a++) {
			if (!perm_allows_any(role, a->perms))
				continue;
			actions[n] = a;
			struct binding *b = &bindings[n];
			*b = (struct binding){ ACT_MODULE + n, { a->key, 0, 0, 0 }, a->hint, a->help };
			if (a->fkey)
				*b = (struct binding){ ACT_MODULE + n, { UI_KEYCODE(KEY_F(a->fkey)), a->key, 0, 0 }, a->hint,
				                       a->help };
			n++;
		}
	bindings[n++] = (struct binding){ ACT_RELATIVE, { '1', 0, 0, 0 }, NULL,
	                                  N_("1 to 9: open the case file of that family member") };
	if (perm_allows(role, PERM_PERSON_WRITE)) {
		bindings[n++] = (struct binding){ ACT_UNLINK, { 'r', 0, 0, 0 }, NULL,
		                                  N_("Remove a wrong family link: its number, then a confirmation") };
		bindings[n++] = (struct binding){ ACT_UNDO_UNLINK, { 'u', 0, 0, 0 }, NULL,
		                                  N_("Undo the family link just removed") };
	}
	bindings[n] = (struct binding){ 0, { 0 }, NULL, NULL };
}

/* Collects a relative. */
static void add_relative(const struct person_relative *r, void *ctx)
{
	struct casefile *s = ctx;
	if (s->nrelatives < MAX_RELATIVES)
		s->relatives[s->nrelatives++] = *r;
}

/* Collects a stay. */
static void add_stay(const struct person_stay *y, void *ctx)
{
	struct casefile *s = ctx;
	if (s->nstays < MAX_STAYS)
		s->stays[s->nstays++] = *y;
}

/* Collects a change. */
static void add_change(const struct person_change *c, void *ctx)
{
	struct casefile *s = ctx;
	if (s->nchanges < MAX_CHANGES)
		s->changes[s->nchanges++] = *c;
}

static void load_labels(struct app *app, struct casefile *s);

/* Reads everything again (after an edit, or coming back to the screen). */
static enum status load(struct app *app, struct casefile *s)
{
	struct db *db = app_db(app);
	enum status st = person_get(db, s->id, &s->p);
	if (st != ST_OK)
		return st;
	s->nrelatives = s->nstays = s->nchanges = 0;
	s->more_relatives = s->more_stays = s->more_changes = false;
	person_family(db, s->id, 0, MAX_RELATIVES, add_relative, s, &s->more_relatives);
	person_stays(db, s->id, 0, MAX_STAYS, add_stay, s, &s->more_stays);
	person_history(db, s->id, 0, MAX_CHANGES, add_change, s, &s->more_changes);
	load_labels(app, s);
	return ST_OK;
}

/* The names of the codes and the modules' status lines, in the language
 * shown (read again when the user switches it). */
static void load_labels(struct app *app, struct casefile *s)
{
	snprintf(s->lang, sizeof s->lang, "%s", lang_get());
	label_ref(app, REF_COUNTRY, s->p.nationality, s->nationality, sizeof s->nationality);
	for (int i = 0; i < PERSON_MAX_LANGS; i++)
		label_ref(app, REF_LANGUAGE, s->p.languages[i], s->languages[i], sizeof s->languages[i]);
	for (int i = 0; i < PERSON_MAX_DOCS; i++)
		label_ref(app, REF_COUNTRY, s->p.docs[i].issued_by, s->issuers[i], sizeof s->issuers[i]);
	/* What each module has to say about the person, to roles allowed. */
	int role = (int)app_user(app)->role, i = 0;
	for (const struct module *const *m = app_modules(app); *m && i < MAX_MODULES; m++, i++) {
		s->status[i][0] = '\0';
		if ((*m)->status && perm_allows_any(role, (*m)->status_perms))
			(*m)->status(app, s->id, s->status[i], sizeof s->status[i]);
	}
}

static enum status casefile_enter(struct app *app, void *state, const void *arg)
{
	struct casefile *s = state;
	if (!arg)
		return ST_NOT_FOUND;
	s->id = *(const long long *)arg;
	build_bindings(app_modules(app), (int)app_user(app)->role);
	return load(app, s);
}

/* Age text for a partial birth date: "23", "~23", "?". */
static void age_of(const char *birth, bool estimated, char *out, size_t size, bool *child)
{
	struct pdate today = clock_today();
	int years;
	bool approx;
	if (!person_age(birth, estimated, &today, &years, &approx, child))
		snprintf(out, size, "%s", _("age unknown"));
	else
		snprintf(out, size, _("%s%d years"), approx ? "~" : "", years);
}

/* "15/03/2026" from ISO, or the text "unknown". */
static void date_text(const char *iso, char *out, size_t size)
{
	struct pdate d;
	if (iso[0] && date_from_iso(iso, &d) == DATE_OK)
		date_format(&d, out, size);
	else
		snprintf(out, size, "%s", _("unknown"));
}

/* The label of a departure reason. */
static const char *reason_label(const char *reason)
{
	const char *label = vocab_short(VOCAB_DEPARTURE_REASON, reason);
	return label ? _(label) : reason;
}

/* The label of an arrival mode. */
static const char *mode_label(const char *mode)
{
	const char *label = vocab_short(VOCAB_ARRIVAL_MODE, mode);
	return label ? _(label) : mode;
}

/* The services of a stay, translated, into out. */
static void services_text(const char *codes, char *out, size_t size)
{
	out[0] = '\0';
	for (int i = 0; i < vocab_count(VOCAB_SERVICE); i++) {
		const struct vocab_item *it = vocab_item(VOCAB_SERVICE, i);
		size_t n = strlen(it->code);
		const char *at = codes;
		while ((at = strstr(at, it->code)) && ((at > codes && at[-1] != ' ') || (at[n] && at[n] != ' ')))
			at += n;
		if (!at)
			continue;
		size_t len = strlen(out);
		snprintf(out + len, size - len, "%s%s", len ? ", " : "", _(vocab_short(VOCAB_SERVICE, it->code)));
	}
}

/* The label of a family relation. */
static const char *relation_label(const char *rel)
{
	const char *label = vocab_short(VOCAB_RELATION, rel);
	return label ? _(label) : rel;
}

/* The header: number, name, sex, age, nationality; then the flags. */
static int draw_header(struct casefile *s, WINDOW *win, int cols)
{
	const struct person *p = &s->p;
	char number[CASENUM_MAX], age[48], line[600];
	bool child;
	if (!casenum_display(p->case_key, number, sizeof number))
		snprintf(number, sizeof number, "%s", p->case_key);
	age_of(p->birth_date, p->birth_estimated, age, sizeof age, &child);
	snprintf(line, sizeof line, "%s   %s %s   %s   %s   %s", number, p->family_name, p->given_names,
	         p->sex == 'f' ? _("female") : p->sex == 'm' ? _("male") : _("sex unknown"), age,
	         s->nationality[0] ? s->nationality : _("nationality unknown"));
	ui_put(win, 0, 1, cols - 2, A_BOLD, line);
	line[0] = '\0';
	if (child)
		snprintf(line, sizeof line, "%s", _("CHILD"));
	for (int f = 0; f < FLAG_COUNT_; f++) {
		if (!p->flags[f])
			continue;
		size_t len = strlen(line);
		snprintf(line + len, sizeof line - len, "%s%s", len ? " · " : "", _(person_flag_label((enum person_flag)f)));
	}
	if (line[0])
		return 1 + ui_put_wrapped(win, 1, 1, cols - 2, 2, A_BOLD, line);
	return 1;
}

/* Draws s, parts separated by three blanks, never cut: whole parts on a
 * row while they fit, then the next row (a part too long for a row wraps
 * by words). Returns the rows used. */
static int put_wrapped(WINDOW *win, int y, int x, int cols, const char *s)
{
	char row[1200] = "", joined[1200];
	int used = 0;
	while (*s) {
		const char *sep = strstr(s, "   ");
		int n = sep ? (int)(sep - s) : (int)strlen(s);
		/* joined = row, three blanks, the part (as much as the buffer holds) */
		size_t rl = strlen(row), add = rl ? 3 : 0, take = (size_t)n;
		if (rl + add + 1 >= sizeof joined)
			add = take = 0;
		else if (take > sizeof joined - rl - add - 1)
			take = sizeof joined - rl - add - 1;
		memcpy(joined, row, rl);
		memcpy(joined + rl, "   ", add);
		memcpy(joined + rl + add, s, take);
		joined[rl + add + take] = '\0';
		if (row[0] && text_width(joined) > cols) {
			used += ui_put_wrapped(win, y + used, x, cols, 3, 0, row);
			size_t k = (size_t)n < sizeof row - 1 ? (size_t)n : sizeof row - 1;
			memcpy(row, s, k);
			row[k] = '\0';
		} else {
			memcpy(row, joined, sizeof row);
		}
		s += n;
		while (*s == ' ')
			s++;
	}
	if (row[0])
		used += ui_put_wrapped(win, y + used, x, cols, 3, 0, row);
	return used ? used : 1;
}

static void casefile_draw(struct app *app, void *state, WINDOW *win)
{
	struct casefile *s = state;
	const struct person *p = &s->p;
	if (strcmp(s->lang, lang_get()) != 0)
		load_labels(app, s);
	int cols = getmaxx(win), rows = getmaxy(win);
	int y = draw_header(s, win, cols) + 1;
	char line[600], a[32], b[32];
	if (!p->consent_data)
		y += ui_put_wrapped(win, y, 1, cols - 2, 2, A_BOLD,
		                    _("No consent to data collection: only what assistance needs is kept, never exported."));

	date_text(p->birth_date, a, sizeof a);
	snprintf(line, sizeof line, _("Born: %s%s   Phone: %s   Also known as: %s"), a,
	         p->birth_estimated ? _(" (estimated)") : "", p->phone[0] ? p->phone : "-",
	         p->other_names[0] ? p->other_names : "-");
	y += put_wrapped(win, y, 1, cols - 2, line);
	date_text(p->arrival_date, a, sizeof a);
	date_text(p->consent_date, b, sizeof b);
	if (person_is_community(p)) {
		/* No arrival: the day and centre of the short registration. */
		snprintf(line, sizeof line, _("Community member · locality %s"), p->locality);
		y += ui_put_wrapped(win, y, 1, cols - 2, 2, A_BOLD, line);
		date_text(p->community_since, a, sizeof a);
		snprintf(line, sizeof line, _("Registered as a community member on %s at %s   "
		                                     "Consent: data %s, sharing %s, on %s"),
		         a, p->centre_code, p->consent_data ? _("yes") : _("no"), p->consent_share ? _("yes") : _("no"), b);
	} else {
		snprintf(line, sizeof line, _("Arrived %s at %s (%s)   Consent: data %s, sharing %s, on %s"), a,
		         p->centre_code, mode_label(p->arrival_mode), p->consent_data ? _("yes") : _("no"),
		         p->consent_share ? _("yes") : _("no"), b);
		if (p->community_since[0]) {
			/* Registered in the community before migrating. */
			char since[32];
			size_t len = strlen(line);
			date_text(p->community_since, since, sizeof since);
			snprintf(line + len, sizeof line - len, _("   Community member from %s (%s)"), since, p->locality);
		}
	}
	y += put_wrapped(win, y, 1, cols - 2, line);
	line[0] = '\0';
	for (int i = 0; i < PERSON_MAX_LANGS && p->languages[i][0]; i++) {
		size_t len = strlen(line);
		snprintf(line + len, sizeof line - len, "%s%s", i ? ", " : _("Languages: "), s->languages[i]);
	}
	for (int i = 0; i < PERSON_MAX_DOCS && p->docs[i].type[0]; i++) {
		size_t len = strlen(line);
		const char *type = vocab_label(VOCAB_DOC_TYPE, p->docs[i].type);
		snprintf(line + len, sizeof line - len, "   %s %s %s", type ? _(type) : p->docs[i].type, p->docs[i].number,
		         s->issuers[i]);
	}
	if (line[0])
		y += put_wrapped(win, y, 1, cols - 2, line);

	for (int i = 0; i < MAX_MODULES; i++)
		if (s->status[i][0])
			y += ui_put_wrapped(win, y, 1, cols - 2, 2, A_BOLD, s->status[i]);
	y++;
	int w = ui_put(win, y, 1, cols - 2, A_BOLD | A_UNDERLINE, _("Family"));
	/* Where the links are, the key that removes a wrong one. */
	if (s->nrelatives && perm_allows((int)app_user(app)->role, PERM_PERSON_WRITE))
		ui_put(win, y, 3 + w, cols - 4 - w, 0, _("(r removes a wrong link)"));
	y++;
	if (!s->nrelatives)
		ui_put(win, y++, 3, cols - 4, 0, _("No family members linked."));
	int shown = 0;
	for (int i = 0; i < s->nrelatives && y < rows - 8; i++, shown++) {
		const struct person_relative *r = &s->relatives[i];
		char number[CASENUM_MAX];
		if (!casenum_display(r->hit.case_key, number, sizeof number))
			snprintf(number, sizeof number, "%s", r->hit.case_key);
		char rel[80];
		ui_pad(relation_label(r->relation), 18, rel, sizeof rel);
		/* Privacy mode: a list of other people, their names masked. */
		snprintf(line, sizeof line, "%d  %s %s  %s%s%s", i + 1, rel, app_privacy(app) ? "*****" : r->hit.name, number,
		         r->hit.community ? "  " : "", r->hit.community ? _("COMM.") : "");
		ui_put(win, y++, 3, cols - 4, 0, line);
	}
	if (s->more_relatives || s->nrelatives > shown)
		ui_put(win, y++, 3, cols - 4, A_BOLD, _("... and more family members"));
	/* A community member has no stay: no section to say so. */
	bool stays = !person_is_community(p) || s->nstays;
	if (stays) {
		y++;
		ui_put(win, y++, 1, cols - 2, A_BOLD | A_UNDERLINE, _("Stays"));
	}
	shown = 0;
	for (int i = 0; stays && i < s->nstays && y < rows - 5; i++, shown++) {
		const struct person_stay *st = &s->stays[i];
		char services[160];
		services_text(st->services, services, sizeof services);
		date_text(st->admitted, a, sizeof a);
		if (st->departed[0]) {
			date_text(st->departed, b, sizeof b);
			snprintf(line, sizeof line, "%s  %s - %s  %s   %s", st->centre_code, a, b, reason_label(st->reason),
			         services);
		} else {
			snprintf(line, sizeof line, "%s  %s - %s   %s", st->centre_code, a, _("staying"), services);
		}
		y += put_wrapped(win, y, 3, cols - 4, line);
	}
	if (stays && (s->more_stays || s->nstays > shown))
		ui_put(win, y++, 3, cols - 4, A_BOLD, _("... and earlier stays"));
	y++;
	ui_put(win, y++, 1, cols - 2, A_BOLD | A_UNDERLINE, _("History of changes"));
	/* The rows left hold the newest changes, and the last one says when
	 * there are more than it shows. */
	int room = rows - y;
	bool more = s->more_changes || s->nchanges > room;
	int n = more ? room - 1 : s->nchanges;
	for (int i = 0; i < n && i < s->nchanges; i++) {
		const struct person_change *c = &s->changes[i];
		/* In words, with case numbers and labels (db/audit_text.h). */
		char day[16], what[480], when[12];
		snprintf(when, sizeof when, "%.10s", c->at);
		date_text(when, day, sizeof day);
		audit_describe(app_db(app), lang_get(), c->action, "person", s->id, c->changes, "; ", what, sizeof what);
		snprintf(line, sizeof line, "%s %.5s  %-10s %s", day, c->at + 11, c->user_name, what);
		ui_put(win, y++, 3, cols - 4, 0, line);
	}
	if (more && y < rows)
		ui_put(win, y++, 3, cols - 4, A_BOLD, _("... and earlier changes"));
}

/* The module action bound to key, allowed or not, or NULL. */
static const struct module_action *action_of_key(struct app *app, int key)
{
	for (const struct module *const *m = app_modules(app); *m; m++)
		for (const struct module_action *a = (*m)->actions; a && a->open; a++)
			if (a->key == key || (a->fkey && key == UI_KEYCODE(KEY_F(a->fkey))))
				return a;
	return NULL;
}

/* Removes the link to relative i after a confirmation; it can be undone
 * until the file is left. */
static void unlink_relative(struct app *app, struct casefile *s, int i)
{
	const struct person_relative *r = &s->relatives[i];
	char name[64], question[256];
	const char *label = vocab_short(VOCAB_RELATION, r->relation);
	text_fit(r->hit.name, 40, name, sizeof name);
	snprintf(question, sizeof question, _("Remove the family link with %s (%s)?"), name, label ? _(label) : "");
	if (!app_confirm(app, question)) {
		app_message(app, _("The family link is kept."));
		return;
	}
	struct person_relative was = *r;
	enum status st = person_unlink(app_db(app), s->id, was.id);
	if (st != ST_OK) {
		app_error(app, _(status_msgid(st)));
		return;
	}
	s->removed = was;
	load(app, s);
	app_message(app, _("Family link removed. Press u to undo."));
}

/* Makes again the link removed last. */
static void undo_unlink(struct app *app, struct casefile *s)
{
	if (!s->removed.id) {
		app_error(app, _("No family link was removed here."));
		return;
	}
	enum status st = person_link(app_db(app), s->id, s->removed.id, s->removed.relation);
	if (st != ST_OK) {
		app_error(app, _(status_msgid(st)));
		return;
	}
	s->removed.id = 0;
	load(app, s);
	app_message(app, _("Family link restored."));
}

static enum ui_result casefile_input(struct app *app, void *state, int key)
{
	struct casefile *s = state;
	if (s->picking) {
		s->picking = false;
		if (key >= '1' && key <= '9' && key - '1' < s->nrelatives) {
			unlink_relative(app, s, key - '1');
			return UI_HANDLED;
		}
		app_message(app, _("No family link removed."));
		return UI_HANDLED;
	}
	if (key >= '1' && key <= '9') {
		int i = key - '1';
		if (i < s->nrelatives)
			casefile_open(app, s->relatives[i].id);
		return UI_HANDLED;
	}
	/* A key of something this role may not do says so, not nothing. */
	const struct module_action *a = action_of_key(app, key);
	if (a && !perm_allows_any((int)app_user(app)->role, a->perms)) {
		int p = 0;
		while (p < PERM_COUNT_ && !(a->perms & PERM_BIT(p)))
			p++;
		audit_refused(app_db(app), "permission", perm_name((enum perm)p), "person", s->id);
		app_error(app, _(status_msgid(ST_DENIED)));
		return UI_HANDLED;
	}
	return UI_IGNORED;
}

static enum ui_result casefile_action(struct app *app, void *state, int action)
{
	struct casefile *s = state;
	if (action == ACT_UNLINK) {
		if (!s->nrelatives) {
			app_error(app, _("No family members linked."));
		} else {
			s->picking = true;
			app_message(app, _("Press the number of the family member to unlink (Esc: cancel)."));
		}
		return UI_HANDLED;
	}
	if (action == ACT_UNDO_UNLINK) {
		undo_unlink(app, s);
		return UI_HANDLED;
	}
	int i = action - ACT_MODULE;
	if (i < 0 || i >= MAX_ACTIONS || !actions[i])
		return UI_IGNORED;
	actions[i]->open(app, s->id);
	return UI_HANDLED;
}

/* Coming back from the edit form: show what was saved. */
static void casefile_refresh(struct app *app, void *state)
{
	load(app, state);
}

static const struct screen screen_casefile = {
	.name = "casefile",
	.title = N_("Case file"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_PERSON_READ),
	.state_size = sizeof(struct casefile),
	.bindings = bindings,
	.enter = casefile_enter,
	.draw = casefile_draw,
	.input = casefile_input,
	.action = casefile_action,
	.resume = casefile_refresh,
};

enum status casefile_open(struct app *app, long long person_id)
{
	return app_push(app, &screen_casefile, &person_id);
}

enum status casefile_instead(struct app *app, long long person_id)
{
	return app_replace(app, &screen_casefile, &person_id);
}
