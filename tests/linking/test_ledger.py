"""The figure ledger: groups, intervals, times, updates and disagreements."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math

from service.linking import (
    Figure,
    FigureGroup,
    figure_group_key,
    figures_of,
    group_figures,
    unit_key,
)
from service.linking.ledger import figure_period, value_interval
from tests.linking.builders import article, claim, quantity

SUBJECT = "Ruritanian flood victims"


def figure(key: str, value: float, **changes: object) -> Figure:
    base = Figure(
        claim_key=key,
        article_key=f"article-{key}",
        quantity_index=0,
        value=value,
        upper=None,
        approx="exact",
        unit="deaths",
        text=str(value),
        counts="flood deaths",
        source="Ruritanian Health Ministry",
        via=None,
        published=dt.date(2023, 3, 10),
        time_start=None,
        time_end=None,
        certainty="certain",
        kind="state",
        source_key="entity:ministry",
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def one_group(*figures: Figure) -> FigureGroup:
    groups = group_figures(figures, subject_entity={f.claim_key: "e1" for f in figures})
    assert len(groups) == 1
    return groups[0]


def test_figures_from_one_source_are_an_update_not_a_conflict() -> None:
    monday = figure("c1", 12, published=dt.date(2023, 3, 6))
    thursday = figure("c2", 19, published=dt.date(2023, 3, 9))
    group = one_group(thursday, monday)
    assert [(r.a, r.b, r.kind) for r in group.relations] == [("c1#0", "c2#0", "update")]
    assert not group.disagreement
    assert "updates" in group.relations[0].reason


def test_two_sources_that_disagree_for_the_same_time_are_a_conflict() -> None:
    ministry = figure("c1", 12)
    red_cross = figure("c2", 40, source="Ruritanian Red Cross", source_key="entity:red-cross")
    group = one_group(ministry, red_cross)
    assert [(r.a, r.b, r.kind) for r in group.relations] == [("c1#0", "c2#0", "disagreement")]
    assert group.disagreement
    assert "Ruritanian Red Cross" in group.relations[0].reason


def test_figures_whose_intervals_meet_do_not_disagree() -> None:
    around = figure("c1", 3000, approx="approximately")
    at_least = figure("c2", 3200, approx="at_least", source_key="entity:other")
    ranged = figure("c3", 2800, approx="range", upper=3500, source_key="entity:third")
    assert one_group(around, at_least, ranged).relations == []


def test_times_more_than_a_week_apart_do_not_conflict() -> None:
    march = figure("c1", 12, time_end="2023-03-01")
    april = figure("c2", 40, time_end="2023-04-01", source_key="entity:other")
    assert one_group(march, april).relations == []


def test_a_dated_forecast_is_compared_at_its_target_date() -> None:
    now = figure("c1", 3000, approx="approximately", time_end="2023-03-08")
    soon = figure(
        "c2",
        5000,
        approx="approximately",
        kind="forecast",
        time_end="2023-03-12",
        source_key="entity:other",
    )
    later = figure(
        "c3",
        10000,
        approx="approximately",
        kind="forecast",
        time_end="2023-06",
        source_key="entity:third",
    )
    pairs = [(r.a, r.b, r.kind) for r in one_group(now, soon, later).relations]
    assert pairs == [("c1#0", "c2#0", "disagreement")]


def test_a_figure_of_unknown_time_is_compared_with_any_other_and_says_so() -> None:
    now = figure("c1", 3000)
    someday = figure("c2", 10000, kind="forecast", published=None, source_key="entity:other")
    [found] = one_group(now, someday).relations
    assert found.kind == "disagreement"
    assert "one time is unknown" in found.reason


def test_a_source_s_figures_in_time_order_are_a_chain_of_updates() -> None:
    august = figure("c1", 1500, time_start="2023-08", time_end="2023-08", article_key="a")
    october = figure("c2", 3000, time_end="2023-10-20", article_key="a")
    projected = figure("c3", 10000, kind="forecast", time_end="2023-12", article_key="a")
    pairs = [(r.a, r.b, r.kind) for r in one_group(projected, august, october).relations]
    assert pairs == [("c1#0", "c2#0", "update"), ("c2#0", "c3#0", "update")]


def test_figures_of_one_article_for_one_time_are_parts_of_one_account() -> None:
    won = figure("c1", 365, article_key="a")
    majority = figure("c2", 80, article_key="a")
    assert one_group(won, majority).relations == []


def test_an_article_s_own_voice_never_disagrees_with_a_source_it_quotes() -> None:
    total = figure("c1", 17, source=None, source_key="outlet:daily", article_key="a")
    quoted = figure("c2", 2, article_key="a")
    assert one_group(total, quoted).relations == []


def test_two_sources_quoted_in_one_article_can_disagree() -> None:
    first = figure("c1", 6.3, article_key="a", unit="magnitude")
    second = figure("c2", 6.4, article_key="a", unit="magnitude", source_key="entity:survey")
    assert [r.kind for r in one_group(first, second).relations] == ["disagreement"]


def test_increments_are_listed_but_never_related() -> None:
    total = figure("c1", 3000)
    more = figure("c2", 1500, increment=True, source_key="entity:other")
    group = one_group(total, more)
    assert len(group.figures) == 2 and group.relations == []


def test_negated_figures_are_listed_but_never_related() -> None:
    denied = figure("c2", 40, negated=True, source_key="entity:other")
    group = one_group(figure("c1", 12), denied)
    assert len(group.figures) == 2 and group.relations == []


def test_value_intervals_follow_the_approximator() -> None:
    assert value_interval(figure("c", 5000, approx="approximately")) == (4500.0, 5500.0)
    assert value_interval(figure("c", 3000, approx="at_least")) == (3000, math.inf)
    assert value_interval(figure("c", 3000, approx="at_most")) == (0.0, 3000)
    assert value_interval(figure("c", 3, approx="range", upper=5)) == (3, 5)


def test_a_figure_period_is_its_time_else_its_publication() -> None:
    by_december = figure("c", 1, time_end="2023-12")
    assert figure_period(by_december) == (dt.date(2023, 12, 1), dt.date(2023, 12, 31))
    since = figure("c", 1, time_start="2023-01")
    assert figure_period(since) == (dt.date(2023, 1, 1), dt.date(2023, 3, 10))
    assert figure_period(figure("c", 1)) == (dt.date(2023, 3, 10), dt.date(2023, 3, 10))
    assert figure_period(figure("c", 1, kind="forecast")) is None


def test_units_fold_synonyms_plurals_and_symbols() -> None:
    assert unit_key("soldiers") == unit_key("troops") == "troop"
    assert unit_key("%") == unit_key("per cent") == "percent"
    assert unit_key("casualties") == unit_key("casualty") == "casualty"


def test_figures_of_an_article_carry_source_time_and_what_they_count() -> None:
    news = article(
        "a1",
        "text",
        [
            (
                "k1",
                claim(
                    "About 40 Ruritanian flood victims were counted by Sunday.",
                    SUBJECT,
                    source="Ruritanian Red Cross",
                    via="Vostria Radio",
                    quantities=[quantity("about 40", 40, "victims", "approximately")],
                    time={"text": "by Sunday", "end": "2023-03-05"},
                ),
            ),
            ("k2", claim("Rain fell.", "rain")),
        ],
        published=dt.date(2023, 3, 6),
        outlet="Vostria Daily",
    )
    [row] = figures_of(news, {"k1": "e7"})
    assert row.id == "k1#0"
    assert (row.counts, row.source, row.via, row.time_end) == (
        SUBJECT,
        "Ruritanian Red Cross",
        "Vostria Radio",
        "2023-03-05",
    )
    assert row.source_key == "name:ruritanianredcros"
    assert figure_group_key(row, subject_entity={"k1": "e7"}) == "e7-victim"
    assert figure_group_key(row, subject_entity={}) == "subject-ruritanianfludvictims-victim"


def test_an_unnamed_source_is_the_same_source_only_within_its_article() -> None:
    def officials(key: str) -> Figure:
        news = article(
            key,
            "text",
            [
                (
                    f"{key}c",
                    claim(
                        "Ten died.",
                        SUBJECT,
                        source="officials",
                        anonymous=True,
                        quantities=[quantity("ten", 10, "deaths")],
                    ),
                )
            ],
        )
        return figures_of(news, {})[0]

    assert officials("a1").source_key != officials("a2").source_key


def test_grouping_is_order_independent_and_sorted() -> None:
    figures = [figure("c1", 12), figure("c2", 40, source_key="entity:x"), figure("c3", 5)]
    mapping = {"c1": "e1", "c2": "e1", "c3": "e2"}
    forward = group_figures(figures, subject_entity=mapping)
    backward = group_figures(list(reversed(figures)), subject_entity=mapping)
    assert forward == backward
    assert [group.key for group in forward] == ["e1-death", "e2-death"]


def test_an_additional_or_more_quantity_is_an_increment() -> None:
    news = article(
        "a1",
        "text",
        [
            (
                "k1",
                claim(
                    "Some additional 1,500 Ruritanian flood victims were found.",
                    SUBJECT,
                    quantities=[quantity("some additional 1,500", 1500, "victims")],
                ),
            ),
            (
                "k2",
                claim(
                    "Rescuers found 200 more Ruritanian flood victims.",
                    SUBJECT,
                    quantities=[quantity("200", 200, "victims")],
                ),
            ),
            (
                "k3",
                claim(
                    "More than 2,000 Ruritanian flood victims were counted.",
                    SUBJECT,
                    quantities=[quantity("more than 2,000", 2000, "victims", "at_least")],
                ),
            ),
        ],
    )
    assert [row.increment for row in figures_of(news, {})] == [True, True, False]
