"""Which model a caller may choose for a re-extraction, and where the model key may go."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from service.api.app import create_app
from service.config import Settings
from service.extraction import build_scoped_extractor, model_problem, scoped_settings
from tests.fakes.openai_server import Reply, ScriptedOpenAIServer, openai_server

__all__ = ["openai_server"]

TEXT = "The bridge reopened on Monday, mayor Lena Berg said. About 1,200 cars crossed it."
CLAIM = {
    "statement": "The bridge reopened on Monday.",
    "kind": "event",
    "subject": "the bridge",
    "source": {"name": "Lena Berg", "anonymous": False, "via": None},
    "evidence": ["The bridge reopened on Monday, mayor Lena Berg said."],
}
OTHER_PROVIDER = "mistral/codestral-latest"  # in litellm's model map, another provider


@pytest.fixture
def configured(settings: Settings, openai_server: ScriptedOpenAIServer) -> Settings:
    """A model on the scripted local server, its key, and an allow-list."""
    return settings.model_copy(
        update={
            "model": "openai/test-model",
            "model_api_base": openai_server.base_url,
            "model_api_key": SecretStr("local-secret"),
            "allowed_models": ["openai/test-model", "openai/second-model", OTHER_PROVIDER],
            "llm_max_retries": 0,
            "model_retries": 0,
        }
    )


@pytest.fixture
def llm_client(configured: Settings) -> Iterator[TestClient]:
    """The app with its real extractor factory on the scripted server."""
    with TestClient(create_app(configured)) as client:
        yield client


def _article(client: TestClient, server: ScriptedOpenAIServer) -> int:
    server.enqueue(Reply({"claims": [CLAIM]}))
    response = client.post("/articles", json={"text": TEXT})
    assert response.status_code == 201, response.text
    article_id: int = response.json()["article"]["id"]
    return article_id


def test_a_model_when_none_is_configured_is_refused_at_once_naming_the_setting(
    client: TestClient,
):
    article_id = client.post("/articles", json={"text": TEXT}).json()["article"]["id"]
    started = time.monotonic()
    response = client.post(f"/articles/{article_id}/extract", json={"model": "openai/gpt-4o-mini"})
    assert time.monotonic() - started < 2
    assert response.status_code == 422
    assert response.json()["code"] == "model_not_allowed"
    assert "CLAIMKIT_ALLOWED_MODELS" in response.json()["detail"]
    assert "CLAIMKIT_MODEL is not set" in response.json()["detail"]
    assert client.get(f"/articles/{article_id}/runs").json()["count"] == 1


def test_the_llm_extractor_without_any_model_is_refused_naming_claimkit_model(
    client: TestClient,
):
    article_id = client.post("/articles", json={"text": TEXT}).json()["article"]["id"]
    response = client.post(f"/articles/{article_id}/extract", json={"extractor": "llm"})
    assert response.status_code == 422
    assert response.json()["code"] == "model_not_configured"
    assert "CLAIMKIT_MODEL" in response.json()["detail"]


def test_a_model_outside_the_allow_list_is_refused(
    llm_client: TestClient, openai_server: ScriptedOpenAIServer
):
    article_id = _article(llm_client, openai_server)
    response = llm_client.post(f"/articles/{article_id}/extract", json={"model": "openai/gpt-4o"})
    assert response.status_code == 422
    assert "openai/test-model, openai/second-model" in response.json()["detail"]
    assert len(openai_server.requests) == 1  # only the first run's


def test_an_allowed_model_on_the_configured_server_runs_there(
    llm_client: TestClient, openai_server: ScriptedOpenAIServer
):
    article_id = _article(llm_client, openai_server)
    openai_server.enqueue(Reply({"claims": [CLAIM]}))
    response = llm_client.post(
        f"/articles/{article_id}/extract", json={"model": "openai/second-model"}
    )
    assert response.status_code == 201, response.text
    assert response.json()["run"]["model"] == "openai/second-model"
    assert response.json()["run"]["status"] == "succeeded"
    assert openai_server.requests[-1]["model"] == "second-model"


def test_an_allowed_id_litellm_does_not_know_is_refused_at_once(configured: Settings):
    unknown = configured.model_copy(update={"allowed_models": ["gpt-nonexistent"]})
    problem = model_problem("gpt-nonexistent", unknown)
    assert problem is not None and "CLAIMKIT_ALLOWED_MODELS" in problem
    no_base = unknown.model_copy(update={"model_api_base": None})
    assert model_problem("openai/not-a-real-model", no_base) is not None
    assert model_problem("openai/any-local-model", configured) is None  # the local server
    assert model_problem(OTHER_PROVIDER, configured) is None


def test_the_model_key_goes_only_to_the_configured_provider(configured: Settings):
    same = scoped_settings(configured, "openai/second-model")
    assert same.model_api_key is not None
    assert same.model_api_base == configured.model_api_base
    other = scoped_settings(configured, OTHER_PROVIDER)
    assert other.model_api_key is None
    assert other.model_api_base is None
    extractor = build_scoped_extractor(configured, model=OTHER_PROVIDER)
    assert getattr(extractor, "_api_key", "unset") is None
    assert getattr(extractor, "api_base", "unset") is None


def test_the_description_lists_the_models_a_caller_may_choose(llm_client: TestClient):
    spec = llm_client.get("/openapi.json").json()
    model = spec["components"]["schemas"]["ExtractRequest"]["properties"]["model"]
    assert model["anyOf"][0]["enum"] == ["openai/test-model", "openai/second-model", OTHER_PROVIDER]
