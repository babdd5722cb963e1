"""Units of quantities: the currency, percent sign or counted noun a numeral goes with."""

from __future__ import annotations

from spacy.tokens import Token

from service.extractors.offline.currency_names import currency_named
from service.extractors.offline.quantity_words import (
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    PERCENT_WORDS,
)


def currency_before(tokens: list[Token], start: int) -> tuple[str | None, int]:
    """A currency symbol directly before the numeral ("$", "NZ$"), and where it starts."""
    if start > 0 and tokens[start - 1].lower_ in CURRENCY_SYMBOLS:
        return CURRENCY_SYMBOLS[tokens[start - 1].lower_], start - 1
    return None, start


def unit_after(tokens: list[Token], end: int) -> tuple[str | None, int]:
    """A percent sign, percent word or currency word directly after the numeral."""
    if end < len(tokens):
        token = tokens[end]
        if token.lower_ in PERCENT_WORDS:
            return "percent", end + 1
        if token.lower_ == "per" and end + 1 < len(tokens) and tokens[end + 1].lower_ == "cent":
            return "percent", end + 2
        if token.lemma_.lower() in CURRENCY_WORDS:
            return CURRENCY_WORDS[token.lemma_.lower()], end + 1
        if token.lower_ in CURRENCY_SYMBOLS and token.text.isupper():
            return CURRENCY_SYMBOLS[token.lower_], end + 1
        named = currency_named(tokens, end)  # "ariary", "Tunisian dinars"
        if named is not None:
            return named
    return None, end


def counted_noun(last: Token) -> str | None:
    """The noun a numeral counts ("700 trained volunteers" -> "volunteers")."""
    token = last
    while token.dep_ in ("nummod", "quantmod", "compound") and token.head.pos_ == "NUM":
        token = token.head
    head = token.head
    if (
        token.dep_ in ("nummod", "quantmod", "compound", "npadvmod", "advmod")
        and head.pos_ == "ADJ"
    ):
        head = head.head  # "9,000-strong reserve units"
    if head.lemma_.lower() == "magnitude" or (
        last.i > 0 and last.doc[last.i - 1].lower_ == "magnitude"
    ):
        return "magnitude"
    if token.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in _PARENTS:
        return _children_of(head.head, token)  # "a father of three"
    if (
        token.dep_ not in ("nummod", "quantmod", "compound", "npadvmod", "amod", "advmod")
        or head.i == token.i
    ):
        return _of_noun(token) or _noun_after(last)
    if head.pos_ == "ADJ" and token.dep_ in ("npadvmod", "nummod", "advmod"):
        return head.text.lower()  # "three dead", "14 injured"
    if head.pos_ not in ("NOUN", "PROPN") or (head.pos_ == "PROPN" and head.i < token.i):
        return None  # "the Liberal Democrats 11": a name before the count is no unit
    following = last.doc[last.i + 1] if last.i + 1 < len(last.doc) else None
    if following is not None and following.dep_ == "nummod" and following.head.i == head.i:
        return None  # "from 47,000 twelve months before": the noun is the next number's
    words = [
        child.text.lower()
        for child in head.children
        if child.dep_ == "compound" and child.pos_ == "NOUN" and last.i < child.i < head.i
    ]
    words.append(head.text if head.pos_ == "PROPN" else head.text.lower())
    unit = " ".join(words)
    for child in head.children:
        if child.lower_ == "per":
            unit += " " + " ".join(t.text for t in child.subtree)
    return unit


# "a father of three": the number counts children.
_PARENTS = frozenset({"father", "mother", "parent", "grandfather", "grandmother", "grandparent"})


def _children_of(parent: Token, number: Token) -> str | None:
    """ "a father of three": children; "a great-grandmother of four": great-grandchildren;
    "the mother of two of the hostages": the hostages."""
    counted = _of_noun(number)
    if counted is not None:
        return counted
    words = [t.lower_ for t in parent.doc[max(parent.i - 2, 0) : parent.i]]
    great = "great-" if words == ["great", "-"] else ""
    return great + ("grandchildren" if parent.lower_.startswith("grand") else "children")


# Words that make a noun a time, not a thing counted: "between 40 and 50 last year".
_PERIOD_MODIFIERS = frozenset({"last", "next", "this", "past", "coming", "previous", "following"})


def names_a_period(noun: Token) -> bool:
    """True for "last year", "the past week": a noun a range is dated by, not counts."""
    return any(c.dep_ in ("amod", "det") and c.lower_ in _PERIOD_MODIFIERS for c in noun.children)


def _noun_after(last: Token) -> str | None:
    """ "won 412 pledged delegates" parsed with the number as the object: the noun right
    after it, past its adjectives."""
    doc = last.doc
    position = last.i + 1
    while position < len(doc) and position <= last.i + 2 and doc[position].dep_ == "amod":
        position += 1
    noun = doc[position] if position < len(doc) else None
    if noun is None or noun.pos_ != "NOUN" or noun.dep_ in ("compound", "npadvmod"):
        return None
    if noun.lower_ in ("a.m.", "p.m.") or names_a_period(noun):
        return None  # "between 6 and 8 p.m."
    return noun.text.lower()


def _of_noun(token: Token) -> str | None:
    """ "two of the victims" -> "victims"."""
    for child in token.children:
        if child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects and objects[0].pos_ == "NOUN":
                return objects[0].text.lower()
    return None
