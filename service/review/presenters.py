"""Turn review state into the review API's response models."""

from __future__ import annotations

from sqlmodel import Session

from schemas.claims import Claim
from schemas.review import (
    ArticleReviewPublic,
    ClaimReviewPublic,
    GoldStatusPublic,
    QueueItemPublic,
    ReviewCounts,
    ReviewedClaimPublic,
    ReviewEventPublic,
)
from service import repository
from service.api.presenters import run_public
from service.models import Article, ClaimReview
from service.review.queue import QueueItem
from service.review.state import ReviewAction
from service.review.store import Counts, ReviewedClaim, gold_run, review_run, run_claims


def page_url(article_id: int) -> str:
    """The review page of an article."""
    return f"/review/articles/{article_id}"


def counts_public(counts: Counts) -> ReviewCounts:
    """Claim counts as the API shows them."""
    return ReviewCounts(
        total=counts.total,
        reviewed=counts.reviewed,
        unreviewed=counts.unreviewed,
        accepted=counts.accepted,
        edited=counts.edited,
        rejected=counts.rejected,
        added=counts.added,
        low_confidence=counts.low_confidence,
    )


def reviewed_claim_public(claim: ReviewedClaim) -> ReviewedClaimPublic:
    """A claim with its extracted value, reviewed value and status."""
    record = claim.record
    assert record.id is not None
    rating = claim.state.rating
    return ReviewedClaimPublic(
        id=record.id,
        article_id=record.article_id,
        run_id=record.run_id,
        position=record.position,
        origin="review" if claim.added else "extracted",
        status=claim.state.status,
        reviewer=claim.state.reviewer,
        reviewed_at=claim.state.reviewed_at,
        original=None if claim.added else Claim.model_validate(record.data),
        reviewed=claim.reviewed_claim,
        changed=claim.changed_fields(),
        flags=claim.flags,
        rating=rating.rating if rating else None,
        rating_note=rating.note if rating else None,
        rated_by=rating.reviewer if rating else None,
        rated_at=rating.rated_at if rating else None,
    )


def event_public(event: ClaimReview, undone: set[int]) -> ReviewEventPublic:
    """One review row."""
    assert event.id is not None
    return ReviewEventPublic(
        id=event.id,
        claim_id=event.claim_id,
        action=ReviewAction(event.action).value,
        value=event.value,
        undoes_id=event.undoes_id,
        undone=event.id in undone,
        reviewer=event.reviewer,
        created_at=event.created_at,
    )


def claim_review_public(claim: ReviewedClaim) -> ClaimReviewPublic:
    """A claim's state and its review log."""
    undone = {e.undoes_id for e in claim.events if e.undoes_id is not None}
    return ClaimReviewPublic(
        claim=reviewed_claim_public(claim),
        history=[event_public(event, undone) for event in claim.events],
    )


def gold_status_public(
    *, session: Session, article_id: int, reviewed: dict[int, list[ReviewedClaim]]
) -> GoldStatusPublic:
    """Whether the article's gold file exports, and how many claims stand in the way.

    `reviewed` holds claims already read, by run id, so the run under review is not read
    twice when it is also the gold run.
    """
    run = gold_run(session=session, article_id=article_id)
    run_id = run.id if run else None
    if run_id is not None and run_id not in reviewed:
        reviewed[run_id] = run_claims(session=session, run_id=run_id)
    counts = Counts.of(reviewed.get(run_id, []) if run_id is not None else [])
    url = f"/articles/{article_id}/gold"
    return GoldStatusPublic(
        run_id=run_id,
        total=counts.total,
        unreviewed=counts.unreviewed,
        complete=counts.unreviewed == 0,
        url=url,
        partial_url=f"{url}?partial=true",
    )


def article_review_public(*, session: Session, article: Article) -> ArticleReviewPublic:
    """An article's text, its run under review and every claim's state."""
    assert article.id is not None
    run = review_run(session=session, article_id=article.id)
    latest = repository.latest_run(session=session, article_id=article.id)
    claims = run_claims(session=session, run_id=run.id) if run and run.id else []
    known = {run.id: claims} if run and run.id else {}
    return ArticleReviewPublic(
        article_id=article.id,
        title=article.title,
        text=article.text,
        run=run_public(run) if run else None,
        latest_run=run_public(latest) if latest else None,
        counts=counts_public(Counts.of(claims)),
        claims=[reviewed_claim_public(claim) for claim in claims],
        page_url=page_url(article.id),
        gold_url=f"/articles/{article.id}/gold",
        gold=gold_status_public(session=session, article_id=article.id, reviewed=known),
    )


def queue_item_public(item: QueueItem) -> QueueItemPublic:
    """One queue row."""
    return QueueItemPublic(
        article_id=item.article_id,
        title=item.title,
        outlet=item.outlet,
        published=item.published,
        run_id=item.run.id if item.run else None,
        extractor=item.run.extractor if item.run else None,
        latest_run_status=item.latest_run.status if item.latest_run else None,
        status=item.status,
        failed_run=item.failed_run,
        counts=counts_public(item.counts),
        page_url=page_url(item.article_id),
    )
