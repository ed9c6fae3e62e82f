#ifndef TAIMAKO_CORE_PSYCH_VOCAB_H
#define TAIMAKO_CORE_PSYCH_VOCAB_H
/* The psychosocial module's code lists (see core/vocab.h). Activity types
 * and partner organisations are editable lists instead (db/reflist.h). */
#include "core/vocab.h"

extern const struct vocab vocab_psych_status;
#define VOCAB_PSYCH_STATUS (&vocab_psych_status)     /* psych_session.status */
extern const struct vocab vocab_psych_roll;
#define VOCAB_PSYCH_ROLL (&vocab_psych_roll)         /* psych_session.roll: by name or head count */
extern const struct vocab vocab_psych_mark;
#define VOCAB_PSYCH_MARK (&vocab_psych_mark)         /* psych_attendance.mark */
extern const struct vocab vocab_course_mark;
#define VOCAB_COURSE_MARK (&vocab_course_mark)       /* training_attendance.mark: the same marks */
extern const struct vocab vocab_psych_modality;
#define VOCAB_PSYCH_MODALITY (&vocab_psych_modality) /* psych_support.modality */
extern const struct vocab vocab_psych_risk;
#define VOCAB_PSYCH_RISK (&vocab_psych_risk)         /* psych_support.risk */
extern const struct vocab vocab_psych_activity_kind;
#define VOCAB_PSYCH_ACTIVITY_KIND (&vocab_psych_activity_kind) /* ref_item.kind of activity types */

/* Sets stored as bits (psych_support.concerns, .referrals): item i of the
 * list is bit 1 << i. Not compared with a CHECK (IN ...): the schema bounds
 * the number instead. */
extern const struct vocab vocab_psych_concern;
#define VOCAB_PSYCH_CONCERN (&vocab_psych_concern)
extern const struct vocab vocab_psych_referral;
#define VOCAB_PSYCH_REFERRAL (&vocab_psych_referral)

enum psych_concern {
	PSYCH_CONCERN_DISTRESS, PSYCH_CONCERN_SLEEP, PSYCH_CONCERN_GRIEF, PSYCH_CONCERN_VIOLENCE,
	PSYCH_CONCERN_TRAFFICKING, PSYCH_CONCERN_SEPARATION, PSYCH_CONCERN_OTHER, PSYCH_CONCERN_COUNT_
};
enum psych_referral {
	PSYCH_REFERRAL_MENTAL_HEALTH, PSYCH_REFERRAL_MEDICAL, PSYCH_REFERRAL_PROTECTION, PSYCH_REFERRAL_COUNT_
};

#endif
