#ifndef TAIMAKO_SCREENS_TRAINING_H
#define TAIMAKO_SCREENS_TRAINING_H
/* The screens of vocational training courses: the centre's courses, the
 * course form, the course (its class and waiting list) and the enrolment
 * form (status, completion and follow-up). */
#include "core/status.h"

struct app;

/* The courses of the user's centre, newest first. */
enum status training_courses_open(struct app *app);

/* The course form: a new course (id 0) or course id to change. */
enum status training_course_form_open(struct app *app, long long id);

/* The course form of course id with its status set to cancelled and the
 * reason to give. */
enum status training_course_cancel_open(struct app *app, long long id);

/* The id of the course the form saved since last asked (0: none). */
long long training_course_form_take_saved(void);

/* The course form (ref: the course, 0 for a new one) filled from the
 * user's draft json. */
enum status training_course_open_draft(struct app *app, long long ref, const char *json);

/* The course screen of course id: the class, the waiting list, outcomes. */
enum status training_course_open(struct app *app, long long id);

/* The enrolment form of enrolment id: status, completion and follow-up. */
enum status training_enrolment_form_open(struct app *app, long long id);

/* Asks the day of course whose attendance to take, then opens its roll. */
enum status training_day_roll_open(struct app *app, long long course);

/* The courses of person (the case file's action). */
enum status training_person_open(struct app *app, long long person);

#endif
