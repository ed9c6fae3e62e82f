/* A medical case followed until the person is fit: condition, dates,
 * outcome; for a pregnancy the expected delivery and antenatal visits. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/text.h"
#include "db/medical.h"
#include "screens/medical.h"
#include "screens/screens.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/vocab_choices.h"

enum { F_CONDITION, F_OPENED, F_DELIVERY, F_NOTES, F_VISIT, F_CLOSED, F_OUTCOME, F_COUNT };

static const struct binding bindings[] = {
	{ ACT_SUBMIT, { UI_KEYCODE(KEY_F(2)), UI_CTRL('S'), 0, 0 }, N_("Save"),
	  N_("Save the case (Enter on the last field too)") },
	{ 0, { 0 }, NULL, NULL },
};

/* Not const: the choices are set from the code list at the first entry. */
static struct field_def fields[F_COUNT] = {
	[F_CONDITION] = { .label = N_("Condition"), .type = FIELD_CHOICE, .required = true, .labels_are_msgids = true, .name = "condition" },
	[F_OPENED] = { .label = N_("Opened on"), .type = FIELD_DATE, .required = true, .past_only = true, .name = "opened" },
	[F_DELIVERY] = { .label = N_("Expected delivery"), .type = FIELD_DATE, .name = "expected_delivery" },
	[F_NOTES] = { .label = N_("Notes"), .type = FIELD_TEXT, .maxlen = 120, .name = "notes" },
	[F_VISIT] = { .label = N_("Antenatal visit on"), .type = FIELD_DATE, .past_only = true, .name = "antenatal_visit" },
	[F_CLOSED] = { .label = N_("Closed on"), .type = FIELD_DATE, .past_only = true, .name = "closed" },
	[F_OUTCOME] = { .label = N_("Outcome"), .type = FIELD_TEXT, .maxlen = 120, .name = "outcome" },
};

struct medcase {
	struct medical_case mc;
	struct medical_case shown;   /* the form read back as filled from mc */
	long long wanted;     /* the case to find when listing */
	struct form form;
};

/* The case's fields the form edits, in form order (the visit is not one). */
static const struct {
	int field;
	size_t offset, size;
} edited[] = {
	{ F_CONDITION, offsetof(struct medical_case, condition), sizeof ((struct medical_case *)0)->condition },
	{ F_OPENED, offsetof(struct medical_case, opened), sizeof ((struct medical_case *)0)->opened },
	{ F_DELIVERY, offsetof(struct medical_case, expected_delivery),
	  sizeof ((struct medical_case *)0)->expected_delivery },
	{ F_NOTES, offsetof(struct medical_case, notes), sizeof ((struct medical_case *)0)->notes },
	{ F_CLOSED, offsetof(struct medical_case, closed), sizeof ((struct medical_case *)0)->closed },
	{ F_OUTCOME, offsetof(struct medical_case, outcome), sizeof ((struct medical_case *)0)->outcome },
};

/* Reads the edited fields of the form into mc. */
static void read_form(const struct form *f, struct medical_case *mc)
{
	for (size_t i = 0; i < sizeof edited / sizeof edited[0]; i++)
		form_get(f, edited[i].field, (char *)mc + edited[i].offset, edited[i].size);
}

/* Keeps the case being opened. */
static void find_case(const struct medical_case *mc, void *ctx)
{
	struct medcase *s = ctx;
	if (mc->id == s->wanted)
		s->mc = *mc;
}

/* What the form is opened with: a new case for person_id (case_id 0) or
 * an existing one. */
struct medcase_arg {
	long long person_id;
	long long case_id;
};

static enum status medcase_enter(struct app *app, void *state, const void *arg)
{
	struct medcase *s = state;
	const struct medcase_arg *a = arg;
	if (!a)
		return ST_NOT_FOUND;
	fields[F_CONDITION].choices = vocab_choices(VOCAB_CONDITION, false, &fields[F_CONDITION].nchoices);
	s->mc.person_id = a->person_id;
	form_init(&s->form, fields, F_COUNT);
	if (a->case_id) {
		s->wanted = a->case_id;
		enum status st = medical_case_list(app_db(app), a->person_id, find_case, s);
		if (st != ST_OK)
			return st;
		if (s->mc.id != a->case_id)
			return ST_NOT_FOUND;
		form_set(&s->form, F_CONDITION, s->mc.condition);
		form_set(&s->form, F_OPENED, s->mc.opened);
		form_set(&s->form, F_DELIVERY, s->mc.expected_delivery);
		form_set(&s->form, F_NOTES, s->mc.notes);
		form_set(&s->form, F_CLOSED, s->mc.closed);
		form_set(&s->form, F_OUTCOME, s->mc.outcome);
		/* What the untouched form gives: a field the same at saving was
		 * not touched and keeps its stored value (notes longer than the
		 * form, control characters). */
		s->shown = s->mc;
		read_form(&s->form, &s->shown);
	} else {
		char today[11];
		struct pdate t = clock_today();
		date_to_iso(&t, today, sizeof today);
		form_set(&s->form, F_OPENED, today);
		snprintf(s->mc.centre_code, sizeof s->mc.centre_code, "%s", app_user(app)->centre_code);
	}
	s->form.changed = false;
	return ST_OK;
}

