#ifndef TAIMAKO_ATTACK_OPS_PRIVATE_H
#define TAIMAKO_ATTACK_OPS_PRIVATE_H
/* What the files of the attacks' write paths share (tests/attack/ops*.c):
 * the helpers of ops.c and each path's run and verify functions, named in
 * the table attack_ops[] of ops.c. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "attack.h"
#include "core/clock.h"
#include "core/date.h"
#include "core/psych_vocab.h"
#include "core/role.h"
#include "db/community.h"
#include "db/db.h"
#include "db/db_private.h"
#include "db/draft.h"
#include "db/login.h"
#include "db/medical.h"
#include "db/person.h"
#include "db/psych_sheet.h"
#include "db/psych_session.h"
#include "db/psych_support.h"
#include "db/reflist.h"
#include "db/roll.h"
#include "db/stay.h"
#include "db/training.h"
#include "db/user.h"
#include "ui/module.h"

/* Helpers (ops.c). */
void today(char out[11]);
void act_as(struct attack *a, long long id, const char *name, enum role role);
long long some_person(struct attack *a);
long long some_woman(struct attack *a);
void days_after(const char *iso, int n, char out[11]);
void think(struct attack *a);
long long query(sqlite3 *ro, const char *sql, const char *types, const char *const *args, char *text, size_t size);
int words(const char *args, char *buf, size_t size, const char **w, int n);
bool fail(char *why, size_t size, const char *msg);
bool versioned(sqlite3 *ro, const char *sql, const char *id, const char *v, const char *value, char *why, size_t size);
bool counted(sqlite3 *ro, const char *sql, const char *types, const char *const *args, int nth, char *why, size_t size);

/* Write paths: a run function acknowledges one line, a verify function
 * checks a line against the database (attack.h). */
