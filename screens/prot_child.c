/* A child's page: the latest best-interests assessment and its decision,
 * the interim care arrangement, the family tracing with its latest
 * actions, the follow-up visits; keys add or change each. Every opening
 * is audited by the data layer. */
#include <stdio.h>
#include <string.h>

#include "core/date.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/prot_vocab.h"
#include "core/vocab.h"
#include "db/prot_child.h"
#include "screens/prot_child.h"
#include "screens/prot_child_forms.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/textpage.h"

#define SHOWN 10          /* actions and visits shown */
#define LONG_LINE 8400    /* a field and its longest value */

enum {
	ACT_BI = 1, ACT_SUBMIT_BI, ACT_CARE, ACT_CARE_EDIT, ACT_TRACING, ACT_ACTION, ACT_FOUND, ACT_VERIFIED,
	ACT_REUNIFIED, ACT_CLOSE, ACT_VISIT, ACT_VISIT_EDIT
};

static const struct binding bindings[] = {
	{ ACT_BI, { 'b', 0, 0, 0 }, N_("Assessment"),
	  N_("Best-interests assessment: change the draft, or write a new one") },
	{ ACT_SUBMIT_BI, { 's', 0, 0, 0 }, N_("Submit"), N_("Submit the draft assessment to a manager (asks first)") },
	{ ACT_CARE, { 'c', 0, 0, 0 }, N_("New care"),
	  N_("A new interim care arrangement (the current one ends when it starts)") },
	{ ACT_CARE_EDIT, { 'k', 0, 0, 0 }, N_("Change care"), N_("Change the current care arrangement") },
	{ ACT_TRACING, { 't', 0, 0, 0 }, N_("Tracing"), N_("Open the family tracing, or change the child's wishes") },
	{ ACT_ACTION, { 'n', 0, 0, 0 }, N_("Tracing action"), N_("Record what was done to trace the family") },
	{ ACT_FOUND, { 'f', 0, 0, 0 }, N_("Found"), N_("The family is found: who and where") },
	{ ACT_VERIFIED, { 'v', 0, 0, 0 }, N_("Verified"), N_("The family found is verified") },
	{ ACT_REUNIFIED, { 'r', 0, 0, 0 }, N_("Reunified"), N_("The child is reunified: the day, the place, with whom") },
	{ ACT_CLOSE, { 'x', 0, 0, 0 }, N_("Close tracing"), N_("Close the tracing with a note") },
	{ ACT_VISIT, { 'w', 0, 0, 0 }, N_("Visit"), N_("A follow-up visit after the reunification") },
	{ ACT_VISIT_EDIT, { 'e', 0, 0, 0 }, N_("Change visit"), N_("Change the latest follow-up visit") },
	{ 0, { 0 }, NULL, NULL },
};

/* Readers who may not write (managers) scroll only. */
static const struct binding read_bindings[] = {
	{ 0, { 0 }, NULL, NULL },
};

struct child_screen {
	long long case_id;
	struct prot_child_head head;
	bool have_bi, have_care, have_tracing;
	struct prot_bi bi;
	struct prot_care care;
	struct prot_tracing tracing;
	long long latest_visit;
	int built_cols;
	struct textpage text;
};

void prot_form_refused(struct app *app, struct form *form, const struct field_def *defs, int n, enum status st,
                       const char *why, const char *field)
{
	for (int i = 0; field && i < n; i++)
		if (defs[i].name && strcmp(defs[i].name, field) == 0) {
			form->fields[i].error = why;
			form->cur = i;
		}
	app_error(app, st == ST_CONFLICT ? _("Someone else changed this record meanwhile: open it again.")
	                                 : _(why ? why : status_msgid(st)));
}

static const char *label(const struct vocab *v, const char *code)
{
	const char *l = code[0] ? vocab_label(v, code) : NULL;
	return l ? _(l) : code;
}

struct page_ctx {
	struct textpage *p;
	int cols;
	long long *latest;
	int rows;                     /* rows added */
};

