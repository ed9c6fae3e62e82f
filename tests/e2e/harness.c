/* End-to-end test harness: a program in a pseudo-terminal, its output fed to
 * a libvterm emulator whose screen is read back as UTF-8 text. See harness.h. */
#include "harness.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <vterm.h>

extern char **environ;

enum {
	POLL_SLICE_MS = 10,       /* exit polling step when no pidfd is available */
	FLUSH_TIMEOUT_MS = 5000,  /* longest wait to hand keystrokes to the program */
	TERM_GRACE_MS = 1000,     /* wait after SIGTERM in term_free */
	KILL_GRACE_MS = 2000,     /* wait after SIGKILL in term_free */
	SETTLE_CAP_MS = 30000,    /* longest term_settle, for endless writers */
	READ_CAP = 64 * 1024,     /* most bytes read in one go before checking again */
};

struct term {
	pid_t pid;
	int fd;             /* pty master, non-blocking */
	int pidfd;          /* readable when the child exits; -1 if unsupported */
	bool eof;           /* the master reported end of file or EIO */
	bool reaped;        /* the child has been waited for */
	int status;         /* exit code or 128 + signal, once reaped */
	int rows, cols;
	VTerm *vt;
	VTermScreen *screen;
	size_t bytes;       /* output bytes since start or last reset */
	size_t text_bytes;  /* of them, the text shown (not controls or sequences) */
	int esc;            /* where the count is in an escape sequence (count_text) */
	bool cursor_hidden; /* the program turned the cursor off */
	char *out;          /* bytes for the program not yet written */
	size_t out_len, out_cap;
};

/* A growable string. */
struct sbuf {
	char *p;
	size_t len, cap;
	bool oom;
};

/* Milliseconds of the monotonic clock. */
static int64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Milliseconds left until deadline, 0 when it has passed. */
static int remaining_ms(int64_t deadline)
{
	int64_t left = deadline - now_ms();

	if (left <= 0)
		return 0;
	return left > INT32_MAX ? INT32_MAX : (int)left;
}

/* Appends len bytes to b, noting failure instead of stopping. */
static void sbuf_add(struct sbuf *b, const char *s, size_t len)
{
	if (b->oom)
		return;
	if (b->len + len + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 128;
		char *p;

		while (cap < b->len + len + 1)
			cap *= 2;
		p = realloc(b->p, cap);
		if (!p) {
			b->oom = true;
			return;
		}
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->len, s, len);
	b->len += len;
	b->p[b->len] = '\0';
}

/* Hands back the string of b (NULL if it ran out of memory). */
static char *sbuf_take(struct sbuf *b)
{
	if (b->oom) {
		free(b->p);
		return NULL;
	}
	if (!b->p)
		return calloc(1, 1);
	return b->p;
}

/* Encodes codepoint c as UTF-8 into out; returns the length. */
static size_t utf8_put(uint32_t c, char out[4])
{
	if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		c = 0xFFFD;
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char)(0xC0 | (c >> 6));
		out[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (char)(0xE0 | (c >> 12));
		out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		out[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (c >> 18));
	out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
	out[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

/* Decodes one codepoint at *sp and advances; invalid input gives U+FFFD. */
static uint32_t utf8_next(const unsigned char **sp)
{
	const unsigned char *s = *sp;
	uint32_t c = s[0], min;
	int n;

	if (c < 0x80) {
		*sp = s + 1;
		return c;
	}
	if ((c & 0xE0) == 0xC0) {
		n = 1;
		c &= 0x1F;
		min = 0x80;
	} else if ((c & 0xF0) == 0xE0) {
		n = 2;
		c &= 0x0F;
		min = 0x800;
	} else if ((c & 0xF8) == 0xF0) {
		n = 3;
		c &= 0x07;
		min = 0x10000;
	} else {
		*sp = s + 1;
		return 0xFFFD;
	}
	for (int i = 1; i <= n; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*sp = s + 1;
			return 0xFFFD;
		}
		c = (c << 6) | (s[i] & 0x3F);
	}
	*sp = s + n + 1;
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0xFFFD;
	return c;
}

/* libvterm output callback: queues replies and keystrokes for the program. */
static void on_output(const char *s, size_t len, void *user)
{
	struct term *t = user;

	if (t->out_len + len > t->out_cap) {
		size_t cap = t->out_cap ? t->out_cap : 256;
		char *p;

		while (cap < t->out_len + len)
			cap *= 2;
		p = realloc(t->out, cap);
		if (!p) {
			fprintf(stderr, "harness: out of memory, %zu input bytes lost\n", len);
			return;
		}
		t->out = p;
		t->out_cap = cap;
	}
	memcpy(t->out + t->out_len, s, len);
	t->out_len += len;
}

/* Writes as much queued input to the program as the pty takes now. */
static void flush_out(struct term *t)
{
	size_t done = 0;

	while (done < t->out_len) {
		ssize_t n = write(t->fd, t->out + done, t->out_len - done);

		if (n > 0) {
			done += (size_t)n;
		} else if (n < 0 && errno == EINTR) {
			continue;
		} else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
			break;
		} else {
			done = t->out_len;  /* the program is gone: drop it */
		}
	}
	memmove(t->out, t->out + done, t->out_len - done);
	t->out_len -= done;
}

