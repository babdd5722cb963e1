"""Fixtures for extractor tests: the scripted OpenAI-compatible server and LLM extractors."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from service.extractors.llm import LLMExtractor
from tests.fakes.openai_server import ScriptedOpenAIServer, openai_server

__all__ = ["make_extractor", "openai_server", "slept"]

MakeExtractor = Callable[..., LLMExtractor]


@pytest.fixture
def slept() -> list[float]:
    """Every wait between retries the extractor asked for; tests never really sleep."""
    return []


@pytest.fixture
def make_extractor(openai_server: ScriptedOpenAIServer, slept: list[float]) -> MakeExtractor:
    """Build an LLMExtractor that talks to the scripted server; keywords override defaults."""

    def build(**overrides: Any) -> LLMExtractor:
        options: dict[str, Any] = {
            "model": "openai/test-model",
            "api_base": openai_server.base_url,
            "api_key": "test",
            "timeout": 5.0,
            "max_retries": 2,
            "model_retries": 2,
            "model_retry_backoff": 0.01,
            "sleep": slept.append,
        }
        return LLMExtractor(**(options | overrides))

    return build
