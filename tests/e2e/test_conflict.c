/* End to end: two sessions on one database file change the same field of
 * one person. The second to save sees both values under the field's label,
 * chooses, and loses nothing it typed in the other fields. */
#include <signal.h>
#include <sqlite3.h>
#include "session.h"

static int setup(void **state)
{
	struct session *s = session_new();
	session_demo(s);
	*state = s;
	return 0;
}

static int teardown(void **state)
{
	struct session *s = *state;
	session_free(&s);
	return 0;
}

/* Registers a woman born in 1990 (French screens); her case file shows. */
static void register_person(struct session *s, const char *family, const char *given)
{
	term_type(s->t, "n");
	assert_screen(s, "Nouvel enregistrement");
	term_type(s->t, family);
	term_key(s->t, TK_TAB);
	term_type(s->t, given);
	term_key(s->t, TK_TAB);
	term_key(s->t, TK_TAB);            /* other names */
	term_type(s->t, "f");
	term_key(s->t, TK_TAB);
	term_type(s->t, "1990");
	for (int i = 0; i < 12; i++)       /* age ... centre */
		term_key(s->t, TK_TAB);
	term_type(s->t, "sauv");           /* how the person came: desert rescue */
	term_key(s->t, TK_TAB);
	term_type(s->t, "o");
	term_key(s->t, TK_TAB);
	term_type(s->t, "o");
	term_key(s->t, TK_F2);
	assert_screen(s, "Enregistré sous le numéro de dossier");
}

/* A second program on the same database (the protection officer) gives
 * Sangaré Oumou the phone +223 76 00 00 00 and saves. */
static void other_session_sets_phone(const struct session *s)
{
	struct session other = *s;
	other.t = NULL;
	session_start(&other, 24, 80, "xterm");
	session_login(&other, "protection", "protection-demo");
	term_type(other.t, "/sangare oumou");
	assert_true(term_wait_text(other.t, "Sangaré Oumou", WAIT_MS));
	term_key(other.t, TK_ENTER);
	assert_true(term_wait_text(other.t, "Historique des modifications", WAIT_MS));
	term_key(other.t, TK_F2);
	assert_true(term_wait_text(other.t, "Téléphone", WAIT_MS));
	for (int i = 0; i < 9; i++)
		term_key(other.t, TK_TAB);
	term_type(other.t, "+223 76 00 00 00");
	term_key(other.t, TK_F2);
	assert_true(term_wait_text(other.t, "Enregistré : ", WAIT_MS));
	term_free(&other.t);
}

static void same_field_in_two_sessions_is_chosen_not_lost(void **state)
{
	struct session *s = *state;
	session_start(s, 24, 80, "xterm");
	session_login(s, "intake", "intake-demo");
	assert_screen(s, "Nouvel enregistrement");
	register_person(s, "Sangaré", "Oumou");
	term_ctrl(s->t, 't');                  /* English: these texts do not change with the catalogue */
	assert_screen(s, "History of changes");
	term_key(s->t, TK_F2);                 /* session 1 opens the edit form */
	assert_screen(s, "Editing");

	/* Session 2 changes the phone and saves. */
	other_session_sets_phone(s);

	/* Session 1 types other names and another phone, and saves. */
	term_key(s->t, TK_TAB);
	term_key(s->t, TK_TAB);
	term_type(s->t, "Mimi");
	for (int i = 0; i < 7; i++)
		term_key(s->t, TK_TAB);
	term_type(s->t, "+227 91 11 11 11");
	term_key(s->t, TK_F2);
	/* Both values, under the field's label, never its internal name. */
	assert_screen(s, "Another session saved this record while you were editing it.");
	assert_screen(s, "Phone");
	assert_screen(s, "[x] 1 Yours:  +227 91 11 11 11");
	assert_screen(s, "[ ] 2 Theirs: +223 76 00 00 00");
	assert_false(term_has_text(s->t, "phone"));
	assert_false(term_has_text(s->t, "Also known as"));   /* only the field both changed */
	term_type(s->t, "2");
	assert_screen(s, "[x] 2 Theirs: +223 76 00 00 00");
	term_key(s->t, TK_ENTER);
	/* Back to the form: the phone chosen, the other names typed kept. */
	assert_screen(s, "The values chosen are in the form");
	assert_screen(s, "+223 76 00 00 00");
	assert_screen(s, "Mimi");
	term_key(s->t, TK_F2);
	assert_screen(s, "Saved: ");
	assert_screen(s, "Phone: +223 76 00 00 00");
	assert_screen(s, "Also known as: Mimi");
}

