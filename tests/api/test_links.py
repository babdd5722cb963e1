"""Cross-article links through the API: entities, figure groups, clusters, pages, edits.

Three made-up articles about one deployment report troop figures from different sources
and spell one general two ways; the fake extractor plays their claims back.
"""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from schemas.claims import DraftClaim, Quantity, Source, TimeRef
from tests.fakes.extractor import FakeExtractor

FIRST = (
    "Northland troops gather near the border\n\n"
    "Around 5,000 Northland troops have reached the border region, a senior Eastland "
    "official said on Monday. General Park Young Soo leads the force, the official added."
)
SECOND = (
    "Spy agency revises Northland troop count\n\n"
    "Approximately 3,000 Northland soldiers have been sent so far, Westland's National "
    "Intelligence Agency said. The agency expects 10,000 Northland soldiers by December. "
    "Park Yong-soo, a Northland general, is in command."
)
THIRD = (
    "Capital confirms Northland deployment\n\n"
    "At least 3,000 Northland troops are in the border region, the Palace said, citing "
    "intelligence estimates."
)


def claim(
    statement: str,
    quote: str,
    *,
    subject: str,
    source: Source | None = None,
    quantities: list[Quantity] | None = None,
    time: TimeRef | None = None,
    kind: str = "state",
    location: str | None = None,
) -> DraftClaim:
    return DraftClaim(
        statement=statement,
        kind=kind,  # type: ignore[arg-type]
        subject=subject,
        source=source,
        quantities=quantities or [],
        time=time,
        location=location,
        evidence=[quote],
    )


EASTLAND = Source(name="a senior Eastland official", anonymous=True)
AGENCY = Source(name="Westland's National Intelligence Agency")
PALACE = Source(name="Palace", via=None)


def post_three(client: TestClient, fake: FakeExtractor) -> None:
    fake.enqueue(
        [
            claim(
                "Around 5,000 Northland troops have reached the border region.",
                "Around 5,000 Northland troops have reached the border region",
                subject="Northland troops",
                source=EASTLAND,
                quantities=[
                    Quantity(text="Around 5,000", value=5000, unit="troops", approx="approximately")
                ],
                location="border region",
            ),
            claim(
                "General Park Young Soo leads the force.",
                "General Park Young Soo leads the force",
                subject="General Park Young Soo",
                source=EASTLAND,
            ),
        ],
        [
            claim(
                "Approximately 3,000 Northland soldiers have been sent so far.",
                "Approximately 3,000 Northland soldiers have been sent so far",
                subject="Northland soldiers",
                source=AGENCY,
                quantities=[
                    Quantity(
                        text="Approximately 3,000",
                        value=3000,
                        unit="soldiers",
                        approx="approximately",
                    )
                ],
                time=TimeRef(text="so far", end="2024-10-23"),
            ),
            claim(
                "The agency expects 10,000 Northland soldiers by December.",
                "The agency expects 10,000 Northland soldiers by December",
                subject="Northland soldiers",
                source=AGENCY,
                quantities=[Quantity(text="10,000", value=10000, unit="soldiers")],
                time=TimeRef(text="by December", end="2024-12"),
                kind="forecast",
            ),
            claim(
                "Park Yong-soo is in command.",
                "Park Yong-soo, a Northland general, is in command",
                subject="Park Yong-soo",
            ),
        ],
        [
            claim(
                "At least 3,000 Northland troops are in the border region.",
                "At least 3,000 Northland troops are in the border region",
                subject="Northland troops",
                source=PALACE,
                quantities=[
                    Quantity(text="At least 3,000", value=3000, unit="troops", approx="at_least")
                ],
                location="border region",
            ),
        ],
    )
    for text, published in ((FIRST, "2024-10-21"), (SECOND, "2024-10-23"), (THIRD, "2024-10-25")):
        response = client.post("/articles", json={"text": text, "published": published})
        assert response.status_code == 201, response.text


def troop_group(client: TestClient) -> dict[str, Any]:
    response = client.get("/figures", params={"about": "Northland troops"})
    assert response.status_code == 200
    groups = response.json()["data"]
    assert groups, "no figure group about Northland troops"
    return groups[0]


def test_figures_about_a_thing_group_every_source_and_flag_the_disagreement(
    client: TestClient, fake_extractor: FakeExtractor
):
    post_three(client, fake_extractor)
    group = troop_group(client)
    values = sorted(figure["value"] for figure in group["figures"])
    assert values == [3000, 3000, 5000, 10000]
    sources = {figure["source"] for figure in group["figures"]}
    assert sources == {
        "a senior Eastland official",
        "Westland's National Intelligence Agency",
        "Palace",
    }
    assert group["disagreement"] is True
    by_id = {figure["id"]: figure for figure in group["figures"]}
    disagreements = [rel for rel in group["relations"] if rel["kind"] == "disagreement"]
    pairs = [{by_id[rel["a"]]["value"], by_id[rel["b"]]["value"]} for rel in disagreements]
    assert {3000, 5000} in pairs


