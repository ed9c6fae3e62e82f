/* Reports without the database: periods, age groups, one line's counts
 * and the columns of each breakdown. */
#include "core/report.h"

#include <stdio.h>
#include <string.h>

#include "core/date.h"
#include "core/i18n.h"

int report_age_group(int years)
{
	if (years < 0)
		return REPORT_AGE_UNKNOWN;
	if (years <= 4)
		return REPORT_AGE_0_4;
	if (years <= 11)
		return REPORT_AGE_5_11;
	if (years <= 14)
		return REPORT_AGE_12_14;
	if (years <= 17)
		return REPORT_AGE_15_17;
	if (years <= 24)
		return REPORT_AGE_18_24;
	if (years <= 59)
		return REPORT_AGE_25_59;
	return REPORT_AGE_60_UP;
}

bool report_age_child(int group)
{
	return group >= REPORT_AGE_0_4 && group <= REPORT_AGE_15_17;
}

const char *report_age_label(int group)
{
	static const char *const labels[REPORT_AGE_COUNT_] = {
		N_("0-4"), N_("5-11"), N_("12-14"), N_("15-17"), N_("18-24"), N_("25-59"), N_("60+"),
		N_("Unknown age"),
	};
	return group >= 0 && group < REPORT_AGE_COUNT_ ? labels[group] : labels[REPORT_AGE_UNKNOWN];
}

/* Reads a whole day, ISO or as typed (DD/MM/YYYY), into *d. */
static bool read_day(const char *s, struct pdate *d)
{
	return date_parse(s, d) == DATE_OK && d->prec == DATE_DAY;
}

static void iso_day(int y, int m, int d, char out[11])
{
	unsigned uy = (unsigned)y % 10000u, um = (unsigned)m % 100u, ud = (unsigned)d % 100u;
	snprintf(out, 11, "%04u-%02u-%02u", uy, um, ud);
}

/* The day after y-m-d. */
static void next_day(int y, int m, int d, char out[11])
{
	if (d < date_days_in_month(y, m))
		d++;
	else if (m < 12) {
		m++;
		d = 1;
	} else {
		y++;
		m = 1;
		d = 1;
	}
	iso_day(y, m, d, out);
}

static bool year_ok(int y)
{
	return y >= 1900 && y <= 2200;
}

bool report_period_parse(const char *text, struct report_period *out)
{
	memset(out, 0, sizeof *out);
	if (!text)
		return false;
	while (*text == ' ')
		text++;
	char s[64];
	size_t n = strlen(text);
	while (n > 0 && text[n - 1] == ' ')
		n--;
	if (n == 0 || n >= sizeof s)
		return false;
	memcpy(s, text, n);
	s[n] = '\0';

	int y, q;
	char tail;
	const char *dots = strstr(s, "..");
	if (dots) {
		char a[32], b[32];
		size_t la = (size_t)(dots - s);
		if (la == 0 || la >= sizeof a || strlen(dots + 2) >= sizeof b)
			return false;
		memcpy(a, s, la);
		a[la] = '\0';
		snprintf(b, sizeof b, "%s", dots + 2);
		struct pdate da, db;
		if (!read_day(a, &da) || !read_day(b, &db))
			return false;
		iso_day(da.year, da.month, da.day, out->from);
		char last[11];
		iso_day(db.year, db.month, db.day, last);
		if (strcmp(out->from, last) > 0 || !year_ok(da.year) || !year_ok(db.year))
			return false;
		next_day(db.year, db.month, db.day, out->to);
		snprintf(out->text, sizeof out->text, "%s..%s", out->from, last);
		return true;
	}
	if ((sscanf(s, "%4d-Q%1d%c", &y, &q, &tail) == 2 || sscanf(s, "%4d-q%1d%c", &y, &q, &tail) == 2 ||
	     sscanf(s, "Q%1d/%4d%c", &q, &y, &tail) == 2 || sscanf(s, "q%1d/%4d%c", &q, &y, &tail) == 2) &&
	    q >= 1 && q <= 4 && year_ok(y) && strlen(s) <= 7) {
		iso_day(y, (q - 1) * 3 + 1, 1, out->from);
		if (q == 4)
			iso_day(y + 1, 1, 1, out->to);
		else
			iso_day(y, q * 3 + 1, 1, out->to);
		snprintf(out->text, sizeof out->text, "%04d-Q%d", y % 10000, q);
		return true;
	}
	struct pdate d;
	if (date_parse(s, &d) != DATE_OK || !year_ok(d.year))
		return false;
	if (d.prec == DATE_YEAR) {
		iso_day(d.year, 1, 1, out->from);
		iso_day(d.year + 1, 1, 1, out->to);
		snprintf(out->text, sizeof out->text, "%04d", d.year % 10000);
		return true;
	}
	if (d.prec == DATE_MONTH) {
		int m = d.month;
		iso_day(d.year, m, 1, out->from);
		if (m == 12)
			iso_day(d.year + 1, 1, 1, out->to);
		else
			iso_day(d.year, m + 1, 1, out->to);
		snprintf(out->text, sizeof out->text, "%04u-%02u", (unsigned)d.year % 10000u, (unsigned)m % 100u);
		return true;
	}
	if (d.prec == DATE_DAY) {
		iso_day(d.year, d.month, d.day, out->from);
		next_day(d.year, d.month, d.day, out->to);
		snprintf(out->text, sizeof out->text, "%s..%s", out->from, out->from);
		return true;
	}
	return false;
}

