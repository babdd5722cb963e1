"""Certainty and negation cues on the predicate chain."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from schemas.claims import Certainty
from service.extractors.offline.certainty import certainty_of, is_negated

Parse = Callable[[str], Doc]


def _root(doc: Doc):
    return next(token for token in doc if token.dep_ == "ROOT")


@pytest.mark.parametrize(
    ("text", "certainty"),
    [
        ("North Korean troops arrived in Kursk.", Certainty.certain),
        ("Troops are expected to join the counteroffensive.", Certainty.probable),
        ("He is believed to have entered Russia.", Certainty.probable),
        ("Troops will likely join the counteroffensive.", Certainty.probable),
        ("The deployment could alter the dynamics of the conflict.", Certainty.possible),
        ("There may be opportunities to protect them.", Certainty.possible),
        ("Special forces can parachute behind enemy lines.", Certainty.certain),
    ],
)
def test_hedges_set_certainty(parse: Parse, text: str, certainty: Certainty):
    doc = parse(text)
    assert certainty_of(_root(doc), {t.i for t in doc}, None) is certainty


def test_reporting_verb_cue_counts(parse: Parse):
    doc = parse("Analysts estimate that troops arrived in Kursk.")
    verb = _root(doc)
    content = next(child for child in verb.children if child.dep_ == "ccomp")
    owned = {t.i for t in content.subtree}
    assert certainty_of(content, owned, verb) is Certainty.probable


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("The troops had not yet engaged in combat.", True),
        ("No crew were injured.", True),
        ("There were no candidates elected.", True),
        ("The Brexit Party failed to obtain any seats.", True),
        ("The troops engaged in combat.", False),
    ],
)
def test_negation_is_detected_on_the_predicate(parse: Parse, text: str, negated: bool):
    doc = parse(text)
    assert is_negated(_root(doc), {t.i for t in doc}) is negated
