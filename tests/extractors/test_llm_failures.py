"""A failed extraction is explained in one line naming its cause."""

from __future__ import annotations

import httpx
import openai
from instructor.core import IncompleteOutputException, InstructorRetryException
from limits.errors import StorageError

from service.extractors.base import FailureKind
from service.extractors.llm_failures import describe_failure, fault_line

REQUEST = httpx.Request("POST", "http://127.0.0.1:9/v1/chat/completions")


def _describe(error: Exception) -> tuple[FailureKind, str]:
    return describe_failure(
        error,  # type: ignore[arg-type]
        3,
        timeout=5.0,
        model_retries=2,
        max_tokens=256,
        api_base="http://127.0.0.1:9",
    )


def _retry_error(cause: BaseException) -> InstructorRetryException:
    error = InstructorRetryException("failed", n_attempts=3, total_usage=0)
    error.__cause__ = cause
    return error


def test_fault_line_names_a_rate_limit_and_its_retry_after() -> None:
    response = httpx.Response(429, headers={"Retry-After": "7"}, request=REQUEST)
    error = openai.RateLimitError("slow down", response=response, body=None)
    assert fault_line(error, timeout=5.0) == "HTTP 429 rate limited (Retry-After 7 s)"


def test_fault_line_names_the_timeout_in_seconds() -> None:
    error = openai.APITimeoutError(request=REQUEST)
    assert fault_line(error, timeout=2.5) == "timeout after 2.5 s"


def test_output_cut_off_names_the_token_limit() -> None:
    kind, message = _describe(IncompleteOutputException(last_completion=None))
    assert kind is FailureKind.invalid_output
    assert "max_tokens=256" in message


def test_unreachable_rate_limit_store_is_a_model_error_naming_the_store() -> None:
    kind, message = _describe(_retry_error(StorageError(ConnectionError("redis down"))))
    assert kind is FailureKind.model_error
    assert "rate limit could not be checked" in message


def test_invalid_output_after_retries_counts_the_attempts() -> None:
    kind, message = _describe(_retry_error(ValueError("claims.0.kind: not a kind")))
    assert kind is FailureKind.invalid_output
    assert "after 3 attempts" in message
