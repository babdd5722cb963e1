"""Kind: event, state, forecast or assessment from modality, cue words and tense."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from schemas.claims import Certainty, ClaimKind
from service.extractors.offline.kinds import kind_of

Parse = Callable[[str], Doc]


def _root(doc: Doc):
    return next(token for token in doc if token.dep_ == "ROOT")


def _kind(parse: Parse, text: str, certainty: Certainty = Certainty.certain, **flags):
    doc = parse(text)
    return kind_of(_root(doc), {t.i for t in doc}, None, certainty, **flags)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Around 5,000 troops will be mobilized in Kursk.", ClaimKind.forecast),
        ("Liberal Democrats are to find a new leader.", ClaimKind.forecast),
        ("The KPA is the world's fourth-largest army.", ClaimKind.state),
        ("Several thousand soldiers have arrived in Kursk.", ClaimKind.event),
        ("The gun laws should be changed.", ClaimKind.assessment),
        ("The council considers the bridge unsafe.", ClaimKind.assessment),
        ("The union will consider a further package in January.", ClaimKind.forecast),
    ],
)
def test_kind_follows_modality_and_verb(parse: Parse, text: str, kind: ClaimKind):
    assert _kind(parse, text) is kind


@pytest.mark.parametrize(
    "text",
    [
        "The troops are on the brink of deployment.",
        "The government stands ready to send more doctors.",
    ],
)
def test_imminence_words_make_a_forecast(parse: Parse, text: str):
    assert _kind(parse, text) is ClaimKind.forecast


@pytest.mark.parametrize(
    "text",
    [
        "The river was likely to rise further on Sunday.",
        "Prices are unlikely to fall before March.",
        "Turnout is likely to be low on Sunday.",  # a state to come, dated
    ],
)
def test_a_likely_infinitive_is_a_forecast(parse: Parse, text: str):
    assert _kind(parse, text) is ClaimKind.forecast


@pytest.mark.parametrize(
    "text",
    [
        "Smokers were less likely to recover.",  # a comparison
        "Smokers are likely to develop lung cancer.",  # a general finding
        "The cause of the fire is likely to be a faulty heater.",  # a present state
        "The gunman is likely to have fled.",  # a past
        "Participants who slept less were likely to gain weight.",  # a finding, told in the past
        "A smoker is likely to die ten years earlier.",  # people in general
        "The gunman was likely to be hiding in the forest.",  # a present state
    ],
)
def test_a_likely_finding_state_or_past_is_no_forecast(parse: Parse, text: str):
    assert _kind(parse, text) is not ClaimKind.forecast


@pytest.mark.parametrize(
    "text",
    [
        "The flooding is a national crisis.",
        "This deployment represents a significant opportunity for the soldiers.",
        "The new bridge will be a real test for the engineers.",
        "The mayor was humbled by the vote.",
        "Without the port the region would have been isolated.",
    ],
)
def test_judgements_emotions_and_counterfactuals_are_assessments(parse: Parse, text: str):
    assert _kind(parse, text) is ClaimKind.assessment


def test_a_passive_hedge_leaves_the_kind_to_its_infinitive(parse: Parse):
    assert _kind(parse, "He is believed to have entered Poland.") is ClaimKind.event


@pytest.mark.parametrize(
    "text",
    [
        "A total of 17 deaths have been recorded.",
        "To date, 3,000 workers have been hired.",
        "54 countries have signed the treaty.",
        "Trade with the bloc was still allowed.",
    ],
)
def test_running_totals_and_state_markers_are_states(parse: Parse, text: str):
    assert _kind(parse, text) is ClaimKind.state


def test_a_dated_present_perfect_count_is_an_event(parse: Parse):
    text = "On Saturday, 40 aftershocks have damaged six houses."
    assert _kind(parse, text) is ClaimKind.event


def test_simple_present_is_a_state_except_in_a_headline(parse: Parse):
    text = "Many farmers sell their grain abroad."
    assert _kind(parse, text) is ClaimKind.state
    assert _kind(parse, "Suspect appears in court.", headline=True) is ClaimKind.event


def test_appear_in_a_place_is_an_event(parse: Parse):
    assert _kind(parse, "The suspect appeared in court on Monday.") is ClaimKind.event


def test_a_possible_existence_is_a_forecast(parse: Parse):
    text = "There may be opportunities to rebuild the bridge."
    assert _kind(parse, text, Certainty.possible) is ClaimKind.forecast


def test_a_copula_at_a_point_in_time_is_an_event(parse: Parse):
    text = "The first cases were on March 8 in two travellers."
    assert _kind(parse, text) is ClaimKind.event
