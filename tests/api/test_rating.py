"""Rating a claim: true / false / misleading / unverifiable with a note; audited, undoable,
part of the claim's review state and of every read."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.api.test_review import post_article
from tests.fakes.extractor import FakeExtractor


def first_claim(client: TestClient, fake: FakeExtractor) -> dict[str, Any]:
    claim: dict[str, Any] = post_article(client, fake)["claims"][0]
    return claim


def test_a_rating_is_stored_with_its_note_and_reviewer(
    client: TestClient, fake_extractor: FakeExtractor
):
    claim = first_claim(client, fake_extractor)
    response = client.post(
        f"/claims/{claim['id']}/rate",
        json={"rating": "misleading", "note": "Counts units, not soldiers."},
        headers={"X-Reviewer": "Ada"},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["rating"], body["rating_note"], body["rated_by"]) == (
        "misleading",
        "Counts units, not soldiers.",
        "Ada",
    )
    assert body["status"] == "unreviewed"  # a rating is not a decision about the claim
    history = client.get(f"/claims/{claim['id']}/review").json()["history"]
    assert [event["action"] for event in history] == ["rate"]
    assert history[0]["value"] == {"rating": "misleading", "note": "Counts units, not soldiers."}


def test_claim_reads_carry_the_latest_rating(client: TestClient, fake_extractor: FakeExtractor):
    claim = first_claim(client, fake_extractor)
    client.post(f"/claims/{claim['id']}/rate", json={"rating": "true"})
    client.post(f"/claims/{claim['id']}/accept")
    client.post(f"/claims/{claim['id']}/rate", json={"rating": "false"})
    (listed,) = [c for c in client.get("/claims").json()["data"] if c["id"] == claim["id"]]
    assert (listed["rating"], listed["review_state"]) == ("false", "accepted")


def test_undo_reverts_a_rating_to_the_one_before(client: TestClient, fake_extractor: FakeExtractor):
    claim = first_claim(client, fake_extractor)
    client.post(f"/claims/{claim['id']}/rate", json={"rating": "unverifiable"})
    client.post(f"/claims/{claim['id']}/rate", json={"rating": "false", "note": "wrong"})
    undone = client.post(f"/claims/{claim['id']}/undo").json()
    assert undone["undone"]["action"] == "rate"
    assert (undone["claim"]["rating"], undone["claim"]["rating_note"]) == ("unverifiable", None)
    client.post(f"/claims/{claim['id']}/undo")
    (listed,) = [c for c in client.get("/claims").json()["data"] if c["id"] == claim["id"]]
    assert listed["rating"] is None


def test_an_unknown_rating_is_refused_naming_the_allowed_ones(
    client: TestClient, fake_extractor: FakeExtractor
):
    claim = first_claim(client, fake_extractor)
    response = client.post(f"/claims/{claim['id']}/rate", json={"rating": "mostly true"})
    assert response.status_code == 422
    issue = response.json()["detail"][0]
    assert issue["loc"] == ["body", "rating"]
    assert "'true', 'false', 'misleading' or 'unverifiable'" in issue["msg"]
    too_long = client.post(
        f"/claims/{claim['id']}/rate", json={"rating": "true", "note": "x" * 2001}
    )
    assert too_long.status_code == 422
    assert client.post("/claims/9999/rate", json={"rating": "true"}).status_code == 404
