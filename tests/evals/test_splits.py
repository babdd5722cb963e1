"""A split gold set is scored per split, side by side, with the dev-test gap, in every format."""

from __future__ import annotations

import pytest

from evals.compare import compare_reports
from evals.metrics import score_article
from evals.report.html import render_html
from evals.report.markdown import render_markdown
from evals.splits import f1_gap
from tests.evals.builders import ARRIVED, DENIED, TEXT, gold_claims
from tests.evals.reports import draft_of, perfect_drafts, report_for

SPLITS = ["dev", "dev", "test", "test"]


def split_report():
    """Perfect on dev; on test the source of one claim is lost and two claims are missed."""
    lossy = [draft_of(ARRIVED, source=None), draft_of(DENIED)]
    drafts = [perfect_drafts(), perfect_drafts(), lossy, perfect_drafts()]
    return report_for(drafts, splits=SPLITS)


def test_each_split_has_its_own_figures_and_the_pool_stays_in_summary() -> None:
    report, _ = split_report()
    extractor = report["extractor"]
    assert list(extractor["splits"]) == ["dev", "test"]
    assert extractor["splits"]["dev"]["strict_micro"]["f1"]["value"] == 1.0
    assert extractor["splits"]["test"]["articles"] == 2
    assert extractor["summary"]["articles"] == 4
    assert [a["split"] for a in extractor["articles"]] == SPLITS
    assert report["config"]["splits"]["test"]["articles"] == 2
    assert len(report["config"]["splits"]["dev"]["gold_sha256"]) == 64


def test_the_gap_is_dev_minus_test_with_an_interval_around_it() -> None:
    report, _ = split_report()
    splits, gap = report["extractor"]["splits"], report["extractor"]["gaps"]["strict_f1"]
    expected = (
        splits["dev"]["strict_micro"]["f1"]["value"] - splits["test"]["strict_micro"]["f1"]["value"]
    )
    assert gap["value"] == pytest.approx(expected, abs=1e-4)
    assert gap["low"] <= gap["value"] <= gap["high"]
    assert "claim_f1" in report["extractor"]["gaps"]


def test_a_gap_needs_both_splits() -> None:
    score = score_article("a", [], gold_claims(), text=TEXT)
    with pytest.raises(ValueError, match="both splits"):
        f1_gap([score], [])


def test_a_flat_gold_set_is_one_split_called_all_without_a_gap() -> None:
    report, _ = report_for([perfect_drafts()])
    assert list(report["extractor"]["splits"]) == ["all"] and report["extractor"]["gaps"] == {}


def test_errors_are_counted_per_split() -> None:
    report, _ = split_report()
    errors = report["extractor"]["errors"]
    assert errors["dev"] == []
    counts = {e["category"]: e["count"] for e in errors["test"]}
    assert counts == {"missed claim": 2, "missed attribution": 1}


def test_markdown_shows_the_splits_side_by_side_with_the_test_split_as_headline() -> None:
    report, _ = split_report()
    markdown = render_markdown(report)
    assert "| figure | dev | dev 95% interval | test | test 95% interval |" in markdown
    assert "Headline on test: **strict F1" in markdown
    assert "| dev − test strict F1 | +" in markdown
    assert "| subject, lenient (containment) |" in markdown
    assert "| missed claim | 0 | 2 |" in markdown
    assert "| a2 | test |" in markdown


def test_error_examples_never_come_from_the_test_split() -> None:
    report, cases = report_for(
        [[draft_of(ARRIVED, source=None)], [draft_of(ARRIVED, source=None)]],
        splits=["dev", "test"],
    )
    examples = render_markdown(report).split("Examples (never from the test split):")[1]
    examples = examples.split("## Per article")[0]
    assert "a0 `c1`" in examples and "a1 `" not in examples
    html = render_html(report, cases)
    assert '<div class="quote">a0 <code>c1</code>' in html
    assert '<div class="quote">a1 <code>' not in html


def test_html_shows_the_split_tables_gap_and_error_analysis() -> None:
    report, cases = split_report()
    html = render_html(report, cases)
    assert "<th>dev 95% interval</th>" in html and "<th>test agree/total</th>" in html
    assert "dev − test strict F1" in html and "<h2>Error analysis</h2>" in html
    assert "lenient (containment)" in html


def test_compare_gives_a_paired_delta_per_split() -> None:
    report, _ = split_report()
    better, _ = report_for([perfect_drafts()] * 4, splits=SPLITS)
    comparison = compare_reports(report, better)
    assert list(comparison.per_split) == ["dev", "test"]
    shared, delta_f1, delta_strict = comparison.per_split["test"]
    assert shared == 2 and delta_f1.value > 0 and delta_strict.value > 0
    assert comparison.per_split["dev"][1].value == 0


def test_html_leaves_out_the_text_and_claims_of_test_articles() -> None:
    report, cases = split_report()
    html = render_html(report, cases)
    assert html.count("Test split: the text and claims are left out") == 2
    assert html.count('<div class="text">') == 2  # the two dev articles
