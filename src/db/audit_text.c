/* The audit trail in sentences: labels, case numbers and names instead of
 * the JSON, codes and row ids it is stored with. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/casenum.h"
#include "core/changes.h"
#include "core/jsonbuf.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/perm.h"
#include "core/person.h"
#include "core/role.h"
#include "core/text.h"
#include "core/community_vocab.h"
#include "core/vocab.h"
#include "db/audit_text.h"
#include "db/db_private.h"

#define VALUE_MAX 600

static const struct {
	const char *action, *label;
} actions[] = {
	{ "create", N_("Created") },
	{ "update", N_("Changed") },
	{ "view", N_("Opened") },
	{ "link", N_("Family link") },
	{ "unlink", N_("Link removed") },
	{ "admit", N_("Admitted") },
	{ "depart", N_("Departed") },
	{ "services", N_("Services") },
	{ "antenatal", N_("Antenatal visit") },
	{ "export", N_("Exported") },
	{ "import", N_("Imported") },
	{ "refused", N_("Refused") },
	{ "search", N_("Search") },
	{ "login", N_("Signed in") },
	{ "unlock", N_("Unlocked") },
	{ "logout", N_("Signed out") },
	{ "login_failed", N_("Sign-in failed") },
	{ "login_failed_locked", N_("Locked out") },
	{ "login_refused_locked", N_("Sign-in refused") },
	{ "change_password", N_("Own password") },
	{ "set_password", N_("New password") },
	{ "delete", N_("Removed") },
	{ "approve", N_("Approved") },
	{ "close", N_("Closed") },
	{ "transfer", N_("Transferred") },
	{ "done", N_("Done") },
	{ "cancel", N_("Cancelled") },
	{ "counsel", N_("Counselled") },
	{ "ready", N_("Fit to travel") },
	{ "book", N_("Booked") },
	{ "arrive", N_("Arrived") },
	{ "end", N_("Ended") },
	{ "report", N_("Report computed") },
	{ "sync_init", N_("Exchanges with other sites started") },
	{ "sync_export", N_("Bundle written for another site") },
	{ "sync_import", N_("Bundle from another site applied") },
	{ "sync_decide", N_("Conflict between sites decided") },
};

/* What each permission lets one do, for refusals. */
static const char *const perm_what[PERM_COUNT_] = {
	[PERM_LOOKUP] = N_("find a person"),
	[PERM_PERSON_READ] = N_("open a case file"),
	[PERM_PERSON_WRITE] = N_("register or edit a person"),
	[PERM_CASE_NOTES] = N_("case notes"),
	[PERM_MEDICAL_STATUS] = N_("the medical status"),
	[PERM_MEDICAL_READ] = N_("the medical record"),
	[PERM_MEDICAL_WRITE] = N_("record a consultation or a medical case"),
	[PERM_PROTECTION_READ] = N_("protection records"),
	[PERM_PROTECTION_WRITE] = N_("write protection records"),
	[PERM_PSYCH_READ] = N_("psychosocial records"),
	[PERM_PSYCH_WRITE] = N_("record psychosocial activities"),
	[PERM_PSYCH_NOTES] = N_("individual psychosocial support"),
	[PERM_PSYCH_ALERT] = N_("psychosocial alerts"),
	[PERM_TRAINING_READ] = N_("training records"),
	[PERM_TRAINING_WRITE] = N_("record training"),
	[PERM_COMMUNITY_WRITE] = N_("register a community member"),
	[PERM_REINTEGRATION_READ] = N_("reintegration records"),
	[PERM_REINTEGRATION_WRITE] = N_("record reintegration support"),
	[PERM_DISTRIBUTION_WRITE] = N_("record a distribution"),
	[PERM_DISTRIBUTION_OVERRIDE] = N_("override a distribution rule"),
	[PERM_REPORTS] = N_("reports"),
	[PERM_ACCOUNTS] = N_("staff accounts"),
	[PERM_REFDATA] = N_("reference lists"),
	[PERM_AUDIT_READ] = N_("the audit trail"),
	[PERM_SYNC] = N_("exchanges with other sites"),
	[PERM_SYNC_DECIDE] = N_("conflicts between sites"),
};

