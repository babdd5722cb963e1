"""The matcher: evidence overlap, statement similarity, one-to-one maximum-weight matching."""

from __future__ import annotations

import pytest

from evals import matching
from evals.matching import (
    SimilarityDistribution,
    claim_similarity,
    evidence_overlap,
    match_claims,
    statement_similarity,
)
from schemas.claims import Claim, Span
from tests.evals.builders import ALL, ARRIVED, DENIED, TEXT, as_prediction, claim, gold_claims


def spans(*bounds: tuple[int, int]) -> list[Span]:
    return [Span(start=s, end=e, text=TEXT[s:e]) for s, e in bounds]


def test_identical_evidence_overlaps_fully() -> None:
    assert evidence_overlap(spans((0, 10)), spans((0, 10))) == 1.0


def test_disjoint_evidence_does_not_overlap() -> None:
    assert evidence_overlap(spans((0, 10)), spans((20, 30))) == 0.0


def test_half_overlapping_evidence_scores_the_dice_coefficient() -> None:
    # 5 shared characters, 10 + 10 covered: 2 * 5 / 20
    assert evidence_overlap(spans((0, 10)), spans((5, 15))) == pytest.approx(0.5)


def test_overlapping_spans_of_one_claim_are_merged_before_counting() -> None:
    assert evidence_overlap(spans((0, 10), (5, 10)), spans((0, 10))) == 1.0


def test_statement_similarity_ignores_word_order_and_case() -> None:
    assert statement_similarity("Troops arrived in Kursk", "in kursk, troops arrived") == 1.0


def test_unrelated_statements_are_dissimilar() -> None:
    assert statement_similarity("Troops arrived in Kursk", "The army plans new drills") < 0.5


def test_claim_similarity_weighs_evidence_and_statement_equally() -> None:
    gold = gold_claims()[0]
    same = as_prediction(ARRIVED)
    assert claim_similarity(same, gold) == 1.0
    elsewhere = as_prediction(ARRIVED, quotes=("Troops arrive in Kursk",))
    assert claim_similarity(elsewhere, gold) == pytest.approx(
        0.5 * statement_similarity(elsewhere.statement, gold.statement)
    )


def test_every_gold_claim_finds_its_own_prediction() -> None:
    gold = gold_claims()
    predicted = [as_prediction(spec) for spec in reversed(list(ALL.values()))]
    result = match_claims(predicted, gold)
    assert [(p.predicted, p.gold) for p in result.pairs] == [(3, 0), (2, 1), (1, 2), (0, 3)]
    assert result.unmatched_gold == [] and result.unmatched_predicted == []


def test_two_predictions_of_one_gold_claim_match_only_the_better_one() -> None:
    gold = gold_claims()[:1]
    worse = as_prediction(ARRIVED, statement="Troops were in Kursk.")
    better = as_prediction(ARRIVED)
    result = match_claims([worse, better], gold)
    assert [(p.predicted, p.gold) for p in result.pairs] == [(1, 0)]
    assert result.unmatched_predicted == [0]


def test_pairs_below_the_threshold_do_not_match() -> None:
    gold = gold_claims()[:1]
    other = as_prediction(DENIED)
    similarity = claim_similarity(other, gold[0])
    assert match_claims([other], gold, threshold=similarity + 0.01).pairs == []
    assert len(match_claims([other], gold, threshold=similarity).pairs) == 1


def test_no_predictions_leave_every_gold_claim_unmatched() -> None:
    result = match_claims([], gold_claims())
    assert result.pairs == [] and result.unmatched_gold == [0, 1, 2, 3]


def test_matching_maximizes_total_weight_not_greedy_best_pairs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Greedy would take p1-g1 (0.9) and leave p2 alone; the optimum pairs p1-g2 and p2-g1.
    weights = {("p1", "g1"): 0.9, ("p1", "g2"): 0.8, ("p2", "g1"): 0.7, ("p2", "g2"): 0.1}
    monkeypatch.setattr(
        matching, "claim_similarity", lambda p, g: weights[(p.statement, g.statement)]
    )
    predicted: list[Claim] = [claim("p1", "Officials"), claim("p2", "Officials")]
    gold: list[Claim] = [claim("g1", "Officials"), claim("g2", "Officials")]
    result = match_claims(predicted, gold)
    assert [(p.predicted, p.gold) for p in result.pairs] == [(1, 0), (0, 1)]


def test_distribution_separates_overlapping_from_disjoint_pairs() -> None:
    distribution = SimilarityDistribution()
    distribution.add([as_prediction(ARRIVED)], gold_claims())
    assert distribution.overlapping == [1.0]
    assert len(distribution.disjoint) == 3
    histogram = distribution.histogram(bins=4)
    assert sum(over for _, over, _ in histogram) == 1
    assert sum(apart for *_, apart in histogram) == 3
