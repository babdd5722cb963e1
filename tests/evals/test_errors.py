"""Error analysis: every miss, extra and disagreeing field lands in a named category."""

from __future__ import annotations

from pathlib import Path

from evals.cases import GoldCase
from evals.errors import CATEGORIES, ErrorCase, article_errors, count_errors, is_pronoun
from evals.metrics import Grounding, score_article
from evals.runner import ArticleRun
from schemas.claims import Claim, Quantity, Source, TimeRef
from tests.evals.builders import ARRIVED, DENIED, DRILLS, TEXT, as_gold, as_prediction, gold_article


def errors_of_claims(predictions: list[Claim], gold: list | None = None) -> list[ErrorCase]:
    """Every error of one article over TEXT (gold: its four claims unless given)."""
    article = gold_article("a") if gold is None else gold_article("a", claims=gold)
    score = score_article("a", predictions, article.claims, text=TEXT)
    run = ArticleRun(GoldCase(Path("a.json"), article), predictions, Grounding())
    return article_errors(run, score)


def errors_of(predictions: list[Claim], gold: list | None = None) -> list[tuple[str, str]]:
    """(category, detail) of every error of one article over TEXT."""
    return [(e.category, e.detail) for e in errors_of_claims(predictions, gold)]


def only(predicted: Claim, spec: dict = ARRIVED, **gold_changes: object) -> list[tuple[str, str]]:
    """The errors of one prediction against one gold claim."""
    return errors_of([predicted], [as_gold("c1", spec, **gold_changes)])


def test_a_perfect_prediction_has_no_errors() -> None:
    assert only(as_prediction(ARRIVED)) == []


def test_unmatched_gold_and_predictions_are_missed_and_spurious_claims_by_kind() -> None:
    stray = as_prediction(ARRIVED, quotes=("Troops arrive in Kursk",), statement="Troops arrive.")
    errors = errors_of([stray], [as_gold("c4", DRILLS)])
    assert sorted(errors) == [("missed claim", "forecast"), ("spurious claim", "event")]


def test_source_errors_tell_missed_spurious_and_wrong_attribution_apart() -> None:
    assert only(as_prediction(ARRIVED, source=None)) == [("missed attribution", "")]
    army = as_prediction(DRILLS, source=Source(name="the army"))
    assert only(army, DRILLS) == [("spurious attribution", "")]
    other = as_prediction(ARRIVED, source=Source(name="Analysts", anonymous=True))
    assert only(other) == [("wrong source", "")]


def test_a_pronoun_subject_or_source_is_an_unresolved_pronoun() -> None:
    assert only(as_prediction(ARRIVED, subject="they")) == [("unresolved pronoun", "subject")]
    they = as_prediction(ARRIVED, source=Source(name="They", anonymous=True))
    assert only(they) == [("unresolved pronoun", "source")]
    assert is_pronoun("their forces") and not is_pronoun("Theresa May")


def test_quantity_errors_are_named_by_what_differs() -> None:
    about = [Quantity(text="around 5,000", value=5000, unit="troops", approx="approximately")]
    assert only(as_prediction(ARRIVED), quantities=about) == [("approximator lost", "")]
    assert only(as_prediction(ARRIVED, quantities=[])) == [("quantity missed", "")]
    assert only(as_prediction(ARRIVED), quantities=[]) == [("quantity spurious", "")]
    wrong = [Quantity(text="4,000", value=4000, unit="troops")]
    assert only(as_prediction(ARRIVED, quantities=wrong)) == [("value wrong", "")]


def test_time_errors_separate_an_unresolved_relative_date_from_a_missing_time() -> None:
    unresolved = as_prediction(ARRIVED, time=TimeRef(text="on Monday"))
    assert only(unresolved) == [("relative date unresolved", "")]
    assert only(as_prediction(ARRIVED, time=None)) == [("time missed", "")]
    other_day = TimeRef(text="on Monday", start="2024-10-14", end="2024-10-14")
    assert only(as_prediction(ARRIVED, time=other_day)) == [("time wrong", "")]


def test_kind_and_certainty_errors_carry_the_gold_to_predicted_pair() -> None:
    assert only(as_prediction(ARRIVED, kind="state")) == [("wrong kind", "event→state")]
    assert only(as_prediction(ARRIVED, certainty="possible")) == [
        ("certainty wrong", "certain→possible")
    ]


def test_negation_subject_and_location_errors() -> None:
    assert only(as_prediction(ARRIVED, negated=True)) == [("negation flipped", "predicted negated")]
    assert only(as_prediction(ARRIVED, subject="North Korean troops")) == [("subject wrong", "")]
    assert only(as_prediction(ARRIVED, location=None)) == [("location wrong", "missed")]


def test_a_match_on_the_statement_with_barely_overlapping_evidence_is_a_wrong_span() -> None:
    shifted = as_prediction(ARRIVED, quotes=("Officials said 5,000",))
    [(category, detail)] = only(shifted)
    assert category == "wrong span" and detail.startswith("overlap 0.")


def test_counts_are_largest_first_with_details_and_examples() -> None:
    predictions = [
        as_prediction(ARRIVED, kind="state", source=None),
        as_prediction(DENIED, kind="state"),
    ]
    counts = count_errors(errors_of_claims(predictions))
    assert [(c.category, c.count) for c in counts] == [
        ("missed claim", 2),
        ("wrong kind", 2),
        ("missed attribution", 1),
    ]
    kind = counts[1]
    assert dict(kind.details) == {"event→state": 2} and len(kind.examples) == 2
    assert {c.category for c in counts} <= set(CATEGORIES)
