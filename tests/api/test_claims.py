"""GET /claims filters and GET /runs."""

from __future__ import annotations

from fastapi.testclient import TestClient

from schemas.claims import DraftClaim
from tests.fakes.extractor import FakeExtractor

TEXT = (
    "South Korea's National Intelligence Service said approximately 3,000 North Korean "
    "soldiers have been sent to Russia. A senior Ukrainian official said around 5,000 troops "
    "could be mobilized. Analysts believe the troops lack equipment."
)


def claim(statement: str, quote: str, **fields: object) -> DraftClaim:
    """A draft claim with sensible defaults."""
    base = {"statement": statement, "kind": "event", "subject": "North Korean troops"}
    return DraftClaim.model_validate(base | {"evidence": [quote]} | fields)


def seed_claims(client: TestClient, fake_extractor: FakeExtractor) -> int:
    """Store TEXT with three claims of different kinds, sources and certainty."""
    fake_extractor.enqueue(
        [
            claim(
                "Approximately 3,000 North Korean soldiers have been sent to Russia.",
                "approximately 3,000 North Korean soldiers have been sent to Russia",
                source={"name": "South Korea's National Intelligence Service"},
            ),
            claim(
                "Around 5,000 troops could be mobilized.",
                "around 5,000 troops could be mobilized",
                kind="forecast",
                certainty="possible",
                source={"name": "a senior Ukrainian official", "anonymous": True},
            ),
            claim(
                "The troops lack equipment.",
                "the troops lack equipment",
                kind="assessment",
                subject="the troops",
                certainty="probable",
                source={"name": "Analysts", "anonymous": True},
            ),
        ]
    )
    response = client.post("/articles", json={"text": TEXT})
    assert response.status_code == 201
    return int(response.json()["article"]["id"])


def statements(response) -> list[str]:  # type: ignore[no-untyped-def]
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == len(body["data"])
    return [c["statement"] for c in body["data"]]


def test_claims_filter_by_source_is_case_insensitive(client: TestClient, fake_extractor):  # type: ignore[no-untyped-def]
    seed_claims(client, fake_extractor)
    found = statements(client.get("/claims", params={"source": "intelligence service"}))
    assert found == ["Approximately 3,000 North Korean soldiers have been sent to Russia."]


def test_claims_filter_by_kind_and_certainty(client: TestClient, fake_extractor):  # type: ignore[no-untyped-def]
    seed_claims(client, fake_extractor)
    assert statements(client.get("/claims", params={"kind": "forecast"})) == [
        "Around 5,000 troops could be mobilized."
    ]
    assert statements(client.get("/claims", params={"certainty": "probable"})) == [
        "The troops lack equipment."
    ]


def test_claims_filter_by_subject_and_text(client: TestClient, fake_extractor):  # type: ignore[no-untyped-def]
    seed_claims(client, fake_extractor)
    assert len(statements(client.get("/claims", params={"subject": "north korean"}))) == 2
    assert statements(client.get("/claims", params={"q": "MOBILIZED"})) == [
        "Around 5,000 troops could be mobilized."
    ]


def test_claims_filters_combine(client: TestClient, fake_extractor):  # type: ignore[no-untyped-def]
    seed_claims(client, fake_extractor)
    params = {"subject": "north korean", "certainty": "certain"}
    assert len(statements(client.get("/claims", params=params))) == 1


def test_claims_rejects_an_unknown_kind(client: TestClient):
    response = client.get("/claims", params={"kind": "rumour"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "kind"]


def test_claims_pages_with_total_count(client: TestClient, fake_extractor):  # type: ignore[no-untyped-def]
    seed_claims(client, fake_extractor)
    page = client.get("/claims", params={"limit": 2, "skip": 1}).json()
    assert page["count"] == 3
    assert len(page["data"]) == 2


def test_claims_only_come_from_each_articles_current_run(client: TestClient, fake_extractor):  # type: ignore[no-untyped-def]
    article_id = seed_claims(client, fake_extractor)
    fake_extractor.enqueue([claim("Only this.", "Analysts believe the troops lack equipment")])
    client.post(f"/articles/{article_id}/extract", params={"force": "true"})
    assert statements(client.get("/claims")) == ["Only this."]


def test_run_endpoint_reports_extractor_usage_and_timing(client: TestClient, fake_extractor):  # type: ignore[no-untyped-def]
    article_id = seed_claims(client, fake_extractor)
    run_id = client.get(f"/articles/{article_id}").json()["current_run_id"]
    run = client.get(f"/runs/{run_id}").json()
    assert run["status"] == "succeeded"
    assert run["extractor"] == "fake"
    assert run["claims_count"] == 3
    assert run["latency_ms"] >= 0
    assert run["finished_at"] >= run["started_at"] >= run["created_at"]
    claims = client.get(f"/runs/{run_id}/claims").json()
    assert claims["count"] == 3


def test_unknown_run_is_404(client: TestClient):
    response = client.get("/runs/12345")
    assert response.status_code == 404
    assert response.json()["detail"] == "run 12345 does not exist"
