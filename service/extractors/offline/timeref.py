"""Time references: the verbatim phrase and its ISO bounds, resolved against publication."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from functools import partial

from spacy.tokens import Token

from schemas.claims import TimeRef
from service.extractors.offline.ahead import invited_ahead, maybe_ahead
from service.extractors.offline.calendar_dates import (
    ATOM,
    DAY,
    MONTH,
    WEEKDAYS,
    YEAR,
    Bounds,
    atom_bounds,
    month_bounds,
    month_day_bounds,
)
from service.extractors.offline.deadlines import (
    DEADLINE_WORDS,
    before_a_clock_time,
    before_an_audience,
)
from service.extractors.offline.durations import counted_back, lasting_phrase
from service.extractors.offline.events import caused_by
from service.extractors.offline.periods import (
    LAST_PERIOD,
    WITHIN_SPAN,
    is_period,
    is_weak,
    period_candidates,
    resolve_last_period,
    resolve_period,
)
from service.extractors.offline.relative_time import (
    Context,
    is_clock,
    is_from_event,
    is_relative,
    relative_candidates,
    resolve_relative,
)
from service.extractors.offline.since import bare_since
from service.extractors.offline.time_bounds import CLOCK, bounding_prefix, days_back, open_bound
from service.extractors.offline.time_context import (
    after_superlative,
    clause_depth,
    closing_end,
    dates_the_pledge,
    governing_word,
    in_baseline,
    in_side_clause,
    joined_times,
    lasting_up_to_now,
    named_by_its_period,
    past_predicate,
    planned_ahead,
    postponed_to,
    told_in_the_past,
    told_in_the_present,
    when_predicted,
)
from service.extractors.offline.tokens import verbatim

# Prepositions and what they bound: the end only, the start only, or both.
END_ONLY = frozenset(
    {"by", "until", "till", "through", "before", "to", "no later than", "prior to"}
)
START_ONLY = frozenset({"since", "from", "after", "starting", "beginning", "following"})

_PREPOSITION = (
    r"(?i:on|by|in|since|until(?:\s+at\s+least)?|till|through|before|after|from|as\s+of|"
    # "a loss for 2017", "forecasts for 2024 and 2025": the year; not "for 1950 pounds",
    # "for 2000 years" or "targets for 2030 on Monday" (a word after the year)
    r"as\s+early\s+as|for(?=\s+(?:19|20)\d\d\b(?!\s+(?!and\b|or\b|to\b)[a-z]))|"
    r"between|during|to|(?:starting|beginning)(?:\s+on)?|no\s+later\s+than|"
    r"(?<!the\s)following|prior\s+to|"
    r"(?:in|for|during|over)\s+(?:the\s+whole\s+of|the\s+entire|all\s+of))"  # "in all of 2024"
)
# "between 10 p.m. Monday and 3 a.m. Tuesday": a clock time before the second day.
_CLOCK_TIME = rf"(?:{CLOCK}\s+)"
# Bounds a clock time may stand between ("until 9 p.m. Friday"), unlike "as of 9 a.m. Friday"
_BOUND_BEFORE = (
    "(?:"
    + "|".join(
        rf"(?<={word}\s)"
        for word in ("until", "Until", "till", "through", "before", "after", "from")
    )
    + ")"
)
# "by 8 a.m. on Thursday", "from 6 a.m. on Monday": a bound's clock time and "on" before its
# day ("shortly before 2 a.m. on Sunday" is a time of that day)
_DAY_BOUND_BEFORE = (
    "(?:"
    + "|".join(rf"(?<={word}\s)" for word in ("by", "By", "until", "till", "from", "From"))
    + ")"
)
_CLOCK_ON = rf"(?:{CLOCK}\s+on\s+)"
# Named days that hold a weekday's name but are not that weekday ("Super Tuesday").
_NAMED_DAY = re.compile(
    r"\b(?i:super|black|good|cyber|ash|holy|maundy|easter|palm|bloody|shrove|giving)\s+$"
)
# "in 1961, 1968 and 1979": a list of years spans its first to its last; "until 9 p.m.
# Friday": a clock time between the preposition and the day
_EXPRESSION = re.compile(
    rf"\b(?:(?P<prep>{_PREPOSITION})\s+(?:{_BOUND_BEFORE}{_CLOCK_TIME}|{_DAY_BOUND_BEFORE}{_CLOCK_ON})?)?"
    rf"(?P<first>{ATOM})"
    rf"(?:(?:\s*,\s*{YEAR}(?=\s*(?:,|and\b|or\b)))*"
    rf"\s*,?\s*(?i:or|and|to|until|through|into|[–-])\s*(?:{CLOCK}\s+(?:on\s+)?)?"
    rf"(?P<second>{ATOM}))?\b"
)
_BETWEEN_PHASES = re.compile(
    rf"\b(?i:between\s+(?:early|mid|late)\s+and\s+(?:early|mid|late)[\s-]+)(?P<month>{MONTH})"
    rf"(?:,?\s+(?P<year>{YEAR}))?"
)
_VAGUE = re.compile(
    r"\b(?:in|over|during|for|within)\s+the\s+(?:coming|next|past|last|following)\s+"
    r"(?:\w+\s+)?(?:days|weeks|months|years|decades)\b|\bin\s+the\s+(?:near\s+)?future\b"
    r"|\bfor\s+(?:several|many|a\s+few)\s+(?:days|weeks|months|years)\b",
    re.IGNORECASE,
)
_BARE_YEAR = re.compile(rf"^{YEAR}$")
_THE_YEAR = re.compile(rf"^(?i:the)\s+{YEAR}$")

# "June 2-4", "2 to 4 June": days of one month.
_DAY_RANGE = re.compile(
    rf"\b(?:(?P<prep>{_PREPOSITION})\s+)?(?:(?P<month>{MONTH})\s+(?P<first>{DAY})\s*(?:[–-]|to|and)"
    rf"\s*(?P<second>{DAY})(?!,\d)|(?P<first2>{DAY})\s*(?:[–-]|to|and)\s*(?P<second2>{DAY})\s+"
    rf"(?:of\s+)?(?P<month2>{MONTH}))(?:,?\s+(?P<year>{YEAR}))?\b"
)


def resolve(match: re.Match[str], context: Context) -> Bounds:
    """The ISO bounds of one matched time expression."""
    if is_relative(match):
        return resolve_relative(match, context)
    if match.re is LAST_PERIOD:
        return resolve_last_period(match, context)
    if match.re is WITHIN_SPAN:
        return None, None  # "within 30 days" says how long, not from when: no date
    if match.re is _BETWEEN_PHASES:
        return month_bounds(match.group("month"), match.group("year"), context)
    if match.re is _VAGUE:
        return None, None
    preposition = " ".join((match.groupdict().get("prep") or "").lower().split())
    preposition = preposition.removesuffix(" at least")  # "until at least Friday"
    preposition = preposition.removesuffix(" on")  # "starting on Thursday"
    if preposition in ("from", "to") and match.string[match.end() : match.end() + 2] in (
        "'s",
        "’s",
    ):
        preposition = ""  # "the toll from Sunday's landslide": the day names the event
    told_as_past = context.past
    if preposition in END_ONLY:  # "had extended the order until May 1": a deadline ahead
        context = replace(context, past=False)
    first = match.groupdict().get("first") or ""
    if preposition in ("starting", "beginning") and first in WEEKDAYS:
        context = replace(
            context, forward=True, past=False
        )  # "declared mourning starting Wednesday"
    if preposition == "since":  # "the first talks since October" looks back, even in a plan
        context = replace(context, forward=False, past=True)
    if is_period(match):
        start, end = resolve_period(match, context)
    elif match.re is _DAY_RANGE:
        return _day_range(match, context)
    else:
        start, end = atom_bounds(match.group("first"), context)
        if match.group("second"):
            end = atom_bounds(match.group("second"), context)[1]
            end = _after(start, end) if match.group("second") in WEEKDAYS else end
            if start and end and end < start and not re.search(YEAR, match.group("second")):
                # "banned it from February 1 to March 15": the ban runs on past publication
                end = atom_bounds(match.group("second"), replace(context, past=False))[1]
            start = _in_the_year_of(match.group("first"), start, end, context)
    prefix = bounding_prefix(match, match.string)
    week = prefix is not None and not prefix.group("eve")
    if week and start and len(start) == 10 and prefix is not None:
        back = days_back(prefix)
        first = (dt.date.fromisoformat(start) - dt.timedelta(days=back)).isoformat()
        return first, end  # "in the week ending Sunday", "the week to Sunday": the seven days
    if preposition in END_ONLY and not match.groupdict().get("second"):
        first_words = match.groupdict().get("first") or ""
        weekday = any(day in first_words for day in WEEKDAYS)
        ahead = weekday and not told_as_past  # "We have enough vaccine until Sunday"
        # "had begun arriving by Sunday" looks back, whatever was told before
        bounding = preposition != "by" and _before_the_event(end, context)
        if (ahead or bounding) and not context.forward:
            # "ordered flags lowered through Wednesday" after Saturday's crash: ahead of it
            end = atom_bounds(match.group("first"), replace(context, forward=True))[1]
        return None, end
    if preposition in START_ONLY and not match.groupdict().get("second"):
        return start, None
    if start == end:  # "on Thursday at the earliest": only a start
        start, end = open_bound(match, start, end)
    if prefix is not None and prefix.group("eve") and start and start == end and len(start) == 10:
        eve = (dt.date.fromisoformat(start) - dt.timedelta(days=1)).isoformat()
        return eve, eve  # "on the eve of Sunday's vote": the Saturday
    return start, end


def _before_the_event(day: str | None, context: Context) -> bool:
    """True when a deadline falls before the event told before, which it cannot bound."""
    anchor = context.anchor_day
    return day is not None and anchor is not None and len(day) == 10 and day < anchor


def _after(start: str | None, end: str | None) -> str | None:
    """A weekday ending a range falls after its start ("Monday and Tuesday" of one week)."""
    if start and end and len(start) == len(end) == 10 and end < start:
        return (dt.date.fromisoformat(end) + dt.timedelta(days=7)).isoformat()
    return end


def _in_the_year_of(first: str, start: str | None, end: str | None, context: Context) -> str | None:
    """ "between March and May 2023": a month written without its year takes the year the
    range ends in (the year before when it would fall after the end: "December to February")."""
    if start is None or end is None or re.search(YEAR, first) or not re.search(MONTH, first):
        return start
    year = int(end[:4])
    for candidate in (year, year - 1):
        moved = atom_bounds(f"{first} {candidate}", context)[0]
        if moved is not None and moved <= end:
            return moved
    return start


def _day_range(match: re.Match[str], context: Context) -> Bounds:
    month = match.group("month") or match.group("month2")
    first = match.group("first") or match.group("first2")
    second = match.group("second") or match.group("second2")
    start = month_day_bounds(month, first, match.group("year"), context)[0]
    end = month_day_bounds(month, second, match.group("year"), context)[1]
    return (start, end) if start and end and start <= end else (None, None)


def _candidates(text: str, context: Context) -> list[re.Match[str]]:
    matches = [
        *relative_candidates(text, context),
        *period_candidates(text),
        *_DAY_RANGE.finditer(text),
        *LAST_PERIOD.finditer(text),
        *WITHIN_SPAN.finditer(text),
        *_BETWEEN_PHASES.finditer(text),
        *(m for m in _VAGUE.finditer(text) if not LAST_PERIOD.match(text, m.start())),
    ]
    taken = [(m.start(), m.end()) for m in matches]
    for match in _EXPRESSION.finditer(text):
        if any(start < match.end() and match.start() < end for start, end in taken):
            continue
        if _BARE_YEAR.match(match.group("first")) and not match.group("prep"):
            continue
        if _NAMED_DAY.search(text[: match.start()]) and match.group("first") in WEEKDAYS:
            continue
        matches.append(match)
    return matches


def _event_year(match: re.Match[str]) -> bool:
    """ "the 2016 election" without a preposition: it yields to any other dated phrase."""
    first = match.group("first") if match.re is _EXPRESSION else None
    return first is not None and not match.group("prep") and _THE_YEAR.match(first) is not None


_NOW_WORDS = frozenset({"now", "currently"})


def find_time(tokens: list[Token], head: Token, context: Context) -> TimeRef | None:
    """The time phrase closest to the proposition's predicate, resolved to ISO bounds."""
    found = time_phrase(tokens, head, context)
    return found[0] if found else None


