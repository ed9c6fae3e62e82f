/* A person's assisted voluntary return: the request (day, destination,
 * centre), counselling, approval, fitness to travel (the medical
 * module's latest record), booking, departure, arrival and hand-over, or
 * its end with a reason; then its travel documents, the selected one
 * whole. Keys: e edit the request, c counselling, a approve (managers), r
 * ready, b book, d departure, v arrival, x end, n new document, Enter
 * change the selected document. The case file's 'a' opens it (or a new
 * request). */
#include <stdio.h>
#include <string.h>

#include "core/casenum.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/prot_vocab.h"
#include "core/vocab.h"
#include "db/medical.h"
#include "db/person.h"
#include "db/prot_return.h"
#include "db/refdata.h"
#include "screens/prot_return_forms.h"
#include "screens/prot_returns.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/lang.h"

#define MAX_DOCS 12

enum { ACT_EDIT = 1, ACT_COUNSEL, ACT_APPROVE, ACT_READY, ACT_BOOK, ACT_DEPART, ACT_ARRIVE, ACT_END, ACT_NEW_DOC,
       ACT_DOC, ACT_MOVE };

static const struct binding bindings[] = {
	{ ACT_EDIT, { 'e', UI_KEYCODE(KEY_F(3)), 0, 0 }, N_("Edit"),
	  N_("Change the request: day, destination, centre; once the return is over, record a new request") },
	{ ACT_COUNSEL, { 'c', 0, 0, 0 }, N_("Counselling"), N_("Record the counselling: its day and a note") },
	{ ACT_APPROVE, { 'a', 0, 0, 0 }, N_("Approve"),
	  N_("Approve the return (managers; asks first). A child needs an approved best-interests determination") },
	{ ACT_READY, { 'r', 0, 0, 0 }, NULL,
	  N_("Mark the return ready: a travel document issued and the person found fit to travel") },
	{ ACT_BOOK, { 'b', 0, 0, 0 }, N_("Book"), N_("Book the travel: day, convoy, flight or bus, escort") },
	{ ACT_DEPART, { 'd', 0, 0, 0 }, N_("Departure"),
	  N_("Record the departure: the person's stay ends with the assisted voluntary return") },
	{ ACT_ARRIVE, { 'v', 0, 0, 0 }, NULL, N_("Record the arrival and to whom the person was handed over") },
	{ ACT_END, { 'x', 0, 0, 0 }, NULL, N_("End the return: withdrawn, no-show or refused, with a reason") },
	{ ACT_NEW_DOC, { 'n', UI_KEYCODE(KEY_F(2)), 0, 0 }, N_("New document"),
	  N_("Ask for a travel document: passport, laissez-passer or consular card") },
	{ ACT_DOC, { '\n', 0, 0, 0 }, NULL, N_("Change the selected travel document: interview, issued or refused") },
	{ ACT_MOVE, { UI_KEYCODE(KEY_UP), UI_KEYCODE(KEY_DOWN), 0, 0 }, NULL, N_("Move among the travel documents") },
	{ 0, { 0 }, NULL, NULL },
};

struct return_screen {
	long long id;
	struct prot_return r;
	char name[2 * PERSON_NAME_MAX + 4];
	char case_key[24];
	char fitness[12], fitness_day[11];
	struct prot_travel_doc docs[MAX_DOCS];
	int n, cur;
	bool loaded;
};

static void collect(const struct prot_travel_doc *d, void *ctx)
{
	struct return_screen *s = ctx;
	if (s->n < MAX_DOCS)
		s->docs[s->n++] = *d;
}

static enum status load(struct app *app, struct return_screen *s)
{
	enum status st = prot_return_get(app_db(app), s->id, &s->r);
	if (st != ST_OK)
		return st;
	s->n = 0;
	if ((st = prot_doc_each(app_db(app), s->id, collect, s)) != ST_OK)
		return st;
	if (s->cur >= s->n)
		s->cur = s->n ? s->n - 1 : 0;
	prot_return_fitness(app_db(app), s->r.person_id, s->fitness, s->fitness_day);
	s->loaded = true;
	return ST_OK;
}

