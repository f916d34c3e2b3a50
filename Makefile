# Two commands do all set-up on a fresh machine (see README.md):
#   make book   -> .venv, pinned deps, every notebook executed with papermill, HTML in _build/html
#                  (incremental: only notebooks whose inputs changed are re-executed; FORCE=1 redoes all;
#                  REPOSITORY=OWNER/NAME adds the repository and launch buttons, as GITHUB_REPOSITORY does)
#   make test   -> .venv, pinned deps, fast tests, then the slow end-to-end tests
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | sha1sum | cut -c1-12)
STAGE := _build/stage
FORCE ?=
REPOSITORY ?=
export PYDEVD_DISABLE_FILE_VALIDATION := 1

.PHONY: venv book test test-fast bench clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[book,test]"
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 > /dev/null
	@rm -f $(VENV)/.installed-* && touch $@

venv: $(STAMP)

# Execute every notebook with papermill into _build/stage (sources stay output-free; executed copies
# are reused from .cache/book while their inputs are unchanged) and build the HTML book from them
# (tools/build_book.py, also used by the tests).
book: $(STAMP)
	$(BIN)/python tools/build_book.py --stage $(STAGE) --out . $(if $(FORCE),--force) \
		$(if $(REPOSITORY),--repository $(REPOSITORY))
	@echo "Book: _build/html/index.html"

test: $(STAMP)
	$(BIN)/python -m pytest -m "not slow" -n auto
	$(BIN)/python -m pytest -m slow

test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not slow" -n auto

bench: $(STAMP)
	$(BIN)/python -m pytest benchmarks --benchmark-enable --benchmark-only -p no:cacheprovider

clean:
	rm -rf _build
