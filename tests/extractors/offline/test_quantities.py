"""Quantities: numerals with approximators, ranges, scales, currencies and counted units."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from schemas.claims import Approx
from service.extractors.offline.quantities import find_quantities

Parse = Callable[[str], Doc]


def _quantities(parse: Parse, text: str) -> list[tuple[str, float, float | None, str, str]]:
    return [
        (q.text, q.value, q.upper, q.unit, q.approx.value)
        for q in (found.quantity for found in find_quantities(list(parse(text))))
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Around 5,000 troops will be mobilized.",
            ("Around 5,000", 5000, "troops", "approximately"),
        ),
        ("At least 3,000 soldiers were moved.", ("At least 3,000", 3000, "soldiers", "at_least")),
        ("Up to 3,000 operatives could act.", ("Up to 3,000", 3000, "operatives", "at_most")),
        ("More than 200 people were evacuated.", ("More than 200", 200, "people", "at_least")),
        ("Over 2,000 residents were relocated.", ("Over 2,000", 2000, "residents", "at_least")),
    ],
)
def test_approximator_sets_approx_and_stays_in_the_text(parse: Parse, text: str, expected: tuple):
    quoted, value, unit, approx = expected
    assert _quantities(parse, text) == [(quoted, value, None, unit, approx)]


def test_adjective_between_approximator_and_number_is_allowed(parse: Parse):
    found = _quantities(parse, "Since then some additional 1,500 troops have been dispatched.")
    assert found == [("some additional 1,500", 1500, None, "troops", "approximately")]


def test_spelled_out_number_counts(parse: Parse):
    assert _quantities(parse, "Five people were injured.") == [("Five", 5, None, "people", "exact")]


def test_scale_words_multiply(parse: Parse):
    found = _quantities(parse, "The army has 1.3 million soldiers and 52 thousand tanks.")
    assert [(value, unit) for _, value, _, unit, _ in found] == [
        (1_300_000, "soldiers"),
        (52_000, "tanks"),
    ]


def test_range_with_to_has_an_upper_bound(parse: Parse):
    found = _quantities(parse, "Between 3,000 and 5,000 troops arrived.")
    assert found[0][1:] == (3000, 5000, "troops", Approx.range.value)


def test_range_inside_one_token_is_read(parse: Parse):
    found = _quantities(parse, "About 16–17 percent of trade occurs between African countries.")
    assert found == [("About 16–17 percent", 16, 17, "percent", "range")]


def test_money_uses_the_currency_as_unit_and_scales_both_bounds(parse: Parse):
    found = _quantities(parse, "It costs Africa between $5 and $7 billion a year.")
    assert found[0][1:] == (5e9, 7e9, "USD", "range")


def test_percent_sign_is_a_percent_unit(parse: Parse):
    found = _quantities(parse, "Turnout was down by about 1.5% this time.")
    assert found == [("about 1.5%", 1.5, None, "percent", "approximately")]


def test_dates_years_and_clock_times_are_not_quantities(parse: Parse):
    text = "On October 23, 2024, the plane built in 1944 crashed at 9:54 a.m. (1354 UTC)."
    assert _quantities(parse, text) == []


def test_pronoun_one_is_not_a_quantity(parse: Parse):
    assert _quantities(parse, "North Korea was one of the few countries remaining free.") == []


def test_elided_unit_is_carried_from_the_previous_quantity(parse: Parse):
    found = _quantities(parse, "The party gained 66 seats, while Labour lost 42.")
    assert [(value, unit) for _, value, _, unit, _ in found] == [(66, "seats"), (42, "seats")]


def test_rate_keeps_its_denominator_in_the_unit(parse: Parse):
    found = _quantities(parse, "The death rate was 12 deaths per 100,000 people.")
    assert found == [("12", 12, None, "deaths per 100,000 people", "exact")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("A 67-year-old man was rescued.", 67),
        ("The poet died at the age of 91.", 91),
        ("Between 20 and 30 people were hurt.", 20),
    ],
)
def test_counts_the_recognizer_calls_dates_are_quantities(parse: Parse, text: str, value: float):
    assert [found[1] for found in _quantities(parse, text)] == [value]


def test_a_day_of_the_month_is_not_a_quantity(parse: Parse):
    assert _quantities(parse, "The ferry sank on May 14.") == []


def test_per_cent_written_as_two_words_is_a_percentage(parse: Parse):
    found = _quantities(parse, "Inflation fell to 3.5 per cent.")
    assert found == [("3.5 per cent", 3.5, None, "percent", "exact")]


def test_a_scale_letter_counts_after_a_currency_only(parse: Parse):
    assert _quantities(parse, "The club paid $4.5bn for the land.")[0][1] == 4_500_000_000
    assert [q[1] for q in _quantities(parse, "The club paid £40m for him.")] == [40_000_000]
    assert [q[1] for q in _quantities(parse, "Crews built a 5m wall.")] == [5]


def test_a_verb_of_passing_a_mark_makes_an_at_least_figure(parse: Parse):
    found = _quantities(parse, "Ticket sales surpassed 80,000 on Friday.")
    assert found == [("80,000", 80_000, None, "", "at_least")]


def test_an_age_group_written_year_olds_is_read_as_an_age(parse: Parse):
    # "year-olds" has no token "old"; this once raised StopIteration
    found = _quantities(parse, "Turnout among 18- to 24-year-olds was 41 percent.")
    assert ("41 percent", 41.0, None, "percent", "exact") in found
    assert [unit for *_, unit, _ in found if unit != "percent"] == ["years of age"]


def test_a_spelled_number_after_a_sum_of_money_is_a_second_number(parse: Parse):
    quantities = _quantities(parse, "The firm paid $31 million two years ago.")
    assert [(text, value) for text, value, *_ in quantities] == [
        ("$31 million", 31_000_000),
        ("two", 2),
    ]


def test_minus_makes_a_number_negative_and_a_negative_range_runs_upward(parse: Parse):
    assert _quantities(parse, "It fell to minus 7 degrees.") == [
        ("minus 7", -7, None, "degrees", "exact")
    ]
    quantities = _quantities(parse, "Lows were between minus 3 and minus 5 degrees.")
    assert [(value, upper) for _, value, upper, *_ in quantities] == [(-5, -3)]


def test_a_number_closing_a_name_after_an_article_is_a_designation(parse: Parse):
    assert _quantities(parse, "The airline flies the Meridian 220 on the route.") == []


def test_plus_or_minus_is_a_margin_not_a_negative_number(parse: Parse):
    quantities = _quantities(parse, "The margin of error is plus or minus 2.8 points.")
    assert [value for _, value, *_ in quantities] == [2.8]


def test_a_span_of_time_naming_a_kind_is_no_count(parse: Parse):
    text = "The 10-year bond yield rose, and rain was below the five-year average."
    assert _quantities(parse, text) == []


def test_a_capitalised_designation_before_a_number_makes_it_a_name(parse: Parse):
    text = "Route 9 closed. Interstate 95 was shut as the Level 3 alert began in Phase 2."
    assert _quantities(parse, text) == []


def test_a_scale_letter_written_on_a_count_of_people_scales_it(parse: Parse):
    quantities = _quantities(parse, "The virus has infected 2.3m people, not 5 m walls.")
    assert [(text, value) for text, value, *_ in quantities][:1] == [("2.3m", 2_300_000)]


def test_a_change_by_an_amount_to_a_level_is_two_figures(parse: Parse):
    quantities = _quantities(parse, "Robberies dropped by 312 to 1,188 in the first half.")
    assert [(value, upper) for _, value, upper, *_ in quantities] == [(312, None), (1188, None)]
    ranged = _quantities(parse, "Oxygen levels have fallen by 18 to 25 percent.")
    assert [(value, upper) for _, value, upper, *_ in ranged] == [(18, 25)]


def test_a_percent_range_signed_at_both_ends_is_one_range(parse: Parse):
    quantities = _quantities(parse, "Inflation will be 2.6%-2.9% next year.")
    assert [(value, upper, unit) for _, value, upper, unit, _ in quantities] == [
        (2.6, 2.9, "percent")
    ]


def test_a_rate_denominator_is_no_figure_even_without_its_noun(parse: Parse):
    text = "The rate stood at 487 per 100,000 residents, compared with 531 per 100,000 in 2023."
    assert [value for _, value, *_ in _quantities(parse, text)] == [487, 531]


def test_phone_numbers_and_reference_codes_are_no_counts(parse: Parse):
    text = "Call police on 0800 555 111, quoting reference 0412."
    assert _quantities(parse, text) == []
