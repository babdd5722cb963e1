"""Match predicted claims to gold claims one-to-one within an article.

Similarity of a predicted and a gold claim (both in [0, 1]):

    similarity = EVIDENCE_WEIGHT * evidence_overlap + (1 - EVIDENCE_WEIGHT) * statement_similarity

- evidence_overlap: Dice coefficient of the character positions the two claims' evidence
  spans cover (2 |P ∩ G| / (|P| + |G|)); 1 for identical evidence, 0 for disjoint evidence.
- statement_similarity: rapidfuzz `token_set_ratio` of the two statements (lower-cased,
  punctuation stripped) / 100, which forgives word order and a statement that adds or
  omits words (a sentence vs its decontextualized clause).

Pairs are chosen by maximum-weight bipartite matching (`scipy.optimize.linear_sum_assignment`)
over pairs at or above MATCH_THRESHOLD; pairs below it never match.

Why 0.5: with equal weights a pair whose evidence is disjoint scores at most 0.5, and on the
project's gold set (12 articles, 283 claims; `claimkit eval similarities`) the highest
disjoint pair scored 0.48 (sentence floor) and 0.46 (offline), so 0.5 is the lowest value
that never pairs claims found in different places of the text. Matching is flat around
it: the offline extractor has 236 pairs at every threshold from 0.40 to 0.50 and the floor
186 from 0.45 to 0.55; lower thresholds start pairing disjoint evidence, higher ones drop
pairs whose statements were reworded. Details in evals/README.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz, utils

from schemas.claims import Claim, Span

EVIDENCE_WEIGHT = 0.5
MATCH_THRESHOLD = 0.5


def _merged(spans: Sequence[Span]) -> list[tuple[int, int]]:
    """Evidence spans as sorted, non-overlapping (start, end) intervals."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted((span.start, span.end) for span in spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _length(intervals: list[tuple[int, int]]) -> int:
    return sum(end - start for start, end in intervals)


def _intersection(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
    return sum(
        max(0, min(a_end, b_end) - max(a_start, b_start))
        for a_start, a_end in a
        for b_start, b_end in b
    )


def evidence_overlap(predicted: Sequence[Span], gold: Sequence[Span]) -> float:
    """Dice coefficient of the characters covered by two sets of evidence spans."""
    p, g = _merged(predicted), _merged(gold)
    total = _length(p) + _length(g)
    return 2 * _intersection(p, g) / total if total else 0.0


def statement_similarity(predicted: str, gold: str) -> float:
    """Word-order-insensitive fuzzy similarity of two statements, in [0, 1]."""
    return fuzz.token_set_ratio(predicted, gold, processor=utils.default_process) / 100


def claim_similarity(predicted: Claim, gold: Claim) -> float:
    """How alike a predicted and a gold claim are: evidence overlap and statement similarity."""
    overlap = evidence_overlap(predicted.evidence, gold.evidence)
    wording = statement_similarity(predicted.statement, gold.statement)
    return EVIDENCE_WEIGHT * overlap + (1 - EVIDENCE_WEIGHT) * wording


def similarity_matrix(predicted: Sequence[Claim], gold: Sequence[Claim]) -> np.ndarray:
    """Similarities of every predicted (rows) and gold (columns) claim."""
    matrix = np.zeros((len(predicted), len(gold)))
    for row, pred in enumerate(predicted):
        for column, truth in enumerate(gold):
            matrix[row, column] = claim_similarity(pred, truth)
    return matrix


@dataclass(frozen=True)
class Pair:
    """A matched predicted and gold claim (indices into the article's lists)."""

    predicted: int
    gold: int
    similarity: float


@dataclass
class ArticleMatching:
    """The one-to-one matching of one article's predictions to its gold claims."""

    pairs: list[Pair] = field(default_factory=list)
    unmatched_predicted: list[int] = field(default_factory=list)
    unmatched_gold: list[int] = field(default_factory=list)


def match_claims(
    predicted: Sequence[Claim], gold: Sequence[Claim], *, threshold: float = MATCH_THRESHOLD
) -> ArticleMatching:
    """Maximum-weight one-to-one matching over pairs whose similarity reaches `threshold`."""
    from scipy.optimize import linear_sum_assignment  # a second to import; `--help` needs none

    matrix = similarity_matrix(predicted, gold)
    weights = np.where(matrix >= threshold, matrix, 0.0)
    pairs = []
    if weights.size:
        rows, columns = linear_sum_assignment(weights, maximize=True)
        pairs = [
            Pair(predicted=int(r), gold=int(c), similarity=round(float(matrix[r, c]), 4))
            for r, c in zip(rows, columns, strict=True)
            if matrix[r, c] >= threshold
        ]
    pairs.sort(key=lambda pair: pair.gold)
    matched_pred = {pair.predicted for pair in pairs}
    matched_gold = {pair.gold for pair in pairs}
    return ArticleMatching(
        pairs=pairs,
        unmatched_predicted=[i for i in range(len(predicted)) if i not in matched_pred],
        unmatched_gold=[i for i in range(len(gold)) if i not in matched_gold],
    )


@dataclass
class SimilarityDistribution:
    """Similarities of all predicted x gold pairs, split by whether their evidence overlaps."""

    overlapping: list[float] = field(default_factory=list)
    disjoint: list[float] = field(default_factory=list)

    def add(self, predicted: Sequence[Claim], gold: Sequence[Claim]) -> None:
        """Add every pair of one article."""
        for pred in predicted:
            for truth in gold:
                overlaps = evidence_overlap(pred.evidence, truth.evidence) > 0
                (self.overlapping if overlaps else self.disjoint).append(
                    claim_similarity(pred, truth)
                )

    def histogram(self, bins: int = 20) -> list[tuple[float, int, int]]:
        """(bin start, overlapping pairs, disjoint pairs) over [0, 1]."""
        edges = np.linspace(0, 1, bins + 1)
        over = np.histogram(self.overlapping, bins=edges)[0]
        apart = np.histogram(self.disjoint, bins=edges)[0]
        return [(round(float(edges[i]), 2), int(over[i]), int(apart[i])) for i in range(bins)]
