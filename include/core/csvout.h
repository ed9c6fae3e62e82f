#ifndef TAIMAKO_CORE_CSVOUT_H
#define TAIMAKO_CORE_CSVOUT_H
/* Writing CSV that is safe to open: for exports read by shell tools and
 * spreadsheets. */
#include <stdio.h>

/* Writes one CSV row of n fields (UTF-8; a NULL field is written empty) to
 * out, ending in "\n". Each field is first made safe: controls, bidi
 * overrides and invalid UTF-8 are replaced as text_sanitize does (so TAB,
 * CR and LF become a space and every row is one line), and a field that
 * would start with '=', '+', '-', '@', TAB or CR gets a leading "'" so no
 * spreadsheet runs it as a formula. A field holding ',' or '"' is quoted
 * (RFC 4180, by libcsv). Write errors are left in ferror(out). */
void csvout_row(FILE *out, const char *const *fields, int n);

#endif
