"""Issue 11, the review page a fact-checking desk works in all day, in headless Chromium:
gold export of a half-reviewed article, new claims from a keyboard selection, undo, rejected
highlights, the compact list, a phone-sized screen and printing."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import API_KEY, LiveServer
from tests.browser.test_review_page import SELECT_JS, _check_gold_file, _expect
from tests.conftest import article_text

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}

# Four sentences whose subject and source a reviewer would read off at a glance.
DESK_TEXT = (
    "Troops reach the front\n\n"
    "North Korea has sent about 10,000 soldiers to Russia, said Sabrina Singh, a Pentagon "
    "spokeswoman. The North Korean troops had not yet engaged in combat, according to the "
    "Pentagon. About 3,000 soldiers arrived in Kursk on Wednesday, a Ukrainian official said.\n\n"
    "Russia has denied that any North Korean soldiers are on its territory.\n"
)

# Put a caret (a collapsed selection) at a code-point offset, as a click in the text does.
CARET_JS = """(offset) => {
  const container = document.getElementById("article-text");
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const chars = [...node.data];
    if (offset < seen + chars.length) {
      const range = document.createRange();
      range.setStart(node, chars.slice(0, offset - seen).join("").length);
      range.collapse(true);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      return true;
    }
    seen += chars.length;
  }
  return false;
}"""

# The distinct rows (by top edge) the toolbar's visible controls sit in.
TOOLBAR_ROWS_JS = """() => {
  const controls = [...document.querySelectorAll(".toolbar button, .toolbar a.button")];
  const tops = controls
    .filter((c) => c.offsetParent !== null && c.getBoundingClientRect().width > 0)
    .map((c) => Math.round(c.getBoundingClientRect().top));
  const rows = [];
  for (const top of tops.sort((a, b) => a - b)) {
    if (!rows.length || top - rows[rows.length - 1] > 8) rows.push(top);
  }
  const box = document.querySelector(".toolbar").getBoundingClientRect();
  const cut = [...document.querySelectorAll(".toolbar .tool-group")].filter(
    (group) => group.scrollWidth > group.clientWidth + 1,
  ).length;
  return { rows: rows.length, height: box.height, right: box.right, cut };
}"""

RECT_JS = """(selector) => {
  const r = document.querySelector(selector).getBoundingClientRect();
  return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width,
           height: r.height };
}"""


def _post(server: LiveServer, text: str, **fields: Any) -> dict[str, Any]:
    body = {"text": text, "title": fields.pop("title", "Desk review"), **fields}
    response = server.api.post("/articles", json=body, params={"wait": 120})
    assert response.status_code in (200, 201), response.text
    article = response.json()
    assert article["run"]["status"] == "succeeded", article["run"]
    return article


def _claims(server: LiveServer, article_id: int) -> list[dict[str, Any]]:
    return server.api.get(f"/articles/{article_id}/review").json()["claims"]


def _review(server: LiveServer, claim_id: int, action: str) -> None:
    response = server.api.post(f"/claims/{claim_id}/{action}", headers={"X-Reviewer": "Desk"})
    assert response.status_code == 200, response.text


def _open(
    page: Any, server: LiveServer, article_id: int, *, reviewer: str = "", layout: str = "cards"
) -> None:
    """The article's review page with the API key entered (and a reviewer name, if given)."""
    page.goto(f"{server.url}/review")
    page.evaluate(
        """([key, reviewer, layout]) => {
          sessionStorage.setItem("claimkit.apiKey", key);
          localStorage.setItem("claimkit.layout", layout);
          if (reviewer) localStorage.setItem("claimkit.reviewer", reviewer);
          else localStorage.removeItem("claimkit.reviewer");
        }""",
        [API_KEY, reviewer, layout],
    )
    page.goto(f"{server.url}/review/articles/{article_id}")
    page.wait_for_function("document.querySelector('#review-panel') !== null")
    page.evaluate("document.activeElement && document.activeElement.blur()")


@pytest.fixture
def context_factory(browser: Any) -> Iterator[Any]:
    """New browser contexts (own storage) at a chosen viewport, closed after the test."""
    opened: list[Any] = []

    def new_page(viewport: dict[str, int], **options: Any) -> Any:
        context = browser.new_context(viewport=viewport, accept_downloads=True, **options)
        opened.append(context)
        tab = context.new_page()
        tab.set_default_timeout(15_000)
        return tab

    yield new_page
    for context in opened:
        context.close()


