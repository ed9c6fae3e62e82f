/* The attendance sheet of a psychosocial session: its heading and rows
 * read from the database, written as CSV or as a text sheet to print, and
 * the export recorded in the audit trail. */
#include <stdio.h>
#include <string.h>

#include <utf8proc.h>

#include "core/casenum.h"
#include "core/csvout.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/person.h"
#include "core/psych_vocab.h"
#include "core/text.h"
#include "db/audit.h"
#include "db/db_private.h"
#include "db/psych_sheet.h"

/* Appends s to out (size bytes, *len used), in capitals when upper, whole
 * characters only. A byte that is not UTF-8 becomes '?'. */
static void append_utf8(char *out, size_t size, size_t *len, const char *s, bool upper)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)(s ? s : "");
	utf8proc_ssize_t left = (utf8proc_ssize_t)strlen((const char *)p);
	while (left > 0) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(p, left, &cp);
		if (k <= 0) {
			cp = '?';
			k = 1;
		}
		utf8proc_uint8_t buf[4];
		size_t m = (size_t)utf8proc_encode_char(upper ? utf8proc_toupper(cp) : cp, buf);
		if (*len + m >= size)
			break;
		memcpy(out + *len, buf, m);
		*len += m;
		p += k;
		left -= k;
	}
	out[*len] = '\0';
}

/* The age on day `on` by person_age: "23", "~23" when estimated or
 * partial, "?" when unknown. */
static void age_text(const char *birth, bool estimated, const char *on, char *out, size_t size)
{
	struct pdate day;
	int years;
	bool approx, child;
	snprintf(out, size, "?");
	if (date_from_iso(on, &day) == DATE_OK && person_age(birth, estimated, &day, &years, &approx, &child))
		snprintf(out, size, "%s%d", approx ? "~" : "", years);
}

static enum status read_head(struct db *db, long long id, const char *lang, struct psych_sheet_head *h)
{
	static const char sql[] =
		"SELECT s.id, c.code, CASE ?2 WHEN 'fr' THEN c.name_fr ELSE c.name_en END, "
		"CASE ?2 WHEN 'fr' THEN a.name_fr ELSE a.name_en END, s.title, s.date, "
		"coalesce(s.start_time, ''), coalesce(s.end_time, ''), coalesce(u.display_name, s.facilitator_name), "
		"coalesce(CASE ?2 WHEN 'fr' THEN r.name_fr ELSE r.name_en END, ''), s.place, s.status, "
		"s.cancel_reason, s.roll, s.count_boys, s.count_girls, s.count_men, s.count_women "
		"FROM psych_session s JOIN centre c ON c.id = s.centre_id JOIN ref_item a ON a.id = s.activity_id "
		"LEFT JOIN app_user u ON u.id = s.facilitator_id LEFT JOIN ref_item r ON r.id = s.partner_id "
		"WHERE s.id = ?1";
	memset(h, 0, sizeof *h);
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	db_bind_text(st, 2, lang && strcmp(lang, "fr") == 0 ? "fr" : "en");
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		h->id = sqlite3_column_int64(st, 0);
		db_column_copy(st, 1, h->centre_code, sizeof h->centre_code);
		db_column_copy(st, 2, h->centre, sizeof h->centre);
		db_column_copy(st, 3, h->activity, sizeof h->activity);
		db_column_copy(st, 4, h->title, sizeof h->title);
		db_column_copy(st, 5, h->date, sizeof h->date);
		db_column_copy(st, 6, h->start_time, sizeof h->start_time);
		db_column_copy(st, 7, h->end_time, sizeof h->end_time);
		db_column_copy(st, 8, h->facilitator, sizeof h->facilitator);
		db_column_copy(st, 9, h->partner, sizeof h->partner);
		db_column_copy(st, 10, h->place, sizeof h->place);
		db_column_copy(st, 11, h->status, sizeof h->status);
		db_column_copy(st, 12, h->cancel_reason, sizeof h->cancel_reason);
		db_column_copy(st, 13, h->roll, sizeof h->roll);
		for (int i = 0; i < 4; i++)
			h->counts[i] = sqlite3_column_type(st, 14 + i) == SQLITE_NULL ? -1 : (long)sqlite3_column_int64(st, 14 + i);
		rc = SQLITE_DONE;
	} else if (rc == SQLITE_DONE) {
		rc = SQLITE_NOTFOUND;
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_NOTFOUND ? ST_NOT_FOUND : db_status_of(rc);
}

