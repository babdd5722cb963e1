from collections.abc import Callable

import pytest
from spacy.tokens import Doc, Token

from service.extractors.offline.deadlines import before_a_clock_time, before_an_audience


@pytest.mark.parametrize(
    ("check", "text", "expected"),
    [
        # a "before" followed by a time of day is no deadline
        (before_a_clock_time, "The blast came shortly before 2 a.m. on Sunday.", True),
        (before_a_clock_time, "Rescuers arrived shortly before dawn.", True),
        (before_a_clock_time, "The report must be filed before Friday.", False),
        # "before" an audience means in front of it
        (before_an_audience, "Ruiz appeared before a judge on Tuesday.", True),
        (before_an_audience, "Ruiz spoke before supporters on Tuesday night.", True),
        (before_an_audience, "The law must pass before the summer recess.", False),
    ],
)
def test_uses_of_before_that_bound_nothing_are_told_apart_from_deadlines(
    parse: Callable[[str], Doc], check: Callable[[Token], bool], text: str, expected: bool
):
    before = next(t for t in parse(text) if t.lower_ == "before")
    assert check(before) is expected
