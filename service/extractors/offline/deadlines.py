"""Deadlines: the words that bound a time from above ("until May 1", "before Friday"), and the
uses of "before" that are no deadline ("shortly before 2 a.m.", "appeared before a judge")."""

from __future__ import annotations

import re

from spacy.tokens import Token

from service.extractors.offline.tokens import word_set

DEADLINE_WORDS = frozenset({"until", "till", "before"})


# A clock time or a time of day right after a word ("before 2 a.m.", "before dawn").
_CLOCK_AFTER = re.compile(
    r"^(?:\d{1,2}(?::\d{2})?\s*(?i:a\.m\.|p\.m\.|am|pm)|(?i:midnight|noon|dawn|daybreak))(?!\w)"
)


def before_a_clock_time(word: Token) -> bool:
    """True for "shortly before 2 a.m.": a time of day, not a deadline ("until noon" is)."""
    return (
        word.lower_ == "before"
        and _CLOCK_AFTER.match(word.doc.text[word.idx + len(word.text) :].lstrip()) is not None
    )


# People or bodies one appears "before": the word is a place then, not a deadline.
_AUDIENCES = word_set("""
    supporter crowd court judge jury parliament committee reporter journalist lawmaker
    audience panel congress senate voter delegate member magistrate tribunal camera
    """)


def before_an_audience(word: Token) -> bool:
    """True for "before supporters", "before a judge": in front of, not earlier than."""
    objects = [c for c in word.children if c.dep_ == "pobj"]
    return word.lower_ == "before" and any(
        o.lemma_.lower() in _AUDIENCES or o.ent_type_ in ("PERSON", "NORP") for o in objects
    )
