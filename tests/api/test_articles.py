"""POST /articles and the article endpoints."""

from __future__ import annotations

import threading

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from schemas.claims import ClaimKind, DraftClaim, Source
from service.extractors.base import ExtractionError, FailureKind, Usage
from tests.fakes.extractor import FakeExtractor

TEXT = (
    "Officials said about 3,000 soldiers arrived on Wednesday.\n\n"
    "The White House confirmed the deployment."
)


def draft(statement: str, quote: str, **fields: object) -> DraftClaim:
    """A minimal draft claim citing one quote."""
    return DraftClaim.model_validate(
        {"statement": statement, "kind": "event", "subject": "soldiers", "evidence": [quote]}
        | fields
    )


def post(client: TestClient, body: dict[str, object], **params: object):  # type: ignore[no-untyped-def]
    return client.post("/articles", json=body, params=params)


def test_post_article_returns_grounded_claims(client: TestClient, fake_extractor: FakeExtractor):
    fake_extractor.enqueue(
        [
            draft(
                "About 3,000 soldiers arrived.",
                "about 3,000 soldiers arrived on Wednesday",
                source=Source(name="Officials", anonymous=True),
            )
        ]
    )
    response = post(client, {"text": TEXT, "title": "Arrivals", "published": "2024-10-27"})
    assert response.status_code == 201
    body = response.json()
    assert body["created"] is True
    assert body["run"]["status"] == "succeeded"
    assert body["run"]["claims_count"] == 1
    (claim,) = body["claims"]
    (span,) = claim["evidence"]
    assert TEXT[span["start"] : span["end"]] == span["text"]
    assert span["alignment"] == "exact"
    assert claim["source"] == {"name": "Officials", "anonymous": True, "via": None}
    assert body["article"]["published"] == "2024-10-27"
    assert body["article"]["published_source"] == "request"
    assert fake_extractor.history[0].text == TEXT


def test_post_article_drops_claims_whose_quotes_are_not_in_the_text(
    client: TestClient, fake_extractor: FakeExtractor
):
    fake_extractor.enqueue(
        [draft("Real.", "The White House confirmed"), draft("Invented.", "never written here")]
    )
    body = post(client, {"text": TEXT}).json()
    assert [c["statement"] for c in body["claims"]] == ["Real."]
    assert body["run"]["dropped_count"] == 1
    assert "never written here" in body["run"]["notes"][0]


def test_post_same_text_twice_returns_the_stored_article(client: TestClient):
    first = post(client, {"text": TEXT})
    second = post(client, {"text": TEXT, "title": "another title"})
    assert first.status_code == 201
    assert second.status_code == 200
    assert second.json()["created"] is False
    assert second.json()["article"]["id"] == first.json()["article"]["id"]
    assert client.get("/articles").json()["count"] == 1


def test_post_plain_text_body_with_metadata_in_query(client: TestClient):
    response = client.post(
        "/articles",
        content=TEXT.encode(),
        headers={"Content-Type": "text/plain; charset=utf-8"},
        params={"title": "Plain", "published": "2024-10-23"},
    )
    assert response.status_code == 201
    assert response.json()["article"]["title"] == "Plain"
    assert response.json()["article"]["title_source"] == "request"
    assert response.json()["article"]["text"] == TEXT


def test_plain_text_without_a_title_takes_its_headline_from_the_first_line(client: TestClient):
    text = "Troops arrive in Kursk\n\nOfficials said about 3,000 soldiers arrived."
    response = client.post(
        "/articles", content=text.encode(), headers={"Content-Type": "text/plain"}
    )
    article = response.json()["article"]
    assert (article["title"], article["title_source"]) == ("Troops arrive in Kursk", "first_line")
    listed = client.get("/articles").json()["data"][0]
    assert listed["title_source"] == "first_line"
    queued = client.get("/review-queue").json()["data"][0]
    assert queued["title"] == "Troops arrive in Kursk"


def test_an_article_whose_first_line_is_a_sentence_has_no_title(client: TestClient):
    article = post(client, {"text": TEXT}).json()["article"]
    assert (article["title"], article["title_source"]) == (None, None)


def test_post_article_reads_publication_date_from_dateline(client: TestClient):
    text = " date 2024-10-27 A caption.\n\nTroops arrived on Friday."
    article = post(client, {"text": text}).json()["article"]
    assert article["published"] == "2024-10-27"
    assert article["published_source"] == "dateline"
    assert article["published_text"] == "date 2024-10-27"


