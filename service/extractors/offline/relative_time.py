"""Times relative to a moment other than a calendar date: the day of speaking ("to date"),
an offset from publication ("three weeks ago", parsed by dateparser) or an earlier event
("an hour later", "the next day"; "since" on its own is in since.py)."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

import dateparser

from service.extractors.offline.events import (
    EVENT_BOUND,
    EVENT_NOUNS,
    GATHERING_NOUNS,
    NEAR_EVENT_BOUND,
    event_bounds,
    event_day,
)
from service.extractors.offline.numerals import SMALL_NUMBERS, TENS

Bounds = tuple[str | None, str | None]

_NUMBERS = {"a": 1, "an": 1} | {
    word: value for word, value in (SMALL_NUMBERS | TENS).items() if value
}
_COUNT = rf"(?:\d+|a\s+few|{'|'.join(sorted(_NUMBERS, key=len, reverse=True))})"
_UNIT = r"(?:day|week|month|year|decade)s?"
# "three weeks ago", "last night"; "in two weeks" only looks ahead in a forecast.
_FROM_PUBLICATION = re.compile(rf"\b(?i:{_COUNT}\s+{_UNIT}\s+ago|last\s+night)\b")
_AHEAD = re.compile(rf"\b(?i:in\s+{_COUNT}\s+{_UNIT})\b")
# Periods that run up to the day of speaking.
_UP_TO_NOW = re.compile(
    r"\b(?i:to\s+date|so\s+far|thus\s+far|up\s+to\s+now)"
    r"(?:\s+(?i:this|in\s+the)\s+(?P<period>year|month)|\s+in\s+(?P<year>(?:19|20)\d\d))?\b"
)
# Offsets from the event the previous sentences dated.
_FROM_EVENT = re.compile(
    r"\b(?i:(?:later|earlier)\s+(?:that|the\s+same)\s+day|(?:on\s+)?the\s+same\s+day|"
    rf"(?:(?:{_COUNT}\s+|(?:several|some)\s+)?(?:hours?|minutes?)\s+(?:later|earlier))|"
    r"(?:on\s+)?the\s+(?:next|following|previous)\s+(?:day|morning|afternoon|evening|night)|"
    r"(?:(?:early|late)\s+)?that\s+(?:day|morning|afternoon|evening|night)|"
    r"(?:a|the)\s+day\s+(?:before|after)|"
    rf"{_COUNT}\s+days?\s+(?:later|earlier)|"
    rf"(?:(?:about|some|around)\s+)?{_COUNT}\s+(?:hours?|minutes?|days?)\s+(?:after|before)"
    r"(?=\s+(?:the|takeoff|take-off|landing|departure|impact|launch|liftoff|lift-off|"
    r"kickoff|kick-off|landfall)\b)|"
    r"(?:on\s+)?the\s+(?:eve|day)\s+of(?=\s+the\b)|within\s+(?:hours|minutes)|"
    r"(?:shortly|soon|minutes|hours)\s+(?:after|before)(?=\s+the\b))\b"
)
# "two weeks later", "a month earlier", "a year later": from the event told before.
_PERIOD_FROM_EVENT = re.compile(
    rf"\b(?i:{_COUNT}\s+(?P<unit>weeks?|months?|years?)\s+(?P<way>later|earlier))\b"
)
# "the following year", "later that year": the year of the event told before.
_YEAR_FROM_EVENT = re.compile(
    r"\b(?i:(?:later|earlier)\s+(?:that|the\s+same)\s+year|(?:in\s+)?the\s+same\s+year|"
    r"(?:in\s+)?the\s+(?P<step>following)\s+year)\b"
)
# "later that month", "the same month": the month of the event told before.
_MONTH_FROM_EVENT = re.compile(
    r"\b(?i:(?:later|earlier)\s+that\s+month|(?:in\s+)?the\s+same\s+month)\b"
)
# "the previous week", "the following month", "the previous Friday": steps from the event
# told before.
_STEP_FROM_EVENT = re.compile(
    r"\b(?i:the\s+(?P<way>previous|following)\s+)"
    r"(?P<unit>(?i:weekend|week|month)|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
_WEEKDAY_NAMES = [name.lower() for name in calendar.day_name]
# "by nightfall", "throughout the night": the night of the event day told before.
_NIGHT_OF_EVENT = re.compile(r"\b(?i:(?P<by>by\s+nightfall)|(?:throughout|during)\s+the\s+night)\b")
# "At the time, inspectors found no faults": the time of the event told before.
_AT_THE_TIME = re.compile(r"\b(?i:at\s+the\s+time)\b(?!\s+of\b)")
# "as of 9 a.m.": a standing figure at a clock time of the day of speaking.
_AS_OF_CLOCK = re.compile(
    r"\b(?i:as\s+of\s+\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)(?:\s+local\s+time)?)"
)
# A clock time with no date: the day of the event told just before ("at about 9:50 a.m.",
# "shortly before midnight").
_CLOCK = re.compile(
    r"\b(?i:(?:at|(?:shortly|just|soon)\s+(?:after|before))\s+"
    r"(?:(?:(?:about|around|approximately|roughly|nearly|almost)\s+)?\d{1,2}"
    r"(?::\d{2})?\s*"
    r"(?:a\.m\.|p\.m\.|am\b|pm\b)(?:\s+local\s+time)?|(?:midnight|noon|midday)\b))"
)
# "by midday", "by 9:30 p.m.": a deadline within the day of the event told before.
_BY_CLOCK = re.compile(
    r"\b(?i:by\s+(?:about\s+|around\s+)?(?:\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)"
    r"|midday|noon|mid-morning|mid-afternoon|nightfall))"
    r"(?!\s+(?:on\b|the\s+(?:next|following|previous)\b|[A-Z]))"
)
# "before joining Alvorada in 2019", "after losing his job in 2013": a bound told by a
# dated act of the same subject.
_BOUND_BY_ACT = re.compile(
    r"\b(?P<prep>(?i:before|after|until|since))\s+(?:being\s+)?[a-z]+ing\b"
    r"(?:(?!\b(?:that|which|who|where|when|founded|built|established|born|opened)\b)"
    r"[^,;.()]){0,50}?\bin\s+(?P<year>(?:19|20)\d\d)\b"
)
_DAY_WAYS = {"later": 1, "after": 1, "earlier": -1, "before": -1}
_DAY_STEPS = {"next": 1, "following": 1, "after": 1, "previous": -1, "before": -1}


@dataclass(frozen=True)
class Context:
    """What resolution needs: publication, direction, the day of speaking, earlier dates."""

    published: dt.date | None
    forward: bool = False
    past: bool = False  # a past-tense report: an undated month later in the year is last year's
    speaking: dt.date | None = None
    anchor: str | None = None  # ISO start of the previous dated claim's time
    anchor_day: str | None = None  # the latest single day a claim was dated to
    anchor_since: bool = False  # that day only opens a state ("since the rains began on May 3")
    events: Mapping[str, str] = field(default_factory=dict)  # dated events told before
    recounted: bool = False  # a forecast told in the past tense ("were expected to arrive")

    @property
    def now(self) -> dt.date | None:
        """The day "today", "currently" and "to date" mean."""
        return self.speaking or self.published


def days_before(day: str | None, published: dt.date | None) -> int | None:
    """Days from a full ISO day to publication (negative after it), or None."""
    if day is None or published is None or len(day) != 10:
        return None
    return (published - dt.date.fromisoformat(day)).days


def relative_candidates(text: str, context: Context) -> list[re.Match[str]]:
    """Relative expressions in the text this module resolves."""
    patterns = [
        _FROM_PUBLICATION,
        _UP_TO_NOW,
        _FROM_EVENT,
        _PERIOD_FROM_EVENT,
        _YEAR_FROM_EVENT,
        _MONTH_FROM_EVENT,
        _STEP_FROM_EVENT,
        _AT_THE_TIME,
        _NIGHT_OF_EVENT,
        _AS_OF_CLOCK,
        _CLOCK,
        _BY_CLOCK,
        _BOUND_BY_ACT,
    ]
    if context.forward:
        patterns.append(_AHEAD)
    found = [match for pattern in patterns for match in pattern.finditer(text)]
    # "until his death": only events the article dated
    named = [*EVENT_BOUND.finditer(text), *NEAR_EVENT_BOUND.finditer(text)]
    return found + [m for m in named if _names_dated_event(m, context)]


def _names_dated_event(match: re.Match[str], context: Context) -> bool:
    """An event bound naming an event the article dated; a bare "to" only closes a "from"
    ("from 1980 to his death", not "contributed to the collapse")."""
    event = match.group("event").lower()
    if event not in context.events:
        return False
    if match.group("prep").lower() in ("at", "during") and event not in GATHERING_NOUNS:
        return False  # "at the crash site" is a place, "at the hearing" an occasion
    if match.group("prep").lower() == "when":  # "when the fire started", not "when it hits"
        return _HAPPENED.match(match.string, match.end("event")) is not None
    return match.group("prep").lower() != "to" or " from " in f" {match.string[: match.start()]}"


# "when the fire started": the event told as having happened, not one still to come.
_HAPPENED = re.compile(r"\s+(?:started|began|struck|broke\s+out|happened|occurred)\b")


# Times counted from the event told before; they yield to a calendar date in the same clause
# ("on March 16, the day after the attack").
_EVENT_PATTERNS = (
    _FROM_EVENT,
    _PERIOD_FROM_EVENT,
    _YEAR_FROM_EVENT,
    _MONTH_FROM_EVENT,
    EVENT_BOUND,
    NEAR_EVENT_BOUND,
    _STEP_FROM_EVENT,
    _AT_THE_TIME,
    _NIGHT_OF_EVENT,
)


def is_relative(match: re.Match[str]) -> bool:
    """True for a match made by `relative_candidates`."""
    outside = (
        _FROM_PUBLICATION,
        _UP_TO_NOW,
        _AHEAD,
        _AS_OF_CLOCK,
        _CLOCK,
        _BY_CLOCK,
        _BOUND_BY_ACT,
    )
    return match.re in outside or match.re in _EVENT_PATTERNS


def is_from_event(match: re.Match[str]) -> bool:
    """True for a time counted from the event told before ("the day after the attack")."""
    return match.re in _EVENT_PATTERNS


def counts_from_an_event(text: str) -> bool:
    """True for a time phrase counted from the event told before ("two years later")."""
    return any(pattern.search(text) for pattern in _EVENT_PATTERNS)


def is_clock(match: re.Match[str]) -> bool:
    """True for a bare clock time (it yields to any dated phrase in the same clause)."""
    return match.re in (_CLOCK, _AS_OF_CLOCK, _BY_CLOCK)


def resolve_relative(match: re.Match[str], context: Context) -> Bounds:
    """The ISO bounds of a relative expression, or (None, None) when its reference is unknown."""
    text = " ".join(match.group(0).lower().split())
    if match.re is _BOUND_BY_ACT:
        if not match.string[: match.start()].strip():
            return None, None  # "After retiring in 1982, Kell coached": a side clause's own time
        year = match.group("year")
        return (None, year) if match.group("prep").lower() in ("before", "until") else (year, None)
    if match.re is _UP_TO_NOW:
        now = context.now.isoformat() if context.now else None
        period = match.group("period")
        start = None if now is None or period is None else now[: 4 if period == "year" else 7]
        return match.group("year") or start, now  # "so far in 2023": from the year's start
    if match.re is _BY_CLOCK:  # "had joined the strike by midday": that day, or today's
        day = context.anchor_day or (context.now.isoformat() if context.now else None)
        return (None, None) if context.forward else (None, day)
    if match.re is _CLOCK and context.forward:
        return None, None  # a schedule, not a dated event
    if match.re is _FROM_EVENT and context.forward and text.startswith("within"):
        return None, None  # "a decision is expected within hours": not a dated event
    if match.re in (EVENT_BOUND, NEAR_EVENT_BOUND):
        return event_bounds(match, context.events)
    if match.re is _FROM_EVENT and (
        named := event_day(match.string[match.end() :], context.events)
    ):
        return _from_event(text, named)  # "two days before the crash": the crash's date
    if match.re is _FROM_EVENT and context.forward and _before_unknown_event(match):
        return None, None  # "will rest for six hours before the spacewalk": not yet dated
    if match.re is _FROM_EVENT or match.re is _CLOCK:
        if text == "that day" and context.anchor_day is None and context.speaking:
            day = context.speaking.isoformat()  # "said on Friday that 60 stayed away that day"
            return day, day
        if context.anchor is not None and len(context.anchor) < 10:
            return context.anchor, context.anchor  # "in May 2021 ... two days later": May
        return _from_event(text, context.anchor_day)
    if match.re is _NIGHT_OF_EVENT:
        day = None if context.forward else context.anchor_day
        return (None, day) if match.group("by") else (day, day)
    if match.re is _AT_THE_TIME:
        return (None, None) if context.forward else (context.anchor, context.anchor)
    if match.re is _STEP_FROM_EVENT:
        return _step_from_event(match, context)
    if match.re is _PERIOD_FROM_EVENT:
        return _period_from_event(match, context.anchor)
    if match.re is _YEAR_FROM_EVENT:
        return _year_from_event(match, context.anchor)
    if match.re is _MONTH_FROM_EVENT:
        month = context.anchor[:7] if context.anchor and len(context.anchor) >= 7 else None
        return month, month
    if match.re is _AS_OF_CLOCK:
        now = context.now.isoformat() if context.now else None
        return now, now
    if context.published is None:
        return None, None
    return _parsed(text.removeprefix("in ") if match.re is _AHEAD else text, context)


def _parsed(text: str, context: Context) -> Bounds:
    """An offset from publication, by dateparser, at the granularity of its unit."""
    assert context.published is not None
    if not text.endswith("ago") and text != "last night":
        text = "in " + text
    base = dt.datetime.combine(context.published, dt.time())
    parsed = dateparser.parse(
        text.replace("a few", "3"), languages=["en"], settings={"RELATIVE_BASE": base}
    )
    if parsed is None:
        return None, None
    day = parsed.date().isoformat()
    if "year" in text or "decade" in text:
        return day[:4], day[:4]
    if "month" in text:
        return day[:7], day[:7]
    return day, day


def _before_unknown_event(match: re.Match[str]) -> bool:
    """ "hours before the first spacewalk": an offset from an event the phrase names itself,
    not one told before ("two days after the disaster")."""
    following = [w.strip(".,;:").lower() for w in match.string[match.end() :].split()[:4]]
    refers_back = any(w in EVENT_NOUNS or w.removesuffix("s") in EVENT_NOUNS for w in following)
    return (
        match.group().split()[-1].lower() in ("after", "before")
        and bool(following and following[0][:1].isalpha())
        and not refers_back
    )


def _from_event(text: str, anchor: str | None) -> Bounds:
    """ "an hour later" is the anchor's day; "the next day" the day after it."""
    if anchor is None or len(anchor) != 10:
        return None, None
    day = dt.date.fromisoformat(anchor)
    words = text.split()
    within_the_day = any(w.rstrip("s") in ("hour", "minute") for w in words) or words[0] in (
        "shortly",
        "soon",
    )
    step = 0 if within_the_day else next((_DAY_STEPS[w] for w in words if w in _DAY_STEPS), 0)
    if "eve" in words:  # "on the eve of the vote"
        step = -1
    if "days" in words or ("day" in words and words[-1] in _DAY_WAYS):
        counted = [w for w in words if w not in ("about", "some", "around")]
        count = _NUMBERS.get(counted[0], int(counted[0]) if counted[0].isdigit() else 1)
        step = count * _DAY_WAYS[words[-1]]
    shifted = (day + dt.timedelta(days=step)).isoformat()
    return shifted, shifted


