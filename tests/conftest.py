"""Shared fixtures: databases (SQLite always, PostgreSQL when configured), app, client."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine, create_engine, text
from sqlmodel import Session

from service import repository
from service.api.app import create_app
from service.config import Settings
from service.migrations import downgrade, upgrade
from tests.fakes.extractor import FakeExtractor

ARTICLES = Path(__file__).parent / "fixtures" / "articles"
POSTGRES_URL_VAR = "CLAIMKIT_TEST_DATABASE_URL"


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never see the developer's CLAIMKIT_* settings."""
    for name in list(os.environ):
        if name.startswith("CLAIMKIT_") and not name.startswith("CLAIMKIT_TEST_"):
            monkeypatch.delenv(name)


def postgres_url_or_skip() -> str:
    """The test PostgreSQL URL, or skip saying why."""
    url = os.environ.get(POSTGRES_URL_VAR)
    if not url:
        pytest.skip(f"{POSTGRES_URL_VAR} is not set: PostgreSQL variant skipped")
    try:
        engine = create_engine(url)
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        engine.dispose()
    except Exception as error:
        pytest.skip(f"PostgreSQL at {POSTGRES_URL_VAR} is unreachable: {error}")
    return url


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


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A freshly migrated database: a SQLite file, or the test PostgreSQL emptied first."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'claimkit.db'}"
    else:
        url = postgres_url_or_skip()
        downgrade(url, "base")
    upgrade(url)
    yield url
    if request.param == "postgres":
        downgrade(url, "base")


@pytest.fixture
def settings(tmp_path: Path, database_url: str) -> Settings:
    """Settings pointing at the test database, ignoring any .env file."""
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        data_dir=tmp_path,
        database_url=database_url,
        default_wait_seconds=10,
        workers=4,
        worker_timeout_seconds=5,
    )


@pytest.fixture
def fake_extractor() -> FakeExtractor:
    """A scripted extractor the app uses instead of the real ones."""
    return FakeExtractor()


@pytest.fixture
def app(settings: Settings, fake_extractor: FakeExtractor) -> FastAPI:
    """The app on the test database with the fake extractor injected."""
    return create_app(settings, extractor_factory=lambda **_options: fake_extractor)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    """A client for the app, with its lifespan (engine, run queue) running."""
    with TestClient(app) as test_client:
        yield test_client


def article_text(name_prefix: str) -> str:
    """The text of a fixture article by file-name prefix (e.g. '003')."""
    (path,) = ARTICLES.glob(f"{name_prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def pending_run(engine: Engine, text: str, *, extractor: str = "fake") -> int:
    """Store an article with this text and a pending run of it; returns the run's id."""
    with Session(engine) as session:
        article = repository.add_article(session=session, text=text)
        assert article.id is not None
        run = repository.add_run(session=session, article_id=article.id, extractor=extractor)
        session.commit()
        assert run.id is not None
        return run.id
