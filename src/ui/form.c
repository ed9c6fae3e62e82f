/* Forms and their validation. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wchar.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/jsonread.h"
#include "core/text.h"
#include "ui/choice_match.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/keys.h"

#define LABEL_COLS 26
#define FIELD_COLS 32
#define CHOICE_COLS 40

/* True for field types edited as text. */
static bool is_text(enum field_type t)
{
	return t == FIELD_TEXT || t == FIELD_PASSWORD || t == FIELD_DATE || t == FIELD_NUMBER || t == FIELD_MONTH;
}

void form_init(struct form *f, const struct field_def *defs, int n)
{
	memset(f, 0, sizeof *f);
	f->n = n > FORM_MAX_FIELDS ? FORM_MAX_FIELDS : n;
	for (int i = 0; i < f->n; i++) {
		struct field *fl = &f->fields[i];
		fl->def = &defs[i];
		int max = defs[i].maxlen > 0 ? defs[i].maxlen : 10;
		if (defs[i].type == FIELD_DATE || defs[i].type == FIELD_MONTH)
			max = 10;
		le_init(&fl->ed, max);
		fl->choice = -1;
		fl->yesno = -1;
	}
	f->today = clock_today();
}

/* The label of choice i of field fl, translated when it is a msgid. */
static const char *choice_label(const struct field *fl, int i)
{
	if (i < 0 || i >= fl->def->nchoices)
		return "";
	const char *l = fl->def->choices[i].label;
	return fl->def->labels_are_msgids ? _(l) : l;
}

/* The name of choice i in the other language than the one shown, or NULL. */
static const char *choice_other(const struct field *fl, int i)
{
	const struct choice *c = &fl->def->choices[i];
	if (fl->def->labels_are_msgids && strcmp(_(c->label), c->label) != 0)
		return c->label;
	return c->alt;
}

/* The choices matching typed, best first (in list order among equals),
 * into a new array *out the caller frees; returns their number, -1 when
 * out of memory. */
static int choice_matches(const struct field *fl, const char *typed, int **out)
{
	int n = fl->def->nchoices, found = 0;
	int *rank = malloc((size_t)(n > 0 ? n : 1) * sizeof *rank);
	*out = malloc((size_t)(n > 0 ? n : 1) * sizeof **out);
	if (!rank || !*out) {
		free(rank);
		free(*out);
		*out = NULL;
		return -1;
	}
	for (int i = 0; i < n; i++)
		rank[i] = choice_rank(choice_label(fl, i), choice_other(fl, i), fl->def->choices[i].value, typed);
	for (int r = 0; r < CHOICE_NO_MATCH; r++)
		for (int i = 0; i < n; i++)
			if (rank[i] == r)
				(*out)[found++] = i;
	free(rank);
	return found;
}

/* Moves the choice to the best match of the type-ahead; false (and nothing
 * moves) when none matches. */
static bool type_ahead(struct field *fl, const char *typed)
{
	int *m;
	int found = choice_matches(fl, typed, &m);
	if (found > 0)
		fl->choice = m[0];
	free(m);
	return found > 0;
}

/* Moves the choice by step (+1 or -1) among the matches of the
 * type-ahead, around at the ends; through the whole list when nothing is
 * typed. */
static void step_choice(struct field *fl, int step)
{
	int n = fl->def->nchoices;
	if (!fl->typed[0]) {
		fl->choice = fl->choice < 0 ? (step > 0 ? 0 : n - 1) : (fl->choice + step + n) % n;
		return;
	}
	int *m;
	int found = choice_matches(fl, fl->typed, &m);
	if (found > 0) {
		int at = -1;
		for (int i = 0; i < found && at < 0; i++)
			if (m[i] == fl->choice)
				at = i;
		fl->choice = at < 0 ? m[0] : m[(at + step + found) % found];
	}
	free(m);
}

/* Keys of a choice field: letters search (kept even when nothing matches,
 * so that Backspace takes back what was typed), arrows step through the
 * matches, Backspace undoes the last letter typed. */
