#ifndef TAIMAKO_DB_REINT_PROJECT_PRIVATE_H
#define TAIMAKO_DB_REINT_PROJECT_PRIVATE_H
/* What the files of the projects' data layer share. Private to src/db/. */
#include <stdbool.h>
#include <stddef.h>
#include "core/status.h"
#include "reint_private.h"

struct db;
struct reint_project;


/* Reads project id without asking for a permission (the caller did). */
enum status reint_project_read(struct db *db, long long id, struct reint_project *p);

#endif
