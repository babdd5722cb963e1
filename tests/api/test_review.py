"""The review API: accept, reject, edit, add, undo; the queue; gold export; the pages."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from schemas.claims import DraftClaim
from schemas.gold import GoldArticle
from service.api.app import create_app
from service.config import Settings
from service.extractors.base import ExtractionError, FailureKind
from tests.fakes.extractor import FakeExtractor

TEXT = (
    "Officials said about 3,000 soldiers arrived on Wednesday.\n\n"
    "The White House confirmed the deployment.\n\n"
    "Analysts expect more troops to follow."
)


def draft(statement: str, quote: str, kind: str = "event") -> DraftClaim:
    """A minimal draft claim citing one quote."""
    return DraftClaim.model_validate(
        {"statement": statement, "kind": kind, "subject": "soldiers", "evidence": [quote]}
    )


def post_article(
    client: TestClient,
    fake: FakeExtractor,
    text: str = TEXT,
    drafts: list[DraftClaim] | None = None,
) -> dict[str, Any]:
    """Store an article whose extraction returns `drafts` (three claims by default)."""
    fake.enqueue(
        drafts
        if drafts is not None
        else [
            draft("About 3,000 soldiers arrived.", "about 3,000 soldiers arrived on Wednesday"),
            draft("The White House confirmed the deployment.", "The White House confirmed"),
            draft("More troops will follow.", "expect more troops to follow", "forecast"),
        ]
    )
    response = client.post("/articles", json={"text": text, "title": "Arrivals"})
    assert response.status_code == 201, response.text
    return response.json()


def edit_body(claim: dict[str, Any], **changes: Any) -> dict[str, Any]:
    """A claim's reviewed value with some fields changed, as the page sends it."""
    return {**claim["reviewed"], **changes}


def review(client: TestClient, article_id: int) -> dict[str, Any]:
    response = client.get(f"/articles/{article_id}/review")
    assert response.status_code == 200
    return response.json()


@pytest.fixture
def article(client: TestClient, fake_extractor: FakeExtractor) -> dict[str, Any]:
    """A stored article with three extracted claims, and its review state."""
    article_id = post_article(client, fake_extractor)["article"]["id"]
    return review(client, article_id)


def test_claims_start_unreviewed_with_their_extracted_value(article: dict[str, Any]):
    assert article["counts"]["total"] == 3
    assert article["counts"]["unreviewed"] == 3
    for claim in article["claims"]:
        assert claim["status"] == "unreviewed"
        assert claim["origin"] == "extracted"
        assert claim["reviewed"] == claim["original"]
        assert claim["reviewer"] is None


def test_accept_records_status_reviewer_and_time(client: TestClient, article: dict[str, Any]):
    claim_id = article["claims"][0]["id"]
    response = client.post(f"/claims/{claim_id}/accept", headers={"X-Reviewer": "Jos%C3%A9"})
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "accepted"
    assert body["reviewer"] == "José"
    assert body["reviewed_at"] is not None
    assert review(client, article["article_id"])["counts"]["accepted"] == 1


def test_reviewer_defaults_to_anonymous(client: TestClient, article: dict[str, Any]):
    body = client.post(f"/claims/{article['claims'][0]['id']}/reject").json()
    assert body["status"] == "rejected"
    assert body["reviewer"] == "anonymous"


def test_edit_keeps_the_extracted_value_beside_the_reviewed_one(
    client: TestClient, article: dict[str, Any]
):
    claim = article["claims"][0]
    source = {"name": "Officials", "anonymous": True, "via": None}
    response = client.post(f"/claims/{claim['id']}/edit", json=edit_body(claim, source=source))
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "edited"
    assert body["reviewed"]["source"] == source
    assert body["original"]["source"] is None
    assert body["changed"] == ["source"]
    review = client.get(f"/claims/{claim['id']}/review").json()
    assert review["claim"]["original"]["source"] is None  # the extraction is kept


def test_article_claims_answer_with_the_reviewed_value_and_say_so(
    client: TestClient, article: dict[str, Any]
):
    claim = article["claims"][0]
    source = {"name": "Officials", "anonymous": True, "via": None}
    client.post(f"/claims/{claim['id']}/edit", json=edit_body(claim, source=source))
    listed = client.get(f"/articles/{article['article_id']}/claims").json()["data"]
    assert listed[0]["source"] == source
    assert (listed[0]["review_state"], listed[0]["reviewed"]) == ("edited", True)
    assert (listed[1]["review_state"], listed[1]["reviewed"]) == ("unreviewed", False)


