/* An import's row read as a registration: each cell sanitised, checked
 * with its column, then the whole person through person_check. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/i18n.h"
#include "core/import_date.h"
#include "core/text.h"
#include "core/training_vocab.h"
#include "core/vocab.h"
#include "db/db_private.h"
#include "db/import_private.h"
#include "db/person.h"

void import_problem(struct import_ctx *c, int line, int column, const char *fmt, ...)
{
	char raw[512], clean[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(raw, sizeof raw, fmt, ap);
	va_end(ap);
	text_sanitize(raw, clean, sizeof clean);
	if (c->nheld == IMPORT_ROW_PROBLEMS)
		import_flush(c);
	struct import_held *h = &c->held[c->nheld++];
	h->line = line;
	h->column = column;
	memcpy(h->text, clean, sizeof h->text);
}

void import_flush(struct import_ctx *c)
{
	/* A stable insertion sort: a row has a few problems. */
	for (int i = 1; i < c->nheld; i++)
		for (int j = i; j > 0 && c->held[j - 1].column > c->held[j].column; j--) {
			struct import_held t = c->held[j];
			c->held[j] = c->held[j - 1];
			c->held[j - 1] = t;
		}
	for (int i = 0; i < c->nheld; i++)
		if (c->cb && c->cb->problem)
			c->cb->problem(c->held[i].line, c->held[i].column, false, c->held[i].text, c->cb->ctx);
	c->nheld = 0;
}

void import_ctx_free(struct import_ctx *c)
{
	for (int i = 0; i < c->nnat; i++)
		free(c->nat[i].folded);
	c->nnat = 0;
}

/* The cell of field f ("" when not mapped or the row is short). */
static const char *cell(const struct import_ctx *c, const struct import_row *r, int f)
{
	int col = c->map->col[f];
	return col >= 0 && col < r->nfields ? r->fields[col].text : "";
}

/* The line the cell of field f starts on. */
static int cell_line(const struct import_ctx *c, const struct import_row *r, int f)
{
	int col = c->map->col[f];
	return col >= 0 && col < r->nfields ? r->fields[col].line : r->line;
}

/* The column number of field f (1 first), 0 when not mapped. */
static int column(const struct import_ctx *c, int f)
{
	return c->map->col[f] + 1;
}

/* A value as it may be quoted in a message: sanitised, at most 40
 * columns. */
static const char *clip(const char *v, char *out, size_t size)
{
	text_fit(v, 40, out, size);
	return out;
}

/* Reports a problem with the cell of field f. */
#define BAD(c, r, f, ...) import_problem((c), cell_line((c), (r), (f)), column((c), (f)), __VA_ARGS__)

/* True when s holds more than blanks. */
static bool filled(const char *s)
{
	return s[strspn(s, " \t\r\n")] != '\0';
}

/* Copies the cell of f sanitised and trimmed into out (size bytes, max
 * of them at most): false, reported, when longer. */
static bool text_cell(struct import_ctx *c, const struct import_row *r, int f, char *out, size_t size)
{
	char clean[PERSON_NAME_MAX * 4 + 1];
	const char *v = cell(c, r, f);
	v += strspn(v, " \t\r\n");
	text_sanitize(v, clean, sizeof clean);
	size_t n = strlen(clean);
	while (n && clean[n - 1] == ' ')
		clean[--n] = '\0';
	if (n >= size) {
		BAD(c, r, f, _("the text is too long (at most %d bytes)"), (int)size - 1);
		out[0] = '\0';
		return false;
	}
	memcpy(out, clean, n + 1);
	return true;
}

/* The code of value v for field f: a value map, else v itself when the
 * vocabulary has it (case ignored). NULL when neither. */
static const char *code_of(struct import_ctx *c, int f, const struct vocab *vocab, const char *v, char *buf,
                           size_t size)
{
	const char *mapped = import_map_value(c->map, f, v);
	if (mapped)
		return mapped;
	char *folded = text_fold(v);
	if (!folded)
		return NULL;
	char *t = folded + strspn(folded, " ");
	size_t n = strlen(t);
	while (n && t[n - 1] == ' ')
		t[--n] = '\0';
	snprintf(buf, size, "%s", t);
	free(folded);
	return vocab && vocab_has(vocab, buf) ? buf : NULL;
}

