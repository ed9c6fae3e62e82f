/* End to end: drafts of forms after a lost connection, stored by field
 * name: a consultation being typed is offered and restored at the next
 * sign-in, a form under the idle lock is kept too, and a draft kept by
 * field position before names is still read. */
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

/* Registers Hawa Bah as the intake clerk, then signs out. */
static void register_patient(struct session *s)
{
	session_login(s, "intake", "intake-demo");
	term_type(s->t, "n");
	assert_screen(s, "Nouvel enregistrement");
	term_type(s->t, "Bah\tHawa\t\tf\t1990");
	for (int i = 0; i < 12; i++)
		term_key(s->t, TK_TAB);
	term_type(s->t, "sauv\to\to");
	term_key(s->t, TK_F2);
	assert_screen(s, "Enregistré sous le numéro de dossier");
	term_key(s->t, TK_ESC);
	assert_screen(s, "Bienvenue");
	term_type(s->t, "d");
}

/* Hangs the line up and waits for the program to end. */
static void hang_up(struct session *s)
{
	term_signal(s->t, SIGHUP);
	int status;
	assert_true(term_wait_exit(s->t, WAIT_MS, &status));
	assert_int_equal(status, 1);
	term_free(&s->t);
}

static void consultation_survives_a_hang_up(void **state)
{
	struct session *s = *state;
	session_start(s, 24, 80, "xterm");
	register_patient(s);
	session_login(s, "medical", "medical-demo");
	assert_screen(s, "Liste de suivi");
	term_type(s->t, "c");
	term_type(s->t, "hawa");
	assert_screen(s, "Bah Hawa");
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Consultation de Bah Hawa");
	term_type(s->t, "malaria\tPaludisme grave\tArtésunate IV");
	assert_screen(s, "Artésunate IV");
	hang_up(s);

	session_start(s, 24, 80, "xterm");
	session_login(s, "medical", "medical-demo");
	assert_screen(s, "Formulaire inachevé : Consultation");
	term_type(s->t, "r");
	assert_screen(s, "Consultation de Bah Hawa");
	assert_screen(s, "Paludisme grave");
	assert_screen(s, "Artésunate IV");
	assert_screen(s, "Paludisme");   /* the reason chosen, by its label */
	/* Saved, the draft is no longer offered. */
	term_key(s->t, TK_F2);
	assert_screen(s, "Consultation enregistrée.");
	assert_screen(s, "Liste de suivi");
	assert_false(term_has_text(s->t, "inachevé :"));
	assert_false(term_has_text(s->t, "Reprendre"));
}

static void hang_up_under_the_idle_lock_keeps_the_form(void **state)
{
	struct session *s = *state;
	session_start_with(s, 24, 80, "xterm", "TAIMAKO_IDLE_LOCK_SECONDS=2");
	session_login(s, "intake", "intake-demo");
	term_type(s->t, "n");
	assert_screen(s, "Nouvel enregistrement");
	term_type(s->t, "Keïta\tOusmane");
	assert_screen(s, "Ousmane");
	assert_screen(s, "Taimako est verrouillé");
	hang_up(s);

	session_start(s, 24, 80, "xterm");
	session_login(s, "intake", "intake-demo");
	assert_screen(s, "Formulaire inachevé :");
	term_type(s->t, "r");
	assert_screen(s, "Keïta");
	assert_screen(s, "Ousmane");
}

/* Puts a draft in the session's database as the program kept them before
 * fields had names: by position. */
static void put_positional_draft(struct session *s, const char *user, const char *data)
{
	sqlite3 *h;
	assert_int_equal(sqlite3_open(s->db, &h), SQLITE_OK);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(h,
		"INSERT INTO draft (user_id, kind, ref_id, data, saved_at) "
		"SELECT id, 'intake', 0, ?2, '2026-01-05 10:00' FROM app_user WHERE name = ?1", -1, &st, NULL),
		SQLITE_OK);
	sqlite3_bind_text(st, 1, user, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, data, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	assert_int_equal(sqlite3_changes(h), 1);
	sqlite3_finalize(st);
	sqlite3_close(h);
}

static void draft_kept_by_position_is_read_by_name(void **state)
{
	struct session *s = *state;
	put_positional_draft(s, "intake", "{\"f0\": \"Diallo\", \"f1\": \"Mariam\", \"f9\": \"+227 96 11 22 33\"}");
	session_start(s, 24, 80, "xterm");
	session_login(s, "intake", "intake-demo");
	assert_screen(s, "Formulaire inachevé :");
	term_type(s->t, "r");
	assert_screen(s, "Nouvel enregistrement");
	assert_screen(s, "Diallo");
	assert_screen(s, "Mariam");
	assert_screen(s, "+227 96 11 22 33");
	/* Each value in its own field: the phone is the tenth. */
	char *row = term_row(s->t, 11);
	assert_non_null(strstr(row, "Téléphone"));
	assert_non_null(strstr(row, "+227 96 11 22 33"));
	free(row);
}

