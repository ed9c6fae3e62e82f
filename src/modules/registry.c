/* The table of modules that main hands down (src/modules/list.h). */
#include <stddef.h>
#include "ui/module.h"

#define MODULE(name) extern const struct module module_##name;
#include "modules/list.h"
#undef MODULE

#define MODULE(name) &module_##name,
const struct module *const module_table[] = {
#include "modules/list.h"
	NULL,
};
#undef MODULE