/* Labels of the keys of records other than people. */
static const struct {
	const char *key, *label;
} key_labels[] = {
	{ "date", N_("Date") },
	{ "reason", N_("Reason") },
	{ "diagnosis", N_("Diagnosis") },
	{ "treatment", N_("Treatment given") },
	{ "referral_to", N_("Referred to") },
	{ "referral_why", N_("Why referred") },
	{ "referral_status", N_("Referral status") },
	{ "next_followup", N_("Next follow-up") },
	{ "condition", N_("Condition") },
	{ "opened", N_("Opened on") },
	{ "closed", N_("Closed on") },
	{ "outcome", N_("Outcome") },
	{ "expected_delivery", N_("Expected delivery") },
	{ "notes", N_("Notes") },
	{ "antenatal_visit", N_("Antenatal visit on") },
	{ "status", N_("Assessment") },
	{ "centre_code", N_("Centre") },
	{ "centre", N_("Centre") },
	{ "name", N_("Account name") },
	{ "display_name", N_("Full name") },
	{ "role", N_("Role") },
	{ "lang", N_("Language") },
	{ "active", N_("May sign in") },
	{ "query", N_("Search") },
	{ "shown", N_("Results shown") },
	{ "more", N_("More results") },
	{ "admitted", N_("Admitted on") },
	{ "departed", N_("Departed on") },
	/* Items of the editable reference lists (db/reflist.h). */
	{ "name_en", N_("English name") },
	{ "name_fr", N_("French name") },
	{ "kind", N_("Kind") },
	{ "position", N_("Place in the list") },
	{ "in_use", N_("In use") },
	{ "list", N_("List") },
	{ "code", N_("Code") },
	{ "rows", N_("Records") },
	{ "to", N_("To site") },
	{ "from", N_("From site") },
	{ "bundle", N_("Bundle") },
	{ "entries", N_("Changes") },
	{ "conflicts", N_("Conflicts") },
	{ "table", N_("Kind of record") },
	{ "row", N_("Record") },
	{ "field", N_("Field") },
	{ "choice", N_("Choice") },
	{ "value", N_("Value") },
	{ "rebuilt_as", N_("Takes the place of site") },
};

const char *audit_action_label(const char *action)
{
	for (size_t i = 0; i < sizeof actions / sizeof actions[0]; i++)
		if (strcmp(actions[i].action, action) == 0)
			return actions[i].label;
	return N_("Other");
}

/* ---- what the database knows about ids and codes ------------------------- */

/* The case number of person id, as shown, into out ("" when gone). */
static void case_number(struct db *db, long long id, char *out, size_t size)
{
	out[0] = '\0';
	sqlite3_stmt *st = db_stmt(db, "SELECT case_key FROM person WHERE id = ?1");
	if (!st)
		return;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		char key[32];
		db_column_copy(st, 0, key, sizeof key);
		if (!casenum_display(key, out, size))
			snprintf(out, size, "%s", key);
	}
	sqlite3_reset(st);
}

/* The text of the first column st gives for code (or id when code is
 * NULL) as ?1 and lang as ?2 when it has one, into out. */
static void lookup_text(sqlite3_stmt *st, long long id, const char *code, const char *lang, char *out,
                        size_t size)
{
	out[0] = '\0';
	if (!st)
		return;
	if (code)
		db_bind_text(st, 1, code);
	else
		sqlite3_bind_int64(st, 1, id);
	if (sqlite3_bind_parameter_count(st) >= 2)
		db_bind_text(st, 2, lang);
	if (sqlite3_step(st) == SQLITE_ROW)
		db_column_copy(st, 0, out, size);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
}

/* The person a record of entity (a medical record, consultation, case or
 * fitness) is about; 0 when none. */
