"""FastAPI dependencies as Annotated aliases; routes never build sessions or clients.

Dependencies that only read app state are `async def`: FastAPI runs a plain `def` in its
thread pool, a hand-off that costs more than the lookup itself.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterator
from typing import Annotated

from fastapi import Depends, Path, Query, Request, Security, status
from fastapi.security import APIKeyHeader
from sqlalchemy import Engine
from sqlmodel import Session

from service.api.errors import ApiError
from service.config import Settings
from service.extractors.base import Extractor
from service.models import Article
from service.tasks.queue import RunQueue
from service.tasks.waiting import RunWaiter


async def get_app_settings(request: Request) -> Settings:
    """The settings the app was created with (tests may replace app.state.settings).

    Not a dependency override of get_settings: any override makes FastAPI re-analyse every
    dependency on every request, a tenth of a POST's CPU time.
    """
    settings: Settings = request.app.state.settings
    return settings


SettingsDep = Annotated[Settings, Depends(get_app_settings)]


async def get_engine(request: Request) -> Engine:
    """The engine the app was started with."""
    engine: Engine = request.app.state.engine
    return engine


def get_session(engine: Annotated[Engine, Depends(get_engine)]) -> Iterator[Session]:
    """A session per request; routes commit what they change."""
    with Session(engine, expire_on_commit=False) as session:
        yield session


async def get_run_queue(request: Request) -> RunQueue:
    """The app's run queue."""
    queue: RunQueue = request.app.state.run_queue
    return queue


async def get_run_waiter(request: Request) -> RunWaiter:
    """Waits for runs without holding a connection."""
    waiter: RunWaiter = request.app.state.run_waiter
    return waiter


ExtractorFactory = Callable[..., Extractor]


async def get_extractor_factory(request: Request) -> ExtractorFactory:
    """The function building the extractor for (kind, model, prompt_version): by default
    `build_extractor` with the app's settings; tests give create_app a fake."""
    factory: ExtractorFactory = request.app.state.extractor_factory
    return factory


_api_key_header = APIKeyHeader(name="X-API-Key", auto_error=False)


async def require_write_access(
    settings: SettingsDep, key: Annotated[str | None, Security(_api_key_header)]
) -> None:
    """When CLAIMKIT_API_KEY is set, writes need it in the X-API-Key header."""
    expected = settings.api_key.get_secret_value() if settings.api_key else None
    if expected and not (key and secrets.compare_digest(key.encode(), expected.encode())):
        problem = "is missing" if not key else "is wrong"
        raise ApiError(
            status.HTTP_401_UNAUTHORIZED,
            f"unauthorized: the X-API-Key header {problem}; writes need CLAIMKIT_API_KEY",
            code="unauthorized",
        )


# Ids are 32-bit integers in PostgreSQL: a larger number cannot name a record, and sending
# it to the database would fail there rather than come back as "not found".
MAX_ID = 2**31 - 1
ArticleId = Annotated[int, Path(ge=1, le=MAX_ID, description="an article's id")]
RunId = Annotated[int, Path(ge=1, le=MAX_ID, description="an extraction run's id")]
ClaimId = Annotated[int, Path(ge=1, le=MAX_ID, description="a claim's id")]
Offset = Annotated[int, Query(ge=0, le=MAX_ID, description="how many items to skip")]
Limit = Annotated[int, Query(ge=1, le=500, description="at most this many items")]

EngineDep = Annotated[Engine, Depends(get_engine)]
SessionDep = Annotated[Session, Depends(get_session)]


def get_article(article_id: ArticleId, session: SessionDep) -> Article:
    """The article named in the path, or 404."""
    article = session.get(Article, article_id)
    if article is None:
        raise ApiError(status.HTTP_404_NOT_FOUND, f"article {article_id} does not exist")
    return article


ArticleDep = Annotated[Article, Depends(get_article)]
RunQueueDep = Annotated[RunQueue, Depends(get_run_queue)]
RunWaiterDep = Annotated[RunWaiter, Depends(get_run_waiter)]
ExtractorFactoryDep = Annotated[ExtractorFactory, Depends(get_extractor_factory)]
WriteAccess = Depends(require_write_access)
