"""The review queue: every article with its run under review, progress and flags."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session, col, select

from schemas.review import QueueStatus
from service.models import Article, ExtractionRun, RunStatus
from service.review.store import Counts, runs_claims

QUEUE_STATUSES = ("new", "in_progress", "done", "failed")


@dataclass(frozen=True)
class QueueItem:
    """One article in the queue."""

    article_id: int
    title: str | None
    outlet: str | None
    published: dt.date | None
    run: ExtractionRun | None  # under review: the current run, else the latest
    latest_run: ExtractionRun | None
    counts: Counts

    @property
    def failed_run(self) -> bool:
        """The latest run failed (the article may have nothing to review)."""
        return self.latest_run is not None and self.latest_run.status == RunStatus.failed

    @property
    def status(self) -> QueueStatus:
        """new, in_progress or done, by how many claims have a decision."""
        if self.counts.reviewed == 0:
            return "new"
        return "done" if self.counts.unreviewed == 0 else "in_progress"

    def urgency(self) -> tuple[bool, bool, int, int, int]:
        """Sort key, most urgent first: unfinished before done; failed runs first; then
        more unreviewed low-confidence claims, more unreviewed claims, newer articles."""
        return (
            self.status == "done",
            not self.failed_run,
            -self.counts.low_confidence,
            -self.counts.unreviewed,
            -self.article_id,
        )

    def matches(self, *, status: str | None, extractor: str | None) -> bool:
        """Whether the item passes the queue's filters (None: no filter)."""
        if status == "failed" and not self.failed_run:
            return False
        if status not in (None, "failed") and self.status != status:
            return False
        return extractor is None or (self.run is not None and self.run.extractor == extractor)


def _runs_by_article(*, session: Session) -> dict[int, list[ExtractionRun]]:
    runs: dict[int, list[ExtractionRun]] = {}
    for run in session.exec(select(ExtractionRun).order_by(col(ExtractionRun.id).desc())).all():
        runs.setdefault(run.article_id, []).append(run)
    return runs


def review_queue(
    *, session: Session, status: str | None = None, extractor: str | None = None
) -> tuple[list[QueueItem], list[str]]:
    """Queue items passing the filters, most urgent first, and every extractor seen."""
    articles = session.exec(
        select(col(Article.id), col(Article.title), col(Article.outlet), col(Article.published))
    ).all()
    runs = _runs_by_article(session=session)
    chosen: dict[int, ExtractionRun | None] = {}
    for owner, article_runs in runs.items():
        succeeded = [run for run in article_runs if run.status == RunStatus.succeeded]
        chosen[owner] = (succeeded or article_runs)[0]
    run_ids = [run.id for run in chosen.values() if run is not None and run.id is not None]
    claims = runs_claims(session=session, run_ids=run_ids)
    items = []
    for article_id, title, outlet, published in articles:
        assert article_id is not None
        run = chosen.get(article_id)
        run_claims = claims.get(run.id, []) if run is not None and run.id is not None else []
        items.append(
            QueueItem(
                article_id=article_id,
                title=title,
                outlet=outlet,
                published=published,
                run=run,
                latest_run=runs.get(article_id, [None])[0],
                counts=Counts.of(run_claims),
            )
        )
    extractors = sorted({item.run.extractor for item in items if item.run is not None})
    kept = [item for item in items if item.matches(status=status, extractor=extractor)]
    return sorted(kept, key=QueueItem.urgency), extractors


def next_to_review(*, session: Session, after: int) -> int | None:
    """The most urgent article other than `after` that still has unreviewed claims."""
    items, _ = review_queue(session=session)
    waiting = (item for item in items if item.article_id != after and item.counts.unreviewed)
    return next((item.article_id for item in waiting), None)
