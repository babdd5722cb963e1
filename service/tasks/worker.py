"""Workers: a huey consumer of threads that executes runs, plus its heartbeat.

`claimkit serve` starts one inside the server (embedded, the default); `claimkit worker`
runs one alone, in the foreground, stopping on SIGINT/SIGTERM like any huey consumer.
CPU-bound extractors (offline rules) are limited to the machine's cores whatever the
thread count, so the threads serve I/O-bound model runs.
"""

from __future__ import annotations

import logging
import os
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from huey.consumer import Consumer, Worker
from sqlalchemy import Engine

from service.config import Settings
from service.extractors.base import ArticleInput, ExtractionResult, Extractor
from service.linking.tasks import link_after_run
from service.models import RunStatus
from service.pipeline import ExtractorForRun, RunSpec, execute_run
from service.tasks import recovery
from service.tasks.queue import RunQueue

logger = logging.getLogger(__name__)

ExtractorFactory = Callable[..., Extractor]


class _CpuBound:
    """An extractor whose extract() waits for one of the process's CPU slots."""

    def __init__(self, extractor: Extractor, slots: threading.BoundedSemaphore) -> None:
        self._extractor = extractor
        self._slots = slots
        self.name = extractor.name

    def __getattr__(self, attribute: str) -> Any:
        return getattr(self._extractor, attribute)

    def extract(self, article: ArticleInput) -> ExtractionResult:
        """Extract once a CPU slot is free."""
        with self._slots:
            return self._extractor.extract(article)


class _WakeableWorker(Worker):
    """A huey worker whose idle sleep ends as soon as this process enqueues a run."""

    wake: threading.Event = threading.Event()
    delay: float
    default_delay: float
    max_delay: float
    backoff: float

    def sleep(self) -> None:
        self.delay = min(self.delay, self.max_delay)
        if self.wake.wait(self.delay):
            self.wake.clear()
            self.delay = self.default_delay
        else:
            self.delay *= self.backoff


class _QuietConsumer(Consumer):
    """A consumer that leaves signal handling to its host (the web server)."""

    def _set_signal_handlers(self) -> None:
        pass


class RunExecutor:
    """Executes runs in this process: builds each run's extractor and calls the pipeline."""

    def __init__(
        self, *, engine: Engine, extractor_factory: Callable[[], ExtractorFactory], worker_id: str
    ) -> None:
        self.engine = engine
        self._factory = extractor_factory  # read per run, so tests may swap the extractor
        self.worker_id = worker_id
        self._cpu_slots = threading.BoundedSemaphore(os.cpu_count() or 1)

    def extractor_for(self, spec: RunSpec) -> Extractor:
        """The extractor a run asks for, limited to the cores when it is CPU-bound."""
        extractor = self._factory()(
            kind=spec.extractor, model=spec.model, prompt_version=spec.prompt_version
        )
        if getattr(extractor, "cpu_bound", False):
            return _CpuBound(extractor, self._cpu_slots)
        return extractor

    def __call__(self, run_id: int) -> None:
        """Execute one run (the queue task's body in this process)."""
        extractor_for: ExtractorForRun = self.extractor_for
        status = execute_run(
            engine=self.engine, run_id=run_id, extractor_for=extractor_for, worker_id=self.worker_id
        )
        if status is RunStatus.succeeded:
            link_after_run(self.engine, run_id)


