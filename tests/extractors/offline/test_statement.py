"""Rendering a proposition's tokens as a stand-alone statement."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from service.extractors.offline.statement import render

Parse = Callable[[str], Doc]


def test_a_leading_connective_is_dropped(parse: Parse):
    doc = parse("However, the bridge reopened on Monday.")
    assert render(list(doc), {}, []) == "The bridge reopened on Monday."


def test_so_far_is_a_phrase_not_the_connective_so(parse: Parse):
    doc = parse("So far, 4,000 refugees have been resettled.")
    assert render(list(doc), {}, []) == "So far, 4,000 refugees have been resettled."


def test_a_link_joins_an_elided_subject_to_the_tokens(parse: Parse):
    doc = parse("The army, with 1.3 million soldiers")
    subject, phrase = list(doc[:2]), list(doc[4:])
    assert render(phrase, {}, subject, "has") == "The army has 1.3 million soldiers."
