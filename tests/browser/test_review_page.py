"""A reviewer works through an article in headless Chromium, from the keyboard."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from schemas.gold import GoldArticle
from tests.browser.conftest import API_KEY, LiveServer
from tests.conftest import article_text

pytestmark = pytest.mark.browser

# Where each <mark> sits in the page's text, in code points (Python's string offsets).
MARK_POSITIONS_JS = """() => {
  const container = document.getElementById("article-text");
  const codePoints = (text) => [...text].length;
  const marks = [...container.querySelectorAll("mark.hl")].map((mark) => {
    const before = document.createRange();
    before.setStart(container, 0);
    before.setEndBefore(mark);
    const start = codePoints(before.toString());
    return {
      start,
      end: start + codePoints(mark.textContent),
      dataStart: Number(mark.dataset.start),
      dataEnd: Number(mark.dataset.end),
      claims: mark.dataset.claims.split(" ").map(Number),
      classes: [...mark.classList],
    };
  });
  return { text: container.textContent, marks };
}"""

# Select article text between two code-point offsets, as a reviewer dragging the mouse would.
SELECT_JS = """([start, end]) => {
  const container = document.getElementById("article-text");
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let seen = 0;
  let startSet = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const chars = [...node.data];
    if (!startSet && start < seen + chars.length) {
      range.setStart(node, chars.slice(0, start - seen).join("").length);
      startSet = true;
    }
    if (startSet && end <= seen + chars.length) {
      range.setEnd(node, chars.slice(0, end - seen).join("").length);
      break;
    }
    seen += chars.length;
  }
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
  return range.toString();
}"""


def _expect() -> Any:
    from playwright.sync_api import expect

    return expect


def _post_article(server: LiveServer, text: str) -> dict[str, Any]:
    response = server.api.post(
        "/articles", json={"text": text, "title": "Browser review"}, params={"wait": 120}
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["run"]["status"] == "succeeded", body["run"]
    return body


def _check_gold_file(path: Path) -> GoldArticle:
    """`claimkit gold check` when the eval CLI has it; the contract model either way."""
    try:
        from typer.testing import CliRunner

        from evals.cli import gold_app
    except ImportError:
        pass
    else:
        result = CliRunner().invoke(gold_app, ["check", str(path)])
        assert result.exit_code == 0, result.output
    return GoldArticle.model_validate_json(path.read_text(encoding="utf-8"))


def _blur(page: Any) -> None:
    page.evaluate("document.activeElement && document.activeElement.blur()")


def _assert_highlights_match_claims(page: Any, text: str, claims: list[dict[str, Any]]) -> None:
    shown = page.evaluate(MARK_POSITIONS_JS)
    assert shown["text"] == text
    for mark in shown["marks"]:
        assert (mark["start"], mark["end"]) == (mark["dataStart"], mark["dataEnd"])
    for claim in claims:
        covered = {
            offset
            for mark in shown["marks"]
            if claim["id"] in mark["claims"]
            for offset in range(mark["start"], mark["end"])
        }
        expected = {
            offset
            for span in claim["reviewed"]["evidence"]
            for offset in range(span["start"], span["end"])
        }
        assert covered == expected, f"claim {claim['id']} is highlighted at the wrong characters"
        kind_class = f"kind-{claim['reviewed']['kind']}"
        assert all(
            kind_class in mark["classes"]
            for mark in shown["marks"]
            if claim["id"] in mark["claims"]
        )


def test_reviewer_works_through_an_article_from_the_keyboard(
    page: Any, live_server: LiveServer, screenshots: Path, tmp_path: Path
) -> None:
    expect = _expect()
    text = article_text("01")
    article = _post_article(live_server, text)
    article_id = article["article"]["id"]
    assert len(article["claims"]) >= 3, "the review needs at least three claims"
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))

    page.goto(f"{live_server.url}/review")
    page.screenshot(path=screenshots / "review-queue.png")
    page.click(f'tr[data-article-id="{article_id}"] a.article-link')
    page.wait_for_url(f"**/review/articles/{article_id}")

    state = live_server.api.get(f"/articles/{article_id}/review").json()
    claims = state["claims"]
    _assert_highlights_match_claims(page, text, claims)
    for key in "jkaxenu?]":
        expect(page.locator(".toolbar kbd", has_text=key).first).to_be_visible()
    page.screenshot(path=screenshots / "review-article.png")

    first, second, third = (str(claim["id"]) for claim in claims[:3])
    page.hover(f"#claim-{second}")
    expect(page.locator(f'mark.hl[data-claims~="{second}"]').first).to_have_class(
        re.compile(r"\blinked\b")
    )
    page.hover(f'mark.hl[data-claims~="{third}"] >> nth=0')
    expect(page.locator(f"#claim-{third}")).to_have_class(re.compile(r"\blinked\b"))

    # Accept the first claim from the keyboard: refused until the API key is entered.
    page.fill("#reviewer", "Ada Reviewer")
    _blur(page)
    expect(page.locator(".claim-card.selected")).to_have_attribute("data-claim-id", first)
    page.keyboard.press("a")
    expect(page.locator("#status-line")).to_contain_text("API key")
    page.fill("#api-key", API_KEY)
    _blur(page)
    page.keyboard.press("a")
    expect(page.locator(f"#claim-{first}")).to_have_attribute("data-status", "accepted")
    expect(page.locator(".claim-card.selected")).to_have_attribute("data-claim-id", second)

    # Edit the second claim's source.
    page.keyboard.press("e")
    source = page.locator(f'#claim-{second} [name="source.name"]')
    expect(source).to_be_visible()
    source.fill("Edited Source")
    page.screenshot(path=screenshots / "review-editing.png")
    source.press("Control+Enter")
    expect(page.locator(f"#claim-{second}")).to_have_attribute("data-status", "edited")
    expect(page.locator(f'#claim-{second} dd[data-field="source"]').first).to_contain_text(
        "Edited Source"
    )

    # Add a claim from a text selection: the headline.
    headline = text.strip().splitlines()[0]
    start = text.index(headline)
    selected = page.evaluate(SELECT_JS, [start, start + len(headline)])
    assert selected == headline
    page.keyboard.press("n")
    new_card = page.locator(".new-claim")
    expect(new_card.locator('[name="statement"]')).to_have_value(headline)
    new_card.locator('[name="subject"]').fill("North Korean soldiers")
    new_card.locator('[name="subject"]').press("Control+Enter")
    added = page.locator('.claim-card[data-status="added"]')
    expect(added).to_have_count(1)

    # Reject the third claim, then undo that.
    page.click(f"#claim-{third} .statement")
    page.keyboard.press("x")
    expect(page.locator(f"#claim-{third}")).to_have_attribute("data-status", "rejected")
    page.keyboard.press("u")
    expect(page.locator(f"#claim-{third}")).to_have_attribute("data-status", "unreviewed")
    expect(page.locator("#status-line")).to_contain_text("Undid reject")

    page.keyboard.press("?")
    expect(page.locator("#keys-help")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator("#keys-help")).to_be_hidden()

    # Reload: the review was stored.
    page.reload()
    expect(page.locator(f"#claim-{first}")).to_have_attribute("data-status", "accepted")
    expect(page.locator(f"#claim-{second}")).to_have_attribute("data-status", "edited")
    expect(page.locator(f"#claim-{third}")).to_have_attribute("data-status", "unreviewed")
    expect(page.locator('.claim-card[data-status="added"]')).to_have_count(1)
    expect(page.locator(f"#claim-{first} .who")).to_contain_text("Ada Reviewer")
    reviewed = live_server.api.get(f"/articles/{article_id}/review").json()
    _assert_highlights_match_claims(page, text, reviewed["claims"])
    page.screenshot(path=screenshots / "review-after.png")

    # Export gold from the page and check the file: only once every claim is reviewed (the
    # button says how many are left); reject the rest through the API first.
    left = [c for c in reviewed["claims"] if c["status"] == "unreviewed"]
    if left:
        expect(page.locator("#export-gold")).to_contain_text(
            f"({len(left)} unreviewed)", use_inner_text=True
        )
    for claim in left:
        response = live_server.api.post(f"/claims/{claim['id']}/reject")
        assert response.status_code == 200, response.text
    page.reload()
    expect(page.locator("#export-gold")).to_have_text("Export gold", use_inner_text=True)
    with page.expect_download() as download_info:
        page.click("#export-gold")
    gold_path = tmp_path / download_info.value.suggested_filename
    download_info.value.save_as(gold_path)
    gold = _check_gold_file(gold_path)
    assert gold.text == text
    assert len(gold.claims) == 3
    by_source = {claim.source.name if claim.source else None for claim in gold.claims}
    assert "Edited Source" in by_source
    assert any(claim.evidence[0].text == headline for claim in gold.claims)
    assert json.loads(gold_path.read_text(encoding="utf-8"))["id"] == gold.id

    # "]" leaves for the next article that needs review (or the queue when none does).
    page.keyboard.press("]")
    here = f"{live_server.url}/review/articles/{article_id}"
    page.wait_for_url(lambda url: url != here)
    assert re.search(r"/review(/articles/\d+)?$", page.url)

    assert {urlsplit(url).hostname for url in requests} == {"127.0.0.1"}


def test_docs_link_the_review_pages_and_load_nothing_from_outside(
    page: Any, live_server: LiveServer
) -> None:
    expect = _expect()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{live_server.url}/docs", wait_until="networkidle")
    expect(page.locator('.swagger-ui a[href="/review"]').first).to_be_visible()
    expect(page.locator('.swagger-ui .opblock-tag[data-tag="review"]')).to_be_visible()
    assert requests
    outside = [url for url in requests if urlsplit(url).hostname != "127.0.0.1"]
    assert outside == []


def test_redoc_loads_nothing_from_outside(page: Any, live_server: LiveServer) -> None:
    expect = _expect()
    outside: dict[str, str | None] = {}

    def note_failure(request: Any) -> None:
        if urlsplit(request.url).hostname not in {"127.0.0.1", None}:
            outside[request.url] = request.failure

    finished: list[str] = []
    page.on("requestfinished", lambda request: finished.append(request.url))
    page.on("requestfailed", note_failure)
    response = page.goto(f"{live_server.url}/redoc", wait_until="networkidle")
    assert "default-src 'self'" in response.headers["content-security-policy"]
    expect(page.locator("h1", has_text="claimkit").first).to_be_visible()
    page.wait_for_timeout(500)  # ReDoc renders its footer logo after the page settles
    remote = [url for url in finished if urlsplit(url).scheme in {"http", "https"}]
    assert remote and {urlsplit(url).hostname for url in remote} == {"127.0.0.1"}
    # ReDoc's bundle asks a CDN for its logo: the page's policy must stop it in the browser,
    # before any connection is attempted.
    assert all(failure == "csp" for failure in outside.values()), outside