static long long person_of(struct db *db, const char *entity, long long id)
{
	sqlite3_stmt *st = NULL;
	if (strcmp(entity, "person") == 0 || strcmp(entity, "medical_record") == 0
	    || strcmp(entity, "psych_support_record") == 0)
		return id;
	if (strcmp(entity, "consultation") == 0)
		st = db_stmt(db, "SELECT person_id FROM consultation WHERE id = ?1");
	else if (strcmp(entity, "medical_case") == 0)
		st = db_stmt(db, "SELECT person_id FROM medical_case WHERE id = ?1");
	else if (strcmp(entity, "fitness") == 0)
		st = db_stmt(db, "SELECT person_id FROM fitness WHERE id = ?1");
	else if (strcmp(entity, "psych_support") == 0)
		st = db_stmt(db, "SELECT person_id FROM psych_support WHERE id = ?1");
	else if (strcmp(entity, "prot_case") == 0 || strcmp(entity, "prot_child") == 0)
		st = db_stmt(db, "SELECT person_id FROM prot_case WHERE id = ?1");
	else if (strcmp(entity, "prot_return") == 0)
		st = db_stmt(db, "SELECT person_id FROM prot_return WHERE id = ?1");
	else if (strcmp(entity, "dist_serving") == 0)
		st = db_stmt(db, "SELECT person_id FROM dist_serving WHERE id = ?1");
	if (!st)
		return 0;
	sqlite3_bind_int64(st, 1, id);
	long long p = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return p;
}

void audit_record_text(struct db *db, const char *entity, long long entity_id, char *out, size_t size)
{
	out[0] = '\0';
	if (entity_id <= 0)
		return;
	if (strcmp(entity, "app_user") == 0) {
		lookup_text(db_stmt(db, "SELECT name FROM app_user WHERE id = ?1"), entity_id, NULL, NULL, out, size);
		return;
	}
	if (strcmp(entity, "dist_item") == 0) {   /* a distribution item: both its names */
		lookup_text(db_stmt(db, "SELECT name_fr || ' / ' || name_en FROM dist_item WHERE id = ?1"), entity_id,
		            NULL, NULL, out, size);
		return;
	}
	if (strcmp(entity, "ref_item") == 0) {   /* an item of an editable list: both its names */
		lookup_text(db_stmt(db, "SELECT name_fr || ' / ' || name_en FROM ref_item WHERE id = ?1"), entity_id,
		            NULL, NULL, out, size);
		return;
	}
	long long person = person_of(db, entity, entity_id);
	if (person)
		case_number(db, person, out, size);
}

/* ---- building the text --------------------------------------------------- */

struct out {
	struct db *db;
	const char *lang;
	const char *sep;
	char *buf;
	size_t size;
	int parts;
	int role;
	const char *action;
	bool community;     /* a community member's short registration: no arrival */
};

