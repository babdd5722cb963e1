"""Submitting an article: one transaction for the article and its run, one run per race."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, select

from schemas.api import ArticleCreate
from service import repository, submission
from service.article_text import text_sha256
from service.db import make_engine
from service.models import ExtractionRun
from tests.fakes.extractor import FakeExtractor

TEXT = "The ferry resumed service on Friday after the storm, the operator said."


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    """An engine on the freshly migrated test database."""
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


def _submit(engine: Engine, enqueued: list[int], *, max_pending: int = 100):  # type: ignore[no-untyped-def]
    return submission.submit_article(
        engine=engine,
        payload=ArticleCreate(text=TEXT),
        build_extractor=FakeExtractor,
        enqueue=enqueued.append,
        max_pending=max_pending,
    )


def _runs(engine: Engine) -> list[ExtractionRun]:
    with Session(engine) as session:
        return list(session.exec(select(ExtractionRun)).all())


def test_a_new_article_and_its_pending_run_are_stored_together(engine: Engine):
    enqueued: list[int] = []
    submitted = _submit(engine, enqueued)
    assert (submitted.created, submitted.started) == (True, True)
    assert enqueued == [submitted.run_id]
    (run,) = _runs(engine)
    assert (run.status, run.article_id, run.fingerprint is not None) == (
        "pending",
        submitted.article_id,
        True,
    )


def test_stored_text_answers_with_its_latest_run_and_queues_nothing(engine: Engine):
    first = _submit(engine, [])
    enqueued: list[int] = []
    again = _submit(engine, enqueued)
    assert (again.article_id, again.run_id, again.created, again.started) == (
        first.article_id,
        first.run_id,
        False,
        False,
    )
    assert enqueued == []


def test_a_full_queue_keeps_the_article_without_a_run(engine: Engine):
    with Session(engine) as session:
        other = repository.add_article(session=session, text="Waiting already.")
        assert other.id is not None
        repository.add_run(session=session, article_id=other.id, extractor="fake")
        session.commit()
    with pytest.raises(submission.QueueFull) as full:
        _submit(engine, [], max_pending=1)
    with Session(engine) as session:
        stored = repository.get_article_by_hash(session=session, sha256=text_sha256(TEXT))
        assert stored is not None and stored.id == full.value.article_id
        assert repository.latest_run(session=session, article_id=stored.id) is None


def test_identical_posts_racing_for_a_stored_article_start_one_run(engine: Engine):
    with Session(engine) as session:
        repository.add_article(session=session, text=TEXT)  # stored while the queue was full
        session.commit()
    enqueued: list[int] = []
    results: list[submission.Submitted] = []
    start = threading.Barrier(8)

    def post() -> None:
        start.wait()
        results.append(_submit(engine, enqueued))

    threads = [threading.Thread(target=post) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(_runs(engine)) == 1
    assert len(enqueued) == 1
    assert {result.run_id for result in results} == set(enqueued)
