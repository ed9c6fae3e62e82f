/* The form of a collective or community project: kind, name, country,
 * region of return, locality, activity, implementing NGO, currency,
 * budget, start and status. The data layer's check decides (a region of
 * another country is refused, an approved budget no longer changes); its
 * message shows beside the field it is about. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/perm.h"
#include "core/reint_vocab.h"
#include "db/refdata.h"
#include "db/reflist.h"
#include "db/reint_project.h"
#include "screens/reint_project.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/lang.h"
#include "ui/refchoice.h"
#include "ui/vocab_choices.h"

enum {
	F_KIND, F_NAME, F_COUNTRY, F_REGION, F_LOCALITY, F_ACTIVITY, F_PARTNER, F_CURRENCY, F_BUDGET, F_START,
	F_STATUS, F_COUNT
};

static const struct binding bindings[] = {
	{ ACT_SUBMIT, { UI_KEYCODE(KEY_F(2)), UI_CTRL('S'), 0, 0 }, N_("Save"),
	  N_("Save the project (Enter on the last field too)") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct field_def templates[F_COUNT] = {
	[F_KIND] = { .label = N_("Kind"), .type = FIELD_CHOICE, .required = true, .labels_are_msgids = true,
	             .name = "kind" },
	[F_NAME] = { .label = N_("Name"), .type = FIELD_TEXT, .required = true, .maxlen = 120, .name = "name" },
	[F_COUNTRY] = { .label = N_("Country"), .type = FIELD_CHOICE, .required = true, .name = "country" },
	[F_REGION] = { .label = N_("Region of return"), .type = FIELD_CHOICE, .name = "region_id" },
	[F_LOCALITY] = { .label = N_("Locality"), .type = FIELD_TEXT, .maxlen = 80, .name = "locality" },
	[F_ACTIVITY] = { .label = N_("Activity"), .type = FIELD_CHOICE, .required = true, .labels_are_msgids = true,
	                 .name = "activity" },
	[F_PARTNER] = { .label = N_("Implementing NGO"), .type = FIELD_CHOICE, .name = "partner_id" },
	[F_CURRENCY] = { .label = N_("Currency (XOF...)"), .type = FIELD_TEXT, .required = true, .maxlen = 3,
	                 .name = "currency" },
	[F_BUDGET] = { .label = N_("Budget (whole units)"), .type = FIELD_NUMBER, .required = true, .min = 0,
	               .max = 999999999999L, .name = "budget" },
	[F_START] = { .label = N_("Start"), .type = FIELD_DATE, .full_date = true, .name = "start_date" },
	[F_STATUS] = { .label = N_("Status"), .type = FIELD_CHOICE, .required = true, .labels_are_msgids = true,
	               .name = "status" },
};

static const struct {
	const char *name;
	int field;
} field_of[] = {
	{ "kind", F_KIND }, { "name", F_NAME }, { "country", F_COUNTRY }, { "region_id", F_REGION },
	{ "locality", F_LOCALITY }, { "activity", F_ACTIVITY }, { "partner_id", F_PARTNER },
	{ "currency", F_CURRENCY }, { "budget", F_BUDGET }, { "start_date", F_START }, { "status", F_STATUS },
};

/* The regions of return, each named with its country ("Centre
 * (Cameroon)"), in both languages: the same names stand in several
 * countries. */
struct regions {
	struct choice *items;
	char (*value)[24];
	char (*text)[2][400];
	int n, cap;
	long long keep;     /* the project's region, even retired */
	bool failed;
};

struct project_form {
	struct reint_project p;
	struct field_def defs[F_COUNT];
	struct ref_choices *countries, *partners;
	struct regions regions;
	struct form form;
};

static void regions_free(struct regions *r)
{
	free(r->items);
	free(r->value);
	free(r->text);
	memset(r, 0, sizeof *r);
}

/* Keeps one item (names and country in text, until labelled). */
static void take_region(const struct ref_item *item, void *ctx)
{
	struct regions *r = ctx;
	if (r->failed || (!item->active && item->id != r->keep))
		return;
	if (r->n == r->cap) {
		int cap = r->cap ? r->cap * 2 : 128;
		struct choice *items = realloc(r->items, (size_t)cap * sizeof *items);
		if (items)
			r->items = items;
		char(*value)[24] = realloc(r->value, (size_t)cap * sizeof *value);
		if (value)
			r->value = value;
		char(*text)[2][400] = realloc(r->text, (size_t)cap * sizeof *text);
		if (text)
			r->text = text;
		if (!items || !value || !text) {
			r->failed = true;
			return;
		}
		r->cap = cap;
	}
	int i = r->n++;
	if (item->id)
		snprintf(r->value[i], sizeof r->value[i], "%lld", item->id);
	else
		r->value[i][0] = '\0';
	snprintf(r->text[i][0], sizeof r->text[i][0], "%s", item->name_en);
	snprintf(r->text[i][1], sizeof r->text[i][1], "%.80s|%s", item->name_fr, item->kind);
}

