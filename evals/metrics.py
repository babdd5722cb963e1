"""Scores of matched claims (spec section 4): claim and strict P/R/F1, field accuracy, grounding.

Every figure is computed from per-article counts, so a bootstrap over articles (resampling
whole articles with replacement, fixed seed) gives its 95% interval.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import ArrayLike

from evals.fields import FIELD_CHECKS, LENIENT_CHECKS, STRICT_CHECKS
from evals.matching import MATCH_THRESHOLD, match_claims
from evals.name_rules import ArticleNames
from schemas.claims import Claim

BOOTSTRAP_RESAMPLES = 2000
BOOTSTRAP_SEED = 20241027


@dataclass
class PairScore:
    """One matched pair: its similarity, every field's agreement and the strict verdict."""

    predicted: int
    gold: int
    similarity: float
    fields: dict[str, bool | None]
    strict: bool
    lenient: dict[str, bool | None] = field(default_factory=dict)  # name fields, containment


@dataclass
class Grounding:
    """How many predicted evidence quotes were located verbatim in the text."""

    quotes: int = 0
    grounded: int = 0
    dropped_claims: int = 0  # drafts lost in the extractor or in grounding


@dataclass
class ArticleScore:
    """Counts and pairs for one article, the unit the bootstrap resamples."""

    article_id: str
    gold: int
    predicted: int
    pairs: list[PairScore]
    unmatched_gold: list[int]
    unmatched_predicted: list[int]
    grounding: Grounding = field(default_factory=Grounding)
    error: str | None = None

    @property
    def matched(self) -> int:
        """Matched pairs (claim true positives)."""
        return len(self.pairs)

    @property
    def strict_matched(self) -> int:
        """Matched pairs whose source, quantity values, time and negation agree."""
        return sum(pair.strict for pair in self.pairs)

    def field_counts(self, name: str, *, lenient: bool = False) -> tuple[int, int]:
        """(agreeing pairs, pairs the field applies to) for one field (or its lenient rule)."""
        verdicts = [
            verdict
            for pair in self.pairs
            if (verdict := (pair.lenient if lenient else pair.fields).get(name)) is not None
        ]
        return sum(bool(v) for v in verdicts), len(verdicts)


def score_pair(
    predicted: Claim, gold: Claim, names: ArticleNames | None = None
) -> tuple[dict[str, bool | None], bool]:
    """Every field's agreement and whether the pair counts for strict F1."""
    names = names or ArticleNames()
    fields = {name: check(predicted, gold, names) for name, check in FIELD_CHECKS.items()}
    strict = all(check(predicted, gold, names) for check in STRICT_CHECKS.values())
    return fields, strict


def lenient_verdicts(predicted: Claim, gold: Claim) -> dict[str, bool | None]:
    """The name fields under the old containment rule."""
    names = ArticleNames()
    return {name: check(predicted, gold, names) for name, check in LENIENT_CHECKS.items()}


def score_article(
    article_id: str,
    predicted: Sequence[Claim],
    gold: Sequence[Claim],
    *,
    text: str = "",
    threshold: float = MATCH_THRESHOLD,
    grounding: Grounding | None = None,
    error: str | None = None,
) -> ArticleScore:
    """Match one article's predictions to its gold claims and score every pair; `text` (the
    article) decides which name aliases hold."""
    matching = match_claims(predicted, gold, threshold=threshold)
    names = ArticleNames(text)
    pairs = []
    for pair in matching.pairs:
        p, g = predicted[pair.predicted], gold[pair.gold]
        fields, strict = score_pair(p, g, names)
        lenient = lenient_verdicts(p, g)
        pairs.append(PairScore(pair.predicted, pair.gold, pair.similarity, fields, strict, lenient))
    return ArticleScore(
        article_id=article_id,
        gold=len(gold),
        predicted=len(predicted),
        pairs=pairs,
        unmatched_gold=matching.unmatched_gold,
        unmatched_predicted=matching.unmatched_predicted,
        grounding=grounding or Grounding(),
        error=error,
    )


def _divide(numerator: np.ndarray, denominator: np.ndarray, empty: np.ndarray) -> np.ndarray:
    """numerator / denominator, with `empty` where the denominator is zero."""
    safe = np.where(denominator > 0, denominator, 1)
    return np.where(denominator > 0, numerator / safe, empty)