/* Records the child's exit status if it has exited. */
static void try_reap(struct term *t)
{
	int st;
	pid_t r;

	if (t->reaped)
		return;
	do {
		r = waitpid(t->pid, &st, WNOHANG);
	} while (r < 0 && errno == EINTR);
	if (r == t->pid) {
		t->reaped = true;
		if (WIFEXITED(st))
			t->status = WEXITSTATUS(st);
		else if (WIFSIGNALED(st))
			t->status = 128 + WTERMSIG(st);
		else
			t->status = -1;
	} else if (r < 0) {
		t->reaped = true;  /* someone else reaped it */
		t->status = -1;
	}
	if (t->reaped && t->pidfd >= 0) {
		close(t->pidfd);
		t->pidfd = -1;
	}
}

/* Counts the bytes of buf that are text shown: not control characters and
 * not part of an escape sequence (ESC, its intermediates and final byte;
 * CSI with its parameters). The state carries across reads. */
static void count_text(struct term *t, const char *buf, size_t n)
{
	enum { TEXT, ESC_SEEN, ESC_INTER, CSI };

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)buf[i];

		if (c == 0x1b) {
			t->esc = ESC_SEEN;
		} else if (t->esc == ESC_SEEN) {
			t->esc = c == '[' ? CSI : c >= 0x20 && c <= 0x2f ? ESC_INTER : TEXT;
		} else if (t->esc == ESC_INTER) {
			if (c < 0x20 || c > 0x2f)
				t->esc = TEXT;
		} else if (t->esc == CSI) {
			if (c >= 0x40 && c <= 0x7e)
				t->esc = TEXT;
		} else if (c >= 0x20 && c != 0x7f) {
			t->text_bytes++;
		}
	}
}

/* Reads the output available now into the emulator. */
static void read_some(struct term *t)
{
	char buf[4096];
	size_t total = 0;

	while (!t->eof && total < READ_CAP) {
		ssize_t n = read(t->fd, buf, sizeof buf);

		if (n > 0) {
			vterm_input_write(t->vt, buf, (size_t)n);
			t->bytes += (size_t)n;
			count_text(t, buf, (size_t)n);
			total += (size_t)n;
		} else if (n < 0 && errno == EINTR) {
			continue;
		} else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
			break;
		} else {
			t->eof = true;  /* 0 or EIO: the slave side is closed */
		}
	}
	if (t->out_len && !t->eof)
		flush_out(t);
}

/* Waits up to timeout_ms for output, exit or room for input and handles
 * what happened; false when nothing can happen any more. */
static bool pump(struct term *t, int timeout_ms)
{
	struct pollfd fds[2];
	nfds_t n = 0;
	int r;

	if (t->eof && t->reaped)
		return false;
	if (!t->eof) {
		fds[n].fd = t->fd;
		fds[n].events = POLLIN | (t->out_len ? POLLOUT : 0);
		fds[n].revents = 0;
		n++;
	}
	if (!t->reaped && t->pidfd >= 0) {
		fds[n].fd = t->pidfd;
		fds[n].events = POLLIN;
		fds[n].revents = 0;
		n++;
	}
	if (n == 0) {
		/* No pidfd and no output: poll for the exit in short steps. */
		poll(NULL, 0, timeout_ms < POLL_SLICE_MS ? timeout_ms : POLL_SLICE_MS);
		try_reap(t);
		return true;
	}
	r = poll(fds, n, timeout_ms);
	if (r < 0)
		return true;  /* EINTR: the caller looks at the clock again */
	if (!t->eof && fds[0].revents) {
		if (fds[0].revents & (POLLIN | POLLHUP | POLLERR))
			read_some(t);
		if ((fds[0].revents & POLLOUT) && t->out_len)
			flush_out(t);
	}
	try_reap(t);
	return true;
}

