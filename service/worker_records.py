"""Data access for worker heartbeats: keyword-only, and the caller commits."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlmodel import Session, col, select

from service.models import Worker, utcnow


def beat(*, session: Session, worker_id: str, hostname: str, pid: int, threads: int) -> None:
    """Record that a worker is alive now (registering it the first time)."""
    worker = session.get(Worker, worker_id)
    if worker is None:
        worker = Worker(id=worker_id, hostname=hostname, pid=pid, threads=threads)
    worker.last_seen = utcnow()
    worker.stopped_at = None
    session.add(worker)


def stop_worker(*, session: Session, worker_id: str) -> None:
    """Record that a worker stopped on purpose."""
    worker = session.get(Worker, worker_id)
    if worker is not None:
        worker.stopped_at = utcnow()
        session.add(worker)


def live_workers(*, session: Session, seen_after: dt.datetime) -> Sequence[Worker]:
    """Workers not stopped and heard from since `seen_after`."""
    return session.exec(
        select(Worker).where(col(Worker.stopped_at).is_(None), col(Worker.last_seen) >= seen_after)
    ).all()


def forget_workers(*, session: Session, seen_before: dt.datetime) -> None:
    """Delete worker rows not heard from since `seen_before` (they hold no runs any more)."""
    for worker in session.exec(select(Worker).where(col(Worker.last_seen) < seen_before)):
        session.delete(worker)
