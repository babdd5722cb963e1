"""The claimkit command line: extract, db, serve's port check, and the lazy plugins."""

from __future__ import annotations

import errno
import json
import os
import socket
import subprocess
import sys
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect
from typer.testing import CliRunner

from schemas.claims import DraftClaim
from schemas.gold import GoldArticle
from service.cli import PLUGIN_GROUP, app
from service.config import get_settings
from tests.fakes.extractor import FakeExtractor

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]
SEED = Path(__file__).parent / "fixtures" / "articles" / "003_5b6f3de2cc2e325e.txt"
HEAVY_MODULES = ("evals.cli", "spacy", "litellm", "alembic", "sqlalchemy", "scipy", "uvicorn")
MODULES_AFTER_RUN = """
import json, sys
from service.cli import app
try:
    app(sys.argv[1:], prog_name="claimkit")
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)))
"""


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


DROPPING_TEXT = "The bridge reopened on Monday, mayor Lena Berg said."


def _draft(statement: str, quote: str) -> DraftClaim:
    return DraftClaim.model_validate(
        {"statement": statement, "kind": "event", "subject": "the bridge", "evidence": [quote]}
    )


@pytest.fixture
def dropping_extractor(monkeypatch: pytest.MonkeyPatch) -> FakeExtractor:
    """`extract` gets a fake whose second claim cites a quote the text does not contain."""
    fake = FakeExtractor()
    fake.enqueue(
        [
            _draft("The bridge reopened.", "The bridge reopened on Monday"),
            _draft("The bridge cost [3] million.", "It cost 3 million euros."),
        ]
    )
    monkeypatch.setattr("service.extractors.build_extractor", lambda *_, **__: fake)
    return fake


def test_extract_prints_dropped_claims_on_stderr(dropping_extractor: FakeExtractor):
    result = runner.invoke(app, ["extract", "-"], input=DROPPING_TEXT)
    assert result.exit_code == 0, result.output
    assert "reopened" in result.stdout  # the table folds the statement
    assert "cost" not in result.stdout
    assert "1 claims, 1 dropped; extractor fake" in result.stderr
    assert (
        "  dropped 'The bridge cost [3] million.': quote not found verbatim in the article: "
        "'It cost 3 million euros.'\n"
    ) in result.stderr


def test_extract_json_keeps_stdout_json_and_reports_dropped_claims_on_stderr(
    dropping_extractor: FakeExtractor,
):
    result = runner.invoke(app, ["extract", "-", "--json"], input=DROPPING_TEXT)
    assert result.exit_code == 0, result.output
    statements = [claim["statement"] for claim in json.loads(result.stdout)["claims"]]
    assert statements == ["The bridge reopened."]
    assert "1 claims, 1 dropped" in result.stderr
    assert "dropped 'The bridge cost [3] million.'" in result.stderr


def test_extract_strict_exits_1_after_printing_when_a_claim_was_dropped(
    dropping_extractor: FakeExtractor,
):
    result = runner.invoke(app, ["extract", "-", "--json", "--strict"], input=DROPPING_TEXT)
    assert result.exit_code == 1
    assert json.loads(result.stdout)["claims"], "the output is printed before exiting"
    assert "--strict: 1 claim was dropped" in result.stderr


def test_extract_strict_exits_0_when_nothing_was_dropped():
    result = runner.invoke(app, ["extract", str(SEED), "--extractor", "offline", "--strict"])
    assert result.exit_code == 0, result.output
    assert ", 0 dropped;" in result.stderr
    assert "  dropped " not in result.stderr


def test_extract_cuts_a_long_dropped_statement_to_one_line(monkeypatch: pytest.MonkeyPatch):
    fake = FakeExtractor()
    fake.enqueue([_draft("A very\nlong statement " + "word " * 40, "not in the text")])
    monkeypatch.setattr("service.extractors.build_extractor", lambda *_, **__: fake)
    result = runner.invoke(app, ["extract", "-"], input=DROPPING_TEXT)
    (line,) = [line for line in result.stderr.splitlines() if line.startswith("  dropped ")]
    assert "'A very long statement word word" in line
    assert "…': quote not found verbatim" in line
    assert len(line) < 300


def test_db_upgrade_creates_the_tables(tmp_path: Path):
    result = runner.invoke(app, ["db", "upgrade"])
    assert result.exit_code == 0, result.output
    engine = create_engine(f"sqlite:///{tmp_path / 'claimkit.db'}")
    assert {"article", "extraction_run", "claim"} <= set(inspect(engine).get_table_names())
    engine.dispose()


def _listener(*, reuse_address: bool) -> socket.socket:
    listener = socket.socket()
    if reuse_address:  # as uvicorn binds its socket
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    return listener


def _port_left_in_time_wait() -> int:
    """A port whose server (bound like uvicorn) closed a connection first, then stopped."""
    with _listener(reuse_address=True) as server:
        port = server.getsockname()[1]
        with socket.create_connection(("127.0.0.1", port)) as client:
            connection, _ = server.accept()
            connection.close()  # closing first leaves the server's side in TIME_WAIT
            assert client.recv(1) == b""
    return port


