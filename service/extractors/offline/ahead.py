"""Weekdays that may lie ahead of the telling though the clause is in the past tense: a
deadline ("set a deadline of Friday"), an occasion called off ("postponed Saturday's
concerts"), talks a mediator has called ("has called both sides to talks on Tuesday")."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from spacy.tokens import Token

from service.extractors.offline.tokens import word_set

Bounds = tuple[str | None, str | None]


def invited_ahead(token: Token) -> bool:
    """ "has called both sides to talks on Tuesday": a present perfect cannot carry a past
    day, so the day is the talks', ahead."""
    preposition = token if token.dep_ == "prep" else token.head
    noun = preposition.head
    if preposition.lower_ != "on" or noun.dep_ != "pobj" or noun.head.lower_ not in ("to", "for"):
        return False
    verb = noun.head.head
    perfect = any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in verb.children)
    return perfect and verb.lemma_.lower() in ("call", "invite", "summon")


def deadline_day(token: Token) -> bool:
    """ "a deadline of Friday", "a Friday deadline", "Friday's deadline": the day a deadline
    falls on (which gives only an end), unless the deadline is told as passed or met."""
    noun = token.head.head if token.dep_ == "pobj" else token.head
    if noun.lemma_.lower() != "deadline":
        return False
    named = token.dep_ in ("poss", "compound") or token.head.lower_ in ("of", "on")
    clauses = [c for t in (noun, token) for c in t.children if c.dep_ == "relcl"]
    told = [noun.head, *clauses]  # "a deadline of Friday, which the firm ignored"
    return named and not any(verb.lemma_.lower() in _DEADLINE_PAST_VERBS for verb in told)


def called_off(token: Token) -> bool:
    """ "postponed Saturday's opening concerts", "Sunday's match was called off"."""
    noun = token.head
    verb = noun.head
    off = verb.lemma_.lower() == "call" and any(c.lower_ == "off" for c in verb.children)
    stopped = verb.lemma_.lower() in _CALLING_OFF_VERBS or off
    return token.dep_ == "poss" and noun.dep_ in ("dobj", "nsubjpass") and stopped


def maybe_ahead(
    bounds: Bounds, token: Token, read_ahead: Callable[[], Bounds], published: dt.date | None
) -> Bounds:
    """The bounds of a deadline's or a called-off occasion's weekday: the nearer of its past
    and coming days; a deadline gives only an end. Other phrases keep their bounds."""
    on_a_deadline = deadline_day(token)
    if not (on_a_deadline or called_off(token)):
        return bounds
    bounds = nearer(bounds, read_ahead(), published)
    return (None, bounds[1]) if on_a_deadline and bounds[0] == bounds[1] else bounds


def nearer(behind: Bounds, ahead: Bounds, published: dt.date | None) -> Bounds:
    """Of a weekday read back and read ahead, the one nearer publication: a deadline or a
    called-off occasion is told close to its day ("cancelled Saturday's concert" on a
    Wednesday is the coming Saturday's, on a Sunday the day before's)."""
    if published is None or None in (behind[1], ahead[1]) or behind == ahead:
        return behind
    assert behind[1] is not None and ahead[1] is not None
    if len(behind[1]) != 10 or len(ahead[1]) != 10:
        return behind
    back = (published - dt.date.fromisoformat(behind[1])).days
    forth = (dt.date.fromisoformat(ahead[1]) - published).days
    return ahead if 0 < forth < back else behind


_CALLING_OFF_VERBS = word_set("cancel postpone delay scrap suspend")
# "The Friday deadline passed", "missed Friday's deadline": a deadline behind the telling.
_DEADLINE_PAST_VERBS = word_set("pass miss meet ignore expire beat lapse come")
