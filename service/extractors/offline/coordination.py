"""Reports coordinated with other clauses: "X did A and said B", "said P and added that Q"."""

from __future__ import annotations

from spacy.tokens import Token

from service.extractors.offline.frames import REPORTING_VERBS, Frame
from service.extractors.offline.segmentation import Proposition
from service.extractors.offline.tokens import strip_edges


def added_report(proposition: Proposition) -> list[Token]:
    """The content of a reporting verb coordinated inside reported content ("... was safe
    and added that it would reopen"), which the parser attaches to the content clause."""
    head = proposition.head
    if head.dep_ != "conj" or head.lemma_.lower() not in REPORTING_VERBS:
        return []
    if any(child.dep_ in ("nsubj", "nsubjpass") for child in head.children):
        return []
    clause = next((c for c in head.children if c.dep_ == "ccomp"), None)
    if clause is None:
        return []
    inside = {t.i for t in clause.subtree}
    return strip_edges([t for t in proposition.tokens if t.i in inside], frozenset({"that"}))


def second_report(proposition: Proposition) -> tuple[list[Token], list[Token]] | None:
    """ "said P but warned that Q": the parser hangs "warned" beside P, inside P's tokens.
    Returns P's tokens and Q's, both the same source's, or None."""
    tokens = proposition.tokens
    ids = {t.i for t in tokens}
    for token in tokens:
        if token.pos_ != "VERB":
            continue
        if token.lemma_.lower() not in REPORTING_VERBS or token.dep_ not in ("ccomp", "conj"):
            continue
        if any(child.dep_ in ("nsubj", "nsubjpass") for child in token.children):
            continue
        clause = next((c for c in token.children if c.dep_ == "ccomp" and c.i in ids), None)
        joiner = token.doc[token.i - 1] if token.i else None
        if clause is None or joiner is None or joiner.lower_ not in ("but", "and"):
            continue
        if joiner.i not in ids:
            continue
        inside = {t.i for t in clause.subtree}
        before = strip_edges([t for t in tokens if t.i < joiner.i])
        reported = strip_edges([t for t in tokens if t.i in inside], frozenset({"that"}))
        return before, reported
    return None


def leading_conjunct(tokens: list[Token], frame: Frame | None) -> list[Token]:
    """ "Brandl conceded defeat on Monday and said he would step down": the clause before a
    coordinated reporting verb is a claim of its own, which the frame's content leaves out."""
    verb = frame.verb if frame else None
    ids = {t.i for t in tokens}
    if verb is None or verb.dep_ != "conj" or verb.head.i not in ids or verb.head.i > verb.i:
        return []
    if verb.head.pos_ not in ("VERB", "AUX"):
        return []
    joiner = next((c for c in verb.head.children if c.dep_ == "cc" and c.i < verb.i), None)
    end = joiner.i if joiner is not None else verb.left_edge.i
    return strip_edges([t for t in tokens if t.i < end])
