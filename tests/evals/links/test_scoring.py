"""B-cubed, pairwise and relation-pair scores on examples with known values."""

from __future__ import annotations

import pytest

from evals.links.scoring import (
    ClusteringCounts,
    clustering_from_groups,
    prf,
    score_clustering,
    score_pairs,
    transitive_closure,
    unordered_pairs,
)


def labels(*clusters: str) -> dict[str, int]:
    """item -> cluster index, from clusters written as strings of one-letter items."""
    return {item: index for index, cluster in enumerate(clusters) for item in cluster}


def test_bcubed_on_bagga_and_baldwins_example_merging_two_entities() -> None:
    # Bagga & Baldwin (1998): gold {1-5} {6,7} {8,9,A,B,C}; the response merges the first
    # and the third. B-cubed precision is 7/12 (MUC cannot tell this from merging {6,7}).
    gold = labels("12345", "67", "89ABC")
    counts = score_clustering(gold, labels("1234589ABC", "67"))
    assert counts.bcubed().precision == pytest.approx(7 / 12)
    assert counts.bcubed().recall == pytest.approx(1.0)
    assert counts.bcubed().f1 == pytest.approx(2 * (7 / 12) / (7 / 12 + 1))
    assert counts.pairwise().precision == pytest.approx(21 / 46)
    assert counts.pairwise().recall == pytest.approx(1.0)


def test_bcubed_and_pairwise_on_a_clustering_that_moves_one_item() -> None:
    counts = score_clustering(labels("abc", "de"), labels("ab", "cde"))
    assert counts.bcubed().precision == pytest.approx(11 / 15)
    assert counts.bcubed().recall == pytest.approx(11 / 15)
    assert (counts.gold_pairs, counts.predicted_pairs, counts.shared_pairs) == (4, 4, 2)
    assert counts.pairwise().f1 == pytest.approx(0.5)


def test_a_perfect_clustering_scores_one_everywhere() -> None:
    counts = score_clustering(labels("abc", "d"), labels("cab", "d"))
    assert counts.bcubed().f1 == pytest.approx(1.0)
    assert counts.pairwise().f1 == pytest.approx(1.0)


def test_gold_items_the_prediction_leaves_out_are_singletons_and_unknown_items_are_ignored() -> (
    None
):
    predicted = {"a": "x", "z": "x"}  # b and c are left out, z is not a gold item
    counts = score_clustering(labels("abc"), predicted)
    assert counts.bcubed().precision == pytest.approx(1.0)
    assert counts.bcubed().recall == pytest.approx(1 / 3)
    assert counts.predicted_pairs == 0
    assert counts.pairwise().precision is None
    assert counts.pairwise().f1 == 0.0


def test_all_singletons_on_both_sides_have_no_pairwise_figures() -> None:
    counts = score_clustering(labels("a", "b"), labels("a", "b"))
    assert counts.bcubed().f1 == pytest.approx(1.0)
    assert counts.pairwise() == prf(None, None)


def test_counts_of_two_groups_add_up_to_the_pooled_micro_average() -> None:
    first = score_clustering(labels("ab"), labels("a", "b"))
    second = score_clustering(labels("cd", "e"), labels("cde"))
    pooled = score_clustering(labels("ab", "cd", "e"), labels("a", "b", "cde"))
    total = first + second
    assert total == pooled
    assert (ClusteringCounts() + first) == first


def test_clustering_from_groups_makes_every_other_item_a_singleton() -> None:
    clustering = clustering_from_groups(["a", "b", "c"], [["a", "c", "zz"]])
    assert clustering["a"] == clustering["c"] != clustering["b"]
    assert "zz" not in clustering


def test_disagreements_match_in_either_order() -> None:
    gold = unordered_pairs([("a", "b"), ("c", "d")])
    predicted = unordered_pairs([("b", "a"), ("a", "c")])
    counts = score_pairs(gold, predicted)
    assert (counts.gold, counts.predicted, counts.matched) == (2, 2, 1)
    assert counts.scores().f1 == pytest.approx(0.5)


def test_an_update_chain_scores_the_same_as_its_transitive_closure() -> None:
    chain = transitive_closure([("aug", "oct"), ("oct", "dec")])
    assert chain == {("aug", "oct"), ("oct", "dec"), ("aug", "dec")}
    closure = transitive_closure([("aug", "oct"), ("oct", "dec"), ("aug", "dec")])
    assert score_pairs(chain, closure).scores().f1 == pytest.approx(1.0)


def test_an_update_in_the_wrong_direction_does_not_match() -> None:
    counts = score_pairs(transitive_closure([("aug", "oct")]), transitive_closure([("oct", "aug")]))
    assert counts.matched == 0
    assert counts.scores().f1 == 0.0
