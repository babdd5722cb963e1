"""Transient model faults (429, 5xx, timeouts, lost connections) are retried before they fail.

End to end against the scripted OpenAI server; the extractor's sleep is injected, so the
waits are recorded in `slept` instead of slept through.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import uuid

import pytest

from service.extractors.base import ExtractionError, FailureKind
from service.extractors.ratelimit import ModelRateLimiter
from tests.extractors.conftest import MakeExtractor
from tests.extractors.test_llm import ARTICLE, OPENED, claims
from tests.fakes.openai_server import Delay, Drop, HttpError, Scripted, ScriptedOpenAIServer

TIMEOUT = 0.5  # seconds per request; a Delay longer than this is a timeout
PATIENT_TIMEOUT = 10.0  # for every other fault, so a busy machine never reads as a timeout

# fault, the `last_error` it leaves, the failure kind when it persists
FAULTS: dict[str, tuple[Scripted, str, FailureKind]] = {
    "429 with Retry-After": (
        HttpError(429, "Rate limit reached", "rate_limit_error", headers={"Retry-After": "2"}),
        "HTTP 429 rate limited (Retry-After 2 s)",
        FailureKind.rate_limited,
    ),
    "500": (
        HttpError(500, "the GPU caught fire"),
        "HTTP 500: the GPU caught fire",
        FailureKind.model_error,
    ),
    "502": (HttpError(502, "bad gateway"), "HTTP 502: bad gateway", FailureKind.model_error),
    "503": (
        HttpError(503, "the model is overloaded", "service_unavailable"),
        "HTTP 503: the model is overloaded",
        FailureKind.model_error,
    ),
    # litellm reports a gateway timeout as a timeout
    "504": (
        HttpError(504, "upstream timed out"),
        "HTTP 504: upstream timed out",
        FailureKind.timeout,
    ),
    "timeout": (Delay(5), "timeout after 0.5 s", FailureKind.timeout),
    "dropped connection": (
        Drop(),
        "connection failed: Server disconnected without sending a response.",
        FailureKind.model_error,
    ),
}


def timeout_for(fault: Scripted) -> float:
    """The request timeout a test of `fault` runs with: short only when the fault is a delay."""
    return TIMEOUT if isinstance(fault, Delay) else PATIENT_TIMEOUT


def unavailable(message: str = "the model is overloaded") -> HttpError:
    """An HTTP 503 without Retry-After."""
    return HttpError(503, message, "service_unavailable")


@pytest.mark.parametrize("name", FAULTS)
def test_transient_fault_is_retried_and_the_extraction_succeeds(
    name: str, openai_server: ScriptedOpenAIServer, make_extractor: MakeExtractor
) -> None:
    fault, last_error, _ = FAULTS[name]
    openai_server.enqueue(fault, fault, claims(OPENED))

    result = make_extractor(timeout=timeout_for(fault), model_retries=2).extract(ARTICLE)

    assert [c.statement for c in result.claims] == [OPENED["statement"]]
    assert len(openai_server.requests) == 3
    assert (result.retries, result.last_error) == (2, last_error)
    assert result.attempts == 1  # retries repeat a request; they are not re-asks
    assert f"2 model request retries after transient faults; last: {last_error}" in result.notes


@pytest.mark.parametrize("name", FAULTS)
def test_persistent_fault_fails_with_its_kind_after_the_configured_retries(
    name: str, openai_server: ScriptedOpenAIServer, make_extractor: MakeExtractor
) -> None:
    fault, last_error, kind = FAULTS[name]
    openai_server.enqueue(fault, fault, fault)

    with pytest.raises(ExtractionError) as caught:
        make_extractor(timeout=timeout_for(fault), model_retries=2).extract(ARTICLE)

    error = caught.value
    assert error.kind is kind
    assert (error.retries, error.last_error) == (2, last_error)
    assert "still after 2 retries" in error.message
    assert "Traceback" not in error.message
    assert len(openai_server.requests) == 3


def test_rate_limited_request_waits_for_retry_after_then_succeeds(
    openai_server: ScriptedOpenAIServer, make_extractor: MakeExtractor, slept: list[float]
) -> None:
    openai_server.enqueue(FAULTS["429 with Retry-After"][0], claims(OPENED))

    result = make_extractor(model_retry_backoff=0.01).extract(ARTICLE)

    assert slept == [2.0]
    assert result.retries == 1


def test_retry_after_given_as_an_http_date_is_honoured(
    openai_server: ScriptedOpenAIServer, make_extractor: MakeExtractor, slept: list[float]
) -> None:
    when = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=30)
    date = email.utils.format_datetime(when, usegmt=True)
    openai_server.enqueue(HttpError(429, headers={"Retry-After": date}), claims(OPENED))

    make_extractor().extract(ARTICLE)

    (wait,) = slept
    assert 27 < wait <= 30


def test_retry_after_is_capped_by_the_max_wait(
    openai_server: ScriptedOpenAIServer, make_extractor: MakeExtractor, slept: list[float]
) -> None:
    openai_server.enqueue(HttpError(503, headers={"Retry-After": "120"}), claims(OPENED))

    result = make_extractor(model_retry_max_wait=5).extract(ARTICLE)

    assert slept == [5.0]
    assert result.retries == 1


def test_backoff_doubles_from_the_first_wait_and_has_jitter(
    openai_server: ScriptedOpenAIServer, make_extractor: MakeExtractor, slept: list[float]
) -> None:
    openai_server.enqueue(*[unavailable()] * 4, claims(OPENED))

    make_extractor(model_retries=4, model_retry_backoff=1.0).extract(ARTICLE)

    jitter = [wait - 2**n for n, wait in enumerate(slept)]
    assert len(slept) == 4
    assert all(0 <= part <= 1 for part in jitter)  # 1, 2, 4, 8 s plus up to one backoff
    assert len(set(jitter)) == 4


def test_backoff_is_capped_by_the_max_wait(
    openai_server: ScriptedOpenAIServer, make_extractor: MakeExtractor, slept: list[float]
) -> None:
    openai_server.enqueue(*[unavailable()] * 4, claims(OPENED))

    make_extractor(model_retries=4, model_retry_backoff=1.0, model_retry_max_wait=3).extract(
        ARTICLE
    )

    assert slept[2:] == [3.0, 3.0]
    assert max(slept) == 3.0


@pytest.mark.parametrize(
    ("status", "kind"),
    [(400, "invalid_request_error"), (401, "invalid_request_error"), (404, "not_found")],
)
def test_client_errors_are_not_retried(
    status: int,
    kind: str,
    openai_server: ScriptedOpenAIServer,
    make_extractor: MakeExtractor,
    slept: list[float],
) -> None:
    openai_server.enqueue(HttpError(status, "you asked for something wrong", kind))

    with pytest.raises(ExtractionError) as caught:
        make_extractor(model_retries=4).extract(ARTICLE)

    assert caught.value.kind is FailureKind.model_error
    assert f"HTTP {status}" in caught.value.message
    assert "retries" not in caught.value.message
    assert (caught.value.retries, caught.value.last_error) == (0, None)
    assert len(openai_server.requests) == 1
    assert slept == []


def test_invalid_output_is_reasked_not_retried(
    openai_server: ScriptedOpenAIServer, make_extractor: MakeExtractor, slept: list[float]
) -> None:
    openai_server.enqueue(claims({"statement": "no kind, no evidence"}), claims(OPENED))

    result = make_extractor().extract(ARTICLE)

    assert (result.attempts, result.retries, result.last_error) == (2, 0, None)
    assert slept == []


def test_retries_are_counted_over_every_chunk(
    openai_server: ScriptedOpenAIServer, make_extractor: MakeExtractor
) -> None:
    openai_server.enqueue(unavailable("first"), claims(), unavailable("second"), claims())

    result = make_extractor(chunk_chars=200).extract(ARTICLE)  # two chunks

    assert len(openai_server.requests) == 4
    assert (result.retries, result.last_error) == (2, "HTTP 503: second")


def test_unreachable_server_is_retried_then_named(
    openai_server: ScriptedOpenAIServer, make_extractor: MakeExtractor
) -> None:
    extractor = make_extractor(model_retries=3)
    openai_server.stop()

    with pytest.raises(ExtractionError) as caught:
        extractor.extract(ARTICLE)

    assert caught.value.kind is FailureKind.model_error
    assert "could not connect to the model server" in caught.value.message
    assert caught.value.retries == 3
    assert caught.value.last_error is not None
    assert "Connection refused" in caught.value.last_error


def _limiter(**limits: int) -> tuple[ModelRateLimiter, list[float]]:
    """A limiter whose waits are recorded; each wait empties the window, as a minute would."""
    limited: list[float] = []

    def pass_the_minute(seconds: float) -> None:
        limited.append(seconds)
        limiter.reset()

    limiter = ModelRateLimiter(
        model="openai/test-model", namespace=uuid.uuid4().hex, sleep=pass_the_minute, **limits
    )
    return limiter, limited


def test_every_try_waits_for_the_shared_rate_limit(
    openai_server: ScriptedOpenAIServer, make_extractor: MakeExtractor
) -> None:
    limiter, limited = _limiter(rpm=2)
    openai_server.enqueue(unavailable(), unavailable(), claims(OPENED))

    result = make_extractor(rate_limiter=limiter).extract(ARTICLE)

    assert result.retries == 2
    assert len(limited) == 1  # the third request of the minute waited for a free slot
    assert 55 < limited[0] <= 61


def test_token_rate_limit_counts_each_request_estimate(
    openai_server: ScriptedOpenAIServer, make_extractor: MakeExtractor
) -> None:
    # Smaller than one request: the first goes through alone, the retry waits a minute.
    limiter, limited = _limiter(tpm=50)
    openai_server.enqueue(unavailable(), claims(OPENED))

    make_extractor(rate_limiter=limiter).extract(ARTICLE)

    assert len(limited) == 1
    assert len(openai_server.requests) == 2
