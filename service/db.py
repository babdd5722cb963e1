"""Database engine and sessions: SQLite (WAL) by default, PostgreSQL by URL."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.engine import make_url
from sqlmodel import Session, create_engine

from service.config import Settings


def make_engine(
    url: str, *, pool_size: int = 10, max_overflow: int = 30, pool_timeout: float = 30.0
) -> Engine:
    """Create an engine; SQLite gets WAL, foreign keys, a busy timeout and its folder.

    Sessions are short (open, read or write, commit, close), so a pool of a few connections
    serves many concurrent requests and worker threads; the sizes are settings.
    """
    pool = {"pool_size": pool_size, "max_overflow": max_overflow, "pool_timeout": pool_timeout}
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True, **pool)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    else:
        pool = {}  # an in-memory database lives in one connection
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30}, **pool)

    @event.listens_for(engine, "connect")
    def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    return engine


def engine_for(settings: Settings) -> Engine:
    """The engine for the configured database, with the configured pool sizes."""
    return make_engine(
        settings.resolved_database_url(),
        pool_size=settings.db_pool_size,
        max_overflow=settings.db_max_overflow,
        pool_timeout=settings.db_pool_timeout,
    )


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """A session that is closed afterwards; the caller commits."""
    with Session(engine, expire_on_commit=False) as session:
        yield session


def database_ok(engine: Engine) -> tuple[bool, str]:
    """Whether the database answers a trivial query, with a short description."""
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("SELECT 1")
    except Exception as error:  # any driver error means "not ok"; report it, don't raise
        return False, f"{type(error).__name__}: {error}".splitlines()[0]
    return True, engine.url.get_backend_name()
