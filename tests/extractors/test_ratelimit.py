"""The shared per-model rate limiter: requests and prompt tokens per minute, in memory or Redis."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from service.config import Settings
from service.extractors.base import ExtractionError, FailureKind
from service.extractors.llm import LLMExtractor
from service.extractors.ratelimit import ModelRateLimiter, shared_limiter
from tests.conftest import redis_url_or_skip
from tests.extractors.conftest import MakeExtractor
from tests.extractors.test_llm import ARTICLE, claims
from tests.fakes.openai_server import ScriptedOpenAIServer

Limiters = Callable[..., ModelRateLimiter]


class Waits(list[float]):
    """An injected sleep that records each wait and then empties the window, as time would."""

    limiters: list[ModelRateLimiter]

    def __call__(self, seconds: float) -> None:
        self.append(seconds)
        for limiter in self.limiters:
            limiter.reset()


@pytest.fixture
def waits() -> Waits:
    """The waits the limiters built by `limiter` asked for."""
    recorder = Waits()
    recorder.limiters = []
    return recorder


@pytest.fixture
def limiter(waits: Waits) -> Iterator[Limiters]:
    """Build limiters on fresh keys that skip time when they wait; cleared afterwards."""
    namespace = f"test_{uuid.uuid4().hex}"

    def build(**options: Any) -> ModelRateLimiter:
        made = ModelRateLimiter(
            **({"model": "openai/test-model", "namespace": namespace, "sleep": waits} | options)
        )
        waits.limiters.append(made)
        return made

    yield build
    for made in waits.limiters:
        made.reset()


def test_requests_within_the_limit_go_through_at_once(limiter: Limiters, waits: Waits) -> None:
    requests = limiter(rpm=2)

    requests.acquire()
    requests.acquire()

    assert waits == []


def test_third_request_in_a_minute_waits_until_the_first_leaves_the_window(
    limiter: Limiters, waits: Waits
) -> None:
    requests = limiter(rpm=2)
    requests.acquire()
    requests.acquire()

    requests.acquire()

    (wait,) = waits
    assert 59 < wait <= 60.1


def test_a_full_window_blocks_in_real_time_until_it_frees(limiter: Limiters) -> None:
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        time.sleep(seconds)

    requests = limiter(rpm=1, window_seconds=1, sleep=sleep)
    requests.acquire()
    started = time.monotonic()

    requests.acquire()

    assert 0.8 < time.monotonic() - started < 3
    assert len(slept) <= 2  # it sleeps until the window frees; it does not poll


def test_tokens_that_do_not_fit_the_minute_wait(limiter: Limiters, waits: Waits) -> None:
    tokens = limiter(tpm=100)
    tokens.acquire(60)

    tokens.acquire(60)

    assert len(waits) == 1


def test_large_token_budgets_are_counted_in_blocks_yet_kept(
    limiter: Limiters, waits: Waits
) -> None:
    tokens = limiter(tpm=1_000_000)
    tokens.acquire(600_000)
    tokens.acquire(399_000)
    assert waits == []

    tokens.acquire(2_000)

    assert len(waits) == 1


def test_request_larger_than_the_token_budget_goes_through_an_empty_window(
    limiter: Limiters, waits: Waits
) -> None:
    tokens = limiter(tpm=100)

    tokens.acquire(500)
    assert waits == []

    tokens.acquire(1)  # the oversized request filled the whole minute
    assert len(waits) == 1


def test_request_larger_than_the_token_budget_waits_for_an_empty_window(
    limiter: Limiters, waits: Waits
) -> None:
    tokens = limiter(tpm=100)
    tokens.acquire(10)

    tokens.acquire(500)

    assert len(waits) == 1


def test_a_request_must_fit_both_limits(limiter: Limiters, waits: Waits) -> None:
    both = limiter(rpm=10, tpm=100)
    both.acquire(90)

    both.acquire(20)

    assert len(waits) == 1


def test_without_limits_there_is_no_limiter() -> None:
    assert shared_limiter(model="openai/test-model", rpm=None, tpm=None) is None


def test_limiter_is_shared_per_model_and_queue_in_memory_unless_the_queue_is_on_redis() -> None:
    one = shared_limiter(model="openai/a", rpm=5, tpm=None, queue_name="q1")
    assert one is shared_limiter(model="openai/a", rpm=5, tpm=None, queue_name="q1")
    assert one is not shared_limiter(model="openai/b", rpm=5, tpm=None, queue_name="q1")
    assert one is not shared_limiter(model="openai/a", rpm=5, tpm=None, queue_name="q2")
    assert one is not None and one.storage_url == "memory://"

    on_sqlite = shared_limiter(
        model="openai/a", rpm=5, tpm=None, queue_url="sqlite:///q.db", queue_name="q1"
    )
    assert on_sqlite is one
    # Building the Redis storage does not connect yet.
    on_redis = shared_limiter(model="openai/a", rpm=5, tpm=None, queue_url="redis://127.0.0.1:1/0")
    assert on_redis is not None and on_redis.storage_url == "redis://127.0.0.1:1/0"


def test_extractors_built_from_settings_share_one_limiter() -> None:
    settings = Settings(
        _env_file=None,
        model="openai/gpt-4o-mini",
        model_rpm=60,
        model_tpm=100_000,
        queue_name="shared_test",
    )

    first, second = (LLMExtractor.from_settings(settings) for _ in range(2))

    assert first.rate_limiter is not None
    assert first.rate_limiter is second.rate_limiter
    assert (first.rate_limiter.rpm, first.rate_limiter.tpm) == (60, 100_000)
    assert "rpm" not in first.parameters and "model_retries" not in first.parameters


def test_unreachable_rate_limit_store_fails_the_run_as_a_model_error(
    openai_server: ScriptedOpenAIServer, make_extractor: MakeExtractor
) -> None:
    unreachable = ModelRateLimiter(
        model="openai/test-model", rpm=5, storage_url="redis://127.0.0.1:1/0"
    )
    openai_server.enqueue(claims())

    with pytest.raises(ExtractionError) as caught:
        make_extractor(rate_limiter=unreachable).extract(ARTICLE)

    assert caught.value.kind is FailureKind.model_error
    assert "rate limit could not be checked" in caught.value.message
    assert openai_server.requests == []


@pytest.fixture
def redis_url() -> str:
    """The Redis of CLAIMKIT_TEST_REDIS_URL, else the test is skipped."""
    return redis_url_or_skip()


def test_workers_on_redis_share_the_limit(redis_url: str, limiter: Limiters, waits: Waits) -> None:
    # Two limiters stand for two worker processes: only the keys in Redis are shared.
    first, second = limiter(rpm=2, storage_url=redis_url), limiter(rpm=2, storage_url=redis_url)
    first.acquire()
    second.acquire()
    assert waits == []

    first.acquire()

    (wait,) = waits
    assert 58 < wait <= 60.1


def test_token_budget_on_redis_is_shared_too(
    redis_url: str, limiter: Limiters, waits: Waits
) -> None:
    first, second = (limiter(tpm=1_000, storage_url=redis_url) for _ in range(2))
    first.acquire(700)

    second.acquire(700)

    assert len(waits) == 1
