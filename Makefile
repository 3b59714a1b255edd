# Two commands set up a fresh machine: `make run` and `make test` (see README).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: run test bench lint fuzz dist dist-check screenshots translations clean install

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e ".[test,dev]"
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

run: install
	$(VENV)/bin/antq-desktop

test: install
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

bench: install
	QT_QPA_PLATFORM=offscreen $(PY) bench/run.py

dist: install
	$(PY) installer/make_dist.py

# Build the one-folder bundle once, check the size budget and run the frozen self-tests (CI).
dist-check: install
	$(PY) installer/make_dist.py --self-test

screenshots: install
	QT_QPA_PLATFORM=offscreen $(PY) docs/screenshots/make_screenshots.py

translations: install
	resources/translations/update.sh

# A longer fuzzing run of the package reader and merge (make test runs a short one).
fuzz: install
	QT_QPA_PLATFORM=offscreen $(PY) tests/fuzz/run_long.py

# ruff on everything, then mypy on src/ (its configuration, strict parts included, is in pyproject.toml).
lint: install
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/mypy

clean:
	rm -rf $(VENV) build dist .pytest_cache
