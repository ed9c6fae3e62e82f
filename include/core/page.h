#ifndef TAIMAKO_CORE_PAGE_H
#define TAIMAKO_CORE_PAGE_H
/* Paging by key, the one contract of every list in the program. A page is
 * the rows right after a key, or right before it, in the list's own order;
 * the reader learns whether more rows lie beyond the page in that
 * direction, and keeps the last row's key to ask for the next page. Rows
 * always come in the list's order, whichever the direction. No list is
 * ever cut short without saying so. */

enum page_dir {
	PAGE_AFTER,    /* the rows after the key; no key: from the first row */
	PAGE_BEFORE,   /* the rows before the key; no key: the last rows */
};

#endif
