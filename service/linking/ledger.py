"""Figure groups: figures about one measured thing, with their disagreements and updates.

Rules (documented in service/linking/README.md):
- values as intervals: exact v -> [v, v]; approximately v -> v ± `APPROX_TOLERANCE`;
  at_least v -> [v, inf); at_most v -> [0, v]; range -> [value, upper];
- a figure's time: the claim's [start, end] (partial dates cover their whole month or
  year); end only ("to date", "by December") -> the end itself, the moment the count holds;
  start only ("since August") -> start until publication; no time -> the publication date,
  except a forecast, whose time without a date is an unknown future;
- times overlap when the gap between them is at most `TIME_TOLERANCE_DAYS`; a figure whose
  time is unknown may overlap any other (the reason says so; a reviewer decides);
- different sources, overlapping times, intervals that do not meet -> disagreement; except
  within one article between its own voice and a source it quotes (one account);
- one source never disagrees with itself: its figures in time order (then publication), each
  later and different figure is an update of the one before; two figures of one article for
  one time are parts of one account (seats won, majority), never an update;
- negated figures and increments ("an additional 1,500", "2,000 more") are listed but never
  related.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations, pairwise
from typing import Literal

from service.linking.figures import Figure, figure_group_key

APPROX_TOLERANCE = 0.10  # "around 5,000" covers 4,500..5,500
TIME_TOLERANCE_DAYS = 7  # counts reported within a week describe the same moment

Interval = tuple[float, float]
Period = tuple[dt.date, dt.date]


@dataclass(frozen=True)
class FigureRelation:
    """How two figures of one group relate."""

    a: str  # figure ids; for an update, a is the earlier figure
    b: str
    kind: Literal["disagreement", "update"]
    reason: str


@dataclass(frozen=True)
class FigureGroup:
    """Figures about one measured thing in one unit."""

    key: str
    label: str
    unit: str
    figures: list[Figure]
    relations: list[FigureRelation] = field(default_factory=list)

    @property
    def disagreement(self) -> bool:
        """True when at least two of its figures cannot all be true."""
        return any(relation.kind == "disagreement" for relation in self.relations)


def value_interval(figure: Figure) -> Interval:
    """The values a figure allows."""
    value = figure.value
    match figure.approx:
        case "approximately":
            return (value * (1 - APPROX_TOLERANCE), value * (1 + APPROX_TOLERANCE))
        case "at_least":
            return (value, math.inf)
        case "at_most":
            return (0.0, value)
        case "range":
            return (value, figure.upper if figure.upper is not None else value)
    return (value, value)


def date_bounds(iso: str) -> Period:
    """The first and last day a partial ISO date covers ('2024-10' -> Oct 1..31)."""
    parts = [int(part) for part in iso.split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
    if len(parts) == 2:
        last = calendar.monthrange(parts[0], parts[1])[1]
        return dt.date(parts[0], parts[1], 1), dt.date(parts[0], parts[1], last)
    day = dt.date(parts[0], parts[1], parts[2])
    return day, day


def figure_period(figure: Figure) -> Period | None:
    """When a figure holds (see the module rules); None when unknown."""
    start = date_bounds(figure.time_start) if figure.time_start else None
    end = date_bounds(figure.time_end) if figure.time_end else None
    if start and end:
        return (min(start[0], end[0]), max(start[1], end[1]))
    if end:
        return end
    if start:
        if figure.published and figure.published > start[1]:
            return (start[0], figure.published)
        return start
    if figure.kind == "forecast" or figure.published is None:
        return None
    return (figure.published, figure.published)


def _is_forecast(figure: Figure) -> bool:
    return figure.kind == "forecast"


def times_overlap(a: Figure, b: Figure) -> tuple[bool, str]:
    """Whether two figures can be about the same time, and a phrase saying why."""
    period_a, period_b = figure_period(a), figure_period(b)
    if period_a is None or period_b is None:
        return True, "one time is unknown"
    gap = (max(period_a[0], period_b[0]) - min(period_a[1], period_b[1])).days
    if gap <= 0:
        return True, "their times overlap"
    return gap <= TIME_TOLERANCE_DAYS, f"their times are {gap} days apart"


def _when(figure: Figure) -> str:
    period = figure_period(figure)
    if period is None:
        return "undated forecast" if _is_forecast(figure) else "undated"
    if period[0] == period[1]:
        return period[0].isoformat()
    return f"{period[0].isoformat()}..{period[1].isoformat()}"


def _describe(figure: Figure) -> str:
    who = figure.source or figure.outlet or "the article itself"
    return f'{who}: "{figure.text}" {figure.unit} ({_when(figure)})'.replace("  ", " ")


def _later(a: Figure, b: Figure) -> tuple[Figure, Figure] | None:
    """(earlier, later) by time, then publication; None when neither is later.

    Two figures of one article at one time are parts of one account, never an update.
    """
    period_a, period_b = figure_period(a), figure_period(b)
    if period_a and period_b and period_a[1] != period_b[1]:
        return (a, b) if period_a[1] < period_b[1] else (b, a)
    if a.article_key == b.article_key:
        return None
    if a.published and b.published and a.published != b.published:
        return (a, b) if a.published < b.published else (b, a)
    return None


def _disjoint(a: Figure, b: Figure) -> bool:
    low_a, high_a = value_interval(a)
    low_b, high_b = value_interval(b)
    return high_a < low_b or high_b < low_a


def _related(figure: Figure) -> bool:
    return not (figure.negated or figure.increment)


def disagreement(a: Figure, b: Figure) -> FigureRelation | None:
    """A disagreement between figures of two sources, if they have one."""
    if not (_related(a) and _related(b)) or a.source_key == b.source_key:
        return None
    one_account = a.article_key == b.article_key and None in (a.source, b.source)
    overlap, time_note = times_overlap(a, b)
    if one_account or not overlap or not _disjoint(a, b):
        return None
    reason = f"values that cannot both be true, and {time_note}: {_describe(a)} vs {_describe(b)}"
    return FigureRelation(a.id, b.id, "disagreement", reason)


def updates(figures: Sequence[Figure]) -> list[FigureRelation]:
    """Each source's figures in time order: a later, different figure updates the one before."""
    by_source: dict[str | None, list[Figure]] = {}
    for figure in figures:
        if _related(figure):
            by_source.setdefault(figure.source_key, []).append(figure)
    found = []
    for series in by_source.values():
        series.sort(key=_series_key)
        for earlier, later in pairwise(series):
            if _later(earlier, later) != (earlier, later):
                continue
            if (earlier.value, earlier.upper, earlier.approx) == (
                later.value,
                later.upper,
                later.approx,
            ):
                continue
            reason = f"the same source updates {_describe(earlier)} to {_describe(later)}"
            found.append(FigureRelation(earlier.id, later.id, "update", reason))
    return found


