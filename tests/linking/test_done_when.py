"""The issue's acceptance scenario, in made-up articles with the same figures and sources."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from service.linking import ArticleInput, FigureGroup, Linking, link_articles
from tests.linking.builders import article, claim, quantity

UKRAINE_TEXT = (
    "A senior Ukrainian official told reporters that around 5,000 North Korean troops "
    "would be ready near the front by the end of the month. Gen. Kim Young Bok is said "
    "to lead them."
)
NIS_TEXT = (
    "South Korea's National Intelligence Service (NIS) told lawmakers that approximately "
    "3,000 North Korean soldiers have reached Russia so far, and it expects 10,000 by "
    "December. The NIS named Kim Yong-bok as their commander. Kim Jong Un has said "
    "nothing. U.S. intelligence, via the White House, counts at least 3,000. The DPRK "
    "denies it; Pyongyang called the reports lies. North Korea has been silent since."
)


def ukrainian_article(
    kind: str, time: dict[str, Any] | None, published: dt.date | None
) -> ArticleInput:
    return article(
        "ua",
        UKRAINE_TEXT,
        [
            (
                "ua1",
                claim(
                    "Around 5,000 North Korean troops will be ready near the front.",
                    "North Korean troops",
                    source="a senior Ukrainian official",
                    anonymous=True,
                    kind=kind,
                    certainty="probable",
                    quantities=[quantity("around 5,000", 5000, "troops", "approximately")],
                    time=time,
                    location="Russia",
                ),
            ),
            ("ua2", claim("Kim Young Bok leads the North Korean troops.", "Kim Young Bok")),
        ],
        published=published,
        outlet="Made-up Kyiv Daily",
    )


def nis_article() -> ArticleInput:
    nis = "South Korea's National Intelligence Service"
    return article(
        "kr",
        NIS_TEXT,
        [
            (
                "kr1",
                claim(
                    "Approximately 3,000 North Korean soldiers have reached Russia so far.",
                    "North Korean soldiers",
                    source=nis,
                    quantities=[quantity("approximately 3,000", 3000, "soldiers", "approximately")],
                    time={"text": "so far", "end": "2024-10-24"},
                    location="Russia",
                ),
            ),
            (
                "kr2",
                claim(
                    "10,000 North Korean soldiers will have reached Russia by December.",
                    "North Korean soldiers",
                    source="NIS",
                    kind="forecast",
                    certainty="probable",
                    quantities=[quantity("10,000", 10000, "soldiers")],
                    time={"text": "by December", "end": "2024-12"},
                    location="Russia",
                ),
            ),
            (
                "kr3",
                claim(
                    "At least 3,000 North Korean soldiers are in Russia.",
                    "North Korean soldiers",
                    source="U.S. intelligence",
                    via="White House",
                    quantities=[quantity("at least 3,000", 3000, "soldiers", "at_least")],
                    time={"text": "in October", "start": "2024-10", "end": "2024-10"},
                    location="Russia",
                ),
            ),
            ("kr4", claim("Kim Yong-bok commands the North Korean soldiers.", "Kim Yong-bok")),
            ("kr5", claim("Kim Jong Un has said nothing.", "Kim Jong Un", negated=False)),
            ("kr6", claim("The DPRK denies sending soldiers.", "the DPRK", negated=False)),
            ("kr7", claim("The reports are lies.", "reports", source="Pyongyang")),
            ("kr8", claim("North Korea has been silent.", "North Korea")),
        ],
        published=dt.date(2024, 10, 27),
        outlet="Made-up Seoul Herald",
    )


def troop_group(linking: Linking) -> FigureGroup:
    [group] = [g for g in linking.figure_groups if any(f.claim_key == "kr1" for f in g.figures)]
    return group


UKRAINIAN_VARIANTS = [
    pytest.param("forecast", {"text": "by the end of the month"}, None, id="undated-forecast"),
    pytest.param(
        "forecast",
        {"text": "by October 28", "end": "2024-10-28"},
        dt.date(2024, 10, 25),
        id="dated-forecast",
    ),
    pytest.param("state", None, dt.date(2024, 10, 26), id="present-figure"),
]


@pytest.mark.parametrize(("kind", "time", "published"), UKRAINIAN_VARIANTS)
def test_troop_figures_form_one_group_and_ukraine_disagrees_with_south_korea(
    kind: str, time: dict[str, Any] | None, published: dt.date | None
) -> None:
    linking = link_articles([nis_article(), ukrainian_article(kind, time, published)])
    group = troop_group(linking)
    assert sorted(f.id for f in group.figures) == ["kr1#0", "kr2#0", "kr3#0", "ua1#0"]
    assert group.disagreement
    disagreeing = {frozenset((r.a, r.b)) for r in group.relations if r.kind == "disagreement"}
    assert any("ua1#0" in pair and pair & {"kr1#0", "kr2#0"} for pair in disagreeing)
    assert all("kr3#0" not in pair for pair in disagreeing)  # "at least 3,000" fits both


def test_kim_young_bok_and_kim_yong_bok_are_one_entity_and_kim_jong_un_another() -> None:
    linking = link_articles(
        [nis_article(), ukrainian_article("forecast", None, dt.date(2024, 10, 25))]
    )
    young = linking.mentions[("ua2", "subject")]
    yong = linking.mentions[("kr4", "subject")]
    jong_un = linking.mentions[("kr5", "subject")]
    assert yong.entity_key == young.entity_key
    assert yong.reason == "romanisation"
    assert jong_un.entity_key != young.entity_key


def test_north_korea_the_dprk_and_pyongyang_as_a_source_are_one_actor() -> None:
    linking = link_articles([nis_article()])
    keys = {
        linking.mentions[("kr6", "subject")].entity_key,
        linking.mentions[("kr7", "source")].entity_key,
        linking.mentions[("kr8", "subject")].entity_key,
    }
    assert len(keys) == 1
    [entity] = [e for e in linking.entities if e.key in keys]
    assert (entity.name, entity.type) == ("North Korea", "place")


def test_the_nis_acronym_joins_the_service_it_abbreviates() -> None:
    linking = link_articles([nis_article()])
    full = linking.mentions[("kr1", "source")]
    short = linking.mentions[("kr2", "source")]
    assert (short.entity_key, short.reason) == (full.entity_key, "acronym")


def test_linking_is_deterministic_whatever_the_order_of_articles() -> None:
    one = link_articles([nis_article(), ukrainian_article("state", None, dt.date(2024, 10, 26))])
    two = link_articles([ukrainian_article("state", None, dt.date(2024, 10, 26)), nis_article()])
    assert one == two
