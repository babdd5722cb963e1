"""Families as sources: the family of the person their owner names."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from service.extractors.offline.families import family_source
from service.extractors.offline.references import References

Parse = Callable[[str], Doc]


def _family(parse: Parse, text: str) -> str | None:
    doc = parse(text)
    refs = References.of([(0, doc)])
    head = [token for token in doc if token.lemma_ == "family"][-1]
    found = family_source(head, refs)
    return found.name if found else None


def test_her_family_is_the_family_of_the_woman_named_before(parse: Parse):
    assert _family(parse, "Ana Berg died on Monday. Her family said she died at home.") == (
        "Ana Berg's family"
    )


def test_a_named_owner_gives_the_family_its_name(parse: Parse):
    assert _family(parse, "The family of Tom Keane said he was innocent.") == "Tom Keane's family"


def test_a_family_without_an_owner_is_no_named_family(parse: Parse):
    assert _family(parse, "The family said it was grateful.") is None


def _speaker(parse: Parse, text: str, noun: str) -> str | None:
    doc = parse(text)
    refs = References.of([(0, doc)])
    head = [token for token in doc if token.lower_ == noun][-1]
    found = family_source(head, refs)
    return found.name if found else None


@pytest.mark.parametrize(
    ("text", "noun", "name"),
    [
        (
            "Ana Berg was jailed in May. She is ill, her lawyers said.",
            "lawyers",
            "Ana Berg's lawyers",
        ),
        (
            "Minister Tom Keane will visit the base, his office said.",
            "office",
            "Tom Keane's office",
        ),
        (
            "Ana Berg quit. The rally drew 3,000 people, her campaign said.",
            "campaign",
            "Ana Berg's campaign",
        ),
        # a lawyer named beside it is the speaker, and a named owner keeps the article's words
        ("Tom Keane was charged. His lawyer, Ana Ruiz, said he was innocent.", "lawyer", None),
        ("Keane's lawyer said he was innocent.", "lawyer", None),
    ],
)
def test_his_lawyers_office_or_campaign_speak_for_the_person_named_before(
    parse: Parse, text: str, noun: str, name: str | None
):
    assert _speaker(parse, text, noun) == name
