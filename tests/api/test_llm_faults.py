"""Model faults through the whole service: the queue, the worker and the API.

Each fault is first transient (the run succeeds after retries, which it records) and then
persistent (the run fails with the right error_kind). In every case the API answers
without a 5xx and the article stays stored.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from service.api.app import create_app
from service.config import Settings
from tests.api.test_llm_runs import CLAIM, TEXT
from tests.fakes.openai_server import (
    Delay,
    HttpError,
    Reply,
    Scripted,
    ScriptedOpenAIServer,
    openai_server,
)

__all__ = ["openai_server"]

RETRIES = 2
TIMEOUT = 0.5
PATIENT_TIMEOUT = 10.0


FAULTS: dict[str, tuple[Scripted, str]] = {
    "429": (HttpError(429, "slow down", "rate_limit_error", {"Retry-After": "3"}), "rate_limited"),
    "500": (HttpError(500, "the GPU caught fire"), "model_error"),
    "503": (HttpError(503, "overloaded"), "model_error"),
    "timeout": (Delay(TIMEOUT * 4), "timeout"),
}


@pytest.fixture(params=list(FAULTS))
def fault(request: pytest.FixtureRequest) -> str:
    """Each scripted fault in turn."""
    return str(request.param)


@pytest.fixture
def faulty_client(
    settings: Settings, openai_server: ScriptedOpenAIServer, fault: str
) -> Iterator[TestClient]:
    """The service with a model behind the scripted server, retrying quickly."""
    scripted, _kind = FAULTS[fault]
    # Short only when the fault is a delay: elsewhere a busy CI machine must not
    # turn a slow answer into a timeout.
    timeout = TIMEOUT if isinstance(scripted, Delay) else PATIENT_TIMEOUT
    configured = settings.model_copy(
        update={
            "model": "openai/test-model",
            "model_api_base": openai_server.base_url,
            "model_api_key": SecretStr("test"),
            "llm_timeout": timeout,
            "llm_max_retries": 1,
            "model_retries": RETRIES,
            "model_retry_backoff": 0.01,
            "model_retry_max_wait": 0.05,  # caps Retry-After too, so tests stay quick
        }
    )
    with TestClient(create_app(configured)) as client:
        yield client


def _post(client: TestClient) -> tuple[int, dict]:  # type: ignore[type-arg]
    response = client.post("/articles", json={"text": TEXT})
    return response.status_code, response.json()


def test_a_transient_model_fault_is_retried_and_the_run_succeeds(
    faulty_client: TestClient, openai_server: ScriptedOpenAIServer, fault: str
):
    scripted, _kind = FAULTS[fault]
    openai_server.enqueue(scripted, Reply({"claims": [CLAIM]}))
    status, body = _post(faulty_client)
    assert status == 201
    run = body["run"]
    assert (run["status"], run["retries"], run["claims_count"]) == ("succeeded", 1, 1)
    assert run["last_error"]
    assert any("retr" in note for note in run["notes"])


def test_a_persistent_model_fault_fails_the_run_with_its_kind_and_keeps_the_article(
    faulty_client: TestClient, openai_server: ScriptedOpenAIServer, fault: str
):
    scripted, kind = FAULTS[fault]
    openai_server.enqueue(*[scripted] * (RETRIES + 1))
    status, body = _post(faulty_client)
    assert status == 201
    run = body["run"]
    assert (run["status"], run["error_kind"], run["retries"]) == ("failed", kind, RETRIES)
    assert f"after {RETRIES} retries" in run["error"]
    assert len(openai_server.requests) == RETRIES + 1
    article = faulty_client.get(f"/articles/{body['article']['id']}")
    assert article.status_code == 200
    assert article.json()["text"] == TEXT
