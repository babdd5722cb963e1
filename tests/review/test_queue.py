"""The review queue: most urgent first, filtered by progress and extractor."""

from __future__ import annotations

from service.models import ExtractionRun, RunStatus
from service.review.queue import QueueItem
from service.review.store import Counts


def item(
    article_id: int,
    *,
    total: int = 4,
    unreviewed: int = 4,
    low: int = 0,
    failed: bool = False,
    extractor: str = "offline",
) -> QueueItem:
    run = ExtractionRun(id=article_id, article_id=article_id, extractor=extractor,
                        status=RunStatus.succeeded)  # fmt: skip
    latest = ExtractionRun(id=100 + article_id, article_id=article_id, extractor=extractor,
                           status=RunStatus.failed) if failed else run  # fmt: skip
    counts = Counts(total=total, unreviewed=unreviewed, accepted=total - unreviewed,
                    low_confidence=low)  # fmt: skip
    return QueueItem(article_id, None, None, None, run, latest, counts)


def ordered(*items: QueueItem) -> list[int]:
    return [i.article_id for i in sorted(items, key=QueueItem.urgency)]


def test_progress_status_follows_how_many_claims_have_a_decision():
    assert item(1).status == "new"
    assert item(1, unreviewed=2).status == "in_progress"
    assert item(1, unreviewed=0).status == "done"
    assert item(1, total=0, unreviewed=0).status == "new"


def test_done_articles_come_last_and_failed_runs_first():
    assert ordered(item(1, unreviewed=0), item(2), item(3, failed=True)) == [3, 2, 1]


def test_low_confidence_then_unreviewed_claims_then_newer_articles_come_first():
    assert ordered(item(1, unreviewed=1), item(2, unreviewed=3), item(3, low=1)) == [3, 2, 1]
    assert ordered(item(1), item(2)) == [2, 1]


def test_filters_combine_status_and_extractor():
    assert item(1, failed=True).matches(status="failed", extractor=None)
    assert not item(1).matches(status="failed", extractor=None)
    assert item(1, unreviewed=0).matches(status="done", extractor="offline")
    assert not item(1, unreviewed=0).matches(status="done", extractor="llm")
    assert not item(1).matches(status="in_progress", extractor=None)
