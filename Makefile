# `make run` and `make test` set everything up from scratch: the environment, the pinned packages, the app.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready

.PHONY: run test lint bench clean

run: $(READY)
	$(BIN)/hkplanner

test: $(READY) lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

lint: $(READY)
	$(BIN)/ruff check hkplanner tests benchmarks
	$(BIN)/ruff format --check hkplanner tests benchmarks

bench: $(READY)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks

$(READY): requirements/app.txt requirements/dev.txt pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "$(PYTHON) is needed (the pinned Qt is stable on Python 3.11)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements/dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(READY)

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache
