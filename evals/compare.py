"""Compare two eval reports: each figure's change, paired bootstrap ΔF1, articles that got worse."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from evals.metrics import (
    BOOTSTRAP_RESAMPLES,
    BOOTSTRAP_SEED,
    Estimate,
    bootstrap_indices,
    prf_arrays,
)
from evals.report.figures import COUNTS, ESTIMATES, FIELD_LABELS


@dataclass(frozen=True)
class FigureDelta:
    """One figure in report A and report B, and B - A."""

    label: str
    a: float | None
    b: float | None
    count: bool = False  # a number of things (articles, claims), not a rate

    @property
    def delta(self) -> float | None:
        """B minus A, or None when either is missing."""
        return None if self.a is None or self.b is None else round(self.b - self.a, 4)


@dataclass(frozen=True)
class ArticleChange:
    """An article whose claim F1 or strict F1 fell from A to B."""

    article_id: str
    f1_a: float
    f1_b: float
    strict_f1_a: float
    strict_f1_b: float


@dataclass
class Comparison:
    """Differences between two reports on the articles they share."""

    figures: list[FigureDelta]
    delta_f1: Estimate
    delta_strict_f1: Estimate
    common_articles: int
    only_in_a: list[str]
    only_in_b: list[str]
    worse: list[ArticleChange]
    # per split both reports scored: (shared articles, ΔF1, Δstrict F1)
    per_split: dict[str, tuple[int, Estimate, Estimate]] = field(default_factory=dict)


COUNT_LABELS = frozenset({label for label, _ in COUNTS} | {"failed articles"})


def summary_figures(summary: dict[str, Any]) -> dict[str, float | None]:
    """Every figure of a report summary by label, in display order."""
    figures: dict[str, float | None] = {
        label: summary[key][figure]["value"] for label, key, figure in ESTIMATES
    }
    figures |= {
        f"{label} accuracy": summary["fields"][name]["accuracy"]
        for name, label in FIELD_LABELS.items()
    }
    figures["grounding rate"] = summary["grounding_rate"]
    figures |= {label: float(summary[key]) for label, key in COUNTS}
    figures["failed articles"] = float(len(summary["failed_articles"]))
    return figures


def _aligned(
    articles_a: list[dict[str, Any]], articles_b: list[dict[str, Any]], key: str
) -> np.ndarray:
    """Per-article counts, A then B, for the articles both reports share (rows: A, B)."""
    by_id_b = {article["id"]: article for article in articles_b}
    shared = [article for article in articles_a if article["id"] in by_id_b]
    return np.array(
        [[article[key] for article in shared], [by_id_b[article["id"]][key] for article in shared]],
        dtype=float,
    )


def paired_delta_f1(
    articles_a: list[dict[str, Any]],
    articles_b: list[dict[str, Any]],
    *,
    hits: str = "matched",
    resamples: int = BOOTSTRAP_RESAMPLES,
    seed: int = BOOTSTRAP_SEED,
) -> Estimate:
    """Micro F1 of B minus A on shared articles, with a paired bootstrap 95% interval.

    Both reports are resampled with the same article indices, so article difficulty cancels.
    """
    counts = [_aligned(articles_a, articles_b, key) for key in (hits, "predicted", "gold")]

    def delta(index: np.ndarray | slice) -> np.ndarray:
        """Micro F1 of B minus that of A over the articles at `index` (summed on the last axis)."""
        f1_a, f1_b = (
            prf_arrays(*(count[side][index].sum(axis=-1) for count in counts))[2] for side in (0, 1)
        )
        return np.asarray(f1_b - f1_a)

    point = round(float(delta(slice(None))), 4)
    articles = counts[0].shape[1]
    if articles == 0:
        return Estimate(point, point, point)
    samples = delta(bootstrap_indices(articles, resamples=resamples, seed=seed))
    low, high = np.percentile(samples, [2.5, 97.5])
    return Estimate(point, round(float(low), 4), round(float(high), 4))


def worse_articles(
    articles_a: list[dict[str, Any]], articles_b: list[dict[str, Any]]
) -> list[ArticleChange]:
    """Articles whose claim F1 or strict F1 is lower in B, largest drop first."""
    by_id_b = {article["id"]: article for article in articles_b}
    changes = [
        ArticleChange(a["id"], a["f1"], b["f1"], a["strict_f1"], b["strict_f1"])
        for a in articles_a
        if (b := by_id_b.get(a["id"])) and (b["f1"] < a["f1"] or b["strict_f1"] < a["strict_f1"])
    ]
    return sorted(changes, key=lambda c: min(c.f1_b - c.f1_a, c.strict_f1_b - c.strict_f1_a))


def _split(articles: list[dict[str, Any]], name: str) -> list[dict[str, Any]]:
    return [article for article in articles if article.get("split", "all") == name]


def split_deltas(
    articles_a: list[dict[str, Any]], articles_b: list[dict[str, Any]]
) -> dict[str, tuple[int, Estimate, Estimate]]:
    """ΔF1 and Δstrict F1 per split, when the reports hold more than one split."""
    names = list(dict.fromkeys(a.get("split", "all") for a in articles_a))
    if len(names) < 2:
        return {}
    deltas = {}
    for name in names:
        split_a, split_b = _split(articles_a, name), _split(articles_b, name)
        shared = len({a["id"] for a in split_a} & {b["id"] for b in split_b})
        if shared:
            deltas[name] = (
                shared,
                paired_delta_f1(split_a, split_b, hits="matched"),
                paired_delta_f1(split_a, split_b, hits="strict_matched"),
            )
    return deltas


def compare_reports(a: dict[str, Any], b: dict[str, Any]) -> Comparison:
    """Compare the primary extractor of report A with that of report B."""
    articles_a, articles_b = a["extractor"]["articles"], b["extractor"]["articles"]
    figures_a = summary_figures(a["extractor"]["summary"])
    figures_b = summary_figures(b["extractor"]["summary"])
    ids_a = {article["id"] for article in articles_a}
    ids_b = {article["id"] for article in articles_b}
    return Comparison(
        figures=[
            FigureDelta(label, figures_a[label], figures_b[label], count=label in COUNT_LABELS)
            for label in figures_a
        ],
        delta_f1=paired_delta_f1(articles_a, articles_b, hits="matched"),
        delta_strict_f1=paired_delta_f1(articles_a, articles_b, hits="strict_matched"),
        common_articles=len(ids_a & ids_b),
        only_in_a=sorted(ids_a - ids_b),
        only_in_b=sorted(ids_b - ids_a),
        worse=worse_articles(articles_a, articles_b),
        per_split=split_deltas(articles_a, articles_b),
    )
