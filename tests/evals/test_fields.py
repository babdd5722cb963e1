"""Field comparison rules: quantities, and the name fields in context, as used by field
accuracy and strict F1 (the name rule itself: test_name_rules.py)."""

from __future__ import annotations

from evals.fields import (
    FIELD_CHECKS,
    LENIENT_CHECKS,
    same_quantities,
    same_quantity_values,
    same_source,
)
from evals.name_rules import ArticleNames
from schemas.claims import Quantity, Source
from tests.evals.builders import ARRIVED, as_prediction


def test_quantities_compare_as_multisets_whatever_their_order() -> None:
    a = Quantity(text="5,000", value=5000, unit="troops")
    b = Quantity(text="3,000 to 5,000", value=3000, upper=5000, unit="troops", approx="range")
    first = as_prediction(ARRIVED, quantities=[a, b])
    second = as_prediction(ARRIVED, quantities=[b, a])
    assert same_quantities(first, second) and same_quantity_values(first, second)


def test_a_range_differs_from_its_lower_bound_alone() -> None:
    single = as_prediction(ARRIVED, quantities=[Quantity(text="3,000", value=3000)])
    span = Quantity(text="3,000 to 5,000", value=3000, upper=5000, approx="range")
    ranged = as_prediction(ARRIVED, quantities=[span])
    assert not same_quantity_values(single, ranged)


def test_a_subject_contained_in_the_gold_subject_is_wrong_but_lenient_agrees() -> None:
    gold = as_prediction(ARRIVED, subject="North Korean troops in the Kursk region")
    predicted = as_prediction(ARRIVED, subject="North Korean troops")
    names = ArticleNames("North Korean troops arrived in the Kursk region.")
    assert FIELD_CHECKS["subject"](predicted, gold, names) is False
    assert LENIENT_CHECKS["subject"](predicted, gold, names) is True


def test_a_source_surname_agrees_when_the_article_names_the_person() -> None:
    gold = as_prediction(ARRIVED, source=Source(name="Lloyd Austin"))
    predicted = as_prediction(ARRIVED, source=Source(name="Austin"))
    text = "Defense Secretary Lloyd Austin spoke. Austin said troops arrived."
    assert same_source(predicted, gold, ArticleNames(text))
    assert not same_source(predicted, gold, ArticleNames("Troops arrived."))
