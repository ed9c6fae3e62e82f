#ifndef TAIMAKO_CORE_LOCKOUT_H
#define TAIMAKO_CORE_LOCKOUT_H
/* The sign-in lockout rule, as pure functions of the account's counters and
 * the time, so that tests can move the clock. */
#include <stdbool.h>
#include <time.h>

struct lockout {
	int failures;          /* failed sign-ins in a row */
	time_t locked_until;   /* 0 when not locked */
};

struct lockout_policy {
	int max_failures;      /* failures in a row that lock (>= 1) */
	int lock_minutes;      /* how long (>= 1) */
};

/* The defaults: 5 failures lock for 15 minutes. */
struct lockout_policy lockout_default_policy(void);

/* True when the account is locked at now. */
bool lockout_is_locked(const struct lockout *l, time_t now);

/* Records a failed sign-in at now: counts it and locks the account once
 * the count reaches the policy's maximum (the count then starts again).
 * Returns true when this failure locked it. A failure while locked changes
 * nothing. */
bool lockout_fail(struct lockout *l, const struct lockout_policy *p, time_t now);

/* Records a successful sign-in: the count starts again. */
void lockout_success(struct lockout *l);

#endif
