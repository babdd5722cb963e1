"""Figures whose maker is the clause's subject ("The ministry put the losses at 40 million
euros", "The observatory measured it at magnitude 6.1"): invented texts through the whole
offline extractor, checking the source of the claim that holds a phrase."""

from __future__ import annotations

import datetime as dt

import pytest

from service.extractors.base import ArticleInput
from service.extractors.offline import OfflineExtractor

MONDAY = dt.date(2021, 5, 17)

MADE_FIGURES = [
    (
        "Its owner, Tarn Hydro Company, put the damage at 2 billion rupees.",
        "damage",
        "Tarn Hydro Company",
    ),
    ("The mayor's office gave a higher figure of 23 injured.", "23 injured", "The mayor's office"),
    (
        "The Orsk Seismic Institute measured the quake at magnitude 6.1.",
        "6.1",
        "Orsk Seismic Institute",
    ),
    (
        "The researchers calculated a rate of 12 deaths per 1,000 births.",
        "12 deaths",
        "the researchers",
    ),
    # a pronoun subject is no source of its own
    ("It put the damage at 2 billion rupees.", "damage", None),
    # a gift, a measuring or a calculation that gives no figure is no report
    ("The club gave 40 tickets to the hospital.", "40 tickets", None),
    ("The Orvel Foundation gave a total of $5 million to flood victims.", "$5 million", None),
    ("Nurses measured 400 children at 12 schools in the district.", "400 children", None),
    ("Engineers calculated the load of the 40-tonne beam before lifting it.", "beam", None),
]


@pytest.mark.parametrize(
    ("text", "phrase", "source"), MADE_FIGURES, ids=[t[0][:50] for t in MADE_FIGURES]
)
def test_a_figure_is_its_makers(
    extractor: OfflineExtractor, text: str, phrase: str, source: str | None
):
    claims = extractor.extract(ArticleInput(text=text, published=MONDAY)).claims
    found = [c for c in claims if phrase in c.statement]
    assert found, [c.statement for c in claims]
    assert (found[0].source.name if found[0].source else None) == source