def prf_arrays(
    hits: ArrayLike, predicted: ArrayLike, gold: ArrayLike
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Precision, recall, F1 elementwise; nothing predicted for nothing gold counts as perfect."""
    tp, pred, true = (np.asarray(a, dtype=float) for a in (hits, predicted, gold))
    both_empty = ((pred == 0) & (true == 0)).astype(float)
    precision = _divide(tp, pred, both_empty)
    recall = _divide(tp, true, both_empty)
    f1 = _divide(2 * precision * recall, precision + recall, np.zeros_like(precision))
    return precision, recall, f1


def prf(hits: int, predicted: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 of one set of counts."""
    precision, recall, f1 = prf_arrays(hits, predicted, gold)
    return float(precision), float(recall), float(f1)


@dataclass(frozen=True)
class Estimate:
    """A figure with its bootstrap 95% interval over articles."""

    value: float
    low: float
    high: float


@dataclass(frozen=True)
class PRF:
    """Precision, recall and F1, each with an interval."""

    precision: Estimate
    recall: Estimate
    f1: Estimate


def bootstrap_indices(articles: int, *, resamples: int, seed: int) -> np.ndarray:
    """Resamples of article indices with replacement: shape (resamples, articles)."""
    rng = np.random.default_rng(seed)
    return rng.integers(0, articles, size=(resamples, articles))


def _interval(samples: np.ndarray) -> tuple[float, float]:
    low, high = np.percentile(samples, [2.5, 97.5])
    return round(float(low), 4), round(float(high), 4)


def _estimate(value: float, samples: np.ndarray) -> Estimate:
    low, high = _interval(samples) if samples.size else (value, value)
    return Estimate(round(float(value), 4), low, high)


def micro_and_macro(
    hits: np.ndarray, predicted: np.ndarray, gold: np.ndarray, indices: np.ndarray
) -> tuple[PRF, PRF]:
    """Micro (pooled counts) and macro (mean of per-article) P/R/F1 with bootstrap intervals."""
    micro_point = prf_arrays(hits.sum(), predicted.sum(), gold.sum())
    micro_samples = prf_arrays(
        hits[indices].sum(axis=1), predicted[indices].sum(axis=1), gold[indices].sum(axis=1)
    )
    per_article = prf_arrays(hits, predicted, gold)
    macro_point = [values.mean() if values.size else 0.0 for values in per_article]
    macro_samples = [values[indices].mean(axis=1) for values in per_article]
    micro = PRF(*(_estimate(float(p), s) for p, s in zip(micro_point, micro_samples, strict=True)))
    macro = PRF(*(_estimate(float(p), s) for p, s in zip(macro_point, macro_samples, strict=True)))
    return micro, macro


@dataclass(frozen=True)
class FieldAccuracy:
    """Agreement of one field over the matched pairs it applies to."""

    agree: int
    total: int

    @property
    def accuracy(self) -> float | None:
        """agree / total, or None when no matched pair has the field."""
        return round(self.agree / self.total, 4) if self.total else None


@dataclass
class Summary:
    """Every figure of one extractor over a gold set."""

    articles: int
    gold_claims: int
    predicted_claims: int
    matched: int
    strict_matched: int
    claim_micro: PRF
    claim_macro: PRF
    strict_micro: PRF
    strict_macro: PRF
    fields: dict[str, FieldAccuracy]
    lenient_fields: dict[str, FieldAccuracy]
    grounding_rate: float | None
    quotes: int
    grounded_quotes: int
    dropped_claims: int
    unmatched_gold: int
    unmatched_predicted: int
    failed_articles: list[str]


def _field_accuracy(
    articles: Sequence[ArticleScore], name: str, *, lenient: bool = False
) -> FieldAccuracy:
    pairs = [article.field_counts(name, lenient=lenient) for article in articles]
    return FieldAccuracy(sum(p[0] for p in pairs), sum(p[1] for p in pairs))


def counts(articles: Sequence[ArticleScore]) -> dict[str, np.ndarray]:
    """Per-article count arrays: gold, predicted, matched, strict_matched."""
    return {
        "gold": np.array([a.gold for a in articles], dtype=float),
        "predicted": np.array([a.predicted for a in articles], dtype=float),
        "matched": np.array([a.matched for a in articles], dtype=float),
        "strict_matched": np.array([a.strict_matched for a in articles], dtype=float),
    }


def summarize(
    articles: Sequence[ArticleScore],
    *,
    resamples: int = BOOTSTRAP_RESAMPLES,
    seed: int = BOOTSTRAP_SEED,
) -> Summary:
    """Pool per-article scores into micro and macro figures with bootstrap intervals."""
    c = counts(articles)
    indices = bootstrap_indices(max(len(articles), 1), resamples=resamples, seed=seed)
    if not articles:
        indices = np.zeros((0, 0), dtype=int)
    claim_micro, claim_macro = micro_and_macro(c["matched"], c["predicted"], c["gold"], indices)
    strict_micro, strict_macro = micro_and_macro(
        c["strict_matched"], c["predicted"], c["gold"], indices
    )
    fields = {name: _field_accuracy(articles, name) for name in FIELD_CHECKS}
    lenient = {name: _field_accuracy(articles, name, lenient=True) for name in LENIENT_CHECKS}
    quotes = sum(a.grounding.quotes for a in articles)
    grounded = sum(a.grounding.grounded for a in articles)
    return Summary(
        articles=len(articles),
        gold_claims=int(c["gold"].sum()),
        predicted_claims=int(c["predicted"].sum()),
        matched=int(c["matched"].sum()),
        strict_matched=int(c["strict_matched"].sum()),
        claim_micro=claim_micro,
        claim_macro=claim_macro,
        strict_micro=strict_micro,
        strict_macro=strict_macro,
        fields=fields,
        lenient_fields=lenient,
        grounding_rate=round(grounded / quotes, 4) if quotes else None,
        quotes=quotes,
        grounded_quotes=grounded,
        dropped_claims=sum(a.grounding.dropped_claims for a in articles),
        unmatched_gold=sum(len(a.unmatched_gold) for a in articles),
        unmatched_predicted=sum(len(a.unmatched_predicted) for a in articles),
        failed_articles=[a.article_id for a in articles if a.error],
    )