/* An administration form: a new account being typed, never its password. */
static void account_form_survives_a_hang_up(void **state)
{
	struct session *s = *state;
	session_start(s, 24, 80, "xterm");
	session_login(s, "admin", "admin-demo");
	term_type(s->t, "5");
	assert_screen(s, "reintegration");
	term_key(s->t, TK_F3);
	assert_screen(s, "Nouveau compte");
	term_type(s->t, "halima\tHalima Moussa\tprot\t");
	term_key(s->t, TK_TAB);
	term_key(s->t, TK_TAB);
	term_type(s->t, "un long mot de passe");
	assert_screen(s, "********************");
	hang_up(s);

	session_start(s, 24, 80, "xterm");
	session_login(s, "admin", "admin-demo");
	assert_screen(s, "Formulaire inachevé : Compte du personnel");
	term_type(s->t, "r");
	assert_screen(s, "Nouveau compte");
	assert_screen(s, "Halima Moussa");
	assert_screen(s, "halima");
	/* The password was not kept: its field is empty (no stars). */
	assert_false(term_has_text(s->t, "***"));
}

/* Opens a consultation of Hawa Bah as the medical user and types into it. */
static void type_consultation(struct session *s)
{
	session_login(s, "medical", "medical-demo");
	assert_screen(s, "Liste de suivi");
	term_type(s->t, "c");
	term_type(s->t, "hawa");
	assert_screen(s, "Bah Hawa");
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Consultation de Bah Hawa");
	term_type(s->t, "malaria\tPaludisme grave\tArtésunate IV");
	assert_screen(s, "Artésunate IV");
}

/* Signs in as the medical user and takes the draft offered. */
static void resume_consultation(struct session *s)
{
	session_login(s, "medical", "medical-demo");
	assert_screen(s, "Formulaire inachevé : Consultation");
	term_type(s->t, "r");
	assert_screen(s, "Consultation de Bah Hawa");
	assert_screen(s, "Paludisme grave");
	assert_screen(s, "Artésunate IV");
}

static void consultation_under_the_idle_lock_survives_a_hang_up(void **state)
{
	struct session *s = *state;
	session_start(s, 24, 80, "xterm");
	register_patient(s);
	term_free(&s->t);
	session_start_with(s, 24, 80, "xterm", "TAIMAKO_IDLE_LOCK_SECONDS=2");
	type_consultation(s);
	assert_screen(s, "Taimako est verrouillé");
	hang_up(s);

	session_start(s, 24, 80, "xterm");
	resume_consultation(s);
	term_key(s->t, TK_F2);
	assert_screen(s, "Consultation enregistrée.");
}

/* Signing out from the lock screen (someone else needs the terminal) keeps
 * the consultation for its author too. */
static void consultation_kept_when_signed_out_from_the_lock(void **state)
{
	struct session *s = *state;
	session_start(s, 24, 80, "xterm");
	register_patient(s);
	term_free(&s->t);
	session_start_with(s, 24, 80, "xterm", "TAIMAKO_IDLE_LOCK_SECONDS=2");
	type_consultation(s);
	assert_screen(s, "Taimako est verrouillé");
	term_key(s->t, TK_F10);
	assert_screen(s, "Assistance et protection");
	resume_consultation(s);
}

/* A saved consultation being changed (the referral's outcome) is kept too,
 * and comes back as that consultation, not as a new one. */
static void saved_consultation_change_survives_a_hang_up(void **state)
{
	struct session *s = *state;
	session_start(s, 24, 80, "xterm");
	register_patient(s);
	session_login(s, "medical", "medical-demo");
	assert_screen(s, "Liste de suivi");
	term_type(s->t, "c");
	term_type(s->t, "hawa");
	assert_screen(s, "Bah Hawa");
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Consultation de Bah Hawa");
	term_type(s->t, "injury\tEntorse\t\tCSI Dagmanet\t\tsent\t");
	term_key(s->t, TK_F2);
	assert_screen(s, "Consultation enregistrée.");
	term_type(s->t, "/hawa");
	assert_screen(s, "Bah Hawa");
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Historique des modifications");
	term_type(s->t, "m");
	assert_screen(s, "(Envoyée)");
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Consultation de Bah Hawa");
	term_type(s->t, "not");
	assert_screen(s, "Non honorée");
	hang_up(s);

	session_start(s, 24, 80, "xterm");
	session_login(s, "medical", "medical-demo");
	assert_screen(s, "Formulaire inachevé : Consultation");
	term_type(s->t, "r");
	assert_screen(s, "Consultation de Bah Hawa");
	assert_screen(s, "Entorse");
	assert_screen(s, "Non honorée");
	term_key(s->t, TK_F2);
	assert_screen(s, "Bienvenue");
	/* Her medical record: still one consultation, its referral not attended. */
	term_type(s->t, "/hawa");
	assert_screen(s, "Bah Hawa");
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Historique des modifications");
	term_type(s->t, "m");
	assert_screen(s, "(Non honorée)");
	assert_false(term_has_text(s->t, "(Envoyée)"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(consultation_survives_a_hang_up, setup, teardown),
		cmocka_unit_test_setup_teardown(hang_up_under_the_idle_lock_keeps_the_form, setup, teardown),
		cmocka_unit_test_setup_teardown(draft_kept_by_position_is_read_by_name, setup, teardown),
		cmocka_unit_test_setup_teardown(account_form_survives_a_hang_up, setup, teardown),
		cmocka_unit_test_setup_teardown(consultation_under_the_idle_lock_survives_a_hang_up, setup, teardown),
		cmocka_unit_test_setup_teardown(consultation_kept_when_signed_out_from_the_lock, setup, teardown),
		cmocka_unit_test_setup_teardown(saved_consultation_change_survives_a_hang_up, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
