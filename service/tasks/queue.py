"""The run queue: a huey instance from settings, and the one task it carries (a run id).

SQLite storage (a file beside the database) is the embedded default and needs nothing
running; Redis (`CLAIMKIT_QUEUE_URL=redis://...`) lets any number of worker processes on
any number of machines share the runs. Only run ids travel through the queue: the
database holds everything else, so a lost message costs a re-enqueue, never data.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from huey import Huey, MemoryHuey, RedisHuey, SqliteHuey
from huey.api import Task
from sqlalchemy.engine import make_url

from service.config import Settings

logger = logging.getLogger(__name__)

TASK_NAME = "claimkit.execute_run"
RunHandler = Callable[[int], None]


class QueueUnavailable(RuntimeError):
    """The queue's storage could not be reached (e.g. Redis is down)."""


def make_huey(settings: Settings, *, immediate: bool = False) -> Huey:
    """A huey instance for the configured queue URL (sqlite:///FILE or redis://...).

    `immediate` runs every task inline on enqueue, in memory: for unit tests only.
    """
    name = settings.queue_name
    if immediate:
        return MemoryHuey(name, immediate=True, results=False)
    url = settings.resolved_queue_url()
    scheme = url.split(":", 1)[0].lower()
    if scheme in ("redis", "rediss", "unix"):
        # A short blocking read keeps idle workers responsive to a stop request.
        return RedisHuey(name, url=url, results=False, blocking=True, read_timeout=1)
    if scheme == "sqlite":
        database = make_url(url).database
        if not database or database == ":memory:":
            raise ValueError("CLAIMKIT_QUEUE_URL: a SQLite queue needs a file, sqlite:///PATH")
        Path(database).parent.mkdir(parents=True, exist_ok=True)
        return SqliteHuey(name, filename=database, results=False, timeout=30)
    raise ValueError(
        f"CLAIMKIT_QUEUE_URL: unsupported queue {url!r}; use redis://HOST:PORT/DB or sqlite:///PATH"
    )


class RunQueue:
    """Puts run ids on the queue; in a process that consumes, runs them with its handler."""

    def __init__(self, huey: Huey) -> None:
        self.huey = huey
        self._handler: RunHandler | None = None
        self._finished: list[RunHandler] = []
        self._wake = threading.Event()  # set on enqueue: local idle workers look at once
        self._task = huey.task(name=TASK_NAME)(self._execute)
        huey.post_execute(name="claimkit.run_finished")(self._after)

    @property
    def backend(self) -> str:
        """'sqlite', 'redis' or 'memory'."""
        storage = type(self.huey.storage).__name__.lower()
        return next((kind for kind in ("sqlite", "redis", "memory") if kind in storage), storage)

    @property
    def wake(self) -> threading.Event:
        """An event local workers wait on between polls; enqueue sets it."""
        return self._wake

    def set_handler(self, handler: RunHandler) -> None:
        """The function that executes a run in this process (workers set it)."""
        self._handler = handler

    def on_finished(self, callback: RunHandler) -> None:
        """Call `callback(run_id)` after each run this process executes."""
        self._finished.append(callback)

    def enqueue(self, run_id: int) -> None:
        """Put a run on the queue; raises QueueUnavailable when the queue cannot be reached."""
        try:
            self._task(run_id)
        except Exception as error:  # redis.ConnectionError, sqlite3.OperationalError, ...
            if self.huey.immediate:
                raise
            raise QueueUnavailable(f"the run queue is unreachable: {error}") from error
        self._wake.set()

    def depth(self) -> int:
        """Messages waiting on the queue (runs not yet picked up by any worker)."""
        return int(self.huey.pending_count())

    def ping(self) -> tuple[bool, str]:
        """Whether the queue's storage answers, with a short description."""
        try:
            self.depth()
        except Exception as error:  # any storage error means "not ok"; report it
            return False, f"{type(error).__name__}: {error}".splitlines()[0]
        return True, self.backend

    def _execute(self, run_id: int) -> None:
        if self._handler is None:
            # A message consumed by a process that cannot run it would be lost.
            raise RuntimeError("this process has no run handler; start a worker")
        self._handler(run_id)

    def _after(self, task: Task, value: Any, error: BaseException | None) -> None:
        if task.name != TASK_NAME or not task.args:
            return
        for callback in self._finished:
            try:
                callback(int(task.args[0]))
            except Exception:  # a listener's bug must not break the worker
                logger.exception("run-finished callback failed")