def test_accepting_an_edited_claim_keeps_the_edit(client: TestClient, article: dict[str, Any]):
    claim = article["claims"][0]
    client.post(f"/claims/{claim['id']}/edit", json=edit_body(claim, subject="troops"))
    body = client.post(f"/claims/{claim['id']}/accept").json()
    assert body["status"] == "edited"
    assert body["reviewed"]["subject"] == "troops"


def test_edit_with_a_quote_locates_it_in_the_text(client: TestClient, article: dict[str, Any]):
    claim = article["claims"][1]
    quote = "The White House confirmed the deployment"
    body = client.post(
        f"/claims/{claim['id']}/edit", json=edit_body(claim, evidence=[quote])
    ).json()
    (span,) = body["reviewed"]["evidence"]
    assert TEXT[span["start"] : span["end"]] == quote == span["text"]


def test_edit_with_a_span_that_is_not_verbatim_is_refused_naming_the_field(
    client: TestClient, article: dict[str, Any]
):
    claim = article["claims"][0]
    wrong = {"start": 0, "end": 9, "text": "Ministers"}
    response = client.post(f"/claims/{claim['id']}/edit", json=edit_body(claim, evidence=[wrong]))
    assert response.status_code == 422
    (error,) = response.json()["detail"]
    assert error["loc"] == ["body", "evidence", 0]
    assert "'Officials'" in error["msg"]
    assert review(client, article["article_id"])["claims"][0]["status"] == "unreviewed"


def test_edit_with_a_quote_not_in_the_text_is_refused(client: TestClient, article: dict[str, Any]):
    claim = article["claims"][0]
    body = edit_body(claim, evidence=["never written here"])
    response = client.post(f"/claims/{claim['id']}/edit", json=body)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "evidence", 0]


def test_editing_the_statement_of_a_fuzzy_located_claim_leaves_its_evidence_unchanged(
    client: TestClient, fake_extractor: FakeExtractor
):
    text = "Officials said \u201cabout 3,000\u201d soldiers arrived."
    created = post_article(client, fake_extractor, text, [draft("Arrived.", '"about 3,000"')])
    (claim,) = review(client, created["article"]["id"])["claims"]
    assert claim["reviewed"]["evidence"][0]["alignment"] == "fuzzy"
    spans = [  # the page sends spans without their alignment
        {key: span[key] for key in ("start", "end", "text")}
        for span in claim["reviewed"]["evidence"]
    ]
    body = edit_body(claim, statement="About 3,000 arrived.", evidence=spans)
    response = client.post(f"/claims/{claim['id']}/edit", json=body)
    assert response.status_code == 200, response.text
    assert response.json()["changed"] == ["statement"]
    gold = client.get(f"/articles/{created['article']['id']}/gold").json()
    assert gold["claims"][0]["evidence"] == claim["original"]["evidence"]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"kind": "rumour"}, ["body", "kind"]),
        ({"subject": "  "}, ["body", "subject"]),
        ({"evidence": []}, ["body", "evidence"]),
        ({"time": {"text": "Wednesday", "start": "23/10/2024"}}, ["body", "time", "start"]),
        ({"colour": "red"}, ["body", "colour"]),
    ],
)
def test_edit_breaking_the_contract_is_refused_naming_the_field(
    client: TestClient, article: dict[str, Any], changes: dict[str, Any], field: list[str]
):
    claim = article["claims"][0]
    response = client.post(f"/claims/{claim['id']}/edit", json=edit_body(claim, **changes))
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == field


def test_add_claim_from_a_selection_is_stored_as_added(client: TestClient, article: dict[str, Any]):
    selection = "The White House confirmed the deployment"
    start = TEXT.index(selection)
    body = {
        "statement": "The White House confirmed the deployment of the soldiers.",
        "kind": "event",
        "subject": "The White House",
        "evidence": [{"start": start, "end": start + len(selection), "text": selection}],
    }
    response = client.post(
        f"/articles/{article['article_id']}/review/claims",
        json=body,
        headers={"X-Reviewer": "ada"},
    )
    assert response.status_code == 201
    added = response.json()
    assert added["status"] == "added"
    assert added["origin"] == "review"
    assert added["original"] is None
    assert added["position"] == 3
    state = review(client, article["article_id"])
    assert state["counts"]["added"] == 1
    assert state["claims"][-1]["id"] == added["id"]


