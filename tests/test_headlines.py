"""A title for an article sent without one: its first line, when that reads as a headline."""

from __future__ import annotations

import pytest

from service.headlines import article_title, headline
from tests.conftest import ARTICLES


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Troops arrive in Kursk\n\nOfficials said so.", "Troops arrive in Kursk"),
        ("Troops arrive in Kursk\nOfficials said so.", "Troops arrive in Kursk"),
        ("  Will the ceasefire hold?  \n\nNobody knows.", "Will the ceasefire hold?"),
        ("January 4, 2019\n\nTroops arrive in Kursk\n\nText.", "Troops arrive in Kursk"),
        ("Officials said troops arrived.\n\nMore text.", None),  # a sentence
        ("Officials said, according to Reuters:\nMore text.", None),  # a clause
        ('He said "no."\n\nMore text.', None),
        ("Troops arrive in Kursk", None),  # nothing after it: the whole text
        ("By Jane Doe\n\nTroops arrived.", None),  # a byline
        ("Kursk\n\nTroops arrived.", None),  # one word
        ("2024 — 11 — 03\n\nTroops arrived.", None),  # no letters
        ("date 2024-10-27 Smoke rises over the city (Reuters)\n\nText.", None),  # a dateline
        (("word " * 45).strip() + "\n\nText.", None),  # over 200 characters
    ],
)
def test_the_first_line_is_a_title_only_when_it_reads_as_a_headline(
    text: str, expected: str | None
):
    assert headline(text) == expected


def test_seed_articles_that_start_with_a_headline_get_it_as_their_title():
    titles = {
        path.name[:3]: headline(path.read_text(encoding="utf-8")) for path in ARTICLES.glob("*.txt")
    }
    assert titles["01_"] == "Austin says there is evidence North Korean soldiers are in Russia"
    assert titles["003"] is None  # starts with a dateline and a photo caption


def test_a_given_title_wins_and_says_so():
    assert article_title("Headline here\n\nText.", "Given").source == "request"
    found = article_title("Headline here\n\nText.", None)
    assert (found.text, found.source) == ("Headline here", "first_line")
    assert article_title("no headline.\n\nText.", "  ").source is None
