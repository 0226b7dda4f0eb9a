# Frontwatch: the two commands a fresh machine needs are `make demo` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
FW := $(VENV)/bin/frontwatch
export PYTHONUNBUFFERED := 1

.PHONY: setup demo test lint typecheck unit integration e2e bench down schemas clean

$(VENV)/.installed: pyproject.toml
	bash scripts/setup.sh $(VENV)
	touch $@

setup: $(VENV)/.installed ## Python deps in a venv, redis-server, the Kafka jars

demo: setup ## the pipeline on seeds/: events and Kupiansk notifications, in tables
	$(FW) demo

lint: setup
	$(VENV)/bin/ruff check .

typecheck: setup
	$(VENV)/bin/mypy shared services

test: setup lint typecheck ## ruff, mypy, then unit, integration and e2e tests on real Kafka and Redis
	$(VENV)/bin/pytest -q tests/unit tests/integration tests/e2e

unit: setup
	$(VENV)/bin/pytest -q tests/unit

bench: setup
	$(PY) bench/run_all.py

schemas: setup
	$(FW) schemas

down: ## stop the services and the stack this project started
	-$(FW) services down
	-$(FW) stack down

clean: down
	rm -rf $(VENV)
