"""Runs extraction runs off the request thread; swap for a real queue without API changes."""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor

from sqlalchemy import Engine

from service.extractors.base import Extractor
from service.models import ExtractionRun
from service.pipeline import execute_run


class RunQueue:
    """An in-process queue: a small thread pool executing runs against one engine."""

    def __init__(self, engine: Engine, *, workers: int = 2) -> None:
        self.engine = engine
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="claimkit-run")

    def submit(self, *, run_id: int, extractor: Extractor) -> Future[ExtractionRun]:
        """Start a run in the background; the future resolves to the finished run."""
        return self._pool.submit(
            execute_run, engine=self.engine, run_id=run_id, extractor=extractor
        )

    def shutdown(self) -> None:
        """Wait for runs under way, then stop the workers."""
        self._pool.shutdown(wait=True)
