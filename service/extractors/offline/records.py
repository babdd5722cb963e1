"""Records: a clause's closing description of itself as a record ("..., its biggest one-day
drop since March 2020", "..., the hottest day recorded since 1940"), split off as a claim of
its own, as the spec splits every checkable assertion."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from service.extractors.offline.segmentation import Proposition, trim
from service.extractors.offline.tokens import word_set

# Modifiers that rank an event against others of its kind.
_RANKING = word_set("record first second third fourth fifth sixth seventh eighth ninth tenth")
_DESCRIPTION_DEPS = frozenset({"npadvmod", "dobj", "appos", "attr"})
# Nouns of a move or a reading, which rank the clause; "the largest lender in the country"
# ranks the noun before it.
_MOVES = word_set("""
    drop fall rise increase decrease hike cut gain decline loss jump slump surge climb level
    reading temperature total high low figure rate
    """)


def split_closing_record(proposition: Proposition) -> list[Proposition]:
    """ "The lira fell 2.1% on Tuesday, its biggest drop since 2020" -> the fall, and "That
    was its biggest drop since 2020" (its own time, "since 2020", no longer the fall's)."""
    tokens = proposition.tokens
    record = next((t for t in tokens if _closing_record(t, tokens)), None)
    if record is None:
        return [proposition]
    phrase = [t for t in tokens if record.left_edge.i <= t.i <= record.right_edge.i]
    rest = trim([t for t in tokens if t.i < record.left_edge.i - 1])
    if len(rest) < 3 or not any(t.pos_ in ("VERB", "AUX") for t in rest):
        return [proposition]
    main = replace(proposition, tokens=rest, evidence=rest)
    opener = phrase[0]
    ranking = Proposition(
        tokens=phrase,
        head=record,
        evidence=phrase,
        replacements={opener.i: f"That was {opener.text}"},
        nominal=True,
    )
    return [main, ranking]


def _closing_record(noun: Token, tokens: list[Token]) -> bool:
    """A noun phrase set off by a comma that closes the clause and ranks it: "its ninth
    increase", "their steepest one-day drop", "the hottest temperature recorded"."""
    if noun.pos_ != "NOUN" or noun.dep_ not in _DESCRIPTION_DEPS:
        return False
    if noun.lemma_.lower() not in _MOVES:
        return False
    doc = noun.doc
    before = noun.left_edge.i - 1
    if before < 0 or doc[before].text != ",":
        return False
    words = [t for t in tokens if not t.is_punct]
    if not words or noun.right_edge.i < words[-1].i:
        return False  # the clause goes on after it
    determiners = {c.lower_ for c in noun.children if c.dep_ in ("poss", "det")}
    modifiers = [c for c in noun.children if c.dep_ == "amod"]
    superlative = any(c.tag_ == "JJS" for c in modifiers)
    ranked = superlative or any(c.lower_ in _RANKING for c in modifiers)
    # "the first contest of the calendar" describes the noun before it, not the clause
    return (ranked and bool(determiners & {"its", "their"})) or (
        superlative and "the" in determiners
    )
