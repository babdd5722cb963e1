"""Subject: the main entity a proposition is about, as a short noun phrase."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from service.extractors.offline.references import References
from service.extractors.offline.subjects import noun_phrase, subject_of

Parse = Callable[[str], Doc]


def _root(doc: Doc):
    return next(token for token in doc if token.dep_ == "ROOT")


def _subject(parse: Parse, text: str, **options) -> str | None:
    doc = parse(text)
    return subject_of(_root(doc), References.of([(0, doc)]), **options)


def test_subject_drops_quantifiers(parse: Parse):
    text = "Several thousand North Korean soldiers have arrived in Kursk."
    assert _subject(parse, text) == "North Korean soldiers"


def test_subject_person_is_the_full_name(parse: Parse):
    doc = parse("Brenton Tarrant appeared in court. Tarrant did not apply for bail.")
    second = list(doc.sents)[1]
    refs = References.of([(0, doc)])
    assert subject_of(second.root, refs) == "Brenton Tarrant"


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Thousands of Syrian refugees were moved by bus.", "Syrian refugees"),
        ("About 16 percent of African trade occurs between neighbours.", "African trade"),
        ("One of the stated goals of the treaty is to cut tariffs.", "stated goals of treaty"),
        ("Many transactions in Africa occur in dollars.", "transactions"),
    ],
)
def test_a_partitive_or_quantified_subject_gives_what_is_counted(
    parse: Parse, text: str, subject: str
):
    assert _subject(parse, text) == subject


def test_a_nominalisation_keeps_its_of_complement(parse: Parse):
    text = "The presence of foreign troops was recorded in the region."
    assert _subject(parse, text) == "presence of foreign troops"


def test_a_passive_with_a_named_agent_is_about_the_agent(parse: Parse):
    text = "The proposal was quickly backed by Angela Merkel and Boris Johnson."
    assert _subject(parse, text) == "Angela Merkel and Boris Johnson"


def test_a_passive_with_a_named_patient_keeps_the_patient(parse: Parse):
    text = "Jo Swinson was defeated by an SNP candidate."
    assert _subject(parse, text) == "Jo Swinson"


def test_an_extraposed_it_gives_the_subject_of_the_clause(parse: Parse):
    text = "It remains unclear what role the engineers will play."
    assert _subject(parse, text) == "engineers"


def test_evidence_that_gives_the_subject_of_the_evidenced_clause(parse: Parse):
    text = "There is evidence that foreign soldiers are in the city."
    assert _subject(parse, text) == "foreign soldiers"


@pytest.mark.parametrize(
    "text", ["We haven't yet agreed on the rules.", "It grew out of the old union."]
)
def test_an_unresolved_pronoun_is_no_subject(parse: Parse, text: str):
    assert _subject(parse, text) is None


def test_a_recorded_count_is_about_what_was_recorded(parse: Parse):
    text = "The institute recorded 611 aftershocks."
    assert _subject(parse, text, reported=True) == "aftershocks"
    assert _subject(parse, text) == "institute"


def test_a_resolved_replacement_loses_its_determiner(parse: Parse):
    text = "It is an international crisis."
    assert _subject(parse, text, replacement="the Amazon rainforest") == "Amazon rainforest"


def test_noun_phrase_keeps_hyphens_and_drops_bracketed_acronyms(parse: Parse):
    doc = parse("The use of third-party currencies by African Union (AU) members grew.")
    refs = References.of([(0, doc)])
    use = next(t for t in doc if t.text == "use")
    members = next(t for t in doc if t.text == "members")
    assert noun_phrase(use, refs) == "use of third-party currencies"
    assert noun_phrase(members, refs) == "African Union members"
