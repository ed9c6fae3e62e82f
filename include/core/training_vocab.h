#ifndef TAIMAKO_CORE_TRAINING_VOCAB_H
#define TAIMAKO_CORE_TRAINING_VOCAB_H
/* The vocational training module's code lists (see core/vocab.h). Trades
 * and partner organisations are editable lists instead (db/reflist.h). */
#include "core/vocab.h"

extern const struct vocab vocab_training_certificate;
#define VOCAB_TRAINING_CERTIFICATE (&vocab_training_certificate) /* training_course.certificate */
extern const struct vocab vocab_training_course_status;
#define VOCAB_TRAINING_COURSE_STATUS (&vocab_training_course_status) /* training_course.status */
extern const struct vocab vocab_training_enrolment_status;
#define VOCAB_TRAINING_ENROLMENT_STATUS (&vocab_training_enrolment_status) /* training_enrolment.status */
extern const struct vocab vocab_training_dropout;
#define VOCAB_TRAINING_DROPOUT (&vocab_training_dropout) /* training_enrolment.dropout_reason */
extern const struct vocab vocab_training_assessment;
#define VOCAB_TRAINING_ASSESSMENT (&vocab_training_assessment) /* training_enrolment.assessment */
extern const struct vocab vocab_training_followup;
#define VOCAB_TRAINING_FOLLOWUP (&vocab_training_followup) /* training_enrolment.followup */

#endif
