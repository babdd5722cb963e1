"""The rows every report format shows, read from a report.json dict (one source for all)."""

from __future__ import annotations

from typing import Any

# (label, summary key, figure) for the P/R/F1 estimates, headline first.
ESTIMATES = [
    ("strict F1", "strict_micro", "f1"),
    ("strict precision", "strict_micro", "precision"),
    ("strict recall", "strict_micro", "recall"),
    ("claim F1", "claim_micro", "f1"),
    ("claim precision", "claim_micro", "precision"),
    ("claim recall", "claim_micro", "recall"),
    ("claim F1, macro", "claim_macro", "f1"),
    ("claim precision, macro", "claim_macro", "precision"),
    ("claim recall, macro", "claim_macro", "recall"),
    ("strict F1, macro", "strict_macro", "f1"),
]

FIELD_LABELS = {
    "kind": "kind",
    "certainty": "certainty",
    "negated": "negated",
    "source_name": "source name",
    "source_anonymous": "source anonymous",
    "source_via": "source via",
    "quantities": "quantities",
    "time": "time",
    "location": "location",
    "subject": "subject",
}

COUNTS = [
    ("articles", "articles"),
    ("gold claims", "gold_claims"),
    ("predicted claims", "predicted_claims"),
    ("matched pairs", "matched"),
    ("strict pairs", "strict_matched"),
    ("unmatched gold (missed)", "unmatched_gold"),
    ("unmatched predicted (extra)", "unmatched_predicted"),
    ("claims dropped (extractor or grounding)", "dropped_claims"),
]


def number(value: float | None) -> str:
    """A figure to three decimals, or a dash when it does not exist."""
    return "–" if value is None else f"{value:.3f}"


def show(value: object) -> str:
    """A field value for display: a dash for none, yes/no for booleans."""
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def interval(estimate: dict[str, Any]) -> str:
    """A bootstrap interval as "[low, high]"."""
    return f"[{estimate['low']:.3f}, {estimate['high']:.3f}]"


def estimate_rows(
    summary: dict[str, Any], floor: dict[str, Any]
) -> list[tuple[str, str, str, str]]:
    """(label, value, 95% interval, floor value) for every P/R/F1 figure."""
    rows = []
    for label, key, figure in ESTIMATES:
        estimate = summary[key][figure]
        rows.append(
            (
                label,
                number(estimate["value"]),
                interval(estimate),
                number(floor[key][figure]["value"]),
            )
        )
    return rows


def field_rows(summary: dict[str, Any], floor: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """(field, accuracy, agreeing/total, floor accuracy) for every field."""
    rows = []
    for name, label in FIELD_LABELS.items():
        mine, theirs = summary["fields"][name], floor["fields"][name]
        rows.append(
            (
                label,
                number(mine["accuracy"]),
                f"{mine['agree']}/{mine['total']}",
                number(theirs["accuracy"]),
            )
        )
    return rows


def other_rows(summary: dict[str, Any], floor: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(label, value, floor value) for grounding and the counts."""
    rows = [("grounding rate", number(summary["grounding_rate"]), number(floor["grounding_rate"]))]
    rows += [(label, str(summary[key]), str(floor[key])) for label, key in COUNTS]
    rows.append(
        (
            "failed articles",
            str(len(summary["failed_articles"])),
            str(len(floor["failed_articles"])),
        )
    )
    return rows


def weakest_fields(summary: dict[str, Any], count: int = 3) -> list[str]:
    """The fields with the lowest accuracy (fields no pair has are left out)."""
    scored = [
        (value["accuracy"], name)
        for name, value in summary["fields"].items()
        if value["accuracy"] is not None
    ]
    return [name for _, name in sorted(scored)[:count]]
