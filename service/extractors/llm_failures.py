"""Why an LLM extraction failed, in words a user can act on: the failure kind and one line."""

from __future__ import annotations

import os

# litellm fetches its model cost map from the network on import unless told otherwise.
os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")

import litellm
import openai  # (installed with litellm and instructor; their errors derive from it)
from instructor.core import IncompleteOutputException, InstructorError, InstructorRetryException
from limits.errors import StorageError

from service.extractors.base import FailureKind
from service.extractors.llm_faults import (
    connection_failed,
    detail_of,
    is_transient,
    retry_after,
    seconds_text,
    summarize,
    transport_failure,
)


def fault_line(error: BaseException | None, *, timeout: float) -> str:
    """A one-line description of a transient fault, as recorded in `last_error`."""
    status = getattr(error, "status_code", None)
    if isinstance(error, openai.RateLimitError):
        after = retry_after(error)
        return "HTTP 429 rate limited" + (
            f" (Retry-After {seconds_text(after)} s)" if after is not None else ""
        )
    if isinstance(error, openai.APITimeoutError) and status != 504:
        return f"timeout after {seconds_text(timeout)} s"
    transport = transport_failure(error)
    if transport is not None:
        return f"connection failed: {transport}"[:200]
    return f"HTTP {status}: {detail_of(error)}"[:200]


def describe_failure(
    error: InstructorError,
    attempts: int,
    *,
    timeout: float,
    model_retries: int,
    max_tokens: int | None,
    api_base: str | None,
) -> tuple[FailureKind, str]:
    """The failure kind and a one-line explanation a user can act on."""
    if isinstance(error, IncompleteOutputException):
        return FailureKind.invalid_output, (
            f"the model's output was cut off at the token limit (max_tokens={max_tokens})"
        )
    cause = error.__cause__ if isinstance(error, InstructorRetryException) else None
    if isinstance(cause, StorageError):
        return FailureKind.model_error, (
            f"the shared model rate limit could not be checked: {cause.storage_error}"
        )
    if cause is None or not isinstance(cause, openai.OpenAIError):
        return FailureKind.invalid_output, (
            f"the model's output was still invalid after {attempts} attempts: "
            + summarize(cause or error)
        )
    retried = f", still after {model_retries} retries" if model_retries else ""
    detail = detail_of(cause)
    status = getattr(cause, "status_code", None)
    if isinstance(cause, litellm.Timeout):
        if status == 504:  # litellm reports a gateway timeout as a timeout
            return FailureKind.timeout, (
                f"the model server's gateway timed out (HTTP 504){retried}: {detail}"
            )
        return FailureKind.timeout, (
            f"the model did not answer within the {timeout:g} s request timeout{retried}"
        )
    if isinstance(cause, litellm.RateLimitError):
        return FailureKind.rate_limited, (
            f"the model provider refused the request as rate limited (HTTP 429){retried}: {detail}"
        )
    where = api_base or "the provider's default address"
    if connection_failed(cause):
        return FailureKind.model_error, (
            f"could not connect to the model server at {where}{retried}"
        )
    transport = transport_failure(cause)
    if transport is not None:
        return FailureKind.model_error, (
            f"the connection to the model server at {where} failed{retried}: {transport}"
        )
    if status in (401, 403):
        return FailureKind.model_error, (
            f"the model provider rejected the credentials (HTTP {status}): {detail}"
        )
    if status is not None:
        again = retried if is_transient(cause) else ""
        return FailureKind.model_error, (
            f"the model provider answered HTTP {status}{again}: {detail}"
        )
    return FailureKind.model_error, f"the model call failed: {detail}"