static enum form_result choice_key(struct form *f, struct field *fl, int key)
{
	int n = fl->def->nchoices;
	if (n == 0)
		return FORM_IGNORED;
	int before = fl->choice;
	if (key == UI_KEYCODE(KEY_RIGHT) || key == UI_KEYCODE(KEY_NPAGE)) {
		step_choice(fl, 1);
	} else if (key == UI_KEYCODE(KEY_LEFT) || key == UI_KEYCODE(KEY_PPAGE)) {
		step_choice(fl, -1);
	} else if (key == UI_KEYCODE(KEY_BACKSPACE)) {
		size_t len = strlen(fl->typed);
		while (len > 0 && ((unsigned char)fl->typed[len - 1] & 0xC0) == 0x80)
			len--;
		if (len > 0)
			len--;
		fl->typed[len] = '\0';
		if (len)
			type_ahead(fl, fl->typed);
	} else if (keys_is_text(key)) {
		/* The character itself (keys_name says "Space" for a space). */
		char add[8] = "";
		mbstate_t ps = { 0 };
		size_t len = wcrtomb(add, (wchar_t)key, &ps);
		if (len == (size_t)-1)
			return FORM_HANDLED;
		add[len] = '\0';
		char next[sizeof fl->typed];
		if ((size_t)snprintf(next, sizeof next, "%s%s", fl->typed, add) >= sizeof next)
			return FORM_HANDLED;
		memcpy(fl->typed, next, sizeof next);
		type_ahead(fl, fl->typed);
	} else {
		return FORM_IGNORED;
	}
	fl->error = NULL;
	if (fl->choice != before)
		f->changed = true;
	return FORM_HANDLED;
}

/* The line under a choice field: what was typed and how many choices
 * match it, into out. */
static void choice_status(const struct field *fl, char *out, size_t size, bool *nothing)
{
	*nothing = false;
	if (!fl->typed[0]) {
		snprintf(out, size, "%s", _("Type part of a name (English or French), or ← → to choose."));
		return;
	}
	int *m;
	int found = choice_matches(fl, fl->typed, &m);
	int at = 0;
	for (int i = 0; i < found; i++)
		if (m[i] == fl->choice)
			at = i + 1;
	free(m);
	if (found <= 0) {
		*nothing = true;
		snprintf(out, size, _("Nothing matches “%s”: Backspace to correct."), fl->typed);
	} else {
		snprintf(out, size, _("“%s”: match %d of %d, ← → for the others."), fl->typed, at, found);
	}
}

/* Keys of a yes/no field. */
static enum form_result yesno_key(struct form *f, struct field *fl, int key)
{
	int v;
	if (key == 'y' || key == 'Y' || key == 'o' || key == 'O')
		v = 1;
	else if (key == 'n' || key == 'N')
		v = 0;
	else if (key == ' ' || key == UI_KEYCODE(KEY_LEFT) || key == UI_KEYCODE(KEY_RIGHT))
		v = fl->yesno == 1 ? 0 : 1;
	else
		return FORM_IGNORED;
	fl->yesno = v;
	fl->error = NULL;
	f->changed = true;
	return FORM_HANDLED;
}

/* Moves to field i, checking the one being left so its message shows. */
static void go_to(struct form *f, int i)
{
	if (i < 0 || i >= f->n || i == f->cur)
		return;
	form_check_field(f, f->cur);
	f->cur = i;
	f->fields[i].typed[0] = '\0';
}

enum form_result form_key(struct form *f, int key)
{
	if (f->n == 0)
		return FORM_IGNORED;
	struct field *fl = &f->fields[f->cur];
	switch (key) {
	case '\t':
	case UI_KEYCODE(KEY_DOWN):
		go_to(f, f->cur + 1);
		return FORM_HANDLED;
	case UI_KEYCODE(KEY_BTAB):
	case UI_KEYCODE(KEY_UP):
		go_to(f, f->cur - 1);
		return FORM_HANDLED;
	case '\n':
		if (f->cur == f->n - 1) {
			form_check_field(f, f->cur);
			return FORM_SUBMIT;
		}
		go_to(f, f->cur + 1);
		return FORM_HANDLED;
	default:
		break;
	}
	if (fl->def->type == FIELD_CHOICE)
		return choice_key(f, fl, key);
	if (fl->def->type == FIELD_YESNO)
		return yesno_key(f, fl, key);
	enum le_result r = le_key(&fl->ed, key);
	if (r == LE_CHANGED) {
		f->changed = true;
		fl->error = NULL;
	} else if (r == LE_FULL) {
		fl->error = N_("This field is full.");
	}
	return r == LE_IGNORED ? FORM_IGNORED : FORM_HANDLED;
}

