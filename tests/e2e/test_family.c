/* End to end: family links. A mother links her child: the child's file
 * shows her as parent (not head of household); → in the relation menu
 * links nothing, a link is made only once confirmed; a wrong link is
 * removed after a confirmation, audited on both people, and can be undone. */
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

/* Registers family given from the home menu (French screens): sex f, the
 * birth year, desert rescue, consents yes; the saved case file shows. */
static void register_person(struct session *s, const char *family, const char *given, const char *birth)
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
	term_type(s->t, birth);
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

/* The audit rows of action in the session's database. */
static long long audit_rows(struct session *s, const char *action)
{
	sqlite3 *h;
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_open(s->db, &h), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(h, "SELECT count(*) FROM audit WHERE action = ?1", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, action, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	long long n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(h);
	return n;
}

static void mother_links_child_then_removes_the_link(void **state)
{
	struct session *s = *state;
	session_start(s, 24, 80, "xterm");
	session_login(s, "intake", "intake-demo");
	assert_screen(s, "Nouvel enregistrement");
	register_person(s, "Zerbo", "Fatimata", "2016");
	term_key(s->t, TK_ESC);
	assert_screen(s, "Bienvenue");
	register_person(s, "Zerbo", "Kadiatou", "1985");
	/* The rest in English: its texts do not change with the catalogue. */
	term_ctrl(s->t, 't');
	assert_screen(s, "History of changes");

	/* On the mother's file: the child is her child. */
	term_type(s->t, "l");
	assert_screen(s, "Find the family member to link");
	term_type(s->t, "fatimata");
	assert_screen(s, "Zerbo Fatimata");
	term_key(s->t, TK_ENTER);
	assert_screen(s, "is the person's:");
	term_key(s->t, TK_DOWN);
	/* → links nothing: still here, and the choice is confirmed first. */
	term_key(s->t, TK_RIGHT);
	assert_screen(s, "Zerbo Fatimata will be shown as child of Zerbo Kadiatou.");
	assert_screen(s, "Zerbo Kadiatou will be shown as parent of Zerbo Fatimata.");
	term_type(s->t, "2");
	assert_screen(s, "Record this family link, both ways?");
	term_type(s->t, "n");
	assert_screen(s, "Not linked.");
	assert_int_equal(audit_rows(s, "link"), 0);
	term_key(s->t, TK_ENTER);
	assert_screen(s, "Record this family link, both ways?");
	term_type(s->t, "y");
	assert_screen(s, "Family member linked.");
	assert_screen(s, "child");
	assert_int_equal(audit_rows(s, "link"), 2);

	/* The child's file: her mother is her parent, not head of household. */
	term_type(s->t, "1");
	assert_screen(s, "Zerbo Fatimata   female");
	assert_screen(s, "parent");
	assert_screen(s, "Zerbo Kadiatou");
	assert_false(term_has_text(s->t, "head of household"));

	/* A wrong link is removed once confirmed, and the removal undone. */
	assert_screen(s, "(r removes a wrong link)");
	term_type(s->t, "r");
	assert_screen(s, "Press the number of the family member to unlink");
	term_type(s->t, "1");
	assert_screen(s, "Remove the family link with Zerbo Kadiatou (parent)?");
	term_type(s->t, "n");
	assert_screen(s, "The family link is kept.");
	term_type(s->t, "r");
	assert_screen(s, "Press the number of the family member to unlink");
	term_type(s->t, "1");
	assert_screen(s, "Remove the family link with Zerbo Kadiatou (parent)?");
	term_type(s->t, "y");
	assert_screen(s, "Family link removed. Press u to undo.");
	assert_screen(s, "No family members linked.");
	assert_int_equal(audit_rows(s, "unlink"), 2);
	term_type(s->t, "u");
	assert_screen(s, "Family link restored.");
	assert_screen(s, "Zerbo Kadiatou");
	term_type(s->t, "r");
	assert_screen(s, "Press the number of the family member to unlink");
	term_type(s->t, "1");
	assert_screen(s, "Remove the family link with");
	term_type(s->t, "y");
	assert_screen(s, "No family members linked.");
	assert_int_equal(audit_rows(s, "unlink"), 4);
	/* Gone from the mother's file too. */
	term_key(s->t, TK_ESC);
	assert_screen(s, "Zerbo Kadiatou   female");
	assert_screen(s, "No family members linked.");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(mother_links_child_then_removes_the_link, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
