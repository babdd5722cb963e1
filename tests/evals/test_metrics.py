"""Metrics on hand-built cases with known answers: every figure the report prints is pinned."""

from __future__ import annotations

from typing import Any

import pytest

from evals.metrics import (
    ArticleScore,
    Grounding,
    prf,
    score_article,
    summarize,
)
from schemas.claims import Claim, Quantity, Source, TimeRef
from schemas.gold import GoldClaim
from tests.evals.builders import (
    ALL,
    ARRIVED,
    DENIED,
    DEPLOYMENTS,
    DRILLS,
    as_prediction,
    claim,
    gold_claim,
    gold_claims,
)


def score(predicted: list, gold: list | None = None, article_id: str = "a") -> ArticleScore:
    return score_article(article_id, predicted, gold_claims() if gold is None else gold)


def only_pair(result: ArticleScore):
    assert len(result.pairs) == 1
    return result.pairs[0]


def test_perfect_predictions_score_one_everywhere() -> None:
    result = score([as_prediction(spec) for spec in ALL.values()])
    summary = summarize([result])
    assert (result.matched, result.strict_matched) == (4, 4)
    for figure in (summary.claim_micro, summary.strict_micro, summary.claim_macro):
        assert (figure.precision.value, figure.recall.value, figure.f1.value) == (1.0, 1.0, 1.0)
    assert all(value.accuracy == 1.0 for name, value in summary.fields.items()
               if value.total)  # fmt: skip
    assert summary.fields["kind"].total == 4
    assert (summary.unmatched_gold, summary.unmatched_predicted) == (0, 0)


def test_a_missing_claim_lowers_recall_only() -> None:
    result = score([as_prediction(spec) for spec in (ARRIVED, DENIED, DEPLOYMENTS)])
    summary = summarize([result])
    assert summary.claim_micro.precision.value == 1.0
    assert summary.claim_micro.recall.value == 0.75
    assert summary.claim_micro.f1.value == pytest.approx(6 / 7, abs=1e-4)
    assert summary.unmatched_gold == 1 and result.unmatched_gold == [3]


def test_an_extra_claim_lowers_precision_only() -> None:
    extra = claim("Troops arrive in Kursk.", "Troops arrive in Kursk")
    result = score([as_prediction(ARRIVED), extra], gold=gold_claims()[:1])
    summary = summarize([result])
    assert summary.claim_micro.precision.value == 0.5
    assert summary.claim_micro.recall.value == 1.0
    assert summary.unmatched_predicted == 1 and result.unmatched_predicted == [1]


def test_a_split_claim_predicted_as_one_matches_one_of_its_parts() -> None:
    sentence = "Analysts expect more deployments by December, and the army plans new drills."
    whole = claim(sentence, sentence)
    result = score([whole], gold=gold_claims()[2:])
    assert result.matched == 1
    assert len(result.unmatched_gold) == 1
    summary = summarize([result])
    assert (summary.claim_micro.precision.value, summary.claim_micro.recall.value) == (1.0, 0.5)


def test_a_wrong_source_keeps_the_match_but_fails_strict() -> None:
    wrong = as_prediction(ARRIVED, source=Source(name="a senior Ukrainian official"))
    result = score([wrong], gold=gold_claims()[:1])
    pair = only_pair(result)
    assert pair.fields["source_name"] is False and pair.strict is False
    summary = summarize([result])
    assert summary.claim_micro.f1.value == 1.0
    assert summary.strict_micro.f1.value == 0.0
    assert summary.fields["source_name"].accuracy == 0.0


def test_a_missing_source_is_a_wrong_source() -> None:
    pair = only_pair(score([as_prediction(ARRIVED, source=None)], gold=gold_claims()[:1]))
    assert pair.fields["source_name"] is False
    assert pair.fields["source_anonymous"] is None and pair.fields["source_via"] is None


