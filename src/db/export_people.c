/* The pseudonymised person-level export: see include/db/export_people.h.
 * Pseudonym = base32(HMAC-SHA256(K, uuid))[0..16], K = HMAC-SHA256(S,
 * "taimako export v1" NUL recipient) where S is the database's secret and
 * the recipient's name is folded (case and accents) and trimmed, so
 * "UNHCR" and " unhcr " get the same pseudonyms. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include <nettle/hmac.h>

#include "core/date.h"
#include "core/jsonbuf.h"
#include "core/person.h"
#include "core/text.h"
#include "core/vocab.h"
#include "db/audit.h"
#include "db/db_private.h"
#include "db/export_people.h"

#define SECRET_BYTES 32

/* Reads the secret into key (SECRET_BYTES); false when there is none yet
 * or it is damaged. */
static enum status secret_read(struct db *db, uint8_t *key, bool *found)
{
	*found = false;
	sqlite3_stmt *st = db_stmt(db, "SELECT value FROM setting WHERE key = '" EXPORT_SECRET_KEY "'");
	if (!st)
		return ST_INTERNAL;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const char *hex = (const char *)sqlite3_column_text(st, 0);
		if (hex && strlen(hex) == SECRET_BYTES * 2) {
			*found = true;
			for (int i = 0; i < SECRET_BYTES && *found; i++) {
				unsigned v;
				if (sscanf(hex + 2 * i, "%2x", &v) != 1)
					*found = false;
				key[i] = (uint8_t)v;
			}
		}
	}
	sqlite3_reset(st);
	if (rc == SQLITE_ROW && !*found)
		return ST_CORRUPT;
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : db_status_of(rc);
}

/* Makes the secret once: 32 bytes from the system's random source, in
 * one transaction with its audit row (which never holds the value). */
static enum status secret_make(struct db *db)
{
	uint8_t raw[SECRET_BYTES];
	if (getrandom(raw, sizeof raw, 0) != (ssize_t)sizeof raw)
		return ST_IO;
	char hex[SECRET_BYTES * 2 + 1];
	for (int i = 0; i < SECRET_BYTES; i++)
		snprintf(hex + 2 * i, 3, "%02x", raw[i]);
	enum status s = db_begin(db);
	if (s != ST_OK)
		return s;
	sqlite3_stmt *st = db_stmt(db, "INSERT OR IGNORE INTO setting (key, value) VALUES ('" EXPORT_SECRET_KEY "', ?1)");
	if (!st)
		return db_finish(db, ST_INTERNAL);
	db_bind_text(st, 1, hex);
	s = db_step_done(st);
	if (s == ST_OK && sqlite3_changes(db_sqlite(db)) == 1)
		s = audit_log(db, "create", "setting", 0, "{\"key\":\"" EXPORT_SECRET_KEY "\"}");
	memset(hex, 0, sizeof hex);
	memset(raw, 0, sizeof raw);
	return db_finish(db, s);
}

/* The recipient's key from the secret and the folded, trimmed name. */
static bool recipient_key(const uint8_t *secret, const char *recipient, uint8_t *key)
{
	char *folded = text_fold(recipient);
	if (!folded)
		return false;
	char *start = folded + strspn(folded, " ");
	size_t len = strlen(start);
	while (len && start[len - 1] == ' ')
		len--;
	static const char domain[] = "taimako export v1";
	struct hmac_sha256_ctx h;
	hmac_sha256_set_key(&h, SECRET_BYTES, secret);
	hmac_sha256_update(&h, sizeof domain, (const uint8_t *)domain);   /* its NUL too */
	hmac_sha256_update(&h, len, (const uint8_t *)start);
	hmac_sha256_digest(&h, SHA256_DIGEST_SIZE, key);
	free(folded);
	return true;
}