/* Hands queued keystrokes to the program, reading its output meanwhile. */
static void send_pending(struct term *t)
{
	int64_t deadline = now_ms() + FLUSH_TIMEOUT_MS;

	flush_out(t);
	while (t->out_len && !t->eof) {
		int left = remaining_ms(deadline);

		if (left == 0) {
			fprintf(stderr, "harness: program did not take %zu input bytes\n",
				t->out_len);
			return;
		}
		pump(t, left);
	}
}

/* Appends the text of one screen row to b; trims trailing blanks if asked. */
static void add_row(const struct term *t, int row, bool trim, struct sbuf *b)
{
	size_t start = b->len, keep = b->len;
	VTermPos pos = { .row = row, .col = 0 };

	while (pos.col < t->cols) {
		VTermScreenCell cell;
		int width;

		if (!vterm_screen_get_cell(t->screen, pos, &cell)) {
			sbuf_add(b, " ", 1);
			pos.col++;
			continue;
		}
		width = cell.width > 0 ? cell.width : 1;
		if (cell.chars[0] == (uint32_t)-1) {
			pos.col++;  /* right half of a wide character */
			continue;
		}
		if (cell.chars[0] == 0) {
			sbuf_add(b, " ", 1);
		} else {
			for (int i = 0; i < VTERM_MAX_CHARS_PER_CELL && cell.chars[i]; i++) {
				char enc[4];

				sbuf_add(b, enc, utf8_put(cell.chars[i], enc));
			}
		}
		if (cell.chars[0] != 0 && cell.chars[0] != ' ')
			keep = b->len;
		pos.col += width;
	}
	if (trim && !b->oom) {
		b->len = keep > start ? keep : start;
		if (b->p)
			b->p[b->len] = '\0';
	}
}

/* Builds the child's environment: the parent's, TERM, then env. */
static char **make_env(char *const env[])
{
	size_t n_parent = 0, n_env = 0, n = 0;
	bool has_term = false;
	char **out;

	while (environ && environ[n_parent])
		n_parent++;
	while (env && env[n_env]) {
		if (strncmp(env[n_env], "TERM=", 5) == 0)
			has_term = true;
		n_env++;
	}
	out = calloc(n_parent + n_env + 2, sizeof *out);
	if (!out)
		return NULL;
	for (size_t i = 0; i < n_parent; i++) {
		const char *eq = strchr(environ[i], '=');
		size_t len = eq ? (size_t)(eq - environ[i]) + 1 : strlen(environ[i]);
		bool overridden = strncmp(environ[i], "TERM=", 5) == 0;

		for (size_t j = 0; j < n_env && !overridden; j++)
			overridden = strncmp(environ[i], env[j], len) == 0;
		if (!overridden)
			out[n++] = environ[i];
	}
	if (!has_term)
		out[n++] = "TERM=xterm";
	for (size_t j = 0; j < n_env; j++) {
		const char *eq = strchr(env[j], '=');
		size_t len = eq ? (size_t)(eq - env[j]) + 1 : strlen(env[j]);
		bool later = false;

		for (size_t k = j + 1; k < n_env && !later; k++)
			later = strncmp(env[j], env[k], len) == 0;
		if (!later)
			out[n++] = env[j];
	}
	return out;
}

/* Opens a pidfd for pid, or -1 where the kernel has none. */
static int open_pidfd(pid_t pid)
{
#ifdef SYS_pidfd_open
	return (int)syscall(SYS_pidfd_open, pid, 0);
#else
	(void)pid;
	return -1;
#endif
}

/* Frees a term whose child never ran or has been dealt with. */
static void free_parts(struct term *t)
{
	if (t->pidfd >= 0)
		close(t->pidfd);
	if (t->fd >= 0)
		close(t->fd);
	if (t->vt)
		vterm_free(t->vt);
	free(t->out);
	free(t);
}

/* In the forked child: resets signals and runs the program; never returns. */
static void run_child(char *const argv[], char **envp, int err_fd)
{
	sigset_t none;
	int e;

	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	for (int sig = 1; sig < NSIG; sig++)
		signal(sig, SIG_DFL);
	execve(argv[0], argv, envp);
	e = errno;
	if (write(err_fd, &e, sizeof e) < 0)
		_exit(127);
	_exit(127);
}

