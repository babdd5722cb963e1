"""Named periods longer than a day: quarters and halves, decades and centuries, fiscal and
season years, weekends and nights, resolved against publication."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from service.extractors.offline.numerals import SMALL_NUMBERS, TENS
from service.extractors.offline.relative_time import Bounds, Context

_YEAR = r"(?:1[89]\d\d|20\d\d)"
_PREP = r"(?:(?P<prep>in|during|since|by|until|before|after|through|from|over|for)\s+)?"
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}
_ORDINALS |= {"fourth": 4, "4th": 4}
_WEEKDAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

# "the first quarter of 2020", "Q3 2021", "the second half of 2024".
_QUARTER = re.compile(
    rf"\b{_PREP}(?:(?i:the\s+)?(?P<ordinal>(?i:first|second|third|fourth|1st|2nd|3rd|4th))(?:\s+|-(?=quarter))"
    rf"(?P<unit>quarter|half)(?:\s+of\s+(?:(?P<year>{_YEAR})|(?P<which>(?i:the|this|last|next))\s+year))?"
    r"(?!\s+of\s+[A-Z])"  # "the first half of March" is part of that month
    rf"|(?:the\s+)?Q(?P<q>[1-4])(?:\s+|[-/])?(?P<qyear>{_YEAR})?"
    rf"|(?:the\s+)?H(?P<h>[12])(?:\s+|[-/])?(?P<hyear>{_YEAR})?)\b"
)
# "the 1990s", "the mid-1990s", "the '90s", "the 1800s" (a century).
_DECADE = re.compile(
    rf"\b{_PREP}(?i:the\s+)?(?:(?i:early|mid|late)[\s-]+)?"
    r"(?:(?P<century>1[89]|20)(?P<tens>\d)0s|['’](?P<short>\d)0s)"
    r"(?:\s+(?i:and|to|through)\s+(?i:the\s+)?(?:(?P<century2>1[89]|20)(?P<tens2>\d)0s|['’]?(?P<short2>\d)0s))?"
    r"\b"
)
# "the 18th century"
_CENTURY = re.compile(
    rf"\b{_PREP}(?i:the\s+)?(?P<number>1\d|2[01])(?i:st|nd|rd|th)\s+(?i:century)\b"
)
# "the 2019–20 season", "fiscal 2022", "FY2023", "the 2022-23 financial year".
_SPLIT_YEAR = re.compile(
    rf"\b{_PREP}(?:(?i:the\s+)?(?P<first>{_YEAR})[–/-](?P<second>\d\d)(?=\s+[A-Za-z]|[.,;:)]|$)"
    rf"|(?i:fiscal(?:\s+year)?\s+)(?P<fiscal>{_YEAR})\b"
    r"|FY\s?(?P<fy>\d{4}|\d\d)\b)"
)
# "over the weekend": the weekend before a past report, the next one for a forecast.
# "by the weekend": only its end, like any "by D".
_WEEKEND = re.compile(r"\b(?i:(?:over|during|at|(?P<prep>by))\s+the\s+weekend)\b")
# "overnight" on its own: the night before publication ("overnight Tuesday" is Tuesday's);
# "were kept overnight" is a length of stay, which dates nothing.
_OVERNIGHT = re.compile(
    rf"(?<!\ban\s)(?<!\bthe\s)(?<!\bkept\s)"
    rf"\b(?i:overnight)\b(?!\s+(?:(?i:on|into|to)\s+)?{_WEEKDAYS})"
)

# "the first six months of 2024", "the last three months of the year".
_MONTHS_OF = re.compile(
    rf"\b{_PREP}(?i:the\s+)(?P<edge>(?i:first|last|final))\s+(?P<count>\d{{1,2}}|[A-Za-z]+)\s+"
    rf"(?i:months)\s+(?i:of)\s+(?:(?P<year>{_YEAR})|(?i:the|this)\s+year)\b"
)

# "in the six months to March 31", "the quarter ended March 31", "the year to September":
# a reporting period that ends with the month named.
_MONTH_NAMES = {
    name.lower(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
} | {"sept": 9}
_PERIOD_TO = re.compile(
    rf"\b{_PREP}(?i:the\s+)(?:(?P<count>\d{{1,2}}|[A-Za-z]+)\s+(?i:months)|(?P<span>(?i:quarter|half|year)))"
    rf"\s+(?i:to|ended|ending|through)\s+(?P<month>{'|'.join(calendar.month_name[1:])}|"
    rf"(?:Sept|{'|'.join(calendar.month_abbr[1:])})\.?)(?:\s+\d{{1,2}})?(?:,?\s+(?P<year>{_YEAR}))?\b"
)
_SPAN_MONTHS = {"quarter": 3, "half": 6, "year": 12}

_PATTERNS = (
    _QUARTER,
    _DECADE,
    _CENTURY,
    _SPLIT_YEAR,
    _WEEKEND,
    _OVERNIGHT,
    _MONTHS_OF,
    _PERIOD_TO,
)


def period_candidates(text: str) -> list[re.Match[str]]:
    """The named periods in the text."""
    return [match for pattern in _PATTERNS for match in pattern.finditer(text)]


def is_period(match: re.Match[str]) -> bool:
    """True for a match made by `period_candidates`."""
    return match.re in _PATTERNS


def is_weak(match: re.Match[str]) -> bool:
    """True for "overnight", which yields to any dated phrase beside it ("early Tuesday")."""
    return match.re is _OVERNIGHT


def resolve_period(match: re.Match[str], context: Context) -> Bounds:
    """The ISO bounds of a named period, before its preposition is applied."""
    if match.re is _DECADE:
        return _decade(match, context)
    if match.re is _SPLIT_YEAR:
        return _split_year(match)
    if match.re is _CENTURY:  # "misplaced in the 21st century" is no date: only past events
        if not context.past:
            return None, None
        first = (int(match.group("number")) - 1) * 100
        return str(first), str(first + 99)
    if context.published is None:
        return None, None
    if match.re is _QUARTER:
        return _quarter(match, context)
    if match.re is _MONTHS_OF:
        return _months_of(match, context)
    if match.re is _PERIOD_TO:
        return _period_to(match, context.published)
    if match.re is _WEEKEND:
        return _weekend(context.published, context.forward)
    night = context.published + dt.timedelta(days=0 if context.forward else -1)
    return night.isoformat(), night.isoformat()  # the day the night begins, as "last night"


def _period_to(match: re.Match[str], published: dt.date) -> Bounds:
    """ "the six months to March 31": the months ending with the one named, the latest on or
    before publication unless a year is given."""
    span = match.group("span")
    count = _SPAN_MONTHS[span.lower()] if span else count_of(match.group("count").lower())
    month = _MONTH_NAMES.get(match.group("month").rstrip(".").lower())
    if count is None or month is None or not 1 <= count <= 24:
        return None, None
    year = int(match.group("year")) if match.group("year") else published.year
    if not match.group("year") and month > published.month:
        year -= 1
    first = year * 12 + month - count  # months counted from year 0, the first one included
    return _month_iso(first // 12, first % 12 + 1), _month_iso(year, month)


def _months_of(match: re.Match[str], context: Context) -> Bounds:
    """The first or last N months of a year, as a range of months."""
    assert context.published is not None
    count_text = match.group("count").lower()
    count = int(count_text) if count_text.isdigit() else SMALL_NUMBERS.get(count_text, 0)
    if not 0 < count < 12:
        return None, None
    first = 1 if match.group("edge").lower() == "first" else 13 - count
    year = int(match.group("year")) if match.group("year") else context.published.year
    if not match.group("year") and context.past and first + count - 1 > context.published.month:
        year -= 1
    return f"{year:04d}-{first:02d}", f"{year:04d}-{first + count - 1:02d}"


def _decade(match: re.Match[str], context: Context) -> Bounds:
    """A decade, or two joined ("the 1960s and '70s" gives 1960..1979)."""
    start, end = _one_decade(
        match.group("century"), match.group("tens"), match.group("short"), context
    )
    if match.group("century2") or match.group("short2"):
        later = _one_decade(
            match.group("century2"), match.group("tens2"), match.group("short2"), context
        )[1]
        if start and later and later > start:
            return start, later
    return start, end


def _one_decade(
    century_text: str | None, tens_text: str | None, short: str | None, context: Context
) -> Bounds:
    if short:
        tens = int(short) * 10
        recent = context.published.year % 100 if context.published else 30
        first = (1900 if tens > recent else 2000) + tens
        return str(first), str(first + 9)
    assert century_text is not None and tens_text is not None  # the pattern sets both
    century, tens = int(century_text), int(tens_text)
    if tens == 0 and century < 20:  # "the 1800s": the century
        return f"{century}00", f"{century}99"
    first = century * 100 + tens * 10
    return str(first), str(first + 9)


def _split_year(match: re.Match[str]) -> Bounds:
    if match.group("fiscal"):
        return match.group("fiscal"), match.group("fiscal")
    if match.group("fy"):
        digits = match.group("fy")
        year = digits if len(digits) == 4 else "20" + digits
        return year, year
    first = match.group("first")
    second = first[:2] + match.group("second")
    return (first, second) if second > first else (first, first)


def _quarter(match: re.Match[str], context: Context) -> Bounds:
    assert context.published is not None
    if match.group("q"):
        size, index, year_text = 3, int(match.group("q")), match.group("qyear")
    elif match.group("h"):
        size, index, year_text = 6, int(match.group("h")), match.group("hyear")
    else:
        size = 3 if match.group("unit").lower() == "quarter" else 6
        index, year_text = _ORDINALS[match.group("ordinal").lower()], match.group("year")
        which_year = match.groupdict().get("which")
        if size == 6 and not (year_text or which_year) and _in_a_match(match.string):
            return None, None  # "scored in the second half": a match's half, not the year's
    if size == 6 and index > 2:
        return None, None
    first_month = (index - 1) * size + 1
    year = int(year_text) if year_text else context.published.year
    which = (match.groupdict().get("which") or "").lower()
    month = context.published.month
    if which in ("last", "next"):  # "the second quarter of last year"
        year += 1 if which == "next" else -1
    elif not year_text and context.past and first_month > month:
        year -= 1
    elif not (year_text or which) and context.forward and first_month + size - 1 < month:
        # "will reopen in the first quarter", said in November: next year's; "will publish
        # figures for the first quarter" is the quarter just gone
        covered = (match.groupdict().get("prep") or "").lower() in ("", "in", "by", "during")
        year += 1 if covered else 0
    return f"{year:04d}-{first_month:02d}", f"{year:04d}-{first_month + size - 1:02d}"


# Words of a match, whose halves and quarters are no halves of the year.
_MATCH_WORDS = re.compile(
    r"\b(?i:scored?|scoring|goals?|match|game|half-time|halftime|minute|kick-?off|penalty|"
    r"equali[sz]ed?|innings|touchdowns?|marathon|laps?|ran the (?:first|second) half)\b"
    r"|\bin \d:\d\d:\d\d"
)


def _in_a_match(text: str) -> bool:
    """True when the text around a "second half" is about a match."""
    return _MATCH_WORDS.search(text) is not None


def _weekend(published: dt.date, forward: bool) -> Bounds:
    if forward:
        saturday = published + dt.timedelta(days=(5 - published.weekday()) % 7)
        if published.weekday() == 6:
            saturday = published - dt.timedelta(days=1)
    else:
        saturday = published - dt.timedelta(days=(published.weekday() - 5) % 7)
    return saturday.isoformat(), (saturday + dt.timedelta(days=1)).isoformat()


_NUMBER_WORDS = SMALL_NUMBERS | TENS  # "over the past fourteen days", "thirty years"
# "over the last four years", "in the past week": a period ending at publication; "over the
# next 18 months", "within the coming week": one starting there.
LAST_PERIOD = re.compile(
    r"\b(?i:(?P<prep>over|in|during|for|within)\s+the\s+"
    r"(?P<way>last|past|previous|preceding|next|coming)\s+)"
    r"(?:(?P<count>\d+|[a-z]+)\s+)?"
    r"(?P<unit>(?i:years?|months?|weeks?|days?|nights|hours|decades?))\b(?!\s+of\b)"
    # counted, it needs no preposition: "spent the past two nights", "The next ten days will"
    r"|\b(?i:the\s+(?P<bare_way>past|last|next|coming)\s+)(?P<bare_count>\d+|[a-z]+)\s+"
    r"(?P<bare_unit>(?i:years|months|weeks|days|nights|hours|decades))\b(?!\s+of\b)"
)


def resolve_last_period(match: re.Match[str], context: Context) -> Bounds:
    """The bounds of "over the last four years" (ending at publication) or "over the next
    18 months" (starting there)."""
    bare = match.group("bare_way") is not None
    count_text = (match.group("bare_count" if bare else "count") or "one").lower()
    count = count_of(count_text)
    unit = match.group("bare_unit" if bare else "unit").lower()
    way = match.group("bare_way" if bare else "way").lower()
    if context.published is None or count is None or (unit.endswith("s") != (count != 1)):
        return None, None
    unit = unit.removesuffix("s") + "s"  # "the past week" counts as "the past one weeks"
    unit = "days" if unit == "nights" else unit  # "the past two nights"
    published = context.published
    if unit.startswith("decade"):
        count, unit = count * 10, "years"
    if bare and way in ("next", "coming") and context.past:
        return None, None  # "Convicted in 1990, she spent the next two years in prison"
    if way in ("next", "coming"):
        if count_text == "one" and unit in ("years", "months"):
            end = _next_period(published, 1, unit)[1]  # "over the next year": 2024
            return end, end
        start, end = _next_period(published, count, unit)
        # "within the next two weeks" bounds only the end, like "within two weeks"
        return (None if (match.group("prep") or "").lower() == "within" else start), end
    if unit in ("weeks", "days", "hours"):
        days = {"weeks": 7 * count, "days": count, "hours": -(-count // 24)}[unit]
        return (published - dt.timedelta(days=days)).isoformat(), published.isoformat()
    if unit == "years":
        return str(published.year - count), str(published.year)
    index = published.year * 12 + published.month - 1 - count
    return _month_iso(index // 12, index % 12 + 1), _month_iso(published.year, published.month)


# "within two weeks", "within a month": a length of time with no date of its own.
WITHIN_SPAN = re.compile(
    r"\b(?i:within\s+)(?P<count>\d+|an?|[a-z]+)\s+(?P<unit>(?i:years?|months?|weeks?|days?|hours))\b"
)


def count_of(text: str) -> int | None:
    """A count written in digits or words ("14", "three"), or None."""
    return int(text) if text.isdigit() else _NUMBER_WORDS.get(text)


def _next_period(published: dt.date, count: int, unit: str) -> Bounds:
    """ "over the next 18 months" from publication, at the precision of its unit."""
    if unit in ("weeks", "days", "hours"):
        days = {"weeks": 7 * count, "days": count, "hours": -(-count // 24)}[unit]
        return published.isoformat(), (published + dt.timedelta(days=days)).isoformat()
    if unit == "years":
        return str(published.year), str(published.year + count)
    index = published.year * 12 + published.month - 1 + count
    return _month_iso(published.year, published.month), _month_iso(index // 12, index % 12 + 1)


def _month_iso(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"
