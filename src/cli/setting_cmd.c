/* `taimako setting`: the settings an administrator may change. */
#include "cli/setting_cmd.h"

#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "cli/user_cmd.h"
#include "core/i18n.h"
#include "core/role.h"
#include "core/text.h"
#include "db/db.h"
#include "db/setting.h"

static int misuse(void)
{
	fprintf(stderr, _("taimako: wrong use of '%s'; see taimako --help\n"), "setting");
	return 2;
}

/* Every setting: its key, value (and whether it is the default), what it
 * changes and the values it takes. */
static int list(struct db *db)
{
	for (int i = 0; i < setting_def_count; i++) {
		const struct setting_def *d = &setting_defs[i];
		char value[128], shown[128];
		bool is_set;
		enum status s = setting_get(db, d->key, value, sizeof value, &is_set);
		if (s != ST_OK) {
			fprintf(stderr, "taimako: %s\n", _(status_msgid(s)));
			return 1;
		}
		text_sanitize(value, shown, sizeof shown);
		printf("%s = %s%s\n", d->key, shown, is_set ? "" : _(" (default)"));
		printf("    %s (%s)\n", _(d->label), _(d->values));
	}
	return 0;
}

static int set(struct db *db, const char *key, const char *value)
{
	const struct setting_def *d = setting_find(key);
	if (!d) {
		fprintf(stderr, _("taimako: no setting is called '%s'; the settings:"), key);
		for (int i = 0; i < setting_def_count; i++)
			fprintf(stderr, " %s", setting_defs[i].key);
		fputc('\n', stderr);
		return 2;
	}
	enum status s = setting_set(db, key, value);
	if (s == ST_INVALID) {
		char shown[128];
		text_sanitize(value ? value : "", shown, sizeof shown);
		fprintf(stderr, _("taimako: %s takes %s, not '%s'\n"), key, _(d->values), shown);
		return 2;
	}
	if (s != ST_OK) {
		fprintf(stderr, "taimako: %s\n", _(status_msgid(s)));
		return 1;
	}
	if (value)
		printf(_("%s is now %s.\n"), key, value);
	else
		printf(_("%s is back to its default, %s.\n"), key, d->fallback);
	return 0;
}

int cmd_setting(const char *db_path, int argc, char **argv)
{
	bool is_list = argc == 2 && strcmp(argv[1], "list") == 0;
	bool is_set = argc == 4 && strcmp(argv[1], "set") == 0;
	bool is_unset = argc == 3 && strcmp(argv[1], "unset") == 0;
	if (!is_list && !is_set && !is_unset)
		return misuse();
	struct db *db = cmd_open_as(db_path, ROLE_ADMIN);
	if (!db)
		return 1;
	int rc = is_list ? list(db) : set(db, argv[2], is_set ? argv[3] : NULL);
	db_close(&db);
	return rc;
}
