"""GET /claims and GET /articles/{id}/claims in every format, each read back with its own
standard reader: csv.DictReader, json per line, pyld (offline contexts) for JSON-LD."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.api.test_claims import TEXT, seed_claims
from tests.fakes.extractor import FakeExtractor
from tests.jsonld import OA, RDF, SCHEMA, expand, flatten

ANNO = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"'


@pytest.fixture
def article_id(client: TestClient, fake_extractor: FakeExtractor) -> int:
    """TEXT with three claims; the first accepted and rated false, the second edited."""
    article_id = seed_claims(client, fake_extractor)
    first, second, _ = client.get(f"/articles/{article_id}/review").json()["claims"]
    client.post(f"/claims/{first['id']}/accept", headers={"X-Reviewer": "Ada"})
    client.post(
        f"/claims/{first['id']}/rate",
        json={"rating": "false", "note": "The count is of units."},
        headers={"X-Reviewer": "Ada"},
    )
    body = {**second["reviewed"], "subject": "Ukrainian reserves"}
    assert client.post(f"/claims/{second['id']}/edit", json=body).status_code == 200
    return article_id


def test_csv_rows_read_back_with_dict_reader(client: TestClient, article_id: int):
    response = client.get("/claims", params={"format": "csv"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["x-total-count"] == "3"
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [row["review_state"] for row in rows] == ["accepted", "edited", "unreviewed"]
    assert rows[0]["rating"] == "false"
    assert rows[0]["source_name"] == "South Korea's National Intelligence Service"
    assert rows[1]["subject"] == "Ukrainian reserves"  # the reviewed value
    assert rows[1]["reviewed"] == "true" and rows[2]["reviewed"] == "false"
    evidence = json.loads(rows[0]["evidence"])
    assert TEXT[evidence[0]["start"] : evidence[0]["end"]] == evidence[0]["text"]
    assert all(row["article_id"] == str(article_id) for row in rows)


def test_json_lines_read_back_one_claim_per_line(client: TestClient, article_id: int):
    response = client.get("/claims", headers={"Accept": "application/x-ndjson"})
    assert response.headers["content-type"] == "application/x-ndjson"
    claims = [json.loads(line) for line in response.text.splitlines()]
    assert [claim["review_state"] for claim in claims] == ["accepted", "edited", "unreviewed"]
    assert claims[1]["subject"] == "Ukrainian reserves"
    assert response.text.endswith("\n")


def test_jsonld_expands_to_schema_org_claims_and_a_claim_review(
    client: TestClient, article_id: int
):
    response = client.get("/claims", headers={"Accept": "application/ld+json"})
    assert response.headers["content-type"] == "application/ld+json"
    nodes = {node["@id"]: node for node in flatten(response.json())}
    claims = [node for node in nodes.values() if node.get("@type") == [f"{SCHEMA}Claim"]]
    assert len(claims) == 3
    (review,) = [node for node in nodes.values() if node.get("@type") == [f"{SCHEMA}ClaimReview"]]
    reviewed = nodes[review[f"{SCHEMA}itemReviewed"][0]["@id"]]
    assert reviewed[f"{SCHEMA}text"][0]["@value"].startswith("Approximately 3,000")
    rating = nodes[review[f"{SCHEMA}reviewRating"][0]["@id"]]
    assert rating[f"{SCHEMA}alternateName"] == [{"@value": "false"}]
    assert rating[f"{SCHEMA}ratingExplanation"] == [{"@value": "The count is of units."}]
    assert nodes[review[f"{SCHEMA}author"][0]["@id"]][f"{SCHEMA}name"] == [{"@value": "Ada"}]
    article = nodes[reviewed[f"{SCHEMA}appearance"][0]["@id"]]
    assert article["@id"] == f"urn:claimkit:article:{article_id}"
    assert article["@type"] == [f"{SCHEMA}NewsArticle"]
    assert reviewed[f"{SCHEMA}firstAppearance"] == [{"@id": article["@id"]}]
    author = nodes[reviewed[f"{SCHEMA}author"][0]["@id"]]
    assert author["@type"] == [f"{SCHEMA}Organization"]


def test_annotation_expands_to_web_annotations_with_quote_and_position_selectors(
    client: TestClient, article_id: int
):
    response = client.get(f"/articles/{article_id}/claims", headers={"Accept": ANNO})
    assert response.status_code == 200
    assert response.headers["content-type"] == ANNO
    (collection,) = expand(response.json())
    assert collection["@type"] == ["http://www.w3.org/ns/activitystreams#OrderedCollection"]
    (page,) = collection["http://www.w3.org/ns/activitystreams#first"]
    annotations = page["http://www.w3.org/ns/activitystreams#items"][0]["@list"]
    assert len(annotations) == 3
    annotation = annotations[0]
    assert annotation["@type"] == [f"{OA}Annotation"]
    (target,) = annotation[f"{OA}hasTarget"]
    assert target[f"{OA}hasSource"] == [{"@id": f"urn:claimkit:article:{article_id}"}]
    by_type = {selector["@type"][0]: selector for selector in target[f"{OA}hasSelector"]}
    quote = by_type[f"{OA}TextQuoteSelector"]
    position = by_type[f"{OA}TextPositionSelector"]
    start, end = position[f"{OA}start"][0]["@value"], position[f"{OA}end"][0]["@value"]
    assert TEXT[start:end] == quote[f"{OA}exact"][0]["@value"]
    assert TEXT[:start].endswith(quote[f"{OA}prefix"][0]["@value"])
    assert TEXT[end:].startswith(quote[f"{OA}suffix"][0]["@value"])
    (body,) = annotation[f"{OA}hasBody"]
    assert body["@type"] == [f"{OA}TextualBody"]
    assert body[f"{RDF}value"][0]["@value"].startswith("Approximately 3,000")


def test_the_format_parameter_wins_over_accept(client: TestClient, article_id: int):
    response = client.get(
        f"/articles/{article_id}/claims", params={"format": "jsonl"}, headers={"Accept": ANNO}
    )
    assert response.headers["content-type"] == "application/x-ndjson"
    assert response.headers["vary"] == "Accept"


def test_json_stays_the_default(client: TestClient, article_id: int):
    for headers in ({}, {"Accept": "*/*"}, {"Accept": "text/html,*/*;q=0.8"}):
        response = client.get("/claims", headers=headers)
        assert response.headers["content-type"] == "application/json"
        assert response.json()["count"] == 3


def test_an_unknown_format_is_refused_naming_the_allowed_ones(client: TestClient):
    response = client.get("/claims", params={"format": "xml"})
    assert response.status_code == 422
    issue: dict[str, Any] = response.json()["detail"][0]
    assert issue["loc"] == ["query", "format"]
    assert "'json', 'csv', 'jsonl', 'annotation' or 'jsonld'" in issue["msg"]


def test_an_accept_header_no_format_matches_is_406(client: TestClient):
    response = client.get("/claims", headers={"Accept": "application/xml"})
    assert response.status_code == 406
    assert response.json()["code"] == "not_acceptable"
    assert "text/csv" in response.json()["detail"]


def test_every_format_is_in_the_openapi_description(client: TestClient):
    for path in ("/claims", "/articles/{article_id}/claims"):
        operation = client.get("/openapi.json").json()["paths"][path]["get"]
        content = operation["responses"]["200"]["content"]
        assert set(content) == {
            "application/json",
            "text/csv",
            "application/x-ndjson",
            "application/ld+json",
            ANNO,
        }
        assert all(
            "example" in entry for media, entry in content.items() if media != "application/json"
        )
        assert "406" in operation["responses"]
