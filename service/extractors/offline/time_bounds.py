"""Words around a day that make it a bound: "the eve of Sunday's vote", "the week ending
Sunday", "the 24 hours to Monday morning", "on Thursday at the earliest"."""

from __future__ import annotations

import re

from service.extractors.offline.numerals import SMALL_NUMBERS
from service.extractors.offline.relative_time import Bounds

# A clock time ("9 a.m.", "10:30 pm").
CLOCK = r"\d{1,2}(?::\d{2})?\s*(?i:a\.m\.|p\.m\.|am|pm)"


def bounding_prefix(match: re.Match[str], text: str) -> re.Match[str] | None:
    """The words before a day that make it a bound of another time ("the eve of", "the week
    ending", or "the week" before "to Sunday"), or None."""
    prefix = _DAY_PREFIX.search(text[: match.start()])
    to = (match.groupdict().get("prep") or "").lower() == "to"
    if prefix is None or not (prefix.group("eve") or prefix.group("to") or to):
        return None
    return prefix


# Words right before a day that make it a bound of another time: "the eve of Sunday's
# vote" (the day before), "the week ending Sunday" (the seven days up to it), "the 24 hours
# to Monday morning", "the 72 hours to 8 a.m. Tuesday" (from the days before).
_DAY_PREFIX = re.compile(
    r"\b(?i:the\s+(?:(?P<eve>eve\s+of)|(?:week|(?P<count>\d{1,3}|[a-z]+)\s+(?P<unit>days|hours))"
    rf"(?P<to>\s+(?:ending|to))?)(?:\s+{CLOCK})?)\s+$"
)


def days_back(prefix: re.Match[str]) -> int:
    """How many days before the day named a "the week/N days/N hours to" period starts."""
    count_text = (prefix.group("count") or "").lower()
    count = int(count_text) if count_text.isdigit() else SMALL_NUMBERS.get(count_text)
    if not count_text:
        return 6  # "the week ending Sunday": the seven days up to it
    if not count:
        return 0  # "the final hours to Monday": no count, the day itself
    if prefix.group("unit").lower() == "hours":
        return -(-count // 24)  # "the 24 hours to Monday morning" began on Sunday
    return count - 1


def open_bound(match: re.Match[str], start: str | None, end: str | None) -> Bounds:
    """ "on Thursday at the earliest" gives only a start, "by Friday at the latest" (already
    an end) or "on Friday at the latest" only an end; other days keep both bounds."""
    found = _OPEN_BOUND.match(match.string, match.end())
    if found is None:  # not "on Sunday at the latest possible date"
        return start, end
    return (start, None) if found.group("edge") == "earliest" else (None, end)


# "at the earliest" / "at the latest" closing the phrase (punctuation, "and"/"or" or the end).
_OPEN_BOUND = re.compile(
    r"\s+at\s+the\s+(?P<edge>earliest|latest)(?=\s*(?:[.,;:)\"”]|and\b|or\b|$))"
)
