/* The grant of a plan or the budget of a project: approved, paid and left
 * with the currency, the planned tranches above and the payments below
 * (a reversed payment and its reversal marked). Tab moves between the two
 * lists; t plans a tranche, m moves the selected one, x cancels it, p pays
 * the selected tranche (or an unscheduled payment from the payments), r
 * reverses the selected payment after a confirmation, with its reason. */
#include <stdio.h>
#include <string.h>

#include "core/amount_group.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/reint_vocab.h"
#include "core/text.h"
#include "core/vocab.h"
#include "db/reint_money.h"
#include "screens/reint_money.h"
#include "screens/reint_payments.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/list.h"

enum { ACT_SWITCH = 1, ACT_TRANCHE, ACT_MOVE, ACT_CANCEL, ACT_PAY, ACT_REVERSE };

static const struct binding bindings[] = {
	{ ACT_SWITCH, { '\t', UI_KEYCODE(KEY_BTAB), 0, 0 }, N_("Switch"),
	  N_("Move between the planned tranches and the payments") },
	{ ACT_TRANCHE, { 't', 0, 0, 0 }, N_("Tranche"), N_("Plan a new tranche: its day and amount") },
	{ ACT_MOVE, { 'm', 0, 0, 0 }, N_("Move"), N_("Change the day or amount of the selected planned tranche") },
	{ ACT_CANCEL, { 'x', 0, 0, 0 }, N_("Cancel tranche"), N_("Cancel the selected planned tranche") },
	{ ACT_PAY, { 'p', UI_KEYCODE(KEY_F(7)), 0, 0 }, N_("Pay"),
	  N_("Record a payment: of the selected tranche, or unscheduled from the payments list") },
	{ ACT_REVERSE, { 'r', 0, 0, 0 }, N_("Reverse"),
	  N_("Reverse the selected payment for its whole amount, saying why (a payment is never changed or deleted)") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct list_column tranche_cols[] = {
	{ N_("No."), 4, false },
	{ N_("Planned day"), 12, false },
	{ N_("Amount"), 22, false },
	{ N_("Status"), 0, false },
};

static const struct list_column payment_cols[] = {
	{ N_("Day paid"), 11, false },
	{ N_("Amount"), 22, false },
	{ N_("Paid by"), 17, false },
	{ N_("Tranche"), 8, false },
	{ N_("Note"), 0, false },
};

struct payments_screen {
	struct app *app;
	struct reint_ref ref;
	struct reint_totals totals;
	struct list tranches, payments;
	bool on_payments;       /* the payments list has the keys */
	char detail[1600];
};

static void day_text(const char *iso, char *out, size_t size)
{
	struct pdate d;
	if (date_from_iso(iso, &d) == DATE_OK)
		date_format(&d, out, size);
	else
		snprintf(out, size, "%s", iso);
}

struct fill {
	struct payments_screen *s;
	struct list_row *rows;
	int n;
};

static void add_tranche(const struct reint_tranche *t, void *ctx)
{
	struct fill *f = ctx;
	struct list_row *r = &f->rows[f->n++];
	snprintf(r->cells[0], sizeof r->cells[0], "%d", t->seq);
	day_text(t->planned_date, r->cells[1], sizeof r->cells[1]);
	amount_grouped(t->amount, f->s->totals.currency, r->cells[2], sizeof r->cells[2]);
	const char *st = vocab_short(VOCAB_REINT_TRANCHE_STATUS, t->status);
	snprintf(r->cells[3], sizeof r->cells[3], "%s", st ? _(st) : "");
	r->key.id = t->id;
}

static int fetch_tranches(void *ctx, enum page_dir dir, const struct list_key *key, int limit,
                          struct list_row *rows, bool *more)
{
	struct payments_screen *s = ctx;
	struct fill f = { s, rows, 0 };
	struct reint_tranche k;
	if (key && reint_tranche_get(app_db(s->app), key->id, &k) != ST_OK)
		key = NULL;
	enum status st = reint_tranche_list(app_db(s->app), s->ref, dir, key ? &k : NULL, limit, add_tranche, &f, more);
	return st == ST_OK ? f.n : -1;
}

static void add_payment(const struct reint_payment *p, void *ctx)
{
	struct fill *f = ctx;
	struct list_row *r = &f->rows[f->n++];
	day_text(p->paid_date, r->cells[0], sizeof r->cells[0]);
	amount_grouped(p->amount, f->s->totals.currency, r->cells[1], sizeof r->cells[1]);
	const char *m = vocab_short(VOCAB_REINT_PAY_METHOD, p->method);
	snprintf(r->cells[2], sizeof r->cells[2], "%s", m ? _(m) : "");
	if (p->tranche_seq)
		snprintf(r->cells[3], sizeof r->cells[3], "%d", p->tranche_seq);
	if (p->reverses_id)
		snprintf(r->cells[4], sizeof r->cells[4], "%s", _("REVERSAL"));
	else if (p->reversed_by)
		snprintf(r->cells[4], sizeof r->cells[4], "%s", _("reversed"));
	snprintf(r->key.text, sizeof r->key.text, "%s", p->paid_date);
	r->key.id = p->id;
}

static int fetch_payments(void *ctx, enum page_dir dir, const struct list_key *key, int limit,
                          struct list_row *rows, bool *more)
{
	struct payments_screen *s = ctx;
	struct fill f = { s, rows, 0 };
	struct reint_payment k;
	memset(&k, 0, sizeof k);
	if (key) {
		snprintf(k.paid_date, sizeof k.paid_date, "%.10s", key->text);
		k.id = key->id;
	}
	enum status st = reint_payment_list(app_db(s->app), s->ref, dir, key ? &k : NULL, limit, add_payment, &f, more);
	return st == ST_OK ? f.n : -1;
}

static enum status payments_enter(struct app *app, void *state, const void *arg)
{
	struct payments_screen *s = state;
	s->app = app;
	s->ref = *(const struct reint_ref *)arg;
	enum status st = reint_money_totals(app_db(app), s->ref, &s->totals);
	if (st != ST_OK)
		return st;
	list_init(&s->tranches, tranche_cols, 4, fetch_tranches, s);
	list_init(&s->payments, payment_cols, 5, fetch_payments, s);
	return ST_OK;
}

static enum ui_result payments_input(struct app *app, void *state, int key)
{
	(void)app;
	struct payments_screen *s = state;
	return list_key(s->on_payments ? &s->payments : &s->tranches, key) ? UI_HANDLED : UI_IGNORED;
}

static bool allowed(struct app *app)
{
	if (perm_allows((int)app_user(app)->role, PERM_REINTEGRATION_WRITE))
		return true;
	app_error(app, _(status_msgid(ST_DENIED)));
	return false;
}

/* The selected tranche when the tranches have the keys, else NULL (said). */
static bool selected_tranche(struct payments_screen *s, struct reint_tranche *t)
{
	const struct list_row *row = s->on_payments ? NULL : list_current(&s->tranches);
	if (!row || reint_tranche_get(app_db(s->app), row->key.id, t) != ST_OK) {
		app_error(s->app, _("Select a tranche first (Tab moves to the tranches)."));
		return false;
	}
	return true;
}

static enum ui_result payments_action(struct app *app, void *state, int action)
{
	struct payments_screen *s = state;
	struct reint_tranche t;
	const struct list_row *row;
	switch (action) {
	case ACT_SWITCH:
		s->on_payments = !s->on_payments;
		return UI_HANDLED;
	case ACT_TRANCHE:
		if (allowed(app))
			reint_tranche_form_open(app, s->ref, 0);
		return UI_HANDLED;
	case ACT_MOVE:
		if (allowed(app) && selected_tranche(s, &t))
			reint_tranche_form_open(app, s->ref, t.id);
		return UI_HANDLED;
	case ACT_CANCEL:
		if (allowed(app) && selected_tranche(s, &t) && app_confirm(app, _("Cancel this planned tranche?"))) {
			const char *why = NULL;
			enum status st = reint_tranche_cancel(app_db(app), t.id, &t.version, &why);
			if (st == ST_OK)
				app_message(app, _("Tranche cancelled."));
			else
				app_error(app, _(why ? why : status_msgid(st)));
			list_refresh(&s->tranches);
		}
		return UI_HANDLED;
	case ACT_PAY:
		if (!allowed(app))
			return UI_HANDLED;
		row = s->on_payments ? NULL : list_current(&s->tranches);
		reint_pay_form_open(app, s->ref, row ? row->key.id : 0);
		return UI_HANDLED;
	case ACT_REVERSE:
		row = s->on_payments ? list_current(&s->payments) : NULL;
		if (!row) {
			app_error(app, _("Select a payment first (Tab moves to the payments)."));
			return UI_HANDLED;
		}
		if (allowed(app) && app_confirm(app, _("Reverse this payment for its whole amount?")))
			reint_reverse_form_open(app, row->key.id);
		return UI_HANDLED;
	default: return UI_IGNORED;
	}
}

static void payments_resume(struct app *app, void *state)
{
	struct payments_screen *s = state;
	reint_money_totals(app_db(app), s->ref, &s->totals);
	list_refresh(&s->tranches);
	list_refresh(&s->payments);
}

/* The selected payment whole: receipt, who verified and recorded it, the
 * reason of a reversal. */
static void payment_detail(struct payments_screen *s, long long id)
{
	struct reint_payment p;
	s->detail[0] = '\0';
	if (reint_payment_get(app_db(s->app), id, &p) != ST_OK)
		return;
	char day[16] = "";
	size_t len;
	if (p.receipt_ref[0])
		snprintf(s->detail, sizeof s->detail, _("Receipt %s"), p.receipt_ref);
	if (p.verified_by[0]) {
		len = strlen(s->detail);
		snprintf(s->detail + len, sizeof s->detail - len, "%s%s %s", len ? " · " : "", _("verified by"),
		         p.verified_by);
	}
	if (p.recorded_by[0]) {
		len = strlen(s->detail);
		snprintf(s->detail + len, sizeof s->detail - len, "%s%s %s", len ? " · " : "", _("recorded by"),
		         p.recorded_by);
	}
	struct reint_payment other;
	if (p.reverses_id && reint_payment_get(app_db(s->app), p.reverses_id, &other) == ST_OK) {
		day_text(other.paid_date, day, sizeof day);
		len = strlen(s->detail);
		snprintf(s->detail + len, sizeof s->detail - len, "%s", len ? " · " : "");
		len = strlen(s->detail);
		snprintf(s->detail + len, sizeof s->detail - len, _("reverses the payment of %s: %s"), day, p.reason);
	} else if (p.reversed_by && reint_payment_get(app_db(s->app), p.reversed_by, &other) == ST_OK) {
		day_text(other.paid_date, day, sizeof day);
		len = strlen(s->detail);
		snprintf(s->detail + len, sizeof s->detail - len, "%s", len ? " · " : "");
		len = strlen(s->detail);
		snprintf(s->detail + len, sizeof s->detail - len, _("reversed on %s: %s"), day, other.reason);
	}
}

static void payments_draw(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct payments_screen *s = state;
	int cols = getmaxx(win), rows = getmaxy(win);
	char line[1200], a[48], p[48], l[48], pl[48];
	const char *status = vocab_short(s->ref.kind == REINT_PLAN ? VOCAB_REINT_PLAN_STATUS : VOCAB_REINT_PROJECT_STATUS,
	                                 s->totals.status);
	snprintf(line, sizeof line, s->ref.kind == REINT_PLAN ? _("Grant of %s · plan %s") : _("Budget of %s · %s"),
	         s->totals.name, status ? _(status) : "");
	ui_put(win, 0, 2, cols - 4, A_BOLD, line);
	amount_grouped(s->totals.approved, s->totals.currency, a, sizeof a);
	amount_grouped(s->totals.paid, s->totals.currency, p, sizeof p);
	amount_grouped(s->totals.left, s->totals.currency, l, sizeof l);
	amount_grouped(s->totals.planned, s->totals.currency, pl, sizeof pl);
	if (s->totals.approved_set)
		snprintf(line, sizeof line, _("Approved %s / paid %s / left %s"), a, p, l);
	else
		snprintf(line, sizeof line, "%s", _("Not approved yet: nothing can be planned or paid."));
	ui_put_wrapped(win, 1, 2, cols - 4, 2, 0, line);
	int top_rows = (rows - 9) / 2;
	snprintf(line, sizeof line, _("%s Planned tranches (still planned %s)"), s->on_payments ? " " : ">", pl);
	ui_put(win, 3, 2, cols - 4, s->on_payments ? 0 : A_BOLD, line);
	list_draw(&s->tranches, win, 4, top_rows);
	int y = 4 + top_rows;
	ui_put(win, y, 2, cols - 4, s->on_payments ? A_BOLD : 0, s->on_payments ? _("> Payments (Tab: tranches)")
	                                                                        : _("  Payments (Tab: payments)"));
	list_draw(&s->payments, win, y + 1, rows - y - 4);
	const struct list_row *row = s->on_payments ? list_current(&s->payments) : NULL;
	if (row) {
		payment_detail(s, row->key.id);
		ui_put_wrapped(win, rows - 3, 2, cols - 4, 3, 0, s->detail);
	} else if (list_empty(&s->tranches) && list_empty(&s->payments)) {
		ui_put(win, rows - 3, 2, cols - 4, 0, _("No tranche or payment yet: t plans a tranche, p records a payment."));
	}
}

static const struct screen screen_payments = {
	.name = "reint_payments",
	.title = N_("Grant payments"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_REINTEGRATION_READ),
	.state_size = sizeof(struct payments_screen),
	.bindings = bindings,
	.enter = payments_enter,
	.draw = payments_draw,
	.input = payments_input,
	.action = payments_action,
	.resume = payments_resume,
};

enum status reint_payments_open(struct app *app, struct reint_ref ref)
{
	return app_push(app, &screen_payments, &ref);
}
