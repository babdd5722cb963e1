"""Data access: keyword-only queries and inserts; the caller commits."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, case, func, update
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from schemas.claims import Claim
from service.article_text import text_sha256
from service.models import (
    Article,
    ClaimOrigin,
    ClaimRecord,
    ExtractionRun,
    ReviewState,
    RunStatus,
    utcnow,
)


def get_article_by_hash(*, session: Session, sha256: str) -> Article | None:
    """The article whose text has this hash, if stored."""
    return session.exec(select(Article).where(Article.text_sha256 == sha256)).first()


def add_article(
    *,
    session: Session,
    text: str,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    published: dt.date | None = None,
    published_source: str | None = None,
    published_text: str | None = None,
    title_source: str | None = None,
) -> Article:
    """Stage a new article (flushed, so it has an id)."""
    article = Article(
        text=text,
        text_sha256=text_sha256(text),
        title=title,
        title_source=title_source if title else None,
        url=url,
        outlet=outlet,
        published=published,
        published_source=published_source,
        published_text=published_text,
        char_count=len(text),
    )
    session.add(article)
    session.flush()
    return article


def lock_article(*, session: Session, article_id: int) -> None:
    """Lock an article's row until the transaction ends (a write that changes nothing)."""
    session.execute(update(Article).where(col(Article.id) == article_id).values(id=col(Article.id)))


def list_articles(*, session: Session, skip: int, limit: int) -> tuple[Sequence[Article], int]:
    """A page of articles, newest first, and the total count."""
    total = session.exec(select(func.count()).select_from(Article)).one()
    page = session.exec(
        select(Article).order_by(col(Article.id).desc()).offset(skip).limit(limit)
    ).all()
    return page, total


def add_run(
    *,
    session: Session,
    article_id: int,
    extractor: str,
    model: str | None = None,
    prompt_version: str | None = None,
    fingerprint: str | None = None,
) -> ExtractionRun:
    """Stage a pending run for an article (flushed, so it has an id)."""
    run = ExtractionRun(
        article_id=article_id,
        extractor=extractor,
        model=model,
        prompt_version=prompt_version,
        fingerprint=fingerprint,
        queued_at=utcnow(),
    )
    session.add(run)
    session.flush()
    return run


def reusable_run(*, session: Session, article_id: int, fingerprint: str) -> ExtractionRun | None:
    """The article's latest succeeded run made by an identical extractor, if any."""
    return session.exec(
        select(ExtractionRun)
        .where(
            ExtractionRun.article_id == article_id,
            ExtractionRun.fingerprint == fingerprint,
            ExtractionRun.status == RunStatus.succeeded,
        )
        .order_by(col(ExtractionRun.id).desc())
    ).first()


def count_runs(*, session: Session, status: RunStatus) -> int:
    """How many runs have this status (pending: the backlog; running: under way)."""
    query = select(func.count()).select_from(ExtractionRun).where(ExtractionRun.status == status)
    return session.exec(query).one()