static enum status read_rows(struct db *db, const struct psych_sheet_head *h,
                             void (*cb)(const struct psych_sheet_row *row, void *ctx), void *ctx)
{
	static const char sql[] =
		"SELECT p.case_key, p.family_name, p.given_names, p.sex, coalesce(p.birth_date, ''), "
		"p.birth_estimated, a.mark "
		"FROM psych_attendance a JOIN person p ON p.id = a.person_id WHERE a.session_id = ?1 "
		"ORDER BY p.family_name, p.given_names, p.id";
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, h->id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct psych_sheet_row r;
		char birth[11];
		size_t len = 0;
		memset(&r, 0, sizeof r);
		db_column_copy(st, 0, r.case_key, sizeof r.case_key);
		append_utf8(r.name, sizeof r.name, &len, (const char *)sqlite3_column_text(st, 1), true);
		append_utf8(r.name, sizeof r.name, &len, " ", false);
		append_utf8(r.name, sizeof r.name, &len, (const char *)sqlite3_column_text(st, 2), false);
		const unsigned char *sex = sqlite3_column_text(st, 3);
		r.sex = sex ? (char)sex[0] : 'x';
		db_column_copy(st, 4, birth, sizeof birth);
		age_text(birth, sqlite3_column_int(st, 5) != 0, h->date, r.age, sizeof r.age);
		db_column_copy(st, 6, r.mark, sizeof r.mark);
		if (cb)
			cb(&r, ctx);
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return db_status_of(rc);
}

enum status psych_sheet_read(struct db *db, long long id, const char *lang, struct psych_sheet_head *head,
                             void (*cb)(const struct psych_sheet_row *row, void *ctx), void *ctx)
{
	enum status s = db_require(db, PERM_PSYCH_READ);
	if (s != ST_OK)
		return s;
	s = read_head(db, id, lang, head);
	return s == ST_OK ? read_rows(db, head, cb, ctx) : s;
}

/* ---- writing ---------------------------------------------------------- */

#define SHEET_COLS 80

struct writer {
	FILE *out;
	enum psych_sheet_format format;
	const struct psych_sheet_head *head;
	long rows;
};

static const char *label_of(const struct vocab *v, const char *code)
{
	const char *l = vocab_label(v, code);
	return l ? _(l) : code;
}

static const char *sex_label(char sex)
{
	return sex == 'f' ? _("F") : sex == 'm' ? _("M") : "?";
}

/* s sanitised, then cut or padded with blanks to exactly cols columns. */
static void pad(const char *s, int cols, char *out, size_t size)
{
	char clean[1024];
	text_sanitize(s ? s : "", clean, sizeof clean);
	int w = text_fit(clean, cols, out, size);
	size_t len = strlen(out);
	while (w < cols && len + 1 < size) {
		out[len++] = ' ';
		w++;
	}
	out[len] = '\0';
}

/* next = cur, a blank and word (cur alone when it would not fit). Both
 * hold size bytes. */
static void join_word(const char *cur, const char *word, char *next, size_t size)
{
	size_t cl = strlen(cur), wl = strlen(word);
	memcpy(next, cur, cl + 1);
	if (cl + 1 + wl >= size)
		return;
	if (cl)
		next[cl++] = ' ';
	memcpy(next + cl, word, wl + 1);
}

/* Writes text word-wrapped in cols columns, each line after indent blanks
 * (the first after first instead, which is as wide). Never cuts a word
 * silently: a word wider than the line is cut with an ellipsis. */
static void put_wrapped(FILE *out, const char *first, int indent, int cols, const char *text)
{
	char clean[1024], cur[1024] = "", next[1024];
	text_sanitize(text ? text : "", clean, sizeof clean);
	bool at_first = true;
	char *save = NULL;
	for (char *w = strtok_r(clean, " ", &save);; w = strtok_r(NULL, " ", &save)) {
		if (w)
			join_word(cur, w, next, sizeof next);
		if (!w || (cur[0] && text_width(next) > cols)) {
			char fit[1024];
			text_fit(cur, cols, fit, sizeof fit);
			fprintf(out, "%s%s\n", at_first ? first : "", fit);
			at_first = false;
			first = NULL;
			if (!w)
				return;
			fprintf(out, "%*s", indent, "");
			snprintf(cur, sizeof cur, "%s", w);
		} else {
			memcpy(cur, next, sizeof cur);
		}
	}
}