def test_export_of_a_half_reviewed_article_refuses_with_a_message(
    context_factory: Any, live_server: LiveServer, tmp_path: Path
) -> None:
    """The button says how many claims are unreviewed; the API's 409 shows in the status
    line (no download); the partial file is a separate, labelled link."""
    expect = _expect()
    article_id = _post(live_server, article_text("01"))["article"]["id"]
    claims = _claims(live_server, article_id)
    assert len(claims) >= 2
    _review(live_server, claims[0]["id"], "accept")
    unreviewed = len(claims) - 1

    page = context_factory(DESKTOP)
    refused = live_server.api.get(f"/articles/{article_id}/gold")
    assert (refused.status_code, refused.json()["code"]) == (409, "unreviewed")
    _open(page, live_server, article_id, reviewer="Desk")
    export = page.locator("#export-gold")
    expect(export).to_have_text(f"Export gold ({unreviewed} unreviewed)", use_inner_text=True)
    expect(page.locator("#export-partial")).to_be_visible()
    toolbar_before = page.evaluate(RECT_JS, ".toolbar")
    status_before = page.evaluate(RECT_JS, "#status-line")

    downloads: list[Any] = []
    page.on("download", lambda download: downloads.append(download))
    export.click()
    status = page.locator("#status-line")
    expect(status).to_have_class(re.compile(r"\berror\b"))
    expect(status).to_contain_text("Not exported")
    expect(status).to_contain_text("unreviewed")
    expect(status).to_contain_text(f"{unreviewed} unreviewed")
    # The long message is cut to the status line's one line: the toolbar does not grow.
    assert "unreviewed" in (status.get_attribute("title") or "")
    assert page.evaluate(RECT_JS, ".toolbar")["height"] == toolbar_before["height"]
    assert page.evaluate(RECT_JS, "#status-line")["height"] == status_before["height"]
    page.wait_for_timeout(300)
    assert downloads == []

    with page.expect_download() as partial_download:
        page.click("#export-partial")
    partial_path = tmp_path / partial_download.value.suggested_filename
    partial_download.value.save_as(partial_path)
    assert partial_path.name.endswith(".partial.json")
    partial = json.loads(partial_path.read_text(encoding="utf-8"))
    assert len(partial["claims"]) == 1
    assert partial["partial"] is True
    expect(status).to_contain_text("marked partial")

    # Review the rest: the button says so and exports a complete gold file.
    for claim in claims[1:]:
        _review(live_server, claim["id"], "reject")
    page.reload()
    expect(export).to_have_text("Export gold", use_inner_text=True)
    expect(page.locator("#export-partial")).to_be_hidden()
    with page.expect_download() as gold_download:
        export.click()
    gold_path = tmp_path / gold_download.value.suggested_filename
    gold_download.value.save_as(gold_path)
    assert len(_check_gold_file(gold_path).claims) == 1


