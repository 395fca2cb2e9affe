# Two entry points: `make run` (install, ingest corpus/, serve on :8000) and `make test`.
PY      ?= python3.11
VENV    := .venv
BIN     := $(VENV)/bin
HOST    ?= 127.0.0.1
PORT    ?= 8000
APT_PKGS      := libvoikko1 voikko-fi fonts-dejavu-core
APT_TEST_PKGS := chromium
# axe-core for the widget's accessibility test (tests/api), kept out of git in .cache/.
AXE := .cache/npm/node_modules/axe-core/axe.min.js

.PHONY: run test install install-test system-deps system-test-deps ingest serve lint bench clean

run: install ingest serve

$(BIN)/python:
	@command -v $(PY) >/dev/null 2>&1 || { echo "error: $(PY) not found (Python 3.11 required)"; exit 1; }
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	# CPU build on disk here; an unpinned torch would download several GB.
	$(BIN)/pip install -q torch==2.13.0

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install -q -e .
	@touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(BIN)/pip install -q -e '.[test,st]'
	@touch $@

install: system-deps $(VENV)/.installed
install-test: system-deps system-test-deps $(VENV)/.installed-test $(AXE)

# Debian packages, installed only where missing (root or sudo needed the first time).
system-deps:
	@bash .ci/apt-ensure $(APT_PKGS)
system-test-deps:
	@bash .ci/apt-ensure $(APT_TEST_PKGS)

$(AXE):
	@command -v npm >/dev/null 2>&1 || { echo "warning: npm not found; the axe-core test is skipped" >&2; exit 0; }
	npm install --prefix .cache/npm --no-audit --no-fund --silent axe-core@4

ingest: install
	$(BIN)/hakuapu ingest

serve: install
	$(BIN)/hakuapu serve --host $(HOST) --port $(PORT)

test: install-test
	$(BIN)/ruff check .
	$(BIN)/pytest -q $(PYTEST_ARGS)

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: install-test
	$(BIN)/python bench/retrieval.py ../shared/eval/tydiqa-fi

clean:
	rm -rf data .pytest_cache
