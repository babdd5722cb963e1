"""Comparing two reports: every figure's change, paired ΔF1 intervals, articles that got worse."""

from __future__ import annotations

import pytest

from evals.compare import compare_reports, paired_delta_f1, summary_figures
from tests.evals.builders import ARRIVED, DENIED
from tests.evals.reports import draft_of, perfect_drafts, report_for


def figure(comparison, label: str):
    return next(f for f in comparison.figures if f.label == label)


def test_a_report_compared_with_itself_changes_nothing() -> None:
    report, _ = report_for([perfect_drafts(), [draft_of(ARRIVED)]])
    comparison = compare_reports(report, report)
    assert all(f.delta in (0, None) for f in comparison.figures)
    assert comparison.delta_f1.value == comparison.delta_f1.low == comparison.delta_f1.high == 0
    assert comparison.worse == []
    assert comparison.common_articles == 2


def test_every_summary_figure_is_compared() -> None:
    report, _ = report_for([perfect_drafts()])
    labels = [f.label for f in compare_reports(report, report).figures]
    assert labels == list(summary_figures(report["extractor"]["summary"]))
    assert {
        "strict F1",
        "claim F1, macro",
        "kind accuracy",
        "grounding rate",
        "gold claims",
    } <= set(labels)


def test_counts_are_marked_as_counts_and_rates_are_not() -> None:
    report, _ = report_for([perfect_drafts()])
    comparison = compare_reports(report, report)
    assert figure(comparison, "gold claims").count
    assert figure(comparison, "failed articles").count
    assert not figure(comparison, "claim F1").count
    assert not figure(comparison, "grounding rate").count


def test_a_worse_run_shows_negative_deltas_and_names_the_article() -> None:
    before, _ = report_for([perfect_drafts(), perfect_drafts(), perfect_drafts()])
    after, _ = report_for([perfect_drafts(), [draft_of(ARRIVED, negated=True)], perfect_drafts()])
    comparison = compare_reports(before, after)
    assert figure(comparison, "claim recall").delta == pytest.approx(0.75 - 1.0, abs=1e-4)
    assert figure(comparison, "strict F1").a == 1.0
    assert comparison.delta_f1.value == pytest.approx(
        figure(comparison, "claim F1").delta, abs=1e-4
    )
    assert comparison.delta_f1.low <= comparison.delta_f1.value <= comparison.delta_f1.high <= 0
    assert comparison.delta_strict_f1.value < comparison.delta_f1.value
    [worse] = comparison.worse
    assert (worse.article_id, worse.f1_a, worse.f1_b, worse.strict_f1_b) == ("a1", 1.0, 0.4, 0.0)


def test_a_better_run_lists_no_worse_articles() -> None:
    before, _ = report_for([[draft_of(ARRIVED)], [draft_of(DENIED)]])
    after, _ = report_for([perfect_drafts(), perfect_drafts()])
    comparison = compare_reports(before, after)
    assert comparison.worse == []
    assert comparison.delta_f1.value > 0


def test_only_shared_articles_enter_the_paired_bootstrap() -> None:
    short, _ = report_for([perfect_drafts()])
    long, _ = report_for([perfect_drafts(), []])
    comparison = compare_reports(short, long)
    assert comparison.common_articles == 1
    assert comparison.only_in_b == ["a1"] and comparison.only_in_a == []
    assert comparison.delta_f1.value == 0


def test_no_shared_articles_give_a_zero_delta() -> None:
    report, _ = report_for([perfect_drafts()])
    assert paired_delta_f1(report["extractor"]["articles"], []).value == 0
