"""The one flow: article -> extractor -> grounding -> storage, for one run.

`execute_run` is what a queue worker calls with a run id; nothing here knows about the
queue. The CLI calls `extract_and_ground` directly and stores nothing.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine

from schemas.claims import Claim
from service import repository
from service.db import session_scope
from service.extraction import extract_and_ground
from service.extractors.base import (
    ArticleInput,
    ExtractionError,
    Extractor,
    FailureKind,
    Usage,
)
from service.models import Article, ExtractionRun, RunStatus, utcnow

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RunSpec:
    """What a pending run asks for: which extractor, model and prompt version."""

    extractor: str
    model: str | None
    prompt_version: str | None


ExtractorForRun = Callable[[RunSpec], Extractor]


def _article_input(article: Article) -> ArticleInput:
    return ArticleInput(
        text=article.text, published=article.published, title=article.title, outlet=article.outlet
    )


def _usage_values(usage: Usage) -> dict[str, Any]:
    return {
        "prompt_tokens": usage.prompt_tokens,
        "completion_tokens": usage.completion_tokens,
        "total_tokens": usage.total_tokens,
        "cached_tokens": usage.cached_tokens,
        "cost_usd": usage.cost_usd,
    }


def _final_values(status: RunStatus, started: float) -> dict[str, Any]:
    return {
        "status": status,
        "finished_at": utcnow(),
        "latency_ms": round((time.perf_counter() - started) * 1000, 1),
        "lease": None,
    }


def _failure_values(kind: str, message: str, started: float) -> dict[str, Any]:
    return {**_final_values(RunStatus.failed, started), "error_kind": kind, "error": message}


def execute_run(
    *, engine: Engine, run_id: int, extractor_for: ExtractorForRun, worker_id: str
) -> RunStatus | None:
    """Claim a pending run, extract and ground its article, and store the outcome.

    Returns the final status, or None when the run was not pending (another worker has
    it, or it is finished) or its lease was lost while it ran (a worker that was presumed
    dead: the run was handed to another one, which writes the result). No database
    connection is held while the extractor works. Extractor faults never raise: the run
    records them.
    """
    lease = uuid.uuid4().hex
    with session_scope(engine) as session:
        claimed = repository.claim_run(
            session=session, run_id=run_id, worker_id=worker_id, lease=lease
        )
        session.commit()
        if not claimed:
            logger.debug("run %s is not pending; nothing to do", run_id)
            return None
        run = session.get(ExtractionRun, run_id)
        article = session.get(Article, run.article_id) if run else None
        if run is None or article is None:
            raise LookupError(f"run {run_id} or its article does not exist")
        spec = RunSpec(run.extractor, run.model, run.prompt_version)
        article_input = _article_input(article)
    started = time.perf_counter()
    values = _extract_values(article_input, spec, extractor_for, run_id, started)
    claims = values.pop("claims", [])
    return _settle(engine, run_id, lease, values, claims)


def _extract_values(
    article: ArticleInput,
    spec: RunSpec,
    extractor_for: ExtractorForRun,
    run_id: int,
    started: float,
) -> dict[str, Any]:
    """The run's outcome as column values (plus 'claims' on success)."""
    try:
        extractor = extractor_for(spec)
    except ValueError as error:  # ExtractorUnavailable: this worker cannot build it
        return _failure_values(
            FailureKind.configuration.value, f"no extractor could be built: {error}", started
        )
    try:
        grounded = extract_and_ground(article, extractor)
    except ExtractionError as error:
        return {
            **_failure_values(error.kind.value, error.message, started),
            **_usage_values(error.usage),
            "attempts": error.attempts,
            "retries": error.retries,
            "last_error": error.last_error,
        }
    except Exception as error:  # a bug must still leave a failed run, not a stuck one
        logger.exception("extraction run %s crashed", run_id)
        message = f"the extractor crashed: {type(error).__name__}: {error}"
        return _failure_values("internal_error", message, started)
    result = grounded.result
    return {
        **_final_values(RunStatus.succeeded, started),
        **_usage_values(result.usage),
        "error_kind": None,
        "error": None,
        "model": result.model,
        "prompt_id": result.prompt_id,
        "prompt_sha": result.prompt_sha,
        "parameters": result.parameters,
        "attempts": result.attempts,
        "retries": result.retries,
        "last_error": result.last_error,
        "notes": [*result.notes, *grounded.dropped_reasons],
        "claims_count": len(grounded.claims),
        "dropped_count": grounded.dropped,
        "dropped": [dropped.as_dict() for dropped in grounded.dropped_claims],
        "claims": grounded.claims,
    }


def _settle(
    engine: Engine, run_id: int, lease: str, values: dict[str, Any], claims: list[Claim]
) -> RunStatus | None:
    """Write the outcome and the claims in one transaction, if the lease still holds."""
    status = RunStatus(values["status"])
    try:
        with session_scope(engine) as session:
            if not repository.settle_run(
                session=session, run_id=run_id, lease=lease, values=values
            ):
                session.rollback()
                logger.warning("run %s was handed to another worker; result discarded", run_id)
                return None
            run = session.get(ExtractionRun, run_id)
            assert run is not None
            repository.add_claims(session=session, run=run, claims=claims)
            session.commit()
            return status
    except Exception as error:  # e.g. the database refused a row: fail the run, not the worker
        logger.exception("could not store the outcome of run %s", run_id)
        message = f"the claims could not be stored: {type(error).__name__}: {error}"
        failure = {
            **values,
            "status": RunStatus.failed,
            "error_kind": "storage_error",
            "error": message.splitlines()[0][:1000],
            "claims_count": 0,
        }
        with session_scope(engine) as session:
            settled = repository.settle_run(
                session=session, run_id=run_id, lease=lease, values=failure
            )
            session.commit()
        return RunStatus.failed if settled else None
