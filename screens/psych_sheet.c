/* The attendance sheet of a psychosocial session: shows its heading, asks
 * for a format (CSV, or a text sheet laid out to print) and a file name,
 * never overwrites a file without asking, and writes it readable by its
 * owner only (it holds names). The data layer audits the export. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/date.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/psych_vocab.h"
#include "db/psych_sheet.h"
#include "screens/psych_sheet.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/lang.h"

enum { F_FORMAT, F_FILE, F_COUNT };

static const struct binding bindings[] = {
	{ ACT_SUBMIT, { UI_KEYCODE(KEY_F(2)), UI_CTRL('S'), 0, 0 }, N_("Write"),
	  N_("Write the sheet to the file (Enter on the last field too); an existing file is replaced only "
	     "after you confirm") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct choice formats[] = {
	{ "csv", N_("CSV for a spreadsheet"), NULL },
	{ "text", N_("Text sheet to print"), NULL },
};

static const struct field_def fields[F_COUNT] = {
	[F_FORMAT] = { .label = N_("Format"), .type = FIELD_CHOICE, .required = true, .choices = formats,
	               .nchoices = 2, .labels_are_msgids = true },
	[F_FILE] = { .label = N_("File"), .type = FIELD_TEXT, .required = true, .maxlen = 240 },
};

struct sheet_screen {
	long long id;
	struct psych_sheet_head head;
	long rows;
	struct form form;
	char dir[200];               /* where the default file goes */
	char defaults[2][400];       /* the default path for each format */
	int format_seen;             /* the format the file name was last defaulted for */
};

static void count_row(const struct psych_sheet_row *r, void *ctx)
{
	(void)r;
	(*(long *)ctx)++;
}

/* The user's home folder when there is one, else the current folder. */
static void default_dir(char *out, size_t size)
{
	const char *home = getenv("HOME");
	struct stat st;
	if (home && *home && strlen(home) < size - 1 && stat(home, &st) == 0 && S_ISDIR(st.st_mode))
		snprintf(out, size, "%s/", home);
	else
		out[0] = '\0';
}

static enum status sheet_enter(struct app *app, void *state, const void *arg)
{
	struct sheet_screen *s = state;
	s->id = *(const long long *)arg;
	enum status st = psych_sheet_read(app_db(app), s->id, lang_get(), &s->head, count_row, &s->rows);
	if (st != ST_OK)
		return st;
	default_dir(s->dir, sizeof s->dir);
	for (int f = 0; f < 2; f++) {
		char name[200];
		st = psych_sheet_file_name(app_db(app), s->id, f == 0 ? PSYCH_SHEET_CSV : PSYCH_SHEET_TEXT, name,
		                           sizeof name);
		if (st != ST_OK)
			return st;
		snprintf(s->defaults[f], sizeof s->defaults[f], "%s%s", s->dir, name);
	}
	form_init(&s->form, fields, F_COUNT);
	form_set(&s->form, F_FORMAT, "csv");
	form_set(&s->form, F_FILE, s->defaults[0]);
	s->form.changed = false;
	return ST_OK;
}

/* Opens path for writing, mode 0600 (also when it existed); NULL with
 * errno set when it cannot. The caller confirmed replacing it. */
static FILE *open_private(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0)
		return NULL;
	if (fchmod(fd, 0600) != 0) {
		int e = errno;
		close(fd);
		errno = e;
		return NULL;
	}
	FILE *f = fdopen(fd, "w");
	if (!f) {
		int e = errno;
		close(fd);
		errno = e;
	}
	return f;
}

