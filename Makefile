# Two commands do all the set-up on a fresh machine:
#   make demo   the main job on the embedded default
#   make test   the test suite (what CI runs)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test test-fast bench

$(BIN)/resodiff: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(BIN)/resodiff

demo: $(BIN)/resodiff
	$(BIN)/resodiff demo

test: $(BIN)/resodiff
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/pytest

# the edit loop: no corpus, no browser, nothing slow (CI runs everything: make test)
test-fast: $(BIN)/resodiff
	$(BIN)/pytest -m "not corpus and not browser and not slow"

bench: $(BIN)/resodiff
	$(BIN)/python benchmarks/run.py
