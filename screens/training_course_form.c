/* The form of a vocational training course: trade, title, provider (a
 * partner organisation or a name), dates, hours, capacity and the places
 * kept for community members, the certificate given, status and the
 * reason of a cancellation. The data layer's check decides; its message
 * shows beside the field it is about. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/training_vocab.h"
#include "db/reflist.h"
#include "db/training.h"
#include "screens/training.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/lang.h"
#include "ui/refchoice.h"
#include "ui/vocab_choices.h"

enum {
	F_TRADE, F_TITLE, F_PROVIDER, F_PROVIDER_NAME, F_START, F_END, F_HOURS, F_CAPACITY, F_RESERVED, F_CERTIFICATE,
	F_STATUS, F_REASON, F_COUNT
};

static const struct binding bindings[] = {
	{ ACT_SUBMIT, { UI_KEYCODE(KEY_F(2)), UI_CTRL('S'), 0, 0 }, N_("Save"),
	  N_("Save the course (Enter on the last field too)") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct field_def templates[F_COUNT] = {
	[F_TRADE] = { .label = N_("Trade"), .type = FIELD_CHOICE, .required = true, .name = "trade_id" },
	[F_TITLE] = { .label = N_("Title"), .type = FIELD_TEXT, .required = true, .maxlen = 80, .name = "title" },
	[F_PROVIDER] = { .label = N_("Provider (partner)"), .type = FIELD_CHOICE, .name = "provider_id" },
	[F_PROVIDER_NAME] = { .label = N_("Or provider's name"), .type = FIELD_TEXT, .maxlen = 80,
	                      .name = "provider_name" },
	[F_START] = { .label = N_("Start"), .type = FIELD_DATE, .required = true, .full_date = true,
	              .name = "start_date" },
	[F_END] = { .label = N_("End"), .type = FIELD_DATE, .required = true, .full_date = true, .name = "end_date" },
	[F_HOURS] = { .label = N_("Hours"), .type = FIELD_NUMBER, .min = 1, .max = TRAINING_HOURS_MAX, .name = "hours" },
	[F_CAPACITY] = { .label = N_("Capacity (places)"), .type = FIELD_NUMBER, .required = true, .min = 1,
	                 .max = TRAINING_CAPACITY_MAX, .name = "capacity" },
	[F_RESERVED] = { .label = N_("Places for community"), .type = FIELD_NUMBER, .min = 0,
	                 .max = TRAINING_CAPACITY_MAX, .name = "reserved_community" },
	[F_CERTIFICATE] = { .label = N_("Certificate given"), .type = FIELD_CHOICE, .required = true,
	                    .labels_are_msgids = true, .name = "certificate" },
	[F_STATUS] = { .label = N_("Status"), .type = FIELD_CHOICE, .required = true, .labels_are_msgids = true,
	               .name = "status" },
	[F_REASON] = { .label = N_("Reason if cancelled"), .type = FIELD_TEXT, .maxlen = 200, .name = "cancel_reason" },
};

/* Where the data layer's field names are on the form. */
static const struct {
	const char *name;
	int field;
} field_of[] = {
	{ "trade_id", F_TRADE }, { "title", F_TITLE }, { "provider_id", F_PROVIDER },
	{ "provider_name", F_PROVIDER_NAME }, { "start_date", F_START }, { "end_date", F_END }, { "hours", F_HOURS },
	{ "capacity", F_CAPACITY }, { "reserved_community", F_RESERVED }, { "certificate", F_CERTIFICATE },
	{ "status", F_STATUS }, { "cancel_reason", F_REASON },
};

struct course_form {
	struct training_course c;
	struct field_def defs[F_COUNT];
	struct ref_choices *trades, *partners;
	struct form form;
};

static void set_id(struct form *form, int field, long long id)
{
	char v[24] = "";
	if (id)
		snprintf(v, sizeof v, "%lld", id);
	form_set(form, field, v);
}

static void set_int(struct form *form, int field, int n, bool zero_is_none)
{
	char v[24] = "";
	if (n || !zero_is_none)
		snprintf(v, sizeof v, "%d", n);
	form_set(form, field, v);
}

/* Sets up the form over course c (as read, or new). */
static enum status setup(struct app *app, struct course_form *f)
{
	memcpy(f->defs, templates, sizeof f->defs);
	f->trades = reflist_choices_load(app_db(app), REFLIST_TRAINING_TRADE, lang_get(), 0, f->c.trade_id);
	f->partners = reflist_choices_load(app_db(app), REFLIST_PARTNER, lang_get(), REFCHOICE_WITH_NONE,
	                                   f->c.provider_id);
	if (!f->trades || !f->partners)
		return ST_INTERNAL;
	f->defs[F_TRADE].choices = f->trades->items;
	f->defs[F_TRADE].nchoices = f->trades->n;
	f->defs[F_PROVIDER].choices = f->partners->items;
	f->defs[F_PROVIDER].nchoices = f->partners->n;
	f->defs[F_CERTIFICATE].choices =
		vocab_choices(VOCAB_TRAINING_CERTIFICATE, false, &f->defs[F_CERTIFICATE].nchoices);
	f->defs[F_STATUS].choices = vocab_choices(VOCAB_TRAINING_COURSE_STATUS, false, &f->defs[F_STATUS].nchoices);
	form_init(&f->form, f->defs, F_COUNT);
	const struct training_course *c = &f->c;
	if (c->trade_id)
		set_id(&f->form, F_TRADE, c->trade_id);
	form_set(&f->form, F_TITLE, c->title);
	set_id(&f->form, F_PROVIDER, c->provider_id);
	form_set(&f->form, F_PROVIDER_NAME, c->provider_name);
	form_set(&f->form, F_START, c->start_date);
	form_set(&f->form, F_END, c->end_date);
	set_int(&f->form, F_HOURS, c->hours, true);
	set_int(&f->form, F_CAPACITY, c->capacity, false);
	set_int(&f->form, F_RESERVED, c->reserved_community, true);
	form_set(&f->form, F_CERTIFICATE, c->certificate);
	form_set(&f->form, F_STATUS, c->status);
	form_set(&f->form, F_REASON, c->cancel_reason);
	f->form.changed = false;
	return ST_OK;
}

