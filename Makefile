# Two commands do all set-up on a fresh machine (Python 3.11+ and make):
#   make report   create .venv, install, register the kernel, build data, write reports/
#   make test     the same plus dev extras, then lint and the whole test suite
#   make test-fast  the edit-test loop: no notebooks, browser or LibreOffice (not slow, not system)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
KHCN   := $(BIN)/khcn
RUNTIME_STAMP := $(VENV)/.installed-runtime
BYTECODE_STAMP := $(VENV)/.compiled-venv
SOURCE_STAMP   := $(VENV)/.compiled-source
DEV_STAMP     := $(VENV)/.installed-dev
BENCH_STAMP   := $(VENV)/.installed-bench
# pytest-xdist workers for make test / test-fast (tests/conftest.py builds shared data once per worker).
TEST_WORKERS ?= 2
export MPLBACKEND := Agg
export PYDEVD_DISABLE_FILE_VALIDATION := 1
# Tests write Python's bytecode cache (__pycache__, ignored by git) even where the environment sets
# PYTHONDONTWRITEBYTECODE: without the cache every pytest worker and every `khcn` a test starts
# compiles pandas, matplotlib, the library and pytest's assertion rewrites from source again.
lint test test-fast: export PYTHONDONTWRITEBYTECODE :=

# uv installs in seconds; plain pip is the fallback when uv is not available. Both write
# bytecode (pip does by default, uv when asked): where PYTHONDONTWRITEBYTECODE is set, a venv
# without it compiles pandas, matplotlib and the rest from source in every process (2-3 s each).
define pip_install
	if [ -x $(BIN)/uv ]; then $(BIN)/uv pip install --quiet --compile-bytecode --python $(BIN)/python $(1); \
	else $(BIN)/python -m pip install --quiet $(1); fi
endef

.PHONY: install install-dev report test test-fast lint bench clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "khcn-workbook needs Python 3.11 or newer, found " + sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	-$(BIN)/python -m pip install --quiet --upgrade pip uv

$(RUNTIME_STAMP): $(BIN)/python pyproject.toml
	$(call pip_install,-e .)
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (khcn-workbook)" >/dev/null
	touch $@

$(DEV_STAMP): $(RUNTIME_STAMP)
	$(call pip_install,-e '.[dev]')
	touch $@

comma := ,
$(BENCH_STAMP): $(DEV_STAMP)
	$(call pip_install,-e '.[dev$(comma)bench]')
	touch $@

# Bytecode for the venv (also one made before uv was asked for it) and for our own source, whose
# changed modules are compiled again: every kernel, test worker and khcn command imports them.
$(BYTECODE_STAMP): $(RUNTIME_STAMP)
	$(BIN)/python -m compileall -q -j 0 $(VENV)/lib >/dev/null \
	  || echo "make: some files in $(VENV) could not be compiled; they are read from source"
	touch $@

$(SOURCE_STAMP): $(BYTECODE_STAMP) $(shell find khcn_analysis benchmarks -name '*.py' 2>/dev/null)
	$(BIN)/python -m compileall -q khcn_analysis benchmarks >/dev/null
	touch $@

install: $(RUNTIME_STAMP) $(SOURCE_STAMP)

install-dev: $(DEV_STAMP) $(SOURCE_STAMP)

report: $(RUNTIME_STAMP) $(SOURCE_STAMP)
	$(KHCN) data build
	$(KHCN) report --all

lint: $(DEV_STAMP) $(SOURCE_STAMP)
	$(BIN)/ruff check khcn_analysis tests benchmarks notebooks
	$(BIN)/python -m khcn_analysis.report.notebook_hygiene notebooks
	$(BIN)/lint-imports

test: lint
	$(BIN)/python -m pytest -n $(TEST_WORKERS)

test-fast: $(DEV_STAMP) $(SOURCE_STAMP)
	$(BIN)/ruff check khcn_analysis tests benchmarks notebooks
	$(BIN)/python -m pytest -n $(TEST_WORKERS) -m "not slow and not system"

bench: $(BENCH_STAMP) $(SOURCE_STAMP)
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) data/processed/*.csv reports/run-* reports/latest