static enum status return_enter(struct app *app, void *state, const void *arg)
{
	struct return_screen *s = state;
	s->id = *(const long long *)arg;
	enum status st = load(app, s);
	if (st != ST_OK)
		return st;
	struct person p;
	if (person_get(app_db(app), s->r.person_id, &p) == ST_OK) {
		snprintf(s->name, sizeof s->name, "%s %s", p.family_name, p.given_names);
		if (!casenum_display(p.case_key, s->case_key, sizeof s->case_key))
			snprintf(s->case_key, sizeof s->case_key, "%s", p.case_key);
	}
	return ST_OK;
}

static void return_resume(struct app *app, void *state)
{
	load(app, state);
}

static void day_text(const char *iso, char *out, size_t size)
{
	struct pdate d;
	out[0] = '\0';
	if (iso && iso[0] && date_from_iso(iso, &d) == DATE_OK)
		date_format(&d, out, size);
	else if (iso)
		snprintf(out, size, "%s", iso);
}

static const char *label_of(const struct vocab *v, const char *code)
{
	const char *s = code && code[0] ? vocab_label(v, code) : NULL;
	return s ? _(s) : "";
}

static bool is_live(const struct prot_return *r)
{
	return strcmp(r->status, "requested") == 0 || strcmp(r->status, "counselled") == 0
	       || strcmp(r->status, "approved") == 0 || strcmp(r->status, "ready") == 0;
}

static bool can(struct app *app, enum perm p)
{
	if (perm_allows((int)app_user(app)->role, p))
		return true;
	app_error(app, _(status_msgid(ST_DENIED)));
	return false;
}

static enum ui_result return_action(struct app *app, void *state, int action)
{
	struct return_screen *s = state;
	const char *why = NULL;
	enum status st;
	int version = s->r.version;
	switch (action) {
	case ACT_EDIT:
		if (can(app, PERM_PROTECTION_WRITE))
			prot_return_form_open(app, is_live(&s->r) ? s->id : -s->r.person_id);
		return UI_HANDLED;
	case ACT_COUNSEL:
		if (can(app, PERM_PROTECTION_WRITE))
			prot_return_step_open(app, s->id, PROT_STEP_COUNSEL);
		return UI_HANDLED;
	case ACT_BOOK:
		if (can(app, PERM_PROTECTION_WRITE))
			prot_return_step_open(app, s->id, PROT_STEP_BOOK);
		return UI_HANDLED;
	case ACT_DEPART:
		if (can(app, PERM_PROTECTION_WRITE))
			prot_return_step_open(app, s->id, PROT_STEP_DEPART);
		return UI_HANDLED;
	case ACT_ARRIVE:
		if (can(app, PERM_PROTECTION_WRITE))
			prot_return_step_open(app, s->id, PROT_STEP_ARRIVE);
		return UI_HANDLED;
	case ACT_END:
		if (perm_allows((int)app_user(app)->role, PERM_PROTECTION_APPROVE) || can(app, PERM_PROTECTION_WRITE))
			prot_return_step_open(app, s->id, PROT_STEP_END);
		return UI_HANDLED;
	case ACT_NEW_DOC:
		if (can(app, PERM_PROTECTION_WRITE))
			prot_doc_form_open(app, s->id, 0);
		return UI_HANDLED;
	case ACT_DOC:
		if (!s->n)
			app_error(app, _("No travel document yet: n asks for one."));
		else if (can(app, PERM_PROTECTION_WRITE))
			prot_doc_form_open(app, s->id, s->docs[s->cur].id);
		return UI_HANDLED;
	case ACT_APPROVE:
		if (!can(app, PERM_PROTECTION_APPROVE))
			return UI_HANDLED;
		if (strcmp(s->r.status, "counselled") == 0) {
			char q[600];
			snprintf(q, sizeof q, _("Approve the return of %s?"), s->name);
			if (!app_confirm(app, q))
				return UI_HANDLED;
		}
		st = prot_return_approve(app_db(app), s->id, &version, &why);
		break;
	case ACT_READY:
		if (!can(app, PERM_PROTECTION_WRITE))
			return UI_HANDLED;
		st = prot_return_ready(app_db(app), s->id, &version, &why);
		break;
	default:
		return UI_IGNORED;
	}
	if (st == ST_OK)
		app_message(app, action == ACT_APPROVE ? _("Return approved.") : _("The return is ready."));
	else if (st == ST_CONFLICT)
		app_error(app, _("Someone else changed this return meanwhile: open it again."));
	else
		app_error(app, _(why ? why : status_msgid(st)));
	load(app, s);
	return UI_HANDLED;
}

