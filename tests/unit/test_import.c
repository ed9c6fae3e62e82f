/* The import of a legacy spreadsheet through the data layer: the same
 * people from every encoding, names stored sanitised, every problem with
 * its line and column, duplicates listed and not imported, all or
 * nothing, batches and resume, the trail, and the intake table counting
 * the people imported; consultations and training enrolments of the rows,
 * written with their module's role, counted by the medical table. */
#include <iconv.h>

#include "core/report.h"
#include "db/audit.h"
#include "db/import.h"
#include "db/medical.h"
#include "db/report_medical.h"
#include "db/training.h"
#include "db/report.h"
#include "db/report_registration.h"
#include "psych_report_fixture.h"

static const char MAP[] =
	"# test mapping\n"
	"family_name = NOM\ngiven_names = Prénoms\nsex = Sexe\nsex.F = f\nsex.H = m\n"
	"nationality = Nationalité\nnationality.Nigérienne = NER\nage = Age\nbirth_date = Naissance\n"
	"arrival_date = Arrivée\ncentre = Centre\nphone = Tél\nflags = Vulnérabilités\nflags.MNA = unaccompanied_child\n"
	"stay.departed = Départ\nstay.departure_reason = Motif\nstay.departure_reason.Retour = avr\n";

#define HEADER "NOM;Prénoms;Sexe;Nationalité;Age;Naissance;Arrivée;Centre;Tél;Vulnérabilités;Départ;Motif\r\n"

/* Three people, Latin-1 letters only, one name over two lines. */
static const char PEOPLE[] = HEADER
	"N'Diaye;Aïssa;F;Nigérienne;environ 25 ans;;04/03/2017;AGZ;+227 96 12 34 56;;;\r\n"
	"\"Zélie\r\nÉpée\";Moussa;H;MLI;;1999;2017-03-05;agz;;;10/03/2017;Retour\r\n"
	"Ba;Ibrahîm;H;Mali;15;;5/3/2017;AGZ;;MNA;;\r\n";

struct heard {
	char text[8192];
	int problems, duplicates;
};

static void on_problem(int line, int column, bool in_map, const char *message, void *ctx)
{
	struct heard *h = ctx;
	size_t n = strlen(h->text);
	snprintf(h->text + n, sizeof h->text - n, "%s%d:%d: %s\n", in_map ? "map:" : "", line, column, message);
	h->problems++;
}

static void on_duplicate(int line, const struct person_hit *hit, int score, void *ctx)
{
	struct heard *h = ctx;
	size_t n = strlen(h->text);
	snprintf(h->text + n, sizeof h->text - n, "%d: duplicate %s (%d)\n", line, hit->name, score);
	h->duplicates++;
}

/* Imports text (len bytes) through mapping with o (file name
 * "legacy.csv" unless set). */
static enum status run_map(struct fixture *f, const char *mapping, const char *text, size_t len,
                           struct import_options o, struct heard *h, struct import_report *rep)
{
	struct import_map map;
	int line;
	char err[256];
	assert_true(import_map_parse(&map, mapping, strlen(mapping), &line, err, sizeof err));
	if (!o.file_name)
		o.file_name = "legacy.csv";
	memset(h, 0, sizeof *h);
	FILE *in = fmemopen((void *)text, len, "rb");
	assert_non_null(in);
	struct import_callbacks cb = { on_problem, on_duplicate, h, NULL };
	enum status st = import_run(f->db, in, &map, &o, &cb, rep);
	fclose(in);
	import_map_free(&map);
	return st;
}

/* Imports text (len bytes) through MAP with o. */
static enum status run(struct fixture *f, const char *text, size_t len, struct import_options o, struct heard *h,
                       struct import_report *rep)
{
	return run_map(f, MAP, text, len, o, h, rep);
}

/* text converted from UTF-8 to encoding (a new string). */
static char *convert(const char *text, const char *encoding, size_t *len)
{
	iconv_t cd = iconv_open(encoding, "UTF-8");
	assert_true(cd != (iconv_t)-1);
	size_t inleft = strlen(text), outleft = inleft * 2 + 4;
	char *out = calloc(1, outleft), *o = out, *in = (char *)text;
	assert_true(iconv(cd, &in, &inleft, &o, &outleft) != (size_t)-1);
	iconv_close(cd);
	*len = (size_t)(o - out);
	return out;
}

