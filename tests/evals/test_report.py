"""report.json, report.md and report.html: written, complete and self-contained."""

from __future__ import annotations

import json
import re
from pathlib import Path

from evals.matching import MATCH_THRESHOLD
from evals.report.html import render_html, segments, write_html
from evals.report.json import read_report, write_report
from evals.report.markdown import render_markdown, write_markdown
from tests.evals.builders import ARRIVED, DENIED, TEXT
from tests.evals.reports import draft_of, perfect_drafts, report_for

EXTERNAL_RESOURCE = re.compile(
    r"""(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:https?:)?//|url\(\s*["']?(?:https?:)?//|@import""",
    re.IGNORECASE,
)


def mixed_report():
    return report_for(
        [perfect_drafts(), [draft_of(ARRIVED, source=None), draft_of(DENIED, negated=False)]]
    )


def test_the_json_report_carries_configuration_versions_and_every_figure(tmp_path: Path) -> None:
    report, _ = mixed_report()
    data = read_report(write_report(report, tmp_path / "report.json"))
    assert data["config"]["match_threshold"] == MATCH_THRESHOLD
    assert data["config"]["gold_articles"] == 2 and data["config"]["gold_claims"] == 8
    assert len(data["config"]["gold_sha256"]) == 64
    assert set(data["versions"]) == {"claimkit", "git_sha", "python"}
    summary = data["extractor"]["summary"]
    assert summary["matched"] == 6 and summary["strict_matched"] == 4
    assert summary["claim_micro"]["recall"]["value"] == 0.75
    assert summary["fields"]["negated"] == {"accuracy": 0.8333, "agree": 5, "total": 6}
    assert data["floor"]["name"] == "floor"


def test_each_article_lists_pairs_disagreements_and_predictions(tmp_path: Path) -> None:
    report, _ = mixed_report()
    second = report["extractor"]["articles"][1]
    assert (second["gold"], second["predicted"], second["matched"]) == (4, 2, 2)
    assert (second["precision"], second["recall"], second["strict_f1"]) == (1.0, 0.5, 0.0)
    assert second["unmatched_gold"] == ["c3", "c4"]
    first_pair = second["pairs"][0]
    assert first_pair["gold_id"] == "c1" and first_pair["strict"] is False
    assert first_pair["disagreements"]["source_name"] == {"gold": "Officials", "predicted": None}
    assert len(second["predictions"]) == 2


def test_the_markdown_report_has_the_headline_tables_and_weakest_fields() -> None:
    report, _ = mixed_report()
    markdown = render_markdown(report)
    assert "**strict F1 0.571**" in markdown  # 4 strict of 6 predicted and 8 gold
    assert "| claim F1 | 0.857 |" in markdown
    assert "| negated | 0.833 | 5/6 |" in markdown
    assert "## Weakest fields" in markdown and "source name" in markdown
    assert "| a1 | 4 | 2 | 2 |" in markdown


def test_the_html_report_requests_nothing_from_outside(tmp_path: Path) -> None:
    report, cases = mixed_report()
    html = write_html(report, cases, tmp_path / "report.html").read_text()
    assert html.startswith("<!DOCTYPE html>")
    assert not EXTERNAL_RESOURCE.search(html)
    assert "<link" not in html and "<script src" not in html


def test_the_external_resource_check_would_catch_a_stylesheet_link() -> None:
    assert EXTERNAL_RESOURCE.search('<link rel="stylesheet" href="https://cdn.example/x.css">')
    assert EXTERNAL_RESOURCE.search("<img src='//cdn.example/x.png'>")


def test_the_html_report_shows_both_sides_and_field_verdicts() -> None:
    report, cases = mixed_report()
    html = render_html(report, cases)
    assert html.count('class="row strict"') == 4
    assert html.count('class="row matched"') == 2
    assert html.count('class="row missed"') == 2
    assert "✗ source name: gold Officials, predicted –" in html
    assert '<span class="seg g p"' in html


def test_the_html_report_escapes_article_text() -> None:
    report, cases = mixed_report()
    report["extractor"]["articles"][0]["title"] = "<script>alert(1)</script>"
    html = render_html(report, cases)
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html


def test_segments_cut_the_text_at_every_evidence_boundary() -> None:
    text = "0123456789"
    pieces = segments(text, [("c1", 2, 6)], [(0, 4, 8)])
    assert [(p.text, p.gold, p.predicted) for p in pieces] == [
        ("01", [], []),
        ("23", ["c1"], []),
        ("45", ["c1"], [0]),
        ("67", [], [0]),
        ("89", [], []),
    ]
    assert "".join(p.text for p in segments(TEXT, [], [])) == TEXT


def test_all_three_files_can_be_written_side_by_side(tmp_path: Path) -> None:
    report, cases = mixed_report()
    write_report(report, tmp_path / "report.json")
    write_markdown(report, tmp_path / "report.md")
    write_html(report, cases, tmp_path / "report.html")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html", "report.json", "report.md"]
    assert json.loads((tmp_path / "report.json").read_text())["format"] == "claimkit-eval-report"
