"""Structured-output modes against the scripted server, including a llama.cpp-like one."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from service.extractors.base import ExtractionError, FailureKind
from service.extractors.llm import LLMExtractor
from service.extractors.modes import LLMMode, resolve_mode
from tests.extractors.test_llm import ARTICLE, OPENED, claims
from tests.fakes.openai_server import Reply, ScriptedOpenAIServer


@pytest.fixture
def llama_like() -> Iterator[ScriptedOpenAIServer]:
    """A server that answers tools requests in plain text, like llama-server with small models."""
    server = ScriptedOpenAIServer(answers_tools_in_text=True).start()
    yield server
    server.stop()


@pytest.fixture
def no_response_format() -> Iterator[ScriptedOpenAIServer]:
    """A server that refuses response_format."""
    server = ScriptedOpenAIServer(rejects_response_format=True).start()
    yield server
    server.stop()


def _extractor(server: ScriptedOpenAIServer, mode: str, **options: object) -> LLMExtractor:
    return LLMExtractor(
        model="openai/test-model",
        api_base=server.base_url,
        api_key="test",
        mode=mode,
        max_retries=0,
        model_retries=0,
        **options,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    ("model", "api_base", "expected"),
    [
        ("openai/gpt-4o-mini", None, LLMMode.tools),
        ("openai/gpt-4o-mini", "http://127.0.0.1:8080/v1", LLMMode.json_schema),
        ("openai/some-local-model", "http://127.0.0.1:8080/v1", LLMMode.json_schema),
        ("openai/not-a-known-model", None, LLMMode.json),
    ],
)
def test_auto_mode_picks_tools_for_known_providers_and_json_schema_for_custom_servers(
    model: str, api_base: str | None, expected: LLMMode
) -> None:
    assert resolve_mode("auto", model=model, api_base=api_base) is expected


def test_an_explicit_mode_is_kept() -> None:
    assert resolve_mode("json", model="openai/gpt-4o-mini", api_base=None) is LLMMode.json


@pytest.mark.parametrize("mode", ["tools", "json_schema", "json"])
def test_every_mode_extracts_grounded_claims_from_a_compliant_server(
    openai_server: ScriptedOpenAIServer, mode: str
) -> None:
    openai_server.enqueue(claims(OPENED))
    result = _extractor(openai_server, mode).extract(ARTICLE)
    assert [c.statement for c in result.claims] == [OPENED["statement"]]
    assert result.parameters["mode"] == mode
    request = openai_server.requests[0]
    if mode == "tools":
        assert request["tools"][0]["function"]["name"] == "LLMExtraction"
    elif mode == "json_schema":
        assert request["response_format"]["type"] == "json_schema"
        assert "evidence" in str(request["response_format"]["json_schema"]["schema"])
    else:
        assert request["response_format"] == {"type": "json_object"}
        assert "evidence" in request["messages"][0]["content"]


def test_default_mode_works_with_a_llama_like_server(llama_like: ScriptedOpenAIServer) -> None:
    llama_like.enqueue(claims(OPENED))
    result = _extractor(llama_like, "auto").extract(ARTICLE)
    assert [c.statement for c in result.claims] == [OPENED["statement"]]
    assert "response_format" in llama_like.requests[0]


def test_tools_mode_on_a_llama_like_server_fails_saying_which_mode_to_try(
    llama_like: ScriptedOpenAIServer,
) -> None:
    llama_like.enqueue(claims(OPENED))
    with pytest.raises(ExtractionError) as caught:
        _extractor(llama_like, "tools").extract(ARTICLE)
    assert caught.value.kind is FailureKind.invalid_output
    assert "CLAIMKIT_LLM_MODE=json_schema" in caught.value.message


def test_a_server_refusing_response_format_fails_naming_the_other_modes(
    no_response_format: ScriptedOpenAIServer,
) -> None:
    no_response_format.enqueue(claims(OPENED))
    with pytest.raises(ExtractionError) as caught:
        _extractor(no_response_format, "json_schema").extract(ARTICLE)
    assert caught.value.kind is FailureKind.model_error
    assert "HTTP 400" in caught.value.message
    assert "CLAIMKIT_LLM_MODE=tools or json" in caught.value.message


def test_cached_prompt_tokens_are_recorded_when_the_provider_reports_them(
    openai_server: ScriptedOpenAIServer,
) -> None:
    openai_server.enqueue(
        Reply({"claims": [OPENED]}, prompt_tokens=900, completion_tokens=50, cached_tokens=640)
    )
    result = _extractor(openai_server, "json_schema").extract(ARTICLE)
    assert (result.usage.prompt_tokens, result.usage.cached_tokens) == (900, 640)


def test_anthropic_models_get_a_system_prompt_marked_for_caching() -> None:
    extractor = LLMExtractor(model="anthropic/claude-sonnet-4-5", api_key="test")
    (block,) = extractor._system_message()["content"]
    assert block["cache_control"] == {"type": "ephemeral"}
    assert block["text"] == extractor.prompt.system


def test_other_models_get_a_plain_system_prompt(openai_server: ScriptedOpenAIServer) -> None:
    extractor = _extractor(openai_server, "tools")
    assert extractor._system_message() == {"role": "system", "content": extractor.prompt.system}
