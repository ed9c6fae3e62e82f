/* What the lookup says about a case number typed wrong: that it is not
 * valid, and the existing numbers one typing error away. */
#include <stdio.h>
#include <string.h>

#include "core/casenum.h"
#include "db/db_private.h"
#include "db/person.h"

/* Candidates looked up at most: more than a key ever has (about 20). */
#define MAX_NEIGHBOURS 64
/* Keys of this length could be a case number with one character too
 * many or too few. */
#define KEY_LEN_MIN 9

/* True when key could be meant as a case number: a letter, then letters
 * and digits with at least one digit, long enough. */
static bool number_like(const char *key)
{
	return key[0] >= 'A' && key[0] <= 'Z' && strpbrk(key, "0123456789") && strlen(key) >= KEY_LEN_MIN;
}

/* True when a person has case number key. */
static bool exists(struct db *db, const char *key, enum status *s)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT 1 FROM person WHERE case_key = ?1");
	if (!st) {
		*s = ST_INTERNAL;
		return false;
	}
	db_bind_text(st, 1, key);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		*s = db_status_of(rc);
	return rc == SQLITE_ROW;
}

enum status person_number_check(struct db *db, const char *query, struct person_number_check *c)
{
	memset(c, 0, sizeof *c);
	enum status s = db_require(db, PERM_LOOKUP);
	if (s != ST_OK)
		return s;
	char key[CASENUM_KEY_SIZE];
	if (!query || !casenum_key(query, key, sizeof key) || !number_like(key) || casenum_valid(key))
		return ST_OK;
	char near[MAX_NEIGHBOURS][CASENUM_KEY_SIZE];
	int n = casenum_neighbours(key, near, MAX_NEIGHBOURS);
	for (int i = 0; i < n && c->n < PERSON_CLOSE_NUMBERS && s == ST_OK; i++)
		if (exists(db, near[i], &s) && casenum_display(near[i], c->close[c->n], sizeof c->close[c->n]))
			c->n++;
	if (s != ST_OK) {
		memset(c, 0, sizeof *c);
		return s;
	}
	/* Shaped like a number, only its check character is wrong; not
	 * shaped, it is one when it is close to numbers that exist. */
	c->wrong = casenum_shaped(key, c->shown, sizeof c->shown) || c->n > 0;
	if (c->wrong && !c->shown[0])
		snprintf(c->shown, sizeof c->shown, "%s", key);
	if (!c->wrong)
		memset(c, 0, sizeof *c);
	return ST_OK;
}