void report_counts_add_n(struct report_counts *c, char sex, int years, bool community, const char *nationality,
                         long n)
{
	int s = sex == 'f' ? REPORT_FEMALE : sex == 'm' ? REPORT_MALE : REPORT_SEX_OTHER;
	c->total += n;
	c->cell[community ? REPORT_COMMUNITY : REPORT_MIGRANT][s][report_age_group(years)] += n;
	if (!nationality || !*nationality) {
		c->nat_unknown += n;
		return;
	}
	for (int i = 0; i < c->nnat; i++)
		if (strcmp(c->nat[i].iso3, nationality) == 0) {
			c->nat[i].n += n;
			return;
		}
	if (c->nnat == REPORT_NAT_MAX) {
		c->nat_other += n;
		return;
	}
	snprintf(c->nat[c->nnat].iso3, sizeof c->nat[c->nnat].iso3, "%s", nationality);
	c->nat[c->nnat].n = n;
	c->nnat++;
}

void report_counts_add(struct report_counts *c, char sex, int years, bool community, const char *nationality)
{
	report_counts_add_n(c, sex, years, community, nationality, 1);
}

static const char *const by_names[REPORT_BY_COUNT_] = {
	"total", "sex", "group", "child", "age", "origin", "nationality",
};

const char *report_by_name(enum report_by by)
{
	return (unsigned)by < REPORT_BY_COUNT_ ? by_names[by] : "total";
}

int report_by_parse(const char *name)
{
	for (int i = 0; i < REPORT_BY_COUNT_; i++)
		if (name && strcmp(name, by_names[i]) == 0)
			return i;
	return -1;
}

const char *report_by_label(enum report_by by)
{
	switch (by) {
	case REPORT_BY_SEX:
		return N_("By sex");
	case REPORT_BY_GROUP:
		return N_("Boys, girls, men, women");
	case REPORT_BY_CHILD_ADULT:
		return N_("Children and adults");
	case REPORT_BY_AGE:
		return N_("By age group");
	case REPORT_BY_ORIGIN:
		return N_("Migrants and community members");
	case REPORT_BY_NATIONALITY:
		return N_("By nationality");
	case REPORT_BY_TOTAL:
	case REPORT_BY_COUNT_:
		break;
	}
	return N_("Totals only");
}

int report_columns(enum report_by by, const char *labels[REPORT_COLS_MAX], const char *hxl[REPORT_COLS_MAX])
{
	int n = 0;
#define COL(l, h) (labels[n] = (l), hxl[n] = (h), n++)
	switch (by) {
	case REPORT_BY_SEX:
		COL(N_("Female"), "+f");
		COL(N_("Male"), "+m");
		COL(N_("Other or unknown"), NULL);
		break;
	case REPORT_BY_GROUP:
		COL(N_("Boys"), "+m+children");
		COL(N_("Girls"), "+f+children");
		COL(N_("Men"), "+m+adults");
		COL(N_("Women"), "+f+adults");
		COL(N_("Unknown"), NULL);
		break;
	case REPORT_BY_CHILD_ADULT:
		COL(N_("Children"), "+children");
		COL(N_("Adults"), "+adults");
		COL(N_("Unknown"), NULL);
		break;
	case REPORT_BY_AGE:
		COL(N_("0-4"), "+age0_4");
		COL(N_("5-11"), "+age5_11");
		COL(N_("12-14"), "+age12_14");
		COL(N_("15-17"), "+age15_17");
		COL(N_("18-24"), "+age18_24");
		COL(N_("25-59"), "+age25_59");
		COL(N_("60+"), "+age60plus");
		COL(N_("Unknown age"), NULL);
		break;
	case REPORT_BY_ORIGIN:
		COL(N_("Migrants"), "+migrants");
		COL(N_("Community members"), "+hosts");
		break;
	case REPORT_BY_TOTAL:
	case REPORT_BY_NATIONALITY:
	case REPORT_BY_COUNT_:
		break;
	}
	COL(N_("Total"), "");
#undef COL
	return n;
}

