/* The form of a psychosocial session or activity: type, title, day and
 * times, facilitator (the user's own account, or a partner's staff member
 * by name), partner, place, how attendance is taken, status and the reason
 * of a cancellation. The data layer's check decides; its message shows
 * beside the field it is about. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/psych_vocab.h"
#include "db/psych_session.h"
#include "db/reflist.h"
#include "screens/psych_sessions.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/lang.h"
#include "ui/refchoice.h"
#include "ui/vocab_choices.h"

enum {
	F_ACTIVITY, F_TITLE, F_DATE, F_START, F_END, F_FAC_ACCOUNT, F_FAC_NAME, F_PARTNER, F_PLACE, F_ROLL,
	F_STATUS, F_REASON, F_COUNT
};

static const struct binding bindings[] = {
	{ ACT_SUBMIT, { UI_KEYCODE(KEY_F(2)), UI_CTRL('S'), 0, 0 }, N_("Save"),
	  N_("Save the session (Enter on the last field too)") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct field_def templates[F_COUNT] = {
	[F_ACTIVITY] = { .label = N_("Activity"), .type = FIELD_CHOICE, .required = true, .name = "activity_id" },
	[F_TITLE] = { .label = N_("Title"), .type = FIELD_TEXT, .maxlen = 80, .name = "title" },
	[F_DATE] = { .label = N_("Date"), .type = FIELD_DATE, .required = true, .full_date = true, .name = "date" },
	[F_START] = { .label = N_("Start (HH:MM)"), .type = FIELD_TEXT, .maxlen = 5, .name = "start_time" },
	[F_END] = { .label = N_("End (HH:MM)"), .type = FIELD_TEXT, .maxlen = 5, .name = "end_time" },
	[F_FAC_ACCOUNT] = { .label = N_("Facilitator (account)"), .type = FIELD_CHOICE, .name = "facilitator_id" },
	[F_FAC_NAME] = { .label = N_("Or partner's staff name"), .type = FIELD_TEXT, .maxlen = 80,
	                 .name = "facilitator_name" },
	[F_PARTNER] = { .label = N_("Partner organisation"), .type = FIELD_CHOICE, .name = "partner_id" },
	[F_PLACE] = { .label = N_("Place"), .type = FIELD_TEXT, .maxlen = 80, .name = "place" },
	[F_ROLL] = { .label = N_("Attendance"), .type = FIELD_CHOICE, .required = true, .labels_are_msgids = true,
	             .name = "roll" },
	[F_STATUS] = { .label = N_("Status"), .type = FIELD_CHOICE, .required = true, .labels_are_msgids = true,
	               .name = "status" },
	[F_REASON] = { .label = N_("Reason if cancelled"), .type = FIELD_TEXT, .maxlen = 200, .name = "cancel_reason" },
};

/* Where the data layer's field names are on the form. */
static const struct {
	const char *name;
	int field;
} field_of[] = {
	{ "activity_id", F_ACTIVITY }, { "title", F_TITLE }, { "date", F_DATE }, { "start_time", F_START },
	{ "end_time", F_END }, { "facilitator_id", F_FAC_ACCOUNT }, { "facilitator_name", F_FAC_NAME },
	{ "partner_id", F_PARTNER }, { "place", F_PLACE }, { "roll", F_ROLL }, { "status", F_STATUS },
	{ "cancel_reason", F_REASON },
};

struct session_form {
	struct psych_session s;
	struct field_def defs[F_COUNT];
	struct ref_choices *activities, *partners;
	struct choice accounts[3];
	char account_value[2][24];
	char account_label[2][400];
	struct form form;
};

/* The account choices: none, the user's own, and the session's own
 * facilitator when it is someone else. */
static void set_accounts(struct app *app, struct session_form *f)
{
	const struct user *u = app_user(app);
	int n = 0;
	f->accounts[n++] = (struct choice){ "", "-", NULL };
	snprintf(f->account_value[0], sizeof f->account_value[0], "%lld", u->id);
	snprintf(f->account_label[0], sizeof f->account_label[0], "%s (%s)", u->display_name, u->name);
	f->accounts[n++] = (struct choice){ f->account_value[0], f->account_label[0], NULL };
	if (f->s.facilitator_id && f->s.facilitator_id != u->id) {
		snprintf(f->account_value[1], sizeof f->account_value[1], "%lld", f->s.facilitator_id);
		snprintf(f->account_label[1], sizeof f->account_label[1], "%s", f->s.facilitator_account);
		f->accounts[n++] = (struct choice){ f->account_value[1], f->account_label[1], NULL };
	}
	f->defs[F_FAC_ACCOUNT].choices = f->accounts;
	f->defs[F_FAC_ACCOUNT].nchoices = n;
}

