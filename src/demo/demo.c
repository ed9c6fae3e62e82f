/* Demo database contents. */
#include <stdio.h>
#include "db/bulk.h"
#include "demo/demo.h"
#include "db/user.h"

const struct demo_account demo_accounts[] = {
	{ "admin", "admin-demo", ROLE_ADMIN, "NY1", "Amadou Issoufou" },
	{ "manager", "manager-demo", ROLE_MANAGER, "NY1", "Mariama Hamani" },
	{ "intake", "intake-demo", ROLE_INTAKE, "AGZ", "Ibrahim Moussa" },
	{ "medical", "medical-demo", ROLE_MEDICAL, "AGZ", "Dr Fatouma Ali" },
	{ "protection", "protection-demo", ROLE_PROTECTION, "ZIN", "Hadiza Souley" },
	{ "psychosocial", "psychosocial-demo", ROLE_PSYCHOSOCIAL, "AGZ", "Aïssa Abdou" },
	{ "training", "training-demo", ROLE_TRAINING, "AGZ", "Boubacar Idrissa" },
	{ "reintegration", "reintegration-demo", ROLE_REINTEGRATION, "NY2", "Zeinabou Garba" },
	{ "distribution", "distribution-demo", ROLE_DISTRIBUTION, "ARL", "Moussa Tanko" },
};
const int demo_account_count = (int)(sizeof demo_accounts / sizeof demo_accounts[0]);

enum status demo_fill(struct db *db, long persons)
{
	if (persons < 0)
		return ST_INVALID;
	enum status s = bulk_mark_demo(db, persons);
	for (int i = 0; s == ST_OK && i < demo_account_count; i++) {
		const struct demo_account *a = &demo_accounts[i];
		s = user_add(db, a->name, a->display, a->role, a->centre, "fr", a->password, NULL);
	}
	return s;
}
