# Two commands for a fresh machine (see README):
#   make lab    create .venv, install everything, open JupyterLab on notebooks/
#   make test   create .venv, install everything, run every test (lint, unit, notebooks, browser)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# JupyterLab's settings overrides (no news toast, no update check): the same file Binder copies
# into its image (binder/postBuild), read here in place.
LAB_SETTINGS := $(CURDIR)/binder
# Jupyter refuses to start as root without --allow-root (Docker, Codespaces-style containers,
# classroom VMs); a normal user does not need it, so it is passed only when `id -u` is 0.
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root)
# Extra options for `jupyter lab`, e.g. make lab LAB_ARGS="--no-browser --port=8899"
LAB_ARGS ?=

.PHONY: lab test install clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test,notebooks]"
	touch $(STAMP)

# axe-core for the accessibility check of the browser tests (skipped there without npm)
AXE := tests/browser/node_modules/axe-core/axe.min.js
$(AXE): tests/browser/package.json tests/browser/package-lock.json
	@if command -v npm >/dev/null; then \
		npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error && touch $(AXE); \
	else echo "npm not found: the accessibility check (axe-core) will be skipped"; fi

install: $(STAMP) $(AXE)

lab: $(STAMP)
	$(BIN)/jupyter lab $(ALLOW_ROOT) --LabApp.app_settings_dir=$(LAB_SETTINGS) \
		--notebook-dir=notebooks $(LAB_ARGS) notebooks/00_start_here.ipynb

# Every core (at most four workers); the browser tests share one worker and one JupyterLab.
test: $(STAMP) $(AXE)
	$(BIN)/python -m pytest --numprocesses=auto --maxprocesses=4 --dist=loadgroup

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
