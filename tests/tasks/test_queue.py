"""The queue from settings: which storage, immediate mode, and an unreachable queue."""

from __future__ import annotations

from pathlib import Path

import pytest
from huey import RedisHuey, SqliteHuey

from service.config import Settings
from service.tasks.queue import QueueUnavailable, RunQueue, make_huey


def _settings(tmp_path: Path, **values: object) -> Settings:
    return Settings(_env_file=None, data_dir=tmp_path, **values)  # type: ignore[call-arg]


def test_default_queue_is_a_sqlite_file_beside_the_database(tmp_path: Path):
    huey = make_huey(_settings(tmp_path))
    assert isinstance(huey, SqliteHuey)
    assert Path(huey.storage.filename) == tmp_path / "queue.db"
    assert RunQueue(huey).backend == "sqlite"


def test_redis_url_gives_a_redis_queue_under_the_queue_name(tmp_path: Path):
    huey = make_huey(_settings(tmp_path, queue_url="redis://127.0.0.1:6379/3", queue_name="desk"))
    assert isinstance(huey, RedisHuey)
    assert huey.storage.queue_key == "huey.redis.desk"


@pytest.mark.parametrize("url", ["amqp://127.0.0.1", "sqlite://"])
def test_unsupported_queue_url_is_refused_naming_the_setting(tmp_path: Path, url: str):
    with pytest.raises(ValueError, match="CLAIMKIT_QUEUE_URL"):
        make_huey(_settings(tmp_path, queue_url=url))


def test_immediate_queue_runs_the_handler_and_tells_listeners(tmp_path: Path):
    queue = RunQueue(make_huey(_settings(tmp_path), immediate=True))
    handled: list[int] = []
    finished: list[int] = []
    queue.set_handler(handled.append)
    queue.on_finished(finished.append)
    queue.enqueue(7)
    assert handled == [7]
    assert finished == [7]


def test_a_failing_listener_does_not_break_the_run(tmp_path: Path):
    queue = RunQueue(make_huey(_settings(tmp_path), immediate=True))
    handled: list[int] = []
    queue.set_handler(handled.append)

    def broken(_run_id: int) -> None:
        raise RuntimeError("listener bug")

    queue.on_finished(broken)
    queue.enqueue(3)
    assert handled == [3]


def test_enqueue_on_an_unreachable_redis_raises_queue_unavailable(tmp_path: Path):
    queue = RunQueue(make_huey(_settings(tmp_path, queue_url="redis://127.0.0.1:1/0")))
    with pytest.raises(QueueUnavailable, match="unreachable"):
        queue.enqueue(1)
    ok, detail = queue.ping()
    assert ok is False
    assert "ConnectionError" in detail


def test_sqlite_queue_keeps_messages_until_a_worker_takes_them(tmp_path: Path):
    queue = RunQueue(make_huey(_settings(tmp_path)))
    queue.enqueue(1)
    queue.enqueue(2)
    assert queue.depth() == 2
    again = RunQueue(make_huey(_settings(tmp_path)))  # another process, same file
    assert again.depth() == 2