/* A draft of an edit, resumed after another session saved the person:
 * what the other session saved stays (the draft began before it), what
 * the draft typed is added; never the old value put back. */
static void resumed_draft_keeps_what_another_session_saved(void **state)
{
	struct session *s = *state;
	session_start(s, 24, 80, "xterm");
	session_login(s, "intake", "intake-demo");
	assert_screen(s, "Nouvel enregistrement");
	register_person(s, "Sangaré", "Oumou");
	term_ctrl(s->t, 't');                  /* English, kept for the account */
	assert_screen(s, "History of changes");
	term_key(s->t, TK_F2);
	assert_screen(s, "Editing");
	term_key(s->t, TK_TAB);
	term_key(s->t, TK_TAB);
	term_type(s->t, "Mimi");
	assert_screen(s, "Mimi");
	/* The line drops: the form is kept as a draft. */
	term_signal(s->t, SIGHUP);
	int status;
	assert_true(term_wait_exit(s->t, WAIT_MS, &status));
	term_free(&s->t);

	/* Another session gives her a phone. */
	other_session_sets_phone(s);

	/* The draft resumed and saved: the phone stays, Mimi is added. */
	session_start(s, 24, 80, "xterm");
	session_login(s, "intake", "intake-demo");
	assert_screen(s, "Unfinished form");
	term_type(s->t, "r");
	assert_screen(s, "Mimi");
	term_key(s->t, TK_F2);
	assert_screen(s, "Another session saved this person meanwhile");
	assert_screen(s, "+223 76 00 00 00");
	assert_screen(s, "Mimi");
	term_key(s->t, TK_F2);
	assert_screen(s, "Saved: ");
	sqlite3 *h;
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_open(s->db, &h), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(h, "SELECT phone, other_names FROM person WHERE given_names = 'Oumou'", -1,
	                                    &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), "+223 76 00 00 00");
	assert_string_equal((const char *)sqlite3_column_text(st, 1), "Mimi");
	sqlite3_finalize(st);
	sqlite3_close(h);
}

/* The position of account name in the accounts list (name order). */
static int account_row(struct session *s, const char *name)
{
	sqlite3 *h;
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_open(s->db, &h), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(h, "SELECT count(*) FROM app_user WHERE name < ?1", -1, &st, NULL),
	                 SQLITE_OK);
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	int n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(h);
	return n;
}

/* Signs in as the administrator and opens the account intake's form. */
static void open_intake_account(struct session *s)
{
	session_login(s, "admin", "admin-demo");
	assert_screen(s, "6  ");
	term_type(s->t, "5");
	assert_screen(s, "reintegration");
	for (int i = account_row(s, "intake"); i > 0; i--)
		term_key(s->t, TK_DOWN);
	term_key(s->t, TK_ENTER);
	assert_screen(s, "intake");
}

static void two_administrators_edit_one_account(void **state)
{
	struct session *s = *state;
	session_start(s, 24, 80, "xterm");
	open_intake_account(s);
	term_ctrl(s->t, 't');                  /* English for the rest */
	assert_screen(s, "Account: intake");
	term_ctrl(s->t, 'u');
	term_type(s->t, "Ibrahim M.");

	struct session other = *s;
	other.t = NULL;
	session_start(&other, 24, 80, "xterm");
	open_intake_account(&other);
	assert_true(term_wait_text(other.t, "Account: intake", WAIT_MS));
	term_ctrl(other.t, 'u');
	term_type(other.t, "Ibrahim Moussa Sani");
	term_key(other.t, TK_F2);
	assert_true(term_wait_text(other.t, "Saved.", WAIT_MS));
	term_free(&other.t);

	/* The form typed is kept; the name changed on both sides is chosen. */
	term_key(s->t, TK_F2);
	assert_screen(s, "Full name");
	assert_screen(s, "[x] 1 Yours:  Ibrahim M.");
	assert_screen(s, "[ ] 2 Theirs: Ibrahim Moussa Sani");
	term_key(s->t, TK_ENTER);
	assert_screen(s, "The values chosen are in the form");
	assert_screen(s, "Ibrahim M.");
	term_key(s->t, TK_F2);
	assert_screen(s, "Saved.");
	assert_screen(s, "Ibrahim M.");
	assert_false(term_has_text(s->t, "Ibrahim Moussa Sani"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(same_field_in_two_sessions_is_chosen_not_lost, setup, teardown),
		cmocka_unit_test_setup_teardown(resumed_draft_keeps_what_another_session_saved, setup, teardown),
		cmocka_unit_test_setup_teardown(two_administrators_edit_one_account, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
