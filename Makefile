# Traineeship: `make run` serves the app with demo data, `make test` runs every check.
SHELL := /bin/bash
.DEFAULT_GOAL := help
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

SYSTEM_RUN := gettext libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core
SYSTEM_TEST := $(SYSTEM_RUN) chromium-headless-shell postgresql default-jre-headless xmlsec1
# The reference multi-server deployment (make cluster, make cluster-test).
SYSTEM_CLUSTER := $(SYSTEM_RUN) postgresql nginx-light redis-server curl

.PHONY: help install run test test-sqlite test-postgres lint check-deploy bench load cluster cluster-test lock messages clean

help:
	@echo "make run    install what is needed, migrate, load demo data, serve on http://127.0.0.1:8000"
	@echo "make test   install what the tests need and run them all (browser suites on SQLite, the rest on PostgreSQL)"
	@echo "make bench  benchmark pages and PDF exports at 100 and 10,000 traineeships on SQLite and PostgreSQL, and 100,000 over 500 organisations on PostgreSQL"
	@echo "make load   60-second load test with 100 simulated users (USERS=n), PDFs rendered by two task workers (CLUSTER=1: against make cluster's set-up)"
	@echo "make cluster  nginx, two gunicorn instances, two task workers, PostgreSQL and Redis on loopback"
	@echo "make cluster-test  the cluster's correctness tests (sessions across instances, a killed server or worker)"

$(VENV)/.installed: requirements.lock requirements-dev.lock
	@python=$$(scripts/find-python) || exit 1; \
	if [ ! -x $(PY) ] || ! $(PY) -c 'import sys; sys.exit(sys.version_info < (3, 12))'; then \
		rm -rf $(VENV); $$python -m venv $(VENV); fi
	$(PY) -m pip install -q --disable-pip-version-check -r requirements-dev.lock
	@touch $@

# The load test's tools (locust) are installed only for make load and make cluster.
$(VENV)/.load-installed: $(VENV)/.installed requirements-load.lock
	$(PY) -m pip install -q --disable-pip-version-check -r requirements-load.lock
	@touch $@

node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || scripts/ensure-system-packages nodejs npm
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

locale/%/LC_MESSAGES/django.mo: locale/%/LC_MESSAGES/django.po
	$(MANAGE) compilemessages -v0 --ignore=.venv --ignore=node_modules

install: $(VENV)/.installed node_modules/.installed
	@scripts/ensure-system-packages $(SYSTEM_RUN)
	@$(MAKE) --no-print-directory $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/django.po))

run: install
	$(MANAGE) migrate -v0
	$(MANAGE) demo
	@echo "Serving on http://127.0.0.1:8000 (the task worker and the demo sign-in provider on :9000 run beside it). Stop with Ctrl-C."
	@trap 'kill 0' EXIT; $(MANAGE) task_worker & node scripts/oidc-dev-provider.mjs & $(MANAGE) runserver 127.0.0.1:8000

test: install
	@scripts/ensure-system-packages $(SYSTEM_TEST)
	$(MAKE) --no-print-directory lint check-deploy
	$(MAKE) --no-print-directory --keep-going test-sqlite test-postgres

lint:
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(MANAGE) makemigrations --check --dry-run -v0

check-deploy:
	DJANGO_DEBUG=false DJANGO_SECRET_KEY=check-deploy-$$(head -c 48 /dev/urandom | base64 | tr -dc a-zA-Z0-9) \
		DJANGO_ALLOWED_HOSTS=example.org $(MANAGE) check --deploy --fail-level WARNING

# Every test runs once: the browser suites on SQLite (the database of make run), every other
# test on PostgreSQL (the production database). make test runs one after the other (and the second
# even when the first failed), each on both cores: side by side, four test processes, chromium and
# PostgreSQL on two cores spent ~13% more CPU and took as long or longer (7:52 and 8:21 against 7:43 and 7:20).
# The browser suites test pages, not migrations: their databases are made from the models at
# once (the migrations are run, and tested, by the PostgreSQL suite).
test-sqlite:
	$(PY) -m pytest -n 2 -q -m browser --no-migrations

# Whole files per worker (--dist loadfile): a module's world and demo data are then built once, not
# once on each worker.
test-postgres:
	scripts/with-postgres $(PY) -m pytest -n 2 --dist loadfile -q -m "not browser"

bench: install
	$(PY) benchmarks/bench.py
	@scripts/ensure-system-packages postgresql
	scripts/with-postgres env BENCH_DATABASE=postgresql $(PY) benchmarks/bench.py

USERS ?= 100

load: install $(VENV)/.load-installed
ifdef CLUSTER
	@scripts/ensure-system-packages $(SYSTEM_CLUSTER)
	scripts/cluster bash -c 'LOAD_USERS=$(USERS) LOAD_TARGET=$$CLUSTER_URL $(PY) benchmarks/load.py'
else
	LOAD_USERS=$(USERS) $(PY) benchmarks/load.py
endif

cluster: install $(VENV)/.load-installed
	@scripts/ensure-system-packages $(SYSTEM_CLUSTER)
	scripts/cluster

cluster-test: install
	@scripts/ensure-system-packages $(SYSTEM_CLUSTER)
	scripts/cluster $(PY) -m pytest tests/cluster -q -n 0

messages:
	$(MANAGE) makemessages -l nl --no-location --ignore=.venv --ignore=node_modules --ignore=staticfiles --ignore=tests

lock:
	python=$$(scripts/find-python) && rm -rf .tmp/lock && $$python -m venv .tmp/lock && \
		.tmp/lock/bin/pip install -q -e . && .tmp/lock/bin/pip freeze --exclude-editable > requirements.lock

clean:
	rm -rf $(VENV) node_modules staticfiles .tmp