class WorkerRuntime:
    """One process's consumer threads, run executor and heartbeat."""

    def __init__(
        self,
        *,
        settings: Settings,
        engine: Engine,
        queue: RunQueue,
        extractor_factory: Callable[[], ExtractorFactory],
        embedded: bool,
    ) -> None:
        self.settings = settings
        self.engine = engine
        self.queue = queue
        self.identity = recovery.WorkerIdentity.for_this_process(
            settings.workers, uuid.uuid4().hex[:8]
        )
        self.executor = RunExecutor(
            engine=engine, extractor_factory=extractor_factory, worker_id=self.identity.id
        )
        self._stopping = threading.Event()
        self._heartbeat: threading.Thread | None = None
        self.consumer = self._make_consumer(embedded)

    def _make_consumer(self, embedded: bool) -> Consumer:
        worker_class = type("ClaimkitWorker", (_WakeableWorker,), {"wake": self.queue.wake})
        consumer_class = _QuietConsumer if embedded else Consumer
        consumer_class = type("ClaimkitConsumer", (consumer_class,), {"worker_class": worker_class})
        return consumer_class(
            self.queue.huey,
            workers=self.settings.workers,
            periodic=False,
            initial_delay=0.05,
            backoff=1.5,
            max_delay=1.0,
            worker_type="thread",
            check_worker_health=True,
            shutdown_timeout=self.settings.worker_timeout_seconds,
            # SIGTERM (systemd, Kubernetes, `kill`) lets work under way finish, linking
            # included: a thread killed mid-import at exit can hang the interpreter.
            graceful_signal="TERM",
        )

    def _handle(self, run_id: int) -> None:
        if self._stopping.is_set():
            # A thread still waiting on the queue when the stop came took a message: it is
            # not this worker's to run any more, so it goes back for another worker.
            self.queue.enqueue(run_id)
            return
        self.executor(run_id)

    def _begin(self) -> None:
        """Take runs in this process, register, recover lost runs, start the heartbeat."""
        self.queue.set_handler(self._handle)
        recovery.beat(self.engine, self.identity)
        self._sweep()
        self._heartbeat = threading.Thread(
            target=self._beat_until_stopped, name="claimkit-heartbeat", daemon=True
        )
        self._heartbeat.start()

    def start(self) -> None:
        """Register, recover lost runs, then start the consumer threads and the heartbeat."""
        self._begin()
        self.consumer.start()
        logger.info(
            "worker %s: %d threads on the %s queue",
            self.identity.id,
            self.settings.workers,
            self.queue.backend,
        )

    def stop(self) -> None:
        """Let runs under way finish (up to the worker timeout), then hand back the rest."""
        if self._stopping.is_set():
            return
        self._stopping.set()
        self.queue.wake.set()
        self.consumer.stop(graceful=True)
        self._finish()

    def run_forever(self) -> None:
        """Consume in the foreground until SIGINT/SIGTERM (`claimkit worker`)."""
        self._begin()
        try:
            self.consumer.run()
        finally:
            self._stopping.set()
            self._finish()

    def _finish(self) -> None:
        if self._heartbeat is not None:
            self._heartbeat.join(timeout=5)
        held = recovery.runs_held_by(self.engine, self.identity.id)
        requeue = recovery.release_runs(
            self.engine,
            held,
            max_interruptions=self.settings.max_interruptions,
            reason="its worker was stopped",
        )
        for run_id in requeue:
            self.queue.enqueue(run_id)
        recovery.stop(self.engine, self.identity)

    def _sweep(self) -> None:
        try:
            recovery.sweep(
                self.engine,
                enqueue=self.queue.enqueue,
                queue_depth=self.queue.depth,
                timeout=self.settings.worker_timeout_seconds,
                max_interruptions=self.settings.max_interruptions,
            )
        except Exception:  # the database or queue is down: try again at the next beat
            logger.exception("recovery sweep failed")

    def _beat_until_stopped(self) -> None:
        while not self._stopping.wait(self.settings.worker_heartbeat_seconds):
            try:
                recovery.beat(self.engine, self.identity)
            except Exception:
                logger.exception("heartbeat failed")
            self._sweep()


@contextmanager
def running(runtime: WorkerRuntime | None) -> Iterator[None]:
    """Start a runtime (if any) for the duration of a block."""
    if runtime is not None:
        runtime.start()
    try:
        yield
    finally:
        if runtime is not None:
            runtime.stop()
