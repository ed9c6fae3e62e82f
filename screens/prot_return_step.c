/* The forms of the steps of an assisted return: counselling (day, note),
 * booking (travel day, transport, convoy or flight, escort), departure
 * (day: the person's stay ends with it), arrival (day, handed over to
 * whom), or the end of the return (withdrawn, no-show, refused, with a
 * reason). One screen, its fields chosen by the step. */
#include <stdio.h>
#include <string.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/prot_vocab.h"
#include "db/prot_return.h"
#include "screens/prot_return_forms.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/vocab_choices.h"

enum { F_DAY, F_TEXT, F_TRANSPORT, F_REF, F_ESCORT, F_STATUS, F_MAX };

static const struct binding bindings[] = {
	{ ACT_SUBMIT, { UI_KEYCODE(KEY_F(2)), UI_CTRL('S'), 0, 0 }, N_("Save"),
	  N_("Record this step of the return (Enter on the last field too)") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct choice endings[] = {
	{ "withdrawn", N_("Withdrawn by the person"), NULL },
	{ "no_show", N_("Did not come to the departure"), NULL },
	{ "refused", N_("Refused"), NULL },
};

struct step_form {
	long long id;
	enum prot_return_step step;
	struct prot_return r;
	struct field_def defs[F_MAX];
	int map[F_MAX];              /* the form's field i is F_map[i] */
	int n;
	struct form form;
};

static void add_field(struct step_form *f, int which, struct field_def def)
{
	f->defs[f->n] = def;
	f->map[f->n++] = which;
}

static int slot(const struct step_form *f, int which)
{
	for (int i = 0; i < f->n; i++)
		if (f->map[i] == which)
			return i;
	return -1;
}

static void set(struct step_form *f, int which, const char *value)
{
	int i = slot(f, which);
	if (i >= 0)
		form_set(&f->form, i, value);
}

static void get(const struct step_form *f, int which, char *out, size_t size)
{
	int i = slot(f, which);
	out[0] = '\0';
	if (i >= 0)
		form_get(&f->form, i, out, size);
}

static void build(struct step_form *f)
{
	f->n = 0;
	struct field_def day = { .label = N_("Day"), .type = FIELD_DATE, .required = true, .full_date = true,
	                         .past_only = true, .name = "day" };
	switch (f->step) {
	case PROT_STEP_COUNSEL:
		day.label = N_("Day of the counselling");
		add_field(f, F_DAY, day);
		add_field(f, F_TEXT, (struct field_def){ .label = N_("Note"), .type = FIELD_TEXT, .maxlen = 250,
		                                         .name = "counselling_note" });
		break;
	case PROT_STEP_BOOK:
		day.label = N_("Travel day");
		day.past_only = false;
		day.name = "travel_date";
		add_field(f, F_DAY, day);
		add_field(f, F_TRANSPORT, (struct field_def){ .label = N_("Transport"), .type = FIELD_CHOICE,
		                                              .required = true, .labels_are_msgids = true,
		                                              .name = "transport" });
		f->defs[f->n - 1].choices = vocab_choices(VOCAB_PROT_TRANSPORT, false, &f->defs[f->n - 1].nchoices);
		add_field(f, F_REF, (struct field_def){ .label = N_("Convoy or flight"), .type = FIELD_TEXT,
		                                        .maxlen = PROT_RETURN_REF_MAX, .name = "convoy_ref" });
		add_field(f, F_ESCORT, (struct field_def){ .label = N_("Escort"), .type = FIELD_TEXT,
		                                           .maxlen = PROT_RETURN_ESCORT_MAX, .name = "escort" });
		break;
	case PROT_STEP_DEPART:
		day.label = N_("Day of departure");
		day.name = "departure_date";
		add_field(f, F_DAY, day);
		break;
	case PROT_STEP_ARRIVE:
		day.label = N_("Day of arrival");
		day.name = "arrival_date";
		add_field(f, F_DAY, day);
		add_field(f, F_TEXT, (struct field_def){ .label = N_("Handed over to"), .type = FIELD_TEXT, .required = true,
		                                         .maxlen = PROT_RETURN_HANDOVER_MAX, .name = "handed_over_to" });
		break;
	case PROT_STEP_END:
		add_field(f, F_STATUS, (struct field_def){ .label = N_("How it ends"), .type = FIELD_CHOICE, .required = true,
		                                           .choices = endings, .nchoices = 3, .labels_are_msgids = true,
		                                           .name = "status" });
		add_field(f, F_TEXT, (struct field_def){ .label = N_("Reason"), .type = FIELD_TEXT, .required = true,
		                                         .maxlen = PROT_RETURN_REASON_MAX, .name = "end_reason" });
		break;
	}
}

/* arg: the return's id times 8 plus the step. */
static enum status step_enter(struct app *app, void *state, const void *arg)
{
	struct step_form *f = state;
	long long ref = *(const long long *)arg;
	f->id = ref / 8;
	f->step = (enum prot_return_step)(ref % 8);
	if (f->step < PROT_STEP_COUNSEL || f->step > PROT_STEP_END)
		return ST_INVALID;
	enum status st = prot_return_get(app_db(app), f->id, &f->r);
	if (st != ST_OK)
		return st;
	build(f);
	form_init(&f->form, f->defs, f->n);
	char today[11];
	clock_today_iso(today, sizeof today);
	switch (f->step) {
	case PROT_STEP_COUNSEL:
		set(f, F_DAY, f->r.counselled_date[0] ? f->r.counselled_date : today);
		set(f, F_TEXT, f->r.counselling_note);
		break;
	case PROT_STEP_BOOK:
		set(f, F_DAY, f->r.travel_date);
		set(f, F_TRANSPORT, f->r.transport);
		set(f, F_REF, f->r.convoy_ref);
		set(f, F_ESCORT, f->r.escort);
		break;
	case PROT_STEP_DEPART:
		set(f, F_DAY, f->r.travel_date[0] && strcmp(f->r.travel_date, today) <= 0 ? f->r.travel_date : today);
		break;
	case PROT_STEP_ARRIVE:
	case PROT_STEP_END:
		set(f, F_DAY, today);
		break;
	}
	f->form.changed = false;
	return ST_OK;
}

static enum ui_result step_submit(struct app *app, void *state)
{
	struct step_form *f = state;
	if (!form_validate(&f->form)) {
		app_error(app, _("Some fields need attention."));
		return UI_HANDLED;
	}
	char day[16], text[FORM_VALUE_MAX], transport[16], ref[FORM_VALUE_MAX], escort[FORM_VALUE_MAX], status[16];
	get(f, F_DAY, day, sizeof day);
	get(f, F_TEXT, text, sizeof text);
	get(f, F_TRANSPORT, transport, sizeof transport);
	get(f, F_REF, ref, sizeof ref);
	get(f, F_ESCORT, escort, sizeof escort);
	get(f, F_STATUS, status, sizeof status);
	int version = f->r.version;
	const char *why = NULL;
	struct db *db = app_db(app);
	enum status st = ST_INVALID;
	const char *done = NULL;
	switch (f->step) {
	case PROT_STEP_COUNSEL:
		st = prot_return_counsel(db, f->id, &version, day, text, &why);
		done = N_("Counselling recorded.");
		break;
	case PROT_STEP_BOOK:
		st = prot_return_book(db, f->id, &version, day, transport, ref, escort, &why);
		done = N_("Travel booked.");
		break;
	case PROT_STEP_DEPART:
		st = prot_return_depart(db, f->id, &version, day, &why);
		done = N_("Departure recorded; the stay ended with the assisted voluntary return.");
		break;
	case PROT_STEP_ARRIVE:
		st = prot_return_arrive(db, f->id, &version, day, text, &why);
		done = N_("Arrival recorded.");
		break;
	case PROT_STEP_END:
		st = prot_return_end(db, f->id, &version, status, text, &why);
		done = N_("The return is ended.");
		break;
	}
	if (st != ST_OK) {
		if (st == ST_CONFLICT)
			app_error(app, _("Someone else changed this return meanwhile: open it again."));
		else
			app_error(app, _(why ? why : status_msgid(st)));
		return UI_HANDLED;
	}
	f->form.changed = false;
	app_message(app, _(done));
	return UI_LEAVE;
}

static const char *step_title(enum prot_return_step step)
{
	switch (step) {
	case PROT_STEP_COUNSEL: return N_("Counselling");
	case PROT_STEP_BOOK: return N_("Booking of the travel");
	case PROT_STEP_DEPART: return N_("Departure");
	case PROT_STEP_ARRIVE: return N_("Arrival and hand-over");
	case PROT_STEP_END: return N_("End of the return");
	}
	return "";
}

static void step_draw(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct step_form *f = state;
	int cols = getmaxx(win);
	ui_put(win, 1, 2, cols - 4, A_BOLD, _(step_title(f->step)));
	int y = 3;
	if (f->step == PROT_STEP_DEPART)
		y += ui_put_wrapped(win, 2, 2, cols - 4, 2, 0,
		                    _("The person's stay in the centre ends on this day (assisted voluntary return).")) + 1;
	form_draw(&f->form, win, y, getmaxy(win) - y);
}

static struct form *form_of(void *state)
{
	return &((struct step_form *)state)->form;
}

static long long draft_ref(void *state)
{
	struct step_form *f = state;
	return f->id * 8 + (long long)f->step;
}

static const struct screen screen_step = {
	.name = "prot_return_step",
	.title = N_("Assisted voluntary return"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_PROTECTION_WRITE) | PERM_BIT(PERM_PROTECTION_APPROVE),
	.state_size = sizeof(struct step_form),
	.bindings = bindings,
	.enter = step_enter,
	.draw = step_draw,
	.form = form_of,
	.submit = step_submit,
	.draft_kind = "prot_return_step",
	.draft_ref = draft_ref,
};

enum status prot_return_step_open(struct app *app, long long id, enum prot_return_step step)
{
	long long ref = id * 8 + (long long)step;
	return app_push(app, &screen_step, &ref);
}

enum status prot_return_step_draft(struct app *app, long long ref, const char *json)
{
	return app_push_draft(app, &screen_step, &ref, json);
}
