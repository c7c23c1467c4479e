# Gloss: `make site` builds the sample digest, `make test` runs every test.
SWIFT ?= swift
PREFIX ?= /usr/local
BIN := .build/debug/gloss

.PHONY: all deps site test unit-tests check theme bench install clean

all: site

# System packages the build needs (libcmark-dev for the cmark system-library target).
deps:
	@scripts/ensure-packages libcmark-dev pkg-config

$(BIN): deps FORCE
	$(SWIFT) build --product gloss

FORCE:

# Build the sample digest in this repo: content/ → site/.
site: $(BIN)
	$(BIN) build --source . --output site

# Report problems in the sample digest without writing anything.
check: $(BIN)
	$(BIN) check --source .

test: deps
	$(SWIFT) build --product gloss
	$(SWIFT) test

# Regenerate the built-in theme from Templates/ (a test fails when they drift apart).
theme:
	scripts/embed-theme

bench: deps
	$(SWIFT) run -c release GlossBench

install: deps
	$(SWIFT) build -c release --product gloss
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 .build/release/gloss $(DESTDIR)$(PREFIX)/bin/gloss

clean:
	rm -rf .build
