"""Reading a publication date from a dateline at the top of an article."""

from __future__ import annotations

import datetime as dt

import pytest

from service.datelines import find_dateline, publication_date


@pytest.mark.parametrize(
    ("text", "date", "words"),
    [
        (" date 2024-10-27 Smoke rises over the city.\n\nBody.", "2024-10-27", "date 2024-10-27"),
        ("Headline\n\nFriday, January 4, 2019\n\nBody.", "2019-01-04", "Friday, January 4, 2019"),
        ("Headline\n\nSunday, March 17, 2019 \n\nBody.", "2019-03-17", "Sunday, March 17, 2019"),
        ("Headline\n4 Jan 2019\nBody.", "2019-01-04", "4 Jan 2019"),
        ("2020-04-08\nBody.", "2020-04-08", "2020-04-08"),
    ],
)
def test_dateline_is_found_with_its_words_and_offset(text: str, date: str, words: str):
    dateline = find_dateline(text)
    assert dateline is not None
    assert dateline.date == dt.date.fromisoformat(date)
    assert text[dateline.start : dateline.start + len(words)] == words == dateline.text


@pytest.mark.parametrize(
    "text",
    [
        "Troops arrived on January 4, 2019, officials said.",  # a date inside a sentence
        "One\nTwo\nThree\nFour\nFriday, January 4, 2019",  # too far down
        "date 2024-02-30 an impossible date",
        "Headline\n\nBody without any date.",
    ],
)
def test_no_dateline_is_found(text: str):
    assert find_dateline(text) is None


def test_given_date_wins_over_the_dateline():
    given = dt.date(2024, 10, 28)
    found = publication_date("date 2024-10-27 caption", given)
    assert (found.date, found.source, found.text) == (given, "request", None)


def test_unknown_publication_date_when_no_dateline():
    assert publication_date("Just text.", None).date is None
