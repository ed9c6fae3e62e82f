/* The small forms of a grant or budget: plan or move a tranche (day and
 * amount), record a payment (of a tranche or unscheduled: day paid,
 * amount, how, receipt reference, who verified it) and reverse a payment
 * (the reason). The data layer's checks decide; their message shows
 * beside the field they are about. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/amount_group.h"
#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/reint_vocab.h"
#include "db/reint_money.h"
#include "screens/reint_money.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/vocab_choices.h"

enum mode { MODE_TRANCHE, MODE_PAY, MODE_REVERSE };
enum { F_DATE, F_AMOUNT, F_METHOD, F_RECEIPT, F_VERIFIED, F_COUNT };

static const struct binding bindings[] = {
	{ ACT_SUBMIT, { UI_KEYCODE(KEY_F(2)), UI_CTRL('S'), 0, 0 }, N_("Save"), N_("Save (Enter on the last field too)") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct field_def tranche_defs[] = {
	{ .label = N_("Planned day"), .type = FIELD_DATE, .required = true, .full_date = true, .name = "date" },
	{ .label = N_("Amount"), .type = FIELD_NUMBER, .required = true, .min = 1, .max = REINT_AMOUNT_MAX,
	  .name = "amount" },
};

static const struct field_def pay_templates[F_COUNT] = {
	[F_DATE] = { .label = N_("Day paid"), .type = FIELD_DATE, .required = true, .full_date = true, .past_only = true,
	             .name = "paid_date" },
	[F_AMOUNT] = { .label = N_("Amount"), .type = FIELD_NUMBER, .required = true, .min = 1, .max = REINT_AMOUNT_MAX,
	               .name = "amount" },
	[F_METHOD] = { .label = N_("Paid by"), .type = FIELD_CHOICE, .required = true, .labels_are_msgids = true,
	               .name = "method" },
	[F_RECEIPT] = { .label = N_("Receipt reference"), .type = FIELD_TEXT, .maxlen = 40, .name = "receipt_ref" },
	[F_VERIFIED] = { .label = N_("Verified by"), .type = FIELD_TEXT, .maxlen = 80, .name = "verified_by" },
};

static const struct field_def reverse_defs[] = {
	{ .label = N_("Reason"), .type = FIELD_TEXT, .required = true, .maxlen = 200, .name = "reason" },
};

struct open_arg {
	enum mode mode;
	struct reint_ref ref;
	long long id;          /* the tranche (moved or paid) or the payment reversed */
};

struct pay_form {
	struct open_arg arg;
	struct reint_totals totals;
	struct reint_tranche tranche;
	struct reint_payment payment;
	struct field_def defs[F_COUNT];
	struct form form;
};

static enum status form_enter(struct app *app, void *state, const void *arg)
{
	struct pay_form *f = state;
	f->arg = *(const struct open_arg *)arg;
	struct db *db = app_db(app);
	enum status st = ST_OK;
	char v[32];
	if (f->arg.mode == MODE_REVERSE) {
		if ((st = reint_payment_get(db, f->arg.id, &f->payment)) != ST_OK ||
		    (st = reint_money_totals(db, f->payment.owner, &f->totals)) != ST_OK)
			return st;
		form_init(&f->form, reverse_defs, 1);
		return ST_OK;
	}
	if ((st = reint_money_totals(db, f->arg.ref, &f->totals)) != ST_OK)
		return st;
	if (f->arg.id && (st = reint_tranche_get(db, f->arg.id, &f->tranche)) != ST_OK)
		return st;
	if (f->arg.mode == MODE_TRANCHE) {
		form_init(&f->form, tranche_defs, 2);
		if (f->arg.id) {
			form_set(&f->form, 0, f->tranche.planned_date);
			snprintf(v, sizeof v, "%lld", f->tranche.amount);
			form_set(&f->form, 1, v);
		}
		return ST_OK;
	}
	memcpy(f->defs, pay_templates, sizeof f->defs);
	f->defs[F_METHOD].choices = vocab_choices(VOCAB_REINT_PAY_METHOD, false, &f->defs[F_METHOD].nchoices);
	form_init(&f->form, f->defs, F_COUNT);
	char today[11];
	clock_today_iso(today, sizeof today);
	form_set(&f->form, F_DATE, today);
	long long amount = f->arg.id ? f->tranche.amount : 0;
	if (amount) {
		snprintf(v, sizeof v, "%lld", amount);
		form_set(&f->form, F_AMOUNT, v);
	}
	return ST_OK;
}

static void day_text(const char *iso, char *out, size_t size)
{
	struct pdate d;
	if (date_from_iso(iso, &d) == DATE_OK)
		date_format(&d, out, size);
	else
		snprintf(out, size, "%s", iso);
}

static long long get_num(const struct form *form, int i)
{
	char v[32];
	form_get(form, i, v, sizeof v);
	return v[0] ? strtoll(v, NULL, 10) : 0;
}