static void add_field(struct textpage *p, int cols, const char *name, const char *value)
{
	char line[LONG_LINE * 2];
	if (!value[0])
		return;
	snprintf(line, sizeof line, _("%s: %s"), name, value);
	textpage_add_wrapped(p, 0, 4, cols - 4, line, NULL);
}

static void add_action(const struct prot_tracing_action *a, void *ctx)
{
	struct page_ctx *c = ctx;
	char day[16], line[LONG_LINE];
	c->rows++;
	prot_day_text(a->date, day, sizeof day);
	snprintf(line, sizeof line, "%s  %s%s%s%s%s", day, label(VOCAB_PROT_TRACING_KIND, a->kind), a->place[0] ? ", " : "",
	         a->place, a->outcome[0] ? " — " : "", a->outcome);
	textpage_add_wrapped(c->p, 0, 4, c->cols - 4, line, NULL);
}

static void add_visit(const struct prot_followup *f, void *ctx)
{
	struct page_ctx *c = ctx;
	char day[16], line[LONG_LINE];
	c->rows++;
	if (!*c->latest)
		*c->latest = f->id;
	prot_day_text(f->date, day, sizeof day);
	snprintf(line, sizeof line, "%s  %s, %s%s%s", day, label(VOCAB_PROT_FOLLOWUP_MODE, f->mode),
	         label(VOCAB_PROT_WELLBEING, f->wellbeing), f->notes[0] ? " — " : "", f->notes);
	textpage_add_wrapped(c->p, 0, 4, c->cols - 4, line, NULL);
}

static void build_bi(struct child_screen *s, int cols)
{
	struct textpage *p = &s->text;
	char line[TEXTPAGE_BYTES], day[16];
	textpage_add(p, A_BOLD, _("Best-interests assessment"));
	if (!s->have_bi) {
		textpage_add(p, 0, _("  None yet: b writes one."));
		return;
	}
	const struct prot_bi *b = &s->bi;
	prot_day_text(b->assessed_date, day, sizeof day);
	snprintf(line, sizeof line, _("  %s, assessed on %s by %s"), label(VOCAB_PROT_BI_STATUS, b->status), day,
	         b->assessor);
	textpage_add(p, 0, line);
	add_field(p, cols, _("Recommendation"), label(VOCAB_PROT_RECOMMENDATION, b->recommendation));
	add_field(p, cols, _("Note"), b->recommendation_note);
	add_field(p, cols, _("Findings"), b->findings);
	add_field(p, cols, _("The child's views"), b->child_views);
	if (b->decided_at[0]) {
		snprintf(day, sizeof day, "%.10s", b->decided_at);
		char shown[16];
		prot_day_text(day, shown, sizeof shown);
		snprintf(line, sizeof line, _("%s by %s on %s"),
		         strcmp(b->status, "approved") == 0 ? _("Approved") : _("Rejected"), b->decider, shown);
		add_field(p, cols, _("Decision"), line);
		add_field(p, cols, _("Comment"), b->decision_comment);
	}
}

static void build_care(struct child_screen *s, int cols)
{
	struct textpage *p = &s->text;
	char line[LONG_LINE], from[16], to[16];
	textpage_add(p, 0, "");
	textpage_add(p, A_BOLD, _("Interim care"));
	if (!s->have_care) {
		textpage_add(p, 0, _("  None recorded: c adds one."));
		return;
	}
	const struct prot_care *c = &s->care;
	prot_day_text(c->start_date, from, sizeof from);
	prot_day_text(c->end_date, to, sizeof to);
	if (c->end_date[0])
		snprintf(line, sizeof line, _("  %s from %s to %s"), label(VOCAB_PROT_CARE_KIND, c->kind), from, to);
	else
		snprintf(line, sizeof line, _("  %s since %s"), label(VOCAB_PROT_CARE_KIND, c->kind), from);
	textpage_add(p, 0, line);
	add_field(p, cols, _("Place"), c->place);
	add_field(p, cols, _("Carer"), c->carer);
	add_field(p, cols, _("Notes"), c->notes);
}

