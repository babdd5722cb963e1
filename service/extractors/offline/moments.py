"""Events told seconds to hours apart ("exploded 41 seconds after lifting off", "crashed
shortly after taking off"), which fall on the same day."""

from __future__ import annotations

from spacy.tokens import Token


def moments_apart(preposition: Token) -> bool:
    """True for "after" said to be seconds to hours apart ("shortly after", "41 seconds
    after", "hours after", not "48 hours after"): both events fall on the same day."""
    before = preposition.doc[preposition.i - 1] if preposition.i else None
    near = list(preposition.children)
    if before is not None and before.dep_ in ("npadvmod", "advmod"):
        near.append(before)  # the parser hangs "41 seconds" on the verb, before "after"
    return any(_within_a_day(t) for t in near)


def _within_a_day(word: Token) -> bool:
    """ "shortly", "minutes", "41 seconds", "hours", "six hours"; not "48 hours"."""
    if word.lower_ in _SHORTLY:
        return True
    if word.lemma_.lower() not in _SHORT_SPANS:
        return False
    counts = [c for c in word.children if c.dep_ == "nummod"]
    if not counts or word.lemma_.lower() != "hour":
        return True
    count = counts[0].text.lower()
    return (count.isdigit() and int(count) < 24) or count in _FEW


_SHORTLY = frozenset({"shortly", "soon", "just", "immediately", "moments", "minutes", "seconds"})
_SHORT_SPANS = frozenset({"second", "minute", "moment", "hour"})
_FEW = frozenset({"a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight",
                  "nine", "ten", "eleven", "twelve", "several", "few"})  # fmt: skip