def _series_key(figure: Figure) -> tuple[dt.date, dt.date, str]:
    period = figure_period(figure)
    return (
        period[1] if period else dt.date.min,
        figure.published or dt.date.min,
        figure.id,
    )


def _sort_key(figure: Figure) -> tuple[bool, dt.date, str, int]:
    return (
        figure.published is None,
        figure.published or dt.date.min,
        figure.claim_key,
        figure.quantity_index,
    )


def _most_common(values: Sequence[str]) -> str:
    counts = Counter(values)
    return min(counts, key=lambda value: (-counts[value], value)) if counts else ""


def group_figures(
    figures: Sequence[Figure], *, subject_entity: Mapping[str, str]
) -> list[FigureGroup]:
    """Group figures by measured thing and relate them; sorted, order-independent."""
    grouped: dict[str, list[Figure]] = {}
    for figure in figures:
        grouped.setdefault(figure_group_key(figure, subject_entity=subject_entity), []).append(
            figure
        )
    groups = []
    for key in sorted(grouped):
        members = sorted(grouped[key], key=_sort_key)
        relations = updates(members) + [
            found
            for a, b in combinations(sorted(members, key=lambda f: f.id), 2)
            if (found := disagreement(a, b)) is not None
        ]
        groups.append(
            FigureGroup(
                key=key,
                label=_most_common([figure.counts for figure in members]),
                unit=_most_common([figure.unit for figure in members]),
                figures=members,
                relations=sorted(relations, key=lambda r: (r.a, r.b)),
            )
        )
    return groups
