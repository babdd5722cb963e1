"""Channels a source speaks through: an outlet told by its kind ("the news portal X"), an
outlet quoting a group ("analysts quoted by the business daily X"), an outlet relaying a
body's message, and the article's own wire, which is never a channel. Invented texts
through the whole offline extractor, checking the source and channel of the claim that
holds a phrase."""

from __future__ import annotations

import datetime as dt

import pytest

from schemas.claims import Source
from service.extractors.base import ArticleInput
from service.extractors.offline import OfflineExtractor

MONDAY = dt.date(2021, 5, 17)


def _source_of(extractor: OfflineExtractor, text: str, phrase: str) -> Source:
    claims = extractor.extract(ArticleInput(text=text, published=MONDAY)).claims
    found = [c for c in claims if phrase in c.statement]
    assert found and found[0].source is not None, [c.statement for c in claims]
    return found[0].source


CHANNELS = [
    (
        "In a message relayed by the news agency Orsk-Pres, the Front for the Liberation of "
        "Tarn said its fighters had killed 30 soldiers.",
        "30 soldiers",
        ("Front for the Liberation of Tarn", "Orsk-Pres"),
    ),
    (
        "TARN, May 17 (Orsk Wire) - Gunmen attacked a post on Sunday, the army said. Mayor Ana "
        "Vell told Orsk Wire by telephone that villagers had buried 19 soldiers.",
        "19 soldiers",
        ("Ana Vell", None),
    ),
    (
        "Analysts quoted by the business daily Orsk Ledger said an appeal could take two years.",
        "appeal",
        ("analysts", "Orsk Ledger"),
    ),
    (
        "A person familiar with the matter told the news portal Tarn Monitor that the office "
        "had considered a larger fine.",
        "larger fine",
        ("A person familiar with the matter", "Tarn Monitor"),
    ),
    # a kind word that is part of the name stays in it
    (
        "An official told Radio Borea Voice that currents may have pushed the ferry off course.",
        "ferry off course",
        ("an official", "Radio Borea Voice"),
    ),
    (
        "Two residents told the Orsk news site Tarn Today that 40 houses had burned.",
        "40 houses",
        ("two residents", "Tarn Today"),
    ),
]


@pytest.mark.parametrize(
    ("text", "phrase", "expected"), CHANNELS, ids=[t[0][:50] for t in CHANNELS]
)
def test_a_claim_names_its_source_and_the_channel_it_came_through(
    extractor: OfflineExtractor, text: str, phrase: str, expected: tuple[str, str | None]
):
    source = _source_of(extractor, text, phrase)
    assert (source.name, source.via) == expected


SOURCE_NAMES = [
    # the outlet's participle goes whole, whatever follows the outlet's name
    (
        "Two bankers quoted by the business daily Orsk Ledger on Tuesday said the bank would "
        "be sold.",
        "bank would be sold",
        "two bankers",
    ),
    (
        "Ana Vell, interviewed by the news portal Tarn Monitor on Tuesday, said 40 jobs would go.",
        "40 jobs",
        "Ana Vell",
    ),
]


@pytest.mark.parametrize(
    ("text", "phrase", "name"), SOURCE_NAMES, ids=[t[0][:50] for t in SOURCE_NAMES]
)
def test_a_source_quoted_by_an_outlet_keeps_its_own_name(
    extractor: OfflineExtractor, text: str, phrase: str, name: str
):
    assert _source_of(extractor, text, phrase).name == name