static enum ui_result sheet_submit(struct app *app, void *state)
{
	struct sheet_screen *s = state;
	if (!form_validate(&s->form)) {
		app_error(app, _("Some fields need attention."));
		return UI_HANDLED;
	}
	char format[8], path[FORM_VALUE_MAX];
	form_get(&s->form, F_FORMAT, format, sizeof format);
	form_get(&s->form, F_FILE, path, sizeof path);
	struct stat st;
	if (stat(path, &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			s->form.fields[F_FILE].error = N_("This is a folder: give a file name.");
			s->form.cur = F_FILE;
			return UI_HANDLED;
		}
		if (!app_confirm(app, _("This file exists. Replace it?"))) {
			app_message(app, _("Nothing written."));
			return UI_HANDLED;
		}
	}
	FILE *out = open_private(path);
	if (!out) {
		char msg[512];
		snprintf(msg, sizeof msg, _("Cannot write the file: %s"), strerror(errno));
		app_error(app, msg);
		return UI_HANDLED;
	}
	enum psych_sheet_format f = strcmp(format, "text") == 0 ? PSYCH_SHEET_TEXT : PSYCH_SHEET_CSV;
	enum status rc = psych_sheet_export(app_db(app), s->id, lang_get(), f, out);
	if (fclose(out) != 0 && rc == ST_OK)
		rc = ST_IO;
	if (rc != ST_OK) {
		app_error(app, _(status_msgid(rc)));
		return UI_HANDLED;
	}
	char msg[600];
	snprintf(msg, sizeof msg, _("Sheet written: %s"), path);
	app_message(app, msg);
	s->form.changed = false;
	return UI_LEAVE;
}

/* Follows the format with the default file name, unless one was typed. */
static void follow_format(struct sheet_screen *s)
{
	char format[8], path[FORM_VALUE_MAX];
	form_get(&s->form, F_FORMAT, format, sizeof format);
	int now = strcmp(format, "text") == 0;
	if (now == s->format_seen)
		return;
	form_get(&s->form, F_FILE, path, sizeof path);
	if (strcmp(path, s->defaults[s->format_seen]) == 0)
		form_set(&s->form, F_FILE, s->defaults[now]);
	s->format_seen = now;
}

static void sheet_draw(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct sheet_screen *s = state;
	int cols = getmaxx(win);
	const struct psych_sheet_head *h = &s->head;
	char line[1200], day[32] = "";
	struct pdate d;
	follow_format(s);
	if (date_from_iso(h->date, &d) == DATE_OK)
		date_format(&d, day, sizeof day);
	const char *status = vocab_label(VOCAB_PSYCH_STATUS, h->status);
	snprintf(line, sizeof line, "%s, %s%s%s - %s (%s)", h->activity, day, h->start_time[0] ? " " : "", h->start_time,
	         h->centre, status ? _(status) : "");
	int y = 1 + ui_put_wrapped(win, 1, 2, cols - 4, 3, A_BOLD, line);
	if (h->title[0])
		y += ui_put_wrapped(win, y, 2, cols - 4, 2, 0, h->title);
	if (strcmp(h->roll, "count") == 0)
		snprintf(line, sizeof line, "%s", _("Head count: no names on this sheet, only the counts."));
	else
		snprintf(line, sizeof line, _("People marked: %ld"), s->rows);
	ui_put(win, y++, 2, cols - 4, 0, line);
	y++;
	form_draw(&s->form, win, y, F_COUNT + 2);   /* the fields, a blank row, the message row */
	y += F_COUNT + 3;
	ui_put_wrapped(win, y, 2, cols - 4, 4, 0,
	               _("The sheet holds names: it is written readable by you only. Keep it safe and delete it "
	                 "when it is no longer needed. The export is recorded in the audit trail."));
}

static struct form *sheet_form(void *state)
{
	return &((struct sheet_screen *)state)->form;
}

static const struct screen screen_psych_sheet = {
	.name = "psych_sheet",
	.title = N_("Attendance sheet"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_PSYCH_READ),
	.state_size = sizeof(struct sheet_screen),
	.bindings = bindings,
	.enter = sheet_enter,
	.draw = sheet_draw,
	.form = sheet_form,
	.submit = sheet_submit,
};

enum status psych_sheet_open(struct app *app, long long session_id)
{
	return app_push(app, &screen_psych_sheet, &session_id);
}
