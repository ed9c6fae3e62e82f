/* yescrypt password hashes through libcrypt. The hash itself runs in a
 * short-lived child process: yescrypt needs 16 MiB at libcrypt's default
 * cost, and a shared server runs one long-lived process per staff member,
 * each of which would otherwise keep that peak for its whole session. */
#include <crypt.h>
#include <errno.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
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

/* crypt_r in this process; true with the hash in out. */
static bool crypt_here(const char *pw, const char *setting, char *out, size_t size)
{
	struct crypt_data data;
	memset(&data, 0, sizeof data);
	const char *h = crypt_r(pw, setting, &data);
	bool ok = h && h[0] != '*' && strlen(h) < size;
	if (ok)
		memcpy(out, h, strlen(h) + 1);
	explicit_bzero(&data, sizeof data);
	return ok;
}

/* crypt_r in a child that writes the hash into a pipe and exits, so that
 * its memory is never this process's; in this process when no child can
 * be made. The child touches nothing but the pipe (no stdio, no database,
 * no terminal) and leaves with _exit. */
static bool crypt_isolated(const char *pw, const char *setting, char *out, size_t size)
{
	int fds[2];
	if (pipe(fds) != 0)
		return crypt_here(pw, setting, out, size);
	pid_t pid = fork();
	if (pid < 0) {
		close(fds[0]);
		close(fds[1]);
		return crypt_here(pw, setting, out, size);
	}
	if (pid == 0) {
		char h[PASSWORD_HASH_MAX];
		close(fds[0]);
		if (crypt_here(pw, setting, h, sizeof h)) {
			size_t n = strlen(h), done = 0;
			while (done < n) {
				ssize_t w = write(fds[1], h + done, n - done);
				if (w < 0 && errno == EINTR)
					continue;
				if (w <= 0)
					break;
				done += (size_t)w;
			}
		}
		_exit(0);
	}
	close(fds[1]);
	char buf[PASSWORD_HASH_MAX + 1];
	size_t got = 0;
	for (;;) {
		ssize_t r = read(fds[0], buf + got, sizeof buf - 1 - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0 || (got += (size_t)r) + 1 >= sizeof buf)
			break;
	}
	close(fds[0]);
	int status;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	buf[got] = '\0';
	bool ok = got > 0 && got < size;
	if (ok)
		memcpy(out, buf, got + 1);
	explicit_bzero(buf, sizeof buf);
	return ok;
}

enum status password_hash(const char *pw, char *out, size_t size)
{
	char salt[CRYPT_GENSALT_OUTPUT_SIZE];
	if (!crypt_gensalt_rn("$y$", 0, NULL, 0, salt, sizeof salt))
		return ST_INTERNAL;
	return crypt_isolated(pw, salt, out, size) && out[0] == '$' ? ST_OK : ST_INTERNAL;
}

bool password_verify(const char *pw, const char *hash)
{
	const char *setting = hash ? hash : dummy_hash;
	char h[PASSWORD_HASH_MAX];
	bool ok = false;
	if (crypt_isolated(pw, setting, h, sizeof h) && hash) {
		size_t n = strlen(setting);
		if (strlen(h) == n) {
			unsigned char diff = 0;
			for (size_t i = 0; i < n; i++)
				diff |= (unsigned char)(h[i] ^ setting[i]);
			ok = diff == 0;
		}
	}
	explicit_bzero(h, sizeof h);
	return ok;
}
