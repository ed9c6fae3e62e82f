/* The attendance roll of a psychosocial session: the roll of db/roll.h of
 * kind ROLL_PSYCH_SESSION, named for the session. */
#include "db/psych_session.h"
#include "db/roll.h"

enum status psych_roll_page(struct db *db, long long session_id, const char *filter, enum page_dir dir,
                            const struct roll_row *key, int limit,
                            void (*cb)(const struct roll_row *r, void *ctx), void *ctx, bool *more)
{
	struct roll_ref ref = roll_of_session(session_id);
	return roll_page(db, &ref, filter, dir, key, limit, cb, ctx, more);
}

enum status psych_roll_count(struct db *db, long long session_id, struct roll_counts *out)
{
	struct roll_ref ref = roll_of_session(session_id);
	return roll_count(db, &ref, out);
}

enum status psych_roll_mark(struct db *db, long long session_id, struct roll_row *row, const char *mark,
                            const char **msgid, bool *session_changed)
{
	struct roll_ref ref = roll_of_session(session_id);
	return roll_mark(db, &ref, row, mark, msgid, session_changed);
}

enum status psych_roll_row_get(struct db *db, long long session_id, long long person, struct roll_row *row)
{
	struct roll_ref ref = roll_of_session(session_id);
	return roll_row_get(db, &ref, person, row);
}
