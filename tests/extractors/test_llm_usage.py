"""The usage ledger sums tokens and cost over every response of one extraction."""

from __future__ import annotations

from types import SimpleNamespace

from service.extractors.llm_usage import UsageLedger, response_cost


def _response(prompt: int, completion: int, cached: int = 0) -> SimpleNamespace:
    details = SimpleNamespace(cached_tokens=cached)
    usage = SimpleNamespace(
        prompt_tokens=prompt,
        completion_tokens=completion,
        total_tokens=0,
        prompt_tokens_details=details,
    )
    return SimpleNamespace(usage=usage)


def test_ledger_sums_tokens_over_responses_and_fills_a_missing_total() -> None:
    ledger = UsageLedger()
    ledger.record_response(_response(100, 20, cached=60))
    ledger.record_response(_response(50, 5))
    assert ledger.usage.prompt_tokens == 150
    assert ledger.usage.completion_tokens == 25
    assert ledger.usage.total_tokens == 175
    assert ledger.usage.cached_tokens == 60


def test_cost_of_a_response_litellm_cannot_price_is_unknown() -> None:
    assert response_cost(_response(10, 1)) is None


def test_one_unpriced_response_makes_the_whole_cost_unknown() -> None:
    ledger = UsageLedger()
    ledger.record_response(_response(10, 1))
    assert ledger.cost_known is False
    assert ledger.usage.cost_usd is None


def test_retry_note_counts_retries_and_names_the_last_fault() -> None:
    ledger = UsageLedger()
    ledger.count_retry()
    ledger.note_fault("HTTP 429 rate limited")
    assert ledger.retry_note() == (
        "1 model request retry after transient faults; last: HTTP 429 rate limited"
    )
    ledger.count_retry()
    assert ledger.retry_note().startswith("2 model request retries")
