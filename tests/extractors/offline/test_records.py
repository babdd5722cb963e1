"""Records: a clause's closing description of itself as a record, split off."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from service.extractors.offline.propositions import propositions_of
from service.extractors.offline.statement import render

Parse = Callable[[str], Doc]


def _statements(parse: Parse, text: str) -> list[str]:
    doc = parse(text)
    return [render(p.tokens, p.replacements, p.prefix) for p in propositions_of(list(doc))]


def test_a_closing_ranking_of_the_clause_is_a_claim_of_its_own(parse: Parse):
    text = "The Ostrian franc fell 3.4% on Friday, its steepest weekly fall since 2015."
    assert _statements(parse, text) == [
        "The Ostrian franc fell 3.4% on Friday.",
        "That was its steepest weekly fall since 2015.",
    ]


def test_an_ordinal_with_a_possessive_ranks_the_clause(parse: Parse):
    text = (
        "The Norvian central bank raised its main rate by 25 basis points to 5.5% on "
        "Wednesday, its fourth increase since the cycle began in March."
    )
    assert _statements(parse, text)[-1] == (
        "That was its fourth increase since the cycle began in March."
    )


def test_a_superlative_with_the_ranks_the_clause(parse: Parse):
    text = (
        "Porto reached 41 degrees on Friday, the hottest temperature recorded in the city "
        "since records began in 1888."
    )
    assert _statements(parse, text)[-1] == (
        "That was the hottest temperature recorded in the city since records began in 1888."
    )


def test_an_ordinal_with_the_describes_the_noun_before_it(parse: Parse):
    text = "She won the Nevada caucus on May 3, the first contest of the season."
    assert len(_statements(parse, text)) == 1


def test_a_ranking_inside_the_clause_stays_in_it(parse: Parse):
    text = "The franc had its steepest fall since 2015 on Friday, traders said."
    assert not any(s.startswith("That was") for s in _statements(parse, text))
