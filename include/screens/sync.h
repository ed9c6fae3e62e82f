#ifndef TAIMAKO_SCREENS_SYNC_H
#define TAIMAKO_SCREENS_SYNC_H
/* The screens of the exchanges between sites (db/sync.h): each known
 * site's state, and the conflicts a manager decides. */
#include "core/status.h"

struct app;

/* The sites and what was sent to and received from each. */
enum status sync_status_open(struct app *app);

/* The conflicts between sites, open ones first shown. */
enum status sync_conflicts_open_screen(struct app *app);

#endif
