"""Small helpers shared by the rule modules: word tables, sentence lookup, token trimming."""

from __future__ import annotations

import calendar
from bisect import bisect_right
from collections.abc import Callable, Iterable
from typing import TypeVar

from spacy.tokens import Doc, Span, Token

T = TypeVar("T")


def word_set(text: str) -> frozenset[str]:
    """A word table written as whitespace-separated words."""
    return frozenset(text.split())


# Full weekday and month names, lower-cased ("monday", "january").
WEEKDAY_NAMES = frozenset(name.lower() for name in calendar.day_name)
MONTH_NAMES = frozenset(name.lower() for name in calendar.month_name[1:])


def word_list(text: str) -> list[str]:
    """An ordered word table written as whitespace-separated words."""
    return text.split()


def per_doc(doc: Doc, key: str, build: Callable[[], T]) -> T:
    """`build()` once per document, kept in its user_data under `key`.

    spaCy rebuilds `Doc.text`, `Doc.sents` and `Doc.ents` on every access (O(n) each), so
    per-claim lookups on long blocks would be quadratic without this.
    """
    name = f"claimkit_{key}"
    if name not in doc.user_data:
        doc.user_data[name] = build()
    value: T = doc.user_data[name]
    return value


def article_offset(token: Token) -> int:
    """The token's character offset in the whole article (a block's doc records its base)."""
    return token.idx + int(token.doc.user_data.get("base", 0))


def sentence_of(token: Token) -> Span:
    """The sentence holding `token`, like `token.sent` but in O(log n)."""
    doc = token.doc
    starts = per_doc(doc, "sentence_starts", lambda: [sentence.start for sentence in doc.sents])
    index = bisect_right(starts, token.i) - 1
    end = starts[index + 1] if index + 1 < len(starts) else len(doc)
    return doc[starts[index] : end]


def doc_text(doc: Doc) -> str:
    """The document's text, built once per doc."""
    return per_doc(doc, "text", lambda: doc.text)


def verbatim(tokens: list[Token]) -> str:
    """The document text from the first to the last token, as written."""
    return doc_text(tokens[0].doc)[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]


def entity_of(token: Token) -> Span | None:
    """The named entity `token` belongs to, if any."""
    doc = token.doc
    by_token = per_doc(
        doc, "entity_by_token", lambda: {i: e for e in doc.ents for i in range(e.start, e.end)}
    )
    return by_token.get(token.i)


def entities_among(tokens: Iterable[Token]) -> list[Span]:
    """The named entities that any of `tokens` belongs to, in document order."""
    found = {e.start: e for e in (entity_of(t) for t in tokens) if e is not None}
    return [found[start] for start in sorted(found)]


def owned_tokens(head: Token, owned: Iterable[int]) -> list[Token]:
    """The tokens at the `owned` indices of head's document, in document order."""
    return [head.doc[i] for i in sorted(owned)]


def _is_edge(token: Token, tokens: list[Token]) -> bool:
    """Punctuation or space that can be trimmed from either end of a phrase."""
    if token.is_space:
        return True
    if not token.is_punct or token.text == "%":
        return False
    if token.text == ")":
        return not any(other.text == "(" for other in tokens)
    return True


def strip_edges(tokens: list[Token], leading_words: frozenset[str] = frozenset()) -> list[Token]:
    """Trim punctuation (keeping "%" and a closing bracket that has its opener) and any
    `leading_words` from the ends of a token list."""
    while tokens and (
        _is_edge(tokens[0], tokens)
        or (tokens[0].lower_ in leading_words and not demonstrative(tokens[0]))
    ):
        tokens = tokens[1:]
    while tokens and _is_edge(tokens[-1], tokens):
        tokens = tokens[:-1]
    return tokens


def demonstrative(token: Token) -> bool:
    """ "That year, ...", "That was the third fall": "that" opening a sentence (or a quote)
    and pointing back, not joining a clause to a verb ("said that energy policy ...")."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    quoted = before is not None and before.is_quote and before.is_sent_start
    opening = token.is_sent_start or quoted
    if token.lower_ != "that" or not opening:
        return False
    subject = token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ in ("ROOT", "ccomp", "conj")
    return token.dep_ == "det" or subject


def join_tokens(tokens: list[Token]) -> str:
    """Tokens as text with their original spacing ("intra-European", not "intra - European")."""
    parts: list[str] = []
    for position, token in enumerate(tokens):
        if position:
            adjacent = token.i == tokens[position - 1].i + 1
            parts.append(tokens[position - 1].whitespace_ if adjacent else " ")
        parts.append(token.text)
    return "".join(parts)


def named_by_according_to(noun: Token) -> bool:
    """True for the noun an "according to" phrase names ("according to the World Bank")."""
    preposition = noun.head
    after_to = noun.dep_ == "pobj" and preposition.lower_ == "to"
    return after_to and preposition.head.lower_ == "according"
