"""Reviewed articles become gold files the eval harness accepts."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import Session

from schemas.claims import Claim
from schemas.gold import GoldArticle
from service import repository
from service.db import make_engine
from service.models import ClaimOrigin, ClaimRecord, ExtractionRun, RunStatus
from service.review import store
from service.review.export import IncompleteReview, export_gold, gold_document

TEXT = "Officials said about 3,000 soldiers arrived.\n\nThe White House confirmed it."


def claim(statement: str, quote: str) -> Claim:
    """A claim citing one quote of TEXT."""
    start = TEXT.index(quote)
    span = {"start": start, "end": start + len(quote), "text": quote}
    return Claim.model_validate(
        {"statement": statement, "kind": "event", "subject": "soldiers", "evidence": [span]}
    )


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


def stored_article(session: Session, text: str = TEXT) -> tuple[int, ExtractionRun, list[int]]:
    """An article with a succeeded run of two claims, the later one in the text first."""
    article = repository.add_article(session=session, text=text, title="Arrivals")
    assert article.id is not None
    run = repository.add_run(session=session, article_id=article.id, extractor="offline")
    run.status = RunStatus.succeeded
    claims = [
        claim("The White House confirmed it.", "The White House confirmed it"),
        claim("About 3,000 soldiers arrived.", "about 3,000 soldiers arrived"),
    ]
    records = repository.add_claims(session=session, run=run, claims=claims)
    session.commit()
    return article.id, run, [record.id for record in records if record.id is not None]


def record(session: Session, claim_id: int) -> ClaimRecord:
    found = session.get(ClaimRecord, claim_id)
    assert found is not None
    return found


def test_gold_document_keeps_reviewed_claims_in_text_order(engine: Engine):
    with Session(engine) as session:
        article_id, run, (white_house, _soldiers) = stored_article(session)
        store.accept(session=session, record=record(session, white_house), reviewer="ada")
        added = claim("Officials spoke.", "Officials said")
        added_id = store.add(session=session, run=run, claim=added, reviewer="bo").id
        session.commit()
        gold = gold_document(session=session, article_id=article_id, partial=True)
    assert [c.statement for c in gold.claims] == [
        "Officials spoke.",
        "The White House confirmed it.",
    ]
    assert [c.id for c in gold.claims] == [f"c{added_id}", f"c{white_house}"]
    assert gold.annotator is not None
    assert "by ada, bo" in gold.annotator
    assert "1 unreviewed" in gold.annotator


def test_gold_document_refuses_unreviewed_claims_unless_partial(engine: Engine):
    with Session(engine) as session:
        article_id, _, (first, _second) = stored_article(session)
        store.reject(session=session, record=record(session, first), reviewer="ada")
        session.commit()
        with pytest.raises(IncompleteReview, match="1 unreviewed claim\\(s\\) of 2"):
            gold_document(session=session, article_id=article_id)
        partial = gold_document(session=session, article_id=article_id, partial=True)
    assert partial.partial is True
    assert partial.review is not None and partial.review.unreviewed == 1
    assert '"partial": true' in partial.to_json()


def test_a_complete_gold_document_is_not_marked_partial(engine: Engine):
    with Session(engine) as session:
        article_id, _, claim_ids = stored_article(session)
        for claim_id in claim_ids:
            store.accept(session=session, record=record(session, claim_id), reviewer="ada")
        session.commit()
        gold = gold_document(session=session, article_id=article_id, partial=True)
    assert gold.partial is False
    assert "partial" not in json.loads(gold.to_json())


def test_gold_document_of_an_unknown_article_is_a_lookup_error(engine: Engine):
    with Session(engine) as session, pytest.raises(LookupError):
        gold_document(session=session, article_id=404)


def test_export_writes_one_valid_file_per_reviewed_article(engine: Engine, tmp_path: Path):
    with Session(engine) as session:
        _, _, (first, second) = stored_article(session)
        stored_article(session, text=TEXT + "\n\nNobody reviewed this one.")
        store.accept(session=session, record=record(session, first), reviewer="ada")
        store.reject(session=session, record=record(session, second), reviewer="ada")
        session.commit()
    with Session(engine) as session:
        paths = export_gold(session=session, out_dir=tmp_path / "gold")
    assert len(paths) == 1
    document = json.loads(paths[0].read_text(encoding="utf-8"))
    gold = GoldArticle.model_validate(document)
    assert paths[0].name == f"{gold.id}.json"
    assert next(iter(document["claims"][0])) == "id"  # ids first, so diffs read well
    assert len(gold.claims) == 1


def test_export_skips_partly_reviewed_articles_unless_partial(engine: Engine, tmp_path: Path):
    with Session(engine) as session:
        _, _, (first, second) = stored_article(session)
        store.accept(session=session, record=record(session, first), reviewer="ada")
        session.commit()
        assert export_gold(session=session, out_dir=tmp_path) == []
        (partial,) = export_gold(session=session, out_dir=tmp_path / "partial", partial=True)
        assert json.loads(partial.read_text(encoding="utf-8"))["partial"] is True
        store.reject(session=session, record=record(session, second), reviewer="ada")
        session.commit()
        (path,) = export_gold(session=session, out_dir=tmp_path)
    assert len(GoldArticle.model_validate_json(path.read_text(encoding="utf-8")).claims) == 1


def test_claims_sharing_a_position_export_to_a_valid_gold_file(engine: Engine, tmp_path: Path):
    with Session(engine) as session:
        _, _, (white_house, soldiers) = stored_article(session)
        # As two reviewers adding claims at once would leave them (extracted claims of a
        # run cannot share a position: the database refuses it).
        for claim_id in (white_house, soldiers):
            record(session, claim_id).origin = ClaimOrigin.review
        record(session, soldiers).position = record(session, white_house).position
        for claim_id in (white_house, soldiers):
            store.accept(session=session, record=record(session, claim_id), reviewer="ada")
        session.commit()
        (path,) = export_gold(session=session, out_dir=tmp_path)
    gold = GoldArticle.model_validate_json(path.read_text(encoding="utf-8"))
    assert sorted(c.id for c in gold.claims) == sorted([f"c{white_house}", f"c{soldiers}"])


def test_reextraction_does_not_drop_finished_review_work_from_gold(engine: Engine):
    with Session(engine) as session:
        article_id, _, (first, _second) = stored_article(session)
        store.accept(session=session, record=record(session, first), reviewer="ana")
        session.commit()
        newer = repository.add_run(session=session, article_id=article_id, extractor="llm")
        newer.status = RunStatus.succeeded
        repository.add_claims(
            session=session, run=newer, claims=[claim("Unreviewed.", "Officials said")]
        )
        session.commit()
        gold = gold_document(session=session, article_id=article_id, partial=True)
        assert [c.statement for c in gold.claims] == ["The White House confirmed it."]
        newest = repository.run_claims(session=session, run_id=newer.id or 0)
        store.reject(session=session, record=newest[0], reviewer="ana")
        session.commit()
        assert gold_document(session=session, article_id=article_id).claims == []  # complete
