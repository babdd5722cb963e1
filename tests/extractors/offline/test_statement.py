"""Rendering a proposition's tokens as a stand-alone statement."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from service.extractors.offline.statement import dated_weekday, render

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


def test_a_resolved_weekday_is_written_with_its_date(parse: Parse):
    doc = parse("The bridge reopened on Monday after repairs.")
    dated = dated_weekday(list(doc), "on Monday", "2021-05-17")
    expected = "The bridge reopened on Monday, May 17, 2021, after repairs."
    assert render(list(doc), dated, []) == expected


def test_a_part_of_the_day_stays_beside_its_weekday(parse: Parse):
    doc = parse("The storm hit on Tuesday night.")
    dated = dated_weekday(list(doc), "on Tuesday night", "2021-05-11")
    assert render(list(doc), dated, []) == "The storm hit on Tuesday night, May 11, 2021."


def test_a_weekday_already_dated_or_possessive_is_left_alone(parse: Parse):
    for text, phrase in [
        ("The bridge reopened on Monday, May 17.", "on Monday, May 17"),
        ("Monday's storm closed the bridge.", "Monday"),
    ]:
        doc = parse(text)
        assert dated_weekday(list(doc), phrase, "2021-05-17") == {}
