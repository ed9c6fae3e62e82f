/* The mapping file of an import (core/import_map.h). */
#include "core/import_map.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/import_csv.h"
#include "core/text.h"
#include "core/training_vocab.h"
#include "core/vocab.h"

static const char *const names[IMP_FIELD_COUNT_] = {
	[IMP_FAMILY_NAME] = "family_name",       [IMP_GIVEN_NAMES] = "given_names",
	[IMP_OTHER_NAMES] = "other_names",       [IMP_SEX] = "sex",
	[IMP_BIRTH_DATE] = "birth_date",         [IMP_AGE] = "age",
	[IMP_NATIONALITY] = "nationality",       [IMP_PHONE] = "phone",
	[IMP_ARRIVAL_DATE] = "arrival_date",     [IMP_CENTRE] = "centre",
	[IMP_ARRIVAL_MODE] = "arrival_mode",     [IMP_FLAGS] = "flags",
	[IMP_STAY_ADMITTED] = "stay.admitted",   [IMP_STAY_DEPARTED] = "stay.departed",
	[IMP_STAY_REASON] = "stay.departure_reason", [IMP_CONSULT_DATE] = "consultation.date",
	[IMP_CONSULT_REASON] = "consultation.reason", [IMP_CONSULT_DIAGNOSIS] = "consultation.diagnosis",
	[IMP_CONSULT_TREATMENT] = "consultation.treatment", [IMP_TRAINING_COURSE] = "training.course",
	[IMP_TRAINING_STATUS] = "training.status",
};

const char *import_field_name(int f)
{
	return f >= 0 && f < IMP_FIELD_COUNT_ ? names[f] : "";
}

/* The vocabulary of the codes a value of f maps to, NULL when any text
 * (nationalities and centres are checked against the database). */
static const struct vocab *field_vocab(int f)
{
	switch (f) {
	case IMP_SEX:
		return VOCAB_SEX;
	case IMP_ARRIVAL_MODE:
		return VOCAB_ARRIVAL_MODE;
	case IMP_FLAGS:
		return VOCAB_FLAG;
	case IMP_STAY_REASON:
		return VOCAB_DEPARTURE_REASON;
	case IMP_CONSULT_REASON:
		return VOCAB_CONSULT_REASON;
	case IMP_TRAINING_STATUS:
		return VOCAB_TRAINING_ENROLMENT_STATUS;
	default:
		return NULL;
	}
}

/* True when values of field f may be mapped. */
static bool has_values(int f)
{
	return field_vocab(f) || f == IMP_NATIONALITY || f == IMP_CENTRE || f == IMP_TRAINING_COURSE;
}

/* Writes the translated msgid, with its one %s from arg sanitised. */
#define SAY(err, errsz, msgid, arg)                                \
	do {                                                       \
		char clean_[160];                                  \
		text_sanitize((arg), clean_, sizeof clean_);       \
		snprintf((err), (errsz), _(msgid), clean_);        \
	} while (0)

/* Writes the translated msgid, without argument. */
static void say0(char *err, size_t errsz, const char *msgid)
{
	snprintf(err, errsz, "%s", _(msgid));
}

/* Trims blanks at both ends of s in place; returns it. */
static char *trim(char *s)
{
	s += strspn(s, " \t\r");
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		s[--n] = '\0';
	return s;
}

/* Folded s with blanks trimmed (a new string), NULL when out of memory. */
static char *fold_trim(const char *s)
{
	char *f = text_fold(s);
	if (!f)
		return NULL;
	char *t = trim(f);
	memmove(f, t, strlen(t) + 1);
	return f;
}

