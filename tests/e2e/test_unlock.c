/* End to end: an administrator unlocks a locked account from the accounts
 * list, and gives an account a new password, each after a confirmation and
 * recorded in the audit trail. */
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

/* One number from the session's database. */
static long long q_int(struct session *s, const char *sql)
{
	sqlite3 *h;
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_open(s->db, &h), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	long long n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(h);
	return n;
}

static void admin_unlocks_and_sets_a_password(void **state)
{
	struct session *s = *state;
	session_start(s, 24, 80, "xterm");
	/* Five wrong passwords lock the medical account. */
	assert_screen(s, "Mot de passe");
	term_type(s->t, "medical\n");
	for (int i = 0; i < 5; i++) {
		term_type(s->t, "not-the-password\n");
		assert_screen(s, i < 4 ? "Utilisateur inconnu" : "verrouillé jusqu'à");
	}
	/* The administrator signs in on the same screen. */
	term_key(s->t, TK_BACKTAB);
	term_ctrl(s->t, 'u');
	assert_screen_gone(s, "utilisateur *     medical");
	term_type(s->t, "admin\nadmin-demo\n");
	assert_screen(s, "Comptes du personnel");
	term_ctrl(s->t, 't');               /* English: these texts do not change with the catalogue */
	assert_screen(s, "Staff accounts");
	term_type(s->t, "5");
	assert_screen(s, "locked until");
	assert_screen(s, "p new password   u unlock");
	long long above = q_int(s, "SELECT count(*) FROM app_user WHERE name < 'medical'");
	for (long long i = 0; i < above; i++)
		term_key(s->t, TK_DOWN);
	/* Asked first; no changes nothing. */
	term_type(s->t, "u");
	assert_screen(s, "Unlock the account medical? Its password stays the same.");
	term_type(s->t, "n");
	assert_screen(s, "Nothing changed.");
	assert_screen(s, "locked until");
	term_type(s->t, "u");
	assert_screen(s, "Unlock the account medical?");
	term_type(s->t, "y");
	assert_screen(s, "The account medical is unlocked.");
	assert_screen_gone(s, "locked until");
	assert_int_equal(q_int(s, "SELECT count(*) FROM audit WHERE action = 'unlock_account' AND user_name = 'admin'"),
	                 1);
	/* A new password, confirmed. */
	term_type(s->t, "p");
	assert_screen(s, "Account: medical");
	term_type(s->t, "un nouveau secret\tun nouveau secret\n");
	assert_screen(s, "Give the account medical this new password? It also unlocks it.");
	term_type(s->t, "n");
	assert_screen(s, "The password is not changed.");
	term_key(s->t, TK_F2);
	assert_screen(s, "Give the account medical this new password?");
	term_type(s->t, "y");
	assert_screen(s, "The password is changed.");
	assert_int_equal(q_int(s, "SELECT count(*) FROM audit WHERE action = 'set_password' AND user_name = 'admin'"), 1);
	/* The account signs in with it. */
	term_key(s->t, TK_ESC);
	assert_screen(s, "Welcome");
	term_type(s->t, "d");
	session_login_as(s, "Password", "medical", "un nouveau secret");
	assert_screen(s, "Bienvenue");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(admin_unlocks_and_sets_a_password, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