def _step_from_event(match: re.Match[str], context: Context) -> Bounds:
    """ "the previous week" is the Monday-Sunday week before the event's; "the following
    month" the month after it; "the previous Friday" the last Friday before it."""
    sign = -1 if match.group("way").lower() == "previous" else 1
    unit = match.group("unit").lower()
    if unit == "month":
        anchor = context.anchor or (context.published.isoformat() if context.published else None)
        if anchor is None or len(anchor) < 7:
            return None, None
        index = int(anchor[:4]) * 12 + int(anchor[5:7]) - 1 + sign
        month = f"{index // 12:04d}-{index % 12 + 1:02d}"
        return month, month
    day = _event_day(context)
    if day is None:
        return None, None
    if unit in ("week", "weekend"):
        monday = day - dt.timedelta(days=day.weekday()) + dt.timedelta(weeks=sign)
        if unit == "weekend":  # "the previous weekend": that week's Saturday and Sunday
            return (monday + dt.timedelta(days=5)).isoformat(), (
                monday + dt.timedelta(days=6)
            ).isoformat()
        return monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat()
    gap = (_WEEKDAY_NAMES.index(unit) - day.weekday()) % 7 or 7  # days to the next one
    found = day + dt.timedelta(days=gap) if sign > 0 else day - dt.timedelta(days=7 - gap % 7)
    return found.isoformat(), found.isoformat()


