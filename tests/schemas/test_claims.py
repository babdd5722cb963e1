"""The contract models accept what the spec allows and refuse what it does not."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from schemas.claims import Approx, Claim, Quantity, Span, TimeRef
from schemas.gold import GoldArticle

CLAIM = {
    "statement": "Around 5,000 North Korean troops will be mobilized in the Kursk region.",
    "kind": "forecast",
    "subject": "North Korean troops",
    "source": {"name": "a senior Ukrainian official", "anonymous": True, "via": None},
    "certainty": "probable",
    "negated": False,
    "quantities": [
        {
            "text": "around 5,000",
            "value": 5000,
            "upper": None,
            "unit": "troops",
            "approx": "approximately",
        }
    ],
    "time": {"text": "by October 28", "start": None, "end": "2024-10-28"},
    "location": "Kursk region",
    "evidence": [{"start": 0, "end": 12, "text": "around 5,000"}],
}


def test_claim_accepts_the_spec_example():
    claim = Claim.model_validate(CLAIM)
    assert claim.quantities[0].approx is Approx.approximately
    assert claim.time is not None and claim.time.end == "2024-10-28"


def test_claim_rejects_unknown_fields():
    with pytest.raises(ValidationError, match="confidence"):
        Claim.model_validate(CLAIM | {"confidence": 0.9})


def test_claim_needs_at_least_one_evidence_span():
    with pytest.raises(ValidationError, match="evidence"):
        Claim.model_validate(CLAIM | {"evidence": []})


def test_claim_rejects_an_unknown_kind():
    with pytest.raises(ValidationError, match="kind"):
        Claim.model_validate(CLAIM | {"kind": "rumour"})


@pytest.mark.parametrize("date", ["2024", "2024-10", "2024-10-23"])
def test_time_accepts_partial_iso_dates(date: str):
    assert TimeRef(text="then", start=date).start == date


@pytest.mark.parametrize("date", ["24-10-23", "2024-13", "2024-10-32", "October 2024"])
def test_time_rejects_non_iso_dates(date: str):
    with pytest.raises(ValidationError):
        TimeRef(text="then", start=date)


def test_range_quantity_needs_an_upper_bound():
    with pytest.raises(ValidationError, match="upper"):
        Quantity(text="3,000 to 5,000", value=3000, unit="troops", approx=Approx.range)
    assert Quantity(text="3,000 to 5,000", value=3000, upper=5000, approx="range").upper == 5000


def test_span_length_must_match_its_text():
    with pytest.raises(ValidationError, match="length"):
        Span(start=0, end=5, text="abc")


def test_gold_article_refuses_a_span_that_is_not_verbatim():
    gold = {"id": "a", "text": "xx around 5,000 troops", "claims": [CLAIM | {"id": "c1"}]}
    with pytest.raises(ValidationError, match=r"claim 'c1' evidence\[0\] \(0:12\)"):
        GoldArticle.model_validate(gold)


def test_gold_article_refuses_repeated_claim_ids():
    text = "around 5,000 troops"
    claims = [CLAIM | {"id": "c1"}, CLAIM | {"id": "c1"}]
    with pytest.raises(ValidationError, match="'c1' is used more than once"):
        GoldArticle.model_validate({"id": "a", "text": text, "claims": claims})


def test_documented_claim_example_is_valid():
    examples = Claim.model_json_schema()["examples"]
    for example in examples:
        Claim.model_validate(example)


def test_gold_article_json_puts_claim_ids_first_and_round_trips():
    text = "around 5,000 troops"
    gold = GoldArticle.model_validate({"id": "a", "text": text, "claims": [CLAIM | {"id": "c1"}]})
    written = gold.to_json()
    assert written.endswith("\n")
    assert next(iter(json.loads(written)["claims"][0])) == "id"
    assert GoldArticle.model_validate_json(written) == gold


def test_span_without_a_score_validates_and_is_stored_without_one():
    span = Span.model_validate({"start": 0, "end": 3, "text": "abc", "alignment": "exact"})
    assert span.score is None
    assert "score" not in span.model_dump() and "score" not in span.model_dump_json()


def test_fuzzy_span_score_round_trips():
    span = Span(start=0, end=3, text="abc", alignment="fuzzy", score=0.95)
    assert Span.model_validate_json(span.model_dump_json()) == span


@pytest.mark.parametrize("score", [-0.1, 1.5])
def test_span_score_must_be_between_zero_and_one(score: float):
    with pytest.raises(ValidationError, match="score"):
        Span(start=0, end=3, text="abc", score=score)