static enum ui_result return_input(struct app *app, void *state, int key)
{
	(void)app;
	struct return_screen *s = state;
	if (key == KEY_UP && s->cur > 0) {
		s->cur--;
		return UI_HANDLED;
	}
	if (key == KEY_DOWN && s->cur + 1 < s->n) {
		s->cur++;
		return UI_HANDLED;
	}
	return UI_IGNORED;
}

/* One document in a line. */
static void doc_line(struct app *app, const struct prot_travel_doc *d, char *out, size_t size)
{
	char country[324] = "", day[16];
	ref_name(app_db(app), REF_COUNTRY, d->consulate_country, lang_get(), country, sizeof country);
	snprintf(out, size, "%s - %s%s%s - %s", label_of(VOCAB_PROT_DOC_KIND, d->kind), country,
	         d->consulate_place[0] ? ", " : "", d->consulate_place, label_of(VOCAB_PROT_DOC_STATUS, d->status));
	size_t len = strlen(out);
	if (strcmp(d->status, "issued") == 0) {
		char exp[16];
		day_text(d->issued_date, day, sizeof day);
		day_text(d->expiry_date, exp, sizeof exp);
		snprintf(out + len, size - len, _(" %s on %s, expires %s"), d->number, day, exp[0] ? exp : "-");
	} else if (strcmp(d->status, "refused") == 0) {
		snprintf(out + len, size - len, ": %s", d->refusal_reason);
	} else if (d->interview_date[0]) {
		day_text(d->interview_date, day, sizeof day);
		snprintf(out + len, size - len, _(", interview %s"), day);
	}
}

static int put(WINDOW *win, int y, int cols, attr_t attr, const char *text)
{
	return ui_put_wrapped(win, y, 2, cols - 4, 3, attr, text);
}

