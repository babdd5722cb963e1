"""The review pages escape every field: payloads are stored as sent and shown as text."""

from __future__ import annotations

from fastapi.testclient import TestClient

from schemas.claims import DraftClaim
from tests.bad_inputs.payloads import ATTRIBUTE_BREAK, RAW, SCRIPT, URL, seed_payloads
from tests.fakes.extractor import FakeExtractor


def test_payloads_are_stored_exactly_as_sent(client: TestClient):
    article_id = seed_payloads(client)
    article = client.get(f"/articles/{article_id}").json()
    assert (article["title"], article["outlet"], article["url"]) == (SCRIPT, ATTRIBUTE_BREAK, URL)
    review = client.get(f"/articles/{article_id}/review").json()
    (claim,) = review["claims"]
    assert claim["reviewed"]["statement"] == f"{ATTRIBUTE_BREAK} edited"
    assert claim["reviewer"] == ATTRIBUTE_BREAK


def test_the_review_pages_show_every_payload_escaped(
    client: TestClient, fake_extractor: FakeExtractor
):
    dropped = DraftClaim(
        statement=SCRIPT, kind="event", subject="soldiers", evidence=[f"{ATTRIBUTE_BREAK} x"]
    )
    fake_extractor.enqueue([dropped])
    article_id = seed_payloads(client)
    pages = {
        path: client.get(path).text
        for path in (
            "/review",
            f"/review/articles/{article_id}",
            f"/review/articles/{article_id}/panel",
        )
    }
    for path, html in pages.items():
        for raw in RAW:
            assert raw not in html, f"{path} shows {raw!r} unescaped"
        assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in html, path
    article_page = pages[f"/review/articles/{article_id}"]
    assert article_page.count("&#34;&gt;&lt;img src=x onerror=&#34;window.__xss=2&#34;&gt;") >= 5
    assert "1 dropped" in article_page
