"""Person names the tagger missed: a name written after a role."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span

from service.extractors.offline.untagged_names import named_after_role, named_before_body

Parse = Callable[[str], Doc]


def _subject(doc: Doc) -> list:
    verb = next(token for token in doc if token.dep_ == "ROOT")
    subject = next(child for child in verb.children if child.dep_ == "nsubj")
    return list(subject.subtree)


def test_a_name_after_a_spokesperson_is_the_speaker(parse: Parse):
    doc = parse("Karbonia spokesperson Marta Zielinska-Kos told reporters the men were safe.")
    assert " ".join(t.text for t in named_after_role(_subject(doc))) == "Marta Zielinska - Kos"


def test_a_role_ending_the_phrase_names_nobody(parse: Parse):
    assert named_after_role(_subject(parse("A Voss aide said the talks had failed."))) == []


def test_a_single_word_after_a_role_is_no_full_name(parse: Parse):
    assert named_after_role(_subject(parse("Company spokesman Vell said sales rose."))) == []


def test_a_name_before_of_and_an_organisation_is_a_person(parse: Parse):
    doc = parse("Tomasz Wielgus of Cardova Capital said the target looked achievable.")
    assert [t.text for t in named_before_body(_subject(doc))] == ["Tomasz", "Wielgus"]


def _tagged(words: list[str], parse: Parse) -> list:
    """Tokens with the tags a name before "of <organisation>" gets, the tagger aside."""
    vocab = parse("").vocab
    doc = Doc(vocab, words=words, pos=["PROPN", "PROPN", "ADP", "PROPN", "PROPN"])
    doc.ents = [Span(doc, 3, 5, label="ORG")]
    return list(doc)


def test_an_untagged_name_before_of_and_an_organisation_is_a_person(parse: Parse):
    name = named_before_body(_tagged(["Tomas", "Vell", "of", "Tarn", "Power"], parse))
    assert [t.text for t in name] == ["Tomas", "Vell"]


def test_an_office_before_of_is_no_person_even_untagged(parse: Parse):
    assert named_before_body(_tagged(["Interior", "Ministry", "of", "Tarn", "Power"], parse)) == []
