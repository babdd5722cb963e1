"""Data access: keyword-only queries and inserts; the caller commits."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from schemas.claims import Claim
from service.models import Article, ClaimOrigin, ClaimRecord, ExtractionRun, RunStatus


def text_sha256(text: str) -> str:
    """The content hash articles are de-duplicated by."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


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
) -> Article:
    """Stage a new article (flushed, so it has an id)."""
    article = Article(
        text=text,
        text_sha256=text_sha256(text),
        title=title,
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
    prompt_id: str | None = None,
) -> ExtractionRun:
    """Stage a pending run for an article (flushed, so it has an id)."""
    run = ExtractionRun(
        article_id=article_id, extractor=extractor, model=model, prompt_id=prompt_id
    )
    session.add(run)
    session.flush()
    return run


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


def unfinished_runs(*, session: Session) -> Sequence[ExtractionRun]:
    """Runs still pending or running (e.g. interrupted by a restart)."""
    return session.exec(
        select(ExtractionRun).where(
            col(ExtractionRun.status).in_([RunStatus.pending, RunStatus.running])
        )
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


def run_claims(*, session: Session, run_id: int) -> Sequence[ClaimRecord]:
    """A run's claims in extraction order."""
    return session.exec(
        select(ClaimRecord).where(ClaimRecord.run_id == run_id).order_by(col(ClaimRecord.position))
    ).all()


@dataclass(frozen=True)
class ClaimFilter:
    """Filters for the claim search; None means no filter."""

    article_id: int | None = None
    subject: str | None = None
    source: str | None = None
    kind: str | None = None
    certainty: str | None = None
    q: str | None = None


def _current_run_ids() -> SelectOfScalar[int | None]:
    """A subquery: every article's latest succeeded run id."""
    return (
        select(func.max(ExtractionRun.id))
        .where(ExtractionRun.status == RunStatus.succeeded)
        .group_by(col(ExtractionRun.article_id))
    )


def search_claims(
    *, session: Session, filters: ClaimFilter, skip: int, limit: int
) -> tuple[Sequence[ClaimRecord], int]:
    """Claims of every article's current run matching the filters, and the total count."""
    query = select(ClaimRecord).where(
        col(ClaimRecord.run_id).in_(_current_run_ids()),
        ClaimRecord.origin == ClaimOrigin.extracted,
    )
    if filters.article_id is not None:
        query = query.where(ClaimRecord.article_id == filters.article_id)
    if filters.subject:
        query = query.where(col(ClaimRecord.subject).ilike(f"%{filters.subject}%"))
    if filters.source:
        query = query.where(col(ClaimRecord.source_name).ilike(f"%{filters.source}%"))
    if filters.kind:
        query = query.where(ClaimRecord.kind == filters.kind)
    if filters.certainty:
        query = query.where(ClaimRecord.certainty == filters.certainty)
    if filters.q:
        query = query.where(col(ClaimRecord.statement).ilike(f"%{filters.q}%"))
    total = session.exec(select(func.count()).select_from(query.subquery())).one()
    page = session.exec(
        query.order_by(col(ClaimRecord.article_id), col(ClaimRecord.position))
        .offset(skip)
        .limit(limit)
    ).all()
    return page, total
