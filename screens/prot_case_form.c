/* The form of a protection case (centre, opened, risk, case worker,
 * summary), a new one prefilled with the user's centre, today, medium risk
 * and the user as case worker; and the short form ending a case: closed
 * for a reason, or transferred to someone, on a day. The data layer's
 * rules decide; a broken one shows beside its field. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/prot_vocab.h"
#include "db/prot_case.h"
#include "db/user.h"
#include "prot_case_private.h"
#include "screens/prot_cases.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/lang.h"
#include "ui/refchoice.h"
#include "ui/vocab_choices.h"

enum { F_CENTRE, F_OPENED, F_RISK, F_WORKER, F_SUMMARY, F_COUNT };

static const struct binding bindings[] = {
	{ ACT_SUBMIT, { UI_KEYCODE(KEY_F(2)), UI_CTRL('S'), 0, 0 }, N_("Save"),
	  N_("Save the case (Enter on the last field too); Esc leaves, the form is kept as a draft") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct field_def templates[F_COUNT] = {
	[F_CENTRE] = { .label = N_("Centre"), .type = FIELD_CHOICE, .required = true, .name = "centre_code" },
	[F_OPENED] = { .label = N_("Opened on"), .type = FIELD_DATE, .required = true, .full_date = true,
	               .past_only = true, .name = "opened" },
	[F_RISK] = { .label = N_("Risk"), .type = FIELD_CHOICE, .required = true, .labels_are_msgids = true,
	             .name = "risk" },
	[F_WORKER] = { .label = N_("Case worker"), .type = FIELD_CHOICE, .name = "caseworker_id" },
	[F_SUMMARY] = { .label = N_("Summary"), .type = FIELD_TEXT, .maxlen = 250, .name = "summary" },
};

static const char *const names[F_COUNT] = { "centre_code", "opened", "risk", "caseworker_id", "summary" };

struct worker_text {
	char value[24];
	char name[324];
};

struct case_form {
	struct prot_case c;
	struct field_def defs[F_COUNT];
	struct ref_choices *centres;
	struct worker_text *workers;
	struct choice *worker_choices;
	int nworkers, cap;
	char person[400];
	struct form form;
};

static void keep_worker(long long id, const char *name, void *ctx)
{
	struct case_form *f = ctx;
	if (f->nworkers == f->cap) {
		int cap = f->cap ? f->cap * 2 : 16;
		struct worker_text *w = realloc(f->workers, (size_t)cap * sizeof *w);
		if (!w)
			return;
		f->workers = w;
		f->cap = cap;
	}
	struct worker_text *w = &f->workers[f->nworkers++];
	snprintf(w->value, sizeof w->value, "%lld", id);
	snprintf(w->name, sizeof w->name, "%s", name);
}

static void set_id(struct form *form, int field, long long id)
{
	char v[24] = "";
	if (id)
		snprintf(v, sizeof v, "%lld", id);
	form_set(form, field, v);
}

static enum status setup(struct app *app, struct case_form *f)
{
	memcpy(f->defs, templates, sizeof f->defs);
	f->centres = ref_choices_load(app_db(app), REF_CENTRE, lang_get(), 0);
	if (!f->centres)
		return ST_INTERNAL;
	keep_worker(0, "-", f);
	enum status st = prot_worker_each(app_db(app), f->c.caseworker_id, keep_worker, f);
	if (st != ST_OK)
		return st;
	f->worker_choices = calloc((size_t)f->nworkers, sizeof *f->worker_choices);
	if (!f->worker_choices)
		return ST_NOMEM;
	f->workers[0].value[0] = '\0';
	for (int i = 0; i < f->nworkers; i++)
		f->worker_choices[i] = (struct choice){ f->workers[i].value, f->workers[i].name, NULL };
	f->defs[F_CENTRE].choices = f->centres->items;
	f->defs[F_CENTRE].nchoices = f->centres->n;
	f->defs[F_WORKER].choices = f->worker_choices;
	f->defs[F_WORKER].nchoices = f->nworkers;
	f->defs[F_RISK].choices = vocab_choices(VOCAB_PROT_RISK, false, &f->defs[F_RISK].nchoices);
	form_init(&f->form, f->defs, F_COUNT);
	form_set(&f->form, F_CENTRE, f->c.centre_code);
	form_set(&f->form, F_OPENED, f->c.opened);
	form_set(&f->form, F_RISK, f->c.risk);
	set_id(&f->form, F_WORKER, f->c.caseworker_id);
	form_set(&f->form, F_SUMMARY, f->c.summary);
	f->form.changed = false;
	char key[20];
	prot_person_label(app_db(app), f->c.person_id, f->person, sizeof f->person, key, sizeof key);
	return ST_OK;
}

/* arg: the case's id, or minus the person for a new case. */
static enum status form_enter(struct app *app, void *state, const void *arg)
{
	struct case_form *f = state;
	long long ref = arg ? *(const long long *)arg : 0;
	enum status st;
	if (ref > 0) {
		st = prot_case_get(app_db(app), ref, &f->c);
	} else {
		const struct user *u = app_user(app);
		char today[11];
		long long open = 0;
		const char *why = NULL;
		clock_today_iso(today, sizeof today);
		prot_case_init(&f->c, -ref, u->centre_code, u->role == ROLE_PROTECTION ? u->id : 0, today);
		st = prot_case_can_open(app_db(app), -ref, &open, &why);
		if (st == ST_OK && why) {
			app_error(app, _(why));
			return ST_DUPLICATE;
		}
	}
	return st != ST_OK ? st : setup(app, f);
}

