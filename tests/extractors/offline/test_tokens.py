"""The cached document lookups agree with spaCy's own (uncached) answers."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from service.extractors.offline.tokens import entity_of, sentence_of, verbatim

TEXT = (
    "About 5,000 North Korean troops arrived in Kursk, a senior Ukrainian official said. "
    "South Korea's National Intelligence Service put the figure at 3,000. "
    "Kim Jong Un did not comment."
)


def test_sentence_of_matches_spacy_sentence_for_every_token(parse: Callable[[str], Doc]) -> None:
    doc = parse(TEXT)
    for token in doc:
        assert sentence_of(token) == token.sent


def test_entity_of_finds_the_entity_holding_each_token(parse: Callable[[str], Doc]) -> None:
    doc = parse(TEXT)
    for token in doc:
        expected = next((e for e in doc.ents if e.start <= token.i < e.end), None)
        assert entity_of(token) == expected


def test_verbatim_keeps_the_text_between_first_and_last_token(
    parse: Callable[[str], Doc],
) -> None:
    doc = parse(TEXT)
    tokens = list(doc[1:6])
    assert verbatim(tokens) == "5,000 North Korean troops arrived"
