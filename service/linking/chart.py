"""A figure group's timeline as server-side SVG: x the figure's time, y its value.

Each figure is a dot (a bar for a range; an arrow for "at least"/"at most"), one colour per
source, and both figures of a disagreement get a red ring and a dashed red line between
them. Built with ElementTree, so every label is escaped.
"""

# ElementTree types attribute keywords as one dict, not **kwargs of str: mypy misreads them.
# mypy: disable-error-code="arg-type"

from __future__ import annotations

import datetime as dt
import math
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass

from service.linking import Figure, FigureRelation

WIDTH, HEIGHT = 720, 320
LEFT, RIGHT, TOP, BOTTOM = 70, 20, 20, 50
# Colour-blind-safe palette (Okabe-Ito), one colour per source in order of appearance.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
CONFLICT = "#C00000"


def _parse_partial(value: str | None, *, end: bool) -> dt.date | None:
    """An ISO partial date ("2024", "2024-10", "2024-10-23") as its first or last day."""
    if not value:
        return None
    parts = [int(part) for part in value.split("-")]
    year = parts[0]
    month = parts[1] if len(parts) > 1 else (12 if end else 1)
    if len(parts) > 2:
        return dt.date(year, month, parts[2])
    if not end:
        return dt.date(year, month, 1)
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def figure_date(figure: Figure) -> dt.date | None:
    """Where a figure sits on the time axis: its own time, else the publication date."""
    start = _parse_partial(figure.time_start, end=False)
    end = _parse_partial(figure.time_end, end=True)
    if start and end:
        return start + (end - start) / 2
    return end or start or figure.published


def source_colours(figures: Sequence[Figure]) -> dict[str, str]:
    """Source label -> colour, in order of first appearance."""
    colours: dict[str, str] = {}
    for figure in figures:
        label = source_label(figure)
        if label not in colours:
            colours[label] = PALETTE[len(colours) % len(PALETTE)]
    return colours


def source_label(figure: Figure) -> str:
    """The source as the legend and table show it."""
    name = figure.source or "article (no source)"
    return f"{name} via {figure.via}" if figure.via else name


@dataclass(frozen=True)
class _Scale:
    lo: float
    hi: float
    first: dt.date
    last: dt.date

    def x(self, day: dt.date) -> float:
        span = max((self.last - self.first).days, 1)
        return LEFT + (day - self.first).days / span * (WIDTH - LEFT - RIGHT)

    def y(self, value: float) -> float:
        span = (self.hi - self.lo) or 1.0
        return HEIGHT - BOTTOM - (value - self.lo) / span * (HEIGHT - TOP - BOTTOM)


