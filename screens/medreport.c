/* Medical figures of the user's centre: the register of one day's
 * consultations, and the counts of one month by reason, sex and age group
 * (boys, girls, men, women), with the medical cases opened. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/casenum.h"
#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/vocab.h"
#include "core/perm.h"
#include "core/text.h"
#include "db/medical.h"
#include "screens/medical.h"
#include "screens/screens.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/list.h"

enum { F_DAY, F_MONTH, F_COUNT };

static const struct binding bindings[] = {
	{ 1, { '\n', UI_KEYCODE(KEY_F(5)), 0, 0 }, N_("Show"),
	  N_("Enter on the day shows its register; on the month, its counts") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct field_def fields[F_COUNT] = {
	[F_DAY] = { .label = N_("Register of the day"), .type = FIELD_DATE, .past_only = true, .full_date = true },
	[F_MONTH] = { .label = N_("Counts of the month"), .type = FIELD_MONTH, .past_only = true },
};

static const struct list_column columns[] = {
	{ N_("Time"), 5, false },
	{ N_("Case number"), 14, false },
	{ N_("Name"), 18, true },
	{ N_("Sex"), 3, false },
	{ N_("Age"), 4, false },
	{ N_("Reason"), 22, false },   /* "Infection respiratoire" whole */
	{ N_("Account"), 0, false },
};

struct medreport {
	struct app *app;
	struct form form;
	bool counts_shown, register_shown;
	char day[11];                 /* of the register shown */
	struct list list;             /* the register, a page at a time */
	enum status read;             /* how the register's last page was read */
	struct monthly_counts counts;
};

struct fill {
	struct list_row *rows;
	int n;
};

/* Copies a register line into the next row of the page. */
static void add_line(const struct register_line *r, void *ctx)
{
	struct fill *f = ctx;
	struct list_row *row = &f->rows[f->n++];
	row->key.id = r->id;
	snprintf(row->cells[0], sizeof row->cells[0], "%s", r->time_of_entry);
	if (!casenum_display(r->case_key, row->cells[1], sizeof row->cells[1]))
		snprintf(row->cells[1], sizeof row->cells[1], "%s", r->case_key);
	text_fit(r->name, LIST_CELL - 1, row->cells[2], sizeof row->cells[2]);
	snprintf(row->cells[3], sizeof row->cells[3], "%s", r->sex == 'f' ? _("F") : r->sex == 'm' ? _("M") : "?");
	snprintf(row->cells[4], sizeof row->cells[4], "%s", r->age);
	const char *reason = vocab_label(VOCAB_CONSULT_REASON, r->reason);
	reason = reason ? _(reason) : r->reason;
	text_fit(reason, LIST_CELL - 1, row->cells[5], sizeof row->cells[5]);
	snprintf(row->cells[6], sizeof row->cells[6], "%s", r->clinician);
}

/* The register's source: the day's consultations by entry, by key. */
static int fetch(void *ctx, enum page_dir dir, const struct list_key *key, int limit, struct list_row *rows,
                 bool *more)
{
	struct medreport *s = ctx;
	struct fill f = { rows, 0 };
	s->read = register_page(app_db(s->app), app_user(s->app)->centre_code, s->day, dir,
	                        key ? key->id : 0, limit, add_line, &f, more);
	return s->read == ST_OK ? f.n : -1;
}

static enum status medreport_enter(struct app *app, void *state, const void *arg)
{
	(void)arg;
	struct medreport *s = state;
	s->app = app;
	form_init(&s->form, fields, F_COUNT);
	list_init(&s->list, columns, 7, fetch, s);
	char today[11], month[8];
	struct pdate t = clock_today();
	date_to_iso(&t, today, sizeof today);
	snprintf(month, sizeof month, "%.7s", today);
	form_set(&s->form, F_DAY, today);
	form_set(&s->form, F_MONTH, month);
	s->form.changed = false;
	return ST_OK;
}

/* Reads the register or the counts asked for. */
static enum ui_result show(struct app *app, struct medreport *s)
{
	char v[16];
	enum status st;
	/* What was typed is checked first: a month out of range says the range. */
	if (form_check_field(&s->form, s->form.cur))
		return UI_HANDLED;
	if (s->form.cur == F_DAY) {
		form_get(&s->form, F_DAY, v, sizeof v);   /* a whole day: .full_date */
		memcpy(s->day, v, sizeof s->day);   /* 10 characters and the NUL */
		list_reload(&s->list);
		list_current(&s->list);   /* reads the first page */
		st = s->read;
		s->register_shown = st == ST_OK;
		s->counts_shown = false;
	} else {
		form_get(&s->form, F_MONTH, v, sizeof v);
		if (strlen(v) != 7) {
			s->form.fields[F_MONTH].error = N_("Give a month: MM/YYYY.");
			return UI_HANDLED;
		}
		st = monthly_counts(app_db(app), app_user(app)->centre_code, v, &s->counts);
		s->counts_shown = st == ST_OK;
		s->register_shown = false;
	}
	if (st != ST_OK)
		app_error(app, _(status_msgid(st)));
	return UI_HANDLED;
}

