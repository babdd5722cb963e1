"""Text folded for lenient comparison, and the word, number and negation checks on it.

Folding makes a model's re-typed quote comparable with the article: quote marks, dashes,
whitespace and the spaces around punctuation no longer differ. The checks say whether two
folded texts still say the same thing (numbers, negations and content words in order).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

# Every quote mark becomes '"' (a model swaps curly, straight, single and double quotes
# freely; "Korea's" and "Korea’s" fold alike), every dash '-', the ellipsis character
# "...", and invisible characters a model never reproduces are dropped.
_QUOTE_MARKS = (
    "\"'`\u00b4\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u2032\u2033\u2035\u2036"
    "\u00ab\u00bb\u2039\u203a\u02bc\uff02\uff07"
)
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_FOLD: dict[str, str] = {
    **dict.fromkeys(_QUOTE_MARKS, '"'),
    **dict.fromkeys(_DASHES, "-"),
    "\u2026": "...",
    "\u200b": " ",  # zero-width space: a word separator
    **dict.fromkeys("\u00ad\u200c\u200d\u2060\ufeff", ""),  # soft hyphen, joiners, BOM
}
WORD = re.compile(r"\w+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_NEGATION = re.compile(
    r"\b(?:not|no|never|none|nor|neither|nobody|nothing|nowhere|without|cannot)\b|n\"t\b"
)
_CONTRACTION = re.compile(r"(?<=\w)\"(?:s|t|d|ll|re|ve|m)\b")
# Words a model may drop, add or change without changing the evidence. Quantifiers,
# approximators ("about", "over", "up to"), modals, negations, pronouns, "and"/"or"/"but"
# and "from" (a swapped "from ... to" reorders content words) are not among them.
_FUNCTION_WORDS = frozenset(
    {"a", "an", "the", "of", "in", "on", "at", "to", "for", "by", "with", "as", "into", "onto",
     "via", "per", "that", "which", "this", "these", "those", "there", "is", "are", "was",
     "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "also", "so",
     "then", "just"}
)  # fmt: skip


@functools.cache
def _is_punctuation(char: str) -> bool:
    """True for punctuation (stops, quotes, dashes, brackets), not for the connector '_'."""
    category = unicodedata.category(char)
    return category[0] == "P" and category != "Pc"


def _next_to_punctuation(before: str, after: str) -> bool:
    """True when a space between `before` and `after` is dropped by folding."""
    return _is_punctuation(before) or _is_punctuation(after)


def _between_numbers(chars: list[str], after: str) -> bool:
    """True for a space after a number and its comma or stop, before another number: "On
    May 19, 23 people", "in 2019, 40 died" keep it, or the two numbers would read as one
    ("19,23")."""
    return after.isdigit() and len(chars) > 1 and chars[-1] in ",.;:" and chars[-2].isdigit()


@dataclass(frozen=True)
class FoldedText:
    """Article text folded as `fold` describes, plus an offset map back to the original."""

    text: str
    origin: list[int]  # origin[i] = offset in the original text of folded character i

    @classmethod
    def of(cls, original: str) -> FoldedText:
        """Fold `original`, remembering where each folded character came from."""
        chars: list[str] = []
        origin: list[int] = []
        space_at = -1  # offset of the whitespace run before the next character, if any
        for offset, char in enumerate(original):
            mapped = _FOLD.get(char, char)
            if mapped.isspace():
                space_at = offset if space_at < 0 else space_at
                continue
            if not mapped:
                continue
            kept = not _next_to_punctuation(chars[-1], mapped[0]) if chars else False
            if space_at >= 0 and chars and (kept or _between_numbers(chars, mapped[0])):
                chars.append(" ")
                origin.append(space_at)
            space_at = -1
            chars.extend(mapped)
            origin.extend([offset] * len(mapped))
        return cls("".join(chars), origin)


def fold(text: str) -> str:
    """Fold text as the lenient match does.

    Quote marks of every kind become '"', dashes '-', "…" "..."; whitespace runs become one
    space, dropped at the ends and next to punctuation ("U. S." and "U.S." fold alike, as
    do "word ," and "word,") except after a number's comma before another number ("May 19,
    23 people"); soft hyphens and zero-width joiners are dropped.
    """
    return FoldedText.of(text).text


def lower_same_length(text: str) -> str:
    """Lower-case `text` without changing its length, so folded offsets stay valid."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(low if len(low := char.lower()) == 1 else char for char in text)


def numbers_in(text: str) -> Counter[str]:
    """The numbers in `text`, with digit-group commas removed ("5,000" == "5000")."""
    return Counter(number.replace(",", "") for number in _NUMBER.findall(text))


def words_in(text: str) -> list[str]:
    """The words of `text` folded and lower-cased, contractions and possessives cut off."""
    return WORD.findall(_CONTRACTION.sub("", fold(text).lower()))


def is_function_word(word: str) -> bool:
    """True for words a quote may add, drop or change without changing its evidence."""
    return word in _FUNCTION_WORDS


def content_words(text: str) -> list[str]:
    """The words of `text` that carry its content, in order (numbers are compared apart)."""
    words = WORD.findall(_CONTRACTION.sub("", text))
    return [w for w in words if w not in _FUNCTION_WORDS and not w.isdigit()]


def evidence_change(quote: str, located: str) -> str:
    """How `located` says something else than `quote` (both folded, lower-cased), or ''."""
    if numbers_in(quote) != numbers_in(located):
        return "different numbers"
    if len(_NEGATION.findall(quote)) != len(_NEGATION.findall(located)):
        return "different negation"
    if content_words(quote) != content_words(located):
        return "different words"
    return ""