/* The regions with their countries' names, the first choice none. */
static bool regions_load(struct app *app, struct regions *r, long long keep)
{
	memset(r, 0, sizeof *r);
	r->keep = keep;
	struct ref_item none;
	memset(&none, 0, sizeof none);
	none.active = true;
	snprintf(none.name_en, sizeof none.name_en, "-");
	snprintf(none.name_fr, sizeof none.name_fr, "-");
	take_region(&none, r);
	if (reflist_each(app_db(app), REFLIST_REINT_REGION, keep != 0, take_region, r) != ST_OK || r->failed)
		return false;
	bool fr = strcmp(lang_get(), "fr") == 0;
	for (int i = 0; i < r->n; i++) {
		char en[400], frn[400];
		snprintf(en, sizeof en, "%s", r->text[i][0]);
		char *bar = strrchr(r->text[i][1], '|');
		const char *kind = bar ? bar + 1 : "";
		if (bar)
			*bar = '\0';
		snprintf(frn, sizeof frn, "%s", r->text[i][1]);
		if (i > 0) {
			char country_en[324] = "", country_fr[324] = "";
			ref_name(app_db(app), REF_COUNTRY, kind, "en", country_en, sizeof country_en);
			ref_name(app_db(app), REF_COUNTRY, kind, "fr", country_fr, sizeof country_fr);
			snprintf(r->text[i][0], sizeof r->text[i][0], "%.80s (%.80s)", fr ? frn : en, fr ? country_fr : country_en);
			snprintf(r->text[i][1], sizeof r->text[i][1], "%.80s (%.80s)", fr ? en : frn, fr ? country_en : country_fr);
		}
		r->items[i] = (struct choice){ .value = r->value[i], .label = r->text[i][0], .alt = r->text[i][1] };
	}
	return true;
}

static void set_id(struct form *form, int field, long long id)
{
	char v[24] = "";
	if (id)
		snprintf(v, sizeof v, "%lld", id);
	form_set(form, field, v);
}

static enum status setup(struct app *app, struct project_form *f)
{
	memcpy(f->defs, templates, sizeof f->defs);
	f->countries = ref_choices_load(app_db(app), REF_COUNTRY, lang_get(), 0);
	f->partners = reflist_choices_load(app_db(app), REFLIST_PARTNER, lang_get(), REFCHOICE_WITH_NONE, f->p.partner_id);
	if (!f->countries || !f->partners || !regions_load(app, &f->regions, f->p.region_id))
		return ST_INTERNAL;
	f->defs[F_COUNTRY].choices = f->countries->items;
	f->defs[F_COUNTRY].nchoices = f->countries->n;
	f->defs[F_REGION].choices = f->regions.items;
	f->defs[F_REGION].nchoices = f->regions.n;
	f->defs[F_PARTNER].choices = f->partners->items;
	f->defs[F_PARTNER].nchoices = f->partners->n;
	f->defs[F_KIND].choices = vocab_choices(VOCAB_REINT_PROJECT_KIND, false, &f->defs[F_KIND].nchoices);
	f->defs[F_ACTIVITY].choices = vocab_choices(VOCAB_REINT_PROJECT_ACTIVITY, false, &f->defs[F_ACTIVITY].nchoices);
	f->defs[F_STATUS].choices = vocab_choices(VOCAB_REINT_PROJECT_STATUS, false, &f->defs[F_STATUS].nchoices);
	form_init(&f->form, f->defs, F_COUNT);
	const struct reint_project *p = &f->p;
	form_set(&f->form, F_KIND, p->kind);
	form_set(&f->form, F_NAME, p->name);
	form_set(&f->form, F_COUNTRY, p->country);
	set_id(&f->form, F_REGION, p->region_id);
	form_set(&f->form, F_LOCALITY, p->locality);
	form_set(&f->form, F_ACTIVITY, p->activity);
	set_id(&f->form, F_PARTNER, p->partner_id);
	form_set(&f->form, F_CURRENCY, p->currency);
	char v[24];
	snprintf(v, sizeof v, "%lld", p->budget);
	form_set(&f->form, F_BUDGET, v);
	form_set(&f->form, F_START, p->start_date);
	form_set(&f->form, F_STATUS, p->status);
	f->form.changed = false;
	return ST_OK;
}

