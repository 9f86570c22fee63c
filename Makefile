# Two commands do all the set-up on a fresh machine:
#   make demo   the main job on the embedded default
#   make test   the test suite (what CI runs, with make docs and make dist: .ci/run)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test test-fast bench docs dist

$(BIN)/resodiff: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,docs,release,pdf]'
	touch $(BIN)/resodiff

demo: $(BIN)/resodiff
	$(BIN)/resodiff demo

test: $(BIN)/resodiff
	$(BIN)/ruff check src tests benchmarks tools
	$(BIN)/ruff format --check src tests benchmarks tools
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/pytest

# the edit loop: no corpus, no browser, no LibreOffice, nothing slow (CI runs everything: make test)
test-fast: $(BIN)/resodiff
	$(BIN)/pytest -m "not corpus and not browser and not office and not slow"

bench: $(BIN)/resodiff
	$(BIN)/python benchmarks/run.py

# the documentation site, in site/ (any warning fails the build)
docs: $(BIN)/resodiff
	NO_MKDOCS_2_WARNING=1 DISABLE_MKDOCS_2_WARNING=true $(BIN)/mkdocs build --strict

# the wheel and the sdist, in dist/, checked as PyPI would, then installed and run in a fresh venv
dist: $(BIN)/resodiff
	rm -rf dist build/wheel-venv
	$(BIN)/python -m build --outdir dist .
	$(BIN)/twine check --strict dist/*
	$(PYTHON) -m venv build/wheel-venv
	build/wheel-venv/bin/pip install --quiet dist/*.whl
	cd build && wheel-venv/bin/python ../.ci/check-wheel.py
