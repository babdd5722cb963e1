"""Every claim read uses the reviewed value: search, filters, lists; and says so."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.api.test_claims import claim, seed_claims
from tests.fakes.extractor import FakeExtractor


def reviewed_claims(client: TestClient, article_id: int) -> list[dict[str, Any]]:
    """The article's claims as the review API shows them (with `reviewed` values)."""
    claims: list[dict[str, Any]] = client.get(f"/articles/{article_id}/review").json()["claims"]
    return claims


def edit(client: TestClient, claim: dict[str, Any], **changes: Any) -> dict[str, Any]:
    response = client.post(f"/claims/{claim['id']}/edit", json={**claim["reviewed"], **changes})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def found(client: TestClient, **params: Any) -> list[str]:
    response = client.get("/claims", params=params)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["count"] == len(body["data"])
    return [item["statement"] for item in body["data"]]


NIS = "Approximately 3,000 North Korean soldiers have been sent to Russia."


def test_search_finds_a_claim_under_its_reviewed_source(
    client: TestClient, fake_extractor: FakeExtractor
):
    article_id = seed_claims(client, fake_extractor)
    first = reviewed_claims(client, article_id)[0]
    edit(client, first, source={"name": "Ukraine's military intelligence", "anonymous": False})
    assert found(client, source="military intelligence") == [NIS]
    assert found(client, source="National Intelligence Service") == []


def test_search_answers_with_reviewed_values_and_says_which_are_reviewed(
    client: TestClient, fake_extractor: FakeExtractor
):
    article_id = seed_claims(client, fake_extractor)
    first = reviewed_claims(client, article_id)[0]
    edit(client, first, statement="About 3,000 soldiers were sent.", subject="DPRK soldiers")
    data = client.get("/claims").json()["data"]
    assert (data[0]["statement"], data[0]["subject"]) == (
        "About 3,000 soldiers were sent.",
        "DPRK soldiers",
    )
    assert [(item["review_state"], item["reviewed"]) for item in data] == [
        ("edited", True),
        ("unreviewed", False),
        ("unreviewed", False),
    ]
    assert found(client, q="were sent", subject="dprk") == ["About 3,000 soldiers were sent."]


def test_search_filters_on_the_reviewed_kind_and_certainty(
    client: TestClient, fake_extractor: FakeExtractor
):
    article_id = seed_claims(client, fake_extractor)
    forecast = reviewed_claims(client, article_id)[1]
    edit(client, forecast, kind="assessment", certainty="probable")
    assert found(client, kind="forecast") == []
    assert found(client, kind="assessment", certainty="probable") == [
        "Around 5,000 troops could be mobilized.",
        "The troops lack equipment.",
    ]


def test_search_filters_by_review_state(client: TestClient, fake_extractor: FakeExtractor):
    article_id = seed_claims(client, fake_extractor)
    first, second, _third = reviewed_claims(client, article_id)
    client.post(f"/claims/{first['id']}/accept")
    edit(client, second, subject="troops")
    assert found(client, review="accepted") == [NIS]
    assert found(client, review="edited") == ["Around 5,000 troops could be mobilized."]
    assert found(client, review="unreviewed") == ["The troops lack equipment."]
    response = client.get("/claims", params={"review": "maybe"})
    assert response.status_code == 422
    assert "'unreviewed', 'accepted', 'edited', 'rejected' or 'added'" in str(response.json())


def test_rejected_claims_are_left_out_unless_asked_for(
    client: TestClient, fake_extractor: FakeExtractor
):
    article_id = seed_claims(client, fake_extractor)
    first = reviewed_claims(client, article_id)[0]
    client.post(f"/claims/{first['id']}/reject")
    assert NIS not in found(client)
    assert found(client, review="rejected") == [NIS]
    listed = client.get(f"/articles/{article_id}/claims").json()
    assert listed["count"] == 2
    rejected = client.get(f"/articles/{article_id}/claims", params={"review": "rejected"})
    assert [item["review_state"] for item in rejected.json()["data"]] == ["rejected"]


def test_undo_brings_back_the_extracted_value_in_search(
    client: TestClient, fake_extractor: FakeExtractor
):
    article_id = seed_claims(client, fake_extractor)
    first = reviewed_claims(client, article_id)[0]
    edit(client, first, source={"name": "Kyiv", "anonymous": False})
    assert client.post(f"/claims/{first['id']}/undo").status_code == 200
    assert found(client, source="kyiv") == []
    assert found(client, source="intelligence service") == [NIS]
    assert client.get("/claims").json()["data"][0]["reviewed"] is False


def test_a_claim_a_reviewer_added_is_found_until_its_add_is_undone(
    client: TestClient, fake_extractor: FakeExtractor
):
    article_id = seed_claims(client, fake_extractor)
    body = {
        "statement": "Analysts say equipment is lacking.",
        "kind": "assessment",
        "subject": "the troops",
        "evidence": ["Analysts believe the troops lack equipment"],
    }
    added = client.post(f"/articles/{article_id}/review/claims", json=body).json()
    assert found(client, review="added") == ["Analysts say equipment is lacking."]
    assert client.post(f"/claims/{added['id']}/undo").status_code == 200
    assert found(client, review="added") == []
    assert len(found(client)) == 3


TEXT = "Prices rose 5% in May, officials said. Sales of item_42 fell; item 42x rose 55 points."


def test_search_takes_percent_and_underscore_literally(
    client: TestClient, fake_extractor: FakeExtractor
):
    fake_extractor.enqueue(
        [
            claim("Prices rose 5% in May.", "Prices rose 5% in May", subject="Prices"),
            claim("Sales of item_42 fell.", "Sales of item_42 fell", subject="Sales"),
            claim("Item 42x rose 55 points.", "item 42x rose 55 points", subject="item 42x"),
        ]
    )
    assert client.post("/articles", json={"text": TEXT}).status_code == 201
    assert found(client, q="5%") == ["Prices rose 5% in May."]
    assert found(client, q="item_4") == ["Sales of item_42 fell."]
    assert found(client, q="\\") == []
