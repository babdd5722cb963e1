"""Queue fixtures: settings for a real consumer on SQLite, or on Redis when configured."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine

from service.config import Settings
from service.db import make_engine

REDIS_URL_VAR = "CLAIMKIT_TEST_REDIS_URL"


def redis_url_or_skip() -> str:
    """The test Redis URL, or skip saying why."""
    url = os.environ.get(REDIS_URL_VAR)
    if not url:
        pytest.skip(f"{REDIS_URL_VAR} is not set: Redis variant skipped")
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.RedisError as error:
        pytest.skip(f"Redis at {REDIS_URL_VAR} is unreachable: {error}")
    return url


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