static long count(struct fixture *f, const char *sql)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(f->db), sql, -1, &st, NULL), SQLITE_OK);
	long n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	sqlite3_finalize(st);
	return n;
}

/* The people registered after id after, as "family|given|sex|birth|est|nat|phone|arrival;" */
static void people_after(struct fixture *f, long long after, char *out, size_t size)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(f->db),
	                                    "SELECT family_name || '|' || given_names || '|' || sex || '|' || "
	                                    "coalesce(birth_date, '') || '|' || birth_estimated || '|' || "
	                                    "coalesce(nationality, '') || '|' || coalesce(phone, '') || '|' || arrival_date "
	                                    "FROM person WHERE id > ?1 ORDER BY id",
	                                    -1, &st, NULL),
	                 SQLITE_OK);
	sqlite3_bind_int64(st, 1, after);
	out[0] = '\0';
	while (sqlite3_step(st) == SQLITE_ROW) {
		size_t n = strlen(out);
		snprintf(out + n, size - n, "%s;", (const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_finalize(st);
}

static void encodings(void **state)
{
	struct fixture *f = *state;
	sign_in(f, ROLE_INTAKE);
	struct heard h;
	struct import_report rep;
	const char *encodings[] = { "UTF-8", "UTF-8 BOM", "WINDOWS-1252", "ISO-8859-1" };
	char first[2048] = "";
	for (int e = 0; e < 4; e++) {
		size_t len;
		char *text;
		if (e == 1) {
			len = strlen(PEOPLE) + 3;
			text = malloc(len + 1);
			memcpy(text, "\xEF\xBB\xBF", 3);
			memcpy(text + 3, PEOPLE, len - 2);
		} else {
			text = convert(PEOPLE, encodings[e], &len);
		}
		long long before = count(f, "SELECT coalesce(max(id), 0) FROM person");
		struct import_options o = { .allow_duplicates = true };
		enum status st = run(f, text, len, o, &h, &rep);
		if (st != ST_OK)
			fail_msg("%s: %s", encodings[e], h.text);
		assert_int_equal(rep.rows, 3);
		assert_int_equal(rep.imported, 3);
		assert_int_equal(rep.enc, e < 2 ? IMPORT_ENC_UTF8 : IMPORT_ENC_1252);
		assert_int_equal(rep.sep, ';');
		if (e > 0)
			assert_int_equal(rep.duplicates, 3);   /* listed, imported as asked */
		char people[2048];
		people_after(f, before, people, sizeof people);
		if (e == 0) {
			snprintf(first, sizeof first, "%s", people);
			assert_string_equal(people, "N'Diaye|Aïssa|f|1992|1|NER|+227 96 12 34 56|2017-03-04;"
			                            "Zélie Épée|Moussa|m|1999|0|MLI||2017-03-05;"
			                            "Ba|Ibrahîm|m|2002|1|MLI||2017-03-05;");
		} else {
			assert_string_equal(people, first);
		}
		free(text);
	}
	/* Latin-1 given: the same people again. */
	size_t len;
	char *text = convert(PEOPLE, "ISO-8859-1", &len);
	long long before = count(f, "SELECT coalesce(max(id), 0) FROM person");
	struct import_options o = { .enc = IMPORT_ENC_LATIN1, .sep = ';', .allow_duplicates = true };
	assert_int_equal(run(f, text, len, o, &h, &rep), ST_OK);
	assert_int_equal(rep.enc, IMPORT_ENC_LATIN1);
	char people[2048];
	people_after(f, before, people, sizeof people);
	assert_string_equal(people, first);
	free(text);
	/* The departure and the flag. */
	assert_int_equal(count(f, "SELECT count(*) FROM stay s JOIN person p ON p.id = s.person_id "
	                          "WHERE p.given_names = 'Moussa' AND s.departed = '2017-03-10' "
	                          "AND s.departure_reason = 'avr'"),
	                 5);
	assert_int_equal(count(f, "SELECT count(*) FROM person_flag WHERE flag = 'unaccompanied_child'"), 5);
}

static void sanitised(void **state)
{
	struct fixture *f = *state;
	sign_in(f, ROLE_INTAKE);
	static const char text[] = HEADER "Ab\x01" "cd;\xE2\x80\xAE" "Eve\tLyn;F;NER;30;;01/02/2020;AGZ;;;;\n"
	                                  "O'Brien\x1B[31m;Anne\xE2\x81\xA6x;F;;;;01/02/2020;AGZ;;;;\n";
	struct heard h;
	struct import_report rep;
	struct import_options o = { 0 };
	assert_int_equal(run(f, text, strlen(text), o, &h, &rep), ST_OK);
	assert_int_equal(count(f, "SELECT count(*) FROM person WHERE family_name = 'Ab?cd' AND given_names = '?Eve Lyn'"),
	                 1);
	assert_int_equal(count(f, "SELECT count(*) FROM person WHERE family_name = 'O''Brien?[31m' "
	                          "AND given_names = 'Anne?x'"),
	                 1);
	assert_int_equal(count(f, "SELECT count(*) FROM person WHERE family_name GLOB '*[' || char(1) || char(27) || "
	                          "char(8238) || ']*' OR given_names GLOB '*[' || char(8238) || char(8294) || ']*'"),
	                 0);
}

static void problems(void **state)
{
	struct fixture *f = *state;
	sign_in(f, ROLE_INTAKE);
	static const char text[] = HEADER
		"Good;One;F;NER;;;01/02/2020;AGZ;;;;\n"                          /* 2 */
		"\"Two\nLines\";Ok;H;NER;;;01/02/2020;AGZ;;;;\n"                  /* 3-4 */
		";Nobody;Q;Atlantis;abc;;31/02/2020;ZZZ;12ab;Foo;;\n"             /* 5 */
		"Late;Comer;F;NER;;2030;01/02/2099;AGZ;;;;\n"                     /* 6 */
		"Dep;Art;H;NER;;;05/02/2020;AGZ;;;01/02/2020;Retour\n"            /* 7 */
		"Dep;Without;H;NER;;;05/02/2020;AGZ;;;06/02/2020;\n"              /* 8 */
		"Rea;Son;H;NER;;;05/02/2020;AGZ;;;;Parti\n"                       /* 9 */
		"Preg;Nant;H;NER;;;05/02/2020;AGZ;;pregnant;;\n"                  /* 10 */
		"Two;Ages;F;NER;20;1990;05/02/2020;AGZ;;;;\n"                     /* 11 */
		"Multi;\"Line\nGiven\";F;NER;;;5/2/2020;AGZ;;;;\"Re\ntour\"\n";  /* 12-14: the reason starts on 13 */
	struct heard h;
	struct import_report rep;
	struct import_options o = { .dry_run = true };
	long people = count(f, "SELECT count(*) FROM person");
	assert_int_equal(run(f, text, strlen(text), o, &h, &rep), ST_INVALID);
	assert_int_equal(count(f, "SELECT count(*) FROM person"), people);
	if (rep.imported != 2)
		fail_msg("%s", h.text);
	assert_int_equal(rep.rows, 10);
	assert_int_equal(rep.rejected, 8);
	const char *want[] = {
		"5:1: ", "5:3: ", "5:4: ", "5:5: ", "5:7: ", "5:8: ", "5:9: ", "5:10: ",
		"6:6: ", "6:7: ",
		"7:11: ", "8:12: ", "9:12: ", "10:10: ", "11:5: ",
		"13:12: ",
	};
	char *at = h.text;
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		char *hit = strstr(at, want[i]);
		if (!hit || (hit != h.text && hit[-1] != '\n'))
			fail_msg("no '%s' in order in:\n%s", want[i], h.text);
		at = hit + 1;
	}
	assert_int_equal(h.problems, (int)(sizeof want / sizeof want[0]));
	/* The values quoted in messages are sanitised too. */
	static const char evil[] = HEADER "A;B;\xE2\x80\xAEZ\x1B;NER;;;01/02/2020;AGZ;;;;\n";
	assert_int_equal(run(f, evil, strlen(evil), o, &h, &rep), ST_INVALID);
	assert_null(strstr(h.text, "\xE2\x80\xAE"));
	assert_null(strchr(h.text, '\x1B'));
	/* A header that does not match the mapping: the mapping's line. */
	static const char wrong[] = "NOM;Prénoms;Sex\nA;B;F\n";
	assert_int_equal(run(f, wrong, strlen(wrong), o, &h, &rep), ST_INVALID);
	assert_non_null(strstr(h.text, "map:4:0: "));
	/* A quotation mark never closed: its line. */
	static const char open[] = HEADER "A;B;F;NER;;;01/02/2020;AGZ;;;;\n\"C;D;F\n";
	assert_int_equal(run(f, open, strlen(open), o, &h, &rep), ST_INVALID);
	assert_non_null(strstr(h.text, "3:0: "));
}

static void duplicates_and_rollback(void **state)
{
	struct fixture *f = *state;
	sign_in(f, ROLE_INTAKE);
	struct heard h;
	struct import_report rep;
	struct import_options o = { 0 };
	assert_int_equal(run(f, PEOPLE, strlen(PEOPLE), o, &h, &rep), ST_OK);
	long people = count(f, "SELECT count(*) FROM person");
	long stays = count(f, "SELECT count(*) FROM stay");
	long trail = count(f, "SELECT count(*) FROM audit WHERE action = 'create'");
	/* Again: each row's duplicate listed, nothing imported. */
	assert_int_equal(run(f, PEOPLE, strlen(PEOPLE), o, &h, &rep), ST_INVALID);
	assert_int_equal(h.duplicates, 3);
	assert_int_equal(rep.duplicates, 3);
	assert_int_equal(rep.rejected, 3);
	assert_non_null(strstr(h.text, "2: duplicate N'Diaye Aïssa (100)"));
	assert_non_null(strstr(h.text, "2:0: "));
	assert_int_equal(count(f, "SELECT count(*) FROM person"), people);
	/* All or nothing: two new good rows and a bad one write nothing. */
	static const char mixed[] = HEADER "New;One;F;NER;;;01/02/2020;AGZ;;;;\n"
	                                   "New;Two;H;NER;;;01/02/2020;AGZ;;;;\n"
	                                   "New;Three;Q;NER;;;01/02/2020;AGZ;;;;\n";
	assert_int_equal(run(f, mixed, strlen(mixed), o, &h, &rep), ST_INVALID);
	assert_int_equal(rep.imported, 0);
	assert_int_equal(count(f, "SELECT count(*) FROM person"), people);
	assert_int_equal(count(f, "SELECT count(*) FROM stay"), stays);
	assert_int_equal(count(f, "SELECT count(*) FROM audit WHERE action = 'create'"), trail);
	/* The refusal is in the trail. */
	assert_int_equal(count(f, "SELECT count(*) FROM audit WHERE action = 'import' "
	                          "AND json_extract(changes, '$.committed') = 0 AND json_extract(changes, '$.rejected') = 1"),
	                 1);
	/* Two rows of one person in the same file: the second is listed. */
	static const char twice[] = HEADER "Same;Person;F;NER;30;;01/02/2020;AGZ;;;;\n"
	                                   "Same;Person;F;NER;30;;01/02/2020;AGZ;;;;\n";
	assert_int_equal(run(f, twice, strlen(twice), o, &h, &rep), ST_INVALID);
	assert_int_equal(h.duplicates, 1);
	assert_int_equal(count(f, "SELECT count(*) FROM person"), people);
	/* Without the right: refused and recorded. */
	sign_in(f, ROLE_PSYCHOSOCIAL);
	assert_int_equal(run(f, mixed, strlen(mixed), o, &h, &rep), ST_DENIED);
}

static void batches_and_resume(void **state)
{
	struct fixture *f = *state;
	sign_in(f, ROLE_INTAKE);
	static const char bad[] = HEADER "Batch;Aa;F;NER;;;01/02/2020;AGZ;;;;\n"   /* 2 */
	                                 "Batch;Bb;H;NER;;;01/02/2020;AGZ;;;;\n"   /* 3 */
	                                 "Batch;Cc;F;NER;;;01/02/2020;AGZ;;;;\n"   /* 4 */
	                                 "Batch;Dd;H;NER;;;01/02/2099;AGZ;;;;\n"   /* 5: in the future */
	                                 "Batch;Ee;F;NER;;;01/02/2020;AGZ;;;;\n";  /* 6 */
	struct heard h;
	struct import_report rep;
	long people = count(f, "SELECT count(*) FROM person");
	struct import_options o = { .batch = 2, .file_name = "register.csv" };
	assert_int_equal(run(f, bad, strlen(bad), o, &h, &rep), ST_INVALID);
	assert_int_equal(rep.imported, 2);
	assert_int_equal(rep.last_line, 3);
	assert_int_equal(rep.rows, 4);   /* stopped after the bad batch */
	assert_int_equal(count(f, "SELECT count(*) FROM person"), people + 2);
	/* Corrected, and resumed after line 3. */
	char good[sizeof bad];
	memcpy(good, bad, sizeof bad);
	char *future = strstr(good, "2099");
	memcpy(future, "2020", 4);
	o.resume = true;
	assert_int_equal(run(f, good, strlen(good), o, &h, &rep), ST_OK);
	assert_int_equal(rep.resumed_after, 3);
	assert_int_equal(rep.skipped, 2);
	assert_int_equal(rep.imported, 3);
	assert_int_equal(rep.last_line, 6);
	assert_int_equal(count(f, "SELECT count(*) FROM person WHERE family_name = 'Batch'"), 5);
	/* Another file's name does not resume from it. */
	o.file_name = "other.csv";
	o.dry_run = true;
	o.allow_duplicates = true;
	assert_int_equal(run(f, good, strlen(good), o, &h, &rep), ST_OK);
	assert_int_equal(rep.resumed_after, 0);
	assert_int_equal(rep.imported, 5);
	assert_int_equal(count(f, "SELECT count(*) FROM person WHERE family_name = 'Batch'"), 5);
	/* One trail row per batch committed, with the file and its lines. */
	assert_int_equal(count(f, "SELECT count(*) FROM audit WHERE action = 'import' AND "
	                          "json_extract(changes, '$.file') = 'register.csv' AND "
	                          "json_extract(changes, '$.committed') = 1"),
	                 3);
}

static void intake_table_counts_them(void **state)
{
	struct fixture *f = *state;
	sign_in(f, ROLE_INTAKE);
	struct heard h;
	struct import_report rep;
	struct import_options o = { 0 };
	assert_int_equal(run(f, PEOPLE, strlen(PEOPLE), o, &h, &rep), ST_OK);
	sign_in(f, ROLE_MANAGER);
	struct report_period p;
	assert_true(report_period_parse("2017", &p));
	struct report_result *r = calloc(1, sizeof *r);
	assert_int_equal(report_compute(f->db, &report_intake, &p, "AGZ", NULL, NULL, r), ST_OK);
	assert_string_equal(r->def->lines[0].key, "registered");
	assert_int_equal(r->lines[0].total, 3);
	free(r);
}

/* The search index is written once per batch (the rows kept meanwhile):
 * every person imported has their row, the one who left is not among the
 * residents, and the lookup finds them. */
static void search_index_written(void **state)
{
	struct fixture *f = *state;
	sign_in(f, ROLE_INTAKE);
	struct heard h;
	struct import_report rep;
	struct import_options o = { .batch = 2 };
	long before = count(f, "SELECT count(*) FROM person_search");
	assert_int_equal(run(f, PEOPLE, strlen(PEOPLE), o, &h, &rep), ST_OK);
	assert_int_equal(count(f, "SELECT count(*) FROM person_search"), before + 3);
	assert_int_equal(count(f, "SELECT count(*) FROM person_search s JOIN person p ON p.id = s.rowid "
	                          "WHERE p.family_name LIKE 'Z%lie%'"),
	                 1);
	assert_int_equal(count(f, "SELECT count(*) FROM person_here"),
	                 count(f, "SELECT count(DISTINCT person_id) FROM stay WHERE departed IS NULL"));
	assert_int_equal(count(f, "SELECT count(*) FROM person_search WHERE person_search MATCH 'diaye AND aissa'"), 1);
	/* A dry run leaves nothing behind (the same people again: duplicates
	 * allowed), and the next import still works. */
	o.dry_run = true;
	o.allow_duplicates = true;
	assert_int_equal(run(f, PEOPLE, strlen(PEOPLE), o, &h, &rep), ST_OK);
	assert_int_equal(count(f, "SELECT count(*) FROM person_search"), before + 3);
	o.dry_run = false;
	assert_int_equal(run(f, PEOPLE, strlen(PEOPLE), o, &h, &rep), ST_OK);
	assert_int_equal(count(f, "SELECT count(*) FROM person_search"), before + 6);
	assert_int_equal(count(f, "SELECT count(*) FROM person_search WHERE person_search MATCH 'diaye AND aissa'"), 2);
}


static const char MAP_MED[] =
	"family_name = NOM\ngiven_names = Prénoms\nsex = Sexe\nsex.F = f\nsex.H = m\narrival_date = Arrivée\n"
	"centre = Centre\nconsultation.date = Consultation\nconsultation.reason = Raison\n"
	"consultation.reason.Paludisme = malaria\nconsultation.diagnosis = Diagnostic\n"
	"consultation.treatment = Traitement\n";

#define HEADER_MED "NOM;Prénoms;Sexe;Arrivée;Centre;Consultation;Raison;Diagnostic;Traitement\n"

/* A consultation per row where the columns are filled: written with the
 * medical role around its write only, every rule checked with its line
 * and column, all or nothing, counted by the medical table. */
static void consultations(void **state)
{
	struct fixture *f = *state;
	sign_in(f, ROLE_INTAKE);
	static const char good[] = HEADER_MED
		"Med;Aaa;F;04/03/2017;AGZ;05/03/2017;Paludisme;\"Accès\x1B palustre\";ACT\n"   /* 2 */
		"Med;Bbb;H;04/03/2017;AGZ;;;;\n"                                                /* 3: none */
		"Med;Ccc;H;04/03/2017;AGZ;2017-03-04; Diarrhoea ;;\n";                          /* 4 */
	struct heard h;
	struct import_report rep;
	long people = count(f, "SELECT count(*) FROM person");
	/* With the intake role alone: refused on the consultation's cell. */
	struct import_options o = { 0 };
	assert_int_equal(run_map(f, MAP_MED, good, strlen(good), o, &h, &rep), ST_INVALID);
	assert_non_null(strstr(h.text, "2:6: "));
	assert_int_equal(count(f, "SELECT count(*) FROM consultation"), 0);
	assert_int_equal(count(f, "SELECT count(*) FROM person"), people);
	/* With the medical role around each consultation. */
	o.module_roles = true;
	if (run_map(f, MAP_MED, good, strlen(good), o, &h, &rep) != ST_OK)
		fail_msg("%s", h.text);
	assert_int_equal(rep.imported, 3);
	assert_int_equal(count(f, "SELECT count(*) FROM consultation c JOIN person p ON p.id = c.person_id "
	                          "WHERE p.given_names = 'Aaa' AND c.date = '2017-03-05' AND c.reason = 'malaria' "
	                          "AND c.diagnosis = 'Accès? palustre' AND c.treatment = 'ACT' "
	                          "AND c.centre_id = (SELECT id FROM centre WHERE code = 'AGZ')"),
	                 1);
	assert_int_equal(count(f, "SELECT count(*) FROM consultation c JOIN person p ON p.id = c.person_id "
	                          "WHERE p.given_names = 'Ccc' AND c.reason = 'diarrhoea'"),
	                 1);
	assert_int_equal(count(f, "SELECT count(*) FROM consultation"), 2);
	/* The trail: a consultation created by the account, every field. */
	assert_int_equal(count(f, "SELECT count(*) FROM audit WHERE action = 'create' AND entity = 'consultation' "
	                          "AND user_name = 'intake' AND json_extract(changes, '$.reason') IN ('malaria', "
	                          "'diarrhoea') AND json_extract(changes, '$.person_id') IS NOT NULL"),
	                 2);
	/* The actor has its own role back. */
	struct consultation k = { .person_id = 1, .date = "2017-03-05", .centre_code = "AGZ", .reason = "malaria" };
	assert_int_equal(consultation_save(f->db, &k), ST_DENIED);
	/* Bad cells: each with its line and column, nothing written. */
	static const char bad[] = HEADER_MED
		"Bad;One;F;04/03/2017;AGZ;05/03/2017;Grippe;;\n"      /* 2: unknown reason */
		"Bad;Two;F;04/03/2017;AGZ;01/03/2017;malaria;;\n"     /* 3: before the arrival */
		"Bad;Three;F;04/03/2017;AGZ;;;Fièvre;\n"              /* 4: no date, no reason */
		"Bad;Four;F;04/03/2017;AGZ;05/03/2099;malaria;;\n"    /* 5: in the future */
		"Bad;Five;F;04/03/2017;AGZ;05/03/2017;malaria;;\n";   /* 6: good */
	people = count(f, "SELECT count(*) FROM person");
	assert_int_equal(run_map(f, MAP_MED, bad, strlen(bad), o, &h, &rep), ST_INVALID);
	assert_int_equal(rep.rejected, 4);
	const char *want[] = { "2:7: ", "3:6: ", "4:6: ", "4:7: ", "5:6: " };
	char *at = h.text;
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		char *hit = strstr(at, want[i]);
		if (!hit || (hit != h.text && hit[-1] != '\n'))
			fail_msg("no '%s' in order in:\n%s", want[i], h.text);
		at = hit + 1;
	}
	assert_int_equal(h.problems, (int)(sizeof want / sizeof want[0]));
	assert_int_equal(count(f, "SELECT count(*) FROM consultation"), 2);
	assert_int_equal(count(f, "SELECT count(*) FROM person"), people);
	/* A diagnosis mapped without the consultation's date: the mapping's line. */
	static const char half[] = "family_name = NOM\ngiven_names = Prénoms\nsex = Sexe\narrival_date = Arrivée\n"
	                           "consultation.diagnosis = Diagnostic\n";
	assert_int_equal(run_map(f, half, good, strlen(good), o, &h, &rep), ST_INVALID);
	assert_non_null(strstr(h.text, "map:5:0: "));
	/* The medical table counts the consultations imported. */
	sign_in(f, ROLE_MANAGER);
	struct report_period p;
	assert_true(report_period_parse("2017", &p));
	struct report_result *r = calloc(1, sizeof *r);
	assert_int_equal(report_compute(f->db, &report_medical, &p, "AGZ", NULL, NULL, r), ST_OK);
	assert_string_equal(r->def->lines[0].key, "consultations");
	assert_int_equal(r->lines[0].total, 2);
	free(r);
}

