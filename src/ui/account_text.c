/* Sentences about accounts. */
#include <stdio.h>
#include "core/i18n.h"
#include "ui/account_text.h"

/* The local hour and minute of t ("14:05") into out. */
static void hour_minute(time_t t, char *out, size_t size)
{
	struct tm tm;
	localtime_r(&t, &tm);
	if (strftime(out, size, "%H:%M", &tm) == 0 && size)
		out[0] = '\0';
}

void account_state_text(const struct user *u, time_t now, char *out, size_t size)
{
	if (!u->active) {
		snprintf(out, size, "%s", _("disabled"));
	} else if (u->locked_until > now) {
		char when[16];
		hour_minute(u->locked_until, when, sizeof when);
		snprintf(out, size, _("locked until %s"), when);
	} else {
		snprintf(out, size, "%s", _("active"));
	}
}

void account_locked_message(time_t until, char *out, size_t size)
{
	char when[16];
	hour_minute(until, when, sizeof when);
	snprintf(out, size, _("This account is locked until %s after too many failed sign-ins."), when);
}
