"""A real consumer (threads) on the SQLite queue, and on Redis when configured."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import Engine
from sqlmodel import Session

from schemas.claims import DraftClaim
from service import repository
from service.config import Settings
from service.extractors.base import ArticleInput, ExtractionResult, Extractor
from service.models import ExtractionRun, Worker
from service.tasks.queue import RunQueue, make_huey
from service.tasks.worker import WorkerRuntime
from tests.conftest import pending_run
from tests.fakes.extractor import FakeExtractor


def _wait_for(predicate: Callable[[], bool], seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached in time")
        time.sleep(0.02)


def _statuses(engine: Engine, run_ids: list[int]) -> list[str]:
    with Session(engine) as session:
        return [session.get(ExtractionRun, run_id).status for run_id in run_ids]  # type: ignore[union-attr]


StartWorker = Callable[..., WorkerRuntime]


@pytest.fixture
def start_worker(queue_settings: Settings, engine: Engine) -> Iterator[StartWorker]:
    """Start a worker runtime executing runs with a given extractor; stopped afterwards."""
    started: list[WorkerRuntime] = []

    def start(extractor: Extractor, **settings: object) -> WorkerRuntime:
        configured = queue_settings.model_copy(update=settings)
        runtime = WorkerRuntime(
            settings=configured,
            engine=engine,
            queue=RunQueue(make_huey(configured)),
            extractor_factory=lambda: lambda **_: extractor,
            embedded=True,
        )
        runtime.start()
        started.append(runtime)
        return runtime

    yield start
    for runtime in started:
        runtime.stop()


def test_worker_executes_every_queued_run(start_worker: StartWorker, engine: Engine):
    extractor = FakeExtractor()
    runtime = start_worker(extractor)
    run_ids = [pending_run(engine, f"Item {n} was reported on Monday.") for n in range(6)]
    for run_id in run_ids:
        runtime.queue.enqueue(run_id)
    _wait_for(lambda: _statuses(engine, run_ids) == ["succeeded"] * 6)
    assert len(extractor.history) == 6


def test_worker_registers_itself_and_says_when_it_stopped(
    start_worker: StartWorker, engine: Engine
):
    runtime = start_worker(FakeExtractor())
    with Session(engine) as session:
        worker = session.get(Worker, runtime.identity.id)
        assert worker is not None
        assert (worker.threads, worker.stopped_at) == (3, None)
    runtime.stop()
    with Session(engine) as session:
        worker = session.get(Worker, runtime.identity.id)
        assert worker is not None and worker.stopped_at is not None


class _Gate(FakeExtractor):
    """Blocks in extract() until released, counting how many run at once."""

    def __init__(self, *, cpu_bound: bool) -> None:
        super().__init__()
        self.cpu_bound = cpu_bound
        self.release = threading.Event()
        self.inside = 0
        self.most_inside = 0
        self._lock = threading.Lock()

    def extract(self, article: ArticleInput) -> ExtractionResult:
        with self._lock:
            self.inside += 1
            self.most_inside = max(self.most_inside, self.inside)
        self.release.wait(10)
        with self._lock:
            self.inside -= 1
        return ExtractionResult(claims=[])


def test_io_bound_runs_use_every_worker_thread(start_worker: StartWorker, engine: Engine):
    gate = _Gate(cpu_bound=False)
    runtime = start_worker(gate)
    run_ids = [pending_run(engine, f"Story {n}.") for n in range(3)]
    for run_id in run_ids:
        runtime.queue.enqueue(run_id)
    _wait_for(lambda: gate.inside == 3)
    gate.release.set()
    _wait_for(lambda: _statuses(engine, run_ids) == ["succeeded"] * 3)


def test_cpu_bound_runs_are_limited_to_the_cores(
    start_worker: StartWorker,
    engine: Engine,
    monkeypatch: pytest.MonkeyPatch,
):
    monkeypatch.setattr("service.tasks.worker.os.cpu_count", lambda: 1)
    gate = _Gate(cpu_bound=True)
    runtime = start_worker(gate)
    run_ids = [pending_run(engine, f"Story {n}.") for n in range(3)]
    for run_id in run_ids:
        runtime.queue.enqueue(run_id)
    _wait_for(lambda: _statuses(engine, run_ids).count("running") == 3)
    time.sleep(0.2)
    assert gate.most_inside == 1
    gate.release.set()
    _wait_for(lambda: _statuses(engine, run_ids) == ["succeeded"] * 3)


def test_stopping_a_worker_hands_its_unfinished_runs_back_to_the_queue(
    start_worker: StartWorker, engine: Engine
):
    gate = _Gate(cpu_bound=False)
    runtime = start_worker(gate, worker_timeout_seconds=0.3)
    run_id = pending_run(engine, "A run that outlives its worker.")
    runtime.queue.enqueue(run_id)
    _wait_for(lambda: gate.inside == 1)
    runtime.stop()  # waits 0.3 s for the run, then releases it
    with Session(engine) as session:
        run = session.get(ExtractionRun, run_id)
        assert run is not None
        assert (run.status, run.interruptions, run.worker_id) == ("pending", 1, None)
    fresh = FakeExtractor()
    fresh.enqueue(
        [
            DraftClaim(
                statement="Outlived.",
                kind="event",
                subject="run",
                evidence=["A run that outlives its worker."],
            )
        ]
    )
    successor = start_worker(fresh)
    _wait_for(lambda: _statuses(engine, [run_id]) == ["succeeded"])
    gate.release.set()  # the first worker's late result is refused (its lease is gone)
    time.sleep(0.2)
    with Session(engine) as session:
        assert len(repository.run_claims(session=session, run_id=run_id)) == 1
    assert successor.identity.id != runtime.identity.id
