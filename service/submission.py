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

from schemas.api import ArticleCreate
from service import repository
from service.article_text import text_sha256
from service.datelines import publication_date
from service.db import session_scope
from service.extractors.base import Extractor, FailureKind, fingerprint
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


def store_article(*, engine: Engine, payload: ArticleCreate) -> tuple[int, bool]:
    """Store the article unless its text is stored already; returns (id, created)."""
    sha = text_sha256(payload.text)
    published = publication_date(payload.text, payload.published)
    with session_scope(engine) as session:
        existing = repository.get_article_by_hash(session=session, sha256=sha)
        if existing is not None:
            assert existing.id is not None
            return existing.id, False
        try:
            article = repository.add_article(
                session=session,
                text=payload.text,
                title=payload.title,
                url=payload.url,
                outlet=payload.outlet,
                published=published.date,
                published_source=published.source,
                published_text=published.text,
            )
            session.commit()
        except IntegrityError:  # the same text arrived concurrently and won
            session.rollback()
            winner = repository.get_article_by_hash(session=session, sha256=sha)
            if winner is None:
                raise
            assert winner.id is not None
            return winner.id, False
        assert article.id is not None
        return article.id, True


def record_unavailable_extractor(*, engine: Engine, article_id: int, reason: str) -> int:
    """Store a failed run saying why no extractor could be built; returns its id."""
    with session_scope(engine) as session:
        run = repository.add_run(session=session, article_id=article_id, extractor="unavailable")
        run.status = RunStatus.failed
        run.error_kind = FailureKind.configuration.value
        run.error = f"no extractor could be built: {reason}"
        run.finished_at = utcnow()
        session.commit()
        assert run.id is not None
        return run.id


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
    key = fingerprint(extractor)
    with session_scope(engine) as session:
        if not force:
            earlier = repository.reusable_run(
                session=session, article_id=article_id, fingerprint=key
            )
            if earlier is not None:
                return Submitted(article_id=article_id, run_id=earlier.id, reused=True)
        pending = repository.count_runs(session=session, status=RunStatus.pending)
        if pending >= max_pending:
            raise QueueFull(article_id, pending, max_pending)
        prompt = getattr(extractor, "prompt", None)
        run = repository.add_run(
            session=session,
            article_id=article_id,
            extractor=extractor.name,
            model=getattr(extractor, "model", None),
            prompt_version=getattr(prompt, "version", None),
            fingerprint=key,
        )
        session.commit()
        assert run.id is not None
        run_id = run.id
    try:
        enqueue(run_id)
    except QueueUnavailable as error:
        _fail_unqueued(engine, run_id, str(error))
        raise QueueDown(article_id, run_id, str(error)) from error
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


def latest_run_id(*, engine: Engine, article_id: int) -> int | None:
    """The id of the article's most recent run, if it has one."""
    with session_scope(engine) as session:
        run = repository.latest_run(session=session, article_id=article_id)
        return run.id if run else None