/* The emulator tells when the program shows or hides the cursor. */
static int on_termprop(VTermProp prop, VTermValue *val, void *user)
{
	struct term *t = user;

	if (prop == VTERM_PROP_CURSORVISIBLE)
		t->cursor_hidden = !val->boolean;
	return 1;
}

static const VTermScreenCallbacks screen_callbacks = { .settermprop = on_termprop };

/* Starts argv[0] in a rows x cols pseudo-terminal (see harness.h). */
struct term *term_start(int rows, int cols, char *const argv[], char *const env[])
{
	struct winsize ws = { .ws_row = (unsigned short)rows, .ws_col = (unsigned short)cols };
	struct term *t;
	char **envp;
	int pipefd[2], e = 0;
	ssize_t n;

	if (rows <= 0 || cols <= 0 || !argv || !argv[0]) {
		fprintf(stderr, "term_start: bad size %dx%d or no program\n", rows, cols);
		return NULL;
	}
	t = calloc(1, sizeof *t);
	if (!t) {
		fprintf(stderr, "term_start: out of memory\n");
		return NULL;
	}
	t->fd = -1;
	t->pidfd = -1;
	t->rows = rows;
	t->cols = cols;
	t->vt = vterm_new(rows, cols);
	if (!t->vt) {
		fprintf(stderr, "term_start: vterm_new failed\n");
		free_parts(t);
		return NULL;
	}
	vterm_set_utf8(t->vt, 1);
	vterm_output_set_callback(t->vt, on_output, t);
	t->screen = vterm_obtain_screen(t->vt);
	vterm_screen_set_callbacks(t->screen, &screen_callbacks, t);
	vterm_screen_enable_altscreen(t->screen, 1);
	vterm_screen_reset(t->screen, 1);

	envp = make_env(env);
	if (!envp) {
		fprintf(stderr, "term_start: out of memory\n");
		free_parts(t);
		return NULL;
	}
	if (pipe(pipefd) < 0) {
		fprintf(stderr, "term_start: pipe: %s\n", strerror(errno));
		free(envp);
		free_parts(t);
		return NULL;
	}
	fcntl(pipefd[0], F_SETFD, FD_CLOEXEC);
	fcntl(pipefd[1], F_SETFD, FD_CLOEXEC);
	fflush(NULL);
	t->pid = forkpty(&t->fd, NULL, NULL, &ws);
	if (t->pid == 0) {
		close(pipefd[0]);
		run_child(argv, envp, pipefd[1]);
	}
	free(envp);
	close(pipefd[1]);
	if (t->pid < 0) {
		fprintf(stderr, "term_start: forkpty: %s\n", strerror(errno));
		close(pipefd[0]);
		t->fd = -1;
		free_parts(t);
		return NULL;
	}
	/* The pipe closes on a successful exec, or brings the exec error. */
	do {
		n = read(pipefd[0], &e, sizeof e);
	} while (n < 0 && errno == EINTR);
	close(pipefd[0]);
	if (n == (ssize_t)sizeof e) {
		fprintf(stderr, "term_start: cannot run %s: %s\n", argv[0], strerror(e));
		while (waitpid(t->pid, NULL, 0) < 0 && errno == EINTR)
			;
		free_parts(t);
		return NULL;
	}
	fcntl(t->fd, F_SETFL, fcntl(t->fd, F_GETFL) | O_NONBLOCK);
	fcntl(t->fd, F_SETFD, FD_CLOEXEC);
	t->pidfd = open_pidfd(t->pid);
	return t;
}

/* Reads pending output, then reports whether text is on the screen. */
static bool has_text_now(struct term *t, const char *text)
{
	char *s = term_screen(t);
	bool found = s && strstr(s, text) != NULL;

	free(s);
	return found;
}

/* Waits until text is (want) or is not (!want) on the screen. */
static bool wait_for(struct term *t, const char *text, int timeout_ms, bool want)
{
	int64_t start = now_ms(), deadline = start + (timeout_ms > 0 ? timeout_ms : 0);
	char *why;
	size_t len;

	for (;;) {
		if (has_text_now(t, text) == want)
			return true;
		if (remaining_ms(deadline) == 0 || t->eof)
			break;
		pump(t, remaining_ms(deadline));
	}
	len = strlen(text) + 96;
	why = malloc(len);
	if (why)
		snprintf(why, len, "%s \"%s\" for %d ms: %s", want ? "waited for" : "waited to lose",
			text, (int)(now_ms() - start), t->eof ? "program output closed" : "timed out");
	term_dump(t, why ? why : text);
	free(why);
	return false;
}