static void return_draw(struct app *app, void *state, WINDOW *win)
{
	struct return_screen *s = state;
	const struct prot_return *r = &s->r;
	int cols = getmaxx(win), rows = getmaxy(win), y = 0;
	char line[1600], a[16], country[324] = "";
	snprintf(line, sizeof line, "%s (%s) - %s", s->name, s->case_key, label_of(VOCAB_PROT_RETURN_STATUS, r->status));
	y += put(win, y, cols, A_BOLD, line);
	ref_name(app_db(app), REF_COUNTRY, r->country, lang_get(), country, sizeof country);
	day_text(r->requested_date, a, sizeof a);
	snprintf(line, sizeof line, _("Requested %s, to %s%s%s"), a, country, r->destination[0] ? ", " : "",
	         r->destination);
	y += put(win, y, cols, 0, line);
	if (r->counselled_date[0]) {
		day_text(r->counselled_date, a, sizeof a);
		snprintf(line, sizeof line, _("Counselled %s%s%s"), a, r->counselling_note[0] ? ": " : "",
		         r->counselling_note);
		y += put(win, y, cols, 0, line);
	}
	if (r->approved_at[0]) {
		char day[11];
		snprintf(day, sizeof day, "%.10s", r->approved_at);
		day_text(day, a, sizeof a);
		snprintf(line, sizeof line, _("Approved %s"), a);
		y += put(win, y, cols, 0, line);
	}
	if (s->fitness[0]) {
		day_text(s->fitness_day, a, sizeof a);
		const char *fit = strcmp(s->fitness, "fit") == 0 ? _("fit to travel")
		                  : strcmp(s->fitness, "fit_escort") == 0 ? _("fit to travel with an escort")
		                                                          : _("not fit to travel");
		snprintf(line, sizeof line, _("Medical staff, %s: %s"), a, fit);
	} else {
		snprintf(line, sizeof line, "%s", _("Fitness to travel: not assessed yet by the medical staff"));
	}
	y += put(win, y, cols, 0, line);
	if (r->travel_date[0]) {
		day_text(r->travel_date, a, sizeof a);
		snprintf(line, sizeof line, _("Travel %s by %s %s%s%s"), a, label_of(VOCAB_PROT_TRANSPORT, r->transport),
		         r->convoy_ref, r->escort[0] ? _(", escort: ") : "", r->escort);
		y += put(win, y, cols, 0, line);
	}
	if (r->departure_date[0]) {
		char b[16];
		day_text(r->departure_date, a, sizeof a);
		day_text(r->arrival_date, b, sizeof b);
		if (r->arrival_date[0])
			snprintf(line, sizeof line, _("Departed %s, arrived %s, handed over to %s"), a, b, r->handed_over_to);
		else
			snprintf(line, sizeof line, _("Departed %s"), a);
		y += put(win, y, cols, 0, line);
	}
	if (r->end_reason[0]) {
		snprintf(line, sizeof line, _("Ended: %s"), r->end_reason);
		y += put(win, y, cols, 0, line);
	}
	y++;
	ui_put(win, y++, 2, cols - 4, A_BOLD, _("Travel documents"));
	if (!s->n) {
		ui_put(win, y++, 2, cols - 4, 0,
		       is_live(r) ? _("None yet: n asks for one.") : _("None."));
		return;
	}
	int room = rows - y - 3, first = s->cur >= room ? s->cur - room + 1 : 0;
	for (int i = first; i < s->n && y < rows - 3; i++) {
		doc_line(app, &s->docs[i], line, sizeof line);
		if (i == s->cur)
			y += ui_put_wrapped(win, y, 2, cols - 4, 3, A_REVERSE, line);
		else
			ui_put(win, y++, 2, cols - 4, 0, line);
	}
}

static const struct screen screen_return = {
	.name = "prot_return",
	.title = N_("Assisted voluntary return"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_PROTECTION_READ),
	.state_size = sizeof(struct return_screen),
	.bindings = bindings,
	.enter = return_enter,
	.draw = return_draw,
	.input = return_input,
	.action = return_action,
	.resume = return_resume,
};

enum status prot_return_screen_open(struct app *app, long long id)
{
	return app_push(app, &screen_return, &id);
}

enum status prot_return_screen_instead(struct app *app, long long id)
{
	return app_replace(app, &screen_return, &id);
}

enum status prot_return_person_open(struct app *app, long long person)
{
	struct prot_return r;
	enum status st = prot_return_of_person(app_db(app), person, &r);
	if (st == ST_OK && (is_live(&r) || !perm_allows((int)app_user(app)->role, PERM_PROTECTION_WRITE)))
		return prot_return_screen_open(app, r.id);
	if (st == ST_NOT_FOUND && !perm_allows((int)app_user(app)->role, PERM_PROTECTION_WRITE)) {
		app_message(app, _("No assisted return for this person."));
		return ST_OK;
	}
	if (st != ST_OK && st != ST_NOT_FOUND) {
		app_error(app, _(status_msgid(st)));
		return st;
	}
	/* The last return is over (or none): a writer sees it, then may ask
	 * for a new one from the list; a person without any gets the form. */
	if (st == ST_OK)
		return prot_return_screen_open(app, r.id);
	return prot_return_form_open(app, -person);
}
