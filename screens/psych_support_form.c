/* A session of individual psychosocial support: date, modality, concerns
 * (each ticked yes or no, as the vulnerabilities on the registration
 * form), what was done, risk, referrals and the next appointment. Opened
 * from the case file, the person's support history, the follow-up list or
 * the psychosocial menu (after a lookup). Psychosocial staff only; a saved
 * one opens from the history (the opening is audited) to be changed. */
#include <stdio.h>
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/person.h"
#include "core/psych_vocab.h"
#include "core/vocab.h"
#include "db/person.h"
#include "db/psych_support.h"
#include "screens/psych_support.h"
#include "screens/screens.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/vocab_choices.h"

enum {
	F_DATE, F_MODALITY, F_CONCERNS,
	F_CONCERN_OTHER = F_CONCERNS + PSYCH_CONCERN_COUNT_,
	F_ACTIONS, F_RISK, F_REFERRALS,
	F_NEXT = F_REFERRALS + PSYCH_REFERRAL_COUNT_,
	F_COUNT
};

static const struct binding bindings[] = {
	{ ACT_SUBMIT, { UI_KEYCODE(KEY_F(2)), UI_CTRL('S'), 0, 0 }, N_("Save"),
	  N_("Save the support session (Enter on the last field too)") },
	{ 0, { 0 }, NULL, NULL },
};

/* The form's field names: the draft's keys. */
static const char *const concern_names[PSYCH_CONCERN_COUNT_] = {
	"concern_distress", "concern_sleep", "concern_grief", "concern_violence", "concern_trafficking",
	"concern_separation", "concern_other_ticked",
};
static const char *const referral_names[PSYCH_REFERRAL_COUNT_] = {
	"referral_mental_health", "referral_medical", "referral_protection",
};

struct support_form {
	struct psych_support r;
	char who[500];
	bool age_known, age_approx, child;
	int years;
	struct field_def defs[F_COUNT];
	/* "Concern: distress" in the language shown, rebuilt when drawn. */
	char labels[F_COUNT][120];
	struct form form;
};

/* The yes/no rows' labels: their list's name, then the item's label. */
static void set_labels(struct support_form *s)
{
	for (int i = 0; i < PSYCH_CONCERN_COUNT_; i++) {
		snprintf(s->labels[F_CONCERNS + i], sizeof s->labels[0], _("Concern: %s"),
		         _(vocab_item(VOCAB_PSYCH_CONCERN, i)->label));
		s->defs[F_CONCERNS + i].label = s->labels[F_CONCERNS + i];
	}
	for (int i = 0; i < PSYCH_REFERRAL_COUNT_; i++) {
		snprintf(s->labels[F_REFERRALS + i], sizeof s->labels[0], _("Referred to: %s"),
		         _(vocab_item(VOCAB_PSYCH_REFERRAL, i)->label));
		s->defs[F_REFERRALS + i].label = s->labels[F_REFERRALS + i];
	}
}

/* Lays out the fields. */
static void build(struct support_form *s)
{
	struct field_def *d = s->defs;
	d[F_DATE] = (struct field_def){ .label = N_("Date"), .type = FIELD_DATE, .required = true, .past_only = true,
		                        .full_date = true, .name = "date" };
	d[F_MODALITY] = (struct field_def){ .label = N_("Modality"), .type = FIELD_CHOICE, .required = true,
		                            .labels_are_msgids = true, .name = "modality" };
	d[F_MODALITY].choices = vocab_choices(VOCAB_PSYCH_MODALITY, false, &d[F_MODALITY].nchoices);
	for (int i = 0; i < PSYCH_CONCERN_COUNT_; i++)
		d[F_CONCERNS + i] = (struct field_def){ .type = FIELD_YESNO, .name = concern_names[i] };
	d[F_CONCERN_OTHER] = (struct field_def){ .label = N_("Other concern, in a few words"), .type = FIELD_TEXT,
		                                 .maxlen = 100, .name = "concern_other" };
	d[F_ACTIONS] = (struct field_def){ .label = N_("What was done"), .type = FIELD_TEXT, .maxlen = 250,
		                           .name = "actions" };
	d[F_RISK] = (struct field_def){ .label = N_("Risk"), .type = FIELD_CHOICE, .required = true,
		                        .labels_are_msgids = true, .name = "risk" };
	d[F_RISK].choices = vocab_choices(VOCAB_PSYCH_RISK, false, &d[F_RISK].nchoices);
	for (int i = 0; i < PSYCH_REFERRAL_COUNT_; i++)
		d[F_REFERRALS + i] = (struct field_def){ .type = FIELD_YESNO, .name = referral_names[i] };
	d[F_NEXT] = (struct field_def){ .label = N_("Next appointment"), .type = FIELD_DATE, .full_date = true,
		                        .name = "next_appointment" };
	set_labels(s);
	form_init(&s->form, s->defs, F_COUNT);
}

