# storyline: `make demo` and `make test` work on a fresh machine with Python 3.11+, make and git.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
DEMO   := demo-output

.PHONY: install demo test test-quick lint typecheck bench clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "storyline needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@rm -f $(VENV)/.installed-*
	@touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	@mkdir -p $(DEMO)
	@rm -f $(DEMO)/storyline.db*
	$(BIN)/storyline ingest src/storyline/examples --db $(DEMO)/storyline.db
	$(BIN)/storyline export --db $(DEMO)/storyline.db -o $(DEMO)/export.jsonl
	$(BIN)/storyline summary --db $(DEMO)/storyline.db
	$(BIN)/storyline timeline --db $(DEMO)/storyline.db
	@echo "Starting the dashboard over the demo store (Ctrl+C stops it)."
	$(BIN)/storyline serve --db $(DEMO)/storyline.db

# The whole suite, slow parts included (what CI runs).
test: $(STAMP)
	$(BIN)/python -m pytest

# Skip the slow suites (benchmarks, large corpora) while working.
test-quick: $(STAMP)
	$(BIN)/python -m pytest -m "not slow"

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy src

bench: $(STAMP)
	$(BIN)/python benchmarks/scrapinghub.py

clean:
	rm -rf $(VENV) $(DEMO) build dist src/*.egg-info .pytest_cache .ruff_cache .mypy_cache
