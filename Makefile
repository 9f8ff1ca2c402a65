# Ratsportal: `make run` serves the portal with the Herne demo on SQLite,
# `make test` checks formatting, lint and types, then runs the whole test
# suite (PostgreSQL when DATABASE_URL is set).
# Each target does its own set-up, so either works first on a fresh clone.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint typecheck lock messages clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Installs come only from the pinned, hashed lock files that `make lock`
# writes from pyproject.toml (requirements.txt to run, requirements-test.txt
# for tests and tools). The project itself has no packages to build: it is
# installed without dependencies, with the setuptools from the lock.
$(VENV)/.installed-run: requirements.txt | $(BIN)/python
	$(PIP) install --quiet --require-hashes -r requirements.txt
	$(PIP) install --quiet --no-deps --no-build-isolation -e .
	touch $@

$(VENV)/.installed-test: requirements.txt requirements-test.txt | $(BIN)/python
	$(PIP) install --quiet --require-hashes -r requirements-test.txt
	$(PIP) install --quiet --no-deps --no-build-isolation -e .
	touch $@ $(VENV)/.installed-run

# Refresh the locks after changing pyproject.toml; pins that still fit are
# kept. `make lock LOCK_ARGS=--upgrade` moves everything to the newest
# versions the ranges allow. Universal: one lock for every platform and
# Python >= 3.11, with the hashes of every file of each pinned release.
LOCK := $(BIN)/uv pip compile pyproject.toml --group build --universal --python-version 3.11 \
	--generate-hashes --quiet --custom-compile-command "make lock" $(LOCK_ARGS)

lock: $(VENV)/.installed-test
	$(LOCK) -o requirements.txt
	$(LOCK) --extra test -c requirements.txt -o requirements-test.txt
	$(LOCK) --extra s3 -c requirements.txt -o requirements-s3.txt

var/secret_key:
	mkdir -p var
	$(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > $@
	chmod 600 $@

run: $(VENV)/.installed-run var/secret_key
	@export SECRET_KEY_FILE=var/secret_key DEBUG=1 PORTAL_BASE_URL=http://$(HOST):$(PORT) && \
	$(BIN)/python manage.py migrate --noinput && \
	$(BIN)/python manage.py load_demo > var/demo_logins.txt && \
	echo && cat var/demo_logins.txt && \
	echo && echo "Ratsportal läuft auf http://$(HOST):$(PORT)/ (Beenden mit Strg+C)" && echo && \
	{ $(BIN)/python manage.py db_worker --interval 1 --no-reload > var/worker.log 2>&1 & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  $(BIN)/python manage.py runserver --noreload $(HOST):$(PORT); }

test: lint typecheck
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed-test
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

typecheck: $(VENV)/.installed-test
	$(BIN)/mypy


messages: $(VENV)/.installed-test
	SECRET_KEY=messages $(BIN)/python manage.py makemessages -l de --no-obsolete --ignore=.venv --ignore=var
	SECRET_KEY=messages $(BIN)/python manage.py makemessages -d djangojs -l de --no-obsolete --ignore=.venv --ignore=var
	SECRET_KEY=messages $(BIN)/python manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) var .mypy_cache
