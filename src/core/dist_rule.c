/* The distribution rules, without the database (see core/dist_rule.h). */
#include <stdio.h>
#include <string.h>

#include "core/date.h"
#include "core/dist_rule.h"
#include "core/i18n.h"
#include "core/person.h"

/* Days since 1970-01-01 of a civil date (H. Hinnant's days_from_civil). */
static long days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

bool dist_day_add(const char *day, int n, char *out, size_t size)
{
	int y, m, d;
	if (!day || !date_is_day(day) || sscanf(day, "%4d-%2d-%2d", &y, &m, &d) != 3) {
		if (size)
			out[0] = '\0';
		return false;
	}
	civil_from_days(days_from_civil(y, m, d) + n, &y, &m, &d);
	snprintf(out, size, "%04d-%02d-%02d", y, m, d);
	return true;
}

static bool has_flag(const struct dist_subject *p, enum person_flag f)
{
	return (p->flags & (1u << f)) != 0;
}

enum dist_eligibility dist_eligible(const struct dist_rule *r, const struct dist_subject *p)
{
	if (r->staying_only && !p->staying)
		return DIST_NOT_STAYING;
	if ((strcmp(r->sex, "female") == 0 && strcmp(p->sex, "f") != 0)
	    || (strcmp(r->sex, "male") == 0 && strcmp(p->sex, "m") != 0))
		return DIST_WRONG_SEX;
	if ((r->age_min >= 0 || r->age_max >= 0) && p->age < 0)
		return DIST_AGE_UNKNOWN;
	if (r->age_min >= 0 && p->age < r->age_min)
		return DIST_TOO_YOUNG;
	if (r->age_max >= 0 && p->age > r->age_max)
		return DIST_TOO_OLD;
	if (r->requires[0]) {
		bool ok = strcmp(r->requires, "infant") == 0 ? p->infant : false;
		for (int f = 0; !ok && f < FLAG_COUNT_; f++)
			ok = strcmp(r->requires, person_flag_name((enum person_flag)f)) == 0 && has_flag(p, (enum person_flag)f);
		if (!ok)
			return DIST_NOT_REQUIRED;
	}
	return DIST_ELIGIBLE;
}

const char *dist_eligibility_msgid(enum dist_eligibility e)
{
	switch (e) {
	case DIST_ELIGIBLE: return N_("Eligible.");
	case DIST_NOT_STAYING: return N_("Only for people staying at this centre.");
	case DIST_WRONG_SEX: return N_("Not for this person's sex.");
	case DIST_TOO_YOUNG: return N_("This person is too young for it.");
	case DIST_TOO_OLD: return N_("This person is too old for it.");
	case DIST_AGE_UNKNOWN: return N_("For an age group, and this person's age is not known.");
	case DIST_NOT_REQUIRED: return N_("Only for the people it is meant for (see the item's rule).");
	}
	return N_("Not eligible.");
}

void dist_window_start(const struct dist_rule *r, const char *today, const char *stay_admitted, char *since,
                       size_t size)
{
	if (strcmp(r->frequency, "every_n_days") == 0 && r->every_days > 1)
		dist_day_add(today, -(r->every_days - 1), since, size);
	else if (strcmp(r->frequency, "once_per_stay") == 0)
		snprintf(since, size, "%s", stay_admitted && stay_admitted[0] ? stay_admitted : "0000-01-01");
	else
		snprintf(since, size, "%s", today);
}

void dist_next_due(const struct dist_rule *r, const char *last, char *out, size_t size)
{
	if (strcmp(r->frequency, "once_per_stay") == 0)
		snprintf(out, size, "%s", "");
	else if (strcmp(r->frequency, "every_n_days") == 0 && r->every_days > 1)
		dist_day_add(last, r->every_days, out, size);
	else
		dist_day_add(last, 1, out, size);
}
