/* Choice lists from the reference lists, grown as they are read. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/reflist.h"
#include "ui/refchoice.h"

struct ref_choice_text {
	char code[24];
	char label[340];
	char alt[324];        /* the name in the other language */
};

struct loading {
	struct ref_choice_text *text;
	size_t n, cap;
	int flags;
	bool failed;
};

/* Keeps one row, growing the storage as needed. */
static void keep(const struct ref_row *row, void *ctx)
{
	struct loading *l = ctx;
	if (l->failed)
		return;
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 32;
		struct ref_choice_text *bigger = realloc(l->text, cap * sizeof *bigger);
		if (!bigger) {
			l->failed = true;
			return;
		}
		l->text = bigger;
		l->cap = cap;
	}
	struct ref_choice_text *t = &l->text[l->n++];
	t->alt[0] = '\0';
	snprintf(t->code, sizeof t->code, "%s", row->code);
	if (l->flags & REFCHOICE_SHOW_CODE)
		snprintf(t->label, sizeof t->label, "%s (%s)", row->name, row->code);
	else
		snprintf(t->label, sizeof t->label, "%s", row->name);
}

/* Keeps the name of one row of the other language in the entry of its
 * code (the lists are short: a few hundred rows). */
static void keep_alt(const struct ref_row *row, void *ctx)
{
	struct loading *l = ctx;
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->text[i].code, row->code) == 0) {
			snprintf(l->text[i].alt, sizeof l->text[i].alt, "%s", row->name);
			return;
		}
}

/* Points the choices into the text, once it has stopped moving. */
static struct ref_choices *finish(struct loading *l, bool ok)
{
	struct ref_choices *c = calloc(1, sizeof *c);
	if (!ok || l->failed || !c || (l->n && !(c->items = calloc(l->n, sizeof *c->items)))) {
		free(l->text);
		free(c);
		return NULL;
	}
	for (size_t i = 0; i < l->n; i++)
		c->items[i] = (struct choice){ l->text[i].code, l->text[i].label,
		                               l->text[i].alt[0] ? l->text[i].alt : NULL };
	c->n = (int)l->n;
	c->text = l->text;
	return c;
}

struct ref_choices *ref_choices_load(struct db *db, enum ref_kind kind, const char *lang, int flags)
{
	struct loading l = { .flags = flags };
	if (flags & REFCHOICE_WITH_NONE) {
		struct ref_row none = { .code = "", .name = "-" };
		int plain = l.flags;
		l.flags &= ~REFCHOICE_SHOW_CODE;
		keep(&none, &l);
		l.flags = plain;
	}
	/* The whole list, streamed: one page with no end. */
	bool more = false;
	enum status st = ref_page(db, kind, lang, "", PAGE_AFTER, NULL, INT_MAX, keep, &l, &more);
	const char *other = strcmp(lang, "en") == 0 ? "fr" : "en";
	if (st == ST_OK && !l.failed)
		st = ref_page(db, kind, other, "", PAGE_AFTER, NULL, INT_MAX, keep_alt, &l, &more);
	/* The storage moved while it grew: point into it only now. */
	return finish(&l, st == ST_OK);
}

struct item_loading {
	struct loading l;
	bool en;
	long long keep_id;
	const char *kind;     /* only the items of this kind; NULL: all */
};

/* Keeps one item of an editable list (in use, or the record's own). */
static void keep_item(const struct ref_item *item, void *ctx)
{
	struct item_loading *il = ctx;
	if (!item->active && item->id != il->keep_id)
		return;
	if (il->kind && strcmp(item->kind, il->kind) != 0)
		return;
	struct ref_row row = { .code = "" };
	snprintf(row.name, sizeof row.name, "%s", il->en ? item->name_en : item->name_fr);
	keep(&row, &il->l);
	if (il->l.failed)
		return;
	struct ref_choice_text *t = &il->l.text[il->l.n - 1];
	snprintf(t->code, sizeof t->code, "%lld", item->id);
	snprintf(t->alt, sizeof t->alt, "%s", il->en ? item->name_fr : item->name_en);
}

struct ref_choices *reflist_choices_load(struct db *db, const char *list, const char *lang, int flags,
                                         long long keep_id)
{
	struct item_loading il = { .l = { .flags = flags & ~REFCHOICE_SHOW_CODE },
	                           .en = lang && strcmp(lang, "en") == 0, .keep_id = keep_id };
	if (flags & REFCHOICE_WITH_NONE) {
		struct ref_row none = { .code = "", .name = "-" };
		keep(&none, &il.l);
	}
	enum status st = reflist_each(db, list, keep_id != 0, keep_item, &il);
	return finish(&il.l, st == ST_OK);
}

struct ref_choices *reflist_choices_of_kind(struct db *db, const char *list, const char *kind, const char *lang,
                                            int flags, long long keep_id)
{
	struct item_loading il = { .l = { .flags = flags & ~REFCHOICE_SHOW_CODE },
	                           .en = lang && strcmp(lang, "en") == 0, .keep_id = keep_id, .kind = kind };
	if (flags & REFCHOICE_WITH_NONE) {
		struct ref_row none = { .code = "", .name = "-" };
		keep(&none, &il.l);
	}
	enum status st = reflist_each(db, list, keep_id != 0, keep_item, &il);
	return finish(&il.l, st == ST_OK);
}

void ref_choices_free(struct ref_choices **c)
{
	if (!*c)
		return;
	free((*c)->items);
	free((*c)->text);
	free(*c);
	*c = NULL;
}
