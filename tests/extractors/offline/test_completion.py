"""Completion: numbers get the noun they count, object-infinitive fragments their verb."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from service.extractors.offline.completion import counted_number, object_infinitive
from service.extractors.offline.statement import render

Parse = Callable[[str], Doc]


def _token(doc: Doc, text: str) -> Token:
    return next(token for token in doc if token.text == text)


def test_a_bare_number_gets_the_noun_counted_just_before(parse: Parse):
    doc = parse(
        "After an initial shipment of around 2,000 Syrian refugees in May, "
        "some additional 800 have since been resettled."
    )
    head = _token(doc, "resettled")
    clause = [t for t in doc if t.i >= _token(doc, "some").i and not t.is_punct]
    completion = counted_number(head, {t.i for t in clause})
    assert completion.subject == "Syrian refugees"
    statement = render(clause, completion.replacements, [])
    assert statement == "Some additional 800 Syrian refugees have since been resettled."


def test_a_number_of_something_is_not_bare(parse: Parse):
    doc = parse("Ten soldiers were wounded, and two of the soldiers died.")
    head = _token(doc, "died")
    completion = counted_number(head, {t.i for t in doc if t.i >= _token(doc, "two").i})
    assert completion.replacements == {}


def test_with_no_counted_noun_before_nothing_is_added(parse: Parse):
    doc = parse("Only 27 have ratified the agreement.")
    head = _token(doc, "ratified")
    assert counted_number(head, {t.i for t in doc}).replacements == {}


def test_an_object_infinitive_fragment_gets_its_verb_back(parse: Parse):
    doc = parse(
        "So far 4,000 refugees arrived, with the agency expecting around 9,000 to be resettled."
    )
    verb, head = _token(doc, "expecting"), _token(doc, "resettled")
    fragment = [t for t in doc if t.i > verb.i and not t.is_punct]
    completion = object_infinitive(head, verb)
    statement = render(fragment, completion.replacements, [])
    assert statement == "Around 9,000 are expected to be resettled."


def test_an_infinitive_not_governed_by_the_reporting_verb_is_left_alone(parse: Parse):
    doc = parse("The agency wants the refugees to be resettled.")
    assert object_infinitive(_token(doc, "resettled"), None).replacements == {}