enum status run_register(struct attack *a, char *ack, size_t size);
bool verify_register(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
enum status run_edit(struct attack *a, char *ack, size_t size);
bool verify_edit(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
enum status run_view(struct attack *a, char *ack, size_t size);
bool verify_view(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
enum status run_link(struct attack *a, char *ack, size_t size);
bool verify_link(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
enum status run_stay(struct attack *a, char *ack, size_t size);
bool verify_depart(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
bool verify_admit(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
bool verify_services(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
enum status run_consultation(struct attack *a, char *ack, size_t size);
bool verify_consultation(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
enum status run_consultation_edit(struct attack *a, char *ack, size_t size);
bool verify_consultation_edit(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
enum status run_medical_case(struct attack *a, char *ack, size_t size);
bool verify_medical_case(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
bool verify_antenatal(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
bool verify_case_close(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
enum status run_fitness(struct attack *a, char *ack, size_t size);
bool verify_fitness(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
enum status run_account(struct attack *a, char *ack, size_t size);
bool verify_user(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
bool verify_user_edit(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
bool verify_set_password(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
bool verify_change_password(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
bool verify_prefs(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
enum status run_login(struct attack *a, char *ack, size_t size);
bool verify_login(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
bool verify_login_failed(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
enum status run_draft(struct attack *a, char *ack, size_t size);
bool verify_draft(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
bool verify_draft_gone(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
enum status run_psych_session(struct attack *a, char *ack, size_t size);
bool verify_psych_session(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
enum status run_psych_mark(struct attack *a, char *ack, size_t size);
bool verify_psych_mark(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
enum status run_psych_support(struct attack *a, char *ack, size_t size);
bool verify_psych_support(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
enum status run_ref_partner(struct attack *a, char *ack, size_t size);
bool verify_ref_partner(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
enum status run_training_course(struct attack *a, char *ack, size_t size);
bool verify_training_course(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
enum status run_training_enrol(struct attack *a, char *ack, size_t size);
bool verify_training_enrol(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
enum status run_training_mark(struct attack *a, char *ack, size_t size);
bool verify_training_mark(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
enum status run_sheet_export(struct attack *a, char *ack, size_t size);
bool verify_sheet_export(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
enum status run_community(struct attack *a, char *ack, size_t size);
bool verify_community(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
enum status run_community_edit(struct attack *a, char *ack, size_t size);
bool verify_community_edit(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
enum status run_community_arrive(struct attack *a, char *ack, size_t size);
bool verify_community_arrive(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
/* Reintegration cases and plans. */
enum status run_reint_case(struct attack *a, char *ack, size_t size);
bool verify_reint_case(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
bool verify_reint_case_close(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
enum status run_reint_plan(struct attack *a, char *ack, size_t size);
bool verify_reint_plan(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
bool verify_reint_item(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
bool verify_reint_business(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
bool verify_reint_plan_step(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
/* Reintegration: grant payments, reversals and visits (ops_reint_money.c). */
enum status run_reint_pay(struct attack *a, char *ack, size_t size);
bool verify_reint_pay(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
enum status run_reint_reverse(struct attack *a, char *ack, size_t size);
bool verify_reint_reverse(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
enum status run_reint_visit(struct attack *a, char *ack, size_t size);
bool verify_reint_visit(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
bool verify_reint_visit_add(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
/* Reintegration: the sustainability survey (ops_reint_survey.c). */
enum status run_reint_survey_answers(struct attack *a, char *ack, size_t size);
bool verify_reint_survey_answers(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
enum status run_reint_survey_version(struct attack *a, char *ack, size_t size);
bool verify_reint_survey_version(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
/* Collective and community projects: projects, members, budget approval. */
enum status run_reint_project(struct attack *a, char *ack, size_t size);
bool verify_reint_project(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
enum status run_reint_member(struct attack *a, char *ack, size_t size);
bool verify_reint_member(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
enum status run_reint_approve(struct attack *a, char *ack, size_t size);
bool verify_reint_approve(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
/* Protection cases: opening and closing a case, adding an action (ops_prot_cases.c). */
enum status run_prot_case(struct attack *a, char *ack, size_t size);
bool verify_prot_case(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
bool verify_prot_case_close(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
enum status run_prot_action(struct attack *a, char *ack, size_t size);
bool verify_prot_action(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
/* Protection: a child's tracing and best-interests assessment (ops_prot_child.c). */
enum status run_prot_tracing_action(struct attack *a, char *ack, size_t size);
bool verify_prot_tracing(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
bool verify_prot_tracing_action(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
enum status run_prot_bi(struct attack *a, char *ack, size_t size);
bool verify_prot_bi(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
bool verify_prot_bi_submit(sqlite3 *ro, const char *args, int nth, char *why, size_t size);

/* Protection: victims of trafficking and referrals (ops_prot_traffic.c). */
enum status run_prot_traffic(struct attack *a, char *ack, size_t size);
bool verify_prot_traffic(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
bool verify_prot_traffic_edit(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
enum status run_prot_referral(struct attack *a, char *ack, size_t size);
bool verify_prot_referral(sqlite3 *ro, const char *args, int nth, char *why, size_t size);

/* Protection: assisted voluntary returns (ops_prot_returns.c). */
enum status run_prot_return(struct attack *a, char *ack, size_t size);
bool verify_prot_return(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
bool verify_prot_return_step(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
bool verify_prot_travel_doc(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
bool verify_prot_departure(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
/* Distributions, items and stock: an item saved, a stock move (ops_dist_items.c). */
enum status run_dist_item(struct attack *a, char *ack, size_t size);
bool verify_dist_item(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
enum status run_dist_stock(struct attack *a, char *ack, size_t size);
bool verify_dist_stock(sqlite3 *ro, const char *args, int nth, char *why, size_t size);

/* Distributions: serving at the counter and reversing (ops_dist_counter.c). */
enum status run_dist_serve(struct attack *a, char *ack, size_t size);
bool verify_dist_serve(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
enum status run_dist_reverse(struct attack *a, char *ack, size_t size);
bool verify_dist_reverse(sqlite3 *ro, const char *args, int nth, char *why, size_t size);

/* Reports: the pseudonymised people export (ops_export.c). */
enum status run_export(struct attack *a, char *ack, size_t size);
bool verify_export(sqlite3 *ro, const char *args, int nth, char *why, size_t size);
/* Import: a small legacy file in one transaction (ops_import.c). */
enum status run_import(struct attack *a, char *ack, size_t size);
bool verify_import(sqlite3 *ro, const char *args, int nth, char *why, size_t size);

/* Sync: a bundle from another site applied (ops_sync.c). */
enum status run_sync_import(struct attack *a, char *ack, size_t size);
bool verify_sync_import(sqlite3 *ro, const char *args, int nth, char *why, size_t size);

#endif