/* Reads the person: name, age and the child marker. */
static enum status read_person(struct app *app, struct support_form *s)
{
	struct person p;
	enum status st = person_get(app_db(app), s->r.person_id, &p);
	if (st != ST_OK)
		return st;
	snprintf(s->who, sizeof s->who, "%s %s", p.family_name, p.given_names);
	struct pdate t = clock_today();
	s->age_known = person_age(p.birth_date, p.birth_estimated, &t, &s->years, &s->age_approx, &s->child);
	build(s);
	return ST_OK;
}

/* Fills the form from the record. */
static void fill(struct support_form *s)
{
	const struct psych_support *r = &s->r;
	struct form *f = &s->form;
	form_set(f, F_DATE, r->date);
	form_set(f, F_MODALITY, r->modality);
	for (int i = 0; i < PSYCH_CONCERN_COUNT_; i++)
		form_set(f, F_CONCERNS + i, r->concerns & (1u << i) ? "1" : "0");
	form_set(f, F_CONCERN_OTHER, r->concern_other);
	form_set(f, F_ACTIONS, r->actions);
	form_set(f, F_RISK, r->risk);
	for (int i = 0; i < PSYCH_REFERRAL_COUNT_; i++)
		form_set(f, F_REFERRALS + i, r->referrals & (1u << i) ? "1" : "0");
	form_set(f, F_NEXT, r->next_appointment);
	f->changed = false;
}

/* A new session of the person arg points to: today, individual, no risk
 * until said otherwise; the cursor on the first concern. */
static enum status new_enter(struct app *app, void *state, const void *arg)
{
	struct support_form *s = state;
	if (!arg)
		return ST_NOT_FOUND;
	s->r.person_id = *(const long long *)arg;
	enum status st = read_person(app, s);
	if (st != ST_OK)
		return st;
	snprintf(s->r.centre_code, sizeof s->r.centre_code, "%s", app_user(app)->centre_code);
	clock_today_iso(s->r.date, sizeof s->r.date);
	snprintf(s->r.modality, sizeof s->r.modality, "individual");
	snprintf(s->r.risk, sizeof s->r.risk, "none");
	fill(s);
	s->form.cur = F_CONCERNS;
	return ST_OK;
}

/* The saved session whose id arg points to (its opening is audited). */
static enum status saved_enter(struct app *app, void *state, const void *arg)
{
	struct support_form *s = state;
	if (!arg)
		return ST_NOT_FOUND;
	enum status st = psych_support_get(app_db(app), *(const long long *)arg, &s->r);
	if (st != ST_OK || (st = read_person(app, s)) != ST_OK)
		return st;
	fill(s);
	s->form.cur = F_DATE;
	return ST_OK;
}

/* The form field of a field name of psych_support_check. */
static int field_of(const char *name)
{
	static const struct {
		const char *name;
		int field;
	} map[] = {
		{ "modality", F_MODALITY }, { "concerns", F_CONCERNS }, { "concern_other", F_CONCERN_OTHER },
		{ "actions", F_ACTIONS }, { "risk", F_RISK }, { "referrals", F_REFERRALS },
		{ "next_appointment", F_NEXT },
	};
	for (size_t i = 0; name && i < sizeof map / sizeof map[0]; i++)
		if (strcmp(map[i].name, name) == 0)
			return map[i].field;
	return F_DATE;
}