def test_undo_walks_back_through_a_claims_history(client: TestClient, article: dict[str, Any]):
    claim = article["claims"][0]
    client.post(f"/claims/{claim['id']}/accept")
    client.post(f"/claims/{claim['id']}/edit", json=edit_body(claim, subject="troops"))
    first = client.post(f"/claims/{claim['id']}/undo").json()
    assert first["undone"]["action"] == "edit"
    assert first["claim"]["status"] == "accepted"
    assert first["claim"]["reviewed"]["subject"] == "soldiers"
    second = client.post(f"/claims/{claim['id']}/undo").json()
    assert second["claim"]["status"] == "unreviewed"
    nothing = client.post(f"/claims/{claim['id']}/undo")
    assert nothing.status_code == 409


def test_article_undo_reverts_the_latest_action_on_any_claim(
    client: TestClient, article: dict[str, Any]
):
    first, second, _ = (claim["id"] for claim in article["claims"])
    client.post(f"/claims/{second}/reject")
    client.post(f"/claims/{first}/accept")
    undone = client.post(f"/articles/{article['article_id']}/review/undo").json()
    assert undone["undone"]["claim_id"] == first
    undone = client.post(f"/articles/{article['article_id']}/review/undo").json()
    assert undone["undone"]["claim_id"] == second
    state = review(client, article["article_id"])
    assert state["counts"]["unreviewed"] == 3


def test_undoing_an_add_removes_the_added_claim(client: TestClient, article: dict[str, Any]):
    body = {"statement": "Analysts expect more.", "kind": "forecast", "subject": "troops",
            "evidence": ["Analysts expect more troops"]}  # fmt: skip
    added = client.post(f"/articles/{article['article_id']}/review/claims", json=body).json()
    undone = client.post(f"/articles/{article['article_id']}/review/undo").json()
    assert undone["undone"]["action"] == "add"
    assert undone["claim"] is None
    assert client.get(f"/claims/{added['id']}/review").status_code == 404
    assert review(client, article["article_id"])["counts"]["total"] == 3


def test_claim_history_keeps_undone_actions(client: TestClient, article: dict[str, Any]):
    claim_id = article["claims"][0]["id"]
    client.post(f"/claims/{claim_id}/reject")
    client.post(f"/claims/{claim_id}/undo")
    client.post(f"/claims/{claim_id}/accept")
    body = client.get(f"/claims/{claim_id}/review").json()
    assert [(e["action"], e["undone"]) for e in body["history"]] == [
        ("reject", True),
        ("undo", False),
        ("accept", False),
    ]
    assert body["claim"]["status"] == "accepted"


def test_unknown_claim_or_article_is_404(client: TestClient):
    assert client.post("/claims/999/accept").status_code == 404
    assert client.get("/articles/999/review").status_code == 404
    assert client.get("/articles/999/gold").status_code == 404
    assert client.get("/review/articles/999").status_code == 404


def test_gold_export_holds_accepted_edited_and_added_claims(
    client: TestClient, article: dict[str, Any]
):
    first, second, third = article["claims"]
    client.post(f"/claims/{first['id']}/accept")
    client.post(f"/claims/{second['id']}/edit", json=edit_body(second, subject="White House"))
    client.post(f"/claims/{third['id']}/reject")
    response = client.get(f"/articles/{article['article_id']}/gold")
    assert response.status_code == 200
    gold = GoldArticle.model_validate(response.json())
    assert gold.text == TEXT
    assert [claim.statement for claim in gold.claims] == [
        first["reviewed"]["statement"],
        second["reviewed"]["statement"],
    ]
    assert gold.claims[1].subject == "White House"
    assert [claim.id for claim in gold.claims] == [f"c{first['id']}", f"c{second['id']}"]
    assert gold.annotator is not None and "1 rejected" in gold.annotator


def test_gold_refuses_a_partly_reviewed_article_naming_how_many_are_unreviewed(
    client: TestClient, article: dict[str, Any]
):
    client.post(f"/claims/{article['claims'][0]['id']}/accept")
    url = f"/articles/{article['article_id']}/gold"
    response = client.get(url)
    assert response.status_code == 409
    assert response.json()["code"] == "unreviewed"
    assert "2 unreviewed claim(s) of 3" in response.json()["detail"]
    assert "partial=true" in response.json()["detail"]
    for claim in article["claims"][1:]:
        client.post(f"/claims/{claim['id']}/accept")
    complete = client.get(url)
    assert complete.status_code == 200
    assert "partial" not in complete.json()


def test_a_partial_gold_export_is_marked_partial_with_its_counts(
    client: TestClient, article: dict[str, Any]
):
    client.post(f"/claims/{article['claims'][0]['id']}/accept")
    response = client.get(f"/articles/{article['article_id']}/gold", params={"partial": True})
    assert response.status_code == 200
    body = response.json()
    assert body["partial"] is True
    assert body["review"] == {"claims": 3, "reviewed": 1, "unreviewed": 2}
    assert len(body["claims"]) == 1