def test_one_person_spelled_two_ways_is_one_entity(
    client: TestClient, fake_extractor: FakeExtractor
):
    post_three(client, fake_extractor)
    found = client.get("/entities", params={"q": "Yong-soo"}).json()
    assert found["count"] == 1
    entity = client.get(found["data"][0]["url"]).json()
    aliases = {alias["alias"] for alias in entity["aliases"]}
    assert {"General Park Young Soo", "Park Yong-soo"} <= aliases
    assert len(entity["as_subject"]) == 2
    assert all(mention["detail"] for mention in entity["as_subject"])


def test_entity_and_figure_pages_render_for_a_browser(
    client: TestClient, fake_extractor: FakeExtractor
):
    post_three(client, fake_extractor)
    group = troop_group(client)
    page = client.get(group["url"], headers={"Accept": "text/html"})
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "<svg" in page.text
    assert page.text.count('class="figure"') == len(group["figures"])
    entity_id = client.get("/entities", params={"q": "Yong-soo"}).json()["data"][0]["id"]
    entity_page = client.get(f"/entities/{entity_id}", headers={"Accept": "text/html"})
    assert entity_page.status_code == 200
    assert "Park Yong-soo" in entity_page.text


def test_one_proposition_in_two_articles_is_one_cluster_placed_as_each_article_arrives(
    client: TestClient, fake_extractor: FakeExtractor
):
    post_three(client, fake_extractor)
    clusters = client.get("/clusters").json()
    assert clusters["count"] == 1
    [cluster] = clusters["data"]
    assert cluster["articles"] == 2
    assert cluster["label"] == "Around 5,000 Northland troops have reached the border region."
    statements = [member["statement"] for member in cluster["claims"]]
    assert statements == [
        "Around 5,000 Northland troops have reached the border region.",
        "At least 3,000 Northland troops are in the border region.",
    ]
    assert [member["source"] for member in cluster["claims"]] == [
        "a senior Eastland official",
        "Palace",
    ]
    assert client.get(cluster["url"]).json()["id"] == cluster["id"]


def test_a_review_card_links_to_its_entities_and_figure_group(
    client: TestClient, fake_extractor: FakeExtractor
):
    post_three(client, fake_extractor)
    group = troop_group(client)
    articles = client.get("/articles").json()["data"]
    (article_id,) = [a["id"] for a in articles if a["published"] == "2024-10-25"]
    page = client.get(f"/review/articles/{article_id}").text
    troops = client.get("/entities", params={"q": "Northland troops"}).json()["data"][0]
    palace = client.get("/entities", params={"q": "Palace"}).json()["data"][0]
    links = page.split('class="claim-links"', 1)[1].split("</nav>", 1)[0]
    assert f'href="/entities/{troops["id"]}"' in links
    assert f'href="/entities/{palace["id"]}"' in links
    assert f'href="{group["url"]}"' in links


def test_merge_split_rename_and_undo_are_recorded_and_reversible(
    client: TestClient, fake_extractor: FakeExtractor
):
    post_three(client, fake_extractor)
    park = client.get("/entities", params={"q": "Park"}).json()["data"][0]
    entity = client.get(park["url"]).json()
    mention = entity["as_subject"][0]["id"]

    split = client.post(
        f"/entities/{park['id']}/split", json={"mentions": [mention], "name": "Park Young Soo"}
    )
    assert split.status_code == 201
    new_entity = split.json()
    assert len(new_entity["as_subject"]) == 1

    merge = client.post(f"/entities/{park['id']}/merge", json={"others": [new_entity["id"]]})
    assert merge.status_code == 200
    assert len(merge.json()["as_subject"]) == 2
    merged = client.get(f"/entities/{new_entity['id']}").json()
    assert merged["merged_into"] == park["id"]

    rename = client.post(f"/entities/{park['id']}/rename", json={"name": "Gen. Park"})
    assert rename.json()["name"] == "Gen. Park"
    edits = rename.json()["edits"]
    last = edits[-1]
    undo = client.post(f"/entities/edits/{last['id']}/undo")
    assert undo.status_code == 200
    assert undo.json()["name"] != "Gen. Park"
    again = client.post(f"/entities/edits/{last['id']}/undo")
    assert again.status_code == 409


def test_merging_an_entity_into_itself_is_a_conflict(
    client: TestClient, fake_extractor: FakeExtractor
):
    post_three(client, fake_extractor)
    park = client.get("/entities", params={"q": "Park"}).json()["data"][0]
    response = client.post(f"/entities/{park['id']}/merge", json={"others": [park["id"]]})
    assert response.status_code == 409
    assert "itself" in response.json()["detail"]


def test_unknown_entity_cluster_and_figure_group_are_404(client: TestClient):
    assert client.get("/entities/999").status_code == 404
    assert client.get("/clusters/999").status_code == 404
    assert client.get("/figures/no-such-group").status_code == 404


def test_re_extracting_an_article_replaces_its_links(
    client: TestClient, fake_extractor: FakeExtractor
):
    post_three(client, fake_extractor)
    articles = client.get("/articles").json()["data"]
    (article_id,) = [a["id"] for a in articles if a["published"] == "2024-10-25"]
    fake_extractor.enqueue([])
    response = client.post(f"/articles/{article_id}/extract", params={"force": "true"})
    assert response.status_code in (200, 201), response.text
    group = troop_group(client)
    assert all(figure["article_id"] != article_id for figure in group["figures"])