def claim_run(*, session: Session, run_id: int, worker_id: str, lease: str) -> bool:
    """Mark a pending run running under `lease`; False when it is not pending any more.

    One conditional UPDATE, so two workers handed the same run cannot both claim it.
    """
    result = session.execute(
        update(ExtractionRun)
        .where(col(ExtractionRun.id) == run_id, col(ExtractionRun.status) == RunStatus.pending)
        .values(status=RunStatus.running, worker_id=worker_id, lease=lease, started_at=utcnow())
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def settle_run(
    *,
    session: Session,
    run_id: int,
    lease: str | None,
    values: dict[str, Any],
    from_status: RunStatus = RunStatus.running,
) -> bool:
    """Write a run's outcome if it is still `from_status` under `lease`; False otherwise.

    A worker presumed dead may still finish: its lease was replaced when the run was
    released, so its late result is refused instead of written twice.
    """
    result = session.execute(
        update(ExtractionRun)
        .where(
            col(ExtractionRun.id) == run_id,
            col(ExtractionRun.status) == from_status,
            col(ExtractionRun.lease).is_not_distinct_from(lease),
        )
        .values(**values)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def running_runs(*, session: Session) -> Sequence[ExtractionRun]:
    """Runs under way, oldest first."""
    return session.exec(
        select(ExtractionRun)
        .where(ExtractionRun.status == RunStatus.running)
        .order_by(col(ExtractionRun.id))
    ).all()


def waiting_run_ids(*, session: Session, queued_before: dt.datetime) -> list[int]:
    """Pending runs put on the queue before this time (or never), oldest first."""
    ids = session.exec(
        select(ExtractionRun.id)
        .where(
            ExtractionRun.status == RunStatus.pending,
            (col(ExtractionRun.queued_at) < queued_before) | col(ExtractionRun.queued_at).is_(None),
        )
        .order_by(col(ExtractionRun.id))
    ).all()
    return [run_id for run_id in ids if run_id is not None]


def mark_queued(*, session: Session, run_ids: Sequence[int]) -> None:
    """Record that these runs were put on the queue now."""
    session.execute(
        update(ExtractionRun).where(col(ExtractionRun.id).in_(run_ids)).values(queued_at=utcnow())
    )


def run_status(*, session: Session, run_id: int) -> str | None:
    """A run's status, read without loading the row."""
    return session.exec(select(ExtractionRun.status).where(ExtractionRun.id == run_id)).first()


def latest_run(*, session: Session, article_id: int) -> ExtractionRun | None:
    """The article's most recent run, whatever its status."""
    return session.exec(
        select(ExtractionRun)
        .where(ExtractionRun.article_id == article_id)
        .order_by(col(ExtractionRun.id).desc())
    ).first()


def current_run(*, session: Session, article_id: int) -> ExtractionRun | None:
    """The article's latest succeeded run: the one whose claims are current."""
    return session.exec(
        select(ExtractionRun)
        .where(
            ExtractionRun.article_id == article_id,
            ExtractionRun.status == RunStatus.succeeded,
        )
        .order_by(col(ExtractionRun.id).desc())
    ).first()


def list_runs(*, session: Session, article_id: int) -> Sequence[ExtractionRun]:
    """Every run of an article, newest first."""
    return session.exec(
        select(ExtractionRun)
        .where(ExtractionRun.article_id == article_id)
        .order_by(col(ExtractionRun.id).desc())
    ).all()


def claim_record(
    *, claim: Claim, run: ExtractionRun, position: int, origin: ClaimOrigin
) -> ClaimRecord:
    """The row for a claim of a run: the full claim plus the columns searches filter on."""
    assert run.id is not None
    return ClaimRecord(
        run_id=run.id,
        article_id=run.article_id,
        position=position,
        statement=claim.statement,
        kind=claim.kind.value,
        subject=claim.subject,
        source_name=claim.source.name if claim.source else None,
        certainty=claim.certainty.value,
        negated=claim.negated,
        data=claim.model_dump(mode="json"),
        origin=origin,
    )


def add_claims(
    *, session: Session, run: ExtractionRun, claims: Sequence[Claim]
) -> list[ClaimRecord]:
    """Stage the claims of a run, in order."""
    records = [
        claim_record(claim=claim, run=run, position=position, origin=ClaimOrigin.extracted)
        for position, claim in enumerate(claims)
    ]
    session.add_all(records)
    session.flush()
    return records


# Reads leave these out unless asked for: a reviewer's claim whose "add" was undone no longer
# exists, and a rejected claim is not a claim (review=rejected lists them).
HIDDEN_STATES = (ReviewState.removed.value, ReviewState.rejected.value)


def _visible(review: str | None) -> ColumnElement[bool]:
    """Claims in the review state asked for; with none, every state but rejected."""
    if review is not None:
        return col(ClaimRecord.review_state) == review
    return col(ClaimRecord.review_state).not_in(HIDDEN_STATES)


def run_claims(
    *, session: Session, run_id: int, review: str | None = None
) -> Sequence[ClaimRecord]:
    """A run's claims (extracted and added) in position order: those in the review state
    asked for, else every state but rejected."""
    return session.exec(
        select(ClaimRecord)
        .where(ClaimRecord.run_id == run_id, _visible(review))
        .order_by(col(ClaimRecord.position), col(ClaimRecord.id))
    ).all()


@dataclass(frozen=True)
class ClaimFilter:
    """Filters for the claim search; None means no filter (review: every state but rejected)."""

    article_id: int | None = None
    subject: str | None = None
    source: str | None = None
    kind: str | None = None
    certainty: str | None = None
    q: str | None = None
    review: str | None = None


def _current_run_ids() -> SelectOfScalar[int | None]:
    """A subquery: every article's latest succeeded run id."""
    return (
        select(func.max(ExtractionRun.id))
        .where(ExtractionRun.status == RunStatus.succeeded)
        .group_by(col(ExtractionRun.article_id))
    )


def reviewed_value(reviewed: Any, extracted: Any) -> ColumnElement[Any]:
    """The value reads use: the reviewed column once the claim has a decision, else the
    extracted one (a reviewed source may be null: no coalescing)."""
    unreviewed = col(ClaimRecord.review_state) == ReviewState.unreviewed.value
    return case((unreviewed, extracted), else_=reviewed)


def like_pattern(text: str) -> str:
    """A LIKE pattern matching `text` anywhere, its %, _ and \\ taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _contains(column: ColumnElement[Any], text: str) -> ColumnElement[bool]:
    return column.ilike(like_pattern(text), escape="\\")


def search_claims(
    *, session: Session, filters: ClaimFilter, skip: int, limit: int
) -> tuple[Sequence[ClaimRecord], int]:
    """Claims of every article's current run matching the filters on their reviewed values
    (the extracted ones while unreviewed), and the total count."""
    query = select(ClaimRecord).where(
        col(ClaimRecord.run_id).in_(_current_run_ids()), _visible(filters.review)
    )
    if filters.article_id is not None:
        query = query.where(ClaimRecord.article_id == filters.article_id)
    if filters.subject:
        subject = reviewed_value(col(ClaimRecord.reviewed_subject), col(ClaimRecord.subject))
        query = query.where(_contains(subject, filters.subject))
    if filters.source:
        source = reviewed_value(col(ClaimRecord.reviewed_source_name), col(ClaimRecord.source_name))
        query = query.where(_contains(source, filters.source))
    if filters.kind:
        kind = reviewed_value(col(ClaimRecord.reviewed_kind), col(ClaimRecord.kind))
        query = query.where(kind == filters.kind)
    if filters.certainty:
        certainty = reviewed_value(col(ClaimRecord.reviewed_certainty), col(ClaimRecord.certainty))
        query = query.where(certainty == filters.certainty)
    if filters.q:
        statement = reviewed_value(col(ClaimRecord.reviewed_statement), col(ClaimRecord.statement))
        query = query.where(_contains(statement, filters.q))
    total = session.exec(select(func.count()).select_from(query.subquery())).one()
    page = session.exec(
        query.order_by(col(ClaimRecord.article_id), col(ClaimRecord.position), col(ClaimRecord.id))
        .offset(skip)
        .limit(limit)
    ).all()
    return page, total


def current_claims_count(*, session: Session) -> int:
    """How many claims the current runs hold (every review state but removed)."""
    query = (
        select(func.count())
        .select_from(ClaimRecord)
        .where(
            col(ClaimRecord.run_id).in_(_current_run_ids()),
            ClaimRecord.review_state != ReviewState.removed.value,
        )
    )
    return session.exec(query).one()


def current_claims_after(*, session: Session, after_id: int, limit: int) -> Sequence[ClaimRecord]:
    """The next `limit` claims of current runs by id after `after_id` (every review state but
    removed): a batch of a full export, read without OFFSET."""
    return session.exec(
        select(ClaimRecord)
        .where(
            col(ClaimRecord.run_id).in_(_current_run_ids()),
            ClaimRecord.review_state != ReviewState.removed.value,
            col(ClaimRecord.id) > after_id,
        )
        .order_by(col(ClaimRecord.id))
        .limit(limit)
    ).all()


def articles_by_id(*, session: Session, article_ids: Sequence[int]) -> dict[int, Article]:
    """The articles with these ids, by id."""
    if not article_ids:
        return {}
    rows = session.exec(select(Article).where(col(Article.id).in_(set(article_ids)))).all()
    return {article.id: article for article in rows if article.id is not None}
