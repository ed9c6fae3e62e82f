# Taimako: a plain Makefile. `make`, `make run`, `make check`, `make install`.
PKG_CONFIG ?= pkg-config
PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
DATADIR    ?= $(PREFIX)/share
LOCALEDIR  ?= $(DATADIR)/locale
MANDIR     ?= $(DATADIR)/man
DESTDIR    ?=
VERSION    := 0.1.0

CC      ?= cc
CFLAGS  ?= -O2 -g
WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
           -Wformat=2 -Wvla
PKGS    := ncursesw sqlite3 libutf8proc libcrypt nettle zlib
PKG_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null) -lcsv
ALL_CPPFLAGS := -Iinclude -Isrc -Ibuild/gen \
                -DTAIMAKO_VERSION='"$(VERSION)"' -DTAIMAKO_LOCALEDIR='"$(LOCALEDIR)"' \
                $(PKG_CFLAGS) $(CPPFLAGS)
ALL_CFLAGS := -std=c11 $(WARN) $(CFLAGS)

B := build
SRC_LIB := $(wildcard src/core/*.c src/db/*.c src/demo/*.c src/ui/*.c screens/*.c src/modules/*.c src/cli/*.c) $(B)/gen/migrations.c
OBJ_LIB := $(patsubst %.c,$(B)/obj/%.o,$(SRC_LIB:$(B)/gen/%=gen/%))
MIGRATIONS := $(sort $(wildcard src/db/migrations/*.sql))

LANGS := fr en
MO := $(foreach l,$(LANGS),$(B)/locale/$(l)/LC_MESSAGES/taimako.mo)

.PHONY: all run demo-db check unit e2e bench install uninstall clean po cppcheck deps crashtest soak fuzz fuzz-bin
all: taimako $(MO)

taimako: $(B)/obj/src/main.o $(B)/libtaimako.a
	$(call say,LINK,$@)
	$(Q)$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(PKG_LIBS) $(LDLIBS)

# Only main.c knows the version and where the catalogues are installed; it
# is rebuilt when they change (make install PREFIX=/usr after a plain make).
CONFIG := $(VERSION) $(LOCALEDIR)
$(B)/obj/src/main.o: ALL_CPPFLAGS += -DTAIMAKO_VERSION='"$(VERSION)"' -DTAIMAKO_LOCALEDIR='"$(LOCALEDIR)"'
$(B)/obj/src/main.o: $(B)/config
$(B)/config: FORCE
	@mkdir -p $(B)
	@echo '$(CONFIG)' | cmp -s - $@ || echo '$(CONFIG)' > $@
.PHONY: FORCE

$(B)/libtaimako.a: $(OBJ_LIB)
	$(Q)rm -f $@ && $(AR) rcs $@ $^

# Short lines while building; `make V=1` shows the whole commands.
V ?= 0
Q := $(if $(filter 1,$(V)),,@)
say = $(if $(Q),@printf '  %-6s %s\n' $(1) $(2))

$(B)/obj/%.o: %.c
	@mkdir -p $(@D)
	$(call say,CC,$<)
	$(Q)$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(B)/obj/gen/%.o: $(B)/gen/%.c
	@mkdir -p $(@D)
	$(call say,CC,$<)
	$(Q)$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

# The names of the migrations, rewritten only when the set changes: a
# migration deleted or renamed makes the embedded list again too.
$(B)/migration-list: FORCE
	@mkdir -p $(B)
	@echo '$(notdir $(MIGRATIONS))' | cmp -s - $@ || echo '$(notdir $(MIGRATIONS))' > $@

$(B)/gen/migrations.c: $(MIGRATIONS) $(B)/migration-list scripts/embed-sql.sh
	@mkdir -p $(@D)
	$(call say,GEN,$@)
	$(Q)sh scripts/embed-sql.sh $@ $(MIGRATIONS)

$(B)/locale/%/LC_MESSAGES/taimako.mo: locale/%.po
	@mkdir -p $(@D)
	$(call say,MSGFMT,$<)
	$(Q)msgfmt -c -o $@ $<

# ---- running -------------------------------------------------------------
# The demo database holds DEMO_PERSONS synthetic people (5,000: about a
# second); its name says how many, so a larger one is made beside it
# (make run DEMO_PERSONS=200000) and an older one is never reused.
DEMO_PERSONS ?= 5000
DEMO_DB ?= $(B)/demo-$(DEMO_PERSONS).db
run:
	@sh scripts/deps.sh run
	@$(MAKE) --no-print-directory all
	@$(MAKE) --no-print-directory demo-db
	TAIMAKO_LOCALEDIR=$(B)/locale ./taimako --db $(DEMO_DB)

# Creates the demo database when it does not exist yet (needs ./taimako).
demo-db:
	@test -f $(DEMO_DB) || ./taimako --db $(DEMO_DB) demo --persons $(DEMO_PERSONS)

# ---- tests ---------------------------------------------------------------
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(patsubst tests/unit/%.c,$(B)/tests/%,$(UNIT_SRC))
ASAN_BIN := $(patsubst tests/unit/%.c,$(B)/asan/%,$(UNIT_SRC))
E2E_SRC  := $(wildcard tests/e2e/test_*.c)
E2E_BIN  := $(patsubst tests/e2e/%.c,$(B)/tests/e2e_%,$(E2E_SRC))
TEST_LIBS := $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null)
SAN := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
ASAN_OBJ := $(patsubst $(B)/obj/%,$(B)/asan/obj/%,$(OBJ_LIB))

$(B)/tests/test_%: tests/unit/test_%.c $(B)/libtaimako.a
	@mkdir -p $(@D)
	$(call say,TEST,$@)
	$(Q)$(CC) $(ALL_CPPFLAGS) -Itests $(ALL_CFLAGS) -MMD -MP -o $@ $< $(B)/libtaimako.a $(TEST_LIBS) $(PKG_LIBS)

$(B)/asan/obj/%.o: %.c
	@mkdir -p $(@D)
	$(call say,CC-SAN,$<)
	$(Q)$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -O1 $(SAN) -MMD -MP -c -o $@ $<

$(B)/asan/obj/gen/%.o: $(B)/gen/%.c
	@mkdir -p $(@D)
	$(call say,CC-SAN,$<)
	$(Q)$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -O1 $(SAN) -c -o $@ $<

$(B)/asan/libtaimako.a: $(ASAN_OBJ)
	$(Q)rm -f $@ && $(AR) rcs $@ $^

$(B)/asan/test_%: tests/unit/test_%.c $(B)/asan/libtaimako.a
	@mkdir -p $(@D)
	$(call say,TEST,$@)
	$(Q)$(CC) $(ALL_CPPFLAGS) -Itests $(ALL_CFLAGS) -O1 $(SAN) -o $@ $< $(B)/asan/libtaimako.a $(TEST_LIBS) $(PKG_LIBS)

E2E_LIBS := $(shell $(PKG_CONFIG) --libs vterm ncursesw sqlite3 2>/dev/null) -lutil
$(B)/tests/e2e_%: tests/e2e/%.c $(B)/obj/tests/e2e/harness.o
	@mkdir -p $(@D)
	$(call say,TEST,$@)
	$(Q)$(CC) $(ALL_CPPFLAGS) -Itests/e2e $(ALL_CFLAGS) -MMD -MP -o $@ $^ $(TEST_LIBS) $(E2E_LIBS)

$(B)/tests/fixture_keys: tests/e2e/fixture_keys.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -o $@ $< $(PKG_LIBS)

check:
	@sh scripts/deps.sh check
	@$(MAKE) --no-print-directory all $(UNIT_BIN) $(ASAN_BIN) $(E2E_BIN) $(B)/tests/fixture_keys $(FUZZ_CHECK_BIN) $(ATTACK_CHECK)
	@TAIMAKO=$(CURDIR)/taimako TAIMAKO_LOCALEDIR=$(CURDIR)/$(B)/locale \
	  FIXTURE_KEYS=$(CURDIR)/$(B)/tests/fixture_keys $(ATTACK_CHECK_ENV) \
	  sh scripts/run-tests.sh $(UNIT_BIN) $(ASAN_BIN) $(FUZZ_CHECK_BIN) $(E2E_BIN) $(ATTACK_CHECK)

# ---- attacks: kill -9 during writes, many sessions at once ---------------
# Each write path of the data layer is one row of tests/attack/ops.c.
ATTACK_SRC := tests/attack/attack.c tests/attack/ops.c $(wildcard tests/attack/ops_*.c)
$(B)/attack/%: tests/attack/%.c $(ATTACK_SRC) tests/attack/attack.h tests/attack/ops_private.h $(B)/libtaimako.a
	@mkdir -p $(@D)
	$(call say,ATTACK,$@)
	$(Q)$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -o $@ $< $(ATTACK_SRC) $(B)/libtaimako.a $(PKG_LIBS)

CRASH_ROUNDS ?= 200
CRASH_WRITERS ?= 1
SOAK_SECONDS ?= 120
SOAK_SESSIONS ?= 16
SOAK_PERSONS ?= 20000
# The short versions that `make check` runs (about 10 s together).
ATTACK_CHECK := $(B)/attack/crashtest $(B)/attack/soak
ATTACK_CHECK_ENV := CRASH_ROUNDS=10 CRASH_WRITERS=2 SOAK_SECONDS=5 SOAK_SESSIONS=6
crashtest:
	@$(MAKE) --no-print-directory all $(B)/attack/crashtest
	@CRASH_ROUNDS=$(CRASH_ROUNDS) CRASH_WRITERS=$(CRASH_WRITERS) $(B)/attack/crashtest $(CURDIR)/taimako
soak:
	@$(MAKE) --no-print-directory all $(B)/attack/soak
	@SOAK_SECONDS=$(SOAK_SECONDS) SOAK_SESSIONS=$(SOAK_SESSIONS) SOAK_PERSONS=$(SOAK_PERSONS) $(B)/attack/soak $(CURDIR)/taimako

# ---- fuzzing -------------------------------------------------------------
# tests/fuzz/fuzz_<name>.c: one libFuzzer target per parser of outside
# input, its seed corpus in tests/fuzz/corpus/<name>/. `make check` runs
# each with the usual compiler through a small driver (every corpus file,
# then FUZZ_RUNS seeded mutations) under ASan/UBSan; `make fuzz` builds
# them with clang and libFuzzer and runs each for FUZZ_SECONDS.
FUZZ_NAMES := $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_CHECK_BIN := $(patsubst %,$(B)/fuzzcheck/fuzz_%,$(FUZZ_NAMES))
FUZZ_BIN := $(patsubst %,$(B)/fuzz/fuzz_%,$(FUZZ_NAMES))
FUZZ_CC ?= clang
FUZZ_SECONDS ?= 60
FUZZ_SAN := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
FUZZ_OBJ := $(patsubst $(B)/obj/%,$(B)/fuzz/obj/%,$(OBJ_LIB))

$(B)/fuzzcheck/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/driver.c tests/fuzz/fuzz.h $(B)/asan/libtaimako.a
	@mkdir -p $(@D)
	$(call say,TEST,$@)
	$(Q)$(CC) $(ALL_CPPFLAGS) -Itests/fuzz $(ALL_CFLAGS) -O1 $(SAN) -DFUZZ_CORPUS='"$(CURDIR)/tests/fuzz/corpus/$*"' \
	  -o $@ tests/fuzz/fuzz_$*.c tests/fuzz/driver.c $(B)/asan/libtaimako.a $(PKG_LIBS)

$(B)/fuzz/obj/%.o: %.c
	@mkdir -p $(@D)
	$(call say,CC-FUZZ,$<)
	$(Q)$(FUZZ_CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -O1 -g $(FUZZ_SAN) -fsanitize=fuzzer-no-link -c -o $@ $<

$(B)/fuzz/obj/gen/%.o: $(B)/gen/%.c
	@mkdir -p $(@D)
	$(call say,CC-FUZZ,$<)
	$(Q)$(FUZZ_CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -O1 -g $(FUZZ_SAN) -fsanitize=fuzzer-no-link -c -o $@ $<

$(B)/fuzz/libtaimako.a: $(FUZZ_OBJ)
	$(Q)rm -f $@ && $(AR) rcs $@ $^

$(B)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(B)/fuzz/libtaimako.a
	$(call say,FUZZ,$@)
	$(Q)$(FUZZ_CC) $(ALL_CPPFLAGS) -Itests/fuzz $(ALL_CFLAGS) -O1 -g $(FUZZ_SAN) -fsanitize=fuzzer \
	  -o $@ $< $(B)/fuzz/libtaimako.a $(PKG_LIBS)

fuzz:
	@sh scripts/deps.sh fuzz
	@$(MAKE) --no-print-directory fuzz-bin
	@sh scripts/fuzz.sh $(FUZZ_SECONDS) $(B)/fuzz $(FUZZ_NAMES)
fuzz-bin: $(FUZZ_BIN)
	@:

# ---- benchmark (not part of check) ---------------------------------------
$(B)/bench/bench_data: tests/bench/bench_data.c $(B)/libtaimako.a
	@mkdir -p $(@D)
	$(call say,BENCH,$@)
	$(Q)$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -o $@ $< $(B)/libtaimako.a $(PKG_LIBS)

$(B)/bench/bench_lists: tests/bench/bench_lists.c $(B)/libtaimako.a
	@mkdir -p $(@D)
	$(call say,BENCH,$@)
	$(Q)$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -o $@ $< $(B)/libtaimako.a $(PKG_LIBS)

$(B)/bench/bench_roll: tests/bench/bench_roll.c $(B)/libtaimako.a
	@mkdir -p $(@D)
	$(call say,BENCH,$@)
	$(Q)$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -o $@ $< $(B)/libtaimako.a $(PKG_LIBS)

$(B)/bench/bench_counter: tests/bench/bench_counter.c tests/e2e/harness.c $(B)/libtaimako.a
	@mkdir -p $(@D)
	$(call say,BENCH,$@)
	$(Q)$(CC) $(ALL_CPPFLAGS) -Itests/e2e $(ALL_CFLAGS) -o $@ tests/bench/bench_counter.c tests/e2e/harness.c \
	  $(B)/libtaimako.a $(PKG_LIBS) $(E2E_LIBS)

$(B)/bench/bench_report: tests/bench/bench_report.c $(B)/libtaimako.a
	@mkdir -p $(@D)
	$(call say,BENCH,$@)
	$(Q)$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -o $@ $< $(B)/libtaimako.a $(PKG_LIBS)

$(B)/bench/bench_sync: tests/bench/bench_sync.c $(B)/libtaimako.a
	@mkdir -p $(@D)
	$(call say,BENCH,$@)
	$(Q)$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -o $@ $< $(B)/libtaimako.a $(PKG_LIBS)

$(B)/bench/bench_term: tests/bench/bench_term.c tests/e2e/harness.c
	@mkdir -p $(@D)
	$(call say,BENCH,$@)
	$(Q)$(CC) $(ALL_CPPFLAGS) -Itests/e2e $(ALL_CFLAGS) -o $@ $^ $(E2E_LIBS)

BENCH_SIZES ?= 20000 2000000
AUDIT_SIZES ?= 1000 1000000
bench:
	@sh scripts/deps.sh check
	@$(MAKE) --no-print-directory all $(B)/bench/bench_data $(B)/bench/bench_term $(B)/bench/bench_lists \
	  $(B)/bench/bench_roll $(B)/bench/bench_counter $(B)/bench/bench_report $(B)/bench/bench_sync
	@AUDIT_SIZES='$(AUDIT_SIZES)' BENCH_LISTS=$(B)/bench/bench_lists BENCH_ROLL=$(B)/bench/bench_roll \
	  BENCH_COUNTER=$(B)/bench/bench_counter BENCH_REPORT=$(B)/bench/bench_report \
	  sh scripts/bench.sh $(CURDIR)/taimako $(B)/bench/bench_data $(B)/bench/bench_term \
	  $(CURDIR)/$(B)/locale $(BENCH_SIZES)
	@sh scripts/bench-import.sh $(CURDIR)/taimako
	@d=$$(mktemp -d) && $(B)/bench/bench_sync $$d 10000; rc=$$?; rm -rf $$d; exit $$rc

cppcheck:
	cppcheck --quiet --enable=warning,style,performance,portability --error-exitcode=1 \
	  --inline-suppr --std=c11 -Iinclude -Isrc/db --suppress=missingIncludeSystem \
	  -Itests -Itests/unit -Itests/e2e src screens tests

# ---- translations --------------------------------------------------------
po:
	xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --package-name=taimako \
	  --package-version=$(VERSION) --add-comments=TRANSLATORS: --add-location=file -o locale/taimako.pot \
	  $(sort $(wildcard src/*.c src/*/*.c screens/*.c))
	msgmerge -q --update --backup=none --add-location=file locale/fr.po locale/taimako.pot
	msgen -o locale/en.po locale/taimako.pot
	sed -i -e 's/^"Language: .*/"Language: en\\n"/' \
	  -e 's/^"Plural-Forms: .*/"Plural-Forms: nplurals=2; plural=(n != 1);\\n"/' \
	  -e 's/^"PO-Revision-Date: .*/"PO-Revision-Date: 2026-11-22 00:00+0000\\n"/' \
	  -e 's/^"Last-Translator: .*/"Last-Translator: Taimako team\\n"/' \
	  -e 's/^"Language-Team: .*/"Language-Team: English\\n"/' locale/en.po

# ---- install -------------------------------------------------------------
install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1
	install -m 755 taimako $(DESTDIR)$(BINDIR)/taimako
	install -m 644 taimako.1 $(DESTDIR)$(MANDIR)/man1/taimako.1
	for l in $(LANGS); do \
	  install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES && \
	  install -m 644 $(B)/locale/$$l/LC_MESSAGES/taimako.mo $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/taimako.mo; \
	done

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/taimako $(DESTDIR)$(MANDIR)/man1/taimako.1
	for l in $(LANGS); do rm -f $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/taimako.mo; done

clean:
	rm -rf $(B) taimako

-include $(shell find $(B) -name '*.d' 2>/dev/null)
