# The course's commands. Each creates .venv (and installs into it what it needs) when missing.
#   make lab          open the course in JupyterLab (installs the course alone)
#   make check        the quick tests: unit, property and exercise checks (no notebooks, no browser)
#   make test         every test, as CI runs them (installs the test and development tools too)
#   make notebooks    re-execute lessons and solutions in a fresh kernel, saving their outputs
#   make exercises    regenerate exercises/ from solutions/ (FORCE=1 replaces edited ones, backed up)
#   make lint         ruff on the package, the tests and the notebooks
#   make bench        the benchmark table (build/bench.json)
#   make site         the course website in build/site/, from the committed lessons
#   make lite         the in-browser edition (JupyterLite) in build/lite; PYODIDE=archive serves
#                     Pyodide from the site instead of its CDN
#   make constraints  rewrite .ci/constraints.txt, the exact versions CI installs
# CONSTRAINTS=.ci/constraints.txt installs those exact versions (CI does; learners get the ranges
# of pyproject.toml).

ifeq ($(OS),Windows_NT)
PYTHON ?= python
BIN_DIR := Scripts
else
PYTHON ?= python3
BIN_DIR := bin
endif
VENV := .venv
BIN := $(VENV)/$(BIN_DIR)
COURSE := $(VENV)/.course
STAMP := $(VENV)/.installed
LAB_SETTINGS := $(VENV)/share/jupyter/lab/settings/overrides.json
PORT ?= 8888
NOTEBOOKS := $(wildcard notebooks/[0-9][0-9]_*.ipynb) $(wildcard solutions/[0-9][0-9]_*.ipynb)
PIP_INSTALL = $(BIN)/python -m pip install --quiet $(if $(CONSTRAINTS),--constraint $(CONSTRAINTS),)
# the quick tier: what needs no kernel, no JupyterLab server, no browser and no Binder build
QUICK := not notebook and not browser and not binder
# open a browser, except on Linux without a display (a server, a container, SSH)
ifeq ($(shell uname -s 2>/dev/null),Linux)
NO_BROWSER := $(if $(DISPLAY)$(WAYLAND_DISPLAY),,--no-browser)
endif
ifneq ($(OS),Windows_NT)
AS_ROOT := $(if $(filter 0,$(shell id -u)),--ServerApp.allow_root=True,)
endif

.PHONY: lab check test notebooks exercises lint format bench lite site constraints clean

# the course alone: what a learner needs to run the lessons
$(COURSE): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { echo "Could not create $(VENV): this course needs Python 3.11 or newer with the venv module (on Debian/Ubuntu: apt install python3-venv)."; exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(PIP_INSTALL) -e .
	@touch $(COURSE)

# the course with its test and development tools (pytest, nbval, hypothesis, playwright, ruff...)
$(STAMP): $(COURSE)
	$(PIP_INSTALL) -e '.[test,dev,site]'
	@touch $(STAMP)

# the course's JupyterLab defaults (no news prompt), for this environment's JupyterLab only: the
# learner's own settings elsewhere are left alone. Binder's postBuild copies the same file.
$(LAB_SETTINGS): jupyter-settings/overrides.json $(COURSE)
	@mkdir -p $(dir $@)
	cp jupyter-settings/overrides.json $@

lab: $(COURSE) $(LAB_SETTINGS)
	$(BIN)/jupyter lab --ServerApp.root_dir=. --LabApp.default_url=/lab/tree/notebooks/00_start_here.ipynb --ServerApp.port=$(PORT) --ServerApp.port_retries=50 $(NO_BROWSER) $(AS_ROOT)

# in one process: starting pytest-xdist's workers costs more than they save on this tier
check: $(STAMP)
	$(BIN)/python -m pytest -m "$(QUICK)" tests $(PYTEST_ARGS)

test: $(STAMP)
	$(BIN)/python -m pytest -n 2 --dist loadfile $(PYTEST_ARGS)

notebooks: $(COURSE)
	$(BIN)/python -m neuronlab execute --timeout 60 $(NOTEBOOKS)

exercises: $(COURSE)
	$(BIN)/python -m neuronlab exercises $(if $(FORCE),--force,)

lint: $(STAMP)
	$(BIN)/ruff check src tests notebooks exercises solutions bench lite docs
	$(BIN)/ruff format --check src tests notebooks exercises solutions bench lite docs

format: $(STAMP)
	$(BIN)/ruff format src tests notebooks exercises solutions bench lite docs
	$(BIN)/ruff check --fix src tests notebooks exercises solutions bench lite docs

bench: $(COURSE)
	$(BIN)/python bench/run.py

lite: $(STAMP)
	$(BIN)/python lite/build.py $(if $(PYODIDE),--pyodide $(PYODIDE),)

# a fresh environment from pyproject.toml's ranges, frozen: see CONTRIBUTING.md
constraints:
	rm -rf build/constraints-venv
	$(PYTHON) -m venv build/constraints-venv
	build/constraints-venv/$(BIN_DIR)/python -m pip install --quiet --upgrade pip
	build/constraints-venv/$(BIN_DIR)/python -m pip install --quiet '.[test,dev,site]'
	{ echo "# Exact versions CI installs (make constraints writes this file; see CONTRIBUTING.md)."; \
	  build/constraints-venv/$(BIN_DIR)/python -m pip freeze --exclude neuronlab; } > .ci/constraints.txt
	rm -rf build/constraints-venv

site: $(STAMP)
	$(BIN)/python docs/build_site.py

clean:
	rm -rf build .pytest_cache