/* Copies the edited text with blanks trimmed at both ends. */
static void trimmed(const struct field *fl, char *out, size_t size)
{
	char raw[FORM_VALUE_MAX];
	le_get(&fl->ed, raw, sizeof raw);
	const char *s = raw;
	while (*s == ' ')
		s++;
	size_t n = strlen(s);
	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (n >= size)
		n = size - 1;
	memcpy(out, s, n);
	out[n] = '\0';
}

/* Checks a whole number against the field's range. */
static const char *check_number(const struct field_def *d, const char *s)
{
	errno = 0;
	char *end;
	long v = strtol(s, &end, 10);
	if (end == s || *end || errno)
		return N_("Enter a whole number.");
	if ((d->min || d->max) && (v < d->min || v > d->max))
		return N_("The number is out of the allowed range.");
	return NULL;
}

const char *form_check_field(struct form *f, int i)
{
	struct field *fl = &f->fields[i];
	const struct field_def *d = fl->def;
	char value[FORM_VALUE_MAX];
	const char *err = NULL;
	if (d->type == FIELD_CHOICE) {
		if (fl->choice < 0 && d->required)
			err = N_("Required: choose one.");
	} else if (d->type == FIELD_YESNO) {
		if (fl->yesno < 0 && d->required)
			err = N_("Required: answer yes or no.");
	} else {
		trimmed(fl, value, sizeof value);
		if (!*value) {
			if (d->required)
				err = N_("Required.");
		} else if (d->type == FIELD_DATE || d->type == FIELD_MONTH) {
			struct pdate pd;
			enum date_status st = date_parse(value, &pd);
			if (st == DATE_OK && d->past_only)
				st = date_check_past(&pd, &f->today);
			if (st != DATE_OK)
				err = date_status_msgid(st);
			else if (d->type == FIELD_DATE && d->full_date && pd.prec != DATE_DAY)
				err = N_("Give a full date: DD/MM/YYYY.");
			/* A month field: a month, not a day or a year; the range of
			 * the month and the year say what they say. */
			if (d->type == FIELD_MONTH && st != DATE_BAD_MONTH && st != DATE_BAD_YEAR
			    && (st == DATE_SYNTAX || st == DATE_BAD_DAY || pd.prec != DATE_MONTH))
				err = N_("Give a month as MM/YYYY, for example 03/2026.");
		} else if (d->type == FIELD_NUMBER) {
			err = check_number(d, value);
		}
	}
	if (!err && d->check) {
		form_get(f, i, value, sizeof value);
		err = d->check(value);
	}
	fl->error = err;
	/* check returns a message id, never a pointer into value. */
	// cppcheck-suppress returnDanglingLifetime
	return err;
}

bool form_validate(struct form *f)
{
	int first = -1;
	for (int i = 0; i < f->n; i++)
		if (form_check_field(f, i) && first < 0)
			first = i;
	if (first >= 0)
		f->cur = first;
	return first < 0;
}

void form_get(const struct form *f, int i, char *out, size_t size)
{
	const struct field *fl = &f->fields[i];
	out[0] = '\0';
	switch (fl->def->type) {
	case FIELD_CHOICE:
		if (fl->choice >= 0)
			snprintf(out, size, "%s", fl->def->choices[fl->choice].value);
		return;
	case FIELD_YESNO:
		snprintf(out, size, "%s", fl->yesno < 0 ? "" : fl->yesno ? "1" : "0");
		return;
	case FIELD_DATE:
	case FIELD_MONTH: {
		char typed[FORM_VALUE_MAX];
		struct pdate pd;
		trimmed(fl, typed, sizeof typed);
		if (date_parse(typed, &pd) == DATE_OK)
			date_to_iso(&pd, out, size);
		else
			snprintf(out, size, "%s", typed);
		return;
	}
	default:
		trimmed(fl, out, size);
		return;
	}
}

void form_set(struct form *f, int i, const char *value)
{
	struct field *fl = &f->fields[i];
	value = value ? value : "";
	fl->error = NULL;
	switch (fl->def->type) {
	case FIELD_CHOICE:
		fl->choice = -1;
		for (int c = 0; c < fl->def->nchoices; c++)
			if (strcmp(fl->def->choices[c].value, value) == 0)
				fl->choice = c;
		return;
	case FIELD_YESNO:
		fl->yesno = *value ? strcmp(value, "0") != 0 : -1;
		return;
	case FIELD_DATE:
	case FIELD_MONTH: {
		struct pdate pd;
		char shown[16];
		if (date_from_iso(value, &pd) == DATE_OK && date_format(&pd, shown, sizeof shown) > 0)
			le_set(&fl->ed, shown);
		else
			le_set(&fl->ed, value);
		return;
	}
	default:
		le_set(&fl->ed, value);
		return;
	}
}