def test_post_article_rejects_empty_text(client: TestClient):
    response = post(client, {"text": "   \n "})
    assert response.status_code == 422
    assert response.json()["detail"] == "text is empty or only whitespace"


def test_post_article_rejects_text_over_the_limit(client: TestClient, app):  # type: ignore[no-untyped-def]
    response = post(client, {"text": "word " * 50_000})
    assert response.status_code == 413
    assert "limit is 200,000" in response.json()["detail"]


def test_post_article_rejects_undecodable_bytes(client: TestClient):
    response = client.post(
        "/articles", content=b"caf\xe9 story", headers={"Content-Type": "text/plain"}
    )
    assert response.status_code == 400
    assert "not valid UTF-8" in response.json()["detail"]
    assert "0xe9" in response.json()["detail"]


def test_post_article_rejects_a_non_json_body(client: TestClient):
    response = client.post(
        "/articles", content=b"{text: nope", headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400
    assert response.json()["detail"].startswith("the body is not valid JSON")


def test_post_article_rejects_a_json_array(client: TestClient):
    response = client.post("/articles", json=["text"])
    assert response.status_code == 422
    assert "JSON object" in response.json()["detail"]


def test_post_article_rejects_unknown_fields(client: TestClient):
    response = post(client, {"text": TEXT, "author": "someone"})
    assert response.status_code == 422
    (error,) = response.json()["detail"]
    assert error["loc"] == ["body", "author"]


def test_post_article_rejects_a_bad_date(client: TestClient):
    response = post(client, {"text": TEXT, "published": "27/10/2024"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "published"]


def test_post_article_rejects_a_url_that_is_not_http(client: TestClient):
    response = post(client, {"text": TEXT, "url": "javascript:alert(1)"})
    assert response.status_code == 422
    (error,) = response.json()["detail"]
    assert error["loc"] == ["body", "url"]
    assert "http:// or https:// URL" in error["msg"]


def test_post_plain_text_names_a_bad_query_field_instead_of_failing(client: TestClient):
    response = client.post(
        "/articles",
        content=TEXT.encode(),
        params={"title": "x" * 1001, "url": "example.com"},
        headers={"Content-Type": "text/plain"},
    )
    assert response.status_code == 422
    places = [error["loc"] for error in response.json()["detail"]]
    assert places == [["query", "title"], ["query", "url"]]


def test_post_article_rejects_html(client: TestClient):
    html = "<html><body><p>Troops arrived.</p><p>More.</p></body></html>"
    response = post(client, {"text": html})
    assert response.status_code == 422
    assert "looks like HTML" in response.json()["detail"]


def test_post_article_rejects_nul_characters(client: TestClient):
    response = post(client, {"text": "Troops\x00 arrived."})
    assert response.status_code == 422
    assert "NUL" in response.json()["detail"]


def test_post_article_rejects_unsupported_content_type(client: TestClient):
    response = client.post(
        "/articles",
        content=b"text=1",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert response.status_code == 415
    assert "application/json or text/plain" in response.json()["detail"]


def test_failing_model_gives_a_failed_run_and_keeps_the_article(
    client: TestClient, fake_extractor: FakeExtractor
):
    fake_extractor.enqueue(
        ExtractionError(
            FailureKind.rate_limited,
            "the model answered HTTP 429 (rate limited) 3 times",
            attempts=3,
            usage=Usage(prompt_tokens=10, total_tokens=10),
        )
    )
    response = post(client, {"text": TEXT})
    assert response.status_code == 201
    run = response.json()["run"]
    assert run["status"] == "failed"
    assert run["error_kind"] == "rate_limited"
    assert "429" in run["error"]
    assert run["attempts"] == 3
    assert run["usage"]["prompt_tokens"] == 10
    article_id = response.json()["article"]["id"]
    assert client.get(f"/articles/{article_id}").json()["text"] == TEXT


def test_crashing_extractor_gives_a_failed_run_not_a_500(
    client: TestClient, fake_extractor: FakeExtractor
):
    class Broken(FakeExtractor):
        def extract(self, article):  # type: ignore[no-untyped-def]
            raise RuntimeError("boom")

    client.app.dependency_overrides  # noqa: B018  (the app fixture already injected the fake)
    fake_extractor.extract = Broken().extract  # type: ignore[method-assign]
    response = post(client, {"text": TEXT})
    assert response.status_code == 201
    assert response.json()["run"]["error_kind"] == "internal_error"
    assert "RuntimeError: boom" in response.json()["run"]["error"]


def test_slow_run_answers_202_with_the_run_url(client: TestClient, fake_extractor: FakeExtractor):
    release = threading.Event()
    original = fake_extractor.extract

    def slow(article):  # type: ignore[no-untyped-def]
        release.wait(5)
        return original(article)

    fake_extractor.extract = slow  # type: ignore[method-assign]
    response = post(client, {"text": TEXT}, wait=0)
    assert response.status_code == 202
    run_url = response.json()["run"]["url"]
    assert response.headers["Location"] == run_url
    assert response.json()["claims"] is None
    assert client.get(run_url).json()["status"] in {"pending", "running"}
    release.set()
    for _ in range(100):
        if client.get(run_url).json()["status"] == "succeeded":
            break
        threading.Event().wait(0.05)
    assert client.get(run_url).json()["status"] == "succeeded"


def test_get_unknown_article_is_404(client: TestClient):
    response = client.get("/articles/999")
    assert response.status_code == 404
    assert response.json()["detail"] == "article 999 does not exist"


def test_list_articles_pages_newest_first(client: TestClient):
    for n in range(3):
        post(client, {"text": f"Article number {n} says troops arrived."})
    page = client.get("/articles", params={"limit": 2}).json()
    assert page["count"] == 3
    assert [a["title"] for a in page["data"]] == [None, None]
    assert page["data"][0]["id"] > page["data"][1]["id"]
    assert "text" not in page["data"][0]
    rest = client.get("/articles", params={"skip": 2, "limit": 2}).json()
    assert len(rest["data"]) == 1


def test_reextract_keeps_old_runs_and_makes_the_new_one_current(
    client: TestClient, fake_extractor: FakeExtractor
):
    fake_extractor.enqueue(
        [draft("First.", "Officials said about 3,000 soldiers arrived")],
        [draft("Second.", "The White House confirmed", kind=ClaimKind.state.value)],
    )
    first = post(client, {"text": TEXT}).json()
    article_id = first["article"]["id"]
    second = client.post(
        f"/articles/{article_id}/extract", json={"extractor": "offline"}, params={"force": "true"}
    )
    assert second.status_code == 201
    assert second.json()["claims"][0]["statement"] == "Second."
    current = client.get(f"/articles/{article_id}/claims").json()
    assert [c["statement"] for c in current["data"]] == ["Second."]
    old = client.get(f"/articles/{article_id}/claims", params={"run_id": first["run"]["id"]})
    assert [c["statement"] for c in old.json()["data"]] == ["First."]
    runs = client.get(f"/articles/{article_id}/runs").json()
    assert runs["count"] == 2
    assert (
        client.get(f"/articles/{article_id}").json()["current_run_id"] == second.json()["run"]["id"]
    )


def test_failed_reextract_leaves_the_previous_run_current(
    client: TestClient, fake_extractor: FakeExtractor
):
    fake_extractor.enqueue(
        [draft("Kept.", "The White House confirmed")],
        ExtractionError(FailureKind.timeout, "the model did not answer within 60 s"),
    )
    article_id = post(client, {"text": TEXT}).json()["article"]["id"]
    failed = client.post(f"/articles/{article_id}/extract", params={"force": "true"}).json()
    assert failed["run"]["status"] == "failed"
    assert failed["run"]["error_kind"] == "timeout"
    claims = client.get(f"/articles/{article_id}/claims").json()
    assert [c["statement"] for c in claims["data"]] == ["Kept."]


def test_reextract_unknown_article_is_404(client: TestClient):
    assert client.post("/articles/41/extract").status_code == 404


def test_reextract_rejects_unknown_options(client: TestClient):
    article_id = post(client, {"text": TEXT}).json()["article"]["id"]
    response = client.post(f"/articles/{article_id}/extract", json={"temperature": 2})
    assert response.status_code == 422


def test_claims_of_a_run_of_another_article_is_404(client: TestClient):
    first = post(client, {"text": TEXT}).json()
    other = post(client, {"text": "Another article entirely."}).json()
    response = client.get(
        f"/articles/{other['article']['id']}/claims", params={"run_id": first["run"]["id"]}
    )
    assert response.status_code == 404


def test_misconfigured_extractor_records_a_failed_run_and_keeps_the_article(
    app, client: TestClient
):  # type: ignore[no-untyped-def]
    def broken_factory(**_options: object) -> FakeExtractor:
        raise ValueError("prompt version 'v9' does not exist; available: v1")

    app.state.extractor_factory = broken_factory
    body = post(client, {"text": TEXT}).json()
    assert body["run"]["status"] == "failed"
    assert body["run"]["error_kind"] == "configuration"
    assert "v9" in body["run"]["error"]
    assert client.get(f"/articles/{body['article']['id']}").status_code == 200


def test_writes_need_the_api_key_when_one_is_set(app, client: TestClient, settings):  # type: ignore[no-untyped-def]
    app.state.settings = settings.model_copy(update={"api_key": SecretStr("s3cret")})
    assert post(client, {"text": TEXT}).status_code == 401
    wrong = client.post("/articles", json={"text": TEXT}, headers={"X-API-Key": "nope"})
    assert wrong.status_code == 401
    assert wrong.json()["code"] == "unauthorized"
    assert "X-API-Key" in wrong.json()["detail"]
    non_ascii = client.post(
        "/articles", json={"text": TEXT}, headers={"X-API-Key": "caf\xe9".encode("latin-1")}
    )
    assert non_ascii.status_code == 401
    right = client.post("/articles", json={"text": TEXT}, headers={"X-API-Key": "s3cret"})
    assert right.status_code == 201
    assert client.get("/articles").status_code == 200  # reads stay open


def test_very_long_subject_and_source_are_stored(client: TestClient, fake_extractor: FakeExtractor):
    long = "White House officials " * 400
    fake_extractor.enqueue(
        [draft("Long.", "The White House confirmed", subject=long, source={"name": long})]
    )
    body = post(client, {"text": TEXT}).json()
    assert body["run"]["status"] == "succeeded"
    assert body["claims"][0]["subject"] == long.strip()


def test_storage_failure_gives_a_failed_run_not_a_stuck_one(
    client: TestClient, fake_extractor: FakeExtractor, monkeypatch
):  # type: ignore[no-untyped-def]
    from sqlalchemy.exc import OperationalError

    from service import repository

    def refuse(**_kwargs: object) -> None:
        raise OperationalError("INSERT INTO claim", {}, Exception("disk full"))

    monkeypatch.setattr(repository, "add_claims", refuse)
    fake_extractor.enqueue([draft("Kept?", "The White House confirmed")])
    response = post(client, {"text": TEXT})
    assert response.status_code == 201
    run = response.json()["run"]
    assert run["status"] == "failed"
    assert run["error_kind"] == "storage_error"
    assert "disk full" in run["error"]
    assert client.get(f"/articles/{response.json()['article']['id']}").status_code == 200


def test_post_article_rejects_a_single_html_paragraph(client: TestClient):
    response = client.post(
        "/articles",
        content=b"<p>The minister said 7 people died.</p>",
        headers={"Content-Type": "text/plain"},
    )
    assert response.status_code == 422
    assert "looks like HTML" in response.json()["detail"]


def test_post_article_names_json_types_and_decode_errors_plainly(client: TestClient):
    null = client.post("/articles", content=b"null", headers={"Content-Type": "application/json"})
    assert null.json()["detail"].endswith("not a JSON null")
    cut = client.post(
        "/articles", content=b'{"text":"hi', headers={"Content-Type": "application/json"}
    )
    assert cut.json()["detail"] == (
        "the body is not valid JSON: Unterminated string starting at: line 1 column 9 (char 8)"
    )


def test_validation_errors_do_not_echo_the_input_back(client: TestClient):
    response = post(client, {"text": TEXT, "title": "x" * 5000})
    assert response.status_code == 422
    assert "x" * 100 not in response.text


def test_leading_byte_order_mark_is_not_part_of_the_text(client: TestClient):
    response = client.post(
        "/articles",
        content="\ufeff".encode() + TEXT.encode(),
        headers={"Content-Type": "text/plain"},
    )
    assert response.json()["article"]["text"] == TEXT


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/articles/99999999999"),
        ("GET", "/articles/99999999999/claims"),
        ("GET", "/runs/99999999999"),
        ("GET", "/claims/99999999999/review"),
        ("POST", "/claims/99999999999/accept"),
        ("GET", "/claims?article_id=99999999999"),
        ("GET", "/articles?skip=99999999999999999999"),
    ],
)
def test_an_id_too_large_for_the_database_is_a_422_naming_it(
    client: TestClient, method: str, path: str
):
    response = client.request(method, path)
    assert response.status_code == 422
    assert "2147483647" in response.json()["detail"][0]["msg"]
