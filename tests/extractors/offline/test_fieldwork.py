"""Poll fieldwork: which clause tells when the subject's poll or survey was done."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from service.extractors.offline.fieldwork import fieldwork_of, surveyed

Parse = Callable[[str], Doc]


def _word(doc: Doc, text: str):
    return next(token for token in doc if token.text == text)


def test_a_participle_hung_on_a_word_inside_the_poll_phrase_tells_the_polls_fieldwork(
    parse: Parse,
):
    doc = parse("An online poll of 1,500 adults by Norvik Data, taken between May 6 and 10, had X.")
    assert surveyed(_word(doc, "taken")) == _word(doc, "poll")
    assert fieldwork_of(_word(doc, "had")) == _word(doc, "taken")


def test_a_participle_of_something_else_is_no_fieldwork(parse: Parse):
    doc = parse("The ferry, built in 1998, carried 40 people.")
    assert surveyed(_word(doc, "built")) is None
    assert fieldwork_of(_word(doc, "carried")) is None


def test_a_pollster_who_questioned_people_tells_its_fieldwork(parse: Parse):
    doc = parse("Ostmark Research, which questioned 2,000 people in May, gave the Greens a lead.")
    assert fieldwork_of(_word(doc, "gave")) == _word(doc, "questioned")
