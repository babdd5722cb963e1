"""Location: where the proposition holds or happens, from its own clause."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from service.extractors.offline.locations import location_of

Parse = Callable[[str], Doc]


def _root(doc: Doc):
    return next(token for token in doc if token.dep_ == "ROOT")


def _location(parse: Parse, text: str) -> str | None:
    doc = parse(text)
    return location_of(list(doc), _root(doc))


def test_location_prefers_a_named_region_phrase(parse: Parse):
    text = "Several thousand soldiers have arrived in Russia's Kursk region."
    assert _location(parse, text) == "Kursk region"


def test_location_is_a_place_after_a_preposition(parse: Parse):
    assert _location(parse, "Smoke rose over the city after a drone strike in Kyiv.") == "Kyiv"


def test_no_place_gives_no_location(parse: Parse):
    text = "The deployment could alter the dynamics of the conflict."
    assert _location(parse, text) is None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Over 2,000 residents in Kidapawan City have been relocated.", "Kidapawan City"),
        ("Around one million people live in the Amazon rainforest.", "Amazon rainforest"),
        ("The first attack was in Al Noor Mosque.", "Al Noor Mosque"),
        ("Police arrested him in the neighborhood of Strickland Street.", "Strickland Street"),
    ],
)
def test_places_in_the_subject_facilities_and_named_areas_count(
    parse: Parse, text: str, place: str
):
    assert _location(parse, text) == place


def test_a_destination_counts_only_after_a_word_of_movement(parse: Parse):
    assert _location(parse, "About 1,500 troops were sent to Russia.") == "Russia"
    assert _location(parse, "North Korea has provided weapons to Russia.") is None


def test_a_country_that_acts_is_not_where_the_claim_happens(parse: Parse):
    assert _location(parse, "Brazil signed the agreement.") is None


def test_a_where_clause_takes_the_place_it_refers_to(parse: Parse):
    doc = parse("The soldiers moved into eastern Russia, where they began training.")
    training = next(t for t in doc if t.text == "began")
    clause = [t for t in doc if t.i >= training.i - 1]
    assert location_of(clause, training) == "Russia"
