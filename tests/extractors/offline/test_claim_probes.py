"""Claim-level probes: short made-up articles through the whole offline extractor, each
checking one field of the claim whose statement contains a given phrase.

Every text is invented (names, places and events); none comes from an article. They cover
patterns of wire and Wikinews style that the phrase-level probes cannot see: which source a
sentence is attributed to, which time and numbers a split-off clause keeps.
"""

from __future__ import annotations

import datetime as dt

import pytest

from schemas.claims import DraftClaim
from service.extractors.base import ArticleInput
from service.extractors.offline import OfflineExtractor

MONDAY = dt.date(2021, 5, 17)


@pytest.fixture(scope="module")
def extractor() -> OfflineExtractor:
    return OfflineExtractor()


def _claim(extractor: OfflineExtractor, text: str, phrase: str) -> DraftClaim:
    claims = extractor.extract(ArticleInput(text=text, published=MONDAY)).claims
    found = [claim for claim in claims if phrase in claim.statement]
    assert found, [claim.statement for claim in claims]
    return found[0]


def _source(claim: DraftClaim) -> str | None:
    return claim.source.name if claim.source else None


SOURCES = [
    ('"The bridge is safe," said Tomas Ekel.', "bridge is safe", "Tomas Ekel"),
    ('"The bridge is safe," Tomas Ekel said.', "bridge is safe", "Tomas Ekel"),
    ('"The bridge is safe," said Tomas Ekel, the city engineer.', "bridge is safe", "Tomas Ekel"),
    ('"The bridge is safe," said city engineer Tomas Ekel.', "bridge is safe", "Tomas Ekel"),
    (
        'The ministry closed the bridge in April. "It will reopen in June," Tomas Ekel said. '
        '"The repairs cost 4 million dollars," Ekel added.',
        "repairs cost",
        "Tomas Ekel",
    ),
    (
        "Piet Dorn lost the vote on Tuesday. Turnout was 61%. Dorn conceded the race late "
        "Tuesday. In a speech in Merrow, he said he would not run again.",
        "not run again",
        "Piet Dorn",
    ),
]


@pytest.mark.parametrize(("text", "phrase", "source"), SOURCES, ids=[s[0][:50] for s in SOURCES])
def test_claim_is_attributed_to_the_source_the_sentence_names(
    extractor: OfflineExtractor, text: str, phrase: str, source: str
):
    assert _source(_claim(extractor, text, phrase)) == source


def test_a_participle_clause_never_takes_the_reporting_source_as_its_subject(
    extractor: OfflineExtractor,
):
    text = (
        "Severe storms and at least three tornadoes swept across southern Ostria on Sunday, "
        "killing at least 11 people, state emergency officials said."
    )
    claim = _claim(extractor, text, "11 people")
    assert "officials" not in claim.statement.lower()
    assert _source(claim) == "state emergency officials"


WHEN_CLAUSES = [
    ("The storms were the deadliest since 2011, when 23 people died.", "23 people", "2011"),
    ("The town last flooded in 1998, when the river rose six metres.", "river rose", "1998"),
]


@pytest.mark.parametrize(
    ("text", "phrase", "year"), WHEN_CLAUSES, ids=[w[0][:50] for w in WHEN_CLAUSES]
)
def test_a_when_clause_after_a_date_happens_at_that_date(
    extractor: OfflineExtractor, text: str, phrase: str, year: str
):
    time = _claim(extractor, text, phrase).time
    assert time is not None and (time.start, time.end) == (year, year)
