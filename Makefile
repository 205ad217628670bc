# The two commands of the README: `make demo` and `make test`. Each works on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

.PHONY: demo test install system-deps lint messages lib-messages catalogues panduan bench mutation clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

# Debian packages: Chromium for browser tests, poppler for PDF checks, gettext for translations, postgresql-client
# for `balekdusun backup`/`restore` on PostgreSQL (pg_dump, pg_restore).
system-deps:
	@missing=""; \
	for pair in chromium:/usr/bin/chromium pdftoppm:/usr/bin/pdftoppm msgfmt:/usr/bin/msgfmt pg_dump:/usr/bin/pg_dump; do \
	  cmd=$${pair%%:*}; path=$${pair#*:}; [ -x "$$path" ] || missing="$$missing $$cmd"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages for:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq \
	    chromium poppler-utils gettext postgresql-client >/dev/null; \
	fi

# Compiles every catalogue under balekdusun/: each app's <app>/locale and the project-level locale/ (lib's messages).
messages: install
	cd balekdusun && BALEKDUSUN_MODE=demo ../$(BIN)/balekdusun compilemessages -v 0

# After changing a message of balekdusun/lib/: extracts lib's messages into the project-level catalogue
# balekdusun/locale (settings.LOCALE_PATHS; lib is no app) and fills it from tools/translations/lib.py. Needs gettext.
lib-messages: install
	cd balekdusun/lib && BALEKDUSUN_MODE=demo ../../$(BIN)/balekdusun makemessages -l id --no-obsolete --ignore tests -v 0
	$(BIN)/python tools/po_fill.py balekdusun/locale/id/LC_MESSAGES/django.po tools/translations/lib.py

# After changing messages or tools/translations/*.py: extracts every app's messages (and lib's), fills them from the
# app's dict with --update (the dict wins over the catalogue) and compiles. Needs gettext.
catalogues: install
	@for app in $$(cd balekdusun && ls -d */locale | cut -d/ -f1); do \
	  (cd balekdusun/$$app && BALEKDUSUN_MODE=demo ../../$(BIN)/balekdusun makemessages -l id --no-obsolete --ignore tests -v 0) || exit 1; \
	  $(BIN)/python tools/po_fill.py balekdusun/$$app/locale/id/LC_MESSAGES/django.po tools/translations/$$app.py --update || exit 1; \
	done
	cd balekdusun/lib && BALEKDUSUN_MODE=demo ../../$(BIN)/balekdusun makemessages -l id --no-obsolete --ignore tests -v 0
	$(BIN)/python tools/po_fill.py balekdusun/locale/id/LC_MESSAGES/django.po tools/translations/lib.py --update
	$(MAKE) messages

demo: install system-deps messages
	$(BIN)/balekdusun demo

test: install system-deps messages
	$(BIN)/ruff check balekdusun bench tools conftest.py
	$(BIN)/pytest -n 2 --dist loadgroup

lint: install
	$(BIN)/ruff check balekdusun bench tools conftest.py

# The Indonesian user guide per role (docs/panduan): walks each role in Chromium on the demo data, saving a
# screenshot of every page, then writes the pages from balekdusun/core/tests/walk.py.
panduan: install system-deps messages
	rm -f docs/panduan/img/*.jpg docs/panduan/img/*.json
	PANDUAN_DIR=docs/panduan $(BIN)/pytest -q -p no:randomly -p no:xdist balekdusun/core/tests/test_walk.py
	$(BIN)/python tools/panduan.py docs/panduan

bench: install
	@for b in bench/*.py; do $(BIN)/python $$b --quick || exit 1; done

mutation: install
	$(BIN)/python tools/mutation.py $(MUTATION_ARGS)

clean:
	rm -rf $(VENV) staticfiles *.sqlite3* mutants