bool form_typing(const struct form *f)
{
	if (f->n == 0)
		return false;
	enum field_type t = f->fields[f->cur].def->type;
	return is_text(t) || t == FIELD_CHOICE || t == FIELD_YESNO;
}

/* Draws one field's value in cols columns at (y, x). */
static void draw_value(struct field *fl, WINDOW *win, int y, int x, int cols, bool focused)
{
	attr_t attr = UI_ATTR_FIELD | (focused ? A_BOLD : 0);
	switch (fl->def->type) {
	case FIELD_CHOICE: {
		char shown[256];
		snprintf(shown, sizeof shown, "%s", fl->choice >= 0 ? choice_label(fl, fl->choice) : "");
		ui_put_padded(win, y, x, cols, attr, shown);
		if (focused)
			wmove(win, y, x);
		return;
	}
	case FIELD_YESNO:
		ui_put_padded(win, y, x, cols, attr, fl->yesno < 0 ? "" : fl->yesno ? _("Yes") : _("No"));
		if (focused)
			wmove(win, y, x);
		return;
	default:
		le_draw(&fl->ed, win, y, x, cols, attr, fl->def->type == FIELD_PASSWORD);
		return;
	}
}

/* Columns for a choice field's value: its widest label (at most
 * CHOICE_COLS: "Transféré(e) vers un autre centre" is whole), so that a
 * message beside it has room. */
static int choices_width(const struct field *fl)
{
	int w = 8;
	for (int c = 0; c < fl->def->nchoices && w < CHOICE_COLS; c++) {
		int cw = text_width(choice_label(fl, c)) + 1;
		if (cw > w)
			w = cw;
	}
	return w > CHOICE_COLS ? CHOICE_COLS : w;
}

void form_draw(struct form *f, WINDOW *win, int y, int rows)
{
	int cols = getmaxx(win);
	int shown = rows - 2;   /* one blank row and the message row */
	if (shown < 1 || f->n == 0)
		return;
	if (f->cur < f->top)
		f->top = f->cur;
	if (f->cur >= f->top + shown)
		f->top = f->cur - shown + 1;
	/* Labels are never cut: yes/no answers (short) all move right of the
	 * longest yes/no label (vulnerabilities, consents); another field whose
	 * label is too long has its value after it, narrower. */
	int yesno_x = LABEL_COLS;
	for (int i = 0; i < f->n; i++)
		if (f->fields[i].def->type == FIELD_YESNO) {
			int w = 2 + text_width(_(f->fields[i].def->label)) + (f->fields[i].def->required ? 2 : 0) + 2;
			if (w > yesno_x)
				yesno_x = w;
		}
	if (yesno_x > cols - 8)
		yesno_x = cols - 8;
	int cy = -1, cx = -1;
	for (int i = f->top; i < f->n && i < f->top + shown; i++) {
		struct field *fl = &f->fields[i];
		int row = y + i - f->top;
		char label[160];
		snprintf(label, sizeof label, "%s%s", _(fl->def->label), fl->def->required ? " *" : "");
		int x = fl->def->type == FIELD_YESNO ? yesno_x : LABEL_COLS;
		if (2 + text_width(label) + 1 > x)
			x = 2 + text_width(label) + 1;
		if (x > cols - 8)
			x = cols - 8;
		ui_put(win, row, 2, x - 3, i == f->cur ? A_BOLD : 0, label);
		int width = is_text(fl->def->type) ? fl->ed.max + 1 : FIELD_COLS;
		if (fl->def->type == FIELD_YESNO)
			width = 4;
		if (width > FIELD_COLS)
			width = FIELD_COLS;
		if (fl->def->type == FIELD_CHOICE)
			width = choices_width(fl);
		if (width > cols - x - 1)
			width = cols - x - 1;
		draw_value(fl, win, row, x, width, i == f->cur);
		if (i == f->cur)
			getyx(win, cy, cx);
		/* Beside the field as much as fits (ending with … when cut); the
		 * whole message is on the last row while the field is current. */
		if (fl->error)
			ui_put(win, row, x + width + 1, cols - x - width - 2, UI_ATTR_ERROR, _(fl->error));
	}
	const char *msg = f->fields[f->cur].error;
	if (msg)
		ui_put(win, y + rows - 1, 2, cols - 4, UI_ATTR_ERROR, _(msg));
	else if (f->fields[f->cur].def->type == FIELD_CHOICE) {
		char line[256];
		bool nothing;
		choice_status(&f->fields[f->cur], line, sizeof line, &nothing);
		ui_put(win, y + rows - 1, 2, cols - 4, nothing ? UI_ATTR_ERROR : 0, line);
	}
	else if (f->fields[f->cur].def->type == FIELD_YESNO)
		ui_put(win, y + rows - 1, 2, cols - 4, 0, _("Press y (or o) for yes, n for no."));
	else if (f->fields[f->cur].def->type == FIELD_DATE)
		ui_put(win, y + rows - 1, 2, cols - 4, 0,
		       f->fields[f->cur].def->full_date ? _("Date as DD/MM/YYYY.") : _("Date as DD/MM/YYYY, MM/YYYY or YYYY."));
	else if (f->fields[f->cur].def->type == FIELD_MONTH)
		ui_put(win, y + rows - 1, 2, cols - 4, 0, _("Month as MM/YYYY (month 01 to 12)."));
	if (cy >= 0)
		wmove(win, cy, cx);
}

