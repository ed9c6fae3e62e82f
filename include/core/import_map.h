#ifndef TAIMAKO_CORE_IMPORT_MAP_H
#define TAIMAKO_CORE_IMPORT_MAP_H
/* The mapping file of an import: which column of the legacy spreadsheet
 * holds which field, and how its values translate. A small text file, one
 * `field = Column header` per line ("family_name = NOM"), value maps as
 * `field.VALUE = code` ("sex.H = m"), blank lines, and comments on lines
 * starting with '#'. Headers and values are compared with case and
 * accents ignored. Pure functions. */
#include <stdbool.h>
#include <stddef.h>

struct import_row;

enum import_field_id {
	IMP_FAMILY_NAME, IMP_GIVEN_NAMES, IMP_OTHER_NAMES, IMP_SEX, IMP_BIRTH_DATE, IMP_AGE, IMP_NATIONALITY,
	IMP_PHONE, IMP_ARRIVAL_DATE, IMP_CENTRE, IMP_ARRIVAL_MODE, IMP_FLAGS, IMP_STAY_ADMITTED,
	IMP_STAY_DEPARTED, IMP_STAY_REASON, IMP_CONSULT_DATE, IMP_CONSULT_REASON, IMP_CONSULT_DIAGNOSIS,
	IMP_CONSULT_TREATMENT, IMP_TRAINING_COURSE, IMP_TRAINING_STATUS, IMP_FIELD_COUNT_
};

/* Longest mapping file read, in bytes. */
#define IMPORT_MAP_MAX (64 * 1024)

struct import_value {
	int field;
	char *from;        /* folded (text_fold) */
	char to[32];
};

struct import_map {
	char header[IMP_FIELD_COUNT_][128];   /* "" when the field is not mapped */
	char *folded[IMP_FIELD_COUNT_];       /* header folded */
	int map_line[IMP_FIELD_COUNT_];       /* line of the mapping file, 0 when not mapped */
	int col[IMP_FIELD_COUNT_];            /* column index (0 first) once matched, -1 */
	struct import_value *values;
	int nvalues, capvalues;
};

/* The name of field f in a mapping file ("stay.departed"). */
const char *import_field_name(int f);

/* Reads the mapping text (len bytes) into *m (import_map_free it, even on
 * failure). false on the first problem: *line its line and err the
 * translated message. */
bool import_map_parse(struct import_map *m, const char *text, size_t len, int *line, char *err, size_t errsz);

/* Finds the column of each mapped field in the header row. false on the
 * first problem (a header missing or found twice, a required field not
 * mapped): *line the mapping file's line (0 when none) and err the
 * translated message. */
bool import_map_columns(struct import_map *m, const struct import_row *header, int *line, char *err,
                        size_t errsz);

/* The code value maps to for field f (value compared with case and
 * accents ignored, blanks around it ignored), NULL when none. */
const char *import_map_value(const struct import_map *m, int f, const char *value);

/* Frees what *m holds. */
void import_map_free(struct import_map *m);

#endif