def _scale(figures: Sequence[Figure], days: Sequence[dt.date]) -> _Scale:
    values = [f.value for f in figures] + [f.upper for f in figures if f.upper is not None]
    hi = max(values) * 1.15 if values else 1.0
    first, last = min(days), max(days)
    if first == last:
        first, last = first - dt.timedelta(days=15), last + dt.timedelta(days=15)
    pad = dt.timedelta(days=max((last - first).days // 12, 1))
    return _Scale(lo=0.0, hi=hi or 1.0, first=first - pad, last=last + pad)


def _axes(svg: ET.Element, scale: _Scale) -> None:
    grey = {"stroke": "#888", "stroke-width": "1"}
    bottom = HEIGHT - BOTTOM
    ET.SubElement(
        svg, "line", x1=str(LEFT), y1=str(bottom), x2=str(WIDTH - RIGHT), y2=str(bottom), **grey
    )
    ET.SubElement(svg, "line", x1=str(LEFT), y1=str(TOP), x2=str(LEFT), y2=str(bottom), **grey)
    step = _nice_step(scale.hi)
    tick = 0.0
    while tick <= scale.hi:
        y = scale.y(tick)
        ET.SubElement(
            svg,
            "line",
            x1=str(LEFT - 4),
            y1=f"{y:.1f}",
            x2=str(WIDTH - RIGHT),
            y2=f"{y:.1f}",
            stroke="#eee",
        )
        label = ET.SubElement(
            svg,
            "text",
            x=str(LEFT - 8),
            y=f"{y + 4:.1f}",
            **{"text-anchor": "end", "font-size": "11"},
        )
        label.text = f"{tick:,.0f}"
        tick += step
    for day in (scale.first, scale.first + (scale.last - scale.first) / 2, scale.last):
        label = ET.SubElement(
            svg,
            "text",
            x=f"{scale.x(day):.1f}",
            y=str(bottom + 18),
            **{"text-anchor": "middle", "font-size": "11"},
        )
        label.text = day.isoformat()


def _nice_step(top: float) -> float:
    raw = top / 5 or 1.0
    magnitude = 10 ** math.floor(math.log10(raw))
    return next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)


def timeline_svg(figures: Sequence[Figure], relations: Sequence[FigureRelation]) -> str:
    """The group's chart as an SVG document string (empty chart when nothing is dated)."""
    dated = [(figure, figure_date(figure)) for figure in figures]
    placed = [(figure, day) for figure, day in dated if day is not None]
    svg = ET.Element(
        "svg",
        xmlns="http://www.w3.org/2000/svg",
        viewBox=f"0 0 {WIDTH} {HEIGHT}",
        role="img",
        **{"aria-label": "figures over time", "class": "timeline"},
    )
    if not placed:
        note = ET.SubElement(
            svg, "text", x=str(WIDTH / 2), y=str(HEIGHT / 2), **{"text-anchor": "middle"}
        )
        note.text = "no figure of this group has a date"
        return ET.tostring(svg, encoding="unicode")
    scale = _scale([figure for figure, _ in placed], [day for _, day in placed])
    _axes(svg, scale)
    colours = source_colours(figures)
    points = {figure.id: (scale.x(day), scale.y(figure.value)) for figure, day in placed}
    for relation in relations:
        if relation.kind == "disagreement" and relation.a in points and relation.b in points:
            (x1, y1), (x2, y2) = points[relation.a], points[relation.b]
            ET.SubElement(
                svg,
                "line",
                x1=f"{x1:.1f}",
                y1=f"{y1:.1f}",
                x2=f"{x2:.1f}",
                y2=f"{y2:.1f}",
                stroke=CONFLICT,
                **{"stroke-dasharray": "4 3", "class": "conflict"},
            )
    conflicting = {rel.a for rel in relations if rel.kind == "disagreement"} | {
        rel.b for rel in relations if rel.kind == "disagreement"
    }
    for figure, day in placed:
        _draw_figure(
            svg,
            figure,
            scale.x(day),
            scale,
            colours[source_label(figure)],
            figure.id in conflicting,
        )
    return ET.tostring(svg, encoding="unicode")


def _arrow_head(x: float, tip: float, direction: int) -> str:
    base = tip - direction * 6
    return f"{x - 4:.1f},{base:.1f} {x + 4:.1f},{base:.1f} {x:.1f},{tip:.1f}"


def _draw_figure(
    svg: ET.Element, figure: Figure, x: float, scale: _Scale, colour: str, conflict: bool
) -> None:
    group = ET.SubElement(svg, "g", **{"class": "figure", "data-figure": figure.id})
    title = ET.SubElement(group, "title")
    title.text = f"{figure.text} {figure.unit} ({source_label(figure)})".strip()
    y = scale.y(figure.value)
    if figure.upper is not None:
        top = scale.y(figure.upper)
        ET.SubElement(
            group,
            "line",
            x1=f"{x:.1f}",
            y1=f"{y:.1f}",
            x2=f"{x:.1f}",
            y2=f"{top:.1f}",
            stroke=colour,
            **{"stroke-width": "3", "class": "range"},
        )
    elif figure.approx in ("at_least", "at_most"):
        direction = -1 if figure.approx == "at_least" else 1
        end = y + direction * 22
        ET.SubElement(
            group,
            "line",
            x1=f"{x:.1f}",
            y1=f"{y:.1f}",
            x2=f"{x:.1f}",
            y2=f"{end:.1f}",
            stroke=colour,
            **{"stroke-width": "2", "class": "bound"},
        )
        ET.SubElement(
            group,
            "polygon",
            points=_arrow_head(x, end, direction),
            fill=colour,
        )
    if conflict:
        ET.SubElement(
            group,
            "circle",
            cx=f"{x:.1f}",
            cy=f"{y:.1f}",
            r="9",
            fill="none",
            stroke=CONFLICT,
            **{"stroke-width": "2", "class": "conflict-ring"},
        )
    ET.SubElement(
        group, "circle", cx=f"{x:.1f}", cy=f"{y:.1f}", r="5", fill=colour, **{"class": "point"}
    )