bool form_to_json(const struct form *f, struct jsonbuf *j)
{
	for (int i = 0; i < f->n; i++) {
		const struct field_def *d = f->fields[i].def;
		if (!d->name || d->type == FIELD_PASSWORD)
			continue;
		char value[FORM_VALUE_MAX];
		form_get(f, i, value, sizeof value);
		jsonbuf_put_str(j, d->name, value);
	}
	/* What the changed fields held when the form was first filled. */
	for (int i = 0; f->base && i < f->n; i++) {
		const struct field_def *d = f->fields[i].def;
		if (!d->name || d->type == FIELD_PASSWORD)
			continue;
		char value[FORM_VALUE_MAX], key[80];
		form_get(f, i, value, sizeof value);
		if (strcmp(value, f->base[i]) == 0)
			continue;
		snprintf(key, sizeof key, "base:%s", d->name);
		jsonbuf_put_str(j, key, f->base[i]);
	}
	if (f->base)
		jsonbuf_put_str(j, "base:", "1");
	return !j->cut;
}

void form_keep_base(struct form *f, char (*store)[FORM_VALUE_MAX])
{
	f->base = store;
	for (int i = 0; i < f->n; i++)
		form_get(f, i, store[i], FORM_VALUE_MAX);
}

/* Notes whether a draft has a base ("base:" marker). */
static void find_base_marker(const char *key, const char *value, void *ctx)
{
	(void)value;
	if (strcmp(key, "base:") == 0)
		*(bool *)ctx = true;
}

/* Sets the base of the field named by key "base:NAME". */
static void set_base(const char *key, const char *value, void *ctx)
{
	struct form *f = ctx;
	if (strncmp(key, "base:", 5) != 0)
		return;
	for (int i = 0; i < f->n; i++) {
		const struct field_def *d = f->fields[i].def;
		if (d->name && strcmp(d->name, key + 5) == 0)
			snprintf(f->base[i], FORM_VALUE_MAX, "%s", value);
	}
}

/* Sets the field called key, if the form has one that may be set. */
static void set_named(const char *key, const char *value, void *ctx)
{
	struct form *f = ctx;
	for (int i = 0; i < f->n; i++) {
		const struct field_def *d = f->fields[i].def;
		if (d->name && d->type != FIELD_PASSWORD && strcmp(d->name, key) == 0) {
			form_set(f, i, value);
			f->changed = true;
		}
	}
}

bool form_from_json(struct form *f, const char *json)
{
	if (!jsonread_object(json, set_named, f))
		return false;
	/* A draft that kept its base: the fields the user did not change
	 * had their draft value as base; the others say theirs. A draft
	 * without one leaves the base as the form was filled. */
	bool based = false;
	if (!f->base || !jsonread_object(json, find_base_marker, &based) || !based)
		return true;
	for (int i = 0; i < f->n; i++)
		form_get(f, i, f->base[i], FORM_VALUE_MAX);
	return jsonread_object(json, set_base, f);
}
