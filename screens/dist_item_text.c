/* An item's rule in words (see screens/dist_item_text.h). */
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "screens/dist_item_text.h"

/* Who by sex and age: "everyone", "women and girls aged 12 and over". */
static void who(const struct dist_rule *r, char *out, size_t size)
{
	const char *sex = strcmp(r->sex, "female") == 0 ? _("women and girls")
	                  : strcmp(r->sex, "male") == 0 ? _("men and boys")
	                                                : NULL;
	char ages[64] = "";
	if (r->age_min >= 0 && r->age_max >= 0)
		snprintf(ages, sizeof ages, _("aged %d to %d"), r->age_min, r->age_max);
	else if (r->age_min >= 0)
		snprintf(ages, sizeof ages, _("aged %d and over"), r->age_min);
	else if (r->age_max >= 0)
		snprintf(ages, sizeof ages, _("aged up to %d"), r->age_max);
	if (sex && ages[0])
		snprintf(out, size, _("%s %s"), sex, ages);
	else if (sex)
		snprintf(out, size, "%s", sex);
	else if (ages[0])
		snprintf(out, size, _("people %s"), ages);
	else
		snprintf(out, size, "%s", _("everyone"));
}

/* The flag an item requires, as a condition. */
static const char *required(const char *code)
{
	static const struct {
		const char *code, *words;
	} words[] = {
		{ "pregnant", N_("pregnant only") },
		{ "disability", N_("with a disability only") },
		{ "older_person", N_("older people only") },
		{ "serious_medical", N_("with a serious medical condition only") },
		{ "unaccompanied_child", N_("unaccompanied children only") },
		{ "separated_child", N_("separated children only") },
		{ "accompanied_child", N_("accompanied children only") },
		{ "infant", N_("with an infant (under 2) only") },
	};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcmp(words[i].code, code) == 0)
			return _(words[i].words);
	return NULL;
}

void dist_rule_words(const struct dist_item *it, char *out, size_t size)
{
	const struct dist_rule *r = &it->rule;
	const char *unit = strcmp(r->unit, "household") == 0 ? _("Per household") : _("Per person");
	char often[64];
	if (strcmp(r->frequency, "every_n_days") == 0)
		snprintf(often, sizeof often, _("every %d days"), r->every_days);
	else if (strcmp(r->frequency, "daily") == 0)
		snprintf(often, sizeof often, "%s", _("once a day"));
	else if (strcmp(r->frequency, "per_meal") == 0)
		snprintf(often, sizeof often, "%s", _("at each meal"));
	else
		snprintf(often, sizeof often, "%s", _("once per stay"));
	char people[128];
	who(r, people, sizeof people);
	const char *flag = r->requires[0] ? required(r->requires) : NULL;
	const char *where = r->staying_only ? _("staying here") : _("staying here or not");
	if (flag)
		snprintf(out, size, _("%s, %s, %s %s, %s"), unit, often, people, where, flag);
	else
		snprintf(out, size, _("%s, %s, %s %s"), unit, often, people, where);
}
