"""Lengths of time that give dates: a present perfect's "for 14 years" runs up to now, and
"for three decades until 2020" is counted back from its end."""

from __future__ import annotations

import re
from typing import cast

from spacy.tokens import Token

from schemas.claims import TimeRef
from service.extractors.offline.periods import LAST_PERIOD, Bounds, count_of, resolve_last_period
from service.extractors.offline.relative_time import Context
from service.extractors.offline.tokens import verbatim

# "has served for 14 years", "have been chasing him for three years": a present perfect's
# length of time, which runs up to now.
LASTING = re.compile(
    r"\b(?i:for\s+(?:(?:about|nearly|almost|more\s+than|over|some)\s+)?"
    r"(?P<count>\d+|[a-z]+)\s+(?P<unit>years|months|weeks|decades))\b"
    r"(?!\s+(?i:of|ago|before|after|later|earlier|until|till|to|from|since|in|between)\b)"
)
# "for three decades until 2020": a length of time closing at a year.
_LENGTH_BEFORE = re.compile(
    r"\b(?i:for\s+(?:(?:about|nearly|almost|more\s+than|over|some)\s+)?"
    r"(?P<count>\d+|[a-z]+)\s+(?P<unit>years|decades)\s+)$"
)


def lasting_to_now(match: re.Match[str], context: Context) -> Bounds:
    """The bounds of a present perfect's "for 14 years": that long up to publication."""
    count = count_of(match.group("count").lower())
    unit = match.group("unit").lower()
    if count is None or context.published is None:
        return None, None
    return resolve_last_period(
        cast(re.Match[str], LAST_PERIOD.match(f"over the past {count} {unit}")), context
    )


def length_before(before: str, end: str | None) -> str | None:
    """The start of "for three decades until 2020": the length counted back from its end."""
    match = _LENGTH_BEFORE.search(before)
    count = count_of(match.group("count").lower()) if match else None
    if match is None or count is None or end is None or len(end) != 4:
        return None
    years = count * (10 if match.group("unit").lower() == "decades" else 1)
    return str(int(end) - years)


def lasting_phrase(tokens: list[Token], context: Context) -> tuple[TimeRef, list[Token]] | None:
    """ "has served for 14 years": the years up to publication, with the tokens they cover."""
    doc, window, start = tokens[0].doc, verbatim(tokens), tokens[0].idx
    owned = {t.i for t in tokens}
    for match in LASTING.finditer(window):
        low, high = start + match.start(), start + match.end()
        covered = [t for t in doc[tokens[0].i : tokens[-1].i + 1] if low <= t.idx < high]
        if not covered or any(t.i not in owned for t in covered):
            continue
        bounds = lasting_to_now(match, context)
        if any(bounds):
            return TimeRef(text=match.group(0), start=bounds[0], end=bounds[1]), covered
    return None


def counted_back(
    reference: TimeRef, covered: list[Token], tokens: list[Token]
) -> tuple[TimeRef, list[Token]] | None:
    """ "for three decades until 2020": the end-only time widened to the length before it."""
    if reference.start is not None or covered[0].lower_ not in ("until", "till", "through"):
        return None
    doc, first = covered[0].doc, tokens[0].idx
    start = length_before(doc.text[first : covered[0].idx], reference.end)
    if start is None:
        return None
    opening = doc.text.rfind("for ", first, covered[0].idx)
    covered = [t for t in tokens if opening <= t.idx <= covered[-1].idx]
    text = doc.text[opening : covered[-1].idx + len(covered[-1].text)]
    return TimeRef(text=text, start=start, end=reference.end), covered
