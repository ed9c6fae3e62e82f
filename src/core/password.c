/* yescrypt password hashes through libcrypt. */
#include <crypt.h>
#include <string.h>
#include "core/password.h"

/* A valid yescrypt hash of a random string nobody knows, used when the
 * user does not exist so that timing does not reveal user names. */
static const char dummy_hash[] =
	"$y$j9T$up3ku0h6UYI2uVvinOEYF/$42anH0/0FIgyDeIwkPIPqaRaIdpVLcL5LQffOepLy00";

enum status password_check_rules(const char *pw)
{
	size_t chars = 0;
	for (const unsigned char *p = (const unsigned char *)pw; p && *p; p++)
		if ((*p & 0xC0) != 0x80)
			chars++;
	return chars >= PASSWORD_MIN_CHARS ? ST_OK : ST_WEAK_PASSWORD;
}

enum status password_hash(const char *pw, char *out, size_t size)
{
	char salt[CRYPT_GENSALT_OUTPUT_SIZE];
	if (!crypt_gensalt_rn("$y$", 0, NULL, 0, salt, sizeof salt))
		return ST_INTERNAL;
	struct crypt_data data;
	memset(&data, 0, sizeof data);
	const char *h = crypt_r(pw, salt, &data);
	if (!h || h[0] == '*' || strlen(h) >= size)
		return ST_INTERNAL;
	memcpy(out, h, strlen(h) + 1);
	explicit_bzero(&data, sizeof data);
	return ST_OK;
}

bool password_verify(const char *pw, const char *hash)
{
	struct crypt_data data;
	memset(&data, 0, sizeof data);
	const char *setting = hash ? hash : dummy_hash;
	const char *h = crypt_r(pw, setting, &data);
	bool ok = false;
	if (h && h[0] != '*' && hash) {
		size_t n = strlen(setting);
		if (strlen(h) == n) {
			unsigned char diff = 0;
			for (size_t i = 0; i < n; i++)
				diff |= (unsigned char)(h[i] ^ setting[i]);
			ok = diff == 0;
		}
	}
	explicit_bzero(&data, sizeof data);
	return ok;
}