/* One heading line "Label: value" of the text sheet, wrapped. */
static void text_field(FILE *out, const char *label, const char *value)
{
	char lab[256];
	snprintf(lab, sizeof lab, "%s: ", label);
	char padded[512];
	pad(lab, 16, padded, sizeof padded);
	put_wrapped(out, padded, 16, SHEET_COLS - 16, value);
}

static void when_text(const struct psych_sheet_head *h, char *day, size_t dsize, char *time, size_t tsize)
{
	struct pdate d;
	day[0] = time[0] = '\0';
	if (date_from_iso(h->date, &d) == DATE_OK)
		date_format(&d, day, dsize);
	if (h->start_time[0])
		snprintf(time, tsize, "%s%s%s", h->start_time, h->end_time[0] ? "-" : "", h->end_time);
}

static void write_heading(struct writer *w)
{
	const struct psych_sheet_head *h = w->head;
	char day[32], time[16], centre[400], counts[256] = "";
	when_text(h, day, sizeof day, time, sizeof time);
	snprintf(centre, sizeof centre, "%s (%s)", h->centre, h->centre_code);
	const char *status = label_of(VOCAB_PSYCH_STATUS, h->status);
	char status_text[512];
	if (h->cancel_reason[0])
		snprintf(status_text, sizeof status_text, "%s: %s", status, h->cancel_reason);
	else
		snprintf(status_text, sizeof status_text, "%s", status);
	if (strcmp(h->roll, "count") == 0)
		snprintf(counts, sizeof counts, _("boys %ld, girls %ld, men %ld, women %ld"), h->counts[0] < 0 ? 0 : h->counts[0],
		         h->counts[1] < 0 ? 0 : h->counts[1], h->counts[2] < 0 ? 0 : h->counts[2],
		         h->counts[3] < 0 ? 0 : h->counts[3]);
	const char *labels[] = { _("Centre"), _("Activity"), _("Title"), _("Date"), _("Time"), _("Facilitator"),
		                 _("Partner"), _("Place"), _("Status"), _("Head count") };
	const char *values[] = { centre, h->activity, h->title, day, time, h->facilitator, h->partner, h->place,
		                 status_text, counts };
	if (w->format == PSYCH_SHEET_CSV) {
		const char *title[] = { _("Attendance sheet") };
		csvout_row(w->out, title, 1);
		for (int i = 0; i < 10; i++) {
			if (i == 9 && !counts[0])
				continue;
			const char *row[] = { labels[i], values[i] };
			csvout_row(w->out, row, 2);
		}
		csvout_row(w->out, NULL, 0);
		const char *cols[] = { _("Case number"), _("Name"), _("Sex"), _("Age"), _("Mark") };
		csvout_row(w->out, cols, 5);
		return;
	}
	fprintf(w->out, "%s\n\n", _("ATTENDANCE SHEET"));
	for (int i = 0; i < 10; i++)
		if (values[i][0])
			text_field(w->out, labels[i], values[i]);
	fprintf(w->out, "\n");
	char c[5][256];
	pad(_("Case number"), 15, c[0], sizeof c[0]);
	pad(_("Name"), 30, c[1], sizeof c[1]);
	pad(_("Sex"), 4, c[2], sizeof c[2]);
	pad(_("Age"), 5, c[3], sizeof c[3]);
	pad(_("Mark"), 12, c[4], sizeof c[4]);
	fprintf(w->out, "%s %s %s%s%s%s\n", c[0], c[1], c[2], c[3], c[4], _("Signature"));
	for (int i = 0; i < SHEET_COLS; i++)
		fputc('-', w->out);
	fputc('\n', w->out);
}