def test_article_review_says_how_many_claims_keep_the_gold_file_back(
    client: TestClient, article: dict[str, Any]
):
    client.post(f"/claims/{article['claims'][0]['id']}/accept")
    gold = review(client, article["article_id"])["gold"]
    assert (gold["total"], gold["unreviewed"], gold["complete"]) == (3, 2, False)
    assert gold["url"] == f"/articles/{article['article_id']}/gold"
    assert client.get(gold["partial_url"]).json()["partial"] is True


def test_queue_puts_failed_runs_then_unfinished_articles_first(
    client: TestClient, fake_extractor: FakeExtractor
):
    done = post_article(client, fake_extractor, text="Done. " + TEXT)["claims"]
    for claim in done:
        client.post(f"/claims/{claim['id']}/accept")
    fresh = post_article(client, fake_extractor, text="Fresh. " + TEXT)["article"]["id"]
    fake_extractor.enqueue(ExtractionError(FailureKind.model_error, "model down"))
    failed = client.post("/articles", json={"text": "Failed. " + TEXT}).json()["article"]["id"]
    queue = client.get("/review-queue").json()
    assert [item["article_id"] for item in queue["data"]] == [failed, fresh, done[0]["article_id"]]
    assert [item["status"] for item in queue["data"]] == ["new", "new", "done"]
    assert queue["data"][0]["failed_run"] is True
    assert queue["extractors"] == ["fake"]


@pytest.mark.parametrize(("status", "expected"), [("done", 1), ("new", 1), ("failed", 0)])
def test_queue_filters_by_status(
    client: TestClient, fake_extractor: FakeExtractor, status: str, expected: int
):
    done = post_article(client, fake_extractor, text="Done. " + TEXT)["claims"]
    for claim in done:
        client.post(f"/claims/{claim['id']}/accept")
    post_article(client, fake_extractor, text="Fresh. " + TEXT)
    assert client.get("/review-queue", params={"status": status}).json()["count"] == expected


def test_queue_filters_by_extractor(client: TestClient, article: dict[str, Any]):
    assert client.get("/review-queue", params={"extractor": "fake"}).json()["count"] == 1
    assert client.get("/review-queue", params={"extractor": "llm"}).json()["count"] == 0


def test_queue_flags_unreviewed_claims_with_fuzzy_evidence(
    client: TestClient, fake_extractor: FakeExtractor
):
    text = "Officials said \u201cabout 3,000\u201d soldiers arrived."
    post_article(client, fake_extractor, text=text, drafts=[draft("Arrived.", '"about 3,000"')])
    (item,) = client.get("/review-queue").json()["data"]
    assert item["counts"]["low_confidence"] == 1


def test_unknown_review_page_in_a_browser_is_an_html_404_linking_the_queue(client: TestClient):
    response = client.get("/review/articles/999", headers={"Accept": "text/html"})
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "article 999 does not exist" in response.text
    assert 'href="/review"' in response.text


def test_unknown_review_page_for_an_api_client_stays_json(client: TestClient):
    response = client.get("/review/articles/999", headers={"Accept": "application/json"})
    assert response.status_code == 404
    assert response.json() == {"detail": "article 999 does not exist", "code": "not_found"}


def test_queue_page_lists_articles_with_links(client: TestClient, article: dict[str, Any]):
    response = client.get("/review")
    assert response.status_code == 200
    assert f'href="/review/articles/{article["article_id"]}"' in response.text
    assert "Arrivals" in response.text


def test_article_page_highlights_every_claim_and_prints_keys(
    client: TestClient, article: dict[str, Any]
):
    response = client.get(f"/review/articles/{article['article_id']}")
    assert response.status_code == 200
    for claim in article["claims"]:
        assert f'data-claim-id="{claim["id"]}"' in response.text
        for span in claim["reviewed"]["evidence"]:
            assert f'data-start="{span["start"]}"' in response.text
    for key in "jkaxenu?]":
        assert f"<kbd>{key}</kbd>" in response.text
    assert 'src="/static/review.js"' in response.text
    assert client.get("/static/review.js").status_code == 200


