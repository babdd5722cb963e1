"""Health: can the service store and extract, and how is the run queue doing?"""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Response, status

from schemas.api import HealthPublic, QueueHealth
from service import repository, worker_records
from service.api.deps import (
    EngineDep,
    ExtractorFactoryDep,
    RunQueueDep,
    SessionDep,
    SettingsDep,
)
from service.config import Settings
from service.db import database_ok
from service.models import RunStatus, utcnow
from service.tasks.queue import RunQueue

router = APIRouter(tags=["health"])


def _queue_health(session: SessionDep, settings: Settings, queue: RunQueue) -> QueueHealth:
    queue_ok, queue_detail = queue.ping()
    seen_after = utcnow() - dt.timedelta(seconds=settings.worker_timeout_seconds)
    workers = worker_records.live_workers(session=session, seen_after=seen_after)
    return QueueHealth(
        backend=queue.backend,
        ok=queue_ok,
        detail=queue_detail,
        pending_runs=repository.count_runs(session=session, status=RunStatus.pending),
        max_pending_runs=settings.max_pending_runs,
        running_runs=repository.count_runs(session=session, status=RunStatus.running),
        workers=len(workers),
        worker_threads=sum(worker.threads for worker in workers),
        embedded_worker=settings.embedded_worker,
    )


@router.get(
    "/health",
    summary="Service health",
    description="Checks the database with a query, that the configured extractor can be "
    "built (for an LLM: model configured and prompt loadable; the model is not called), and "
    "the run queue: its storage, the backlog, runs under way and the workers heard from "
    "within CLAIMKIT_WORKER_TIMEOUT_SECONDS. 503 when the database or the queue is "
    "unreachable.",
    response_model=HealthPublic,
    responses={
        503: {
            "model": HealthPublic,
            "description": "the database or the queue is unreachable (the body says which)",
        }
    },
)
def health(
    engine: EngineDep,
    session: SessionDep,
    settings: SettingsDep,
    factory: ExtractorFactoryDep,
    queue: RunQueueDep,
    response: Response,
) -> HealthPublic:
    db_ok, db_detail = database_ok(engine)
    try:
        extractor = factory()
        extractor_name, extractor_ok = extractor.name, True
        detail = getattr(extractor, "model", None) or extractor.name
        check = getattr(extractor, "check", None)
        if callable(check):
            detail = check()
    except Exception as error:  # report any construction failure as unhealthy
        extractor_name, extractor_ok, detail = "unavailable", False, str(error)
    queue_health = _queue_health(session, settings, queue) if db_ok else None
    queue_ok = queue_health is not None and queue_health.ok
    if not db_ok or not queue_ok:
        response.status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    return HealthPublic(
        status="ok" if db_ok and extractor_ok and queue_ok else "degraded",
        database=db_detail,
        database_ok=db_ok,
        extractor=extractor_name,
        model=settings.model,
        extractor_ok=extractor_ok,
        extractor_detail=str(detail),
        queue=queue_health,
    )
