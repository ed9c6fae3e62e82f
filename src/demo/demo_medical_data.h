#ifndef TAIMAKO_DEMO_DEMO_MEDICAL_DATA_H
#define TAIMAKO_DEMO_DEMO_MEDICAL_DATA_H
/* What transit-centre health posts see, for the demo medical generator:
 * diagnoses with their treatments and referrals by reason, where people
 * are referred near each centre, how medical cases are followed. Private
 * to src/db/. */

enum reason { R_RESPIRATORY, R_DIARRHOEA, R_MALARIA, R_SKIN, R_INJURY, R_PREGNANCY, R_MENTAL,
              R_CHRONIC, R_OTHER, R_COUNT_ };

/* Who an entry is for: anyone, children under 15, people of 15 and over. */
enum who { ANYONE, CHILD, ADULT };

/* Where people are referred. */
enum place { P_HOSPITAL, P_CSI, P_MATERNITY, P_PSYCHIATRY, P_TB, P_COUNT_ };

/* A diagnosis with its usual treatment, how often it is seen (weight
 * within its reason), how often it is referred (per 1,000), where and why.
 * Case openings also give the notes of the case. */
struct entry {
	unsigned weight;
	const char *diagnosis, *treatment;
	enum who who;
	unsigned refer;
	enum place place;
	const char *why;
	const char *notes;
};

enum town { T_NIAMEY, T_AGADEZ, T_ARLIT, T_DIRKOU, T_ZINDER, T_COUNT_ };

enum cond { C_CHRONIC, C_PREGNANCY, C_INJURY, C_DISABILITY, C_TB, C_HIV, C_MALNUTRITION,
            C_MENTAL, C_OTHER, C_COUNT_ };

#define E_COUNT(a) ((int)(sizeof a / sizeof a[0]))
#define DEMO_RETURN_TREATMENTS 5
#define DEMO_ANTENATAL_NOTES 4

/* The diagnoses of a reason, and how often and when it is followed up. */
struct demo_reason {
	const struct entry *list;
	int n;
	unsigned followup;        /* consultations given a follow-up date, per 1,000 */
	int fu_min, fu_spread;    /* in how many days */
};

/* How a condition is followed: the reason of its consultations, its
 * openings, how long until it is over (0: not while in the centre), the
 * outcomes, and the days between its follow-ups. */
struct demo_condition {
	enum reason reason;
	const struct entry *open;
	int nopen;
	int min_days, spread;
	const char *over, *departed;
	int fu_days;
};

extern const struct demo_reason demo_reasons[R_COUNT_];
extern const struct entry demo_admission;
extern const char *const demo_return_treatment[DEMO_RETURN_TREATMENTS];
extern const char *const demo_return_chronic;
extern const char *const demo_refer_to[T_COUNT_][P_COUNT_][2];
extern const struct demo_condition demo_conditions[C_COUNT_];
extern const char *const demo_antenatal_notes[DEMO_ANTENATAL_NOTES];
extern const char *const demo_antenatal_later;

/* The town of a centre code ("NY1" is in Niamey, "AGZ" in Agadez...). */
enum town demo_town_of(const char *code);

#endif
