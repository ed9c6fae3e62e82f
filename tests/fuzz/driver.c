/* A small stand-in for libFuzzer, so that `make check` runs every fuzz
 * target with the usual compiler (no clang needed): the target is run over
 * every file of its corpus, then over deterministic mutations of them.
 *
 *   fuzz_<target> [corpus-dir]
 *   FUZZ_RUNS   mutations to run (default 3000)
 *   FUZZ_SEED   seed of the mutations (default 12)
 *
 * The corpus folder defaults to the one built in (FUZZ_CORPUS). When an
 * input fails, it is printed as a C string before the process dies, so a
 * log is enough to make a unit test of it. Ends with a cmocka-like line
 * that scripts/run-tests.sh counts. */
#include <dirent.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"

#ifndef FUZZ_CORPUS
#define FUZZ_CORPUS "tests/fuzz/corpus"
#endif
#define INPUT_MAX 4096
#define MAX_FILES 512

/* The input being run, for the report when it fails. */
static const uint8_t *current;
static size_t current_len;

/* Writes the current input to stderr as a C string, with only write(2)
 * (called from a signal handler). */
static void dump_current(void)
{
	static const char hexd[] = "0123456789abcdef";
	char line[8];
	(void)!write(2, "\nfailing input: \"", 17);
	for (size_t i = 0; current && i < current_len; i++) {
		unsigned char c = current[i];
		size_t n = 0;
		if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '?') {
			line[n++] = (char)c;
		} else {
			line[n++] = '\\';
			line[n++] = 'x';
			line[n++] = hexd[c >> 4];
			line[n++] = hexd[c & 15];
			/* A hex escape stops only where no hex digit follows. */
			if (i + 1 < current_len && strchr("0123456789abcdefABCDEF", current[i + 1])) {
				line[n++] = '"';
				line[n++] = '"';
			}
		}
		(void)!write(2, line, n);
	}
	(void)!write(2, "\"\n", 2);
}

