/* The day's distribution lists as CSV (see db/dist_day.h): the servings of
 * the day by time, then the people due and not served by name, read a page
 * at a time. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/casenum.h"
#include "core/csvout.h"
#include "core/date.h"
#include "core/dist_vocab.h"
#include "core/i18n.h"
#include "core/jsonbuf.h"
#include "core/vocab.h"
#include "db/audit.h"
#include "db/db_private.h"
#include "db/dist_day_private.h"

#define CSV_PAGE 200

void dist_day_time(const char *served_at, char *out, size_t size)
{
	int y, mo, d, h, mi, s;
	out[0] = '\0';
	if (!served_at || sscanf(served_at, "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &s) != 6)
		return;
	/* Days from the civil date (UTC), then the local time. */
	y -= mo <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long days = era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
	time_t t = (time_t)days * 86400 + h * 3600 + mi * 60 + s;
	struct tm tm;
	if (localtime_r(&t, &tm))
		snprintf(out, size, "%02d:%02d", tm.tm_hour, tm.tm_min);
}

struct csv_ctx {
	FILE *out;
	const char *lang;
	const struct dist_day_items *items;
	struct dist_day_served served;
	struct dist_day_due due;
	int rows;
};

static const char *item_name(const struct dist_day_items *items, long long id, const char *lang)
{
	for (int k = 0; k < items->n; k++)
		if (items->items[k].id == id)
			return dist_item_name(&items->items[k], lang);
	return "";
}

static void key_of(const char *case_key, char *out, size_t size)
{
	if (!casenum_display(case_key, out, size))
		snprintf(out, size, "%s", case_key);
}

static void csv_served(const struct dist_day_served *r, void *vctx)
{
	struct csv_ctx *c = vctx;
	char at[8], key[24], qty[16];
	dist_day_time(r->served_at, at, sizeof at);
	key_of(r->case_key, key, sizeof key);
	snprintf(qty, sizeof qty, "%d", r->quantity);
	const char *meal = r->meal[0] ? vocab_label(VOCAB_DIST_MEAL, r->meal) : NULL;
	const char *fields[] = {
		r->reverses_id ? _("Reversal") : r->override_reason[0] ? _("Served (override)") : _("Served"), at, key,
		r->family_name, r->given_names, item_name(c->items, r->item_id, c->lang), qty, meal ? _(meal) : "",
		r->counter, r->served_by, r->reverses_id ? r->reason : r->override_reason,
	};
	csvout_row(c->out, fields, (int)(sizeof fields / sizeof fields[0]));
	c->served = *r;
	c->rows++;
}

static void csv_due(const struct dist_day_due *r, void *vctx)
{
	struct csv_ctx *c = vctx;
	char key[24], what[1024] = "";
	key_of(r->case_key, key, sizeof key);
	for (int k = 0; k < r->nitems; k++) {
		size_t len = strlen(what);
		snprintf(what + len, sizeof what - len, "%s%s", k ? "; " : "", item_name(c->items, r->items[k], c->lang));
	}
	const char *fields[] = { _("Due, not served"), "", key, r->family_name, r->given_names, what, "", "", "", "", "" };
	csvout_row(c->out, fields, (int)(sizeof fields / sizeof fields[0]));
	c->due = *r;
	c->rows++;
}

enum status dist_day_csv(struct db *db, const char *centre_code, const char *day, long long item,
                         const char *meal, const char *lang, FILE *out)
{
	enum status s = dist_day_allowed(db, centre_code);
	if (s != ST_OK)
		return s;
	if (!out || !day || !date_is_day(day))
		return ST_INVALID;
	long long centre = db_centre_id(db, centre_code);
	struct csv_ctx *c = calloc(1, sizeof *c);
	struct dist_day_items *items = malloc(sizeof *items), *all = malloc(sizeof *all);
	if (!c || !items || !all) {
		free(c);
		free(items);
		free(all);
		return ST_NOMEM;
	}
	s = dist_day_items_load(db, item, items);
	if (s == ST_OK)
		s = dist_day_items_load(db, 0, all);
	c->out = out;
	c->lang = lang ? lang : "en";
	c->items = all;
	if (s == ST_OK) {
		const char *head[] = { _("List"), _("Time"), _("Case number"), _("Family name"), _("Given names"),
			               _("Item"), _("Quantity"), _("Meal"), _("Counter"), _("Served by"), _("Reason") };
		csvout_row(out, head, (int)(sizeof head / sizeof head[0]));
	}
	bool more = true, first = true;
	while (s == ST_OK && more) {
		s = dist_day_served_page(db, centre, day, item, PAGE_AFTER, first ? NULL : &c->served, CSV_PAGE,
		                         csv_served, c, &more);
		first = false;
	}
	if (item)
		c->items = items;
	/* The due list names the items (a retired item chosen: from its own list). */
	more = true;
	first = true;
	while (s == ST_OK && more) {
		s = dist_day_due_page(db, centre, day, items, meal, PAGE_AFTER, first ? NULL : &c->due, CSV_PAGE, csv_due,
		                      c, &more);
		first = false;
	}
	if (s == ST_OK && (fflush(out) != 0 || ferror(out)))
		s = ST_IO;
	if (s == ST_OK) {
		struct jsonbuf j;
		jsonbuf_init(&j);
		jsonbuf_put_str(&j, "centre", centre_code);
		jsonbuf_put_str(&j, "day", day);
		jsonbuf_put_int(&j, "item", item);
		jsonbuf_put_int(&j, "rows", c->rows);
		s = db_begin(db);
		if (s == ST_OK)
			s = db_finish(db, audit_log(db, "export", "dist_day_list", 0, jsonbuf_text(&j)));
	}
	free(c);
	free(items);
	free(all);
	return s;
}
