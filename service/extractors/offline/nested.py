"""Nested attribution: "X confirmed that Y estimated P" is P from source X, with Y's hedge.

A source that relays others is the source (spec section 5); the relayed verb ("estimated")
or the relayed possession of information ("had information that") sets the certainty.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from service.extractors.offline.frames import REPORTING_VERBS, Frame
from service.extractors.offline.tokens import strip_edges, word_set

# Nouns for what a relayed party has that backs the content ("had information that P").
INFORMATION_NOUNS = word_set("information intelligence evidence indication indications")
POSSESSION_VERBS = word_set("have obtain receive gather possess")
_CLAUSE_DEPS = frozenset({"ccomp", "relcl", "acl"})
_MIN_CONTENT = 3


def _main(tokens: list[Token]) -> Token:
    ids = {t.i for t in tokens}
    roots = [t for t in tokens if t.head.i not in ids or t.head.i == t.i]
    return max(roots, key=lambda root: sum(1 for t in root.subtree if t.i in ids))


def _opens_with_subject(tokens: list[Token], subject: Token) -> bool:
    """True when the subject phrase is where the content starts ("agencies estimated P")."""
    words = [t for t in tokens if not (t.is_punct or t.is_quote)]
    return bool(words) and words[0].i == subject.left_edge.i


def _clause(tokens: list[Token], top: Token) -> list[Token]:
    inside = {t.i for t in top.subtree}
    return strip_edges([t for t in tokens if t.i in inside], frozenset({"that"}))


def _relayed_report(main: Token, tokens: list[Token]) -> tuple[Token, list[Token]] | None:
    """ "intelligence agencies estimated P" -> (estimated, P)."""
    if main.lemma_.lower() not in REPORTING_VERBS or main.pos_ != "VERB":
        return None
    if any(child.dep_ == "neg" for child in main.children):
        return None  # "they did not expect P": the denial stays with the clause
    subject = next((c for c in main.children if c.dep_ == "nsubj" and c.i < main.i), None)
    if subject is None or not _opens_with_subject(tokens, subject):
        return None
    ids = {t.i for t in tokens}
    for child in main.children:
        if child.dep_ == "ccomp" and child.i > main.i and child.i in ids:
            return main, _clause(tokens, child)
    return None


def _relayed_information(main: Token, tokens: list[Token]) -> tuple[Token, list[Token]] | None:
    """ "his government had information that P" -> (information, P)."""
    if main.lemma_.lower() not in POSSESSION_VERBS:
        return None
    subject = next((c for c in main.children if c.dep_ == "nsubj"), None)
    if subject is None or not _opens_with_subject(tokens, subject):
        return None
    for noun in main.children:
        if noun.dep_ != "dobj" or noun.lemma_.lower() not in INFORMATION_NOUNS:
            continue
        if any(child.lower_ == "no" for child in noun.children):
            return None  # "had no evidence that P" denies P: the clause stays whole, negated
        for child in noun.children:
            if child.dep_ in _CLAUSE_DEPS and any(
                c.dep_ in ("nsubj", "nsubjpass") for c in child.children
            ):
                return noun, _clause(tokens, child)
    return None


def unwrap_nested(frame: Frame) -> Frame:
    """The frame with a relayed report inside its content peeled off: the content becomes
    the relayed proposition and the relayed verb (or information noun) its hedge cue."""
    if frame.source is None or len(frame.content) < _MIN_CONTENT:
        return frame
    main = _main(frame.content)
    inner = _relayed_report(main, frame.content) or _relayed_information(main, frame.content)
    if inner is None or len(inner[1]) < _MIN_CONTENT:
        return frame
    cue, content = inner
    return replace(frame, content=content, verb=cue)
