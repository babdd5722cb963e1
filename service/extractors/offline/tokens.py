"""Small helpers shared by the rule modules: word tables, sentence lookup, token trimming."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

# spaCy rebuilds `Doc.text`, `Doc.sents` and `Doc.ents` on every access (O(n) each), so
# per-claim lookups on long blocks would be quadratic; these helpers cache them per doc.
_SENTENCE_STARTS = "claimkit_sentence_starts"
_TEXT = "claimkit_text"
_ENTITY_BY_TOKEN = "claimkit_entity_by_token"
_ENTITIES = "claimkit_entities"


def word_set(text: str) -> frozenset[str]:
    """A word table written as whitespace-separated words."""
    return frozenset(text.split())


def word_list(text: str) -> list[str]:
    """An ordered word table written as whitespace-separated words."""
    return text.split()


def sentence_of(token: Token) -> Span:
    """The sentence holding `token`, like `token.sent` but in O(log n)."""
    doc = token.doc
    starts: list[int] | None = doc.user_data.get(_SENTENCE_STARTS)
    if starts is None:
        starts = [sentence.start for sentence in doc.sents]
        doc.user_data[_SENTENCE_STARTS] = starts
    index = bisect_right(starts, token.i) - 1
    end = starts[index + 1] if index + 1 < len(starts) else len(doc)
    return doc[starts[index] : end]


def doc_text(doc: Doc) -> str:
    """The document's text, built once per doc."""
    text: str | None = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.text
        doc.user_data[_TEXT] = text
    return text


def verbatim(tokens: list[Token]) -> str:
    """The document text from the first to the last token, as written."""
    return doc_text(tokens[0].doc)[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]


def entities(doc: Doc) -> tuple[Span, ...]:
    """The document's named entities, built once per doc."""
    found: tuple[Span, ...] | None = doc.user_data.get(_ENTITIES)
    if found is None:
        found = tuple(doc.ents)
        doc.user_data[_ENTITIES] = found
    return found


def entity_of(token: Token) -> Span | None:
    """The named entity `token` belongs to, if any."""
    doc = token.doc
    by_token: dict[int, Span] | None = doc.user_data.get(_ENTITY_BY_TOKEN)
    if by_token is None:
        by_token = {i: entity for entity in entities(doc) for i in range(entity.start, entity.end)}
        doc.user_data[_ENTITY_BY_TOKEN] = by_token
    return by_token.get(token.i)


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
    while tokens and (_is_edge(tokens[0], tokens) or tokens[0].lower_ in leading_words):
        tokens = tokens[1:]
    while tokens and _is_edge(tokens[-1], tokens):
        tokens = tokens[:-1]
    return tokens


def join_tokens(tokens: list[Token]) -> str:
    """Tokens as text with their original spacing ("intra-European", not "intra - European")."""
    parts: list[str] = []
    for position, token in enumerate(tokens):
        if position:
            adjacent = token.i == tokens[position - 1].i + 1
            parts.append(tokens[position - 1].whitespace_ if adjacent else " ")
        parts.append(token.text)
    return "".join(parts)
