/* Exporting the table shown: a file name (in the home folder by default,
 * named for the table, period and centre), the format, the encoding and
 * whether small numbers are hidden (1 to 4, for partners). Written to a
 * temporary file renamed into place: the file is whole or not there. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/perm.h"
#include "core/report_out.h"
#include "db/export_people.h"
#include "db/refdata.h"
#include "db/report.h"
#include "report_private.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/lang.h"

#define PATH_CHARS 240

enum { F_FILE, F_FORMAT, F_ENCODING, F_SUPPRESS, F_COUNT };

static const struct binding bindings[] = {
	{ ACT_SUBMIT, { UI_KEYCODE(KEY_F(2)), UI_CTRL('S'), 0, 0 }, N_("Write"),
	  N_("Write the file (Enter on the last field too); an existing file is replaced only when you say so") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct choice formats[] = {
	{ "csv", N_("CSV (spreadsheet)"), NULL },
	{ "hxl", N_("CSV with HXL hashtags"), NULL },
	{ "text", N_("Text"), NULL },
};

static const struct choice encodings[] = {
	{ "utf-8", N_("UTF-8"), NULL },
	{ "utf-8-bom", N_("UTF-8 with a byte-order mark (Excel)"), NULL },
	{ "windows-1252", N_("Windows-1252 (older software)"), NULL },
};

static const struct field_def field_defs[F_COUNT] = {
	[F_FILE] = { .label = N_("File"), .type = FIELD_TEXT, .required = true, .maxlen = PATH_CHARS },
	[F_FORMAT] = { .label = N_("Format"), .type = FIELD_CHOICE, .required = true, .choices = formats,
	               .nchoices = 3, .labels_are_msgids = true },
	[F_ENCODING] = { .label = N_("Encoding"), .type = FIELD_CHOICE, .required = true, .choices = encodings,
	                 .nchoices = 3, .labels_are_msgids = true },
	[F_SUPPRESS] = { .label = N_("Hide small counts"), .type = FIELD_YESNO, .required = true },
};

struct export_form {
	const struct report_view *view;
	struct form form;
	char dir[PATH_CHARS];     /* where the default name goes: home, or "" the current folder */
	char base[160];           /* the default name without its extension */
};

