# OneWindow — the two commands a newcomer needs are `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TS     := $(wildcard resources/translations/*.ts)
QM     := $(TS:.ts=.qm)
PKGS   := clerk_app ui printing central_server onewindow_protocol onewindow_base
export QT_QPA_PLATFORM ?= offscreen

.PHONY: run test test-fast bench samples lint fmt typecheck contracts translations lupdate system-deps pytest \
        screenshots voice-clips dist deb dist-test icons

DIST_STAMP := $(VENV)/.installed-dist

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	@touch $@

# Debian packages Qt needs to start (offscreen in tests, xcb on a desktop); installed when missing.
system-deps:
	@sh tools/system-deps.sh

resources/translations/%.qm: resources/translations/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

translations: $(QM)

# Refresh the .ts catalogues from the sources (keeps existing translations).
lupdate: $(STAMP)
	$(BIN)/pyside6-lupdate -no-obsolete $$(find ui -name '*.py') -ts $(TS)

# The settings reference in docs/deployment.*.md, from the settings' descriptions
# (clerk_app/settings_schema.py); a test fails while the committed guides differ.
.PHONY: settings-doc
settings-doc: $(STAMP)
	$(BIN)/python -m clerk_app.settings_doc

run: $(STAMP) translations
	QT_QPA_PLATFORM= $(BIN)/clerk-app run --seed-demo --with-server

fmt: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

lint: $(STAMP)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/vulture

typecheck: $(STAMP)
	$(BIN)/mypy

contracts: $(STAMP)
	$(BIN)/lint-imports

# Every test, with line coverage; the total is printed last (`.venv/bin/coverage report` lists
# each file afterwards).
pytest: $(STAMP) translations
	$(BIN)/python -m pytest -n 3 --dist loadgroup -q --durations=15 $(addprefix --cov=,$(PKGS)) --cov-report=
	@echo "coverage: $$($(BIN)/coverage report --format=total)% of the lines of $(PKGS)"

# The quick lane while working: everything but the tests marked slow (see pyproject's markers),
# no coverage. `make test` still runs them all.
test-fast: $(STAMP) translations
	$(BIN)/python -m pytest -n 3 --dist loadgroup -q -m "not slow"

test: system-deps $(STAMP) translations lint typecheck contracts pytest

bench: system-deps $(STAMP) $(DIST_STAMP) translations
	$(BIN)/python -m bench

# The desktop bundle (PyInstaller, one folder) in dist/onewindow, its size measured; skipped when
# nothing that goes into it changed. `make deb` packages it, `make dist-test` proves both.
$(DIST_STAMP): pyproject.toml $(STAMP)
	$(BIN)/python -m pip install -q -e '.[dev,dist]'
	@touch $@

dist: system-deps $(DIST_STAMP) translations
	$(BIN)/python -m installer.build dist

deb: dist
	$(BIN)/python -m installer.deb

dist-test: dist
	$(BIN)/python -m installer.build test

# The app's and each mode's icon (SVG, PNG, ICO) in resources/icons/.
icons: $(STAMP)
	$(BIN)/python tools/make_icons.py

# Each hall screen at 1920x1080 with demo data, under Xvfb, into docs/screenshots/; the clerk's
# and the supervisor's screens again in English (*-en.png) for the English guides.
screenshots: system-deps $(STAMP) translations
	QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1920x1080x24" $(BIN)/python tools/screenshots.py
	QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1920x1080x24" $(BIN)/python tools/screenshots.py --lang en

# Regenerate the clip pack in resources/voice/ with espeak-ng (see resources/voice/README.md).
voice-clips:
	python3 tools/make_voice_clips.py
# Every paper from the real counter flow on a throwaway demo hall (clerk_app.samples), as PDF
# and PNG (and the ticket as ESC/POS bytes) under docs/samples/
samples: $(STAMP)
	$(BIN)/python -m clerk_app.sample_files docs/samples
