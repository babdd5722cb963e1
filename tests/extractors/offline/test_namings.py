"""Judgements told as naming ("called X 'Y'") in every clause shape; invented texts."""

from __future__ import annotations

import datetime as dt

import pytest

from schemas.claims import ClaimKind, DraftClaim
from service.extractors.base import ArticleInput
from service.extractors.offline import OfflineExtractor


@pytest.fixture(scope="module")
def extractor() -> OfflineExtractor:
    return OfflineExtractor()


def _claims(extractor: OfflineExtractor, text: str) -> list[DraftClaim]:
    return extractor.extract(ArticleInput(text=text, published=dt.date(2021, 5, 17))).claims


@pytest.mark.parametrize(
    ("text", "statement", "namer", "claims"),
    [
        (
            'Governor Bill Lee called the damage "heartbreaking".',
            "The damage is heartbreaking.",
            "Bill Lee",
            1,
        ),
        (
            "The mayor described the storm as the worst in the city's history.",
            "The storm is the worst in the city's history.",
            "The mayor",
            1,
        ),
        # a quoted name the parser reads as an appositive; the joined act stays a claim
        (
            'Tom Reyes, a lawyer for the family, called the partial release "an insult" and '
            "demanded the full footage.",
            "The partial release is an insult.",
            "Tom Reyes",
            2,
        ),
        # a naming act joined to the reported clause: the speaker's, not the clause subject's
        (
            "Farm Union chairman Olav Berg said the plan could cost 80 million euros a year, and "
            'called the plan "a gift paid for with borrowed money".',
            "The plan is a gift paid for with borrowed money.",
            "Olav Berg",
            2,
        ),
        # an adjective tagged an adverb, with its infinitive
        (
            "Critics in the Danish parliament have called the spending hard to justify at a time "
            "of cuts.",
            "The spending is hard to justify at a time of cuts.",
            "critics in the Danish parliament",
            1,
        ),
        # "as" hung on the object
        (
            "Sahel Watch described pangolins as the most trafficked mammal in the world.",
            "Pangolins are the most trafficked mammal in the world.",
            "Sahel Watch",
            1,
        ),
        # a one-word quoted name the parser hangs the opening quote on
        (
            'Analysts at Norvik Securities called the reaction "overdone".',
            "The reaction is overdone.",
            "analysts at Norvik Securities",
            1,
        ),
        # a closing participle
        (
            "Anna Holm ruled out any cooperation with Green Front, calling the party's "
            'programme "incompatible with our values".',
            "The party's programme is incompatible with our values.",
            "Anna Holm",
            2,
        ),
    ],
)
def test_a_naming_is_the_namers_assessment(
    extractor: OfflineExtractor, text: str, statement: str, namer: str, claims: int
):
    found = _claims(extractor, text)
    judged = next((c for c in found if c.statement == statement), None)
    assert judged is not None, [c.statement for c in found]
    assert judged.kind is ClaimKind.assessment
    assert judged.source is not None and judged.source.name == namer
    assert len(found) == claims, [c.statement for c in found]


def test_a_naming_participle_leaves_the_clause_it_closes(extractor: OfflineExtractor):
    text = (
        "Anna Holm ruled out any cooperation with Green Front, calling the party's programme "
        '"incompatible with our values".'
    )
    statements = [c.statement for c in _claims(extractor, text)]
    assert "Anna Holm ruled out any cooperation with Green Front." in statements


# Inputs a review of rules 2025.19 found mishandled (each failed before its fix).
@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # no judgement is made when the naming is denied
        (
            "Finance Minister Petra Volk defended the budget on Tuesday but did not call the "
            "deficit a crisis.",
            "The deficit is a crisis.",
        ),
        (
            "Petra Volk raised fuel taxes, never calling the deficit a crisis.",
            "The deficit is a crisis.",
        ),
    ],
)
def test_no_judgement_is_made_up(extractor: OfflineExtractor, text: str, wrong: str):
    assert wrong not in [c.statement for c in _claims(extractor, text)]


def test_an_act_joined_to_a_naming_participle_is_kept(extractor: OfflineExtractor):
    text = "The judge dismissed the case, describing the evidence as thin, and freed the two men."
    assert any("freed the two men" in c.statement for c in _claims(extractor, text))


def test_a_relative_pronoun_is_no_namer(extractor: OfflineExtractor):
    text = 'Ana Ruiz, who resigned on Monday and called the board "corrupt", will testify.'
    assert all(c.source is None or c.source.name != "who" for c in _claims(extractor, text))


def test_a_quoted_name_ends_at_its_closing_quote(extractor: OfflineExtractor):
    text = 'Ana Ruiz phoned the station and called the editor "a coward" on air.'
    assert "The editor is a coward." in [c.statement for c in _claims(extractor, text)]