static void set_id(struct form *form, int field, long long id)
{
	char v[24] = "";
	if (id)
		snprintf(v, sizeof v, "%lld", id);
	form_set(form, field, v);
}

/* Sets up the form over session s (as read, or new). */
static enum status setup(struct app *app, struct session_form *f)
{
	memcpy(f->defs, templates, sizeof f->defs);
	f->activities = reflist_choices_load(app_db(app), REFLIST_PSYCH_ACTIVITY, lang_get(), 0, f->s.activity_id);
	f->partners = reflist_choices_load(app_db(app), REFLIST_PARTNER, lang_get(), REFCHOICE_WITH_NONE,
	                                   f->s.partner_id);
	if (!f->activities || !f->partners)
		return ST_INTERNAL;
	f->defs[F_ACTIVITY].choices = f->activities->items;
	f->defs[F_ACTIVITY].nchoices = f->activities->n;
	f->defs[F_PARTNER].choices = f->partners->items;
	f->defs[F_PARTNER].nchoices = f->partners->n;
	f->defs[F_ROLL].choices = vocab_choices(VOCAB_PSYCH_ROLL, false, &f->defs[F_ROLL].nchoices);
	f->defs[F_STATUS].choices = vocab_choices(VOCAB_PSYCH_STATUS, false, &f->defs[F_STATUS].nchoices);
	set_accounts(app, f);
	form_init(&f->form, f->defs, F_COUNT);
	const struct psych_session *s = &f->s;
	if (s->activity_id)
		set_id(&f->form, F_ACTIVITY, s->activity_id);
	form_set(&f->form, F_TITLE, s->title);
	form_set(&f->form, F_DATE, s->date);
	form_set(&f->form, F_START, s->start_time);
	form_set(&f->form, F_END, s->end_time);
	set_id(&f->form, F_FAC_ACCOUNT, s->facilitator_id);
	form_set(&f->form, F_FAC_NAME, s->facilitator_name);
	set_id(&f->form, F_PARTNER, s->partner_id);
	form_set(&f->form, F_PLACE, s->place);
	form_set(&f->form, F_ROLL, s->roll);
	form_set(&f->form, F_STATUS, s->status);
	form_set(&f->form, F_REASON, s->cancel_reason);
	f->form.changed = false;
	return ST_OK;
}

/* The session the form saved last, for the list to select it. */
static long long last_saved;

long long psych_session_form_take_saved(void)
{
	long long id = last_saved;
	last_saved = 0;
	return id;
}

/* arg: the session's id (0 or NULL for a new one); a negative id opens
 * session -id to cancel it. */
