# The course's commands. Each creates .venv (and installs the course into it) when missing.
#   make lab        open the course in JupyterLab
#   make test       run every test
#   make notebooks  re-execute lessons and solutions in a fresh kernel, saving their outputs
#   make exercises  regenerate exercises/ from solutions/ (FORCE=1 replaces edited ones, backed up)
#   make lint       ruff on the package, the tests and the notebooks
#   make bench      the benchmark table (build/bench.json)
#   make site       the course website in build/site/, from the committed lessons
#   make lite       the in-browser edition (JupyterLite) in build/lite; PYODIDE=archive serves
#                   Pyodide from the site instead of its CDN

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8888
NOTEBOOKS := $(wildcard notebooks/[0-9][0-9]_*.ipynb) $(wildcard solutions/[0-9][0-9]_*.ipynb)

.PHONY: lab test notebooks exercises lint format bench lite site clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { echo "Could not create $(VENV): this course needs Python 3.11 or newer with the venv module (on Debian/Ubuntu: apt install python3-venv)."; exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,dev,site]'
	@touch $(STAMP)

lab: $(STAMP)
	$(BIN)/jupyter lab --ServerApp.root_dir=. --LabApp.default_url=/lab/tree/notebooks/00_start_here.ipynb --ServerApp.port=$(PORT) --ServerApp.port_retries=50 $(if $(DISPLAY),,--no-browser) $(if $(filter 0,$(shell id -u)),--ServerApp.allow_root=True,)

test: $(STAMP)
	$(BIN)/python -m pytest -n 2 --dist loadfile $(PYTEST_ARGS)

notebooks: $(STAMP)
	$(BIN)/python -m neuronlab execute --timeout 60 $(NOTEBOOKS)

exercises: $(STAMP)
	$(BIN)/python -m neuronlab exercises $(if $(FORCE),--force,)

lint: $(STAMP)
	$(BIN)/ruff check src tests notebooks exercises solutions bench lite docs
	$(BIN)/ruff format --check src tests notebooks exercises solutions bench lite docs

format: $(STAMP)
	$(BIN)/ruff format src tests notebooks exercises solutions bench lite docs
	$(BIN)/ruff check --fix src tests notebooks exercises solutions bench lite docs

bench: $(STAMP)
	$(BIN)/python bench/run.py

lite: $(STAMP)
	$(BIN)/python lite/build.py $(if $(PYODIDE),--pyodide $(PYODIDE),)

site: $(STAMP)
	$(BIN)/python docs/build_site.py

clean:
	rm -rf build .pytest_cache
