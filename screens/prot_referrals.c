/* The referrals of a protection case, newest first: the day sent (or
 * received), out or in, to or from what kind of organisation, its name
 * and the status; the selected one's reason and the other organisation's
 * reference below. A referral out is drafted, then sent with a
 * confirmation, only with the person's consent to share (the data layer
 * refuses otherwise and says why; nothing changes); the other
 * organisation's answer moves it on. A referral in is recorded as
 * received. */
#include <stdio.h>
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/prot_vocab.h"
#include "core/text.h"
#include "core/vocab.h"
#include "db/prot_referral.h"
#include "screens/prot_traffic_screens.h"
#include "screens/prot_trafficking.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/list.h"

enum { ACT_OUT = 1, ACT_IN, ACT_EDIT, ACT_SEND, ACT_ACCEPTED, ACT_REJECTED, ACT_DONE, ACT_WITHDRAWN };

static const struct binding bindings[] = {
	{ ACT_OUT, { 'n', 0, 0, 0 }, N_("Refer"), N_("Draft a new referral out of this case (sent later with s)") },
	{ ACT_IN, { 'i', 0, 0, 0 }, N_("Received"), N_("Record a referral received from another organisation") },
	{ ACT_EDIT, { '\n', 0, 0, 0 }, N_("Open"),
	  N_("Open the selected referral: its organisation, reason, consent, reference and outcome") },
	{ ACT_SEND, { 's', 0, 0, 0 }, N_("Send"),
	  N_("Send the selected draft today, after a confirmation; only with the person's consent to share") },
	{ ACT_ACCEPTED, { 'a', 0, 0, 0 }, NULL, N_("The other organisation accepted the selected referral") },
	{ ACT_REJECTED, { 'r', 0, 0, 0 }, NULL, N_("The other organisation rejected the selected referral") },
	{ ACT_DONE, { 'd', 0, 0, 0 }, NULL, N_("The selected referral is done: the person was served") },
	{ ACT_WITHDRAWN, { 'w', 0, 0, 0 }, NULL, N_("Withdraw the selected referral (asks first)") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct list_column columns[] = {
	{ N_("Day"), 11, false },
	{ N_("Way"), 5, false },
	{ N_("To or from"), 13, false },
	{ N_("Status"), 12, false },
	{ N_("Organisation"), 0, false },
};

struct referrals {
	struct app *app;
	long long case_id;
	struct list list;
};

struct fill {
	struct list_row *rows;
	int n;
};

/* The status as shown: a referral in that is "sent" was received. */
static const char *status_text(const struct prot_referral *r)
{
	if (strcmp(r->direction, "in") == 0 && strcmp(r->status, "sent") == 0)
		return _("received");
	const char *s = vocab_short(VOCAB_PROT_REFERRAL_STATUS, r->status);
	return s ? _(s) : r->status;
}

static void add_row(const struct prot_referral *r, void *ctx)
{
	struct fill *f = ctx;
	struct list_row *row = &f->rows[f->n++];
	struct pdate d;
	if (r->sent_date[0] && date_from_iso(r->sent_date, &d) == DATE_OK)
		date_format(&d, row->cells[0], sizeof row->cells[0]);
	const char *dir = vocab_short(VOCAB_PROT_REFERRAL_DIRECTION, r->direction);
	snprintf(row->cells[1], sizeof row->cells[1], "%s", dir ? _(dir) : "");
	const char *dest = vocab_short(VOCAB_PROT_REFERRAL_DESTINATION, r->destination);
	snprintf(row->cells[2], sizeof row->cells[2], "%s", dest ? _(dest) : "");
	snprintf(row->cells[3], sizeof row->cells[3], "%s", status_text(r));
	text_fit(r->organisation, LIST_CELL - 1, row->cells[4], sizeof row->cells[4]);
	snprintf(row->cells[5], sizeof row->cells[5], "%s", r->status);
	snprintf(row->cells[6], sizeof row->cells[6], "%d", r->version);
	row->key.id = r->id;
}

static int fetch(void *ctx, enum page_dir dir, const struct list_key *key, int limit, struct list_row *rows,
                 bool *more)
{
	struct referrals *s = ctx;
	struct fill f = { rows, 0 };
	enum status st = prot_referral_list(app_db(s->app), s->case_id, dir, key ? key->id : 0, limit, add_row, &f, more);
	return st == ST_OK ? f.n : -1;
}

static enum status refs_enter(struct app *app, void *state, const void *arg)
{
	struct referrals *s = state;
	s->app = app;
	s->case_id = *(const long long *)arg;
	/* Refused here rather than on an empty list for roles without it. */
	enum status st = prot_referral_list(app_db(app), s->case_id, PAGE_AFTER, 0, 1, NULL, NULL, NULL);
	if (st != ST_OK)
		return st;
	list_init(&s->list, columns, 5, fetch, s);
	return ST_OK;
}

static enum ui_result refs_input(struct app *app, void *state, int key)
{
	(void)app;
	struct referrals *s = state;
	return list_key(&s->list, key) ? UI_HANDLED : UI_IGNORED;
}

static void send(struct app *app, struct referrals *s, const struct list_row *row)
{
	if (strcmp(row->cells[5], "draft") != 0) {
		app_error(app, _("Only a draft referral out can be sent."));
		return;
	}
	char q[400];
	snprintf(q, sizeof q, _("Send this referral to %s today?"), row->cells[4][0] ? row->cells[4] : row->cells[2]);
	if (!app_confirm(app, q))
		return;
	int v = 0;
	sscanf(row->cells[6], "%d", &v);
	char today[11];
	clock_today_iso(today, sizeof today);
	const char *why = NULL;
	enum status st = prot_referral_send(app_db(app), row->key.id, &v, today, &why);
	if (st != ST_OK) {
		app_error(app, st == ST_CONFLICT ? _("Someone else changed this referral meanwhile: open it again.")
		                                 : _(why ? why : status_msgid(st)));
		return;
	}
	app_message(app, _("Referral sent."));
	list_refresh_at(&s->list, &row->key);
}

static void set_status(struct app *app, struct referrals *s, const struct list_row *row, const char *status)
{
	if (strcmp(status, "withdrawn") == 0 && !app_confirm(app, _("Withdraw the selected referral?")))
		return;
	int v = 0;
	sscanf(row->cells[6], "%d", &v);
	const char *why = NULL;
	struct list_key key = row->key;
	enum status st = prot_referral_set_status(app_db(app), key.id, &v, status, &why);
	if (st != ST_OK) {
		app_error(app, st == ST_CONFLICT ? _("Someone else changed this referral meanwhile: open it again.")
		                                 : _(why ? why : status_msgid(st)));
		return;
	}
	app_message(app, _("Changes saved."));
	list_refresh_at(&s->list, &key);
}

static enum ui_result refs_action(struct app *app, void *state, int action)
{
	struct referrals *s = state;
	if (action == ACT_OUT || action == ACT_IN) {
		prot_referral_form_open(app, s->case_id, action == ACT_OUT ? "out" : "in", 0);
		return UI_HANDLED;
	}
	const struct list_row *row = list_current(&s->list);
	if (action < ACT_EDIT || action > ACT_WITHDRAWN)
		return UI_IGNORED;
	if (!row)
		return UI_HANDLED;
	struct list_row copy = *row;
	if (action == ACT_EDIT)
		prot_referral_form_open(app, s->case_id, NULL, copy.key.id);
	else if (action == ACT_SEND)
		send(app, s, &copy);
	else
		set_status(app, s, &copy, action == ACT_ACCEPTED ? "accepted" : action == ACT_REJECTED ? "rejected"
		                          : action == ACT_DONE ? "done" : "withdrawn");
	return UI_HANDLED;
}

static void refs_resume(struct app *app, void *state)
{
	(void)app;
	list_refresh(&((struct referrals *)state)->list);
}

static void refs_draw(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct referrals *s = state;
	int cols = getmaxx(win), rows = getmaxy(win);
	ui_put_wrapped(win, 0, 2, cols - 4, 2, A_BOLD, _("Referrals of this case, out and in, newest first"));
	list_draw(&s->list, win, 2, rows - 5);
	const struct list_row *row = list_current(&s->list);
	if (!row)
		ui_put_wrapped(win, rows - 2, 2, cols - 4, 2, 0,
		               _("No referral yet: n drafts one out, i records one received."));
	else {
		/* The selected row whole: its narrow columns are cut in French. */
		char whole[4 * LIST_CELL + 16];
		snprintf(whole, sizeof whole, "%s · %s · %s%s%s", row->cells[1], row->cells[2], row->cells[3],
		         row->cells[4][0] ? " · " : "", row->cells[4]);
		ui_put_wrapped(win, rows - 2, 2, cols - 4, 2, 0, whole);
	}
}

static const struct screen screen_referrals = {
	.name = "prot_referrals",
	.title = N_("Referrals"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_PROTECTION_READ),
	.state_size = sizeof(struct referrals),
	.bindings = bindings,
	.enter = refs_enter,
	.draw = refs_draw,
	.input = refs_input,
	.action = refs_action,
	.resume = refs_resume,
};

enum status prot_referrals_open(struct app *app, long long case_id)
{
	return app_push(app, &screen_referrals, &case_id);
}
