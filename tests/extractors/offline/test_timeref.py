"""Time references: verbatim phrase plus ISO bounds resolved against publication."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from service.extractors.offline.timeref import Context, find_time

Parse = Callable[[str], Doc]
PUBLISHED = dt.date(2024, 10, 27)  # a Sunday


def _time(parse: Parse, text: str, published: dt.date | None = PUBLISHED, *, forward=False):
    doc = parse(text)
    root = next(token for token in doc if token.dep_ == "ROOT")
    reference = find_time(list(doc), root, Context(published, forward=forward))
    return None if reference is None else (reference.text, reference.start, reference.end)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Troops arrived on Wednesday.", ("on Wednesday", "2024-10-23", "2024-10-23")),
        ("Troops arrived on Sunday.", ("on Sunday", "2024-10-27", "2024-10-27")),
        ("Troops arrived yesterday.", ("yesterday", "2024-10-26", "2024-10-26")),
        ("Troops arrive today.", ("today", "2024-10-27", "2024-10-27")),
        ("Troops arrived last month.", ("last month", "2024-09", "2024-09")),
        ("Troops arrived in August.", ("in August", "2024-08", "2024-08")),
        ("Troops arrived on October 23.", ("on October 23", "2024-10-23", "2024-10-23")),
        ("Troops arrived on August 23, 1987.", ("on August 23, 1987", "1987-08-23", "1987-08-23")),
        ("Fighting has gone on since early August.", ("since early August", "2024-08", None)),
    ],
)
def test_time_phrase_is_resolved_against_publication(parse: Parse, text: str, expected: tuple):
    assert _time(parse, text) == expected


def test_by_a_month_gives_only_the_end(parse: Parse):
    found = _time(parse, "About 10,000 troops will be deployed by December.", forward=True)
    assert found == ("by December", None, "2024-12")


def test_between_early_and_mid_month_is_that_month(parse: Parse):
    found = _time(parse, "North Korea moved 3,000 soldiers between early and mid-October.")
    assert found == ("between early and mid-October", "2024-10", "2024-10")


def test_two_weekdays_give_a_start_and_an_end(parse: Parse):
    found = _time(parse, "Troops will be deployed on Sunday or Monday.", forward=True)
    assert found == ("on Sunday or Monday", "2024-10-27", "2024-10-28")


def test_without_publication_date_relative_times_keep_only_text(parse: Parse):
    assert _time(parse, "Troops arrived on Wednesday.", None) == ("on Wednesday", None, None)
    assert _time(parse, "Troops arrived on October 23.", None) == ("on October 23", None, None)


def test_vague_period_keeps_only_text(parse: Parse):
    found = _time(parse, "Troops will be deployed in the coming days.")
    assert found == ("in the coming days", None, None)


def test_modal_may_is_not_a_month(parse: Parse):
    assert _time(parse, "There may be opportunities to protect them.") is None


def test_time_of_the_main_clause_wins_over_a_relative_clause(parse: Parse):
    text = "On Saturday, aftershocks of a quake that struck on Wednesday increased the toll."
    assert _time(parse, text) == ("On Saturday", "2024-10-26", "2024-10-26")


def test_a_weekday_with_a_date_picks_the_year_where_they_agree(parse: Parse):
    text = "The shutdown was planned to end on Saturday, April 4."
    published = dt.date(2020, 4, 8)
    expected = ("on Saturday, April 4", "2020-04-04", "2020-04-04")
    assert _time(parse, text, published, forward=True) == expected
