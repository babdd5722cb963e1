"""Submitting work: store an article, then start a run on the queue (or reuse one).

What a client sent is committed before anything else can fail: a full queue, a queue that
cannot be reached or an extractor that cannot be built still leave the article stored,
and the answer says how to continue. Every function opens short sessions of its own and
holds none while waiting on anything.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from schemas.api import ArticleCreate
from service import repository
from service.article_text import text_sha256
from service.datelines import publication_date
from service.db import session_scope
from service.extractors.base import Extractor, FailureKind, fingerprint
from service.headlines import article_title
from service.models import Article, RunStatus, utcnow
from service.tasks.queue import QueueUnavailable

Enqueue = Callable[[int], None]


@dataclass(frozen=True)
class Submitted:
    """The outcome of a submission: which article and run answer it, and how."""

    article_id: int
    run_id: int | None
    created: bool = False  # the article was stored by this request
    started: bool = False  # a new run was put on the queue
    reused: bool = False  # an identical earlier run answers instead of a new one


class QueueFull(Exception):
    """The backlog is at CLAIMKIT_MAX_PENDING_RUNS; the article is stored, no run started."""

    def __init__(self, article_id: int, pending: int, limit: int) -> None:
        super().__init__(
            f"the run queue is full ({pending} runs waiting, CLAIMKIT_MAX_PENDING_RUNS="
            f"{limit}); article {article_id} is stored: retry this request later, or "
            f"POST /articles/{article_id}/extract"
        )
        self.article_id = article_id


class QueueDown(Exception):
    """The queue could not be reached; the article is stored and the run marked failed."""

    def __init__(self, article_id: int, run_id: int, reason: str) -> None:
        super().__init__(
            f"{reason}; article {article_id} is stored and run {run_id} failed: retry later"
        )
        self.article_id = article_id


def submit_article(
    *,
    engine: Engine,
    payload: ArticleCreate,
    build_extractor: Callable[[], Extractor],
    enqueue: Enqueue,
    max_pending: int,
) -> Submitted:
    """Store an article and queue its first run; stored text answers with its latest run.

    The article and its run are written in one transaction, so whoever sees the article
    sees its run. A stored article without a run (it came while the queue was full) gets
    one now, and only one however many identical POSTs race: the article's row is locked
    first. Raises QueueFull or QueueDown with the article stored.
    """
    for attempt in (1, 2):  # the same text inserted concurrently: the loser goes again
        try:
            with session_scope(engine) as session:
                article_id, created, latest = _locked_article(session, payload)
                if latest is not None:
                    return Submitted(article_id=article_id, run_id=latest)
                try:  # only now: stored text needs no extractor
                    extractor = build_extractor()
                except ValueError as error:  # ExtractorUnavailable: the article is kept
                    run_id = _unavailable_run(session, article_id, str(error))
                    session.commit()
                    return Submitted(article_id=article_id, run_id=run_id, created=created)
                try:
                    _check_backlog(session, article_id, max_pending)
                except QueueFull:
                    session.commit()  # the article, without a run
                    raise
                run_id = _pending_run(session, article_id, extractor)
                session.commit()
                break
        except IntegrityError:
            if attempt == 2:
                raise
    _enqueue(engine, article_id, run_id, enqueue)
    return Submitted(article_id=article_id, run_id=run_id, created=created, started=True)


def _locked_article(session: Session, payload: ArticleCreate) -> tuple[int, bool, int | None]:
    """(id, created, latest run id) of the article with this text, inserted if new.

    An existing article's row is locked (an idle UPDATE) for the rest of the transaction,
    so concurrent requests for it read its runs one after the other.
    """
    sha = text_sha256(payload.text)
    existing = repository.get_article_by_hash(session=session, sha256=sha)
    if existing is not None:
        assert existing.id is not None
        repository.lock_article(session=session, article_id=existing.id)
        latest = repository.latest_run(session=session, article_id=existing.id)
        return existing.id, False, latest.id if latest else None
    published = publication_date(payload.text, payload.published)
    title = article_title(payload.text, payload.title)
    article = repository.add_article(
        session=session,
        text=payload.text,
        title=title.text,
        title_source=title.source,
        url=payload.url,
        outlet=payload.outlet,
        published=published.date,
        published_source=published.source,
        published_text=published.text,
    )
    assert article.id is not None
    return article.id, True, None


def _check_backlog(session: Session, article_id: int, max_pending: int) -> None:
    """Raise QueueFull when CLAIMKIT_MAX_PENDING_RUNS runs are already waiting."""
    pending = repository.count_runs(session=session, status=RunStatus.pending)
    if pending >= max_pending:
        raise QueueFull(article_id, pending, max_pending)


def _unavailable_run(session: Session, article_id: int, reason: str) -> int:
    """Stage a failed run saying why no extractor could be built."""
    run = repository.add_run(session=session, article_id=article_id, extractor="unavailable")
    run.status = RunStatus.failed
    run.error_kind = FailureKind.configuration.value
    run.error = f"no extractor could be built: {reason}"
    run.finished_at = utcnow()
    session.flush()
    assert run.id is not None
    return run.id


def _pending_run(session: Session, article_id: int, extractor: Extractor) -> int:
    """Stage a pending run of `extractor` on the article."""
    prompt = getattr(extractor, "prompt", None)
    run = repository.add_run(
        session=session,
        article_id=article_id,
        extractor=extractor.name,
        model=getattr(extractor, "model", None),
        prompt_version=getattr(prompt, "version", None),
        fingerprint=fingerprint(extractor),
    )
    assert run.id is not None
    return run.id


def _enqueue(engine: Engine, article_id: int, run_id: int, enqueue: Enqueue) -> None:
    """Put the run on the queue; when the queue cannot be reached, fail it and say so."""
    try:
        enqueue(run_id)
    except QueueUnavailable as error:
        _fail_unqueued(engine, run_id, str(error))
        raise QueueDown(article_id, run_id, str(error)) from error


def start_run(
    *,
    engine: Engine,
    article_id: int,
    extractor: Extractor,
    enqueue: Enqueue,
    max_pending: int,
    force: bool = False,
) -> Submitted:
    """Queue a run of `extractor` on the article, or return an identical succeeded run.

    Raises QueueFull at the backlog bound and QueueDown when the queue is unreachable.
    """
    with session_scope(engine) as session:
        if not force:
            earlier = repository.reusable_run(
                session=session, article_id=article_id, fingerprint=fingerprint(extractor)
            )
            if earlier is not None:
                return Submitted(article_id=article_id, run_id=earlier.id, reused=True)
        _check_backlog(session, article_id, max_pending)
        run_id = _pending_run(session, article_id, extractor)
        session.commit()
    _enqueue(engine, article_id, run_id, enqueue)
    return Submitted(article_id=article_id, run_id=run_id, started=True)


def _fail_unqueued(engine: Engine, run_id: int, reason: str) -> None:
    with session_scope(engine) as session:
        repository.settle_run(
            session=session,
            run_id=run_id,
            lease=None,
            from_status=RunStatus.pending,
            values={
                "status": RunStatus.failed,
                "error_kind": "queue_unavailable",
                "error": reason[:1000],
                "finished_at": utcnow(),
            },
        )
        session.commit()


def article_exists(*, engine: Engine, article_id: int) -> bool:
    """Whether an article with this id is stored."""
    with session_scope(engine) as session:
        return session.get(Article, article_id) is not None
