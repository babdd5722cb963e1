"""Undo under concurrency: simultaneous undos revert distinct actions, never one twice."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from schemas.claims import DraftClaim
from service.models import ClaimReview
from tests.fakes.extractor import FakeExtractor

TEXT = "Officials said about 3,000 soldiers arrived on Wednesday."


def _claim_id(client: TestClient, fake: FakeExtractor) -> int:
    fake.enqueue(
        [
            DraftClaim(
                statement="Soldiers arrived on Wednesday.",
                kind="event",
                subject="soldiers",
                evidence=["about 3,000 soldiers arrived on Wednesday"],
            )
        ]
    )
    claim_id: int = client.post("/articles", json={"text": TEXT}).json()["claims"][0]["id"]
    return claim_id


def _undo_all_at_once(client: TestClient, path: str, times: int) -> list[int]:
    with ThreadPoolExecutor(max_workers=times) as pool:
        return sorted(pool.map(lambda _: client.post(path).status_code, range(times)))


def _undone_ids(app: FastAPI) -> list[int | None]:
    with Session(app.state.engine) as session:
        rows = session.exec(select(ClaimReview).where(col(ClaimReview.action) == "undo")).all()
        return [row.undoes_id for row in rows]


def test_ten_concurrent_undos_of_one_action_record_one_undo(
    app: FastAPI, client: TestClient, fake_extractor: FakeExtractor
):
    claim_id = _claim_id(client, fake_extractor)
    assert client.post(f"/claims/{claim_id}/accept").status_code == 200

    statuses = _undo_all_at_once(client, f"/claims/{claim_id}/undo", 10)

    assert statuses == [200] + [409] * 9
    assert len(_undone_ids(app)) == 1
    assert client.get(f"/claims/{claim_id}/review").json()["claim"]["status"] == "unreviewed"


def test_concurrent_article_undos_each_revert_a_different_action(
    app: FastAPI, client: TestClient, fake_extractor: FakeExtractor
):
    claim_id = _claim_id(client, fake_extractor)
    article_id = client.get(f"/claims/{claim_id}/review").json()["claim"]["article_id"]
    for action in ("accept", "reject", "accept"):
        assert client.post(f"/claims/{claim_id}/{action}").status_code == 200

    statuses = _undo_all_at_once(client, f"/articles/{article_id}/review/undo", 10)

    assert statuses == [200] * 3 + [409] * 7
    undone = _undone_ids(app)
    assert len(undone) == len(set(undone)) == 3