static void build_tracing(struct app *app, struct child_screen *s, int cols)
{
	struct textpage *p = &s->text;
	char line[LONG_LINE], day[16];
	textpage_add(p, 0, "");
	textpage_add(p, A_BOLD, _("Family tracing"));
	if (!s->have_tracing) {
		textpage_add(p, 0, _("  Not open: t opens it."));
		return;
	}
	const struct prot_tracing *t = &s->tracing;
	prot_day_text(t->opened, day, sizeof day);
	snprintf(line, sizeof line, _("  %s, opened on %s"), label(VOCAB_PROT_TRACING_STATUS, t->status), day);
	textpage_add(p, 0, line);
	add_field(p, cols, _("The child's wishes"), t->child_wishes);
	if (t->found_date[0]) {
		prot_day_text(t->found_date, day, sizeof day);
		snprintf(line, sizeof line, _("%s (on %s)"), t->family_found, day);
		add_field(p, cols, _("Family found"), line);
	}
	if (t->verified_date[0]) {
		prot_day_text(t->verified_date, day, sizeof day);
		snprintf(line, sizeof line, _("on %s by %s%s%s"), day, t->verifier, t->verification_note[0] ? " — " : "",
		         t->verification_note);
		add_field(p, cols, _("Verified"), line);
	}
	if (t->reunified_date[0]) {
		prot_day_text(t->reunified_date, day, sizeof day);
		snprintf(line, sizeof line, _("on %s at %s with %s"), day, t->reunified_place, t->reunified_with);
		add_field(p, cols, _("Reunified"), line);
	}
	add_field(p, cols, _("Closed"), t->closed_note);
	textpage_add(p, A_UNDERLINE, _("  Latest actions"));
	struct page_ctx c = { p, cols, NULL, 0 };
	if (prot_tracing_action_list(app_db(app), t->id, PAGE_AFTER, NULL, SHOWN, add_action, &c, NULL) != ST_OK ||
	    c.rows == 0)
		textpage_add(p, 0, _("    None yet: n records one."));
}

static void build(struct app *app, struct child_screen *s, int cols)
{
	struct db *db = app_db(app);
	char line[TEXTPAGE_BYTES];
	textpage_clear(&s->text);
	s->built_cols = cols;
	s->have_bi = prot_bi_latest(db, s->case_id, &s->bi) == ST_OK;
	s->have_care = prot_care_current(db, s->case_id, &s->care) == ST_OK;
	s->have_tracing = prot_tracing_get(db, s->case_id, &s->tracing) == ST_OK;
	snprintf(line, sizeof line, _("Protection case: %s"), label(VOCAB_PROT_CASE_STATUS, s->head.case_status));
	textpage_add(&s->text, 0, line);
	textpage_add(&s->text, 0, "");
	build_bi(s, cols);
	build_care(s, cols);
	build_tracing(app, s, cols);
	textpage_add(&s->text, 0, "");
	textpage_add(&s->text, A_BOLD, _("Follow-up visits"));
	s->latest_visit = 0;
	struct page_ctx c = { &s->text, cols, &s->latest_visit, 0 };
	if (prot_followup_list(db, s->case_id, PAGE_AFTER, NULL, SHOWN, add_visit, &c, NULL) != ST_OK || c.rows == 0)
		textpage_add(&s->text, 0, _("  None yet: w records one after the reunification."));
}

static enum status child_enter(struct app *app, void *state, const void *arg)
{
	struct child_screen *s = state;
	s->case_id = *(const long long *)arg;
	return prot_child_view(app_db(app), s->case_id, &s->head);
}

static void child_resume(struct app *app, void *state)
{
	(void)app;
	((struct child_screen *)state)->built_cols = 0;
}