static void on_signal(int sig)
{
	dump_current();
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Called by the sanitizers' runtime before it ends the process. */
void __sanitizer_set_death_callback(void (*callback)(void)) __attribute__((weak));

/* xorshift64*: the same mutations on every machine. */
static uint64_t rng_state;

static uint64_t rng(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 2685821657736338717ull;
}

static size_t below(size_t n)
{
	return n ? (size_t)(rng() % n) : 0;
}

struct sample {
	uint8_t *data;
	size_t len;
};

/* Bytes that parsers treat specially: separators, quotes, escapes, the
 * starts of multi-byte characters, controls. */
static const char *const tokens[] = {
	"\0", "\n", "\r\n", "\t", " ", "\"", "\\", ",", "=", "+", "-", "@", "'", "/", ".", "#", ":", "{", "}",
	"[", "]", "\\u", "\\ud800", "\\udc00", "\xef\xbb\xbf", "\xc3\xa9", "\xc3", "\xe2\x80\xae", "\xe2\x80\x99",
	"\xf0\x9f\x98\x80", "\xff", "\x80", "\xc2\x85", "\x1b[2J", "00", "+227", "9999999999", "29/02/", "0",
};

/* Changes buf (len bytes, room for INPUT_MAX) in one to four random ways,
 * sometimes splicing in a part of another sample; returns the new length. */
static size_t mutate(uint8_t *buf, size_t len, const struct sample *all, size_t n)
{
	int ops = 1 + (int)below(4);
	for (int k = 0; k < ops; k++) {
		switch (below(8)) {
		case 0:   /* flip a bit */
			if (len)
				buf[below(len)] ^= (uint8_t)(1u << below(8));
			break;
		case 1:   /* a random byte */
			if (len)
				buf[below(len)] = (uint8_t)rng();
			break;
		case 2:   /* delete a run */
			if (len) {
				size_t at = below(len), m = 1 + below(len - at < 8 ? len - at : 8);
				memmove(buf + at, buf + at + m, len - at - m);
				len -= m;
			}
			break;
		case 3: { /* insert a special token */
			const char *t = tokens[below(sizeof tokens / sizeof tokens[0])];
			size_t tl = t[0] ? strlen(t) : 1, at = below(len + 1);
			if (len + tl <= INPUT_MAX) {
				memmove(buf + at + tl, buf + at, len - at);
				memcpy(buf + at, t, tl);
				len += tl;
			}
			break;
		}
		case 4: { /* duplicate a run */
			if (!len)
				break;
			size_t at = below(len), m = 1 + below(len - at), to = below(len + 1);
			if (len + m <= INPUT_MAX) {
				uint8_t tmp[INPUT_MAX];
				memcpy(tmp, buf + at, m);
				memmove(buf + to + m, buf + to, len - to);
				memcpy(buf + to, tmp, m);
				len += m;
			}
			break;
		}
		case 5: { /* splice a part of another sample */
			const struct sample *o = &all[below(n)];
			if (!o->len)
				break;
			size_t at = below(o->len), m = 1 + below(o->len - at), to = below(len + 1);
			if (to + m <= INPUT_MAX) {
				memcpy(buf + to, o->data + at, m);
				if (to + m > len)
					len = to + m;
			}
			break;
		}
		case 6:   /* cut the end */
			len = below(len + 1);
			break;
		default:  /* a digit changed: parsers of numbers care */
			if (len)
				buf[below(len)] = (uint8_t)('0' + below(10));
			break;
		}
	}
	return len;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Reads every file of dir, in name order, into samples; how many. */
static size_t load(const char *dir, struct sample *samples)
{
	DIR *d = opendir(dir);
	if (!d) {
		fprintf(stderr, "cannot open corpus %s\n", dir);
		exit(2);
	}
	char *names[MAX_FILES] = { NULL };
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(d)) && n < MAX_FILES)
		if (e->d_name[0] != '.')
			names[n++] = strdup(e->d_name);
	closedir(d);
	qsort(names, n, sizeof names[0], by_name);
	for (size_t i = 0; i < n; i++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		FILE *f = fopen(path, "rb");
		samples[i].data = malloc(INPUT_MAX);
		samples[i].len = f ? fread(samples[i].data, 1, INPUT_MAX, f) : 0;
		if (f)
			fclose(f);
		free(names[i]);
	}
	return n;
}

/* Runs the target over one input, in a buffer of its exact size so that
 * the address sanitizer sees a read past its end. */
static void run(const uint8_t *data, size_t len)
{
	uint8_t *copy = malloc(len ? len : 1);
	if (!copy)
		abort();
	if (len)
		memcpy(copy, data, len);
	current = copy;
	current_len = len;
	LLVMFuzzerTestOneInput(copy, len);
	current = NULL;
	free(copy);
}

int main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : FUZZ_CORPUS;
	const char *e = getenv("FUZZ_RUNS");
	long runs = e ? atol(e) : 3000;
	e = getenv("FUZZ_SEED");
	rng_state = 0x9E3779B97F4A7C15ull ^ (uint64_t)(e ? strtoull(e, NULL, 10) : 12u);

	signal(SIGABRT, on_signal);
	signal(SIGSEGV, on_signal);
	if (__sanitizer_set_death_callback)
		__sanitizer_set_death_callback(dump_current);

	static struct sample samples[MAX_FILES];
	size_t n = load(dir, samples);
	if (n == 0) {
		fprintf(stderr, "empty corpus %s\n", dir);
		printf("[  FAILED  ] 1 test(s), listed below:\n");
		return 1;
	}
	run((const uint8_t *)"", 0);
	for (size_t i = 0; i < n; i++)
		run(samples[i].data, samples[i].len);
	static uint8_t buf[INPUT_MAX];
	for (long r = 0; r < runs; r++) {
		const struct sample *s = &samples[below(n)];
		memcpy(buf, s->data, s->len);
		size_t len = mutate(buf, s->len, samples, n);
		run(buf, len);
	}
	for (size_t i = 0; i < n; i++)
		free(samples[i].data);
	printf("%s: %zu corpus files and %ld mutations passed\n", argv[0], n, runs);
	printf("[  PASSED  ] 1 test(s).\n");
	return 0;
}
