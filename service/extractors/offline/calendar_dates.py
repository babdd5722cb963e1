"""Calendar phrases ("March 3", "last week", "Friday", "early 2024") and their ISO bounds."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable

from service.extractors.offline.relative_time import Bounds, Context, days_before

MONTHS = {
    name: number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
} | {"Sept": 9}
WEEKDAYS = {calendar.day_name[number]: number for number in range(7)}

# Pieces of a calendar phrase; ATOM is one whole phrase, as timeref's expressions use it.
MONTH = (
    r"(?:"
    + "|".join(calendar.month_name[1:])
    + "|(?:"
    + "|".join(["Sept", *calendar.month_abbr[1:]])
    + r")\.?(?![a-z])(?!\s+[A-Z][a-z]))"  # "Jan Roos" is a name, not January
)
_WEEKDAY = r"(?:" + "|".join(WEEKDAYS) + r")"
YEAR = r"(?:1[89]\d\d|20\d\d|[’']\d\d)"
DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_SEASON = r"(?:spring|summer|autumn|fall|winter)"
_PHASE = (
    r"(?i:(?:early|mid|late)[\s-]+|(?:the\s+)?(?:end|start|beginning|middle)\s+of\s+"
    rf"|(?:the\s+)?{_SEASON}\s+(?:of\s+)?)"
)
_PART = r"(?i:\s+(?:morning|afternoon|evening|night))?"
# "in April last year", "in September of that year" (the year told before)
_NAMED_YEAR = r"(?i:(?:last|this|next|that|the\s+same)\s+year)"
_PERIOD = rf"(?:week|weekend|month|year|{_SEASON})"
_END_OF = r"(?:the\s+)?(?:end|start|beginning|middle|close)\s+of\s+"
ATOM = (
    r"(?:\d{4}-\d{2}-\d{2}"
    rf"|{MONTH}\s+{DAY}(?:,?\s+{YEAR})?"
    rf"|{DAY}\s+(?:of\s+)?{MONTH}(?:,?\s+{YEAR})?"
    rf"|{_PHASE}?{MONTH}(?:,?\s+(?:of\s+)?{YEAR}|\s+(?:of\s+)?{_NAMED_YEAR})?"
    rf"|{_WEEKDAY},?\s+{MONTH}\s+{DAY}(?:,?\s+{YEAR})?"
    rf"|(?i:(?:this\s+coming|next|last|this|coming|early|late)\s+)?{_WEEKDAY}{_PART}"
    r"|(?i:today|tonight|yesterday|tomorrow|currently|now|this\s+(?:morning|afternoon|evening))"
    rf"|(?i:(?:(?:earlier|later|early|late)\s+|{_END_OF})?(?:last|this|next|past)\s+{_PERIOD})"
    r"(?!\s+of\s+[A-Z])"  # "the last week of March" is part of that month
    rf"|(?i:{_END_OF}the\s+(?:week|month|year))"
    rf"|(?i:the)\s+{YEAR}(?=\s+[A-Za-z])"  # "in the 2031 census": the event's year
    rf"|{_PHASE}?{YEAR})"
)
_PHASE_WORDS = re.compile(
    r"^(?:(?:earlier|later|early|late)\s+|(?:the\s+)?(?:end|start|beginning|middle|close)\s+of\s+)"
)

_SEASONS = frozenset({"spring", "summer", "autumn", "fall", "winter"})


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
    elif (
        context.forward
        and context.recounted
        and (days := days_before(context.anchor_day, published)) is not None
        and days <= 31  # a day of the last month: a 2014 outage told in passing is no base
        and not context.anchor_since  # a forecast's "Saturday" is not counted from a state's start
    ):
        assert context.anchor_day is not None  # a recent anchor is a day
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
    sunday = monday + dt.timedelta(days=6)
    if text.lower().startswith("later") and word[1] == "week" and step == 0 and published < sunday:
        first = published + dt.timedelta(days=1)  # "later this week": the days still to come
    return first.isoformat(), sunday.isoformat()


def month_day_bounds(
    month: str, day: str, year: str | None, context: Context, weekday: str | None = None
) -> Bounds:
    """The day of "March 3" / "3 March", in its year or the year publication implies."""
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


def month_bounds(month: str, year: str | None, context: Context) -> Bounds:
    """The month of "March" / "March 2024" / "March last year"."""
    number = MONTHS[month.rstrip(".")]
    if year and year.split()[0].lower() in ("that", "the"):  # "of that year": told before
        year = context.anchor[:4] if context.anchor else None
    elif year and year[0].isalpha():  # "last year": relative to publication
        year = _relative(year, context)[0]
    resolved = _full_year(year) if year else _year_for(number, 0, context)
    if resolved is None:
        return None, None
    return _month_iso(resolved, number), _month_iso(resolved, number)


_ATOM_RULES: list[tuple[re.Pattern[str], Callable[[re.Match[str], Context], Bounds]]] = [
    (re.compile(r"^(\d{4}-\d{2}-\d{2})$"), lambda m, c: (m.group(1), m.group(1))),
    (
        re.compile(rf"^({MONTH})\s+({DAY})(?:,?\s+({YEAR}))?$"),
        lambda m, c: month_day_bounds(m.group(1), m.group(2), m.group(3), c),
    ),
    (
        re.compile(rf"^({DAY})\s+(?:of\s+)?({MONTH})(?:,?\s+({YEAR}))?$"),
        lambda m, c: month_day_bounds(m.group(2), m.group(1), m.group(3), c),
    ),
    (
        re.compile(rf"^{_PHASE}?({MONTH})(?:,?\s+(?:of\s+)?({YEAR}|{_NAMED_YEAR}))?$"),
        lambda m, c: month_bounds(m.group(1), m.group(2), c),
    ),
    (
        re.compile(rf"^({_WEEKDAY}),?\s+({MONTH})\s+({DAY})(?:,?\s+({YEAR}))?$"),
        lambda m, c: month_day_bounds(m.group(2), m.group(3), m.group(4), c, weekday=m.group(1)),
    ),
    (re.compile(rf"^.*{_WEEKDAY}{_PART}$"), lambda m, c: _weekday(m.group(0), c)),
    (
        re.compile(rf"^(?:{_PHASE}|(?i:the)\s+)?({YEAR})$"),
        lambda m, c: (str(_full_year(m.group(1))), str(_full_year(m.group(1)))),
    ),
    (re.compile(r"^.+$"), lambda m, c: _relative(m.group(0), c)),
]


def atom_bounds(text: str, context: Context) -> Bounds:
    """The ISO bounds of one calendar phrase, or (None, None) when it cannot be placed."""
    text = " ".join(text.split())
    for pattern, rule in _ATOM_RULES:
        match = pattern.match(text)
        if match:
            return rule(match, context)
    return None, None
