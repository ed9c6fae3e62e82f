/* The departure list of a day and a convoy or flight (empty: every one):
 * the people booked for that day or departed on it, by name, with sex,
 * age, nationality, destination, travel documents and escort, as a page
 * to read or print; F6 (or Ctrl-O) writes it as CSV to the file named
 * (by default in the user's home folder), readable by its owner only,
 * never replacing a file without asking. In privacy mode the page shows
 * case numbers instead of names. The data layer audits each look. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/casenum.h"
#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/prot_vocab.h"
#include "core/vocab.h"
#include "db/prot_return.h"
#include "db/refdata.h"
#include "screens/prot_returns.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/lang.h"
#include "ui/textpage.h"

enum { F_DAY, F_REF, F_FILE, F_COUNT };
enum { ACT_SHOW = 1, ACT_CSV };

static const struct binding bindings[] = {
	{ ACT_SHOW, { UI_KEYCODE(KEY_F(5)), 0, 0, 0 }, N_("Show"),
	  N_("Show the departure list of the day and convoy or flight (Enter too); Page Down and Page Up scroll it") },
	{ ACT_CSV, { UI_KEYCODE(KEY_F(6)), UI_CTRL('O'), 0, 0 }, N_("CSV"),
	  N_("Write the list as CSV to the file named; an existing file is replaced only after you confirm") },
	{ 0, { 0 }, NULL, NULL },
};

static const struct field_def fields[F_COUNT] = {
	[F_DAY] = { .label = N_("Day"), .type = FIELD_DATE, .required = true, .full_date = true },
	[F_REF] = { .label = N_("Convoy or flight"), .type = FIELD_TEXT, .maxlen = PROT_RETURN_REF_MAX },
	[F_FILE] = { .label = N_("CSV file"), .type = FIELD_TEXT, .required = true, .maxlen = 240 },
};

struct departures_screen {
	struct app *app;
	struct form form;
	struct textpage text;
	bool shown;
	int count;
	long long last;              /* the last return shown: the next page's key */
	bool privacy;
};

static void default_file(const char *day, char *out, size_t size)
{
	const char *home = getenv("HOME");
	struct stat st;
	if (home && *home && strlen(home) < 200 && stat(home, &st) == 0 && S_ISDIR(st.st_mode))
		snprintf(out, size, "%s/departures-%s.csv", home, day);
	else
		snprintf(out, size, "departures-%s.csv", day);
}

static enum status departures_enter(struct app *app, void *state, const void *arg)
{
	(void)arg;
	struct departures_screen *s = state;
	s->app = app;
	form_init(&s->form, fields, F_COUNT);
	char today[11], file[400];
	clock_today_iso(today, sizeof today);
	form_set(&s->form, F_DAY, today);
	default_file(today, file, sizeof file);
	form_set(&s->form, F_FILE, file);
	s->form.changed = false;
	return ST_OK;
}

static void add_person(const struct prot_return_row *r, void *ctx)
{
	struct departures_screen *s = ctx;
	struct db *db = app_db(s->app);
	s->last = r->r.id;
	char who[2 * PERSON_NAME_MAX + 40], key[24], age[16] = "?", nat[324] = "", dest[324] = "";
	char line[TEXTPAGE_BYTES * 3];
	if (!casenum_display(r->case_key, key, sizeof key))
		snprintf(key, sizeof key, "%s", r->case_key);
	if (s->privacy)
		snprintf(who, sizeof who, "%s", key);
	else
		snprintf(who, sizeof who, "%s %s (%s)", r->family_name, r->given_names, key);
	struct pdate today = clock_today();
	int years = 0;
	bool approx = false, child = false;
	if (person_age(r->birth_date, r->birth_estimated, &today, &years, &approx, &child))
		snprintf(age, sizeof age, "%s%d", approx ? "~" : "", years);
	ref_name(db, REF_COUNTRY, r->nationality, lang_get(), nat, sizeof nat);
	ref_name(db, REF_COUNTRY, r->r.country, lang_get(), dest, sizeof dest);
	const char *sex = vocab_label(VOCAB_SEX, r->sex);
	snprintf(line, sizeof line, _("%d. %s, %s, %s years, %s"), ++s->count, who, sex ? _(sex) : "", age,
	         nat[0] ? nat : _("nationality not known"));
	textpage_add_wrapped(&s->text, A_BOLD, 0, 76, line, NULL);
	snprintf(line, sizeof line, _("To %s%s%s, by %s %s"), dest, r->r.destination[0] ? ", " : "", r->r.destination,
	         r->r.transport[0] ? _(vocab_label(VOCAB_PROT_TRANSPORT, r->r.transport)) : "", r->r.convoy_ref);
	textpage_add_wrapped(&s->text, 0, 4, 76, line, NULL);
	/* The documents as "kind number; ...", with the kinds' labels. */
	char docs[512] = "", buf[256];
	snprintf(buf, sizeof buf, "%s", r->documents);
	char *save = NULL;
	for (char *part = strtok_r(buf, ";", &save); part; part = strtok_r(NULL, ";", &save)) {
		while (*part == ' ')
			part++;
		char *sp = strchr(part, ' ');
		if (sp)
			*sp++ = '\0';
		const char *kind = vocab_label(VOCAB_PROT_DOC_KIND, part);
		size_t len = strlen(docs);
		snprintf(docs + len, sizeof docs - len, "%s%s %s", len ? "; " : "", kind ? _(kind) : part, sp ? sp : "");
	}
	snprintf(line, sizeof line, _("Documents: %s. Escort: %s"), docs[0] ? docs : _("none issued"),
	         r->r.escort[0] ? r->r.escort : _("none"));
	textpage_add_wrapped(&s->text, 0, 4, 76, line, NULL);
}