/* Waits until text appears on the screen (see harness.h). */
bool term_wait_text(struct term *t, const char *text, int timeout_ms)
{
	return wait_for(t, text, timeout_ms, true);
}

/* Waits until text is gone from the screen (see harness.h). */
bool term_wait_gone(struct term *t, const char *text, int timeout_ms)
{
	return wait_for(t, text, timeout_ms, false);
}

/* True when text is on the screen now (see harness.h). */
bool term_has_text(struct term *t, const char *text)
{
	return has_text_now(t, text);
}

/* The whole screen as UTF-8 after reading pending output (see harness.h). */
char *term_screen(struct term *t)
{
	struct sbuf b = { 0 };

	read_some(t);
	for (int row = 0; row < t->rows; row++) {
		if (row > 0)
			sbuf_add(&b, "\n", 1);
		add_row(t, row, true, &b);
	}
	return sbuf_take(&b);
}

/* One row of the screen as UTF-8 (see harness.h). */
char *term_row(struct term *t, int row)
{
	struct sbuf b = { 0 };

	read_some(t);
	if (row >= 0 && row < t->rows)
		add_row(t, row, true, &b);
	return sbuf_take(&b);
}

/* Where the cursor is and whether it shows (see harness.h). */
bool term_cursor(struct term *t, int *row, int *col)
{
	VTermPos cur;

	read_some(t);
	vterm_state_get_cursorpos(vterm_obtain_state(t->vt), &cur);
	*row = cur.row;
	*col = cur.col;
	return !t->cursor_hidden;
}

/* Prints the screen, framed with its size and cursor, to stderr. */
void term_dump(struct term *t, const char *why)
{
	VTermPos cur;

	read_some(t);
	vterm_state_get_cursorpos(vterm_obtain_state(t->vt), &cur);
	fprintf(stderr, "+--- screen %dx%d (%s) ---+\n", t->rows, t->cols, why ? why : "");
	for (int row = 0; row < t->rows; row++) {
		struct sbuf b = { 0 };

		add_row(t, row, false, &b);
		fprintf(stderr, "|%s|\n", b.oom || !b.p ? "" : b.p);
		free(b.p);
	}
	if (t->reaped)
		fprintf(stderr, "+--- cursor row %d col %d, exited with %d ---+\n", cur.row, cur.col,
			t->status);
	else
		fprintf(stderr, "+--- cursor row %d col %d ---+\n", cur.row, cur.col);
}

/* Types UTF-8 text as keystrokes through the emulator (see harness.h). */
void term_type(struct term *t, const char *utf8)
{
	const unsigned char *s = (const unsigned char *)utf8;

	while (*s) {
		uint32_t c = utf8_next(&s);

		if (c == '\r' || c == '\n')
			vterm_keyboard_key(t->vt, VTERM_KEY_ENTER, VTERM_MOD_NONE);
		else
			vterm_keyboard_unichar(t->vt, c, VTERM_MOD_NONE);
	}
	send_pending(t);
}

/* Sends one special key through the emulator (see harness.h). */
void term_key(struct term *t, enum term_key key)
{
	VTermModifier mod = VTERM_MOD_NONE;
	VTermKey vk;

	switch (key) {
	case TK_ENTER: vk = VTERM_KEY_ENTER; break;
	case TK_TAB: vk = VTERM_KEY_TAB; break;
	case TK_BACKTAB: vk = VTERM_KEY_TAB; mod = VTERM_MOD_SHIFT; break;
	case TK_BACKSPACE: vk = VTERM_KEY_BACKSPACE; break;
	case TK_ESC: vk = VTERM_KEY_ESCAPE; break;
	case TK_UP: vk = VTERM_KEY_UP; break;
	case TK_DOWN: vk = VTERM_KEY_DOWN; break;
	case TK_LEFT: vk = VTERM_KEY_LEFT; break;
	case TK_RIGHT: vk = VTERM_KEY_RIGHT; break;
	case TK_HOME: vk = VTERM_KEY_HOME; break;
	case TK_END: vk = VTERM_KEY_END; break;
	case TK_PGUP: vk = VTERM_KEY_PAGEUP; break;
	case TK_PGDN: vk = VTERM_KEY_PAGEDOWN; break;
	case TK_INS: vk = VTERM_KEY_INS; break;
	case TK_DEL: vk = VTERM_KEY_DEL; break;
	default:
		if (key >= TK_F1 && key <= TK_F12) {
			vk = VTERM_KEY_FUNCTION((int)key - (int)TK_F1 + 1);
			break;
		}
		fprintf(stderr, "term_key: unknown key %d\n", (int)key);
		return;
	}
	vterm_keyboard_key(t->vt, vk, mod);
	send_pending(t);
}

