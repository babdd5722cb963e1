"""The committed fuzzy threshold is the one the labelled name pairs choose."""

from __future__ import annotations

from evals.names.sweep import choose_threshold, counts, load_pairs, outcome
from service.linking import FUZZY_THRESHOLD, name_similarity


def test_the_committed_fuzzy_threshold_is_the_sweeps_choice() -> None:
    outcomes = [outcome(pair) for pair in load_pairs()]
    assert choose_threshold(outcomes) == FUZZY_THRESHOLD
    assert counts(outcomes, FUZZY_THRESHOLD).false_links == 0


def test_name_similarity_is_zero_for_other_words_numbers_or_gendered_forms() -> None:
    assert name_similarity("Kim Min-ho", "Kim Min-hyuk") < FUZZY_THRESHOLD
    assert name_similarity("Brigade 25", "Brigade 26") == 0
    assert name_similarity("Daniel Varga", "Daniela Varga") == 0
    assert name_similarity("Park Min-jun", "Park Min-jun Choi") == 0
    assert name_similarity("Valdemar Kowalczyk", "Waldemar Kowalczyk") >= FUZZY_THRESHOLD
