"""Dated baselines (", up from 187 in 2019") told as claims of their own; invented texts."""

from __future__ import annotations

import datetime as dt

import pytest

from schemas.claims import DraftClaim
from service.extractors.base import ArticleInput
from service.extractors.offline import OfflineExtractor

THURSDAY = dt.date(2021, 5, 20)


@pytest.fixture(scope="module")
def extractor() -> OfflineExtractor:
    return OfflineExtractor()


def _claims(extractor: OfflineExtractor, text: str) -> list[DraftClaim]:
    return extractor.extract(ArticleInput(text=text, published=THURSDAY)).claims


def _values(claim: DraftClaim) -> list[float]:
    return [q.value for q in claim.quantities]


def test_a_dated_baseline_is_a_claim_of_its_own_with_its_date_and_source(
    extractor: OfflineExtractor,
):
    text = (
        "Turnout in Sunday's vote was 63.1 percent, up from 52.6 percent in 2019, the board said."
    )
    main, baseline = _claims(extractor, text)
    assert main.statement == "Turnout in Sunday's vote was 63.1 percent."
    assert _values(main) == [63.1]
    assert baseline.statement == "Turnout in Sunday's vote was 52.6 percent in 2019."
    assert _values(baseline) == [52.6]
    assert baseline.time is not None and (baseline.time.start, baseline.time.end) == (
        "2019",
        "2019",
    )
    assert baseline.source is not None and baseline.source.name == "the board"


def test_a_baseline_dated_a_week_earlier_counts_from_the_figures_day(
    extractor: OfflineExtractor,
):
    text = "As of Wednesday, the agency had confirmed 212 cases, up from 149 a week earlier."
    claims = _claims(extractor, text)
    baseline = next(c for c in claims if "149" in c.statement)
    assert baseline.statement == "The agency had confirmed 149 cases a week earlier."
    assert baseline.time is not None and baseline.time.start == "2021-05-12"
    assert all("149" not in c.statement for c in claims if c is not baseline)


def test_a_baseline_in_another_unit_keeps_its_unit(extractor: OfflineExtractor):
    text = (
        "Crews had pulled nearly three tonnes of dead fish from the lake by Wednesday morning, "
        "up from about 900 kilograms on Tuesday evening."
    )
    baseline = next(c for c in _claims(extractor, text) if "900" in c.statement)
    assert "about 900 kilograms of dead fish" in baseline.statement
    assert "tonnes" not in baseline.statement


@pytest.mark.parametrize(
    "text",
    [
        # no date of its own: the earlier figure stays with the figure (gold: "increased to
        # 167 from a previous 93")
        "The toll increased to 167, up from a previous 93.",
        # a range before the baseline: which end it is compared with is not told
        "Starts could drop to between 210,000 and 225,000 units next year, from an estimated "
        "240,000 this year.",
        # the baseline is no figure alone
        "The valley has logged 14 hot days since June 1, compared with a mean of nine by "
        "mid-August.",
    ],
)
def test_a_baseline_stays_with_its_figure_when_it_cannot_stand_alone(
    extractor: OfflineExtractor, text: str
):
    claims = _claims(extractor, text)
    assert len(claims) == 1, [c.statement for c in claims]


def test_a_baselines_date_moves_no_story_clock(extractor: OfflineExtractor):
    text = (
        "Traders priced in a probability of about 60% on Wednesday, up from 35% on Monday. "
        "The krona weakened 0.4% by midday."
    )
    krona = next(c for c in _claims(extractor, text) if "krona" in c.statement)
    assert krona.time is not None and krona.time.end == "2021-05-19"


# Inputs a review of rules 2025.19 found mishandled (each failed before its fix).
@pytest.mark.parametrize(
    ("text", "statement"),
    [
        # the nearest figure is the one compared, not a count in the subject
        (
            "The three clinics in Dunmere treated 900 patients last month, up from 700 in 2019, "
            "according to the health board.",
            "The three clinics in Dunmere treated 700 patients in 2019.",
        ),
        # a change to a level starts from the level before it
        (
            "Support for the Green Alliance rose 3 percentage points to 18 percent, up from 15 "
            "percent in 2019, a poll showed.",
            "Support for the Green Alliance was 15 percent in 2019.",
        ),
        (
            "Unemployment in Tarsa fell to 5.8 percent in April 2020, down from 6.1 percent a "
            "year earlier, the office said.",
            "Unemployment in Tarsa was 6.1 percent a year earlier.",
        ),
        (
            "The minimum wage in Lusvia will rise to $15 an hour, up from $12 in 2019, the "
            "labour ministry said.",
            "The minimum wage in Lusvia was $12 an hour in 2019.",
        ),
        # a change by an amount is compared with the change before it
        (
            "Prices rose 9.4% in February, the statistics office said, up from 8.8% in January.",
            "Prices rose 8.8% in January.",
        ),
        # the figure's own "now" is not the baseline's
        (
            "The Ferrel ferry now costs 12 euros, up from 9 in 2018, the operator said.",
            "The Ferrel ferry costs 9 euros in 2018.",
        ),
    ],
)
def test_a_baseline_is_told_as_what_it_was(extractor: OfflineExtractor, text: str, statement: str):
    assert statement in [c.statement for c in _claims(extractor, text)]


@pytest.mark.parametrize(
    "text",
    [
        "The University of Marwick admitted 2,000 foreign students, from 40 countries this year.",
        "Spain's Velora region recorded 300 cases on Monday, compared with 450 in the Tarsa "
        "region on the same day.",
        "Rurik Anand scored 28 points, compared with 19 for Jon Tamsen in the 2020 final.",
        "The storm killed 12 people in Barrow County, compared to 3 deaths in the 2019 storm.",
    ],
)
def test_a_comparison_with_another_thing_stays_one_claim(extractor: OfflineExtractor, text: str):
    claims = _claims(extractor, text)
    assert len(claims) == 1, [c.statement for c in claims]