def test_new_claim_from_a_keyboard_selection_saves(
    context_factory: Any, live_server: LiveServer, screenshots: Path
) -> None:
    """s selects a sentence, Shift+arrows extend it, n opens a new claim with the subject
    and source guessed; an empty subject is refused by name; the first save asks who is
    reviewing; undo keeps the selection next to the removed claim."""
    expect = _expect()
    article_id = _post(live_server, DESK_TEXT)["article"]["id"]
    page = context_factory(DESKTOP)
    _open(page, live_server, article_id)  # no reviewer name yet

    second = "The North Korean troops had not yet engaged in combat, according to the Pentagon."
    third = "About 3,000 soldiers arrived in Kursk on Wednesday, a Ukrainian official said."
    page.evaluate(CARET_JS, DESK_TEXT.index(second) + 5)
    page.keyboard.press("s")
    assert page.evaluate("window.getSelection().toString()") == second
    page.keyboard.press("Shift+ArrowDown")
    assert page.evaluate("window.getSelection().toString()") == f"{second} {third}"
    page.keyboard.press("Shift+ArrowUp")
    assert page.evaluate("window.getSelection().toString()") == second
    page.keyboard.press("s")
    assert page.evaluate("window.getSelection().toString()") == third
    page.keyboard.press("Shift+S")
    assert page.evaluate("window.getSelection().toString()") == second
    page.keyboard.press("?")
    expect(page.locator("#keys-help")).to_contain_text("Shift+↓")
    expect(page.locator("#keys-help")).to_contain_text("select the sentence")
    page.keyboard.press("Escape")
    expect(page.locator("#keys-help")).to_be_hidden()
    assert page.evaluate("window.getSelection().toString()") == second

    page.keyboard.press("n")
    card = page.locator(".new-claim")
    expect(card.locator('[name="statement"]')).to_have_value(second)
    expect(card.locator('[name="subject"]')).to_have_value("The North Korean troops")
    expect(card.locator('[name="source.name"]')).to_have_value("the Pentagon")
    expect(card.locator('[name="subject"]')).to_have_attribute("aria-required", "true")
    expect(card.locator('label[data-field="subject"] abbr.req')).to_be_visible()

    # An empty subject is named before anything is sent.
    card.locator('[name="subject"]').fill("")
    card.locator('[name="statement"]').press("Control+Enter")
    expect(card.locator(".errors")).to_contain_text("subject: required")
    expect(card.locator('label[data-field="subject"]')).to_have_class(re.compile(r"\binvalid\b"))
    expect(card.locator('[name="subject"]')).to_be_focused()
    expect(page.locator("#reviewer-dialog")).to_be_hidden()

    card.locator('[name="subject"]').fill("The North Korean troops")
    card.locator('[name="negated"]').check()
    card.locator('[name="subject"]').press("Control+Enter")
    # The first write asks who is reviewing, once.
    dialog = page.locator("#reviewer-dialog")
    expect(dialog).to_be_visible()
    page.fill("#reviewer-name", "Grace Checker")
    page.keyboard.press("Enter")
    added = page.locator('.claim-card[data-status="added"]')
    expect(added).to_have_count(1)
    expect(added.locator(".who")).to_contain_text("Grace Checker")
    expect(page.locator("#reviewer")).to_have_value("Grace Checker")
    assert page.evaluate("localStorage.getItem('claimkit.reviewer')") == "Grace Checker"
    # Negated shows as a flag; the statement reads as written.
    expect(added.locator("header .flag-negated")).to_have_text("negated")
    expect(added.locator("p.statement").first).to_have_text(second)
    page.screenshot(path=screenshots / "review-keyboard-claim.png")

    # The next write does not ask again; a rejected claim's highlight looks rejected.
    ordinary = page.locator('.claim-card[data-status="unreviewed"]').first
    ordinary_id = ordinary.get_attribute("data-claim-id")
    ordinary.locator(".statement").first.click()
    page.keyboard.press("x")
    expect(page.locator(f"#claim-{ordinary_id}")).to_have_attribute("data-status", "rejected")
    expect(dialog).to_be_hidden()
    marks = page.locator(f'mark.hl[data-claims="{ordinary_id}"]')
    if marks.count():
        expect(marks.first).to_have_class(re.compile(r"\brejected\b"))
        assert marks.first.evaluate("m => getComputedStyle(m).boxShadow") == "none"
    others = page.locator("mark.hl:not(.rejected)")
    assert others.count() > 0

    # Undo the reject, then the add: the selection stays next to the removed claim.
    page.keyboard.press("u")
    expect(page.locator(f"#claim-{ordinary_id}")).to_have_attribute("data-status", "unreviewed")
    added_id = added.get_attribute("data-claim-id")
    order = page.locator("#claims .claim-card:not(.new-claim)").evaluate_all(
        "cards => cards.map(c => c.dataset.claimId)"
    )
    index = order.index(added_id)
    added.locator(".statement").first.click()
    page.keyboard.press("u")
    expect(page.locator('.claim-card[data-status="added"]')).to_have_count(0)
    expect(page.locator("#status-line")).to_contain_text("Undid add")
    neighbours = {order[i] for i in (index - 1, index + 1) if 0 <= i < len(order)}
    selected = page.locator(".claim-card.selected").get_attribute("data-claim-id")
    assert selected in neighbours


