"""Days that may lie ahead of the telling though the clause is in the past tense: a deadline
("set a deadline of Friday"), an occasion called off ("postponed Saturday's concerts"), a
measure announced from a date ("announced a stoppage from April 3"), talks a mediator has
called ("has called both sides to talks on Tuesday")."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from spacy.tokens import Token

from service.extractors.offline.relative_time import Bounds
from service.extractors.offline.tokens import WEEKDAY_NAMES, word_set


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


def announced_ahead(token: Token) -> bool:
    """ "announced a four-day stoppage from April 3": the date of a measure a body announces
    or calls lies ahead, as the measure is still to come (a calendar date only; "called a
    strike on Monday" may tell when it was called)."""
    preposition = token if token.dep_ == "prep" else token.head
    if preposition.lower_ not in ("from", "on", "starting"):
        return False
    holder = preposition.head  # the measure, or the verb the parser hung the date on
    if holder.dep_ != "dobj" and preposition.lower_ == "on":
        return False  # "declared an emergency on March 2": the act's own day
    verb = holder.head if holder.dep_ == "dobj" else holder
    measured = holder.dep_ == "dobj" or any(c.dep_ == "dobj" for c in verb.children)
    weekday = any(t.lower_ in WEEKDAY_NAMES for t in preposition.subtree)
    return measured and not weekday and verb.lemma_.lower() in _ANNOUNCING


def booked_then_called_off(token: Token) -> bool:
    """ "cancelled all departures scheduled for Tuesday": a booked day whose occasion is
    called off, which may be past (the nearer day) rather than ahead."""
    preposition = token if token.dep_ == "prep" else token.head
    participle = preposition.head
    noun = participle.head
    placed = noun.dep_ in ("dobj", "nsubjpass")  # "departures ... were cancelled" too
    return participle.dep_ == "acl" and placed and called_off_verb(noun.head)


def called_off_verb(verb: Token) -> bool:
    """ "cancelled", "postponed", "called off"."""
    off = verb.lemma_.lower() == "call" and any(c.lower_ == "off" for c in verb.children)
    return verb.lemma_.lower() in _CALLING_OFF_VERBS or off


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
    stopped = called_off_verb(noun.head)
    return token.dep_ == "poss" and noun.dep_ in ("dobj", "nsubjpass") and stopped


def maybe_ahead(
    bounds: Bounds, token: Token, read_ahead: Callable[[], Bounds], published: dt.date | None
) -> Bounds:
    """The bounds of a deadline's, a called-off occasion's or an announced measure's day: the
    nearer of its past and coming readings; a deadline gives only an end. Other phrases keep
    their bounds."""
    on_a_deadline = deadline_day(token)
    ahead = called_off(token) or booked_then_called_off(token) or announced_ahead(token)
    if not (on_a_deadline or ahead):
        return bounds
    bounds = nearer(bounds, read_ahead(), published)
    return (None, bounds[1]) if on_a_deadline and bounds[0] == bounds[1] else bounds


def nearer(behind: Bounds, ahead: Bounds, published: dt.date | None) -> Bounds:
    """Of a day read back and read ahead, the one nearer publication: a deadline, a
    called-off occasion or an announced measure is told close to its day ("cancelled
    Saturday's concert" on a Wednesday is the coming Saturday's, on a Sunday the day
    before's; "announced a stoppage from April 3" in March is this April's)."""
    day_behind, day_ahead = behind[1] or behind[0], ahead[1] or ahead[0]  # "from April 3"
    if published is None or day_behind is None or day_ahead is None or behind == ahead:
        return behind
    if len(day_behind) != 10 or len(day_ahead) != 10:
        return behind
    back = (published - dt.date.fromisoformat(day_behind)).days
    forth = (dt.date.fromisoformat(day_ahead) - published).days
    return ahead if 0 < forth < back else behind


_CALLING_OFF_VERBS = word_set("cancel postpone delay scrap suspend")
_ANNOUNCING = word_set("announce call plan schedule set declare")
# "The Friday deadline passed", "missed Friday's deadline": a deadline behind the telling.
_DEADLINE_PAST_VERBS = word_set("pass miss meet ignore expire beat lapse come")