/* Validates and saves. */
static enum ui_result save(struct app *app, struct support_form *s)
{
	if (!form_validate(&s->form)) {
		app_error(app, _("Some fields need attention."));
		return UI_HANDLED;
	}
	struct psych_support r = s->r;
	char v[8];
	form_get(&s->form, F_DATE, r.date, sizeof r.date);
	form_get(&s->form, F_MODALITY, r.modality, sizeof r.modality);
	r.concerns = r.referrals = 0;
	for (int i = 0; i < PSYCH_CONCERN_COUNT_; i++) {
		form_get(&s->form, F_CONCERNS + i, v, sizeof v);
		if (strcmp(v, "1") == 0)
			r.concerns |= 1u << i;
	}
	form_get(&s->form, F_CONCERN_OTHER, r.concern_other, sizeof r.concern_other);
	form_get(&s->form, F_ACTIONS, r.actions, sizeof r.actions);
	form_get(&s->form, F_RISK, r.risk, sizeof r.risk);
	for (int i = 0; i < PSYCH_REFERRAL_COUNT_; i++) {
		form_get(&s->form, F_REFERRALS + i, v, sizeof v);
		if (strcmp(v, "1") == 0)
			r.referrals |= 1u << i;
	}
	form_get(&s->form, F_NEXT, r.next_appointment, sizeof r.next_appointment);
	char today[11];
	clock_today_iso(today, sizeof today);
	const char *why = NULL, *name = NULL;
	if (psych_support_check(&r, today, &why, &name) != ST_OK) {
		/* Show it beside the field it is about. */
		int field = field_of(name);
		s->form.fields[field].error = why;
		s->form.cur = field;
		app_error(app, _(why ? why : status_msgid(ST_INVALID)));
		return UI_HANDLED;
	}
	bool is_new = r.id == 0;
	enum status st = psych_support_save(app_db(app), &r);
	if (st != ST_OK) {
		app_error(app, _(status_msgid(st)));
		return UI_HANDLED;
	}
	s->r = r;
	s->form.changed = false;
	app_message(app, is_new ? _("Support session recorded.") : _("Changes saved."));
	return UI_LEAVE;
}

static void support_draw(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct support_form *s = state;
	set_labels(s);   /* the language may have changed */
	char line[700];
	snprintf(line, sizeof line, _("Psychosocial support of %s"), s->who);
	ui_put(win, 1, 2, getmaxx(win) - 4, A_BOLD, line);
	int x = 2;
	if (s->age_known) {
		char age[48];
		snprintf(age, sizeof age, _("%s%d years"), s->age_approx ? "~" : "", s->years);
		x += ui_put(win, 2, x, getmaxx(win) - x - 2, 0, age) + 3;
	}
	if (s->child)
		x += ui_put(win, 2, x, getmaxx(win) - x - 2, A_BOLD, _("CHILD")) + 3;
	if (s->r.id) {
		snprintf(line, sizeof line, _("recorded by %s at %s"), s->r.worker[0] ? s->r.worker : "?",
		         s->r.centre_code);
		ui_put(win, 2, x, getmaxx(win) - x - 2, 0, line);
	}
	form_draw(&s->form, win, 3, getmaxy(win) - 3);
}

static struct form *support_form_of(void *state)
{
	return &((struct support_form *)state)->form;
}

static enum ui_result support_submit(struct app *app, void *state)
{
	return save(app, state);
}

/* A new one's draft is about the person; a saved one's, about itself. */
static long long new_draft_ref(void *state)
{
	return ((struct support_form *)state)->r.person_id;
}

static long long saved_draft_ref(void *state)
{
	return ((struct support_form *)state)->r.id;
}

static const struct screen screen_support_new = {
	.name = "psych_support",
	.title = N_("Psychosocial support"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_PSYCH_NOTES),
	.state_size = sizeof(struct support_form),
	.bindings = bindings,
	.enter = new_enter,
	.draw = support_draw,
	.form = support_form_of,
	.submit = support_submit,
	.draft_kind = "psych_support",
	.draft_ref = new_draft_ref,
};

static const struct screen screen_support_saved = {
	.name = "psych_support",
	.title = N_("Psychosocial support"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_PSYCH_NOTES),
	.state_size = sizeof(struct support_form),
	.bindings = bindings,
	.enter = saved_enter,
	.draw = support_draw,
	.form = support_form_of,
	.submit = support_submit,
	.draft_kind = "psych_support_saved",
	.draft_ref = saved_draft_ref,
};

enum status psych_support_open(struct app *app, long long person_id)
{
	return app_push(app, &screen_support_new, &person_id);
}

enum status psych_support_open_draft(struct app *app, long long person_id, const char *json)
{
	return app_push_draft(app, &screen_support_new, &person_id, json);
}

enum status psych_support_open_saved(struct app *app, long long support_id)
{
	return app_push(app, &screen_support_saved, &support_id);
}

enum status psych_support_saved_open_draft(struct app *app, long long support_id, const char *json)
{
	return app_push_draft(app, &screen_support_saved, &support_id, json);
}
