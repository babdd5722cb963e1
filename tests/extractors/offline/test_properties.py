"""Kind, subject and location of a proposition."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from schemas.claims import Certainty, ClaimKind
from service.extractors.offline.properties import kind_of, location_of, subject_of
from service.extractors.offline.references import References

Parse = Callable[[str], Doc]


def _root(doc: Doc):
    return next(token for token in doc if token.dep_ == "ROOT")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Around 5,000 troops will be mobilized in Kursk.", ClaimKind.forecast),
        ("Liberal Democrats are to find a new leader.", ClaimKind.forecast),
        ("The KPA is the world's fourth-largest army.", ClaimKind.state),
        ("Several thousand soldiers have arrived in Kursk.", ClaimKind.event),
        ("The gun laws should be changed.", ClaimKind.assessment),
    ],
)
def test_kind_follows_modality_and_verb(parse: Parse, text: str, kind: ClaimKind):
    doc = parse(text)
    assert kind_of(_root(doc), {t.i for t in doc}, None, Certainty.certain) is kind


def test_subject_drops_quantifiers(parse: Parse):
    doc = parse("Several thousand North Korean soldiers have arrived in Kursk.")
    assert subject_of(_root(doc), References.of([(0, doc)])) == "North Korean soldiers"


def test_subject_person_is_the_full_name(parse: Parse):
    doc = parse("Brenton Tarrant appeared in court. Tarrant did not apply for bail.")
    second = list(doc.sents)[1]
    refs = References.of([(0, doc)])
    assert subject_of(second.root, refs) == "Brenton Tarrant"


def test_location_prefers_a_named_region_phrase(parse: Parse):
    doc = parse("Several thousand soldiers have arrived in Russia's Kursk region.")
    assert location_of(list(doc), _root(doc)) == "Kursk region"


def test_location_is_a_place_after_a_preposition(parse: Parse):
    doc = parse("Smoke rose over the city after a drone strike in Kyiv.")
    assert location_of(list(doc), _root(doc)) == "Kyiv"


def test_no_place_gives_no_location(parse: Parse):
    doc = parse("The deployment could alter the dynamics of the conflict.")
    assert location_of(list(doc), _root(doc)) is None
