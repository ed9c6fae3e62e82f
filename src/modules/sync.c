/* The exchanges between sites (db/sync.h): a status screen for the ones
 * who carry the bundles, and the conflicts that managers decide. Bundles
 * themselves are made on the command line (`taimako sync`). */
#include <stddef.h>

#include "core/i18n.h"
#include "core/perm.h"
#include "screens/sync.h"
#include "ui/module.h"

/* Every letter and digit is taken: two keys typed alike on AZERTY and
 * QWERTY keyboards (no AltGr). */
static const struct module_entry entries[] = {
	{ '*', N_("Sites and exchanges"), PERM_BIT(PERM_SYNC), sync_status_open },
	{ '!', N_("Conflicts between sites"), PERM_BIT(PERM_SYNC_DECIDE), sync_conflicts_open_screen },
	{ 0, NULL, 0, NULL },
};

const struct module module_sync = {
	.name = "sync",
	.title = N_("Other sites"),
	.daily_roles = 0,
	.entries = entries,
};
