"""`claimkit eval` and `claimkit gold` through Typer's CliRunner on a temporary gold folder."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from evals.cli import eval_app, gold_app
from service.config import get_settings
from tests.evals.builders import gold_article, write_gold, write_raw

runner = CliRunner()


@pytest.fixture(autouse=True)
def _data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("CLAIMKIT_DATA_DIR", str(tmp_path / "data"))
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture
def gold(tmp_path: Path) -> Path:
    write_gold(tmp_path / "gold", gold_article("a"), gold_article("b"))
    return tmp_path / "gold"


def run_eval(*args: str) -> object:
    return runner.invoke(eval_app, list(args), catch_exceptions=False)


def test_eval_scores_any_gold_folder_and_writes_three_reports(gold: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_eval("--gold", str(gold), "--extractor", "sentences", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "strict F1" in result.output and "floor (sentences)" in result.output
    assert sorted(p.name for p in out.iterdir()) == ["report.html", "report.json", "report.md"]
    report = json.loads((out / "report.json").read_text())
    assert report["config"]["gold"] == str(gold) and report["config"]["gold_articles"] == 2
    assert report["extractor"]["summary"]["matched"] == 6


def test_eval_accepts_a_single_gold_file(gold: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_eval("--gold", str(gold / "a.json"), "--extractor", "sentences", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert json.loads((out / "report.json").read_text())["config"]["gold_articles"] == 1


def test_eval_refuses_invalid_gold_naming_the_problem(tmp_path: Path) -> None:
    data = json.loads(gold_article("a").model_dump_json())
    data["claims"][0]["kind"] = "rumour"
    write_raw(tmp_path / "gold" / "a.json", data)
    result = run_eval("--gold", str(tmp_path / "gold"), "--extractor", "sentences")
    assert result.exit_code == 2
    assert "a.json: claim 'c1' (claims[0]), field kind" in result.output


def test_an_unknown_extractor_is_refused(gold: Path) -> None:
    result = run_eval("--gold", str(gold), "--extractor", "psychic")
    assert result.exit_code == 2 and "unknown extractor 'psychic'" in result.output


def test_the_gate_passes_on_a_fresh_baseline_and_fails_on_a_raised_one(
    gold: Path, tmp_path: Path
) -> None:
    baseline = tmp_path / "baselines" / "sentences.json"
    written = run_eval("baseline", str(baseline), "--gold", str(gold), "--extractor", "sentences")
    assert written.exit_code == 0, written.output
    assert json.loads(baseline.read_text())["extractor"] == "sentences"

    args = ["--gold", str(gold), "--extractor", "sentences", "--out", str(tmp_path / "o")]
    passed = run_eval(*args, "--gate", str(baseline))
    assert passed.exit_code == 0 and "gate passed" in passed.output

    data = json.loads(baseline.read_text())
    data["splits"]["all"]["figures"]["claim_f1"] = 1.0
    baseline.write_text(json.dumps(data))
    failed = run_eval(*args, "--gate", str(baseline))
    assert failed.exit_code == 1
    assert "gate FAILED" in failed.output and "claim F1:" in failed.output


def test_running_the_gate_never_rewrites_the_baseline(gold: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "b.json"
    run_eval("baseline", str(baseline), "--gold", str(gold), "--extractor", "sentences")
    before = baseline.read_text()
    run_eval("--gold", str(gold), "--extractor", "sentences", "--out", str(tmp_path / "o"),
             "--gate", str(baseline))  # fmt: skip
    assert baseline.read_text() == before


def test_a_baseline_can_be_taken_from_an_existing_report(gold: Path, tmp_path: Path) -> None:
    run_eval("--gold", str(gold), "--extractor", "sentences", "--out", str(tmp_path / "o"))
    baseline = tmp_path / "b.json"
    result = run_eval("baseline", str(baseline), "--from-report", str(tmp_path / "o/report.json"))
    assert result.exit_code == 0
    report = json.loads((tmp_path / "o/report.json").read_text())
    f1 = report["extractor"]["summary"]["claim_micro"]["f1"]["value"]
    assert json.loads(baseline.read_text())["splits"]["all"]["figures"]["claim_f1"] == f1


def test_compare_prints_deltas_and_the_paired_interval(gold: Path, tmp_path: Path) -> None:
    run_eval("--gold", str(gold), "--extractor", "sentences", "--out", str(tmp_path / "a"))
    run_eval(
        "--gold", str(gold / "a.json"), "--extractor", "sentences", "--out", str(tmp_path / "b")
    )
    result = run_eval("compare", str(tmp_path / "a/report.json"), str(tmp_path / "b/report.json"))
    assert result.exit_code == 0, result.output
    assert "ΔF1 (B - A, paired bootstrap over 1 shared articles): +0.000" in result.output
    assert "only in A: b" in result.output


def test_compare_refuses_a_file_that_is_not_a_report(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text("{}")
    result = run_eval("compare", str(path), str(path))
    assert result.exit_code == 2 and "not a claimkit eval report" in result.output


def test_similarities_prints_the_threshold_data(gold: Path) -> None:
    result = run_eval("similarities", "--gold", str(gold))
    assert result.exit_code == 0
    assert "highest similarity of a disjoint pair" in result.output


def test_gold_check_accepts_valid_files(gold: Path) -> None:
    result = runner.invoke(gold_app, ["check", str(gold)])
    assert result.exit_code == 0 and "ok: 2 gold files, 8 claims" in result.output


def test_gold_check_fails_naming_file_claim_and_span(gold: Path, tmp_path: Path) -> None:
    data = json.loads(gold_article("c").model_dump_json())
    data["claims"][2]["evidence"][0]["text"] = "Analysts expected more"
    data["claims"][2]["evidence"][0]["end"] = data["claims"][2]["evidence"][0]["start"] + 22
    bad = write_raw(tmp_path / "bad" / "c.json", data)
    result = runner.invoke(gold_app, ["check", str(gold), str(bad)])
    assert result.exit_code == 1
    assert "c.json: claim 'c3' (claims[2]), span evidence[0]" in result.output


@pytest.fixture
def split_gold(tmp_path: Path) -> Path:
    write_gold(tmp_path / "split" / "dev", gold_article("d1"), gold_article("d2"))
    write_gold(tmp_path / "split" / "test", gold_article("t1"))
    return tmp_path / "split"


def test_a_split_gold_folder_is_scored_per_split_side_by_side(
    split_gold: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = run_eval("--gold", str(split_gold), "--extractor", "sentences", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "dev − test strict F1" in result.output and "error categories" in result.output
    report = json.loads((out / "report.json").read_text())
    assert list(report["extractor"]["splits"]) == ["dev", "test"]
    assert report["config"]["split"] == "all"
    assert "| dev − test strict F1 |" in (out / "report.md").read_text()


def test_split_selects_one_split(split_gold: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["--gold", str(split_gold), "--split", "test", "--extractor", "sentences"]
    result = run_eval(*args, "--out", str(out))
    assert result.exit_code == 0, result.output
    report = json.loads((out / "report.json").read_text())
    assert list(report["extractor"]["splits"]) == ["test"]
    assert report["config"]["gold_articles"] == 1


def test_an_unknown_split_is_refused(split_gold: Path) -> None:
    result = run_eval("--gold", str(split_gold), "--split", "train", "--extractor", "sentences")
    assert result.exit_code == 2 and "unknown split 'train'" in result.output


def test_the_gate_protects_both_splits(split_gold: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "b.json"
    written = run_eval("baseline", str(baseline), "--gold", str(split_gold),
                       "--extractor", "sentences")  # fmt: skip
    assert written.exit_code == 0, written.output
    data = json.loads(baseline.read_text())
    assert list(data["splits"]) == ["dev", "test"] and data["format_version"] == 2
    data["splits"]["test"]["figures"]["claim_f1"] = 1.0
    baseline.write_text(json.dumps(data))
    args = ["--gold", str(split_gold), "--extractor", "sentences", "--out", str(tmp_path / "o")]
    failed = run_eval(*args, "--gate", str(baseline))
    assert failed.exit_code == 1 and "test split: claim F1:" in failed.output


def test_an_old_baseline_is_refused_with_how_to_renew_it(split_gold: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "old.json"
    baseline.write_text(json.dumps({"format": "claimkit-eval-baseline", "format_version": 1}))
    result = run_eval("--gold", str(split_gold), "--extractor", "sentences",
                      "--gate", str(baseline))  # fmt: skip
    assert result.exit_code == 2 and "claimkit eval baseline" in result.output


def test_gold_check_recurses_into_the_splits(split_gold: Path) -> None:
    result = runner.invoke(gold_app, ["check", str(split_gold)])
    assert result.exit_code == 0, result.output
    assert "ok: 3 gold files, 12 claims (dev 2 files, 8 claims; test 1 files, 4 claims)" in (
        result.output
    )
