/* Attacks' write path: the import of a small legacy file (see ops.c), all
 * its rows, a consultation and its trail row in one transaction. */
#define _POSIX_C_SOURCE 200809L
#include "ops_private.h"

#include "db/import.h"

static const char MAP[] = "family_name = NOM\ngiven_names = PRENOM\nsex = SEXE\narrival_date = ARRIVEE\n"
                          "consultation.date = CONSULTATION\nconsultation.reason = MOTIF\n";

/* Imports three people named after a fresh token as the intake clerk,
 * the first with a consultation (written with the medical role). */
enum status run_import(struct attack *a, char *ack, size_t size)
{
	act_as(a, a->intake_id, "intake", ROLE_INTAKE);
	long long t = a->token++;
	char day[11], text[512], file[64];
	today(day);
	snprintf(text, sizeof text, "NOM;PRENOM;SEXE;ARRIVEE;CONSULTATION;MOTIF\nImported;I%llda;f;%s;%s;malaria\n"
	         "Imported;I%lldb;m;%s;;\nImported;I%lldc;f;%s;;\n", t, day, day, t, day, t, day);
	snprintf(file, sizeof file, "attack-%lld.csv", t);
	struct import_map map;
	int line;
	char err[256];
	if (!import_map_parse(&map, MAP, strlen(MAP), &line, err, sizeof err)) {
		import_map_free(&map);
		return ST_INTERNAL;
	}
	FILE *in = fmemopen(text, strlen(text), "rb");
	if (!in) {
		import_map_free(&map);
		return ST_NOMEM;
	}
	struct import_options o = { .centre = "AGZ", .file_name = file, .allow_duplicates = true,
	                            .module_roles = true };
	struct import_report rep;
	enum status s = import_run(a->db, in, &map, &o, NULL, &rep);
	fclose(in);
	import_map_free(&map);
	if (s == ST_OK)
		snprintf(ack, size, "import %lld", t);
	return s;
}

bool verify_import(sqlite3 *ro, const char *args, int nth, char *why, size_t size)
{
	(void)nth;
	char names[3][40], file[64];
	for (int i = 0; i < 3; i++)
		snprintf(names[i], sizeof names[i], "I%s%c", args, 'a' + i);
	snprintf(file, sizeof file, "attack-%s.csv", args);
	if (query(ro, "SELECT count(*) FROM person WHERE family_name = 'Imported' AND given_names IN (?1, ?2, ?3)",
	          "ttt", (const char *[]){ names[0], names[1], names[2] }, NULL, 0) != 3)
		return fail(why, size, "not every person of the import");
	if (query(ro, "SELECT count(*) FROM consultation c JOIN person p ON p.id = c.person_id "
	          "WHERE p.family_name = 'Imported' AND p.given_names = ?1 AND c.reason = 'malaria'",
	          "t", (const char *[]){ names[0] }, NULL, 0) != 1)
		return fail(why, size, "not the consultation of the import");
	return counted(ro, "SELECT count(*) FROM audit WHERE action = 'import' AND json_extract(changes, '$.file') = ?1 "
	               "AND json_extract(changes, '$.imported') = 3",
	               "t", (const char *[]){ file }, 0, why, size);
}