static void child_draw(struct app *app, void *state, WINDOW *win)
{
	struct child_screen *s = state;
	int cols = getmaxx(win);
	if (s->built_cols != cols - 4)
		build(app, s, cols - 4);
	char line[1000];
	snprintf(line, sizeof line, _("Child: %s"), app_privacy(app) ? "*****" : s->head.person);
	ui_put(win, 0, 2, cols - 4, A_BOLD, line);
	textpage_draw(&s->text, win, 2);
}

static enum ui_result child_input(struct app *app, void *state, int key)
{
	(void)app;
	return textpage_key(&((struct child_screen *)state)->text, key) ? UI_HANDLED : UI_IGNORED;
}

static enum ui_result submit_bi(struct app *app, struct child_screen *s)
{
	if (!s->have_bi || strcmp(s->bi.status, "draft") != 0) {
		app_error(app, _("There is no draft assessment to submit."));
		return UI_HANDLED;
	}
	if (!app_confirm(app, _("Submit the assessment to a manager? It cannot be changed after.")))
		return UI_HANDLED;
	const char *why = NULL;
	enum status st = prot_bi_submit(app_db(app), s->bi.id, s->bi.version, &why);
	if (st == ST_OK)
		app_message(app, _("Assessment submitted: it waits for a manager."));
	else
		app_error(app, st == ST_CONFLICT ? _("Someone else changed this record meanwhile: open it again.")
		                                 : _(why ? why : status_msgid(st)));
	s->built_cols = 0;
	return UI_HANDLED;
}

static enum ui_result child_action(struct app *app, void *state, int action)
{
	struct child_screen *s = state;
	long long c = s->case_id;
	switch (action) {
	case ACT_BI:
		prot_bi_form_open(app, c);
		break;
	case ACT_SUBMIT_BI:
		return submit_bi(app, s);
	case ACT_CARE:
		prot_care_form_open(app, c, false);
		break;
	case ACT_CARE_EDIT:
		if (!s->have_care)
			app_error(app, _("No care arrangement yet: c adds one."));
		else
			prot_care_form_open(app, c, true);
		break;
	case ACT_TRACING:
		prot_tracing_form_open(app, c, s->have_tracing ? "wishes" : "open");
		break;
	case ACT_ACTION:
	case ACT_FOUND:
	case ACT_VERIFIED:
	case ACT_REUNIFIED:
	case ACT_CLOSE:
		if (!s->have_tracing) {
			app_error(app, _("The tracing is not open: t opens it."));
			break;
		}
		if (action == ACT_ACTION)
			prot_trace_action_open(app, c);
		else
			prot_tracing_form_open(app, c, action == ACT_FOUND ? "family_found" : action == ACT_VERIFIED ? "verified"
			                               : action == ACT_REUNIFIED ? "reunified" : "closed");
		break;
	case ACT_VISIT:
		prot_followup_form_open(app, c, 0);
		break;
	case ACT_VISIT_EDIT:
		if (!s->latest_visit)
			app_error(app, _("No follow-up visit yet: w records one."));
		else
			prot_followup_form_open(app, c, s->latest_visit);
		break;
	default:
		return UI_IGNORED;
	}
	return UI_HANDLED;
}

static const struct screen screen_child = {
	.name = "prot_child",
	.title = N_("Unaccompanied or separated child"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_PROTECTION_READ),
	.state_size = sizeof(struct child_screen),
	.bindings = bindings,
	.enter = child_enter,
	.draw = child_draw,
	.input = child_input,
	.action = child_action,
	.resume = child_resume,
};

static const struct screen screen_child_read = {
	.name = "prot_child",
	.title = N_("Unaccompanied or separated child"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_PROTECTION_READ),
	.state_size = sizeof(struct child_screen),
	.bindings = read_bindings,
	.enter = child_enter,
	.draw = child_draw,
	.input = child_input,
	.resume = child_resume,
};

enum status prot_child_open(struct app *app, long long case_id)
{
	const struct user *u = app_user(app);
	bool writes = u && perm_allows((int)u->role, PERM_PROTECTION_WRITE);
	return app_push(app, writes ? &screen_child : &screen_child_read, &case_id);
}
