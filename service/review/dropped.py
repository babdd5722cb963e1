"""A run's dropped claims as the review page lists them, each quote marked found or not."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from service.grounding import Grounder, QuoteNotFound
from service.models import ExtractionRun


@dataclass(frozen=True)
class DroppedQuote:
    """One quote a dropped claim cited, and whether it occurs in the article at all."""

    text: str
    found: bool


@dataclass(frozen=True)
class DroppedView:
    """A dropped claim on the review page: its statement, quotes and why it was dropped."""

    statement: str
    quotes: tuple[DroppedQuote, ...]
    reason: str


def dropped_views(run: ExtractionRun | None, article_text: str) -> list[DroppedView]:
    """The run's dropped claims, each quote checked against the article text."""
    stored: list[dict[str, Any]] = (run.dropped or []) if run is not None else []
    if not stored:
        return []
    grounder = Grounder(article_text)
    return [
        DroppedView(
            statement=str(item.get("statement", "")),
            quotes=tuple(_quote(grounder, str(q)) for q in item.get("evidence") or []),
            reason=str(item.get("reason", "")),
        )
        for item in stored
    ]


def _quote(grounder: Grounder, quote: str) -> DroppedQuote:
    """A quote and whether the lenient match finds it anywhere in the article."""
    try:
        grounder.locate(quote)
    except QuoteNotFound:
        return DroppedQuote(quote, found=False)
    return DroppedQuote(quote, found=True)
