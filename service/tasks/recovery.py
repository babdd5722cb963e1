"""Recovery: worker heartbeats, and runs put back on the queue when their worker died.

huey hands a message to one worker and forgets it, so a worker killed mid-run would lose
the run. Every worker therefore records a heartbeat, and each heartbeat also looks for
runs held by workers that stopped beating: those go back to `pending` and onto the queue
(at least once), or fail as `interrupted` after `max_interruptions`. The lease written
when a run is claimed keeps a late result from a presumed-dead worker from being stored
twice.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import Engine

from service import repository, worker_records
from service.db import session_scope
from service.models import ExtractionRun, RunStatus, Worker, utcnow

logger = logging.getLogger(__name__)

INTERRUPTED = "interrupted"
HOSTNAME = socket.gethostname()
FORGET_WORKERS_AFTER = dt.timedelta(days=7)  # rows of workers gone this long are deleted


@dataclass(frozen=True)
class WorkerIdentity:
    """Who a worker is: its id, host, process and thread count."""

    id: str
    hostname: str
    pid: int
    threads: int

    @classmethod
    def for_this_process(cls, threads: int, suffix: str) -> WorkerIdentity:
        """An identity for a consumer in this process."""
        pid = os.getpid()
        return cls(id=f"{HOSTNAME}:{pid}:{suffix}", hostname=HOSTNAME, pid=pid, threads=threads)


def beat(engine: Engine, worker: WorkerIdentity) -> None:
    """Record that `worker` is alive."""
    with session_scope(engine) as session:
        worker_records.beat(
            session=session,
            worker_id=worker.id,
            hostname=worker.hostname,
            pid=worker.pid,
            threads=worker.threads,
        )
        session.commit()


def stop(engine: Engine, worker: WorkerIdentity) -> None:
    """Record that `worker` stopped on purpose."""
    with session_scope(engine) as session:
        worker_records.stop_worker(session=session, worker_id=worker.id)
        session.commit()


def _process_is_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # it exists, owned by someone else
        return True
    return True


def _alive(worker: Worker) -> bool:
    # On this host a dead process is known at once, without waiting for the timeout.
    return worker.hostname != HOSTNAME or _process_is_alive(worker.pid)


def forget_old_workers(engine: Engine) -> None:
    """Delete the rows of workers not heard from for FORGET_WORKERS_AFTER."""
    with session_scope(engine) as session:
        worker_records.forget_workers(session=session, seen_before=utcnow() - FORGET_WORKERS_AFTER)
        session.commit()


def live_worker_ids(engine: Engine, *, timeout: float) -> set[str]:
    """Ids of workers that beat within `timeout` seconds and, on this host, still exist."""
    cutoff = utcnow() - dt.timedelta(seconds=timeout)
    with session_scope(engine) as session:
        workers = worker_records.live_workers(session=session, seen_after=cutoff)
        return {worker.id for worker in workers if _alive(worker)}


def release_runs(
    engine: Engine,
    runs: Sequence[ExtractionRun],
    *,
    max_interruptions: int,
    reason: str,
) -> list[int]:
    """Put runs whose worker is gone back to pending (or fail them); returns ids to enqueue."""
    requeue: list[int] = []
    with session_scope(engine) as session:
        for run in runs:
            assert run.id is not None
            interruptions = run.interruptions + 1
            if interruptions >= max_interruptions:
                values: dict[str, object] = {
                    "status": RunStatus.failed,
                    "error_kind": INTERRUPTED,
                    "error": f"{reason} {interruptions} times while running this run; "
                    "re-run the extraction",
                    "finished_at": utcnow(),
                    "lease": None,
                    "interruptions": interruptions,
                }
            else:
                values = {
                    "status": RunStatus.pending,
                    "worker_id": None,
                    "lease": None,
                    "started_at": None,
                    "interruptions": interruptions,
                    "queued_at": utcnow(),
                }
            if repository.settle_run(
                session=session, run_id=run.id, lease=run.lease, values=values
            ):
                if values["status"] == RunStatus.pending:
                    requeue.append(run.id)
                logger.warning("run %s: %s (%s)", run.id, reason, values["status"])
        session.commit()
    return requeue


def orphaned_runs(engine: Engine, *, live: set[str]) -> list[ExtractionRun]:
    """Running runs whose worker is not among the live ones."""
    with session_scope(engine) as session:
        running = repository.running_runs(session=session)
        return [run for run in running if run.worker_id not in live]


def runs_held_by(engine: Engine, worker_id: str) -> list[ExtractionRun]:
    """Running runs held by one worker."""
    with session_scope(engine) as session:
        return [r for r in repository.running_runs(session=session) if r.worker_id == worker_id]


def lost_pending_runs(engine: Engine, *, older_than: float) -> list[int]:
    """Pending runs queued more than `older_than` seconds ago (or never queued)."""
    cutoff = utcnow() - dt.timedelta(seconds=older_than)
    with session_scope(engine) as session:
        return repository.waiting_run_ids(session=session, queued_before=cutoff)


def mark_queued(engine: Engine, run_ids: Sequence[int]) -> None:
    """Record that these runs were just put on the queue again."""
    with session_scope(engine) as session:
        repository.mark_queued(session=session, run_ids=run_ids)
        session.commit()


def sweep(
    engine: Engine,
    *,
    enqueue: Callable[[int], None],
    queue_depth: Callable[[], int],
    timeout: float,
    max_interruptions: int,
) -> int:
    """Requeue runs of dead workers, and pending runs whose message was lost; returns how many.

    A pending run's message is taken as lost only when the queue is empty and the run was
    queued more than `timeout` seconds ago: then no worker can still be about to claim it.
    A duplicate message is harmless anyway (claiming a run is a conditional update).
    """
    forget_old_workers(engine)
    live = live_worker_ids(engine, timeout=timeout)
    orphans = orphaned_runs(engine, live=live)
    requeue = release_runs(
        engine,
        orphans,
        max_interruptions=max_interruptions,
        reason="its worker stopped answering",
    )
    if queue_depth() == 0:
        lost = lost_pending_runs(engine, older_than=timeout)
        if lost:
            logger.warning("re-enqueueing %d pending run(s) missing from the queue", len(lost))
            mark_queued(engine, lost)
            requeue += lost
    for run_id in requeue:
        enqueue(run_id)
    return len(requeue)
