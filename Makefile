# Two commands: `make run` serves the app, `make test` runs lint, types and tests.
# Both install from uv.lock into .venv first (uv itself comes from PyPI if missing): `make run`
# the app's packages only, `make test` those plus the dev tools (pytest, ruff, mypy, ...).

SHELL := /bin/bash
PYTHON ?= python3
UV := $(shell command -v uv 2>/dev/null || echo "$(PYTHON) -m uv")
VENV := .venv
export UV_PYTHON_DOWNLOADS := never
export UV_PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v $(PYTHON))
export LITELLM_LOCAL_MODEL_COST_MAP := True

ENSURE_UV := command -v uv >/dev/null 2>&1 || $(PYTHON) -m uv --version >/dev/null 2>&1 \
	|| $(PYTHON) -m pip install --quiet uv

# One stamp per way .venv was synced; each sync removes the other stamp, since `uv sync`
# makes the venv exactly match (--no-dev uninstalls the dev tools, a dev sync adds them).
RUN_SYNCED := $(VENV)/.synced-run
DEV_SYNCED := $(VENV)/.synced-dev
# What the app needs: a dev sync has all of it too, so after `make test` the runtime targets
# keep the dev venv (re-syncing it when the lock changes) instead of uninstalling the tools.
RUNTIME := $(if $(wildcard $(DEV_SYNCED)),$(DEV_SYNCED),$(RUN_SYNCED))

.PHONY: setup setup-dev run test lint format gate eval bench clean

$(RUN_SYNCED): pyproject.toml uv.lock
	@$(ENSURE_UV)
	$(UV) sync --frozen --no-dev
	@rm -f $(DEV_SYNCED)
	@touch $@

$(DEV_SYNCED): pyproject.toml uv.lock
	@$(ENSURE_UV)
	$(UV) sync --frozen
	@rm -f $(RUN_SYNCED)
	@touch $@

setup: $(RUNTIME)  ## install the app's locked dependencies into .venv

setup-dev: $(DEV_SYNCED)  ## install them plus the dev tools

run: setup  ## migrate the SQLite database and serve on http://127.0.0.1:8000 (docs at /docs)
	$(VENV)/bin/claimkit serve

test: setup-dev lint  ## lint, type-check and run the test suite
	$(VENV)/bin/python -m pytest

lint: setup-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

format: setup-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

eval: setup  ## score the offline extractor on evals/gold: dev and test splits side by side
	$(VENV)/bin/claimkit eval --gold evals/gold --split all --out eval-output/latest

gate: setup  ## fail when the offline extractor regresses on dev, test or the made-up set
	$(VENV)/bin/claimkit eval --gold evals/gold --split all --out eval-output/gate \
		--gate evals/baselines/offline.json
	$(VENV)/bin/claimkit eval --gold evals/made-up --out eval-output/gate-made-up \
		--gate evals/baselines/offline-made-up.json

bench: setup  ## speed benchmarks (figures and ratios); PostgreSQL and Redis scenarios need them running
	$(VENV)/bin/python benchmarks/offline_throughput.py
	$(VENV)/bin/python benchmarks/post_latency.py
	$(VENV)/bin/python benchmarks/queue_load.py
	$(VENV)/bin/python benchmarks/llm_long_article.py
	$(VENV)/bin/python benchmarks/prompt_tokens.py
	$(VENV)/bin/python benchmarks/cli_startup.py
	$(VENV)/bin/python benchmarks/link_incremental.py

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache test-output
