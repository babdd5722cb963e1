"""Recovery: runs held by dead workers go back on the queue, then fail as interrupted."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine
from sqlmodel import Session

from service import repository
from service.models import ExtractionRun, Worker, utcnow
from service.tasks import recovery

ELSEWHERE = "another-host"


def _run(engine: Engine, text: str = "The bridge reopened.", **values: object) -> int:
    with Session(engine) as session:
        article = repository.add_article(session=session, text=text)
        assert article.id is not None
        run = repository.add_run(session=session, article_id=article.id, extractor="fake")
        for name, value in values.items():
            setattr(run, name, value)
        session.add(run)
        session.commit()
        assert run.id is not None
        return run.id


def _worker(engine: Engine, worker_id: str, *, seconds_ago: float, host: str = ELSEWHERE) -> None:
    with Session(engine) as session:
        session.add(
            Worker(
                id=worker_id,
                hostname=host,
                pid=1,
                threads=4,
                last_seen=utcnow() - dt.timedelta(seconds=seconds_ago),
            )
        )
        session.commit()


def _get(engine: Engine, run_id: int) -> ExtractionRun:
    with Session(engine) as session:
        run = session.get(ExtractionRun, run_id)
        assert run is not None
        return run


def _sweep(engine: Engine, enqueued: list[int], *, depth: int = 0, max_interruptions: int = 3):  # type: ignore[no-untyped-def]
    return recovery.sweep(
        engine,
        enqueue=enqueued.append,
        queue_depth=lambda: depth,
        timeout=30,
        max_interruptions=max_interruptions,
    )


def test_a_run_held_by_a_silent_worker_goes_back_on_the_queue(engine: Engine):
    _worker(engine, "dead", seconds_ago=120)
    run_id = _run(engine, status="running", worker_id="dead", lease="abc")
    enqueued: list[int] = []
    assert _sweep(engine, enqueued, depth=5) == 1
    assert enqueued == [run_id]
    run = _get(engine, run_id)
    assert (run.status, run.worker_id, run.lease, run.interruptions) == ("pending", None, None, 1)


def test_a_run_held_by_a_live_worker_is_left_alone(engine: Engine):
    _worker(engine, "alive", seconds_ago=1)
    run_id = _run(engine, status="running", worker_id="alive", lease="abc")
    enqueued: list[int] = []
    assert _sweep(engine, enqueued, depth=5) == 0
    assert _get(engine, run_id).status == "running"


def test_a_dead_process_on_this_host_is_known_without_waiting_for_the_timeout(engine: Engine):
    _worker(engine, "gone", seconds_ago=0, host=recovery.HOSTNAME)
    with Session(engine) as session:
        worker = session.get(Worker, "gone")
        assert worker is not None
        worker.pid = 2**22 + 12345  # above Linux's default pid_max: no such process
        session.add(worker)
        session.commit()
    run_id = _run(engine, status="running", worker_id="gone", lease="abc")
    enqueued: list[int] = []
    _sweep(engine, enqueued, depth=1)
    assert enqueued == [run_id]


def test_a_run_interrupted_too_often_fails_as_interrupted(engine: Engine):
    _worker(engine, "dead", seconds_ago=120)
    run_id = _run(engine, status="running", worker_id="dead", lease="abc", interruptions=2)
    enqueued: list[int] = []
    _sweep(engine, enqueued, max_interruptions=3)
    assert enqueued == []
    run = _get(engine, run_id)
    assert (run.status, run.error_kind, run.interruptions) == ("failed", "interrupted", 3)
    assert "3 times" in (run.error or "")


def test_a_pending_run_missing_from_an_empty_queue_is_queued_again(engine: Engine):
    old = utcnow() - dt.timedelta(minutes=5)
    run_id = _run(engine, queued_at=old)
    fresh_id = _run(engine, text="Just queued.")  # may still be on its way to a worker
    enqueued: list[int] = []
    _sweep(engine, enqueued, depth=0)
    assert enqueued == [run_id]
    assert _get(engine, run_id).queued_at > old  # type: ignore[operator]
    assert _get(engine, fresh_id).status == "pending"


def test_pending_runs_are_not_duplicated_while_the_queue_still_holds_messages(engine: Engine):
    _run(engine, queued_at=utcnow() - dt.timedelta(minutes=5))
    enqueued: list[int] = []
    _sweep(engine, enqueued, depth=3)
    assert enqueued == []


def test_releasing_a_run_whose_lease_changed_does_nothing(engine: Engine):
    run_id = _run(engine, status="running", worker_id="w", lease="old")
    stale = _get(engine, run_id)
    with Session(engine) as session:
        run = session.get(ExtractionRun, run_id)
        assert run is not None
        run.lease = "new"  # another worker claimed it in the meantime
        session.add(run)
        session.commit()
    assert recovery.release_runs(engine, [stale], max_interruptions=3, reason="test") == []
    assert _get(engine, run_id).status == "running"


def test_workers_gone_for_a_week_are_forgotten(engine: Engine):
    _worker(engine, "long-gone", seconds_ago=8 * 24 * 3600)
    _worker(engine, "recent", seconds_ago=3600)
    _sweep(engine, [])
    with Session(engine) as session:
        assert session.get(Worker, "long-gone") is None
        assert session.get(Worker, "recent") is not None
