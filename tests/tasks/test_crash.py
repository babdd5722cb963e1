"""A worker process killed with SIGKILL mid-run: another worker finishes the run, once.

Real `claimkit worker` processes and a scripted model that hangs on the first request, on
the embedded stack (SQLite database and queue) and, when configured, on PostgreSQL with
Redis.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, select

from service import repository
from service.config import Settings
from service.db import make_engine
from service.migrations import downgrade, upgrade
from service.models import ExtractionRun, Worker
from service.tasks.queue import RunQueue, make_huey
from tests.api.test_llm_runs import CLAIM, TEXT
from tests.conftest import postgres_url_or_skip, redis_url_or_skip
from tests.fakes.openai_server import Delay, Reply, ScriptedOpenAIServer, openai_server

__all__ = ["openai_server"]

CLAIMKIT = Path(sys.executable).with_name("claimkit")


@pytest.fixture(params=["sqlite", pytest.param("postgres+redis", marks=pytest.mark.redis)])
def stack(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Settings]:
    """Settings for one deployment: all SQLite, or PostgreSQL with a Redis queue."""
    values: dict[str, object] = {"data_dir": tmp_path, "queue_name": f"t{uuid.uuid4().hex[:12]}"}
    if request.param == "sqlite":
        values["database_url"] = f"sqlite:///{tmp_path / 'claimkit.db'}"
    else:
        values["database_url"] = postgres_url_or_skip()
        values["queue_url"] = redis_url_or_skip()
        downgrade(str(values["database_url"]), "base")
    settings = Settings(_env_file=None, **values)  # type: ignore[arg-type]
    upgrade(settings.resolved_database_url())
    yield settings
    if request.param != "sqlite":
        downgrade(settings.resolved_database_url(), "base")


def _environment(settings: Settings, model_url: str) -> dict[str, str]:
    values = {
        "CLAIMKIT_DATA_DIR": str(settings.data_dir),
        "CLAIMKIT_DATABASE_URL": settings.resolved_database_url(),
        "CLAIMKIT_QUEUE_URL": settings.resolved_queue_url(),
        "CLAIMKIT_QUEUE_NAME": settings.queue_name,
        "CLAIMKIT_MODEL": "openai/test-model",
        "CLAIMKIT_MODEL_API_BASE": model_url,
        "CLAIMKIT_MODEL_API_KEY": "test",
        "CLAIMKIT_MODEL_RETRIES": "0",
        "CLAIMKIT_WORKER_HEARTBEAT_SECONDS": "0.2",
        "CLAIMKIT_WORKER_TIMEOUT_SECONDS": "3",
    }
    kept = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMKIT_")}
    return kept | values


@pytest.fixture
def engine(stack: Settings) -> Iterator[Engine]:
    """An engine on the stack's database."""
    engine = make_engine(stack.resolved_database_url())
    yield engine
    engine.dispose()


@pytest.fixture
def workers(
    stack: Settings, openai_server: ScriptedOpenAIServer
) -> Iterator[Callable[[int], list[subprocess.Popen[bytes]]]]:
    """Start `claimkit worker` processes; any left running are killed afterwards."""
    processes: list[subprocess.Popen[bytes]] = []
    environment = _environment(stack, openai_server.base_url)

    def start(count: int) -> list[subprocess.Popen[bytes]]:
        for _ in range(count):
            processes.append(
                subprocess.Popen(
                    [str(CLAIMKIT), "worker", "--threads", "2"],
                    env=environment,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )
        return processes[-count:]

    yield start
    for process in processes:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=30)


# Generous: a worker process imports the whole app before it registers, which on a loaded
# two-core machine has taken over a minute. A liveness bound, not a speed claim.
def _wait_for(predicate: Callable[[], bool], seconds: float = 240.0) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        assert time.monotonic() < deadline, "condition not reached in time"
        time.sleep(0.05)


def _run(engine: Engine, run_id: int) -> ExtractionRun:
    with Session(engine) as session:
        run = session.get(ExtractionRun, run_id)
        assert run is not None
        return run


def _queue_a_run(stack: Settings, engine: Engine) -> int:
    """Store an article and an LLM run for it, and put the run on the queue."""
    with Session(engine) as session:
        article = repository.add_article(session=session, text=TEXT)
        assert article.id is not None
        run = repository.add_run(
            session=session,
            article_id=article.id,
            extractor="llm",
            model="openai/test-model",
            prompt_version="v1",
        )
        session.commit()
        run_id = run.id
    assert run_id is not None
    RunQueue(make_huey(stack)).enqueue(run_id)
    return run_id


def _registered(engine: Engine) -> int:
    with Session(engine) as session:
        return len(session.exec(select(Worker)).all())


def test_a_run_whose_worker_was_killed_is_finished_by_another_worker_exactly_once(
    stack: Settings,
    engine: Engine,
    openai_server: ScriptedOpenAIServer,
    workers: Callable[[int], list[subprocess.Popen[bytes]]],
):
    # The first request hangs until its worker is killed; the second one gets an answer.
    openai_server.enqueue(Delay(120), Reply({"claims": [CLAIM]}))
    pair = workers(2)
    _wait_for(lambda: _registered(engine) == 2)
    run_id = _queue_a_run(stack, engine)

    _wait_for(lambda: len(openai_server.requests) == 1)  # mid-run: the model was called
    holder = _run(engine, run_id).worker_id or ""
    (killed,) = [p for p in pair if f":{p.pid}:" in holder]
    (survivor,) = [p for p in pair if p is not killed]
    killed.send_signal(signal.SIGKILL)
    killed.wait(timeout=10)

    _wait_for(lambda: _run(engine, run_id).status in ("succeeded", "failed"))
    finished = _run(engine, run_id)
    assert (finished.status, finished.interruptions, finished.claims_count) == (
        "succeeded",
        1,
        1,
    )
    assert f":{survivor.pid}:" in (finished.worker_id or "")
    with Session(engine) as session:
        assert len(repository.run_claims(session=session, run_id=run_id)) == 1
    assert len(openai_server.requests) == 2
    survivor.send_signal(signal.SIGTERM)  # a clean stop exits 0
    assert survivor.wait(timeout=30) == 0


def test_sigterm_lets_a_run_under_way_finish_before_the_worker_exits(
    stack: Settings,
    engine: Engine,
    openai_server: ScriptedOpenAIServer,
    workers: Callable[[int], list[subprocess.Popen[bytes]]],
):
    # The model answers after two seconds; SIGTERM comes while the worker waits for it.
    openai_server.enqueue(Delay(2, then=Reply({"claims": [CLAIM]})))
    (worker,) = workers(1)
    _wait_for(lambda: _registered(engine) == 1)
    run_id = _queue_a_run(stack, engine)

    _wait_for(lambda: len(openai_server.requests) == 1)
    worker.send_signal(signal.SIGTERM)
    assert worker.wait(timeout=30) == 0
    finished = _run(engine, run_id)
    assert (finished.status, finished.interruptions, finished.claims_count) == ("succeeded", 0, 1)
