/* The form of a reintegration case: country, region (only the regions of
 * the country chosen), locality, return date and kind, case worker,
 * implementing partner, centre and notes. A new case starts from the
 * defaults the data layer proposes (an assisted return's day and kind, the
 * nationality). The data layer's check decides; its message shows beside
 * the field it is about. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/reint_vocab.h"
#include "db/reflist.h"
#include "db/reint_case.h"
#include "screens/reint_cases.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/lang.h"
#include "ui/refchoice.h"
#include "ui/vocab_choices.h"

enum { F_COUNTRY, F_REGION, F_LOCALITY, F_RETURN, F_KIND, F_WORKER, F_PARTNER, F_CENTRE, F_NOTES, F_COUNT };

static const struct binding bindings[] = {
	{ ACT_SUBMIT, { UI_KEYCODE(KEY_F(2)), UI_CTRL('S'), 0, 0 }, N_("Save"),
	  N_("Save the case (Enter on the last field too). The regions offered are those of the country chosen") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct field_def templates[F_COUNT] = {
	[F_COUNTRY] = { .label = N_("Country of return"), .type = FIELD_CHOICE, .required = true, .name = "country" },
	[F_REGION] = { .label = N_("Region"), .type = FIELD_CHOICE, .name = "region_id" },
	[F_LOCALITY] = { .label = N_("Locality"), .type = FIELD_TEXT, .maxlen = REINT_LOCALITY_MAX, .name = "locality" },
	[F_RETURN] = { .label = N_("Return date"), .type = FIELD_DATE, .required = true, .full_date = true,
	               .past_only = true, .name = "return_date" },
	[F_KIND] = { .label = N_("Kind of return"), .type = FIELD_CHOICE, .required = true, .labels_are_msgids = true,
	             .name = "return_kind" },
	[F_WORKER] = { .label = N_("Case worker"), .type = FIELD_CHOICE, .name = "caseworker_id" },
	[F_PARTNER] = { .label = N_("Implementing partner"), .type = FIELD_CHOICE, .name = "partner_id" },
	[F_CENTRE] = { .label = N_("Centre"), .type = FIELD_CHOICE, .required = true, .name = "centre_code" },
	[F_NOTES] = { .label = N_("Notes"), .type = FIELD_TEXT, .maxlen = 250, .name = "notes" },
};

/* Where the data layer's field names are on the form. */
static const char *const names[F_COUNT] = {
	"country", "region_id", "locality", "return_date", "return_kind", "caseworker_id", "partner_id", "centre_code",
	"notes",
};

struct worker_text {
	char value[24];
	char name[324];
};