/* Reports a value that is not a code of field f. */
static void unknown_value(struct import_ctx *c, const struct import_row *r, int f, const char *v)
{
	char shown[200];
	BAD(c, r, f, _("unknown value '%s': map it with a line '%s.%s = CODE'"), clip(v, shown, sizeof shown),
	    import_field_name(f), shown);
}

/* The alpha-3 code of a country named or coded v into code ("" when none). */
static void country_lookup(struct import_ctx *c, const char *v, char code[4])
{
	code[0] = '\0';
	char *folded = text_fold(v);
	if (!folded)
		return;
	char *t = folded + strspn(folded, " ");
	size_t n = strlen(t);
	while (n && t[n - 1] == ' ')
		t[--n] = '\0';
	for (int i = 0; i < c->nnat; i++)
		if (strcmp(c->nat[i].folded, t) == 0) {
			memcpy(code, c->nat[i].code, 4);
			free(folded);
			return;
		}
	sqlite3_stmt *st = db_stmt(c->db, "SELECT iso3, name_fr, name_en FROM country");
	while (st && !code[0] && sqlite3_step(st) == SQLITE_ROW) {
		const char *iso3 = (const char *)sqlite3_column_text(st, 0);
		for (int k = 0; k < 3 && !code[0]; k++) {
			const char *name = (const char *)sqlite3_column_text(st, k);
			char *fn = name ? text_fold(name) : NULL;
			if (fn && strcmp(fn, t) == 0 && iso3 && strlen(iso3) == 3)
				memcpy(code, iso3, 4);
			free(fn);
		}
	}
	if (st)
		sqlite3_reset(st);
	if (c->nnat < IMPORT_NAT_CACHE) {
		c->nat[c->nnat].folded = folded;
		memcpy(c->nat[c->nnat++].code, code, 4);
	} else {
		free(folded);
	}
}

/* Reads the names and the phone. */
static bool read_texts(struct import_ctx *c, const struct import_row *r, struct person *p)
{
	bool ok = text_cell(c, r, IMP_FAMILY_NAME, p->family_name, sizeof p->family_name);
	ok &= text_cell(c, r, IMP_GIVEN_NAMES, p->given_names, sizeof p->given_names);
	if (ok && !p->family_name[0]) {
		BAD(c, r, IMP_FAMILY_NAME, "%s", _("the family name is required"));
		ok = false;
	}
	if (ok && !p->given_names[0]) {
		BAD(c, r, IMP_GIVEN_NAMES, "%s", _("the given names are required"));
		ok = false;
	}
	ok &= text_cell(c, r, IMP_OTHER_NAMES, p->other_names, sizeof p->other_names);
	if (text_cell(c, r, IMP_PHONE, p->phone, sizeof p->phone)) {
		const char *m = person_phone_problem(p->phone);
		if (m) {
			BAD(c, r, IMP_PHONE, "%s", _(m));
			ok = false;
		}
	} else {
		ok = false;
	}
	return ok;
}