static void form_leave(struct app *app, void *state)
{
	(void)app;
	struct case_form *f = state;
	ref_choices_free(&f->centres);
	free(f->workers);
	free(f->worker_choices);
	f->workers = NULL;
	f->worker_choices = NULL;
}

static long long get_num(const struct form *form, int i)
{
	char v[24];
	form_get(form, i, v, sizeof v);
	return v[0] ? strtoll(v, NULL, 10) : 0;
}

static enum ui_result form_submit(struct app *app, void *state)
{
	struct case_form *f = state;
	if (!form_validate(&f->form)) {
		app_error(app, _("Some fields need attention."));
		return UI_HANDLED;
	}
	struct prot_case c = f->c;
	form_get(&f->form, F_CENTRE, c.centre_code, sizeof c.centre_code);
	form_get(&f->form, F_OPENED, c.opened, sizeof c.opened);
	form_get(&f->form, F_RISK, c.risk, sizeof c.risk);
	c.caseworker_id = get_num(&f->form, F_WORKER);
	form_get(&f->form, F_SUMMARY, c.summary, sizeof c.summary);
	const char *why = NULL, *field = NULL;
	bool is_new = c.id == 0;
	enum status st = prot_case_check(app_db(app), &c, &why, &field);
	if (st == ST_OK)
		st = prot_case_save(app_db(app), &c, &why, &field);
	if (st == ST_INVALID || (st == ST_DUPLICATE && why)) {
		for (int i = 0; field && i < F_COUNT; i++)
			if (strcmp(names[i], field) == 0) {
				f->form.fields[i].error = why;
				f->form.cur = i;
			}
		app_error(app, _(why ? why : status_msgid(st)));
		return UI_HANDLED;
	}
	if (st != ST_OK) {
		app_error(app, st == ST_CONFLICT ? _("Someone else changed this case meanwhile: open it again.")
		                                 : _(status_msgid(st)));
		return UI_HANDLED;
	}
	f->form.changed = false;
	app_message(app, is_new ? _("Protection case opened.") : _("Changes saved."));
	if (is_new) {
		prot_case_instead(app, c.id);
		return UI_HANDLED;
	}
	return UI_LEAVE;
}

static void form_draw_cb(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct case_form *f = state;
	char line[500];
	snprintf(line, sizeof line, f->c.id ? _("Protection case of %s") : _("New protection case of %s"),
	         app_privacy(app) ? "" : f->person);
	ui_put(win, 1, 2, getmaxx(win) - 4, A_BOLD, line);
	form_draw(&f->form, win, 3, getmaxy(win) - 3);
}

static struct form *form_of(void *state)
{
	return &((struct case_form *)state)->form;
}

static long long draft_ref(void *state)
{
	struct case_form *f = state;
	return f->c.id ? f->c.id : -f->c.person_id;
}

static const struct screen screen_case_form = {
	.name = "prot_case_form",
	.title = N_("Protection case"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_PROTECTION_WRITE),
	.state_size = sizeof(struct case_form),
	.bindings = bindings,
	.enter = form_enter,
	.leave = form_leave,
	.draw = form_draw_cb,
	.form = form_of,
	.submit = form_submit,
	.draft_kind = "prot_case",
	.draft_ref = draft_ref,
};

enum status prot_case_form_open(struct app *app, long long id, long long person)
{
	long long ref = id ? id : -person;
	return app_push(app, &screen_case_form, &ref);
}

enum status prot_case_open_draft(struct app *app, long long ref, const char *json)
{
	return app_push_draft(app, &screen_case_form, &ref, json);
}