/* Appends a part (sep before all but the first). */
static void part(struct out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void part(struct out *o, const char *fmt, ...)
{
	size_t len = strlen(o->buf);
	if (o->parts++ && len + 1 < o->size) {
		snprintf(o->buf + len, o->size - len, "%s", o->sep);
		len = strlen(o->buf);
	}
	if (len + 1 >= o->size)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(o->buf + len, o->size - len, fmt, ap);
	va_end(ap);
}

/* An ISO date (partial allowed) as the user writes it. */
static void date_text(const char *iso, char *out, size_t size)
{
	struct pdate d;
	if (iso && iso[0] && date_from_iso(iso, &d) == DATE_OK)
		date_format(&d, out, size);
	else
		snprintf(out, size, "%s", iso ? iso : "");
}

/* The name of a country or language code in the user's language. */
static void ref_name(struct out *o, bool country, const char *code, char *out, size_t size)
{
	sqlite3_stmt *st = country
		? db_stmt(o->db, "SELECT CASE WHEN ?2 = 'fr' THEN name_fr ELSE name_en END FROM country WHERE iso3 = ?1")
		: db_stmt(o->db, "SELECT CASE WHEN ?2 = 'fr' THEN name_fr ELSE name_en END FROM language WHERE code = ?1");
	lookup_text(st, 0, code, o->lang, out, size);
	if (!out[0])
		snprintf(out, size, "%s", code);
}

/* Appends s to out with ", " between items. */
static void add_item(char *out, size_t size, const char *s)
{
	size_t len = strlen(out);
	if (len + 1 < size)
		snprintf(out + len, size - len, "%s%s", len ? ", " : "", s);
}

/* The text of a code of vocabulary v (its label), or the code. */
static const char *code_label(const struct vocab *v, const char *code)
{
	const char *label = v ? vocab_label(v, code) : NULL;
	return label ? _(label) : code;
}

/* The text of a value of person field f. */
static void person_value(struct out *o, const struct person_field *f, const char *v, char *out, size_t size)
{
	out[0] = '\0';
	if (!v || !v[0]) {
		snprintf(out, size, "%s", _("none"));
		return;
	}
	char copy[VALUE_MAX], name[200];
	switch (f->kind) {
	case PF_DATE:
		date_text(v, out, size);
		return;
	case PF_BOOL:
		snprintf(out, size, "%s", strcmp(v, "0") == 0 ? _("no") : _("yes"));
		return;
	case PF_CODE:
		if (f->vocab)
			snprintf(out, size, "%s", code_label(f->vocab, v));
		else if (strcmp(f->name, "nationality") == 0)
			ref_name(o, true, v, out, size);
		else
			snprintf(out, size, "%s", v);
		return;
	case PF_LIST:
		snprintf(copy, sizeof copy, "%s", v);
		for (char *save = NULL, *w = strtok_r(copy, ";", &save); w; w = strtok_r(NULL, ";", &save)) {
			if (strcmp(f->name, "languages") == 0) {
				ref_name(o, false, w, name, sizeof name);
			} else if (strcmp(f->name, "flags") == 0) {
				int fl = vocab_index(VOCAB_FLAG, w);
				if (fl < 0 || !perm_sees_flag(o->role, fl))
					continue;
				snprintf(name, sizeof name, "%s", code_label(VOCAB_FLAG, w));
			} else if (strcmp(f->name, "documents") == 0) {
				/* type:number:issued_by:expiry */
				char *parts[4] = { w, "", "", "" };
				for (int i = 1; i < 4; i++) {
					char *c = strchr(parts[i - 1], ':');
					if (!c)
						break;
					*c = '\0';
					parts[i] = c + 1;
				}
				char country[100] = "", expiry[16] = "";
				if (parts[2][0])
					ref_name(o, true, parts[2], country, sizeof country);
				date_text(parts[3], expiry, sizeof expiry);
				snprintf(name, sizeof name, "%s %s%s%s%s%s%s", code_label(f->vocab, parts[0]), parts[1],
				         country[0] || expiry[0] ? " (" : "", country, country[0] && expiry[0] ? ", " : "",
				         expiry, country[0] || expiry[0] ? ")" : "");
			} else {
				snprintf(name, sizeof name, "%s", code_label(f->vocab, w));
			}
			add_item(out, size, name);
		}
		if (!out[0])
			snprintf(out, size, "%s", _("none"));
		return;
	case PF_TEXT:
	default:
		if (strcmp(f->name, "other_names") != 0) {
			snprintf(out, size, "%s", v);
			return;
		}
		/* Aliases, ';'-separated: a list. */
		snprintf(copy, sizeof copy, "%s", v);
		for (char *save = NULL, *w = strtok_r(copy, ";", &save); w; w = strtok_r(NULL, ";", &save))
			add_item(out, size, w);
		return;
	}
}

/* A member of a person's create or update. */
static void person_item(const struct change_item *c, void *ctx)
{
	struct out *o = ctx;
	const struct person_field *f = person_field_find(c->key);
	if (!f && strcmp(c->key, "kind") == 0 && c->after) {
		/* A community member registered, or become a migrant. */
		const char *after = code_label(VOCAB_PERSON_KIND, c->after);
		if (c->pair && c->before)
			part(o, _("%s → %s"), code_label(VOCAB_PERSON_KIND, c->before), after);
		else
			part(o, "%s", after);
		return;
	}
	if (!f && strcmp(c->key, "locality") == 0 && c->after && c->after[0]) {
		part(o, _("%s: %s"), _("Locality"), c->after);
		return;
	}
	if (!f)
		return;   /* the case number and such: said otherwise */
	if (o->community && (strcmp(f->name, "arrival_date") == 0 || strcmp(f->name, "arrival_mode") == 0))
		return;
	if (strcmp(f->name, "flag_other") == 0 && !perm_sees_flag(o->role, FLAG_OTHER))
		return;
	char a[VALUE_MAX], b[VALUE_MAX];
	person_value(o, f, c->after, b, sizeof b);
	if (!c->pair) {
		if (c->after && c->after[0] && strcmp(c->after, "0") != 0 && strcmp(b, _("none")) != 0)
			part(o, _("%s: %s"), _(f->label), b);
		return;
	}
	person_value(o, f, c->before, a, sizeof a);
	if (strcmp(a, b) != 0)   /* e.g. flags this role does not see */
		part(o, _("%s: %s → %s"), _(f->label), a, b);
}

/* Finds the values of the keys of a stay or link row. */
struct fields {
	long long relative, stay;
	char relation_before[16], relation_after[16];
	char a[4][VALUE_MAX];    /* centre, admitted or departed, reason, services (after) */
	char services_before[VALUE_MAX];
	char person_id[24];
};

static void collect(const struct change_item *c, void *ctx)
{
	struct fields *f = ctx;
	const char *v = c->after ? c->after : "";
	if (strcmp(c->key, "relative") == 0)
		f->relative = strtoll(v, NULL, 10);
	else if (strcmp(c->key, "stay_id") == 0)
		f->stay = strtoll(v, NULL, 10);
	else if (strcmp(c->key, "relation") == 0) {
		snprintf(f->relation_before, sizeof f->relation_before, "%s", c->pair && c->before ? c->before : "");
		snprintf(f->relation_after, sizeof f->relation_after, "%s", v);
	} else if (strcmp(c->key, "centre") == 0)
		snprintf(f->a[0], sizeof f->a[0], "%s", v);
	else if (strcmp(c->key, "admitted") == 0 || strcmp(c->key, "departed") == 0)
		date_text(v, f->a[1], sizeof f->a[1]);
	else if (strcmp(c->key, "reason") == 0)
		snprintf(f->a[2], sizeof f->a[2], "%s", v);
	else if (strcmp(c->key, "services") == 0) {
		snprintf(f->a[3], sizeof f->a[3], "%s", v);
		snprintf(f->services_before, sizeof f->services_before, "%s", c->pair && c->before ? c->before : "");
	} else if (strcmp(c->key, "person_id") == 0)
		snprintf(f->person_id, sizeof f->person_id, "%s", v);
}

/* Space-separated service codes as labels. */
static void services_labels(const char *codes, char *out, size_t size)
{
	char copy[VALUE_MAX];
	snprintf(copy, sizeof copy, "%s", codes);
	out[0] = '\0';
	for (char *save = NULL, *w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save))
		add_item(out, size, code_label(VOCAB_SERVICE, w));
	if (!out[0])
		snprintf(out, size, "%s", _("none"));
}

