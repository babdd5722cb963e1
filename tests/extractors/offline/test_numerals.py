"""Numerals: their values and where they end."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from service.extractors.offline.numerals import numeral_end, numeral_value

Parse = Callable[[str], Doc]


@pytest.mark.parametrize(
    ("words", "value"),
    [
        (["2.6", "million"], 2_600_000),
        (["thirty", "two"], 32),
        (["3,402,118"], 3_402_118),
        (["six", "and", "a", "half"], 6.5),
        (["3.2bn"], 3_200_000_000),
        (["tuesday"], None),
    ],
)
def test_a_numeral_has_the_value_its_words_spell(words: list[str], value: float | None):
    assert numeral_value(words) == value


def test_a_spelled_number_after_a_written_one_starts_a_new_numeral(parse: Parse):
    tokens = list(parse("paid $31 million two years ago"))
    start = next(k for k, t in enumerate(tokens) if t.text == "31")
    assert [t.text for t in tokens[start : numeral_end(tokens, start)]] == ["31", "million"]