static long long last_saved;

long long reint_project_form_take_saved(void)
{
	long long id = last_saved;
	last_saved = 0;
	return id;
}

static enum status form_enter(struct app *app, void *state, const void *arg)
{
	struct project_form *f = state;
	long long id = arg ? *(const long long *)arg : 0;
	if (id) {
		enum status st = reint_project_get(app_db(app), id, &f->p);
		if (st != ST_OK)
			return st;
	} else {
		reint_project_init(&f->p, app_user(app)->centre_code);
		f->p.caseworker_id = app_user(app)->id;
	}
	return setup(app, f);
}

static void form_leave(struct app *app, void *state)
{
	(void)app;
	struct project_form *f = state;
	ref_choices_free(&f->countries);
	regions_free(&f->regions);
	ref_choices_free(&f->partners);
}

static long long get_num(const struct form *form, int i)
{
	char v[24];
	form_get(form, i, v, sizeof v);
	return v[0] ? strtoll(v, NULL, 10) : 0;
}

static enum ui_result form_submit(struct app *app, void *state)
{
	struct project_form *f = state;
	if (!form_validate(&f->form)) {
		app_error(app, _("Some fields need attention."));
		return UI_HANDLED;
	}
	struct reint_project p = f->p;
	form_get(&f->form, F_KIND, p.kind, sizeof p.kind);
	form_get(&f->form, F_NAME, p.name, sizeof p.name);
	form_get(&f->form, F_COUNTRY, p.country, sizeof p.country);
	p.region_id = get_num(&f->form, F_REGION);
	form_get(&f->form, F_LOCALITY, p.locality, sizeof p.locality);
	form_get(&f->form, F_ACTIVITY, p.activity, sizeof p.activity);
	p.partner_id = get_num(&f->form, F_PARTNER);
	form_get(&f->form, F_CURRENCY, p.currency, sizeof p.currency);
	p.budget = get_num(&f->form, F_BUDGET);
	form_get(&f->form, F_START, p.start_date, sizeof p.start_date);
	form_get(&f->form, F_STATUS, p.status, sizeof p.status);
	const char *why = NULL, *field = NULL;
	bool is_new = p.id == 0;
	enum status st = reint_project_check(app_db(app), &p, &why, &field);
	if (st == ST_OK)
		st = reint_project_save(app_db(app), &p, &why, &field);
	if (st == ST_INVALID) {
		for (size_t i = 0; field && i < sizeof field_of / sizeof field_of[0]; i++)
			if (strcmp(field_of[i].name, field) == 0) {
				f->form.fields[field_of[i].field].error = why;
				f->form.cur = field_of[i].field;
			}
		app_error(app, _(why ? why : status_msgid(st)));
		return UI_HANDLED;
	}
	if (st != ST_OK) {
		app_error(app, st == ST_CONFLICT ? _("Someone else changed this project meanwhile: open it again.")
		                                 : _(status_msgid(st)));
		return UI_HANDLED;
	}
	f->form.changed = false;
	last_saved = p.id;
	app_message(app, is_new ? _("Project saved.") : _("Changes saved."));
	return UI_LEAVE;
}

static void form_draw_cb(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct project_form *f = state;
	ui_put(win, 1, 2, getmaxx(win) - 4, A_BOLD,
	       f->p.id ? _("Collective or community project") : _("New collective or community project"));
	form_draw(&f->form, win, 3, getmaxy(win) - 3);
}

static struct form *form_of(void *state)
{
	return &((struct project_form *)state)->form;
}

static long long draft_ref(void *state)
{
	return ((struct project_form *)state)->p.id;
}

static const struct screen screen_project_form = {
	.name = "reint_project_form",
	.title = N_("Reintegration project"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_REINTEGRATION_WRITE),
	.state_size = sizeof(struct project_form),
	.bindings = bindings,
	.enter = form_enter,
	.leave = form_leave,
	.draw = form_draw_cb,
	.form = form_of,
	.submit = form_submit,
	.draft_kind = "reint_project",
	.draft_ref = draft_ref,
};

enum status reint_project_form_open(struct app *app, long long id)
{
	return app_push(app, &screen_project_form, &id);
}

enum status reint_project_open_draft(struct app *app, long long ref, const char *json)
{
	return app_push_draft(app, &screen_project_form, &ref, json);
}
