"""Turn stored rows into the API's response models."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Engine
from sqlmodel import Session

from schemas.api import (
    ArticlePublic,
    ArticleSummary,
    ClaimPublic,
    DroppedClaimPublic,
    ExtractionPublic,
    RunPublic,
    UsagePublic,
)
from service import repository
from service.db import session_scope
from service.evidence_checks import claim_flags
from service.models import Article, ClaimRecord, ExtractionRun, ReviewState, RunStatus


def run_public(run: ExtractionRun) -> RunPublic:
    """A run as the API shows it."""
    assert run.id is not None
    return RunPublic(
        id=run.id,
        article_id=run.article_id,
        status=RunStatus(run.status).value,
        extractor=run.extractor,
        model=run.model,
        prompt_id=run.prompt_id,
        prompt_sha=run.prompt_sha,
        parameters=run.parameters or {},
        usage=UsagePublic(
            prompt_tokens=run.prompt_tokens,
            completion_tokens=run.completion_tokens,
            total_tokens=run.total_tokens,
            cached_tokens=run.cached_tokens,
            cost_usd=run.cost_usd,
        ),
        attempts=run.attempts,
        retries=run.retries,
        last_error=run.last_error,
        interruptions=run.interruptions,
        worker=run.worker_id,
        claims_count=run.claims_count,
        dropped_count=run.dropped_count,
        dropped=[DroppedClaimPublic.model_validate(dropped) for dropped in run.dropped or []],
        notes=run.notes or [],
        error_kind=run.error_kind,
        error=run.error,
        created_at=run.created_at,
        started_at=run.started_at,
        finished_at=run.finished_at,
        latency_ms=run.latency_ms,
        url=f"/runs/{run.id}",
    )


def claim_public(record: ClaimRecord) -> ClaimPublic:
    """A stored claim as the API shows it: its reviewed value once it has a decision (else
    as extracted), its ids, review state and rating. Flags concern the extracted evidence."""
    assert record.id is not None
    state = ReviewState(record.review_state)
    reviewed = record.reviewed_data is not None and state != ReviewState.unreviewed
    value = record.reviewed_data if reviewed and record.reviewed_data else record.data
    return ClaimPublic.model_validate(
        {
            **value,
            "id": record.id,
            "article_id": record.article_id,
            "run_id": record.run_id,
            "review_state": state.value,
            "reviewed": reviewed,
            "rating": record.rating,
            "rating_note": record.rating_note,
            "rated_by": record.rated_by,
            "rated_at": record.rated_at,
            "flags": claim_flags(record.data.get("evidence", [])),
        }
    )


def claims_public(records: Iterable[ClaimRecord]) -> list[ClaimPublic]:
    """Several stored claims as the API shows them."""
    return [claim_public(record) for record in records]


def _article_fields(session: Session, article: Article) -> dict[str, object]:
    assert article.id is not None
    current = repository.current_run(session=session, article_id=article.id)
    latest = repository.latest_run(session=session, article_id=article.id)
    return {
        **article.model_dump(exclude={"text"}),
        "current_run_id": current.id if current else None,
        "latest_run": run_public(latest) if latest else None,
    }


def article_summary(session: Session, article: Article) -> ArticleSummary:
    """An article without its text, with its current and latest run."""
    return ArticleSummary.model_validate(_article_fields(session, article))


def article_public(session: Session, article: Article) -> ArticlePublic:
    """An article with its text, with its current and latest run."""
    return ArticlePublic.model_validate({**_article_fields(session, article), "text": article.text})


def extraction_public(
    session: Session,
    article: Article,
    run: ExtractionRun | None,
    *,
    created: bool,
    reused: bool = False,
) -> ExtractionPublic:
    """The answer to a POST: article, run, and the run's claims once it has finished."""
    claims = None
    if run is not None and run.id is not None and run.status == RunStatus.succeeded:
        claims = claims_public(repository.run_claims(session=session, run_id=run.id))
    return ExtractionPublic(
        article=article_public(session, article),
        run=run_public(run) if run else None,
        claims=claims,
        created=created,
        reused=reused,
    )


def load_extraction(
    engine: Engine, *, article_id: int, run_id: int | None, created: bool, reused: bool = False
) -> ExtractionPublic:
    """Read an article and one of its runs in one short session, as a POST's answer."""
    with session_scope(engine) as session:
        article = session.get(Article, article_id)
        assert article is not None  # articles are never deleted
        run = session.get(ExtractionRun, run_id) if run_id is not None else None
        return extraction_public(session, article, run, created=created, reused=reused)
