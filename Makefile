# Wuzhen Summit Notebooks: the two commands a user needs are `make lab` and `make test`.
# Both create .venv the first time (or when the pinned requirements change) and reuse it after.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
FIRST_NOTEBOOK := notebooks/00-start-here.ipynb

.PHONY: help lab lab-command test notebooks bench report site clean

help:
	@echo "make lab        open the collection in JupyterLab (sets up .venv on first use)"
	@echo "make test       run the whole test suite: helpers, data and every notebook"
	@echo "make notebooks  rebuild the student notebooks and the guide's answer keys from the solutions"
	@echo "make bench      time every notebook and the test suite, and simulate a class (writes bench-results/)"
	@echo "make bench-class  only the class: 20 students on a local JupyterHub (STUDENTS=30 for another size)"
	@echo "make report SUBMISSIONS=folder-or-zip OUT=folder"
	@echo "                what a class got right and which mistakes it made, from its saved notebooks"
	@echo "make site       build the website into site/: site/learner/ for students, site/instructor/ with solutions"
	@echo "make clean      remove .venv and caches"

# The stamp files record that .venv matches the requirements; they are rebuilt only when a
# requirements file or pyproject.toml is newer than they are.
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.lab-ready: requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.test-ready: $(VENV)/.lab-ready requirements-dev.txt
	$(BIN)/python -m pip install --disable-pip-version-check -r requirements-dev.txt
	touch $@

# Root is refused by Jupyter unless asked (as in some containers); ordinary users are unaffected.
ALLOW_ROOT := $(if $(filter 0,$(shell id -u 2>/dev/null)),--allow-root)

# JupyterLab serves the whole repository (root_dir), so that data/, output/, instructors/ and the
# README can be opened from it, and opens notebook 00. Without root_dir, Jupyter would serve only
# the notebook's own folder. The README gives this same line to users without make, and the
# browser test (tests/test_jupyterlab.py) starts JupyterLab with it, read from `make lab-command`.
LAB_COMMAND := jupyter lab --ServerApp.root_dir=. $(FIRST_NOTEBOOK)

# .jupyter/ holds the collection's Jupyter configuration (no news pop-up in class, see .jupyter/README.md):
# JUPYTER_CONFIG_PATH adds it to the user's own configuration, which applies for everything else.
lab: $(VENV)/.lab-ready
	JUPYTER_CONFIG_PATH="$(CURDIR)/.jupyter$(if $(JUPYTER_CONFIG_PATH),:$(JUPYTER_CONFIG_PATH))" $(BIN)/$(LAB_COMMAND) $(ALLOW_ROOT)

lab-command:
	@echo '$(LAB_COMMAND)'

# PYTHONDONTWRITEBYTECODE is emptied so that pytest can cache its rewritten test modules:
# where the environment sets it, each run would otherwise spend seconds rewriting them again.
test: $(VENV)/.test-ready
	PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest

notebooks: $(VENV)/.test-ready
	$(BIN)/python tools/build_notebooks.py
	$(BIN)/python tools/build_guide.py

bench: $(VENV)/.test-ready bench-class
	PYTHONDONTWRITEBYTECODE= $(BIN)/python tools/bench.py

# A class on a local JupyterHub: STUDENTS students follow the nbgitpuller link at once and run
# notebook 02; prints their memory and times and the sizing for a class of 30 (tools/class_sim.py).
# Needs configurable-http-proxy from npm; without it, says so and skips.
STUDENTS ?= 20
bench-class: $(VENV)/.test-ready
	$(BIN)/python tools/class_sim.py --students $(STUDENTS)

# The class report (helpers/report/): reads the check records saved in the students' notebooks and
# executes nothing. More options (--pseudonymise, --execute, --timeout) go in REPORT_OPTIONS.
report: $(VENV)/.lab-ready
	@if [ -z "$(SUBMISSIONS)" ] || [ -z "$(OUT)" ]; then \
		echo "Say where the notebooks are and where the report goes: make report SUBMISSIONS=folder-or-zip OUT=folder"; \
		exit 2; fi
	$(BIN)/python -m helpers.report "$(SUBMISSIONS)" --out "$(OUT)" $(REPORT_OPTIONS)

# The website (tools/build_site.py, site-src/): offline, from the notebooks as they are. Launch links
# come from WUZHEN_SITE_REPOSITORY (and WUZHEN_SITE_JUPYTERHUB), e.g.
#   make site WUZHEN_SITE_REPOSITORY=https://github.com/OWNER/REPO
site: $(VENV)/.test-ready
	$(BIN)/python tools/build_site.py

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis output bench-results
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
