/* Sign-in lockout. */
#include "core/lockout.h"

struct lockout_policy lockout_default_policy(void)
{
	return (struct lockout_policy){ .max_failures = 5, .lock_minutes = 15 };
}

bool lockout_is_locked(const struct lockout *l, time_t now)
{
	return l->locked_until > now;
}

bool lockout_fail(struct lockout *l, const struct lockout_policy *p, time_t now)
{
	if (lockout_is_locked(l, now))
		return false;
	int max = p->max_failures >= 1 ? p->max_failures : 1;
	int minutes = p->lock_minutes >= 1 ? p->lock_minutes : 1;
	l->locked_until = 0;
	if (++l->failures < max)
		return false;
	l->failures = 0;
	l->locked_until = now + (time_t)minutes * 60;
	return true;
}

void lockout_success(struct lockout *l)
{
	l->failures = 0;
	l->locked_until = 0;
}
