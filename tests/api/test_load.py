"""A burst of concurrent POSTs against a live server: no 5xx, nothing lost.

200 requests at once (150 distinct texts, 50 copies of one) against uvicorn with the
embedded queue, a model that takes 0.2 s per article, and `wait=5`; on SQLite and, when
configured, PostgreSQL. Bounded: the whole test takes a few seconds.
"""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import Iterator

import httpx
import pytest
import uvicorn
from sqlalchemy import func
from sqlmodel import Session, select

from schemas.claims import DraftClaim
from service.api.app import create_app
from service.config import Settings
from service.db import make_engine
from service.extractors.base import ArticleInput, ExtractionResult
from service.models import Article, ClaimRecord, ExtractionRun

DISTINCT = 150
COPIES = 50
MODEL_SECONDS = 0.2


class SlowModel:
    """Answers after MODEL_SECONDS with one claim quoting the article's first sentence."""

    name = "slow-model"

    def extract(self, article: ArticleInput) -> ExtractionResult:
        """One claim per article, after a pause like a model call."""
        time.sleep(MODEL_SECONDS)
        sentence = article.text.split(". ")[0]
        claim = DraftClaim(statement=sentence, kind="event", subject="story", evidence=[sentence])
        return ExtractionResult(claims=[claim])


def _text(number: int) -> str:
    return f"Story {number} happened on Monday. A spokesperson confirmed it on Tuesday."


@pytest.fixture
def live_url(settings: Settings) -> Iterator[str]:
    """The app served by uvicorn in a thread on a free port."""
    app = create_app(
        settings.model_copy(update={"workers": 16}), extractor_factory=lambda **_: SlowModel()
    )
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.02)
    yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    server.should_exit = True
    thread.join(timeout=30)


async def _burst(url: str) -> list[httpx.Response]:
    texts = [_text(n) for n in range(DISTINCT)] + [_text(0)] * COPIES
    limits = httpx.Limits(max_connections=len(texts))
    async with httpx.AsyncClient(base_url=url, timeout=60, limits=limits) as client:
        return await asyncio.gather(
            *(
                client.post(
                    "/articles",
                    content=text,
                    params={"wait": 5},
                    headers={"Content-Type": "text/plain"},
                )
                for text in texts
            )
        )


def _all_runs_final(settings: Settings, seconds: float) -> list[ExtractionRun]:
    engine = make_engine(settings.resolved_database_url())
    deadline = time.monotonic() + seconds
    try:
        while True:
            with Session(engine) as session:
                runs = list(session.exec(select(ExtractionRun)).all())
            if all(run.status in ("succeeded", "failed") for run in runs):
                return runs
            assert time.monotonic() < deadline, "runs still unfinished"
            time.sleep(0.1)
    finally:
        engine.dispose()


def test_a_burst_of_concurrent_posts_gets_no_5xx_and_loses_nothing(
    live_url: str, settings: Settings
):
    responses = asyncio.run(_burst(live_url))
    codes = [response.status_code for response in responses]
    assert [code for code in codes if code >= 500] == []
    assert set(codes) <= {200, 201, 202}
    runs = _all_runs_final(settings, seconds=60)
    engine = make_engine(settings.resolved_database_url())
    with Session(engine) as session:
        texts = session.exec(select(Article.text)).all()
        claims = session.exec(select(func.count()).select_from(ClaimRecord)).one()
    engine.dispose()
    assert sorted(texts) == sorted(_text(n) for n in range(DISTINCT))  # each stored once
    assert len(runs) == DISTINCT
    assert [run.status for run in runs] == ["succeeded"] * DISTINCT
    assert claims == DISTINCT  # one claim per run, none lost, none doubled
