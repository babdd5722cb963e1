"""Claim candidates: questions, greetings and fragments are not claims."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from service.extractors.offline.candidates import is_claim_candidate

Parse = Callable[[str], Doc]


@pytest.mark.parametrize(
    "text",
    [
        "Will North Korean troops fight in Ukraine?",
        "Good afternoon, everybody.",
        "Thanks for joining us on a Friday afternoon.",
        "Most Commented",
        "Had some technical difficulties here.",
    ],
)
def test_questions_greetings_and_fragments_are_not_claims(parse: Parse, text: str):
    assert not is_claim_candidate(list(parse(text)))


def test_plain_statement_is_a_claim_candidate(parse: Parse):
    assert is_claim_candidate(list(parse("North Korean troops arrived in the Kursk region.")))
