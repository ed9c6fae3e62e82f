#ifndef TAIMAKO_UI_VOCAB_CHOICES_H
#define TAIMAKO_UI_VOCAB_CHOICES_H
/* A code list of core/vocab.h as the choices of a form field. */
#include <stdbool.h>
#include "core/vocab.h"
#include "ui/form.h"

/* The choices of list v in its order, labels as msgids (set the field's
 * labels_are_msgids), after an empty "-" choice when with_none; *n (may be
 * NULL) receives their number. Static storage, built at the first call. */
const struct choice *vocab_choices(const struct vocab *v, bool with_none, int *n);

#endif
