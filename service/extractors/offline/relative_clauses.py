"""Relative clauses: what "who", "which", "where" and "whose" stand for, and what one on a
body an "according to" names reports ("according to X, which said Q")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from service.extractors.offline.frames import REPORTING_VERBS
from service.extractors.offline.sources import DOCUMENT_HEADS
from service.extractors.offline.tokens import (
    entity_of,
    join_tokens,
    named_by_according_to,
    word_set,
)

if TYPE_CHECKING:
    from service.extractors.offline.segmentation import Proposition

RELATIVE_SUBJECTS = frozenset({"who", "which", "that"})
# Verbs by which a document records figures ("a report, which listed 12 injured").
RECORDING_VERBS = word_set("figure record list show count tally put give")
RELATIVE_ADVERBS = frozenset({"where", "when"})

_TIME_NOUNS = word_set("time day night morning evening week month year moment hour era period")


def names_a_time(noun: Token) -> bool:
    """True for a date or time noun a "when" clause can describe ("in 2011, when ...")."""
    return noun.ent_type_ in ("DATE", "TIME") or noun.lemma_.lower() in _TIME_NOUNS


def non_restrictive(relcl: Token) -> bool:
    """True for a relative clause set off by a comma ("the mayor, who ...")."""
    before = relcl.left_edge.i - 1
    return before >= 0 and relcl.doc[before].text == ","


def relative_word(relcl: Token) -> Token | None:
    """The clause's relative pronoun or adverb ("who", "which", "where", "whose")."""
    for token in relcl.subtree:
        if token.lower_ in RELATIVE_SUBJECTS and token.dep_ in ("nsubj", "nsubjpass"):
            return token
        if token.lower_ in RELATIVE_ADVERBS and token.i == relcl.left_edge.i:
            return token
        if token.lower_ == "whose" and token.i == relcl.left_edge.i:
            return token  # "the victims, whose names were released on Sunday"
    return None


def resolve_relative(proposition: Proposition) -> None:
    """Replace the relative pronoun with its antecedent ("who" -> "union officials")."""
    relative = relative_word(proposition.head)
    if relative is None:
        return
    noun = _antecedent_noun(proposition.head.head, relative)
    if _document_report(noun, relative):
        # "the report, which listed 12 injured": the document is the attribution, the
        # statement is what it records
        dropped = {relative.i, proposition.head.i}
        proposition.tokens = [t for t in proposition.tokens if t.i not in dropped]
        proposition.nominal = True
        return
    antecedent = [
        t
        for t in noun.subtree
        if t.i <= noun.i and not t.is_punct and not (t.dep_ == "det" and t.lower_ in ("no", "any"))
    ]
    if relative.lower_ in RELATIVE_ADVERBS:
        proposition.tokens = [t for t in proposition.tokens if t.i != relative.i]
    elif noun.ent_type_ == "PERSON" and relative.lower_ == "who":
        entity = entity_of(noun)
        proposition.replacements[relative.i] = entity.text if entity else noun.text
    else:
        owner = join_tokens(antecedent)
        if relative.lower_ == "whose":  # "whose names" -> "the victims’ names"
            owner = owner + ("’" if owner.endswith("s") else "’s")
        proposition.replacements[relative.i] = owner


def reported_relative_subject(proposition: Proposition) -> None:
    """ "the group, which analysts believe has 300 fighters": content reported inside a
    relative clause takes the antecedent as the subject it shares with the clause."""
    head, ids = proposition.head, {t.i for t in proposition.tokens}
    if proposition.prefix or head.dep_ != "ccomp" or head.head.dep_ != "relcl":
        return
    relative = next(
        (
            c
            for c in head.children
            if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("which", "who") and c.i not in ids
        ),
        None,
    )
    attached = head.head.head
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    # after an object or a date "which" may stand for the whole clause ("seized the airport,
    # which officials said was a blow"); set off after the subject it is the subject's. With
    # a second subject ("which engineers believe the army dug") it is the object.
    named = attached.dep_ in ("nsubj", "nsubjpass")
    if relative is None or len(subjects) > 1 or not named:
        return
    clause = {t.i for t in head.head.subtree}
    phrase_end = max(t.i for t in attached.subtree if t.i not in clause)
    apart = head.head.left_edge.i > phrase_end + 2  # "hit 8 percent in April, which ..."
    if apart or attached.ent_type_ in ("DATE", "TIME", "GPE", "LOC"):
        return
    noun = _antecedent_noun(attached, relative)
    proposition.prefix = [t for t in noun.subtree if t.i <= noun.i and not t.is_punct]


def _document_report(noun: Token, relative: Token) -> bool:
    """A "which" clause whose antecedent is a document and whose verb records content."""
    verb = relative.head
    return (
        relative.dep_ == "nsubj"
        and noun.lemma_.lower() in DOCUMENT_HEADS
        and verb.lemma_.lower() in RECORDING_VERBS
        and any(c.dep_ == "dobj" for c in verb.children)
    )


def _antecedent_noun(noun: Token, relative: Token) -> Token:
    """The noun a relative pronoun stands for, when the parser attached the clause too low:
    "who" refers to a person ("Vik, a director of the Board, who ..."), "which"
    not to a date ("the report on Saturday, which figured ...")."""
    if relative.lower_ == "who" and noun.ent_type_ != "PERSON":
        token = noun
        for _ in range(4):
            if token.head.i == token.i or token.dep_ not in ("pobj", "prep", "appos"):
                break
            token = token.head
            if token.ent_type_ == "PERSON":
                return token
    if relative.lower_ in RELATIVE_SUBJECTS and noun.ent_type_ in ("DATE", "TIME"):
        governor = noun.head.head if noun.dep_ == "pobj" else noun
        if governor.pos_ in ("NOUN", "PROPN"):
            return governor
    return noun


def told_by_the_cited(head: Token) -> Token | None:
    """The clause a relative clause reports for the body an "according to" names ("Q" of
    "according to the World Bank, which said Q"), or None."""
    cited = named_by_according_to(head.head)
    if head.dep_ != "relcl" or not cited or head.lemma_.lower() not in REPORTING_VERBS:
        return None
    opener = head.doc[head.left_edge.i]
    if opener.lower_ not in ("which", "who"):
        return None
    return next((c for c in head.children if c.dep_ == "ccomp"), None)