def test_article_page_lists_dropped_claims_with_quote_and_reason_escaped(
    client: TestClient, fake_extractor: FakeExtractor
):
    drafts = [
        draft("The White House confirmed the deployment.", "The White House confirmed"),
        draft("<b>Troops</b> & tanks left.", "troops <left> on Friday"),
    ]
    article_id = post_article(client, fake_extractor, drafts=drafts)["article"]["id"]
    page = client.get(f"/review/articles/{article_id}").text
    assert '<details class="dropped" id="dropped-claims">' in page
    assert "1 dropped" in page
    assert '<p class="statement">&lt;b&gt;Troops&lt;/b&gt; &amp; tanks left.</p>' in page
    assert '<q class="dropped-quote">troops &lt;left&gt; on Friday</q>' in page
    assert '</q> <span class="flag flag-failed">not found</span>' in page
    assert (
        "quote not found verbatim in the article: &#39;troops &lt;left&gt; on Friday&#39;" in page
    )
    assert 'data-statement="&lt;b&gt;Troops&lt;/b&gt; &amp; tanks left."' in page
    assert "<b>Troops</b>" not in page


def test_article_page_has_no_dropped_section_when_nothing_was_dropped(
    client: TestClient, article: dict[str, Any]
):
    page = client.get(f"/review/articles/{article['article_id']}").text
    assert "dropped-claims" not in page


def test_next_article_leads_to_the_next_article_that_needs_review(
    client: TestClient, fake_extractor: FakeExtractor
):
    first = post_article(client, fake_extractor)["article"]["id"]
    second = post_article(client, fake_extractor, text=TEXT + "\n\nA fourth paragraph.")
    page = client.get(f"/review/articles/{first}").text
    assert f'id="next-article" class="button" href="/review/next?after={first}"' in page
    following = client.get(f"/review/next?after={first}", follow_redirects=False)
    assert following.status_code == 303
    assert following.headers["location"] == f"/review/articles/{second['article']['id']}"
    for claim in second["claims"]:
        assert client.post(f"/claims/{claim['id']}/accept").status_code == 200
    following = client.get(f"/review/next?after={first}", follow_redirects=False)
    assert following.headers["location"] == "/review"


def test_docs_link_the_review_pages_and_describe_the_review_endpoints(client: TestClient):
    schema = client.get("/openapi.json").json()
    assert "(/review)" in schema["info"]["description"]
    review_ops = [
        operation
        for path in schema["paths"].values()
        for operation in path.values()
        if "review" in operation.get("tags", [])
    ]
    assert len(review_ops) >= 9
    assert all(len(operation.get("description", "")) > 40 for operation in review_ops)
    assert not any(path.startswith("/review/") for path in schema["paths"])


@pytest.fixture
def keyed_client(settings: Settings, fake_extractor: FakeExtractor):  # type: ignore[no-untyped-def]
    """A client for an app whose writes need the API key 'sesame'."""
    app = create_app(
        settings.model_copy(update={"api_key": SecretStr("sesame")}),
        extractor_factory=lambda **_: fake_extractor,
    )
    with TestClient(app) as test_client:
        yield test_client


@pytest.mark.parametrize("headers", [{}, {"X-API-Key": "wrong"}])
def test_review_writes_need_the_api_key_when_it_is_set(
    keyed_client: TestClient, fake_extractor: FakeExtractor, headers: dict[str, str]
):
    fake_extractor.enqueue([draft("Arrived.", "about 3,000 soldiers arrived")])
    created = keyed_client.post("/articles", json={"text": TEXT}, headers={"X-API-Key": "sesame"})
    article_id = created.json()["article"]["id"]
    claim = created.json()["claims"][0]
    body = {**claim, "subject": "troops"}
    for key in ("id", "article_id", "run_id", "review_state", "reviewed", "flags"):
        body.pop(key)
    for key in ("rating", "rating_note", "rated_by", "rated_at"):
        body.pop(key)
    writes = [
        ("post", f"/claims/{claim['id']}/accept", None),
        ("post", f"/claims/{claim['id']}/reject", None),
        ("post", f"/claims/{claim['id']}/edit", body),
        ("post", f"/claims/{claim['id']}/rate", {"rating": "false"}),
        ("post", f"/claims/{claim['id']}/undo", None),
        ("post", f"/articles/{article_id}/review/claims", body),
        ("post", f"/articles/{article_id}/review/undo", None),
    ]
    for method, url, payload in writes:
        response = keyed_client.request(method, url, json=payload, headers=headers)
        assert response.status_code == 401, url
        assert response.json()["code"] == "unauthorized"
        assert "X-API-Key" in response.json()["detail"]
    gold = f"/articles/{article_id}/gold?partial=true"
    for url in (f"/articles/{article_id}/review", gold, "/review"):
        assert keyed_client.get(url).status_code == 200
    accepted = keyed_client.post(f"/claims/{claim['id']}/accept", headers={"X-API-Key": "sesame"})
    assert accepted.status_code == 200
