"""Fuzzy name similarity, the last resort of entity linking, and its threshold."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from service.linking.names import fuzzy_words

# Chosen from data by `python -m evals.names.sweep` (evals/names/README.md): the lowest
# threshold at which no labelled pair of different names links. Re-run it after changing
# the pairs or the folding tables; tests/linking/test_fuzzy_threshold.py checks it.
FUZZY_THRESHOLD = 0.86

_NUMBER = re.compile(r"\d+")
_FINAL_VOWELS = "aeio"


def _other_form(x: str, y: str) -> bool:
    """One word is the other plus a final vowel: Daniel/Daniela, Petrov/Petrova, Jan/Jana."""
    short, long = sorted((x, y), key=len)
    return len(long) == len(short) + 1 and long.startswith(short) and long[-1] in _FINAL_VOWELS


def blocking_key(name: str) -> str:
    """The folded words of a name run together: what a first, fast rapidfuzz pass compares."""
    return "".join(fuzzy_words(name))


def name_similarity(a: str, b: str) -> float:
    """0..1: the lowest Indel similarity of the names' aligned folded words.

    Names must have as many words (function words aside) and the same numbers, so "Kim Jong
    Un" and "Kim Jong Il" score 0 (un/il share nothing) and "Brigade 25" never meets
    "Brigade 26"; a word that is the other plus a final vowel is another name (Daniel,
    Daniela; Petrov, Petrova), so such pairs score 0 too. The blocking key's similarity is
    never below this score, so a first pass over blocking keys with the same cutoff loses
    no match.
    """
    words_a, words_b = fuzzy_words(a), fuzzy_words(b)
    if not words_a or len(words_a) != len(words_b):
        return 0.0
    if _NUMBER.findall(" ".join(words_a)) != _NUMBER.findall(" ".join(words_b)):
        return 0.0
    pairs = list(zip(words_a, words_b, strict=True))
    if any(_other_form(x, y) for x, y in pairs):
        return 0.0
    return min(fuzz.ratio(x, y) for x, y in pairs) / 100