/* The centre of stay id, into out. */
static void stay_centre(struct db *db, long long id, char *out, size_t size)
{
	lookup_text(db_stmt(db, "SELECT c.code FROM stay s JOIN centre c ON c.id = s.centre_id WHERE s.id = ?1"), id,
	            NULL, NULL, out, size);
}

/* Rows about a person other than a create or update: links, stays. */
static bool person_event(struct out *o, const char *changes)
{
	struct fields f;
	memset(&f, 0, sizeof f);
	if (changes && changes[0] && !changes_read(changes, collect, &f))
		return false;
	char number[32] = "", centre[16] = "", services[VALUE_MAX];
	if (f.relative)
		case_number(o->db, f.relative, number, sizeof number);
	if (f.stay)
		stay_centre(o->db, f.stay, centre, sizeof centre);
	const char *action = o->action;
	if (strcmp(action, "view") == 0) {
		part(o, "%s", _("Case file opened"));
	} else if (strcmp(action, "link") == 0 && f.relation_before[0] && f.relation_after[0]) {
		part(o, _("Family link with %s: %s → %s"), number, code_label(VOCAB_RELATION, f.relation_before),
		     code_label(VOCAB_RELATION, f.relation_after));
	} else if ((strcmp(action, "unlink") == 0 || strcmp(action, "link") == 0) && !f.relation_after[0]) {
		part(o, _("Family link with %s removed"), number);
	} else if (strcmp(action, "link") == 0) {
		/* The relation is what the relative is to this person. */
		part(o, _("Family link with %s: %s"), number, code_label(VOCAB_RELATION, f.relation_after));
	} else if (strcmp(action, "admit") == 0) {
		part(o, _("Admitted at %s on %s"), f.a[0][0] ? f.a[0] : centre, f.a[1]);
	} else if (strcmp(action, "depart") == 0) {
		part(o, _("Departed from %s on %s: %s"), centre, f.a[1], code_label(VOCAB_DEPARTURE_REASON, f.a[2]));
	} else if (strcmp(action, "services") == 0) {
		services_labels(f.a[3], services, sizeof services);
		part(o, _("Services of the stay at %s: %s"), centre, services);
	} else if (strcmp(action, "search") == 0) {
		part(o, "%s", _("Search from the command line"));
	} else {
		return false;
	}
	return true;
}

