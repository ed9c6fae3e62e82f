/* The distribution module's code lists. */
#include "core/dist_vocab.h"
#include "core/i18n.h"

static const struct vocab_item kind_items[] = {
	{ "food_ration", N_("Food ration"), N_("food ration") },
	{ "hot_meal", N_("Hot meal"), N_("hot meal") },
	{ "water", N_("Water"), N_("water") },
	{ "nfi_kit", N_("Non-food items kit"), N_("non-food kit") },
	{ "hygiene_kit", N_("Hygiene kit"), N_("hygiene kit") },
	{ "dignity_kit", N_("Dignity kit"), N_("dignity kit") },
	{ "baby_kit", N_("Baby kit"), N_("baby kit") },
	{ "blanket", N_("Blanket"), N_("blanket") },
	{ "mat", N_("Sleeping mat"), N_("mat") },
	{ "clothes", N_("Clothes"), N_("clothes") },
	{ "other", N_("Other item"), N_("other") },
};

static const struct vocab_item unit_items[] = {
	{ "person", N_("Per person"), N_("per person") },
	{ "household", N_("Per household"), N_("per household") },
};

static const struct vocab_item frequency_items[] = {
	{ "once_per_stay", N_("Once per stay"), N_("once per stay") },
	{ "every_n_days", N_("Every few days"), N_("every few days") },
	{ "daily", N_("Once a day"), N_("daily") },
	{ "per_meal", N_("At each meal"), N_("per meal") },
};

static const struct vocab_item sex_items[] = {
	{ "any", N_("Women and men"), N_("all") },
	{ "female", N_("Women and girls"), N_("female") },
	{ "male", N_("Men and boys"), N_("male") },
};

static const struct vocab_item requires_items[] = {
	{ "pregnant", N_("Pregnant women"), N_("pregnant") },
	{ "disability", N_("People with a disability"), N_("disability") },
	{ "older_person", N_("Older people"), N_("older") },
	{ "serious_medical", N_("People with a serious medical condition"), N_("medical") },
	{ "unaccompanied_child", N_("Unaccompanied children"), N_("UAC") },
	{ "separated_child", N_("Separated children"), N_("SC") },
	{ "accompanied_child", N_("Accompanied children"), N_("AC") },
	{ "infant", N_("Households with an infant (under 2)"), N_("infant") },
};

static const struct vocab_item meal_items[] = {
	{ "breakfast", N_("Breakfast"), N_("breakfast") },
	{ "lunch", N_("Lunch"), N_("lunch") },
	{ "dinner", N_("Dinner"), N_("dinner") },
};

static const struct vocab_item move_kind_items[] = {
	{ "receipt", N_("Received"), N_("received") },
	{ "issue", N_("Issued or lost"), N_("issued") },
	{ "count", N_("Correction after a count"), N_("count") },
};

const struct vocab vocab_dist_kind = VOCAB_LIST("dist_kind", "dist_item", "kind", kind_items);
const struct vocab vocab_dist_unit = VOCAB_LIST("dist_unit", "dist_item", "unit", unit_items);
const struct vocab vocab_dist_frequency = VOCAB_LIST("dist_frequency", "dist_item", "frequency", frequency_items);
const struct vocab vocab_dist_sex = VOCAB_LIST("dist_sex", "dist_item", "sex", sex_items);
const struct vocab vocab_dist_requires = VOCAB_LIST("dist_requires", "dist_item", "requires", requires_items);
const struct vocab vocab_dist_meal = VOCAB_LIST("dist_meal", "dist_serving", "meal", meal_items);
const struct vocab vocab_dist_move_kind = VOCAB_LIST("dist_move_kind", "dist_stock_move", "kind", move_kind_items);