def test_a_wrong_number_fails_strict_and_quantities() -> None:
    wrong = as_prediction(ARRIVED, quantities=[Quantity(text="3,000", value=3000, unit="troops")])
    pair = only_pair(score([wrong], gold=gold_claims()[:1]))
    assert pair.fields["quantities"] is False and pair.strict is False


def test_a_wrong_approximator_fails_quantities_but_not_strict() -> None:
    hedged = as_prediction(
        ARRIVED,
        quantities=[Quantity(text="5,000", value=5000, unit="soldiers", approx="approximately")],
    )
    pair = only_pair(score([hedged], gold=gold_claims()[:1]))
    assert pair.fields["quantities"] is False and pair.strict is True


def test_a_wrong_time_fails_strict_and_time() -> None:
    wrong = as_prediction(
        ARRIVED, time=TimeRef(text="on Monday", start="2024-10-14", end="2024-10-14")
    )
    pair = only_pair(score([wrong], gold=gold_claims()[:1]))
    assert pair.fields["time"] is False and pair.strict is False


def test_time_agrees_on_bounds_whatever_the_wording() -> None:
    reworded = as_prediction(
        ARRIVED, time=TimeRef(text="Monday", start="2024-10-21", end="2024-10-21")
    )
    pair = only_pair(score([reworded], gold=gold_claims()[:1]))
    assert pair.fields["time"] is True and pair.strict is True


def test_a_missed_negation_fails_strict_and_negated() -> None:
    affirmed = as_prediction(DENIED, negated=False)
    pair = only_pair(score([affirmed], gold=gold_claims()[1:2]))
    assert pair.fields["negated"] is False and pair.strict is False


def test_kind_certainty_location_and_subject_are_scored_but_not_strict() -> None:
    different = as_prediction(
        DEPLOYMENTS, kind="assessment", certainty="possible", location="Kursk", subject="army"
    )
    pair = only_pair(score([different], gold=gold_claims()[2:3]))
    assert {name: pair.fields[name] for name in ("kind", "certainty", "location", "subject")} == {
        "kind": False, "certainty": False, "location": False, "subject": False,
    }  # fmt: skip
    assert pair.strict is True


def test_anonymity_and_via_are_scored_only_where_both_claims_have_a_source() -> None:
    relayed = as_prediction(ARRIVED, source=Source(name="officials", anonymous=False, via="Kyodo"))
    pair = only_pair(score([relayed], gold=gold_claims()[:1]))
    assert pair.fields["source_name"] is True
    assert pair.fields["source_anonymous"] is False
    assert pair.fields["source_via"] is False
    summary = summarize([score([as_prediction(DRILLS)], gold=gold_claims()[3:])])
    assert summary.fields["source_anonymous"].total == 0
    assert summary.fields["source_anonymous"].accuracy is None


def test_micro_pools_counts_while_macro_averages_articles() -> None:
    perfect = score([as_prediction(ARRIVED)], gold=gold_claims()[:1], article_id="small")
    poor = score([as_prediction(ARRIVED)], article_id="large")  # 1 of 4 found
    summary = summarize([perfect, poor])
    assert summary.claim_micro.recall.value == pytest.approx(2 / 5)
    assert summary.claim_macro.recall.value == pytest.approx((1 + 0.25) / 2)
    assert summary.claim_macro.precision.value == 1.0


def test_an_article_with_nothing_to_find_and_nothing_found_is_perfect() -> None:
    assert prf(0, 0, 0) == (1.0, 1.0, 1.0)
    assert prf(0, 0, 3) == (0.0, 0.0, 0.0)
    assert prf(0, 2, 0) == (0.0, 0.0, 0.0)


def test_bootstrap_intervals_bracket_the_value_and_repeat_with_the_seed() -> None:
    articles = [
        score([as_prediction(spec) for spec in list(ALL.values())[:n]], article_id=str(n))
        for n in (1, 2, 3, 4)
    ]
    first, second = summarize(articles), summarize(articles)
    assert first.claim_micro == second.claim_micro
    recall = first.claim_micro.recall
    assert recall.low <= recall.value <= recall.high
    assert recall.low < recall.high


