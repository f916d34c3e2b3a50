# Two commands do all set-up on a fresh machine (see README.md):
#   make book   -> .venv, pinned deps, every notebook executed with papermill, HTML in _build/html
#   make test   -> .venv, pinned deps, fast tests, then the slow end-to-end tests
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | sha1sum | cut -c1-12)
STAGE := _build/stage
NOTEBOOKS := $(sort $(wildcard notebooks/*.ipynb book/*.ipynb))
export MPLBACKEND := Agg
export PYDEVD_DISABLE_FILE_VALIDATION := 1

.PHONY: venv book test test-fast test-slow notebooks bench clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[book,test]"
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 > /dev/null
	@rm -f $(VENV)/.installed-* && touch $@

venv: $(STAMP)

# Execute every notebook with papermill into the staging tree; sources stay output-free.
notebooks: $(STAMP)
	@rm -rf $(STAGE) && mkdir -p $(STAGE)
	cp _config.yml _toc.yml $(STAGE)/
	cp -r book notebooks $(STAGE)/
	@set -e; for nb in $(NOTEBOOKS); do \
	  echo "papermill $$nb"; \
	  (cd $$(dirname $$nb) && ../$(BIN)/papermill --no-progress-bar -k python3 $$(basename $$nb) ../$(STAGE)/$$nb > /dev/null); \
	done
	$(BIN)/python tools/fetch_widget_js.py $(STAGE)/_widgets

book: notebooks
	$(BIN)/jupyter-book build $(STAGE) --path-output . -W --keep-going
	@echo "Book: _build/html/index.html"

test: $(STAMP)
	$(BIN)/python -m pytest -m "not slow"
	$(BIN)/python -m pytest -m slow

test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not slow"

bench: $(STAMP)
	$(BIN)/python -m pytest benchmarks --benchmark-enable --benchmark-only -p no:cacheprovider

clean:
	rm -rf _build
