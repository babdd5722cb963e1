"""`claimkit export`: every current claim, as reviewed, to CSV, JSON Lines or Parquet, in
batches; each file read back with its format's own reader."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from sqlalchemy import Engine
from sqlmodel import Session
from typer.testing import CliRunner

from schemas.claims import Claim
from schemas.review_status import Rating
from service import repository
from service.cli import app
from service.config import get_settings
from service.db import make_engine
from service.migrations import upgrade
from service.models import RunStatus
from service.review import store

runner = CliRunner()
TEXT = "Officials said about 3,000 soldiers arrived. The White House confirmed it. Nobody else."
QUOTES = ["Officials said about 3,000 soldiers arrived", "The White House confirmed it"]


def claim(quote: str, subject: str = "soldiers") -> Claim:
    start = TEXT.index(quote)
    span = {"start": start, "end": start + len(quote), "text": quote}
    return Claim.model_validate(
        {"statement": quote + ".", "kind": "event", "subject": subject, "evidence": [span]}
    )


@pytest.fixture
def engine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Engine]:
    """The CLI's default SQLite database in a temporary data dir, migrated."""
    monkeypatch.setenv("CLAIMKIT_DATA_DIR", str(tmp_path / "data"))
    get_settings.cache_clear()
    url = get_settings().resolved_database_url()
    upgrade(url)
    engine = make_engine(url)
    yield engine
    engine.dispose()
    get_settings.cache_clear()


def store_articles(engine: Engine, count: int) -> None:
    """`count` articles of two claims each; in the first, one claim edited and rated, one
    rejected; each article also has an older run whose claims are not current."""
    with Session(engine) as session:
        for index in range(count):
            article = repository.add_article(
                session=session, text=f"{TEXT} {index}", title=f"Arrivals {index}"
            )
            assert article.id is not None
            old = repository.add_run(session=session, article_id=article.id, extractor="fake")
            old.status = RunStatus.succeeded
            repository.add_claims(session=session, run=old, claims=[claim(QUOTES[0])])
            run = repository.add_run(session=session, article_id=article.id, extractor="fake")
            run.status = RunStatus.succeeded
            first, second = repository.add_claims(
                session=session, run=run, claims=[claim(quote) for quote in QUOTES]
            )
            if index == 0:
                edited = claim(QUOTES[0], subject="troops")
                store.edit(session=session, record=first, claim=edited, reviewer="ada")
                store.rate(
                    session=session, record=first, rating=Rating.false, note="no", reviewer="ada"
                )
                store.reject(session=session, record=second, reviewer="ada")
        session.commit()


def export(out: Path, fmt: str, *extra: str) -> str:
    result = runner.invoke(app, ["export", "--format", fmt, "--out", str(out), *extra])
    assert result.exit_code == 0, result.output
    return result.output


def test_export_csv_holds_every_current_claim_as_reviewed(engine: Engine, tmp_path: Path):
    store_articles(engine, 3)
    out = tmp_path / "claims.csv"
    output = export(out, "csv", "--batch-size", "2")
    with out.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    assert len(rows) == 6
    assert "wrote 6 claims" in output
    first, second = rows[0], rows[1]
    assert (first["subject"], first["review_state"], first["rating"]) == (
        "troops",
        "edited",
        "false",
    )
    assert second["review_state"] == "rejected"
    assert {row["article_title"] for row in rows} == {"Arrivals 0", "Arrivals 1", "Arrivals 2"}
    assert not list(tmp_path.glob(".*.partial"))


def test_export_jsonl_is_one_claim_per_line(engine: Engine, tmp_path: Path):
    store_articles(engine, 2)
    out = tmp_path / "claims.jsonl"
    export(out, "jsonl")
    claims = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [claim["review_state"] for claim in claims] == [
        "edited",
        "rejected",
        "unreviewed",
        "unreviewed",
    ]
    assert claims[0]["subject"] == "troops" and claims[0]["reviewed"] is True


def test_export_parquet_writes_a_row_group_per_batch(engine: Engine, tmp_path: Path):
    store_articles(engine, 3)
    out = tmp_path / "claims.parquet"
    export(out, "parquet", "--batch-size", "4")
    table = pq.read_table(out)
    assert table.num_rows == 6
    assert pq.ParquetFile(out).num_row_groups == 2
    rows = table.to_pylist()
    assert (rows[0]["subject"], rows[0]["reviewed"], rows[0]["rating"]) == ("troops", True, "false")
    assert table.schema.field("id").type == "int64"
    assert table.schema.field("negated").type == "bool"


def test_export_of_an_empty_store_writes_an_empty_file_with_its_header(
    engine: Engine, tmp_path: Path
):
    out = tmp_path / "claims.csv"
    export(out, "csv")
    assert out.read_text(encoding="utf-8").startswith("id,article_id,run_id,review_state")
    export(tmp_path / "claims.parquet", "parquet")
    assert pq.read_table(tmp_path / "claims.parquet").num_rows == 0


def test_export_refuses_an_unknown_format_or_a_missing_folder(engine: Engine, tmp_path: Path):
    bad = runner.invoke(app, ["export", "--format", "xlsx", "--out", str(tmp_path / "x")])
    assert bad.exit_code == 2
    assert "xlsx" in bad.output
    missing = runner.invoke(app, ["export", "--out", str(tmp_path / "nowhere" / "claims.csv")])
    assert missing.exit_code == 2
    assert "does not exist" in missing.output