def test_compact_rows_expand_on_selection_and_are_remembered(
    context_factory: Any, live_server: LiveServer, screenshots: Path
) -> None:
    expect = _expect()
    article_id = _post(live_server, article_text("003"))["article"]["id"]
    page = context_factory(DESKTOP)
    _open(page, live_server, article_id, reviewer="Desk")
    page.screenshot(path=screenshots / "review-article-1280.png")
    full = page.locator(".claim-card.selected").bounding_box()["height"]

    page.keyboard.press("c")
    expect(page.locator("body")).to_have_class(re.compile(r"\bcompact\b"))
    expect(page.locator("#layout-toggle")).to_have_attribute("aria-pressed", "true")
    rows = page.locator("#claims .claim-card:not(.selected)")
    assert rows.count() >= 2
    row_height = rows.first.bounding_box()["height"]
    assert row_height < 40, row_height
    expect(rows.first.locator(".claim-row .row-statement")).to_be_visible()
    expect(rows.first.locator(".fields")).to_be_hidden()
    selected = page.locator(".claim-card.selected")
    assert selected.bounding_box()["height"] > 2 * row_height
    expect(selected.locator(".fields")).to_be_visible()
    links = selected.locator(".claim-links")
    if links.count():
        expect(links).to_be_visible()

    before = selected.get_attribute("data-claim-id")
    page.keyboard.press("j")
    after = page.locator(".claim-card.selected")
    expect(after).not_to_have_attribute("data-claim-id", before or "")
    expect(after.locator(".fields")).to_be_visible()
    expect(page.locator(f"#claim-{before} .fields")).to_be_hidden()
    assert page.locator(".claim-card").first.bounding_box()["height"] < full
    page.screenshot(path=screenshots / "review-compact-1280.png")

    page.reload()
    expect(page.locator("body")).to_have_class(re.compile(r"\bcompact\b"))

    phone = context_factory(PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    _open(phone, live_server, article_id, reviewer="Desk", layout="compact")
    phone.locator("#claims").scroll_into_view_if_needed()
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    phone.screenshot(path=screenshots / "review-compact-390.png")


def test_phone_shows_the_queue_status_and_a_two_row_toolbar(
    context_factory: Any, live_server: LiveServer, screenshots: Path
) -> None:
    expect = _expect()
    article_id = _post(live_server, article_text("02"), published="2024-10-25")["article"]["id"]
    desk = context_factory(DESKTOP)
    desk.goto(f"{live_server.url}/review")
    desk.screenshot(path=screenshots / "review-queue-1280.png")

    page = context_factory(PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    page.goto(f"{live_server.url}/review")
    status_head = page.locator(".queue-table th.col-status")
    expect(status_head).to_be_visible()
    assert page.evaluate(RECT_JS, ".queue-table th.col-status")["right"] <= PHONE["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    row = page.locator(f'tr[data-article-id="{article_id}"]')
    expect(row.locator(".col-status .badge")).to_be_visible()
    page.screenshot(path=screenshots / "review-queue-390.png", full_page=True)

    _open(page, live_server, article_id, reviewer="Desk")
    toolbar = page.evaluate(TOOLBAR_ROWS_JS)
    assert toolbar["rows"] <= 2, toolbar
    assert toolbar["cut"] == 0, "a toolbar row is wider than the phone"
    assert toolbar["right"] <= PHONE["width"]
    assert toolbar["height"] < PHONE["height"] / 6, toolbar
    expect(page.locator("#export-gold")).to_be_visible()
    expect(page.locator("#export-gold")).to_contain_text("unreviewed", use_inner_text=True)
    # Touch screen: no key hints.
    assert page.locator(".toolbar kbd").first.is_hidden()
    assert page.locator(".claim-card kbd").first.is_hidden()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path=screenshots / "review-article-390.png")


def test_print_shows_the_whole_text_and_every_claim_without_controls(
    page: Any, live_server: LiveServer, screenshots: Path
) -> None:
    expect = _expect()
    article_id = _post(live_server, article_text("000"))["article"]["id"]
    page.set_viewport_size(DESKTOP)
    _open(page, live_server, article_id, reviewer="Desk")
    page.keyboard.press("c")  # compact rows print as full cards
    page.emulate_media(media="print")
    expect(page.locator(".toolbar")).to_be_hidden()
    expect(page.locator(".topbar")).to_be_hidden()
    expect(page.locator(".claim-card .actions").first).to_be_hidden()
    expect(page.locator(".claim-card .fields").last).to_be_visible()
    for pane in ("#article-text", "#claims"):
        scroll, client = page.evaluate(
            f"(() => {{ const p = document.querySelector('{pane}'); "
            "return [p.scrollHeight, p.clientHeight]; })()"
        )
        assert scroll <= client + 1, f"{pane} still scrolls inside itself when printed"
    page.screenshot(path=screenshots / "review-print.png", full_page=True)
    page.emulate_media(media="screen")
    expect(page.locator(".toolbar")).to_be_visible()


def test_queue_byline_has_no_stray_separator(page: Any, live_server: LiveServer) -> None:
    dated = _post(live_server, "Dated only.\n\nA sentence.", title="Dated", published="2024-10-23")
    bare = _post(live_server, "Nothing else.\n\nA sentence.", title="Bare")
    page.goto(f"{live_server.url}/review")
    dated_meta = page.locator(f'tr[data-article-id="{dated["article"]["id"]}"] .col-article .meta')
    assert dated_meta.inner_text().strip() == "2024-10-23"
    bare_row = page.locator(f'tr[data-article-id="{bare["article"]["id"]}"] .col-article')
    assert "·" not in bare_row.inner_text()
    page.goto(f"{live_server.url}/review/articles/{dated['article']['id']}")
    meta = page.locator("#review-panel .summary .meta").first.inner_text()
    assert "· ·" not in meta and not meta.strip().startswith("·")


def test_select_js_still_selects_mouse_like_ranges(page: Any, live_server: LiveServer) -> None:
    """A mouse selection after a keyboard one is what n uses (the keyboard state resets)."""
    expect = _expect()
    article_id = _post(live_server, DESK_TEXT + "\nOne more line.\n")["article"]["id"]
    _open(page, live_server, article_id, reviewer="Desk")
    page.keyboard.press("s")
    start = DESK_TEXT.index("Russia has denied")
    page.evaluate(SELECT_JS, [start, start + len("Russia has denied")])
    page.keyboard.press("n")
    card = page.locator(".new-claim")
    expect(card.locator('[name="statement"]')).to_have_value("Russia has denied")
    expect(card.locator('[name="subject"]')).to_have_value("Russia")


def test_search_by_a_reviewed_source_finds_the_claim(
    context_factory: Any, live_server: LiveServer
) -> None:
    """A source corrected on the review page is what search finds the claim under; the
    extracted source no longer finds it."""
    expect = _expect()
    article_id = _post(live_server, DESK_TEXT)["article"]["id"]
    claims = _claims(live_server, article_id)
    target = next(c for c in claims if (c["reviewed"].get("source") or {}).get("name"))
    old_source = target["reviewed"]["source"]["name"]
    page = context_factory(DESKTOP)
    _open(page, live_server, article_id, reviewer="Desk")

    while page.locator(".claim-card.selected").get_attribute("data-claim-id") != str(target["id"]):
        page.keyboard.press("j")
    page.keyboard.press("e")
    source = page.locator(f'#claim-{target["id"]} [name="source.name"]')
    expect(source).to_be_visible()
    source.fill("Harlan Vosk Institute")
    source.press("Control+Enter")
    expect(page.locator(f"#claim-{target['id']}")).to_have_attribute("data-status", "edited")

    def search(source_name: str) -> dict[str, Any]:
        page.goto(f"{live_server.url}/claims?source={source_name}&article_id={article_id}")
        return json.loads(page.locator("body").inner_text())

    found = search("Vosk Institute")
    assert [claim["id"] for claim in found["data"]] == [target["id"]]
    assert found["data"][0]["source"]["name"] == "Harlan Vosk Institute"
    assert found["data"][0]["reviewed"] is True
    assert all(claim["id"] != target["id"] for claim in search(old_source)["data"])


def test_a_claim_rated_on_the_page_is_recorded_and_exports_as_a_claim_review(
    context_factory: Any, live_server: LiveServer
) -> None:
    """r focuses the rating of the selected claim; Enter in the note saves it; the card
    shows it and the JSON-LD export carries it as a ClaimReview."""
    expect = _expect()
    # a text of its own: other tests review DESK_TEXT's claims, which moves the first selection
    article_id = _post(live_server, DESK_TEXT + "\nThe rating desk met on Friday.\n")["article"][
        "id"
    ]
    first = _claims(live_server, article_id)[0]["id"]
    page = context_factory(DESKTOP)
    _open(page, live_server, article_id, reviewer="Desk")
    expect(page.locator(".claim-card.selected")).to_have_attribute("data-claim-id", str(first))

    page.keyboard.press("r")
    rating = page.locator(f"#claim-{first} .rating-form select")
    expect(rating).to_be_focused()
    rating.select_option("misleading")
    note = page.locator(f'#claim-{first} .rating-form [name="note"]')
    note.fill("the figure is an estimate")
    note.press("Enter")
    expect(page.locator(f"#claim-{first} .badge.rating")).to_have_text("rated misleading")
    expect(page.locator("#status-line")).to_contain_text("misleading")

    reviewed = live_server.api.get(f"/claims/{first}/review").json()["claim"]
    assert (reviewed["rating"], reviewed["rating_note"], reviewed["rated_by"]) == (
        "misleading",
        "the figure is an estimate",
        "Desk",
    )
    exported = live_server.api.get(f"/articles/{article_id}/claims", params={"format": "jsonld"})
    reviews = [node for node in exported.json()["@graph"] if node["@type"] == "ClaimReview"]
    assert [node["reviewRating"]["alternateName"] for node in reviews] == ["misleading"]
