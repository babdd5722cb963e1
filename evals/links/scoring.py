"""Scores for linking: B-cubed and pairwise P/R/F1 over clusterings, P/R/F1 over pairs.

Counts, not ratios, are kept so that groups add up to micro-averaged figures. A clustering
is a mapping item -> cluster label over the gold items; gold items the prediction leaves
out are predicted singletons, predicted items gold does not know are ignored.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class PRF:
    """Precision, recall and F1; None where a figure has nothing to divide by."""

    precision: float | None
    recall: float | None
    f1: float | None

    def as_dict(self) -> dict[str, float | None]:
        """The three figures, rounded to four decimals."""
        return {
            "precision": _round(self.precision),
            "recall": _round(self.recall),
            "f1": _round(self.f1),
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _ratio(numerator: float, denominator: float) -> float | None:
    return numerator / denominator if denominator else None


def prf(precision: float | None, recall: float | None) -> PRF:
    """P, R and their harmonic mean (0 when either is 0, else None when either is None)."""
    if precision == 0 or recall == 0:  # nothing right: F1 is 0 even where the other is undefined
        return PRF(precision, recall, 0.0)
    if precision is None or recall is None:
        return PRF(precision, recall, None)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PRF(precision, recall, f1)


@dataclass(frozen=True)
class ClusteringCounts:
    """What B-cubed and pairwise scores of a clustering are made of; adds up over groups."""

    items: int = 0
    bcubed_precision_sum: float = 0.0
    bcubed_recall_sum: float = 0.0
    gold_pairs: int = 0
    predicted_pairs: int = 0
    shared_pairs: int = 0

    def __add__(self, other: ClusteringCounts) -> ClusteringCounts:
        return ClusteringCounts(
            *(getattr(self, name) + getattr(other, name) for name in self.__dataclass_fields__)
        )

    def bcubed(self) -> PRF:
        """B-cubed precision and recall: per item, averaged over items (Bagga & Baldwin 1998)."""
        return prf(
            _ratio(self.bcubed_precision_sum, self.items),
            _ratio(self.bcubed_recall_sum, self.items),
        )

    def pairwise(self) -> PRF:
        """Pairwise precision and recall over the pairs of items put in one cluster."""
        return prf(
            _ratio(self.shared_pairs, self.predicted_pairs),
            _ratio(self.shared_pairs, self.gold_pairs),
        )

    def as_dict(self) -> dict[str, Any]:
        """Both scores and the counts behind them."""
        return {
            "bcubed": self.bcubed().as_dict(),
            "pairwise": self.pairwise().as_dict(),
            "items": self.items,
            "gold_pairs": self.gold_pairs,
            "predicted_pairs": self.predicted_pairs,
            "shared_pairs": self.shared_pairs,
        }


def _pairs(size: int) -> int:
    return size * (size - 1) // 2


def score_clustering(
    gold: Mapping[Any, Hashable], predicted: Mapping[Any, Hashable]
) -> ClusteringCounts:
    """Compare two clusterings of the gold items (each a mapping item -> cluster label)."""
    # A label no other item can have, for gold items the prediction does not place.
    labels = {
        item: ("predicted", predicted[item]) if item in predicted else ("alone", item)
        for item in gold
    }
    gold_sizes = Counter(gold.values())
    predicted_sizes = Counter(labels.values())
    shared = Counter((gold[item], labels[item]) for item in gold)
    precision_sum = sum(shared[gold[i], labels[i]] / predicted_sizes[labels[i]] for i in gold)
    recall_sum = sum(shared[gold[i], labels[i]] / gold_sizes[gold[i]] for i in gold)
    return ClusteringCounts(
        items=len(gold),
        bcubed_precision_sum=precision_sum,
        bcubed_recall_sum=recall_sum,
        gold_pairs=sum(_pairs(size) for size in gold_sizes.values()),
        predicted_pairs=sum(_pairs(size) for size in predicted_sizes.values()),
        shared_pairs=sum(_pairs(size) for size in shared.values()),
    )


def clustering_from_groups(
    items: Iterable[Hashable], groups: Iterable[Iterable[Hashable]]
) -> dict[Hashable, Hashable]:
    """item -> label for these items: the index of the group holding it, else the item itself."""
    labels: dict[Hashable, Hashable] = {item: ("single", item) for item in items}
    for index, members in enumerate(groups):
        for member in members:
            if member in labels:
                labels[member] = ("group", index)
    return labels


@dataclass(frozen=True)
class PairCounts:
    """Matched, predicted and gold pairs of one relation; adds up over groups."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0

    def __add__(self, other: PairCounts) -> PairCounts:
        return PairCounts(
            self.gold + other.gold, self.predicted + other.predicted, self.matched + other.matched
        )

    def scores(self) -> PRF:
        """P/R/F1 of the predicted pairs against the gold ones."""
        return prf(_ratio(self.matched, self.predicted), _ratio(self.matched, self.gold))

    def as_dict(self) -> dict[str, Any]:
        """The scores and the counts behind them."""
        return {
            **self.scores().as_dict(),
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.matched,
        }


def score_pairs(gold: set[Any], predicted: set[Any]) -> PairCounts:
    """Compare two sets of pairs (already normalised: frozensets, or closed ordered pairs)."""
    return PairCounts(gold=len(gold), predicted=len(predicted), matched=len(gold & predicted))


def unordered_pairs(pairs: Iterable[tuple[str, str]]) -> set[frozenset[str]]:
    """Pairs whose order does not matter (disagreements)."""
    return {frozenset(pair) for pair in pairs if pair[0] != pair[1]}


def transitive_closure(pairs: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
    """Ordered pairs closed under a->b, b->c => a->c (updates), so a chain scores as its closure."""
    closed = {pair for pair in pairs if pair[0] != pair[1]}
    while True:
        extra = {
            (a, d) for (a, b), (c, d) in itertools.product(closed, closed) if b == c and a != d
        } - closed
        if not extra:
            return closed
        closed |= extra
