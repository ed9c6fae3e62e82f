/* Synthetic protection records for demo databases (see demo_prot.h).
 * A placeholder until the generator is written: adds nothing. */
#include "demo/demo_prot.h"

enum status demo_prot(struct db *db, const struct demo_options *o)
{
	(void)db;
	(void)o;
	return ST_OK;
}