static enum ui_result medreport_input(struct app *app, void *state, int key)
{
	struct medreport *s = state;
	if (key == '\n' || key == UI_KEYCODE(KEY_F(5)))
		return show(app, s);
	if (s->register_shown && list_key(&s->list, key))
		return UI_HANDLED;
	enum form_result r = form_key(&s->form, key);
	return r == FORM_IGNORED ? UI_IGNORED : UI_HANDLED;
}

/* The counts table: a row per reason, a column per group. */
static void draw_counts(struct medreport *s, WINDOW *win, int y)
{
	int cols = getmaxx(win);
	char line[200];
	/* Headers padded by display width: "Garç." is five columns, six bytes. */
	const char *heads[] = { _("Reason"), _("Boys"), _("Girls"), _("Men"), _("Women"), "?", _("Total") };
	const int widths[] = { 24, 7, 7, 7, 7, 7, 8 };
	line[0] = '\0';
	for (int i = 0; i < 7; i++) {
		char cell[64];
		text_fit(heads[i], widths[i] - 1, cell, sizeof cell);
		int pad = widths[i] - text_width(cell);
		size_t len = strlen(line);
		if (i == 0)
			snprintf(line + len, sizeof line - len, "%s%*s", cell, pad, "");
		else
			snprintf(line + len, sizeof line - len, "%*s%s", pad, "", cell);
	}
	ui_put(win, y++, 1, cols - 2, A_BOLD | A_UNDERLINE, line);
	for (int r = 0; r < REASON_COUNT_ && y < getmaxy(win) - 1; r++) {
		const long *c = s->counts.consultations[r];
		char label[64];
		text_fit(_(med_reason_label((enum med_reason)r)), 24, label, sizeof label);
		int pad = 24 - text_width(label);
		snprintf(line, sizeof line, "%s%*s%7ld%7ld%7ld%7ld%7ld%8ld", label, pad > 0 ? pad : 0, "",
		         c[GROUP_BOYS], c[GROUP_GIRLS], c[GROUP_MEN], c[GROUP_WOMEN], c[GROUP_UNKNOWN],
		         c[0] + c[1] + c[2] + c[3] + c[4]);
		ui_put(win, y++, 1, cols - 2, 0, line);
	}
	snprintf(line, sizeof line, _("Consultations: %ld   Medical cases opened: %ld"),
	         s->counts.consultations_total, s->counts.cases_total);
	ui_put(win, y++, 1, cols - 2, A_BOLD, line);
	snprintf(line, sizeof line, _("Of whom community members: %ld consultations, %ld cases"),
	         s->counts.consultations_community, s->counts.cases_community);
	ui_put_wrapped(win, y, 1, cols - 2, 2, 0, line);
}

static void medreport_draw(struct app *app, void *state, WINDOW *win)
{
	struct medreport *s = state;
	int cols = getmaxx(win);
	char line[300];
	snprintf(line, sizeof line, _("Medical figures of %s"), app_user(app)->centre_code);
	ui_put(win, 0, 2, cols - 4, A_BOLD, line);
	form_draw(&s->form, win, 1, F_COUNT + 2);
	int y = F_COUNT + 4;
	if (s->counts_shown) {
		draw_counts(s, win, y);
	} else if (s->register_shown) {
		if (list_empty(&s->list))
			ui_put(win, y, 1, cols - 2, 0, _("No consultation that day."));
		else
			list_draw(&s->list, win, y, getmaxy(win) - y);
	}
}

static bool medreport_typing(struct app *app, void *state)
{
	(void)app;
	return form_typing(&((struct medreport *)state)->form);
}

static const struct screen screen_medreport = {
	.name = "medreport",
	.title = N_("Medical register and counts"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_MEDICAL_READ) | PERM_BIT(PERM_REPORTS),
	.state_size = sizeof(struct medreport),
	.bindings = bindings,
	.enter = medreport_enter,
	.draw = medreport_draw,
	.input = medreport_input,
	.typing = medreport_typing,
};

enum status medreport_open(struct app *app)
{
	return app_push(app, &screen_medreport, NULL);
}
