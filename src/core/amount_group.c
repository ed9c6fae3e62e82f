/* Whole amounts with their thousands grouped (core/amount_group.h). */
#include <stdio.h>
#include <string.h>

#include "core/amount_group.h"

/* A space that lines never break at (U+00A0), so that an amount stays whole. */
#define NBSP "\xc2\xa0"

void amount_grouped(long long v, const char *currency, char *out, size_t size)
{
	char digits[32], grouped[96];
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
	snprintf(digits, sizeof digits, "%llu", u);
	size_t n = strlen(digits), k = 0;
	if (v < 0)
		grouped[k++] = '-';
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0) {
			memcpy(grouped + k, NBSP, 2);
			k += 2;
		}
		grouped[k++] = digits[i];
	}
	grouped[k] = '\0';
	if (currency && *currency)
		snprintf(out, size, "%s" NBSP "%s", grouped, currency);
	else
		snprintf(out, size, "%s", grouped);
}
