/* Distribution demo data.
 * A placeholder until it is written: adds nothing. */
#include "demo/demo_dist.h"

enum status demo_dist(struct db *db, const struct demo_options *o)
{
	(void)db;
	(void)o;
	return ST_OK;
}