/* Shows the problem msgid with the label of the field named name (the
 * form field gets it too, and the cursor), or alone. */
static void show_problem(struct app *app, struct medcase *s, const char *name, const char *msgid)
{
	for (int i = 0; name && i < F_COUNT; i++)
		if (strcmp(fields[i].name, name) == 0) {
			char msg[400];
			s->form.fields[i].error = msgid;
			s->form.cur = i;
			snprintf(msg, sizeof msg, _("%s: %s"), _(fields[i].label), _(msgid));
			/* Too wide for the message line: the message alone, the
			 * cursor being on the field. */
			app_error(app, text_width(msg) <= COLS - 2 ? msg : _(msgid));
			return;
		}
	app_error(app, _(msgid));
}

/* Validates and saves the case with its antenatal visit if one was given:
 * both or nothing. */
static enum ui_result save(struct app *app, struct medcase *s)
{
	if (!form_validate(&s->form)) {
		app_error(app, _("Some fields need attention."));
		return UI_HANDLED;
	}
	struct medical_case mc = s->mc, typed = s->mc;
	char visit[16];
	read_form(&s->form, &typed);
	if (mc.id)
		medical_case_apply_edit(&mc, &s->shown, &typed);
	else
		mc = typed;
	form_get(&s->form, F_VISIT, visit, sizeof visit);
	const char *why = NULL, *field = NULL;
	enum status st = medical_case_save_visit(app_db(app), &mc, visit, "", &why, &field);
	if (st == ST_INVALID) {
		show_problem(app, s, field, why);
		return UI_HANDLED;
	}
	if (st != ST_OK) {
		app_error(app, _(status_msgid(st)));
		return UI_HANDLED;
	}
	s->mc = mc;
	s->form.changed = false;
	app_message(app, _("Saved."));
	return UI_LEAVE;
}

static void medcase_draw(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct medcase *s = state;
	char line[120];
	if (s->mc.id)
		snprintf(line, sizeof line, _("Medical case (%d antenatal visits)"), s->mc.antenatal_visits);
	else
		snprintf(line, sizeof line, "%s", _("New medical case"));
	ui_put(win, 1, 2, getmaxx(win) - 4, A_BOLD, line);
	form_draw(&s->form, win, 3, getmaxy(win) - 3);
}

/* The form, for the loop's shared form behaviour. */
static struct form *medcase_form(void *state)
{
	return &((struct medcase *)state)->form;
}

/* Enter on the last field, or the save key. */
static enum ui_result medcase_submit(struct app *app, void *state)
{
	return save(app, state);
}

/* A new case's draft is about the person; an edit's, about the case. */
static long long new_case_ref(void *state)
{
	return ((struct medcase *)state)->mc.person_id;
}

static long long case_ref(void *state)
{
	return ((struct medcase *)state)->mc.id;
}

/* Two screens of one form, for the two kinds of draft it keeps. */
#define MEDCASE_SCREEN(kind, ref)                                                                              \
	{                                                                                                      \
		.name = "medcase", .title = N_("Medical case"), .needs_login = true,                           \
		.perms = PERM_BIT(PERM_MEDICAL_WRITE), .state_size = sizeof(struct medcase), .bindings = bindings, \
		.enter = medcase_enter, .draw = medcase_draw, .form = medcase_form, .submit = medcase_submit,  \
		.draft_kind = kind, .draft_ref = ref,                                                          \
	}
static const struct screen screen_medcase_new = MEDCASE_SCREEN("medical_case_new", new_case_ref);
static const struct screen screen_medcase = MEDCASE_SCREEN("medical_case", case_ref);

enum status medcase_open(struct app *app, long long person_id, long long case_id)
{
	struct medcase_arg a = { person_id, case_id };
	return app_push(app, case_id ? &screen_medcase : &screen_medcase_new, &a);
}

enum status medcase_new_open_draft(struct app *app, long long person_id, const char *json)
{
	struct medcase_arg a = { person_id, 0 };
	return app_push_draft(app, &screen_medcase_new, &a, json);
}

enum status medcase_open_draft(struct app *app, long long case_id, const char *json)
{
	struct medical_case mc;
	enum status st = medical_case_get(app_db(app), case_id, &mc);
	if (st != ST_OK) {
		app_error(app, _(status_msgid(st)));
		return st;
	}
	struct medcase_arg a = { mc.person_id, case_id };
	return app_push_draft(app, &screen_medcase, &a, json);
}
