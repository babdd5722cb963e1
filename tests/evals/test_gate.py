"""The regression gate: pass on the baseline, fail on drops beyond tolerance or lost grounding,
in every split the baseline holds."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from evals.gate import (
    CLAIM_F1_TOLERANCE,
    FIELD_TOLERANCE,
    KEY_FIELDS,
    baseline_from_report,
    check_against_baseline,
    read_baseline,
    write_baseline,
)
from tests.evals.builders import ARRIVED, DENIED
from tests.evals.reports import draft_of, perfect_drafts, report_for


@pytest.fixture
def report() -> dict:
    return report_for([perfect_drafts(), [draft_of(ARRIVED), draft_of(DENIED)]])[0]


@pytest.fixture
def split_report() -> dict:
    drafts = [perfect_drafts(), perfect_drafts(), [draft_of(ARRIVED)], perfect_drafts()]
    return report_for(drafts, splits=["dev", "dev", "test", "test"])[0]


def figures(baseline: dict, split: str = "all") -> dict:
    return baseline["splits"][split]["figures"]


def test_a_report_passes_against_its_own_baseline(report: dict, tmp_path: Path) -> None:
    baseline = read_baseline(write_baseline(baseline_from_report(report), tmp_path / "b.json"))
    result = check_against_baseline(report, baseline)
    assert result.passed and result.failures() == [] and result.warnings == []
    assert set(figures(baseline)["fields"]) == set(KEY_FIELDS)


def test_a_claim_f1_drop_beyond_tolerance_fails_and_says_so(report: dict) -> None:
    baseline = baseline_from_report(report)
    figures(baseline)["claim_f1"] += CLAIM_F1_TOLERANCE + 0.01
    result = check_against_baseline(report, baseline)
    assert not result.passed
    [failure] = result.failures()
    assert failure.startswith("claim F1:") and "below the allowed minimum" in failure


def test_a_drop_within_tolerance_passes(report: dict) -> None:
    baseline = baseline_from_report(report)
    figures(baseline)["strict_f1"] += 0.01
    figures(baseline)["fields"]["kind"] = 1.0 - FIELD_TOLERANCE / 2
    assert check_against_baseline(report, baseline).passed


def test_a_key_field_drop_fails(report: dict) -> None:
    worse = copy.deepcopy(report)
    worse["extractor"]["splits"]["all"]["fields"]["time"]["accuracy"] = 0.5
    [failure] = check_against_baseline(worse, baseline_from_report(report)).failures()
    assert failure.startswith("time accuracy")


def test_grounding_below_one_hundred_percent_fails(report: dict) -> None:
    ungrounded = copy.deepcopy(report)
    ungrounded["extractor"]["splits"]["all"]["grounding_rate"] = 0.99
    [failure] = check_against_baseline(ungrounded, baseline_from_report(report)).failures()
    assert failure.startswith("grounding rate")


def test_a_baseline_for_another_extractor_fails(report: dict) -> None:
    baseline = baseline_from_report(report) | {"extractor": "offline"}
    result = check_against_baseline(report, baseline)
    assert not result.passed and "baseline is for extractor 'offline'" in result.failures()[0]


def test_changed_gold_data_warns_without_failing(report: dict) -> None:
    baseline = baseline_from_report(report)
    baseline["splits"]["all"]["gold_sha256"] = "0" * 64
    result = check_against_baseline(report, baseline)
    assert result.passed and "gold data differs" in result.warnings[0]


def test_a_file_that_is_not_a_baseline_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "report.json"
    path.write_text('{"format": "claimkit-eval-report"}')
    with pytest.raises(ValueError, match="not a claimkit eval baseline"):
        read_baseline(path)


def test_a_baseline_of_the_old_format_is_refused_saying_how_to_renew_it(tmp_path: Path) -> None:
    path = tmp_path / "old.json"
    old = {"format": "claimkit-eval-baseline", "format_version": 1, "figures": {}}
    path.write_text(json.dumps(old))
    with pytest.raises(ValueError, match=r"format_version 1.*claimkit eval baseline"):
        read_baseline(path)


def test_a_run_at_another_match_threshold_fails(report: dict) -> None:
    baseline = baseline_from_report(report) | {"match_threshold": 0.3}
    result = check_against_baseline(report, baseline)
    assert not result.passed and "match threshold 0.3" in result.failures()[0]


def test_a_split_baseline_holds_figures_for_dev_and_test(split_report: dict) -> None:
    baseline = baseline_from_report(split_report)
    assert list(baseline["splits"]) == ["dev", "test"]
    assert figures(baseline, "dev")["claim_f1"] == 1.0
    assert figures(baseline, "test")["claim_f1"] < 1.0
    assert baseline["splits"]["dev"]["articles"] == 2
    assert check_against_baseline(split_report, baseline).passed


def test_a_drop_on_the_test_split_alone_fails_naming_the_split(split_report: dict) -> None:
    baseline = baseline_from_report(split_report)
    figures(baseline, "test")["strict_f1"] += 0.1
    [failure] = check_against_baseline(split_report, baseline).failures()
    assert failure.startswith("test split: strict F1:")


def test_a_run_that_skips_a_gated_split_fails(split_report: dict) -> None:
    dev_only = copy.deepcopy(split_report)
    del dev_only["extractor"]["splits"]["test"]
    result = check_against_baseline(dev_only, baseline_from_report(split_report))
    assert not result.passed
    assert "gates split 'test', which this run did not score" in result.failures()[0]


def test_changed_test_gold_warns_for_that_split_only(split_report: dict) -> None:
    baseline = baseline_from_report(split_report)
    baseline["splits"]["test"]["gold_sha256"] = "0" * 64
    result = check_against_baseline(split_report, baseline)
    assert result.passed
    assert [w.split(":")[0] for w in result.warnings] == ["test split"]
