"""Model faults: which are transient (429, timeouts, lost connections, 5xx), how long to
wait before the next try, and how to describe a fault in one line."""

from __future__ import annotations

import datetime as dt
import email.utils
import math
import re
from collections.abc import Mapping

import httpx
import openai  # (installed with litellm and instructor; their errors derive from it)
from pydantic import ValidationError
from tenacity import RetryCallState
from tenacity.wait import wait_base, wait_exponential_jitter

_LITELLM_PREFIX = re.compile(r"^(litellm\.\w+: )?(\w+( Error)?: )?(\w+Exception - )?")
# Transport failures (as opposed to bad URLs or local misuse) that a new connection may cure.
_TRANSIENT_TRANSPORT = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)


class WaitForServer(wait_base):
    """Retry-After when the server sent one, else exponential backoff with jitter; capped.

    Without Retry-After the n-th wait is backoff·2ⁿ⁻¹ plus a random part of up to one
    backoff, so workers that failed together do not all retry at the same moment.
    """

    def __init__(self, backoff: float, max_wait: float) -> None:
        self.max_wait = max_wait
        self.backoff = wait_exponential_jitter(multiplier=backoff, jitter=backoff, max=max_wait)

    def __call__(self, retry_state: RetryCallState) -> float:
        after = retry_after(raised(retry_state))
        if after is None:
            return self.backoff(retry_state)
        return min(after, self.max_wait)


def raised(retry_state: RetryCallState) -> BaseException | None:
    """The exception the last try raised, if it raised one."""
    outcome = retry_state.outcome
    return outcome.exception() if outcome is not None and outcome.failed else None


def is_transient(error: BaseException | None) -> bool:
    """True for faults worth another try: 429, timeouts, lost connections and 5xx."""
    if isinstance(error, (openai.RateLimitError, openai.APIConnectionError)):
        return True  # APIConnectionError includes timeouts (litellm.Timeout derives from it)
    if transport_failure(error) is not None:
        return True
    status = getattr(error, "status_code", None)
    return isinstance(error, openai.APIError) and isinstance(status, int) and status >= 500


def retry_after(error: BaseException | None) -> float | None:
    """Seconds the server asked to wait in Retry-After (seconds or an HTTP date), if it did."""
    # litellm re-raises provider errors with a stand-in response whose headers are empty;
    # the server's headers travel in litellm_response_headers.
    for raw in (
        getattr(error, "litellm_response_headers", None),
        getattr(getattr(error, "response", None), "headers", None),
    ):
        if isinstance(raw, Mapping) and (value := httpx.Headers(raw).get("retry-after")):
            return parse_retry_after(value)
    return None


def parse_retry_after(value: str) -> float | None:
    """A Retry-After value in seconds from now; None when it is neither a number nor a date."""
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=dt.UTC)
        seconds = (when - dt.datetime.now(dt.UTC)).total_seconds()
    return max(0.0, seconds) if math.isfinite(seconds) else None


def transport_failure(error: BaseException | None) -> BaseException | None:
    """The broken-connection or timed-out transport error in the chain, if there is one.

    litellm reports a dropped or refused connection as HTTP 500 "Connection error."; the
    httpx error underneath says what happened.
    """
    current = error
    while current is not None:
        if isinstance(current, _TRANSIENT_TRANSPORT):
            return current
        current = current.__cause__ or current.__context__
    return None


def detail_of(error: BaseException | None) -> str:
    """The provider's message without litellm's class-name prefixes."""
    return _LITELLM_PREFIX.sub("", str(getattr(error, "message", error)))


def seconds_text(value: float) -> str:
    """Seconds for a message: 2, 0.5, 37.4, 3600."""
    return f"{value:.1f}".removesuffix(".0")


def summarize(error: BaseException) -> str:
    """The first few validation problems as 'field: message', without pydantic's URLs."""
    if not isinstance(error, ValidationError):
        return str(error).strip().splitlines()[0][:300]
    problems = [
        f"{'.'.join(str(part) for part in problem['loc']) or 'output'}: {problem['msg']}"
        for problem in error.errors()[:3]
    ]
    more = error.error_count() - len(problems)
    return "; ".join(problems) + (f" (and {more} more)" if more > 0 else "")


def connection_failed(error: BaseException) -> bool:
    """True when the error chain shows the server could not be reached at all."""
    current: BaseException | None = error
    while current is not None:
        if isinstance(current, httpx.ConnectError):
            return True
        current = current.__cause__ or current.__context__
    return False