/* The course the form saved last, for the list to select it. */
static long long last_saved;

long long training_course_form_take_saved(void)
{
	long long id = last_saved;
	last_saved = 0;
	return id;
}

/* arg: the course's id (0 or NULL for a new one); a negative id opens
 * course -id to cancel it. */
static enum status form_enter(struct app *app, void *state, const void *arg)
{
	struct course_form *f = state;
	long long id = arg ? *(const long long *)arg : 0;
	bool cancel = id < 0;
	if (cancel)
		id = -id;
	if (id) {
		enum status st = training_course_get(app_db(app), id, &f->c);
		if (st != ST_OK)
			return st;
	} else {
		char today[11];
		clock_today_iso(today, sizeof today);
		training_course_init(&f->c, app_user(app)->centre_code, today);
	}
	enum status st = setup(app, f);
	if (st != ST_OK)
		return st;
	if (cancel) {
		form_set(&f->form, F_STATUS, "cancelled");
		f->form.cur = F_REASON;
		f->form.changed = true;
	}
	return ST_OK;
}

static void form_leave(struct app *app, void *state)
{
	(void)app;
	struct course_form *f = state;
	ref_choices_free(&f->trades);
	ref_choices_free(&f->partners);
}

/* The whole number in field i, 0 when empty. */
static long long get_num(const struct form *form, int i)
{
	char v[24];
	form_get(form, i, v, sizeof v);
	return v[0] ? strtoll(v, NULL, 10) : 0;
}

static enum ui_result form_submit(struct app *app, void *state)
{
	struct course_form *f = state;
	if (!form_validate(&f->form)) {
		app_error(app, _("Some fields need attention."));
		return UI_HANDLED;
	}
	struct training_course c = f->c;
	c.trade_id = get_num(&f->form, F_TRADE);
	form_get(&f->form, F_TITLE, c.title, sizeof c.title);
	c.provider_id = get_num(&f->form, F_PROVIDER);
	form_get(&f->form, F_PROVIDER_NAME, c.provider_name, sizeof c.provider_name);
	form_get(&f->form, F_START, c.start_date, sizeof c.start_date);
	form_get(&f->form, F_END, c.end_date, sizeof c.end_date);
	c.hours = (int)get_num(&f->form, F_HOURS);
	c.capacity = (int)get_num(&f->form, F_CAPACITY);
	c.reserved_community = (int)get_num(&f->form, F_RESERVED);
	form_get(&f->form, F_CERTIFICATE, c.certificate, sizeof c.certificate);
	form_get(&f->form, F_STATUS, c.status, sizeof c.status);
	form_get(&f->form, F_REASON, c.cancel_reason, sizeof c.cancel_reason);
	const char *why = NULL, *field = NULL;
	bool is_new = c.id == 0;
	/* The data layer's rules, shown beside their field before saving. */
	enum status st = training_course_check(app_db(app), &c, &why, &field);
	if (st == ST_OK)
		st = training_course_save(app_db(app), &c, &why, &field);
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
		app_error(app, st == ST_CONFLICT ? _("Someone else changed this course meanwhile: open it again.")
		                                 : _(status_msgid(st)));
		return UI_HANDLED;
	}
	f->form.changed = false;
	last_saved = c.id;
	app_message(app, is_new ? _("Course saved.") : _("Changes saved."));
	return UI_LEAVE;
}

static void form_draw_cb(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct course_form *f = state;
	char line[200];
	if (f->c.id)
		snprintf(line, sizeof line, _("Course at %s"), f->c.centre_code);
	else
		snprintf(line, sizeof line, _("New course at %s"), f->c.centre_code);
	ui_put(win, 1, 2, getmaxx(win) - 4, A_BOLD, line);
	form_draw(&f->form, win, 3, getmaxy(win) - 3);
}

static struct form *form_of(void *state)
{
	return &((struct course_form *)state)->form;
}

static long long draft_ref(void *state)
{
	return ((struct course_form *)state)->c.id;
}

static const struct screen screen_course_form = {
	.name = "training_course_form",
	.title = N_("Vocational training course"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_TRAINING_WRITE),
	.state_size = sizeof(struct course_form),
	.bindings = bindings,
	.enter = form_enter,
	.leave = form_leave,
	.draw = form_draw_cb,
	.form = form_of,
	.submit = form_submit,
	.draft_kind = "training_course",
	.draft_ref = draft_ref,
};

enum status training_course_form_open(struct app *app, long long id)
{
	return app_push(app, &screen_course_form, &id);
}

enum status training_course_cancel_open(struct app *app, long long id)
{
	long long arg = -id;
	return app_push(app, &screen_course_form, &arg);
}

enum status training_course_open_draft(struct app *app, long long ref, const char *json)
{
	return app_push_draft(app, &screen_course_form, &ref, json);
}
