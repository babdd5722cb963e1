"""The one flow: article -> extractor -> grounding (-> storage, see run_extraction)."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlmodel import Session

from schemas.claims import Claim
from service import repository
from service.db import session_scope
from service.extractors.base import (
    ArticleInput,
    ExtractionError,
    ExtractionResult,
    Extractor,
    Usage,
)
from service.grounding import ground_claims
from service.models import Article, ExtractionRun, RunStatus, utcnow

logger = logging.getLogger(__name__)


@dataclass
class GroundedExtraction:
    """An extractor's result with every surviving claim anchored to the text."""

    result: ExtractionResult
    claims: list[Claim]
    dropped_reasons: list[str]

    @property
    def dropped(self) -> int:
        """Claims lost in the extractor plus those grounding could not anchor."""
        return self.result.dropped + len(self.dropped_reasons)


def extract_and_ground(article: ArticleInput, extractor: Extractor) -> GroundedExtraction:
    """Run the extractor and anchor its quotes; raises ExtractionError from the extractor."""
    result = extractor.extract(article)
    grounded = ground_claims(article.text, result.claims)
    return GroundedExtraction(
        result=result,
        claims=grounded.claims,
        dropped_reasons=[reason for _, reason in grounded.dropped],
    )


def _article_input(article: Article) -> ArticleInput:
    return ArticleInput(
        text=article.text, published=article.published, title=article.title, outlet=article.outlet
    )


def _record_usage(run: ExtractionRun, usage: Usage) -> None:
    run.prompt_tokens = usage.prompt_tokens
    run.completion_tokens = usage.completion_tokens
    run.total_tokens = usage.total_tokens
    run.cost_usd = usage.cost_usd


def _finish(run: ExtractionRun, status: RunStatus, started: float) -> None:
    run.status = status
    run.finished_at = utcnow()
    run.latency_ms = round((time.perf_counter() - started) * 1000, 1)


def execute_run(*, engine: Engine, run_id: int, extractor: Extractor) -> ExtractionRun:
    """Run a pending extraction run to the end, recording success or failure; never raises
    for extractor faults (the run's error says what went wrong)."""
    with session_scope(engine) as session:
        run = session.get(ExtractionRun, run_id)
        article = session.get(Article, run.article_id) if run else None
        if run is None or article is None:
            raise LookupError(f"run {run_id} or its article does not exist")
        run.status = RunStatus.running
        run.started_at = utcnow()
        session.commit()
        started = time.perf_counter()
        try:
            grounded = extract_and_ground(_article_input(article), extractor)
        except ExtractionError as error:
            run.error_kind = error.kind.value
            run.error = error.message
            run.attempts = error.attempts
            _record_usage(run, error.usage)
            _finish(run, RunStatus.failed, started)
            session.commit()
            return run
        except Exception as error:  # a bug must still leave a failed run, not a stuck one
            logger.exception("extraction run %s crashed", run_id)
            run.error_kind = "internal_error"
            run.error = f"the extractor crashed: {type(error).__name__}: {error}"
            _finish(run, RunStatus.failed, started)
            session.commit()
            return run
        try:
            _store_success(session, run, grounded, started)
        except Exception as error:  # e.g. the database refused a row: fail the run, not the API
            session.rollback()
            logger.exception("could not store the claims of run %s", run_id)
            run = session.get(ExtractionRun, run_id) or run
            run.error_kind = "storage_error"
            run.error = f"the claims could not be stored: {type(error).__name__}: {error}"
            run.error = run.error.splitlines()[0][:1000]
            _finish(run, RunStatus.failed, started)
            session.commit()
        return run


def _store_success(
    session: Session, run: ExtractionRun, grounded: GroundedExtraction, started: float
) -> None:
    result = grounded.result
    run.error_kind = run.error = None  # a run another process marked interrupted did finish
    run.model = result.model
    run.prompt_id = result.prompt_id
    run.prompt_sha = result.prompt_sha
    run.parameters = result.parameters
    run.attempts = result.attempts
    run.notes = [*result.notes, *grounded.dropped_reasons]
    _record_usage(run, result.usage)
    repository.add_claims(session=session, run=run, claims=grounded.claims)
    run.claims_count = len(grounded.claims)
    run.dropped_count = grounded.dropped
    _finish(run, RunStatus.succeeded, started)
    session.commit()


def fail_interrupted_runs(*, engine: Engine) -> int:
    """Mark runs left pending/running by a previous process as failed; returns how many."""
    with session_scope(engine) as session:
        runs = repository.unfinished_runs(session=session)
        for run in runs:
            run.status = RunStatus.failed
            run.error_kind = "interrupted"
            run.error = "the server stopped before this run finished; re-run the extraction"
            run.finished_at = utcnow()
        session.commit()
        return len(runs)
