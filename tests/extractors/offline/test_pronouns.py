"""Pronouns: antecedents of pronoun subjects where grammar makes them reliable."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc, Token

from schemas.claims import Source
from service.extractors.offline.pronouns import (
    PronounResolver,
    expletive,
    mention,
    possessive,
    reporter_pronoun,
)
from service.extractors.offline.references import References

Parse = Callable[[str], Doc]


def _token(doc: Doc, text: str, nth: int = 0) -> Token:
    return [token for token in doc if token.text == text][nth]


def _resolver(doc: Doc) -> PronounResolver:
    return PronounResolver(References.of([(0, doc)]))


def test_it_in_a_reported_clause_is_the_reporting_subject(parse: Parse):
    doc = parse("Portugal previously announced it planned to join the alliance.")
    verb, head = _token(doc, "announced"), _token(doc, "planned")
    assert reporter_pronoun(_token(doc, "it"), head, verb, References.of([(0, doc)])) == "Portugal"


def test_a_plural_pronoun_does_not_take_a_singular_reporter(parse: Parse):
    doc = parse("Portugal announced they planned to join the alliance.")
    verb, head = _token(doc, "announced"), _token(doc, "planned")
    assert reporter_pronoun(_token(doc, "they"), head, verb, References.of([(0, doc)])) == ""


def test_i_in_reported_speech_is_the_speaker(parse: Parse):
    doc = parse('Jacinda Ardern said, "I have instructed the committee to report."')
    resolver = _resolver(doc)
    source = Source(name="Jacinda Ardern")
    head = _token(doc, "instructed")
    assert resolver.resolve(_token(doc, "I"), head, None, source) == "Jacinda Ardern"


def test_it_takes_the_named_main_subject_of_the_sentence(parse: Parse):
    doc = parse("Spain is not a member of the alliance, but it is part of a trade pact.")
    resolver = _resolver(doc)
    resolver.note_subject(_token(doc, "Spain"))
    head = _token(doc, "is", 1)
    assert resolver.resolve(_token(doc, "it"), head, None, None) == "Spain"


def test_it_does_not_take_an_unnamed_thing(parse: Parse):
    doc = parse("The attacker used a rifle. It was an assault rifle.")
    resolver = _resolver(doc)
    resolver.note_subject(_token(doc, "attacker"))
    head = _token(doc, "was")
    assert resolver.resolve(_token(doc, "It"), head, None, None) is None


def test_an_extraposed_it_is_recognised(parse: Parse):
    doc = parse("It remains unclear what role the troops will play.")
    assert expletive(_token(doc, "It"))
    assert not expletive(_token(parse("It grew out of the old union."), "It"))


def test_a_mention_keeps_its_determiner_in_lower_case(parse: Parse):
    doc = parse("The Amazon rainforest, the lungs of the planet, is on fire.")
    assert mention(_token(doc, "rainforest")) == "the Amazon rainforest"


def test_their_takes_the_most_recent_plural_phrase(parse: Parse):
    doc = parse("The rebels had not engaged, and their exact role remains unclear.")
    refs = References.of([(0, doc)])
    refs.note("rebels", 0, person=False, plural=True)
    head = _token(doc, "remains")
    assert possessive(head, {t.i for t in doc}, refs) == (_token(doc, "their").i, "rebels")


@pytest.mark.parametrize(
    ("text", "head", "expected"),
    [
        ("Harlow Systems said on Tuesday it would cut 400 jobs.", "cut", "Harlow Systems"),
        (
            "Yesilova Tekstil, which employs 650 people, said it was saddened.",
            "saddened",
            "Yesilova Tekstil",
        ),
        (
            "The port's operator, Velmora Terminals Ltd., said it would reopen the quay.",
            "reopen",
            "Velmora Terminals Ltd.",
        ),
        ("Brenda Holt said in an interview that it was a mistake.", "was", ""),  # not a person
    ],
)
def test_it_in_a_reported_clause_takes_up_a_firm_or_a_described_body(
    parse: Parse, text: str, head: str, expected: str
):
    doc = parse(text)
    refs = References.of([(0, doc)])
    said = _token(doc, "said")
    assert reporter_pronoun(_token(doc, "it"), _token(doc, head), said, refs) == expected


def test_it_in_what_a_statement_says_is_the_reporting_subject(parse: Parse):
    text = 'The mine\'s operator, Tarn Minerals, said in a statement that it was "deeply saddened".'
    doc = parse(text)
    verb, head = _token(doc, "said"), _token(doc, "saddened")
    assert head.dep_ == "acl"  # parsed as the content of "a statement"
    refs = References.of([(0, doc)])
    assert reporter_pronoun(_token(doc, "it"), head, verb, refs) == "Tarn Minerals"
