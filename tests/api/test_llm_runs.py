"""POST /articles with a configured model, end to end through litellm + instructor
against the scripted local OpenAI-compatible server."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from service.api.app import create_app
from service.config import Settings
from tests.fakes.openai_server import Delay, HttpError, Reply, ScriptedOpenAIServer, openai_server

__all__ = ["openai_server"]

TEXT = "The bridge reopened on Monday, mayor Lena Berg said. About 1,200 cars crossed it."
CLAIM = {
    "statement": "The bridge reopened on Monday.",
    "kind": "event",
    "subject": "the bridge",
    "source": {"name": "Lena Berg", "anonymous": False, "via": None},
    "certainty": "certain",
    "negated": False,
    "quantities": [],
    "time": {"text": "on Monday", "start": "2024-03-04", "end": "2024-03-04"},
    "location": None,
    "evidence": ["The bridge reopened on Monday, mayor Lena Berg said."],
}


# Generous, so a busy two-core CI machine never turns a slow answer into a timeout;
# only the timeout test shortens it.
REQUEST_TIMEOUT = 10.0


def _client_for(settings: Settings, server: ScriptedOpenAIServer, timeout: float) -> TestClient:
    configured = settings.model_copy(
        update={
            "model": "openai/test-model",
            "model_api_base": server.base_url,
            "model_api_key": SecretStr("test"),
            "llm_timeout": timeout,
            "llm_max_retries": 1,
            "model_retries": 0,  # each test scripts a single fault; retries: test_llm_faults.py
        }
    )
    return TestClient(create_app(configured))


@pytest.fixture
def llm_client(settings: Settings, openai_server: ScriptedOpenAIServer) -> Iterator[TestClient]:
    """The app with its real extractor factory, configured for the scripted model server."""
    with _client_for(settings, openai_server, REQUEST_TIMEOUT) as client:
        yield client


@pytest.fixture
def impatient_client(
    settings: Settings, openai_server: ScriptedOpenAIServer
) -> Iterator[TestClient]:
    """The same app, giving up on a model request after one second."""
    with _client_for(settings, openai_server, 1.0) as client:
        yield client


def test_post_article_with_a_model_records_prompt_model_and_usage(
    llm_client: TestClient, openai_server: ScriptedOpenAIServer
):
    openai_server.enqueue(Reply({"claims": [CLAIM]}, prompt_tokens=321, completion_tokens=45))
    body = llm_client.post("/articles", json={"text": TEXT, "published": "2024-03-06"}).json()
    run = body["run"]
    assert run["status"] == "succeeded"
    assert run["extractor"] == "llm"
    assert run["model"] == "openai/test-model"
    assert run["prompt_id"] == "extract_claims/v2"
    assert len(run["prompt_sha"]) == 64
    assert run["usage"]["prompt_tokens"] == 321
    assert run["usage"]["completion_tokens"] == 45
    assert run["attempts"] == 1
    (claim,) = body["claims"]
    (span,) = claim["evidence"]
    assert TEXT[span["start"] : span["end"]] == span["text"]
    assert "2024-03-06" in openai_server.requests[0]["messages"][-1]["content"]


def test_model_server_error_gives_a_failed_run_with_the_status(
    llm_client: TestClient, openai_server: ScriptedOpenAIServer
):
    openai_server.enqueue(HttpError(500, "the GPU caught fire"))
    response = llm_client.post("/articles", json={"text": TEXT})
    assert response.status_code == 201
    run = response.json()["run"]
    assert run["status"] == "failed"
    assert run["error_kind"] == "model_error"
    assert "HTTP 500" in run["error"]
    assert llm_client.get(f"/articles/{response.json()['article']['id']}").status_code == 200


def test_model_timeout_gives_a_failed_timeout_run(
    impatient_client: TestClient, openai_server: ScriptedOpenAIServer
):
    openai_server.enqueue(Delay(5))
    run = impatient_client.post("/articles", json={"text": TEXT}).json()["run"]
    assert run["status"] == "failed"
    assert run["error_kind"] == "timeout"


def test_persistently_invalid_output_gives_a_failed_invalid_output_run(
    llm_client: TestClient, openai_server: ScriptedOpenAIServer
):
    openai_server.enqueue(Reply("not json"), Reply("still not json"))
    run = llm_client.post("/articles", json={"text": TEXT}).json()["run"]
    assert run["status"] == "failed"
    assert run["error_kind"] == "invalid_output"
    assert run["attempts"] == 2


def test_reextract_with_an_unknown_prompt_version_is_422(
    llm_client: TestClient, openai_server: ScriptedOpenAIServer
):
    openai_server.enqueue(Reply({"claims": [CLAIM]}))
    article_id = llm_client.post("/articles", json={"text": TEXT}).json()["article"]["id"]
    response = llm_client.post(f"/articles/{article_id}/extract", json={"prompt_version": "v99"})
    assert response.status_code == 422
    assert "v99" in response.json()["detail"]