def _event_day(context: Context) -> dt.date | None:
    """The day of the event told before, or the publication day when none was."""
    if context.anchor_day is not None:
        return dt.date.fromisoformat(context.anchor_day)
    return context.published


def _period_from_event(match: re.Match[str], anchor: str | None) -> Bounds:
    """ "a month later" after March 2016 is April 2016, at the anchor's precision."""
    if anchor is None:
        return None, None
    count_word = match.group(0).split()[0].lower()
    count = _NUMBERS.get(count_word, int(count_word) if count_word.isdigit() else 0)
    if count == 0:
        return None, None
    sign = 1 if match.group("way").lower() == "later" else -1
    unit = match.group("unit").lower().rstrip("s")
    if unit == "week":
        if len(anchor) != 10:
            return None, None
        day = dt.date.fromisoformat(anchor) + dt.timedelta(weeks=sign * count)
        return day.isoformat(), day.isoformat()
    if unit == "year":
        shifted = f"{int(anchor[:4]) + sign * count:04d}{anchor[4:7]}"
        return shifted, shifted
    if len(anchor) < 7:
        return None, None
    months = int(anchor[:4]) * 12 + int(anchor[5:7]) - 1 + sign * count
    shifted = f"{months // 12:04d}-{months % 12 + 1:02d}"
    return shifted, shifted


def _year_from_event(match: re.Match[str], anchor: str | None) -> Bounds:
    """ "the following year" after 1964 is 1965; "later that year" is 1964."""
    if anchor is None or not anchor[:4].isdigit():
        return None, None
    step = 1 if match.group("step") else 0
    year = str(int(anchor[:4]) + step)
    return year, year
