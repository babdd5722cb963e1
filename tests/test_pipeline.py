"""The persisted flow: a worker claims a pending run, extracts, and settles it under a lease."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine
from sqlmodel import Session

from schemas.claims import DraftClaim
from service import repository
from service.db import make_engine
from service.extractors.base import (
    ArticleInput,
    DroppedClaim,
    ExtractionError,
    ExtractionResult,
    FailureKind,
)
from service.models import ExtractionRun, RunStatus
from service.pipeline import RunSpec, execute_run
from service.tasks import recovery
from tests.conftest import pending_run
from tests.fakes.extractor import FakeExtractor

TEXT = "The bridge reopened on Monday."
CLAIM = DraftClaim(statement="Reopened.", kind="event", subject="bridge", evidence=[TEXT])


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    """An engine on the freshly migrated test database."""
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


def _run(engine: Engine, run_id: int) -> ExtractionRun:
    with Session(engine) as session:
        run = session.get(ExtractionRun, run_id)
        assert run is not None
        return run


def test_execute_run_stores_claims_and_clears_the_lease(engine: Engine):
    run_id = pending_run(engine, TEXT)
    extractor = FakeExtractor()
    extractor.enqueue([CLAIM])
    specs: list[RunSpec] = []

    def extractor_for(spec: RunSpec) -> FakeExtractor:
        specs.append(spec)
        return extractor

    status = execute_run(engine=engine, run_id=run_id, extractor_for=extractor_for, worker_id="w1")
    assert status == RunStatus.succeeded
    run = _run(engine, run_id)
    assert (run.status, run.claims_count, run.worker_id, run.lease) == ("succeeded", 1, "w1", None)
    assert specs == [RunSpec(extractor="fake", model=None, prompt_version=None)]
    with Session(engine) as session:
        assert [c.statement for c in repository.run_claims(session=session, run_id=run_id)] == [
            "Reopened."
        ]


def test_execute_run_stores_every_dropped_claim_and_counts_them(engine: Engine):
    run_id = pending_run(engine, TEXT)
    extractor = FakeExtractor()
    unfixed = DroppedClaim("Reopened early.", ("on Sunday",), "still not found after 3 attempts")
    invented = DraftClaim(statement="Closed.", kind="event", subject="bridge", evidence=["shut"])
    extractor.enqueue(ExtractionResult(claims=[CLAIM, invented], dropped_claims=[unfixed]))
    execute_run(engine=engine, run_id=run_id, extractor_for=lambda _: extractor, worker_id="w")
    run = _run(engine, run_id)
    assert run.dropped == [
        {
            "statement": "Reopened early.",
            "evidence": ["on Sunday"],
            "reason": "still not found after 3 attempts",
        },
        {
            "statement": "Closed.",
            "evidence": ["shut"],
            "reason": "quote not found verbatim in the article: 'shut'",
        },
    ]
    assert (run.claims_count, run.dropped_count) == (1, 2)


def test_execute_run_skips_a_run_that_is_not_pending(engine: Engine):
    run_id = pending_run(engine, TEXT)
    extractor = FakeExtractor()
    execute_run(engine=engine, run_id=run_id, extractor_for=lambda _: extractor, worker_id="w1")
    again = execute_run(
        engine=engine, run_id=run_id, extractor_for=lambda _: extractor, worker_id="w2"
    )
    assert again is None
    assert len(extractor.history) == 1
    assert _run(engine, run_id).worker_id == "w1"


def test_a_result_arriving_after_the_run_was_handed_on_is_discarded(engine: Engine):
    run_id = pending_run(engine, TEXT)

    class ReleasedMeanwhile(FakeExtractor):
        def extract(self, article: ArticleInput) -> ExtractionResult:
            # While this worker extracts, the others decide it died and release the run.
            running = recovery.runs_held_by(engine, "slow")
            recovery.release_runs(engine, running, max_interruptions=3, reason="test")
            return ExtractionResult(claims=[CLAIM])

    status = execute_run(
        engine=engine, run_id=run_id, extractor_for=lambda _: ReleasedMeanwhile(), worker_id="slow"
    )
    assert status is None
    run = _run(engine, run_id)
    assert (run.status, run.interruptions, run.claims_count) == ("pending", 1, 0)
    with Session(engine) as session:
        assert repository.run_claims(session=session, run_id=run_id) == []


def test_extraction_error_fails_the_run_with_its_kind_retries_and_last_error(engine: Engine):
    run_id = pending_run(engine, TEXT)
    extractor = FakeExtractor()
    extractor.enqueue(
        ExtractionError(
            FailureKind.rate_limited,
            "still rate limited",
            attempts=1,
            retries=4,
            last_error="HTTP 429 rate limited (Retry-After 2 s)",
        )
    )
    status = execute_run(
        engine=engine, run_id=run_id, extractor_for=lambda _: extractor, worker_id="w"
    )
    assert status == RunStatus.failed
    run = _run(engine, run_id)
    assert (run.error_kind, run.retries) == ("rate_limited", 4)
    assert run.last_error == "HTTP 429 rate limited (Retry-After 2 s)"
    assert run.finished_at is not None


def test_an_extractor_this_worker_cannot_build_fails_the_run_as_configuration(engine: Engine):
    run_id = pending_run(engine, TEXT, extractor="llm")

    def unavailable(_spec: RunSpec) -> FakeExtractor:
        raise ValueError("no model configured: set CLAIMKIT_MODEL")

    execute_run(engine=engine, run_id=run_id, extractor_for=unavailable, worker_id="w")
    run = _run(engine, run_id)
    assert (run.status, run.error_kind) == ("failed", "configuration")
    assert "CLAIMKIT_MODEL" in (run.error or "")


def test_a_crashing_extractor_fails_the_run_instead_of_leaving_it_running(engine: Engine):
    run_id = pending_run(engine, TEXT)

    class Crashing(FakeExtractor):
        def extract(self, article: ArticleInput) -> ExtractionResult:
            raise KeyError("boom")

    execute_run(engine=engine, run_id=run_id, extractor_for=lambda _: Crashing(), worker_id="w")
    run = _run(engine, run_id)
    assert (run.status, run.error_kind) == ("failed", "internal_error")
    assert "KeyError" in (run.error or "")