/* A member of any other row: its label, and its value in words. */
static void other_item(const struct change_item *c, void *ctx)
{
	struct out *o = ctx;
	if (strcmp(c->key, "person_id") == 0 || strcmp(c->key, "visit_id") == 0 || strcmp(c->key, "stay_id") == 0)
		return;   /* said by the record column */
	const char *label = NULL;
	for (size_t i = 0; i < sizeof key_labels / sizeof key_labels[0]; i++)
		if (strcmp(key_labels[i].key, c->key) == 0)
			label = _(key_labels[i].label);
	char keyname[64];
	if (!label) {
		/* Never an internal name: "some_key" reads "some key". */
		snprintf(keyname, sizeof keyname, "%s", c->key);
		for (char *p = keyname; *p; p++)
			if (*p == '_')
				*p = ' ';
		label = keyname;
	}
	char v[2][VALUE_MAX];
	const char *vals[2] = { c->before, c->after };
	for (int i = 0; i < 2; i++) {
		const char *x = vals[i];
		const struct vocab *voc = strcmp(c->key, "reason") == 0 ? VOCAB_CONSULT_REASON
		                          : strcmp(c->key, "condition") == 0 ? VOCAB_CONDITION
		                          : strcmp(c->key, "referral_status") == 0 ? VOCAB_REFERRAL_STATUS
		                          : strcmp(c->key, "status") == 0 ? VOCAB_FITNESS : NULL;
		if (!x || !x[0])
			snprintf(v[i], sizeof v[i], "%s", _("none"));
		else if (voc)
			snprintf(v[i], sizeof v[i], "%s", code_label(voc, x));
		else if (strcmp(c->key, "role") == 0 && role_from_name(x) >= 0)
			snprintf(v[i], sizeof v[i], "%s", _(role_label_msgid((enum role)role_from_name(x))));
		else if (strcmp(c->key, "active") == 0 || strcmp(c->key, "more") == 0)
			snprintf(v[i], sizeof v[i], "%s", strcmp(x, "0") == 0 || strcmp(x, "false") == 0 ? _("no") : _("yes"));
		else if (date_is_day(x) || (strlen(x) == 10 && x[4] == '-'))
			date_text(x, v[i], sizeof v[i]);
		else
			snprintf(v[i], sizeof v[i], "%s", x);
	}
	if (c->pair)
		part(o, _("%s: %s → %s"), label, v[0], v[1]);
	else if (c->after && c->after[0])
		part(o, _("%s: %s"), label, v[1]);
}

bool audit_entity_medical(const char *entity)
{
	return strcmp(entity, "consultation") == 0 || strcmp(entity, "medical_case") == 0
	       || strcmp(entity, "medical_record") == 0 || strcmp(entity, "fitness") == 0;
}

bool audit_entity_psych(const char *entity)
{
	return strcmp(entity, "psych_support") == 0 || strcmp(entity, "psych_support_record") == 0;
}

bool audit_entity_protection(const char *entity)
{
	return strncmp(entity, "prot_", 5) == 0;
}

/* True when role may not read what rows of entity hold. */
static bool hidden_from(const char *entity, int role)
{
	return (audit_entity_medical(entity) && !perm_allows(role, PERM_MEDICAL_READ))
	       || (audit_entity_psych(entity) && !perm_allows(role, PERM_PSYCH_NOTES))
	       || (audit_entity_protection(entity) && !perm_allows(role, PERM_PROTECTION_READ));
}

/* Adds the key of one change, its values hidden. */
static void hidden_item(const struct change_item *c, void *ctx)
{
	jsonbuf_put_str(ctx, c->key, "hidden");
}

bool audit_changes_for_role(const char *entity, const char *changes, int role, struct jsonbuf *out)
{
	if (!changes || !changes[0] || !hidden_from(entity, role))
		return false;
	jsonbuf_init(out);
	if (!changes_read(changes, hidden_item, out))
		jsonbuf_put_str(out, "details", "hidden");
	return true;
}

/* A refusal: what was refused. */
static void refusal_item(const struct change_item *c, void *ctx)
{
	struct out *o = ctx;
	const char *v = c->after ? c->after : "";
	if (strcmp(c->key, "permission") == 0) {
		for (int p = 0; p < PERM_COUNT_; p++)
			if (strcmp(perm_name((enum perm)p), v) == 0) {
				part(o, _("Refused: %s"), _(perm_what[p]));
				return;
			}
	}
	if (strcmp(c->key, "screen") == 0 && v[0])
		part(o, _("Refused: the screen %s"), _(v));
	else
		part(o, "%s", _("Refused: a screen this role may not open"));
}

void audit_describe(struct db *db, const char *lang, const char *action, const char *entity,
                    long long entity_id, const char *changes, const char *sep, char *out, size_t size)
{
	struct out o = { db, lang && *lang ? lang : "en", sep ? sep : "; ", out, size, 0, db_actor(db)->role, action, false };
	out[0] = '\0';
	bool has = changes && changes[0];
	bool ok = true;
	if (strcmp(action, "refused") == 0) {
		ok = !has || changes_read(changes, refusal_item, &o);
		if (!has)
			part(&o, "%s", _("Refused"));
	} else if (audit_entity_medical(entity) && !perm_allows(o.role, PERM_MEDICAL_READ)) {
		/* Who may not read medical records learns that one was written or
		 * opened, never what it says. */
		part(&o, "%s", strcmp(action, "view") == 0 ? _("Medical record opened")
		                                           : _("Medical record written (details hidden)"));
	} else if (audit_entity_psych(entity) && (strcmp(action, "view") == 0 || hidden_from(entity, o.role))) {
		/* The same for individual psychosocial support. */
		part(&o, "%s", strcmp(action, "view") == 0 ? _("Psychosocial support opened")
		                                           : _("Psychosocial support written (details hidden)"));
	} else if (audit_entity_protection(entity) && hidden_from(entity, o.role)) {
		/* And for protection records (cases, children, victims of
		 * trafficking, referrals, returns). */
		part(&o, "%s", strcmp(action, "view") == 0 ? _("Protection record opened")
		                                           : _("Protection record written (details hidden)"));
	} else if (strcmp(entity, "medical_record") == 0 && strcmp(action, "view") == 0) {
		part(&o, "%s", _("Medical record opened"));
	} else if (strcmp(entity, "person") == 0 && (strcmp(action, "create") == 0 || strcmp(action, "update") == 0)) {
		if (strcmp(action, "create") == 0)
			part(&o, "%s", _("Registered"));
		/* Its arrival columns hold the registration day and a neutral
		 * mode, not an arrival: not told. */
		o.community = has && strcmp(action, "create") == 0 && strstr(changes, "\"kind\": \"community\"");
		ok = !has || changes_read(changes, person_item, &o);
		if (strcmp(action, "update") == 0 && !o.parts)
			part(&o, "%s", _("Changed"));
	} else if (strcmp(entity, "person") == 0 && person_event(&o, changes)) {
		/* said */
	} else if (has) {
		ok = changes_read(changes, other_item, &o);
	}
	if (!ok) {
		out[0] = '\0';
		o.parts = 0;
		part(&o, "%s", _("(details cut: too long to be kept whole)"));
	}
	if (!out[0])
		part(&o, "%s", _(audit_action_label(action)));
	(void)entity_id;   /* the record column says which record */
}
