"""The review state stored on each claim row always equals the fold of its review log, after
every action, undo and concurrent write."""

from __future__ import annotations

import random
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlmodel import Session

from schemas.claims import Claim
from schemas.review_status import Rating
from service import repository
from service.db import make_engine
from service.models import ClaimOrigin, ClaimRecord, RunStatus
from service.review import store
from service.review.state import claim_state
from tests.api.test_review import post_article
from tests.fakes.extractor import FakeExtractor

TEXT = "Officials said about 3,000 soldiers arrived. The White House confirmed it."
COLUMNS = ("review_state", "reviewed_data", "reviewed_subject", "reviewed_source_name")
COLUMNS += ("reviewed_kind", "reviewed_certainty", "reviewed_statement", "rating", "rating_note")


def claim(subject: str, kind: str = "event") -> Claim:
    quote = "about 3,000 soldiers arrived"
    start = TEXT.index(quote)
    return Claim.model_validate(
        {
            "statement": f"{subject} arrived.",
            "kind": kind,
            "subject": subject,
            "source": {"name": subject.upper()},
            "evidence": [{"start": start, "end": start + len(quote), "text": quote}],
        }
    )


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


def folded(session: Session, record: ClaimRecord) -> dict[str, Any]:
    """The columns the claim's log gives it, computed afresh."""
    events = store._events_by_claim(session=session, claim_ids=[record.id or 0])
    state = claim_state(
        original=record.data,
        added=record.origin == ClaimOrigin.review,
        events=events.get(record.id or 0, []),
    )
    fresh = ClaimRecord(**record.model_dump(exclude=set(COLUMNS)))
    store.apply_state(fresh, state)
    return {name: getattr(fresh, name) for name in COLUMNS}


def test_stored_state_matches_the_log_after_every_random_action(engine: Engine):
    chooser = random.Random(7)
    with Session(engine) as session:
        article = repository.add_article(session=session, text=TEXT)
        assert article.id is not None
        run = repository.add_run(session=session, article_id=article.id, extractor="fake")
        run.status = RunStatus.succeeded
        records = repository.add_claims(session=session, run=run, claims=[claim("a"), claim("b")])
        records.append(store.add(session=session, run=run, claim=claim("c"), reviewer="ada"))
        session.commit()
        for _ in range(60):
            record = chooser.choice(records)
            action = chooser.choice(["accept", "reject", "edit", "rate", "undo", "undo"])
            if action == "accept":
                store.accept(session=session, record=record, reviewer="ada")
            elif action == "reject":
                store.reject(session=session, record=record, reviewer="bo")
            elif action == "edit":
                kind = chooser.choice(["event", "state"])
                value = claim(chooser.choice(["troops", "units"]), kind)
                store.edit(session=session, record=record, claim=value, reviewer="ada")
            elif action == "rate":
                rating = chooser.choice(list(Rating))
                store.rate(session=session, record=record, rating=rating, note=None, reviewer="c")
            else:
                found = store.get_claim(session=session, claim_id=record.id or 0)
                if found is not None:
                    store.undo(session=session, events=found.events, reviewer="ada")
            session.commit()
            for each in records:
                session.refresh(each)
                stored = {name: getattr(each, name) for name in COLUMNS}
                assert stored == folded(session, each), (action, each.id)


def test_concurrent_actions_on_one_claim_leave_the_stored_state_right(
    client: TestClient, fake_extractor: FakeExtractor
):
    claim_id = post_article(client, fake_extractor)["claims"][0]["id"]
    actions = ["accept", "reject"] * 5

    with ThreadPoolExecutor(max_workers=len(actions)) as pool:
        statuses = list(
            pool.map(lambda a: client.post(f"/claims/{claim_id}/{a}").status_code, actions)
        )

    assert statuses == [200] * len(actions)
    logged = client.get(f"/claims/{claim_id}/review").json()
    last = logged["history"][-1]["action"]
    assert logged["claim"]["status"] == {"accept": "accepted", "reject": "rejected"}[last]
    stored = client.get("/claims", params={"review": logged["claim"]["status"]}).json()["data"]
    assert claim_id in [item["id"] for item in stored]
