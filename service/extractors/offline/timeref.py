"""Time references: the verbatim phrase and its ISO bounds, resolved against publication."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Token

from schemas.claims import TimeRef
from service.extractors.offline.periods import (
    LAST_PERIOD,
    is_period,
    is_weak,
    period_candidates,
    resolve_last_period,
    resolve_period,
)
from service.extractors.offline.relative_time import (
    Context,
    bare_since,
    is_clock,
    is_from_event,
    is_relative,
    relative_candidates,
    resolve_relative,
)
from service.extractors.offline.time_context import (
    DEADLINE_WORDS,
    after_superlative,
    clause_depth,
    closing_end,
    governing_word,
    in_baseline,
    in_side_clause,
    past_predicate,
    postponed_to,
)
from service.extractors.offline.tokens import verbatim

MONTHS = {
    name: number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
} | {"Sept": 9}
WEEKDAYS = {calendar.day_name[number]: number for number in range(7)}
# Prepositions and what they bound: the end only, the start only, or both.
END_ONLY = frozenset(
    {"by", "until", "till", "through", "before", "to", "no later than", "prior to"}
)
START_ONLY = frozenset({"since", "from", "after", "starting", "beginning", "following"})

_MONTH = (
    r"(?:"
    + "|".join(calendar.month_name[1:])
    + "|(?:"
    + "|".join(["Sept", *calendar.month_abbr[1:]])
    + r")\.?(?![a-z]))"
)
_WEEKDAY = r"(?:" + "|".join(WEEKDAYS) + r")"
_YEAR = r"(?:1[89]\d\d|20\d\d|[’']\d\d)"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_SEASON = r"(?:spring|summer|autumn|fall|winter)"
_PHASE = (
    r"(?i:(?:early|mid|late)[\s-]+|(?:the\s+)?(?:end|start|beginning|middle)\s+of\s+"
    rf"|(?:the\s+)?{_SEASON}\s+(?:of\s+)?)"
)
_PART = r"(?i:\s+(?:morning|afternoon|evening|night))?"
_NAMED_YEAR = r"(?i:(?:last|this|next)\s+year)"  # "in April last year"
_PERIOD = rf"(?:week|weekend|month|year|{_SEASON})"
_END_OF = r"(?:the\s+)?(?:end|start|beginning|middle|close)\s+of\s+"
_ATOM = (
    r"(?:\d{4}-\d{2}-\d{2}"
    rf"|{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?"
    rf"|{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?"
    rf"|{_PHASE}?{_MONTH}(?:,?\s+(?:of\s+)?{_YEAR}|\s+{_NAMED_YEAR})?"
    rf"|{_WEEKDAY},?\s+{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?"
    rf"|(?i:(?:this\s+coming|next|last|this|coming|early|late)\s+)?{_WEEKDAY}{_PART}"
    r"|(?i:today|tonight|yesterday|tomorrow|currently|now|this\s+(?:morning|afternoon|evening))"
    rf"|(?i:(?:(?:earlier|later|early|late)\s+|{_END_OF})?(?:last|this|next|past)\s+{_PERIOD})"
    rf"|(?i:{_END_OF}the\s+(?:week|month|year))"
    rf"|(?i:the)\s+{_YEAR}(?=\s+[A-Za-z])"  # "in the 2031 census": the event's year
    rf"|{_PHASE}?{_YEAR})"
)
_PREPOSITION = (
    r"(?i:on|by|in|since|until(?:\s+at\s+least)?|till|through|before|after|from|as\s+of|"
    r"as\s+early\s+as|"
    r"between|during|to|starting|beginning|no\s+later\s+than|(?<!the\s)following|prior\s+to)"
)
# "between 10 p.m. Monday and 3 a.m. Tuesday": a clock time before the second day.
_CLOCK_TIME = r"(?:\d{1,2}(?::\d{2})?\s*(?i:a\.m\.|p\.m\.|am|pm)\s+)"
# Named days that hold a weekday's name but are not that weekday ("Super Tuesday").
_NAMED_DAY = re.compile(
    r"\b(?i:super|black|good|cyber|ash|holy|maundy|easter|palm|bloody|shrove|giving)\s+$"
)
_EXPRESSION = re.compile(
    rf"\b(?:(?P<prep>{_PREPOSITION})\s+)?(?P<first>{_ATOM})"
    rf"(?:\s*,?\s*(?i:or|and|to|until|through|into|[–-])\s*{_CLOCK_TIME}?(?P<second>{_ATOM}))?\b"
)
_BETWEEN_PHASES = re.compile(
    rf"\b(?i:between\s+(?:early|mid|late)\s+and\s+(?:early|mid|late)[\s-]+)(?P<month>{_MONTH})"
    rf"(?:,?\s+(?P<year>{_YEAR}))?"
)
_VAGUE = re.compile(
    r"\b(?:in|over|during|for|within)\s+the\s+(?:coming|next|past|last|following)\s+"
    r"(?:\w+\s+)?(?:days|weeks|months|years|decades)\b|\bin\s+the\s+(?:near\s+)?future\b"
    r"|\bfor\s+(?:several|many|a\s+few)\s+(?:days|weeks|months|years)\b",
    re.IGNORECASE,
)
_BARE_YEAR = re.compile(rf"^{_YEAR}$")
_THE_YEAR = re.compile(rf"^(?i:the)\s+{_YEAR}$")

# "June 2-4", "2 to 4 June": days of one month.
_DAY_RANGE = re.compile(
    rf"\b(?:(?P<prep>{_PREPOSITION})\s+)?(?:(?P<month>{_MONTH})\s+(?P<first>{_DAY})\s*(?:[–-]|to|and)"
    rf"\s*(?P<second>{_DAY})(?!,\d)|(?P<first2>{_DAY})\s*(?:[–-]|to|and)\s*(?P<second2>{_DAY})\s+"
    rf"(?:of\s+)?(?P<month2>{_MONTH}))(?:,?\s+(?P<year>{_YEAR}))?\b"
)

_PHASE_WORDS = re.compile(
    r"^(?:(?:earlier|later|early|late)\s+|(?:the\s+)?(?:end|start|beginning|middle|close)\s+of\s+)"
)
_SEASONS = frozenset({"spring", "summer", "autumn", "fall", "winter"})

Bounds = tuple[str | None, str | None]


def _full_year(text: str) -> int:
    """ "2019" -> 2019; "’23" -> 2023 (two-digit years are taken as this century)."""
    digits = text.strip("’'")
    return int(digits) if len(digits) == 4 else 2000 + int(digits)


def _month_iso(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _year_for(month: int, day: int, context: Context) -> int | None:
    """The year of a month (and day) given without one: the publication year, or the
    next one for a forecast about a date already past at publication."""
    if context.published is None:
        return None
    published = context.published
    if context.forward and (month, day) < (published.month, published.day if day else 0):
        return published.year + 1
    if context.past and (month, day) > (published.month, published.day if day else 31):
        return published.year - 1
    return published.year


def _weekday(name: str, context: Context) -> Bounds:
    if context.published is None:
        return None, None
    words = name.split()
    target = WEEKDAYS[next(word for word in words if word in WEEKDAYS)]
    words = [word.lower() for word in words]
    published = context.published
    back = (published.weekday() - target) % 7
    ahead = (target - published.weekday()) % 7
    if words[0] in ("next", "coming") or (words[0] == "this" and "coming" in words):
        day = published + dt.timedelta(days=ahead or 7)
    elif words[0] == "last":
        day = published - dt.timedelta(days=back or 7)
    elif context.forward and context.recounted and context.anchor_day is not None:
        base = min(dt.date.fromisoformat(context.anchor_day), published)  # "were due on Sunday"
        day = base + dt.timedelta(days=(target - base.weekday()) % 7 or 7)
    elif context.forward:
        day = published + dt.timedelta(days=ahead)
    else:
        day = published - dt.timedelta(days=back)
    return day.isoformat(), day.isoformat()


def _relative(text: str, context: Context) -> Bounds:
    if context.published is None:
        return None, None
    published = context.now or context.published
    offsets = {"yesterday": -1, "tomorrow": 1}
    word = text.lower().split()
    if word[0] in offsets:
        day = published + dt.timedelta(days=offsets[word[0]])
        return day.isoformat(), day.isoformat()
    if word[0] in ("today", "tonight", "currently", "now") or word[-1] in (
        "morning",
        "afternoon",
        "evening",
    ):
        return published.isoformat(), published.isoformat()
    word = _PHASE_WORDS.sub("", " ".join(word)).split()  # "earlier this month", "end of the year"
    step = {"last": -1, "past": -1, "this": 0, "the": 0, "next": 1}[word[0]]
    if word[1] == "year" or word[1] in _SEASONS:
        return str(published.year + step), str(published.year + step)
    if word[1] == "month":
        index = published.year * 12 + published.month - 1 + step
        month = _month_iso(index // 12, index % 12 + 1)
        return month, month
    monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=step)
    first = monday + dt.timedelta(days=5) if word[1] == "weekend" else monday
    return first.isoformat(), (monday + dt.timedelta(days=6)).isoformat()


def _month_day(
    month: str, day: str, year: str | None, context: Context, weekday: str | None = None
) -> Bounds:
    number, date = MONTHS[month.rstrip(".")], int(re.sub(r"\D", "", day))
    resolved = _full_year(year) if year else _year_for(number, date, context)
    if resolved is None:
        return None, None
    if weekday and not year:  # "Friday, June 6": the nearby year where it is a Friday
        years = (resolved, resolved - 1, resolved + 1)
        resolved = next((y for y in years if _is_weekday(y, number, date, weekday)), resolved)
    try:
        iso = dt.date(resolved, number, date).isoformat()
    except ValueError:
        return None, None
    return iso, iso


def _is_weekday(year: int, month: int, day: int, weekday: str) -> bool:
    try:
        return dt.date(year, month, day).weekday() == WEEKDAYS[weekday]
    except ValueError:
        return False


def _month(month: str, year: str | None, context: Context) -> Bounds:
    number = MONTHS[month.rstrip(".")]
    if year and year[0].isalpha():  # "last year": relative to publication
        year = _relative(year, context)[0]
    resolved = _full_year(year) if year else _year_for(number, 0, context)
    if resolved is None:
        return None, None
    return _month_iso(resolved, number), _month_iso(resolved, number)


_ATOM_RULES: list[tuple[re.Pattern[str], Callable[[re.Match[str], Context], Bounds]]] = [
    (re.compile(r"^(\d{4}-\d{2}-\d{2})$"), lambda m, c: (m.group(1), m.group(1))),
    (
        re.compile(rf"^({_MONTH})\s+({_DAY})(?:,?\s+({_YEAR}))?$"),
        lambda m, c: _month_day(m.group(1), m.group(2), m.group(3), c),
    ),
    (
        re.compile(rf"^({_DAY})\s+(?:of\s+)?({_MONTH})(?:,?\s+({_YEAR}))?$"),
        lambda m, c: _month_day(m.group(2), m.group(1), m.group(3), c),
    ),
    (
        re.compile(rf"^{_PHASE}?({_MONTH})(?:,?\s+(?:of\s+)?({_YEAR}|{_NAMED_YEAR}))?$"),
        lambda m, c: _month(m.group(1), m.group(2), c),
    ),
    (
        re.compile(rf"^({_WEEKDAY}),?\s+({_MONTH})\s+({_DAY})(?:,?\s+({_YEAR}))?$"),
        lambda m, c: _month_day(m.group(2), m.group(3), m.group(4), c, weekday=m.group(1)),
    ),
    (re.compile(rf"^.*{_WEEKDAY}{_PART}$"), lambda m, c: _weekday(m.group(0), c)),
    (
        re.compile(rf"^(?:{_PHASE}|(?i:the)\s+)?({_YEAR})$"),
        lambda m, c: (str(_full_year(m.group(1))), str(_full_year(m.group(1)))),
    ),
    (re.compile(r"^.+$"), lambda m, c: _relative(m.group(0), c)),
]


def _atom_bounds(text: str, context: Context) -> Bounds:
    text = " ".join(text.split())
    for pattern, rule in _ATOM_RULES:
        match = pattern.match(text)
        if match:
            return rule(match, context)
    return None, None


def resolve(match: re.Match[str], context: Context) -> Bounds:
    """The ISO bounds of one matched time expression."""
    if is_relative(match):
        return resolve_relative(match, context)
    if match.re is LAST_PERIOD:
        return resolve_last_period(match, context)
    if match.re is _BETWEEN_PHASES:
        return _month(match.group("month"), match.group("year"), context)
    if match.re is _VAGUE:
        return None, None
    preposition = " ".join((match.groupdict().get("prep") or "").lower().split())
    preposition = preposition.removesuffix(" at least")  # "until at least Friday"
    if preposition in END_ONLY:  # "had extended the order until May 1": a deadline ahead
        context = replace(context, past=False)
    if preposition == "since":  # "the first talks since October" looks back, even in a plan
        context = replace(context, forward=False, past=True)
    if is_period(match):
        start, end = resolve_period(match, context)
    elif match.re is _DAY_RANGE:
        return _day_range(match, context)
    else:
        start, end = _atom_bounds(match.group("first"), context)
        if match.group("second"):
            end = _atom_bounds(match.group("second"), context)[1]
            end = _after(start, end) if match.group("second") in WEEKDAYS else end
    if preposition in END_ONLY and not match.groupdict().get("second"):
        if _before_the_event(end, context) and not context.forward:
            # "ordered flags lowered through Wednesday" after Saturday's crash: ahead of it
            end = _atom_bounds(match.group("first"), replace(context, forward=True))[1]
        return None, end
    if preposition in START_ONLY and not match.groupdict().get("second"):
        return start, None
    prefix = _DAY_PREFIX.search(match.string[: match.start()])
    if prefix is not None and start and len(start) == 10:
        if not prefix.group("eve"):
            first = (dt.date.fromisoformat(start) - dt.timedelta(days=6)).isoformat()
            return first, end  # "in the week ending Sunday": the seven days up to it
        if start == end:
            eve = (dt.date.fromisoformat(start) - dt.timedelta(days=1)).isoformat()
            return eve, eve  # "on the eve of Sunday's vote": the Saturday
    return start, end


# Words right before a day that make it a bound of another time: "the eve of Sunday's
# vote" (the day before), "the week ending Sunday" (the seven days up to it).
_DAY_PREFIX = re.compile(
    r"\b(?i:the\s+(?:(?P<eve>eve\s+of)|(?:week|seven\s+days)\s+(?:ending|to)))\s+$"
)


def _before_the_event(day: str | None, context: Context) -> bool:
    """True when a deadline falls before the event told before, which it cannot bound."""
    anchor = context.anchor_day
    return day is not None and anchor is not None and len(day) == 10 and day < anchor


def _after(start: str | None, end: str | None) -> str | None:
    """A weekday ending a range falls after its start ("Monday and Tuesday" of one week)."""
    if start and end and len(start) == len(end) == 10 and end < start:
        return (dt.date.fromisoformat(end) + dt.timedelta(days=7)).isoformat()
    return end


def _day_range(match: re.Match[str], context: Context) -> Bounds:
    month = match.group("month") or match.group("month2")
    first = match.group("first") or match.group("first2")
    second = match.group("second") or match.group("second2")
    start = _month_day(month, first, match.group("year"), context)[0]
    end = _month_day(month, second, match.group("year"), context)[1]
    return (start, end) if start and end and start <= end else (None, None)


def _candidates(text: str, context: Context) -> list[re.Match[str]]:
    matches = [
        *relative_candidates(text, context),
        *period_candidates(text),
        *_DAY_RANGE.finditer(text),
        *LAST_PERIOD.finditer(text),
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
        if any(map(in_baseline, covered)) or in_side_clause(covered[0], head):
            continue
        postponed = postponed_to(covered[0])
        bounds = resolve(match, replace(context, forward=True) if postponed else context)
        depth = min(clause_depth(t, head) for t in covered)
        weak = is_clock(match) or is_weak(match) or _event_year(match) or is_from_event(match)
        weak = weak or match.group(0).lower() in _NOW_WORDS  # "is now expected in 2028"
        weak = weak or after_superlative(covered[0])
        key = (0 if any(bounds) and not weak else 1, depth, match.start())
        prefix = _DAY_PREFIX.search(window[: match.start()])  # "the eve of Sunday's vote"
        text = window[prefix.start() : match.end()] if prefix and any(bounds) else match.group(0)
        reference = TimeRef(text=text, start=bounds[0], end=bounds[1])
        found.append((reference, covered))
        if best is None or key < best[0]:
            best = (key, reference, covered)
    if best is None:
        since = bare_since(tokens, context)
        return (since, [t for t in tokens if t.lower_ == "since"]) if since else None
    reference, covered = best[1], best[2]
    closed = closing_end(reference, covered, found, head, {t.i for t in tokens})
    if closed is not None:
        return closed
    deadline = governing_word(covered[0], head, {t.i for t in tokens}, DEADLINE_WORDS)
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
