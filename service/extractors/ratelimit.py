"""Per-model rate limits shared by every worker: requests and prompt tokens per minute.

A moving window from the `limits` package, kept in memory (one process) or in Redis (every
process on every machine that shares the queue). `acquire` blocks, sleeping until the
window frees, rather than failing: a run waits for its turn instead of hitting a 429.
"""

from __future__ import annotations

import functools
import math
import time
from collections.abc import Callable

from limits import RateLimitItem, RateLimitItemPerSecond
from limits.storage import StorageTypes, storage_from_string
from limits.strategies import MovingWindowRateLimiter

MEMORY = "memory://"
REDIS_SCHEMES = ("redis://", "rediss://")
# The moving window stores one entry per unit it counts, so a budget of millions of tokens
# is counted in blocks of tokens: at most this many entries per window. Each request then
# costs at most one block more than its tokens (0.01% of the budget).
TOKEN_SLOTS = 10_000
_SETTLE = 0.01  # seconds added to each wait, so the oldest entry has surely left the window


class ModelRateLimiter:
    """Blocks until a model request fits its requests-per-minute and tokens-per-minute limits.

    A request estimated larger than the whole token budget would never fit; it is let through
    once the token window is otherwise empty, and then fills that window on its own.
    """

    def __init__(
        self,
        *,
        model: str,
        rpm: int | None = None,
        tpm: int | None = None,
        storage_url: str = MEMORY,
        namespace: str = "claimkit",
        window_seconds: int = 60,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.model = model
        self.rpm = rpm
        self.tpm = tpm
        self.storage_url = storage_url
        self._limiter = MovingWindowRateLimiter(_storage(storage_url))
        self._keys = ("claimkit-model", namespace, model)
        self._requests = RateLimitItemPerSecond(rpm, window_seconds) if rpm else None
        self._block = math.ceil(tpm / TOKEN_SLOTS) if tpm else 1
        self._tokens = RateLimitItemPerSecond(tpm // self._block, window_seconds) if tpm else None
        self._sleep = sleep

    @property
    def counts_tokens(self) -> bool:
        """True when a token budget is set (callers need not estimate tokens otherwise)."""
        return self._tokens is not None

    def acquire(self, tokens: int = 0) -> float:
        """Block until a request of `tokens` prompt tokens may be sent; the seconds waited."""
        costs = self._costs(tokens)
        waited = 0.0
        while True:
            wait = max((self._wait(item, cost) for item, cost in costs), default=0.0)
            # Both limits are tested before either is hit, so waiting for the token budget
            # does not hold a request slot; a race lost in between wastes one slot at worst.
            if wait <= 0 and all(self._limiter.hit(item, *self._keys, cost=c) for item, c in costs):
                return waited
            pause = max(wait, 0.0) + _SETTLE
            self._sleep(pause)
            waited += pause

    def reset(self) -> None:
        """Forget every request and token counted so far under this limiter's keys."""
        for item, _ in self._costs(0):
            self._limiter.clear(item, *self._keys)

    def _costs(self, tokens: int) -> list[tuple[RateLimitItem, int]]:
        costs: list[tuple[RateLimitItem, int]] = []
        if self._requests is not None:
            costs.append((self._requests, 1))
        if self._tokens is not None:
            blocks = max(1, math.ceil(tokens / self._block))
            costs.append((self._tokens, min(blocks, self._tokens.amount)))
        return costs

    def _wait(self, item: RateLimitItem, cost: int) -> float:
        """Seconds until `cost` more fits the window: 0 when it fits now."""
        stats = self._limiter.get_window_stats(item, *self._keys)
        if stats.remaining >= cost:
            return 0.0
        return stats.reset_time - time.time()


def storage_url_for(queue_url: str | None) -> str:
    """Redis when the queue is on Redis (shared by all machines), else this process's memory."""
    if queue_url and queue_url.startswith(REDIS_SCHEMES):
        return queue_url
    return MEMORY


def shared_limiter(
    *,
    model: str,
    rpm: int | None,
    tpm: int | None,
    queue_url: str | None = None,
    queue_name: str = "claimkit",
) -> ModelRateLimiter | None:
    """The process-wide limiter for these settings (None without limits), shared by extractors."""
    if not rpm and not tpm:
        return None
    return _limiter(storage_url_for(queue_url), queue_name, model, rpm, tpm)


@functools.cache
def _limiter(
    storage_url: str, namespace: str, model: str, rpm: int | None, tpm: int | None
) -> ModelRateLimiter:
    return ModelRateLimiter(
        model=model, rpm=rpm, tpm=tpm, storage_url=storage_url, namespace=namespace
    )


@functools.cache
def _storage(url: str) -> StorageTypes:
    """One storage (and connection pool) per URL; errors surface as limits' StorageError."""
    return storage_from_string(url, wrap_exceptions=True)