struct case_form {
	struct reint_case c;
	struct field_def defs[F_COUNT];
	struct ref_choices *countries, *regions, *partners, *centres;
	char region_country[4];          /* the country the regions offered are of; "*" all */
	struct worker_text *workers;     /* the case workers offered */
	struct choice *worker_choices;
	int nworkers, cap;
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

static enum status load_workers(struct app *app, struct case_form *f)
{
	keep_worker(0, "-", f);
	enum status st = reint_caseworker_each(app_db(app), f->c.caseworker_id, keep_worker, f);
	if (st != ST_OK)
		return st;
	f->worker_choices = calloc((size_t)f->nworkers, sizeof *f->worker_choices);
	if (!f->worker_choices)
		return ST_NOMEM;
	f->workers[0].value[0] = '\0';
	for (int i = 0; i < f->nworkers; i++)
		f->worker_choices[i] = (struct choice){ f->workers[i].value, f->workers[i].name, NULL };
	return ST_OK;
}

/* Offers the regions of country (NULL: of every country), keeping the one
 * chosen when it is of that country. */
static void load_regions(struct app *app, struct case_form *f, const char *country)
{
	char keep[24] = "";
	if (f->regions)
		form_get(&f->form, F_REGION, keep, sizeof keep);
	struct ref_choices *r = reflist_choices_of_kind(app_db(app), REFLIST_REINT_REGION, country, lang_get(),
	                                                REFCHOICE_WITH_NONE, f->c.region_id);
	if (!r)
		return;
	ref_choices_free(&f->regions);
	f->regions = r;
	f->defs[F_REGION].choices = r->items;
	f->defs[F_REGION].nchoices = r->n;
	snprintf(f->region_country, sizeof f->region_country, "%s", country ? country : "*");
	bool changed = f->form.changed;
	form_set(&f->form, F_REGION, keep);
	f->form.changed = changed;
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
	f->countries = ref_choices_load(app_db(app), REF_COUNTRY, lang_get(), 0);
	f->centres = ref_choices_load(app_db(app), REF_CENTRE, lang_get(), 0);
	f->partners = reflist_choices_load(app_db(app), REFLIST_PARTNER, lang_get(), REFCHOICE_WITH_NONE,
	                                   f->c.partner_id);
	if (!f->countries || !f->centres || !f->partners)
		return ST_INTERNAL;
	enum status st = load_workers(app, f);
	if (st != ST_OK)
		return st;
	f->defs[F_COUNTRY].choices = f->countries->items;
	f->defs[F_COUNTRY].nchoices = f->countries->n;
	f->defs[F_CENTRE].choices = f->centres->items;
	f->defs[F_CENTRE].nchoices = f->centres->n;
	f->defs[F_PARTNER].choices = f->partners->items;
	f->defs[F_PARTNER].nchoices = f->partners->n;
	f->defs[F_WORKER].choices = f->worker_choices;
	f->defs[F_WORKER].nchoices = f->nworkers;
	f->defs[F_KIND].choices = vocab_choices(VOCAB_REINT_RETURN_KIND, false, &f->defs[F_KIND].nchoices);
	form_init(&f->form, f->defs, F_COUNT);
	/* Every region first, so that a draft keeps its own; the draw offers
	 * those of the country only. */
	load_regions(app, f, NULL);
	if (!f->regions)
		return ST_INTERNAL;
	const struct reint_case *c = &f->c;
	form_set(&f->form, F_COUNTRY, c->country);
	set_id(&f->form, F_REGION, c->region_id);
	form_set(&f->form, F_LOCALITY, c->locality);
	form_set(&f->form, F_RETURN, c->return_date);
	form_set(&f->form, F_KIND, c->return_kind);
	set_id(&f->form, F_WORKER, c->caseworker_id);
	set_id(&f->form, F_PARTNER, c->partner_id);
	form_set(&f->form, F_CENTRE, c->centre_code);
	form_set(&f->form, F_NOTES, c->notes);
	f->form.changed = false;
	return ST_OK;
}

/* arg: the case's id, or minus the person for a new case. */
static enum status form_enter(struct app *app, void *state, const void *arg)
{
	struct case_form *f = state;
	long long ref = arg ? *(const long long *)arg : 0;
	enum status st;
	if (ref > 0) {
		st = reint_case_get(app_db(app), ref, &f->c);
	} else {
		const struct user *u = app_user(app);
		const char *why = NULL;
		st = reint_case_propose(app_db(app), -ref, u->id, u->centre_code, &f->c, &why);
		if (st != ST_OK && why) {
			app_error(app, _(why));
			return st;
		}
	}
	return st != ST_OK ? st : setup(app, f);
}

static void form_leave(struct app *app, void *state)
{
	(void)app;
	struct case_form *f = state;
	ref_choices_free(&f->countries);
	ref_choices_free(&f->regions);
	ref_choices_free(&f->partners);
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
	struct reint_case c = f->c;
	form_get(&f->form, F_COUNTRY, c.country, sizeof c.country);
	c.region_id = get_num(&f->form, F_REGION);
	form_get(&f->form, F_LOCALITY, c.locality, sizeof c.locality);
	form_get(&f->form, F_RETURN, c.return_date, sizeof c.return_date);
	form_get(&f->form, F_KIND, c.return_kind, sizeof c.return_kind);
	c.caseworker_id = get_num(&f->form, F_WORKER);
	c.partner_id = get_num(&f->form, F_PARTNER);
	form_get(&f->form, F_CENTRE, c.centre_code, sizeof c.centre_code);
	form_get(&f->form, F_NOTES, c.notes, sizeof c.notes);
	const char *why = NULL, *field = NULL;
	bool is_new = c.id == 0;
	enum status st = reint_case_check(app_db(app), &c, &why, &field);
	if (st == ST_OK)
		st = reint_case_save(app_db(app), &c, &why, &field);
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
	app_message(app, is_new ? _("Reintegration case opened.") : _("Changes saved."));
	if (is_new) {
		/* The new case's screen in the form's place. */
		reint_case_instead(app, c.id);
		return UI_HANDLED;
	}
	return UI_LEAVE;
}

static void form_draw_cb(struct app *app, void *state, WINDOW *win)
{
	struct case_form *f = state;
	char country[4];
	form_get(&f->form, F_COUNTRY, country, sizeof country);
	if (strcmp(country, f->region_country) != 0)
		load_regions(app, f, country);
	ui_put(win, 1, 2, getmaxx(win) - 4, A_BOLD,
	       f->c.id ? _("Reintegration case") : _("New reintegration case (proposed from the last stay)"));
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
	.name = "reint_case_form",
	.title = N_("Reintegration case"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_REINTEGRATION_WRITE),
	.state_size = sizeof(struct case_form),
	.bindings = bindings,
	.enter = form_enter,
	.leave = form_leave,
	.draw = form_draw_cb,
	.form = form_of,
	.submit = form_submit,
	.draft_kind = "reint_case",
	.draft_ref = draft_ref,
};

enum status reint_case_form_open(struct app *app, long long id)
{
	return app_push(app, &screen_case_form, &id);
}

enum status reint_case_new_open(struct app *app, long long person)
{
	long long ref = -person;
	return app_push(app, &screen_case_form, &ref);
}

enum status reint_case_open_draft(struct app *app, long long ref, const char *json)
{
	return app_push_draft(app, &screen_case_form, &ref, json);
}

