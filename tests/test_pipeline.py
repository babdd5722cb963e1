"""The persisted flow: a run is executed to the end and records what happened."""

from __future__ import annotations

from sqlmodel import Session

from schemas.claims import DraftClaim
from service import repository
from service.db import make_engine
from service.models import ExtractionRun
from service.pipeline import execute_run, fail_interrupted_runs
from tests.fakes.extractor import FakeExtractor

TEXT = "The bridge reopened on Monday."


def test_run_marked_interrupted_by_another_process_that_then_finishes_is_clean(
    database_url: str,
):
    engine = make_engine(database_url)
    with Session(engine) as session:
        article = repository.add_article(session=session, text=TEXT)
        assert article.id is not None
        run = repository.add_run(session=session, article_id=article.id, extractor="fake")
        session.commit()
        run_id = run.id
    assert run_id is not None
    assert fail_interrupted_runs(engine=engine) == 1
    extractor = FakeExtractor()
    extractor.enqueue(
        [DraftClaim(statement="Reopened.", kind="event", subject="bridge", evidence=[TEXT])]
    )
    finished = execute_run(engine=engine, run_id=run_id, extractor=extractor)
    assert (finished.status, finished.error_kind, finished.error) == ("succeeded", None, None)
    with Session(engine) as session:
        stored = session.get(ExtractionRun, run_id)
        assert stored is not None and stored.claims_count == 1
    engine.dispose()