def time_phrase(
    tokens: list[Token], head: Token, context: Context
) -> tuple[TimeRef, list[Token]] | None:
    """Like `find_time`, with the tokens the phrase covers."""
    if not tokens:
        return None
    if not context.forward and past_predicate(head):
        context = replace(context, past=True)
    elif context.forward and past_predicate(head):
        context = replace(context, recounted=True)  # a plan told in the past tense
    doc = tokens[0].doc
    window_start = tokens[0].idx
    window = verbatim(tokens)
    owned = {(t.idx, t.idx + len(t.text)): t for t in tokens}
    span = doc[tokens[0].i : tokens[-1].i + 1]  # every token the window can touch
    best: tuple[tuple[int, int, int], TimeRef, list[Token]] | None = None
    found: list[tuple[TimeRef, list[Token]]] = []
    for match in _candidates(window, context):
        start, end = window_start + match.start(), window_start + match.end()
        covered = [t for t in span if t.idx < end and start < t.idx + len(t.text)]
        if not covered or any((t.idx, t.idx + len(t.text)) not in owned for t in covered):
            continue
        if is_from_event(match) and covered[-1].dep_ == "compound":
            continue  # "at the convention centre", "since the election campaign began"
        possessive = window[match.end() : match.end() + 2] in ("'s", "’s")
        if possessive and caused_by(covered) and match.re is _EXPRESSION:
            # "hit by this year's epidemic": the passive's "by" bounds nothing (unlike the
            # deadline "expected by the end of June", which the parser also calls an agent)
            bare = _EXPRESSION.match(window, match.start("first"))
            if bare is None:
                continue
            match, covered = bare, covered[1:]
        if match.group(0).lower() == "that day" and covered[-1].dep_ == "dobj":
            continue  # "would never forget that day": a thing named, not a time
        told_of = any(head in t.subtree for t in covered)  # "2016, when 240 attended"
        if (any(map(in_baseline, covered)) and not told_of) or in_side_clause(covered[0], head):
            continue
        if context.forward and (told_in_the_past(covered[0]) or when_predicted(covered[0], head)):
            continue  # "will cut jobs after it reported a loss in May": the loss's time
        postponed = postponed_to(covered[0]) or invited_ahead(covered[0])
        matched = context
        if postponed:
            matched = replace(context, forward=True, past=False)
        elif context.forward and dates_the_pledge(covered[0], head):
            matched = replace(context, forward=False, past=True)
        elif not context.forward and (planned_ahead(covered[0]) or told_in_the_present(covered[0])):
            matched = replace(context, forward=True, past=False)
        elif len(covered) == 1 and named_by_its_period(covered[0]):
            matched = replace(context, forward=False, past=True)
        bounds = resolve(match, matched)
        if not matched.forward:  # "set a deadline of Friday", "postponed Saturday's concert"
            ahead = partial(resolve, match, replace(context, forward=True, past=False))
            bounds = maybe_ahead(bounds, covered[0], ahead, context.published)
        depth = min(clause_depth(t, head) for t in covered)
        weak = is_clock(match) or is_weak(match) or _event_year(match) or is_from_event(match)
        weak = weak or match.group(0).lower() in _NOW_WORDS  # "is now expected in 2028"
        weak = weak or after_superlative(covered[0])
        key = (0 if any(bounds) and not weak else 1, depth, match.start())
        prefix = bounding_prefix(match, window)  # "the eve of Sunday's vote"
        text = match.group(0)
        if prefix is not None and any(bounds):
            text = window[prefix.start() : match.end()]
        reference = TimeRef(text=text, start=bounds[0], end=bounds[1])
        found.append((reference, covered))
        if best is None or key < best[0]:
            best = (key, reference, covered)
    if best is None and lasting_up_to_now(head):
        lasting = lasting_phrase(tokens, context)
        if lasting is not None:
            return lasting
    if best is None:
        since = bare_since(tokens, context)
        return (since, [t for t in tokens if t.lower_ == "since"]) if since else None
    reference, covered = best[1], best[2]
    length = counted_back(reference, covered, tokens)
    if length is not None:  # "for three decades until 2020"
        return length
    closed = closing_end(reference, covered, found, head, {t.i for t in tokens})
    if closed is not None:
        return closed
    joined = joined_times(reference, covered, found)
    if joined is not None:
        return joined
    deadline = governing_word(covered[0], head, {t.i for t in tokens}, DEADLINE_WORDS)
    if deadline is not None and before_a_clock_time(deadline):
        deadline = None  # "shortly before 2 a.m. on Sunday": the day itself (guide: clock times)
    if deadline is not None and before_an_audience(deadline):
        deadline = None  # "appeared before supporters on Tuesday night": that night
    if deadline is not None and reference.end and deadline.i < covered[0].i:
        # "until the end of the season in March", "until the primaries on March 3": an end only
        last = covered[-1]
        text = doc.text[deadline.idx : last.idx + len(last.text)]
        return TimeRef(text=text, start=None, end=reference.end), [
            t for t in span if deadline.i <= t.i <= last.i
        ]
    governor = governing_word(covered[0], head, {t.i for t in tokens})
    if governor is not None and reference.start and governor.i < covered[0].i:
        # "since the start of the outbreak in January", "since it began in 2021": a start only
        last = covered[-1]
        text = doc.text[governor.idx : last.idx + len(last.text)]
        reference = TimeRef(text=text, start=reference.start, end=None)
        covered = [t for t in span if governor.i <= t.i <= last.i]
    return reference, covered
