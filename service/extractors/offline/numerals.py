"""Numerals: spelled-out and written numbers, their scales, and where a numeral ends
("2.6 million", "thirty two", "$31 million" before "two years ago", "2.3m people")."""

from __future__ import annotations

import re

from spacy.tokens import Token

from service.extractors.offline.quantity_words import CURRENCY_SYMBOLS
from service.extractors.offline.tokens import word_list

SMALL_NUMBERS = {
    word: value
    for value, word in enumerate(
        word_list(
            """zero one two three four five six seven eight nine ten eleven twelve thirteen
            fourteen fifteen sixteen seventeen eighteen nineteen"""
        )
    )
}
TENS = {
    word: 10 * (index + 2)
    for index, word in enumerate(word_list("twenty thirty forty fifty sixty seventy eighty ninety"))
}
SCALES = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "dozen": 12.0,
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "bn": 1e9,
    "b": 1e9,
    "tn": 1e12,
}
LARGE_SCALES = frozenset({"thousand", "million", "billion", "trillion"})
DIGITS = re.compile(r"^\d[\d,]*(\.\d+)?$")
# A numeral with its scale written on ("3.2bn", "40m", "12k").
SCALED = re.compile(r"^(\d[\d,]*(?:\.\d+)?)(k|m|mn|bn|b|tn)$", re.IGNORECASE)
# A temperature written on its number: "40C", "-5°C", "104F".
DEGREES = re.compile(r"^(-?\d+(?:\.\d+)?)°?([CF])$")


def numeral_value(words: list[str]) -> float | None:
    """The value of a numeral: "2.6 million", "14 thousand", "thirty two", "3,402,118"."""
    total, current, seen = 0.0, 0.0, False
    for word in words:
        word = word.lower().replace(",", "")
        scaled = SCALED.match(word)
        degrees = DEGREES.match(word.upper())
        if degrees:
            current += float(degrees.group(1))
        elif scaled:
            current += float(scaled.group(1)) * SCALES[scaled.group(2)]
        elif re.fullmatch(r"\d+(\.\d+)?", word):
            current += float(word)
        elif word in SMALL_NUMBERS:
            current += SMALL_NUMBERS[word]
        elif word in TENS:
            current += TENS[word]
        elif word in SCALES:
            current = (current or 1.0) * SCALES[word]
            if SCALES[word] >= 1e3:
                total, current = total + current, 0.0
        elif word == "half":
            current += 0.5
        elif word in ("-", "and", "a", "an"):
            continue
        else:
            return None
        seen = True
    # rounded so "4.1 million" is 4100000, not 4099999.9999999995
    return round(total + current, 6) if seen else None


def numeral_end(tokens: list[Token], start: int) -> int:
    """End position (exclusive) of the numeral that starts at `start` in `tokens`."""
    end = start + 1
    while end < len(tokens) and tokens[end].i == tokens[end - 1].i + 1:
        lower = tokens[end].lower_
        money = start > 0 and tokens[start - 1].lower_ in CURRENCY_SYMBOLS
        spelled = lower in SMALL_NUMBERS or lower in TENS
        if spelled and any(c.isdigit() for t in tokens[start:end] for c in t.text):
            break  # "47,000 twelve months before", "$31 million two years ago": two numbers
        if lower == "and" and [t.lower_ for t in tokens[end + 1 : end + 3]] == ["a", "half"]:
            end += 3  # "six and a half years"
            continue
        if (
            (lower in SCALES and (money or len(lower) > 1 or _written_on_a_count(tokens, end)))
            or spelled
            or DIGITS.match(lower)
            or (lower in ("a", "an") and tokens[start].lower_ == "half")
            or (lower == "-" and end + 1 < len(tokens) and tokens[end + 1].lower_ in SMALL_NUMBERS)
        ):
            end += 1
        else:
            break
    return end


def _written_on_a_count(tokens: list[Token], position: int) -> bool:
    """ "2.3m people": a scale letter written on its number before a plural noun ("a 5m
    wall" is a length)."""
    letter, number = tokens[position], tokens[position - 1]
    attached = letter.idx == number.idx + len(number.text)
    following = tokens[position + 1] if position + 1 < len(tokens) else None
    return attached and following is not None and following.tag_ == "NNS"