/* Reads the sex, arrival mode, nationality and centre. */
static bool read_codes(struct import_ctx *c, const struct import_row *r, struct person *p)
{
	bool ok = true;
	char buf[64];
	const char *v = cell(c, r, IMP_SEX);
	const char *code = code_of(c, IMP_SEX, VOCAB_SEX, v, buf, sizeof buf);
	if (!filled(v)) {
		BAD(c, r, IMP_SEX, "%s", _("the sex is required"));
		ok = false;
	} else if (!code) {
		unknown_value(c, r, IMP_SEX, v);
		ok = false;
	} else {
		p->sex = code[0];
	}
	snprintf(p->arrival_mode, sizeof p->arrival_mode, "other");
	v = cell(c, r, IMP_ARRIVAL_MODE);
	if (filled(v)) {
		if (!(code = code_of(c, IMP_ARRIVAL_MODE, VOCAB_ARRIVAL_MODE, v, buf, sizeof buf))) {
			unknown_value(c, r, IMP_ARRIVAL_MODE, v);
			ok = false;
		} else {
			snprintf(p->arrival_mode, sizeof p->arrival_mode, "%s", code);
		}
	}
	v = cell(c, r, IMP_NATIONALITY);
	if (filled(v)) {
		const char *mapped = import_map_value(c->map, IMP_NATIONALITY, v);
		char found[4];
		country_lookup(c, mapped ? mapped : v, found);
		if (!found[0]) {
			unknown_value(c, r, IMP_NATIONALITY, v);
			ok = false;
		}
		snprintf(p->nationality, sizeof p->nationality, "%s", found);
	}
	v = cell(c, r, IMP_CENTRE);
	if (filled(v)) {
		code = import_map_value(c->map, IMP_CENTRE, v);
		snprintf(buf, sizeof buf, "%s", code ? code : v + strspn(v, " "));
		buf[strcspn(buf, " ")] = '\0';
		for (char *s = buf; *s; s++)
			if (*s >= 'a' && *s <= 'z')
				*s = (char)(*s - 'a' + 'A');
	} else {
		snprintf(buf, sizeof buf, "%s", c->o->centre ? c->o->centre : "");
	}
	if (!buf[0]) {
		import_problem(c, r->line, column(c, IMP_CENTRE), "%s",
		               _("no centre: map the centre's column or give --centre"));
		ok = false;
	} else if (strlen(buf) >= sizeof p->centre_code || !db_centre_id(c->db, buf)) {
		char shown[200];
		import_problem(c, cell_line(c, r, IMP_CENTRE), column(c, IMP_CENTRE), _("unknown centre '%s'"),
		               clip(buf, shown, sizeof shown));
		ok = false;
	} else {
		memcpy(p->centre_code, buf, strlen(buf) + 1);
	}
	return ok;
}

/* Reads the vulnerabilities: codes or mapped values separated by ';',
 * ',', '/', '+' or '|'. */
static bool read_flags(struct import_ctx *c, const struct import_row *r, struct person *p)
{
	char list[1024];
	snprintf(list, sizeof list, "%s", cell(c, r, IMP_FLAGS));
	bool ok = true;
	char *save = NULL;
	for (char *tok = strtok_r(list, ";,/+|", &save); tok; tok = strtok_r(NULL, ";,/+|", &save)) {
		if (!filled(tok))
			continue;
		char buf[64];
		const char *code = code_of(c, IMP_FLAGS, VOCAB_FLAG, tok, buf, sizeof buf);
		int f = code ? vocab_index(VOCAB_FLAG, code) : -1;
		if (f < 0) {
			unknown_value(c, r, IMP_FLAGS, tok);
			ok = false;
			continue;
		}
		p->flags[f] = true;
		if (f == FLAG_OTHER && !p->flag_other[0]) {
			char clean[sizeof p->flag_other * 4];
			text_sanitize(tok + strspn(tok, " "), clean, sizeof clean);
			text_fit(clean, 100, p->flag_other, sizeof p->flag_other);
		}
	}
	return ok;
}

/* Reads a date cell of field f that must be a full day into iso. */
static bool day_cell(struct import_ctx *c, const struct import_row *r, int f, char iso[11])
{
	const char *m = import_date(cell(c, r, f), iso, 11);
	if (!m && !date_is_day(iso))
		m = N_("a full date is needed (day, month and year)");
	if (!m && strcmp(iso, c->today) > 0)
		m = N_("the date is in the future");
	if (m) {
		char shown[200];
		BAD(c, r, f, "'%s': %s", clip(cell(c, r, f), shown, sizeof shown), _(m));
		iso[0] = '\0';
		return false;
	}
	return true;
}

/* Reads the arrival, the birth (a date or an age on arrival) and the
 * departure. */
