"""Reports coordinated with other clauses: "X did A and said B", "said P and added that Q"."""

from __future__ import annotations

from spacy.tokens import Token

from service.extractors.offline.frames import REPORTING_VERBS, Frame
from service.extractors.offline.segmentation import CONTRAST_MARKS, Proposition
from service.extractors.offline.tokens import strip_edges


def added_report(proposition: Proposition) -> list[Token]:
    """The content of a reporting verb coordinated inside reported content ("... was safe
    and added that it would reopen", "..., adding that Q"), which the parser attaches to the
    content clause."""
    head = proposition.head
    participle = head.dep_ == "advcl" and head.tag_ == "VBG"
    if not (head.dep_ == "conj" or participle) or head.lemma_.lower() not in REPORTING_VERBS:
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


# Conjunctions that make a report a circumstance of the clause before it.
_CIRCUMSTANCE_MARKS = frozenset({"after", "before", "because", "since", "until", "once"})


def subordinate_report(verb: Token) -> bool:
    """ "X quit, one day after a poll showed P": a report inside a clause subordinate to an
    earlier main clause, which is a claim of its own."""
    if verb.dep_ != "advcl" or verb.head.i == verb.i or verb.head.i > verb.i:
        return False
    return any(c.dep_ == "mark" and c.lower_ in _CIRCUMSTANCE_MARKS for c in verb.children)


def _participle_report(verb: Token) -> bool:
    """ "..., saying P" after a main clause that tells an act of its own (not "spoke to
    reporters" or "said P, adding Q")."""
    head = verb.head
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or head.i == verb.i or head.i > verb.i:
        return False
    lemma = head.lemma_.lower()
    return head.pos_ == "VERB" and lemma not in REPORTING_VERBS | _SPEAKING_VERBS | _TIMING_VERBS


# Verbs of speaking whose clause is only the occasion of a report ("spoke to reporters").
_SPEAKING_VERBS = frozenset({"speak", "talk", "address", "respond", "reply", "comment", "appear"})


# Verbs that only place something in time ("His comments came a day after X said P").
_TIMING_VERBS = frozenset({"come", "follow", "occur", "happen", "be"})


def _before_circumstance(verb: Token, ids: set[int]) -> list[Token]:
    """The main clause before "(a day) after X said P", when it tells something of its own
    ("ended her campaign", not "His comments came")."""
    head = verb.head
    marks = [c for c in verb.children if c.dep_ == "mark"]
    cut = min(verb.left_edge.i, *(mark.left_edge.i for mark in marks))
    for child in head.children:  # "came a day after": the offset goes with the circumstance
        if child.dep_ == "npadvmod" and child.right_edge.i == cut - 1:
            cut = child.left_edge.i
    told = any(
        c.dep_ in ("dobj", "attr", "acomp", "conj", "xcomp", "ccomp", "oprd") and c.i < cut
        for c in head.children
    )
    told = told or (head.pos_ == "VERB" and head.lemma_.lower() not in _TIMING_VERBS)
    return strip_edges([t for t in verb.doc[:cut] if t.i in ids]) if told else []


def leading_conjunct(tokens: list[Token], frame: Frame | None) -> list[Token]:
    """ "Brandl conceded defeat on Monday and said he would step down", "Vik quit a day after
    a poll showed P": the clause before a coordinated or subordinate reporting verb is a claim
    of its own, which the frame's content leaves out."""
    verb = frame.verb if frame else None
    ids = {t.i for t in tokens}
    if verb is not None and subordinate_report(verb) and verb.head.i in ids:
        return _before_circumstance(verb, ids)
    if verb is not None and _participle_report(verb) and verb.head.i in ids:
        # "Police arrested 12 people on Monday, saying they had looted shops"
        return strip_edges([t for t in tokens if t.i < verb.left_edge.i])
    if verb is None or verb.dep_ != "conj" or verb.head.i not in ids or verb.head.i > verb.i:
        return []
    if verb.head.pos_ not in ("VERB", "AUX"):
        return []
    if frame is not None and frame.content and frame.content[-1].i < verb.i:
        return []  # "P, police chief Rostami told reporters": P is the report's content
    joiner = next((c for c in verb.head.children if c.dep_ == "cc" and c.i < verb.i), None)
    end = joiner.i if joiner is not None else verb.left_edge.i
    return strip_edges([t for t in tokens if t.i < end])


def contrasting_report(head: Token) -> bool:
    """ "..., while Lunder has confirmed 18,950": a contrast clause with a reporting subject
    of its own, whose source is not the first clause's."""
    marks = {c.lower_ for c in head.children if c.dep_ == "mark"}
    subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children)
    if head.dep_ == "relcl":  # "since 2019, when police said 15,000 gathered"
        return subject and head.lemma_.lower() in REPORTING_VERBS
    return head.dep_ == "advcl" and bool(marks & CONTRAST_MARKS) and subject


def own_estimate(tokens: list[Token]) -> bool:
    """True for a clause giving its subject's own account ("while rights groups put ...")."""
    head = next((t for t in tokens if t.dep_ in ("ROOT", "advcl") and t.pos_ == "VERB"), None)
    return head is not None and head.lemma_.lower() in REPORTING_VERBS | {"put", "place"}


def parallel_clauses(tokens: list[Token]) -> tuple[list[Token], list[Token]] | None:
    """The two clauses of "Fenn holds 604 delegates and Lark holds 551", or None."""
    # two named subjects with the same verb, which the parser often runs together
    for position, joint in enumerate(tokens[1:-2], start=1):
        if joint.lower_ != "and" or not any(t.like_num for t in tokens[:position]):
            continue
        after = position + 1
        while after < len(tokens) and tokens[after].pos_ == "PROPN":
            after += 1
        if after == position + 1 or after >= len(tokens):
            continue
        verb = tokens[after]
        if any(t.dep_ == "nsubj" and t.head.i == verb.i for t in tokens[position + 1 : after]):
            continue  # parsed as a clause of its own already ("..., and Ferne won the 400 m")
        earlier = {t.lower_ for t in tokens[:position] if t.pos_ in ("VERB", "AUX")}
        if verb.lower_ in earlier and any(t.like_num for t in tokens[after + 1 :]):
            return tokens[:position], tokens[position + 1 :]
    return None
