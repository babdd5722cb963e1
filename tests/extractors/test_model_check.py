"""`claimkit models check` against scripted servers: which modes does a server accept?"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from pydantic import SecretStr
from typer.testing import CliRunner

from service.cli import app
from service.config import Settings, get_settings
from service.extractors.model_check import PROBE, check_modes
from tests.fakes.openai_server import Reply, ScriptedOpenAIServer

CLAIM = {
    "statement": "The Lakeside library reopened on Monday.",
    "kind": "event",
    "subject": "Lakeside library",
    "evidence": [PROBE.text],
}


def _answer(_body: dict[str, Any]) -> Reply:
    return Reply({"claims": [CLAIM]})


@pytest.fixture
def llama_like() -> Iterator[ScriptedOpenAIServer]:
    """A server that answers tools requests in plain text, like llama-server."""
    server = ScriptedOpenAIServer(responder=_answer, answers_tools_in_text=True).start()
    yield server
    server.stop()


def _settings(server: ScriptedOpenAIServer) -> Settings:
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        model="openai/local-model",
        model_api_base=server.base_url,
        model_api_key=SecretStr("none"),
    )


def test_check_reports_the_modes_a_llama_like_server_accepts(
    llama_like: ScriptedOpenAIServer,
) -> None:
    checks = {check.mode.value: check for check in check_modes(_settings(llama_like))}
    assert (checks["tools"].ok, checks["json_schema"].ok, checks["json"].ok) == (
        False,
        True,
        True,
    )
    assert "CLAIMKIT_LLM_MODE=json_schema" in checks["tools"].detail
    assert checks["json_schema"].detail.startswith("1 claim(s), 0 dropped")


def test_models_check_command_prints_a_table_and_the_auto_choice(
    llama_like: ScriptedOpenAIServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLAIMKIT_MODEL", "openai/local-model")
    monkeypatch.setenv("CLAIMKIT_MODEL_API_BASE", llama_like.base_url)
    monkeypatch.setenv("CLAIMKIT_MODEL_API_KEY", "none")
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(app, ["models", "check"])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 0, result.output
    assert "json_schema" in result.output
    assert "auto picks json_schema, which works here" in result.output


def test_models_check_without_a_model_says_what_to_set(monkeypatch: pytest.MonkeyPatch) -> None:
    get_settings.cache_clear()
    result = CliRunner().invoke(app, ["models", "check"])
    assert result.exit_code == 2
    assert "CLAIMKIT_MODEL" in result.output
