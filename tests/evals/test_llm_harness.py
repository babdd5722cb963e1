"""The harness's LLM branch for real: litellm against the scripted local OpenAI server."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from evals.cli import eval_app
from service.config import get_settings
from tests.evals.builders import ALL, ARRIVED, DENIED, TEXT, gold_article, write_gold
from tests.fakes.openai_server import Reply, ScriptedOpenAIServer, openai_server

__all__ = ["openai_server"]

runner = CliRunner()


def llm_claim(spec: dict[str, Any]) -> dict[str, Any]:
    """A claim as the model returns it: JSON fields and quoted evidence."""
    fields = {k: v for k, v in spec.items() if k != "quotes"}
    fields.setdefault("kind", "event")
    fields.setdefault("subject", "troops")
    data = json.loads(json.dumps(fields, default=lambda model: model.model_dump(mode="json")))
    return data | {"evidence": list(spec["quotes"])}


@pytest.fixture
def configured(
    openai_server: ScriptedOpenAIServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[ScriptedOpenAIServer]:
    monkeypatch.setenv("CLAIMKIT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("CLAIMKIT_MODEL_API_BASE", openai_server.base_url)
    monkeypatch.setenv("CLAIMKIT_MODEL_API_KEY", "test")
    monkeypatch.setenv("CLAIMKIT_LLM_MAX_RETRIES", "0")
    get_settings.cache_clear()
    yield openai_server
    get_settings.cache_clear()


def run(gold: Path, out: Path, *extra: str) -> dict[str, Any]:
    args = ["--gold", str(gold), "--extractor", "llm", "--model", "openai/test-model"]
    result = runner.invoke(eval_app, [*args, "--out", str(out), *extra], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads((out / "report.json").read_text())


def test_llm_eval_runs_concurrently_caches_answers_and_scores_them(
    configured: ScriptedOpenAIServer, tmp_path: Path
) -> None:
    gold = tmp_path / "gold"
    # b's text extends a's, so either reply grounds in either article whatever the order.
    write_gold(gold, gold_article("a"), gold_article("b", text=TEXT + "\nMore news."))
    perfect = Reply({"claims": [llm_claim(spec) for spec in ALL.values()]})
    partial = Reply({"claims": [llm_claim(ARRIVED), llm_claim(DENIED | {"negated": False})]})
    configured.enqueue(perfect, partial)

    first = run(gold, tmp_path / "first", "--concurrency", "2")
    assert len(configured.requests) == 2
    summary = first["extractor"]["summary"]
    assert (summary["predicted_claims"], summary["matched"], summary["strict_matched"]) == (6, 6, 5)
    assert summary["claim_micro"]["recall"]["value"] == 0.75
    assert summary["grounding_rate"] == 1.0
    assert first["config"]["concurrency"] == 2 and first["config"]["cache"] is True
    assert first["config"]["model"] == "openai/test-model"
    assert first["config"]["prompt_sha"]
    assert first["extractor"]["cache"] == {"hits": 0, "misses": 2}
    assert first["extractor"]["usage"]["total_tokens"] == 240

    second = run(gold, tmp_path / "second", "--concurrency", "2")
    assert len(configured.requests) == 2  # answered from the cache: no model call
    assert second["extractor"]["cache"] == {"hits": 2, "misses": 0}
    assert second["extractor"]["summary"] == summary

    configured.enqueue(perfect, perfect)
    fresh = run(gold, tmp_path / "fresh", "--no-cache")
    assert len(configured.requests) == 4
    assert fresh["config"]["cache"] is False
    assert fresh["extractor"]["summary"]["matched"] == 8


def test_a_failing_model_call_scores_the_article_as_empty_and_lists_it(
    configured: ScriptedOpenAIServer, tmp_path: Path
) -> None:
    gold = tmp_path / "gold"
    write_gold(gold, gold_article("a"))
    configured.enqueue(Reply("this is not JSON"))
    report = run(gold, tmp_path / "out")
    summary = report["extractor"]["summary"]
    assert summary["failed_articles"] == ["a"] and summary["predicted_claims"] == 0
    assert report["extractor"]["articles"][0]["error"].startswith("invalid_output")
