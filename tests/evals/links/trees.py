"""A small gold tree for link tests: two articles under dev/ and one link group under links/."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from schemas.claims import ClaimKind, Quantity, Source
from schemas.gold import GoldArticle
from tests.evals.builders import gold_claim

TEXT_A = "Officials said 5,000 troops arrived in Kursk. Kim Yong-bok leads them."
TEXT_B = "South Korea said 3,000 soldiers arrived in the Kursk region. Kim Young Bok commands them."


def article_a() -> GoldArticle:
    """Article a: 5,000 troops in Kursk, led by Kim Yong-bok."""
    troops = gold_claim(
        "c1",
        "5,000 North Korean troops arrived in Kursk.",
        "Officials said 5,000 troops arrived in Kursk.",
        text=TEXT_A,
        subject="North Korean troops",
        source=Source(name="officials", anonymous=True),
        location="Kursk",
        quantities=[Quantity(text="5,000", value=5000, unit="troops")],
    )
    kim = gold_claim(
        "c2",
        "Kim Yong-bok leads the troops.",
        "Kim Yong-bok leads them.",
        text=TEXT_A,
        kind=ClaimKind.state,
        subject="Kim Yong-bok",
    )
    return GoldArticle(id="a", text=TEXT_A, published=None, claims=[troops, kim])


def article_b() -> GoldArticle:
    """Article b: 3,000 soldiers in the Kursk region, commanded by Kim Young Bok."""
    soldiers = gold_claim(
        "c1",
        "3,000 North Korean soldiers arrived in the Kursk region.",
        "South Korea said 3,000 soldiers arrived in the Kursk region.",
        text=TEXT_B,
        subject="North Korean soldiers",
        source=Source(name="South Korea"),
        location="Kursk region",
        quantities=[Quantity(text="3,000", value=3000, unit="soldiers")],
    )
    kim = gold_claim(
        "c2",
        "Kim Young Bok commands the troops.",
        "Kim Young Bok commands them.",
        text=TEXT_B,
        kind=ClaimKind.state,
        subject="Kim Young Bok",
    )
    return GoldArticle(id="b", text=TEXT_B, claims=[soldiers, kim])


def link_group() -> dict[str, Any]:
    """The group's gold: five entities, two clusters, one disagreeing figure pair."""
    return {
        "id": "troops",
        "articles": ["a", "b"],
        "annotator": "tests",
        "entities": [
            {
                "name": "North Korean troops",
                "type": "group",
                "mentions": [
                    {"claim": "a:c1", "role": "subject"},
                    {"claim": "b:c1", "role": "subject"},
                ],
            },
            {
                "name": "Kursk region",
                "type": "place",
                "mentions": [
                    {"claim": "a:c1", "role": "location"},
                    {"claim": "b:c1", "role": "location"},
                ],
            },
            {
                "name": "Kim Yong-bok",
                "type": "person",
                "mentions": [
                    {"claim": "a:c2", "role": "subject"},
                    {"claim": "b:c2", "role": "subject"},
                ],
            },
            {
                "name": "officials (a)",
                "type": "group",
                "mentions": [{"claim": "a:c1", "role": "source"}],
            },
            {
                "name": "South Korea",
                "type": "place",
                "mentions": [{"claim": "b:c1", "role": "source"}],
            },
        ],
        "clusters": [
            {"label": "troops arrived in Kursk", "claims": ["a:c1", "b:c1"]},
            {"label": "Kim leads the troops", "claims": ["a:c2", "b:c2"]},
        ],
        "figure_groups": [
            {
                "label": "troops in Kursk",
                "unit": "troops",
                "figures": ["a:c1#0", "b:c1#0"],
                "disagreements": [["a:c1#0", "b:c1#0"]],
                "updates": [],
            },
        ],
    }


def write_tree(root: Path, group: dict[str, Any] | None = None) -> Path:
    """Write dev/a.json, dev/b.json and links/troops.json under root; returns the link file."""
    (root / "dev").mkdir(parents=True, exist_ok=True)
    (root / "links").mkdir(exist_ok=True)
    for article in (article_a(), article_b()):
        (root / "dev" / f"{article.id}.json").write_text(article.to_json(), encoding="utf-8")
    path = root / "links" / "troops.json"
    path.write_text(json.dumps(group or link_group()), encoding="utf-8")
    return path
