"""Article text as HTML with every claim's evidence highlighted, overlaps kept readable.

The text is cut at every span boundary; each piece carries all the claims whose spans cover
it, so overlapping evidence becomes stacked underlines (one per claim, coloured by kind)
over a background that darkens with the number of claims.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from markupsafe import Markup, escape

# Background strength by how many claims cover a piece (more claims: darker).
_TINT_BY_DEPTH = (0, 22, 34, 44)
_UNDERLINE_PX = 3


@dataclass(frozen=True)
class Mark:
    """One evidence span of one claim."""

    start: int
    end: int
    claim_id: int
    kind: str


@dataclass(frozen=True)
class Segment:
    """A stretch of text covered by the same set of marks."""

    start: int
    end: int
    marks: tuple[Mark, ...]


def segments(text_length: int, marks: Iterable[Mark]) -> list[Segment]:
    """Cut [0, text_length) at every mark boundary; each piece lists the claims covering it
    (one mark per claim, in the order given)."""
    kept = [m for m in marks if 0 <= m.start < m.end <= text_length]
    cuts = sorted({0, text_length, *(m.start for m in kept), *(m.end for m in kept)})
    pieces = []
    for start, end in pairwise(cuts):
        covering = {m.claim_id: m for m in kept if m.start <= start and end <= m.end}
        pieces.append(Segment(start, end, tuple(covering.values())))
    return pieces


def _escape_text(text: str) -> str:
    # A literal CR would be folded into the following LF by the HTML parser, shifting every
    # later offset in the page; a character reference survives parsing.
    return str(escape(text)).replace("\r", "&#13;")


def _style(marks: Sequence[Mark]) -> str:
    kinds = [mark.kind for mark in marks]
    underlines = ", ".join(
        f"0 {_UNDERLINE_PX * (depth + 1)}px 0 0 var(--kind-{kind})"
        for depth, kind in enumerate(kinds)
    )
    tint = _TINT_BY_DEPTH[min(len(kinds), len(_TINT_BY_DEPTH) - 1)]
    return (
        f"box-shadow: {underlines}; "
        f"background: color-mix(in srgb, var(--kind-{kinds[0]}) {tint}%, transparent)"
    )


def highlighted_html(text: str, marks: Iterable[Mark]) -> Markup:
    """The text as escaped HTML, each covered piece a <mark> naming its claims and offsets."""
    html = []
    for piece in segments(len(text), marks):
        chunk = _escape_text(text[piece.start : piece.end])
        if not piece.marks:
            html.append(chunk)
            continue
        claims = " ".join(str(mark.claim_id) for mark in piece.marks)
        kinds = " ".join(sorted({f"kind-{mark.kind}" for mark in piece.marks}))
        html.append(
            f'<mark class="hl {kinds}" data-claims="{claims}" data-start="{piece.start}" '
            f'data-end="{piece.end}" style="{_style(piece.marks)}">{chunk}</mark>'
        )
    return Markup("".join(html))