static enum ui_result show(struct app *app, struct departures_screen *s)
{
	if (!form_validate(&s->form)) {
		app_error(app, _("Some fields need attention."));
		return UI_HANDLED;
	}
	char day[16], ref[FORM_VALUE_MAX], line[TEXTPAGE_BYTES], shown[32];
	form_get(&s->form, F_DAY, day, sizeof day);
	form_get(&s->form, F_REF, ref, sizeof ref);
	textpage_clear(&s->text);
	s->count = 0;
	s->privacy = app_privacy(app);
	struct pdate d;
	if (date_from_iso(day, &d) == DATE_OK)
		date_format(&d, shown, sizeof shown);
	else
		snprintf(shown, sizeof shown, "%s", day);
	if (ref[0])
		snprintf(line, sizeof line, _("Departures of %s, convoy or flight %s"), shown, ref);
	else
		snprintf(line, sizeof line, _("Departures of %s, every convoy and flight"), shown);
	textpage_add(&s->text, A_BOLD | A_UNDERLINE, line);
	bool more = true;
	enum status st = ST_OK;
	s->last = 0;
	/* Pages of people while the page of text has room (four lines each). */
	while (st == ST_OK && more && s->text.n < TEXTPAGE_LINES - 16) {
		int before = s->count;
		st = prot_departure_list(app_db(app), day, ref, s->last, 3, add_person, s, &more);
		if (s->count == before)
			break;
	}
	if (st != ST_OK) {
		app_error(app, _(status_msgid(st)));
		return UI_HANDLED;
	}
	if (!s->count)
		textpage_add(&s->text, 0, _("Nobody leaves on this day with this convoy or flight."));
	else if (more)
		textpage_add(&s->text, 0, _("The list goes on: write it as CSV to see every person."));
	s->shown = true;
	return UI_HANDLED;
}

/* Opens path for writing, mode 0600; NULL with errno set when it cannot. */
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

static enum ui_result write_csv(struct app *app, struct departures_screen *s)
{
	if (!form_validate(&s->form)) {
		app_error(app, _("Some fields need attention."));
		return UI_HANDLED;
	}
	char day[16], ref[FORM_VALUE_MAX], path[FORM_VALUE_MAX];
	form_get(&s->form, F_DAY, day, sizeof day);
	form_get(&s->form, F_REF, ref, sizeof ref);
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
		char msg[600];
		snprintf(msg, sizeof msg, _("Cannot write the file: %s"), strerror(errno));
		app_error(app, msg);
		return UI_HANDLED;
	}
	enum status rc = prot_departure_csv(app_db(app), day, ref, lang_get(), out);
	if (fclose(out) != 0 && rc == ST_OK)
		rc = ST_IO;
	if (rc != ST_OK) {
		app_error(app, _(status_msgid(rc)));
		return UI_HANDLED;
	}
	char msg[700];
	snprintf(msg, sizeof msg, _("Departure list written: %s"), path);
	app_message(app, msg);
	return UI_HANDLED;
}

static enum ui_result departures_input(struct app *app, void *state, int key)
{
	struct departures_screen *s = state;
	if (key == '\n')
		return show(app, s);
	if (s->shown && textpage_key(&s->text, key))
		return UI_HANDLED;
	enum form_result r = form_key(&s->form, key);
	if (r != FORM_IGNORED && s->form.changed)
		s->shown = false;
	return r == FORM_IGNORED ? UI_IGNORED : UI_HANDLED;
}

static enum ui_result departures_action(struct app *app, void *state, int action)
{
	struct departures_screen *s = state;
	if (action == ACT_SHOW)
		return show(app, s);
	if (action == ACT_CSV)
		return write_csv(app, s);
	return UI_IGNORED;
}

static void departures_draw(struct app *app, void *state, WINDOW *win)
{
	struct departures_screen *s = state;
	int cols = getmaxx(win), rows = getmaxy(win);
	if (s->shown && s->privacy != app_privacy(app))
		show(app, s);
	ui_put(win, 0, 2, cols - 4, A_BOLD, _("Departure list"));
	form_draw(&s->form, win, 1, F_COUNT + 2);
	int y = F_COUNT + 3;
	if (!s->shown) {
		ui_put_wrapped(win, y, 2, cols - 4, rows - y, 0,
		               _("Give the day and the convoy or flight (empty: every one), then press Enter. "
		                 "F6 writes the list as CSV to the file named."));
		return;
	}
	textpage_draw(&s->text, win, y);
}

static bool departures_typing(struct app *app, void *state)
{
	(void)app;
	return form_typing(&((struct departures_screen *)state)->form);
}

static const struct screen screen_departures = {
	.name = "prot_departures",
	.title = N_("Departure list"),
	.needs_login = true,
	.perms = PERM_BIT(PERM_PROTECTION_READ),
	.state_size = sizeof(struct departures_screen),
	.bindings = bindings,
	.enter = departures_enter,
	.draw = departures_draw,
	.input = departures_input,
	.action = departures_action,
	.typing = departures_typing,
};

enum status prot_departures_open(struct app *app)
{
	return app_push(app, &screen_departures, NULL);
}