static bool read_dates(struct import_ctx *c, const struct import_row *r, struct import_rowdata *d)
{
	struct person *p = &d->p;
	int arrival = c->map->map_line[IMP_ARRIVAL_DATE] ? IMP_ARRIVAL_DATE : IMP_STAY_ADMITTED;
	bool ok = day_cell(c, r, arrival, p->arrival_date);
	char shown[200];
	const char *birth = cell(c, r, IMP_BIRTH_DATE), *age = cell(c, r, IMP_AGE);
	if (filled(birth) && filled(age)) {
		BAD(c, r, IMP_AGE, "%s", _("Give a date of birth or an age, not both."));
		ok = false;
	} else if (filled(birth)) {
		char iso[11];
		const char *m = import_date(birth, iso, sizeof iso);
		if (!m && strcmp(iso, c->today) > 0)
			m = N_("the date is in the future");
		if (m) {
			BAD(c, r, IMP_BIRTH_DATE, "'%s': %s", clip(birth, shown, sizeof shown), _(m));
			ok = false;
		} else {
			person_set_birth(p, iso, NULL, NULL);
		}
	} else if (filled(age)) {
		int years;
		const char *m = import_age(age, &years);
		if (m) {
			BAD(c, r, IMP_AGE, "'%s': %s", clip(age, shown, sizeof shown), _(m));
			ok = false;
		} else if (p->arrival_date[0]) {
			char text[8];
			snprintf(text, sizeof text, "%d", years);
			person_set_birth(p, NULL, text, p->arrival_date);
		}
	}
	const char *dep = cell(c, r, IMP_STAY_DEPARTED), *why = cell(c, r, IMP_STAY_REASON);
	d->departed_col = column(c, IMP_STAY_DEPARTED);
	d->departed_line = cell_line(c, r, IMP_STAY_DEPARTED);
	if (filled(dep)) {
		if (!day_cell(c, r, IMP_STAY_DEPARTED, d->departed)) {
			ok = false;
		} else if (p->arrival_date[0] && strcmp(d->departed, p->arrival_date) < 0) {
			BAD(c, r, IMP_STAY_DEPARTED, "%s", _("the departure is before the arrival"));
			ok = false;
		}
		char buf[64];
		const char *code = code_of(c, IMP_STAY_REASON, VOCAB_DEPARTURE_REASON, why, buf, sizeof buf);
		if (!filled(why)) {
			import_problem(c, cell_line(c, r, IMP_STAY_REASON), column(c, IMP_STAY_REASON), "%s",
			               _("a departure needs its reason"));
			ok = false;
		} else if (!code) {
			unknown_value(c, r, IMP_STAY_REASON, why);
			ok = false;
		} else {
			snprintf(d->reason, sizeof d->reason, "%s", code);
		}
	} else if (filled(why)) {
		BAD(c, r, IMP_STAY_REASON, "%s", _("a departure reason without a departure date"));
		ok = false;
	}
	return ok;
}

/* Reads the consultation of the row, when it has one: its day (not
 * before the arrival nor in the future), its reason (a code or mapped),
 * the diagnosis and the treatment as free text, then every rule of
 * consultation_check. */
