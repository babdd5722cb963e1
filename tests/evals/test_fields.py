"""Field comparison rules: names, quantities and time, as used by field accuracy and strict F1."""

from __future__ import annotations

import pytest

from evals.fields import normalize_name, same_name, same_quantities, same_quantity_values
from schemas.claims import Quantity
from tests.evals.builders import ARRIVED, as_prediction


@pytest.mark.parametrize(
    ("predicted", "gold", "same"),
    [
        ("Lloyd Austin", "Lloyd J. Austin III", True),
        ("the Ministry of Defence", "Ministry of Defence", True),
        ("South Korea’s National Intelligence Service", "National Intelligence Service", True),
        ("Ukrainian officials", "U.S. officials", False),
        ("Kyodo News", "The New York Times", False),
        (None, None, True),
        (None, "Analysts", False),
    ],
)
def test_source_names_match_as_the_same_named_entity(
    predicted: str | None, gold: str | None, same: bool
) -> None:
    assert same_name(predicted, gold) is same


def test_names_are_normalized_without_articles_possessives_or_punctuation() -> None:
    assert normalize_name("The U.S. Army's") == "u s army"


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
