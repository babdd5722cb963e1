"""The review page's view of a run's dropped claims."""

from __future__ import annotations

from service.models import ExtractionRun
from service.review.dropped import DroppedQuote, DroppedView, dropped_views

TEXT = "The bridge reopened on Monday, mayor Lena Berg said."


def run_with(dropped: list[dict[str, object]] | None) -> ExtractionRun:
    """An unsaved run carrying these dropped claims."""
    run = ExtractionRun(article_id=1, extractor="fake")
    run.dropped = dropped  # type: ignore[assignment]  # runs stored before 0005 hold NULL
    return run


def test_each_quote_is_marked_found_or_not_in_the_article():
    run = run_with(
        [
            {
                "statement": "Berg reopened it.",
                "evidence": ["mayor Lena Berg said", "Berg cut the ribbon"],
                "reason": "quote not found verbatim in the article: 'Berg cut the ribbon'",
            }
        ]
    )
    assert dropped_views(run, TEXT) == [
        DroppedView(
            statement="Berg reopened it.",
            quotes=(
                DroppedQuote("mayor Lena Berg said", found=True),
                DroppedQuote("Berg cut the ribbon", found=False),
            ),
            reason="quote not found verbatim in the article: 'Berg cut the ribbon'",
        )
    ]


def test_a_run_without_a_dropped_list_and_no_run_list_nothing():
    assert dropped_views(run_with(None), TEXT) == []
    assert dropped_views(None, TEXT) == []
