/* End to end: `taimako import` from the shell on a demo database. A dry
 * run lists every bad row as FILE:LINE:COLUMN and writes nothing; the
 * corrected file is imported; `taimako find` then finds the person, with
 * a right-to-left override in the name made harmless; the import is in
 * the trail; a row with a consultation is counted by the medical table,
 * one with an enrolment enrols the person in a course still running;
 * wrong use exits 2. */
#include <sqlite3.h>
#include <time.h>
#include "session.h"

static int setup(void **state)
{
	struct session *s = session_new();
	char out[1024];
	assert_int_equal(run_cli(s, NULL, out, sizeof out, "--db", s->db, "demo", "--persons", "60", (char *)NULL), 0);
	*state = s;
	return 0;
}

static int teardown(void **state)
{
	struct session *s = *state;
	session_free(&s);
	return 0;
}

/* Writes a file of the session's folder. */
static void put(struct session *s, const char *name, const char *text, size_t len)
{
	char path[400];
	snprintf(path, sizeof path, "%s/%s", s->dir, name);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

/* Runs `taimako --db DB CMD ARGS` in English from the session's folder,
 * standard output and error into out; the exit status. */
static int cli(struct session *s, char *out, size_t outsz, const char *args)
{
	char cmd[2048];
	snprintf(cmd, sizeof cmd, "cd '%s' && env -u SSH_CLIENT LANG=C.UTF-8 LANGUAGE=en LC_ALL= %s '%s' --db '%s' %s 2>&1",
	         s->dir, s->env_localedir, taimako_bin(), s->db, args);
	FILE *p = popen(cmd, "r");
	assert_non_null(p);
	size_t got = fread(out, 1, outsz - 1, p);
	out[got] = '\0';
	int st = pclose(p);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128;
}

static long count(struct session *s, const char *sql)
{
	sqlite3 *h;
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_open_v2(s->db, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK);
	long n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	sqlite3_finalize(st);
	sqlite3_close(h);
	return n;
}

/* The total of line key of table at AGZ in 2017, as the command line
 * computes it (CSV: ...,Line,Label,Counting,Total,Definition). */
static long total_2017(struct session *s, const char *table, const char *key)
{
	char out[8192], args[200], at_key[64];
	snprintf(args, sizeof args, "report %s --period 2017 --centre AGZ --by total --format csv", table);
	assert_int_equal(cli(s, out, sizeof out, args), 0);
	snprintf(at_key, sizeof at_key, ",%s,", key);
	const char *at = strstr(out, at_key);
	assert_non_null(at);
	at += strlen(at_key);
	for (int comma = 0; comma < 2; comma++) {
		at = strchr(at, ',');
		assert_non_null(at);
		at++;
	}
	return strtol(at, NULL, 10);
}

/* The intake table's "People registered" at AGZ in 2017. */
static long registered_2017(struct session *s)
{
	return total_2017(s, "intake", "registered");
}

static const char MAP[] = "# the old register\nfamily_name = NOM\ngiven_names = Prénoms\nsex = Sexe\n"
                          "sex.F = f\nsex.H = m\nage = Age\narrival_date = Arrivée\n"
                          "stay.departed = Départ\nstay.departure_reason = Motif\n"
                          "stay.departure_reason.Retour = avr\n";

/* In Windows-1252, as older spreadsheets save it: é is 0xE9. */
#define HEADER "NOM;Pr\xE9nom;Sexe;Age;Arriv\xE9" "e;D\xE9part;Motif\r\n"

static void dry_run_then_import_then_find(void **state)
{
	struct session *s = *state;
	put(s, "register.map", MAP, strlen(MAP));
	static const char bad[] = HEADER "Kountch\xE9;Zeinabou;F;environ 30 ans;04/03/2017;;\r\n"   /* 2 */
	                                 "\"Mahaman\r\nSani\";Ali;Q;40;05/03/2017;;\r\n"            /* 3-4: sex, on 4 */
	                                 "Issa;Hawa;F;abc;31/02/2017;;\r\n"                          /* 5: age, date */
	                                 "Garba;Idi;H;;06/03/2017;01/03/2017;Retour\r\n";            /* 6: departure */
	put(s, "register.csv", bad, sizeof bad - 1);
	long people = count(s, "SELECT count(*) FROM person");
	char out[8192];
	/* The mapping names a column the file does not have: its line. */
	assert_int_equal(cli(s, out, sizeof out, "import register.csv --mapping register.map --dry-run"), 1);
	assert_non_null(strstr(out, "register.map:3: "));
	/* Prénoms, then the dry run. */
	static const char fixed_header[] = "NOM;Pr\xE9noms;Sexe;Age;Arriv\xE9" "e;D\xE9part;Motif\r\n";
	char text[1024];
	snprintf(text, sizeof text, "%s%s", fixed_header, bad + strlen(HEADER));
	put(s, "register.csv", text, strlen(text));
	assert_int_equal(cli(s, out, sizeof out, "import register.csv --mapping register.map --centre AGZ --dry-run"), 1);
	assert_non_null(strstr(out, "register.csv:4:3: unknown value 'Q'"));
	assert_non_null(strstr(out, "register.csv:5:4: 'abc'"));
	assert_non_null(strstr(out, "register.csv:5:5: '31/02/2017'"));
	assert_non_null(strstr(out, "register.csv:6:6: "));
	assert_non_null(strstr(out, "windows-1252"));
	assert_non_null(strstr(out, "nothing written"));
	assert_int_equal(count(s, "SELECT count(*) FROM person"), people);
	/* All or nothing: the real run refuses the file as it is. */
	assert_int_equal(cli(s, out, sizeof out, "import register.csv --mapping register.map --centre AGZ"), 1);
	assert_int_equal(count(s, "SELECT count(*) FROM person"), people);
	/* Corrected; a name with a right-to-left override (UTF-8 now). */
	static const char good[] = "NOM;Prénoms;Sexe;Age;Arrivée;Départ;Motif\n"
	                           "Kountché;Zeinabou;F;environ 30 ans;04/03/2017;;\n"
	                           "\"Mahaman\nSani\";Ali;H;40;05/03/2017;;\n"
	                           "Issa;\xE2\x80\xAEHawa;F;;28/02/2017;;\n"
	                           "Garba;Idi;H;;06/03/2017;09/03/2017;Retour\n";
	put(s, "register.csv", good, sizeof good - 1);
	long before = registered_2017(s);
	assert_int_equal(cli(s, out, sizeof out, "import register.csv --mapping register.map --centre AGZ"), 0);
	assert_non_null(strstr(out, "4 imported"));
	assert_int_equal(count(s, "SELECT count(*) FROM person"), people + 4);
	/* The reports count them: four more people registered at AGZ in 2017. */
	assert_int_equal(registered_2017(s), before + 4);
	assert_int_equal(cli(s, out, sizeof out, "find Kountche Zeinabou"), 0);
	assert_non_null(strstr(out, "Kountché Zeinabou"));
	/* Born about 1987 (30 on arrival in 2017): "~" and the age today. */
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	char age[16];
	snprintf(age, sizeof age, "~%d", tm.tm_year + 1900 - 1987);
	assert_non_null(strstr(out, age));
	assert_int_equal(cli(s, out, sizeof out, "find Issa"), 0);
	assert_null(strstr(out, "\xE2\x80\xAE"));
	assert_non_null(strstr(out, "Issa ?Hawa"));
	/* Again: each one a likely duplicate, listed, nothing written. */
	assert_int_equal(cli(s, out, sizeof out, "import register.csv --mapping register.map --centre AGZ"), 1);
	assert_non_null(strstr(out, "register.csv:2: likely duplicate: "));
	assert_int_equal(count(s, "SELECT count(*) FROM person"), people + 4);
	/* The trail: the import by the unix account, and each creation. */
	assert_int_equal(count(s, "SELECT count(*) FROM audit WHERE action = 'import' AND user_name LIKE 'unix:%' "
	                          "AND json_extract(changes, '$.file') = 'register.csv' "
	                          "AND json_extract(changes, '$.imported') = 4"),
	                 1);
	assert_int_equal(count(s, "SELECT count(*) FROM audit a JOIN person p ON p.id = a.entity_id "
	                          "WHERE a.action = 'create' AND p.family_name = 'Kountché'"),
	                 1);
}

/* A row with a consultation: a bad reason is reported with its line and
 * column; corrected, the consultation is written as a medical write of
 * the unix account, and the medical table counts it. */
static void consultation_then_report(void **state)
{
	struct session *s = *state;
	static const char map[] = "family_name = NOM\ngiven_names = Prénoms\nsex = Sexe\nsex.F = f\nsex.H = m\n"
	                          "age = Age\narrival_date = Arrivée\nconsultation.date = Date consultation\n"
	                          "consultation.reason = Motif\nconsultation.reason.Paludisme = malaria\n"
	                          "consultation.diagnosis = Diagnostic\n";
	put(s, "care.map", map, strlen(map));
	static const char bad[] = "NOM;Prénoms;Sexe;Age;Arrivée;Date consultation;Motif;Diagnostic\n"
	                          "Soigné;Rabi;F;24;10/05/2017;12/05/2017;Grippe;Fièvre\n";
	put(s, "care.csv", bad, sizeof bad - 1);
	char out[8192];
	long people = count(s, "SELECT count(*) FROM person");
	assert_int_equal(cli(s, out, sizeof out, "import care.csv --mapping care.map --centre AGZ"), 1);
	assert_non_null(strstr(out, "care.csv:2:7: unknown value 'Grippe'"));
	assert_int_equal(count(s, "SELECT count(*) FROM person"), people);
	static const char good[] = "NOM;Prénoms;Sexe;Age;Arrivée;Date consultation;Motif;Diagnostic\n"
	                           "Soigné;Rabi;F;24;10/05/2017;12/05/2017;Paludisme;Fièvre\n";
	put(s, "care.csv", good, sizeof good - 1);
	long before = total_2017(s, "medical", "consultations");
	assert_int_equal(cli(s, out, sizeof out, "import care.csv --mapping care.map --centre AGZ"), 0);
	assert_non_null(strstr(out, "1 imported"));
	assert_int_equal(total_2017(s, "medical", "consultations"), before + 1);
	assert_int_equal(count(s, "SELECT count(*) FROM consultation c JOIN person p ON p.id = c.person_id "
	                          "WHERE p.family_name = 'Soigné' AND c.date = '2017-05-12' AND c.reason = 'malaria' "
	                          "AND c.diagnosis = 'Fièvre'"),
	                 1);
	assert_int_equal(count(s, "SELECT count(*) FROM audit a JOIN consultation c ON c.id = a.entity_id "
	                          "JOIN person p ON p.id = c.person_id WHERE a.entity = 'consultation' "
	                          "AND a.action = 'create' AND a.user_name LIKE 'unix:%' AND p.family_name = 'Soigné'"),
	                 1);
}

/* A row with an enrolment in a course of the demo still running, found
 * by its title; a course completed long ago refuses it with its reason. */
static void training_enrolment(void **state)
{
	struct session *s = *state;
	sqlite3 *h;
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_open_v2(s->db, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(h,
	                                    "SELECT title FROM training_course tc WHERE status IN ('open', 'running') "
	                                    "AND instr(title, ';') = 0 AND instr(title, '\"') = 0 AND (SELECT count(*) "
	                                    "FROM training_course t2 WHERE t2.title = tc.title) = 1 ORDER BY id LIMIT 1",
	                                    -1, &st, NULL),
	                 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	char title[200];
	snprintf(title, sizeof title, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(h);
	static const char map[] = "family_name = NOM\ngiven_names = Prénoms\nsex = Sexe\nsex.F = f\nsex.H = m\n"
	                          "age = Age\narrival_date = Arrivée\ntraining.course = Formation\n"
	                          "training.status = Statut\ntraining.status.Inscrit = enrolled\n";
	put(s, "train.map", map, strlen(map));
	char text[1024], out[8192];
	snprintf(text, sizeof text, "NOM;Prénoms;Sexe;Age;Arrivée;Formation;Statut\n"
	                            "Apprenti;Salou;H;22;10/05/2017;Bijouterie touarègue 2016;Inscrit\n");
	put(s, "train.csv", text, strlen(text));
	assert_int_equal(cli(s, out, sizeof out, "import train.csv --mapping train.map --centre AGZ"), 1);
	assert_non_null(strstr(out, "train.csv:2:6: "));
	assert_int_equal(count(s, "SELECT count(*) FROM person WHERE family_name = 'Apprenti'"), 0);
	snprintf(text, sizeof text, "NOM;Prénoms;Sexe;Age;Arrivée;Formation;Statut\n"
	                            "Apprenti;Salou;H;22;10/05/2017;%s;Inscrit\n", title);
	put(s, "train.csv", text, strlen(text));
	assert_int_equal(cli(s, out, sizeof out, "import train.csv --mapping train.map --centre AGZ"), 0);
	assert_int_equal(count(s, "SELECT count(*) FROM training_enrolment e JOIN person p ON p.id = e.person_id "
	                          "WHERE p.family_name = 'Apprenti' AND e.status IN ('enrolled', 'waiting')"),
	                 1);
	assert_int_equal(count(s, "SELECT count(*) FROM audit a JOIN training_enrolment e ON e.id = a.entity_id "
	                          "JOIN person p ON p.id = e.person_id WHERE a.entity = 'training_enrolment' "
	                          "AND a.action = 'create' AND a.user_name LIKE 'unix:%' AND p.family_name = 'Apprenti'"),
	                 1);
}

static void wrong_use(void **state)
{
	struct session *s = *state;
	char out[2048];
	put(s, "m.map", MAP, strlen(MAP));
	put(s, "f.csv", "a\n", 2);
	assert_int_equal(cli(s, out, sizeof out, "import f.csv"), 2);
	assert_int_equal(cli(s, out, sizeof out, "import --mapping m.map"), 2);
	assert_int_equal(cli(s, out, sizeof out, "import f.csv --mapping m.map --encoding ebcdic"), 2);
	assert_int_equal(cli(s, out, sizeof out, "import f.csv --mapping m.map --separator x"), 2);
	assert_int_equal(cli(s, out, sizeof out, "import f.csv --mapping m.map --batch 0"), 2);
	assert_int_equal(cli(s, out, sizeof out, "import f.csv --mapping m.map --resume"), 2);
	assert_int_equal(cli(s, out, sizeof out, "import f.csv --mapping m.map --bogus"), 2);
	assert_int_equal(cli(s, out, sizeof out, "import missing.csv --mapping m.map"), 1);
	put(s, "bad.map", "family_name = NOM\nsurname = X\n", 30);
	assert_int_equal(cli(s, out, sizeof out, "import f.csv --mapping bad.map"), 1);
	assert_non_null(strstr(out, "bad.map:2: unknown field 'surname'"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(dry_run_then_import_then_find, setup, teardown),
		cmocka_unit_test_setup_teardown(consultation_then_report, setup, teardown),
		cmocka_unit_test_setup_teardown(training_enrolment, setup, teardown),
		cmocka_unit_test_setup_teardown(wrong_use, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
