"""The regression gate: compare a report with a committed baseline and fail on a drop.

A check fails when a figure falls more than its tolerance below the baseline, or when
grounding is below 100%, in every split the baseline holds (dev and test for a split gold
set, "all" for a flat one). Baselines are written only by an explicit command
(`claimkit eval baseline PATH`), never as a side effect of a run.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BASELINE_FORMAT = "claimkit-eval-baseline"
BASELINE_FORMAT_VERSION = 2  # 2: figures per split

# Absolute drops (in F1 / accuracy points on a 0-1 scale) a run may show before the gate fails.
CLAIM_F1_TOLERANCE = 0.02
STRICT_F1_TOLERANCE = 0.02
FIELD_TOLERANCE = 0.03
KEY_FIELDS = (
    "kind",
    "certainty",
    "negated",
    "source_name",
    "source_anonymous",
    "source_via",
    "quantities",
    "time",
    "location",
    "subject",
)
REQUIRED_GROUNDING = 1.0
# (label, baseline key, report summary key, tolerance)
HEADLINE_CHECKS = (
    ("claim F1", "claim_f1", "claim_micro", CLAIM_F1_TOLERANCE),
    ("strict F1", "strict_f1", "strict_micro", STRICT_F1_TOLERANCE),
)


@dataclass(frozen=True)
class Check:
    """One gated figure: the baseline, the current value and the lowest value allowed."""

    label: str
    baseline: float | None
    current: float | None
    minimum: float | None

    @property
    def passed(self) -> bool:
        """True when there is nothing to hold the figure to, or it is at or above the minimum."""
        if self.minimum is None:
            return True
        return self.current is not None and self.current >= self.minimum - 1e-9


@dataclass
class GateResult:
    """Every check, and problems that fail the gate regardless of the figures."""

    checks: list[Check]
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        """True when every check passed and there are no problems."""
        return not self.problems and all(check.passed for check in self.checks)

    def failures(self) -> list[str]:
        """One line per failed check or problem."""
        lines = list(self.problems)
        for check in self.checks:
            if not check.passed:
                lines.append(
                    f"{check.label}: {_show(check.current)} is below the allowed minimum "
                    f"{_show(check.minimum)} (baseline {_show(check.baseline)})"
                )
        return lines


def _show(value: float | None) -> str:
    return "none" if value is None else f"{value:.3f}"


def _split_summaries(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    extractor = report["extractor"]
    return extractor.get("splits") or {"all": extractor["summary"]}


def _split_sha(report: dict[str, Any], split: str) -> str | None:
    splits = report["config"].get("splits") or {}
    return splits.get(split, {}).get("gold_sha256") or (
        report["config"]["gold_sha256"] if split == "all" else None
    )


def _figures(summary: dict[str, Any]) -> dict[str, Any]:
    return {
        "claim_f1": summary["claim_micro"]["f1"]["value"],
        "strict_f1": summary["strict_micro"]["f1"]["value"],
        "grounding_rate": summary["grounding_rate"],
        "fields": {name: summary["fields"][name]["accuracy"] for name in KEY_FIELDS},
    }


def baseline_from_report(report: dict[str, Any]) -> dict[str, Any]:
    """The gated figures of a report's primary extractor, per split, as a baseline file."""
    return {
        "format": BASELINE_FORMAT,
        "format_version": BASELINE_FORMAT_VERSION,
        "extractor": report["extractor"]["name"],
        "created_at": report["created_at"],
        "git_sha": report["versions"]["git_sha"],
        "gold": report["config"]["gold"],
        "match_threshold": report["config"]["match_threshold"],
        "splits": {
            name: {
                "articles": summary["articles"],
                "gold_sha256": _split_sha(report, name),
                "figures": _figures(summary),
            }
            for name, summary in _split_summaries(report).items()
        },
    }


def write_baseline(baseline: dict[str, Any], path: Path) -> Path:
    """Write a baseline file (the only way a baseline changes)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(baseline, indent=2) + "\n", encoding="utf-8")
    return path


def read_baseline(path: Path) -> dict[str, Any]:
    """Read a baseline file, refusing anything else and baselines of an older format."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or data.get("format") != BASELINE_FORMAT:
        raise ValueError(f"{path}: not a claimkit eval baseline")
    version = data.get("format_version")
    if version != BASELINE_FORMAT_VERSION:
        raise ValueError(
            f"{path}: baseline format_version {version}, this claimkit reads "
            f"{BASELINE_FORMAT_VERSION} (figures per split); write a new one with "
            f"`claimkit eval baseline {path}`"
        )
    return data


def _minimum(baseline: float | None, tolerance: float) -> float | None:
    return None if baseline is None else round(baseline - tolerance, 4)


def split_checks(prefix: str, summary: dict[str, Any], expected: dict[str, Any]) -> list[Check]:
    """Every gated figure of one split against its baseline figures."""
    checks = []
    for label, key, summary_key, tolerance in HEADLINE_CHECKS:
        current = summary[summary_key]["f1"]["value"]
        minimum = _minimum(expected[key], tolerance)
        checks.append(Check(f"{prefix}{label}", expected[key], current, minimum))
    for name in KEY_FIELDS:
        before = expected["fields"].get(name)
        current = summary["fields"][name]["accuracy"]
        minimum = _minimum(before, FIELD_TOLERANCE)
        checks.append(Check(f"{prefix}{name} accuracy", before, current, minimum))
    before, current = expected.get("grounding_rate"), summary["grounding_rate"]
    checks.append(Check(f"{prefix}grounding rate", before, current, REQUIRED_GROUNDING))
    return checks


def check_against_baseline(report: dict[str, Any], baseline: dict[str, Any]) -> GateResult:
    """Gate a report's primary extractor against a baseline, split by split."""
    result = GateResult(checks=[])
    if report["extractor"]["name"] != baseline["extractor"]:
        result.problems.append(
            f"the baseline is for extractor {baseline['extractor']!r}, "
            f"this run used {report['extractor']['name']!r}"
        )
    if report["config"]["match_threshold"] != baseline.get("match_threshold"):
        result.problems.append(
            f"the baseline was scored at match threshold {baseline.get('match_threshold')}, "
            f"this run at {report['config']['match_threshold']}"
        )
    scored = _split_summaries(report)
    for name in scored.keys() - baseline["splits"].keys():
        result.warnings.append(f"split {name!r} is not in the baseline, so it is not gated")
    for name, gated in baseline["splits"].items():
        where = "" if name == "all" else f"{name} split: "
        if name not in scored:
            result.problems.append(
                f"the baseline gates split {name!r}, which this run did not score "
                "(score every split: --split all)"
            )
            continue
        if _split_sha(report, name) != gated.get("gold_sha256"):
            result.warnings.append(
                f"{where}the gold data differs from the baseline's; if the change is intended, "
                "update the baseline with `claimkit eval baseline`"
            )
        result.checks += split_checks(where, scored[name], gated["figures"])
    return result