/* Shows why beside field name (among names[0..n)) and says it. */
static enum ui_result refused(struct app *app, struct pay_form *f, enum status st, const char *why, const char *field)
{
	for (int i = 0; field && i < f->form.n; i++)
		if (f->form.fields[i].def->name && strcmp(f->form.fields[i].def->name, field) == 0) {
			f->form.fields[i].error = why;
			f->form.cur = i;
		}
	if (st == ST_CONFLICT)
		app_error(app, _("Someone else changed this meanwhile: open it again."));
	else
		app_error(app, _(why ? why : status_msgid(st)));
	return UI_HANDLED;
}

static enum ui_result form_submit(struct app *app, void *state)
{
	struct pay_form *f = state;
	struct db *db = app_db(app);
	if (!form_validate(&f->form)) {
		app_error(app, _("Some fields need attention."));
		return UI_HANDLED;
	}
	const char *why = NULL, *field = NULL;
	enum status st;
	long long id = 0;
	if (f->arg.mode == MODE_TRANCHE) {
		char date[11];
		form_get(&f->form, 0, date, sizeof date);
		long long amount = get_num(&f->form, 1);
		int version = f->tranche.version;
		st = f->arg.id ? reint_tranche_change(db, f->arg.id, &version, date, amount, &why, &field)
		               : reint_tranche_add(db, f->arg.ref, date, amount, &id, &why, &field);
	} else if (f->arg.mode == MODE_PAY) {
		struct reint_pay p;
		memset(&p, 0, sizeof p);
		p.tranche_id = f->arg.id;
		form_get(&f->form, F_DATE, p.paid_date, sizeof p.paid_date);
		p.amount = get_num(&f->form, F_AMOUNT);
		form_get(&f->form, F_METHOD, p.method, sizeof p.method);
		form_get(&f->form, F_RECEIPT, p.receipt_ref, sizeof p.receipt_ref);
		form_get(&f->form, F_VERIFIED, p.verified_by, sizeof p.verified_by);
		st = reint_pay_check(db, f->arg.ref, &p, &why, &field);
		if (st == ST_OK)
			st = reint_pay(db, f->arg.ref, &p, &id, &why, &field);
	} else {
		char reason[FORM_VALUE_MAX];
		form_get(&f->form, 0, reason, sizeof reason);
		st = reint_payment_reverse(db, f->arg.id, reason, &id, &why, &field);
	}
	if (st != ST_OK)
		return refused(app, f, st, why, field);
	f->form.changed = false;
	app_message(app, f->arg.mode == MODE_PAY ? _("Payment recorded.")
	                 : f->arg.mode == MODE_REVERSE ? _("Payment reversed.") : _("Tranche saved."));
	return UI_LEAVE;
}

static void form_draw_cb(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct pay_form *f = state;
	char line[400], a[48];
	int cols = getmaxx(win);
	if (f->arg.mode == MODE_REVERSE) {
		char day[16];
		amount_grouped(f->payment.amount, f->totals.currency, a, sizeof a);
		day_text(f->payment.paid_date, day, sizeof day);
		snprintf(line, sizeof line, _("Reverse the payment of %s paid on %s, for its whole amount"), a, day);
	} else {
		char b[48];
		amount_grouped(f->totals.left, f->totals.currency, a, sizeof a);
		amount_grouped(f->totals.approved, f->totals.currency, b, sizeof b);
		if (f->arg.mode == MODE_PAY && f->arg.id)
			snprintf(line, sizeof line, _("Pay tranche %d · left %s of %s"), f->tranche.seq, a, b);
		else if (f->arg.mode == MODE_PAY)
			snprintf(line, sizeof line, _("Unscheduled payment · left %s of %s"), a, b);
		else if (f->arg.id)
			snprintf(line, sizeof line, _("Move tranche %d · left %s of %s"), f->tranche.seq, a, b);
		else
			snprintf(line, sizeof line, _("New tranche · left %s of %s"), a, b);
	}
	int used = ui_put_wrapped(win, 1, 2, cols - 4, 2, A_BOLD, line);
	form_draw(&f->form, win, 1 + (used > 0 ? used : 1) + 1, getmaxy(win) - 3);
}

static struct form *form_of(void *state)
{
	return &((struct pay_form *)state)->form;
}

static const struct screen screen_pay_form = {
	.name = "reint_pay_form",
	.title = N_("Grant payments"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_REINTEGRATION_WRITE),
	.state_size = sizeof(struct pay_form),
	.bindings = bindings,
	.enter = form_enter,
	.draw = form_draw_cb,
	.form = form_of,
	.submit = form_submit,
};

enum status reint_tranche_form_open(struct app *app, struct reint_ref ref, long long tranche_id)
{
	struct open_arg a = { MODE_TRANCHE, ref, tranche_id };
	return app_push(app, &screen_pay_form, &a);
}

enum status reint_pay_form_open(struct app *app, struct reint_ref ref, long long tranche_id)
{
	struct open_arg a = { MODE_PAY, ref, tranche_id };
	return app_push(app, &screen_pay_form, &a);
}

enum status reint_reverse_form_open(struct app *app, long long payment_id)
{
	struct open_arg a = { MODE_REVERSE, { REINT_PLAN, 0 }, payment_id };
	return app_push(app, &screen_pay_form, &a);
}
