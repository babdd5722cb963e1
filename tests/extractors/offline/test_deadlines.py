from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from service.extractors.offline.deadlines import before_a_clock_time, before_an_audience


def _before(doc: Doc):
    return next(t for t in doc if t.lower_ == "before")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The blast came shortly before 2 a.m. on Sunday.", True),
        ("Rescuers arrived shortly before dawn.", True),
        ("The report must be filed before Friday.", False),
    ],
)
def test_a_before_followed_by_a_time_of_day_is_no_deadline(
    parse: Callable[[str], Doc], text: str, expected: bool
):
    assert before_a_clock_time(_before(parse(text))) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ruiz appeared before a judge on Tuesday.", True),
        ("Ruiz spoke before supporters on Tuesday night.", True),
        ("The law must pass before the summer recess.", False),
    ],
)
def test_a_before_an_audience_means_in_front_of(
    parse: Callable[[str], Doc], text: str, expected: bool
):
    assert before_an_audience(_before(parse(text))) is expected
