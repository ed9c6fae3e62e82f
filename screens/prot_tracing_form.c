/* A child's family tracing: opening it (the day, the child's wishes),
 * changing the wishes, and its steps: family found (who and where, the
 * day), verified (the day, a note), reunified (the day, the place, with
 * whom), closed (a note). The data layer says which step may follow which.
 * Each is kept as a draft of its kind (ref the case) when the line drops. */
#include <stdio.h>
#include <string.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "db/prot_child.h"
#include "screens/prot_child_forms.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/form.h"

enum step { S_OPEN, S_WISHES, S_FOUND, S_VERIFIED, S_REUNIFIED, S_CLOSED, S_COUNT };

static const struct binding bindings[] = {
	{ ACT_SUBMIT, { UI_KEYCODE(KEY_F(2)), UI_CTRL('S'), 0, 0 }, N_("Save"),
	  N_("Save this step of the tracing (Enter on the last field too)") },
	{ 0, { 0 }, NULL, NULL },
};

#define MAX_FIELDS 3

static const struct field_def steps[S_COUNT][MAX_FIELDS] = {
	[S_OPEN] = {
		{ .label = N_("Tracing began on"), .type = FIELD_DATE, .required = true, .full_date = true,
		  .past_only = true, .name = "opened" },
		{ .label = N_("The child's wishes"), .type = FIELD_TEXT, .maxlen = LINEEDIT_MAX, .name = "child_wishes" },
	},
	[S_WISHES] = {
		{ .label = N_("The child's wishes"), .type = FIELD_TEXT, .maxlen = LINEEDIT_MAX, .name = "child_wishes" },
	},
	[S_FOUND] = {
		{ .label = N_("Family found (who, where)"), .type = FIELD_TEXT, .required = true, .maxlen = 256,
		  .name = "family_found" },
		{ .label = N_("Found on"), .type = FIELD_DATE, .required = true, .full_date = true, .past_only = true,
		  .name = "found_date" },
	},
	[S_VERIFIED] = {
		{ .label = N_("Verified on"), .type = FIELD_DATE, .required = true, .full_date = true, .past_only = true,
		  .name = "verified_date" },
		{ .label = N_("How it was verified"), .type = FIELD_TEXT, .maxlen = LINEEDIT_MAX,
		  .name = "verification_note" },
	},
	[S_REUNIFIED] = {
		{ .label = N_("Reunified on"), .type = FIELD_DATE, .required = true, .full_date = true, .past_only = true,
		  .name = "reunified_date" },
		{ .label = N_("Place"), .type = FIELD_TEXT, .required = true, .maxlen = 120, .name = "reunified_place" },
		{ .label = N_("With whom"), .type = FIELD_TEXT, .required = true, .maxlen = 200, .name = "reunified_with" },
	},
	[S_CLOSED] = {
		{ .label = N_("Why the tracing is closed"), .type = FIELD_TEXT, .required = true, .maxlen = 256,
		  .name = "closed_note" },
	},
};

static const int nfields[S_COUNT] = { 2, 1, 2, 2, 3, 1 };
static const char *const codes[S_COUNT] = { "open", "wishes", "family_found", "verified", "reunified", "closed" };
static const char *const headings[S_COUNT] = {
	N_("Open the family tracing with the child's wishes"), N_("The child's wishes"),
	N_("The family is found"), N_("The family found is verified"), N_("The child is reunified"),
	N_("Close the tracing"),
};

struct tracing_form {
	long long case_id;
	enum step step;
	struct prot_tracing t;
	struct form form;
};

struct tracing_arg {
	long long case_id;
	enum step step;   /* S_OPEN: open, or the wishes when open already */
};

