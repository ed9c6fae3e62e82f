#ifndef TAIMAKO_CORE_AMOUNT_GROUP_H
#define TAIMAKO_CORE_AMOUNT_GROUP_H
/* Whole amounts as people read them: thousands grouped by a space and the
 * currency after ("150 000 XOF"), the spaces no-break ones (U+00A0) so
 * that a wrapped line never splits an amount. */
#include <stddef.h>

/* Writes v with its thousands grouped, then " " and currency when not NULL
 * or "", into out (cut to size). */
void amount_grouped(long long v, const char *currency, char *out, size_t size);

#endif
