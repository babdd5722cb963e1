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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The roof collapsed three days ago.", ("three days ago", "2024-10-24", "2024-10-24")),
        ("The roof collapsed last night.", ("last night", "2024-10-26", "2024-10-26")),
        ("The dam was finished in the spring of 2021.", ("in the spring of 2021", "2021", "2021")),
        ("She was elected in the 2019 election.", ("in the 2019", "2019", "2019")),
        ("Shops closed following Monday's vote.", ("following Monday", "2024-10-21", None)),
        ("The talks ended prior to October 3.", ("prior to October 3", None, "2024-10-03")),
    ],
)
def test_relative_and_event_dates(parse: Parse, text: str, expected: tuple):
    assert _time(parse, text) == expected


def test_the_following_weekday_is_not_a_start_bound(parse: Parse):
    found = _time(parse, "The ship docked the following Monday.")
    assert found is not None and found[2] is not None


def test_offsets_from_an_earlier_event_take_its_day(parse: Parse):
    context = Context(PUBLISHED, anchor="2024-10-20", anchor_day="2024-10-20")
    for text, day in [
        ("A second blast followed an hour later.", "2024-10-20"),
        ("The mayor resigned the next day.", "2024-10-21"),
        ("The fire was reported at about 9:40 p.m.", "2024-10-20"),
    ]:
        doc = parse(text)
        root = next(token for token in doc if token.dep_ == "ROOT")
        found = find_time(list(doc), root, context)
        assert found is not None and (found.start, found.end) == (day, day), text


def test_bare_since_starts_at_the_earlier_event(parse: Parse):
    doc = parse("Another 400 volunteers have since arrived.")
    root = next(token for token in doc if token.dep_ == "ROOT")
    found = find_time(list(doc), root, Context(PUBLISHED, anchor="2024-08"))
    assert found is not None and (found.start, found.end) == ("2024-08", None)


def test_to_date_and_currently_are_the_day_of_speaking(parse: Parse):
    context = Context(PUBLISHED, speaking=dt.date(2024, 10, 23))
    for text, expected in [
        ("To date, 300 families have been moved.", (None, "2024-10-23")),
        ("The crews are currently clearing roads.", ("2024-10-23", "2024-10-23")),
    ]:
        doc = parse(text)
        root = next(token for token in doc if token.dep_ == "ROOT")
        found = find_time(list(doc), root, context)
        assert found is not None and (found.start, found.end) == expected, text


def test_a_scheduled_clock_time_is_not_dated(parse: Parse):
    doc = parse("Polls will close at 8 p.m.")
    root = next(token for token in doc if token.dep_ == "ROOT")
    context = Context(PUBLISHED, forward=True, anchor_day="2024-10-20")
    found = find_time(list(doc), root, context)
    assert found is None or (found.start, found.end) == (None, None)


@pytest.mark.parametrize(
    ("anchor_day", "expected"),
    [
        ("2024-10-22", ("2024-10-27", "2024-10-27")),  # the week's story: the Sunday after it
        ("2024-10-08", ("2024-10-13", "2024-10-13")),  # still the story's own timeline
        ("2014-03-03", ("2024-10-27", "2024-10-27")),  # a storm of 2014 told in passing
    ],
)
def test_a_forecast_told_in_the_past_counts_its_weekday_only_from_a_day_of_the_last_month(
    parse: Parse, anchor_day: str, expected: tuple[str, str]
):
    doc = parse("More snow was due to fall on Sunday.")
    head = next(token for token in doc if token.dep_ == "ROOT")
    context = Context(PUBLISHED, forward=True, anchor_day=anchor_day)
    found = find_time(list(doc), head, context)
    assert found is not None and (found.start, found.end) == expected