def _binds_without_reuse_address(port: int) -> bool:
    with socket.socket() as plain:
        try:
            plain.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


@pytest.mark.parametrize("reuse_address", [False, True], ids=["plain", "uvicorn-like"])
def test_serve_refuses_a_port_with_a_live_listener(tmp_path: Path, reuse_address: bool):
    with _listener(reuse_address=reuse_address) as taken:
        port = taken.getsockname()[1]
        result = runner.invoke(app, ["serve", "--port", str(port)])
    assert result.exit_code == 2
    assert f"cannot serve on 127.0.0.1:{port}: {os.strerror(errno.EADDRINUSE)}" in result.output
    assert not (tmp_path / "claimkit.db").exists(), "refused before touching the database"


def test_serve_accepts_a_port_whose_previous_server_left_connections_in_time_wait(
    monkeypatch: pytest.MonkeyPatch,
):
    served: list[int] = []
    monkeypatch.setattr("uvicorn.run", lambda *args, **kwargs: served.append(kwargs["port"]))
    port = _port_left_in_time_wait()
    assert not _binds_without_reuse_address(port), "the port should hold a TIME_WAIT connection"
    result = runner.invoke(app, ["serve", "--port", str(port)])
    assert result.exit_code == 0, result.output
    assert served == [port]


@pytest.mark.parametrize("arguments", [["--help"], ["extract", "--help"]])
def test_help_imports_no_plugin_and_no_heavy_library(arguments: list[str]):
    done = subprocess.run(
        [sys.executable, "-c", MODULES_AFTER_RUN, *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    *help_lines, modules = done.stdout.splitlines()
    assert "Usage: claimkit" in "\n".join(help_lines)
    assert set(HEAVY_MODULES) & set(json.loads(modules)) == set()


def test_help_lists_the_plugins_by_name():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    assert "eval" in result.output and "gold" in result.output


def test_a_plugin_shows_its_own_help_when_asked():
    result = runner.invoke(app, ["eval", "--help"])
    assert result.exit_code == 0
    assert "Score an extractor against gold claims." in result.output


def test_a_plugin_is_imported_and_run_when_invoked():
    gold_file = sorted((ROOT / "evals" / "gold" / "dev").glob("*.json"))[0]
    result = runner.invoke(app, ["gold", "check", str(gold_file)])
    assert result.exit_code == 0, result.output
    assert "ok: 1 gold files" in result.output


def test_a_mistyped_plugin_name_gets_a_suggestion():
    result = runner.invoke(app, ["evl"])
    assert result.exit_code == 2
    assert "Did you mean 'eval'?" in result.output


def test_a_broken_plugin_is_listed_and_fails_alone_when_invoked(monkeypatch: pytest.MonkeyPatch):
    broken = EntryPoint(name="broken", value="claimkit_no_such_module:app", group=PLUGIN_GROUP)
    monkeypatch.setattr("importlib.metadata.entry_points", lambda **_: [broken])
    assert "broken" in runner.invoke(app, ["--help"]).output
    result = runner.invoke(app, ["broken"])
    assert result.exit_code == 2
    assert "claimkit broken unavailable" in result.output
    assert runner.invoke(app, ["extract", "--help"]).exit_code == 0


def test_extract_refuses_html_like_the_api():
    result = runner.invoke(app, ["extract", "-"], input="<html><body><p>x</p></body></html>")
    assert result.exit_code == 2
    assert "looks like HTML" in result.output


def test_worker_refuses_a_database_that_is_not_migrated():
    result = runner.invoke(app, ["worker"])
    assert result.exit_code == 2
    assert "claimkit db upgrade" in result.output


def test_worker_refuses_an_extractor_it_cannot_build(monkeypatch: pytest.MonkeyPatch):
    assert runner.invoke(app, ["db", "upgrade"]).exit_code == 0
    monkeypatch.setenv("CLAIMKIT_MODEL", "openai/test-model")
    monkeypatch.setenv("CLAIMKIT_PROMPT_VERSION", "v99")
    get_settings.cache_clear()
    result = runner.invoke(app, ["worker"])
    assert result.exit_code == 2
    assert "v99" in result.output


def test_serve_no_worker_serves_the_api_only(monkeypatch: pytest.MonkeyPatch):
    started: dict[str, object] = {}

    def fake_run(*args: object, **kwargs: object) -> None:
        started["embedded"] = get_settings().embedded_worker
        started["workers"] = get_settings().workers

    monkeypatch.setattr("uvicorn.run", fake_run)
    # serve passes its options to uvicorn's app through these; undone after the test
    monkeypatch.setenv("CLAIMKIT_EMBEDDED_WORKER", "true")
    monkeypatch.setenv("CLAIMKIT_WORKERS", "16")
    result = runner.invoke(app, ["serve", "--port", "0", "--no-worker", "--threads", "3"])
    assert result.exit_code == 0, result.output
    assert started == {"embedded": False, "workers": 3}
    assert "no worker here" in result.output
