"""The claimkit command line: extract and db."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect
from typer.testing import CliRunner

from schemas.gold import GoldArticle
from service.cli import app
from service.config import get_settings

runner = CliRunner()
SEED = Path(__file__).parent / "fixtures" / "articles" / "003_5b6f3de2cc2e325e.txt"


@pytest.fixture(autouse=True)
def _fresh_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("CLAIMKIT_DATA_DIR", str(tmp_path))
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def test_extract_json_prints_a_contract_valid_gold_document():
    result = runner.invoke(app, ["extract", str(SEED), "--json", "--extractor", "sentences"])
    assert result.exit_code == 0, result.output
    document = GoldArticle.model_validate_json(result.stdout)
    assert document.text == SEED.read_text(encoding="utf-8")
    assert document.published is not None and document.published.isoformat() == "2024-10-27"
    assert document.claims, "the seed article yields claims"
    for claim in document.claims:
        for span in claim.evidence:
            assert document.text[span.start : span.end] == span.text


def test_extract_reads_standard_input_and_takes_the_published_option():
    result = runner.invoke(
        app,
        ["extract", "-", "--json", "--extractor", "sentences", "--published", "2020-04-08"],
        input="Bangladesh confirmed five new deaths yesterday.",
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["published"] == "2020-04-08"


def test_extract_prints_a_table_by_default():
    result = runner.invoke(app, ["extract", str(SEED), "--extractor", "sentences"])
    assert result.exit_code == 0
    assert "statement" in result.stdout
    assert "published 2024-10-27 (dateline)" in result.output


def test_extract_missing_file_exits_with_a_message(tmp_path: Path):
    result = runner.invoke(app, ["extract", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    assert "cannot read" in result.output


def test_extract_rejects_a_url_that_is_not_http():
    result = runner.invoke(app, ["extract", str(SEED), "--url", "example.com/story"])
    assert result.exit_code == 2
    assert "--url must be an absolute http:// or https:// URL" in result.output


def test_extract_keeps_a_valid_url_in_the_json():
    url = "https://example.com/story?id=1"
    result = runner.invoke(
        app, ["extract", str(SEED), "--json", "--extractor", "sentences", "--url", url]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["url"] == url


def test_extract_rejects_non_utf8_input(tmp_path: Path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("caf\xe9".encode("latin-1"))
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 2
    assert "not UTF-8" in result.output


def test_extract_rejects_an_unknown_extractor():
    result = runner.invoke(app, ["extract", str(SEED), "--extractor", "magic"])
    assert result.exit_code == 2
    assert "unknown extractor 'magic'" in result.output


def test_db_upgrade_creates_the_tables(tmp_path: Path):
    result = runner.invoke(app, ["db", "upgrade"])
    assert result.exit_code == 0, result.output
    engine = create_engine(f"sqlite:///{tmp_path / 'claimkit.db'}")
    assert {"article", "extraction_run", "claim"} <= set(inspect(engine).get_table_names())
    engine.dispose()


def test_serve_refuses_a_port_in_use_before_touching_the_database(tmp_path: Path):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = runner.invoke(app, ["serve", "--port", str(port)])
    assert result.exit_code == 2
    assert f"cannot serve on 127.0.0.1:{port}" in result.output
    assert not (tmp_path / "claimkit.db").exists()


def test_extract_refuses_html_like_the_api():
    result = runner.invoke(app, ["extract", "-"], input="<html><body><p>x</p></body></html>")
    assert result.exit_code == 2
    assert "looks like HTML" in result.output
