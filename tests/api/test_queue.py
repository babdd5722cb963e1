"""The API over the run queue: backpressure, reuse of identical runs, health, queue faults."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

from fastapi.testclient import TestClient
from sqlmodel import Session

from schemas.claims import DraftClaim
from service.api.app import create_app
from service.config import Settings
from service.db import make_engine
from service.models import ExtractionRun, RunStatus
from tests.fakes.extractor import FakeExtractor

TEXT = "The White House confirmed that about 3,000 soldiers arrived on Wednesday."
OTHER = "The ferry resumed service on Friday after the storm, the operator said."


def _claim() -> DraftClaim:
    return DraftClaim(
        statement="Soldiers arrived.",
        kind="event",
        subject="soldiers",
        evidence=["about 3,000 soldiers arrived"],
    )


@contextmanager
def _client(settings: Settings, extractor: FakeExtractor, **values: object) -> Iterator[TestClient]:
    app = create_app(settings.model_copy(update=values), extractor_factory=lambda **_: extractor)
    with TestClient(app) as client:
        yield client


def _set_status(settings: Settings, run_id: int, status: RunStatus) -> None:
    engine = make_engine(settings.resolved_database_url())
    with Session(engine) as session:
        run = session.get(ExtractionRun, run_id)
        assert run is not None
        run.status = status
        session.add(run)
        session.commit()
    engine.dispose()


def test_a_full_queue_answers_503_with_retry_after_and_keeps_the_article(
    settings: Settings, fake_extractor: FakeExtractor
):
    with _client(settings, fake_extractor, embedded_worker=False, max_pending_runs=1) as client:
        first = client.post("/articles", json={"text": TEXT}, params={"wait": 0})
        assert first.status_code == 202
        full = client.post("/articles", json={"text": OTHER}, params={"wait": 0})
        assert full.status_code == 503
        assert full.headers["Retry-After"] == "10"
        assert "queue is full" in full.json()["detail"]
        assert "CLAIMKIT_MAX_PENDING_RUNS=1" in full.json()["detail"]
        stored = client.get(full.headers["Location"]).json()
        assert stored["text"] == OTHER
        assert stored["latest_run"] is None
        # The backlog drains; the same POST then starts the stored article's run.
        _set_status(settings, first.json()["run"]["id"], RunStatus.failed)
        again = client.post("/articles", json={"text": OTHER}, params={"wait": 0})
        assert again.status_code == 202
        body = again.json()
        assert (body["created"], body["article"]["id"]) == (False, stored["id"])
        assert body["run"]["status"] == "pending"


def test_health_reports_the_queue_backlog_and_the_embedded_worker(client: TestClient):
    queue = client.get("/health").json()["queue"]
    assert queue["backend"] == "sqlite"
    assert queue["ok"] is True
    assert queue["workers"] == 1
    assert queue["worker_threads"] == 4
    assert queue["embedded_worker"] is True
    assert (queue["pending_runs"], queue["running_runs"]) == (0, 0)


def test_health_counts_pending_runs_when_no_worker_runs_them(
    settings: Settings, fake_extractor: FakeExtractor
):
    with _client(settings, fake_extractor, embedded_worker=False) as client:
        client.post("/articles", json={"text": TEXT}, params={"wait": 0})
        queue = client.get("/health").json()["queue"]
        assert (queue["pending_runs"], queue["workers"], queue["embedded_worker"]) == (
            1,
            0,
            False,
        )


def test_reextracting_with_an_identical_extractor_returns_the_earlier_run(
    client: TestClient, fake_extractor: FakeExtractor
):
    fake_extractor.enqueue([_claim()], [_claim()])
    first = client.post("/articles", json={"text": TEXT}).json()
    article_id = first["article"]["id"]
    again = client.post(f"/articles/{article_id}/extract")
    assert again.status_code == 200
    assert again.json()["reused"] is True
    assert again.json()["run"]["id"] == first["run"]["id"]
    assert [c["statement"] for c in again.json()["claims"]] == ["Soldiers arrived."]
    assert len(fake_extractor.history) == 1
    forced = client.post(f"/articles/{article_id}/extract", params={"force": "true"})
    assert forced.status_code == 201
    assert forced.json()["reused"] is False
    assert forced.json()["run"]["id"] != first["run"]["id"]
    assert len(fake_extractor.history) == 2


def test_an_unreachable_queue_answers_503_and_keeps_the_article_and_a_failed_run(
    settings: Settings, fake_extractor: FakeExtractor
):
    with _client(
        settings, fake_extractor, embedded_worker=False, queue_url="redis://127.0.0.1:1/0"
    ) as client:
        response = client.post("/articles", json={"text": TEXT})
        assert response.status_code == 503
        assert response.headers["Retry-After"] == "30"
        assert "unreachable" in response.json()["detail"]
        article = client.get(response.headers["Location"]).json()
        assert article["text"] == TEXT
        assert article["latest_run"]["status"] == "failed"
        assert article["latest_run"]["error_kind"] == "queue_unavailable"
        health = client.get("/health")
        assert health.status_code == 503
        assert health.json()["queue"]["ok"] is False


def test_post_with_no_wait_answers_202_and_the_run_finishes_in_the_background(
    client: TestClient, fake_extractor: FakeExtractor
):
    fake_extractor.enqueue([_claim()])
    response = client.post("/articles", json={"text": TEXT}, params={"wait": 0})
    assert response.status_code in (201, 202)  # an idle worker may already be done
    run_url = response.json()["run"]["url"]
    for _ in range(200):
        run = client.get(run_url).json()
        if run["status"] == "succeeded":
            break
        time.sleep(0.02)
    assert run["status"] == "succeeded"
    assert run["claims_count"] == 1
    assert run["worker"] is not None