static enum status form_enter(struct app *app, void *state, const void *arg)
{
	struct session_form *f = state;
	long long id = arg ? *(const long long *)arg : 0;
	bool cancel = id < 0;
	if (cancel)
		id = -id;
	if (id) {
		enum status st = psych_session_get(app_db(app), id, &f->s);
		if (st != ST_OK)
			return st;
	} else {
		char today[11];
		clock_today_iso(today, sizeof today);
		psych_session_init(&f->s, app_user(app)->centre_code, today);
		f->s.facilitator_id = app_user(app)->id;
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
	struct session_form *f = state;
	ref_choices_free(&f->activities);
	ref_choices_free(&f->partners);
}

/* The id in field i, 0 when none. */
static long long get_id(const struct form *form, int i)
{
	char v[24];
	form_get(form, i, v, sizeof v);
	return v[0] ? strtoll(v, NULL, 10) : 0;
}

/* A time as typed ("930", "0930", "9h30", "9.30", "9:30") as "HH:MM";
 * anything else is left for the data layer's check to refuse. */
static void normal_time(char *t, size_t size)
{
	int digits[4], n = 0, sep = -1;
	for (const char *c = t; *c; c++) {
		if (*c >= '0' && *c <= '9' && n < 4)
			digits[n++] = *c - '0';
		else if ((*c == 'h' || *c == 'H' || *c == '.' || *c == ':') && sep < 0)
			sep = n;
		else
			return;
	}
	int h, m;
	if (sep < 0 && (n == 3 || n == 4)) {
		h = n == 3 ? digits[0] : digits[0] * 10 + digits[1];
		m = digits[n - 2] * 10 + digits[n - 1];
	} else if (sep >= 1 && sep <= 2 && n - sep == 2) {
		h = sep == 1 ? digits[0] : digits[0] * 10 + digits[1];
		m = digits[sep] * 10 + digits[sep + 1];
	} else if (sep >= 1 && sep <= 2 && n == sep) {
		h = sep == 1 ? digits[0] : digits[0] * 10 + digits[1];
		m = 0;
	} else {
		return;
	}
	if (h >= 0 && h < 24 && m >= 0 && m < 60)
		snprintf(t, size, "%02u:%02u", (unsigned)h % 24u, (unsigned)m % 60u);
}

static enum ui_result form_submit(struct app *app, void *state)
{
	struct session_form *f = state;
	if (!form_validate(&f->form)) {
		app_error(app, _("Some fields need attention."));
		return UI_HANDLED;
	}
	struct psych_session s = f->s;
	s.activity_id = get_id(&f->form, F_ACTIVITY);
	form_get(&f->form, F_TITLE, s.title, sizeof s.title);
	form_get(&f->form, F_DATE, s.date, sizeof s.date);
	form_get(&f->form, F_START, s.start_time, sizeof s.start_time);
	form_get(&f->form, F_END, s.end_time, sizeof s.end_time);
	normal_time(s.start_time, sizeof s.start_time);
	normal_time(s.end_time, sizeof s.end_time);
	s.facilitator_id = get_id(&f->form, F_FAC_ACCOUNT);
	form_get(&f->form, F_FAC_NAME, s.facilitator_name, sizeof s.facilitator_name);
	s.partner_id = get_id(&f->form, F_PARTNER);
	form_get(&f->form, F_PLACE, s.place, sizeof s.place);
	form_get(&f->form, F_ROLL, s.roll, sizeof s.roll);
	form_get(&f->form, F_STATUS, s.status, sizeof s.status);
	form_get(&f->form, F_REASON, s.cancel_reason, sizeof s.cancel_reason);
	/* Head counts only for a head count: kept when it stays one. */
	if (strcmp(s.roll, "count") != 0)
		s.count_boys = s.count_girls = s.count_men = s.count_women = PSYCH_COUNT_NONE;
	const char *why = NULL, *field = NULL;
	bool is_new = s.id == 0;
	/* The data layer's rules, shown beside their field before saving. */
	enum status st = psych_session_check(app_db(app), &s, &why, &field);
	if (st == ST_OK)
		st = psych_session_save(app_db(app), &s, &why, &field);
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
		app_error(app, st == ST_CONFLICT ? _("Someone else changed this session meanwhile: open it again.")
		                                 : _(status_msgid(st)));
		return UI_HANDLED;
	}
	f->form.changed = false;
	last_saved = s.id;
	app_message(app, is_new ? _("Session saved.") : _("Changes saved."));
	return UI_LEAVE;
}

static void form_draw_cb(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct session_form *f = state;
	char line[200];
	if (f->s.id)
		snprintf(line, sizeof line, _("Session at %s"), f->s.centre_code);
	else
		snprintf(line, sizeof line, _("New session at %s"), f->s.centre_code);
	ui_put(win, 1, 2, getmaxx(win) - 4, A_BOLD, line);
	form_draw(&f->form, win, 3, getmaxy(win) - 3);
}

static struct form *form_of(void *state)
{
	return &((struct session_form *)state)->form;
}

static long long draft_ref(void *state)
{
	return ((struct session_form *)state)->s.id;
}

static const struct screen screen_session_form = {
	.name = "psych_session",
	.title = N_("Psychosocial session"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_PSYCH_WRITE),
	.state_size = sizeof(struct session_form),
	.bindings = bindings,
	.enter = form_enter,
	.leave = form_leave,
	.draw = form_draw_cb,
	.form = form_of,
	.submit = form_submit,
	.draft_kind = "psych_session",
	.draft_ref = draft_ref,
};

enum status psych_session_form_open(struct app *app, long long id)
{
	return app_push(app, &screen_session_form, &id);
}

enum status psych_session_cancel_open(struct app *app, long long id)
{
	long long arg = -id;
	return app_push(app, &screen_session_form, &arg);
}

enum status psych_session_open_draft(struct app *app, long long ref, const char *json)
{
	return app_push_draft(app, &screen_session_form, &ref, json);
}
