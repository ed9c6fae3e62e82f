#ifndef TAIMAKO_SCREENS_INTAKE_ARG_H
#define TAIMAKO_SCREENS_INTAKE_ARG_H
/* What the registration and duplicates screens are opened with. */
#include <stdbool.h>
#include "db/person.h"

struct intake_arg {
	long long person_id;   /* 0: a new person */
};

struct duplicates_arg {
	struct person person;  /* about to be registered */
	bool *go_on;           /* set when the clerk registers anyway */
};

/* The lookup used to pick someone: a relative for person_id, or the
 * patient of a new consultation (person_id 0, consult true). */
struct lookup_pick {
	long long person_id;
	bool consult;
};

/* The medical case form: a new case for person_id (case_id 0) or an
 * existing one. */
struct medcase_arg {
	long long person_id;
	long long case_id;
};

/* The relation chooser: what relative is to person. */
struct relation_arg {
	long long person_id;
	long long relative_id;
	char relative_name[128];
};

#endif
