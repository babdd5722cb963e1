import datetime as dt

import pytest

from service.extractors.offline.durations import LASTING, lasting_to_now, length_before
from service.extractors.offline.relative_time import Context

PUBLISHED = Context(dt.date(2021, 5, 17))


@pytest.mark.parametrize(
    ("text", "bounds"),
    [
        ("for 14 years", ("2007", "2021")),
        ("for three decades", ("1991", "2021")),
        ("for about six months", ("2020-11", "2021-05")),
    ],
)
def test_a_length_up_to_now_ends_at_publication(text: str, bounds: tuple[str, str]):
    match = LASTING.search(text)
    assert match is not None
    assert lasting_to_now(match, PUBLISHED) == bounds


@pytest.mark.parametrize(
    "text", ["for two years of talks", "for three years before the merger", "for years"]
)
def test_a_length_of_something_else_or_uncounted_is_no_lasting_time(text: str):
    assert LASTING.search(text) is None


def test_a_length_closing_at_a_year_is_counted_back_from_it():
    assert length_before("She led the union for two decades ", "2019") == "1999"
    assert length_before("She led the union for 12 years ", "2019") == "2007"


def test_a_length_closing_at_a_day_or_with_no_count_gives_no_start():
    assert length_before("She led the union for two decades ", "2019-05-01") is None
    assert length_before("She led the union for many years ", "2019") is None