/* The sum of the cells whose origin, sex and age pass the filters (-1: any;
 * age -2: children, -3: adults). */
static long sum_cells(const struct report_counts *c, int origin, int sex, int age)
{
	long t = 0;
	for (int o = 0; o < REPORT_ORIGIN_COUNT_; o++)
		for (int s = 0; s < REPORT_SEX_COUNT_; s++)
			for (int a = 0; a < REPORT_AGE_COUNT_; a++) {
				if ((origin >= 0 && o != origin) || (sex >= 0 && s != sex))
					continue;
				if (age >= 0 && a != age)
					continue;
				if (age == -2 && !report_age_child(a))
					continue;
				if (age == -3 && (report_age_child(a) || a == REPORT_AGE_UNKNOWN))
					continue;
				t += c->cell[o][s][a];
			}
	return t;
}

long report_column_value(enum report_by by, int col, const struct report_counts *c)
{
	switch (by) {
	case REPORT_BY_SEX:
		if (col < REPORT_SEX_COUNT_)
			return sum_cells(c, -1, col, -1);
		break;
	case REPORT_BY_GROUP:
		switch (col) {
		case 0:
			return sum_cells(c, -1, REPORT_MALE, -2);
		case 1:
			return sum_cells(c, -1, REPORT_FEMALE, -2);
		case 2:
			return sum_cells(c, -1, REPORT_MALE, -3);
		case 3:
			return sum_cells(c, -1, REPORT_FEMALE, -3);
		case 4:
			return c->total - sum_cells(c, -1, REPORT_MALE, -2) - sum_cells(c, -1, REPORT_FEMALE, -2) -
			       sum_cells(c, -1, REPORT_MALE, -3) - sum_cells(c, -1, REPORT_FEMALE, -3);
		default:
			break;
		}
		break;
	case REPORT_BY_CHILD_ADULT:
		if (col == 0)
			return sum_cells(c, -1, -1, -2);
		if (col == 1)
			return sum_cells(c, -1, -1, -3);
		if (col == 2)
			return sum_cells(c, -1, -1, REPORT_AGE_UNKNOWN);
		break;
	case REPORT_BY_AGE:
		if (col < REPORT_AGE_COUNT_)
			return sum_cells(c, -1, -1, col);
		break;
	case REPORT_BY_ORIGIN:
		if (col < REPORT_ORIGIN_COUNT_)
			return sum_cells(c, col, -1, -1);
		break;
	case REPORT_BY_TOTAL:
	case REPORT_BY_NATIONALITY:
	case REPORT_BY_COUNT_:
		break;
	}
	return c->total;
}

const char *report_count_label(enum report_count count)
{
	switch (count) {
	case REPORT_EVENTS:
		return N_("events");
	case REPORT_ITEMS:
		return N_("things, not people");
	case REPORT_PEOPLE:
	case REPORT_CHILDREN:
	case REPORT_CHILDREN_UNACCOMPANIED:
	case REPORT_CHILDREN_ACCOMPANIED:
		break;
	}
	return N_("different people");
}

const char *report_count_heading(enum report_count count)
{
	switch (count) {
	case REPORT_EVENTS:
		return N_("Counting events:");
	case REPORT_ITEMS:
		return N_("Counting things, not people:");
	case REPORT_PEOPLE:
	case REPORT_CHILDREN:
	case REPORT_CHILDREN_UNACCOMPANIED:
	case REPORT_CHILDREN_ACCOMPANIED:
		break;
	}
	return N_("Counting different people:");
}
