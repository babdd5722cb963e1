"""The figures and entity pages in Chromium, after the offline extractor read four articles
about one deployment: the chart and the table show every figure of the group."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.browser.conftest import LiveServer
from tests.conftest import article_text

PUBLISHED = {"000": None, "003": "2024-10-27", "01": "2024-10-23", "02": "2024-10-25"}


def _post_all(server: LiveServer) -> None:
    for prefix, published in PUBLISHED.items():
        body: dict[str, Any] = {"text": article_text(prefix)}
        if published:
            body["published"] = published
        response = server.api.post("/articles", json=body, params={"wait": 120})
        assert response.status_code in (200, 201), response.text


def _largest_group(server: LiveServer, about: str) -> dict[str, Any]:
    groups = server.api.get("/figures", params={"about": about}).json()["data"]
    assert groups, f"no figure group about {about!r}"
    return groups[0]


def test_figures_page_charts_and_tabulates_every_figure_of_the_group(
    page: Any, live_server: LiveServer, screenshots: Path
) -> None:
    _post_all(live_server)
    group = _largest_group(live_server, "North Korean")
    page.goto(live_server.url + group["url"])
    figure_ids = {figure["id"] for figure in group["figures"]}
    charted = set(
        page.locator("svg.timeline g.figure").evaluate_all(
            "nodes => nodes.map(n => n.dataset.figure)"
        )
    )
    tabled = set(
        page.locator("table.figures tbody tr").evaluate_all(
            "rows => rows.map(r => r.dataset.figure)"
        )
    )
    undated = {
        figure["id"]
        for figure in group["figures"]
        if not (figure["time_start"] or figure["time_end"] or figure["published"])
    }
    assert tabled == figure_ids
    assert charted == figure_ids - undated
    for figure in group["figures"]:
        row = page.locator(f'table.figures tr[data-figure="{figure["id"]}"]')
        assert figure["text"] in row.inner_text()
    # The offline extractor reads 5,000 (a Ukrainian official) and 3,000 (South Korea's
    # intelligence service) for overlapping times: the page must show the disagreement.
    assert group["disagreement"] is True
    assert page.locator("svg.timeline .conflict-ring").count() >= 2
    assert page.locator(".flag-conflict").is_visible()
    page.screenshot(path=screenshots / "figures-group.png", full_page=True)


def test_entity_page_lists_aliases_and_every_claim_naming_it(
    page: Any, live_server: LiveServer, screenshots: Path
) -> None:
    _post_all(live_server)
    entities = live_server.api.get("/entities", params={"q": "North Korea"}).json()["data"]
    assert entities
    entity = live_server.api.get(entities[0]["url"]).json()
    page.goto(live_server.url + entity["url"])
    assert entity["name"] in page.locator("h1").inner_text()
    rows = page.locator("table.mentions tbody tr").count()
    assert rows == entity["mentions"]
    for alias in entity["aliases"]:
        assert page.locator(".aliases li", has_text=alias["alias"]).count() >= 1
    page.screenshot(path=screenshots / "entity.png", full_page=True)