def test_one_article_has_a_degenerate_interval() -> None:
    summary = summarize([score([as_prediction(ARRIVED)])])
    assert summary.claim_micro.recall.low == summary.claim_micro.recall.high == 0.25


def test_grounding_rate_pools_quotes_over_articles() -> None:
    one = score_article("a", [], [], grounding=Grounding(quotes=4, grounded=4))
    two = score_article("b", [], [], grounding=Grounding(quotes=4, grounded=2, dropped_claims=1))
    summary = summarize([one, two])
    assert summary.grounding_rate == 0.75
    assert (summary.quotes, summary.grounded_quotes, summary.dropped_claims) == (8, 6, 1)


def test_no_quotes_give_no_grounding_rate_and_failures_are_listed() -> None:
    failed = score_article("broken", [], gold_claims(), error="timeout: no answer")
    summary = summarize([failed])
    assert summary.grounding_rate is None
    assert summary.failed_articles == ["broken"]
    assert summary.claim_micro.recall.value == 0.0


def test_strict_figures_pool_and_average_like_the_claim_figures() -> None:
    strict_article = score([as_prediction(ARRIVED)], gold=gold_claims()[:1], article_id="s")
    loose = score([as_prediction(ARRIVED, source=None), as_prediction(DENIED)], article_id="l")
    summary = summarize([strict_article, loose])  # strict pairs 1 + 1, predicted 3, gold 5
    assert summary.strict_micro.precision.value == pytest.approx(2 / 3, abs=1e-4)
    assert summary.strict_micro.recall.value == pytest.approx(2 / 5, abs=1e-4)
    assert summary.strict_micro.f1.value == 0.5
    # per article: strict F1 1.0 and 2 * (1/2 * 1/4) / (1/2 + 1/4) = 1/3
    assert summary.strict_macro.f1.value == pytest.approx((1 + 1 / 3) / 2, abs=1e-4)
    assert summary.claim_macro.f1.value == pytest.approx((1 + 2 / 3) / 2, abs=1e-4)


def test_name_fields_are_also_counted_under_the_old_lenient_rule() -> None:
    contained = as_prediction(ARRIVED, subject="troops in Kursk", location="Kursk region")
    summary = summarize([score([contained], gold=gold_claims()[:1])])
    assert (summary.fields["subject"].agree, summary.lenient_fields["subject"].agree) == (0, 1)
    assert (summary.fields["location"].agree, summary.lenient_fields["location"].agree) == (0, 1)
    assert set(summary.lenient_fields) == {"source_name", "location", "subject"}


def test_a_source_surname_counts_for_strict_f1_when_the_article_supports_it() -> None:
    text = "Minister Anna Berg said 5,000 troops arrived in Kursk on Monday. Berg said more."
    gold = [as_gold_in(text, source=Source(name="Anna Berg"))]
    predicted = [claim_in(text, source=Source(name="Berg"))]
    assert score_article("a", predicted, gold, text=text).strict_matched == 1
    assert score_article("a", predicted, gold).strict_matched == 0  # no article: no alias


STATEMENT = "5,000 troops arrived in Kursk on Monday."
QUOTE = "5,000 troops arrived in Kursk on Monday"


def as_gold_in(text: str, **fields: Any) -> GoldClaim:
    return gold_claim("c1", STATEMENT, QUOTE, text=text, **(_arrived_fields() | fields))


def claim_in(text: str, **fields: Any) -> Claim:
    return claim(STATEMENT, QUOTE, text=text, **(_arrived_fields() | fields))


def _arrived_fields() -> dict[str, Any]:
    return {k: v for k, v in ARRIVED.items() if k not in ("statement", "quotes")}
