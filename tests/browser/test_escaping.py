"""Payloads in every field are shown as text in Chromium: no script runs, no element appears."""

from __future__ import annotations

from typing import Any

import pytest

from tests.bad_inputs.payloads import ATTRIBUTE_BREAK, SCRIPT, seed_payloads
from tests.browser.conftest import LiveServer

pytestmark = pytest.mark.browser

INJECTED_JS = """() => ({
  xss: window.__xss ?? null,
  images: document.querySelectorAll("img").length,
  injectedScripts: [...document.scripts].filter((s) => !s.src).length,
  handlers: document.querySelectorAll("[onerror], [onload], [onclick]").length,
})"""


def _open(page: Any, url: str) -> list[str]:
    """Open `url`, recording any dialog a payload would raise."""
    dialogs: list[str] = []

    def record(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", record)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return dialogs


def test_payloads_in_every_field_stay_text_on_the_review_pages(live_server: LiveServer, page: Any):
    article_id = seed_payloads(live_server.api)

    dialogs = _open(page, f"{live_server.url}/review/articles/{article_id}")
    assert page.evaluate(INJECTED_JS) == {
        "xss": None, "images": 0, "injectedScripts": 0, "handlers": 0
    }  # fmt: skip
    assert dialogs == []
    assert page.locator("#review-panel h1").text_content() == SCRIPT
    assert ATTRIBUTE_BREAK in page.locator("#review-panel .meta").first.text_content()
    assert "<script>window.__xss=3" in page.locator("#article-text").text_content()
    added = page.locator(".claim-card[data-status='added']")
    assert added.locator(".statement").first.text_content() == f"{ATTRIBUTE_BREAK} edited"
    assert added.locator("[data-field='location']").first.text_content() == SCRIPT
    assert ATTRIBUTE_BREAK in added.locator(".who").text_content()
    assert added.locator("input[name='subject']").input_value() == f"soldiers {SCRIPT}"
    assert added.locator("input[name='source.name']").input_value() == (
        f"Officials {ATTRIBUTE_BREAK}"
    )

    dialogs = _open(page, f"{live_server.url}/review")
    assert page.evaluate(INJECTED_JS)["xss"] is None
    assert page.evaluate(INJECTED_JS)["handlers"] == 0
    assert dialogs == []
    row = page.locator(f"tr[data-article-id='{article_id}']")
    assert row.locator(".article-link").text_content() == SCRIPT
    assert ATTRIBUTE_BREAK in row.locator(".meta").first.text_content()
