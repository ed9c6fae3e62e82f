#ifndef TAIMAKO_CORE_IMPORT_DATE_H
#define TAIMAKO_CORE_IMPORT_DATE_H
/* Dates and ages as legacy spreadsheets hold them. Pure functions. */
#include <stddef.h>

/* Reads a date cell into iso (size 11 is enough): "2017-03-04",
 * "04/03/2017" and "4/3/2017" (day first, as in Niger; '/', '-', '.' or
 * ' '), "03/2017", "2017", each optionally followed by a time
 * ("2017-03-04 00:00", "2017-03-04T00:00:00"), or an Excel serial day
 * number from 10000 to 73050 (1927 to 2099). iso is "YYYY-MM-DD",
 * "YYYY-MM" or "YYYY". Returns NULL, or the msgid of the problem (iso "")
 * for a cell that is blank or not a date. Does not check the future. */
const char *import_date(const char *cell, char *iso, size_t size);

/* Reads an age cell: a whole number of years from 0 to 120, alone or
 * with words around it ("25", "25 ans", "environ 25 ans", "about 25
 * years old", "~25", "25 yrs", "vers 25 ans"). Returns NULL with *years,
 * or the msgid of the problem. */
const char *import_age(const char *cell, int *years);

#endif