static bool read_consultation(struct import_ctx *c, const struct import_row *r, struct import_rowdata *d)
{
	struct consultation *k = &d->consultation;
	const char *day = cell(c, r, IMP_CONSULT_DATE), *why = cell(c, r, IMP_CONSULT_REASON);
	d->has_consultation = filled(day) || filled(why) || filled(cell(c, r, IMP_CONSULT_DIAGNOSIS))
	                      || filled(cell(c, r, IMP_CONSULT_TREATMENT));
	if (!d->has_consultation)
		return true;
	d->consultation_col = column(c, IMP_CONSULT_DATE);
	d->consultation_line = cell_line(c, r, IMP_CONSULT_DATE);
	bool ok = true;
	if (!filled(day)) {
		import_problem(c, cell_line(c, r, IMP_CONSULT_DATE), column(c, IMP_CONSULT_DATE), "%s",
		               _("a consultation needs its date"));
		ok = false;
	} else if (!day_cell(c, r, IMP_CONSULT_DATE, k->date)) {
		ok = false;
	} else if (d->p.arrival_date[0] && strcmp(k->date, d->p.arrival_date) < 0) {
		BAD(c, r, IMP_CONSULT_DATE, "%s", _("the consultation is before the arrival"));
		ok = false;
	}
	char buf[64];
	const char *code = code_of(c, IMP_CONSULT_REASON, VOCAB_CONSULT_REASON, why, buf, sizeof buf);
	if (!filled(why)) {
		import_problem(c, cell_line(c, r, IMP_CONSULT_REASON), column(c, IMP_CONSULT_REASON), "%s",
		               _("a consultation needs its reason"));
		ok = false;
	} else if (!code) {
		unknown_value(c, r, IMP_CONSULT_REASON, why);
		ok = false;
	} else {
		snprintf(k->reason, sizeof k->reason, "%s", code);
	}
	ok &= text_cell(c, r, IMP_CONSULT_DIAGNOSIS, k->diagnosis, sizeof k->diagnosis);
	ok &= text_cell(c, r, IMP_CONSULT_TREATMENT, k->treatment, sizeof k->treatment);
	memcpy(k->centre_code, d->p.centre_code, sizeof k->centre_code);
	const char *m;
	if (ok && consultation_check(k, c->today, &m) != ST_OK) {
		BAD(c, r, IMP_CONSULT_DATE, "%s", _(m));
		ok = false;
	}
	return ok;
}

/* The training course named or numbered v (a value map gives a number):
 * by its title with case and accents ignored, one at the row's centre
 * first. 0 when none, -1 when several have that title. */
static long long course_lookup(struct import_ctx *c, const char *v, const char *centre)
{
	const char *mapped = import_map_value(c->map, IMP_TRAINING_COURSE, v);
	char *t = text_fold(mapped ? mapped : v);
	if (!t)
		return 0;
	char *s = t + strspn(t, " ");
	size_t n = strlen(s);
	while (n && s[n - 1] == ' ')
		s[--n] = '\0';
	long long here = 0, there = 0;
	int nhere = 0, nthere = 0;
	bool number = n && n < 16 && strspn(s, "0123456789") == n;
	sqlite3_stmt *st = db_stmt(c->db, "SELECT tc.id, tc.title, ce.code = ?1 FROM training_course tc "
	                                  "JOIN centre ce ON ce.id = tc.centre_id");
	if (st)
		db_bind_text(st, 1, centre);
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		long long id = sqlite3_column_int64(st, 0);
		bool same;
		if (number) {
			same = id == strtoll(s, NULL, 10);
		} else {
			const char *title = (const char *)sqlite3_column_text(st, 1);
			char *ft = title ? text_fold(title) : NULL;
			char *f = ft ? ft + strspn(ft, " ") : NULL;
			size_t k = f ? strlen(f) : 0;
			while (k && f[k - 1] == ' ')
				f[--k] = '\0';
			same = f && strcmp(f, s) == 0;
			free(ft);
		}
		if (same && sqlite3_column_int(st, 2)) {
			here = id;
			nhere++;
		} else if (same) {
			there = id;
			nthere++;
		}
	}
	if (st)
		sqlite3_reset(st);
	free(t);
	if (nhere)
		return nhere == 1 ? here : -1;
	return nthere == 1 ? there : nthere ? -1 : 0;
}

/* Reads the enrolment of the row, when it has one: an existing course
 * and a status an enrolment may begin with (or completed). */