/* Sends the control byte of letter c (see harness.h). */
void term_ctrl(struct term *t, char c)
{
	char b = (char)(c & 0x1f);

	on_output(&b, 1, t);
	send_pending(t);
}

/* Resizes the emulator and the pty; the kernel sends SIGWINCH. */
void term_resize(struct term *t, int rows, int cols)
{
	struct winsize ws = { .ws_row = (unsigned short)rows, .ws_col = (unsigned short)cols };

	if (rows <= 0 || cols <= 0) {
		fprintf(stderr, "term_resize: bad size %dx%d\n", rows, cols);
		return;
	}
	read_some(t);  /* output drawn for the old size goes to the old size */
	vterm_set_size(t->vt, rows, cols);
	t->rows = rows;
	t->cols = cols;
	if (ioctl(t->fd, TIOCSWINSZ, &ws) < 0)
		fprintf(stderr, "term_resize: TIOCSWINSZ: %s\n", strerror(errno));
}

/* Output bytes counted since start or the last reset. */
size_t term_bytes(const struct term *t)
{
	return t->bytes;
}

/* Of them, the text shown (see harness.h). */
size_t term_text_bytes(const struct term *t)
{
	return t->text_bytes;
}

/* Restarts the output byte count. */
void term_reset_bytes(struct term *t)
{
	read_some(t);
	t->bytes = 0;
	t->text_bytes = 0;
}

/* Reads output until none came for quiet_ms (capped; see harness.h). */
void term_settle(struct term *t, int quiet_ms)
{
	int64_t cap = now_ms() + SETTLE_CAP_MS, last = now_ms();

	read_some(t);
	for (;;) {
		size_t before = t->bytes;
		int64_t left = last + quiet_ms - now_ms();

		if (left <= 0 || remaining_ms(cap) == 0 || t->eof)
			return;
		if (!pump(t, (int)left))
			return;
		if (t->bytes != before)
			last = now_ms();
	}
}

/* Waits for the program to exit, reading its output meanwhile. */
bool term_wait_exit(struct term *t, int timeout_ms, int *status)
{
	int64_t deadline = now_ms() + (timeout_ms > 0 ? timeout_ms : 0);

	for (;;) {
		try_reap(t);
		if (t->reaped) {
			read_some(t);
			if (status)
				*status = t->status;
			return true;
		}
		if (remaining_ms(deadline) == 0)
			return false;
		if (t->pidfd >= 0)
			pump(t, remaining_ms(deadline));
		else
			pump(t, remaining_ms(deadline) < POLL_SLICE_MS ? remaining_ms(deadline)
								     : POLL_SLICE_MS);
	}
}

/* Sends sig to the program if it is still running. */
void term_signal(struct term *t, int sig)
{
	try_reap(t);
	if (!t->reaped && kill(t->pid, sig) < 0)
		fprintf(stderr, "term_signal: %s\n", strerror(errno));
}

/* Signals the program's process group (the child leads it) or the child. */
static void kill_group(const struct term *t, int sig)
{
	if (kill(-t->pid, sig) < 0)
		kill(t->pid, sig);
}

/* Stops the program if needed and frees everything (see harness.h). */
void term_free(struct term **tp)
{
	struct term *t;

	if (!tp || !*tp)
		return;
	t = *tp;
	try_reap(t);
	if (!t->reaped) {
		kill_group(t, SIGTERM);
		if (!term_wait_exit(t, TERM_GRACE_MS, NULL)) {
			kill_group(t, SIGKILL);
			if (!term_wait_exit(t, KILL_GRACE_MS, NULL))
				fprintf(stderr, "term_free: process %d did not die\n", (int)t->pid);
		}
	}
	free_parts(t);
	*tp = NULL;
}
