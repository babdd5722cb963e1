"""Waiting for a run without holding a database connection or a thread.

A POST that waits for its run awaits an asyncio event: runs executed in this process
(the embedded worker) set it the moment they finish; runs executed elsewhere are seen by
a short status read every `poll` seconds. Each read opens a session and closes it at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from collections import defaultdict

from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool

from service import repository
from service.db import session_scope
from service.models import RunStatus

FINAL = frozenset({RunStatus.succeeded, RunStatus.failed})


class RunWaiter:
    """Lets coroutines wait until a run is final."""

    def __init__(self, engine: Engine, *, poll: float = 0.5) -> None:
        self.engine = engine
        self.poll = poll
        self._lock = threading.Lock()
        self._waiting: defaultdict[int, list[tuple[asyncio.AbstractEventLoop, asyncio.Event]]]
        self._waiting = defaultdict(list)

    def notify(self, run_id: int) -> None:
        """Wake whoever waits for this run (thread-safe; called by workers)."""
        with self._lock:
            waiters = list(self._waiting.get(run_id, ()))
        for loop, event in waiters:
            with contextlib.suppress(RuntimeError):  # that loop is closed: its waiter is gone
                loop.call_soon_threadsafe(event.set)

    def _is_final(self, run_id: int) -> bool:
        with session_scope(self.engine) as session:
            return repository.run_status(session=session, run_id=run_id) in FINAL

    async def wait(self, run_id: int, timeout: float) -> bool:
        """True once the run is final, False when `timeout` seconds passed first."""
        event = asyncio.Event()
        entry = (asyncio.get_running_loop(), event)
        with self._lock:
            self._waiting[run_id].append(entry)
        deadline = time.monotonic() + timeout
        try:
            while True:
                event.clear()  # before reading, so a finish during the read still wakes us
                if await run_in_threadpool(self._is_final, run_id):
                    return True
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(event.wait(), min(self.poll, remaining))
        finally:
            with self._lock:
                entries = self._waiting[run_id]
                entries.remove(entry)
                if not entries:
                    del self._waiting[run_id]