static bool read_training(struct import_ctx *c, const struct import_row *r, struct import_rowdata *d)
{
	const char *course = cell(c, r, IMP_TRAINING_COURSE), *status = cell(c, r, IMP_TRAINING_STATUS);
	d->has_training = filled(course) || filled(status);
	if (!d->has_training)
		return true;
	d->training_col = column(c, IMP_TRAINING_COURSE);
	d->training_line = cell_line(c, r, IMP_TRAINING_COURSE);
	bool ok = true;
	char shown[200];
	if (!filled(course)) {
		import_problem(c, d->training_line, d->training_col, "%s", _("a training needs its course"));
		ok = false;
	} else if ((d->course_id = course_lookup(c, course, d->p.centre_code)) == 0) {
		BAD(c, r, IMP_TRAINING_COURSE, _("no training course is named '%s'"), clip(course, shown, sizeof shown));
		ok = false;
	} else if (d->course_id < 0) {
		BAD(c, r, IMP_TRAINING_COURSE,
		    _("several training courses are named '%s': map it to the course's number with a line "
		      "'training.course.%s = NUMBER'"),
		    clip(course, shown, sizeof shown), shown);
		ok = false;
	}
	static const char *const allowed[] = { "applied", "selected", "enrolled", "completed" };
	char buf[64];
	const char *code = code_of(c, IMP_TRAINING_STATUS, VOCAB_TRAINING_ENROLMENT_STATUS, status, buf, sizeof buf);
	bool known = false;
	for (size_t i = 0; code && i < sizeof allowed / sizeof allowed[0]; i++)
		known |= strcmp(code, allowed[i]) == 0;
	if (!filled(status)) {
		import_problem(c, cell_line(c, r, IMP_TRAINING_STATUS), column(c, IMP_TRAINING_STATUS), "%s",
		               _("a training needs its status"));
		ok = false;
	} else if (!code) {
		unknown_value(c, r, IMP_TRAINING_STATUS, status);
		ok = false;
	} else if (!known) {
		BAD(c, r, IMP_TRAINING_STATUS, _("'%s': an import enrols people as applied, selected, enrolled or "
		                                 "completed; record the rest on the training screen"),
		    clip(status, shown, sizeof shown));
		ok = false;
	} else {
		snprintf(d->training_status, sizeof d->training_status, "%s", code);
	}
	return ok;
}

/* The field of the import a field name of person_consistency_problem is
 * about, -1 when none. */
static int field_of(const char *name)
{
	if (!name)
		return -1;
	if (strcmp(name, "arrival_date") == 0)
		return IMP_ARRIVAL_DATE;
	if (strcmp(name, "phone") == 0)
		return IMP_PHONE;
	if (strcmp(name, "other_names") == 0)
		return IMP_OTHER_NAMES;
	if (vocab_index(VOCAB_FLAG, name) >= 0)
		return IMP_FLAGS;
	return -1;
}

bool import_row_read(struct import_ctx *c, const struct import_row *row, struct import_rowdata *d)
{
	memset(d, 0, sizeof *d);
	struct person *p = &d->p;
	bool ok = read_texts(c, row, p);
	ok &= read_codes(c, row, p);
	ok &= read_flags(c, row, p);
	ok &= read_dates(c, row, d);
	ok &= read_consultation(c, row, d);
	ok &= read_training(c, row, d);
	/* What the legacy registration is taken to have been. */
	p->consent_data = true;
	p->consent_share = false;
	snprintf(p->consent_date, sizeof p->consent_date, "%s", p->arrival_date);
	snprintf(p->kind, sizeof p->kind, "migrant");
	if (!ok)
		return false;
	/* Then every rule of the registration, as person_save applies them. */
	const char *m;
	if (person_check(p, c->today, &m) == ST_OK)
		return true;
	const char *name = NULL;
	int f = -1;
	if (person_consistency_problem(p, c->today, &name))
		f = field_of(name);
	else if (person_birth_problem(p) || strstr(m, "birth"))
		f = c->map->map_line[IMP_BIRTH_DATE] && filled(cell(c, row, IMP_BIRTH_DATE)) ? IMP_BIRTH_DATE : IMP_AGE;
	if (f >= 0 && c->map->col[f] >= 0)
		BAD(c, row, f, "%s", _(m));
	else
		import_problem(c, row->line, 0, "%s", _(m));
	return false;
}