#define MAP_TRAIN_BASE \
	"family_name = NOM\ngiven_names = Prénoms\nsex = Sexe\nsex.F = f\nsex.H = m\narrival_date = Arrivée\n" \
	"centre = Centre\ntraining.course = Formation\ntraining.status = Statut\ntraining.status.Inscrit = enrolled\n" \
	"training.status.Terminé = completed\n"

#define HEADER_TRAIN "NOM;Prénoms;Sexe;Arrivée;Centre;Formation;Statut\n"

/* A course at AGZ titled title for 2017, as the form makes it. */
static long long course_2017(struct fixture *f, const char *title, int capacity)
{
	struct training_course c;
	training_course_init(&c, "AGZ", "2017-01-02");
	c.trade_id = count(f, "SELECT id FROM ref_item WHERE list = 'training_trade' AND code = 'welding'");
	snprintf(c.title, sizeof c.title, "%s", title);
	snprintf(c.end_date, sizeof c.end_date, "2017-06-30");
	snprintf(c.provider_name, sizeof c.provider_name, "Atelier");
	c.capacity = capacity;
	const char *m = NULL;
	if (training_course_save(f->db, &c, &m, NULL) != ST_OK)
		fail_msg("%s", m ? m : "?");
	return c.id;
}

/* An enrolment per row where the training columns are filled: the
 * course found by its title (or number), written with the training role
 * around its write only, every problem with its line and column. */
