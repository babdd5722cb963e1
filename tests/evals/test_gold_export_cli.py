"""`claimkit gold export`: reviewed articles from the database become checkable gold files."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import Session
from typer.testing import CliRunner

from evals.cli import gold_app
from schemas.claims import Claim
from service import repository
from service.config import get_settings
from service.db import make_engine
from service.migrations import upgrade
from service.review import store

runner = CliRunner()
TEXT = "Officials said about 3,000 soldiers arrived. The White House confirmed it."


def claim(quote: str) -> Claim:
    """A claim whose one span is the quote's first occurrence in TEXT."""
    start = TEXT.index(quote)
    return Claim.model_validate(
        {
            "statement": quote + ".",
            "kind": "event",
            "subject": "soldiers",
            "evidence": [{"start": start, "end": start + len(quote), "text": quote}],
        }
    )


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """The CLI's default SQLite database in a temporary data dir, migrated."""
    monkeypatch.setenv("CLAIMKIT_DATA_DIR", str(tmp_path / "data"))
    get_settings.cache_clear()
    url = get_settings().resolved_database_url()
    upgrade(url)
    engine = make_engine(url)
    yield engine
    engine.dispose()
    get_settings.cache_clear()


def store_reviewed_article(engine, *, review_all: bool) -> None:  # type: ignore[no-untyped-def]
    """One article with two extracted claims; accept the first (and reject the second)."""
    with Session(engine) as session:
        article = repository.add_article(session=session, text=TEXT)
        assert article.id is not None
        run = repository.add_run(session=session, article_id=article.id, extractor="fake")
        run.status = "succeeded"
        first, second = repository.add_claims(
            session=session,
            run=run,
            claims=[claim("about 3,000 soldiers arrived"), claim("The White House confirmed it")],
        )
        store.accept(session=session, record=first, reviewer="ana")
        if review_all:
            store.reject(session=session, record=second, reviewer="ana")
        session.commit()


def test_gold_export_writes_files_that_gold_check_accepts(database, tmp_path: Path):  # type: ignore[no-untyped-def]
    store_reviewed_article(database, review_all=True)
    out = tmp_path / "gold"
    result = runner.invoke(gold_app, ["export", str(out)])
    assert result.exit_code == 0, result.output
    (path,) = out.glob("*.json")
    assert "wrote 1 gold files" in result.output
    checked = runner.invoke(gold_app, ["check", str(path)])
    assert checked.exit_code == 0, checked.output
    assert "1 gold files, 1 claims" in checked.output


def test_gold_export_skips_partly_reviewed_articles_unless_partial(database, tmp_path: Path):  # type: ignore[no-untyped-def]
    store_reviewed_article(database, review_all=False)
    out = tmp_path / "gold"
    result = runner.invoke(gold_app, ["export", str(out)])
    assert result.exit_code == 0, result.output
    assert list(out.glob("*.json")) == []
    assert "no article has every claim reviewed yet" in result.output
    assert runner.invoke(gold_app, ["export", "--partial", str(out)]).exit_code == 0
    assert len(list(out.glob("*.json"))) == 1


def test_gold_check_rejects_a_file_marked_partial(database, tmp_path: Path):  # type: ignore[no-untyped-def]
    store_reviewed_article(database, review_all=False)
    out = tmp_path / "gold"
    assert runner.invoke(gold_app, ["export", "--partial", str(out)]).exit_code == 0
    (path,) = out.glob("*.json")
    checked = runner.invoke(gold_app, ["check", str(path)])
    assert checked.exit_code == 1
    assert "marked partial (1 of 2 claims were unreviewed)" in checked.output
    assert "finish the review and export it again" in checked.output
