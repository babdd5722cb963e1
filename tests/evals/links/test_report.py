"""run_links_eval end to end with a scripted linker: scores, report files and failures."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

import evals.links.report as links_report
from evals.links import run_links_eval
from evals.links.report import read_links_report
from tests.evals.links.trees import write_tree

COMMITTED_GOLD = Path(__file__).resolve().parents[3] / "evals" / "gold"


@pytest.fixture(autouse=True)
def _no_git(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        links_report, "report_versions", lambda: {"claimkit": "test", "git_sha": None}
    )


def _decision(entity: str) -> SimpleNamespace:
    return SimpleNamespace(entity_key=entity, reason="scripted", score=None, detail="")


def _figure(figure_id: str) -> SimpleNamespace:
    return SimpleNamespace(id=figure_id)


def scripted_linker(articles: list[Any]) -> SimpleNamespace:
    """Links both Kims and both troop subjects, splits the place, misses the clash."""
    assert [a.key for a in articles] == ["a", "b"]
    assert [key for key, _ in articles[1].claims] == ["b:c1", "b:c2"]
    mentions = {
        ("a:c1", "subject"): _decision("troops"),
        ("b:c1", "subject"): _decision("troops"),
        ("a:c1", "location"): _decision("kursk"),
        ("b:c1", "location"): _decision("kursk region"),
        ("a:c2", "subject"): _decision("kim"),
        ("b:c2", "subject"): _decision("kim"),
        ("a:c1", "source"): _decision("officials"),
        ("b:c1", "source"): _decision("south korea"),
    }
    entities = [
        SimpleNamespace(key=key, name=key.title(), type="group", aliases=())
        for key in {d.entity_key for d in mentions.values()}
    ]
    return SimpleNamespace(
        entities=entities,
        mentions=mentions,
        clusters=[SimpleNamespace(key="k1", label="Kim", claim_keys=["a:c2", "b:c2"])],
        figure_groups=[
            SimpleNamespace(
                key="f1",
                label="troops",
                unit="troops",
                figures=[_figure("a:c1#0"), _figure("b:c1#0")],
                relations=[SimpleNamespace(a="a:c1#0", b="b:c1#0", kind="update", reason="x")],
            )
        ],
    )


def test_run_links_eval_scores_a_scripted_linker_and_writes_three_reports(tmp_path: Path) -> None:
    write_tree(tmp_path / "gold")
    report = run_links_eval(tmp_path / "gold", tmp_path / "out", linker=scripted_linker)
    summary = report["summary"]
    # 8 mentions; only the place is split: B-cubed recall loses 1/2 on two of them.
    assert summary["entities"]["bcubed"]["precision"] == 1.0
    assert summary["entities"]["bcubed"]["recall"] == pytest.approx(7 / 8)
    assert summary["clusters"]["pairwise"] == {"precision": 1.0, "recall": 0.5, "f1": 0.6667}
    assert summary["figures"]["bcubed"]["f1"] == 1.0
    assert (summary["disagreements"]["gold"], summary["disagreements"]["matched"]) == (1, 0)
    assert summary["updates"]["precision"] == 0.0
    group = report["groups"][0]
    assert group["entities"]["split"][0]["gold"] == "Kursk region"
    assert group["figure_groups"]["gold"][0]["relations"][0]["found"] is False
    assert group["figure_groups"]["gold"][0]["figures"][1]["source"] == "South Korea"

    assert read_links_report(tmp_path / "out" / "report.json") == json.loads(json.dumps(report))
    markdown = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    assert "## Group `troops`" in markdown
    assert "| entity linking (mentions) | 1.000 | 0.875 |" in markdown
    assert "disagreement `a:c1#0` – `b:c1#0`: MISSED" in markdown
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert "<strong>troops</strong>" in html
    assert "Kursk region" in html


def test_a_failing_linker_is_reported_and_scored_as_linking_nothing(tmp_path: Path) -> None:
    write_tree(tmp_path / "gold")

    def broken(articles: list[Any]) -> Any:
        raise RuntimeError("no model")

    report = run_links_eval(tmp_path / "gold" / "links", tmp_path / "out", linker=broken)
    assert report["summary"]["failed_groups"] == ["troops"]
    assert report["groups"][0]["error"] == "RuntimeError: no model"
    assert report["summary"]["entities"]["bcubed"]["precision"] == 1.0
    assert report["summary"]["clusters"]["pairwise"]["recall"] == 0.0
    assert "Linker failed" in (tmp_path / "out" / "report.md").read_text(encoding="utf-8")


def test_read_links_report_refuses_other_json(tmp_path: Path) -> None:
    path = tmp_path / "report.json"
    path.write_text('{"format": "claimkit-eval-report"}', encoding="utf-8")
    with pytest.raises(ValueError, match="not a claimkit links eval report"):
        read_links_report(path)


def test_the_current_linker_runs_on_the_committed_link_gold(tmp_path: Path) -> None:
    report = run_links_eval(COMMITTED_GOLD, tmp_path)
    assert report["summary"]["failed_groups"] == []
    for task in ("entities", "clusters", "figures"):
        assert 0.0 <= report["summary"][task]["bcubed"]["f1"] <= 1.0
