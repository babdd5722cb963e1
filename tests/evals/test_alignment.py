"""The labelled alignment cases: altered quotes ground, paraphrases and near-misses do not."""

from __future__ import annotations

from collections import Counter

import pytest

from evals.alignment import (
    AlignmentCase,
    Measured,
    choose_threshold,
    load_articles,
    load_cases,
    measure_all,
    report,
)
from service.grounding import FUZZY_MIN_SCORE, Grounder, QuoteNotFound

CASES = load_cases()
ARTICLES = load_articles(CASES)


def test_the_dataset_has_enough_cases_of_each_class():
    labels = Counter(case.label for case in CASES)
    assert sum(labels.values()) >= 60
    assert labels["altered"] >= 25 and labels["paraphrase"] + labels["near-miss"] >= 25
    assert len({case.id for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", [c for c in CASES if c.grounds], ids=lambda c: c.id)
def test_altered_quote_grounds_on_its_sentence_with_the_committed_threshold(case: AlignmentCase):
    text = ARTICLES[case.article]
    assert case.expected is not None and case.expected in text, "gold text changed"

    span = Grounder(text).locate(case.quote)

    assert span.text == case.expected
    assert text[span.start : span.end] == span.text


@pytest.mark.parametrize("case", [c for c in CASES if not c.grounds], ids=lambda c: c.id)
def test_paraphrase_or_near_miss_does_not_ground_with_the_committed_threshold(
    case: AlignmentCase,
):
    with pytest.raises(QuoteNotFound):
        Grounder(ARTICLES[case.article]).locate(case.quote)


def test_committed_threshold_is_the_one_the_cases_choose():
    measured = measure_all(CASES, ARTICLES)

    chosen = choose_threshold(measured)

    assert chosen.value == FUZZY_MIN_SCORE, "run `python -m evals.alignment` and update it"
    assert "threshold (midpoint)" in report(measured)


def measured(case_id: str, label: str, score: float | None) -> Measured:
    """A measured case with the given label and score."""
    case = AlignmentCase(case_id, "a", label, "change", "quote", None)
    return Measured(case, score, score, "fuzzy")


def test_threshold_is_the_midpoint_of_the_gap_between_the_classes():
    cases = [
        measured("a1", "altered", 0.96),
        measured("a2", "altered", 1.0),
        measured("p1", "paraphrase", 0.90),
        measured("p2", "near-miss", None),  # fails the checks: not part of the gap
    ]
    chosen = choose_threshold(cases)
    assert (chosen.value, chosen.lowest_grounding.case.id) == (0.93, "a1")
    assert chosen.highest_rejected.case.id == "p1"


def test_overlapping_classes_have_no_threshold():
    cases = [measured("a1", "altered", 0.9), measured("p1", "paraphrase", 0.95)]
    with pytest.raises(ValueError, match="no threshold separates p1 from a1"):
        choose_threshold(cases)


def test_an_altered_case_that_never_grounds_is_reported():
    cases = [measured("a1", "altered", None), measured("p1", "paraphrase", 0.5)]
    with pytest.raises(ValueError, match="a1"):
        choose_threshold(cases)