/* "protection-2018-AGZ": the table, period and centre, safe as a name. */
static void default_base(const struct report_view *v, char *out, size_t size)
{
	const struct report_result *r = v->result;
	char name[160];
	snprintf(name, sizeof name, "%s-%s-%s", r->def->name, r->period.text, r->centre[0] ? r->centre : "all");
	for (char *c = name; *c; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') || *c == '-'))
			*c = *c == '.' ? '_' : '-';
	snprintf(out, size, "%s", name);
}

static const char *extension(const char *format)
{
	return strcmp(format, "text") == 0 ? "txt" : "csv";
}

/* The default file name for format into out. */
static void default_path(const struct export_form *f, const char *format, char *out, size_t size)
{
	snprintf(out, size, "%s%s%s.%s", f->dir, f->dir[0] ? "/" : "", f->base, extension(format));
}

static enum status export_enter(struct app *app, void *state, const void *arg)
{
	(void)app;
	struct export_form *f = state;
	f->view = arg;
	const char *home = getenv("HOME");
	struct stat st;
	if (home && *home && strlen(home) < PATH_CHARS - 80 && stat(home, &st) == 0 && S_ISDIR(st.st_mode))
		snprintf(f->dir, sizeof f->dir, "%s", home);
	default_base(f->view, f->base, sizeof f->base);
	form_init(&f->form, field_defs, F_COUNT);
	char path[PATH_CHARS * 2 + 16];
	default_path(f, "csv", path, sizeof path);
	form_set(&f->form, F_FILE, path);
	form_set(&f->form, F_FORMAT, "csv");
	form_set(&f->form, F_ENCODING, "utf-8");
	form_set(&f->form, F_SUPPRESS, "1");
	f->form.changed = false;
	return ST_OK;
}

/* The centre's region P-code, kept when its row comes by. */
struct centre_find {
	const char *code;
	char alt[8];
};

static void keep_alt(const struct ref_row *row, void *ctx)
{
	struct centre_find *c = ctx;
	if (strcmp(row->code, c->code) == 0)
		snprintf(c->alt, sizeof c->alt, "%s", row->alt);
}

/* Writes the table to path through a temporary file beside it; ST_OK, or
 * the reason in msg. */
static enum status write_file(struct app *app, struct export_form *f, const char *path,
                              const struct report_out_options *o, char *msg, size_t size)
{
	char tmp[FORM_VALUE_MAX + 16], err[512] = "";
	snprintf(tmp, sizeof tmp, "%.*s.XXXXXX", FORM_VALUE_MAX - 1, path);
	int fd = mkstemp(tmp);
	FILE *out = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (!out) {
		snprintf(msg, size, _("Cannot write the file: %s"), strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(tmp);
		}
		return ST_IO;
	}
	(void)app;
	enum status st = report_write(out, f->view->result, o, err, sizeof err);
	int saved = errno;
	if (fclose(out) != 0 && st == ST_OK) {
		st = ST_IO;
		saved = errno;
	}
	if (st == ST_OK && rename(tmp, path) != 0) {
		st = ST_IO;
		saved = errno;
	}
	if (st != ST_OK) {
		unlink(tmp);
		if (err[0])
			snprintf(msg, size, "%s", err);
		else
			snprintf(msg, size, _("Cannot write the file: %s"), strerror(saved));
	}
	return st;
}

static enum ui_result export_submit(struct app *app, void *state)
{
	struct export_form *f = state;
	if (!form_validate(&f->form)) {
		app_error(app, _("Some fields need attention."));
		return UI_HANDLED;
	}
	char path[FORM_VALUE_MAX], format[16], encoding[16], suppress[4], msg[FORM_VALUE_MAX + 200];
	form_get(&f->form, F_FILE, path, sizeof path);
	form_get(&f->form, F_FORMAT, format, sizeof format);
	form_get(&f->form, F_ENCODING, encoding, sizeof encoding);
	form_get(&f->form, F_SUPPRESS, suppress, sizeof suppress);
	/* The default name follows the format chosen. */
	char csv_default[PATH_CHARS * 2 + 16];
	default_path(f, "csv", csv_default, sizeof csv_default);
	if (strcmp(path, csv_default) == 0)
		default_path(f, format, path, sizeof path);
	struct stat st;
	if (stat(path, &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			f->form.fields[F_FILE].error = N_("This is a folder: give a file name.");
			f->form.cur = F_FILE;
			return UI_HANDLED;
		}
		if (!app_confirm(app, _("This file exists. Replace it?"))) {
			app_message(app, _("Nothing written."));
			return UI_HANDLED;
		}
	}
	const struct report_result *r = f->view->result;
	struct centre_find cf = { r->centre, "" };
	if (r->centre[0]) {
		bool more;
		ref_page(app_db(app), REF_CENTRE, lang_get(), r->centre, PAGE_AFTER, NULL, 50, keep_alt, &cf, &more);
	}
	/* Counts hidden when small numbers are suppressed: 1 to the setting. */
	int threshold = REPORT_SUPPRESS_DEFAULT;
	if (report_suppress_setting(app_db(app), &threshold) != ST_OK)
		threshold = REPORT_SUPPRESS_DEFAULT;
	struct ref_namer namer = { app_db(app), lang_get(), "" };
	struct report_out_options o = {
		.format = (enum report_format)report_format_parse(format),
		.encoding = (enum report_encoding)report_encoding_parse(encoding),
		.by = f->view->by,
		.suppress = strcmp(suppress, "1") == 0 ? threshold : 0,
		.adm1 = cf.alt,
		.country = "NER",
		.centre_label = f->view->centre_label,
		.country_name = ref_namer_country,
		.country_ctx = &namer,
	};
	if (write_file(app, f, path, &o, msg, sizeof msg) != ST_OK) {
		app_error(app, msg);
		return UI_HANDLED;
	}
	f->form.changed = false;
	snprintf(msg, sizeof msg, _("Table written: %s"), path);
	app_message(app, msg);
	return UI_LEAVE;
}

static void export_draw(struct app *app, void *state, WINDOW *win)
{
	(void)app;
	struct export_form *f = state;
	int cols = getmaxx(win), rows = getmaxy(win);
	ui_put(win, 0, 2, cols - 4, A_BOLD, _(f->view->result->def->title));
	form_draw(&f->form, win, 2, F_COUNT + 2);
	ui_put_wrapped(win, F_COUNT + 5, 2, cols - 4, rows - F_COUNT - 5, 0,
	               _("Counts from one to four are hidden when asked: so small a number could single someone out. Hide "
	                 "them for partners; show them for your own use."));
}

static struct form *export_form_of(void *state)
{
	return &((struct export_form *)state)->form;
}

static const struct screen screen_report_export = {
	.name = "report_export",
	.title = N_("Export a table"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_REPORTS),
	.state_size = sizeof(struct export_form),
	.bindings = bindings,
	.enter = export_enter,
	.draw = export_draw,
	.form = export_form_of,
	.submit = export_submit,
};

enum status report_export_open(struct app *app, const struct report_view *v)
{
	return app_push(app, &screen_report_export, v);
}
