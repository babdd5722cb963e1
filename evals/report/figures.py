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


Summaries = list[dict[str, Any]]
LENIENT_LABEL = "lenient (containment)"
# Error examples are shown for these splits only: test/ is for measuring, not for reading.
SEALED_SPLITS = frozenset({"test"})


def summaries(evaluation: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """An evaluation's summary per split ({"all": summary} for a flat gold set or an old
    report)."""
    return evaluation.get("splits") or {"all": evaluation["summary"]}


def columns(report: dict[str, Any]) -> tuple[list[str], Summaries, Summaries]:
    """The split names and, per split, the extractor's and the floor's summaries."""
    mine, floor = summaries(report["extractor"]), summaries(report["floor"])
    names = list(mine)
    return names, [mine[n] for n in names], [floor.get(n, mine[n]) for n in names]


def headers(report: dict[str, Any], first: str, per_split: str) -> list[str]:
    """Column headers: `first`, then value and `per_split` for each split, then the floor's."""
    names = list(summaries(report["extractor"]))
    extractor, floor = report["extractor"]["name"], f"floor ({report['floor']['name']})"
    if len(names) == 1:
        return [first, extractor, per_split, floor]
    return [
        first,
        *(cell for name in names for cell in (name, f"{name} {per_split}")),
        *(f"{floor} {name}" for name in names),
    ]


def value_headers(report: dict[str, Any]) -> list[str]:
    """Headers of a table with one value per split, then one floor value per split."""
    names = list(summaries(report["extractor"]))
    extractor, floor = report["extractor"]["name"], f"floor ({report['floor']['name']})"
    if len(names) == 1:
        return ["", extractor, floor]
    return ["", *names, *(f"{floor} {name}" for name in names)]


def estimate_rows(mine: Summaries, floor: Summaries) -> list[list[str]]:
    """[label, then value and 95% interval per split, then the floor's value per split]."""
    rows = []
    for label, key, figure in ESTIMATES:
        cells = [
            c for s in mine for c in (number(s[key][figure]["value"]), interval(s[key][figure]))
        ]
        rows.append([label, *cells, *(number(f[key][figure]["value"]) for f in floor)])
    return rows


def _field_cells(group: str, name: str, mine: Summaries, floor: Summaries) -> list[str] | None:
    if any(name not in s.get(group, {}) for s in mine):
        return None
    cells = [
        c
        for s in mine
        for c in (
            number(s[group][name]["accuracy"]),
            f"{s[group][name]['agree']}/{s[group][name]['total']}",
        )
    ]
    floors = [
        number(f[group][name]["accuracy"]) if name in f.get(group, {}) else "–" for f in floor
    ]
    return [*cells, *floors]


def field_rows(mine: Summaries, floor: Summaries) -> list[list[str]]:
    """[field, then accuracy and agree/total per split, then the floor's accuracy per split];
    the name fields are followed by their lenient (containment) figure."""
    rows = []
    for name, label in FIELD_LABELS.items():
        rows.append([label, *(_field_cells("fields", name, mine, floor) or [])])
        lenient = _field_cells("lenient_fields", name, mine, floor)
        if lenient:
            rows.append([f"{label}, {LENIENT_LABEL}", *lenient])
    return rows


def other_rows(mine: Summaries, floor: Summaries) -> list[list[str]]:
    """[label, then the value per split, then the floor's per split]: grounding and counts."""
    rows = [["grounding rate", *(number(s["grounding_rate"]) for s in [*mine, *floor])]]
    rows += [[label, *(str(s[key]) for s in [*mine, *floor])] for label, key in COUNTS]
    rows.append(["failed articles", *(str(len(s["failed_articles"])) for s in [*mine, *floor])])
    return rows


def gap_rows(report: dict[str, Any]) -> list[list[str]]:
    """[label, dev - test, 95% interval] for each gap the report has."""
    labels = {"strict_f1": "strict F1", "claim_f1": "claim F1"}
    return [
        [f"dev − test {labels.get(name, name)}", signed(gap["value"]), signed_interval(gap)]
        for name, gap in report["extractor"].get("gaps", {}).items()
    ]


def signed(value: float) -> str:
    """A difference to three decimals with its sign."""
    return f"{value:+.3f}"


def signed_interval(estimate: dict[str, Any]) -> str:
    """A difference's interval as "[-0.100, +0.200]"."""
    return f"[{estimate['low']:+.3f}, {estimate['high']:+.3f}]"


def error_table(report: dict[str, Any]) -> tuple[list[str], list[list[str]]]:
    """Header and rows [category, count per split, details], largest first on dev (or the
    first split)."""
    errors: dict[str, list[dict[str, Any]]] = report["extractor"].get("errors", {})
    names = list(errors)
    if not names:
        return [], []
    lead = "dev" if "dev" in errors else names[0]
    by_split = {name: {e["category"]: e for e in errors[name]} for name in names}
    categories = list(by_split[lead]) + sorted(
        {c for n in names for c in by_split[n]} - set(by_split[lead])
    )
    rows = []
    for category in categories:
        counts = [
            str(by_split[n][category]["count"]) if category in by_split[n] else "0" for n in names
        ]
        details = by_split[lead].get(category, {}).get("details", {})
        rows.append([category, *counts, ", ".join(f"{k} {v}" for k, v in details.items())])
    return ["category", *names, f"details ({lead})"], rows


def error_examples(report: dict[str, Any], count: int = 2) -> dict[str, list[dict[str, Any]]]:
    """A couple of examples per category, from the first split that is not sealed."""
    errors = report["extractor"].get("errors", {})
    open_splits = [name for name in errors if name not in SEALED_SPLITS]
    if not open_splits:
        return {}
    return {e["category"]: e["examples"][:count] for e in errors[open_splits[0]]}


def weakest_fields(summary: dict[str, Any], count: int = 3) -> list[str]:
    """The fields with the lowest accuracy (fields no pair has are left out)."""
    scored = [
        (value["accuracy"], name)
        for name, value in summary["fields"].items()
        if value["accuracy"] is not None
    ]
    return [name for _, name in sorted(scored)[:count]]
