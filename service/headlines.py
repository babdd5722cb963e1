"""A title for an article sent without one: its first line, when that reads as a headline.

General rules only, no list of outlets or words: a headline is a short line (at most
MAX_HEADLINE_CHARS characters, at least two words, some letters) that does not end the way a
sentence or a clause does (a period, comma, colon or semicolon, also before a closing quote
or bracket; `?` and `!` are fine), is not a byline ("By ...") and has more text after it.
A line that is only a dateline is skipped; a line that starts with one is not a headline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from service.datelines import find_dateline

MAX_HEADLINE_CHARS = 200
MIN_HEADLINE_WORDS = 2
_CLAUSE_END = re.compile(r"[.,;:][\"'”’)\]]*$")
_BYLINE = re.compile(r"^By\s+\S")
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class Title:
    """An article's title and where it came from: `request` or `first_line`."""

    text: str | None
    source: str | None


def _reads_as_headline(line: str) -> bool:
    return (
        len(line) <= MAX_HEADLINE_CHARS
        and len(line.split()) >= MIN_HEADLINE_WORDS
        and bool(_LETTER.search(line))
        and not _CLAUSE_END.search(line)
        and not _BYLINE.match(line)
    )


def headline(text: str) -> str | None:
    """The text's first line when it reads as a headline (see the module docstring)."""
    lines = [line.strip() for line in text.splitlines()]
    filled = [index for index, line in enumerate(lines) if line]
    for place, index in enumerate(filled[:2]):
        line = lines[index]
        dateline = find_dateline(line)
        if dateline is not None and dateline.text == line and place == 0:
            continue  # a dateline alone on the first line: the headline may follow it
        has_more = place + 1 < len(filled)
        starts_with_dateline = dateline is not None and dateline.start == 0
        if has_more and not starts_with_dateline and _reads_as_headline(line):
            return line
        return None
    return None


def article_title(text: str, given: str | None) -> Title:
    """The given title if any (and not blank), else the first line when it reads as a
    headline, else none."""
    if given is not None and given.strip():
        return Title(given, "request")
    found = headline(text)
    return Title(found, "first_line" if found else None)