/* ---- closing or transferring ---- */

enum { E_HOW, E_REASON, E_TO, E_DAY, E_COUNT };

static const struct binding end_bindings[] = {
	{ ACT_SUBMIT, { UI_KEYCODE(KEY_F(2)), UI_CTRL('S'), 0, 0 }, N_("Save"),
	  N_("Close or transfer the case (Enter on the last field too); Esc leaves without it") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct choice hows[] = {
	{ "close", N_("Close the case"), NULL },
	{ "transfer", N_("Transfer the case"), NULL },
};

struct end_form {
	long long id;
	int version;
	struct field_def defs[E_COUNT];
	struct form form;
};

struct end_arg {
	long long id;
	int version;
};

static enum status end_enter(struct app *app, void *state, const void *arg)
{
	(void)app;
	struct end_form *f = state;
	const struct end_arg *a = arg;
	f->id = a->id;
	f->version = a->version;
	f->defs[E_HOW] = (struct field_def){ .label = N_("Close or transfer"), .type = FIELD_CHOICE, .required = true,
	                                     .labels_are_msgids = true, .choices = hows, .nchoices = 2, .name = "how" };
	f->defs[E_REASON] = (struct field_def){ .label = N_("Why it is closed"), .type = FIELD_CHOICE,
	                                        .labels_are_msgids = true, .name = "close_reason" };
	f->defs[E_REASON].choices = vocab_choices(VOCAB_PROT_CLOSE_REASON, false, &f->defs[E_REASON].nchoices);
	f->defs[E_TO] = (struct field_def){ .label = N_("Transferred to"), .type = FIELD_TEXT,
	                                    .maxlen = PROT_TRANSFERRED_TO_MAX, .name = "transferred_to" };
	f->defs[E_DAY] = (struct field_def){ .label = N_("On"), .type = FIELD_DATE, .required = true, .full_date = true,
	                                     .past_only = true, .name = "closed_date" };
	form_init(&f->form, f->defs, E_COUNT);
	char today[11];
	clock_today_iso(today, sizeof today);
	form_set(&f->form, E_HOW, "close");
	form_set(&f->form, E_DAY, today);
	f->form.changed = false;
	return ST_OK;
}

static enum ui_result end_submit(struct app *app, void *state)
{
	struct end_form *f = state;
	if (!form_validate(&f->form)) {
		app_error(app, _("Some fields need attention."));
		return UI_HANDLED;
	}
	char how[16], reason[32], to[PROT_TRANSFERRED_TO_MAX * 4 + 4], day[16];
	form_get(&f->form, E_HOW, how, sizeof how);
	form_get(&f->form, E_REASON, reason, sizeof reason);
	form_get(&f->form, E_TO, to, sizeof to);
	form_get(&f->form, E_DAY, day, sizeof day);
	const char *why = NULL;
	bool close = strcmp(how, "transfer") != 0;
	enum status st = close ? prot_case_close(app_db(app), f->id, &f->version, reason, day, &why)
	                       : prot_case_transfer(app_db(app), f->id, &f->version, to, day, &why);
	if (st != ST_OK) {
		if (why)
			f->form.cur = close ? (strstr(why, "day") ? E_DAY : E_REASON) : (strstr(why, "day") ? E_DAY : E_TO);
		app_error(app, why ? _(why)
		                   : st == ST_CONFLICT ? _("Someone else changed this case meanwhile: open it again.")
		                                       : _(status_msgid(st)));
		return UI_HANDLED;
	}
	f->form.changed = false;
	app_message(app, close ? _("The case is closed.") : _("The case is transferred."));
	return UI_LEAVE;
}

static void end_draw(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct end_form *f = state;
	ui_put(win, 1, 2, getmaxx(win) - 4, A_BOLD, _("End the protection case: closed for a reason, or transferred"));
	form_draw(&f->form, win, 3, getmaxy(win) - 3);
}

static struct form *end_form_of(void *state)
{
	return &((struct end_form *)state)->form;
}

static const struct screen screen_end = {
	.name = "prot_case_end",
	.title = N_("Close or transfer the case"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_PROTECTION_WRITE),
	.state_size = sizeof(struct end_form),
	.bindings = end_bindings,
	.enter = end_enter,
	.draw = end_draw,
	.form = end_form_of,
	.submit = end_submit,
};

enum status prot_case_end_open(struct app *app, long long id, int version)
{
	struct end_arg a = { id, version };
	return app_push(app, &screen_end, &a);
}