/* Where each field of t goes, by its name. */
static char *slot(struct prot_tracing *t, const char *name, size_t *size)
{
#define SLOT(f)                              \
	if (strcmp(name, #f) == 0) {         \
		*size = sizeof t->f;         \
		return t->f;                 \
	}
	SLOT(opened) SLOT(child_wishes) SLOT(family_found) SLOT(found_date) SLOT(verified_date)
	SLOT(verification_note) SLOT(reunified_date) SLOT(reunified_place) SLOT(reunified_with) SLOT(closed_note)
#undef SLOT
	*size = 0;
	return NULL;
}

static enum status form_enter(struct app *app, void *state, const void *arg)
{
	struct tracing_form *f = state;
	const struct tracing_arg *a = arg;
	f->case_id = a->case_id;
	f->step = a->step;
	enum status st = prot_tracing_get(app_db(app), f->case_id, &f->t);
	if (st == ST_NOT_FOUND && f->step == S_OPEN) {
		memset(&f->t, 0, sizeof f->t);
		f->t.case_id = f->case_id;
		clock_today_iso(f->t.opened, sizeof f->t.opened);
	} else if (st != ST_OK) {
		return st;
	} else if (f->step == S_OPEN) {
		f->step = S_WISHES;
	} else if (f->step != S_WISHES) {
		const char *why = prot_tracing_step_problem(f->t.status, codes[f->step]);
		if (why) {
			app_error(app, _(why));
			return ST_INVALID;
		}
		char today[11];
		clock_today_iso(today, sizeof today);
		size_t size;
		char *day = slot(&f->t, f->step == S_FOUND ? "found_date" : f->step == S_VERIFIED ? "verified_date"
		                                          : "reunified_date", &size);
		if (f->step != S_CLOSED && day && !day[0])
			snprintf(day, size, "%s", today);
	}
	form_init(&f->form, steps[f->step], nfields[f->step]);
	for (int i = 0; i < nfields[f->step]; i++) {
		size_t size;
		const char *v = slot(&f->t, steps[f->step][i].name, &size);
		if (v)
			form_set(&f->form, i, v);
	}
	f->form.changed = false;
	return ST_OK;
}

static enum ui_result form_submit(struct app *app, void *state)
{
	struct tracing_form *f = state;
	if (!form_validate(&f->form)) {
		app_error(app, _("Some fields need attention."));
		return UI_HANDLED;
	}
	struct prot_tracing t = f->t;
	for (int i = 0; i < nfields[f->step]; i++) {
		size_t size;
		char *v = slot(&t, steps[f->step][i].name, &size);
		if (v)
			form_get(&f->form, i, v, size);
	}
	const char *why = NULL, *field = NULL;
	struct db *db = app_db(app);
	enum status st = f->step == S_OPEN     ? prot_tracing_open(db, &t, &why, &field)
	                 : f->step == S_WISHES ? prot_tracing_wishes(db, &t, &why, &field)
	                                       : prot_tracing_step(db, &t, codes[f->step], &why, &field);
	if (st != ST_OK) {
		prot_form_refused(app, &f->form, steps[f->step], nfields[f->step], st, why, field);
		return UI_HANDLED;
	}
	f->form.changed = false;
	app_message(app, _("Tracing saved."));
	return UI_LEAVE;
}

static void form_draw_cb(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct tracing_form *f = state;
	ui_put_wrapped(win, 1, 2, getmaxx(win) - 4, 2, A_BOLD, _(headings[f->step]));
	form_draw(&f->form, win, 4, getmaxy(win) - 4);
}

static struct form *form_of(void *state)
{
	return &((struct tracing_form *)state)->form;
}

static long long draft_ref(void *state)
{
	return ((struct tracing_form *)state)->case_id;
}

#define TRACING_SCREEN(var, kind)                                    \
	static const struct screen var = {                           \
		.name = kind,                                        \
		.title = N_("Family tracing"),                       \
		.needs_login = true,                                 \
		.perms = PERM_BIT(PERM_PROTECTION_WRITE),            \
		.state_size = sizeof(struct tracing_form),           \
		.bindings = bindings,                                \
		.enter = form_enter,                                 \
		.draw = form_draw_cb,                                \
		.form = form_of,                                     \
		.submit = form_submit,                               \
		.draft_kind = kind,                                  \
		.draft_ref = draft_ref,                              \
	}

TRACING_SCREEN(screen_open, "prot_tracing");
TRACING_SCREEN(screen_found, "prot_tracing_found");
TRACING_SCREEN(screen_verified, "prot_tracing_verified");
TRACING_SCREEN(screen_reunified, "prot_tracing_reunified");
TRACING_SCREEN(screen_closed, "prot_tracing_closed");

static const struct screen *screen_of(enum step s)
{
	switch (s) {
	case S_FOUND:
		return &screen_found;
	case S_VERIFIED:
		return &screen_verified;
	case S_REUNIFIED:
		return &screen_reunified;
	case S_CLOSED:
		return &screen_closed;
	default:
		return &screen_open;
	}
}

enum status prot_tracing_form_open(struct app *app, long long case_id, const char *step)
{
	struct tracing_arg a = { case_id, S_OPEN };
	for (int i = 0; i < S_COUNT; i++)
		if (strcmp(step, codes[i]) == 0)
			a.step = (enum step)i;
	return app_push(app, screen_of(a.step), &a);
}

static enum status draft(struct app *app, enum step s, long long ref, const char *json)
{
	struct tracing_arg a = { ref, s };
	return app_push_draft(app, screen_of(s), &a, json);
}

enum status prot_tracing_open_draft(struct app *app, long long ref, const char *json)
{
	return draft(app, S_OPEN, ref, json);
}

enum status prot_tracing_found_draft(struct app *app, long long ref, const char *json)
{
	return draft(app, S_FOUND, ref, json);
}

enum status prot_tracing_verified_draft(struct app *app, long long ref, const char *json)
{
	return draft(app, S_VERIFIED, ref, json);
}

enum status prot_tracing_reunified_draft(struct app *app, long long ref, const char *json)
{
	return draft(app, S_REUNIFIED, ref, json);
}

enum status prot_tracing_closed_draft(struct app *app, long long ref, const char *json)
{
	return draft(app, S_CLOSED, ref, json);
}
