"""The app on each test database (SQLite; PostgreSQL when configured), an article seeded."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select
from sqlmodel import SQLModel

from schemas.claims import ClaimKind, DraftClaim, Quantity
from tests.bad_inputs.corpus import ARTICLE, SEEDED_QUOTES
from tests.fakes.extractor import FakeExtractor

# Heartbeats of the embedded worker write here whatever the requests do.
UNWATCHED_TABLES = frozenset({"worker"})


@pytest.fixture
def lenient_client(app: FastAPI) -> Iterator[TestClient]:
    """A client that shows a server error as its 500 answer instead of raising it."""
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture
def seeded(lenient_client: TestClient, fake_extractor: FakeExtractor) -> dict[str, int]:
    """Ids of a stored article and of its first claim: {article}, {claim}."""
    fake_extractor.enqueue(
        [
            DraftClaim(
                statement="About 3,000 soldiers arrived in Kursk on Wednesday.",
                kind=ClaimKind.event,
                subject="soldiers",
                quantities=[Quantity(text="about 3,000", value=3000, approx="approximately")],
                evidence=[SEEDED_QUOTES[0]],
            ),
            DraftClaim(
                statement="The White House confirmed the deployment.",
                kind=ClaimKind.event,
                subject="The White House",
                evidence=[SEEDED_QUOTES[1]],
            ),
        ]
    )
    body = lenient_client.post("/articles", json={"text": ARTICLE}).json()
    assert len(body["claims"]) == 2, body
    return {"article": body["article"]["id"], "claim": body["claims"][0]["id"]}


def row_counts(engine: Engine) -> dict[str, int]:
    """Rows per table (but the workers' heartbeats), to show that nothing was written."""
    with engine.connect() as connection:
        return {
            table.name: connection.execute(select(func.count()).select_from(table)).scalar_one()
            for table in SQLModel.metadata.sorted_tables
            if table.name not in UNWATCHED_TABLES
        }