/* Writes one row; the text sheet wraps a long name under itself. */
static void write_row(const struct psych_sheet_row *r, void *ctx)
{
	struct writer *w = ctx;
	char number[32];
	if (!casenum_display(r->case_key, number, sizeof number))
		snprintf(number, sizeof number, "%s", r->case_key);
	const char *mark = label_of(VOCAB_PSYCH_MARK, r->mark);
	w->rows++;
	if (w->format == PSYCH_SHEET_CSV) {
		const char *row[] = { number, r->name, sex_label(r->sex), r->age, mark };
		csvout_row(w->out, row, 5);
		return;
	}
	char c[5][256], rest[800];
	pad(number, 15, c[0], sizeof c[0]);
	pad(r->sex == 'f' || r->sex == 'm' ? sex_label(r->sex) : "?", 4, c[2], sizeof c[2]);
	pad(r->age, 5, c[3], sizeof c[3]);
	pad(mark, 12, c[4], sizeof c[4]);
	/* Case 15, name 30, then sex, age, mark and a line to sign: 80. */
	snprintf(rest, sizeof rest, " %s%s%s___________", c[2], c[3], c[4]);
	char clean[1024];
	text_sanitize(r->name, clean, sizeof clean);
	/* The name wrapped in its column, the rest on its first line. */
	char cur[1024] = "", next[1024];
	bool first = true;
	char *save = NULL;
	for (char *word = strtok_r(clean, " ", &save);; word = strtok_r(NULL, " ", &save)) {
		if (word)
			join_word(cur, word, next, sizeof next);
		if (!word || (cur[0] && text_width(next) > 30)) {
			pad(cur, 30, c[1], sizeof c[1]);
			if (first)
				fprintf(w->out, "%s %s%s\n", c[0], c[1], rest);
			else
				fprintf(w->out, "%16s%s\n", "", c[1]);
			first = false;
			if (!word)
				return;
			snprintf(cur, sizeof cur, "%s", word);
		} else {
			memcpy(cur, next, sizeof cur);
		}
	}
}

static void write_footer(struct writer *w)
{
	if (w->format == PSYCH_SHEET_CSV)
		return;
	for (int i = 0; i < SHEET_COLS; i++)
		fputc('-', w->out);
	fprintf(w->out, "\n");
	char line[256];
	snprintf(line, sizeof line, _("People listed: %ld"), w->rows);
	fprintf(w->out, "%s\n\n\n", line);
	fprintf(w->out, "%s ______________________________   %s ____________\n", _("Facilitator's signature:"),
	        _("Date:"));
}

enum status psych_sheet_export(struct db *db, long long id, const char *lang, enum psych_sheet_format format,
                               FILE *out)
{
	enum status s = db_require(db, PERM_PSYCH_READ);
	if (s != ST_OK)
		return s;
	if (!out || (format != PSYCH_SHEET_CSV && format != PSYCH_SHEET_TEXT))
		return ST_INVALID;
	/* One transaction: the sheet is one snapshot, and the audit row is
	 * written only when the file was. */
	if ((s = db_begin(db)) != ST_OK)
		return s;
	struct psych_sheet_head head;
	struct writer w = { out, format, &head, 0 };
	s = read_head(db, id, lang, &head);
	if (s == ST_OK) {
		write_heading(&w);
		s = read_rows(db, &head, write_row, &w);
	}
	if (s == ST_OK) {
		write_footer(&w);
		if (fflush(out) != 0 || ferror(out))
			s = ST_IO;
	}
	if (s == ST_OK) {
		char json[128];
		snprintf(json, sizeof json, "{\"format\": \"%s\", \"rows\": %ld}", format == PSYCH_SHEET_CSV ? "csv" : "text",
		         w.rows);
		s = audit_log(db, "export", "psych_session", id, json);
	}
	return db_finish(db, s);
}

enum status psych_sheet_file_name(struct db *db, long long id, enum psych_sheet_format format, char *out,
                                  size_t size)
{
	static const char sql[] =
		"SELECT s.date, a.code FROM psych_session s JOIN ref_item a ON a.id = s.activity_id WHERE s.id = ?1";
	enum status s = db_require(db, PERM_PSYCH_READ);
	if (s != ST_OK)
		return s;
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	s = rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOT_FOUND : db_status_of(rc);
	if (s == ST_OK) {
		char date[11], code[48];
		db_column_copy(st, 0, date, sizeof date);
		db_column_copy(st, 1, code, sizeof code);
		/* Only letters, digits and '-' from the code: a safe file name. */
		for (char *c = code; *c; c++)
			if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9')))
				*c = '-';
		snprintf(out, size, "attendance-%s-%s.%s", date, code, format == PSYCH_SHEET_CSV ? "csv" : "txt");
	}
	sqlite3_reset(st);
	return s;
}
