"""Waiting for a run: woken by this process's workers, or by polling for others."""

from __future__ import annotations

import asyncio
import threading
import time

from sqlalchemy import Engine
from sqlmodel import Session

from service.models import ExtractionRun, RunStatus
from service.tasks.waiting import RunWaiter
from tests.conftest import pending_run


def _finish(engine: Engine, run_id: int) -> None:
    with Session(engine) as session:
        run = session.get(ExtractionRun, run_id)
        assert run is not None
        run.status = RunStatus.succeeded
        session.add(run)
        session.commit()


def test_wait_returns_as_soon_as_a_local_worker_says_the_run_finished(engine: Engine):
    run_id = pending_run(engine, "A pending story.")
    waiter = RunWaiter(engine, poll=30)  # polling alone would take 30 s

    def finish_soon() -> None:
        time.sleep(0.1)
        _finish(engine, run_id)
        waiter.notify(run_id)

    threading.Thread(target=finish_soon).start()
    started = time.monotonic()
    assert asyncio.run(waiter.wait(run_id, timeout=10)) is True
    assert time.monotonic() - started < 5


def test_wait_sees_a_run_finished_by_another_process_by_polling(engine: Engine):
    run_id = pending_run(engine, "A pending story.")
    waiter = RunWaiter(engine, poll=0.05)
    threading.Timer(0.1, _finish, args=(engine, run_id)).start()  # no notify: elsewhere
    assert asyncio.run(waiter.wait(run_id, timeout=10)) is True


def test_wait_gives_up_after_the_timeout(engine: Engine):
    run_id = pending_run(engine, "A pending story.")
    waiter = RunWaiter(engine, poll=0.05)
    started = time.monotonic()
    assert asyncio.run(waiter.wait(run_id, timeout=0.2)) is False
    assert 0.2 <= time.monotonic() - started < 2


def test_notify_without_waiters_is_harmless(engine: Engine):
    RunWaiter(engine).notify(12345)
