# Two commands on a fresh machine: `make run` (demo dashboard on the sample corpus)
# and `make test` (every test). Both create .venv and install what they need.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SAMPLE := data/sample
SAMPLE_MARKER := $(SAMPLE)/.generated-sample.json
INDEX  := data/index

.PHONY: run test screenshots install install-test sample clean help

help:
	@echo "make run    set up, generate the sample corpus if absent, index it, serve the dashboard on :8050"
	@echo "make test   set up with test extras and run every test"
	@echo "make screenshots  refresh docs/screenshots/*.png from the browser tests"
	@echo "make sample (re)generate the sample corpus into $(SAMPLE)"
	@echo "make clean  remove .venv, caches and the generated sample corpus"

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Python 3.11 or newer is needed (found: $$($(PYTHON) --version))"; exit 1; }
	@$(PYTHON) -m venv $(VENV) || \
		{ echo "could not create $(VENV): on Debian/Ubuntu install python3-venv (apt-get install python3-venv)"; exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	@touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

$(SAMPLE_MARKER): | $(VENV)/.installed
	$(BIN)/bulletins sample --out $(SAMPLE)

sample: $(VENV)/.installed
	rm -rf $(SAMPLE)
	$(BIN)/bulletins sample --out $(SAMPLE)

run: $(VENV)/.installed $(SAMPLE_MARKER)
	$(BIN)/bulletins ingest $(SAMPLE) --index $(INDEX)
	@echo "Bulletin Explorer on http://127.0.0.1:8050 (generated sample data; Ctrl+C stops it)"
	$(BIN)/bulletins serve --index $(INDEX) --port 8050 --public

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest

screenshots: $(VENV)/.installed-test
	BULLETINS_SCREENSHOTS=1 $(BIN)/python -m pytest tests/dashboard/test_browser.py -k "typing_a_query or ticking_a_partner or clicking_a_monthly or item_view"

clean:
	rm -rf $(VENV) $(SAMPLE) $(INDEX) .pytest_cache .hypothesis
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
