"""Figures per split of a gold set (dev, test) and the dev-test gap with its interval."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

import numpy as np

from evals.metrics import (
    BOOTSTRAP_RESAMPLES,
    BOOTSTRAP_SEED,
    ArticleScore,
    Estimate,
    bootstrap_indices,
    counts,
    prf_arrays,
)

T = TypeVar("T")

# The gap's headline pair: (label, per-article hits), strict first.
GAPS = (("strict_f1", "strict_matched"), ("claim_f1", "matched"))


def by_split(split_names: Sequence[str], items: Sequence[T]) -> dict[str, list[T]]:
    """Per-article items grouped by split, splits in order of first appearance."""
    grouped: dict[str, list[T]] = {}
    for name, item in zip(split_names, items, strict=True):
        grouped.setdefault(name, []).append(item)
    return grouped


def micro_f1_samples(
    scores: Sequence[ArticleScore], hits: str, *, seed: int, resamples: int = BOOTSTRAP_RESAMPLES
) -> tuple[float, np.ndarray]:
    """Micro F1 over the articles and its values over bootstrap resamples of them."""
    c = counts(scores)
    point = float(prf_arrays(c[hits].sum(), c["predicted"].sum(), c["gold"].sum())[2])
    indices = bootstrap_indices(len(scores), resamples=resamples, seed=seed)
    samples = prf_arrays(
        c[hits][indices].sum(axis=1),
        c["predicted"][indices].sum(axis=1),
        c["gold"][indices].sum(axis=1),
    )[2]
    return point, samples


def f1_gap(
    dev: Sequence[ArticleScore], test: Sequence[ArticleScore], hits: str = "strict_matched"
) -> Estimate:
    """Micro F1 on dev minus on test, with a 95% interval from resampling each split's
    articles independently (the splits share no article, so there is nothing to pair)."""
    if not dev or not test:
        raise ValueError("the gap needs articles in both splits")
    dev_point, dev_samples = micro_f1_samples(dev, hits, seed=BOOTSTRAP_SEED)
    test_point, test_samples = micro_f1_samples(test, hits, seed=BOOTSTRAP_SEED + 1)
    low, high = np.percentile(dev_samples - test_samples, [2.5, 97.5])
    return Estimate(round(dev_point - test_point, 4), round(float(low), 4), round(float(high), 4))


def gaps(grouped: dict[str, list[ArticleScore]]) -> dict[str, Estimate]:
    """The dev-test gaps in strict F1 and claim F1, when both splits were scored."""
    if not grouped.get("dev") or not grouped.get("test"):
        return {}
    return {label: f1_gap(grouped["dev"], grouped["test"], hits) for label, hits in GAPS}
