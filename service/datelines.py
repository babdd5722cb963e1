"""Find a publication date in a dateline at the top of an article's text."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_MONTH_ALTERNATION = "|".join(name for month in _MONTHS for name in (month, month[:3]))
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"

# Each pattern must match at the very start of one of the first lines.
_DATELINES = (
    # "date 2024-10-27 ..." or a bare "2024-10-27" line
    re.compile(r"^\s*(?:date:?\s+)?(?P<iso>\d{4}-\d{2}-\d{2})\b", re.IGNORECASE),
    # "Friday, January 4, 2019" / "January 4, 2019" alone on its line
    re.compile(
        rf"^\s*(?:{_WEEKDAY},?\s+)?(?P<month>{_MONTH_ALTERNATION})\.?\s+(?P<day>\d{{1,2}}),?"
        r"\s+(?P<year>\d{4})\s*$",
        re.IGNORECASE,
    ),
    # "4 January 2019" alone on its line
    re.compile(
        rf"^\s*(?:{_WEEKDAY},?\s+)?(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH_ALTERNATION})\.?"
        r"\s+(?P<year>\d{4})\s*$",
        re.IGNORECASE,
    ),
)
_LINES_SEARCHED = 4


@dataclass(frozen=True)
class Dateline:
    """A publication date found in the text, with the words it was read from."""

    date: dt.date
    text: str
    start: int


def _to_date(match: re.Match[str]) -> dt.date | None:
    groups = match.groupdict()
    try:
        if groups.get("iso"):
            return dt.date.fromisoformat(groups["iso"])
        month = _MONTHS.index(next(m for m in _MONTHS if m.startswith(groups["month"].lower())))
        return dt.date(int(groups["year"]), month + 1, int(groups["day"]))
    except ValueError:
        return None


def find_dateline(text: str) -> Dateline | None:
    """The dateline among the first non-empty lines of `text`, if one is there."""
    offset, seen = 0, 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            for pattern in _DATELINES:
                match = pattern.match(line)
                if match and (date := _to_date(match)):
                    words = match.group(0).strip()
                    return Dateline(date=date, text=words, start=offset + line.index(words))
            seen += 1
            if seen >= _LINES_SEARCHED:
                return None
        offset += len(line)
    return None


@dataclass(frozen=True)
class PublicationDate:
    """The publication date an article is read against, and where it came from."""

    date: dt.date | None
    source: str | None  # "request" | "dateline" | None
    text: str | None  # the dateline as written, when it came from one


def publication_date(text: str, given: dt.date | None) -> PublicationDate:
    """The given date if any, else a dateline at the top of the text, else unknown."""
    if given is not None:
        return PublicationDate(given, "request", None)
    dateline = find_dateline(text)
    if dateline is None:
        return PublicationDate(None, None, None)
    return PublicationDate(dateline.date, "dateline", dateline.text)
