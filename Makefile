# Ratsportal: `make run` serves the portal with the Herne demo on SQLite,
# `make test` runs the whole test suite (PostgreSQL when DATABASE_URL is set).
# Each target does its own set-up, so either works first on a fresh clone.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint messages clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@ $(VENV)/.installed-run

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

test: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

messages: $(VENV)/.installed-test
	SECRET_KEY=messages $(BIN)/python manage.py makemessages -l de --no-obsolete --ignore=.venv --ignore=var
	SECRET_KEY=messages $(BIN)/python manage.py makemessages -d djangojs -l de --no-obsolete --ignore=.venv --ignore=var
	SECRET_KEY=messages $(BIN)/python manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) var
