# Two commands: `make run` serves the app, `make test` runs lint, types and tests.
# Both install everything from uv.lock into .venv first (uv itself comes from PyPI if missing).

SHELL := /bin/bash
PYTHON ?= python3
UV := $(shell command -v uv 2>/dev/null || echo "$(PYTHON) -m uv")
VENV := .venv
export UV_PYTHON_DOWNLOADS := never
export UV_PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v $(PYTHON))
export LITELLM_LOCAL_MODEL_COST_MAP := True

.PHONY: setup run test lint format gate eval bench clean

$(VENV)/.synced: pyproject.toml uv.lock
	@command -v uv >/dev/null 2>&1 || $(PYTHON) -m uv --version >/dev/null 2>&1 \
		|| $(PYTHON) -m pip install --quiet uv
	$(UV) sync --frozen
	@touch $@

setup: $(VENV)/.synced  ## install the locked dependencies into .venv

run: setup  ## migrate the SQLite database and serve on http://127.0.0.1:8000 (docs at /docs)
	$(VENV)/bin/claimkit serve

test: setup lint  ## lint, type-check and run the test suite
	$(VENV)/bin/python -m pytest

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

format: setup
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

eval: setup  ## score the offline extractor on evals/gold
	$(VENV)/bin/claimkit eval --out eval-output/latest

gate: setup  ## fail when the offline extractor regresses against its committed baseline
	$(VENV)/bin/claimkit eval --out eval-output/gate --gate evals/baselines/offline.json

bench: setup  ## speed benchmarks (figures and ratios)
	$(VENV)/bin/python benchmarks/offline_throughput.py
	$(VENV)/bin/python benchmarks/post_latency.py

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache test-output