/* The pseudonym of uuid under key: base32 of the first 80 bits. */
static void pseudonym(const uint8_t *key, const char *uuid, char *out)
{
	static const char b32[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
	uint8_t mac[SHA256_DIGEST_SIZE];
	struct hmac_sha256_ctx h;
	hmac_sha256_set_key(&h, SHA256_DIGEST_SIZE, key);
	hmac_sha256_update(&h, strlen(uuid), (const uint8_t *)uuid);
	hmac_sha256_digest(&h, sizeof mac, mac);
	for (int i = 0; i < EXPORT_PSEUDONYM_CHARS; i++) {
		int bit = i * 5, byte = bit / 8, shift = bit % 8;
		unsigned v = (unsigned)mac[byte] << 8 | mac[byte + 1];
		out[i] = b32[(v >> (11 - shift)) & 31];
	}
	out[EXPORT_PSEUDONYM_CHARS] = '\0';
}

/* The stays of the period: admitted before its end, not departed before
 * its start, at the centre asked for. */
#define IN_PERIOD "x.admitted < ?2 AND (x.departed IS NULL OR x.departed >= ?1) AND (?3 IS NULL OR x.centre_id = ?3)"

static const char select_sql[] =
	"WITH s AS (SELECT x.person_id, count(*) AS n, min(x.admitted) AS first FROM stay x WHERE " IN_PERIOD
	" GROUP BY x.person_id), "
	/* The people of the period: those with a stay in it and those registered
	 * in it, read by their ids rather than every person scanned. */
	"ids AS (SELECT person_id AS id FROM s UNION SELECT id FROM person "
	"WHERE arrival_date >= ?1 AND arrival_date < ?2 AND (?3 IS NULL OR centre_id = ?3)) "
	"SELECT p.uuid, p.sex, p.birth_date, p.birth_estimated, coalesce(p.nationality, ''), "
	"coalesce((SELECT c.code FROM stay x JOIN centre c ON c.id = x.centre_id WHERE x.person_id = p.id AND "
	IN_PERIOD " ORDER BY x.admitted, x.id LIMIT 1), pc.code), "
	"substr(p.arrival_date, 1, 7), p.kind = 'community' OR p.community_since IS NOT NULL, "
	"(SELECT group_concat(f.flag, ' ') FROM person_flag f WHERE f.person_id = p.id), coalesce(s.n, 0), "
	"(SELECT x.departure_reason FROM stay x WHERE x.person_id = p.id AND " IN_PERIOD
	" ORDER BY x.admitted DESC, x.id DESC LIMIT 1), "
	"max(?1, coalesce(s.first, p.arrival_date)) "
	"FROM ids JOIN person p ON p.id = ids.id JOIN centre pc ON pc.id = p.centre_id "
	"LEFT JOIN s ON s.person_id = p.id "
	"WHERE p.consent_data = 1 AND p.consent_share = 1 ORDER BY p.id";

/* The flags' bits from their codes, space-separated. */
static unsigned flag_bits(const char *codes)
{
	unsigned bits = 0;
	char buf[512];
	snprintf(buf, sizeof buf, "%s", codes ? codes : "");
	for (char *save = NULL, *w = strtok_r(buf, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
		int i = vocab_index(VOCAB_FLAG, w);
		if (i >= 0 && i < 32)
			bits |= 1u << (unsigned)i;
	}
	return bits;
}

/* Reads the current row of st into *row (the pseudonym under key). */
static void row_of(sqlite3_stmt *st, const uint8_t *key, struct export_person *row)
{
	memset(row, 0, sizeof *row);
	const char *uuid = (const char *)sqlite3_column_text(st, 0);
	pseudonym(key, uuid ? uuid : "", row->pseudonym);
	const char *sex = (const char *)sqlite3_column_text(st, 1);
	row->sex = sex && (sex[0] == 'f' || sex[0] == 'm') ? sex[0] : 'x';
	const char *birth = (const char *)sqlite3_column_text(st, 2);
	struct pdate on;
	int years = -1;
	bool approx, child;
	const char *day = (const char *)sqlite3_column_text(st, 11);
	if (!birth || !day || date_from_iso(day, &on) != DATE_OK ||
	    !person_age(birth, sqlite3_column_int(st, 3) != 0, &on, &years, &approx, &child))
		years = -1;
	row->age_group = report_age_group(years);
	db_column_copy(st, 4, row->nationality, sizeof row->nationality);
	db_column_copy(st, 5, row->centre, sizeof row->centre);
	db_column_copy(st, 6, row->arrival_month, sizeof row->arrival_month);
	row->community = sqlite3_column_int(st, 7) != 0;
	row->flags = flag_bits((const char *)sqlite3_column_text(st, 8));
	row->stays = sqlite3_column_int(st, 9);
	db_column_copy(st, 10, row->departure, sizeof row->departure);
}

/* The export in the trail: for whom, what, how many rows. */
static enum status audit_export(struct db *db, const char *recipient, const struct report_period *p,
                                const char *centre, long rows)
{
	struct jsonbuf j;
	jsonbuf_init(&j);
	jsonbuf_put_str(&j, "export", "people");
	jsonbuf_put_str(&j, "recipient", recipient);
	jsonbuf_put_str(&j, "period", p->text);
	jsonbuf_put_str(&j, "centre", centre ? centre : "");
	jsonbuf_put_int(&j, "rows", rows);
	enum status s = db_begin(db);
	if (s == ST_OK)
		s = db_finish(db, audit_log(db, "export", "person", 0, jsonbuf_text(&j)));
	return s;
}

enum status export_people(struct db *db, const char *recipient, const struct report_period *p,
                          const char *centre_code, void (*cb)(const struct export_person *row, void *ctx),
                          void *ctx, long *rows)
{
	*rows = 0;
	enum status s = db_require(db, PERM_REPORTS);
	if (s != ST_OK)
		return s;
	if (!recipient || strlen(recipient) > EXPORT_RECIPIENT_MAX || !text_valid_utf8(recipient) ||
	    recipient[strspn(recipient, " ")] == '\0')
		return ST_INVALID;
	long long centre_id = 0;
	if (centre_code && *centre_code) {
		centre_id = db_centre_id(db, centre_code);
		if (centre_id <= 0)
			return ST_NOT_FOUND;
	}
	uint8_t secret[SECRET_BYTES], key[SHA256_DIGEST_SIZE];
	bool found;
	s = secret_read(db, secret, &found);
	if (s == ST_OK && !found) {
		s = secret_make(db);
		if (s == ST_OK)
			s = secret_read(db, secret, &found);
		if (s == ST_OK && !found)
			s = ST_INTERNAL;
	}
	if (s != ST_OK)
		return s;
	bool keyed = recipient_key(secret, recipient, key);
	memset(secret, 0, sizeof secret);
	if (!keyed)
		return ST_NOMEM;
	sqlite3_stmt *st = db_stmt(db, select_sql);
	if (!st)
		return ST_INTERNAL;
	sqlite3_bind_text(st, 1, p->from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, p->to, -1, SQLITE_STATIC);
	if (centre_id > 0)
		sqlite3_bind_int64(st, 3, centre_id);
	int rc;
	struct export_person row;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		row_of(st, key, &row);
		cb(&row, ctx);
		(*rows)++;
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	memset(key, 0, sizeof key);
	if (rc != SQLITE_DONE)
		return db_status_of(rc);
	return audit_export(db, recipient, p, centre_code, *rows);
}
