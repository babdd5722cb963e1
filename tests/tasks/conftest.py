"""Queue fixtures: settings for a real consumer on SQLite, or on Redis when configured."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine

from service.config import Settings
from service.db import make_engine
from tests.conftest import redis_url_or_skip


def _forget_queue(url: str, name: str) -> None:
    import redis

    client = redis.Redis.from_url(url)
    keys = list(client.scan_iter(f"huey.*.{name}*"))
    if keys:
        client.delete(*keys)


@pytest.fixture(params=["sqlite", pytest.param("redis", marks=pytest.mark.redis)])
def queue_settings(request: pytest.FixtureRequest, settings: Settings) -> Iterator[Settings]:
    """Settings for a real queue: the SQLite file, or the test Redis under a unique name."""
    name = f"test_{uuid.uuid4().hex[:12]}"
    update: dict[str, object] = {
        "queue_name": name,
        "workers": 3,
        "worker_heartbeat_seconds": 0.2,
        "worker_timeout_seconds": 2.0,
    }
    if request.param == "redis":
        url = redis_url_or_skip()
        update["queue_url"] = url
        yield settings.model_copy(update=update)
        _forget_queue(url, name)
    else:
        yield settings.model_copy(update=update)


@pytest.fixture
def engine(settings: Settings) -> Iterator[Engine]:
    """An engine on the freshly migrated test database."""
    engine = make_engine(settings.resolved_database_url())
    yield engine
    engine.dispose()
