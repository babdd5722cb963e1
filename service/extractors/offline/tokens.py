"""Small helpers shared by the rule modules: word tables and token trimming."""

from __future__ import annotations

from spacy.tokens import Token


def word_set(text: str) -> frozenset[str]:
    """A word table written as whitespace-separated words."""
    return frozenset(text.split())


def word_list(text: str) -> list[str]:
    """An ordered word table written as whitespace-separated words."""
    return text.split()


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