/* Reads `field.VALUE = code` (key is "field.VALUE"). */
static bool add_value(struct import_map *m, int f, const char *value, const char *code, char *err, size_t errsz)
{
	const struct vocab *v = field_vocab(f);
	if (!*value || strlen(code) >= sizeof m->values[0].to || (v && !vocab_has(v, code))
	    || (!v && strspn(code, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") != strlen(code))
	    || (f == IMP_TRAINING_COURSE && strspn(code, "0123456789") != strlen(code))) {
		SAY(err, errsz, N_("'%s' is not a code of this field"), code);
		return false;
	}
	if (m->nvalues == m->capvalues) {
		int cap = m->capvalues ? m->capvalues * 2 : 16;
		struct import_value *more = realloc(m->values, (size_t)cap * sizeof *more);
		if (!more) {
			say0(err, errsz, N_("out of memory"));
			return false;
		}
		m->values = more;
		m->capvalues = cap;
	}
	char *from = fold_trim(value);
	if (!from) {
		say0(err, errsz, N_("out of memory"));
		return false;
	}
	for (int i = 0; i < m->nvalues; i++)
		if (m->values[i].field == f && strcmp(m->values[i].from, from) == 0) {
			free(from);
			SAY(err, errsz, N_("the value '%s' is mapped twice"), value);
			return false;
		}
	struct import_value *iv = &m->values[m->nvalues++];
	iv->field = f;
	iv->from = from;
	snprintf(iv->to, sizeof iv->to, "%s", code);
	return true;
}

/* Reads one `key = value` line. */
static bool parse_line(struct import_map *m, char *line, int lineno, char *err, size_t errsz)
{
	char *eq = strchr(line, '=');
	if (!eq) {
		SAY(err, errsz, N_("expected 'field = Column header', not '%s'"), line);
		return false;
	}
	*eq = '\0';
	char *key = trim(line), *value = trim(eq + 1);
	for (int f = 0; f < IMP_FIELD_COUNT_; f++) {
		size_t n = strlen(names[f]);
		if (strcmp(key, names[f]) == 0) {
			if (m->map_line[f]) {
				SAY(err, errsz, N_("the field '%s' is mapped twice"), key);
				return false;
			}
			if (!*value || strlen(value) >= sizeof m->header[f]) {
				SAY(err, errsz, N_("the field '%s' needs a column header"), key);
				return false;
			}
			snprintf(m->header[f], sizeof m->header[f], "%s", value);
			m->folded[f] = fold_trim(value);
			m->map_line[f] = lineno;
			if (!m->folded[f]) {
				say0(err, errsz, N_("out of memory"));
				return false;
			}
			return true;
		}
		if (strncmp(key, names[f], n) == 0 && key[n] == '.' && has_values(f)
		    && !(f == IMP_STAY_ADMITTED || f == IMP_STAY_DEPARTED))
			return add_value(m, f, trim(key + n + 1), value, err, errsz);
	}
	SAY(err, errsz, N_("unknown field '%s'"), key);
	return false;
}

bool import_map_parse(struct import_map *m, const char *text, size_t len, int *line, char *err, size_t errsz)
{
	memset(m, 0, sizeof *m);
	for (int f = 0; f < IMP_FIELD_COUNT_; f++)
		m->col[f] = -1;
	*line = 0;
	if (len > IMPORT_MAP_MAX || memchr(text, '\0', len)) {
		say0(err, errsz, N_("not a mapping file"));
		return false;
	}
	char *copy = malloc(len + 1);
	if (!copy) {
		say0(err, errsz, N_("out of memory"));
		return false;
	}
	memcpy(copy, text, len);
	copy[len] = '\0';
	bool ok = true;
	char *s = copy;
	if (strncmp(s, "\xEF\xBB\xBF", 3) == 0)
		s += 3;
	for (int lineno = 1; ok && s; lineno++) {
		char *nl = strchr(s, '\n');
		if (nl)
			*nl = '\0';
		*line = lineno;
		char *t = trim(s);
		if (!text_valid_utf8(t)) {
			say0(err, errsz, N_("the line is not valid UTF-8"));
			ok = false;
		} else if (*t && *t != '#') {
			ok = parse_line(m, t, lineno, err, errsz);
		}
		s = nl ? nl + 1 : NULL;
	}
	free(copy);
	if (ok)
		*line = 0;
	return ok;
}

bool import_map_columns(struct import_map *m, const struct import_row *header, int *line, char *err,
                        size_t errsz)
{
	*line = 0;
	for (int f = 0; f < IMP_FIELD_COUNT_; f++) {
		m->col[f] = -1;
		if (!m->map_line[f])
			continue;
		for (int c = 0; c < header->nfields; c++) {
			char *h = fold_trim(header->fields[c].text);
			bool same = h && strcmp(h, m->folded[f]) == 0;
			free(h);
			if (!same)
				continue;
			if (m->col[f] >= 0) {
				*line = m->map_line[f];
				SAY(err, errsz, N_("the column '%s' is in the header twice"), m->header[f]);
				return false;
			}
			m->col[f] = c;
		}
		if (m->col[f] < 0) {
			*line = m->map_line[f];
			SAY(err, errsz, N_("no column '%s' in the file's header"), m->header[f]);
			return false;
		}
	}
	static const int required[] = { IMP_FAMILY_NAME, IMP_GIVEN_NAMES, IMP_SEX };
	for (size_t i = 0; i < sizeof required / sizeof required[0]; i++)
		if (!m->map_line[required[i]]) {
			SAY(err, errsz, N_("the mapping needs the field '%s'"), names[required[i]]);
			return false;
		}
	if (!m->map_line[IMP_ARRIVAL_DATE] && !m->map_line[IMP_STAY_ADMITTED]) {
		SAY(err, errsz, N_("the mapping needs the field '%s'"), names[IMP_ARRIVAL_DATE]);
		return false;
	}
	if (m->map_line[IMP_ARRIVAL_DATE] && m->map_line[IMP_STAY_ADMITTED]) {
		*line = m->map_line[IMP_STAY_ADMITTED];
		SAY(err, errsz, N_("map '%s' or stay.admitted, not both: the first stay begins on arrival"),
		    names[IMP_ARRIVAL_DATE]);
		return false;
	}
	/* A consultation needs its day and its reason. */
	for (int f = IMP_CONSULT_DATE; f <= IMP_CONSULT_TREATMENT; f++) {
		if (!m->map_line[f])
			continue;
		for (int need = IMP_CONSULT_DATE; need <= IMP_CONSULT_REASON; need++)
			if (!m->map_line[need]) {
				*line = m->map_line[f];
				SAY(err, errsz, N_("the mapping needs the field '%s' for a consultation"), names[need]);
				return false;
			}
	}
	/* An enrolment needs its course and its status. */
	for (int f = IMP_TRAINING_COURSE; f <= IMP_TRAINING_STATUS; f++)
		if (m->map_line[f] && !m->map_line[IMP_TRAINING_COURSE + IMP_TRAINING_STATUS - f]) {
			*line = m->map_line[f];
			SAY(err, errsz, N_("the mapping needs the field '%s' for a training"),
			    names[IMP_TRAINING_COURSE + IMP_TRAINING_STATUS - f]);
			return false;
		}
	return true;
}

const char *import_map_value(const struct import_map *m, int f, const char *value)
{
	bool any = false;
	for (int i = 0; i < m->nvalues && !any; i++)
		any = m->values[i].field == f;
	if (!any)
		return NULL;
	char *v = fold_trim(value);
	const char *to = NULL;
	for (int i = 0; v && !to && i < m->nvalues; i++)
		if (m->values[i].field == f && strcmp(m->values[i].from, v) == 0)
			to = m->values[i].to;
	free(v);
	return to;
}

void import_map_free(struct import_map *m)
{
	for (int f = 0; f < IMP_FIELD_COUNT_; f++) {
		free(m->folded[f]);
		m->folded[f] = NULL;
	}
	for (int i = 0; i < m->nvalues; i++)
		free(m->values[i].from);
	free(m->values);
	m->values = NULL;
	m->nvalues = m->capvalues = 0;
}