static void trainings(void **state)
{
	struct fixture *f = *state;
	sign_in(f, ROLE_TRAINING);
	course_2017(f, "Couture 2017", 2);
	long long soudure = course_2017(f, "Soudure", 5);
	course_2017(f, "Soudure", 5);
	sign_in(f, ROLE_INTAKE);
	static const char good[] = HEADER_TRAIN
		"Tr;Aaa;F;04/03/2017;AGZ;couture 2017;Inscrit\n"      /* 2 */
		"Tr;Bbb;H;04/03/2017;AGZ; COUTURE 2017 ;Terminé\n"    /* 3 */
		"Tr;Ccc;H;04/03/2017;AGZ;;\n";                        /* 4: none */
	struct heard h;
	struct import_report rep;
	long people = count(f, "SELECT count(*) FROM person");
	/* With the intake role alone: refused on the course's cell. */
	struct import_options o = { 0 };
	assert_int_equal(run_map(f, MAP_TRAIN_BASE, good, strlen(good), o, &h, &rep), ST_INVALID);
	assert_non_null(strstr(h.text, "2:6: "));
	assert_int_equal(count(f, "SELECT count(*) FROM training_enrolment"), 0);
	assert_int_equal(count(f, "SELECT count(*) FROM person"), people);
	o.module_roles = true;
	if (run_map(f, MAP_TRAIN_BASE, good, strlen(good), o, &h, &rep) != ST_OK)
		fail_msg("%s", h.text);
	assert_int_equal(rep.imported, 3);
	assert_int_equal(count(f, "SELECT count(*) FROM training_enrolment e JOIN person p ON p.id = e.person_id "
	                          "JOIN training_course c ON c.id = e.course_id WHERE c.title = 'Couture 2017' AND "
	                          "((p.given_names = 'Aaa' AND e.status = 'enrolled') OR "
	                          "(p.given_names = 'Bbb' AND e.status = 'completed'))"),
	                 2);
	assert_int_equal(count(f, "SELECT count(*) FROM training_enrolment"), 2);
	assert_int_equal(count(f, "SELECT count(*) FROM audit WHERE entity = 'training_enrolment' AND user_name = 'intake' "
	                          "AND action IN ('create', 'update')"),
	                 3);
	/* Bad cells: each with its line and column, nothing written. */
	static const char bad[] = HEADER_TRAIN
		"Tr;Ddd;F;04/03/2017;AGZ;Menuiserie;Inscrit\n"        /* 2: no such course */
		"Tr;Eee;F;04/03/2017;AGZ;Soudure;Inscrit\n"           /* 3: two of that title */
		"Tr;Fff;F;04/03/2017;AGZ;Couture 2017;dropped_out\n"  /* 4: not a status to begin with */
		"Tr;Ggg;F;04/03/2017;AGZ;Couture 2017;\n"             /* 5: no status */
		"Tr;Hhh;F;04/03/2017;AGZ;;Inscrit\n";                 /* 6: no course */
	people = count(f, "SELECT count(*) FROM person");
	assert_int_equal(run_map(f, MAP_TRAIN_BASE, bad, strlen(bad), o, &h, &rep), ST_INVALID);
	assert_int_equal(rep.rejected, 5);
	const char *want[] = { "2:6: ", "3:6: ", "4:7: ", "5:7: ", "6:6: " };
	char *at = h.text;
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		char *hit = strstr(at, want[i]);
		if (!hit || (hit != h.text && hit[-1] != '\n'))
			fail_msg("no '%s' in order in:\n%s", want[i], h.text);
		at = hit + 1;
	}
	assert_int_equal(h.problems, (int)(sizeof want / sizeof want[0]));
	assert_non_null(strstr(h.text, "'Menuiserie'"));
	assert_int_equal(count(f, "SELECT count(*) FROM training_enrolment"), 2);
	assert_int_equal(count(f, "SELECT count(*) FROM person"), people);
	/* The title two courses share, mapped to one's number; the course
	 * full: the waiting list. */
	char map[1024];
	snprintf(map, sizeof map, "%straining.course.Soudure = %lld\n", MAP_TRAIN_BASE, soudure);
	static const char more[] = HEADER_TRAIN "Tr;Eee;F;04/03/2017;AGZ;Soudure;Inscrit\n"
	                                        "Tr;Ggg;F;04/03/2017;AGZ;Couture 2017;Inscrit\n";
	if (run_map(f, map, more, strlen(more), o, &h, &rep) != ST_OK)
		fail_msg("%s", h.text);
	char sql[200];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM training_enrolment WHERE course_id = %lld", soudure);
	assert_int_equal(count(f, sql), 1);
	assert_int_equal(count(f, "SELECT count(*) FROM training_enrolment e JOIN person p ON p.id = e.person_id "
	                          "WHERE p.given_names = 'Ggg' AND e.status = 'waiting'"),
	                 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(encodings, setup, teardown),
		cmocka_unit_test_setup_teardown(sanitised, setup, teardown),
		cmocka_unit_test_setup_teardown(problems, setup, teardown),
		cmocka_unit_test_setup_teardown(duplicates_and_rollback, setup, teardown),
		cmocka_unit_test_setup_teardown(batches_and_resume, setup, teardown),
		cmocka_unit_test_setup_teardown(intake_table_counts_them, setup, teardown),
		cmocka_unit_test_setup_teardown(search_index_written, setup, teardown),
		cmocka_unit_test_setup_teardown(consultations, setup, teardown),
		cmocka_unit_test_setup_teardown(trainings, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
